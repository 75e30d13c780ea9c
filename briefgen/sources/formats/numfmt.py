"""A spreadsheet number as Excel and LibreOffice Calc show it in its cell: its number format (a built-in id or a
format code such as `#,##0;(#,##0)`, `0.0%`, `[$€-407]#,##0.00`, `yyyy-mm-dd`, `# ?/?`, `0.00E+00`) applied,
so a seed reads "1,200" and "12.5%" where the file stores 1200 and 0.125, as an analyst copies them.

A code has up to four sections (positive; negative; zero; text), chosen as Excel chooses them (or by their
[>100]-style conditions); colours and locale tags are dropped, a currency tag `[$€-407]` is its symbol, quoted
text and `\\x` are literal, `_x` (room for a character) is a space, `*x` (a fill) is nothing. Dates and times
(datefmt.py) count days from 1899-12-30 (1904-01-01 in the 1904 date system)."""

from __future__ import annotations

import functools
import re

from briefgen.sources.formats.datefmt import DATE_TOKEN, format_date
from briefgen.sources.formats.numparts import Pieces, general, numeric, rounded, scaled

# The format ids Excel numbers without writing their codes, as Excel (en-US) and LibreOffice show them
BUILTIN = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "m/d/yyyy", 15: "d-mmm-yy", 16: "d-mmm",
    17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yyyy h:mm",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
    41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', 42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@"}
_SIMPLE = re.compile(r"(#,##)?0(\.0+)?(%)?")
MAX_CODE = 255  # the longest format code Excel takes: a longer one (no application writes it) shows General
# A section's pieces: quoted text, an escaped character, room for one (_x), a fill (*x), a bracketed tag, a sign
_PIECE = re.compile(r'(?i:(general))|"([^"]*)"?|\\(.)|_(.)?|\*(.)?|\[([^\]]*)\]?|(.)', re.DOTALL)
_CONDITION = re.compile(r"(<=|>=|<>|<|>|=)\s*(-?[\d.]+)")
_CURRENCY = re.compile(r"\$([^-\]]*)")


def format_number(value: float, code: str, date1904: bool = False) -> str:
    """`value` as a cell of number format `code` shows it (General for a code longer than Excel allows)."""
    if not code.strip() or len(code) > MAX_CODE:
        return general(value)
    simple = _SIMPLE.fullmatch(code)
    if simple:  # the most common codes (`0.00`, `#,##0`, `0.0%`), drawn at once
        grouping, decimals, percent = simple.groups()
        value_shown = scaled(value, 1 if percent else 0, 0)
        if value_shown is None:
            return general(value)
        number = rounded(value_shown, len(decimals or ".") - 1)
        shown = format(abs(number), f"{',' if grouping else ''}.{len(decimals or '.') - 1}f") + (percent or "")
        return f"-{shown}" if number < 0 else shown
    section, value = _section(code, value)
    pieces = _pieces(section)
    codes = "".join(text for kind, text in pieces if kind == "code").lower()
    if "@" in codes and not any(char in codes for char in "0#?"):  # General, or text's format for a number
        shown = "".join(general(abs(value)) if piece == ("code", "@") else piece[1] for piece in pieces
                        if piece[0] != "tag")
        return f"-{shown}" if value < 0 else shown  # the sign first, as a number format draws it
    if any(kind == "tag" for kind, _ in pieces) or DATE_TOKEN.search(codes):
        return format_date(value, pieces, date1904)
    if not any(char in codes for char in "0#?"):  # text only ("zero", "-"), or nothing
        return "".join(text for kind, text in pieces if kind != "tag")
    return numeric(value, pieces)


def format_text(text: str, code: str) -> str:
    """A text cell as its format's text section shows it (`"Item: "@`); the text itself without one."""
    sections = _split(code) if len(code) <= MAX_CODE else [""]
    if len(sections) < 4 and not any("@" in s for s in sections):
        return text
    section = sections[3] if len(sections) >= 4 else next(s for s in sections if "@" in s)
    return "".join(text if (kind, piece) == ("code", "@") else piece for kind, piece in _pieces(section)
                   if kind != "tag")


@functools.lru_cache(maxsize=256)
def _split(code: str) -> list[str]:
    """The code's sections, split at each ; outside quotes and brackets."""
    sections, start = [], 0
    for found in _PIECE.finditer(code):
        if found.group(7) == ";":
            sections.append(code[start:found.start()])
            start = found.end()
    return [*sections, code[start:]]


def _section(code: str, value: float) -> tuple[str, float]:
    """The section that shows `value`, and the value it shows (a negative one without its sign where a section
    of its own draws it)."""
    sections = _split(code)
    conditions = [_CONDITION.search(s) if "[" in s else None for s in sections]
    if any(conditions[:2]):
        for section, condition in zip(sections[:3], conditions[:3], strict=False):
            if condition is None or _meets(value, condition.group(1), float(condition.group(2))):
                return section, abs(value) if value < 0 and section is not sections[0] else value
        return sections[0], value
    if value < 0 and len(sections) >= 2:  # an empty negative section (`0.00;;`) shows nothing
        return sections[1], -value
    if value == 0 and len(sections) >= 3:
        return sections[2], value
    return sections[0], value


def _meets(value: float, op: str, limit: float) -> bool:
    return {"<": value < limit, ">": value > limit, "=": value == limit, "<=": value <= limit,
            ">=": value >= limit, "<>": value != limit}[op]


@functools.lru_cache(maxsize=256)
def _pieces(section: str) -> Pieces:
    """A section's pieces, literal text separated from the code's characters."""
    found: Pieces = []
    for match in _PIECE.finditer(section):
        word, quoted, escaped, room, _fill, tag, char = match.groups()
        if word is not None:
            found.append(("code", "@"))  # General shows the number as the text section's @ shows text
        elif quoted is not None or escaped is not None:
            found.append(("text", quoted if quoted is not None else escaped))
        elif match.group().startswith("_"):
            found.append(("text", " " if room else ""))
        elif tag is not None:
            found.extend(_tag(tag))
        elif char is not None:
            found.append(("code", char) if char.lower() in "0#?.,%e+-/@dmyhsapg:" or char == " " else
                         ("text", char))
    return found


def _tag(tag: str) -> Pieces:
    """A bracketed tag's pieces: a currency's symbol, an elapsed time's unit ([h], [mm], [ss]); colours,
    conditions and locales show nothing."""
    if tag.startswith("$"):
        symbol = _CURRENCY.match(tag)
        return [("text", symbol.group(1) if symbol else "")]
    if tag and set(tag.lower()) <= set("hms") and len(set(tag.lower())) == 1:
        return [("tag", tag.lower())]
    return []
