"""Which of a page's width-dependent styles hold in the browser an analyst reads it in: a desktop window.

A page often writes the same text twice, once for small screens and once for large ones, and lets its styles
show one: a `@media (max-width: 767px)` rule, or a framework's class (breakpoints.py). A browser on a desktop
shows the large screen's copy only. The window's width is not known, so a style is looked at in the narrowest
and the widest desktop window (WIDTHS, in CSS pixels): text is hidden only when it is hidden in both.

A media query is read for its type (`all`, `screen`; `print`, `speech` and the rest never hold on a screen), its
width (`min-width`, `max-width`, `width`, the device's alike; in px, em, rem; and the range form, `(width >=
48rem)`, `(768px <= width < 1024px)`), and what a desktop with a mouse answers (a landscape window, a pointer
that hovers and is fine, colour: _DESKTOP), joined by `and`, after `only` or `not`, in a comma-separated list.
A query with any other feature (`prefers-color-scheme`, resolution) may or may not hold, so it is taken not
to: its rules hide nothing, as before they were read. A `@supports` block holds (a desktop browser has what
pages ask it for), one asking for what is `not` supported does not (`supports`).
"""

from __future__ import annotations

import re

WIDTHS = (1024, 1920)  # the narrowest and widest desktop browser window, in CSS pixels
EVERY = frozenset(WIDTHS)
_TYPES = {"all": True, "screen": True, "print": False, "speech": False, "aural": False, "braille": False,
          "embossed": False, "handheld": False, "projection": False, "tty": False, "tv": False}
_UNITS = {"px": 1.0, "em": 16.0, "rem": 16.0, "pt": 4 / 3, "cm": 96 / 2.54, "mm": 96 / 25.4, "in": 96.0}
_LENGTH = r"(-?(?:\d+\.?\d*|\.\d+))\s*(px|em|rem|pt|cm|mm|in)"
_PLAIN = re.compile(rf"^\(\s*(min-|max-)?(?:device-)?width\s*:\s*{_LENGTH}\s*\)$")
_RANGE = re.compile(rf"^\((?:\s*{_LENGTH}\s*(<=?|>=?|=)\s*)?(?:device-)?width(?:\s*(<=?|>=?|=)\s*{_LENGTH})?\s*\)$")
# What a desktop with a mouse answers: a window is landscape, its pointer hovers and is fine, its screen has colour.
_DESKTOP = {"orientation: landscape": True, "orientation: portrait": False, "hover: hover": True,
            "hover: none": False, "any-hover: hover": True, "pointer: fine": True, "pointer: coarse": False,
            "pointer: none": False, "any-pointer: fine": True, "color": True, "grid: 0": True, "grid: 1": False}
_CONDITIONS = re.compile(r"\([^()]*\)|[^\s()]+")


def widths(media: str) -> frozenset[int]:
    """The WIDTHS at which a media query list holds (empty: never; EVERY for an empty list)."""
    if not media.strip():
        return EVERY
    held: set[int] = set()
    for query in media.lower().split(","):
        held.update(width for width in WIDTHS if _holds(query, width))
    return frozenset(held)


def _holds(query: str, width: int) -> bool:
    """Whether one media query certainly holds in a window `width` wide (an unknown feature: no)."""
    words = _CONDITIONS.findall(query)
    negated = bool(words) and words[0] == "not"
    words = words[1:] if words and words[0] in ("not", "only") else words
    found: list[bool | None] = []
    for position, word in enumerate(words):
        if position % 2:  # between conditions: only `and` is read
            found.append(None if word != "and" else True)
        elif word.startswith("("):
            found.append(_feature(word, width))
        else:
            found.append(_TYPES.get(word) if position == 0 else None)
    if not words or None in found:
        return False  # an unknown feature or an empty query: it may not hold, so it is taken not to
    return all(found) != negated


def _feature(condition: str, width: int) -> bool | None:
    condition = " ".join(condition.split())
    if (plain := _PLAIN.match(condition)) is not None:
        bound = _px(plain.group(2), plain.group(3))
        return {"min-": width >= bound, "max-": width <= bound, None: width == bound}[plain.group(1)]
    if (ranged := _RANGE.match(condition)) is not None and (ranged.group(3) or ranged.group(4)):
        left = ranged.group(3) is None or _compare(_px(ranged.group(1), ranged.group(2)), ranged.group(3), width)
        right = ranged.group(4) is None or _compare(width, ranged.group(4), _px(ranged.group(5), ranged.group(6)))
        return left and right
    return _DESKTOP.get(" ".join(condition.strip("()").replace(":", ": ").split()))


def _px(number: str, unit: str) -> float:
    return float(number) * _UNITS[unit]


def _compare(left: float, sign: str, right: float) -> bool:
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right, "=": left == right}[sign]


def supports(condition: str) -> frozenset[int]:
    """The widths a `@supports` block holds at: every one, or none when its condition says `not`."""
    return frozenset() if re.search(r"(?:^|[\s(])not[\s(]", condition.lower()) else EVERY
