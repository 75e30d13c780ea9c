"""The files a profile names (its logo, reference DOCX, brand file), checked and reported at their key in the
profile.

Only the files' bytes and zip directory are read here (no imaging or DOCX library), so `check` can afford to
look at every profile's files on every run.
"""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import ParseError, fromstring

from briefgen.document.nodes import Theme
from briefgen.errors import BriefgenError
from briefgen.workspace import Workspace

if TYPE_CHECKING:  # profiles.theme_for calls this module: no import back at run time
    from briefgen.render.profiles import Profile

IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
_LOGO_HINT = "set look.logo to a PNG or JPEG file inside templates/"
_BRAND_HINT = "set look.brand to a Quarto _brand.yml file inside templates/"
_REFERENCE_HINT = ("set look.reference_docx to a .docx file inside templates/ (saved by Word, LibreOffice or "
                   "python-docx); its styles, page setup and letterhead restyle both formats of the brief")
_DOCUMENT_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                   "application/vnd.ms-word.document.macroEnabled.main+xml")


def _inside(ws: Workspace, profile: Profile, key: str, name: str, hint: str, what: str,
            folder: Path | None = None) -> Path:
    path = ((folder or ws.templates) / name).resolve()
    if not path.is_relative_to(ws.templates.resolve()):
        raise BriefgenError(profile.problem(("look", key), f"the {what} {name!r} is outside templates/", hint))
    if not path.is_file():
        raise BriefgenError(profile.problem(("look", key), f"{what} {name!r} not found", hint))
    return path


def logo_path(ws: Workspace, profile: Profile) -> Path | None:
    """The profile's logo: inside templates/, a file that starts as a PNG or JPEG does."""
    name = profile.look.logo
    return None if name is None else _image(ws, profile, "logo", name, "logo")


def _image(ws: Workspace, profile: Profile, key: str, name: str, what: str, folder: Path | None = None) -> Path:
    path = _inside(ws, profile, key, name, _LOGO_HINT, f"{what} image", folder)
    with path.open("rb") as handle:
        head = handle.read(8)
    if not any(head.startswith(magic) for magic in IMAGE_MAGIC):
        raise BriefgenError(profile.problem(("look", key), f"{what} {name!r} is not a PNG or JPEG image",
                                            _LOGO_HINT))
    return path


def brand_theme(ws: Workspace, profile: Profile, theme: Theme) -> Theme:
    """The theme with the brand file's colours, fonts and logo where `look` does not set them itself."""
    name = profile.look.brand
    if name is None:
        return theme
    from briefgen.render.brand import read_brand

    path = _inside(ws, profile, "brand", name, _BRAND_HINT, "brand file")
    brand = read_brand(ws, path)
    explicit = profile.look.model_fields_set
    said = {"accent": brand.accent, "banner_color": brand.banner_color, "body_font": brand.body_font,
            "heading_font": brand.heading_font}
    changes: dict[str, object] = {k: v for k, v in said.items() if v is not None and k not in explicit}
    if brand.logo is not None and "logo" not in explicit:
        changes["logo"] = _image(ws, profile, "brand", brand.logo, "the brand's logo", path.parent)
    return replace(theme, **changes)  # type: ignore[arg-type]


def reference_path(ws: Workspace, profile: Profile) -> Path | None:
    """The profile's reference DOCX: inside templates/, a zip holding word/styles.xml, declared a document
    (a .dotx template or a macro-free mismatch is refused here, before any brief is written)."""
    name = profile.look.reference_docx
    if name is None:
        return None
    path = _inside(ws, profile, "reference_docx", name, _REFERENCE_HINT, "reference DOCX")

    def refuse(message: str) -> BriefgenError:
        return BriefgenError(profile.problem(("look", "reference_docx"), message, _REFERENCE_HINT))

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (OSError, zipfile.BadZipFile):
        raise refuse(f"{name}: not a DOCX file (not a zip archive)") from None
    missing = next((part for part in ("word/styles.xml", "word/document.xml") if part not in names), None)
    if missing:
        raise refuse(f"{name}: not a Word document: it has no {missing}")
    if not _declares_document(types):
        raise refuse(f"{name}: cannot open it as a document: it is not declared a Word document "
                     "(a .dotx template? save it as .docx)")
    return path


def _declares_document(types: bytes) -> bool:
    try:
        root = fromstring(types)
    except ParseError:
        return False
    return any(child.get("PartName") == "/word/document.xml" and child.get("ContentType") in _DOCUMENT_TYPES
               for child in root)
