"""What a screen reader and an accessibility checker read in the DOCX, beyond the styles: the document's
language, alternative text or a decorative mark on every picture, and a title and description on every table.

A picture either says what it shows (`wp:docPr` `descr` and `title`: the chart states its data) or is marked
decorative with Office's extension (`adec:decorative`, which Word 365 writes for "Mark as decorative"), so a
reader skips it: the logo and every picture of a reference document's letterhead, which repeat on each page and
carry no content. A table carries `w:tblCaption` and `w:tblDescription` (Word's table "Alt Text").
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from briefgen.document import scripts
from briefgen.document.nodes import one_line, safe_text
from briefgen.writers.docx.ooxml import el, sub

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_DOC_PR = f"{{{_WP}}}docPr"
_FURNITURE = (RT.HEADER, RT.FOOTER)
# w:tblPr children that come after w:tblDescription (ECMA-376 §17.4.60)
_AFTER_DESCRIPTION = ("w:tblPrChange",)
_CAPTION_LIMIT = 255  # Word's dialog takes no more; the description has no such limit
_EAST_ASIAN = frozenset({"zh", "ja", "ko"})
_COMPLEX = frozenset({"hi", "mr", "ne", "sa", "th", "bn", "ta", "te", "gu", "pa", "kn", "ml", "si", "km", "lo", "my",
                      "or", "bo", "dz"})
BODY_LEVEL = 9  # w:outlineLvl of body text: not a heading
# w:pPr children that come after w:outlineLvl (ECMA-376 §17.3.1.26)
_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
# w:style children that come after w:pPr (ECMA-376 §17.7.4.17)
_AFTER_PPR = ("w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")


def describe(doc_pr: BaseOxmlElement, title: str, description: str) -> None:
    """A picture's alternative text: `title` (a short name) and `description` (what it shows)."""
    doc_pr.set("title", one_line(safe_text(title)))
    doc_pr.set("descr", safe_text(description))


def decorative(doc_pr: BaseOxmlElement) -> None:
    """Mark a picture decorative (Office's `adec:decorative` extension of `wp:docPr`), once."""
    ext_lst = doc_pr.find(f"{{{_A}}}extLst")
    if ext_lst is None:
        ext_lst = etree.SubElement(doc_pr, f"{{{_A}}}extLst", nsmap={"a": _A})
    if any(ext.get("uri") == DECORATIVE_URI for ext in ext_lst):
        return
    ext = etree.SubElement(ext_lst, f"{{{_A}}}ext", uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", val="1", nsmap={"adec": DECORATIVE_NS})


def furniture_pictures_decorative(document: DocxDocument) -> None:
    """Mark every picture in the headers and footers decorative: the logo, and a reference's letterhead."""
    for rel in document.part.rels.values():
        if rel.reltype in _FURNITURE and not rel.is_external:
            for doc_pr in rel.target_part.element.iter(_DOC_PR):
                decorative(doc_pr)


def table_alt_text(table: BaseOxmlElement, caption: str, description: str) -> None:
    """A table's title (`w:tblCaption`) and description (`w:tblDescription`), after its `w:tblLook`."""
    tblpr = table.find(qn("w:tblPr"))
    for old in [*tblpr.findall(qn("w:tblCaption")), *tblpr.findall(qn("w:tblDescription"))]:
        tblpr.remove(old)
    for tag, text in (("w:tblCaption", one_line(safe_text(caption))[:_CAPTION_LIMIT]),
                      ("w:tblDescription", one_line(safe_text(description)))):
        if text:
            tblpr.insert_element_before(el(tag, val=text), *_AFTER_DESCRIPTION)


def default_language(document: DocxDocument, language: str) -> None:
    """The document's language as the default of every run (`w:lang w:val` in the styles' defaults), whatever
    a reference document set there (its `en-GB` stays for a brief in `en`, its `de-DE` does not). A brief in an
    east Asian or a complex-script language is also the default of that slot (`w:eastAsia`, `w:bidi`); the
    other slots keep their defaults, and a run in another script says its own language (scripts.py)."""
    lang = _default_lang(document)
    current = str(lang.get(qn("w:val"), ""))
    if current.lower().split("-")[0] != language.lower() or "-" in language:  # keep a region that refines it
        lang.set(qn("w:val"), language)
    primary = language.lower().split("-")[0]
    if primary in _EAST_ASIAN:
        lang.set(qn("w:eastAsia"), language)
    elif primary in _COMPLEX or scripts.is_rtl_language(language):
        lang.set(qn("w:bidi"), language)


def _default_lang(document: DocxDocument) -> BaseOxmlElement:
    """The `w:lang` of the styles' run defaults, made where missing."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = el("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = el("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = sub(rpr_default, "w:rPr")
    lang: BaseOxmlElement | None = rpr.find(qn("w:lang"))
    if lang is None:
        lang = el("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    return lang


def outline_levels(document: DocxDocument, wanted: dict[str, tuple[int, ...]]) -> None:
    """Give each paragraph style (by id) an outline level it is allowed, as Word resolves it (its own, else its
    `basedOn` chain's, else body text): a reference document whose Heading 2 is an outline level 5, or whose
    Normal is a heading, would otherwise skip levels or make every paragraph a heading. The first allowed level
    is set where the resolved one is not allowed; styles already right are left untouched."""
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.iterchildren(qn("w:style"))}
    for ident, allowed in wanted.items():
        style = styles.get(ident)
        if style is not None and _resolved_level(style, styles) not in allowed:
            _set_level(style, allowed[0])


def _resolved_level(style: BaseOxmlElement, styles: dict[str, BaseOxmlElement]) -> int:
    seen: set[int] = set()
    current: BaseOxmlElement | None = style
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        level = current.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if level is not None:
            try:
                return int(level.get(qn("w:val"), BODY_LEVEL))
            except ValueError:
                return BODY_LEVEL
        based = current.find(qn("w:basedOn"))
        current = None if based is None else styles.get(based.get(qn("w:val")))
    return BODY_LEVEL


def _set_level(style: BaseOxmlElement, level: int) -> None:
    ppr = style.find(qn("w:pPr"))
    if ppr is None:
        ppr = style.insert_element_before(el("w:pPr"), *_AFTER_PPR)
    for old in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(old)
    ppr.insert_element_before(el("w:outlineLvl", val=str(level)), *_AFTER_OUTLINE)
