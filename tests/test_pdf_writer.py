"""The PDF writer, from hand-built documents, read back with pypdf and poppler/qpdf."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.doc import Document, Heading, Meta, Note, NoteRef, Paragraph, Span, Theme
from briefgen.writers.pdf.writer import count_pages, write
from tests.samples import HOSTILE, sample_document
from tests.tools import require


def text_of(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture
def sample_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "sample.pdf"
    result = write(sample_document(), path, Theme())
    assert result.pages == 1 and result.notes == 3
    return path


def test_every_paragraph_and_note_is_in_the_text(sample_pdf: Path) -> None:
    (page,) = text_of(sample_pdf)
    for needle in ("Sample Brief", "The bottom line, stated first.", "First judgment", "One bullet",
                   "Active troops", "about 1 million", "A quoted sentence.", "Kim Jong Un",
                   "Example Originator", "Originator unknown", "¶4", "¶7", "¶9"):
        assert needle in page, needle


def test_repeated_note_on_a_page_prints_once(sample_pdf: Path) -> None:
    (page,) = text_of(sample_pdf)
    assert page.count("seeds/a.txt") == 1 and page.count("seeds/b.txt") == 1


def test_hostile_text_is_literal_and_hangul_is_embedded(sample_pdf: Path) -> None:
    (page,) = text_of(sample_pdf)
    for token in ("**bold?**", "[^1]", "<b>tag</b>", "&", "{{ jinja }}", "김정은"):
        assert token in page, token
    fonts = {str(f) for p in PdfReader(sample_pdf).pages
             for f in p["/Resources"]["/Font"].get_object().values()
             for f in [f.get_object()["/BaseFont"]]}
    assert any("NanumGothic" in f for f in fonts), fonts


def test_metadata_outline_and_links(sample_pdf: Path) -> None:
    reader = PdfReader(sample_pdf)
    meta = reader.metadata
    assert meta is not None and meta.title == "Sample Brief" and meta.author == "briefgen tests"
    assert meta.subject == "Testing"
    assert [o.title for o in reader.outline] == ["Key judgments", "Key figures", "Quotes"]
    annots = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    internal = [a for a in annots if "/Dest" in a or ("/A" in a and a["/A"].get("/S") == "/GoTo")]
    assert len(internal) >= 6  # markers to notes and notes back to markers
    uris = [a["/A"]["/URI"] for a in annots if "/A" in a and "/URI" in a["/A"]]
    assert "https://example.org/x?a=1&b=2" in uris


def test_two_writes_are_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write(sample_document(), a, Theme())
    write(sample_document(), b, Theme())
    assert a.read_bytes() == b.read_bytes()


def long_document(paragraphs: int) -> Document:
    notes = [Note(f"k{i % 7}", (Span(f"Source number {i % 7}, ¶{i % 7}."),)) for i in range(paragraphs)]
    blocks = [Heading(0, (Span("Long"),))]
    blocks += [Paragraph((Span(f"Paragraph {i}: " + "words that fill the line " * 12), NoteRef(n)))
               for i, n in enumerate(notes)]
    return Document(Meta(title="Long"), tuple(blocks))


def test_notes_sit_on_the_page_that_cites_them(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    result = write(long_document(60), path, Theme())
    pages = text_of(path)
    assert result.pages == len(pages) > 2
    for text in pages:
        cited = {int(line.split(":")[0].split()[-1]) % 7 for line in text.splitlines() if "Paragraph " in line
                 and ":" in line.split("Paragraph ", 1)[1][:4]}
        for key in cited:
            assert f"Source number {key}," in text
        # each key is noted at most once per page
        assert all(text.count(f"Source number {k},") <= 1 for k in range(7))


def test_a_5000_character_word_wraps(tmp_path: Path) -> None:
    doc = Document(Meta(title="Word"), (Paragraph((Span("x" * 5000),)),))
    result = write(doc, tmp_path / "word.pdf", Theme())
    assert result.pages >= 1
    assert "".join(text_of(tmp_path / "word.pdf")).replace("\n", "").count("x") == 5000


def test_control_characters_do_not_break_the_file(tmp_path: Path) -> None:
    doc = Document(Meta(title="Ctl"), (Paragraph((Span("bell \x07 and nul \x00 end"),)),))
    write(doc, tmp_path / "ctl.pdf", Theme())
    assert "end" in text_of(tmp_path / "ctl.pdf")[0]


def test_count_pages_matches_write(tmp_path: Path) -> None:
    doc = long_document(40)
    assert count_pages(doc, Theme()) == write(doc, tmp_path / "x.pdf", Theme()).pages


def test_letter_page_size(tmp_path: Path) -> None:
    write(sample_document(), tmp_path / "l.pdf", Theme(page_size="Letter"))
    box = PdfReader(tmp_path / "l.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_qpdf_check_passes(sample_pdf: Path) -> None:
    qpdf = require("qpdf")
    done = subprocess.run([qpdf, "--check", str(sample_pdf)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pdffonts_shows_every_font_embedded(sample_pdf: Path) -> None:
    pdffonts = require("pdffonts")
    out = subprocess.run([pdffonts, str(sample_pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", row  # the `emb` column


def test_pdftotext_finds_the_notes(sample_pdf: Path) -> None:
    pdftotext = require("pdftotext")
    out = subprocess.run([pdftotext, str(sample_pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Example Originator" in out and HOSTILE.split()[0] in out
