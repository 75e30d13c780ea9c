"""`check` keeps each passage's tie by its seed's content hash (verify/ties.py): after a seed changes, only that
seed is read and searched again, and the verdict is the one a full verification gives. A changed cited
passage is an error at once, its revert passes, and a store written by other code is never used."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest

import briefgen.regen.cutoff as cutoff
import briefgen.verify.reading as reading
from briefgen.regen import checkcache
from briefgen.verify.ties import STORE_NAME, Tie
from tests.helpers import SEED_000, run

PASSAGE = "having more than a million active troops and millions more reservists"


def _settled(ws: Path) -> None:
    """Every seed's mtime 10 s in the past, so its stamp is trusted as a later check would trust it."""
    for path in (ws / "seeds").iterdir():
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10_000_000_000))


def _check(ws: Path, *args: str, code: int = 0) -> str:
    result = run(ws, "check", *args)
    assert result.exit_code == code, result.output
    return result.output


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The seed files verification (or the seed cutoff) reads from now on."""
    read: list[str] = []
    real = reading.read_seed

    def counting(root: str, file: str, *args: object, **kwargs: object) -> reading.Seed:
        read.append(file)
        return real(root, file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "read_seed", counting)
    monkeypatch.setattr(cutoff, "read_seed", counting)
    return read


def test_an_uncited_paragraph_reads_that_seed_alone_and_reports_as_a_full_check(
        workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settled(workspace)
    _check(workspace)
    assert (workspace / "output/.cache" / STORE_NAME).is_file()
    seed = workspace / SEED_000
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA paragraph no item cites.\n", encoding="utf-8")
    read = _reads(monkeypatch)
    out = _check(workspace)
    assert read == [Path(SEED_000).name]
    assert out == _check(workspace, "--no-cache")


def test_a_changed_cited_passage_is_an_error_at_once_and_its_revert_passes(workspace: Path) -> None:
    _settled(workspace)
    first = _check(workspace)
    seed = workspace / SEED_000
    original = seed.read_text(encoding="utf-8")
    assert PASSAGE in original
    seed.write_text(original.replace(PASSAGE, PASSAGE.replace("million", "thousand")), encoding="utf-8")
    broken = _check(workspace, code=1)
    assert "fig-active-troops: passage not found in seeds/000_eab46a25288d9a93.txt" in broken
    assert broken == _check(workspace, "--no-cache", code=1)
    seed.write_text(original, encoding="utf-8")
    assert _check(workspace) == first


def _poison(ws: Path, version: str) -> None:
    """Rewrite the stored ties as misses whose hint says POISON, under `version`."""
    path = ws / "output/.cache" / STORE_NAME
    _, token, entries = marshal.loads(path.read_bytes())
    miss = tuple(Tie(0, miss_hint="POISON"))
    bad = {key: miss if len(value) > 1 else value for key, value in entries.items()}
    path.write_bytes(marshal.dumps((version, token, bad)))


def _touch_seed(ws: Path) -> None:
    """A change to one seed (so the stored verdict no longer applies and verification runs, with the store)."""
    seed = ws / "seeds/002_828a4c93c67805e5.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")


def test_the_store_is_what_answers_for_unchanged_seeds(workspace: Path) -> None:
    """The proof the store is used: entries made wrong on purpose, under the current version, show."""
    _settled(workspace)
    _check(workspace)
    _poison(workspace, checkcache.tool_version())
    _touch_seed(workspace)
    assert "POISON" in _check(workspace, code=1)


def test_a_store_written_by_other_code_is_never_used(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settled(workspace)
    _check(workspace)
    _poison(workspace, "0.0+other-normalisation")
    _touch_seed(workspace)
    out = _check(workspace)
    assert "POISON" not in out and out == _check(workspace, "--no-cache")
    # the store now matches this code; code that normalises differently (another version) must not use it
    _poison(workspace, checkcache.tool_version())
    monkeypatch.setattr(checkcache, "tool_version", lambda: "9.9+changed-normalisation")
    _touch_seed(workspace)
    out = _check(workspace)
    assert "POISON" not in out and out == _check(workspace, "--no-cache")


def test_a_damaged_store_is_recomputed(workspace: Path) -> None:
    _settled(workspace)
    first = _check(workspace)
    (workspace / "output/.cache" / STORE_NAME).write_bytes(b"\x00not marshal")
    _touch_seed(workspace)
    assert _check(workspace).splitlines()[-1] == first.splitlines()[-1]


def test_a_seed_replaced_by_a_link_out_of_seeds_is_refused_though_its_ties_are_stored(
        workspace: Path, tmp_path: Path) -> None:
    _settled(workspace)
    _check(workspace)
    seed = workspace / SEED_000
    outside = tmp_path / "outside.txt"
    outside.write_bytes(seed.read_bytes())
    seed.unlink()
    seed.symlink_to(outside)
    out = _check(workspace, code=1)
    assert f"{Path(SEED_000).name} is a symbolic link that leaves the seeds/ folder" in out


def test_a_build_after_a_check_reads_no_seed_and_writes_the_same_briefs(
        workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`build` verifies with the store `check` left (regen/build.py `_ready`): the briefs are byte for byte
    those of a build in a copy of the workspace that never had a store."""
    fresh = tmp_path / "fresh"
    shutil.copytree(workspace, fresh)
    _settled(workspace)
    _check(workspace)
    read = _reads(monkeypatch)
    assert run(workspace, "build", "-a", "executive").exit_code == 0
    assert read == []
    assert run(fresh, "build", "-a", "executive").exit_code == 0
    assert sorted(read) == sorted(p.name for p in (fresh / "seeds").glob("*.txt"))  # it read every seed
    assert (fresh / "output/.cache" / STORE_NAME).is_file()  # and kept their ties for the next build
    for fmt in ("docx", "pdf"):
        name = f"output/executive.{fmt}"
        assert (workspace / name).read_bytes() == (fresh / name).read_bytes(), name
