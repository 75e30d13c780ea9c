"""An accessibility checker for DOCX files, read from the XML as Word and screen readers read it: what
`tests/test_docx_accessibility.py` runs on every brief, and proves on documents made to fail.

Each check returns a list of problems (empty: passes):
- properties: a title (`dc:title`) and a language (`dc:language`), the same language as the runs' default
  (`w:docDefaults` `w:lang w:val`);
- headings: the outline as Word resolves it (a paragraph's own `w:outlineLvl`, else its style's, through
  `w:basedOn`), with the Title style as level 0, starts at the title or level 1 and never goes down more than
  one level at a time; a style named "heading N" is outline level N (what pandoc reads);
- tables: each has a title (`w:tblCaption`); one that says it has a header row (`w:tblLook` firstRow) marks
  that row `w:tblHeader` with text in every cell, and no row splits across pages; one without is a one-cell
  box (a layout table);
- pictures: each `wp:docPr`, in the body, notes, headers and footers, has a description or is marked
  decorative with Office's extension; pictures in headers and footers are decorative, those in the body not;
- links have text; each footnote reference has a real footnote with text.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
BODY = 10  # a paragraph that is not a heading


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def parts(path: Path) -> dict[str, etree._Element]:
    """Every XML part of the package, parsed."""
    with zipfile.ZipFile(path) as archive:
        return {n: etree.fromstring(archive.read(n)) for n in archive.namelist() if n.endswith((".xml", ".rels"))}


def text(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def property_problems(xml: dict[str, etree._Element]) -> list[str]:
    core = xml["docProps/core.xml"]
    title, language = core.findtext("dc:title", "", NS), core.findtext("dc:language", "", NS)
    default = xml["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    found = []
    if not title.strip():
        found.append("no document title (dc:title)")
    if not language.strip():
        found.append("no document language (dc:language)")
    if default is None or default.get(w("val")) != language:
        found.append(f"the runs' default language is not the document's {language!r}")
    return found


def heading_levels(xml: dict[str, etree._Element]) -> list[tuple[int, str]]:
    """(level, text) of every heading in the body, in reading order: 0 for the Title style, N for outline level
    N-1; body paragraphs are left out."""
    styles = {s.get(w("styleId")): s for s in xml["word/styles.xml"].iterfind("w:style", NS)}
    out = []
    for paragraph in xml["word/document.xml"].iter(w("p")):
        level = _paragraph_level(paragraph, styles)
        if level < BODY:
            out.append((level, text(paragraph)))
    return out


def _paragraph_level(paragraph: etree._Element, styles: dict[str, etree._Element]) -> int:
    own = paragraph.find("w:pPr/w:outlineLvl", NS)
    if own is not None:
        return int(own.get(w("val"))) + 1
    ident = paragraph.find("w:pPr/w:pStyle", NS)
    style = None if ident is None else styles.get(str(ident.get(w("val"))))
    return BODY if style is None else style_level(style, styles)


def style_level(style: etree._Element, styles: dict[str, etree._Element]) -> int:
    """A style's heading level: 0 for Title, its outline level + 1 (inherited through basedOn), else BODY."""
    if style.find("w:name", NS).get(w("val")).lower() == "title":
        return 0
    seen: set[str] = set()
    while style is not None and style.get(w("styleId")) not in seen:
        seen.add(style.get(w("styleId")))
        level = style.find("w:pPr/w:outlineLvl", NS)
        if level is not None:
            return min(int(level.get(w("val"))) + 1, BODY)
        based = style.find("w:basedOn", NS)
        style = styles.get(based.get(w("val"))) if based is not None else None
    return BODY


def heading_problems(xml: dict[str, etree._Element]) -> list[str]:
    found = []
    previous = 0
    for level, words in heading_levels(xml):
        if level > previous + 1:
            found.append(f"heading {words!r} is level {level} after level {previous}")
        previous = level
    styles = {s.get(w("styleId")): s for s in xml["word/styles.xml"].iterfind("w:style", NS)}
    for style in styles.values():
        named = re.fullmatch(r"heading (\d)", style.find("w:name", NS).get(w("val")).lower())
        if named and style_level(style, styles) != int(named.group(1)):
            found.append(f"style {named.group(0)!r} is outline level {style_level(style, styles)}")
    return found


def table_problems(xml: dict[str, etree._Element]) -> list[str]:
    found = []
    for n, table in enumerate(xml["word/document.xml"].iter(w("tbl")), 1):
        caption = table.find("w:tblPr/w:tblCaption", NS)
        if caption is None or not caption.get(w("val"), "").strip():
            found.append(f"table {n} has no title (w:tblCaption)")
        look = table.find("w:tblPr/w:tblLook", NS)
        rows = table.findall("w:tr", NS)
        if look is None or look.get(w("firstRow")) != "1":
            if len(rows) != 1 or len(rows[0].findall("w:tc", NS)) != 1:
                found.append(f"table {n} has no header row and is not a one-cell box")
            continue
        if rows[0].find("w:trPr/w:tblHeader", NS) is None:
            found.append(f"table {n}: its header row does not repeat (w:tblHeader)")
        if any(not text(cell).strip() for cell in rows[0].findall("w:tc", NS)):
            found.append(f"table {n}: a header cell is empty")
        if any(row.find("w:trPr/w:cantSplit", NS) is None for row in rows):
            found.append(f"table {n}: a row may split across pages")
    return found


def is_decorative(doc_pr: etree._Element) -> bool:
    return any(mark.get("val") in ("1", "true") for mark in doc_pr.xpath(
        f"a:extLst/a:ext[@uri='{DECORATIVE_URI}']/adec:decorative", namespaces=NS))


def picture_problems(xml: dict[str, etree._Element]) -> list[str]:
    found = []
    for name, root in sorted(xml.items()):
        furniture = re.fullmatch(r"word/(header|footer)\d*\.xml", name) is not None
        for doc_pr in root.iter(f"{{{NS['wp']}}}docPr"):
            label = f"{name}: picture {doc_pr.get('name')!r}"
            if furniture and not is_decorative(doc_pr):
                found.append(f"{label} is not marked decorative")
            if not furniture and is_decorative(doc_pr):
                found.append(f"{label} in the content is marked decorative")
            if not furniture and not doc_pr.get("descr", "").strip():
                found.append(f"{label} has no alternative text")
    return found


def link_and_note_problems(xml: dict[str, etree._Element]) -> list[str]:
    found = []
    for name in ("word/document.xml", "word/footnotes.xml"):
        if name in xml:
            found += [f"{name}: a link has no text" for link in xml[name].iter(w("hyperlink"))
                      if not text(link).strip()]
    notes = xml.get("word/footnotes.xml")
    texts = {} if notes is None else {n.get(w("id")): text(n) for n in notes.iter(w("footnote"))}
    for ref in xml["word/document.xml"].iter(w("footnoteReference")):
        if not texts.get(ref.get(w("id")), "").strip():
            found.append(f"footnote reference {ref.get(w('id'))} has no footnote with text")
    return found


def problems(path: Path) -> list[str]:
    """Everything the checker finds in the DOCX at `path`."""
    xml = parts(path)
    return [*property_problems(xml), *heading_problems(xml), *table_problems(xml), *picture_problems(xml),
            *link_and_note_problems(xml)]
