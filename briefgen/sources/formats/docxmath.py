"""An equation (OMML: m:oMath) read as the characters Word draws for it, in order: its text (m:t, read as a run's
text is) and the characters its structures draw that the file holds as settings, not text: a delimiter's
brackets and separators (m:d: "(" and ")" unless m:begChr, m:endChr say otherwise, "|" between its parts), an
n-ary operator's sign (m:nary: "∫" unless m:chr says which: "∑", "∏"…), a radical's "√", and a linear or skewed
fraction's slash ("a/b"; a stacked fraction draws a bar, which is no character: "ab").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
DEFAULTS = {"begChr": "(", "endChr": ")", "sepChr": "|", "chr": "\u222b", "type": "bar"}
STRUCTURES = {f"{M}{name}" for name in ("d", "nary", "rad", "f")}


@dataclass
class _Structure:
    tag: str
    depth: int
    parts: int = 0  # how many of its parts (m:e, or a fraction's m:den, an operator's m:sub…) have started

    def __post_init__(self) -> None:
        self.settings = dict(DEFAULTS)


class MathText:
    """The structures open in an equation, innermost last, and the characters they draw as it is read."""

    def __init__(self) -> None:
        self.open: list[_Structure] = []

    def start(self, tag: str, element: Any, depth: int) -> str:
        """An element of an equation starts at `depth` in the part: the characters drawn before its content."""
        if tag in STRUCTURES:
            self.open.append(_Structure(tag, depth))
            return ""
        if not self.open:
            return ""
        here, name = self.open[-1], tag[len(M):]
        if depth == here.depth + 2 and name in DEFAULTS:  # a setting, in the structure's properties
            here.settings[name] = str(element.get(f"{M}val", ""))
            return ""
        if depth != here.depth + 1:
            return ""
        return self._before_part(here, name)

    def _before_part(self, here: _Structure, name: str) -> str:
        kind, first = here.tag[len(M):], here.parts == 0
        if name not in ("e", "sub", "sup", "den"):
            return ""
        here.parts += 1
        if kind == "d" and name == "e":
            return here.settings["begChr" if first else "sepChr"]
        if kind == "nary":
            return here.settings["chr"] if first else ""
        if kind == "rad" and name == "e":
            return "\u221a"
        return "/" if kind == "f" and name == "den" and here.settings["type"] in ("lin", "skw") else ""

    def end(self, depth: int) -> str:
        """An element of an equation ends at `depth`: the characters drawn after its content."""
        if not self.open or self.open[-1].depth != depth:
            return ""
        here = self.open.pop()
        return here.settings["endChr"] if here.tag == f"{M}d" else ""
