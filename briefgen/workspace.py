"""Where things live in a workspace (BRIEF §2). Pure paths, but for the output directory, made on demand."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BriefgenError, Problem


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def at(cls, root: str | Path) -> Workspace:
        return cls(Path(root).resolve())

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

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
        return self.root / "templates"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def cache(self) -> Path:
        """Parsed inputs keyed by content hash; safe to delete at any time."""
        return self.output / ".cache"

    def rel(self, path: Path) -> str:
        """A path as the user should read it in a message: relative to the workspace when inside it."""
        with contextlib.suppress(ValueError):  # a link is named as itself, not as its target
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        with contextlib.suppress(ValueError, OSError, RuntimeError):  # RuntimeError: a link loop
            return path.resolve().relative_to(self.root).as_posix()
        return str(path)


def output_dir(ws: Workspace, out: Path | None = None) -> Path:
    """`out` (default output/), made if missing; a clear error where a file stands in its way."""
    target = (out if out is not None else ws.output).resolve()
    for folder, what in ((ws.seeds, "seed documents"), (ws.templates, "audiences' files")):
        real = folder.resolve()
        if target == real or real in target.parents:  # a brief there would be read as one of them
            raise BriefgenError(Problem(str(out or ws.rel(target)), f"the output folder is inside {ws.rel(folder)}/, "
                                        f"the folder of the {what}", hint=(
                                            "choose a folder outside seeds/ and templates/ with -o (the default is "
                                            "output/)")))
    if target.exists() and not target.is_dir():
        raise BriefgenError(Problem(str(out or ws.rel(target)), "the output path exists and is not a directory",
                                    hint="choose a directory with -o, or remove the file"))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(Problem(str(target), f"cannot create the output directory: {exc.strerror}")) from None
    return target
