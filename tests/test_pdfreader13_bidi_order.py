"""A number between English and a Hebrew or Arabic run that ends a PDF line, read by the order the PDF draws them
(pdfdrawn.py), made at test time by LibreOffice (pandoc's DOCX) and typst. Drawn "nested 2 [Arabic]" or
"staff 27 [Hebrew]", the line reads two ways: a list item's own number before an Arabic sentence ("nested 2
أعلنت …", where the number was read after the run, "nested أعلنت … 2"), or a Hebrew sentence broken after its
number ("staff המשרד דיווח על 27", as the bidi rules draw it). Both producers draw the second number after the
run's letters and the first before them. Oracle: the Markdown or typst source as written, each line's breaks
falling in many places (the padding word's length)."""

from __future__ import annotations

from pathlib import Path

import typst

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.textnorm import normalise
from tests.realdocs import SENTENCES, Source, office_pdfs
from tests.realdocs_typst import FONT_PATHS, FONTS

ARABIC, HEBREW = SENTENCES["arabic"][0], SENTENCES["hebrew"][0]


def _items(count: int) -> list[tuple[str, str]]:
    """(a Hebrew sentence's paragraph, an Arabic list item's text), padded to break their lines anywhere."""
    return [(f"Drone fleet budget office affluent efficient shuffle {'x' * k} staff {HEBREW} Staff office.",
             f"Drone fleet budget office {'x' * k} nested {k % 7} {ARABIC}") for k in range(count)]


def _check(read: list[str], items: list[tuple[str, str]]) -> None:
    said = [normalise(p) for p in read]
    assert said == [normalise(text) for paragraph, item in items for text in (paragraph, f"• {item}")]


def _markup(items: list[tuple[str, str]]) -> str:
    """Each paragraph with its list item under it."""
    return "\n\n".join(f"{paragraph}\n\n- {item}" for paragraph, item in items)


def test_numbers_beside_runs_at_typst_line_ends(tmp_path: Path) -> None:
    items = _items(36)  # the Arabic sentence starts on the item's first line (further, it starts the next)
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    body = _markup(items)
    pdf = tmp_path / "made.pdf"
    typst.compile(f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n{body}\n'.encode(), output=str(pdf),
                  font_paths=FONT_PATHS)
    _check(list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs), items)


def test_numbers_beside_runs_at_libreoffice_line_ends(tmp_path: Path) -> None:
    items = _items(40)
    markdown = _markup(items) + "\n"
    pdf = office_pdfs([Source("numbers", markdown)], tmp_path)[0]
    _check(list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs), items)
