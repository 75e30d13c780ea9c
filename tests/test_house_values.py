"""A house style's attribute values read as Word reads them (briefgen/document/wordvalues.py), found by mutating
real references' values into the forms ECMA-376 allows and those it does not:

- a measure may be a universal measure ("6in", "432pt", "15.24cm"): it was not taken, the page fell back to
  briefgen's own;
- a value of a form Word refuses ("1_440", "1e3", "abc", "") is ignored, the inherited or default value
  standing, in the PDF as in the DOCX, which no longer carries it (Word would refuse the brief);
- an on/off value is true, on, 1, false, off or 0: any other ("", "yes") was read as on, hiding or capitalising
  the text;
- a header or footer reference naming no part or no kind of page stopped the build (an internal error) or was
  kept in the DOCX Word would refuse; a section property said twice was kept twice.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree
from pypdf import PdfReader

from briefgen.render.house import read_house
from tests.conftest import ROOT
from tests.helpers import name_reference, pdf_words, run
from tests.ooxml_order import violations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTER = "Footer line of the house"


def _reference(path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].footer.paragraphs[0].text = FOOTER
    reference.save(str(path))


def _edited(path: Path, part: str, edit: Callable[[etree._Element], None]) -> None:
    """The DOCX at `path` with `edit` applied to its part `part`."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename == part:
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            archive.writestr(info, data)


def _built(tmp_path: Path, part: str, edit: Callable[[etree._Element], None]) -> tuple[int, str, Path]:
    workspace = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    _reference(workspace / "templates/house.docx")
    _edited(workspace / "templates/house.docx", part, edit)
    name_reference(workspace, "house.docx")
    result = run(workspace, "build", "-a", "executive")
    return result.exit_code, result.output, workspace / "output"


def _section(root: etree._Element) -> etree._Element:
    return root.find(f"{{{W}}}body/{{{W}}}sectPr")


def _style_rpr(root: etree._Element, style: str) -> etree._Element:
    found = root.find(f"{{{W}}}style[@{{{W}}}styleId='{style}']")
    rpr = found.find(f"{{{W}}}rPr")
    if rpr is None:
        rpr = etree.SubElement(found, f"{{{W}}}rPr")
    return rpr


@pytest.mark.parametrize(("width", "height"), [("9in", "12in"), ("648pt", "864pt"), ("228.6mm", "304.8mm"),
                                               ("22.86cm", "30.48cm"), ("54pc", "72pi")])
def test_a_page_measured_in_universal_units_is_that_page(tmp_path: Path, width: str, height: str) -> None:
    """ST_TwipsMeasure allows a universal measure: 9 by 12 inches is 648 by 864 points in both formats."""
    def edit(root: etree._Element) -> None:
        size = _section(root).find(f"{{{W}}}pgSz")
        size.set(f"{{{W}}}w", width)
        size.set(f"{{{W}}}h", height)

    code, output, out = _built(tmp_path, "word/document.xml", edit)
    assert code == 0, output
    box = PdfReader(out / "executive.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (648, 864)
    section = docx.Document(str(out / "executive.docx")).sections[0]
    assert (round(section.page_width.pt), round(section.page_height.pt)) == (648, 864)


@pytest.mark.parametrize("value", ["1_440", "1e3", "abc", "", "NaN", "0x5A0", "720.5"])
@pytest.mark.parametrize(("part", "place"), [("word/styles.xml", "spacing after"),
                                             ("word/document.xml", "pgMar header"),
                                             ("word/settings.xml", "defaultTabStop val")])
def test_a_value_word_refuses_is_ignored_in_both_formats(tmp_path: Path, value: str, part: str,
                                                         place: str) -> None:
    """A whole number of twips in a form the schema does not allow is not read (Python's float took "1_440",
    "1e3" and "720.5"), and the DOCX does not keep it: Word would refuse the brief."""
    element, attribute = place.split()

    def edit(root: etree._Element) -> None:
        found = [each for each in root.iter(f"{{{W}}}{element}")  # a paragraph's spacing, not a run's
                 if each.getparent().tag != f"{{{W}}}rPr"]
        assert found
        for each in found:
            each.set(f"{{{W}}}{attribute}", value)

    code, output, out = _built(tmp_path, part, edit)
    assert code == 0, output
    assert violations(out / "executive.docx") == []
    assert value not in _values(out / "executive.docx", part, element, attribute)


def _values(path: Path, part: str, element: str, attribute: str) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read(part))
    return [each.get(f"{{{W}}}{attribute}") or "<absent>" for each in root.iter(f"{{{W}}}{element}")]


