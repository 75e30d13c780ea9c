"""Template render ceilings (issue 6): a template that loops too long or prints too much is stopped with a
located error, exit 1, the published briefs untouched; the process, its timer and its template cache carry on.

The ceilings are lowered through BRIEFGEN_RENDER_SECONDS / BRIEFGEN_RENDER_CHARS to keep the tests quick;
the defaults (10 s, 20,000,000 characters) are tested for the size only, in a memory-capped process."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, published, run

TEMPLATE = "templates/executive.xml.j2"
LOOP = "{% for i in range(100000) %}\n{% for j in range(100000) %}{% endfor %}\n{% endfor %}"
ENDLESS = {  # each stops only because of the ceiling: 10^10 iterations
    "a loop with no calls and no output": "{% set r = range(100000) %}{% for i in r %}\n{% for j in r %}"
                                          "{% endfor %}\n{% endfor %}",
    "a loop that calls range()": LOOP,
    "a loop inside a macro": "{% macro m() %}{% for i in range(100000) %}\n{% for j in range(100000) %}x"
                             "{% endfor %}{% endfor %}{% endmacro %}\n{{ m() }}",
    "a loop inside a set block": "{% set s %}{% for i in range(100000) %}\n{% for j in range(100000) %}x{% endfor %}"
                                 "{% endfor %}{% endset %}",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("limits"))


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Path:
    return copy_workspace(built, tmp_path)


def _bluf(ws: Path, body: str) -> None:
    """Replace the executive BLUF block with `body`, which starts on line 3 of the template."""
    (ws / TEMPLATE).write_text('{% extends "base.xml.j2" %}\n{% block bluf %}\n' + body + "\n{% endblock %}\n",
                               encoding="utf-8")


@pytest.mark.parametrize("case", sorted(ENDLESS))
def test_endless_template_is_stopped_at_the_ceiling(case: str, ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_RENDER_SECONDS", "1")
    before, handler = published(ws), signal.getsignal(signal.SIGALRM)
    _bluf(ws, ENDLESS[case])
    started = time.monotonic()
    result = run(ws, "build", "-a", "executive")
    took = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert f"{TEMPLATE}:4: the template ran for more than 1 s and was stopped" in result.output, result.output
    assert "BRIEFGEN_RENDER_SECONDS" in result.output and "Traceback" not in result.output
    assert took < 8, took
    assert published(ws) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is handler


def test_cached_templates_work_after_a_timeout(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same process (as `watch` is) renders again: other audiences from the cache, the fixed template."""
    from briefgen.regen.watch import rebuild
    from briefgen.workspace import Workspace

    monkeypatch.setenv("BRIEFGEN_RENDER_SECONDS", "1")
    workspace, errors, lines = Workspace.at(ws), [], []
    assert rebuild(workspace, (), None, lines.append, errors.append)  # compiles and caches every template
    good = (ws / TEMPLATE).read_text(encoding="utf-8")
    _bluf(ws, LOOP)
    assert not rebuild(workspace, ("executive",), None, lines.append, errors.append)
    assert "the template ran for more than 1 s" in errors[0]
    (ws / "seeds/summary.yaml").write_text((ws / "seeds/summary.yaml").read_text(encoding="utf-8").replace(
        "how capable the new systems are is unknown.", "how capable the new systems are is not known."))
    assert rebuild(workspace, ("analyst", "public"), None, lines.append, errors.append), errors
    (ws / TEMPLATE).write_text(good, encoding="utf-8")
    assert rebuild(workspace, ("executive",), None, lines.append, errors.append), errors
    assert "output/executive.pdf" in "\n".join(lines)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_render_on_another_thread_stops_too(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No timer off the main thread: the sandbox's own checks (here, on each call of range()) stop it."""
    monkeypatch.setenv("BRIEFGEN_RENDER_SECONDS", "1")
    _bluf(ws, LOOP)
    results = []
    worker = threading.Thread(target=lambda: results.append(run(ws, "build", "-a", "executive")))
    started = time.monotonic()
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive() and time.monotonic() - started < 8
    assert results[0].exit_code == 1 and f"{TEMPLATE}:4: the template ran for more than 1 s" in results[0].output


def test_markup_over_the_size_ceiling_is_refused(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_RENDER_CHARS", "100000")
    before = published(ws)
    _bluf(ws, "{% for i in range(100000) %}\n<p>{{ brief.title }}</p>\n{% endfor %}")
    result = run(ws, "build", "-a", "executive")
    assert result.exit_code == 1
    assert f"{TEMPLATE}:4: the rendered markup would exceed 100,000 characters" in result.output, result.output
    assert published(ws) == before


@pytest.mark.parametrize("name", ["BRIEFGEN_RENDER_SECONDS", "BRIEFGEN_RENDER_CHARS"])
@pytest.mark.parametrize("value", ["soon", "0", "-3", "inf", "1e308", "nan"])
def test_a_bad_ceiling_is_a_clear_error(name: str, value: str, ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(name, value)
    result = run(ws, "build", "-a", "executive")
    assert result.exit_code == 1, result.output
    kind = "a whole number" if name == "BRIEFGEN_RENDER_CHARS" else "a number"
    assert f"{name}: {value!r} is not {kind} of" in result.output and "more than 0" in result.output


@pytest.mark.parametrize("value", ["0.5", "1.5", "99999.9"])
def test_a_character_ceiling_of_a_fraction_is_refused(value: str, ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A count of characters is whole: 0.5 was taken as a ceiling of 0, and every template then failed with
    "would exceed 0 characters"."""
    monkeypatch.setenv("BRIEFGEN_RENDER_CHARS", value)
    result = run(ws, "build", "-a", "executive")
    assert result.exit_code == 1, result.output
    assert (f"BRIEFGEN_RENDER_CHARS: {value!r} is not a whole number of characters more than 0 and up to 1e+09"
            in result.output.splitlines()), result.output


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, resource.RLIM_INFINITY))


def test_500_mb_template_is_stopped_within_bounded_memory(ws: Path) -> None:
    """With the default ceilings, in a process that may use 1.5 GB of address space in all: 500 MB of
    markup (5,000 characters, 100,000 times) would not fit; the size ceiling stops it first."""
    before = published(ws)
    _bluf(ws, "{% for i in range(100000) %}\n<p>" + "y" * 5000 + "</p>\n{% endfor %}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    done = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "build", "-a", "executive"],
                          capture_output=True, text=True, env=env, preexec_fn=_cap_memory, timeout=120)
    assert done.returncode == 1, done.stderr
    assert f"{TEMPLATE}:3: the rendered markup would exceed 20,000,000 characters" in done.stderr
    assert published(ws) == before


def test_ordinary_template_arithmetic_is_not_refused(ws: Path) -> None:
    """The guards judge sizes, not numbers: large figures may be formatted, multiplied and summed."""
    from pypdf import PdfReader

    _bluf(ws, "<p>A{{ '{:,}'.format(25600000) }} B{{ '%d' % 25600000 }} C{{ (25600000 * 1.5)|int }} "
              "D{{ ([1, 2] * 3)|sum }} E{{ 'ab' ~ 'cd' }} F{{ '-'|center(5) }}F G{{ 10 ** 6 }} "
              "H{{ '%05.1f' % 2.25 }} I{{ 'x' * 3 }} J{{ 'a,b'.replace(',', '+') }} K{{ ['p', 'q']|join('/') }}</p>")
    result = run(ws, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    text = " ".join(page.extract_text() for page in PdfReader(ws / "output/executive.pdf").pages)
    for expected in ("A25,600,000", "B25600000", "C38400000", "D9", "Eabcd", "F - F", "G1000000", "H002.2",
                     "Ixxx", "Ja+b", "Kp/q"):
        assert expected in text, expected
