"""Whether an HTML element's text can be seen, by what it inherits from the elements around it (visibility.py):
its `visibility`, a type size of zero, its colour and the colour behind it.

Unlike `display: none`, each of these a descendant can undo: `visibility: visible`, a type size of its own
(`font-size: 0` on a row of inline blocks, their text set again in px, is a common layout trick), a colour of
its own, a background of its own. Text is unseen when it is invisible, set at size zero, transparent, or of the
very colour it is set on (white on the white page a browser shows by default). A background of an image or a
gradient, or a colour this module cannot read (`var(--x)`), makes the colour behind unknown: nothing hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_NAMED = {"black": "#000000", "white": "#ffffff", "red": "#ff0000", "lime": "#00ff00", "blue": "#0000ff",
          "yellow": "#ffff00", "silver": "#c0c0c0", "gray": "#808080", "grey": "#808080", "navy": "#000080",
          "green": "#008000", "transparent": "transparent"}
_HEX = re.compile(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$")
_FUNCTION = re.compile(r"(rgba?|hsla?)\(([^)]*)\)$")
_SIZE = re.compile(r"(-?(?:\d+\.?\d*|\.\d+))([a-z%]*)$")
_RELATIVE = ("em", "%", "ex", "ch")  # a size relative to the inherited one: zero stays zero
_GROUND_UNKNOWN = ("url(", "gradient(", "image(", "var(")


@dataclass(frozen=True)
class Ink:
    invisible: bool = False  # `visibility: hidden` or `collapse`
    tiny: bool = False  # a type size of zero
    colour: str | None = "#000000"  # "#rrggbb", "transparent", or None when unknown
    ground: str | None = "#ffffff"  # the colour behind the text; None when unknown
    shut: bool = False  # inside a closed <details> (but its <summary>) or an <svg> (but its <text>)
    shut_outside: bool = False  # whether the nearest <details> or <svg> around was shut itself

    @property
    def unseen(self) -> bool:
        return self.invisible or self.tiny or self.shut or self.colour == "transparent" or (
            self.colour is not None and self.colour == self.ground)


def inherit(parent: Ink, values: dict[str, str]) -> Ink:
    """The ink of an element whose parent's is `parent`, with these declared values (stylesheet.values)."""
    ink = parent
    shown = values.get("visibility")
    if shown in ("hidden", "collapse", "visible", "initial"):
        ink = replace(ink, invisible=shown in ("hidden", "collapse"))
    tiny = _tiny(values.get("font-size", ""))
    if tiny is not None:
        ink = replace(ink, tiny=tiny)
    if "color" in values and values["color"] not in ("inherit", "currentcolor"):
        ink = replace(ink, colour=colour(values["color"]))
    ground = values.get("background-color") or values.get("background")
    if ground:
        ink = replace(ink, ground=_ground(ground, parent.ground))
    return ink


def _tiny(size: str) -> bool | None:
    """Whether a `font-size` is zero (True), a size of its own (False), or leaves the inherited one (None)."""
    found = _SIZE.match(size)
    if found is None:
        return False if size and size[0].isalpha() and size not in ("inherit", "unset") else None
    if float(found.group(1)) <= 0:
        return True
    return None if found.group(2) in _RELATIVE else False


def colour(value: str) -> str | None:
    """A CSS colour as "#rrggbb", "transparent" (alpha zero) or None (unknown)."""
    value = value.strip()
    if value in _NAMED:
        return _NAMED[value]
    if (hexed := _HEX.match(value)) is not None:
        digits = hexed.group(1)
        digits = "".join(d * 2 for d in digits) if len(digits) <= 4 else digits
        return "transparent" if digits[6:] == "00" else f"#{digits[:6]}"
    found = _FUNCTION.match(value)
    if found is None:
        return None
    parts = [(float(n), unit) for n, unit in re.findall(r"(-?(?:\d+\.?\d*|\.\d+))(%?)", found.group(2))]
    if len(parts) == 4 and parts[3][0] <= 0:
        return "transparent"
    if not found.group(1).startswith("rgb") or len(parts) < 3:
        return None
    channels = [round(min(255.0, n * 2.55 if unit else n)) for n, unit in parts[:3]]
    return "#" + "".join(f"{max(0, c):02x}" for c in channels)


def _ground(value: str, parent: str | None) -> str | None:
    """The colour behind an element's text, from its `background(-color)`: its own, else what shows through."""
    if any(mark in value for mark in _GROUND_UNKNOWN):
        return None
    for word in value.split():
        found = colour(word)
        if found is not None:
            return parent if found == "transparent" else found
    return parent if value in ("none", "transparent", "inherit", "initial", "unset") else None
