"""A reference's table style (Word's Table Design: a shaded header row, banded rows, its borders and cell
margins) styles the brief's key-figures table in both formats, as Word applies it: the style named "Brief
Table", else the one the settings make the default for new tables, else the one the reference's own first table
is set in. Before, the DOCX's table kept briefgen's Brief Table and the PDF drew its own rules and zebra rows,
whatever the reference said."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from PIL import Image

from briefgen.render.house import read_house
from tests.helpers import (
    built_under_reference,
    colour_before,
    libreoffice_pdf,
    name_reference,
    near_colour,
    page_image,
    pdf_words,
    run,
)
from tests.test_house_fit import _pandoc_reference

if TYPE_CHECKING:
    from briefgen.document.tablelook import TableLook

# Word 2010's "Medium Shading 1 Accent 1", as python-docx's template (saved by Word) holds it: a header row
# filled Accent 1 (4F81BD in that template's theme) with white bold text, odd rows Accent 1 lighter (themeTint
# 3F: D3DFEE, worked by hand in HSL as ECMA-376 defines a tint), rules 1 pt of Accent 1 at 75 %
MEDIUM = "MediumShading1-Accent1"
HEADER_FILL, BAND_FILL = (0x4F, 0x81, 0xBD), (0xD3, 0xDF, 0xEE)


def _setting(reference: docx.document.Document, style: str) -> None:
    reference.settings.element.append(parse_xml(f'<w:defaultTableStyle {nsdecls("w")} w:val="{style}"/>'))


def _house_look(path: Path, how: str, style: str = MEDIUM) -> TableLook | None:
    reference = docx.Document()
    if how == "default":
        _setting(reference, style)
    elif how == "first table":
        reference.add_table(2, 2).style = reference.styles["Medium Shading 1 Accent 1"]  # a sample table
    elif how == "named":
        reference.styles.element.get_by_id(style).find(qn("w:name")).set(qn("w:val"), "Brief Table")
    reference.save(str(path))
    return read_house(path).table


@pytest.mark.parametrize("how", ["default", "first table", "named"])
def test_the_table_style_is_read_as_word_applies_it(tmp_path: Path, how: str) -> None:
    look = _house_look(tmp_path / "house.docx", how)
    assert look is not None
    assert look.style == ("BriefTable" if how == "named" else MEDIUM)  # the id the DOCX's table names
    assert look.fill(0) == "#4F81BD" and look.ink(True) == ("#FFFFFF", True)  # themeFill accent1, background1
    assert [look.fill(row) for row in (1, 2, 3)] == ["#D3DFEE", None, "#D3DFEE"]  # band1Horz, band2Horz
    assert look.margins == (0.0, 5.4, 0.0, 5.4)  # its tblCellMar, 108 twips aside
    rule = look.across(1, 4)  # under the header: the header's own bottom edge
    assert rule is not None and rule.colour == "#7BA0CD" and rule.width == 1.0
    assert look.down(0, "insideV") is None  # the header's insideV "nil": one band across, as Word draws it


@pytest.mark.parametrize("style", ["TableNormal", "NoSuchStyle", "Heading1"])
def test_no_table_style_of_its_own_leaves_briefgens(tmp_path: Path, style: str) -> None:
    """Word's Normal Table (the default table style), a name no style has, or a paragraph style: none taken."""
    assert _house_look(tmp_path / "house.docx", "default", style) is None


