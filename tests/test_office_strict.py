"""Excel workbooks and PowerPoint decks saved as Strict Open XML (Excel's "Strict Open XML Spreadsheet",
PowerPoint's "Strict Open XML Presentation"): their parts name every element in other namespaces
(http://purl.oclc.org/ooxml/…), which read as a workbook with no text at all; they read as the same file saved
the usual way does, checked against LibreOffice's CSV export and PDF of the Strict file itself."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import libreoffice_convert, pdftotext
from tests.officedocs import pptx_bytes, shape, sheet_xml, strict, xlsx_bytes
from tests.test_office_seeds import calc_cells, paragraphs

# a shared string, a number in a format of its own, a date written as one (t="d", as Strict files write dates),
# a number in a built-in format, an inline string
ROWS = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1200</v></c></row>'
        '<row r="2"><c r="A2" t="d" s="2"><v>2024-03-01T00:00:00</v></c><c r="B2" s="3"><v>0.125</v></c>'
        '<c r="C2" t="inlineStr"><is><t>drones seen</t></is></c></row>')


def test_a_strict_workbook_reads_as_calc_shows_it(tmp_path: Path) -> None:
    usual = xlsx_bytes([("Counts", "", sheet_xml(ROWS))], shared=["<t>Sorties</t>"],
                       formats={164: "yyyy-mm-dd"}, styles=(3, 164, 10))
    workbook = tmp_path / "strict.xlsx"
    workbook.write_bytes(strict(usual))
    (tmp_path / "usual.xlsx").write_bytes(usual)
    expected = ["Sorties", "1,200", "2024-03-01", "12.50%", "drones seen"]
    assert calc_cells(workbook, tmp_path / "calc") == expected
    assert paragraphs(workbook) == paragraphs(tmp_path / "usual.xlsx") == expected


def test_a_strict_deck_reads_as_impress_draws_it(tmp_path: Path) -> None:
    def text(words: str) -> str:
        return f"<a:p><a:r><a:t>{words}</a:t></a:r></a:p>"

    usual = pptx_bytes([("", shape(text("Strict deck"), 0, 0, ph='type="title"')
                         + shape(text("Drones: 1,200."), 0, 900000, ident=3))])
    deck = tmp_path / "strict.pptx"
    deck.write_bytes(strict(usual))
    drawn = [line for line in pdftotext(libreoffice_convert([deck], tmp_path)[0]).splitlines() if line.strip()]
    assert drawn == ["Strict deck", "Drones: 1,200."]
    assert paragraphs(deck) == drawn
