"""Every w: attribute a reference contributes to the DOCX is held to its element's schema type, including those
briefgen never reads (briefgen/writers/docx/attributes.py): Word refuses a document holding one value outside
its type, or an attribute its element does not have, or an element without an attribute it requires.

Each case puts one such fault into python-docx's own template (a border's style outside ST_Border, a revision
id that is not eight hex digits, an attribute no element has, a theme font outside its list, a page-number
format, a zoom percentage, a style reference without its style) and reads the DOCX back: the fault is gone,
and tests/ooxml_order.py finds no violation. A border Word does not take is not drawn by the PDF either.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from briefgen.render.house import read_house
from tests.ooxml_order import violations
from tests.test_house_values import W, _built, _section, _style_rpr

MARK = "bogusValue"
Edit = Callable[[etree._Element], None]


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _style(root: etree._Element, style: str, holder: str) -> etree._Element:
    found = root.find(f"{_w('style')}[@{_w('styleId')}='{style}']")
    made = found.find(_w(holder))
    return made if made is not None else etree.SubElement(found, _w(holder))


def _set(where: Callable[[etree._Element], etree._Element], attribute: str, value: str = MARK) -> Edit:
    return lambda root: where(root).set(_w(attribute), value)


def _add(where: Callable[[etree._Element], etree._Element], element: str) -> Edit:
    return lambda root: etree.SubElement(where(root), _w(element))


CASES: dict[str, tuple[str, Edit]] = {
    "border style": ("word/styles.xml", _set(lambda r: _style(r, "Title", "pPr").find(f"{_w('pBdr')}/{_w('bottom')}"),
                                            "val")),
    "revision id": ("word/footer1.xml", _set(lambda r: r.find(_w("p")), "rsidR")),
    "attribute of no element": ("word/styles.xml", _set(lambda r: _style(r, "Title", "pPr").find(_w("spacing")),
                                                        "bogusName", "1")),
    "unread theme font": ("word/styles.xml", _set(lambda r: _style_rpr(r, "Title").find(_w("rFonts")), "cstheme")),
    "page number format": ("word/document.xml", _set(lambda r: etree.SubElement(_section(r), _w("pgNumType")),
                                                     "fmt")),
    "zoom": ("word/settings.xml", _set(lambda r: r.find(_w("zoom")), "percent")),
    "table indent": ("word/styles.xml", _set(lambda r: next(r.iter(_w("tblInd"))), "type")),
    "font table, which python-docx keeps as bytes": ("word/fontTable.xml", _set(lambda r: r.find(
        f"{_w('font')}/{_w('family')}"), "val")),
    "root of a part": ("word/styles.xml", _set(lambda r: r, "firstRow")),
    "style reference without its style": ("word/styles.xml", _add(lambda r: _style(r, "Normal", "pPr"),
                                                                  "outlineLvl")),
}


def _attributes(docx: Path) -> list[tuple[str, str, str]]:
    """(part, attribute, value) of every w: attribute in the DOCX's XML parts."""
    found = []
    with zipfile.ZipFile(docx) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                for element in etree.fromstring(archive.read(name)).iter():
                    found.extend((name, str(a), str(v)) for a, v in element.attrib.items() if a.startswith(f"{{{W}"))
    return found


@pytest.mark.parametrize("case", list(CASES))
def test_an_attribute_word_refuses_is_not_kept(tmp_path: Path, case: str) -> None:
    part, edit = CASES[case]
    code, output, out = _built(tmp_path, part, edit)
    assert code == 0, output
    docx = out / "executive.docx"
    kept = _attributes(docx)
    assert not [a for a in kept if a[2] == MARK or a[1].endswith("}bogusName")], case
    with zipfile.ZipFile(docx) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    assert all(level.get(_w("val")) is not None for level in styles.iter(_w("outlineLvl")))
    assert violations(docx) == []


def test_a_border_word_does_not_take_is_not_drawn(tmp_path: Path) -> None:
    """python-docx's Title has a rule under it (a single accent line): renamed to a style outside ST_Border, Word
    does not take the border, and the PDF no longer draws it, as the DOCX no longer carries it."""
    part, edit = CASES["border style"]
    code, output, out = _built(tmp_path, part, edit)
    assert code == 0, output
    assert [rule.side for rule in read_house(out.parent / "templates/house.docx").style("Title").rules] == []


def _made_up(root: etree._Element) -> None:
    """A w: property the schema does not have in a style's paragraph properties, and one in the section."""
    etree.SubElement(_style(root, "Normal", "pPr"), _w("fooBar")).set(_w("val"), "1")


def _made_up_section(root: etree._Element) -> None:
    etree.SubElement(_section(root), _w("madeUp"))


