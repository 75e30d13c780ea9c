"""Which code points each font file draws: the bundled files' from a table made ahead (`make precompiled`), so
that `check` and the choice of a face per character need no font parsed (a Latin-only brief never loads the
CJK face); a profile's own file's from its character map."""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from collections.abc import Container, Iterator
from functools import cache
from pathlib import Path

from briefgen.safeio import FileVersion, file_version

FONT_DIR = Path(__file__).parent.parent / "fonts"
# The code points each bundled file maps, as ranges: `check` and the choice of a face per character need no
# font parsed (a Latin-only brief never loads the CJK face). tests/test_scripts.py checks it against the files.
COVERAGE_FILE = FONT_DIR / "coverage.json"


def write_coverage() -> int:
    """Write COVERAGE_FILE from the bundled files' character maps (`make precompiled`; fontTools is a
    development dependency); the number of files."""
    from fontTools.ttLib import TTFont

    table = {}
    for path in sorted(FONT_DIR.glob("*.ttf")):
        codes = sorted(TTFont(str(path), lazy=True).getBestCmap())
        starts = [c for i, c in enumerate(codes) if i == 0 or codes[i - 1] != c - 1]
        ends = [c for i, c in enumerate(codes) if i == len(codes) - 1 or codes[i + 1] != c + 1]
        table[path.name] = " ".join(f"{a:X}" if a == b else f"{a:X}-{b:X}" for a, b in zip(starts, ends, strict=True))
    COVERAGE_FILE.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    return len(table)


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = json.loads(COVERAGE_FILE.read_text(encoding="utf-8"))
    return table


class Ranges(Container[int]):
    """Code points as sorted, disjoint ranges (first and last of each in two arrays): a bundled file's coverage
    in a few kilobytes, where a set of NanumGothic's 17,666 code points held 1.5 MB in every process that drew
    a Korean name."""

    def __init__(self, text: str) -> None:
        """From the table's text: hexadecimal code points and first-last ranges, ascending."""
        self._firsts, self._lasts = array("I"), array("I")
        for part in text.split():
            first, _, last = part.partition("-")
            self._firsts.append(int(first, 16))
            self._lasts.append(int(last or first, 16))

    def __contains__(self, code: object) -> bool:
        at = bisect_right(self._firsts, code) - 1 if isinstance(code, int) else -1
        return at >= 0 and code <= self._lasts[at]  # type: ignore[operator]

    def __iter__(self) -> Iterator[int]:
        for first, last in zip(self._firsts, self._lasts, strict=True):
            yield from range(first, last + 1)


def coverage(path: Path) -> Container[int]:
    """The code points one font file maps to a glyph: a bundled file's from the table, a profile's own file's
    (already checked, sources/fontfile.py) from its character map, read again when the file changes."""
    found = _BUNDLED_SEEN.get(path)
    if found is not None:
        return found
    if path.parent == FONT_DIR:
        found = _BUNDLED_SEEN[path] = _bundled_coverage(path.name)
        return found
    return _file_coverage(path, file_version(path))


_BUNDLED_SEEN: dict[Path, Container[int]] = {}  # by path: the hot loop of `runs` asks per character


@cache
def _bundled_coverage(name: str) -> Ranges:
    return Ranges(_table()[name])


@cache
def _file_coverage(path: Path, version: FileVersion) -> frozenset[int]:
    """A profile's font file's character map, once per version of the file."""
    import uharfbuzz as hb

    return frozenset(hb.Face(hb.Blob.from_file_path(str(path))).unicodes)