@pytest.mark.parametrize("value", ["", "yes", "True", "2", "none"])
@pytest.mark.parametrize("toggle", ["vanish", "caps"])
def test_an_on_off_value_of_another_form_is_ignored(tmp_path: Path, value: str, toggle: str) -> None:
    """Normal's w:vanish or w:caps with a value that is not an ST_OnOff one: the text is neither hidden (the
    build refused the reference) nor set in capitals, in either format."""
    def edit(root: etree._Element) -> None:
        etree.SubElement(_style_rpr(root, "Normal"), f"{{{W}}}{toggle}").set(f"{{{W}}}val", value)

    code, output, out = _built(tmp_path, "word/styles.xml", edit)
    assert code == 0, output
    words = [word.text for word in pdf_words(out / "executive.pdf")]
    assert any(word.islower() and len(word) > 3 for word in words), words[:40]  # body text not in capitals
    assert violations(out / "executive.docx") == []
    normal = docx.Document(str(out / "executive.docx")).styles["Normal"].font
    assert not normal.hidden and not normal.all_caps


@pytest.mark.parametrize("mutation", ["no id", "empty id", "unknown kind", "no kind"])
def test_a_footer_reference_naming_nothing_is_left_out_of_both_formats(tmp_path: Path, mutation: str) -> None:
    """A footer reference without its relationship id (an internal error before) or its kind of page (kept in
    the DOCX, which Word refuses) names no footer Word can show: neither format has it."""
    relationship = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

    def edit(root: etree._Element) -> None:
        reference = _section(root).find(f"{{{W}}}footerReference")
        if mutation in ("no id", "empty id"):
            reference.attrib.pop(relationship)
            if mutation == "empty id":
                reference.set(relationship, "")
        else:
            reference.attrib.pop(f"{{{W}}}type")
            if mutation == "unknown kind":
                reference.set(f"{{{W}}}type", "abc")

    code, output, out = _built(tmp_path, "word/document.xml", edit)
    assert code == 0, output
    assert violations(out / "executive.docx") == []
    assert FOOTER.split()[0] not in [word.text for word in pdf_words(out / "executive.pdf")]
    footer = docx.Document(str(out / "executive.docx")).sections[0].footer
    assert FOOTER not in "".join(paragraph.text for paragraph in footer.paragraphs)


@pytest.mark.parametrize(("part", "path"), [("word/document.xml", "body/sectPr/pgSz"),
                                            ("word/document.xml", "body/sectPr/titlePg"),
                                            ("word/settings.xml", "defaultTabStop"),
                                            ("word/styles.xml", "style/tblPr/tblCellMar/left"),
                                            ("word/numbering.xml", "abstractNum/lvl/pPr"),
                                            ("word/styles.xml", "style/pPr/numPr/ilvl")])
def test_a_property_said_twice_is_kept_once(tmp_path: Path, part: str, path: str) -> None:
    """A property said twice where the schema allows it once: the DOCX keeps the first, which the PDF reads
    (Word would refuse the brief that kept both)."""
    def edit(root: etree._Element) -> None:
        found = root.find("/".join(f"{{{W}}}{step}" for step in path.split("/")))
        if found is None:  # python-docx's template sets no first page apart
            holder = root.find("/".join(f"{{{W}}}{step}" for step in path.split("/")[:-1]))
            found = etree.SubElement(holder, f"{{{W}}}{path.rsplit('/', 1)[-1]}")
        found.addnext(etree.fromstring(etree.tostring(found)))

    code, output, out = _built(tmp_path, part, edit)
    assert code == 0, output
    assert violations(out / "executive.docx") == []


_WHOLE = {"shd": {"val": "pct50", "fill": "000080", "color": "000000"},
          "color": {"val": "1F3864", "themeColor": "accent1"},
          "jc": {"val": "center"}, "rFonts": {"asciiTheme": "minorHAnsi"}, "tab": {"val": "right", "pos": "4000"}}


@pytest.mark.parametrize(("place", "value"), [("shd val", "abc"), ("shd val", "pct"), ("color themeColor", "abc"),
                                              ("jc val", "middle"), ("rFonts asciiTheme", "minor"),
                                              ("tab val", "abc"), ("tab pos", None)])
def test_an_enumerated_value_word_refuses_is_ignored_in_both_formats(tmp_path: Path, place: str,
                                                                     value: str | None) -> None:
    """A value outside its enumeration (a shading's pattern, a theme colour's or theme font's name, an
    alignment), or a required one missing: Word refuses the document, so the DOCX drops the property, and the
    PDF does not take it either (an unknown shading pattern was drawn as a quarter tint)."""
    element, attribute = place.split()

    def edit(root: etree._Element) -> None:
        style = root.find(f"{{{W}}}style[@{{{W}}}styleId='Normal']")
        ppr = style.find(f"{{{W}}}pPr")
        if ppr is None:
            ppr = etree.SubElement(style, f"{{{W}}}pPr")
        holder = {"shd": ppr, "jc": ppr, "tab": etree.SubElement(ppr, f"{{{W}}}tabs")}.get(element)
        made = etree.SubElement(_style_rpr(root, "Normal") if holder is None else holder, f"{{{W}}}{element}")
        for name, given in _WHOLE[element].items():
            made.set(f"{{{W}}}{name}", given)
        if value is None:
            made.attrib.pop(f"{{{W}}}{attribute}")
        else:
            made.set(f"{{{W}}}{attribute}", value)

    code, output, out = _built(tmp_path, "word/styles.xml", edit)
    assert code == 0, output
    assert violations(out / "executive.docx") == []
    if element == "shd":
        assert read_house(out.parent / "templates/house.docx").style("Normal").fill is None


