"""Hostile input (issue 6): every mistake gets exit 1, a located message, no traceback, and nothing published
is touched. The cases are in tests/hostile_cases.py (the error catalogue test uses them too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, model, published, run, save_model
from tests.hostile_cases import CASES, LONG_WORD


@pytest.fixture(scope="module")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_is_reported_and_loses_nothing(case: str, built_template: Path, tmp_path: Path) -> None:
    ws = copy_workspace(built_template, tmp_path)
    before = published(ws)
    mutate, expected = CASES[case]
    mutate(ws)
    result = run(ws, "build")
    assert result.exit_code == 1, result.output
    assert expected in result.output, result.output
    assert "Traceback" not in result.output
    assert published(ws) == before


def test_a_stray_link_loop_in_seeds_stops_nothing(built_template: Path, tmp_path: Path) -> None:
    """A looping link no entry names is not a seed: check, build and status carry on (it was an error with
    an absolute path, in every command)."""
    ws = copy_workspace(built_template, tmp_path)
    (ws / "seeds/loop.txt").symlink_to("loop.txt")
    for command in (["check"], ["build", "-a", "executive"], ["status"], ["coverage"]):
        result = run(ws, *command)
        assert result.exit_code == 0, (command, result.output)
        assert "symbolic links" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("bad", ["../evil", "a/b", "UPPER", "", "x" * 60])
def test_audience_names_are_plain_identifiers(bad: str, workspace: Path) -> None:
    result = run(workspace, "build", "-a", bad)
    assert result.exit_code == 1
    assert "is not an audience name" in result.output
    assert not (workspace / "output").exists() or not any((workspace / "output").glob("*.pdf"))


def test_output_path_that_is_a_file(workspace: Path) -> None:
    (workspace / "taken").write_text("not a folder", encoding="utf-8")
    result = run(workspace, "build", "-o", str(workspace / "taken"))
    assert result.exit_code == 1 and "exists and is not a directory" in result.output
    assert (workspace / "taken").read_text(encoding="utf-8") == "not a folder"


def test_markup_jinja_and_scripts_in_text_print_literally(workspace: Path) -> None:
    from pypdf import PdfReader
    literal = "**b** # [^1] <b>x</b> & {{ 7*7 }} مرحبا 김정은 " + LONG_WORD[:60]
    data = model(workspace)
    data["judgments"][0]["statement"] = literal
    save_model(workspace, data)
    assert run(workspace, "build", "-a", "analyst").exit_code == 0
    text = " ".join(p.extract_text() for p in PdfReader(workspace / "output/analyst.pdf").pages)
    for token in ("**b**", "[^1]", "<b>x</b>", "{{ 7*7 }}", "김정은"):
        assert token in text
    assert "49" not in text.split("{{ 7*7 }}")[0][-5:]


