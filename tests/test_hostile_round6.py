"""Fault classes found by a sixth hostile-input round (tests/fuzz_round6.py generates the inputs), each run as a
user runs briefgen, as a process: the message line and its hint, exit code 1, nothing read or written outside
the workspace and the published briefs untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import wait_for_output
from tests.test_fuzz_round import briefgen, built, refused, said, ws

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
        ours = {os.stat(ws / "seeds").st_ino, os.stat(ws / "seeds/sub").st_ino}
        deadline = time.monotonic() + 30
        while not ours <= (watched := _watched_inodes(proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)  # the oracle sees the watches of our own folders: the watcher is set up
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "Traceback" not in said and "internal error" not in said, said
    assert ours <= watched, watched
    assert not {os.stat(elsewhere).st_ino, os.stat(elsewhere / "deeper").st_ino} & watched


# A folder named with -o (or -C) may hold a line feed: the build's report lines ("out\nput/analyst.docx: 3 pages")
# and an error's location were printed split in two, the second half read as a line of its own by a log reader.

def test_a_report_names_an_output_folder_with_a_line_feed_on_one_line(ws: Path) -> None:
    done = briefgen(ws, "build", "-a", "executive", "-o", str(ws.parent / "out\nput"))
    assert done.returncode == 0, said(done)
    lines = said(done).splitlines()
    assert lines == [f"{ws.parent}/out\\u000aput/executive.{kind}: 1 page, 18 footnotes; left out to fit: "
                     "fig-2022-incursion" for kind in ("docx", "pdf")], lines
    assert (ws.parent / "out\nput/executive.pdf").is_file()


def test_an_error_names_an_output_path_with_a_line_feed_on_one_line(ws: Path) -> None:
    (ws / "fi\nle").write_text("not a folder\n", encoding="utf-8")
    refused(ws, ("build", "-o", str(ws / "fi\nle")), f"{ws}/fi\\u000ale: the output path exists and is not a directory",
            "choose a directory with -o, or remove the file")


# A workspace's own templates were kept compiled in output/.cache/templates, and read back by every command that
# rendered them: jinja's cache entry starts with a pickle, and its code runs outside the sandbox, so a file put
# there (a workspace copied in with its output folder) ran any code at `briefgen check`.

class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        return (os.mkdir, (str(self.marker),))


def _plant(ws: Path, marker: Path) -> None:
    """A cache entry that runs code when read, under every name jinja gives the board template's (or already
    gave it: what a build left there)."""
    import hashlib
    import pickle

    from jinja2.bccache import bc_magic

    folder = ws / "output/.cache/templates"
    folder.mkdir(parents=True, exist_ok=True)
    template = ws / "templates/board.xml.j2"
    keys = {hashlib.sha1(f"board.xml.j2|{name}".encode()).hexdigest() for name in (template, template.resolve())}
    names = {path.name for path in folder.glob("__jinja2_*")} | {f"__jinja2_{key}.cache" for key in keys}
    for name in names:
        (folder / name).write_bytes(bc_magic + pickle.dumps(_Planted(marker), 2))


def test_no_compiled_template_is_read_from_the_workspace(ws: Path, tmp_path: Path) -> None:
    assert briefgen(ws, "audiences", "new", "board", "--template").returncode == 0
    done = briefgen(ws, "build", "-a", "board")
    assert done.returncode == 0, said(done)
    marker = tmp_path / "ran"
    _plant(ws, marker)
    for command in (("check", "--no-cache"), ("build", "-a", "board"), ("audiences",)):
        done = briefgen(ws, *command)
        assert done.returncode == 0, said(done)
        assert not marker.exists(), command
    assert not list((ws / "output/.cache").glob("templates/*"))  # the build pruned what it never reads


# Standard output in an encoding that cannot hold all of Unicode (PYTHONIOENCODING=latin-1, a Latin-1 locale, as a
# scheduler's environment may set): every report holding a dash, a curly quote or a seed's text stopped with
# "internal error: UnicodeEncodeError('latin-1', ...)", exit 3, after printing part of it.

def _run_in(ws: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), *args], capture_output=True, env=env,
                          timeout=300, check=False)


def test_an_output_encoding_short_of_unicode_prints_escapes(ws: Path) -> None:
    for command in (("check",), ("coverage",), ("seeds", "show", "ai-digest-top-priority")):
        wide, narrow = briefgen(ws, *command), _run_in(ws, "latin-1", *command)
        assert narrow.returncode == wide.returncode == 0, narrow.stderr.decode("latin-1")
        # the oracle: the UTF-8 run's text, each character Latin-1 cannot hold written as Python reads it back
        expected = wide.stdout.decode("utf-8")
        got = narrow.stdout.decode("latin-1")
        assert got.encode("latin-1").decode("unicode_escape") == expected.encode("latin-1", "backslashreplace") \
            .decode("unicode_escape"), command
        assert "\\u2014" in got or "\\u201c" in got or "\\u2019" in got, got[:300]


def test_json_in_an_output_encoding_short_of_unicode_is_the_same_json(ws: Path) -> None:
    for command in (("check", "--json"), ("coverage", "--json"), ("status", "--json")):
        wide, narrow = briefgen(ws, *command), _run_in(ws, "latin-1", *command)
        assert narrow.returncode == wide.returncode, narrow.stderr.decode("latin-1")
        assert json.loads(narrow.stdout.decode("latin-1")) == json.loads(wide.stdout.decode("utf-8")), command


# output/.builds linked out of the workspace: a build refuses to write through it, but `history`, `status --since`
# and `diff --since` read the build records there (a record put there was believed, or warned about as damaged).

def test_build_records_behind_a_link_are_never_read(ws: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside-builds"
    (ws / "output/.builds").rename(outside)
    (ws / "output/.builds").symlink_to(outside, target_is_directory=True)
    (outside / "00001.json").write_text("{not json", encoding="utf-8")
    for command in (("history",), ("status", "--since", "build1"), ("diff", "--since", "build1")):
        text = said(briefgen(ws, *command))
        assert "00001.json" not in text, text  # never opened
        assert "output/.builds: warning: the folder of build records is a symbolic link, so no record in it is " \
               "read" in text.splitlines(), text



# A brand file (look.brand, a Quarto _brand.yml) ignored every key briefgen does not take, so a misspelt one
# (`colour:`, `primay:`, `bsae:`) left the brief unbranded without a word; keys the brand.yml specification
# defines and briefgen does not use are still accepted.

BRAND_PROFILE = "template: executive.xml.j2\nlook:\n  brand: _brand.yml\n"


def test_a_misspelt_key_in_a_brand_file_is_located_with_the_near_name(ws: Path) -> None:
    (ws / "templates/board.yaml").write_text(BRAND_PROFILE, encoding="utf-8")
    (ws / "templates/_brand.yml").write_text('colour:\n  primary: "#2E7D32"\ncolor:\n  primay: navy\n'
                                             "typography:\n  bsae: Georgia\n", encoding="utf-8")
    done = briefgen(ws, "build", "-a", "board")
    lines = [line.strip() for line in said(done).splitlines()]
    assert done.returncode == 1, lines
    for message, hint in (("templates/_brand.yml:1:1: colour: unknown key 'colour'", "did you mean 'color'?"),
                          ("templates/_brand.yml:4:3: color.primay: unknown key 'primay'", "did you mean 'primary'?"),
                          ("templates/_brand.yml:6:3: typography.bsae: unknown key 'bsae'", "did you mean 'base'?")):
        assert message in lines and lines[lines.index(message) + 1] == f"hint: {hint}", lines
    assert not (ws / "output/board.pdf").exists()


def test_a_brand_file_with_every_key_of_the_specification_builds(ws: Path) -> None:
    (ws / "templates/board.yaml").write_text(BRAND_PROFILE, encoding="utf-8")
    (ws / "templates/_brand.yml").write_text(
        "meta: {name: Northwind, link: {home: 'https://example.org'}}\n"
        "color: {palette: {forest: '#2E7D32'}, primary: forest, secondary: navy, tertiary: '#eee', foreground: '#111',"
        " background: '#fff', success: green, info: blue, warning: orange, danger: red, light: '#fafafa',"
        " dark: '#222'}\n"
        "typography: {fonts: [{family: Georgia, source: system}], base: {family: Georgia, size: 11pt,"
        " line-height: 1.3, weight: 400}, headings: {family: Georgia, weight: 700, style: normal, color: forest},"
        " monospace: Courier, monospace-inline: {color: red}, monospace-block: {background-color: '#eee'},"
        " link: {decoration: underline}}\n"
        "defaults: {bootstrap: {defaults: {enable-rounded: true}}}\n", encoding="utf-8")
    done = briefgen(ws, "build", "-a", "board")
    assert done.returncode == 0, said(done)
    styles = zipfile.ZipFile(ws / "output/board.docx").read("word/styles.xml").decode()
    assert 'w:val="2E7D32"' in styles and 'w:ascii="Georgia"' in styles  # the brand's accent and font took


# A folder that is no workspace (a mistyped -C): `audiences new` made templates/ and a profile there, and `status`,
# `history` and `diff` reported it as a workspace never built ("analyst: out of date — never built", exit 0).

def test_a_folder_that_is_no_workspace_is_named_so_and_gets_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    for command in (("status",), ("status", "--json"), ("history",), ("diff",), ("audiences", "new", "board")):
        refused(folder, command, f"seeds/: no seeds/ folder in {folder}: it is not a briefgen workspace",
                "run `briefgen init DIR` to scaffold one, or name the workspace with -C")
        assert list(folder.iterdir()) == [], command


# State a newer briefgen wrote (a format number above this one's) was called damaged, with the hint to restore it
# from a backup or move it aside: whole records, which the newer briefgen still reads, and only an upgrade helps.

def _stamped(path: Path, version: object) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format"] = version
    path.write_text(json.dumps(data), encoding="utf-8")
    return path.read_bytes()


def test_state_a_newer_briefgen_wrote_is_named_so_and_kept(ws: Path) -> None:
    assert briefgen(ws, "issue", "-a", "executive").returncode == 0
    record = _stamped(ws / "output/issued/issued.json", 2)
    _stamped(ws / "output/briefgen.lock", 7)
    refused(ws, ("issue", "-a", "executive"), "output/issued/issued.json: the record of issued versions was written "
            "by a newer briefgen (format 2, where this one reads format 1); issuing would replace it",
            "run the newer briefgen that wrote it (pip install --upgrade briefgen); the record is left as it is")
    assert (ws / "output/issued/issued.json").read_bytes() == record
    lines = [line.strip() for line in said(briefgen(ws, "status")).splitlines()]
    warning = ("output/briefgen.lock: warning: the build record was written by a newer briefgen (format 7, where "
               "this one reads format 1); it is ignored, so every brief counts as changed")
    assert warning in lines and lines[lines.index(warning) + 1] == (
        "hint: run the newer briefgen that wrote it (pip install --upgrade briefgen); a build with this one replaces "
        "the record"), lines


def test_state_of_an_older_or_unknown_format_is_still_damaged(ws: Path) -> None:
    for version in (0, "1", True, None):
        _stamped(ws / "output/briefgen.lock", version)
        text = said(briefgen(ws, "status"))
        assert "output/briefgen.lock: warning: the build record is damaged (not a build record this briefgen " \
               "wrote); it is ignored, so every brief counts as changed" in text.splitlines(), (version, text)


# A year mistyped far into the future (accessed: 2999-11-23, as_of: 2205-09-19) passed without a word; a date
# that is only a little ahead of this machine's clock (a clock set wrong) is still taken as it is.

def test_a_date_far_in_the_future_is_warned_about(ws: Path) -> None:
    catalogue, model = ws / "seeds/sources.yaml", ws / "seeds/summary.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace('accessed: "2026-11-23"',
                                                                       'accessed: "2999-11-23"', 1), encoding="utf-8")
    model.write_text(model.read_text(encoding="utf-8").replace('as_of: "2025-09-19"', 'as_of: "2205-09-19"'),
                     encoding="utf-8")
    done = briefgen(ws, "check")
    lines = [line.strip() for line in said(done).splitlines()]
    assert done.returncode == 0, lines
    clock = "more than a year after today, by this machine's clock"
    assert f"seeds/sources.yaml:19:15: warning: sources[0].accessed: gsw-ai-arms-race: accessed 2999-11-23 is " \
           f"{clock}" in lines, lines
    assert f"seeds/summary.yaml:26:10: warning: brief.as_of: the information cutoff 2205-09-19 is {clock}" in lines


def test_a_date_a_little_ahead_of_the_clock_is_taken(ws: Path) -> None:
    import datetime as dt

    soon = (dt.date.today() + dt.timedelta(days=300)).isoformat()
    catalogue = ws / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace('accessed: "2026-11-23"', f'accessed: "{soon}"',
                                                                       1), encoding="utf-8")
    done = briefgen(ws, "check")
    assert done.returncode == 0 and "by this machine's clock" not in said(done), said(done)


# A YAML file holding one value rather than keys named it by Python's type: "not a NoneType" for `null`, "not a
# str" for a line of words.

def test_a_file_of_one_value_is_named_in_yamls_words(ws: Path) -> None:
    for text, kind in (("null\n", "null"), ("just words\n", "a piece of text"), ("12\n", "a number"),
                       ("- a\n", "a list"), ("yes\n", "true or false")):
        (ws / "templates/executive.yaml").write_text(text, encoding="utf-8")
        done = briefgen(ws, "build", "-a", "executive")
        assert done.returncode == 1
        assert f"templates/executive.yaml:1:1: the file must hold a mapping of keys, not {kind}" in \
            said(done).splitlines(), said(done)
