"""Fault classes found by a sixth hostile-input round (tests/fuzz_round6.py generates the inputs), each run as a
user runs briefgen, as a process: the message line and its hint, exit code 1, nothing read or written outside
the workspace and the published briefs untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import wait_for_output
from tests.test_fuzz_round import built, ws

__all__ = ["built", "ws"]  # the fixtures, shared with tests/test_fuzz_round.py


def _watched_inodes(pid: int) -> set[int]:
    """The inodes the process's inotify instances watch, as the kernel lists them (/proc/PID/fdinfo)."""
    found = set()
    for info in Path(f"/proc/{pid}/fdinfo").iterdir():
        for line in info.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("inotify wd:"):
                field = next(part for part in line.split() if part.startswith("ino:"))
                found.add(int(field[4:], 16))
    return found


# `briefgen watch` watched seeds/ and templates/ recursively, and the watcher follows symbolic links: a link in
# seeds/ to a folder elsewhere had it list and watch that folder and all below it (a link to / the whole
# system, stopping at the first folder it could not list: "Permission denied (os error 13) about
# [".../seeds/rootlink/proc/1/task/1/fdinfo"]", exit 1), and rebuild on changes there.

def test_watch_never_follows_a_link_out_of_the_workspace(ws: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "deeper").mkdir(parents=True)
    (ws / "seeds/sub").mkdir()
    (ws / "seeds/linked").symlink_to(elsewhere)
    (ws / "seeds/sub/linked").symlink_to(elsewhere / "deeper")
    (ws / "templates/linked").symlink_to(elsewhere)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), "watch", "-a", "executive"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        said = wait_for_output(proc, "watch: watching", 90)
        watched = _watched_inodes(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "Traceback" not in said and "internal error" not in said, said
    assert {os.stat(ws / "seeds").st_ino, os.stat(ws / "seeds/sub").st_ino} <= watched  # the oracle sees watches
    assert not {os.stat(elsewhere).st_ino, os.stat(elsewhere / "deeper").st_ino} & watched
