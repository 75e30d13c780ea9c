"""A letterhead paragraph set on as many lines as it needs: its parts (split at its tabs) at the tab stops Word
takes them to (`tabbed`), and, where a part runs past the line's end, the line broken as Word and LibreOffice
break it (`broken`).

Where a part after a tab does not fit the rest of the line but fits a line of its own, it goes down whole with
its tab, which is taken again from the next line's start ("Northwind<tab>Directorate of ... Desk<tab>RESTRICTED
ANNEX": the handling words centred under the title, not cut after RESTRICTED); otherwise the part is broken at
its spaces and its rest begins the next line at the paragraph's indent. A first part too long for the line
wraps as any paragraph does: the first line in the room its first-line indent leaves, the next ones in the room
of the left indent. A part set at a tab stop past the right margin may reach that stop, as Word lets it (not
past the page's edge). A picture in the line is never cut; a word wider than the line keeps a line of its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from briefgen.document.house import LetterLine, Piece, TabKind, TabStops
from briefgen.document.layout import wrap_words

Cell = tuple[Piece, ...]
_EPSILON = 0.01  # points: a part ending this little past the line's end still fits (rounding of the widths)


def stop_after(at: float, stops: TabStops, default: float) -> tuple[float, TabKind]:
    """The tab stop a tab at `at` (points from the margin) takes the text after it to, and how the text sits
    there: the first of the paragraph's stops past it, else the next of Word's default stops (every `default`
    points, left-aligned)."""
    found = next(((pos, how) for pos, how in stops if pos > at + _EPSILON), None)
    return found or ((math.floor(at / default + 1e-9) + 1) * default, "left")


def tabbed(widths: list[float], stops: TabStops, left: float, default: float, indent: float = 0.0,
           leads: list[float | None] | None = None) -> list[float]:
    """Where each part of a line split at its tabs begins, as Word sets them: the first at the paragraph's
    `indent` from the margin (`left`), each next one at the stop its tab takes it to (`stop_after`),
    left-aligned there, centred on it, ending at it or with its decimal point on it (`leads`: each part's
    width up to that point, `decimal_hook`) as the stop says, but never starting before the text before it
    ends (Word's tab then takes no room)."""
    starts, at = [indent], indent + widths[0]
    for n, width in enumerate(widths[1:], 1):
        starts.append(begins := after_tab(at, width, stops, default, None if leads is None else leads[n]))
        at = begins + width
    return [left + start for start in starts]


def after_tab(at: float, width: float, stops: TabStops, default: float, lead: float | None = None) -> float:
    """Where a part `width` wide begins after a tab at `at`: at its stop, centred on it, ending at it, or at a
    decimal stop with the part's first `lead` points before it (its whole width without a number), as the stop
    says, but never before `at`."""
    place, align = stop_after(at, stops, default)
    before = {"center": width / 2, "right": width, "decimal": width if lead is None else lead}.get(align, 0.0)
    return max(at, place - before)


def decimal_hook(text: str, decimal: str) -> int | None:
    """Where a decimal tab stop lines `text` up, as Word and LibreOffice find it: at its first decimal point,
    else at the first character after a number that is not part of it ("12,50 EUR": at the space); None
    (the text ends at the stop) when neither is found."""
    number = False
    for index, char in enumerate(text):
        if char == decimal:
            return index
        if char in "0123456789" or (number and char in ".,"):
            number = True
        elif number:
            return index
    return None


def _room(at: float, stops: TabStops, default: float, bound: float) -> float:
    """The widest part a tab at `at` can take to its stop without ending past `bound`."""
    place, align = stop_after(at, stops, default)
    if align in ("right", "decimal"):
        return bound - at if place <= bound + _EPSILON else -math.inf
    if align == "center":
        return min(bound - at, 2 * (bound - place))
    return bound - max(at, place)


def _text_of(cell: Cell) -> str:
    return "".join(piece.text for piece in cell if piece.inline and not piece.image)


@dataclass
class _Setter:
    """Sets one paragraph's parts into lines, in turn (`broken`)."""

    line: LetterLine
    edge: float  # the line's end: points from the margin to the right indent
    bound: float  # how far a part may end: the edge, or a tab stop past it (up to the page's edge)
    default: float
    measure: Callable[[str], float]
    decimal: str
    rows: list[list[Cell]] = field(default_factory=list)
    row: list[Cell] = field(default_factory=list)
    at: float = 0.0  # where the current line's text ends, points from the margin

    def part(self, cell: Cell, fresh: bool) -> Cell | None:
        """Sets `cell` on the current line, or as much of it as fits; returns what goes on the next line."""
        width, room = self.width(cell), self._room()
        if width <= room + _EPSILON:
            self._place(cell, width)
            return None
        if self.row and not fresh and width <= _room(self.line.indent[0], self.line.stops, self.default,
                                                     self.bound) + _EPSILON:
            self._down(carry=True)
            return cell
        head, rest = self._cut(cell, room, forced=fresh or not self.row)
        if head is None:
            self._down(carry=True)
            return cell
        self._place(head, self.width(head))
        if rest is not None:
            self._down(carry=False)
        return rest

    def width(self, cell: Cell) -> float:
        return self.measure(_text_of(cell)) + sum(piece.width for piece in cell if piece.image and piece.inline)

    def lead(self, cell: Cell) -> float | None:
        """The part's width up to where a decimal stop lines it up (`decimal_hook`), None without a number."""
        text = _text_of(cell)
        hook = decimal_hook(text, self.decimal)
        return None if hook is None else self.measure(text[:hook])

    def _room(self) -> float:
        if not self.row:
            return self.edge - self.at
        return _room(self.at, self.line.stops, self.default, self.bound)

    def _place(self, cell: Cell, width: float) -> None:
        if self.row:
            self.at = after_tab(self.at, width, self.line.stops, self.default, self.lead(cell))
        self.row.append(cell)
        self.at += width

    def _down(self, carry: bool) -> None:
        """The current line ends; the next begins at the left indent (with an empty part before a carried
        tab, which its stop is taken from)."""
        self.rows.append(self.row)
        self.row, self.at = ([()] if carry else []), self.line.indent[0]

    def _cut(self, cell: Cell, room: float, forced: bool) -> tuple[Cell | None, Cell | None]:
        """The part's head that fits `room` and the rest (None: nothing left); no head when none fits and
        the part may go down instead (`forced`: it may not, so its first word or picture stays here)."""
        if any(piece.image and piece.inline for piece in cell):  # a picture in the line is never cut
            return (cell, None) if forced else (None, cell)
        words = wrap_words(_text_of(cell), max(room, 0.0), self.measure)
        if self.measure(words[0]) > room + _EPSILON and not forced:
            return None, cell
        floating = tuple(piece for piece in cell if not piece.inline)
        rest = " ".join(words[1:])
        return (*floating, Piece(words[0])), (Piece(rest),) if rest else None


def broken(line: LetterLine, room: float, measure: Callable[[str], float], default: float,
           reach: float, decimal: str = ".") -> tuple[LetterLine, ...]:
    """The paragraph `line` set in `room` points (its indents within them) on as many lines as it needs, each
    keeping its look: the first its space before and first-line indent, the last its space after; `reach`:
    how far past `room` a tab stop may take a part (to the page's edge). The line itself when it fits."""
    left, right, first = line.indent
    edge = room - right
    bound = max([edge, *(pos for pos, _ in line.stops if pos <= room + reach)])
    setter = _Setter(line, edge, bound, default, measure, decimal, at=left + first)
    for cell in line.cells:
        pending: Cell | None = cell
        fresh = False
        while pending is not None:
            pending = setter.part(pending, fresh)
            fresh = pending is not None and setter.row == [()]
    rows = [*setter.rows, setter.row]
    if len(rows) == 1:
        return (line,)
    last = len(rows) - 1
    return tuple(replace(line, cells=tuple(row), before=line.before if n == 0 else 0.0,
                         after=line.after if n == last else 0.0, indent=(left, right, first if n == 0 else 0.0))
                 for n, row in enumerate(rows))

