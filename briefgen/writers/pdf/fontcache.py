"""Bundled fonts' parsed tables, shipped beside them (issue 20).

reportlab reads a TrueType file's character map, widths and glyph offsets in Python, in every process that
draws with it: 6 ms for each Carlito style, 13 ms for DejaVu Sans, 45 ms for NanumGothic. What its parser leaves
on the face is the same for the same file and the same reportlab, so `write_tables()` (`make precompiled`)
stores it once per bundled font, as briefgen/fonts/<file>.parsed (marshal, compressed), and `ttfont()` reads it
back in a fifth of the time. A table is used only for the very file it was made from (size and CRC-32 of the
bytes read) and the reportlab version that made it; otherwise, and for every font of a profile's own, the file
is parsed as before. tests/test_fontcache.py writes the same PDF both ways and compares the bytes.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, cast
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from briefgen.document.typefaces import FONT_DIR
from briefgen.precompiled import read_packed, write_packed

SUFFIX = ".parsed"
_MADE_HERE = ("_ttf_data", "filename", "_pdfScale")  # the file's bytes and name; a closure over unitsPerEm


def ttfont(name: str, path: Path) -> TTFont:
    """reportlab's font `name` for the file at `path`: its face from the stored table when one matches."""
    if path.parent != FONT_DIR:  # a profile's own font: no table, parsed (and read) by reportlab alone
        return _subsets_remembered(TTFont(name, str(path)))
    data = path.read_bytes()
    state = _table(path, data)
    if state is None:
        return _subsets_remembered(TTFont(name, str(path)))
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data, face.filename, face._pdfScale = data, str(path), _scale(state["unitsPerEm"])
    font = TTFont.__new__(TTFont)  # what TTFont.__init__ sets, with the face given rather than parsed
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = True
    return _subsets_remembered(font)


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


def _key(data: bytes) -> tuple[str, int, int]:
    return reportlab.Version, len(data), zlib.crc32(data)


def _table(path: Path, data: bytes) -> dict[str, Any] | None:
    found: tuple[Any, dict[str, Any]] | None = read_packed(path.with_name(path.name + SUFFIX), b"")
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], dict)):
        return None
    key, state = found[0], found[1]
    if tuple(key) != _key(data):
        return None
    for name in state.pop("__names__"):
        state[name] = TTFNameBytes(state[name].encode("utf-8"), "utf-8")
    return state


def write_table(path: Path) -> Path:
    """Parse the font file and store what the parser leaves on its face."""
    data = path.read_bytes()
    state = {k: v for k, v in TTFontFace(str(path)).__dict__.items() if k not in _MADE_HERE}
    names = [k for k, v in state.items() if isinstance(v, TTFNameBytes)]
    state.update({k: state[k].ustr for k in names}, __names__=names)
    target = path.with_name(path.name + SUFFIX)
    write_packed(target, b"", (_key(data), state))
    return target


def write_tables() -> list[Path]:
    """A table for every bundled font file (`make precompiled`)."""
    return [write_table(path) for path in sorted(FONT_DIR.glob("*.ttf"))]
