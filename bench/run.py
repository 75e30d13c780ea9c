"""`make bench`: medians of cold commands against their floors, a warm watch rebuild, and the scale curve.

Every figure is measured in this one run, on this machine; ratios compare numbers taken side by side.
Results print as a table and are written as JSON (default output/bench.json; --json PATH to change).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.scale import check_at_scale  # noqa: E402
from bench.synth import make_scripts_workspace, make_workspace  # noqa: E402
from bench.watching import seed_edit, title_edit  # noqa: E402

PY = sys.executable
FLOOR = "import docx, reportlab.platypus, reportlab.pdfbase.ttfonts, jinja2, pydantic, yaml, click"
HASH_FLOOR = ("import hashlib, os, sys; [hashlib.sha256(open(e.path, 'rb').read()).hexdigest() "
              "for e in os.scandir(sys.argv[1])]")


def timed(cmd: list[str], runs: int, prepare: list[str] | None = None) -> tuple[float, float]:
    """Median wall time of `cmd` over `runs` cold processes, and the largest peak RSS (MB) of one of them."""
    times, peaks = [], []
    for _ in range(runs):
        if prepare:
            subprocess.run(prepare, check=True, capture_output=True)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)  # this process's own peak, not the largest child's so far
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}\n{err[-2000:]}")
        if proc.stderr:
            proc.stderr.close()
    return statistics.median(times), max(peaks)


def interleaved(commands: list[list[str]], prepare: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Commands timed in turn (A B C, A B C, ...: a machine that slows down slows all alike), `prepare` run
    before every one but the first: each command's median wall time and largest peak RSS (MB)."""
    times: list[list[float]] = [[] for _ in commands]
    peaks: list[float] = [0.0 for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            took, peak = timed(cmd, 1, prepare=prepare if i else None)
            times[i].append(took)
            peaks[i] = max(peaks[i], peak)
    return [statistics.median(t) for t in times], peaks


# A watch session's edits: one session of 5 gave 0.094 s a rebuild where three of 12, just after, gave 0.079-0.083 s.
WATCH_EDITS = 12


def briefgen(ws: Path, *args: str) -> list[str]:
    return [PY, "-m", "briefgen", "-C", str(ws), *args]


def shipped(rows: list[dict[str, object]], tmp: Path, runs: int) -> None:
    ws = tmp / "shipped"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    rm = [PY, "-c", f"import shutil; shutil.rmtree({str(ws / 'output')!r}, ignore_errors=True)"]
    # the full build last: the commands below find every brief built
    (floor, executive, full), (floor_peak, _, full_peak) = interleaved(
        [[PY, "-c", FLOOR], briefgen(ws, "build", "-a", "executive"), briefgen(ws, "build")], rm, runs)
    rows.append(row("import floor (docx, reportlab, jinja2, pydantic, ...)", floor, None, memory=floor_peak))
    rows.append(row("full build, 3 audiences x 2 formats, cold", full, None, ratio=full / floor, ratio_target=2.5))
    rows.append(row("  the same: peak memory, ratio to the floor's peak", full, None, ratio=full_peak / floor_peak,
                    ratio_target=1.2, memory=full_peak))
    rows.append(row("build -a executive (docx+pdf), cold", executive, None, ratio=executive / floor, ratio_target=2.0))
    untagged = [PY, str(ROOT / "bench" / "untagged.py"), "-C", str(ws), "build"]
    (tagged, plain), _ = interleaved([briefgen(ws, "build"), untagged], rm, runs)
    rows.append(row("full build, cold, PDF structure pass (tagging) vs without", tagged, None, ratio=tagged / plain,
                    ratio_target=1.15))
    for name, args in (("check --no-cache", ["check", "--no-cache"]), ("check", ["check"]), ("status", ["status"]),
                       ("build --if-changed (no-op)", ["build", "--if-changed"])):
        took, _ = timed(briefgen(ws, *args), runs)
        rows.append(row(f"{name}, shipped workspace", took, 0.25))
    edits = max(runs, WATCH_EDITS)
    rebuilt, noticed = seed_edit(ws, edits)
    rows.append(row("watch -a executive: seed edit -> docx+pdf rebuilt", rebuilt, 0.1))
    rows.append(row("  the same, from the save to the watch's report", noticed, None))
    rebuilt, noticed = title_edit(ws, edits)
    rows.append(row("watch -a executive: title edit -> refitted, docx+pdf", rebuilt, None))


def spillage(rows: list[dict[str, object]], tmp: Path, runs: int) -> None:
    """The spillage check's cost, on the shipped workspace with one quote marked above the public ceiling: in a
    warm process, the six briefs read back as the build does (only briefs that withhold something are
    searched: here the public pair), and every brief searched for the public's withheld texts (the worst case),
    each against a cold full build of the same workspace."""
    ws = tmp / "marked"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    summary = ws / "seeds" / "summary.yaml"
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace("  - id: q-kim-ai-technology\n", "  - id: q-kim-ai-technology\n"
                                    "    marking: TLP:AMBER\n", 1), encoding="utf-8")
    rm = [PY, "-c", f"import shutil; shutil.rmtree({str(ws / 'output')!r}, ignore_errors=True)"]
    full, _ = timed(briefgen(ws, "build"), runs, prepare=rm)
    rows.append(row("full build, one quote withheld from public, cold", full, None))
    as_built, everything = warm_spillage(ws, runs)
    rows.append(row("spillage check as the build runs it (warm)", as_built, None, ratio=as_built / full,
                    ratio_target=0.1))
    rows.append(row("spillage check, all 6 briefs searched (warm)", everything, None, ratio=everything / full))


