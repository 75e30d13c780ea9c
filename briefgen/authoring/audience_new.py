"""`briefgen audiences new NAME [--from AUDIENCE] [--template]`: start an audience in templates/ from an
existing one (bundled or the workspace's), so a user who installed the package never needs its source tree."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.atomic import atomic_write
from briefgen.errors import BriefgenError, Problem
from briefgen.render.audiences import check_name, profile_path
from briefgen.render.profiles import load_profile
from briefgen.render.templating import template_path
from briefgen.workspace import Workspace

_TEMPLATE_LINE = re.compile(r"(?m)^template:[^\n#]*")
# The comment lines that open a profile describe that audience ("the one-page executive brief"), not the copy;
# an editor's schema line among them is kept.
_OWN_HEADER = re.compile(r"\A(?:#(?! yaml-language-server:)[^\n]*\n)+")


def new_audience(ws: Workspace, name: str, source: str = "executive", with_template: bool = False) -> list[Path]:
    """Write templates/NAME.yaml (and with `with_template` templates/NAME.xml.j2) copied from `source`;
    returns the files written. Nothing is overwritten; a bundled audience's name makes a workspace copy that
    overrides it."""
    check_name(name)
    profile = load_profile(ws, source)  # a known, valid audience, else the usual located errors
    text = _OWN_HEADER.sub("", profile_path(ws, source).read_text(encoding="utf-8"), count=1)
    targets = [ws.templates / f"{name}.yaml"] + ([ws.templates / f"{name}.xml.j2"] if with_template else [])
    for target in targets:
        if target.exists() or target.is_symlink():
            raise BriefgenError(Problem(ws.rel(target), "already exists", hint=(
                "edit it, or choose another audience name")))
    header = f"# Audience profile `{name}`, started from `{source}` by `briefgen audiences new`: edit freely.\n"
    if with_template:
        template = template_path(ws, profile.template).read_text(encoding="utf-8")
        text = _TEMPLATE_LINE.sub(f"template: {name}.xml.j2", text, count=1)
    ws.templates.mkdir(parents=True, exist_ok=True)
    atomic_write(targets[0], (header + text).encode())
    if with_template:
        atomic_write(targets[1], template.encode())
    return targets
