"""A PDF text box's lines read: each line's text in the order it is read and its record (pdfpage.Line), its
direction the one its own drawing shows, else its paragraph's (pdfbidi.py); a line of table cells of both
directions read cell by cell (pdfcells.py)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pdfminer.layout import LTChar, LTTextLine

from briefgen.sources.formats.pdfbidi import (
    drawn_left_to_right,
    drawn_right_to_left,
    drawn_text,
    ends_sentence,
    evident_direction,
    has_rtl,
    logical,
    read_right_to_left,
    stated_direction,
)
from briefgen.sources.formats.pdfcells import cells
from briefgen.sources.formats.pdfdrawn import note_drawing_order, number_drawn_first
from briefgen.sources.formats.pdflists import bullet_text
from briefgen.sources.formats.pdfpage import Line
from briefgen.sources.formats.pdfspacing import line_text

# A soft hyphen drawn inside a line is a hyphen seen there: a producer that maps its hyphen glyph to U+00AD (typst,
# after Ghostscript dropped the /ActualText that read it "-": "EU­Kommission") draws it only where it shows.
_DRAWN_SOFT_HYPHEN = re.compile(r"\u00ad(?=[^\W\d_])")
_SPACE_BEFORE = re.compile(r"\s+(?=([^\x00-\u02ff]))")


def page_lines(boxes: list[list[tuple[LTTextLine, str]]], margins: tuple[float, float], mirrors: list[float],
               drawn: bool) -> list[list[Line]]:
    """The records of each text box's lines (box_lines: `margins`, the left and right edges of the page's text;
    `mirrors`, each box's mirror), the lines before one that states its direction read in it (_stated_back);
    a line of table cells in both directions run together, on a page that draws its spaces (`drawn`), read
    cell by cell (_row)."""
    note_drawing_order([line for box in boxes for line, text in box if has_rtl(text)])
    pieces = [[cells(line) if drawn and has_rtl(text) else [line] for line, text in box] for box in boxes]
    read = [box_lines(box, parts, margins, mirror) for box, parts, mirror in zip(boxes, pieces, mirrors, strict=True)]
    _stated_back([(box[i][1], pieces[k][i], mirrors[k], read[k], i) for k, box in enumerate(boxes)
                  for i in range(len(box))], margins)
    return _rows_apart([(line, parts, i == 0) for block, box_parts in zip(read, pieces, strict=True)
                        for i, (line, parts) in enumerate(zip(block, box_parts, strict=True))])


def _rows_apart(lines: list[tuple[Line, list[LTTextLine], bool]]) -> list[list[Line]]:
    """A page's lines (each with its cells and whether it starts its text box) in blocks, one a box, but cut
    after each line of cells (more than one) unless the next line goes on in its last cell (no line of cells,
    just below it at that cell's edge: a cell's next line, which pdfminer may put in a box of its own, joins
    it). A tight table's one-line rows (a right-aligned number, then an Arabic or Hebrew cell) are one box to
    pdfminer, and no stop ends them: they were read as one paragraph, `4,567 המשרד דיווח 88 أعلنت الوزارة`."""
    out: list[list[Line]] = []
    for n, (line, parts, starts) in enumerate(lines):
        before = lines[n - 1] if n else None
        if before is not None and len(before[1]) > 1:
            joined = len(parts) == 1 and _follows(before[1][-1], parts[-1], before[0].rtl)
        else:
            joined = not starts
        if not out or not joined:
            out.append([])
        out[-1].append(line)
    return out


def box_lines(box: list[tuple[LTTextLine, str]], pieces: list[list[LTTextLine]], margins: tuple[float, float],
              mirror: float) -> list[Line]:
    """The records of a text box's lines (_line; of its cells, `pieces`, _row), a line whose own drawing does
    not show its direction taking that of the paragraph it goes on with (_goes_on), else the direction the next
    line shows, else the one before (its paragraph's: pdfbidi.drawn_right_to_left)."""
    shown = [_evident(line, text) for line, text in box]
    out: list[Line] = []
    for i, (_, text) in enumerate(box):
        around = next((d for d in [*shown[i + 1:], *shown[:i][::-1]] if d is not None), None)
        goes_on = _goes_on(out[-1], box, mirror) if out else None
        out.append(_read(pieces[i], text, margins, mirror, (around, goes_on)))
    return out


def _read(parts: list[LTTextLine], text: str, margins: tuple[float, float], mirror: float,
          context: tuple[bool | None, bool | None]) -> Line:
    """A line's record (_line), or a row's of the cells it was cut in (_row)."""
    return _line(parts[0], text, margins, mirror, context) if len(parts) == 1 else _row(parts, margins, mirror, context)


_Read = tuple[str, list[LTTextLine], float, list[Line], int]  # text, pieces, mirror, the box's records, index


def _stated_back(lines: list[_Read], margins: tuple[float, float]) -> None:
    """The lines before a line whose stop or marker states its direction (pdfbidi.stated_direction) in its
    paragraph, read in that direction (their records replaced in place): each stopping mid-sentence, the next
    line just below it, no line of cells, and starting at the same edge as it, or as its last cell (its
    paragraph's side), in this box or the next. A table cell's Arabic paragraph that LibreOffice sets left to
    right (no direction given) shows it by its last line's stop alone, drawn at the right; its other lines,
    Arabic from end to end, showed the other direction and were read apart."""
    carry: bool | None = None
    for n in range(len(lines) - 1, -1, -1):
        text, parts, mirror, out, i = lines[n]
        own = stated_direction(drawn_text(parts[-1]).strip()) if has_rtl(text) else None
        if own is not None:
            carry = own
        elif carry is None or ends_sentence(out[i].text) or len(lines[n + 1][1]) > 1 \
                or not _follows(parts[-1], lines[n + 1][1][-1], carry):
            carry = None
        elif out[i].rtl != carry:
            out[i] = _read(parts, text, margins, mirror, (None, carry))


def _follows(line: LTTextLine, below: LTTextLine, rtl: bool) -> bool:
    """Whether `below` is the next line of `line`'s paragraph as far as their places show: just below it, and
    starting at the same edge (their right edges for right-to-left lines, else their left)."""
    size = max(_size(line), _size(below))
    start = line.x1 - below.x1 if rtl else line.x0 - below.x0
    return abs(start) < size and -0.5 * size < line.y0 - below.y1 < size


def _goes_on(before: Line, box: list[tuple[LTTextLine, str]], mirror: float) -> bool | None:
    """The direction of the line `before` where the next line goes on with its paragraph: it stops mid-sentence
    and nearly fills the box's measure, ending within a quarter of it (the room a line broken before a long
    word, or before a run of the other direction that did not fit, leaves); else None."""
    left, right = min(line.x0 for line, _ in box), max(line.x1 for line, _ in box)
    edge = mirror - left if before.rtl else right
    if ends_sentence(before.text) or before.x1 < edge - max(2 * before.size, 0.25 * (right - left)):
        return None
    return before.rtl


def _row(parts: list[LTTextLine], margins: tuple[float, float], mirror: float,
         context: tuple[bool | None, bool | None] = (None, None)) -> Line:
    """A line of cells (pdfcells.cells), each read in its own direction, left to right; the line runs in the
    direction of its last, which a cell's next line goes on in."""
    lines = [_line(part, line_text(part).strip(), margins, mirror, context if part is parts[-1] else (None, None))
             for part in parts]
    first, last = parts[0], parts[-1]
    text = " ".join(line.text for line in lines if line.text)
    if not lines[-1].rtl:
        return Line(text, first.x0, last.x1, first.y0, lines[0].size, cells=True)
    return Line(text, mirror - last.x1, mirror - first.x0, first.y0, lines[0].size, rtl=True, cells=True)


def _evident(line: LTTextLine, text: str) -> bool | None:
    """Whether a line runs right to left, where it shows it (pdfbidi.evident_direction); a line without
    right-to-left letters runs left to right."""
    if not has_rtl(text):
        return False
    drawn = [char.x0 for char in line if isinstance(char, LTChar) and has_rtl(char.get_text())]
    if not drawn_left_to_right(drawn):
        return read_right_to_left(text)
    return evident_direction(drawn_text(line).strip())


def _line(line: LTTextLine, text: str, margins: tuple[float, float], mirror: float,
          context: tuple[bool | None, bool | None]) -> Line:
    """A line's record: its text in reading order (pdfbidi.py); a right-to-left line's left and right edges
    swapped across the page (`mirror`: the sum of the page's two edges), so its start is its x0, as a
    left-to-right line's is, for the paragraph rules (indents, short last lines) to read alike. `margins`: the
    left and right edges of the page's text; `context`: the direction the lines around it show, and that of the
    paragraph it goes on with (pdfbidi.drawn_right_to_left)."""
    size, text = _size(line), _DRAWN_SOFT_HYPHEN.sub("-", _marks_joined(text))
    if not has_rtl(text):
        return Line(bullet_text(text), line.x0, line.x1, line.y0, size, spaced=_spaced_end(line))
    drawn = [char.x0 for char in line if isinstance(char, LTChar) and has_rtl(char.get_text())]
    if drawn_left_to_right(drawn):
        text = drawn_text(line).strip()
        rtl = drawn_right_to_left(text, _flush(line, margins), *context)
        text = _marks_joined(logical(text, rtl, number_drawn_first(line)))
    else:
        rtl = read_right_to_left(text)
    if not rtl:
        return Line(bullet_text(text), line.x0, line.x1, line.y0, size, spaced=_spaced_end(line))
    return Line(bullet_text(text), mirror - line.x1, mirror - line.x0, line.y0, size, rtl=True)


def _spaced_end(line: LTTextLine) -> bool | None:
    """Whether a line ends at a space it draws, or at none while it draws its other spaces (Line.spaced): its
    end is its rightmost character (a left-to-right line with a right-to-left run draws that run's characters
    in their own order, its last drawn perhaps not its last)."""
    chars = [char for char in line if isinstance(char, LTChar)]
    if not any(char.get_text().isspace() for char in chars):
        return None
    return max(chars, key=lambda char: char.x1).get_text().isspace()


def _marks_joined(text: str) -> str:
    """`text` without the spaces pdfminer puts before a combining mark drawn as a glyph of its own (an Arabic
    tanween, a Devanagari vowel sign, a Hebrew point): "وفق ًا" is "وفقًا", "न े" is "ने"."""
    if text.isascii():
        return text
    return _SPACE_BEFORE.sub(lambda found: "" if unicodedata.category(found.group(1))[0] == "M" else found.group(),
                             text)


def _size(line: LTTextLine) -> float:
    """A line's type size: the height most of its characters have (a raised footnote number or a subscript
    makes the line's own box taller, not its type larger)."""
    sizes = Counter(round(char.height, 1) for char in line if isinstance(char, LTChar))
    return sizes.most_common(1)[0][0] if sizes else float(line.height)


def _flush(line: LTTextLine, margins: tuple[float, float]) -> str | None:
    """The side of the page's text a line is flush with and the other not: "left", "right", or None."""
    left, right = line.x0 - margins[0] < line.height, margins[1] - line.x1 < line.height
    return None if left == right else "left" if left else "right"
