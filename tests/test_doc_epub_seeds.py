"""Word 97-2003 (.doc) and EPUB seeds: read as Word, LibreOffice and a reading app show them, checked against
LibreOffice's text export and PDF of the same .doc and pandoc's plain text of the same book; hand-made documents
for what LibreOffice never writes; their properties fill `seeds add`'s entry; damaged and hostile files are
refused with a reason, in bounded time."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from briefgen.sources.formats import extract, format_of
from tests.helpers import libreoffice_convert, libreoffice_pdf, pdftotext, run
from tests.test_rtf_odt_seeds import RICH, hand_odt
from tests.tools import require
from tests.worddoc import TEXT_AT, Piece, WordDoc, compound, word_file

LABEL = re.compile(r"^(?:[•◦▪]|\(\d+\)|(?:\d+\.)+|[a-z]\.|\d+\.[ivx]+\.)\s+")  # a list label LibreOffice writes


def paragraphs(path: Path) -> list[str]:
    fmt = format_of(str(path))
    assert fmt is not None, path
    return list(extract(fmt, path.read_bytes()).paragraphs)


def exported_lines(files: list[Path], folder: Path) -> dict[str, list[str]]:
    """LibreOffice's text export of each file: its non-blank lines, white space squashed."""
    folder.mkdir()
    done = libreoffice_convert(files, folder, to="txt:Text (encoded):UTF8")
    return {file.name: [" ".join(line.split()) for line in text.read_text(encoding="utf-8-sig").splitlines()
                        if line.strip()] for file, text in zip(files, done, strict=True)}


def test_word_documents_libreoffice_writes_read_as_it_shows_them(tmp_path: Path) -> None:
    """LibreOffice's .doc of a pandoc DOCX (Cyrillic, Greek, Arabic, CJK, an emoji: a character of two UTF-16
    units, so every position after it counts two) and of an ODT (hidden text, a hidden paragraph, a tracked
    deletion, fields, a ruby, a footnote and an endnote, a text box, a table): every paragraph as LibreOffice's
    text export gives it but for list labels; hidden text out as LibreOffice's PDF prints it; the footnote's
    number glued to its word, the notes and the text box after the body."""
    source = tmp_path / "rich.md"
    source.write_text(RICH, encoding="utf-8")
    subprocess.run([require("pandoc"), str(source), "-s", "-o", str(tmp_path / "rich.docx")], check=True,
                   timeout=120)
    odt = hand_odt(tmp_path / "hand.odt")
    rich, hand = libreoffice_convert([tmp_path / "rich.docx", odt], tmp_path / "doc", to="doc")
    lines = exported_lines([rich, hand], tmp_path / "text")
    found = paragraphs(rich)
    assert found[-1] == "A footnote with its own text."
    assert " ".join(found[:-1]) == " ".join(LABEL.sub("", line) for line in lines["rich.doc"])  # a line break: two
    assert "The drone unit reported 412 sorties in the “northern” sector — during the autumn exercise.1" in found
    (tmp_path / "pdf").mkdir()
    printed = pdftotext(libreoffice_pdf(hand, tmp_path / "pdf"))
    assert "SECRET" not in printed and "HIDDEN PARAGRAPH" not in printed and "Ruby: 漢字 end" in printed
    shown = [LABEL.sub("", line).replace("\u00ad", "") for line in lines["hand.doc"]]
    shown = [line.replace("DELETED TEXT", "").replace(" SECRET", "") for line in shown if line != "HIDDEN PARAGRAPH"]
    found = paragraphs(hand)
    assert found[-3:] == ["Footnote body text.", "Endnote body text.", "Text box words."]
    assert " ".join(found[:-3]) == " ".join(shown).replace("armyi.", "army.")  # an endnote's mark: none


