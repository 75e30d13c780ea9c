"""OpenDocument spreadsheets (.ods .ots .fods) and presentations (.odp .otp .fodp) read as LibreOffice Calc and
Impress show them, checked against LibreOffice's own CSV and PDF exports of the same files."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from briefgen.sources.formats import extract, format_of
from briefgen.sources.formats.plain import SeedError
from briefgen.text import one_line
from tests.helpers import libreoffice_convert, pdftotext, run
from tests.officedocs import pptx_bytes, shape
from tests.opendoc import declared_size, flat_xml, odt_bytes
from tests.opendocsheets import SHEET_HIDDEN, SLIDE_HIDDEN, sheets_fods, slides_fodp
from tests.seedcases import analyst_notes, refused_quickly, tied

SHEET_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
SLIDE_TYPE = "application/vnd.oasis.opendocument.presentation"
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def paragraphs(path: Path) -> list[str]:
    fmt = format_of(str(path))
    assert fmt is not None, path
    return list(extract(fmt, path.read_bytes()).paragraphs)


def test_a_spreadsheet_reads_as_calc_shows_its_visible_cells(tmp_path: Path) -> None:
    """The flat file, and Calc's .ods and .ots of it, read as the cells of Calc's CSV export of its sheets that
    its PDF prints, without what the PDF leaves out (hidden sheet, rows and columns, covered cell, comment)."""
    book = tmp_path / "book.fods"
    book.write_bytes(sheets_fods())
    saved = [libreoffice_convert([book], tmp_path / kind, to=kind)[0] for kind in ("ods", "ots")]
    printed = pdftotext(libreoffice_convert([book], tmp_path / "pdf")[0])
    libreoffice_convert([book], tmp_path / "csv", to=CSV_ALL_SHEETS)
    assert not [word for word in SHEET_HIDDEN if word in printed] and "Third sheet" in printed
    expected = [one_line(cell) for sheet in ("Sales", "Third")
                for row in csv.reader((tmp_path / f"csv/book-{sheet}.csv").open(encoding="utf-8", newline=""))
                for cell in row if cell.strip() and cell not in SHEET_HIDDEN]
    assert "First line Second line" in expected and expected.count("Again") == 2
    for path in (book, *saved):
        assert paragraphs(path) == expected, path


def test_repeated_empty_rows_cost_nothing_and_repeated_cells_are_bounded(tmp_path: Path) -> None:
    book = tmp_path / "book.fods"
    book.write_bytes(sheets_fods())
    started = time.monotonic()
    paragraphs(book)
    assert time.monotonic() - started < 2
    columns = '<table:table-column table:visibility="collapse"/><table:table-column/>' * 8_192
    cell = '<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
    striped = tmp_path / "striped.fods"
    striped.write_bytes(flat_xml(f"<table:table>{columns}<table:table-row>{cell}</table:table-cell>"
                                 "</table:table-row></table:table>", holder="spreadsheet"))
    started = time.monotonic()
    assert paragraphs(striped) == ["x"] * 8_192  # every other column hidden
    assert time.monotonic() - started < 2
    flood = tmp_path / "flood.fods"
    flood.write_bytes(flat_xml(f'<table:table><table:table-row table:number-rows-repeated="1048576">{cell}'
                               "</table:table-cell></table:table-row></table:table>", holder="spreadsheet"))
    started = time.monotonic()
    with pytest.raises(SeedError, match="more than 2,000,000 cells"):
        paragraphs(flood)
    assert time.monotonic() - started < 5


def test_a_presentation_reads_as_impress_draws_its_shown_slides(tmp_path: Path) -> None:
    """Each shown slide's text, title first then top to bottom, left to right, list labels as Impress draws
    them; the notes after the last slide. Impress's PDF of the file prints the same characters, and none of
    what is not read."""
    deck = tmp_path / "deck.fodp"
    deck.write_bytes(slides_fodp())
    found = paragraphs(deck)
    assert found == ["Deck title words", "1. First point", "2. Second point", "a) Sub one", "b) Sub two",
                     "Right side words", "Cell A1", "Cell B1", "Cell A2", "Cell B2", "Shape text last",
                     "Speaker note first"]
    printed = pdftotext(libreoffice_convert([deck], tmp_path / "pdf")[0])
    assert not [word for word in SLIDE_HIDDEN if word in printed]
    assert sorted("".join(found[:-1]).replace(" ", "")) == sorted("".join(printed.split()))


def test_impress_s_presentation_of_a_pptx_reads_as_the_pptx(tmp_path: Path) -> None:
    """Impress's .odp, .otp and flat .fodp of a deck read as the PPTX reader reads the deck (slides in order,
    shapes in reading order, the hidden slide and its notes out, notes last), and as Impress's PDF prints it."""
    def text(words: str, level: int = 0) -> str:
        return f'<a:p><a:pPr lvl="{level}"/><a:r><a:t>{words}</a:t></a:r></a:p>'
    first = (shape(text("Bottom right box"), 5000000, 5000000, name="BR", ident=5)
             + shape(text("Quarterly results"), 500000, 300000, ph='type="title"', ident=2)
             + shape(text("Revenue rose 12%") + text("Costs fell", 1), 500000, 1500000, ph='idx="1"', ident=3)
             + shape(text("Bottom left box"), 500000, 5000000, name="BL", ident=4))
    notes = [shape(text(words), None, None, ph='type="body" idx="1"') for words in ("Note one", "Note two",
                                                                                   "Note three")]
    source = tmp_path / "deck.pptx"
    source.write_bytes(pptx_bytes([("", first), (' show="0"', shape(text("Hidden words"), 1, 1, ph='type="title"')),
                                   ("", shape(text("Third slide"), 500000, 300000, ph='type="title"'))], notes=notes))
    expected = paragraphs(source)
    assert expected[-2:] == ["Note one", "Note three"]
    printed = pdftotext(libreoffice_convert([source], tmp_path / "pdf")[0])
    assert " ".join(expected[:-2]).split() == printed.split()
    for kind in ("odp", "otp", "fodp"):
        assert paragraphs(libreoffice_convert([source], tmp_path / kind, to=kind)[0]) == expected, kind


