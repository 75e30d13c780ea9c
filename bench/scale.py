"""`check` at scale against reading and hashing the seeds (issue 20, targets 3 and 4), for `make bench`.

- `check --no-cache` at 2,500 / 5,000 / 10,000 seeds, each beside a small Python script (same interpreter)
  that reads and hashes every seed file, and the growth exponent: the slope of log(time) on log(seeds).
- After one seed of 10,000 gains or loses an uncited paragraph (alternately, so every run sees a change),
  `check` with the stored ties of the check before.
- 50,000 entries (10,000 catalogued seeds; 10,000 judgments, figures, quotes and gaps): `check --no-cache`,
  its peak memory (the largest resident set of the process, from getrusage in a parent of its own), and a
  cold `build -a executive`; then both again on a fresh workspace (no output/ at all: no parsed YAML, tie
  store or check record to reuse), as a first check or build after a clone meets them.
Every ratio is taken between figures measured side by side in this run; pairs are interleaved.
"""

from __future__ import annotations

import json
import math
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.synth import make_workspace
from bench.synth_items import make_items_workspace

PY = sys.executable
READ_HASH = ("import hashlib, os, sys\n"
             "for e in os.scandir(sys.argv[1]):\n"
             "    with open(e.path, 'rb') as f: hashlib.sha256(f.read()).hexdigest()")
# The peak resident set of one command: a parent whose only child it is reads getrusage(RUSAGE_CHILDREN).
PEAK = ("import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
Row = dict[str, object]
RowMaker = Callable[..., Row]


def _briefgen(ws: Path, *args: str) -> list[str]:
    return [PY, "-m", "briefgen", "-C", str(ws), *args]


def _once(cmd: list[str], prepare: Callable[[], None] | None = None) -> float:
    if prepare:
        prepare()
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def paired(a: list[str], b: list[str], runs: int, prepare_a: Callable[[], None] | None = None,
           prepare_b: Callable[[], None] | None = None) -> tuple[float, float]:
    """Medians of `a` and `b` run in turn (a b a b ...) after one unmeasured run of each."""
    _once(a, prepare_a), _once(b, prepare_b)
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(_once(a, prepare_a))
        times_b.append(_once(b, prepare_b))
    return statistics.median(times_a), statistics.median(times_b)


def peak_mb(cmd: list[str]) -> float:
    done = subprocess.run([PY, "-c", PEAK, *cmd], capture_output=True, text=True, check=True)
    return int(done.stdout.strip()) / 1024


def exponent(sizes: list[int], times: list[float]) -> float:
    """The least-squares slope of log(time) on log(size): 1.0 is linear growth."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _toggler(seed: Path) -> Callable[[], None]:
    """Each call adds an uncited paragraph to `seed`, or takes the one added away."""
    original = seed.read_text(encoding="utf-8")

    def toggle() -> None:
        now = seed.read_text(encoding="utf-8")
        seed.write_text(original if now != original else original + "\nA paragraph no item cites.\n",
                        encoding="utf-8")

    return toggle


def no_cache_curve(row: RowMaker, rows: list[Row], tmp: Path, sizes: list[int], runs: int) -> Path:
    """`check --no-cache` against read-and-hash at each size; the workspace of the largest size is returned."""
    times: list[float] = []
    ws = tmp
    for n in sizes:
        ws = make_workspace(tmp / f"checkscale{n}", n)
        check, floor = paired(_briefgen(ws, "check", "--no-cache"), [PY, "-c", READ_HASH, str(ws / "seeds")], runs)
        times.append(check)
        big = n == max(sizes)
        rows.append(row(f"{n:>6} seeds: read + hash (same run)", floor, None))
        rows.append(row(f"{n:>6} seeds: check --no-cache vs read + hash", check, None, ratio=check / floor,
                        ratio_target=3.0 if big else None,
                        memory=peak_mb(_briefgen(ws, "check", "--no-cache")) if big else None))
    if len(sizes) > 1:
        slope = exponent(sizes, times)
        rows.append(row(f"check --no-cache growth exponent ({'/'.join(map(str, sizes))} seeds)", times[-1], None,
                        ratio=slope, ratio_target=1.05))
    return ws


def one_seed_changed(row: RowMaker, rows: list[Row], ws: Path, runs: int) -> None:
    seeds = ws / "seeds"
    toggle = _toggler(sorted(seeds.glob("*.txt"))[len(list(seeds.glob("*.txt"))) // 2])
    subprocess.run(_briefgen(ws, "check"), capture_output=True, check=False)  # the store the next checks use
    check, floor = paired(_briefgen(ws, "check"), [PY, "-c", READ_HASH, str(seeds)], runs, prepare_a=toggle)
    rows.append(row("10,000 seeds, one gains/loses an uncited paragraph: check", check, None,
                    ratio=check / floor, ratio_target=2.0))


def fifty_thousand(row: RowMaker, rows: list[Row], tmp: Path, runs: int) -> None:
    ws = make_items_workspace(tmp / "items50k")
    check, build = paired(_briefgen(ws, "check", "--no-cache"), _briefgen(ws, "build", "-a", "executive"), runs)
    rows.append(row("50,000 entries: check --no-cache", check, 5.0,
                    memory=peak_mb(_briefgen(ws, "check", "--no-cache")), memory_target=500.0))
    rows.append(row("50,000 entries: build -a executive (docx+pdf)", build, 5.0,
                    memory=peak_mb(_briefgen(ws, "build", "-a", "executive"))))
    # A fresh workspace: no output/ at all, so no parsed YAML, tie store or record to reuse.
    fresh = partial(shutil.rmtree, ws / "output", ignore_errors=True)
    first_check, first_build = paired(_briefgen(ws, "check"), _briefgen(ws, "build", "-a", "executive"), runs,
                                      prepare_a=fresh, prepare_b=fresh)
    fresh()
    rows.append(row("50,000 entries, fresh workspace: check", first_check, 5.0,
                    memory=peak_mb(_briefgen(ws, "check")), memory_target=500.0))
    fresh()
    rows.append(row("50,000 entries, fresh workspace: build -a executive", first_build, 5.0,
                    memory=peak_mb(_briefgen(ws, "build", "-a", "executive"))))


def check_at_scale(row: RowMaker, rows: list[Row], tmp: Path, runs: int,
                   sizes: tuple[int, ...] = (2500, 5000, 10000)) -> None:
    """The rows of issue 20's targets 3 and 4 (`row` is bench/run.py's row maker)."""
    ws = no_cache_curve(row, rows, tmp, list(sizes), runs)
    one_seed_changed(row, rows, ws, runs)
    fifty_thousand(row, rows, tmp, runs)


if __name__ == "__main__":  # python -m bench.scale [--runs N]: these rows alone
    import argparse
    import tempfile

    from bench.run import row as make_row
    from bench.run import table

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="2500,5000,10000")
    args = parser.parse_args()
    found: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="briefgen-scale-") as folder:
        check_at_scale(make_row, found, Path(folder), args.runs, tuple(int(s) for s in args.sizes.split(",")))
    print(table(found))
    print(json.dumps(found, indent=1))
