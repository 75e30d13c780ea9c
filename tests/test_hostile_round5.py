"""Fault classes found by a fifth hostile-input round (tests/fuzz_round5.py generates the inputs), each run as
a user runs briefgen, as a process: the message line and its hint, exit code 1, nothing written outside the
workspace and the published briefs untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import published
from tests.test_fuzz_round import briefgen, built, refused, said, ws

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


# `seeds update` reads the catalogue unvalidated and replaced the entry's `file` wherever it led: a name with
# '..', an absolute path or a path through a link in seeds/ had it overwrite a file outside the workspace.

@pytest.mark.parametrize("how", ["up", "absolute", "link"])
def test_seeds_update_never_replaces_a_file_outside_seeds(ws: Path, tmp_path: Path, how: str) -> None:
    outside = tmp_path / "outside" / "victim.txt"
    outside.parent.mkdir()
    seed = ws / "seeds/000_eab46a25288d9a93.txt"
    outside.write_bytes(seed.read_bytes())
    newer = tmp_path / "newer.txt"
    newer.write_bytes(seed.read_bytes() + b"A line the newer version adds.\n")
    if how == "link":
        (ws / "seeds/elsewhere").symlink_to(outside.parent)
    named = {"up": "../../outside/victim.txt", "absolute": str(outside), "link": "elsewhere/victim.txt"}[how]
    catalogue = ws / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "file: 000_eab46a25288d9a93.txt", f"file: {named}"), encoding="utf-8")
    message = ("seeds/elsewhere is a symbolic link that leaves the seeds/ folder" if how == "link"
               else "the seed path leaves the seeds/ folder")
    hint = ("seed files must live inside seeds/: copy the file into the folder instead of linking to it from "
            "elsewhere" if how == "link" else "seed files must live inside seeds/")
    line = catalogue.read_text(encoding="utf-8").split("\n").index(f"    file: {named}") + 1
    refused(ws, ("seeds", "update", "gsw-ai-arms-race", str(newer)),
            f"seeds/sources.yaml:{line}:11: sources[0].file: {named}: {message}", hint)
    assert outside.read_bytes() == seed.read_bytes()


# `seeds show` reads the catalogue unvalidated and printed an entry's file name as it is: a line break in it
# broke the message in two, the second line without a place (and an escape sequence would act on the terminal).

def test_seeds_show_prints_a_file_name_on_one_line(ws: Path) -> None:
    catalogue = ws / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "file: 000_eab46a25288d9a93.txt", 'file: "gone\\n\\u001b[2Jname.txt"'), encoding="utf-8")
    refused(ws, ("seeds", "show", "gsw-ai-arms-race"),
            "seeds/sources.yaml:10:11: sources[0].file: gone\\u000a\\u001b[2Jname.txt: seed file not found",
            "check the `file` name, or copy the document into seeds/")


# A file the system refuses to read (its permissions; root made subject to them by dropping the capabilities
# that bypass them) was met first by the stamp taken of every input, before any reader: the error named the
# bare absolute path (`/home/…/seeds/000_….txt: permission denied`), not the catalogue line naming the seed.

UNPRIVILEGED = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"] if os.geteuid() == 0 else []


def _as_a_user(ws: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*UNPRIVILEGED, sys.executable, "-m", "briefgen", "-C", str(ws), *args],
                          capture_output=True, env=env, timeout=300, check=False)


@pytest.mark.skipif(bool(UNPRIVILEGED) and shutil.which("setpriv") is None, reason="setpriv drops root's rights")
@pytest.mark.parametrize(("file", "command", "message"), [
    ("seeds/000_eab46a25288d9a93.txt", "check", "seeds/sources.yaml:10:11: sources[0].file: 000_eab46a25288d9a93.txt: "
     "cannot read the seed: permission denied"),
    ("seeds/summary.yaml", "check", "seeds/summary.yaml: permission denied"),
    ("seeds/summary.yaml", "build", "seeds/summary.yaml: permission denied"),
    ("templates/executive.yaml", "build", "templates/executive.yaml: permission denied"),
])
def test_a_file_the_system_will_not_read_is_named_as_the_workspace_names_it(ws: Path, file: str, command: str,
                                                                             message: str) -> None:
    before = published(ws)
    (ws / file).chmod(0)
    done = _as_a_user(ws, command)
    lines = _lines(done)
    assert done.returncode == 1, said(done)
    assert message in lines, said(done)
    assert lines[lines.index(message) + 1] == "hint: check the owner and permissions of the file and its folder"
    assert "Traceback" not in said(done) and published(ws) == before


# `seeds add` printed the name of a file it added as it is: a line break in the name split the line in two,
# and the heading comment it writes above the entry in the catalogue likewise.

def test_seeds_add_prints_a_file_name_on_one_line(ws: Path, tmp_path: Path) -> None:
    odd = tmp_path / "drone\nnotes.txt"
    odd.write_text("A plain line about drones and their production.\n", encoding="utf-8")
    done = briefgen(ws, "seeds", "add", str(odd))
    assert done.returncode == 0, said(done)
    assert f"added {tmp_path}/drone\\u000anotes.txt: copied to seeds/drone-notes.txt" in said(done)
    assert "  # added by `briefgen seeds add` from drone\\u000anotes.txt on " in (
        ws / "seeds/sources.yaml").read_text(encoding="utf-8")


# A catalogue naming a seed in other case, or with its accents encoded otherwise than the file's name (typed
# as NFC, the file copied from a Mac as NFD: the two look the same), said only "seed file not found", with the
# hint to check the name, which looks right.

NEAR = [("Cafe\u0301.txt", "cafe\u0301.txt", "in case"),
        ("Cafe\u0301.txt", "Caf\u00e9.txt", "in how its accented letters are encoded (Unicode NFC against NFD: it "
         "looks the same)"),
        ("Cafe\u0301.txt", "caf\u00e9.txt", "in case and in how its accented letters are encoded (Unicode NFC "
         "against NFD: it looks the same)")]


@pytest.mark.parametrize(("on_disk", "named", "how"), NEAR, ids=["case", "nfd", "both"])
def test_a_seed_named_in_other_case_or_encoding_names_the_file_there(ws: Path, on_disk: str, named: str,
                                                                     how: str) -> None:
    (ws / "seeds/000_eab46a25288d9a93.txt").rename(ws / "seeds" / on_disk)
    catalogue = ws / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "file: 000_eab46a25288d9a93.txt", f"file: {named}"), encoding="utf-8")
    for command in (("check",), ("seeds", "show", "gsw-ai-arms-race")):
        refused(ws, command, f"seeds/sources.yaml:10:11: sources[0].file: {named}: seed file not found",
                f"the folder holds '{on_disk}', which differs from this name only {how}: write `file` exactly as "
                "the folder has it, or rename the file")


# A YAML file saved as UTF-16 or UTF-32 (Windows' "Unicode") was "not valid UTF-8 text" at line 1 or, without a
# byte-order mark, at the line of its first letter beyond ASCII (UTF-16 of ASCII is valid UTF-8, NULs and all),
# or "the file holds the control character U+0000" when it had none.

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
@pytest.mark.parametrize("file", ["seeds/summary.yaml", "seeds/sources.yaml", "templates/executive.yaml"])
def test_a_yaml_file_in_utf16_or_utf32_is_named_as_such(ws: Path, encoding: str, file: str) -> None:
    path = ws / file
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    wide = encoding[:6].upper()
    refused(ws, ("build",), f"{file}:1: the file is {wide} text, not UTF-8", "save it as UTF-8 (in an editor: "
            f"Save As, encoding UTF-8; or iconv -f {wide} -t UTF-8 old.yaml > new.yaml)")


# `seeds add`, `show` and `update` read the catalogue by their own path, which said "cannot read the catalogue:
# 'utf-8' codec can't decode byte 0xff in position 12: invalid start byte", with no line; they now decode it
# as every command does (yamlsrc.decoded).

@pytest.mark.parametrize("command", [("seeds", "show", "gsw-ai-arms-race"), ("seeds", "add", "README.md"),
                                     ("seeds", "update", "gsw-ai-arms-race", "newer.txt")])
@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_the_seeds_commands_place_a_catalogue_not_in_utf8(ws: Path, command: tuple[str, ...], encoding: str) -> None:
    (ws / "README.md").write_text("# Notes\n\nA plain line about drones and their production.\n", encoding="utf-8")
    (ws / "newer.txt").write_bytes((ws / "seeds/000_eab46a25288d9a93.txt").read_bytes())
    catalogue = ws / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8").replace("# The seed catalogue", "# The séed catalogue", 1)
    catalogue.write_bytes(text.encode(encoding))
    if encoding == "utf-16":
        refused(ws, command, "seeds/sources.yaml:1: the file is UTF-16 text, not UTF-8", "save it as UTF-8 (in an "
                "editor: Save As, encoding UTF-8; or iconv -f UTF-16 -t UTF-8 old.yaml > new.yaml)")
    else:
        line = text.split("\n").index(next(ln for ln in text.split("\n") if "séed" in ln)) + 1
        refused(ws, command, f"seeds/sources.yaml:{line}: not valid UTF-8 text", "save the file as UTF-8")


# A template saved as UTF-16 without a byte-order mark decoded as UTF-8 (its NULs and all) and failed as
# "malformed markup" in the rendered output; with one, it was "not valid UTF-8 (byte 0)".

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32-be"])
def test_a_template_in_utf16_or_utf32_is_named_as_such(ws: Path, encoding: str) -> None:
    template = ws / "templates/executive.xml.j2"
    template.write_bytes(template.read_text(encoding="utf-8").encode(encoding))
    refused(ws, ("build", "-a", "executive"), f"templates/executive.xml.j2:1: the template is "
            f"{encoding[:6].upper()} text, not UTF-8", "save it as UTF-8")


# `init` printed the files it made and the next commands with the folder's name as it is: a line break in it
# split every line, and a space broke the commands it suggests, which now quote it as a shell takes it.

def test_init_reports_an_odd_folder_name_on_one_line_each(tmp_path: Path) -> None:
    done = briefgen(tmp_path, "init", str(tmp_path / "new topic\nbis"))
    assert done.returncode == 0, said(done)
    lines = said(done).splitlines()
    shown = f"{tmp_path}/new topic\\u000abis"
    assert all(line.startswith((f"created {shown}/", "next: ")) for line in lines), lines
    assert f"`briefgen -C '{shown}' check`" in lines[-1]
    assert (tmp_path / "new topic\nbis/seeds/summary.yaml").is_file()


# The stamps that tell `check` (and `build --if-changed`, `status`) whether any input changed covered only the
# files directly in seeds/: a seed the catalogue names in a subfolder (`file: sub/report.txt`) could be edited,
# a cited passage gone, and `check` still reported the stored verdict, OK.

def test_an_edit_to_a_seed_in_a_subfolder_is_seen_by_check(ws: Path) -> None:
    (ws / "seeds/sub").mkdir()
    (ws / "seeds/000_eab46a25288d9a93.txt").rename(ws / "seeds/sub/000_eab46a25288d9a93.txt")
    catalogue = ws / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "file: 000_eab46a25288d9a93.txt", "file: sub/000_eab46a25288d9a93.txt"), encoding="utf-8")
    first = briefgen(ws, "check")
    assert first.returncode == 0, said(first)
    seed = ws / "seeds/sub/000_eab46a25288d9a93.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("unmanned weapons", "unmanned arms"), encoding="utf-8")
    again = briefgen(ws, "check")
    assert again.returncode == 1, said(again)
    assert "passage not found in seeds/sub/000_eab46a25288d9a93.txt" in said(again)
    assert briefgen(ws, "build", "--if-changed").returncode == 1


@pytest.mark.skipif(bool(UNPRIVILEGED) and shutil.which("setpriv") is None, reason="setpriv drops root's rights")
def test_a_subfolder_of_seeds_the_system_will_not_list_stops_nothing(ws: Path) -> None:
    (ws / "seeds/private").mkdir()
    (ws / "seeds/private/notes.txt").write_text("kept here, never catalogued\n", encoding="utf-8")
    (ws / "seeds/private").chmod(0)
    try:
        done = _as_a_user(ws, "check")
    finally:
        (ws / "seeds/private").chmod(0o755)
    assert done.returncode == 0, said(done)
