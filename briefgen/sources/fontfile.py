"""Font files a profile supplies (`look.fonts`, or a file in templates/ for a font its house style names),
checked before use as the logo and the reference document are: inside templates/, a regular file of bounded
size, and a font the PDF library can embed.

A file is identified by its contents: its family and style from its name table, its weight and slant from its
OS/2 table (read with HarfBuzz, which is built to meet hostile fonts), and whether reportlab can embed it, by
letting reportlab's own font reader parse it (TrueType outlines only; a licence that forbids embedding refused)
and by reading its glyph data's structure, which reportlab reads only as it draws (fontglyphs.py).
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.safeio import FileVersion, file_version
from briefgen.sources.assets import MB, AssetError, asset_path, read_asset
from briefgen.sources.fontglyphs import glyph_damage

if TYPE_CHECKING:
    import uharfbuzz as hb

MAX_FONT_BYTES = 50 * MB  # a full CJK TrueType face is 15-30 MB
MAX_SCANNED_FONTS = 200  # font files read from templates/ when looking for a family by name
FONT_SUFFIXES = (".ttf", ".otf")
FONT_HINT = "name a TrueType font file (.ttf, or an .otf with TrueType outlines) inside templates/"
CFF_HINT = ("reportlab embeds TrueType outlines only: use the family's TrueType (.ttf) files (most families "
            "publish both), or convert this one to TrueType outlines (fontTools' otf2ttf, FontForge)")
_SIGNATURES = {b"\x00\x01\x00\x00": "", b"true": "", b"OTTO": "cff", b"wOFF": "woff", b"wOF2": "woff",
               b"ttcf": "ttc"}
_REFUSED = {
    "cff": ("has PostScript (CFF) outlines, which the PDF library (reportlab) cannot embed", CFF_HINT),
    "woff": ("is a web font (WOFF/WOFF2), which the PDF library cannot embed", "use the family's .ttf file"),
    "ttc": ("is a font collection (.ttc) holding several fonts", "use a single-font .ttf file of the family"),
}


@dataclass(frozen=True)
class FontFile:
    """One checked font file and what it says about itself."""

    path: Path
    family: str  # the typographic family (name ID 16, else 1): what Word and a reference DOCX call it
    style: str  # its subfamily, e.g. "Bold Italic"
    postscript: str  # the name the PDF's BaseFont carries (after the subset prefix)
    bold: bool
    italic: bool
    digest: str  # of its bytes: two files with one family name stay two faces


def check_font(templates: Path, name: str) -> FontFile:
    """The font at `templates/<name>`, once it is a font reportlab can embed (an AssetError says why not)."""
    if Path(name).suffix.lower() not in FONT_SUFFIXES:
        raise AssetError(f"font {name!r} is not a .ttf or .otf file", FONT_HINT)
    path = asset_path(templates, name, "font", FONT_HINT)
    try:
        version: FileVersion | None = file_version(path)
    except OSError:
        version = None  # read_asset says what is wrong
    return _identify(path, name, version)


@cache
def _identify(path: Path, name: str, version: FileVersion | None) -> FontFile:
    """Read once per process per file version (a watch rebuild re-reads a font only when it changed)."""
    raw = read_asset(path, MAX_FONT_BYTES, f"font {name!r}", FONT_HINT)
    kind = _SIGNATURES.get(raw[:4])
    if kind is None:
        raise AssetError(f"{name!r} is not a font file (it does not start like a TrueType or OpenType font)",
                         FONT_HINT)
    if kind:
        message, hint = _REFUSED[kind]
        raise AssetError(f"font {name!r} {message}", hint)
    import uharfbuzz as hb  # read only when a profile names a font: a brief without one never loads it

    face = hb.Face(hb.Blob(raw))
    if face.glyph_count == 0 or not face.unicodes:
        raise AssetError(f"font {name!r} is damaged or maps no characters", FONT_HINT)
    damage = glyph_damage(raw)  # reportlab reads an outline only as it draws it: a build failed mid-write
    if damage is not None:
        raise AssetError(f"font {name!r} is damaged: {damage}", FONT_HINT)
    os2 = face.reference_table("OS/2").data
    _embeddable(name, raw, os2)
    family = _name(face, hb.OTNameIdPredefined.TYPOGRAPHIC_FAMILY) or _name(face, hb.OTNameIdPredefined.FONT_FAMILY)
    style = _name(face, hb.OTNameIdPredefined.TYPOGRAPHIC_SUBFAMILY) or _name(
        face, hb.OTNameIdPredefined.FONT_SUBFAMILY)
    postscript = _name(face, hb.OTNameIdPredefined.POSTSCRIPT_NAME)
    if not family:
        raise AssetError(f"font {name!r} has no family name in its name table", FONT_HINT)
    bold, italic = _weight_and_slant(os2, style)
    return FontFile(path, family, style or "Regular", postscript or family.replace(" ", ""), bold, italic,
                    hashlib.sha256(raw).hexdigest()[:10])


# OS/2 fsType bits that forbid what the PDF does with a font: restricted-licence embedding (0x0002), bitmap
# embedding only (0x0100), no subsetting (0x0200; the PDF embeds a subset of every font)
_NOT_EMBEDDABLE = 0x0002 | 0x0100 | 0x0200


def _embeddable(name: str, raw: bytes, os2: bytes) -> None:
    """The font's licence (its OS/2 table's fsType; none without the table) allows the PDF's subset embedding
    (reportlab no longer checks it), and reportlab's reader parses the file as it will when embedding it (a
    parse error, no Unicode character map)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    if len(os2) >= 10 and struct.unpack_from(">H", os2, 8)[0] & _NOT_EMBEDDABLE:
        raise AssetError(f"font {name!r}: its licence (OS/2 fsType) forbids embedding it in a PDF as a subset",
                         "use a font whose licence allows embedding (SIL OFL, Apache, …)")

    try:
        TTFontFile(BytesIO(raw), validate=0)
    except TTFError as exc:
        reason = str(exc).split(": ", 1)[-1] if "(" not in str(exc) else str(exc)
        if "embedding" in reason:
            raise AssetError(f"font {name!r}: its licence (OS/2 fsType) forbids embedding it in a PDF",
                             "use a font whose licence allows embedding (SIL OFL, Apache, …)") from None
        raise AssetError(f"font {name!r} cannot be embedded by the PDF library: {reason}", FONT_HINT) from None
    except Exception as exc:  # a damaged table makes reportlab's reader fail in many ways
        raise AssetError(f"font {name!r} is damaged: {_damage(exc)}", FONT_HINT) from None