HOSTILE = {
    "locked.ods": (lambda: odt_bytes("", kind=SHEET_TYPE, holder="spreadsheet",
                                     manifest_extra="<manifest:encryption-data/>"), "the ODS is password-protected"),
    "locked.odp": (lambda: odt_bytes("", kind=SLIDE_TYPE, holder="presentation",
                                     manifest_extra="<manifest:encryption-data/>"), "the ODP is password-protected"),
    "bomb.ods": (lambda: declared_size(odt_bytes("", kind=SHEET_TYPE, holder="spreadsheet"), "content.xml", 1 << 30),
                 "the ODS unpacks to 1024 MB, more than a document should"),
    "big.odp": (lambda: declared_size(odt_bytes("", kind=SLIDE_TYPE, holder="presentation"), "content.xml", 41 << 20),
                "the ODP's part content.xml unpacks to 41 MB, more than the 40 MB"),
    "entity.fods": (lambda: b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "boom">]><d>&e;</d>',
                    "the ODS is unsafe or damaged: its part content.xml declares an XML document type"),
    "cut.odp": (lambda: odt_bytes("", kind=SLIDE_TYPE, holder="presentation")[:300],
                "the ODP is damaged: it cannot be unpacked"),
    "text.ods": (lambda: odt_bytes("<text:p>x</text:p>"),
                 "the file is an OpenDocument text, not an OpenDocument spreadsheet as its name says"),
    "sheet.odp": (lambda: odt_bytes("", kind=SHEET_TYPE, holder="spreadsheet"),
                  "the file is an OpenDocument spreadsheet, not an OpenDocument presentation as its name says"),
    "slides.txt": (lambda: odt_bytes("", kind=SLIDE_TYPE, holder="presentation"),
                   "the file is an OpenDocument presentation, not text as its name says"),
    "report.fodp": (lambda: b"%PDF-1.4\n",
                    "the file is a PDF document, not an OpenDocument presentation as its name says"),
    "nobody.ods": (lambda: odt_bytes("<text:p>x</text:p>", kind=SHEET_TYPE),
                   "the file is not an OpenDocument spreadsheet (it has no spreadsheet body)"),
    "nobody.odp": (lambda: odt_bytes("<text:p>x</text:p>", kind=SLIDE_TYPE),
                   "the file is not an OpenDocument presentation (it has no presentation body)"),
    "empty.ods": (lambda: odt_bytes("<table:table><table:table-row><table:table-cell/></table:table-row>"
                                    "</table:table>", kind=SHEET_TYPE, holder="spreadsheet"),
                  "the ODS has no text in its visible sheets"),
    "empty.odp": (lambda: odt_bytes("<draw:page/>", kind=SLIDE_TYPE, holder="presentation"),
                  "the ODP has no text on its slides"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_damaged_and_hostile_files_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    result = refused_quickly(workspace, tmp_path / name, *HOSTILE[name])
    assert "the .odp suffix" in result.output or name != "slides.txt"


def test_seeds_add_show_check_and_cite_a_spreadsheet_and_a_presentation(workspace: Path, tmp_path: Path) -> None:
    """End to end: Calc's .ods and a flat .fodp are added (titles from meta.xml), shown, tied to a passage
    copied as Calc and Impress show it (a row across its cells, a list item with its number), checked, and
    cited at their paragraphs in the built brief."""

    (tmp_path / "book.fods").write_bytes(sheets_fods())
    (tmp_path / "deck.fodp").write_bytes(slides_fodp())
    # Calc's .ods of the sheets; the presentation as written (Impress's .odp of it drops its frames'
    # presentation classes, which need a presentation style: the PPTX test reads Impress's own)
    files = [libreoffice_convert([tmp_path / "book.fods"], tmp_path / "ods", to="ods")[0], tmp_path / "deck.fodp"]
    added = run(workspace, "seeds", "add", *map(str, files))
    assert added.exit_code == 0, added.output
    catalogue = workspace / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    assert 'title: "Sales book"' in text and "from the ODS's Title property" in text
    assert 'title: "Deck title"' in text and "from the ODP's Title property" in text
    catalogue.write_text(text.replace("kind: null", "kind: report").replace(
        "descriptor: null", "descriptor: A table the test wrote.").replace("marking: null", "marking: TLP:CLEAR")
        .replace("published: null", 'published: "2025-09-21"'), encoding="utf-8")
    ties = {"sales-book": ("Again and again", 11), "deck-title": ("2. Second point", 3)}
    shown = run(workspace, "seeds", "show", "sales-book", "--grep", "1200.5")
    assert shown.exit_code == 0 and "¶5" in shown.output, shown.output
    found = tied(workspace, {source: passage for source, (passage, _) in ties.items()},
                 "The file supports this judgment.")
    assert {source: found[f"kj-{source}"][0]["paragraph"] for source in ties} == {
        source: paragraph for source, (_, paragraph) in ties.items()}
    notes = analyst_notes(workspace)
    assert "(seed file seeds/book.ods)" in notes and "(seed file seeds/deck.fodp)" in notes


def test_impress_s_presentation_reads_line_for_line_as_its_pdf(tmp_path: Path) -> None:
    """pandoc's deck (a title slide, bullets, a numbered list, a table, notes) saved by Impress as .odp reads
    paragraph for paragraph as Impress's PDF of it prints its lines, bullets and numbers as drawn; the notes
    after."""
    import subprocess

    from tests.test_office_seeds import DECK
    from tests.tools import require

    (tmp_path / "deck.md").write_text(DECK, encoding="utf-8")
    subprocess.run([require("pandoc"), str(tmp_path / "deck.md"), "-o", str(tmp_path / "deck.pptx")], check=True,
                   timeout=120)
    deck = libreoffice_convert([tmp_path / "deck.pptx"], tmp_path / "odp", to="odp")[0]
    printed = pdftotext(libreoffice_convert([deck], tmp_path / "pdf")[0])
    lines = [" ".join(line.split()) for line in printed.splitlines() if line.strip()]
    assert "• Activity rose during the autumn exercise." in lines and "2. Expand the depots" in lines
    assert paragraphs(deck) == [*lines, "Speaker note: mention the source."]


def test_calc_s_spreadsheet_of_a_workbook_reads_as_calc_shows_the_workbook(tmp_path: Path) -> None:
    """A workbook of every number format, and one of hidden sheets, rows, columns and a merged range, saved by
    Calc as .ods: each cell's text as Calc's CSV export shows it, what its PDF leaves out left out."""
    from tests.test_office_seeds import calc_cells, formats_workbook, hidden_workbook

    workbook = formats_workbook(tmp_path / "formats.xlsx")
    expected = calc_cells(workbook, tmp_path / "calc")
    assert "1,200" in expected and "12.5%" in expected
    assert paragraphs(libreoffice_convert([workbook], tmp_path / "ods", to="ods")[0]) == expected
    hidden = hidden_workbook(tmp_path / "hidden.xlsx")
    printed = pdftotext(libreoffice_convert([hidden], tmp_path / "pdf")[0], "-layout")
    found = paragraphs(libreoffice_convert([hidden], tmp_path / "hidden", to="ods")[0])
    assert printed.split() == " ".join(found).split() and "Covered" not in found


def test_a_cell_stored_with_its_value_only_reads_as_calc_shows_it(tmp_path: Path) -> None:
    """A producer other than Calc may store a cell's value without the text it shows: it reads as Calc's CSV
    export shows it, in the General format (a date as its day count, a time as a fraction, a boolean as 1)."""
    kinds = ('float" office:value="1200.5', 'float" office:value="0.1', 'boolean" office:boolean-value="true',
             'percentage" office:value="0.125', 'date" office:date-value="2025-03-14',
             'date" office:date-value="2025-03-14T18:00:00', 'string" office:string-value="Stored string',
             'currency" office:value="3.5" office:currency="EUR', 'time" office:time-value="PT13H05M00S')
    row = "".join(f'<table:table-cell office:value-type="{kind}"/>' for kind in kinds)
    sheet = tmp_path / "values.fods"
    sheet.write_bytes(flat_xml(f"<table:table><table:table-row>{row}</table:table-row></table:table>",
                               holder="spreadsheet"))
    exported = libreoffice_convert([sheet], tmp_path / "csv", to=CSV_ALL_SHEETS.removesuffix(",-1"))[0]
    expected = next(csv.reader(exported.open(encoding="utf-8", newline="")))
    assert "45730" in expected and "1" in expected
    assert paragraphs(sheet) == expected