def warm_spillage(ws: Path, runs: int) -> tuple[float, float]:
    from briefgen.errors import BriefgenError
    from briefgen.regen.spillage import Staged, check_spillage
    from briefgen.render.needles import Needle
    from briefgen.render.profiles import load_profile
    from briefgen.render.release import needles, release_for
    from briefgen.verify.check import run_check
    from briefgen.workspace import Workspace

    space = Workspace.at(ws)
    checked = run_check(space)
    withheld = {name: needles(checked, release_for(checked, load_profile(space, name), name))
                for name in ("analyst", "executive", "public")}
    assert withheld["public"], "the bench workspace withholds nothing from the public brief"
    briefs = [Staged(p.stem, p, p.name) for p in sorted((ws / "output").glob("*.*")) if p.suffix in (".docx", ".pdf")]
    worst = [Staged(f"{b.audience}-{b.path.suffix}", b.path, b.shown_as) for b in briefs]

    def median(staged: list[Staged], found: dict[str, tuple[Needle, ...]]) -> float:
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            with contextlib.suppress(BriefgenError):  # analyst and executive may show the quote: searched anyway
                check_spillage(staged, found)
            times.append(time.perf_counter() - start)
        return statistics.median(times[1:])  # the first run imports pypdf

    return median(briefs, withheld), median(worst, {b.audience: withheld["public"] for b in worst})
def scripts(rows: list[dict[str, object]], tmp: Path, runs: int) -> None:
    """The analyst brief (docx+pdf) of the shipped workspace (Latin text) beside one quoting a statement in
    each of ten scripts (shaped, right to left, CJK): what complex scripts cost."""
    latin = tmp / "latin"
    shutil.copytree(ROOT / "seeds", latin / "seeds")
    world = make_scripts_workspace(tmp / "world")
    took = {}
    for name, ws in (("latin", latin), ("world", world)):
        rm = [PY, "-c", f"import shutil; shutil.rmtree({str(ws / 'output')!r}, ignore_errors=True)"]
        took[name], _ = timed(briefgen(ws, "build", "-a", "analyst"), runs, prepare=rm)
    rows.append(row("analyst build, shipped workspace (Latin only), cold", took["latin"], None))
    rows.append(row("analyst build, a quote in each of 10 scripts, cold", took["world"], None,
                    ratio=took["world"] / took["latin"]))


