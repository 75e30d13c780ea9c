"""Checks a DOCX's WordprocessingML parts the way Microsoft Word reads them: every element's children in the
order of its ECMA-376 content model (tests/ooxml_models.py), only children the model admits, the elements a
model requires, and only the w: attributes and values the schema allows (tests/ooxml_values.py).

LibreOffice and python-docx read a w:sz before a w:b, a w:p straight in a w:tbl or a w:numbering whose w:num
comes before its w:abstractNum; Word says "Word found unreadable content" or refuses the file. `violations`
names each such place with its path in the part: "word/document.xml: /document/body/p[3]/pPr: w:keepNext after
w:spacing (schema order)".
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from tests.ooxml_models import NON_EMPTY, REQUIRED, Model, model_for
from tests.ooxml_values import REQUIRED_ATTRIBUTES, attributes_for

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARTS = re.compile(r"word/(document|styles|numbering|settings|footnotes|endnotes|fontTable|header\d*|footer\d*)"
                    r"\.xml")


def violations(path: Path) -> list[str]:
    """Every schema violation in the WordprocessingML parts of the DOCX at `path`, one line each."""
    found: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(n for n in archive.namelist() if _PARTS.fullmatch(n)):
            root = etree.fromstring(archive.read(name))
            found.extend(f"{name}: {problem}" for problem in part_violations(root))
    return found


def part_violations(root: etree._Element) -> Iterator[str]:
    """The violations in one part, given its root element."""
    yield from _element(root, "", f"/{_local(root)}")


def _local(element: etree._Element) -> str:
    return str(etree.QName(element).localname)


def _is_w(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and etree.QName(element).namespace == W


def _element(element: etree._Element, parent: str, where: str) -> Iterator[str]:
    name = _local(element)
    if _is_w(element):
        yield from _attributes(element, parent, name, where)
        key, model = model_for(parent, name)
        children = [c for c in element if _is_w(c)]
        if model is not None:
            yield from (f"{where}: {p}" for p in _sequence([_local(c) for c in children], model))
            yield from (f"{where}: {p}" for p in _shape(key, [_local(c) for c in children]))
        if name == "del":
            yield from (f"{where}: w:{_local(t)} in a deleted run (Word wants w:delText, w:delInstrText)"
                        for t in element.iterfind(f"{{{W}}}r/*") if _local(t) in ("t", "instrText"))
    seen: dict[str, int] = {}
    for child in element:
        if isinstance(child.tag, str):
            child_name = _local(child)
            seen[child_name] = seen.get(child_name, 0) + 1
            yield from _element(child, name, f"{where}/{child_name}[{seen[child_name]}]")


def _sequence(names: list[str], model: Model) -> Iterator[str]:
    """Children out of the model's order, repeated where the model takes one, or not in the model at all."""
    position, used, previous = 0, False, ""
    for name in names:
        index = next((i for i in range(position, len(model)) if name in model[i][0]), None)
        if index is None:
            earlier = any(name in slot[0] for slot in model[:position])
            yield f"w:{name} after w:{previous} (schema order)" if earlier else f"w:{name} is not allowed here"
            continue
        if index == position and used and not model[index][1]:
            yield f"w:{name} repeated (the schema allows one)"
        position, used, previous = index, True, name


def _shape(key: str, names: list[str]) -> Iterator[str]:
    """Required children, non-empty containers, and a table cell's last paragraph."""
    yield from (f"no w:{need} (required)" for need in REQUIRED.get(key, ()) if need not in names)
    blocks = [n for n in names if n in ("p", "tbl", "sdt", "customXml", "altChunk")]
    if key in NON_EMPTY and not blocks:
        yield "no block-level content (a w:p at least is required)"
    if key == "tc" and blocks and blocks[-1] != "p":
        yield f"the cell ends with w:{blocks[-1]} (Word wants a w:p last)"


def _attributes(element: etree._Element, parent: str, name: str, where: str) -> Iterator[str]:
    key, allowed = attributes_for(parent, name)
    if allowed is None:
        return
    present = {etree.QName(a).localname: v for a, v in element.attrib.items() if etree.QName(a).namespace == W}
    for attribute, value in present.items():
        check = allowed.get(attribute)
        if check is None:
            yield f"{where}: w:{attribute} is not an attribute of w:{name}"
        elif not check(value):
            yield f"{where}: w:{attribute}={value!r} is not a value the schema allows"
    yield from (f"{where}: w:{need} missing (required)" for need in REQUIRED_ATTRIBUTES.get(key, ())
                if need not in present)
