"""A Quarto brand file (`_brand.yml`, https://posit-dev.github.io/brand-yml/) as a house style: its colours,
fonts and logo, for both formats.

Read with briefgen's own YAML loader and a small pydantic schema of the parts briefgen uses, so a mistake is
reported at its file and line like any profile's; the rest of the brand file (meta, typography sizes, other
colours, defaults for other tools) is allowed and left alone. The `brand-yml` package reads the same files,
but it reports errors without their line, and brings HTML tooling and a second YAML parser with it.

What is taken: `color.primary` (the accent: headings' rules, the BLUF box, tables, marks), `color.secondary` (the
banner colour), `typography.base` and `typography.headings` (their `family`, or the family as a plain string)
and `logo` (a path, or `small`/`medium`/`large`, each a path or `{path: …}`; medium is preferred). A colour may
be any CSS colour (`#RRGGBB`, `#RGB`, a name such as `navy`, `rgb()`, `hsl()`) or the name of an entry of
`color.palette` (itself any of those).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import ImageColor
from pydantic import BaseModel, ConfigDict, Field

from briefgen.document.nodes import LOGO_HINT
from briefgen.errors import BriefgenError
from briefgen.model.fields import FileName
from briefgen.model.loader import validate
from briefgen.model.yamlsrc import Key, Located, load
from briefgen.sources.assets import AssetError, check_logo
from briefgen.workspace import Workspace

_COLOUR_HINT = ("write #RRGGBB, a CSS colour name (navy), rgb(r, g, b) or hsl(h, s%, l%), opaque (no rgba or "
                "hsla: a brief's colours are solid), or the name of a colour under color.palette")
_BRAND_LOGO_HINT = ("make the brand file's logo a PNG or JPEG file inside templates/ (a path from the brand "
                    "file's folder)")


class _Open(BaseModel):
    """A part of the brand file: the keys briefgen takes, typed, and the other keys the brand.yml specification
    defines, accepted and left alone (`Any`); any other key is a mistake, reported with the near name
    (`colour` for `color`, `primay` for `primary`), where an ignored typo would leave the brief unbranded."""

    model_config = ConfigDict(extra="forbid", strict=True)


class _Colours(_Open):
    palette: dict[str, str] = {}
    primary: str | None = None
    secondary: str | None = None
    foreground: Any = None
    background: Any = None
    tertiary: Any = None
    success: Any = None
    info: Any = None
    warning: Any = None
    danger: Any = None
    light: Any = None
    dark: Any = None


class _Face(_Open):
    family: str | None = None
    weight: Any = None
    size: Any = None
    style: Any = None
    color: Any = None
    line_height: Any = Field(None, alias="line-height")
    background_color: Any = Field(None, alias="background-color")
    decoration: Any = None


class _Type(_Open):
    base: str | _Face | None = None
    headings: str | _Face | None = None
    fonts: Any = None
    monospace: Any = None
    monospace_inline: Any = Field(None, alias="monospace-inline")
    monospace_block: Any = Field(None, alias="monospace-block")
    link: Any = None


class _Image(_Open):
    path: FileName
    alt: Any = None


class _Logos(_Open):
    small: FileName | _Image | None = None
    medium: FileName | _Image | None = None
    large: FileName | _Image | None = None
    images: Any = None


class _BrandFile(_Open):
    color: _Colours = _Colours()
    typography: _Type = Field(default_factory=lambda: _Type.model_validate({}))
    logo: FileName | _Logos | None = None
    meta: Any = None
    defaults: Any = None


@dataclass(frozen=True)
class Brand:
    """What a brand file says, resolved: None where it says nothing."""

    file: Path
    accent: str | None = None
    banner_color: str | None = None
    body_font: str | None = None
    heading_font: str | None = None
    logo: Path | None = None  # checked: a whole PNG or JPEG inside templates/


def read_brand(ws: Workspace, path: Path, with_logo: bool = True) -> Brand:
    """The brand file at `path`; `with_logo`: its logo is read and checked too (a profile that sets its own
    look.logo does not use it)."""
    located = load(path, ws.rel(path))
    data = validate(located, _BrandFile)
    colours = data.color
    return Brand(file=path, accent=_colour(located, colours, "primary"),
                 banner_color=_colour(located, colours, "secondary"),
                 body_font=_family(data.typography.base), heading_font=_family(data.typography.headings),
                 logo=_checked_logo(ws, located, path, data.logo) if with_logo else None)


def _checked_logo(ws: Workspace, located: Located, path: Path, logo: str | _Logos | None) -> Path | None:
    """The logo the brand file names, checked as a profile's look.logo is; a problem is reported at its line
    in the brand file."""
    chosen = _logo(logo)
    if chosen is None:
        return None
    written, where = chosen
    name = written if os.path.isabs(written) else os.path.relpath(path.parent / written, ws.templates)
    try:
        return check_logo(ws.templates, name)
    except AssetError as exc:  # the logo named as the brand file writes it
        raise BriefgenError(located.problem(where, exc.message.replace(repr(name), repr(written)),
                                            exc.hint.replace(LOGO_HINT, _BRAND_LOGO_HINT))) from None


def _colour(located: Located, colours: _Colours, role: str) -> str | None:
    value: str | None = getattr(colours, role)
    if value is None:
        return None
    where: Key = ("color", role)
    if value in colours.palette:
        value, where = colours.palette[value], ("color", "palette", value)
    try:
        red, green, blue, *_ = ImageColor.getrgb(value.strip())  # CSS's: #RGB, #RRGGBB, names, rgb(), hsl()
    except ValueError:
        raise BriefgenError(located.problem(where, f"{value!r} is not a colour or a palette name",
                                            _COLOUR_HINT)) from None
    return f"#{red:02X}{green:02X}{blue:02X}"


def _family(face: str | _Face | None) -> str | None:
    return face if isinstance(face, str) or face is None else face.family


def _logo(logo: str | _Logos | None) -> tuple[str, Key] | None:
    """The logo's path as the brand file writes it, and its key: a path, or medium, small, large in that order
    of preference, each a path or {path: …}."""
    if logo is None or isinstance(logo, str):
        return None if logo is None else (logo, ("logo",))
    for size in ("medium", "small", "large"):
        named: str | _Image | None = getattr(logo, size)
        if isinstance(named, str):
            return named, ("logo", size)
        if named is not None:
            return named.path, ("logo", size, "path")
    return None
