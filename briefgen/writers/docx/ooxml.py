"""Small WordprocessingML helpers shared by the DOCX modules: elements, text runs, fields, bookmarks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import count

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from briefgen.document.nodes import safe_text

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"  # xml:space="preserve" keeps a w:t's edge spaces


def el(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new element `w:tag` (or any prefixed tag) with `w:`-prefixed attributes given as keywords."""
    element: BaseOxmlElement = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(name if ":" in name else f"w:{name}"), value)
    return element


def sub(parent: BaseOxmlElement, tag: str, **attrs: str) -> BaseOxmlElement:
    child = el(tag, **attrs)
    parent.append(child)
    return child


def twips(points: float) -> str:
    """Points as a twentieth-of-a-point string, the unit of most WordprocessingML lengths."""
    return str(round(points * 20))


def hex_colour(colour: str) -> str:
    """'#1F3A5F' -> '1F3A5F' (what w:color and w:shd want)."""
    return colour.lstrip("#").upper()


def tint(colour: str, amount: float) -> str:
    """`colour` mixed with white: amount 0 is white, 1 the colour itself."""
    rgb = bytes.fromhex(hex_colour(colour))
    return "".join(f"{round(255 - (255 - c) * amount):02X}" for c in rgb)


def text_run(text: str, style_id: str = "") -> BaseOxmlElement:
    """A `w:r` holding literal text (whitespace preserved), optionally in a character style."""
    run = el("w:r")
    if style_id:
        sub(sub(run, "w:rPr"), "w:rStyle", val=style_id)
    t = sub(run, "w:t")
    t.set(XML_SPACE, "preserve")
    t.text = safe_text(text)
    return run


def field_runs(instruction: str, result: str, style_id: str = "") -> list[BaseOxmlElement]:
    """The runs of a complex field (begin, instruction, separate, cached result, end)."""
    runs: list[BaseOxmlElement] = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        if kind == "result":
            runs.append(text_run(result, style_id))
            continue
        run = el("w:r")
        if style_id:
            sub(sub(run, "w:rPr"), "w:rStyle", val=style_id)
        if kind == "instr":
            instr = sub(run, "w:instrText")
            instr.set(XML_SPACE, "preserve")
            instr.text = f" {instruction} "
        else:
            sub(run, "w:fldChar", fldCharType=kind)
        runs.append(run)
    return runs


class Bookmarks:
    """Hands out bookmark ids, unique within one document, and wraps elements in a bookmark."""

    def __init__(self) -> None:
        self._ids: Iterator[int] = count(1)
        self._names: set[str] = set()

    def wrap(self, first: BaseOxmlElement, last: BaseOxmlElement, name: str) -> str:
        """Put a bookmark `name` around the siblings first..last; returns the (unique) name used."""
        name = self._unique(name)
        ident = str(next(self._ids))
        first.addprevious(el("w:bookmarkStart", id=ident, name=name))
        last.addnext(el("w:bookmarkEnd", id=ident))
        return name

    def _unique(self, name: str) -> str:
        base = re.sub(r"\W", "_", name, flags=re.ASCII)[:36] or "_Ref"
        if not (base[0].isalpha() or base[0] == "_"):
            base = "b" + base[:35]
        candidate, n = base, 1
        while candidate in self._names:
            n += 1
            candidate = f"{base[:32]}_{n}"
        self._names.add(candidate)
        return candidate
