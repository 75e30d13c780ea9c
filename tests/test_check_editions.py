"""`check`'s template trial runs each template on the edition and the changes the next build will use: a
template that fails only once there is an earlier brief to compare with (its changes section, a "supersedes"
line) failed the build after a passing check, since the trial always composed a first edition with nothing
changed. Checked against the build itself: the same error at the same line, and no error where the build
has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, model, run, save_model

ANALYST = ("-a", "analyst")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("trial"))


def _changes_block(ws: Path, body: str) -> int:
    """The workspace's analyst template with its changes section replaced by `body`; the line it is on."""
    template = ws / "templates/analyst.xml.j2"
    text = template.read_text(encoding="utf-8")
    template.write_text(f"{text}{{% block changes %}}\n{body}\n{{% endblock %}}\n", encoding="utf-8")
    return len(text.splitlines()) + 2


def _revise(ws: Path) -> None:
    data = model(ws)
    data["judgments"][0]["statement"] += " Revised."
    save_model(ws, data)


def _said(output: str, line: int) -> str:
    where = f"templates/analyst.xml.j2:{line}: template error"
    found = [text.strip() for text in output.splitlines() if where in text]
    assert found, output
    return found[0]


@pytest.mark.parametrize("issued", [True, False])
def test_a_changes_section_that_fails_fails_the_check_as_the_build(built: Path, tmp_path: Path,
                                                                    issued: bool) -> None:
    """Issued: the section speaks of the version superseded (a number added to words fails). Not issued yet:
    the changes since the last build (a change's words added to a number fails)."""
    ws = copy_workspace(built, tmp_path)
    if issued:
        assert run(ws, "issue", *ANALYST).exit_code == 0
    body = ("<h1>Since version {{ edition.supersedes + ' of ' }}</h1>" if issued
            else "<h1>What changed</h1><ul>{% for c in changes %}<li>{{ 1 + c.what }}</li>{% endfor %}</ul>")
    line = _changes_block(ws, body)
    assert run(ws, "check").exit_code == 0  # nothing changed since: the section is not printed
    _revise(ws)
    checked = run(ws, "check")
    assert checked.exit_code == 1, checked.output
    assert "audience analyst" in checked.output
    built_now = run(ws, "build", *ANALYST)
    assert built_now.exit_code == 1
    assert _said(checked.output, line) == _said(built_now.output, line)


def test_a_first_edition_is_tried_as_one(tmp_path: Path, built: Path) -> None:
    """With nothing built or issued, the changes section is empty and a template speaking of an earlier
    version is not run on one: check passes, as the first build does."""
    ws = copy_workspace(built, tmp_path)
    for name in ("briefgen.lock",):
        (ws / "output" / name).unlink()
    _changes_block(ws, "<h1>Since version {{ edition.supersedes + ' of ' }}</h1>")
    assert run(ws, "check").exit_code == 0
    assert run(ws, "build", *ANALYST).exit_code == 0
