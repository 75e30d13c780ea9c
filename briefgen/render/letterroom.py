"""A letterhead paragraph whose indents leave its words no room on the page.

Word takes an indent up to 22 inches either way, whatever the page: a left or first-line indent wider than the
text sets the paragraph at or past the page's right edge (LibreOffice, laying out the same DOCX, starts it at
the right margin and runs it off the page), a right one breaks it a letter a line (a five-word line took three
pages of header, and the fit left out nearly every item), a negative one beyond the margin starts it off the
page's left edge. Neither format can show such a letterhead, so `check` and `build` refuse it, naming the
paragraph (render/assets.py).
"""

from __future__ import annotations

from briefgen.document.house import PT_MM, House, LetterLine
from briefgen.document.layout import AVERAGE_ADVANCE


def cramped(house: House, page_mm: tuple[float, float], margins_mm: tuple[float, float, float, float],
            body_size: float) -> str | None:
    """What is wrong with the first letterhead paragraph whose indents leave its longest word no room
    between the page's edges, or start it past the page's left edge; None if none does."""
    for kind, (header, footer) in house.variants.items():
        for part, lines in (("header", header), ("footer", footer)):
            for number, line in enumerate(lines, 1):
                words = _text(line).split()
                if not words or line.columns:
                    continue
                room, start = _room(line, page_mm, margins_mm)
                widest = max(len(word) for word in words) * AVERAGE_ADVANCE * (line.size or body_size)
                if room < widest or start < -_ROUNDING:
                    left, right, first = (round(value) for value in line.indent)
                    fault = f"starts {-start:.0f} pt left of the page's edge" if start < -_ROUNDING else \
                        f"leaves its words {max(room, 0):.0f} pt of the page"
                    return (f"its {kind} {part}'s paragraph {number} (\"{_text(line)[:40]}\") is indented {left} pt "
                            f"from the left, {right} pt from the right and {first} pt more on its first line, which "
                            f"{fault}")
    return None


_ROUNDING = 0.5  # points a line may start left of the page's edge (a margin's rounding to twips)


def _room(line: LetterLine, page_mm: tuple[float, float],
          margins_mm: tuple[float, float, float, float]) -> tuple[float, float]:
    """Points of the page the paragraph's narrowest line has, between its indents and the page's edges, and
    where its leftmost line starts (points from the page's left edge)."""
    page = page_mm[0] / PT_MM
    margin_left, margin_right = margins_mm[3] / PT_MM, margins_mm[1] / PT_MM
    left, right, first = line.indent
    end = min(page - margin_right - right, page)
    starts = (margin_left + left + first, margin_left + left)
    return min(end - max(start, 0.0) for start in starts), min(starts)


def _text(line: LetterLine) -> str:
    return " ".join("".join(piece.text for piece in cell if piece.inline and not piece.image) for cell in line.cells)
