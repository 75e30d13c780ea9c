"""The watch rows of `make bench` (issue 20, target 5), measured on a real `briefgen watch -a executive` process.

Each edit is saved while the watch idles; the row's figure is the rebuild time the watch itself reports
("watch: rebuilt in X s": from the change seen to both briefs published). The time from the save to that line
(which adds the watcher's own noticing and debounce) is reported beside it.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

PY = sys.executable
_DONE = re.compile(r"watch: (rebuilt in ([0-9.]+) s|nothing to rebuild|build failed)")


class Watch:
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc

    def _line(self, pattern: re.Pattern[str]) -> tuple[re.Match[str], float]:
        assert self.proc.stdout is not None
        seen = []
        while line := self.proc.stdout.readline():
            seen.append(line)
            if found := pattern.search(line):
                return found, time.perf_counter()
        raise SystemExit("briefgen watch ended:\n" + "".join(seen[-20:]))

    def edit(self, change: Callable[[], None]) -> tuple[float, float]:
        """Make the change; (the rebuild time the watch reports, the time from the save to that report)."""
        time.sleep(0.3)  # idle, as between an analyst's saves
        start = time.perf_counter()
        change()
        found, seen = self._line(_DONE)
        if found[2] is None:
            raise SystemExit(f"the watch did not rebuild: {found[0]}")
        return float(found[2]), seen - start


@contextmanager
def watching(ws: Path) -> Iterator[Watch]:
    cmd = [PY, "-m", "briefgen", "-C", str(ws), "watch", "-a", "executive"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    try:
        watch = Watch(proc)
        watch._line(re.compile("watch: watching"))
        yield watch
    finally:
        proc.terminate()
        proc.wait()


def edits(ws: Path, path: Path, edit: Callable[[str, int], str], runs: int) -> tuple[float, float]:
    """Medians over `runs` edits of `path` (each a new state), the file restored after."""
    original = path.read_text(encoding="utf-8")
    rebuilt, noticed = [], []
    try:
        with watching(ws) as watch:
            for i in range(runs):
                took, seen = watch.edit(lambda i=i: path.write_text(edit(original, i + 1), encoding="utf-8"))
                rebuilt.append(took)
                noticed.append(seen)
    finally:
        path.write_text(original, encoding="utf-8")
    return statistics.median(rebuilt), statistics.median(noticed)


def seed_edit(ws: Path, runs: int) -> tuple[float, float]:
    """A line put before a seed's text: every paragraph number its notes print moves, so the executive brief
    is fitted again (two layouts) and both files are written anew."""
    seed = sorted((ws / "seeds").glob("*.txt"))[0]
    return edits(ws, seed, lambda text, n: "Inserted line.\n" * n + text, runs)


def title_edit(ws: Path, runs: int) -> tuple[float, float]:
    """The brief's title edited: its text changes, so it is fitted and written anew."""
    summary = ws / "seeds" / "summary.yaml"
    return edits(ws, summary, lambda text, n: text.replace("  title: ", f"  title: ({n}) ", 1), runs)