def hand_made(fields: bool = True) -> WordDoc:
    """Pieces stored out of order, one byte a character (cp1252's curly quotes, dash and euro sign) and two
    (Arabic, Chinese, an emoji), with hidden and deleted runs, breaks, Word's hyphens and a footnote; `fields`:
    fields, a ruby and a table too (which LibreOffice reads only with the tables locating them)."""
    link = "\x13 HYPERLINK \"http://x.example\" \x14link\x15" if fields else "link"
    last = ("\x13 QUOTE \x13 PAGE \x14 4\x15 \x14Quoted 4\x15 and \x13 XE \"index\" \x15none.\r"
            "Ruby \x13 EQ \\* jc0 \\o\\ad(\\s\\up 11(\u304b\u3093\u3058),\u6f22\u5b57)\x15 end.\r"
            "Cell one\x07Cell two\x07\x07") if fields else ""
    return WordDoc([
        Piece(f"Caf\u00e9 \u201cquoted\u201d \u2014 \u20ac5 and a {link} here.\r", compressed=True),
        Piece("Arabic \u0627\u0644\u0637\u0627\u0626\u0631\u0627\u062a, \u65e0\u4eba\u673a, emoji \U0001F680 "
              "and SECRET words.\r", hidden=("SECRET ",)),
        Piece("Kept DELETED text\x0bon a new line, non\x1ebreaking, opt\x1fional, priority\x02 one\x01\x08.\r"
              f"{last}Page\x0cBreak\r\x02 Foot text.\r", compressed=False, deleted=("DELETED ",)),
    ], footnotes="\x02 Foot text.\r", stored_order=[2, 0, 1])


SHOWN = ["Café “quoted” — €5 and a link here.", "Arabic الطائرات, 无人机, emoji 🚀 and words.",
         "Kept text on a new line, non-breaking, optional, priority1 one.", "Quoted 4 and none.", "Ruby 漢字 end.",
         "Cell one", "Cell two", "Page", "Break", "Foot text."]


def test_hand_made_pieces_read_as_libreoffice_shows_them(tmp_path: Path) -> None:
    """What LibreOffice never writes (several pieces, in another order than the text's, of both widths; hidden
    and deleted runs in the character FKPs): as LibreOffice's text export gives it, without the hidden and deleted
    runs it keeps (and Word's hyphens, which it writes as the Unicode ones); fields, a ruby and a table as built."""
    doc, plain = tmp_path / "hand.doc", tmp_path / "plain.doc"
    doc.write_bytes(word_file(hand_made()))
    plain.write_bytes(word_file(hand_made(fields=False)))
    assert paragraphs(doc) == SHOWN
    lines = exported_lines([plain], tmp_path / "text")["plain.doc"]
    shown = " ".join(lines).replace("SECRET ", "").replace("DELETED ", "").replace("\u2011", "-")
    assert shown.replace("\u00ad", "").replace("priority one .", "priority1 one.") == \
        " ".join(SHOWN[:3] + SHOWN[-3:-1])


def _truncated_piece() -> bytes:
    streams = WordDoc([Piece("Some text. " * 500 + "\r", compressed=True)]).streams()
    streams["WordDocument"] = streams["WordDocument"][:TEXT_AT + 4096]  # the piece runs past its stream
    return compound(streams)


def _workbook() -> bytes:
    return compound({"Workbook": bytes(5000), "\x05SummaryInformation": bytes(5000)})


TEXT = [Piece("Some text.\r", compressed=True)]
HOSTILE = {
    "locked.doc": (lambda: word_file(WordDoc(TEXT, flags=0x0300)), "the Word document is password-protected"),
    "old.doc": (lambda: word_file(WordDoc(TEXT, version=104)),
                "the file is a Word 6.0/95 or older document (format version 104), not Word 97-2003"),
    "sheet.doc": (_workbook, "the file is an Office file but not a Word document (its streams: Workbook)"),
    "loop.doc": (lambda: word_file(WordDoc(TEXT), loop=True),
                 "the Word document is damaged: a chain of its sectors loops or leaves its table"),
    "past.doc": (_truncated_piece, "the Word document is damaged: a piece of its text points past the WordDocument"),
    "huge.doc": (lambda: word_file(WordDoc(TEXT), declared={"WordDocument": 1 << 30}),
                 "the Word document is damaged: its stream 'WordDocument' declares 1073741824 bytes, more than"),
    "cut.doc": (lambda: word_file(WordDoc(TEXT))[:1500], "the Word document is damaged: a chain of sectors points"),
    "notes.doc": (lambda: b"Meeting notes typed as text.\n" * 40, "the Word document is damaged: it is not an OLE"),
    "report.doc": (lambda: b"%PDF-1.4\n", "the file is a PDF document, not an old Word .doc or other Office file"),
    "blank.doc": (lambda: word_file(WordDoc([Piece("\x13 XE \"x\" \x15\r\x01\r", compressed=True)])),
                  "the Word document has no text"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_damaged_and_hostile_word_documents_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    make, message = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(make())
    started = time.monotonic()
    result = run(workspace, "seeds", "add", str(path))
    assert time.monotonic() - started < 10
    assert result.exit_code == 1 and f"{path}: {message}" in result.output, result.output
    assert "hint: " in result.output and "Traceback" not in result.output
    assert not (workspace / "seeds" / name).exists()
