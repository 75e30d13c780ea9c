"""A reference whose first table is formatted by hand (no table style: its header row's cells shaded navy with
white bold text and a rule under them, the rows under it shaded pale blue and white in turn): the brief's
key-figures table follows it in both formats, the DOCX formatting each cell so. A table whose cells are formatted
unevenly (a row's cells shaded differently) is not followed, and `check` says why. Before, a hand-formatted
table was neither followed nor warned about: the brief's table kept briefgen's own look, silently."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.render.house import read_house
from tests.helpers import built_under_reference, colour_before, libreoffice_pdf, near_colour, run

NAVY, PALE = "1F3864", "DDEBF7"
NAVY_RGB, PALE_RGB = (0x1F, 0x38, 0x64), (0xDD, 0xEB, 0xF7)


def _shade(cell: docx.table._Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                                                f'w:fill="{fill}"/>'))


def _hand_formatted(path: Path, uneven: bool = False) -> None:
    reference = docx.Document()
    table = reference.add_table(5, 3)
    for index, row in enumerate(table.rows):
        for column, cell in enumerate(row.cells):
            run_ = cell.paragraphs[0].add_run("Head" if index == 0 else f"{index * column}")
            if index == 0:
                _shade(cell, NAVY)
                run_.bold = True
                run_._r.get_or_add_rPr().append(parse_xml(f'<w:color {nsdecls("w")} w:val="FFFFFF"/>'))
                cell._tc.get_or_add_tcPr().insert(0, parse_xml(
                    f'<w:tcBorders {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="0" '
                    f'w:color="{NAVY}"/></w:tcBorders>'))
            elif index % 2 and not (uneven and column == 1):
                _shade(cell, PALE)
    reference.save(str(path))


def test_the_hand_formatting_is_read_as_a_table_style(tmp_path: Path) -> None:
    _hand_formatted(tmp_path / "house.docx")
    house = read_house(tmp_path / "house.docx")
    look = house.table
    assert look is not None and look.hand and not house.table_note
    assert [look.fill(row) for row in range(5)] == [f"#{NAVY}", f"#{PALE}", None, f"#{PALE}", None]
    assert look.ink(True) == ("#FFFFFF", True)
    rule = look.across(1, 5)
    assert rule is not None and rule.width == 1.5 and rule.colour == f"#{NAVY}"


def test_the_key_figures_table_follows_it_in_both_formats(tmp_path: Path) -> None:
    output = built_under_reference(tmp_path, _hand_formatted)
    built = docx.Document(str(output / "executive.docx"))
    table = built.tables[-1]._tbl  # the key figures (the BLUF box is the first)
    assert table.tblPr.find(qn("w:tblStyle")) is None  # formatted by hand, as the reference's
    first = table.tr_lst[0].tc_lst[0].tcPr
    assert first.find(qn("w:shd")).get(qn("w:fill")) == NAVY
    assert "first table" not in run(tmp_path / "ws", "check").output  # followed: no warning
    laid_out = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    for pdf, name in ((output / "executive.pdf", "ours"), (laid_out, "word")):
        assert near_colour(colour_before(pdf, "Measure", tmp_path / (name + "-head")), NAVY_RGB), name
        assert near_colour(colour_before(pdf, "Active-duty", tmp_path / (name + "-band")), PALE_RGB), name


def test_an_uneven_table_is_not_followed_and_check_says_why(tmp_path: Path) -> None:
    output = built_under_reference(tmp_path, lambda path: _hand_formatted(path, uneven=True))
    built = docx.Document(str(output / "executive.docx"))
    assert built.tables[-1]._tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == "BriefTable"
    checked = run(tmp_path / "ws", "check")
    assert ("its first table is formatted by hand and the cells of a row are shaded, ruled or coloured "
            "differently") in checked.output, checked.output