def test_a_derived_style_keeps_its_bases_parts_and_says_its_own(tmp_path: Path) -> None:
    """A house style based on Medium Shading 1, with its own cell margins (Word 2010's start/end names), bands
    of two rows and a header without bold, themeFill with themeFillTint for its whole table."""
    reference = docx.Document()
    reference.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="House"><w:name w:val="House"/>'
        f'<w:basedOn w:val="{MEDIUM}"/><w:tblPr><w:tblStyleRowBandSize w:val="2"/><w:tblCellMar>'
        '<w:top w:w="57" w:type="dxa"/><w:start w:w="113" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/>'
        '<w:end w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tcPr><w:shd w:val="clear" w:color="auto" '
        'w:fill="FDE9D9" w:themeFill="accent2" w:themeFillTint="33"/></w:tcPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b w:val="0"/></w:rPr></w:tblStylePr></w:style>'))
    _setting(reference, "House")
    reference.save(str(tmp_path / "house.docx"))
    look = read_house(tmp_path / "house.docx").table
    assert look is not None and look.style == "House"
    assert look.margins == (2.85, 5.65, 2.85, 5.65)
    assert look.ink(True) == ("#FFFFFF", False)  # the base's white, its own weight
    # bands of two rows: rows 1-2 the first band, 3-4 the second, which falls back to the whole table's fill
    assert [look.fill(row) for row in (1, 2, 3, 4, 5)] == ["#D3DFEE", "#D3DFEE", "#F2DCDB", "#F2DCDB", "#D3DFEE"]




def _default_medium(path: Path) -> None:
    reference = docx.Document()
    _setting(reference, MEDIUM)
    reference.save(str(path))


def test_the_key_figures_table_takes_the_style_in_both_formats(tmp_path: Path) -> None:
    output = built_under_reference(tmp_path, _default_medium)
    built = docx.Document(str(output / "executive.docx"))
    table = built.tables[-1]._tbl  # the key figures (the BLUF box is the first)
    assert table.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == MEDIUM
    look = table.tblPr.find(qn("w:tblLook"))
    assert (look.get(qn("w:firstRow")), look.get(qn("w:noHBand"))) == ("1", "0")  # header row, banded rows
    header = built.styles["Table Header"].element.find(qn("w:rPr"))
    assert header.find(qn("w:color")).get(qn("w:val")) == "FFFFFF"  # white on the header's fill, as the style
    laid_out = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    for pdf, name in ((output / "executive.pdf", "ours"), (laid_out, "word")):
        assert near_colour(colour_before(pdf, "Measure", tmp_path / (name + "-head")), HEADER_FILL), name
        assert near_colour(colour_before(pdf, "Active-duty", tmp_path / (name + "-band")), BAND_FILL), name


def _wide_margins(path: Path) -> None:
    """Cell margins of half an inch aside, a tenth above and below, in the default table style."""
    reference = docx.Document()
    style = reference.styles.element.get_by_id(MEDIUM)
    margins = style.find(qn("w:tblPr")).find(qn("w:tblCellMar"))
    for side, width in (("top", 144), ("left", 720), ("bottom", 144), ("right", 720)):
        margins.find(qn(f"w:{side}")).set(qn("w:w"), str(width))
    _setting(reference, MEDIUM)
    reference.save(str(path))


def test_the_styles_cell_margins_place_the_text_in_both_formats(tmp_path: Path) -> None:
    output = built_under_reference(tmp_path, _wide_margins)
    laid_out = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    ours, word = ({w.text: w for w in pdf_words(pdf)} for pdf in (output / "executive.pdf", laid_out))
    margin = docx.Document(str(output / "executive.docx")).sections[0].left_margin.pt
    for found in (ours, word):  # the table's edge at the margin, the text half an inch in from it
        assert abs(found["Active-duty"].left - (margin + 36)) < 1.5
    # a tenth of an inch above and below each row's text: the body row starts as far under the header's text
    assert abs((ours["Active-duty"].top - ours["Measure"].top) - (word["Active-duty"].top - word["Measure"].top)) < 2.5


def test_header_text_the_table_hides_is_refused(workspace: Path) -> None:
    """The header row's white text without its fill (the firstRow shading taken away) is white on the page."""
    reference = docx.Document()
    header = next(part for part in reference.styles.element.get_by_id(MEDIUM).iter(qn("w:tblStylePr"))
                  if part.get(qn("w:type")) == "firstRow")
    shading = header.find(qn("w:tcPr")).find(qn("w:shd"))
    shading.getparent().remove(shading)
    _setting(reference, MEDIUM)
    reference.save(str(workspace / "templates/house.docx"))
    name_reference(workspace, "house.docx")
    result = run(workspace, "check")
    assert result.exit_code == 1, result.output
    assert ("its style 'Medium Shading 1 Accent 1' sets text in #FFFFFF, which cannot be seen on the white page"
            in result.output)


