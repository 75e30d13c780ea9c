"""A round of hostile inputs found by probing the command line (hostile-model findings 07, 08, 11, 14, 16, 17):
each is run as a user runs briefgen, as a process, so the exit code and what is printed are the real ones.

No command may end in an internal error (exit 3) or a traceback: a damaged state file is warned about and
carried on from, a template too deeply nested is a located template error, command-line text that is not
UTF-8 is refused naming its option, a file name that is not UTF-8 is ignored with a warning, and a seed
rewritten in place with its size and mtime kept, or a profile turned into a link, is never answered from a
stored verdict."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.regen.inputs import Stamp, input_files, restamp
from briefgen.workspace import Workspace
from tests.conftest import ROOT
from tests.helpers import built_workspace, copy_workspace

SEED = "seeds/000_eab46a25288d9a93.txt"
PASSAGE = "mass production"  # cited by kj-drone-production, from SEED
DEEP = "[" * 100_000 + "]" * 100_000


def briefgen(ws: Path, *args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    """briefgen run as a process on workspace `ws` (arguments may be bytes that are not UTF-8)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), *args], capture_output=True, env=env,
                          timeout=300, check=False)


def said(done: subprocess.CompletedProcess[bytes]) -> str:
    return (done.stdout + done.stderr).decode("utf-8", "replace")


def no_crash(done: subprocess.CompletedProcess[bytes]) -> str:
    text = said(done)
    assert done.returncode in (0, 1), text
    assert "internal error" not in text and "Traceback" not in text, text
    return text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = built_workspace(tmp_path_factory.mktemp("built"))
    assert briefgen(ws, "check").returncode == 0
    return ws


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Path:
    return copy_workspace(built, tmp_path)


# 11: a state file nested 100,000 deep


@pytest.mark.parametrize("command", [("status",), ("diff",), ("build", "--if-changed"), ("issue",)])
def test_a_deeply_nested_build_record_is_damaged_not_an_internal_error(ws: Path, command: tuple[str, ...]) -> None:
    (ws / "output/briefgen.lock").write_text(DEEP, encoding="utf-8")
    text = no_crash(briefgen(ws, *command))
    assert "output/briefgen.lock: warning: the build record is damaged (not JSON: nested too deeply" in text


def test_a_deeply_nested_stored_check_is_checked_afresh(ws: Path) -> None:
    (ws / "output/.cache/check.json").write_text(DEEP, encoding="utf-8")
    done = briefgen(ws, "check")
    assert done.returncode == 0, said(done)
    assert "the stored check result is damaged; it is ignored and checked afresh" in said(done)


def test_a_deeply_nested_build_history_record_is_left_out_with_a_warning(ws: Path) -> None:
    (ws / "output/.builds/00001.json").write_text(DEEP, encoding="utf-8")
    done = briefgen(ws, "history")
    assert done.returncode == 0, said(done)
    assert "output/.builds/00001.json: warning: the record of a build is damaged" in said(done)


@pytest.mark.parametrize("damage", [DEEP, '{"format": 1, "audiences": {"analyst": [{"version": "one"}]}}',
                                    '{"format": 1, "audiences": {"analyst": 5}}', "\xff\xfe not JSON"])
def test_a_damaged_record_of_issued_versions_is_warned_about(ws: Path, damage: str) -> None:
    (ws / "output/issued").mkdir()
    (ws / "output/issued/issued.json").write_text(damage, encoding="utf-8", errors="surrogateescape")
    for command in (("status",), ("diff",), ("history",)):
        text = no_crash(briefgen(ws, *command))
        assert text.count("output/issued/issued.json: warning: the record of issued versions is damaged") == 1


@pytest.mark.parametrize("damage", [
    lambda item: item.__setitem__("evidence", [[1]]),  # a passage without its source and paragraph
    lambda item: item.__setitem__("evidence", "¶3"),
    lambda item: item.clear() or item.update({"kind": "judgment", "evidence": [["s", "one", "words"]]}),
])
def test_an_issued_snapshot_of_the_wrong_shape_is_warned_about(ws: Path, damage: object) -> None:
    """Valid JSON whose snapshot items are not what the readers of "what changed" index (status and diff
    stopped with an IndexError or an AttributeError)."""
    assert no_crash(briefgen(ws, "issue", "-a", "analyst")).count("issued analyst version 1") == 1
    record = ws / "output/issued/issued.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    items = data["audiences"]["analyst"][0]["snapshot"]["items"]
    damage(next(iter(items.values())))  # type: ignore[operator]
    record.write_text(json.dumps(data), encoding="utf-8")
    for command in (("status",), ("diff",), ("history",)):
        text = no_crash(briefgen(ws, *command))
        assert "output/issued/issued.json: warning: the record of issued versions is damaged" in text


