"""DOCX seeds in the shapes Word writes and LibreOffice and pandoc rarely do, each built here as Word writes its
XML and checked against what LibreOffice draws of it (its PDF, through pdftotext): a table row marked hidden
(`w:hidden` in `w:trPr`) whose cells' text is not hidden itself is shown, as the mark hides only the row's end
glyph (ECMA-376 17.4.20)."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats.docxdoc import extract
from tests.helpers import libreoffice_pdf, pdftotext
from tests.test_docx_seed_reading import docx, para, run


def _row(text: str, hidden_text: bool) -> str:
    props = "<w:vanish/>" if hidden_text else ""
    return (f"<w:tr><w:trPr><w:hidden/></w:trPr><w:tc>{para(run(text, props), mark=props)}</w:tc>"
            f"<w:tc>{para(run(text + ', second cell', props), mark=props)}</w:tc></w:tr>")


def _shown(made: bytes, folder: Path) -> str:
    """The text LibreOffice draws of the DOCX `made` (its PDF, as pdftotext reads it), on one line."""
    source = folder / "made.docx"
    source.write_bytes(made)
    return " ".join(pdftotext(libreoffice_pdf(source, folder)).split())


def test_a_row_marked_hidden_shows_the_text_its_cells_do_not_hide(tmp_path: Path) -> None:
    body = ("<w:tbl><w:tr><w:tc>" + para(run("Sorties 412")) + "</w:tc><w:tc>" + para(run("Drones 1,200"))
            + "</w:tc></w:tr>" + _row("Ships 38", hidden_text=False) + _row("Tanks 90", hidden_text=True)
            + "</w:tbl>" + para(run("After the table.")))
    made = docx(body)
    read = extract(made).paragraphs
    assert read == ("Sorties 412", "Drones 1,200", "Ships 38", "Ships 38, second cell", "After the table.")
    shown = _shown(made, tmp_path)
    assert all(paragraph in shown for paragraph in read) and "Tanks" not in shown
