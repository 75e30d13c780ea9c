"""Hostile workspaces for regeneration: what stands where output/ goes, what changes while a build runs."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize("linked", ["output", "output/.cache"])
@pytest.mark.parametrize("command", [("check",), ("check", "--no-cache")])
def test_a_cache_link_leading_out_of_the_workspace_is_never_written_through(
        base: Path, tmp_path: Path, linked: str, command: tuple[str, ...]) -> None:
    """`check` (and every command reading the caches) wrote parsed seeds, compiled templates and its verdict
    wherever output/ or output/.cache pointed; `build` refused only output/ itself."""
    ws = copy_workspace(base, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (ws / linked).rename(tmp_path / "kept")
    (ws / linked).symlink_to(elsewhere, target_is_directory=True)
    result = run(ws, *command)
    assert result.exit_code == 1, result.output
    assert f"{linked}: a symbolic link leading out of the workspace (or nowhere) is in the way" in result.output
    run(ws, "status")  # reads, and writes nothing there either
    assert list(elsewhere.iterdir()) == []


def test_an_output_link_to_a_folder_inside_the_workspace_is_the_output(base: Path, tmp_path: Path) -> None:
    ws = copy_workspace(base, tmp_path)
    (ws / "output").rename(ws / "briefs")
    (ws / "output").symlink_to("briefs", target_is_directory=True)
    result = run(ws, "build", "--if-changed")
    assert result.exit_code == 0, result.output


CITED = "more than a million active troops"


def test_a_seed_written_while_a_build_reads_it_is_never_recorded_as_the_version_checked(
        base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed loses a cited passage (B); a build takes its stamps; an editor puts the passage back (C) before
    the build reads the seed; then takes it out again (B). A brief checked against C must not stand recorded
    as made from B: `build --if-changed` would call it up to date while its passage is gone."""
    from briefgen.regen import build as building
    from tests.helpers import SEED_000

    ws = copy_workspace(base, tmp_path)
    seed = ws / SEED_000
    with_passage = seed.read_text(encoding="utf-8")
    without = with_passage.replace(CITED, "more than a thousand active troops")
    seed.write_text(without, encoding="utf-8")
    real = building.restamp

    def stamped_then_edited(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = real(*args, **kwargs)
        seed.write_text(with_passage, encoding="utf-8")  # the editor saves between the stamps and the read
        return found

    monkeypatch.setattr(building, "restamp", stamped_then_edited)
    during = run(ws, "build")
    monkeypatch.undo()
    if during.exit_code == 1:
        assert f"{SEED_000}: changed while the build was running" in during.output, during.output
    seed.write_text(without, encoding="utf-8")
    after = run(ws, "build", "--if-changed")
    assert after.exit_code == 1, after.output  # the passage is gone: never "up to date"
    assert "Traceback" not in after.output


@pytest.mark.parametrize("record", ['{"format": 2, "audiences": {"analyst": []}}', "{", "[]"])
def test_issue_never_replaces_a_record_of_issued_versions_it_cannot_read(
        base: Path, tmp_path: Path, record: str) -> None:
    """A newer briefgen's record, or a damaged one: issuing would write one that forgot every version in it."""
    from tests.helpers import published

    ws = copy_workspace(base, tmp_path)
    (ws / "output/issued").mkdir()
    (ws / "output/issued/issued.json").write_text(record, encoding="utf-8")
    before = published(ws)
    result = run(ws, "issue", "-a", "analyst")
    assert result.exit_code == 1, result.output
    assert re.search(r"output/issued/issued\.json(:\d+:\d+)?: the record of issued versions (is damaged|was "
                     r"written by a newer briefgen)", result.output), result.output  # the newer one's, named so
    assert published(ws) == before


def test_a_lost_build_record_never_reuses_a_build_number(base: Path, tmp_path: Path) -> None:
    """The build record damaged (its count lost): the next build is numbered after every build kept in .builds/
    and history/, so no earlier build's record is replaced."""
    from tests.helpers import set_marker

    ws = copy_workspace(base, tmp_path)
    out = ws / "output"
    set_marker(ws, 1)
    assert run(ws, "build").exit_code == 0
    kept = {p.name: p.read_bytes() for p in (out / ".builds").iterdir()}
    (out / "briefgen.lock").write_text("{", encoding="utf-8")
    set_marker(ws, 2)
    result = run(ws, "build")
    assert result.exit_code == 0, result.output
    assert all((out / ".builds" / name).read_bytes() == data for name, data in kept.items())
    assert sorted(p.name for p in (out / ".builds").iterdir()) == ["00001.json", "00002.json", "00003.json"]
    assert "build 3" in run(ws, "history").output


def test_keep_history_keeps_the_newest_builds_after_the_clock_went_back(base: Path, tmp_path: Path) -> None:
    """History folders are named by UTC time and build number: after the clock was set back, the newest build
    has the earliest time, and pruning must still keep it."""
    from tests.helpers import set_marker

    ws = copy_workspace(base, tmp_path)
    set_marker(ws, 1)
    assert run(ws, "build").exit_code == 0
    [first] = (ws / "output/history").iterdir()
    ahead = first.with_name(first.name.replace(first.name[:4], "2999", 1))  # made while the clock ran ahead
    first.rename(ahead)
    set_marker(ws, 2)
    result = run(ws, "build", "--keep-history", "1")
    assert result.exit_code == 0, result.output
    [left] = (ws / "output/history").iterdir()
    assert left.name.endswith("-build00003"), left.name


@pytest.mark.parametrize("folder", ["seeds", "output", "output/history"])
def test_a_command_run_inside_the_workspace_finds_it(base: Path, tmp_path: Path, folder: str) -> None:
    """Run from seeds/ or output/ (no -C), briefgen works on the workspace around it, as git finds its
    repository; it never offers to scaffold a new workspace inside the old one."""
    import subprocess
    import sys

    ws = copy_workspace(base, tmp_path)
    (ws / folder).mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "briefgen", "build", "--if-changed"], cwd=ws / folder,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "up to date: analyst, executive, public" in done.stdout
    assert not (ws / folder / "output").exists()


