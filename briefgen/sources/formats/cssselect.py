"""The selectors of a page's style rules (stylesheet.py), matched against the elements a parse has opened.

Read: compound selectors of an element name, `*`, `.class` and `#id` (`div.note.warn#x`), joined by the
combinators a page's rules use to hide text: descendant (`nav p`), child (`>`), next sibling (`+`) and later
sibling (`~`). A selector with an attribute or a pseudo-class (`[hidden]`, `a:hover`) matches nothing here (it
may hold only in some state), so text is hidden only where a rule certainly applies.

An element is matched from its own compound outwards, through its open ancestors and the siblings before it
(`Tree`), with a budget of steps per match, and a later-sibling (`~`) looking back at most MAX_SIBLINGS
elements: a page of deep nesting or long lists and thousands of rules stays linear in its size.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

MAX_SIBLINGS = 64  # the elements before one that a `~` looks at
MAX_STEPS = 512  # the elements looked at to match one selector against one element
# A name's character: a letter, digit, `-` or `_`, or one escaped (`\:` and `\/` in Tailwind's `md\:hidden` and
# `w-1\/2`, `\32 ` for a leading digit, as in `\32xl\:block`).
_NAME_CHAR = r"(?:[\w-]|\\[0-9a-f]{1,6}\s?|\\[^0-9a-f\n])"
_COMPOUND = re.compile(rf"^(?P<tag>\*|[a-z][a-z0-9-]*)?(?P<rest>(?:[.#]-?(?:[_a-z]|\\){_NAME_CHAR}*)*)$",
                       re.IGNORECASE)
_PART = re.compile(rf"([.#])({_NAME_CHAR}+)", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(?:([0-9a-f]{1,6})\s?|(.))", re.IGNORECASE)
_COMBINATOR = re.compile(r"\s*([>+~])\s*|\s+")


@dataclass(frozen=True)
class Element:
    """What a selector can see of an element: its name, id and classes."""

    tag: str
    id: str | None
    classes: frozenset[str]


@dataclass(frozen=True)
class Compound:
    """A compound selector: an element name (None for any), an id, classes."""

    tag: str | None
    id: str | None
    classes: frozenset[str]

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (self.id is not None, len(self.classes), self.tag is not None)

    def fits(self, element: Element) -> bool:
        return (self.tag is None or self.tag == element.tag) and (self.id is None or self.id == element.id) \
            and self.classes <= element.classes


@dataclass(frozen=True)
class Selector:
    """A complex selector: the compound its subject must fit, then each (combinator, compound) outwards."""

    subject: Compound
    steps: tuple[tuple[str, Compound], ...] = ()

    @property
    def specificity(self) -> tuple[int, int, int]:
        parts = [self.subject.specificity, *(compound.specificity for _, compound in self.steps)]
        return (sum(p[0] for p in parts), sum(p[1] for p in parts), sum(p[2] for p in parts))


def keys(element: Element) -> list[str]:
    """The index keys a compound that fits `element` may have (bucket)."""
    return ["*", f"<{element.tag}"] + ([f"#{element.id}"] if element.id else []) + [f".{c}" for c in element.classes]


def bucket(compound: Compound) -> str:
    """The index key of a compound: its id, else a class, else its element name, else "*"."""
    if compound.id is not None:
        return f"#{compound.id}"
    if compound.classes:
        return f".{min(compound.classes)}"
    return f"<{compound.tag}" if compound.tag is not None else "*"


class Tree(list[list[Element]]):
    """The elements a parse has opened, as selectors see them: level d holds the children met so far of the open
    element at level d - 1 (level 0, the top level's); an open element is the last of its level. `present`
    counts the index keys of all of them, so a rule that needs an element no level has is passed over."""

    def __init__(self) -> None:
        super().__init__([[]])
        self.present: Counter[str] = Counter()

    def meet(self, element: Element) -> None:
        """`element` begins, after the siblings met before it (only the last MAX_SIBLINGS of them are kept)."""
        level = self[-1]
        level.append(element)
        self.present.update(keys(element))
        if len(level) > 2 * MAX_SIBLINGS:
            self._forget(level[:MAX_SIBLINGS])
            del level[:MAX_SIBLINGS]

    def open(self) -> None:
        self.append([])

    def close(self) -> None:
        self._forget(self.pop())

    def _forget(self, elements: list[Element]) -> None:
        for key in (key for element in elements for key in keys(element)):
            self.present[key] -= 1
            if not self.present[key]:
                del self.present[key]


_Place = tuple[int, int]  # (level, index in it)


def parse(text: str) -> Selector | None:
    """One selector of a rule's selector list; None for one this module does not read."""
    tokens = _COMBINATOR.split(text.strip())
    compounds = [_compound(token) for token in tokens[::2]]
    if not text.strip() or any(compound is None for compound in compounds):
        return None
    joins = [(mark or " ") for mark in tokens[1::2]]
    chain = [c for c in compounds if c is not None]
    return Selector(chain[-1], tuple(zip(reversed(joins), reversed(chain[:-1]), strict=True)))


def _compound(text: str | None) -> Compound | None:
    found = _COMPOUND.match(text or "")
    if not found or not text:
        return None
    parts = [(mark, _unescaped(name)) for mark, name in _PART.findall(found.group("rest"))]
    ids = [name for mark, name in parts if mark == "#"]
    if len(set(ids)) > 1:
        return None  # `#a#b` matches no element
    classes = frozenset(name for mark, name in parts if mark == ".")
    tag = found.group("tag")
    return Compound(None if tag in (None, "*") else tag.lower(), ids[0] if ids else None, classes)


def _unescaped(name: str) -> str:
    """A class or id as written in the page's markup (`md\\:hidden` is `md:hidden`, `\\32xl` is `2xl`)."""
    if "\\" not in name:
        return name
    return _ESCAPE.sub(lambda found: chr(int(found.group(1), 16)) if found.group(1) else found.group(2), name)


def matches(selector: Selector, tree: Tree) -> bool:
    """Whether `selector` holds for the element met last (the last of the last level of `tree`)."""
    place = (len(tree) - 1, len(tree[-1]) - 1)
    if not selector.subject.fits(tree[place[0]][place[1]]):
        return False
    return not selector.steps or _holds(selector.steps, 0, place, tree, [MAX_STEPS])


def _holds(steps: tuple[tuple[str, Compound], ...], k: int, place: _Place, tree: Tree, budget: list[int]) -> bool:
    if k == len(steps):
        return True
    combinator, compound = steps[k]
    for level, index in _reach(combinator, place, tree):
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if compound.fits(tree[level][index]) and _holds(steps, k + 1, (level, index), tree, budget):
            return True
    return False


def _reach(combinator: str, place: _Place, tree: Tree) -> Iterator[_Place]:
    """The elements a combinator leads to from the element at `place`, nearest first."""
    level, index = place
    if combinator == ">" and level > 0:
        yield level - 1, len(tree[level - 1]) - 1
    elif combinator == " ":
        for up in range(level - 1, -1, -1):
            yield up, len(tree[up]) - 1
    elif combinator == "+" and index > 0:
        yield level, index - 1
    elif combinator == "~":
        for before in range(index - 1, max(-1, index - 1 - MAX_SIBLINGS), -1):
            yield level, before
