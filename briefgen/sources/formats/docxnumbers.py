"""A DOCX's automatic list numbers (Home > Numbering, Bullets, Multilevel List), as Word shows them in front of
each paragraph: "3. ", "1.2.a) ", "iv. ", "• ".

The numbering part (word/numbering.xml) defines lists (w:abstractNum, each level's start, format, text such as
"%1.%2." and what follows the number), and the instances paragraphs name (w:num, by w:numId, directly in
w:numPr or through their style's). Paragraphs of instances of one list count on from one another, as Word and
LibreOffice count them: the count is the list's, not the instance's. An instance that restarts a level
(w:startOverride) restarts the list's count there at its first paragraph of that level, and paragraphs of the
other instances count on from it (an instance LibreOffice writes for a list's first item, restarting it, and
the list's own for the items after: 1, 2, not 1, 1); one that only redefines a level's look counts on. A level
restarts after a paragraph of any level above it (w:lvlRestart: only of a level above the one it names; 0,
never), and w:isLgl writes every level's number in a level's text in decimal ("Section 2.1" under "Article
II"), as Word does (LibreOffice ignores both).
A paragraph numbered through its style is at the level that names the style (w:pStyle), as the standard says,
else at the style's w:ilvl.
A bullet reads "•", "◦" or "▪" by its level (the first, the second, the third, then again) whatever its glyph (a
Symbol or Wingdings character, a Courier "o", a dash), as LibreOffice's text export writes bullets: what a bullet
is drawn with is no text a passage quotes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefgen.document.wordnumbers import number_text
from briefgen.sources.formats.docxink import W
from briefgen.sources.formats.docxstyles import RPR, VANISHING, Styles, vanish_after
from briefgen.sources.formats.plain import starts

LEVEL, OVERRIDE = f"{W}lvl", f"{W}lvlOverride"
SUFFIXES = {"tab": " ", "space": " ", "nothing": ""}
BULLETS = "\u2022\u25e6\u25aa"  # • ◦ ▪, by level


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = " "
    restart: int | None = None  # w:lvlRestart: restarted after a level above this number (1 is the top); 0 never
    legal: bool = False  # w:isLgl: every level's number in decimal
    hidden: bool | None = None  # the number set in hidden text
    style: str | None = None  # the paragraph style the level is for (w:pStyle)


@dataclass
class _Instance:
    abstract: str = ""
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride, by level
    levels: dict[int, _Level] = field(default_factory=dict)  # whole levels overridden


@dataclass
class Numbering:
    """The lists of a numbering part: abstract lists by id, the instances paragraphs name, and the abstract
    lists that stand for a numbering style (w:numStyleLink) by the style they name, and those that define one
    (w:styleLink) by its name."""

    abstracts: dict[str, dict[int, _Level]] = field(default_factory=dict)
    instances: dict[str, _Instance] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    defines: dict[str, str] = field(default_factory=dict)


def read_numbering(events: Iterator[tuple[str, Any]]) -> Numbering:
    """The lists of a numbering part, from its events (docxstyles.xml_events); attributes are read at each
    element's start, as the elements are let go once they end."""
    found = Numbering()
    abstract, instance, level, override = "", _Instance(), _Level(), -1
    for element, path in starts(events):
        tag, parent = path[-1], path[-2] if len(path) > 1 else ""
        value = str(element.get(f"{W}val", ""))
        if tag == f"{W}abstractNum":
            abstract = str(element.get(f"{W}abstractNumId"))
            found.abstracts[abstract] = {}
        elif tag == f"{W}num":
            instance = found.instances.setdefault(str(element.get(f"{W}numId")), _Instance())
        elif tag == f"{W}abstractNumId" and parent == f"{W}num":
            instance.abstract = value
        elif tag == OVERRIDE:
            override = _int(element.get(f"{W}ilvl"), 0)
        elif tag == f"{W}startOverride" and parent == OVERRIDE:
            instance.starts[override] = _int(value, 1)
        elif tag == LEVEL:
            level = _Level()
            held = instance.levels if parent == OVERRIDE else found.abstracts.setdefault(abstract, {})
            held[_int(element.get(f"{W}ilvl"), 0)] = level
        elif tag == f"{W}numStyleLink" and parent == f"{W}abstractNum":
            found.links[abstract] = value
        elif tag == f"{W}styleLink" and parent == f"{W}abstractNum":
            found.defines.setdefault(value, abstract)
        elif parent == LEVEL or (parent == RPR and len(path) > 2 and path[-3] == LEVEL):
            _level_property(level, tag, value, element)
    return found


