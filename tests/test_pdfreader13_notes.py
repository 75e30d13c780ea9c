"""typst's footnotes, made at test time: typst sets a note's number at the page's foot in its text's size, on its
baseline (a superscript glyph, "2Note 3: …" to pdfminer), so two notes of one line each, one under the other,
were read as one paragraph (pdflines._next_note). Oracle: the typst source as written."""

from __future__ import annotations

from pathlib import Path

import typst

from briefgen.sources.formats import FORMATS, extract
from tests.realdocs_typst import FONT_PATHS, FONTS

# notes of one width (the same words, digits of one width), on a page as wide as they are: each fills its line
NOTES = [f"Note {n}: Sorties offline coefficient sorties drone staff budget." for n in (3, 7, 8)]
WIDE_AS_NOTES = "#set page(width: auto)\n"


def _read(source: str, folder: Path) -> list[str]:
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    pdf = folder / "made.pdf"
    typst.compile(f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n{source}'.encode(), output=str(pdf),
                  font_paths=FONT_PATHS)
    return list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)


def test_one_line_notes_one_under_another_read_apart(tmp_path: Path) -> None:
    read = _read(WIDE_AS_NOTES + " ".join(f"Rose#footnote[{note}]." for note in NOTES) + "\n", tmp_path)
    assert read == ["Rose1. Rose2. Rose3.", *(f"{k}{note}" for k, note in enumerate(NOTES, start=1))]


def test_numbered_lines_that_are_no_notes_keep_their_paragraph(tmp_path: Path) -> None:
    """An ordinal at a line's start ("2nd") under a line starting with "1st", each filling its line, is no next
    note: the paragraph goes on."""
    lines = ["1st quarter figures were revised by the office.", "2nd quarter figures were revised by it."]
    read = _read(WIDE_AS_NOTES + "\\\n".join(lines) + "\n", tmp_path)
    assert read == ["1st quarter figures were revised by the office. 2nd quarter figures were revised by it."]
