"""PowerPoint, Excel and CSV seeds (.pptx .pptm .potx; .xlsx .xlsm; .csv): read as PowerPoint, Excel and
LibreOffice show them, checked against LibreOffice's own CSV export and PDF of the same files; hidden slides,
sheets, rows and columns are not read; hostile files are refused with a reason, in bounded time."""

from __future__ import annotations

import csv
import io
import subprocess
import time
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract, format_of
from tests.helpers import libreoffice_convert, pdftotext, run
from tests.officedocs import pptx_bytes, shape, sheet_xml, xlsx_bytes
from tests.opendoc import declared_size
from tests.seedcases import analyst_notes, tied
from tests.tools import require

CALC_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"  # cells as shown, UTF-8
# Number formats: Excel's built-in ids (their codes unwritten) and codes of the kinds analysts' sheets carry
CODES = {164: "#,##0;(#,##0)", 165: "0.0%", 166: "[$€-407]#,##0.00", 167: "yyyy-mm-dd", 168: "dd/mm/yyyy hh:mm",
         169: '"USD "#,##0.00', 170: "#,##0.00_);[Red](#,##0.00)", 171: "0.000E+00", 172: "# ?/?", 173: "@",
         174: '#,##0,"K"', 175: "mmmm d, yyyy", 176: "h:mm AM/PM", 177: "[h]:mm", 178: '0.00;-0.00;"zero"',
         179: "# ??/??", 180: "$#,##0", 181: "000-00", 182: "dddd", 183: '0"%"', 184: '#,##0.0,,"M"',
         185: "0.00\\ \\k\\m", 186: "#,##0.00 [$USD]", 187: "mmm yy", 188: "[>=1000]#,##0,\"K\";0",
         189: "#,##0;-#,##0;-", 190: '"$"General', 191: 'yyyy"年"m"月"d"日"'}
IDS = [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48, 49,
       *CODES]
# values whose time of day is whole seconds (Calc cuts a fraction of a second off a clock time, Excel rounds it),
# within the hours Calc shows as elapsed time
VALUES = [1234.5625, -1234.5625, 0, 0.125, 45291.75, 12345.875, 2.5, 3.5, 0.0625, 999.25, 1200, 0.00625]


def paragraphs(path: Path) -> list[str]:
    fmt = format_of(str(path))
    assert fmt is not None, path
    return list(extract(fmt, path.read_bytes()).paragraphs)


