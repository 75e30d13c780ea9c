"""`check` checks everything a build will use from templates/: every profile, its compiled templates, logo,
reference DOCX, fonts and chart, all problems at once, each at its file and line; a build refuses the same."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import run

EXECUTIVE = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")


def _broken(ws: Path) -> None:
    templates = ws / "templates"
    (templates / "typo.yaml").write_text(EXECUTIVE + "look: {banner_colour: '#112233'}\n", encoding="utf-8")
    (templates / "nologo.yaml").write_text(EXECUTIVE + "look: {logo: gone.png}\n", encoding="utf-8")
    (templates / "mixed.yaml").write_text(
        EXECUTIVE + 'chart: {title: "Mixed", figures: [fig-arms-to-russia, fig-active-troops]}\n', encoding="utf-8")
    (templates / "broken.xml.j2").write_text('{% extends "base.xml.j2" %}\n{% block bluf %}{% if %}{% endblock %}\n',
                                             encoding="utf-8")
    (templates / "syntax.yaml").write_text(EXECUTIVE.replace("executive.xml.j2", "broken.xml.j2"), encoding="utf-8")


ADDED = len(EXECUTIVE.splitlines()) + 1  # the line each test appends to a copy of the executive profile
EXPECTED = (
    f"templates/typo.yaml:{ADDED}:8: look.banner_colour: unknown key 'banner_colour'",
    f"templates/nologo.yaml:{ADDED}:14: look.logo: logo image 'gone.png' not found",
    f"templates/mixed.yaml:{ADDED}:34: chart.figures: the charted figures do not share a unit",
    "templates/broken.xml.j2:2: template syntax error",
)


def test_check_reports_every_profile_problem_at_once(workspace: Path) -> None:
    _broken(workspace)
    result = run(workspace, "check")
    assert result.exit_code == 1
    for expected in EXPECTED:
        assert expected in result.output, (expected, result.output)
    assert "audience typo" in result.output and "audience syntax" in result.output  # grouped by audience


def test_build_refuses_them_all_before_writing(workspace: Path) -> None:
    _broken(workspace)
    result = run(workspace, "build")
    assert result.exit_code == 1
    for expected in EXPECTED:
        assert expected in result.output, (expected, result.output)
    assert not (workspace / "output").exists() or not list((workspace / "output").glob("*.pdf"))


def test_a_sound_workspace_still_passes(workspace: Path) -> None:
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert "audience" not in result.output


def test_check_reports_what_a_build_would_refuse_or_silently_ignore(workspace: Path) -> None:
    """An unknown ceiling (the build refused it, `check` passed); filters naming no item or tag and a
    profile whose name no audience can have (a brief silently emptied, a profile silently unused)."""
    templates = workspace / "templates"
    public = (ROOT / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (templates / "public.yaml").write_text(public.replace("ceiling: lowest", "ceiling: tlp:clear") + (
        "filters: {tags: [drone], include: [kj-nope], exclude: [fig-nope]}\n"), encoding="utf-8")
    (templates / "Board.yaml").write_text(EXECUTIVE, encoding="utf-8")
    result = run(workspace, "check", "--no-cache")
    assert result.exit_code == 1
    line = len(public.splitlines()) + 1
    for expected in ("templates/public.yaml:10:10: ceiling: unknown marking 'tlp:clear'",
                     f"templates/public.yaml:{line}:18: warning: filters.tags[0]: no item carries the tag 'drone'",
                     "did you mean 'drones'?",
                     f"templates/public.yaml:{line}:36: warning: filters.include[0]: no item 'kj-nope'",
                     f"templates/public.yaml:{line}:56: warning: filters.exclude[0]: no item 'fig-nope'",
                     "templates/Board.yaml: warning: not an audience"):
        assert expected in result.output, (expected, result.output)
    build = run(workspace, "build")
    assert build.exit_code == 1 and "ceiling: unknown marking 'tlp:clear'" in build.output