def test_damaged_caches_are_recomputed_silently(ws: Path) -> None:
    """Marshal caches (parsed YAML, the tie store, compiled templates) nested too deep or of the wrong shape."""
    cache = ws / "output/.cache"
    deep: object = ()
    for _ in range(1500):
        deep = (deep,)
    for entry in cache.glob("*.marshal"):
        entry.write_bytes(marshal.dumps(deep))
    for entry in (cache / "templates").glob("__jinja2_*"):
        entry.write_bytes(entry.read_bytes()[:40] + marshal.dumps(deep))
    (ws / "seeds/summary.yaml").write_text((ws / "seeds/summary.yaml").read_text(encoding="utf-8") + "# edit\n",
                                           encoding="utf-8")
    for command in ("check", "build"):
        done = briefgen(ws, command)
        assert done.returncode == 0, said(done)


def test_one_safe_reader_refuses_every_way_a_state_file_can_fail(tmp_path: Path) -> None:
    from briefgen.statefile import DamagedState, load_state

    path = tmp_path / "state.json"
    assert load_state(path, 1000, dict) is None  # absent
    for content in (DEEP.encode(), b"\xff", b"[1, 2", json.dumps([[[[1]]]]).encode()):
        path.write_bytes(content)
        with pytest.raises(DamagedState):
            load_state(path, 10**6, lambda data: data["key"], depth=3)
    path.write_bytes(b"[]")
    with pytest.raises(DamagedState):
        load_state(path, 1, list)  # larger than its limit
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere.json")
    (tmp_path / "elsewhere.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DamagedState):
        load_state(path, 1000, dict)  # a link is never read through


def test_depth_is_measured_without_recursion() -> None:
    from briefgen.statefile import too_deep

    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    assert too_deep(deep, 64) and not too_deep([[1], {"a": [2]}], 3)
    assert too_deep({"a": {1, 2}}, 5, frozenset({dict, int})) and not too_deep({"a": [1]}, 5, frozenset({dict, list,
                                                                                                         int}))


# 14: a template nested too deeply to compile


@pytest.mark.parametrize("body", ["(" * 1000 + "1" + ")" * 1000, "title" + ".x" * 30_000, "+".join(["1"] * 30_000)])
def test_a_template_too_deep_to_compile_is_a_located_error(ws: Path, body: str) -> None:
    profile = (ws / "templates/public.yaml").read_text(encoding="utf-8")
    (ws / "templates/public.yaml").write_text(profile.replace("public.xml.j2", "deep.xml.j2"), encoding="utf-8")
    (ws / "templates/deep.xml.j2").write_text('{% extends "public.xml.j2" %}{% block title %}{{ ' + body +
                                              " }}{% endblock %}", encoding="utf-8")
    for command in (("check",), ("build", "-a", "public"), ("status",)):
        text = no_crash(briefgen(ws, *command))
        if command != ("status",):
            assert "templates/deep.xml.j2:1: template error: an expression or block is nested too deeply" in text


# 16: command-line text that is not UTF-8


@pytest.mark.parametrize(("args", "option"), [
    ((b"issue", b"--note", b"reviewed by J\xf6rg"), "--note"),
    ((b"build", b"-a", b"b\xe9"), "--audience"),
    ((b"diff", b"-a", b"b\xe9"), "--audience"),
    ((b"status", b"--since", b"1\xe9"), "--since"),
    ((b"seeds", b"show", b"id\xe9"), "ID"),
    ((b"seeds", b"show", b"gsw-ai-arms-race", b"--grep", b"dr\xf6ne"), "--grep"),
    ((b"audiences", b"new", b"b\xe9"), "NAME"),
    ((b"audiences", b"new", b"board", b"--from", b"e\xe9"), "--from"),
    ((b"suggest", b"s\xe9"), "SOURCE"),
])
def test_command_line_text_that_is_not_utf8_is_refused_naming_its_option(ws: Path, args: tuple[bytes, ...],
                                                                          option: str) -> None:
    done = briefgen(ws, *args)
    text = no_crash(done)
    assert done.returncode == 1
    assert f"{option}: '" in text and "' is not UTF-8 text" in text and "hint: " in text, text
    assert len(text) < 400


def test_paths_that_are_not_utf8_still_work(ws: Path, tmp_path: Path) -> None:
    out = os.fsencode(tmp_path) + b"/out\xe9"
    assert briefgen(ws, "build", "-o", out).returncode == 0
    for command in ((b"issue", b"-o", out), (b"history", b"-o", out), (b"status", b"-o", out)):
        assert briefgen(ws, *command).returncode == 0


# 17: file names that are not UTF-8


def test_a_file_name_that_is_not_utf8_is_ignored_with_a_warning(ws: Path) -> None:
    seeds, templates = os.fsencode(ws / "seeds"), os.fsencode(ws / "templates")
    for folder, name in ((seeds, b"lat\xe9.txt"), (seeds, b"lat\xe9.pdf"), (templates, b"lat\xe9.png"),
                         (templates, b"lat\xe9.yaml"), (templates, b"lat\xe9.j2")):
        with open(folder + b"/" + name, "wb") as handle:
            handle.write(b"Drone text here.\n")
    for command in ("check", "build", "status", "issue", "diff"):
        text = no_crash(briefgen(ws, command))
        if command != "diff":
            assert "seeds/lat\\xe9.txt: warning: the file name is not UTF-8, so briefgen ignores the file" in text
    assert briefgen(ws, "check").returncode == 0


def test_seeds_add_copies_a_seed_whose_name_is_not_utf8_under_one(ws: Path) -> None:
    with open(os.fsencode(ws / "seeds") + b"/new\xe9.txt", "wb") as handle:
        handle.write(b"A brand new document about drones and their makers.\n")
    done = briefgen(ws, "seeds", "add", os.fsencode(ws / "seeds") + b"/new\xe9.txt")
    assert done.returncode == 0, said(done)
    assert (ws / "seeds/new.txt").is_file()


# 07: a same-size edit that kept the old mtime


def test_a_seed_rewritten_with_its_size_and_mtime_kept_is_read_again(ws: Path, tmp_path: Path) -> None:
    seed = ws / SEED
    old = seed.stat()
    replacement = tmp_path / "new.txt"
    replacement.write_bytes(seed.read_bytes().replace(b"mass production", b"mass destructio"))
    os.utime(replacement, ns=(old.st_atime_ns, old.st_mtime_ns))
    shutil.copy2(replacement, seed)  # cp -p: same size, same mtime, a new status-change time
    assert seed.stat().st_size == old.st_size and seed.stat().st_mtime_ns == old.st_mtime_ns
    done = briefgen(ws, "check")
    assert done.returncode == 1 and "passage not found in seeds/000_eab46a25288d9a93.txt" in said(done)
    before = (ws / "output/analyst.docx").read_bytes()
    assert briefgen(ws, "build").returncode == 1
    assert (ws / "output/analyst.docx").read_bytes() == before


def test_a_stamp_that_an_older_briefgen_stored_means_hashing_once(workspace: Path) -> None:
    ws = Workspace.at(workspace)
    files = input_files(ws)
    fresh, _ = restamp(files, {})
    older = {name: Stamp.from_json(stamp.to_json()[:3]) for name, stamp in fresh.items()}
    again, touched = restamp(files, older)
    assert again == fresh and all(stamp.ino and stamp.ctime_ns for stamp in again.values())  # stamped afresh
    assert not touched  # the same content: nothing to rebuild
    assert restamp(files, again) == (again, False)


def test_a_copied_workspace_is_still_up_to_date(built: Path, tmp_path: Path) -> None:
    """A copy (new inodes and status-change times, mtimes kept) is hashed again, and found the same."""
    copy = copy_workspace(built, tmp_path)
    before = sorted((p.name, p.stat().st_mtime_ns) for p in (copy / "output").iterdir() if p.is_file())
    done = briefgen(copy, "build", "--if-changed")
    assert done.returncode == 0 and "up to date" in said(done), said(done)
    assert sorted((p.name, p.stat().st_mtime_ns) for p in (copy / "output").iterdir() if p.is_file()) == before


# 08: a profile turned into a link that leaves templates/


def test_a_stored_verdict_does_not_outlive_a_profile_becoming_a_link_out(workspace: Path, tmp_path: Path) -> None:
    assert briefgen(workspace, "check").returncode == 0
    outside = tmp_path / "outside.yaml"
    shutil.copy(ROOT / "briefgen/templates/public.yaml", outside)
    (workspace / "templates/public.yaml").symlink_to(outside)
    for args in (("check",), ("check", "--no-cache")):
        done = briefgen(workspace, *args)
        assert done.returncode == 1, said(done)
        assert "templates/public.yaml is a symbolic link that leaves templates/" in said(done) or "FAILED" in said(
            done)


def test_a_link_turned_to_lead_elsewhere_changes_the_stamps(workspace: Path, tmp_path: Path) -> None:
    ws = Workspace.at(workspace)
    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("x", encoding="utf-8")
    link = workspace / "templates/board.yaml"
    link.symlink_to(tmp_path / "a.yaml")
    first, _ = restamp(input_files(ws), {})
    assert first["templates/board.yaml"].sha256 == "" and first["templates/board.yaml"].link  # never read
    link.unlink()
    link.symlink_to(tmp_path / "b.yaml")
    second, touched = restamp(input_files(ws), first)
    assert touched and second["templates/board.yaml"] != first["templates/board.yaml"]
