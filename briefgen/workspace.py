"""Where things live in a workspace (BRIEF §2). Pure paths, but for the output directory, made on demand."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BriefgenError, Problem
from briefgen.safeio import kind_of
from briefgen.templates import FOLDER as BUNDLED
from briefgen.templates import SHOWN_AS
from briefgen.text import shown

SEED_DEPTH = 8  # folders in seeds/ stamped and watched this deep: a catalogued seed deeper is refused (seed_path)


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def at(cls, root: str | Path) -> Workspace:
        return cls(Path(os.path.realpath(root)))  # realpath: a link loop is reported where it is used

    @classmethod
    def around(cls, start: Path) -> Workspace:
        """The workspace `start` is in: `start` itself when it has a seeds/ folder, else the nearest folder above
        it whose seeds/ holds the catalogue or the model (a command run in seeds/ or output/, as git finds its
        repository), else `start` (whose missing files are then reported)."""
        here = cls.at(start)
        if here.seeds.is_dir():
            return here
        for folder in here.root.parents:
            found = cls(folder)
            if any(path.is_file() for path in found.model_files):
                return found
        return here

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    def own_seeds(self) -> Workspace:
        """The workspace, its seeds/ folder checked to be its own: a symbolic link leading out of the workspace
        would have every command read the model, the catalogue and the seeds from (and `seeds add` write
        into) a folder elsewhere."""
        if self.leads_out(self.seeds):
            raise BriefgenError(Problem("seeds", "the seeds/ folder is a symbolic link leading out of the workspace "
                                        "(or nowhere): briefgen reads nothing outside the workspace", hint=(
                                            "move or copy the folder it points to into the workspace as seeds/, in "
                                            "place of the link")))
        return self

    @property
    def catalogue(self) -> Path:
        return self.seeds / "sources.yaml"

    @property
    def summary(self) -> Path:
        return self.seeds / "summary.yaml"

    @property
    def model_files(self) -> tuple[Path, Path]:
        """The catalogue and the model: never a seed document, never a link out of the workspace."""
        return self.catalogue, self.summary

    @property
    def templates(self) -> Path:
        """The profiles, templates, fonts, logos and reference documents: never reached through a symbolic link
        leading out of the workspace (or nowhere), as nothing in it is (its own links are refused as they are
        read: render/templating.ContainedLoader, safeio.inside)."""
        templates = self.root / "templates"
        if self.leads_out(templates):
            raise BriefgenError(Problem("templates", "a symbolic link leading out of the workspace (or nowhere): "
                                        "briefgen reads profiles, templates, fonts and logos only from inside it",
                                        hint="copy the folder into the workspace in place of the link (a link to "
                                        "a folder inside the workspace is fine)"))
        if os.path.lexists(templates) and not templates.is_dir():  # else every command would use the bundled ones
            kind = "a file" if templates.is_file() else kind_of(os.stat(templates).st_mode)
            raise BriefgenError(Problem("templates", f"{kind} is in the way: briefgen keeps the audiences' folder "
                                        "here", hint="move the file elsewhere, then run the command again"))
        return templates

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def cache(self) -> Path:
        """Parsed inputs keyed by content hash; safe to delete at any time. Never reached through a symbolic
        link leading out of the workspace (output/ or output/.cache itself): `check` and `watch` would write
        their caches wherever it points."""
        cache = self.output / ".cache"
        for folder in (self.output, cache):
            if self.leads_out(folder):
                raise BriefgenError(Problem(self.rel(folder), "a symbolic link leading out of the workspace (or "
                                            "nowhere) is in the way of briefgen's cache", hint=(
                                                "remove the link: output/ and output/.cache are briefgen's own "
                                                "folders (name a folder elsewhere for the briefs with -o)")))
        return cache

    def leads_out(self, path: Path) -> bool:
        """Whether `path` is a symbolic link to something that is not a folder inside the workspace."""
        if not path.is_symlink():
            return False
        real = os.path.realpath(path)
        return not os.path.isdir(real) or not real.startswith(str(self.root).rstrip(os.sep) + os.sep)

    def rel(self, path: Path) -> str:
        """A path as the user should read it in a message: relative to the workspace when inside it, and on
        one line (a folder given with -o may hold a line feed, which would split a report line in two)."""
        return shown(self._relative(path), line_feeds=False)

    def _relative(self, path: Path) -> str:
        with contextlib.suppress(ValueError):  # a link is named as itself, not as its target
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        with contextlib.suppress(ValueError, OSError, RuntimeError):  # RuntimeError: a link loop
            return path.resolve().relative_to(self.root).as_posix()
        with contextlib.suppress(ValueError):  # a bundled template, as briefgen names it
            return f"{SHOWN_AS}/{Path(os.path.abspath(path)).relative_to(BUNDLED).as_posix()}"
        return str(path)


_KEPT = ("seeds", "templates", "output/history", "output/issued", "output/.builds", "output/.cache")


def _not_kept_folder(ws: Workspace, target: Path, out: Path | None) -> None:
    """`-o` may name any folder but one briefgen reads from or keeps things in: briefs written into seeds/
    would be read as seeds, and into an issued version's folder would replace what was issued."""
    for kept in _KEPT:
        if ws.leads_out(ws.root / kept):  # a kept folder linked out of the workspace is refused where it is read
            continue
        folder = Path(os.path.realpath(ws.root / kept))  # realpath: a link loop is no error here
        if target == folder or folder in target.parents:
            raise BriefgenError(Problem(str(out or "output"), f"the output folder is inside {kept}/, which briefgen "
                                        "reads or keeps for itself", hint="choose another directory with -o"))


