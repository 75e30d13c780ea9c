"""An RTF document a DOCX imports whole (w:altChunk with an .rtf part), which Word converts and shows at the
chunk's place: read as Word shows it (rtftext.py), where it read as nothing."""

from __future__ import annotations

from pathlib import Path

import docx as python_docx

from briefgen.sources.formats.docxdoc import extract
from tests.helpers import libreoffice_convert
from tests.test_docx_packages import MAIN, _chunk, _package
from tests.test_docx_seed_reading import para, run

TYPES = (f'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
         f'ContentType="{MAIN}"/><Default Extension="rtf" ContentType="application/rtf"/>')
# RTF as Word writes it: a font table of several character sets, destinations a reader skips, Unicode with
# fallbacks, fields, a shape's text box (with the fallback copy of it), a footnote, hidden and deleted text
WORD_RTF = rb"""{\rtf1\ansi\ansicpg1252\uc1\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}
{\f1\fswiss\fcharset204{\*\panose 020b0604020202020204}Arial CYR;}{\f2\froman\fcharset2 Symbol;}
{\f3\fnil\fcharset128 MS Mincho;}{\f4\fnil\fcharset2 Wingdings;}}
{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}
{\*\generator Microsoft Word 16;}{\info{\title Hidden title}{\author Someone}}
{\header \pard\plain Running header\par}{\footer \pard Page footer\par}
\pard\plain\f0 {\*\bkmkstart intro}Caf\'e9 {\f1 \'ce\'f2\'f7\'b8\'f2}{\*\bkmkend intro} {\f3 \'96\'b3\'90\'6c\'8b\'40}
 \u8212\'97 end.\par
{\pntext\pard\plain\f2 \'b7\tab}{\*\pn\pnlvlblt{\pntxtb\'b7}}Bulleted item\par
\pard\uc2 Two\u8212\'2d\'2d fallbacks\uc1  and \u-10179?\u-8704? face {\f2 a\'b1\'80} {\f4 \'fc\'fd}\par
Field {\field{\*\fldinst { HYPERLINK "http://x" }}{\fldrslt {link text}}} here{\*\atnid A}{\*\annotation a note}
 and{\v  hidden} shown{\deleted  gone}.\par
Binary {\*\blipuid 00}{\pict\pngblip\bin4 }{}x}after pict {\*\unknowndestination words}\par
Shape anchor{\shp{\*\shpinst{\sp{\sn shapeType}{\sv 202}}{\shptxt \pard Text box line\par}}{\shprslt {\pard
Text box line\par}}} text.\par
Note here\chftn{\footnote\pard\plain\chftn  The note.\par} ends\chftn{\footnote\ftnalt\pard\plain\chftn
 An endnote.\par}\line next\~line \_ x\-y\chftn{\footnote\chftn  Another note.\par}\par
\trowd\cellx2000\cellx4000\pard\intbl Cell one\cell Cell two\cell\row
}"""


def _with_chunk(rtf: bytes) -> bytes:
    body = para(run("Before the chunk.")) + '<w:altChunk r:id="c1"/>' + para(run("After it."))
    return _package("word/document.xml", body, TYPES, _chunk("c1", "chunk.rtf"), {"word/chunk.rtf": rtf})


def test_an_rtf_chunk_written_as_word_writes_one_reads_as_word_shows_it() -> None:
    """Each paragraph as built: bytes in their font's code page (Cyrillic, Shift-JIS), Symbol's letters, \\u with
    its fallback skipped (\\uc2 too; a surrogate pair one character), a field's result, a text box's line after
    its anchor's paragraph, a footnote's number (an endnote's none, as its roman numeral) and notes' text after
    the chunk; not the header, footer, document information, bookmarks, comments, hidden or deleted text, a
    picture's binary data, an unknown \\* group."""
    assert extract(_with_chunk(WORD_RTF)).paragraphs == (
        "Before the chunk.", "Café Отчёт 無人機 — end.", "• Bulleted item",
        "Two— fallbacks and \U0001f600 face α±\ufffd ✓☒",
        "Field link text here and shown.", "Binary after pict", "Shape anchor text.", "Text box line",
        "Note here1 ends next line - xy2", "Cell one", "Cell two", "The note.", "An endnote.", "Another note.",
        "After it.")


def test_an_rtf_chunk_libreoffice_wrote_reads_as_libreoffice_shows_it(tmp_path: Path) -> None:
    """A document of several scripts, a list and a table, saved as RTF by LibreOffice: its paragraphs are those
    LibreOffice's own text export of the RTF gives (a tab as a space)."""
    made = python_docx.Document()
    made.add_heading("Defence report \u2014 2024", 1)
    for text in ("The ministry said drones numbered 1,200 \u2014 a \u201crecord\u201d in Kyiv\u2019s count.",
                 "Русский текст: армия получила 300 танков.", "中文：无人机数量为一千二百架。", "Ελληνικά και 😀."):
        made.add_paragraph(text)
    made.add_paragraph("First bullet item", style="List Bullet")
    made.add_paragraph("Numbered item", style="List Number")
    table = made.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Cell A1", "Cell B1"
    made.save(tmp_path / "chunk.docx")
    rtf = libreoffice_convert([tmp_path / "chunk.docx"], tmp_path, to="rtf")[0]
    shown = libreoffice_convert([rtf], tmp_path / "text", to="txt:Text (encoded):UTF8")[0]
    lines = [" ".join(line.split()) for line in shown.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    assert "Русский текст: армия получила 300 танков." in lines and "• First bullet item" in lines
    assert extract(_with_chunk(rtf.read_bytes())).paragraphs == ("Before the chunk.", *lines, "After it.")


def test_a_hostile_rtf_chunk_reads_as_nothing_and_the_document_still_reads() -> None:
    """Groups nested deeper than any document nests them are refused: the chunk reads as nothing, not a crash;
    a chunk cut short reads as far as it goes."""
    assert extract(_with_chunk(b"{\\rtf1 " + b"{" * 100_000 + b"x")).paragraphs == ("Before the chunk.", "After it.")
    assert extract(_with_chunk(b"{\\rtf1\\ansi Cut sh\\'")).paragraphs == (
        "Before the chunk.", "Cut sh", "After it.")
