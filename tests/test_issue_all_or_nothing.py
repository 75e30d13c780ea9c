"""`briefgen issue` is all or nothing against a real full disk (finding: the re-stamped briefs stayed published
when copying them into issued/ ran out of space, while the record of issued versions was rolled back).

The output folder is a small tmpfs holding a finished build; `issue` runs with the space left stepped from
less than one brief to more than two: at every size, either version 1 is recorded, copied whole and stamped on
the published briefs, or output/ is exactly as before (down to the mtimes) and the next `issue` with room
enough issues version 1. Needs root (to mount); skipped elsewhere."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import built_workspace, fingerprint, run

ANALYST = ("issue", "-a", "analyst")


@contextlib.contextmanager
def small_disk(mount: Path) -> Iterator[None]:
    """A tmpfs mounted on the empty folder `mount` for the block (skipping the test where none can be)."""
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True,
                          check=False)
    if os.geteuid() != 0 or made.returncode != 0:
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _resize(mount: Path, kib: int) -> bool:
    return subprocess.run(["mount", "-o", f"remount,size={kib}k", str(mount)], capture_output=True,
                          check=False).returncode == 0


def _used_kib(mount: Path) -> int:
    info = os.statvfs(mount)
    return (info.f_blocks - info.f_bfree) * info.f_frsize // 1024


def _published(out: Path) -> dict[str, tuple[str, int]]:
    return {k: v for k, v in fingerprint(out).items() if not k.startswith((".cache/", ".build.lock", ".issue.lock"))}


def test_issue_on_a_full_disk_changes_nothing_or_issues_everything(tmp_path: Path) -> None:
    ws = built_workspace(tmp_path)
    built, out = tmp_path / "built", ws / "output"
    shutil.move(out, built)
    out.mkdir()
    brief_kib = sum((built / f"analyst.{fmt}").stat().st_size for fmt in ("docx", "pdf")) // 1024
    outcomes = []
    with small_disk(out):
        for extra in range(brief_kib, 3 * brief_kib + 1, max(8, brief_kib // 6)):
            outcomes.append(_issue_with_room(ws, built, extra))
    assert "refused" in outcomes and "issued" in outcomes, outcomes


def _issue_with_room(ws: Path, built: Path, extra: int) -> str:
    """Issue the build copied from `built` with `extra` KiB left on output/'s disk; refused, it must change
    nothing, and issue everything once there is room."""
    out = ws / "output"
    for entry in out.iterdir():
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    assert _resize(out, 4096)
    shutil.copytree(built, out, dirs_exist_ok=True)
    assert _resize(out, _used_kib(out) + extra)
    before = _published(out)
    result = run(ws, *ANALYST)
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        _assert_issued(out)
        return "issued"
    assert result.exit_code == 1, result.output
    assert "no space left on the device" in result.output, result.output
    assert _published(out) == before, f"a failed issue changed output/ ({extra} KiB left)"
    assert not list(out.glob(".staging-*"))
    assert _resize(out, 4096)
    again = run(ws, *ANALYST)
    assert again.exit_code == 0, again.output
    _assert_issued(out)
    return "refused"


def _assert_issued(out: Path) -> None:
    """Version 1 recorded with the digests of its files, its copies whole, the published briefs stamped."""
    record = json.loads((out / "issued/issued.json").read_text(encoding="utf-8"))
    [entry] = record["audiences"]["analyst"]
    assert entry["version"] == 1
    folder = out / "issued/analyst-v1"
    assert sorted(p.name for p in folder.iterdir()) == ["analyst.docx", "analyst.pdf"]
    for name, digest in entry["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
        assert (out / name).read_bytes() == (folder / name).read_bytes()
    text = "".join(page.extract_text() for page in PdfReader(out / "analyst.pdf").pages)
    assert "Version 1, issued" in text
