"""A profile's own fonts as the theme's FontSet: the files `look.fonts` names, and files in templates/ for a
font the house style (reference DOCX or brand file) names, found by the family name in the file itself.

Every file is checked as sources/fontfile.py checks it, and every problem is reported at once, each at its key
in the profile (`look.fonts.arabic`, `look.fonts.body.bold`). A font the house style names that no file
supplies keeps its bundled substitute, which `check` reports (document/house.py).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path

from briefgen.document.house import METRIC_TWINS
from briefgen.document.layout import STYLES
from briefgen.document.nodes import Theme
from briefgen.document.scriptfonts import CLASS_OF
from briefgen.document.typefaces import SCRIPT_FACES, Face, FontSet
from briefgen.errors import BriefgenError, Problem
from briefgen.render.profiles import FontFiles, Profile
from briefgen.sources.assets import AssetError
from briefgen.sources.fontfile import FontFile, check_font, fonts_in
from briefgen.workspace import Workspace

_STYLE_KEYS = ("regular", "bold", "italic", "bold_italic")


def with_fonts(ws: Workspace, profile: Profile, theme: Theme) -> Theme:
    """The theme with the profile's own faces: `look.fonts` first (its body and heading faces become the
    theme's body and heading fonts), then files in templates/ for the fonts the house style names."""
    problems: list[Problem] = []
    faces: dict[str, Face] = {}
    for slot, spec in profile.look.fonts:
        if spec is not None:
            face = _face(ws, profile, slot, spec, problems)
            if face is not None:
                faces[slot] = face
    if problems:
        raise BriefgenError(problems)
    changes = {f"{role}_font": faces[role].docx_name for role in ("body", "heading") if role in faces}
    theme = replace(theme, **changes)  # type: ignore[arg-type]
    named = [faces[role] for role in ("body", "heading") if role in faces]
    scripts = tuple((script, faces[script]) for script in SCRIPT_FACES if script in faces)
    wanted = [name for name in named_fonts(theme) if name not in METRIC_TWINS
              and not any(name.casefold() == face.docx_name.casefold() for face in named)]
    if wanted:
        named += _found(ws, wanted)
    words = theme.house.style("normal").scripts if theme.house is not None else ()
    scripts += _script_files(ws, words, {script for script, _ in scripts})
    if not named and not scripts and not words:
        return theme
    return replace(theme, fonts=FontSet(tuple(named), scripts, words))


def _script_files(ws: Workspace, words: tuple[tuple[str, str], ...], taken: set[str]) -> tuple[tuple[str, Face], ...]:
    """The faces in templates/ of the fonts a house style sets scripts' text in, by script class (the first
    tag's of a class: Japanese before Chinese), for the classes `look.fonts` gives no face of its own."""
    if not words or not fonts_in(ws.templates):
        return ()
    faces = {face.docx_name.casefold(): face for face in _found(ws, list(dict.fromkeys(name for _, name in words)))}
    found: dict[str, Face] = {}
    for tag, name in words:
        script = CLASS_OF.get(tag, "")
        if script in SCRIPT_FACES and script not in taken and name.casefold() in faces:
            found.setdefault(script, faces[name.casefold()])
    return tuple(found.items())


def named_fonts(theme: Theme) -> list[str]:
    """Every font name the theme's text is set in: body, heading, each house style and letterhead line."""
    used: list[str | None] = [theme.body_font, theme.heading_font]
    house = theme.house
    if house is not None:
        used += [house.style(spec.word_name).font for spec in STYLES.values()]
        used += [line.font for header, footer in house.variants.values() for line in (*header, *footer)]
    return list(dict.fromkeys(f for f in used if f))


def _face(ws: Workspace, profile: Profile, slot: str, spec: FontFiles,
          problems: list[Problem]) -> Face | None:
    """The face one `look.fonts` key names, or None with its problems added (every file is checked)."""
    names = {"regular": spec} if isinstance(spec, str) else {
        key: value for key, value in spec.model_dump().items() if value is not None}
    files: dict[str, FontFile] = {}
    for key, name in names.items():
        where = ("look", "fonts", slot) if isinstance(spec, str) else ("look", "fonts", slot, key)
        try:
            files[key] = check_font(ws.templates, name)
        except AssetError as exc:
            problems.append(profile.problem(where, exc.message, exc.hint))
    if len(files) != len(names):
        return None
    return _as_face(ws.templates, files)


def _as_face(templates: Path, files: dict[str, FontFile]) -> Face:
    """A face from checked files by style (bold italic without a file of its own is drawn from the bold file,
    any other style from the regular one); its family
    key is unique to the files' contents, so different files of one family name never share a registered
    font, in one process building several workspaces or audiences."""
    regular = files["regular"]
    digest = hashlib.sha256(" ".join(f"{k}:{files[k].digest}" for k in sorted(files)).encode()).hexdigest()[:10]
    key = f"{re.sub(r'[^A-Za-z0-9]', '', regular.family) or 'Font'}-{digest}"
    fallback = {"bold": ("bold",), "italic": ("italic",), "bold_italic": ("bold_italic", "bold", "italic")}
    chosen = {style: next((files[k] for k in fallback.get(style, ()) if k in files), regular)
              for style in _STYLE_KEYS}
    name = {style: os.path.relpath(chosen[style].path, templates) for style in _STYLE_KEYS}
    return Face(key, regular.family, name["regular"], name["bold"], name["italic"], name["bold_italic"],
                folder=templates)


def _found(ws: Workspace, wanted: list[str]) -> list[Face]:
    """Faces for the wanted family names from the font files in templates/ (read by their name tables)."""
    families: dict[str, list[FontFile]] = {}
    for name in fonts_in(ws.templates):
        try:
            found = check_font(ws.templates, name)
        except AssetError:
            continue  # not named by the profile: a file we cannot use is left alone
        families.setdefault(found.family.casefold(), []).append(found)
    faces = []
    for name in wanted:
        files = families.get(name.casefold())
        if files:
            faces.append(_as_face(ws.templates, _by_style(files)))
    return faces


def _by_style(files: list[FontFile]) -> dict[str, FontFile]:
    """The files of one family by style: regular, bold, italic, bold italic (the first of each)."""
    out: dict[str, FontFile] = {}
    for file in files:
        style = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
                 (True, True): "bold_italic"}[(file.bold, file.italic)]
        out.setdefault(style, file)
    out.setdefault("regular", files[0])
    return out


