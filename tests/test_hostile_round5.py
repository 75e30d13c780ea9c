"""Fault classes found by a fifth hostile-input round (tests/fuzz_round5.py generates the inputs), each run as
a user runs briefgen, as a process: the message line and its hint, exit code 1, nothing written outside the
workspace and the published briefs untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_fuzz_round import briefgen, built, refused, said, ws  # noqa: F401 - refused: for the cases below

__all__ = ["built", "ws"]  # the fixtures, shared with tests/test_fuzz_round.py


def _lines(done: object) -> list[str]:
    return [line.strip() for line in said(done).splitlines()]  # type: ignore[arg-type]


# `briefgen init` into a symbolic link to nothing said only "File exists"; into a folder whose seeds/summary.yaml,
# a template or a schema was a symbolic link to nothing, it wrote the new file through the link, wherever it
# led (outside the workspace); a file where it makes a folder said "File exists" with a generic hint.

def test_init_into_a_link_to_nothing_says_what_it_is(tmp_path: Path) -> None:
    (tmp_path / "new").symlink_to(tmp_path / "gone")
    done = briefgen(tmp_path, "init", str(tmp_path / "new"))
    assert done.returncode == 1, said(done)
    assert _lines(done)[-2:] == [f"{tmp_path / 'new'}: a symbolic link to '{tmp_path / 'gone'}', which does not exist",
                                 "hint: create the folder it points to, remove the link, or name another directory"]
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize("inside", ["seeds/summary.yaml", "seeds/sources.yaml", "templates/base.xml.j2",
                                    "templates/executive.yaml", ".briefgen/summary.schema.json"])
def test_init_never_writes_through_a_link_to_nothing(tmp_path: Path, inside: str) -> None:
    target, outside = tmp_path / "new", tmp_path / "outside"
    (target / inside).parent.mkdir(parents=True)
    (target / inside).symlink_to(outside)
    done = briefgen(tmp_path, "init", str(target))
    assert "Traceback" not in said(done) and "internal error" not in said(done)
    assert not outside.exists(), said(done)
    assert done.returncode == (1 if inside.startswith("seeds/") else 0), said(done)


@pytest.mark.parametrize("folder", ["seeds", "templates", ".briefgen"])
def test_init_refuses_a_file_or_a_link_out_in_the_way_of_its_folders(tmp_path: Path, folder: str) -> None:
    for kind in ("file", "link"):
        target, outside = tmp_path / kind, tmp_path / f"outside-{kind}"
        outside.mkdir()
        target.mkdir()
        if kind == "file":
            (target / folder).write_text("x", encoding="utf-8")
        else:
            (target / folder).symlink_to(outside)
        done = briefgen(tmp_path, "init", str(target))
        assert done.returncode == 1, said(done)
        lines = _lines(done)
        if kind == "file":
            assert lines[-2] == f"{target / folder}: a file is in the way of the folder init makes here"
        else:
            assert "a symbolic link leading out of the workspace (or nowhere)" in lines[-2], lines
        assert lines[-1].startswith("hint: ") and "File exists" not in said(done)
        assert list(outside.iterdir()) == []
