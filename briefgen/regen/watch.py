"""`briefgen watch`: rebuild when seeds, model or templates change; report errors and keep watching."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.regen.build import BuildReport, build
from briefgen.workspace import Workspace

Echo = Callable[[str], None]
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".part")


def relevant(paths: Iterable[str]) -> bool:
    """Editor swap files and our own output do not trigger a rebuild."""
    return any(not Path(p).name.startswith((".", "#")) and not p.endswith(IGNORED_SUFFIXES) for p in paths)


def rebuild(ws: Workspace, audiences: tuple[str, ...], out: Path | None, echo: Echo, err: Echo) -> bool:
    """One rebuild; a user error is printed, never raised, so the watch goes on."""
    started = time.perf_counter()
    try:
        report: BuildReport = build(ws, audiences, out=out, if_changed=True)
    except BriefgenError as exc:
        err(exc.format_message())
        err("watch: build failed; the previous briefs are untouched. Fix the error and save again.")
        return False
    for written in report.written:
        echo(written.line(ws))
    took = time.perf_counter() - started
    echo(f"watch: rebuilt in {took:.3f} s" if report.written else "watch: nothing to rebuild")
    return True


def warm_up() -> None:
    """Pay the one-off costs now (imports, font registration), not on the first edit after a no-op start."""
    for module in ("briefgen.verify.check", "briefgen.render.compose", "briefgen.writers.docx.writer"):
        importlib.import_module(module)
    from briefgen.writers.pdf import fonts

    fonts.register_all()


def watch(ws: Workspace, audiences: tuple[str, ...], out: Path | None, echo: Echo, err: Echo,
          debounce_ms: int = 50) -> None:
    """Build once the watcher is running (so no edit slips between the two), then after every relevant
    change; returns when interrupted (Ctrl-C)."""
    from watchfiles import watch as watch_paths

    targets = [str(p) for p in (ws.seeds, ws.templates) if p.is_dir()]
    if not targets:
        raise BriefgenError(f"nothing to watch in {ws.root}: no seeds/ or templates/ folder")
    started = False
    try:
        for batch in watch_paths(*targets, debounce=debounce_ms, step=10, raise_interrupt=True,
                                 yield_on_timeout=True, rust_timeout=250):
            if not started:
                rebuild(ws, audiences, out, echo, err)
                warm_up()
                echo(f"watch: watching {', '.join(ws.rel(Path(t)) for t in targets)} (Ctrl-C to stop)")
                started = True
            elif batch and relevant(path for _, path in batch):
                rebuild(ws, audiences, out, echo, err)
    except KeyboardInterrupt:
        echo("watch: stopped")
