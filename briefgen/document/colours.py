"""Colour arithmetic both the checks and the writers need: WCAG 2's contrast, and the colour Word gives text
whose colour is "automatic" (black, or white on dark shading)."""

from __future__ import annotations

PAGE = "#FFFFFF"  # the page every brief is printed on
BLACK, WHITE = "#000000", "#FFFFFF"


def contrast(colour: str, background: str = PAGE) -> float:
    """WCAG 2's contrast ratio of two "#RRGGBB" colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def text_colour(colour: str | None, background: str | None) -> str:
    """The colour text is drawn in: its own, or for "automatic" (None) black, turned white on a shading dark
    enough that white reads better, as Word turns it."""
    if colour is not None:
        return colour
    return WHITE if background is not None and contrast(WHITE, background) > contrast(BLACK, background) else BLACK
