"""Bundled fonts' parsed tables, shipped beside them (issue 20).

reportlab reads a TrueType file's character map, widths and glyph offsets in Python, in every process that
draws with it: 6 ms for each Carlito style, 13 ms for DejaVu Sans, 45 ms for NanumGothic. What its parser leaves
on the face is the same for the same file and the same reportlab, so `write_tables()` (`make precompiled`)
stores it once per bundled font, as briefgen/fonts/<file>.parsed (marshal, compressed), and `ttfont()` reads it
back in a fifth of the time. A table is used only for the very file it was made from (size and CRC-32 of the
bytes read) and the reportlab version that made it; otherwise, and for every font of a profile's own, the file
is parsed as before. tests/test_fontcache.py writes the same PDF both ways and compares the bytes.

A stored face is also smaller in memory than a parsed one (NanumGothic's tables, which every process drawing
Korean holds to its end, 2.7 MB instead of 6.7 MB): glyph offsets and horizontal metrics are kept in arrays rather
than lists of Python integers; a width or glyph number repeated across the character map is one object; and the
glyph-to-characters map, which only HarfBuzz shaping reads, is decoded the first time it is asked for. Its file
is mapped, not read: a process holds only the pages it reads (the tables a subset copies and the glyphs drawn),
not NanumGothic's 4.7 MB, of which a Korean name draws a few kilobytes.
"""

from __future__ import annotations

import marshal
import mmap
import sys
import zlib
from array import array
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, BinaryIO, cast
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from briefgen.document.coverage import FONT_DIR
from briefgen.precompiled import read_packed, write_packed

SUFFIX = ".parsed"
FORMAT = 2  # of the stored state: a table of another format is not used (the file is parsed)
_MADE_HERE = ("_ttf_data", "filename", "_pdfScale")  # the file's bytes and name; a closure over unitsPerEm
# the parsed state's bulky parts, stored apart (arrays' bytes, a marshalled map) under these names
_OFFSETS, _METRICS, _GLYPH_CHARS = "__offsets__", "__metrics__", "__glyph_chars__"
_OFFSET, _METRIC = "I", "H"  # array types: glyph offsets (32 bits, as the loca table's), advance and bearing (16)


class _Metrics:
    """A face's horizontal metrics as reportlab's parser leaves them, (advance, left side bearing) per glyph, in
    arrays of unsigned shorts. The parser gives each glyph past the hmtx table's full pairs the last advance
    *scaled* to thousandths of an em (a float where units per em are not 1000), kept here as that one value."""

    def __init__(self, advances: array[int], bearings: array[int], last: float) -> None:
        self._advances, self._bearings, self._last = advances, bearings, last

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        paired = len(self._advances)
        return (self._advances[glyph] if glyph < paired else self._last), self._bearings[glyph]

    def __len__(self) -> int:
        return len(self._bearings)

    def __iter__(self) -> Iterator[tuple[float, int]]:
        return (self[glyph] for glyph in range(len(self)))

    @classmethod
    def packed(cls, metrics: list[tuple[Any, int]]) -> tuple[bytes, bytes, Any] | None:
        """The metrics as stored (the arrays' bytes and the value of the advances past the full pairs); None
        when they do not have that shape (they are then stored as the parser's list)."""
        paired = next((i for i, (advance, _) in enumerate(metrics) if type(advance) is not int), len(metrics))
        last = metrics[paired][0] if paired < len(metrics) else 0
        try:
            made = cls(array(_METRIC, [a for a, _ in metrics[:paired]]), array(_METRIC, [b for _, b in metrics]),
                       last)
        except (OverflowError, TypeError):
            return None
        if list(made) != metrics or [type(a) for a, _ in made] != [type(a) for a, _ in metrics]:
            return None
        return made._advances.tobytes(), made._bearings.tobytes(), last


class _StoredFace(TTFontFace):  # type: ignore[misc]
    """A face set up from its stored table and its file mapped in memory; its glyph-to-characters map decoded
    only when first read."""

    _glyph_chars: bytes
    _ttf_data: mmap.mmap | bytes

    @cached_property
    def glyphToChar(self) -> dict[int, list[int]]:  # reportlab's name
        return cast(dict[int, list[int]], marshal.loads(self._glyph_chars))

    def get_table(self, tag: str) -> Any:
        """A table's bytes as reportlab's parser gives them; but the glyph table, of which a subset copies
        only the glyphs it draws, as a window on the mapped file (reportlab would copy it whole)."""
        if tag != "glyf":
            return super().get_table(tag)
        return _Window(self._ttf_data, *self.get_table_pos(tag))

    def in_memory(self) -> None:
        """The file's bytes read into memory, where something needs `bytes` rather than the mapped file."""
        if isinstance(self._ttf_data, mmap.mmap):
            self._ttf_data = self._ttf_data[:]


class _Window:
    """Part of a mapped file, sliced as `bytes` would be: a slice reads only its own bytes."""

    def __init__(self, data: mmap.mmap | bytes, start: int, length: int) -> None:
        self._data, self._start, self._length = data, start, length

    def __getitem__(self, part: slice) -> bytes:
        found = range(self._length)[part]
        if found.step != 1:
            raise ValueError("a window is read in one piece")
        return self._data[self._start + found.start:self._start + max(found.start, found.stop)]

    def __len__(self) -> int:
        return self._length


