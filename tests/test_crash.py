"""Crash safety (issue 6): a build killed with SIGKILL at any moment leaves every published brief, every
history file and the lock complete and readable; the next build cleans up after it and succeeds.

Each round changes the BLUF (shown by every audience) to carry a new marker word, so that the build must
rewrite all six briefs, starts `briefgen build` as a real process and kills it: in some rounds after a
random delay spread over a build's measured duration, in others the moment its n-th temporary file appears
in output/, so the kill lands in the middle of writing. The random generator is seeded: a failure
reproduces with the same delays."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import build_as_a_process, set_marker
from tests.validate import OUR_TEMP, brief_text, briefs, history_files, our_temps, sha256, validate_output

SEED = 20250919
ROUNDS = 12  # about 1.5 s each on two busy cores


def _start(ws: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), "build"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when_temp_appears(proc: subprocess.Popen[bytes], out: Path, nth: int, limit: float) -> None:
    """Poll output/ and kill `proc` as soon as the nth distinct temporary file of ours shows up."""
    seen: set[str] = set()
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        with os.scandir(out) as entries:
            seen.update(e.name for e in entries if OUR_TEMP.fullmatch(e.name))
        seen.update(_staged(out))  # briefs are written there, then published
        if len(seen) >= nth:
            break
        time.sleep(0.0005)
    proc.send_signal(signal.SIGKILL)


def _staged(out: Path) -> list[str]:
    """The names in the staging folders now: a folder the build publishes and removes while it is read is
    simply gone."""
    names: list[str] = []
    for folder in out.glob(".staging-*"):
        with contextlib.suppress(FileNotFoundError, NotADirectoryError), os.scandir(folder) as entries:
            names.extend(e.name for e in entries)
    return names


def _check_consistent(out: Path, lock: dict[str, object], pending: list[str]) -> None:
    """Each brief is the one the lock records, or a new one carrying a marker written since the lock."""
    audiences: dict[str, dict[str, dict[str, str]]] = lock["audiences"]  # type: ignore[assignment]
    for path in briefs(out):
        if sha256(path) == audiences[path.stem]["outputs"][path.suffix[1:]]:
            continue
        text = brief_text(path)
        assert any(marker in text for marker in pending), f"{path.name} is neither the locked brief nor new"


def test_sigkill_at_random_moments_leaves_complete_briefs(workspace: Path) -> None:
    rng = random.Random(SEED)
    out = workspace / "output"
    first = build_as_a_process(workspace)
    set_marker(workspace, 0)
    duration = build_as_a_process(workspace)  # a full rebuild of all six briefs, the span the random kills cover
    proven: set[str] = set()
    published = {sha256(p) for p in briefs(out)}
    last_build, pending = validate_output(out, proven)["build"], []
    mid_write = finished = 0
    started = time.monotonic()
    for n in range(1, ROUNDS + 1):
        pending.append(set_marker(workspace, n))
        stale = set(our_temps(out))  # left by an earlier round; the next build to take the lock removes them
        proc = _start(workspace)
        if n % 2:  # a random moment of a build's life (a little past its end, too: the kill may come late)
            time.sleep(rng.uniform(0, 1.2 * duration))
            proc.send_signal(signal.SIGKILL)
        else:  # the moment the build is writing its nth file (6 briefs, then the lock)
            _kill_when_temp_appears(proc, out, rng.randint(1, 7), duration * 3)
        _, stderr = proc.communicate(timeout=60)
        assert b"Traceback" not in stderr
        mid_write += bool(set(our_temps(out)) - stale)
        lock = validate_output(out, proven)
        if lock["build"] > last_build:  # the build finished before the kill: the lock records everything
            last_build, pending, finished = lock["build"], [], finished + 1
        _check_consistent(out, lock, pending)
        published |= {sha256(p) for p in briefs(out)}
    rounds_took = time.monotonic() - started

    assert mid_write >= 1, "no kill landed mid-write: the test did not exercise what it claims"
    final = build_as_a_process(workspace)
    assert our_temps(out) == []
    assert not [p for p in out.rglob("*.tmp") if ".cache" not in p.parts]
    lock = validate_output(out, proven)
    _check_consistent(out, lock, [])
    for path in briefs(out):
        assert f"Zqmark{ROUNDS:02d}" in brief_text(path)
    kept = {sha256(p) for p in briefs(out) + history_files(out)}
    assert published <= kept, "a brief that was published at some point was lost"
    print(f"\ncrash test: {ROUNDS} kills, {mid_write} landed mid-write, {finished} after the build had finished; "
          f"first build {first:.2f} s, "
          f"full rebuild {duration:.2f} s, kill rounds {rounds_took:.1f} s, final build {final:.2f} s")


def test_build_removes_only_our_stale_temporaries(workspace: Path) -> None:
    out = workspace / "output"
    build_as_a_process(workspace)
    kept = out / "history"  # the newest folder briefgen made there (only folders of its naming are looked into)
    newest = sorted(kept.iterdir())[-1] if kept.is_dir() else kept / "20250101T000000Z-build00001"
    newest.mkdir(parents=True, exist_ok=True)
    ours = [out / ".executive.pdf.k2x_9q0a.tmp", out / ".briefgen.lock.abcdefgh.tmp",
            newest / ".public.docx.zz01_abc.tmp"]
    others = [out / ".notes.tmp", out / "executive.pdf.tmp", out / ".executive.pdf.ABCDEFGH.tmp", out / "draft.tmp",
              out / ".cache" / ".check.json.abcdefgh.tmp", newest / "keep.txt"]
    for path in ours + others:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half a brief")
    (out / ".dir.abcdefgh.tmp").mkdir()  # a folder with our pattern is not a file we wrote
    # `check` writes the cache without the lock: only a temporary an hour old there is surely abandoned
    old_cache_temp = out / ".cache" / ".yaml-ab12.marshal.q1w2e3r4.tmp"
    old_cache_temp.write_bytes(b"half an entry")
    os.utime(old_cache_temp, (time.time() - 7200, time.time() - 7200))
    ours.append(old_cache_temp)
    build_as_a_process(workspace)
    assert [p for p in ours if p.exists()] == []
    assert [p for p in others if not p.exists()] == []
    assert (out / ".dir.abcdefgh.tmp").is_dir()


def test_history_folder_is_never_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build killed after keeping its briefs has the same build number as the next one (the lock never
    recorded it) and, within the same second, the same folder name: the next build must take another."""
    import datetime as dt

    from briefgen.atomic import atomic_write
    from briefgen.regen import history

    frozen = dt.datetime(2025, 9, 19, 12, 0, 0, tzinfo=dt.UTC)
    clock = type("Frozen", (dt.datetime,), {"now": staticmethod(lambda tz: frozen)})
    monkeypatch.setattr(history.dt, "datetime", clock)
    brief = tmp_path / "executive.pdf"
    atomic_write(brief, b"brief 1")
    killed = history.history_folder(tmp_path, 3)
    assert history.preserve(brief, killed) == killed / "executive.pdf"
    atomic_write(brief, b"brief 2")  # the killed build's new brief, published (renamed over) before the kill
    again = history.history_folder(tmp_path, 3)
    assert again != killed and again.name.startswith(killed.name)
    history.preserve(brief, again)
    assert (killed / "executive.pdf").read_bytes() == b"brief 1"
    assert (again / "executive.pdf").read_bytes() == b"brief 2"
    assert history.preserve(brief, killed) == killed / "executive.pdf"  # never overwritten
    assert (killed / "executive.pdf").read_bytes() == b"brief 1"


