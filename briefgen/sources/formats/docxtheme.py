"""A DOCX's theme colours (the theme part's a:clrScheme), and the changes Word and DrawingML make to a colour.

Word names a colour of the theme where the file gives one (w:color's w:themeColor, w:shd's w:themeFill and
w:themeColor, DrawingML's a:schemeClr in a shape's fill) and draws that colour, changed by its tint or shade, not
the colour value stored beside it (which a generator may leave as 000000): "background1" is the theme's lt1,
white in Office's. A DrawingML colour's changes are read too: a:lumMod and a:lumOff (its lightness), a:tint and
a:shade (towards white or black), a:alpha (translucent: what is behind shows through, so the colour is not known).
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefgen.sources.formats.plain import starts

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SCHEME = {f"{A}{n}" for n in ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
                              "accent6", "hlink", "folHlink")}
# The names WordprocessingML (w:themeColor) and DrawingML (a:schemeClr) give the scheme's colours, as mapped by
# default (w:clrSchemeMapping: background is light, text is dark)
ALIASES = {"background1": "lt1", "text1": "dk1", "background2": "lt2", "text2": "dk2", "light1": "lt1",
           "dark1": "dk1", "light2": "lt2", "dark2": "dk2", "bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2",
           "hyperlink": "hlink", "followedHyperlink": "folHlink"}
# DrawingML's preset colours a shape's fill may name (a:prstClr); another is not known
PRESETS = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "blue": "0000FF",
           "yellow": "FFFF00", "navy": "000080", "gray": "808080", "darkGray": "A9A9A9", "lightGray": "D3D3D3"}
# A DrawingML colour element: the attribute holding its value
PAINTS = {f"{A}srgbClr": "val", f"{A}schemeClr": "val", f"{A}sysClr": "lastClr", f"{A}prstClr": "val"}
CHANGES = {f"{A}{n}" for n in ("lumMod", "lumOff", "tint", "shade", "alpha")}
SOLID = f"{A}solidFill"


@dataclass
class Theme:
    """The theme's colours by scheme name ("lt1": "FFFFFF"), and whether its first fill style (what a shape
    whose style says a:fillRef idx="1" is filled with) is its colour, solid and plain, as Office's themes have."""

    colours: dict[str, str] = field(default_factory=dict)
    solid_first_fill: bool = False

    def colour(self, name: object) -> str | None:
        """The theme's colour of this name (either vocabulary), as six hex digits; None when it has none."""
        text = str(name or "")
        return self.colours.get(ALIASES.get(text, text))


def read_theme(events: Iterator[tuple[str, Any]]) -> Theme:
    """The theme part's colour scheme, and whether its first fill style is its placeholder colour, plain."""
    found, fills = Theme(), 0
    for element, path in starts(events):
        tag, parent = path[-1], path[-2] if len(path) > 1 else ""
        if parent in SCHEME and tag in PAINTS:
            if (value := hex_colour(element.get(PAINTS[tag]))) is not None:
                found.colours[parent[len(A):]] = value
        elif parent == f"{A}fillStyleLst":
            fills += 1
        elif fills == 1 and path[-3:-1] == [f"{A}fillStyleLst", SOLID] and tag == f"{A}schemeClr":
            found.solid_first_fill = element.get("val") == "phClr"
        elif fills == 1 and tag in CHANGES and path[-4:-2] == [f"{A}fillStyleLst", SOLID]:
            found.solid_first_fill = False  # the placeholder colour changed: not the colour a shape names
    return found


def hex_colour(value: object) -> str | None:
    """Six hex digits in upper case; None for anything else."""
    text = str(value or "").strip().upper()
    return text if len(text) == 6 and all(c in "0123456789ABCDEF" for c in text) else None


def lightness(value: str, scale: float, offset: float = 0.0) -> str:
    """`value` with its lightness (HSL) scaled and offset, each of 1 (Word's tints, shades, a:lumMod, a:lumOff)."""
    red, green, blue = (int(value[k:k + 2], 16) / 255 for k in (0, 2, 4))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    light = min(1.0, max(0.0, light * scale + offset))
    return "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(hue, light, saturation))


def word_theme_colour(theme: Theme, name: object, tint: object, shade: object) -> str | None:
    """A WordprocessingML theme colour (w:themeColor or w:themeFill, with w:themeTint or w:themeShade, a hex byte
    each) as Word draws it; None when the theme has no such colour."""
    found = theme.colour(name)
    if found is None:
        return None
    if (amount := _byte(tint)) is not None:
        return lightness(found, amount, 1 - amount)
    if (amount := _byte(shade)) is not None:
        return lightness(found, amount)
    return found


def _byte(value: object) -> float | None:
    try:
        return int(str(value), 16) / 255 if value is not None else None
    except ValueError:
        return None


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def changed(value: str, change: str, amount: float) -> str:
    """A DrawingML colour after one of its changes (a:lumMod, a:lumOff, a:tint, a:shade; `amount` of 1): tint
    and shade mix it with white and black in linear light, as Office draws them."""
    if change == "lumMod":
        return lightness(value, amount)
    if change == "lumOff":
        return lightness(value, 1.0, amount)
    channels = [_linear(int(value[k:k + 2], 16) / 255) for k in (0, 2, 4)]
    mixed = [c * amount for c in channels] if change == "shade" else [c * amount + 1 - amount for c in channels]
    return "".join(f"{round(_gamma(c) * 255):02X}" for c in mixed)
