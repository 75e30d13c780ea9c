"""Fault classes found by a seventh hostile-input round, each run as a user runs briefgen, as a process: the message
line and its hint, exit code 1, no traceback or usage text, and the published briefs untouched."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import edit, pdftotext, published, run
from tests.hostile_inputs7 import make_special
from tests.test_fuzz_round import briefgen, built, refused, said, ws
from tests.test_hostile_round5 import UNPRIVILEGED
from tests.test_system_faults import can_mount, mounted

__all__ = ["built", "can_mount", "ws"]  # the fixtures, shared with tests/test_fuzz_round.py

FIRST_SEED = "000_eab46a25288d9a93.txt"


def _run(cwd: Path, *args: str, user: bool = False) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*(UNPRIVILEGED if user else []), sys.executable, "-m", "briefgen", *args], cwd=cwd,
                          capture_output=True, env=env, timeout=300, check=False)


def _says(done: subprocess.CompletedProcess[bytes], message: str, hint: str) -> None:
    text = said(done)
    lines = [line.strip() for line in text.splitlines()]
    assert done.returncode == 1, text
    assert "Traceback" not in text and "internal error" not in text and "Usage:" not in text, text
    assert message in lines, text
    assert lines[lines.index(message) + 1] == f"hint: {hint}", text


# -C naming anything but a folder: click's own check printed a usage error, exit 2 ("Directory '…' is a file."),
# for a regular file or a folder it may not read; a device, a pipe, a link to nothing or a missing path passed
# it, and every command then reported the model and catalogue missing ("file not found … run `briefgen init`"),
# `-C /dev/null check` a damaged stored check too. `init DIR` naming a file likewise printed a usage error.

def _special(tmp_path: Path, kind: str) -> str:
    """A path naming `kind` (hostile_inputs7.make_special's, "dangling" a link to nothing), /dev/null for a
    device, nothing at all for "missing"."""
    if kind == "device":
        return "/dev/null"
    if kind != "missing":
        make_special(tmp_path / kind, {"dangling": "nothing"}.get(kind, kind))
    return str(tmp_path / kind)


NOT_A_FOLDER = {"device": "a character device", "fifo": "a named pipe (FIFO)", "socket": "a socket",
                "file": "a regular file"}
COMMANDS = [("check",), ("status",), ("build", "--if-changed"), ("seeds", "show", "x"), ("audiences",)]


@pytest.mark.parametrize("kind", sorted(NOT_A_FOLDER))
@pytest.mark.parametrize("command", COMMANDS)
def test_c_naming_a_file_a_device_or_a_pipe_says_what_it_names(tmp_path: Path, kind: str,
                                                                command: tuple[str, ...]) -> None:
    path = _special(tmp_path, kind)
    _says(_run(tmp_path, "-C", path, *command), f"{path}: -C names {NOT_A_FOLDER[kind]}, not a workspace folder",
          "name the folder that holds seeds/ (and templates/)")


@pytest.mark.parametrize("kind", ["dangling", "missing"])
def test_c_naming_nothing_says_so(tmp_path: Path, kind: str) -> None:
    path = _special(tmp_path, kind)
    for args in (("-C", path, "check"), ("status", "-C", path)):  # the group's option and the command's
        _says(_run(tmp_path, *args), f"{path}: -C names no folder (nothing is there, or a symbolic link to nothing)",
              "check the path, or scaffold a workspace there with `briefgen init DIR`")


@pytest.mark.skipif(bool(UNPRIVILEGED) and shutil.which("setpriv") is None, reason="setpriv drops root's rights")
def test_c_naming_a_folder_the_user_may_not_enter_says_permission_denied(ws: Path) -> None:
    before = published(ws)
    ws.chmod(0)
    try:
        for command in COMMANDS[:3]:
            _says(_run(ws.parent, "-C", str(ws), *command, user=True), f"{ws}: permission denied",
                  "check the owner and permissions of the file and its folder")
    finally:
        ws.chmod(0o755)
    assert published(ws) == before


@pytest.mark.parametrize("kind", ["device", "file"])
def test_init_naming_a_file_or_a_device_says_what_it_names(tmp_path: Path, kind: str) -> None:
    path = _special(tmp_path, kind)
    _says(_run(tmp_path, "init", path), f"{path}: init DIR names {NOT_A_FOLDER[kind]}, not a workspace folder",
          "name a folder to scaffold the workspace in (a new one, or one without seeds/)")


# A folder where a template belongs (templates/board.xml.j2/, made by an unzip or a mistaken `mkdir -p`): a
# profile naming it was told "template not found"; one named as a bundled template (templates/analyst.xml.j2/)
# was passed over, and the bundled template rendered in its place without a word.

@pytest.mark.parametrize(("name", "profile"), [("board.xml.j2", "board"), ("analyst.xml.j2", "analyst"),
                                               ("base.xml.j2", "executive")])
def test_a_folder_named_as_a_template_is_said_to_be_a_folder(ws: Path, name: str, profile: str) -> None:
    if profile == "board":
        (ws / "templates/board.yaml").write_text("template: board.xml.j2\n", encoding="utf-8")
    (ws / "templates" / name).unlink(missing_ok=True)  # the workspace's own copy, where it has one
    (ws / "templates" / name).mkdir()
    text = refused(ws, ("build", "-a", profile), f"templates/{name}: the path is a directory, not a regular file",
                   "replace it with an ordinary file") if name != "base.xml.j2" else said(briefgen(ws, "build"))
    assert f"templates/{name}: the path is a directory, not a regular file" in text, text


# A template name an expression builds ({% include "part" ~ "x" * 5000 %}) was quoted whole in the message.

def test_a_template_name_built_by_an_expression_is_clipped_in_the_message(ws: Path) -> None:
    (ws / "templates/part").write_text("a part\n", encoding="utf-8")  # what a scan of the tag finds is there
    (ws / "templates/public.xml.j2").write_text("{% extends 'base.xml.j2' %}{% block bluf %}\n"
                                                "{% include 'part' ~ 'x' * 5000 %}{% endblock %}", encoding="utf-8")
    done = briefgen(ws, "build", "-a", "public")
    text = said(done)
    assert done.returncode == 1 and "Traceback" not in text, text
    assert f"templates/public.xml.j2:2: template '{'part' + 'x' * 116}'… (5,004 characters) not found" in text, text
    assert max(len(line) for line in text.splitlines()) < 400, text


# A seed catalogued deeper in seeds/ than the input stamps look (eight folders), or under a hidden name (a
# file or folder starting with '.', which the stamps and `watch` pass over), built: then edited, `status` and
# `build --if-changed` still said every brief was up to date, the briefs outliving the seed they cite.

def _seed_moved(ws: Path, place: str) -> Path:
    target = ws / "seeds" / place
    target.parent.mkdir(parents=True, exist_ok=True)
    (ws / "seeds" / FIRST_SEED).rename(target)
    edit(ws / "seeds/sources.yaml", f"file: {FIRST_SEED}", f"file: {place}")
    return target


DEEP = "a/b/c/d/e/f/g/h/i/" + FIRST_SEED


@pytest.mark.parametrize(("place", "message", "hint"), [
    (DEEP, "the seed is 9 folders deep in seeds/, deeper than briefgen looks for changes (8): a brief built from "
     "it would not be rebuilt when it changes", "move it at most 8 folders down in seeds/, and point `file` at it "
     "there"),
    (".hidden.txt", "the seed's path has a hidden name (starting with '.'), which briefgen passes over when it "
     "looks for changes: a brief built from it would not be rebuilt when it changes", "rename the file (or folder) "
     "without the leading '.', and point `file` at it"),
    (".drafts/" + FIRST_SEED, "the seed's path has a hidden name (starting with '.'), which briefgen passes over "
     "when it looks for changes: a brief built from it would not be rebuilt when it changes", "rename the file (or "
     "folder) without the leading '.', and point `file` at it"),
])
def test_a_seed_whose_change_no_command_would_notice_is_refused(ws: Path, place: str, message: str,
                                                               hint: str) -> None:
    _seed_moved(ws, place)
    for command in (("build",), ("check",)):
        refused(ws, command, f"seeds/sources.yaml:10:11: sources[0].file: {place}: {message}", hint)


def test_a_seed_reached_through_a_link_to_a_deep_folder_is_refused(ws: Path) -> None:
    _seed_moved(ws, DEEP)
    (ws / "seeds/short").symlink_to("a/b/c/d/e/f/g/h/i")
    edit(ws / "seeds/sources.yaml", f"file: {DEEP}", f"file: short/{FIRST_SEED}")
    refused(ws, ("build",), f"seeds/sources.yaml:10:11: sources[0].file: short/{FIRST_SEED}: the seed is 9 folders "
            "deep in seeds/, deeper than briefgen looks for changes (8): a brief built from it would not be rebuilt "
            "when it changes", "move it at most 8 folders down in seeds/, and point `file` at it there")


def test_a_seed_eight_folders_down_is_built_and_its_change_noticed(ws: Path) -> None:
    seed = _seed_moved(ws, "a/b/c/d/e/f/g/h/" + FIRST_SEED)
    assert briefgen(ws, "build").returncode == 0
    seed.write_text(seed.read_text(encoding="utf-8").replace("North Korea", "South Korea"), encoding="utf-8")
    done = briefgen(ws, "status")
    assert f"changed: seeds/a/b/c/d/e/f/g/h/{FIRST_SEED}" in said(done), said(done)


# `-o` naming a file, a device or a pipe: the commands that only read the output folder (status, history, diff)
# warned that the build record or the record of issued versions was "damaged (a part of the path is a file, not
# a folder)", at a location cut to the name's last part (`null/briefgen.lock`), and went on as if nothing had
# been built, exit 0; the commands that write said what was wrong.

@pytest.mark.parametrize("kind", ["device", "fifo", "file"])
@pytest.mark.parametrize("command", [("status",), ("history",), ("diff",), ("build", "-a", "executive")])
def test_o_naming_a_file_a_device_or_a_pipe_is_refused_by_every_command(ws: Path, tmp_path: Path, kind: str,
                                                                       command: tuple[str, ...]) -> None:
    path = _special(tmp_path, kind)
    text = refused(ws, (*command, "-o", path), f"{path}: the output path exists and is not a directory",
                   "choose a directory with -o, or remove the file")
    assert "damaged" not in text, text


# `-o` naming a symbolic link to nothing: a build made the folder the link names, wherever it was (`-o out` with
# out -> /srv/briefs made /srv/briefs), and wrote the briefs there; a link loop was reported as a bare ELOOP.

@pytest.mark.parametrize("command", [("build", "-a", "executive"), ("status",), ("issue", "-a", "executive")])
def test_o_naming_a_link_to_nothing_is_refused_and_nothing_made(ws: Path, tmp_path: Path,
                                                                command: tuple[str, ...]) -> None:
    (tmp_path / "out").symlink_to(tmp_path / "made/by/the/build")
    refused(ws, (*command, "-o", str(tmp_path / "out")), f"{tmp_path}/out: -o names a symbolic link to "
            f"'{tmp_path}/made/by/the/build', which does not exist (or a link loop)",
            "name the folder itself with -o, or make it first")
    assert not (tmp_path / "made").exists()


# A full disk while a command writes a file of the workspace: `audiences new`, `seeds update` and `init` said
# "briefgen: no space left on the device" (a failed write names no file); `init` left the catalogue it had begun,
# empty, so the next `init` (the disk freed) refused the folder: "a workspace already exists here".

def _filled(disk: Path) -> None:
    with (disk / "fill").open("wb") as out, contextlib.suppress(OSError):
        while True:
            out.write(b"\0" * 65536)


@pytest.mark.usefixtures("can_mount")
def test_a_full_disk_names_the_file_being_written_and_init_leaves_nothing_half_made(built: Path,
                                                                                   tmp_path: Path) -> None:
    (tmp_path / "disk").mkdir()
    with mounted(("-t", "tmpfs", "-o", "size=8m", "tmpfs"), point=tmp_path / "disk") as disk:
        shutil.copytree(built, disk / "ws", symlinks=True)
        (disk / "new.txt").write_text("A new version of the document.\n", encoding="utf-8")
        _filled(disk)
        hint = "free some disk space, then run the command again"
        _says(briefgen(disk / "ws", "audiences", "new", "board"), "templates/board.yaml: no space left on the device",
              hint)
        _says(briefgen(disk / "ws", "seeds", "update", "gsw-ai-arms-race", str(disk / "new.txt")),
              f"seeds/{FIRST_SEED}: no space left on the device", hint)
        _says(_run(disk, "init", "fresh"), "fresh/seeds/sources.yaml: no space left on the device", hint)
        assert [p for p in (disk / "fresh").rglob("*") if p.is_file()] == []
        (disk / "fill").unlink()
        done = _run(disk, "init", "fresh")
        assert done.returncode == 0, said(done)
        assert (disk / "fresh/seeds/summary.yaml").stat().st_size > 0


# templates/ a pipe, a device or a file: every command passed over it and used the bundled profiles and
# templates without a word (a workspace whose own templates a careless copy turned into one file built briefs of
# the bundled look); only `audiences new` said a file was in the way.

@pytest.mark.parametrize("kind", ["fifo", "device", "file"])
@pytest.mark.parametrize("command", [("check",), ("build",), ("status",), ("audiences",)])
def test_templates_that_is_not_a_folder_is_refused_by_every_command(ws: Path, kind: str,
                                                                    command: tuple[str, ...]) -> None:
    shutil.rmtree(ws / "templates")
    if kind == "device":
        os.mknod(ws / "templates", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    elif kind == "fifo":
        os.mkfifo(ws / "templates")
    else:
        (ws / "templates").write_text("x\n", encoding="utf-8")
    what = {"fifo": "a named pipe (FIFO)", "device": "a character device", "file": "a file"}[kind]
    refused(ws, command, f"templates: {what} is in the way: briefgen keeps the audiences' folder here",
            "move the file elsewhere, then run the command again")


# output/ a pipe or a file: `check` warned that its stored result was damaged (`output/.cache/check.json: the
# stored check result is damaged`), which it was not: there is no folder to keep one in.

@pytest.mark.parametrize("kind", ["fifo", "file"])
def test_check_with_output_not_a_folder_says_so_not_that_its_result_is_damaged(ws: Path, kind: str) -> None:
    shutil.rmtree(ws / "output")
    os.mkfifo(ws / "output") if kind == "fifo" else (ws / "output").write_text("x\n", encoding="utf-8")
    done = briefgen(ws, "check")
    lines = [line.strip() for line in said(done).splitlines()]
    assert done.returncode == 0 and "damaged" not in said(done), said(done)
    warning = "output: warning: the output path exists and is not a directory, so no check result is kept"
    assert lines[lines.index(warning) + 1] == ("hint: remove the file: output/ is the folder briefgen keeps its "
                                               "briefs and caches in"), lines


# Before rendering, every template a tag names was looked for by a scan of the source that took the first quoted
# name after the tag's word: `{% include "part.xml.j2" ignore missing %}` (jinja's own way to include a template
# that may not be there) was refused as "not found", and `{% include "part" ~ suffix %}` was reported as naming
# 'part' (the first piece of the expression), whatever the name it built.

def test_an_include_that_may_be_missing_builds_without_it(ws: Path) -> None:
    (ws / "templates/public.xml.j2").write_text("{% extends 'base.xml.j2' %}{% block bluf %}\n{% include "
                                                "'optional.xml.j2' ignore missing %}{{ super() }}{% endblock %}",
                                                encoding="utf-8")
    done = briefgen(ws, "build", "-a", "public")
    assert done.returncode == 0, said(done)
    (ws / "templates/optional.xml.j2").write_text("<p>Read before the bottom line.</p>\n", encoding="utf-8")
    assert briefgen(ws, "build", "-a", "public").returncode == 0
    assert "Read before the bottom line." in pdftotext(ws / "output/public.pdf")


def test_a_name_built_by_an_expression_is_reported_as_built(ws: Path) -> None:
    (ws / "templates/public.xml.j2").write_text("{% extends 'base.xml.j2' %}{% block bluf %}\n{% include 'part' ~ "
                                                "'.xml.j2' %}{% endblock %}", encoding="utf-8")
    refused(ws, ("build", "-a", "public"), "templates/public.xml.j2:2: template 'part.xml.j2' not found",
            "name a template inside templates/ (a path from that folder, without '..'), or a bundled one: "
            "analyst.xml.j2, base.xml.j2, executive.xml.j2, public.xml.j2")


# `issue -o DIR` naming a folder that does not exist (a typo, a folder never built into): it made the folder and
# two lock files in it before saying that nothing had been built there.

@pytest.mark.parametrize("audiences", [("-a", "executive"), ()])
def test_issue_into_a_folder_never_built_makes_nothing(ws: Path, tmp_path: Path, audiences: tuple[str, ...]) -> None:
    done = briefgen(ws, "issue", *audiences, "-o", str(tmp_path / "typo"))
    assert done.returncode == 1, said(done)
    assert "never built: executive" in said(done) or "no brief has been built yet" in said(done), said(done)
    assert not (tmp_path / "typo").exists()


def test_a_fault_placed_in_a_bundled_template_names_it_as_briefgen_keeps_it_not_by_its_install_path(
        workspace: Path) -> None:
    """A block left with an element open is reported where the bundled base closes the element around it: that
    line was named by the installation's absolute path (/…/site-packages/briefgen/templates/base.xml.j2:53)."""
    (workspace / "templates" / "executive.xml.j2").write_text(
        '{% extends "base.xml.j2" %}\n{% block banner %}<banner>{% endblock %}\n', encoding="utf-8")
    result = run(workspace, "check")
    assert result.exit_code == 1, result.output
    placed = [line.strip() for line in result.output.splitlines() if "is still open" in line]
    assert placed and placed[0].startswith("briefgen/templates/base.xml.j2:"), result.output
    assert "opened at templates/executive.xml.j2:2" in placed[0], result.output
