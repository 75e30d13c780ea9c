"""Hostile workspaces for regeneration: what stands where output/ goes, what changes while a build runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, run


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("regen-hostile"))


@pytest.mark.parametrize("command", [("build",), ("build", "--if-changed"), ("issue",)])
@pytest.mark.parametrize("leads", ["outside", "nowhere"])
def test_an_output_link_leading_out_of_the_workspace_is_never_written_through(
        base: Path, tmp_path: Path, leads: str, command: tuple[str, ...]) -> None:
    ws = copy_workspace(base, tmp_path)
    elsewhere = tmp_path / "elsewhere" / "deeper"
    if leads == "outside":
        elsewhere.mkdir(parents=True)
    (ws / "output").rename(tmp_path / "kept")
    (ws / "output").symlink_to(elsewhere, target_is_directory=True)
    result = run(ws, *command)
    assert result.exit_code == 1, result.output
    assert "output: a symbolic link leading out of the workspace (or nowhere) is in the way" in result.output
    assert not (tmp_path / "elsewhere").exists() or list(elsewhere.iterdir()) == []


def test_an_output_link_to_a_folder_inside_the_workspace_is_the_output(base: Path, tmp_path: Path) -> None:
    ws = copy_workspace(base, tmp_path)
    (ws / "output").rename(ws / "briefs")
    (ws / "output").symlink_to("briefs", target_is_directory=True)
    result = run(ws, "build", "--if-changed")
    assert result.exit_code == 0, result.output
