"""The build's inputs as files: what they are, and a stat-first fingerprint of each (as git's index does)."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen import __version__
from briefgen.safeio import inside, names_a_file
from briefgen.workspace import Workspace

BUNDLED_TEMPLATES = Path(__file__).parent.parent / "templates"
RACY_NS = 2_000_000_000
TEMPLATE_SUFFIXES = (".yaml", ".yml", ".j2", ".png", ".jpg", ".jpeg", ".docx", ".ttf", ".otf", ".TTF", ".OTF")


@dataclass(frozen=True)
class Stamp:
    """What the lock remembers of one input file."""

    sha256: str
    size: int
    mtime_ns: int

    def to_json(self) -> list[object]:
        return [self.sha256, self.size, self.mtime_ns]

    @classmethod
    def from_json(cls, raw: list[object]) -> Stamp:
        sha, size, mtime = raw
        if not (isinstance(sha, str) and isinstance(size, int) and isinstance(mtime, int)):
            raise TypeError("a stamp is [sha256, size, mtime_ns]")
        return cls(sha, size, mtime)


def input_files(ws: Workspace) -> dict[str, str]:
    """Every file a build reads, keyed by its display name: seeds, catalogue, model, profiles, templates.

    Plain string paths: at 10,000 seeds, building Path objects costs more than the stat calls."""
    files: dict[str, str] = {}
    for folder, prefix, wanted in ((ws.seeds, "seeds/", None), (BUNDLED_TEMPLATES, "bundled:", TEMPLATE_SUFFIXES),
                                   (ws.templates, "templates/", TEMPLATE_SUFFIXES)):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or (wanted and not entry.name.endswith(wanted)):
                        continue
                    if names_a_file(entry) and (not entry.is_symlink() or inside(folder, entry.path)):
                        files[prefix + entry.name] = entry.path  # a link out of the folder is never read
        except (FileNotFoundError, NotADirectoryError):
            continue
    return dict(sorted(files.items()))


ASSET_SUFFIXES = (".yml", ".png", ".jpg", ".jpeg", ".docx", ".ttf", ".otf")  # logos, references, brand files, fonts


def asset_digests(ws: Workspace) -> list[str]:
    """The name and content hash of every asset in templates/ a profile may use (a logo, a reference DOCX, a
    brand file and its logo): a changed one rebuilds the audiences, which is never wrong, if sometimes more
    than needed."""
    try:
        found = sorted(p for p in ws.templates.iterdir() if p.suffix.lower() in ASSET_SUFFIXES and p.is_file())
    except OSError:
        return []
    return [f"{p.name}\n{file_digest(p)}" for p in found]


def file_digest(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def restamp(files: dict[str, str], known: dict[str, Stamp]) -> tuple[dict[str, Stamp], bool]:
    """Fresh stamps for `files`, hashing only those whose size or mtime moved; and whether any did."""
    stamps: dict[str, Stamp] = {}
    touched = set(known) != set(files)
    settled = time.time_ns() - RACY_NS
    for name, path in files.items():
        st = os.stat(path)
        old = known.get(name)
        # A file modified in the last moments may change again within the same mtime tick ("racy git"):
        # its stat data is not trusted, its content is hashed.
        if old is not None and old.size == st.st_size and old.mtime_ns == st.st_mtime_ns < settled:
            stamps[name] = old
            continue
        touched = True
        stamps[name] = Stamp(file_digest(path), st.st_size, st.st_mtime_ns)
    return stamps, touched


def changed_names(before: dict[str, Stamp], after: dict[str, Stamp]) -> list[str]:
    """Inputs added, removed or whose content differs."""
    names = set(before) | set(after)
    return sorted(n for n in names if (before.get(n) and before[n].sha256) != (after.get(n) and after[n].sha256))


@lru_cache(maxsize=1)
def tool_version() -> str:
    """briefgen's version and a digest of its own code, so a changed briefgen (an upgrade, or an edited
    checkout between releases) never reuses a verdict or a brief that older code produced."""
    code = hashlib.sha256()
    for name, path in sorted(_sources(str(Path(__file__).parent.parent), "")):
        with open(path, "rb") as source:
            code.update(name.encode() + b"\0" + source.read())
    return f"{__version__}+{code.hexdigest()[:12]}"


def _sources(folder: str, prefix: str) -> list[tuple[str, str]]:
    """Every .py file under `folder`: its path relative to the package (with /), and its path (os.scandir:
    a third of the time of Path.rglob, in every command)."""
    found: list[tuple[str, str]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found += _sources(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py") and entry.is_file():
                found.append((prefix + entry.name, entry.path))
    return found