def output_target(ws: Workspace, out: Path | None) -> Path:
    """The real path of the output folder `out` names (default output/), made or not, and not a file or device.
    The default output/ may be a symbolic link only to a folder inside the workspace: briefgen neither writes
    nor reads through one leading out, or nowhere (`-o` names a folder elsewhere explicitly, but not through a
    link to nothing: a build would make whatever folder it names). realpath: a link loop is reported where
    used."""
    if out is None and ws.leads_out(ws.output):
        raise BriefgenError(Problem("output", "a symbolic link leading out of the workspace (or nowhere) is in "
                                    "the way of the output folder", hint="remove the link, or name the folder "
                                    "to write to with -o"))
    if out is not None and out.is_symlink() and not out.exists():  # a build would make the folder it names
        raise BriefgenError(Problem(shown(str(out), line_feeds=False), f"-o names a symbolic link to "
                                    f"'{shown(os.readlink(out), line_feeds=False)}', which does not exist (or a "
                                    "link loop)", hint="name the folder itself with -o, or make it first"))
    target = Path(os.path.realpath(out if out is not None else ws.output))
    if target.exists() and not target.is_dir():  # reading commands too: a device or a file holds no records
        raise BriefgenError(Problem(str(out or ws.rel(target)), "the output path exists and is not a directory",
                                    hint="choose a directory with -o, or remove the file"))
    return target


def require_workspace(ws: Workspace) -> None:
    """Refuse a folder without seeds/ (a mistyped -C, a command run in the wrong folder): no command writes
    there (an output folder, a profile), nor reports on it as on a workspace never built."""
    if not ws.seeds.is_dir():
        raise BriefgenError(Problem("seeds/", f"no seeds/ folder in {ws.root}: it is not a briefgen workspace",
                                    hint="run `briefgen init DIR` to scaffold one, or name the workspace with -C"))


def output_checked(ws: Workspace, out: Path | None = None) -> Path:
    """`out` (default output/, see output_target) as output_dir would make it, not made: in a workspace, and
    no folder briefgen reads or keeps (seeds/, templates/, history...)."""
    require_workspace(ws)  # not a workspace: make no output/ (nor a lock file) in whatever folder it is
    target = output_target(ws, out)
    _not_kept_folder(ws, target, out)
    return target


def output_dir(ws: Workspace, out: Path | None = None) -> Path:
    """`out` (see output_checked), made if missing; a clear error where a file stands in its way."""
    target = output_checked(ws, out)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(Problem(str(target), f"cannot create the output directory: {exc.strerror}",
                                    hint="choose a folder you may write to with -o")) from None
    return target
