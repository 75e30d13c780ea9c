"""What reading a reference DOCX's WordprocessingML needs in more than one place: the namespaces, Word's units
and its measures as the schema has them (render/house.py reads the styles and page, render/letterhead.py the
header and footer)."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from briefgen.document.house import Align, Indent, TabKind, TabStops
from briefgen.document.wordvalues import TWIPS, measure, on_off, whole
from briefgen.document.wordvalues import R as R  # the namespaces, named here for the reference's readers
from briefgen.document.wordvalues import W as W

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
V = "{urn:schemas-microsoft-com:vml}"  # the shapes Word writes a watermark (WordArt) as
TWIPS_PER_MM = 1440 / 25.4
EMU_PER_PT = 12700
ALIGN: dict[str, Align] = {"left": "left", "start": "left", "center": "center", "right": "right",
                           "end": "right", "both": "justify", "distribute": "justify"}
HEX = re.compile(r"[0-9A-Fa-f]{6}")
MOST_TWIPS = 31680.0  # 22 inches: no indent or tab stop reaches further (Word's widest page)


def twips(element: Element | None, attr: str, negative: bool = False) -> float | None:
    """The w:`attr` measure of `element` in twips (ST_TwipsMeasure, or ST_SignedTwipsMeasure where `negative`:
    a whole number of twips or a universal measure, "1in"), or None."""
    return measure(None if element is None else element.get(f"{W}{attr}"), TWIPS, negative)


def within(number: float | None, bound: float) -> float | None:
    """A signed measure (an indent into the margin, a picture's offset) held within +-`bound`."""
    return None if number is None else max(-bound, min(number, bound))


def count(element: Element | None, attr: str = "val") -> int | None:
    """The w:`attr` whole number (ST_DecimalNumber) of `element`, or None."""
    return whole(None if element is None else element.get(f"{W}{attr}"))


def indent_of(ppr: Element | None, base: Indent | None = None) -> Indent | None:
    """A paragraph's or style's indents in points, left, right and first line (a hanging indent negative): its
    own w:ind over `base` (its style's) side by side, as Word inherits them; `base` when it has none."""
    ind = None if ppr is None else ppr.find(f"{W}ind")
    if ind is None:
        return base
    left, right, first = base or (0.0, 0.0, 0.0)

    def given(*names: str, negative: bool = True) -> float | None:
        found = next((v for v in (within(twips(ind, n, negative), MOST_TWIPS) for n in names) if v is not None),
                     None)
        return None if found is None else found / 20

    hanging, first_line = given("hanging", negative=False), given("firstLine", negative=False)
    if hanging:  # a hanging indent wins over a first-line one, as Word reads the two together
        first = -hanging
    elif first_line is not None or hanging is not None:
        first = first_line or 0.0
    own_left, own_right = given("left", "start"), given("right", "end")
    return (left if own_left is None else own_left, right if own_right is None else own_right, first)


# How text sits at a tab stop of each w:tab kind ("decimal" lines numbers up at their point: writers/pdf/tabrows.py;
# "bar" draws a rule and takes no text; "clear" takes away a stop a base style set)
_TAB_ALIGN: dict[str, TabKind] = {"left": "left", "start": "left", "num": "left", "center": "center",
                                  "right": "right", "end": "right", "decimal": "decimal"}


def tab_stops(tabs: Element | None, base: TabStops = ()) -> TabStops:
    """The tab stops of a paragraph or style: `base` (its style's) with its own w:tabs over them, each (points
    from the margin, alignment), by position."""
    if tabs is None:
        return base
    stops = dict(base)
    for tab in tabs.findall(f"{W}tab"):
        pos, kind = within(twips(tab, "pos", True), MOST_TWIPS), tab.get(f"{W}val", "")
        if pos is None:
            continue
        if kind == "clear":
            stops.pop(pos / 20, None)
        elif kind in _TAB_ALIGN:
            stops[pos / 20] = _TAB_ALIGN[kind]
    return tuple(sorted(stops.items()))


def on(element: Element | None) -> bool | None:
    """A toggle property (w:b, w:caps…): None when absent, or when its value is not an on/off one (Word
    ignores it: the inherited value stands)."""
    return None if element is None else on_off(element.get(f"{W}val"))


def letter_spacing(spacing: Element | None) -> float | None:
    """A run's letter spacing in points (Word's Font > Advanced > Spacing, w:spacing in twentieths of a point,
    negative when condensed), held within MOST_SPACING."""
    said = twips(spacing, "val", negative=True)
    return None if said is None else max(-MOST_SPACING, min(said / 20, MOST_SPACING))


MOST_SPACING = 1584.0  # points: the widest letter spacing Word's dialog takes, expanded or condensed


def caps(rpr: Element) -> bool | None:
    """Capitals or small capitals (drawn as capitals: as wide as Word's small capitals or wider, so a line
    never holds more in the PDF than in the DOCX); None when the run says neither."""
    said = [flag for flag in (on(rpr.find(f"{W}caps")), on(rpr.find(f"{W}smallCaps"))) if flag is not None]
    return any(said) if said else None
