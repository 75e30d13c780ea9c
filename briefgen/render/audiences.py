"""Which audiences a workspace has, and where each profile lives: no model or schema imports here, so the
commands' fast paths (`build --if-changed`, `status`) can list audiences without loading pydantic."""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.safeio import LINK_HINT, inside
from briefgen.workspace import Workspace

AUDIENCE_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


def audience_names(ws: Workspace) -> list[str]:
    """Workspace profiles first (they override), then the bundled defaults."""
    names = {p.stem for p in ws.templates.glob("*.yaml")} | {
        Path(p.name).stem for p in resources.files("briefgen.templates").iterdir() if p.name.endswith(".yaml")}
    return sorted(n for n in names if AUDIENCE_NAME.match(n))


def check_name(name: str) -> None:
    if not AUDIENCE_NAME.match(name):
        raise BriefgenError(Problem("briefgen", f"{name!r} is not an audience name",
                                    hint="audience names are lower-case letters, digits, '-' or '_'"))


def profile_path(ws: Workspace, name: str) -> Path:
    check_name(name)
    local = ws.templates / f"{name}.yaml"
    if os.path.lexists(local):
        if not inside(ws.templates, local):
            raise BriefgenError(Problem(ws.rel(local), f"templates/{local.name} is a symbolic link that leaves "
                                        "templates/", hint=LINK_HINT))
        return local
    bundled = Path(str(resources.files("briefgen.templates").joinpath(f"{name}.yaml")))
    if bundled.exists():
        return bundled
    known = ", ".join(audience_names(ws)) or "none"
    raise BriefgenError(Problem("briefgen", f"no audience {name!r}", hint=f"known audiences: {known}"))