class _StoredFont(TTFont):  # type: ignore[misc]
    """A bundled font whose face is stored: HarfBuzz shapes from the file's bytes, read when first needed (a
    complex script's small face), not from its mapping."""

    @property
    def hbFace(self) -> Any:  # reportlab's name
        self.face.in_memory()
        return TTFont.hbFace.fget(self)


def ttfont(name: str, path: Path) -> TTFont:
    """reportlab's font `name` for the file at `path`: its face from the stored table when one matches."""
    if path.parent != FONT_DIR:  # a profile's own font: no table, parsed (and read) by reportlab alone
        return _subsets_remembered(TTFont(name, str(path)))
    with path.open("rb") as file:
        state = _table(path, _file_key(file))
        if state is None:
            return _subsets_remembered(TTFont(name, str(path)))
        data = _mapped(file)
    face = _StoredFace.__new__(_StoredFace)
    face.__dict__.update(state)
    face._ttf_data, face.filename, face._pdfScale = data, str(path), _scale(state["unitsPerEm"])
    font = _StoredFont.__new__(_StoredFont)  # what TTFont.__init__ sets, with the face given rather than parsed
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = True
    return _subsets_remembered(font)


def _mapped(file: BinaryIO) -> mmap.mmap | bytes:
    """The open file (just checked against its table) mapped in memory; read into memory where it cannot be
    mapped (a file system without mappings, the process's limit of mappings or files reached)."""
    try:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        file.seek(0)
        return file.read()


def _subsets_remembered(font: TTFont) -> TTFont:
    """The font, its face remembering the last few subsets it made: the same characters drawn again (`watch`
    rebuilding a brief, the fit's layouts) embed the same bytes, made once (5 ms a one-page brief)."""
    make = font.face.makeSubset

    @lru_cache(maxsize=8)
    def made(subset: tuple[int, ...]) -> bytes:
        return cast(bytes, make(list(subset)))

    font.face.makeSubset = lambda subset: made(tuple(subset))
    return font


def _scale(units_per_em: int) -> Any:
    """Font units to thousandths of an em, computed as reportlab's parser does."""
    if units_per_em == 1000:
        return lambda x: x
    per_unit = 1000 / units_per_em
    return lambda x: x * per_unit


def _key(size: int, crc: int) -> tuple[int, str, str, int, int]:
    """What a stored table belongs to: its format, the reportlab that parsed it, the byte order of its arrays,
    the file (size and CRC-32 of its bytes)."""
    return FORMAT, reportlab.Version, sys.byteorder, size, crc


def _file_key(file: BinaryIO) -> tuple[int, str, str, int, int]:
    """The key of the open file's bytes, read a piece at a time from its start (none held)."""
    size = crc = 0
    while piece := file.read(1 << 20):
        size, crc = size + len(piece), zlib.crc32(piece, crc)
    return _key(size, crc)


def _table(path: Path, key: tuple[Any, ...]) -> dict[str, Any] | None:
    """The stored state of the font file at `path` whose key is `key`; None if there is none for it."""
    found: tuple[Any, dict[str, Any]] | None = read_packed(path.with_name(path.name + SUFFIX), b"")
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], dict)):
        return None
    state = found[1]
    if tuple(found[0]) != key:
        return None
    for name in state.pop("__names__"):
        state[name] = TTFNameBytes(state[name].encode("utf-8"), "utf-8")
    state["glyphPos"] = array(_OFFSET, state.pop(_OFFSETS))
    metrics = state.pop(_METRICS)
    if metrics is not None:
        advances, bearings, last = metrics
        state["hmetrics"] = _Metrics(array(_METRIC, advances), array(_METRIC, bearings), last)
    state["_glyph_chars"] = state.pop(_GLYPH_CHARS)
    return state


def write_table(path: Path) -> Path:
    """Parse the font file and store what the parser leaves on its face."""
    state = {k: v for k, v in TTFontFace(str(path)).__dict__.items() if k not in _MADE_HERE}
    names = [k for k, v in state.items() if isinstance(v, TTFNameBytes)]
    state.update({k: state[k].ustr for k in names}, __names__=names)
    target = path.with_name(path.name + SUFFIX)
    with path.open("rb") as file:
        write_packed(target, b"", (_file_key(file), _compact(state)))
    return target


def _compact(parsed: dict[str, Any]) -> dict[str, Any]:
    """The parsed state as it is stored: offsets and metrics as arrays' bytes, the glyph-to-characters map
    marshalled apart, and each character's code, glyph number and width one object wherever it repeats
    (marshal then stores it once, and loading makes it once)."""
    same: dict[tuple[type, Any], Any] = {}

    def one(value: Any) -> Any:  # by type too: a width of 1000 and one of 1000.0 stay what they were
        return same.setdefault((type(value), value), value)

    state = dict(parsed)
    metrics = _Metrics.packed(state["hmetrics"])
    if metrics is not None:
        del state["hmetrics"]
    state.update(charToGlyph={one(c): one(g) for c, g in state["charToGlyph"].items()},
                 charWidths={one(c): one(w) for c, w in state["charWidths"].items()})
    state.update({_OFFSETS: array(_OFFSET, state.pop("glyphPos")).tobytes(), _METRICS: metrics,
                  _GLYPH_CHARS: marshal.dumps(state.pop("glyphToChar"))})
    return state


def write_tables() -> list[Path]:
    """A table for every bundled font file (`make precompiled`)."""
    return [write_table(path) for path in sorted(FONT_DIR.glob("*.ttf"))]
