"""A Quarto brand file (`_brand.yml`, https://posit-dev.github.io/brand-yml/) as a house style: its colours,
fonts and logo, for both formats.

Read with briefgen's own YAML loader and a small pydantic schema of the parts briefgen uses, so a mistake is
reported at its file and line like any profile's; the rest of the brand file (meta, typography sizes, other
colours, defaults for other tools) is allowed and left alone. The `brand-yml` package reads the same files,
but it reports errors without their line, and brings HTML tooling and a second YAML parser with it.

What is taken: `color.primary` (the accent: headings' rules, the BLUF box, tables, marks), `color.secondary` (the
banner colour), `typography.base` and `typography.headings` (their `family`, or the family as a plain string)
and `logo` (a path, or `small`/`medium`/`large`, each a path or `{path: …}`; medium is preferred). A colour may
be `#RRGGBB`, `#RGB` or the name of an entry of `color.palette`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from briefgen.errors import BriefgenError
from briefgen.model.loader import validate
from briefgen.model.schema import FileName
from briefgen.model.yamlsrc import Key, Located, load
from briefgen.workspace import Workspace

_HEX = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
_COLOUR_HINT = "write #RRGGBB, or the name of a colour under color.palette"


class _Open(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)


class _Colours(_Open):
    palette: dict[str, str] = {}
    primary: str | None = None
    secondary: str | None = None


class _Face(_Open):
    family: str | None = None


class _Type(_Open):
    base: str | _Face | None = None
    headings: str | _Face | None = None


class _Image(_Open):
    path: FileName


class _Logos(_Open):
    small: FileName | _Image | None = None
    medium: FileName | _Image | None = None
    large: FileName | _Image | None = None


class _BrandFile(_Open):
    color: _Colours = _Colours()
    typography: _Type = _Type()
    logo: FileName | _Logos | None = None


@dataclass(frozen=True)
class Brand:
    """What a brand file says, resolved: None where it says nothing."""

    file: Path
    accent: str | None = None
    banner_color: str | None = None
    body_font: str | None = None
    heading_font: str | None = None
    logo: str | None = None  # relative to the brand file's folder


def read_brand(ws: Workspace, path: Path) -> Brand:
    located = load(path, ws.rel(path))
    data = validate(located, _BrandFile)
    colours = data.color
    return Brand(file=path, accent=_colour(located, colours, "primary"),
                 banner_color=_colour(located, colours, "secondary"),
                 body_font=_family(data.typography.base), heading_font=_family(data.typography.headings),
                 logo=_logo(data.logo))


def _colour(located: Located, colours: _Colours, role: str) -> str | None:
    value: str | None = getattr(colours, role)
    if value is None:
        return None
    where: Key = ("color", role)
    if value in colours.palette:
        value, where = colours.palette[value], ("color", "palette", value)
    if not _HEX.match(value):
        raise BriefgenError(located.problem(where, f"{value!r} is not a #RRGGBB colour or a palette name",
                                            _COLOUR_HINT))
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.upper()


def _family(face: str | _Face | None) -> str | None:
    return face if isinstance(face, str) or face is None else face.family


def _logo(logo: str | _Logos | None) -> str | None:
    if logo is None or isinstance(logo, str):
        return logo
    for size in (logo.medium, logo.small, logo.large):
        if size is not None:
            return size if isinstance(size, str) else size.path
    return None
