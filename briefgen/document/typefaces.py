"""The bundled typefaces: the files the PDF embeds and the names the DOCX asks Word for.

Caladea and Carlito are metric-compatible with Cambria and Calibri, so a DOCX that names Cambria/Calibri
lays out line for line like our PDF, in Word (which has them) and in LibreOffice (which maps them back).
The fallbacks draw, run by run, the text the main faces lack: one face per script that needs shaping or a
direction of its own (Arabic and Persian, Hebrew, Devanagari), one for Chinese and Japanese, one for Korean, and
DejaVu Sans for the rest (symbols, the odd letter). A profile may put its own file first for a script
(`look.fonts`).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).parent.parent / "fonts"
# The code points each bundled file maps, as ranges: `check` and the choice of a face per character need no
# font parsed (a Latin-only brief never loads the CJK face). tests/test_scripts.py checks it against the files.
COVERAGE_FILE = FONT_DIR / "coverage.json"


@dataclass(frozen=True)
class Face:
    family: str
    docx_name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    folder: Path = FONT_DIR

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        name = {
            (False, False): self.regular,
            (True, False): self.bold,
            (False, True): self.italic,
            (True, True): self.bold_italic,
        }[(bold, italic)]
        return self.folder / name


def single(family: str, docx_name: str, file: str, folder: Path = FONT_DIR) -> Face:
    """A face with one file for every weight and slant (bold or italic fallback text is drawn upright)."""
    return Face(family, docx_name, file, file, file, file, folder)


FACES: dict[str, Face] = {
    "Caladea": Face("Caladea", "Cambria", "Caladea-Regular.ttf", "Caladea-Bold.ttf",
                    "Caladea-Italic.ttf", "Caladea-BoldItalic.ttf"),
    "Carlito": Face("Carlito", "Calibri", "Carlito-Regular.ttf", "Carlito-Bold.ttf",
                    "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf"),
}

# Script name (as `look.fonts` spells it) -> the bundled face for it. The DOCX names the face Word ships for
# that script; LibreOffice, lacking it, picks an installed face that covers the text.
SCRIPT_FACES: dict[str, Face] = {
    "arabic": single("NotoNaskhArabic", "Times New Roman", "NotoNaskhArabic-Regular.ttf"),
    "hebrew": single("NotoSansHebrew", "Times New Roman", "NotoSansHebrew-Regular.ttf"),
    "devanagari": single("NotoSansDevanagari", "Nirmala UI", "NotoSansDevanagari-Regular.ttf"),
    "cjk": single("DroidSansFallback", "Microsoft YaHei", "DroidSansFallbackFull.ttf"),
    "hangul": single("NanumGothic", "Malgun Gothic", "NanumGothic.ttf"),
}
# Then anything the faces above lack: Greek, Cyrillic, symbols, …
LAST_RESORT = single("DejaVuSans", "DejaVu Sans", "DejaVuSans.ttf")
FALLBACKS = (*SCRIPT_FACES.values(), LAST_RESORT)


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = json.loads(COVERAGE_FILE.read_text(encoding="utf-8"))
    return table


@cache
def coverage(path: Path) -> frozenset[int]:
    """The code points one bundled font file maps to a glyph."""
    codes: set[int] = set()
    for part in _table()[path.name].split():
        first, _, last = part.partition("-")
        codes.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(codes)


def drawable(char: str, faces: tuple[Face, ...] = (*FACES.values(), *FALLBACKS)) -> bool:
    """Whether one of the faces (by default every bundled one) has a glyph for the character."""
    return char.isspace() or any(ord(char) in coverage(face.file()) for face in faces)


_ALL = {face.family: face for face in (*FACES.values(), *FALLBACKS)}


def face_file(family: str, bold: bool = False, italic: bool = False) -> Path:
    """The file of a bundled family in a weight and slant (a fallback face has one file for every style)."""
    return _ALL[family].file(bold, italic)


@cache
def _chain(family: str) -> tuple[str, ...]:
    """Where to look for a glyph: the main face, the other bundled faces, then the fallbacks in order."""
    return (family, *(f for f in FACES if f != family), *(f.family for f in FALLBACKS))


@cache  # a brief has a few hundred distinct characters; the layout asks for each many times a pass
def _face_for(char: str, family: str, bold: bool, italic: bool) -> str:
    code = ord(char)
    if code < 0x80 or char.isspace():
        return family
    for candidate in _chain(family):
        # each file's own coverage: Caladea's italics lack a few letters its upright face has (ș ț)
        if code in coverage(_ALL[candidate].file(bold, italic)):
            return candidate
    return family  # no bundled face has it: `check` warned (verify.glyphs); the writers draw .notdef


@cache
def _joins(char: str, face: str, bold: bool, italic: bool) -> bool:
    """Marks and format characters (ZWNJ, ZWJ, combining accents) stay in the run of the letter before when
    its face has them: a joiner between two Arabic letters must reach HarfBuzz with them."""
    return unicodedata.category(char) in ("Mn", "Me", "Cf") and ord(char) in coverage(
        _ALL[face].file(bold, italic))


def runs(text: str, family: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
    """Split text into (family, text) runs, each drawable in its face in the given weight and slant: by each
    file's coverage table, so no font is parsed (both writers and the chart split text this way)."""
    if text.isascii():  # every main face draws ASCII, and no ASCII character joins the run before it
        return [(family, text)] if text else []
    out: list[tuple[str, str]] = []
    for char in text:
        joins = out and _joins(char, out[-1][0], bold, italic)
        face = out[-1][0] if joins else _face_for(char, family, bold, italic)
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + char)
        else:
            out.append((face, char))
    return out
