"""A reference DOCX's links to outside the document, cut from the parts a brief keeps of it.

A part kept from a reference (settings, styles, numbering, the font table, web settings, the letterhead's
headers and footers) may point outside the package: an attached template on a web server (the known
remote-template technique), a linked picture, a frame, an embedded font's address. Word and LibreOffice fetch
them when the brief is opened, so every brief made with that reference would reach that address. Each such
relationship goes, with what in the part named it; a hyperlink a reader clicks is kept. The settings' attached
template and mail-merge source go whatever their target: a brief has no template to update from and no data to
merge, and a local template path names a folder of the analyst's machine.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Elements that exist only to hold a link: removed whole (an attribute alone removed would leave them invalid)
_LINK_ONLY = {qn(tag) for tag in ("w:attachedTemplate", "w:mailMerge", "w:sourceFileName", "w:embedRegular",
                                  "w:embedBold", "w:embedItalic", "w:embedBoldItalic")}
_ALWAYS_DROPPED = {qn("w:attachedTemplate"), qn("w:mailMerge")}


def cut_outside_links(document: DocxDocument) -> None:
    """Remove every outside relationship but hyperlinks from every part of the package, and what named them; and
    the settings' attached template and mail-merge source. A part with no outside link is not walked (the
    styles part of a Word reference holds thousands of elements, read on every build)."""
    for part in document.part.package.iter_parts():
        gone = {rid for rid, rel in part.rels.items() if rel.is_external and rel.reltype != RT.HYPERLINK}
        if not gone:
            continue
        for rid in sorted(gone):
            del part.rels[rid]
        if isinstance(part, XmlPart):
            _cut(part.element, gone)
        elif part.partname.endswith(".xml"):
            root = parse_xml(part.blob)
            _cut(root, gone)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    settings = document.settings.element
    for found in [element for tag in _ALWAYS_DROPPED for element in settings.iterchildren(tag)]:
        settings.remove(found)


def _cut(root: Any, gone: set[str]) -> None:
    """Remove the elements of `root` that only hold a link named in `gone`; drop other attributes naming one."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        named = [name for name, value in element.attrib.items() if name.startswith(f"{{{_R}}}") and value in gone]
        if named and element.tag in _LINK_ONLY:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in named:
            del element.attrib[name]
