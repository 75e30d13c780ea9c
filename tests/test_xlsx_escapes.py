"""Text Excel stores escaped (ECMA-376 22.9.2.19 ST_Xstring): a character XML cannot hold is written `_xHHHH_`
(`_x000D_` a carriage return, `_x0009_` a tab: Excel writes them for a cell typed with Alt+Enter in an old
workbook, a tab pasted in, or text exported from a database), and the underscore of text that only looks so is
itself escaped (`_x005F_`). The reader read the escapes as text, `Tab_x0009_separated`, which Excel never
shows; it reads them back, in shared strings, inline strings and a formula's text result, checked against
LibreOffice's CSV export of the same workbook."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats.xlsxdoc import extract
from tests.officedocs import sheet_xml, xlsx_bytes
from tests.test_office_seeds import calc_cells, paragraphs

SHARED = ["<t>Tab_x0009_separated_x000D_</t>", "<t>Typed as _x005F_x000D_ literally</t>",
          "<r><t>Rich_x000D_</t></r><r><t xml:space=\"preserve\"> text</t></r>"]
ROWS = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="inlineStr"><is><t>Inline_x000D_ line</t></is></c></row>')


def test_escaped_characters_read_as_excel_and_calc_show_them(tmp_path: Path) -> None:
    workbook = tmp_path / "escaped.xlsx"
    workbook.write_bytes(xlsx_bytes([("Sheet", "", sheet_xml(ROWS))], shared=SHARED))
    shown = calc_cells(workbook, tmp_path / "calc")
    assert shown == ["Tab separated", "Typed as _x000D_ literally", "Rich text", "Inline line"]
    assert paragraphs(workbook) == shown


def test_every_escape_reads_back_as_excel_reads_it() -> None:
    """Excel reads back any character so written (a report of ClosedXML's: `CAG_x6904_2` shows `CAG椄2`),
    where LibreOffice reads back only the control characters and the escaped underscore; a formula's cached
    text too; a control character that is no white space is no text."""
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><f>A1</f><v>Cost_x0020_in_x0020_$</v></c>'
            '<c r="C1" t="inlineStr"><is><t>Bell_x0007_ rung</t></is></c></row>')
    workbook = xlsx_bytes([("Sheet", "", sheet_xml(rows))], shared=["<t>Reserve_CAG_x6904_2</t>"])
    assert extract(workbook).paragraphs == ("Reserve_CAG椄2", "Cost in $", "Bell rung")
