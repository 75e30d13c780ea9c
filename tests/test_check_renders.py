"""`check` runs every audience's template on the verified model, as a build does before fitting the brief to its
pages: a template that compiles but fails when run (a sum with a value it does not expect, markup the brief
cannot read) is a `check` error at the template's line, tagged with its audience, the same words the build
prints. Before, `check` passed such a workspace and the nightly build was the first to fail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import run

BUNDLED = ROOT / "briefgen" / "templates"


def _own_executive(ws: Path, block: str) -> Path:
    """The workspace's own executive template: the bundled one with its title block replaced by `block`."""
    folder = ws / "templates"
    folder.mkdir(exist_ok=True)
    for name in ("executive.yaml", "executive.xml.j2"):
        shutil.copy(BUNDLED / name, folder / name)
    template = folder / "executive.xml.j2"
    template.write_text(template.read_text(encoding="utf-8") + "{% block title %}" + block + "{% endblock %}\n",
                        encoding="utf-8")
    return template


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize(("block", "said"), [
    ("<h1>{{ (brief.title | length) / 0 }}</h1>", "template error: division by zero"),
    ("<h1>{{ brief.title ~ (profile.max_pages + 'one') }}</h1>", "template error: a value of the wrong type"),
])
def test_a_template_that_fails_when_run_fails_the_check(workspace: Path, block: str, said: str) -> None:
    template = _own_executive(workspace, block)
    where = f"templates/executive.xml.j2:{_line_of(template, '{% block title %}')}: {said}"
    checked = run(workspace, "check")
    assert checked.exit_code == 1, checked.output
    assert "audience executive\n  " + where in checked.output, checked.output
    assert "1 error" in checked.output
    report = json.loads(run(workspace, "check", "--json").output)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert not report["ok"] and len(errors) == 1 and errors[0]["message"].startswith(said), errors
    built = run(workspace, "build")
    assert built.exit_code == 1 and where in built.output and not (workspace / "output" / "executive.pdf").exists()


def test_markup_the_brief_cannot_read_fails_the_check(workspace: Path) -> None:
    """An <h1> left open: the parser stops at a later closing tag (in the bundled base template); the error
    names that line and the template line that opened the element."""
    template = _own_executive(workspace, "<h1>{{ brief.title }}<h1>")
    checked = run(workspace, "check")
    assert checked.exit_code == 1, checked.output
    opened = f"<h1>, opened at templates/executive.xml.j2:{_line_of(template, '{% block title %}')}, is still open"
    assert "audience executive\n  " in checked.output and opened in checked.output, checked.output
    assert opened in run(workspace, "build").output


def test_a_template_that_runs_passes(workspace: Path) -> None:
    _own_executive(workspace, "<h1>{{ brief.title | upper }}</h1>")
    checked = run(workspace, "check")
    assert checked.exit_code == 0, checked.output
    assert run(workspace, "build", "-a", "executive").exit_code == 0
