"""A reference DOCX's theme (word/theme/theme1.xml): the fonts and colours its styles may name instead of
giving them outright, as Word's built-in styles do (Heading 1: `w:themeColor="accent1" w:themeShade="BF"`).

Where a colour names the theme, Word draws the theme's colour, lightened or darkened as the element says, and
ignores the `w:val` beside it: that value is only what the colour was when the document was saved, and a
reference whose theme was changed afterwards (Design > Colors, or theme1.xml replaced) keeps the old one. So
the PDF follows the theme too, as Word shows the DOCX; where the saved value is still the theme's colour (within
the one step by which Word's rounding of a tint or shade differs from ours) it is taken exactly as saved.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from briefgen.document.scriptfonts import COMPLEX_TAGS, EAST_ASIAN_TAGS
from briefgen.document.wordvalues import share as percentage
from briefgen.render.wordml import HEX, A, W

# Word's names for the theme's colours (w:themeColor) -> the slot of the theme's colour scheme. text1,
# background1, text2 and background2 go through the document's colour mapping (w:clrSchemeMapping).
_SLOTS = {"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2", "hyperlink": "hlink",
          "followedHyperlink": "folHlink", **{f"accent{n}": f"accent{n}" for n in range(1, 7)}}
_MAPPED = {"text1": "t1", "background1": "bg1", "text2": "t2", "background2": "bg2"}
_MAPPING = {"t1": "dark1", "bg1": "light1", "t2": "dark2", "bg2": "light2"}  # Word's default mapping
_PRESET = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "blue": "0000FF",
           "yellow": "FFFF00", "gray": "808080", "grey": "808080"}  # the preset colours Word's shapes use
_DRAWING_MAPPED = {"tx1": "t1", "bg1": "bg1", "tx2": "t2", "bg2": "bg2"}  # DrawingML's names for the mapped ones
_COLOUR = ("themeColor", "themeTint", "themeShade")
FILL = ("themeFill", "themeFillTint", "themeFillShade")


@dataclass(frozen=True)
class WordTheme:
    fonts: dict[str, str] = field(default_factory=dict)  # "minor"/"major" -> Latin typeface
    # "minor"/"major" -> "ea" and "cs" (the east Asian and complex-script typefaces) and each script tag
    # (a:font script="Hang") -> its typeface, those named
    scripts: dict[str, dict[str, str]] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)  # scheme slot ("accent1", "dk1"…) -> "RRGGBB"
    mapping: dict[str, str] = field(default_factory=lambda: dict(_MAPPING))  # "t1" -> "dark1"…

    def colour(self, element: Element | None, value: str = "val", themed_as: tuple[str, str, str] = _COLOUR,
               ) -> str | None:
        """The colour `element` says, as "#RRGGBB": its theme colour (tinted or shaded) where it names one the
        theme has, else its w:`value` attribute; None for "auto", nothing said, or a value Word never writes.
        `themed_as` names the attributes giving the theme's colour, its tint and its shade (a shading's fill
        has its own: themeFill, themeFillTint, themeFillShade)."""
        if element is None:
            return None
        saved = element.get(f"{W}{value}", "auto")
        said = "#" + saved.upper() if HEX.fullmatch(saved) else None
        themed = self._themed(element, *themed_as)
        if themed is None or (said is not None and _near(said, themed)):
            return said  # Word's own rounding, where the value saved is still the theme's colour
        return themed

    def script_fonts(self, fonts: Element) -> dict[str, str]:
        """The font a w:rFonts sets each script's text in, by script tag (document/scriptfonts.py): its
        w:eastAsia and w:cs names, or the theme's (w:eastAsiaTheme, w:cstheme, which Word follows over the
        names): the theme's ea or cs typeface, else its font for the script."""
        found: dict[str, str] = {}
        for slot, themed, tags, own in (("eastAsia", "eastAsiaTheme", EAST_ASIAN_TAGS, "ea"),
                                        ("cs", "cstheme", COMPLEX_TAGS, "cs")):
            kind = fonts.get(f"{W}{themed}", "")
            if kind[:5] in ("minor", "major"):
                said = self.scripts.get(kind[:5], {})
                found.update({tag: name for tag in tags if (name := said.get(own) or said.get(tag))})
            elif fonts.get(f"{W}{slot}"):
                found.update(dict.fromkeys(tags, fonts.get(f"{W}{slot}", "")))
        return found

    def drawing(self, holder: Element | None) -> str | None:
        """The colour a DrawingML fill or line names (its a:srgbClr, a:schemeClr or a:sysClr child), with its
        luminance and tint or shade modifiers, as "#RRGGBB"; None for none, or a colour it does not name."""
        for child in [] if holder is None else list(holder):
            tag = child.tag.removeprefix(A)
            value = child.get("val", "") if tag == "srgbClr" else child.get("lastClr", "") if tag == "sysClr" else \
                _PRESET.get(child.get("val", ""), "") if tag == "prstClr" else ""
            if tag == "schemeClr":
                name = child.get("val", "")
                name = self.mapping.get(_DRAWING_MAPPED[name], "") if name in _DRAWING_MAPPED else name
                value = self.colours.get(_SLOTS.get(name, name if name in _SLOTS.values() else ""), "")
            if HEX.fullmatch(value):
                return _modified(value, child)
        return None

    def _themed(self, element: Element, colour: str, tint_attr: str, shade_attr: str) -> str | None:
        name = element.get(f"{W}{colour}", "")
        name = self.mapping.get(_MAPPED[name], "") if name in _MAPPED else name
        base = self.colours.get(_SLOTS.get(name, ""))
        if base is None:
            return None
        tint, shade = _byte(element.get(f"{W}{tint_attr}")), _byte(element.get(f"{W}{shade_attr}"))
        return _lightened(base, [("tint", share) for share in (tint,) if share is not None]
                          + [("times", share) for share in (shade,) if share is not None])


