"""Which audiences a workspace has, and where each profile lives: no model or schema imports here, so the
commands' fast paths (`build --if-changed`, `status`) can list audiences without loading pydantic."""

from __future__ import annotations

import os
import re
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.safeio import LINK_HINT, inside
from briefgen.templates import FOLDER as BUNDLED
from briefgen.workspace import Workspace

AUDIENCE_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
# Names Windows keeps for devices, with any extension: output/con.pdf could never be written or copied there
_DEVICE_NAMES = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$")
NAME_HINT = ("audience names are lower-case letters, digits, '-' or '_', and not con, prn, aux, nul, com0-9 or "
             "lpt0-9 (Windows keeps those for devices)")


def is_audience_name(name: str) -> bool:
    """Whether `name` may name an audience, its profile and its briefs (output/<name>.pdf) on every system."""
    return bool(AUDIENCE_NAME.match(name)) and not _DEVICE_NAMES.match(name)


def audience_names(ws: Workspace) -> list[str]:
    """Workspace profiles first (they override), then the bundled defaults."""
    names = {p.stem for p in ws.templates.glob("*.yaml")} | {
        p.stem for p in BUNDLED.glob("*.yaml")}
    return sorted(n for n in names if is_audience_name(n))


def check_name(name: str) -> None:
    if not is_audience_name(name):
        lower = name.lower()  # `-a Board`, `audiences new Partners`: the name in capitals
        hint = f"audience names are lower-case: did you mean {lower!r}?" if is_audience_name(lower) else NAME_HINT
        raise BriefgenError(Problem("briefgen", f"{name!r} is not an audience name", hint=hint))


def profile_path(ws: Workspace, name: str) -> Path:
    check_name(name)
    local = ws.templates / f"{name}.yaml"
    if os.path.lexists(local):
        if not inside(ws.templates, local):
            raise BriefgenError(Problem(ws.rel(local), f"templates/{local.name} is a symbolic link that leaves "
                                        "templates/", hint=LINK_HINT))
        return local
    bundled = BUNDLED / f"{name}.yaml"
    if bundled.exists():
        return bundled
    known = ", ".join(audience_names(ws)) or "none"
    raise BriefgenError(Problem("briefgen", f"no audience {name!r}", hint=f"known audiences: {known}"))


