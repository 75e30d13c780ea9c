"""A full disk and a read-only file system, for real (issue 13): a small tmpfs and a read-only bind mount.

Mounting needs root, which CI has: there the tests fail if they cannot mount; elsewhere they skip. Every mount
is undone in a `finally`. Each case checks the exit code, the message and hint, and that nothing published
changed."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import built_workspace, edit, fingerprint, published


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


@contextlib.contextmanager
def mounted(*steps: tuple[str, ...], point: Path) -> Iterator[Path]:
    """Run the mount commands `steps` on `point`, yield it, and unmount it whatever happens."""
    done = 0
    try:
        for step in steps:
            _mount(*step, str(point))
            done += 1
        yield point
    finally:
        if done:  # one mount; a remount changes it without stacking another
            subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True)


@pytest.fixture(scope="module")
def can_mount(tmp_path_factory: pytest.TempPathFactory) -> None:
    probe = tmp_path_factory.mktemp("probe")
    try:
        with mounted(("-t", "tmpfs", "-o", "size=1m", "tmpfs"), point=probe):
            pass
    except (OSError, subprocess.CalledProcessError) as exc:
        message = f"cannot mount a tmpfs here ({exc}): the full-disk and read-only tests need root"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("faults"))


def briefgen(ws: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), *args], cwd=ws, capture_output=True,
                          text=True, timeout=180)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of `folder` until only about `leave` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler", "wb") as handle:
        handle.truncate(0)
        remaining = max(0, free - leave)
        block = b"\0" * (1 << 20)
        while remaining > 0:
            remaining -= handle.write(block[: min(len(block), remaining)])


def test_a_disk_that_fills_during_a_build_publishes_nothing(can_mount: None, built: Path, tmp_path: Path) -> None:
    point = tmp_path / "small"
    point.mkdir()
    with mounted(("-t", "tmpfs", "-o", "size=48m", "tmpfs"), point=point):
        ws = point / "ws"
        shutil.copytree(built, ws)
        edit(ws / "seeds/summary.yaml", "bluf: ", "bluf: Reworded for the full disk. ")
        before = published(ws)
        fill(point, 400 * 1024)  # room for a brief or two, not for six
        result = briefgen(ws, "build")
        printed = result.stdout + result.stderr
        assert result.returncode == 1, printed
        assert "output: no space left on the device" in printed, printed
        assert "hint: free some disk space, then run the command again" in printed
        assert "Traceback" not in printed
        assert published(ws) == before
        assert not list((ws / "output").glob(".staging-*"))


def test_seeds_add_on_a_full_disk_adds_nothing(can_mount: None, built: Path, tmp_path: Path) -> None:
    point = tmp_path / "small"
    point.mkdir()
    with mounted(("-t", "tmpfs", "-o", "size=48m", "tmpfs"), point=point):
        ws = point / "ws"
        shutil.copytree(built, ws)
        note = tmp_path / "note.md"
        note.write_text("# A long note\n\n" + "The unit counted 14 drones on patrol. " * 8000 + "\n", encoding="utf-8")
        seeds = fingerprint(ws / "seeds")
        fill(point, 64 * 1024)
        result = briefgen(ws, "seeds", "add", str(note))
        printed = result.stdout + result.stderr
        assert result.returncode == 1, printed
        assert "no space left on the device" in printed and "hint: free some disk space" in printed, printed
        assert "seeds/sources.yaml: warning: nothing was added" in printed
        assert fingerprint(ws / "seeds") == seeds  # no copy, no temporary, catalogue as it was


def test_a_read_only_output_folder(can_mount: None, built: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(built, ws)
    out = ws / "output"
    with mounted(("--bind", str(out)), ("-o", "remount,ro,bind"), point=out):
        before = published(ws)
        quiet = briefgen(ws, "build", "--if-changed")
        assert quiet.returncode == 0 and "up to date" in quiet.stdout, quiet.stderr
        edit(ws / "seeds/summary.yaml", "bluf: ", "bluf: Reworded on a read-only output. ")
        result = briefgen(ws, "build")
        printed = result.stdout + result.stderr
        assert result.returncode == 1, printed
        assert "output: the file system is read-only" in printed, printed
        assert "hint: make it writable, or work in a writable folder (-o for the output)" in printed
        assert "Traceback" not in printed
        assert published(ws) == before


def test_init_on_a_read_only_file_system(can_mount: None, tmp_path: Path) -> None:
    point = tmp_path / "locked"
    point.mkdir()
    with mounted(("--bind", str(point)), ("-o", "remount,ro,bind"), point=point):
        result = subprocess.run([sys.executable, "-m", "briefgen", "init", str(point / "topic")], capture_output=True,
                                text=True, timeout=60)
        printed = result.stdout + result.stderr
        assert result.returncode == 1, printed
        assert f"{point / 'topic'}: the file system is read-only" in printed, printed
        assert "hint: make it writable" in printed and "Traceback" not in printed
        assert not (point / "topic").exists()
