"""Where things live in a workspace (BRIEF §2). Pure paths: nothing here reads a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