def test_a_rename_that_fails_at_any_step_of_publishing_publishes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every check passed and every file is staged, then the k-th rename into output/ fails (an I/O error
    the pre-checks cannot foresee), for every k: each file renamed before it is put back, so output/ (briefs,
    build record, .builds/, history) is exactly as before, down to the mtimes; with no failure the build
    publishes everything."""
    from tests.helpers import built_workspace, published, run

    ws = built_workspace(tmp_path)
    set_marker(ws, 1)
    real = os.replace
    renames: list[str] = []
    fail_at = [0]

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        publishing = ".staging-" in str(src) and ".staging-" not in str(dst)
        if publishing and not fail_at[0] < 0:
            renames.append(str(dst))
            if len(renames) == fail_at[0]:
                fail_at[0] = -1  # once: the rollback's own renames go through
                raise OSError(5, "Input/output error", str(src), None, str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    before, k = published(ws), 0
    while True:
        k += 1
        renames.clear()
        fail_at[0] = k
        result = run(ws, "build")
        if fail_at[0] != -1:  # fewer renames than k: this build published everything
            break
        assert result.exit_code == 1, result.output
        assert published(ws) == before, k
        name = os.path.relpath(renames[-1], ws)
        assert f"{name}: Input/output error" in result.output, (k, result.output)
        assert not list((ws / "output").glob(".staging-*")), k
    assert result.exit_code == 0, result.output
    assert k - 1 == len(renames) >= 8, renames  # six briefs, this build's record in .builds/, the lock last
    assert renames[-2:] == [str(ws / "output/.builds/00002.json"), str(ws / "output/briefgen.lock")]
    assert all("Zqmark01" in brief_text(path) for path in briefs(ws / "output"))