@pytest.mark.parametrize("state", ["briefgen.lock", "issued/issued.json", ".builds/00001.json"])
def test_a_huge_damaged_state_file_is_not_read_whole(base: Path, tmp_path: Path, state: str) -> None:
    """A state file replaced by a gigabyte of NUL bytes (a disk error, a hostile copy): `status` warns that it
    is damaged at once, in little memory, rather than reading it whole and parsing it (2 GB, 18 s)."""
    import subprocess
    import sys

    ws = copy_workspace(base, tmp_path)
    path = ws / "output" / state
    path.parent.mkdir(exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(1000 * 1024 * 1024)  # sparse: no disk used
    measure = ("import resource, subprocess, sys; subprocess.run([sys.executable, '-m', 'briefgen', '-C', sys.argv[1], "
               "'history'], capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", measure, str(ws)], capture_output=True, text=True, timeout=120,
                          check=True)
    assert int(done.stdout) < 400 * 1024, f"peak {int(done.stdout) // 1024} MB"


@pytest.mark.parametrize("command", ["build", "issue", "status", "history"])
def test_an_empty_output_option_is_a_usage_error_not_the_current_folder(
        base: Path, tmp_path: Path, command: str) -> None:
    import subprocess
    import sys

    ws = copy_workspace(base, tmp_path)
    here = tmp_path / "elsewhere"
    here.mkdir()
    done = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), command, "-o", ""], cwd=here,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert "an empty path names no folder" in done.stderr
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("inside", ["seeds", "seeds/new", "templates", "output/issued/analyst-v1", "output/history"])
@pytest.mark.parametrize("command", ["build", "issue"])
def test_the_output_folder_is_never_one_briefgen_reads_or_keeps(
        base: Path, tmp_path: Path, inside: str, command: str) -> None:
    """Briefs written into seeds/ would be read as seeds; into an issued version's folder they would replace
    what was issued."""
    from tests.helpers import fingerprint

    ws = copy_workspace(base, tmp_path)
    if command == "issue":
        assert run(ws, "issue", "-a", "analyst").exit_code == 0
    before = fingerprint(ws)
    result = run(ws, command, "-o", str(ws / inside))
    assert result.exit_code == 1, result.output
    assert f"the output folder is inside {inside.split('/new')[0].rsplit('/analyst-v1')[0]}/" in result.output
    assert {k: v for k, v in fingerprint(ws).items() if "/.cache/" not in k and not k.endswith(".lock")} == {
        k: v for k, v in before.items() if "/.cache/" not in k and not k.endswith(".lock")}


