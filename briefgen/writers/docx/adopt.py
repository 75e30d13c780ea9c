"""A reference DOCX's styles kept where it has them: ours adopt its style of the same id or name (renamed to
ours), fill the gaps, or (briefgen's own header and footer) take its place; its List Bullet style points at our
bullet numbering."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.numbering import NumberingPart

from briefgen.writers.docx.ooxml import el, sub

# w:pPr children that follow w:numPr (schema order).
_AFTER_NUM_PR = ("w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                 "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                 "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                 "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                 "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                 "w:pPrChange")


def numbering(document: DocxDocument) -> BaseOxmlElement:
    """The document's w:numbering, its part made first when a reference has none (LibreOffice and others
    write none for a document without lists; python-docx cannot make one)."""
    try:
        existing = document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        existing = None
    if isinstance(existing, XmlPart):
        found: BaseOxmlElement = existing.element
        return found
    package = document.part.package
    usual = "/word/numbering.xml"
    taken = {str(part.partname) for part in package.iter_parts()}
    partname = PackURI(usual) if usual not in taken else package.next_partname("/word/numbering%d.xml")
    part = NumberingPart(partname, CT.WML_NUMBERING, parse_xml(f"<w:numbering {nsdecls('w')}/>"), package)
    document.part.relate_to(part, RT.NUMBERING)
    made: BaseOxmlElement = part.element
    return made


def _name(style: BaseOxmlElement) -> str:
    name = style.find(qn("w:name"))
    return "" if name is None else str(name.get(qn("w:val"), "")).lower()


def adopt_or_add(styles: BaseOxmlElement, ours: BaseOxmlElement, replace: bool = False) -> None:
    """Keep the reference's style of the same id, or of the same type and name (its id renamed to ours);
    add ours only when the reference has neither. With `replace`, ours takes the place of the reference's."""
    ident, kind = ours.get(qn("w:styleId")), ours.get(qn("w:type"))
    existing = list(styles.iterchildren(qn("w:style")))
    same = next((s for s in existing if s.get(qn("w:styleId")) == ident), None)
    if same is None:
        same = next((s for s in existing if s.get(qn("w:type")) == kind and _name(s) == _name(ours)), None)
    if same is None:
        styles.append(ours)
        return
    old = same.get(qn("w:styleId"))
    if replace:
        same.addprevious(ours)
        styles.remove(same)
    if old == ident:
        return
    same.set(qn("w:styleId"), ident)
    for link in styles.iter(qn("w:basedOn"), qn("w:next"), qn("w:link")):
        if link.get(qn("w:val")) == old:
            link.set(qn("w:val"), ident)


def use_bullets(styles: BaseOxmlElement, ident: str, num_id: str) -> None:
    """Point the (reference's) List Bullet style at our bullet definition."""
    style = next(s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == ident)
    ppr = style.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        after = [style.find(qn(t)) for t in ("w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")]
        anchor = next((a for a in after if a is not None), None)
        if anchor is None:
            style.append(ppr)
        else:
            anchor.addprevious(ppr)
    existing = ppr.find(qn("w:numPr"))
    if existing is not None:
        ppr.remove(existing)
    num_pr = el("w:numPr")
    sub(num_pr, "w:numId", val=num_id)
    ppr.insert_element_before(num_pr, *_AFTER_NUM_PR)
