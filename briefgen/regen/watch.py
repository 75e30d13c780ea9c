"""`briefgen watch`: rebuild when seeds, model or templates change; report errors and keep watching."""

from __future__ import annotations

import contextlib
import importlib
import os
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.regen.build import BuildReport, build
from briefgen.safeio import os_problem
from briefgen.workspace import SEED_DEPTH, Workspace

Echo = Callable[[str], None]
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".part")


def relevant(paths: Iterable[str]) -> bool:
    """Editor swap files and our own output do not trigger a rebuild."""
    return any(not Path(p).name.startswith((".", "#")) and not p.endswith(IGNORED_SUFFIXES) for p in paths)


def rebuild(ws: Workspace, audiences: tuple[str, ...], out: Path | None, echo: Echo, err: Echo) -> bool:
    """One rebuild; any failure is printed, never raised, so the watch goes on."""
    started = time.perf_counter()
    try:
        report: BuildReport = build(ws, audiences, out=out, if_changed=True)
    except BriefgenError as exc:
        return _failed(err, exc.format_message())
    except OSError as exc:
        return _failed(err, os_problem(exc).format())
    except Exception as exc:  # a bug in briefgen: reported as one, and the watch goes on
        return _failed(err, f"briefgen: internal error: {exc!r} (please report it)")
    for written in report.written:
        echo(written.line(ws))
    took = time.perf_counter() - started
    echo(f"watch: rebuilt in {took:.3f} s" if report.written else "watch: nothing to rebuild")
    return True


def _failed(err: Echo, message: str) -> bool:
    err(message)
    err("watch: build failed; the previous briefs are untouched. Fix the error and save again.")
    return False


def warm_up() -> None:
    """Pay the one-off costs now (imports, font registration, the DOCX writer's first document), not on the
    first edit after a no-op start; a process forked to write a DOCX then starts ready."""
    for module in ("briefgen.verify.check", "briefgen.render.compose"):
        importlib.import_module(module)
    from briefgen.writers import prepare_writer
    from briefgen.writers.pdf import fonts

    prepare_writer("docx")
    fonts.register_all()


def watched(ws: Workspace) -> dict[str, tuple[int, int]]:
    """The folders to watch that exist now, each with its identity (device, inode): a folder removed and
    made again is a new folder, which the running watcher does not see. They are seeds/ and templates/ (not
    through a link leading out of the workspace: each build reports that one) and their real subfolders,
    SEED_DEPTH levels down, as the input stamps read them: a link inside them is never entered, where a
    recursive watch would follow it out of the workspace (to / itself), listing and watching folders elsewhere,
    rebuilding on their changes and stopping at the first one the system will not list."""
    found: dict[str, tuple[int, int]] = {}
    for folder in (ws.seeds, ws.root / "templates"):
        if not ws.leads_out(folder):
            _add_folder(str(folder), found, SEED_DEPTH)
    return found


def _add_folder(folder: str, found: dict[str, tuple[int, int]], depth: int) -> None:
    """`folder` (when it is one) with its identity, and its real subfolders `depth` levels down."""
    with contextlib.suppress(OSError):  # gone, or not listable: the build reports what it cannot read
        info = os.stat(folder)
        if not stat.S_ISDIR(info.st_mode):
            return
        found[folder] = (info.st_dev, info.st_ino)
        if depth:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                        _add_folder(entry.path, found, depth - 1)


def watch(ws: Workspace, audiences: tuple[str, ...], out: Path | None, echo: Echo, err: Echo,
          debounce_ms: int = 50, stopping: Callable[[], bool] = lambda: False) -> None:
    """Build once the watcher is running (so no edit slips between the two), then after every relevant
    change; when seeds/ or templates/ is removed or made again, rebuild and watch the folders as they are
    now. Returns when interrupted (Ctrl-C), or when `stopping` says a signal asked it to (within the watcher's
    quarter of a second)."""
    from watchfiles import watch as watch_paths

    folders = watched(ws)
    if not folders:
        raise BriefgenError(Problem("seeds/", f"nothing to watch in {ws.root}: no seeds/ or templates/ folder",
                                    hint="run `briefgen init DIR` to scaffold a workspace, or name one with -C"))
    started = False
    try:
        while True:
            pending = True  # build once this watcher runs, so no edit slips in between
            for batch in watch_paths(*folders, debounce=debounce_ms, step=10, raise_interrupt=True, recursive=False,
                                     ignore_permission_denied=True, yield_on_timeout=True, rust_timeout=250):
                if pending or (batch and relevant(path for _, path in batch)):
                    rebuild(ws, audiences, out, echo, err)
                if not started:
                    warm_up()
                    tops = [t for t in folders if Path(t).parent == ws.root]
                    echo(f"watch: watching {', '.join(ws.rel(Path(t)) for t in tops)} (Ctrl-C to stop)")
                    started = True
                pending = False
                if stopping():  # a signal whose KeyboardInterrupt a library swallowed midway
                    raise KeyboardInterrupt
                if watched(ws) != folders:
                    break
            folders = _settle(ws)
    except KeyboardInterrupt:
        echo("watch: stopped")


def _settle(ws: Workspace) -> dict[str, tuple[int, int]]:
    """The folders to watch after one was removed or made again (waiting while there are none)."""
    while not (now := watched(ws)):
        time.sleep(0.25)
    return now