def scale(rows: list[dict[str, object]], tmp: Path, sizes: list[int], runs: int) -> None:
    for n in sizes:
        ws = make_workspace(tmp / f"scale{n}", n)
        read_hash, _ = timed([PY, "-c", HASH_FLOOR, str(ws / "seeds")], runs)
        full, peak = timed(briefgen(ws, "check", "--no-cache"), runs)
        cached, _ = timed(briefgen(ws, "check"), runs)
        subprocess.run(briefgen(ws, "build", "-a", "digest"), check=True, capture_output=True)
        status, _ = timed(briefgen(ws, "status"), runs)
        big = n == 10000
        rows.append(row(f"{n:>6} seeds: read + hash every seed", read_hash, None))
        rows.append(row(f"{n:>6} seeds: check --no-cache (verify all)", full, 2.0 if big else None,
                        ratio=full / read_hash, ratio_target=2.0 if big else None, memory=peak, memory_target=300.0))
        rows.append(row(f"{n:>6} seeds: check, inputs unchanged", cached, 2.0 if big else None,
                        ratio=cached / read_hash, ratio_target=2.0 if big else None))
        rows.append(row(f"{n:>6} seeds: status, nothing changed", status, 0.5 if n == 10000 else None))


def closest_worst(rows: list[dict[str, object]], runs: int) -> None:
    """The closest-text search at the size limits: a passage of 20,000 characters (and one of 200) missing
    from a 5 MB seed that is one line of text, each in a fresh seed (its normalised index built too)."""
    import random

    from briefgen.sources.seeds import Seed
    from briefgen.verify.closest import closest

    rng = random.Random(7)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    text = " ".join(rng.choice(vocab) for _ in range(900_000))[: 5 * 1024 * 1024]
    middle = len(text) // 2
    for length in (20_000, 200):
        passage = text[middle:middle + length]
        passage = passage[: length // 4] + " a few words no seed holds " + passage[length // 4 + 30:]
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            assert closest(Seed("x", "seeds/x.txt", text), passage) is not None
            times.append(time.perf_counter() - start)
        rows.append(row(f"closest text: {length:,}-char passage vs 5 MB one-line seed", statistics.median(times), 2.0))


def row(name: str, seconds: float, target: float | None, *, ratio: float | None = None,
        ratio_target: float | None = None, memory: float | None = None,
        memory_target: float | None = None) -> dict[str, object]:
    met = all([target is None or seconds <= target, ratio_target is None or (ratio or 0) <= ratio_target,
               memory_target is None or (memory or 0) <= memory_target])
    return {"name": name, "seconds": round(seconds, 4), "target_s": target, "ratio": ratio and round(ratio, 2),
            "ratio_target": ratio_target, "peak_mb": memory and round(memory, 1), "memory_target_mb": memory_target,
            "met": met if any(x is not None for x in (target, ratio_target, memory_target)) else None}


def table(rows: list[dict[str, object]]) -> str:
    lines = [f"{'measure':<58} {'median s':>9} {'target':>7} {'ratio':>6} {'peak MB':>8}  met"]
    for r in rows:
        ratio = f"{r['ratio']}x" if r["ratio"] is not None else ""
        ratio += f"<={r['ratio_target']}" if r["ratio_target"] else ""
        met = {True: "yes", False: "NO", None: ""}[r["met"]]  # type: ignore[index]
        lines.append(f"{r['name']:<58} {r['seconds']:>9.3f} {r['target_s'] or '':>7} {ratio:>6} "
                     f"{r['peak_mb'] or '':>8}  {met}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--json", type=Path, default=ROOT / "output" / "bench.json")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        shipped(rows, Path(tmp), args.runs)
        spillage(rows, Path(tmp), args.runs)
        scripts(rows, Path(tmp), args.runs)
        closest_worst(rows, max(3, args.runs // 2))
        scale(rows, Path(tmp), [int(s) for s in args.sizes.split(",") if s], max(3, args.runs // 2))
        check_at_scale(row, rows, Path(tmp), max(3, args.runs // 2))
    print(table(rows))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"python": sys.version.split()[0], "cores": os.cpu_count(), "rows": rows},
                                    indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {args.json}")


if __name__ == "__main__":
    main()