def _column(n: int) -> str:
    return ("" if n < 26 else chr(64 + n // 26)) + chr(65 + n % 26)


def formats_workbook(path: Path) -> Path:
    """A sheet whose row n holds VALUES[n] in each number format of IDS."""
    rows = "".join(f'<row r="{r + 1}">' + "".join(f'<c r="{_column(c)}{r + 1}" s="{c + 1}"><v>{value!r}</v></c>'
                                                   for c in range(len(IDS))) + "</row>"
                   for r, value in enumerate(VALUES))
    path.write_bytes(xlsx_bytes([("Formats", "", sheet_xml(rows))], formats=CODES, styles=IDS))
    return path


def calc_cells(workbook: Path, folder: Path) -> list[str]:
    """The non-empty cells of the workbook's first sheet as LibreOffice's CSV export shows them, row by row."""
    exported = libreoffice_convert([workbook], folder, to=CALC_CSV)[0]
    rows = csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig")))
    return [" ".join(cell.split()) for row in rows for cell in row if cell.strip()]


def test_numbers_read_as_calc_shows_them_in_their_number_format(tmp_path: Path) -> None:
    """Every cell's text is the one LibreOffice shows (its CSV export, "as shown"), for Excel's built-in formats
    and custom codes: thousands, decimals, percent, currency, negative sections, dates, times, fractions,
    scientific; and LibreOffice's own .xlsx of the sheet reads the same."""
    workbook = formats_workbook(tmp_path / "formats.xlsx")
    expected = calc_cells(workbook, tmp_path / "calc")
    assert "1,200" in expected and "12.5%" in expected  # the oracle shows what an analyst copies
    assert paragraphs(workbook) == expected
    (tmp_path / "again").mkdir()
    again = libreoffice_convert([workbook], tmp_path / "again", to="xlsx:Calc MS Excel 2007 XML")[0]
    assert paragraphs(again) == expected


HIDDEN_ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    '<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>Hidden row</t></is></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>North</t></is></c><c r="B3" s="1"><v>1200</v></c>'
    '<c r="C3" t="inlineStr"><is><t>Hidden column</t></is></c><c r="D3" t="b"><v>1</v></c></row>'
    '<row r="4"><c r="A4" t="inlineStr"><is><r><t>Rich </t></r><r><t>text</t></r></is></c>'
    '<c r="B4" t="e"><v>#N/A</v></c><c r="D4" t="str"><f>A3&amp;"!"</f><v>North!</v></c></row>'
    '<row r="5"><c r="A5" t="inlineStr"><is><t>Merged across</t></is></c><c r="B5" t="inlineStr"><is><t>Covered'
    "</t></is></c></row>"
    '<row r="1048576"><c r="A1048576" t="s"><v>3</v></c></row>')


def hidden_workbook(path: Path) -> Path:
    """A visible sheet with a hidden row (2), a hidden column (C), a merged range A5:B5 whose covered cell keeps
    text, then a hidden and a very hidden sheet; shared strings with a phonetic reading (rPh) and rich runs."""
    visible = sheet_xml(HIDDEN_ROWS, before='<dimension ref="A1:B2"/><cols><col min="3" max="3" hidden="1"/></cols>',
                        after='<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>')
    other = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Secret sheet</t></is></c></row>')
    shared = ["<t>Region</t>", "<r><t>Sort</t></r><r><t>ies</t></r>", "<t>Hidden header</t>",
              "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>"]
    path.write_bytes(xlsx_bytes([("Data", "", visible), ("Old", "hidden", other), ("Macro", "veryHidden", other)],
                                shared=shared, styles=[3]))
    return path


def test_hidden_sheets_rows_and_columns_and_covered_cells_are_not_read(tmp_path: Path) -> None:
    """What LibreOffice prints of the workbook (its PDF: visible sheets, rows and columns only) is what is read,
    in its order; booleans, errors, formulas' cached values, rich text and inline strings as shown."""
    workbook = hidden_workbook(tmp_path / "hidden.xlsx")
    found = paragraphs(workbook)
    assert found == ["Region", "Sorties", "North", "1,200", "TRUE", "Rich text", "#N/A", "North!", "Merged across",
                     "東京"]
    (tmp_path / "pdf").mkdir()
    printed = pdftotext(libreoffice_convert([workbook], tmp_path / "pdf")[0], "-layout")  # a line a row
    assert printed.split() == " ".join(found).split()


def test_the_1904_date_system_and_text_formats(tmp_path: Path) -> None:
    """A workbook of the 1904 date system (Excel for Mac's old default) shows its dates four years and a day on
    from the same serial number in the 1900 system, as LibreOffice shows them; a text format's section adds its
    words to a text cell; a date written as one (t="d", ISO 8601) shows in its number format."""
    rows = ('<row r="1"><c r="A1" s="1"><v>43830</v></c><c r="B1" s="2" t="s"><v>0</v></c>'
            '<c r="C1" s="1" t="d"><v>2025-09-21T00:00:00</v></c></row>')
    path = tmp_path / "mac.xlsx"
    path.write_bytes(xlsx_bytes([("S", "", sheet_xml(rows))], shared=["<t>Pak</t>"],
                                formats={164: "yyyy-mm-dd", 165: '"Item: "@'}, styles=[164, 165], date1904=True))
    expected = calc_cells(path, tmp_path / "calc")
    assert paragraphs(path) == expected == ["2024-01-01", "Item: Pak", "2025-09-21"]


def test_csv_reads_as_its_cells_whatever_its_delimiter_and_encoding(tmp_path: Path) -> None:
    """Rows written by Python's csv module (an independent writer), with `,`, `;` or tabs, a byte order mark or
    none, in UTF-8 or UTF-16: each non-empty cell a paragraph, a quoted field's delimiters, quotes and line
    breaks kept in its one paragraph."""
    table = [["Region", "Sorties", "Note"], ["North", "1,200", 'said "many"; more\nthan before'], ["South", "97", ""]]
    expected = ["Region", "Sorties", "Note", "North", "1,200", 'said "many"; more than before', "South", "97"]
    for delimiter, encoding in ((",", "utf-8"), (";", "utf-8-sig"), ("\t", "utf-16")):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(table)
        path = tmp_path / f"table{len(encoding)}.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        assert paragraphs(path) == expected, (delimiter, encoding)
    (tmp_path / "excel.csv").write_bytes(b"sep=;\r\nA;B,C\r\n")
    assert paragraphs(tmp_path / "excel.csv") == ["A", "B,C"]
    (tmp_path / "open.csv").write_bytes(b'Region,Note\nNorth,"never closed\nSouth,97\n')  # the rest is its field
    assert paragraphs(tmp_path / "open.csv") == ["Region", "Note", "North", "never closed South,97"]


def _p(text: str, properties: str = "") -> str:
    return f"<a:p>{properties}<a:r><a:t>{text}</a:t></a:r></a:p>"


DECK = """---
title: Drone Activity Briefing
author: Example Institute
date: 2025-09-21
---

# Northern sector

- The drone unit reported 412 sorties in the northern sector.
- Activity rose during the autumn exercise.

::: notes
Speaker note: mention the source.
:::

# Priorities

1. Train the pilots
2. Expand the depots
3. Review the budget

# Figures

| Region | Sorties |
|--------|---------|
| North  | 1,200   |
| South  | 97      |
"""


def test_a_deck_reads_as_libreoffice_draws_its_slides(tmp_path: Path) -> None:
    """pandoc's deck (title slide, bullets, a numbered list, a table, speaker notes): the slides' paragraphs are
    the lines LibreOffice draws on them (its PDF), numbers included, bullets' glyphs not; the notes follow; and
    LibreOffice's own .pptx of the deck reads the same."""
    (tmp_path / "deck.md").write_text(DECK, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    subprocess.run([require("pandoc"), str(tmp_path / "deck.md"), "-o", str(deck)], check=True, timeout=120)
    (tmp_path / "pdf").mkdir()
    drawn = [line.removeprefix("• ") for line in pdftotext(libreoffice_convert([deck], tmp_path / "pdf")[0]
                                                           ).splitlines() if line.strip()]
    assert "2. Expand the depots" in drawn
    assert paragraphs(deck) == [*drawn, "Speaker note: mention the source."]
    (tmp_path / "again").mkdir()  # LibreOffice's own .pptx of the deck (its masters, layouts, numbering)
    again = libreoffice_convert([deck], tmp_path / "again", to="pptx:Impress MS PowerPoint 2007 XML")[0]
    assert paragraphs(again) == paragraphs(deck)


def test_slides_in_presentation_order_shapes_in_reading_order(tmp_path: Path) -> None:
    """The presentation's slide list orders the slides (not the parts' names); a hidden slide, a shape hidden in
    the Selection Pane and the layout's prompt text are not read; the title comes first, then shapes top to
    bottom and left to right, a placeholder without a position of its own at its layout's; automatic numbers as
    drawn; a table's cells row by row, a merged cell once; a line break a space, a field its text."""
    layout = shape(_p("Click to add title"), 0, 0, ph='type="title"') + \
        shape(_p("Click to add text"), 0, 1_000_000, ph='idx="1"')
    number = '<a:pPr><a:buAutoNum type="alphaLcParenBoth"/></a:pPr>'
    table = ('<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="9" name="T"/><p:cNvGraphicFramePr/><p:nvPr/>'
             '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="5000000"/><a:ext cx="1" cy="1"/></p:xfrm><a:graphic>'
             '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
             f'<a:tr h="1"><a:tc gridSpan="2"><a:txBody>{_p("Wide cell")}</a:txBody></a:tc><a:tc hMerge="1">'
             f'<a:txBody>{_p("Merged away")}</a:txBody></a:tc></a:tr><a:tr h="1"><a:tc><a:txBody>{_p("A")}'
             f'</a:txBody></a:tc><a:tc><a:txBody>{_p("B")}</a:txBody></a:tc></a:tr></a:tbl></a:graphicData>'
             "</a:graphic></p:graphicFrame>")
    first = (shape(_p("Right box"), 5_000_000, 3_000_000, ident=3) + shape(_p("Left box"), 100, 3_000_000, ident=4)
             + table + shape(_p("Slide title"), None, None, ph='type="title"', ident=5)
             + shape(_p("one", number) + _p("two", number), None, None, ph='idx="1"', ident=6)
             + shape("<a:p><a:r><a:t>Line</a:t></a:r><a:br/><a:r><a:t>break</a:t></a:r>"
                     '<a:fld id="{1}" type="slidenum"><a:t>7</a:t></a:fld></a:p>', 0, 4_000_000, ident=7)
             + shape(_p("Hidden shape"), 0, 0, ident=8).replace('name="Shape"', 'name="Shape" hidden="1"')
             + shape("", None, None, ph='type="body" idx="2"', ident=10))
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(pptx_bytes([("", first), (' show="0"', shape(_p("Hidden slide"), 0, 0)),
                                 ("", shape(_p("Opening slide"), 0, 0))], layout=layout,
                                notes=[shape(_p("A note"), None, None, ph='type="body" idx="1"')], order=[2, 0, 1]))
    assert paragraphs(deck) == ["Opening slide", "Slide title", "(a) one", "(b) two", "Left box", "Right box",
                                "Line break7", "Wide cell", "A", "B", "A note"]
    (tmp_path / "pdf").mkdir()  # LibreOffice leaves the hidden slide and shape out of the deck it prints too
    printed = pdftotext(libreoffice_convert([deck], tmp_path / "pdf")[0])
    assert "Left box" in printed and "Hidden slide" not in printed and "Hidden shape" not in printed


def test_a_decks_title_is_its_core_property_else_its_first_slides_title() -> None:
    """`seeds add` titles a deck from its Title property, else from its first slide's title (read first)."""
    from briefgen.sources.meta import document_clues

    slide = shape(_p("Subtitle"), 0, 2_000_000, ident=3) + shape(_p("Quarterly drone review"), 0, 0, ph='type="title"')
    for core, title in (("", "Quarterly drone review"), ("<dc:title>Deck title</dc:title>", "Deck title")):
        raw = pptx_bytes([("", slide)], core=core)
        text = "\n".join(extract(FORMATS[".pptx"], raw).paragraphs)
        assert document_clues("pptx", raw, text)["title"].value == title


def test_seeds_add_show_check_and_cite_each_format(workspace: Path, tmp_path: Path) -> None:
    """End to end: a deck, a workbook and a CSV are added (their entries' titles from their properties, or the
    first cell), shown, tied to a passage copied as the application shows it (a sheet's row copied across its
    cells, a number as formatted), checked, and cited at their paragraphs in the built brief."""

    (tmp_path / "deck.md").write_text(DECK, encoding="utf-8")
    subprocess.run([require("pandoc"), str(tmp_path / "deck.md"), "-o", str(tmp_path / "briefing.pptx")],
                   check=True, timeout=120)
    hidden_workbook(tmp_path / "figures.xlsx")
    (tmp_path / "sorties.csv").write_text("Region;Sorties\nNorth;1 200\nSouth;97\n", encoding="utf-8")
    files = [tmp_path / name for name in ("briefing.pptx", "figures.xlsx", "sorties.csv")]
    added = run(workspace, "seeds", "add", *map(str, files))
    assert added.exit_code == 0, added.output
    catalogue = workspace / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    assert 'title: "Drone Activity Briefing"' in text and "from the PPTX's Title property" in text
    catalogue.write_text(text.replace("kind: null", "kind: report").replace(
        "descriptor: null", "descriptor: A table the test wrote.").replace("marking: null", "marking: TLP:CLEAR")
        .replace("published: null", 'published: "2025-09-21"'),
        encoding="utf-8")
    ties = {"drone-activity-briefing": ("2. Expand the depots", 9), "region": ("North 1,200 TRUE", 3),
            "region-2": ("North 1 200", 3)}
    shown = run(workspace, "seeds", "show", "region", "--grep", "1,200")
    assert shown.exit_code == 0 and "¶4" in shown.output and "1,200" in shown.output, shown.output
    found = tied(workspace, {source: passage for source, (passage, _) in ties.items()},
                 "The table supports this judgment.")
    assert {source: found[f"kj-{source}"][0]["paragraph"] for source in ties} == {
        source: paragraph for source, (_, paragraph) in ties.items()}
    notes = analyst_notes(workspace)
    assert "(seed file seeds/briefing.pptx)" in notes and "(seed file seeds/figures.xlsx)" in notes


def _many_empty_rows() -> bytes:
    rows = "<row><c s=\"1\"/></row>" * 1_048_575  # rows and cells with no reference: each the next one
    return xlsx_bytes([("S", "", sheet_xml(rows + '<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>Last'
                                           "</t></is></c></row>", before='<dimension ref="A1:B2"/>'))], styles=[3])


def _xlsx(rows: str) -> bytes:
    return xlsx_bytes([("S", "", sheet_xml(rows))])


HOSTILE = {
    "bomb.xlsx": (lambda: declared_size(_xlsx('<row r="1"><c r="A1"><v>1</v></c></row>'), "xl/worksheets/sheet1.xml",
                                        1 << 30), "the XLSX unpacks to 1024 MB, more than a document should"),
    "strings.xlsx": (lambda: declared_size(_xlsx(""), "xl/sharedStrings.xml", 400 << 20),
                     "the XLSX's part xl/sharedStrings.xml unpacks to 400 MB, more than the 40 MB"),
    "cells.xlsx": (lambda: _xlsx("<row>" + "<c/>" * 10_000_000 + "</row>"),
                   "the XLSX holds more than 2,000,000 cells, more than a seed of at most 5 MB of text needs"),
    "sheets.xlsx": (lambda: xlsx_bytes([(f"S{n}", "", sheet_xml("")) for n in range(1_001)]),
                    "the XLSX has more than 1,000 sheets, more than briefgen reads from one seed"),
    "slides.pptx": (lambda: pptx_bytes([("", "")], order=[0] * 3_001),
                    "the PPTX has more than 3,000 slides, more than briefgen reads from one seed"),
    "table.csv": (lambda: _xlsx('<row r="1"><c r="A1"><v>1</v></c></row>'),
                  "the file is an Excel workbook, not CSV text as its name says"),
    "locked.xlsx": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024),
                    "the file is a password-protected XLSX or an old binary .xls file, not a XLSX"),
    "locked.pptx": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024),
                    "the file is a password-protected PPTX or an old binary .ppt file, not a PPTX"),
    "cut.pptx": (lambda: pptx_bytes([("", shape(_p("x"), 0, 0))])[:200], "the PPTX is damaged"),
    "empty.xlsx": (lambda: _xlsx('<row r="1"><c r="A1" s="0"/></row>'), "the XLSX has no text in its visible sheets"),
    "entity.xlsx": (lambda: xlsx_bytes([("S", "", '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "boom">]>'
                                        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                        "<sheetData/></worksheet>")]),
                    "the XLSX is unsafe or damaged: its part xl/worksheets/sheet1.xml declares an XML document type"),
    "legacy.csv": (lambda: "Région;Kraków;Straße\nNördlich;12;ü\n".encode("windows-1252") * 50,
                   "1: seed is not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_damaged_and_hostile_files_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    make, message = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(make())
    started = time.monotonic()
    result = run(workspace, "seeds", "add", str(path))
    assert time.monotonic() - started < 15
    assert result.exit_code == 1 and f"{path}:{'' if message[0].isdigit() else ' '}{message}" in result.output, \
        result.output
    assert "hint: " in result.output and "Traceback" not in result.output
    assert not (workspace / "seeds" / name).exists()


def test_a_sheet_of_a_million_empty_rows_under_a_lying_dimension_reads_in_bounded_time(tmp_path: Path) -> None:
    """1,048,576 rows of formatted empty cells under a dimension that says A1:B2: every row is streamed (none
    kept), the last row's text found, in seconds."""
    path = tmp_path / "rows.xlsx"
    path.write_bytes(_many_empty_rows())
    started = time.monotonic()
    assert paragraphs(path) == ["Last"]
    assert time.monotonic() - started < 60


def test_number_formats_at_the_extremes_draw_without_failing() -> None:
    """A double's extremes and codes no application writes (hundreds of placeholders; a code of 30,000
    characters, longer than Excel takes, shows General) draw in bounded time: exact digits, at most 30 decimals
    rounded, never an exception."""
    from briefgen.sources.formats.numfmt import format_number

    assert format_number(1e300, "#,##0.00").startswith("1,000,000,000,000,000,")
    assert format_number(2.2250738585072014e-308, "0.00E+00") == "2.23E-308"  # the smallest normal double
    assert format_number(-1e308, "0.0E+0") == "-1.0E+308"
    assert format_number(1 / 3, "0." + "0" * 200).startswith("0." + "3" * 16)
    assert format_number(0.5, "# " + "?" * 50 + "/" + "?" * 50).split() == ["1/2"]
    started = time.monotonic()
    for _ in range(10_000):
        assert format_number(1.5, '0.00"x"' + '"y"' * 10_000) == "1.5"
    assert time.monotonic() - started < 5


def test_a_value_its_format_takes_past_any_double_or_date_shows_as_general(tmp_path: Path) -> None:
    """1e308 as a percentage (x100) or a date or time (its seconds, x86400) is past any double or Decimal the
    format is drawn with: this raised decimal.InvalidOperation, an internal error. Calc shows such a cell as
    #FMT; the reader shows the number as General, as it shows a date past 9999-12-31, and reads on."""
    rows = ('<row r="1"><c r="A1" s="1"><v>1E+308</v></c><c r="B1" s="2"><v>1E+308</v></c><c r="C1" s="3">'
            '<v>-1E+308</v></c><c r="D1" s="4"><v>1E+306</v></c><c r="E1" t="inlineStr"><is><t>after</t></is></c>'
            '</row>')
    path = tmp_path / "big.xlsx"
    path.write_bytes(xlsx_bytes([("One", "", sheet_xml(rows))], formats={164: "yyyy-mm-dd", 165: "#,##0.0%"},
                                styles=(10, 164, 46, 165)))
    cells = paragraphs(path)
    assert cells[:3] == ["1E+308", "1E+308", "-1E+308"] and cells[-1] == "after"
    assert cells[3].replace(",", "").startswith("1000000000000000") and cells[3].endswith(".0%")  # still finite
