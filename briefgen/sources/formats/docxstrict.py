"""A DOCX, XLSX or PPTX saved as Strict Open XML (Word: File > Save As, "Strict Open XML Document"; Excel's
"Strict Open XML Spreadsheet") read as one saved as an ordinary ("transitional") document: its parts say the same
in other namespaces (http://purl.oclc.org/ooxml/…), which each element and attribute is renamed from as it is
read, so the readers know only the usual names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefgen.document.house import STRICT_WORDML

STRICT = "{http://purl.oclc.org/ooxml/"
_NAMESPACES = {
    f"{{{STRICT_WORDML}}}": "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
    f"{STRICT}officeDocument/math}}": "{http://schemas.openxmlformats.org/officeDocument/2006/math}",
    f"{STRICT}officeDocument/relationships}}": "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    f"{STRICT}drawingml/main}}": "{http://schemas.openxmlformats.org/drawingml/2006/main}",
    f"{STRICT}drawingml/diagram}}": "{http://schemas.openxmlformats.org/drawingml/2006/diagram}",
    f"{STRICT}drawingml/wordprocessingDrawing}}":
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}",
    f"{STRICT}drawingml/chart}}": "{http://schemas.openxmlformats.org/drawingml/2006/chart}",
    f"{STRICT}spreadsheetml/main}}": "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}",
    f"{STRICT}presentationml/main}}": "{http://schemas.openxmlformats.org/presentationml/2006/main}",
}


def is_strict(root: Any) -> bool:
    return str(root.tag).startswith(STRICT)


def transitional(element: Any) -> None:
    """Rename a Strict element and its attributes to their transitional names (its children are renamed as
    they are read: `tree` renames a whole parsed part)."""
    element.tag = _renamed(str(element.tag))
    strict = [name for name in element.attrib if name.startswith(STRICT)]
    for name in strict:
        element.attrib[_renamed(name)] = element.attrib.pop(name)


def tree(root: Any) -> None:
    """Rename every element of a parsed Strict part."""
    for element in root.iter():
        if isinstance(element.tag, str):
            transitional(element)


def with_strict_names(tags: Iterable[str]) -> tuple[str, ...]:
    """`tags` and each one's Strict name: what a streamed parse of a part of either kind asks its parser for."""
    usual = {namespace: strict for strict, namespace in _NAMESPACES.items()}
    found = list(tags)
    for tag in list(found):
        namespace = next((name for name in usual if tag.startswith(name)), None)
        if namespace is not None:
            found.append(usual[namespace] + tag[len(namespace):])
    return tuple(found)


def _renamed(name: str) -> str:
    for strict, usual in _NAMESPACES.items():
        if name.startswith(strict):
            return usual + name[len(strict):]
    return name