@pytest.mark.parametrize("form", ["75%", "75.0%"])
def test_a_drawing_percentage_in_its_other_forms_is_read(tmp_path: Path, form: str) -> None:
    """A DrawingML percentage may be written "75%" as well as "75000" (ST_Percentage): Accent 1 darker 25 %
    is #365F91 either way, as Word writes the band's VML twin (the percentage form was not read: Accent 1 drawn
    undarkened)."""
    import subprocess

    from PIL import Image

    from tests.test_house_text_box import _band, _header_with
    from tests.tools import require

    band = _band().replace('<a:lumMod val="75000"/>', f'<a:lumMod val="{form}"/>')
    assert form in band
    workspace = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    _header_with(band)(workspace / "templates/house.docx")
    name_reference(workspace, "house.docx")
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    subprocess.run([require("pdftoppm"), "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
                    str(workspace / "output/executive.pdf"), str(tmp_path / "page")], check=True)
    pixel = Image.open(tmp_path / "page.png").convert("RGB").getpixel((300, 12))
    assert all(abs(a - b) <= 6 for a, b in zip(pixel, (0x36, 0x5F, 0x91), strict=True)), pixel


@pytest.mark.parametrize(("part", "element", "attribute", "value"), [
    ("word/numbering.xml", "lvl", "ilvl", "abc"), ("word/numbering.xml", "lvl", "ilvl", None),
    ("word/numbering.xml", "numFmt", "val", "abc"), ("word/numbering.xml", "numFmt", "val", None),
    ("word/numbering.xml", "abstractNumId", None, None), ("word/styles.xml", "style", "type", "1in"),
    ("word/styles.xml", "rPr/spacing", "val", "abc")])
def test_a_list_or_style_value_word_refuses_is_dropped(tmp_path: Path, part: str, element: str,
                                                       attribute: str | None, value: str | None) -> None:
    """A list level's number or format, a list instance's list, a style's type, a character spacing: of a
    form Word refuses, or missing where required (`attribute` None: the element itself gone), the DOCX keeps
    no such value."""
    def edit(root: etree._Element) -> None:
        if element == "rPr/spacing":
            etree.SubElement(_style_rpr(root, "Normal"), f"{{{W}}}spacing").set(f"{{{W}}}val", "20")
        found = list(root.iter(f"{{{W}}}{element.rsplit('/', 1)[-1]}"))
        assert found
        for each in found:
            if attribute is None:
                each.getparent().remove(each)
            elif value is None:
                each.attrib.pop(f"{{{W}}}{attribute}", None)
            elif element != "rPr/spacing" or each.getparent().tag == f"{{{W}}}rPr":
                each.set(f"{{{W}}}{attribute}", value)

    code, output, out = _built(tmp_path, part, edit)
    assert code == 0, output
    assert violations(out / "executive.docx") == []


def test_a_colour_without_its_value_is_not_taken(tmp_path: Path) -> None:
    """A w:color naming a theme colour but not its required w:val: Word refuses it, the DOCX drops it, and
    the PDF no longer draws Normal's text in the theme's Accent 2 (python-docx's theme: C0504D, a red): the page
    has as much red as without it (the banner's)."""
    def edit(root: etree._Element) -> None:
        etree.SubElement(_style_rpr(root, "Normal"), f"{{{W}}}color").set(f"{{{W}}}themeColor", "accent2")

    code, output, out = _built(tmp_path / "without", "word/styles.xml", edit)
    assert code == 0, output
    assert violations(out / "executive.docx") == []
    plain = _built(tmp_path / "plain", "word/styles.xml", lambda root: None)[2]
    assert _red_pixels(out / "executive.pdf") <= _red_pixels(plain / "executive.pdf") * 1.05


def _red_pixels(pdf: Path) -> int:
    import subprocess

    from PIL import Image

    from tests.tools import require

    subprocess.run([require("pdftoppm"), "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(pdf.with_suffix(""))], check=True)
    page = Image.open(pdf.with_suffix(".png")).convert("RGB")
    return sum(1 for r, g, b in page.get_flattened_data() if r > 150 and g < 110 and b < 110)
