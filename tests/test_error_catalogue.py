"""The README's error catalogue matches what briefgen prints: each documented example is provoked for real.

Each row of the table under "## Error catalogue" names a class of user error, its exit code, the example
message and (optionally) its hint. Every row must have a scenario here and every scenario a row; the scenario
runs on a built copy of the workspace and the documented lines must appear verbatim in the output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

import pytest
from filelock import FileLock

from tests.conftest import ROOT
from tests.helpers import SEED_002, built_workspace, copy_workspace, drop_lines_containing, published
from tests.test_hostile import CASES

Scenario = tuple[Callable[[Path], None], tuple[str, ...]]


def _hostile(case: str) -> Scenario:
    return CASES[case][0], ("build",)


def _nothing(ws: Path) -> None:
    return None


def _model_edited(ws: Path) -> None:
    with (ws / "seeds/summary.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# an edit after the build\n")


def _new_audience(ws: Path) -> None:
    (ws / "templates/board.yaml").write_text((ws / "templates/executive.yaml").read_text(encoding="utf-8"),
                                             encoding="utf-8")


def _output_taken(ws: Path) -> None:
    (ws / "elsewhere").write_text("a file, not a folder", encoding="utf-8")


SCENARIOS: dict[str, Scenario] = {
    "YAML syntax": (lambda ws: (ws / "seeds/summary.yaml").write_text("brief: [unclosed\n", encoding="utf-8"),
                    ("check",)),
    "tab indentation": _hostile("tab indent"),
    "anchors and aliases": _hostile("alias bomb"),
    "duplicate key": _hostile("duplicate key"),
    "unknown or misspelt key": _hostile("misspelt key"),
    "wrong type or value": _hostile("bad confidence"),
    "impossible date": _hostile("impossible date"),
    "duplicate id": _hostile("duplicate id"),
    "unknown source": _hostile("unknown source"),
    "passage not in its seed": (lambda ws: drop_lines_containing(ws / SEED_002, "$457 million"), ("build",)),
    "seed file missing": _hostile("missing seed"),
    "seed not UTF-8 text": _hostile("non-utf8 seed"),
    "seed too large": _hostile("huge seed"),
    "seed outside seeds/": _hostile("escaping seed path"),
    "link scheme": _hostile("ftp link"),
    "profile key": _hostile("profile unknown key"),
    "profile template missing": _hostile("profile missing template"),
    "template syntax": _hostile("template syntax error"),
    "template escapes its sandbox": _hostile("template reaches internals"),
    "brief cannot fit": _hostile("model too large for one page"),
    "unknown audience": (_nothing, ("build", "-a", "board")),
    "audience name": (_nothing, ("build", "-a", "../evil")),
    "output is a file": (_output_taken, ("build", "-o", "elsewhere")),
    "unknown option": (_nothing, ("build", "--fast")),
    "another build running": (_nothing, ("build",)),  # run while this test holds the lock (see below)
    "another seeds add running": (_nothing, ("seeds", "add", "notes.md")),  # likewise
    "another issue running": (_nothing, ("issue",)),  # likewise
    "issue after an edit": (_model_edited, ("issue", "-a", "analyst")),
    "no such issued version": (_nothing, ("diff", "-a", "analyst", "--since", "9")),
    "issue before a build": (_new_audience, ("issue", "-a", "board")),
    "no such build": (_nothing, ("diff", "--since", "build99")),
}
HELD = {"another build running": ".build.lock", "another seeds add running": ".seeds.lock",
        "another issue running": ".issue.lock"}


def _catalogue() -> dict[str, tuple[int, str, str]]:
    """README rows: class -> (exit code, example message, hint)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Error catalogue", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].isdigit():
            rows[cells[0]] = (int(cells[1]), _unquote(cells[2]), _unquote(cells[3]))
    return rows


def _unquote(cell: str) -> str:
    return re.sub(r"^`+ ?| ?`+$", "", cell).replace("\\|", "|")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("catalogue"))


def test_every_documented_error_has_a_scenario_and_back() -> None:
    assert set(_catalogue()) == set(SCENARIOS)


@pytest.mark.parametrize("kind", sorted(SCENARIOS))
def test_documented_message_is_what_briefgen_prints(kind: str, built: Path, tmp_path: Path) -> None:
    code, message, hint = _catalogue()[kind]
    ws = copy_workspace(built, tmp_path)
    before = published(ws)
    mutate, args = SCENARIOS[kind]
    mutate(ws)
    # the real entry point, as a user or a scheduler runs it; two scenarios meet a lock held here
    env = {**os.environ, "BRIEFGEN_LOCK_SECONDS": "0.5"}
    with FileLock(str(ws / "output" / HELD[kind])) if kind in HELD else nullcontext():
        result = subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=ws, capture_output=True, text=True,
                                timeout=120, env=env)
    printed = result.stdout + result.stderr
    lines = [line.strip() for line in printed.splitlines()]
    assert result.returncode == code, printed
    assert message in lines, printed
    assert not hint or f"hint: {hint}" in lines, printed
    assert "Traceback" not in printed
    assert published(ws) == before
