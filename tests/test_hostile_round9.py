"""Fault classes found by a ninth hostile round (tests/fuzz_round9.py draws more of them): the moments and places
earlier rounds did not reach. A signal while Python imports the command line; a standard error that cannot be
written when a build warns; a file replaced by another of the same size and time under a warm `watch`. Each runs
briefgen as a process, so the descriptors, signals and exit codes are the real ones."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from tests.conftest import ROOT

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


def _before_the_entry(err: str) -> bool:
    """A traceback from before briefgen's entry point ran: the interpreter's start-up (its site module: "Fatal
    Python error: init_import_site"), `import briefgen` (the precompiled table) or the entry's own first import:
    no frame of the command line's main module or of click."""
    return "Traceback" in err and "KeyboardInterrupt" in err and "briefgen/cli/main.py" not in err and \
        "/click/" not in err


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
        if _before_the_entry(err) or (code == -signum and not err):  # Python's own, before briefgen's entry ran
            continue
        assert "Traceback" not in err, label
        if code == 0:  # the signal came once the command was done
            assert out.startswith("briefgen, version"), label
            continue
        assert code == 128 + signum, label
        assert err.strip() == ("Aborted." if signum == signal.SIGINT else ""), label
        seen.add((name, code))
    assert {("module", 130), ("script", 130)} <= seen  # the loop did reach the import of the command line