def _level_out_of_order(root: etree._Element) -> None:
    """A list level whose w:rPr comes first and w:pPr last, which holds an indent before a tab stop: sorting
    the level moved its w:pPr before the w:rPr the walk over the part went on from, and its order stayed."""
    level = next(root.iter(_w("lvl")))
    ppr = level.find(_w("pPr"))
    if ppr is None:
        ppr = etree.SubElement(level, _w("pPr"))
    for child in list(ppr):
        ppr.remove(child)
    etree.SubElement(ppr, _w("ind")).set(_w("left"), "360")
    etree.SubElement(etree.SubElement(ppr, _w("tabs")), _w("tab")).attrib.update({_w("val"): "num", _w("pos"): "360"})
    rpr = level.find(_w("rPr"))
    level.insert(0, etree.Element(_w("rPr")) if rpr is None else rpr)  # first: the walk's next stop after the level
    level.append(ppr)


def _strays(root: etree._Element) -> None:
    """The footer's content out of its types: a made-up element in the footer, its paragraph and its run, a run's
    properties straight in the footer and a text straight in the paragraph."""
    paragraph = root.find(_w("p"))
    run = paragraph.find(_w("r"))
    for holder in (root, paragraph, run):
        holder.insert(0, etree.Element(_w("madeUp")))
    root.append(etree.Element(_w("rPr")))
    paragraph.append(etree.Element(_w("t")))


@pytest.mark.parametrize(("part", "edit"), [("word/styles.xml", _made_up), ("word/document.xml", _made_up_section),
                                            ("word/numbering.xml", _level_out_of_order),
                                            ("word/footer1.xml", _strays)])
def test_an_element_word_refuses_is_not_kept(tmp_path: Path, part: str, edit: Edit) -> None:
    """Found by mutating references (unknown elements, elements out of order): a w: element its container
    does not have goes, and a container inside one that was put in order is put in order too."""
    code, output, out = _built(tmp_path, part, edit)
    assert code == 0, output
    docx = out / "executive.docx"
    with zipfile.ZipFile(docx) as archive:
        names = {etree.QName(e).localname for n in archive.namelist() if n.endswith(".xml")
                 for e in etree.fromstring(archive.read(n)).iter() if isinstance(e.tag, str)}
    assert not names & {"fooBar", "madeUp"}
    assert violations(docx) == []


EXTENSION = "urn:example:extension"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _extended(root: etree._Element, ignorable: bool) -> etree._Element:
    """Normal's run properties with an element of an extension's namespace, and the first style with one of its
    attributes; the namespace declared ignorable on the part's root (`ignorable`) or not declared so."""
    if ignorable:
        old, root = root, etree.Element(root.tag, nsmap={**root.nsmap, "xx": EXTENSION}, attrib=dict(root.attrib))
        root.extend(list(old))
        root.set(f"{{{MC}}}Ignorable", " ".join([*(root.get(f"{{{MC}}}Ignorable") or "").split(), "xx"]))
    etree.SubElement(_style_rpr(root, "Normal"), f"{{{EXTENSION}}}glow").set(f"{{{EXTENSION}}}size", "3")
    next(root.iter(_w("style"))).set(f"{{{EXTENSION}}}mark", "1")
    return root


@pytest.mark.parametrize("ignorable", [False, True])
def test_an_extension_is_kept_only_where_the_part_lets_word_ignore_it(tmp_path: Path, ignorable: bool) -> None:
    """Markup Compatibility: a namespace Word does not understand may stand only where mc:Ignorable names it
    (Word refuses the document otherwise): the brief drops an undeclared extension and keeps a declared one."""
    import shutil

    from tests.conftest import ROOT
    from tests.helpers import name_reference, run
    from tests.test_house_values import _reference

    workspace = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    house = workspace / "templates/house.docx"
    _reference(house)
    with zipfile.ZipFile(house) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(house, "w") as archive:
        for info, data in parts:
            if info.filename == "word/styles.xml":
                data = etree.tostring(_extended(etree.fromstring(data), ignorable), xml_declaration=True,
                                      encoding="UTF-8", standalone=True)
            archive.writestr(info, data)
    name_reference(workspace, "house.docx")
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(workspace / "output/executive.docx") as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    declared = {styles.nsmap.get(p) for p in (styles.get(f"{{{MC}}}Ignorable") or "").split()}
    found = [e for e in styles.iter() if isinstance(e.tag, str) and etree.QName(e).namespace == EXTENSION]
    marked = [e for e in styles.iter() if any(a.startswith(f"{{{EXTENSION}}}") for a in e.attrib)]
    assert (EXTENSION in declared) == ignorable
    assert (bool(found), bool(marked)) == (ignorable, ignorable)  # (a style may be copied, with its mark)
    assert violations(workspace / "output/executive.docx") == []
