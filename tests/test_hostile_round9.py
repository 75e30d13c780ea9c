"""Fault classes found by a ninth hostile round (tests/fuzz_round9.py draws more of them): the moments and places
earlier rounds did not reach. A signal while Python imports the command line; a standard error that cannot be
written when a build warns; a file replaced by another of the same size and time under a warm `watch`. Each runs
briefgen as a process, so the descriptors, signals and exit codes are the real ones."""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fuzz_round9 import before_entry
from tests.helpers import copy_workspace, edit, pdf_fonts, pdftotext, published, set_marker
from tests.test_fuzz_round import built, ws
from tests.validate import our_temps

__all__ = ["built", "ws"]  # the fixtures, shared with tests/test_fuzz_round.py

# Ctrl-C in the first ~0.1 s, while Python imported click and the commands, printed Python's traceback of
# KeyboardInterrupt (exit 1 or killed), and SIGTERM killed the process (-15). The entry point (briefgen/cli/start.py)
# now holds the signals before it imports the command line; only the interpreter's own start-up and `import
# briefgen` (the precompiled table) come before it, where a traceback names no frame of briefgen.cli.


def console_script(folder: Path) -> Path:
    """The console script pip writes for pyproject's entry point (the shared venv's own names main's)."""
    module, _, function = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"][
        "briefgen"].partition(":")
    script = folder / "briefgen"
    script.write_text(f"#!{sys.executable}\nimport re\nimport sys\nfrom {module} import {function}\n"
                      "if __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', "
                      f"sys.argv[0])\n    sys.exit({function}())\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def _interrupted(command: list[str], signum: int, delay: float) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out.decode(), err.decode()


def test_a_signal_at_any_moment_of_start_up_ends_the_command_as_documented(tmp_path: Path) -> None:
    rng = random.Random(9)
    entries = {"module": [sys.executable, "-m", "briefgen", "--version"],
               "script": [str(console_script(tmp_path)), "--version"]}
    seen: set[tuple[str, int]] = set()
    for _ in range(40):
        name, signum = rng.choice(sorted(entries)), rng.choice([signal.SIGINT, signal.SIGTERM])
        delay = rng.uniform(0, .15)
        code, out, err = _interrupted(entries[name], signum, delay)
        label = f"{name} {signal.Signals(signum).name} at {delay * 1000:.0f} ms: exit {code}: {err[-600:]}"
        if before_entry(err) or (code == -signum and not err):  # Python's own, before briefgen's entry ran
            continue
        assert "Traceback" not in err, label
        if code == 0:  # the signal came once the command was done
            assert out.startswith("briefgen, version"), label
            continue
        assert code == 128 + signum, label
        assert err.strip() == ("Aborted." if signum == signal.SIGINT else ""), label
        seen.add((name, code))
    assert {("module", 130), ("script", 130)} <= seen  # the loop did reach the import of the command line


# A standard error that cannot be written (/dev/full, a reader gone) when a build warned (here: a damaged build
# record) stopped the build as Ctrl-C does: nothing published, exit 1 and not a word. What cannot be shown is now
# dropped: the briefs publish as with a working standard error, and the exit code says a warning was lost (1 for a
# full device, 141 for a reader gone).

def _warning_build(ws: Path, stderr: object) -> subprocess.CompletedProcess[bytes]:
    (ws / "output/briefgen.lock").write_text("garbage\n", encoding="utf-8")  # warned about, then replaced
    set_marker(ws, 91)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "build"], stdout=subprocess.PIPE,
                          stderr=stderr, env=env, timeout=300, check=False)


def _contents(ws: Path) -> dict[str, str]:
    """The briefs published (not the record nor history, which name the time and the folder)."""
    return {name: digest for name, (digest, _) in published(ws).items() if name.endswith((".docx", ".pdf"))
            and "/" not in name}


@pytest.mark.parametrize("where", ["full", "gone"])
def test_a_warning_that_cannot_be_shown_does_not_stop_the_build(ws: Path, tmp_path: Path, where: str) -> None:
    shown = _warning_build(copy_workspace(ws, tmp_path / "shown"), subprocess.PIPE)
    assert shown.returncode == 0 and b"warning: the build record is damaged" in shown.stderr
    if where == "full":
        with open("/dev/full", "wb") as full:
            done = _warning_build(ws, full)
    else:
        read, write = os.pipe()
        os.close(read)
        done = _warning_build(ws, write)
        os.close(write)
    assert done.returncode == (1 if where == "full" else 141), done.stdout.decode()
    assert done.stdout == shown.stdout  # the same report of what was written
    assert _contents(ws) == _contents(tmp_path / "shown/ws") != {}
    assert "Zqmark91" in pdftotext(ws / "output/analyst.pdf")
    assert our_temps(ws / "output") == []


# `watch` kept a logo it had read by its modification time and size (and the PDF's layout by the theme, which names
# the logo's path only): a logo replaced by another of the same size and time (`cp -p`, `touch -r`, a git checkout
# within one second) was drawn as before. Such caches are now keyed by safeio.file_version (device, inode, size,
# modification and status-change times).

def _logo(path: Path, rgb: tuple[int, int, int]) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), rgb).save(path, format="PNG", compress_level=0)  # stored: every colour one size


def _logo_colour(pdf: Path) -> tuple[int, int, int]:
    from pypdf import PdfReader

    (image,) = PdfReader(pdf).pages[0].images
    return image.image.convert("RGB").getpixel((1, 1))  # type: ignore[no-any-return]


