"""Writing aligned tokens back as WordprocessingML runs, each change inside its tracked-change wrapper.

The changes a token can carry (`Op`'s first member): None (kept), "ins", "del", "moveFrom" (a moved
paragraph's words at its old place) and "moveTo" (at its new place). The old brief's tokens (deleted, moved
from) lose their links and bookmarks: those belong to the issued package and would dangle or repeat in the
new one. A moved paragraph's text stays w:t on both sides, as Word writes it; only a deletion's is w:delText.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from briefgen.writers.docx.ooxml import XML_SPACE
from briefgen.writers.docx.wordtokens import T, Token, q

R = q("r")
OLD_SIDE = frozenset(("del", "moveFrom"))  # tokens taken from the issued brief

Op = tuple[str | None, Token]


class Marks:
    """Tracked-change wrappers, each with a unique id, the author and the date; and the names of moves."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self._next = author, date, 100_000

    def make(self, kind: str) -> etree._Element:
        self._next += 1
        return etree.Element(q(kind), {q("id"): str(self._next), q("author"): self.author, q("date"): self.date})

    def range_start(self, kind: str, name: str) -> etree._Element:
        """`w:<kind>RangeStart` (kind moveFrom or moveTo) of the move `name`; its end: `range_end`."""
        start = self.make(f"{kind}RangeStart")
        start.set(q("name"), name)
        return start

    @staticmethod
    def range_end(start: etree._Element) -> etree._Element:
        return etree.Element(start.tag.replace("RangeStart", "RangeEnd"), {q("id"): str(start.get(q("id")))})

    def move_name(self) -> str:
        self._next += 1
        return f"move{self._next}"


@dataclass
class Found:
    """What emitting the tokens met that the rest of the package must follow: notes and pictures."""

    inserted_notes: list[str] = field(default_factory=list)
    deleted_notes: list[tuple[str, etree._Element]] = field(default_factory=list)  # old id, its copied reference
    deleted_pictures: list[etree._Element] = field(default_factory=list)  # the issued brief's, as placed


class Emitter:
    """Appends tokens to a paragraph, grouping neighbours that share a change, a link and run properties."""

    def __init__(self, marks: Marks, found: Found, p: etree._Element) -> None:
        self.marks, self.found, self.p = marks, found, p
        self.group: tuple[str | None, int] | None = None
        self.holder: etree._Element = p
        self.last: tuple[etree._Element, bytes] | None = None  # the open text run and its properties

    def emit(self, ops: list[Op]) -> None:
        for op, token in ops:
            if op not in OLD_SIDE:
                for mark in token.before:
                    self._close()
                    self.p.append(copy.deepcopy(mark))
            self._open(op, token.link if op not in OLD_SIDE else None)
            self._add(op, token)

    def _close(self) -> None:
        self.group, self.holder, self.last = None, self.p, None

    def _open(self, op: str | None, link: etree._Element | None) -> None:
        group = (op, id(link) if link is not None else 0)
        if group == self.group:
            return
        self._close()
        self.group, self.holder = group, self.p
        if link is not None:
            self.holder = etree.SubElement(self.p, link.tag, dict(link.attrib))
        if op is not None:
            wrapper = self.marks.make(op)
            self.holder.append(wrapper)
            self.holder = wrapper

    def _add(self, op: str | None, token: Token) -> None:
        props = etree.tostring(token.rpr) if token.rpr is not None else b""
        if token.text is not None and self.last is not None and self.last[1] == props:
            self.last[0].text = (self.last[0].text or "") + token.text
            return
        run = etree.SubElement(self.holder, R)
        if token.rpr is not None:
            run.append(copy.deepcopy(token.rpr))
        if token.text is not None:
            text = etree.SubElement(run, q("delText") if op == "del" else T, {XML_SPACE: "preserve"})
            text.text = token.text
            self.last = (text, props)
            return
        self.last = None
        assert token.elem is not None
        run.append(_content(token.elem, op))
        if op in OLD_SIDE and token.key[0] == "drawing":
            self.found.deleted_pictures.append(run[-1])  # of the issued package: heldmedia.py carries it
        if token.key[0] == "note":
            self._note(op, token, run[-1])

    def _note(self, op: str | None, token: Token, placed: etree._Element) -> None:
        if op in ("ins", "moveTo"):
            self.found.inserted_notes.append(_note_id(token))
        elif op in OLD_SIDE:
            self.found.deleted_notes.append((_note_id(token), placed))


def _content(elem: etree._Element, op: str | None) -> etree._Element:
    made = copy.deepcopy(elem)
    if op == "del" and made.tag in (T, q("instrText")):
        made.tag = q("delText") if made.tag == T else q("delInstrText")
    return made


def _note_id(token: Token) -> str:
    assert token.elem is not None
    return str(token.elem.get(q("id")))