def test_a_history_folder_that_cannot_be_pruned_does_not_fail_a_published_build(
        base: Path, tmp_path: Path) -> None:
    """`--keep-history` prunes after publishing: a folder it cannot delete (immutable, as even root cannot
    change) is a warning naming the folder, and the build, whose briefs are published, succeeds."""
    import subprocess

    from tests.helpers import set_marker
    from tests.validate import brief_text, briefs

    ws = copy_workspace(base, tmp_path)
    set_marker(ws, 1)
    assert run(ws, "build").exit_code == 0
    [old] = (ws / "output/history").iterdir()
    if subprocess.run(["chattr", "+i", str(old)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        set_marker(ws, 2)
        result = run(ws, "build", "--keep-history", "0")
    finally:
        subprocess.run(["chattr", "-i", str(old)], check=True)
    assert result.exit_code == 0, result.output
    assert f"output/history/{old.name}: warning: operation not permitted" in result.output
    assert all("Zqmark02" in brief_text(path) for path in briefs(ws / "output"))


@pytest.mark.parametrize("since", ["v١", "build٣", "v1\n", "１"])
def test_since_takes_ascii_digits_only(base: Path, since: str) -> None:
    """`\\d` matches any script's digits and `$` a trailing newline: `v١` was taken as version 1."""
    result = run(base, "diff", "--since", since)
    assert result.exit_code == 2, result.output
    assert "is neither a version nor a build" in result.output


@pytest.mark.parametrize("note", ["ctl\x01char", "\x1b[31mred\x1b[0m", "del\x7f", "c1\x9b", "nonchar\ufffe"])
def test_an_issue_note_no_document_can_hold_is_refused_as_the_note(base: Path, tmp_path: Path, note: str) -> None:
    """It was blamed on the template ("the template produced malformed markup")."""
    from tests.helpers import published

    ws = copy_workspace(base, tmp_path)
    before = published(ws)
    result = run(ws, "issue", "-a", "analyst", "--note", note)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("--note: contains the control character U+"), result.output
    assert published(ws) == before


@pytest.mark.parametrize(("note", "refused"), [("Cut to \u202e0.5 %", "bidi embedding or override"),
                                              ("unclosed \u2067isolate", "isolate"),
                                              ("1\u200b000 tonnes", "invisible character between the digits"),
                                              ("tag\U000e0041ged", "tag character")])
def test_an_issue_note_that_shows_other_text_is_refused(base: Path, tmp_path: Path, note: str, refused: str) -> None:
    """The note is printed in the brief's document control: a "Trojan source" there (U+202E before "0.5" shows
    "5.0") is refused as in the model, and nothing is issued."""
    from tests.helpers import published

    ws = copy_workspace(base, tmp_path)
    before = published(ws)
    result = run(ws, "issue", "-a", "analyst", "--note", note)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("--note: the note holds "), result.output
    assert refused in result.output and "\n    hint: " in result.output, result.output
    assert published(ws) == before and not (ws / "output/issued").exists()


@pytest.mark.parametrize("linked", ["issued/analyst-v1", "issued/analyst-v1/analyst.docx"])
def test_an_issued_version_linked_out_is_never_read(base: Path, tmp_path: Path, linked: str) -> None:
    """An issued version (its folder, or its DOCX) replaced by a link to a copy outside the workspace: the
    redline would read it there."""
    import shutil

    from tests.helpers import set_marker

    ws = copy_workspace(base, tmp_path)
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    here = ws / "output" / linked
    outside = tmp_path / "outside" / here.name
    outside.parent.mkdir()
    shutil.move(here, outside)
    here.symlink_to(outside)
    set_marker(ws, 1)
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 1, result.output
    assert f"output/{linked}: a symbolic link stands in an issued version's place" in result.output


@pytest.mark.parametrize("command", [("build",), ("build", "--if-changed"), ("issue",), ("watch",)])
def test_a_folder_that_is_no_workspace_gets_no_output_folder(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`-C` (or the current folder) naming a folder without seeds/: nothing is made there."""
    result = run(tmp_path, *command)
    assert result.exit_code == 1, result.output
    assert list(tmp_path.iterdir()) == []


def test_an_issue_never_leaves_out_to_fit_what_the_build_reviewed_showed(base: Path, tmp_path: Path) -> None:
    """A page-limited brief with document control: the note printed at issue takes room, and the fit left
    five more items out of the issued brief than of the draft reviewed, silently."""
    from tests.helpers import published

    ws = copy_workspace(base, tmp_path)
    with (ws / "templates/executive.yaml").open("a", encoding="utf-8") as profile:
        profile.write("document_control: {distribution: [Desk officers], in_footer: true}\n")
    assert run(ws, "build", "-a", "executive").exit_code == 0
    before = published(ws)
    result = run(ws, "issue", "-a", "executive", "--note", "A long note on the circumstances of this issue. " * 40)
    assert result.exit_code == 1, result.output
    assert "executive: issued, the brief would leave out to fit what the build reviewed showed (" in result.output
    assert published(ws) == before
    assert run(ws, "issue", "-a", "executive", "--note", "For the board.").exit_code == 0


def test_an_issue_that_waited_for_a_build_never_issues_that_unreviewed_build(
        base: Path, tmp_path: Path) -> None:
    """The analyst runs `issue` on the build reviewed while cron's build of a new seed edit holds the lock:
    once the lock is free the issue must not issue the new build, which nobody reviewed."""
    import fcntl
    import os
    import shutil
    import subprocess
    import sys
    import time

    from tests.helpers import set_marker

    newer = copy_workspace(base, tmp_path / "newer")
    set_marker(newer, 1)
    assert run(newer, "build").exit_code == 0  # what cron's build will have published
    ws = copy_workspace(base, tmp_path / "reviewed")
    fd = os.open(ws / "output/.build.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # cron's build is running
    try:
        issue = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), "issue"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        for folder in ("seeds", "output"):  # cron's build publishes build 2
            shutil.copytree(newer / folder, ws / folder, dirs_exist_ok=True)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    out, err = issue.communicate(timeout=120)
    assert issue.returncode == 1, out + err
    assert "output/briefgen.lock: build 2 ran while this issue waited for it" in err
    assert not (ws / "output/issued").exists()
