"""The number a browser draws before each item of an ordered list, so the item reads as the page shows it:
"4. Fourth item" (lynx, w3m and Firefox's copy have the number too; a passage without it is still found in the
item's text).

An `<ol>` counts from its `start` (1 by default), down with `reversed` (from its number of items), and an item's
`value` sets its own number and those after it. The number is written as the list's `list-style-type` says (the
page's own styles, else the `type` attribute: `1`, `a`, `A`, `i`, `I`), which an item may set for itself; a
type that is not a number (`none`, `disc`, an image) draws no number, nor does an item that is not displayed as
a list item (`display: inline`, as menus set theirs). Bulleted lists (`<ul>`) draw no text of their own here: a
bullet is no word a reader types.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from briefgen.text import roman

TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
_ALPHA = {"lower-alpha": "abcdefghijklmnopqrstuvwxyz", "lower-latin": "abcdefghijklmnopqrstuvwxyz",
          "upper-alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "upper-latin": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
_LISTS = frozenset({"ol", "ul", "menu", "dir"})
_NOT_A_TYPE = frozenset({"inside", "outside", "inherit", "initial", "unset", "revert"})
_LIST_TAG = re.compile(r"<(/?)(ol|ul|menu|dir|li)\b", re.IGNORECASE)


def style_type(attrs: Mapping[str, str | None], values: Mapping[str, str]) -> str | None:
    """The `list-style-type` an element sets (its style over its `type` attribute); None when it sets none."""
    for token in values.get("list-style-type", values.get("list-style", "")).split():
        if token.startswith("url("):
            return "none"  # an image in the place of the number
        if token not in _NOT_A_TYPE:
            return token
    return TYPES.get((attrs.get("type") or "").strip())


def marker(kind: str, number: int) -> str:
    """An item's number as a list of this type draws it ("4.", "d.", "iv.", "07."); "" for a type that draws none.
    A number the type cannot write (none below "a", a roman numeral from 4000) is written in digits, as CSS does."""
    letters = _ALPHA.get(kind, _GREEK if kind == "lower-greek" else "")
    if letters and number > 0:
        return _alphabetic(number, letters) + "."
    if kind in ("lower-roman", "upper-roman"):  # in digits where roman numerals stop
        label = roman(number)
        return (label if kind == "lower-roman" else label.upper()) + "."
    if kind == "decimal-leading-zero":
        return f"{number:02d}." if number >= 0 else f"-{-number:02d}."
    if kind in ("decimal", "lower-greek", *_ALPHA):
        return f"{number}."
    return ""


def _alphabetic(number: int, letters: str) -> str:
    """1 is "a", 26 "z", 27 "aa"."""
    label = ""
    while number:
        number, digit = divmod(number - 1, len(letters))
        label = letters[digit] + label
    return label


@dataclass
class _Counter:
    kind: str  # the list's list-style-type, which its items inherit
    next: int
    step: int  # 1, or -1 for a reversed list


class Numbering:
    """The lists open around the element met last, and the number each one's next item takes."""

    def __init__(self) -> None:
        self._open: list[_Counter | None] = []  # None for a list that draws no numbers (<ul>, <menu>)

    def start(self, tag: str, attrs: Mapping[str, str | None], values: Mapping[str, str],
              items: Callable[[], int]) -> None:
        """Note a list opening; `items` counts its items (for a reversed list with no `start`)."""
        if tag not in _LISTS:
            return
        if tag != "ol":
            self._open.append(None)
            return
        backwards = "reversed" in attrs
        first = _integer(attrs.get("start"))
        first = (items() if backwards else 1) if first is None else first
        self._open.append(_Counter(style_type(attrs, values) or "decimal", first, -1 if backwards else 1))

    def end(self, tag: str) -> None:
        if tag in _LISTS and self._open:
            self._open.pop()

    def item(self, attrs: Mapping[str, str | None], values: Mapping[str, str]) -> str:
        """The marker of a displayed <li> ("" when its list draws none), counting it."""
        counter = self._open[-1] if self._open else None
        if counter is None or values.get("display", "list-item") != "list-item":
            return ""
        number = _integer(attrs.get("value"))
        number = counter.next if number is None else number
        counter.next = number + counter.step
        return marker(style_type(attrs, values) or counter.kind, number)


def _integer(text: str | None) -> int | None:
    """An HTML integer attribute (`start`, `value`) as browsers read it: optional sign and leading digits."""
    if text is None:
        return None
    stripped = text.strip()
    sign = -1 if stripped.startswith("-") else 1
    digits = stripped.lstrip("+-")
    digits = digits[: len(digits) - len(digits.lstrip("0123456789"))] if digits else ""
    return sign * int(digits) if digits else None


def list_sizes(html: str) -> dict[int, int]:
    """The items of each list in `html`, by where its start tag begins: its <li> start tags up to its end tag,
    those of lists inside it left out. One pass over the page, however many lists."""
    sizes: dict[int, int] = {}
    open_lists: list[int] = []
    for found in _LIST_TAG.finditer(html):
        closing, tag = found.group(1), found.group(2).lower()
        if tag == "li":
            if not closing and open_lists:
                sizes[open_lists[-1]] += 1
        elif closing:
            if open_lists:
                open_lists.pop()
        else:
            open_lists.append(found.start())
            sizes[found.start()] = 0
    return sizes
