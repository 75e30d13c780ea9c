"""`check`'s word on a house style's letter spacing beyond what the PDF draws (document/layout.py MOST_SPACED,
MOST_CONDENSED): the DOCX keeps the style's spacing for Word, the PDF draws the most it takes."""

from __future__ import annotations

from briefgen.document.house import House
from briefgen.document.layout import MOST_CONDENSED, MOST_SPACED, STYLES


def overspaced(house: House, body_size: float) -> list[str]:
    """What the PDF draws in place of each letter spacing beyond its bounds, by the brief's style, in words."""
    found = []
    for spec in STYLES.values():
        look = house.style(spec.word_name)
        size = look.size or spec.size(body_size)
        if look.spacing is None or -size * MOST_CONDENSED <= look.spacing <= size * MOST_SPACED:
            continue
        drawn = size * (MOST_SPACED if look.spacing > 0 else -MOST_CONDENSED)
        found.append(f"its style {spec.word_name!r} spaces its letters {look.spacing:g} pt apart: the PDF draws "
                     f"{drawn:g} pt (at most {MOST_SPACED:g} em, or {MOST_CONDENSED:g} em condensed), so lines may "
                     "break differently in the DOCX and the PDF")
    return found
