"""A style's paragraph border and shading as a reference DOCX says them (w:pBdr, w:shd), their colours read
through the reference's theme (render/wordtheme.py)."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from briefgen.document.borders import Rule, Side
from briefgen.document.colours import BLACK, PAGE
from briefgen.document.wordvalues import BORDERS, EIGHTHS, SHADINGS, measure
from briefgen.render.wordml import W
from briefgen.render.wordtheme import FILL, WordTheme

_SIDES: dict[str, Side] = {"top": "top", "bottom": "bottom", "left": "left", "start": "left", "right": "right",
                          "end": "right"}
_NO_LINE = ("nil", "none")
_STYLES = frozenset(BORDERS.split())
_RULE_EIGHTHS = (2, 96)  # a border's width in eighths of a point, as Word draws it (¼ to 12 pt)
_RULE_SPACE = 31  # the most points Word puts between a border and its text


def borders(pbdr: Element | None, base: tuple[Rule, ...], theme: WordTheme) -> tuple[Rule, ...]:
    """The paragraph border a style draws: each side it names replaces its base style's (none removes it)."""
    if pbdr is None:
        return base
    sides = {rule.side: rule for rule in base}
    for edge in pbdr:
        side = _SIDES.get(edge.tag.removeprefix(W))
        taken, rule = (False, None) if side is None else edge_line(edge, side, theme)
        if not taken or side is None:
            continue
        sides.pop(side, None)
        if rule is not None:
            sides[side] = rule
    return tuple(sides[side] for side in ("top", "bottom", "left", "right") if side in sides)


def edge_line(edge: Element, side: Side, theme: WordTheme) -> tuple[bool, Rule | None]:
    """Whether a border's edge (w:top, w:insideH…) is taken, its w:val (required) one of ST_Border's (Word
    ignores it otherwise), and the line it draws on `side` (None: none, "nil" or "none")."""
    if edge.get(f"{W}val") not in _STYLES:
        return False, None
    return True, _rule(side, edge, theme)


def _rule(side: Side, edge: Element, theme: WordTheme) -> Rule | None:
    if edge.get(f"{W}val") in _NO_LINE:
        return None
    eighths = measure(edge.get(f"{W}sz"), EIGHTHS, universal=False)  # ST_EighthPointMeasure
    space = measure(edge.get(f"{W}space"), 1.0, universal=False)  # ST_PointMeasure
    low, high = _RULE_EIGHTHS
    width = min(max(eighths if eighths is not None else 4, low), high) / 8
    return Rule(side, width, min(space or 0.0, _RULE_SPACE), theme.colour(edge, "color"))


def shading_colour(shading: Element, theme: WordTheme) -> str | None:
    """The colour a paragraph's shading (w:shd) shows: its fill, under a pattern of its colour where it
    has one ("pct25": a quarter of it), all of its colour where "solid"; None for none, or white."""
    pattern = shading.get(f"{W}val", "")
    if pattern not in SHADINGS:  # required, and one of Word's patterns: Word does not take the shading
        return None
    fill = theme.colour(shading, "fill", FILL) or PAGE
    share = 1.0 if pattern == "solid" else _percent(pattern)
    if pattern == "nil" or (share == 0 and fill == PAGE):
        return None
    ink = theme.colour(shading, "color") or BLACK
    mixed = "#" + "".join(f"{round(int(fill[i:i + 2], 16) * (1 - share) + int(ink[i:i + 2], 16) * share):02X}"
                          for i in (1, 3, 5))
    return None if mixed == PAGE else mixed


def _percent(pattern: str) -> float:
    """The share of a shading's colour in a pattern ("pct25", "pct12": 12.5 %; a striped or crossed one, "horzStripe",
    as a quarter); 0 for "clear"."""
    if pattern.startswith("pct"):
        digits = pattern[3:]
        return min(int(digits), 100) / 100 + (0.005 if digits in ("12", "37", "62", "87") else 0) \
            if digits.isdigit() else 0.0
    return 0.0 if pattern == "clear" else 0.25
