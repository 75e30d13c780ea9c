"""A seeded, time-bounded fuzz of hostile workspace inputs (round 5): draws the mutations of
tests/hostile_inputs5.py, applies each to a copy of a built workspace, runs briefgen as a process and reports
every rule broken: an exit code other than 0 or 1, a traceback or internal error, an error line without its
hint, a published brief changed by a failed command, briefs that disagree with the build record after a kill,
a file written outside the workspace, or a hang.

    PYTHONPATH=. python -m tests.fuzz_round5 --seed 5 --seconds 300 [--family yaml ...]

The classes it found are tests in tests/test_hostile_round5.py; this script is the generator, not a test."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import built_workspace, fingerprint, published
from tests.hostile_inputs5 import FAMILIES, Mutation, Run

TIMEOUT = 60.0  # seconds: longer is a hang
STDERR = b"--- stderr ---\n"  # between what a run printed to stdout and to stderr (only errors need hints)


def _limits(fsize: int | None) -> None:
    if fsize is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))


def run(ws: Path, how: Run) -> tuple[int | None, str]:
    """The exit code (None: killed or hung) and everything printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFGEN_LOCK_SECONDS": "2", **how.env}
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "-C", str(ws), *how.args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, preexec_fn=lambda: _limits(how.fsize))
    if how.twin:
        code, text = run(ws, Run(how.twin, how.env))
        if code not in (0, 1) or "Traceback" in text or "internal error" in text:
            return code, f"twin {how.twin}: {text}"
    try:
        out, err = proc.communicate(timeout=how.kill_after or TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        return None, "" if how.kill_after else "HANG"
    return proc.returncode, (out + b"\n" + STDERR + err).decode("utf-8", "replace")


def unhinted(text: str) -> list[str]:
    """Lines of an error (`where: what`) not followed by an indented hint."""
    lines = text.split(STDERR.decode(), 1)[-1].splitlines()
    found = []
    for n, line in enumerate(lines):
        if line and not line[0].isspace() and ": " in line and "warning:" not in line:
            follows = lines[n + 1] if n + 1 < len(lines) else ""
            if not follows.strip().startswith("hint: ") and not follows.startswith("    "):
                found.append(line)
    return found


def record_agrees(ws: Path) -> list[str]:
    """Briefs whose bytes differ from what the build record says was published."""
    try:
        record = json.loads((ws / "output/briefgen.lock").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [f"{name}.{fmt}" for name, entry in record.get("audiences", {}).items()
            for fmt, digest in entry.get("outputs", {}).items()
            if not (ws / f"output/{name}.{fmt}").is_file()
            or hashlib.sha256((ws / f"output/{name}.{fmt}").read_bytes()).hexdigest() != digest]


def broken(ws: Path, how: Run, code: int | None, text: str) -> list[str]:
    """The rules this run broke."""
    faults = []
    if text == "HANG":
        return ["hang"]
    if "Traceback" in text or "internal error" in text:
        faults.append("traceback or internal error")
    if how.kill_after is None and code not in (0, 1) and not (code == 2 and "\nError: " in text):
        faults.append(f"exit {code}")  # 2 is a usage error (click's "Error: ..." on stderr), as documented
    if code == 1 and (missing := unhinted(text)):
        faults.append(f"no hint: {missing[0][:160]}")
    if how.kill_after is not None:
        faults += [f"record disagrees after a kill: {name}" for name in record_agrees(ws)]
        again, said = run(ws, Run(("build",)))
        if again != 0 or record_agrees(ws):
            faults.append(f"the build after a kill: exit {again}: {said[-300:]}")
    return faults


def one(rng: random.Random, family: str, base: Path, folder: Path,
        families: Mapping[str, Mutation] = FAMILIES) -> tuple[str, list[str]]:
    """Apply one drawn mutation of `family` (of `families`) in a fresh copy of `base` under `folder`; the rules
    it broke."""
    ws = folder / "ws"
    shutil.copytree(base, ws, symlinks=True)
    decoy = folder / "decoy"
    decoy.mkdir()
    (decoy / "secret.txt").write_text("outside the workspace\n", encoding="utf-8")
    how = families[family](rng, ws)
    before, beside, outside = published(ws), sorted(os.listdir(folder)), fingerprint(decoy)
    code, text = run(ws, how)
    faults = broken(ws, how, code, text)
    if code not in (0, None) and not how.twin and published(ws) != before:  # a twin may publish, rightly
        faults.append("a failed command changed what was published")
    if fingerprint(decoy) != outside or sorted(os.listdir(folder)) != beside or Path("/tmp/pwned").exists():
        faults.append("wrote outside the workspace")
    return f"{family} {' '.join(how.args)} {how.env or ''} fsize={how.fsize} kill={how.kill_after}", faults


def main(families: Mapping[str, Mutation] = FAMILIES, doc: str = __doc__ or "", seed: int = 5) -> int:
    """Draw mutations of `families` until the time is up; print every rule broken (exit 1 when any was)."""
    return drive(partial(_one_of, families), sorted(families), doc, seed)


def _one_of(families: Mapping[str, Mutation], rng: random.Random, family: str, base: Path,
            folder: Path) -> tuple[str, list[str]]:
    return one(rng, family, base, folder, families)


Draw = Callable[[random.Random, str, Path, Path], tuple[str, list[str]]]  # (rng, family, base, folder) -> faults


def drive(draw: Draw, families: list[str], doc: str, seed: int, seconds: float = 300,
          argv: list[str] | None = None) -> int:
    """The fuzzers' loop: draw a case of one of `families` in a fresh folder beside a built workspace until the
    time is up (--seconds), from --seed; print every rule broken, keeping that case's folder (exit 1 when any
    was)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--seconds", type=float, default=seconds)
    parser.add_argument("--family", action="append", choices=families)
    options = parser.parse_args(argv)
    rng, deadline = random.Random(options.seed), time.monotonic() + options.seconds
    chosen, found, runs = options.family or families, 0, 0
    with tempfile.TemporaryDirectory(prefix=f"fuzz{seed}-") as top:
        base = built_workspace(Path(top))
        while time.monotonic() < deadline:
            runs += 1
            folder = Path(top) / f"run{runs}"
            folder.mkdir()
            label, faults = draw(rng, rng.choice(chosen), base, folder)
            for fault in faults:
                found += 1
                print(f"run {runs} ({label}): {fault}", flush=True)
            if not faults:
                shutil.rmtree(folder, ignore_errors=True)
    print(f"{runs} runs, {found} faults", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