def _level_property(level: _Level, tag: str, value: str, element: Any) -> None:
    name = tag[len(W):] if tag.startswith(W) else ""
    if name == "start":
        level.start = _int(value, 1)
    elif name == "numFmt":  # a custom format (Word 2010's "001, 002, 003, ...") names its first numbers
        level.fmt = str(element.get(f"{W}format", "")) if value == "custom" else value or "decimal"
    elif name == "lvlText":
        level.text = value
    elif name == "suff":
        level.suffix = SUFFIXES.get(value, " ")
    elif name == "lvlRestart":
        level.restart = _int(value, 0)
    elif name == "isLgl":
        level.legal = value.lower() not in ("0", "false", "off")
    elif tag in VANISHING:
        level.hidden = vanish_after(element, level.hidden)
    elif name == "pStyle":
        level.style = value


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


class ListNumbers:
    """The numbers of a part's paragraphs, counted in the order they are asked for."""

    def __init__(self, numbering: Numbering, styles: Styles) -> None:
        self.numbering, self.styles = numbering, styles
        self.counts: dict[str, dict[int, int]] = {}  # by list (its abstract id)
        self.restarted: set[tuple[str, int]] = set()  # (instance, level) where an instance's restart took place
        self.lists: dict[str, tuple[_Instance, dict[int, _Level], str]] = {}  # by instance: it, its levels, its
        # list's key in counts, once worked out
        self.by_style: dict[str | None, tuple[str | None, str | None]] = {}  # each style's list and level

    def label(self, num_id: str | None, level: str | None, style: str | None) -> str:
        """The number (and the space after it) Word shows before a paragraph whose w:numPr names `num_id` and
        `level` (None where it names none: its style's are taken), of paragraph style `style`; "" for none."""
        if style not in self.by_style:
            self.by_style[style] = self.styles.numbering(style)
        own_id, own_level = self.by_style[style]
        num_id = num_id if num_id is not None else own_id
        found = self._list(num_id or "")
        if found is None:
            return ""
        instance, levels, key = found
        linked = next((str(k) for k, at in levels.items() if at.style == style), None) if style else None
        depth = _int(level if level is not None else linked or own_level or "0", 0)
        if depth not in levels:
            return ""
        counts = self.counts.setdefault(key, {})
        if depth in instance.starts and (num_id or "", depth) not in self.restarted:
            self.restarted.add((num_id or "", depth))  # the instance's first paragraph of the level it restarts
            counts.pop(depth, None)
        start = instance.starts.get(depth, levels[depth].start)
        counts[depth] = counts[depth] + 1 if depth in counts else start
        for deeper in [d for d in counts if d > depth]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart != 0 and (restart is None or depth < restart):
                del counts[deeper]
        return self._text(levels, depth, counts, instance)

    def _text(self, levels: dict[int, _Level], depth: int, counts: dict[int, int], instance: _Instance) -> str:
        this = levels[depth]
        if this.hidden:
            return ""
        if this.fmt == "bullet":
            return BULLETS[depth % len(BULLETS)] + this.suffix
        pieces = this.text.split("%")
        text = [pieces[0]]
        for piece in pieces[1:]:  # each after a "%": a level's number if it starts with the level's digit
            if piece and piece[0] in "123456789":
                at = levels.get(int(piece[0]) - 1, _Level())
                number = counts.get(int(piece[0]) - 1, instance.starts.get(int(piece[0]) - 1, at.start))
                text.append(number_text(number, "decimal" if this.legal else at.fmt) + piece[1:])
            else:
                text.append("%" + piece)
        return "".join(text) + this.suffix if any(text) else ""

    def _list(self, num_id: str) -> tuple[_Instance, dict[int, _Level], str] | None:
        """The instance `num_id` names, its levels and its list's key in `counts` (None: no such instance)."""
        if num_id not in self.lists:
            instance = self.numbering.instances.get(num_id)
            if instance is None:
                return None
            self.lists[num_id] = instance, self._levels(instance), f"a{self._abstract(instance)}"
        return self.lists[num_id]

    def _abstract(self, instance: _Instance) -> str:
        """The abstract list an instance takes, followed through a numbering style (w:numStyleLink): to the list
        the style's w:numPr names, else to the one that defines it (w:styleLink), as LibreOffice follows it
        when the styles part says nothing of it."""
        abstract, seen, numbering = instance.abstract, set(), self.numbering
        while abstract in numbering.links and abstract not in seen:
            seen.add(abstract)
            style = numbering.links[abstract]
            linked = numbering.instances.get(self.styles.numbering(style)[0] or "")
            if linked is None and style not in numbering.defines:
                break
            abstract = linked.abstract if linked is not None else numbering.defines[style]
        return abstract

    def _levels(self, instance: _Instance) -> dict[int, _Level]:
        return {**self.numbering.abstracts.get(self._abstract(instance), {}), **instance.levels}

