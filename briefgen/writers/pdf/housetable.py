"""The data table's reportlab commands under a house table style (document/tablelook.py): each row's shading
(the header's, then the bands' in turn), the lines between rows and down each row as the style's whole-table
borders and its conditional formats say, and the cell margins; the DOCX names the same style."""

from __future__ import annotations

from reportlab.lib.colors import HexColor

from briefgen.document.borders import Rule
from briefgen.document.colours import BLACK
from briefgen.document.tablelook import TableLook

Command = tuple[object, ...]


def house_commands(look: TableLook, rows: int, columns: int) -> list[Command]:
    """Padding, row shading and lines for a table of `rows` rows (the header included) and `columns` columns."""
    top, left, bottom, right = look.margins
    commands: list[Command] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), top), ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), left), ("RIGHTPADDING", (0, 0), (-1, -1), right)]
    for row in range(rows):
        fill = look.fill(row)
        if fill is not None:
            commands.append(("BACKGROUND", (0, row), (-1, row), HexColor(fill)))
    for boundary in range(rows + 1):
        below = min(boundary, rows - 1)
        commands += _line("LINEBELOW" if boundary == rows else "LINEABOVE", (0, below), (-1, below),
                          look.across(boundary, rows))
    for row in range(rows):
        commands += _line("LINEBEFORE", (0, row), (0, row), look.down(row, "left"))
        commands += _line("LINEAFTER", (-1, row), (-1, row), look.down(row, "right"))
        if columns > 1:
            commands += _line("LINEAFTER", (0, row), (-2, row), look.down(row, "insideV"))
    return commands


def _line(kind: str, start: tuple[int, int], end: tuple[int, int], rule: Rule | None) -> list[Command]:
    if rule is None:
        return []
    return [(kind, start, end, rule.width, HexColor(rule.colour or BLACK))]
