"""Rules on structure elements, each over the tree in document order: headings, figures and formulas, tables,
lists, notes, and the language of elements."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

import pikepdf

from tests.uacheck.findings import NO_HEADERS, Finding
from tests.uacheck.structure import Element, Tree

LANGUAGE = re.compile(r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8}|[xXiI])(?:-[A-Za-z0-9]{1,8})*$")
TABLE_KIDS = {"Table": {"TR", "THead", "TBody", "TFoot", "Caption"}, "THead": {"TR"}, "TBody": {"TR"},
              "TFoot": {"TR"}, "TR": {"TH", "TD"}}
TABLE_PARENTS = {"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
                 "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"}}
LIST_KIDS = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}}
LIST_PARENTS = {"LI": {"L"}, "LBody": {"LI"}}


def element_findings(tree: Tree) -> list[Finding]:
    return [*headings(tree), *alternatives(tree), *grammar(tree), *tables(tree), *notes(tree), *languages(tree)]


def headings(tree: Tree) -> Iterator[Finding]:
    numbered = [e for e in tree.elements if re.fullmatch(r"H[1-6]", e.role)]
    plain = [e for e in tree.elements if e.role == "H"]
    if numbered and plain:
        yield Finding("14-007", plain[0].name, f"and {numbered[0].name}")
    if numbered and numbered[0].role != "H1":
        yield Finding("14-002", numbered[0].name)
    for before, after in pairwise(numbered):
        if int(after.role[1]) > int(before.role[1]) + 1:
            yield Finding("14-003", after.name, f"{after.role} follows {before.role}")
    for element in tree.elements:
        if sum(kid.role == "H" for kid in element.children) > 1:
            yield Finding("14-006", element.name)


def alternatives(tree: Tree) -> Iterator[Finding]:
    for element in tree.elements:
        if element.role == "Figure" and not (_text(element.obj, "/Alt") or _text(element.obj, "/ActualText")):
            yield Finding("13-004", element.name)
        if element.role == "Formula" and not _text(element.obj, "/Alt"):
            yield Finding("17-002", element.name)


def grammar(tree: Tree) -> Iterator[Finding]:
    """Tables and lists built as ISO 32000-1 Tables 336 and 337 say."""
    for element in tree.elements:
        for checkpoint, kids, parents in (("09-004", TABLE_KIDS, TABLE_PARENTS), ("09-005", LIST_KIDS, LIST_PARENTS)):
            allowed = kids.get(element.role)
            wrong = [kid.role for kid in element.children if allowed is not None and kid.role not in allowed]
            if wrong:
                yield Finding(checkpoint, element.name, "holds " + ", ".join(wrong))
            parent = element.parent.role if element.parent else "the root"
            if element.role in parents and parent not in parents[element.role]:
                yield Finding(checkpoint, element.name, f"inside {parent}")


def tables(tree: Tree) -> Iterator[Finding]:
    for table in (e for e in tree.elements if e.role == "Table"):
        cells = list(_cells(table))
        heads = [c for c in cells if c.role == "TH"]
        if not heads:
            yield Finding(NO_HEADERS, table.name, "no TH cell")
            continue
        ids = {bytes(c.obj.ID) for c in heads if "/ID" in c.obj}
        headed = all(_attribute(c.obj, "/Headers") is not None for c in cells if c.role == "TD")
        for head in heads:
            if _attribute(head.obj, "/Scope") is None and not headed:
                yield Finding("15-003", head.name)
        for cell in cells:
            named = _attribute(cell.obj, "/Headers")
            missing = [bytes(h) for h in (named if isinstance(named, pikepdf.Array) else []) if bytes(h) not in ids]
            if missing:
                yield Finding("15-005", cell.name, "Headers names no TH: " + ", ".join(m.decode("latin-1")
                                                                                     for m in missing))


def _cells(element: Element) -> Iterator[Element]:
    for kid in element.children:
        if kid.role in ("TH", "TD"):
            yield kid
        elif kid.role != "Table":
            yield from _cells(kid)


def notes(tree: Tree) -> Iterator[Finding]:
    found = [e for e in tree.elements if e.role == "Note"]
    for note in found:
        if not _text(note.obj, "/ID"):
            yield Finding("19-003", note.name)
    counts = Counter(bytes(n.obj.ID) for n in found if _text(n.obj, "/ID"))
    for value, count in counts.items():
        if count > 1:
            yield Finding("19-004", f"{count} Note elements", f"ID {value.decode('latin-1')!r}")


def languages(tree: Tree) -> Iterator[Finding]:
    for element in tree.elements:
        if "/Lang" in element.obj and not LANGUAGE.match(str(element.obj.Lang)):
            yield Finding("11-001", element.name, f"/Lang {str(element.obj.Lang)!r}")


def _text(obj: pikepdf.Dictionary, key: str) -> str:
    value = obj.get(key)
    return str(value).strip() if isinstance(value, pikepdf.String) else ""


def _attribute(obj: pikepdf.Dictionary, key: str) -> object:
    """A Table attribute of the element: in /A (a dictionary or an array of them, with revision numbers)."""
    owned = obj.get("/A")
    for attrs in (list(owned) if isinstance(owned, pikepdf.Array) else [owned]):
        if isinstance(attrs, pikepdf.Dictionary) and attrs.get("/O") == "/Table" and key in attrs:
            return attrs[key]
    return None