def _said(proc: subprocess.Popen[bytes], line: bytes, seconds: float = 120) -> None:
    """Wait until `proc` prints a line that starts with `line`."""
    assert proc.stdout is not None
    deadline, heard = time.monotonic() + seconds, []
    while time.monotonic() < deadline:
        if select.select([proc.stdout], [], [], 1)[0]:
            heard.append(proc.stdout.readline())
            assert heard[-1], f"watch ended: {heard}"
            if heard[-1].startswith(line):
                return
    raise AssertionError(f"watch never said {line!r}: {heard}")


@contextlib.contextmanager
def _watching(ws: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`briefgen watch -a public` running on `ws`, once it watches; stopped with Ctrl-C, which it ends with 0."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), "watch", "-a", "public"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)  # select() sees all
    try:
        _said(proc, b"watch: watching")
        yield proc
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
    assert proc.returncode == 0


def _as_before(path: Path, stamp: os.stat_result) -> None:
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size


def test_a_logo_swapped_for_one_of_the_same_size_and_time_is_drawn_anew_by_watch(ws: Path) -> None:
    logo = ws / "templates/logo.png"
    edit(ws / "templates/public.yaml", "look:\n", "look:\n  logo: logo.png\n")
    _logo(logo, (200, 0, 0))
    stamp = logo.stat()
    with _watching(ws) as proc:
        for rgb in [(0, 0, 200), (200, 0, 0), (0, 160, 0)]:  # the second and third: read by this process before
            _logo(logo, rgb)
            _as_before(logo, stamp)
            _said(proc, b"watch: rebuilt")
            assert _logo_colour(ws / "output/public.pdf") == rgb


def test_a_template_swapped_for_one_of_the_same_size_and_time_is_used_anew_by_watch(ws: Path) -> None:
    """jinja kept a compiled template while its file's modification time stayed the same."""
    template = ws / "templates/public.xml.j2"
    text, stamp = template.read_text(encoding="utf-8"), template.stat()
    with _watching(ws) as proc:
        for word in ["EVERY", "every", "Every"]:
            template.write_text(text.replace("Every statement above", f"{word} statement above"), encoding="utf-8")
            _as_before(template, stamp)
            _said(proc, b"watch: rebuilt")
            assert f"{word} statement above is tied" in pdftotext(ws / "output/public.pdf")


# Brief markup a template wrote that no brief shows: a sentence standing between the blocks (outside any <p>), in a
# <box>, <ul>, <table> or <tr>, and an element a container does not hold (<th> in a row, <p> in a list, <thead>):
# the reader skipped them, the build published a brief without them and said nothing. They are now refused at
# the template line that wrote them.

STRAY = {
    "Read this first.": "text 'Read this first.' stands directly in <brief>",
    "<box title='x'><p>a</p>and this</box>": "text 'and this' stands directly in <box>",
    "<ul>lead<li>a</li></ul>": "text 'lead' stands directly in <ul>",
    "<ul><li>a</li><p>b</p></ul>": "<ul> holds <li> only, not <p>",
    "<table><col>A</col>rows:<tr><td>x</td></tr></table>": "text 'rows:' stands directly in <table>",
    "<table><col>A</col><tr><td>x</td>!</tr></table>": "text '!' stands directly in <tr>",
    "<table><col>A</col><tr><th>x</th></tr></table>": "<tr> holds <td> only, not <th>",
    "<table><col>A</col><thead/><tr><td>x</td></tr></table>": "<table> holds <col>, <tr> only, not <thead>",
}


@pytest.mark.parametrize("markup", sorted(STRAY))
def test_markup_no_brief_would_show_is_refused_at_its_line(ws: Path, markup: str) -> None:
    (ws / "templates/public.xml.j2").write_text(
        '{% extends "base.xml.j2" %}\n{% block bluf %}\n' + markup + "\n{% endblock %}\n", encoding="utf-8")
    before = published(ws)
    done = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "build"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    first = done.stderr.splitlines()[0]
    assert first.startswith(f"templates/public.xml.j2:3: {STRAY[markup]}"), done.stderr
    assert first.endswith("(in the markup this line writes)")
    assert "Traceback" not in done.stderr
    assert published(ws) == before


def test_a_short_seeded_fuzz_of_round_nine_breaks_no_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """tests/fuzz_round9.py for a short while (a fixed seed: the cases it draws first)."""
    from tests import fuzz_round9

    assert fuzz_round9.main(seconds=25, argv=[]) == 0, capsys.readouterr().out


def test_a_font_swapped_for_one_of_the_same_size_and_time_is_embedded_anew_by_watch(ws: Path) -> None:
    """A profile's own font (look.fonts) was checked once per modification time and size."""
    from tests.fontmaker import make_font
    from tests.test_look_fonts import LATIN

    font = ws / "templates/house.ttf"
    edit(ws / "templates/public.yaml", "look:\n", "look:\n  fonts:\n    body: house.ttf\n")
    families = ["Briefgen Swap Aaaa", "Briefgen Swap Bbbb", "Briefgen Swap Aaaa"]
    make_font(font, families[0], LATIN)
    stamp = font.stat()
    with _watching(ws) as proc:
        for family in families[1:]:
            make_font(font, family, LATIN)
            _as_before(font, stamp)
            _said(proc, b"watch: rebuilt")
            assert family.replace(" ", "") in " ".join(pdf_fonts(ws / "output/public.pdf"))