def _damage(exc: Exception) -> str:
    """What reportlab's reader met, in a user's words: a table it needs that the file lacks (it looks tables up
    by tag, so a missing one is a KeyError naming it), else tables it cannot read."""
    tag = exc.args[0] if isinstance(exc, KeyError) and exc.args else None
    if isinstance(tag, str) and 0 < len(tag) <= 4:
        return f"it has no '{tag}' table, which the PDF needs"
    return "its tables cannot be read"


def _name(face: hb.Face, name_id: hb.OTNameIdPredefined) -> str:
    try:
        found = face.get_name(name_id)
    except (KeyError, ValueError):
        return ""
    return " ".join((found or "").split())[:200]


def _weight_and_slant(table: bytes, style: str) -> tuple[bool, bool]:
    """Bold and italic from the OS/2 table's fsSelection (bits 5 and 0), else from the style name."""
    if len(table) >= 64:
        selection = struct.unpack_from(">H", table, 62)[0]
        return bool(selection & 0x20), bool(selection & 0x01)
    lowered = style.lower()
    return "bold" in lowered, "italic" in lowered or "oblique" in lowered


def fonts_in(templates: Path) -> list[str]:
    """The font files in templates/ itself (where the build's fingerprint sees them change), a bounded
    number, no link followed: where a font a house style names is looked for."""
    try:
        with os.scandir(templates) as entries:
            names = sorted(e.name for e in entries if Path(e.name).suffix.lower() in FONT_SUFFIXES
                           and not e.name.startswith(".") and e.is_file(follow_symlinks=False))
    except OSError:
        return []
    return names[:MAX_SCANNED_FONTS]
