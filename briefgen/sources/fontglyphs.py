"""Whether a TrueType font's glyph data holds together as the PDF library reads it when it embeds a subset.

reportlab parses a font's tables up front (fontfile.py lets it), but a glyph's outline only when the glyph is
drawn: a table directory naming bytes past the end of the file, a `loca` whose offsets run backwards or past
`glyf`, or a composite glyph naming a component that does not exist made the build fail while it wrote the PDF,
with an internal error (IndexError, "unpack requires a buffer"), or spend minutes on garbage first. Each is
read here from the numbers alone, every glyph once (a CJK face of 30,000 glyphs in about 0.1 s)."""

from __future__ import annotations

import struct
from itertools import pairwise

MOST_EMS = 16  # the widest advance a glyph may have, in ems
_ARG_WORDS, _HAS_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080


def glyph_damage(raw: bytes) -> str | None:
    """What is wrong with the glyph data of the TrueType font `raw`, in a user's words; None when nothing."""
    tables = _tables(raw)
    if isinstance(tables, str):
        return tables
    if b"glyf" not in tables:  # no TrueType outlines: the reader refuses it on its own
        return None
    head, maxp, loca, glyf = (tables.get(tag, b"") for tag in (b"head", b"maxp", b"loca", b"glyf"))
    if len(head) < 54 or len(maxp) < 6:
        return "its 'head' or 'maxp' table is cut short"
    count = struct.unpack_from(">H", maxp, 4)[0]
    offsets = _offsets(loca, count, long=struct.unpack_from(">h", head, 50)[0] == 1)
    if offsets is None or any(b < a for a, b in pairwise(offsets)) or offsets[-1] > len(glyf):
        return "its glyph index ('loca') points outside its outlines ('glyf')"
    for glyph in range(count):
        start, end = offsets[glyph], offsets[glyph + 1]
        if start != end and not _glyph_sound(glyf, start, end, count):
            return f"the outline of its glyph {glyph} cannot be read"
    return _widths_damage(tables, struct.unpack_from(">H", head, 18)[0])


def _widths_damage(tables: dict[bytes, bytes], units: int) -> str | None:
    """What is wrong with the glyphs' advance widths (`hmtx`, counted in `hhea`): a table too short for its count,
    or a glyph wider than MOST_EMS ems, which no real font has (the widest of 329 installed fonts is about 8 em)
    and which laid every line out as one word a page wide ("a block taller than a page", naming the template)."""
    if b"hhea" not in tables or b"hmtx" not in tables:  # the reader names a missing table on its own
        return None
    hhea, hmtx = tables[b"hhea"], tables[b"hmtx"]
    if len(hhea) < 36:
        return "its 'hhea' table is cut short"
    metrics = struct.unpack_from(">H", hhea, 34)[0]
    if len(hmtx) < 4 * metrics:
        return "its widths table ('hmtx') is cut short"
    advances = struct.unpack_from(f">{2 * metrics}H", hmtx)[::2]  # (advance, left side bearing) pairs
    widest = max(range(metrics), key=advances.__getitem__, default=None)
    if units and widest is not None and advances[widest] > MOST_EMS * units:
        return f"its glyph {widest} is {advances[widest] / units:,.0f} em wide (its widths table 'hmtx' is damaged?)"
    return None


def _tables(raw: bytes) -> dict[bytes, bytes] | str:
    """The font's tables by tag, or what is wrong with its table directory."""
    if len(raw) < 12:
        return "its table directory is cut short"
    count = struct.unpack_from(">H", raw, 4)[0]
    if len(raw) < 12 + 16 * count:
        return "its table directory is cut short"
    tables = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", raw, 12 + 16 * index)
        if offset + length > len(raw):
            return f"its table {tag.decode('latin-1')!r} reaches past the end of the file"
        tables[tag] = raw[offset:offset + length]
    return tables


def _offsets(loca: bytes, count: int, *, long: bool) -> list[int] | None:
    """Each glyph's start in `glyf`, and the end of the last; None when `loca` is too short for `count` glyphs."""
    size = 4 if long else 2
    if len(loca) < size * (count + 1):
        return None
    values = struct.unpack_from(f">{count + 1}{'I' if long else 'H'}", loca)
    return list(values) if long else [value * 2 for value in values]


def _glyph_sound(glyf: bytes, start: int, end: int, count: int) -> bool:
    """One glyph's header, and each component of a composite glyph, lie within its bytes and name glyphs that
    exist (a simple glyph's points are read by the library's own bounds-checked reader, as drawn)."""
    if end - start < 10:
        return False
    contours: int = struct.unpack_from(">h", glyf, start)[0]
    if contours >= 0:
        return start + 10 + 2 * contours <= end
    if contours != -1:
        return False
    at = start + 10
    while True:
        if at + 4 > end:
            return False
        flags, component = struct.unpack_from(">HH", glyf, at)
        if component >= count:
            return False
        at += 4 + (4 if flags & _ARG_WORDS else 2)
        at += 2 if flags & _HAS_SCALE else 4 if flags & _XY_SCALE else 8 if flags & _TWO_BY_TWO else 0
        if at > end:
            return False
        if not flags & _MORE:
            return True
