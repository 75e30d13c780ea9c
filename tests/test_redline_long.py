"""A very long paragraph revised here and there is redlined word by word in a time that grows with its length,
not its square (wordalign.pieces): a paragraph of 20,000 words took minutes, spent comparing it whole with its
revision twice (is it alike? which words changed?). Read back: every change accepted gives the new text,
every change rejected the old, and the changed words alone are tracked."""

from __future__ import annotations

import random
import time
from pathlib import Path

from briefgen.document.nodes import Document, Meta, Paragraph, Span, Theme
from briefgen.writers.docx.redline import write_redline
from briefgen.writers.docx.writer import write
from tests.redlines import parts, text_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
META = Meta(title="Long", subject="s", author="a", keywords=(), date="2025-09-19")


def _brief(path: Path, words: list[str]) -> Path:
    write(Document(META, (Paragraph((Span("Opening line."),), "body"), Paragraph((Span(" ".join(words)),), "body"),
                          Paragraph((Span("Closing line."),), "body"))), path, Theme())
    return path


def test_a_paragraph_of_20000_words_revised_throughout(tmp_path: Path) -> None:
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(300)]  # few words, often repeated: the costly case to align
    old = [rng.choice(vocabulary) for _ in range(20_000)]
    new = [f"new{i}" if i % 50 == 0 else word for i, word in enumerate(old)]
    issued, revised = _brief(tmp_path / "old.docx", old), _brief(tmp_path / "new.docx", new)
    started = time.process_time()
    write_redline(issued, revised, tmp_path / "redline.docx", "Reviewer", "2025-09-19")
    assert time.process_time() - started < 40  # minutes before; about 6 s here on a shared machine
    assert text_of(tmp_path / "redline.docx", accept=True) == text_of(revised)
    assert text_of(tmp_path / "redline.docx", accept=False) == text_of(issued)
    document, _ = parts(tmp_path / "redline.docx")
    inserted = ["".join(t.text or "" for t in mark.iter(f"{W}t")).strip() for mark in document.iter(f"{W}ins")]
    assert sorted(inserted) == sorted(f"new{i}" for i in range(0, 20_000, 50))  # word by word, nothing more
    deleted = ["".join(t.text or "" for t in mark.iter(f"{W}delText")).strip() for mark in document.iter(f"{W}del")]
    assert sorted(deleted) == sorted(old[i] for i in range(0, 20_000, 50))
    assert not [p for p in document.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}del") is not None]