def _word_2013(path: Path) -> None:
    """python-docx's template as Word 2013 and later save it (compatibility mode 15), its table style default."""
    reference = docx.Document()
    for setting in reference.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    _setting(reference, MEDIUM)
    reference.save(str(path))


def test_tables_stand_at_the_margin_in_a_word_2013_reference(tmp_path: Path) -> None:
    """Word 2013 measures a table's indent to its border, not its text: the DOCX's tables (the key figures and
    the BLUF box) stand at the margin as the PDF draws them, where they stood a cell margin in."""
    output = built_under_reference(tmp_path, _word_2013)
    laid_out = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    ours, word = ({w.text: w for w in pdf_words(pdf)} for pdf in (output / "executive.pdf", laid_out))
    for text in ("Measure", "BOTTOM"):
        assert abs(ours[text].left - word[text].left) < 1.5, text


def _huge_margins(path: Path) -> None:
    """Cell margins of 22 inches (Word takes them), bands of 0 rows and a border 30 pt wide."""
    reference = docx.Document()
    style = reference.styles.element.get_by_id(MEDIUM)
    for side in style.find(qn("w:tblPr")).find(qn("w:tblCellMar")):
        side.set(qn("w:w"), "31680")
    style.find(qn("w:tblPr")).find(qn("w:tblStyleRowBandSize")).set(qn("w:val"), "0")
    style.find(qn("w:tblPr")).find(qn("w:tblBorders")).find(qn("w:top")).set(qn("w:sz"), "240")
    _setting(reference, MEDIUM)
    reference.save(str(path))


def test_a_table_style_of_impossible_margins_still_sets_the_table(tmp_path: Path) -> None:
    """The margins are taken as half an inch at most, in both formats (the DOCX states them on its table)."""
    output = built_under_reference(tmp_path, _huge_margins)
    built = docx.Document(str(output / "executive.docx"))
    margins = built.tables[-1]._tbl.tblPr.find(qn("w:tblCellMar"))
    assert {side.get(qn("w:w")) for side in margins} == {"720"}
    laid_out = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    ours, word = ({w.text: w for w in pdf_words(pdf)} for pdf in (output / "executive.pdf", laid_out))
    assert abs(ours["Measure"].left - word["Measure"].left) < 1.5


def _column(image: Image.Image, x: float, top: float, bottom: float) -> list[tuple[int, int, int]]:
    return [image.getpixel((int(x), y)) for y in range(int(top) + 1, int(bottom))]


def test_pandocs_table_style_is_taken_from_its_sample_table(tmp_path: Path) -> None:
    """pandoc's reference.docx sets its sample table in its "Table" style (the default table style), a rule
    under the header row and none above it: the brief's table has that rule alone in both formats, where it had
    briefgen's accent rules above and below the header."""
    output = built_under_reference(tmp_path, _pandoc_reference)
    table = docx.Document(str(output / "executive.docx")).tables[-1]._tbl
    assert table.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == "Table"
    laid_out = libreoffice_pdf(output / "executive.docx", tmp_path / "lo")
    for pdf, name in ((output / "executive.pdf", "ours"), (laid_out, "word")):
        words = {w.text: w for w in pdf_words(pdf)}
        image = page_image(pdf, tmp_path / name, dpi=72)
        head, body, above = words["Measure"], words["Active-duty"], words["figures"]
        x = head.right + 8  # right of the header's text, left of the next column's
        assert all(sum(seen) > 600 for seen in _column(image, x, above.bottom, head.top)), name  # no rule above
        middle = ((head.top + head.bottom) / 2, (body.top + body.bottom) / 2)
        assert any(sum(seen) < 450 for seen in _column(image, x, *middle)), name  # the rule under it