def _near(one: str, other: str) -> bool:
    """Whether two "#RRGGBB" colours differ by at most one step in each channel (Word's arithmetic for a
    tint or shade rounds differently from ours by that much)."""
    return all(abs(int(one[i:i + 2], 16) - int(other[i:i + 2], 16)) <= 1 for i in (1, 3, 5))


def _modified(value: str, colour: Element) -> str:
    """A DrawingML colour with its modifiers applied to its lightness, in thousandths of a percent:
    lumMod and lumOff (Word's "lighter 40 %": lumMod 60000, lumOff 40000), shade and tint."""
    said = [(_MODIFIERS.get(modifier.tag.removeprefix(A)), _share(modifier.get("val"))) for modifier in colour]
    return _lightened(value, [(kind, share) for kind, share in said if kind is not None and share is not None])


_MODIFIERS = {"lumMod": "times", "lumOff": "plus", "shade": "times", "tint": "tint"}  # DrawingML's, on lightness


def _lightened(value: str, steps: list[tuple[str, float]]) -> str:
    """The colour "RRGGBB" with each step applied to its lightness in turn, as "#RRGGBB": "times" scales it
    (a shade: towards black), "plus" adds to it, "tint" keeps it in proportion and makes the rest white."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)))
    for kind, share in steps:
        lightness = lightness * share if kind == "times" else lightness + share if kind == "plus" \
            else lightness * share + (1 - share)
    lightness = min(max(lightness, 0.0), 1.0)
    return "#" + "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(hue, lightness, saturation))


def _share(value: str | None) -> float | None:
    """A DrawingML percentage ("75000" or "75%") as a share, bounded; None if absent or of another form."""
    said = percentage(value)
    return None if said is None else min(max(said, -1.0), 1.0)


def _byte(value: str | None) -> float | None:
    """A tint or shade, two hex digits ("BF"), as a share of full strength; None if absent or malformed."""
    if value is None or len(value) != 2:
        return None
    try:
        return int(value, 16) / 255
    except ValueError:
        return None


def read_theme(root: Element | None, settings: Element | None) -> WordTheme:
    """The theme part's Latin fonts and colour scheme, with the settings' colour mapping."""
    fonts: dict[str, str] = {}
    colours: dict[str, str] = {}
    scripts: dict[str, dict[str, str]] = {}
    if root is not None:
        for kind in ("minor", "major"):
            latin = root.find(f".//{A}{kind}Font/{A}latin")
            if latin is not None and latin.get("typeface"):
                fonts[kind] = latin.get("typeface", "")
            scripts[kind] = _script_typefaces(root.find(f".//{A}{kind}Font"))
        scheme = root.find(f".//{A}clrScheme")
        for slot in [] if scheme is None else list(scheme):
            given = _scheme_colour(slot)
            if given is not None:
                colours[slot.tag.removeprefix(A)] = given
    mapping = dict(_MAPPING)
    said = None if settings is None else settings.find(f"{W}clrSchemeMapping")
    if said is not None:
        mapping.update({key: name for key in _MAPPING if (name := said.get(f"{W}{key}", "")) in _SLOTS})
    return WordTheme(fonts, scripts, colours, mapping)


def _script_typefaces(font: Element | None) -> dict[str, str]:
    """A theme font's east Asian and complex-script typefaces ("ea", "cs") and its fonts by script tag, those
    it names (Word's own themes leave ea and cs empty and name a font for each script)."""
    found: dict[str, str] = {}
    for child in [] if font is None else list(font):
        tag, typeface = child.tag.removeprefix(A), child.get("typeface", "").strip()
        key = tag if tag in ("ea", "cs") else child.get("script", "") if tag == "font" else ""
        if key and typeface and len(typeface) <= _LONGEST_NAME:
            found.setdefault(key, typeface)
    return found


_LONGEST_NAME = 64  # characters of a typeface's name taken (Word's font names are at most 31)


def _scheme_colour(slot: Element) -> str | None:
    """A scheme slot's colour: an sRGB value, or a system colour's last value (what Word drew it as)."""
    for child in slot:
        value = child.get("val") if child.tag == f"{A}srgbClr" else child.get("lastClr")
        if value is not None and HEX.fullmatch(value):
            return value.upper()
    return None
