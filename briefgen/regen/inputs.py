"""The build's inputs as files: what they are, and a stat-first fingerprint of each (as git's index does)."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen import __version__
from briefgen.errors import Problem, warn_once
from briefgen.safeio import NOT_UTF8_HINT, NOT_UTF8_SEED_HINT, inside, names_a_file, not_utf8
from briefgen.templates import FOLDER as BUNDLED_TEMPLATES
from briefgen.workspace import SEED_DEPTH, Workspace

RACY_NS = 2_000_000_000
TEMPLATE_SUFFIXES = (".yaml", ".yml", ".j2", ".png", ".jpg", ".jpeg", ".docx", ".ttf", ".otf", ".TTF", ".OTF")


@dataclass(frozen=True)
class Stamp:
    """What the lock (and the stored check) remembers of one input file: its content hash, and the stat data
    that says when to hash it again. Size and mtime alone miss a same-size edit whose mtime was kept (`cp -p`,
    `rsync -a`, `touch -r`); the inode (a file replaced by a rename) and the status-change time (set by the
    kernel on every write, rename or chmod, never settable by a user) catch it. `link` is where a symbolic
    link leads ("" for a plain file): a link leaving its folder (or leading nowhere) is stamped but never
    read, its content hash "", so a verdict never outlives a change in what is a link or where it leads."""

    sha256: str
    size: int
    mtime_ns: int
    ino: int = 0  # 0 in a stamp stored by an older briefgen: it never matches, so the file is hashed once
    ctime_ns: int = 0
    link: str = ""

    def to_json(self) -> list[object]:
        return [self.sha256, self.size, self.mtime_ns, self.ino, self.ctime_ns, self.link]

    @classmethod
    def from_json(cls, raw: list[object]) -> Stamp:
        """A stamp as stored: [sha256, size, mtime_ns, ino, ctime_ns, link], or an older briefgen's first three."""
        fields = tuple(raw) if len(raw) == 6 else (*raw, 0, 0, "") if len(raw) == 3 else ()
        if not (len(fields) == 6 and all(isinstance(v, kind) for v, kind in zip(fields, _FIELD_TYPES, strict=True))):
            raise TypeError("a stamp is [sha256, size, mtime_ns, ino, ctime_ns, link]")
        return cls(*fields)  # type: ignore[arg-type]

    def same_content(self, other: Stamp | None) -> bool:
        """The same bytes, reached the same way (both plain files, or links leading to the same place)."""
        return other is not None and self.sha256 == other.sha256 and self.link == other.link


_FIELD_TYPES = (str, int, int, int, int, str)


def input_files(ws: Workspace) -> dict[str, str]:
    """Every file a build reads, keyed by its display name: seeds (in subfolders of seeds/ too: the catalogue
    may name `sub/report.pdf`), catalogue, model, profiles, templates.

    Plain string paths: at 10,000 seeds, building Path objects costs more than the stat calls."""
    files: dict[str, str] = {}
    for folder, prefix, wanted in ((str(ws.seeds), "seeds/", None), (BUNDLED_TEMPLATES, "bundled:", TEMPLATE_SUFFIXES),
                                   (ws.templates, "templates/", TEMPLATE_SUFFIXES)):
        _scan(str(folder), prefix, wanted, files, SEED_DEPTH if prefix == "seeds/" else 0)
    return dict(sorted(files.items()))


def _scan(folder: str, prefix: str, wanted: tuple[str, ...] | None, files: dict[str, str], depth: int) -> None:
    """Add the files of `folder` to `files` (and, `depth` levels down, of its real subfolders)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or (wanted and not entry.name.endswith(wanted)):
                    continue
                if (escaped := not_utf8(entry.name)) is not None:
                    hint = NOT_UTF8_SEED_HINT if prefix.startswith("seeds/") else NOT_UTF8_HINT
                    warn_once(Problem(prefix + escaped, "the file name is not UTF-8, so briefgen ignores the file",
                                      hint=hint))
                elif entry.is_symlink() or names_a_file(entry):  # a link is stamped (never read) wherever it leads
                    files[prefix + entry.name] = entry.path
                elif depth and entry.is_dir(follow_symlinks=False):
                    _scan(entry.path, f"{prefix}{entry.name}/", wanted, files, depth - 1)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError:
        if prefix.count("/") < 2:  # seeds/ or templates/ itself: every command needs it
            raise
        # a subfolder of seeds/ the system will not list: a seed named in it is reported by its reader


ASSET_SUFFIXES = (".yml", ".png", ".jpg", ".jpeg", ".docx", ".ttf", ".otf")  # logos, references, brand files, fonts


def asset_digests(ws: Workspace) -> list[str]:
    """The name and content hash of every asset in templates/ a profile may use (a logo, a reference DOCX, a
    brand file and its logo): a changed one rebuilds the audiences, which is never wrong, if sometimes more
    than needed."""
    try:
        found = sorted(p for p in ws.templates.iterdir() if p.suffix.lower() in ASSET_SUFFIXES and p.is_file()
                       and not_utf8(p.name) is None)  # input_files warns about such a name
    except OSError:
        return []
    return [f"{p.name}\n{file_digest(p)}" for p in found]


def file_digest(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _readable_digest(path: str) -> str:
    """The file's content hash; "" (as for a link never read) when the system refuses to read it: the reader of
    the file then says so at the line that names it, where this stamp, taken first, would say it of a bare path."""
    try:
        return file_digest(path)
    except OSError:
        return ""


def restamp(files: dict[str, str], known: dict[str, Stamp]) -> tuple[dict[str, Stamp], bool]:
    """Fresh stamps for `files`, hashing only those whose stat data (size, mtime, inode, status-change time)
    or link moved; and whether any input came, went or changed content or link. Stat data alone moving (a
    workspace copied or restored: new inodes, new status-change times) is not a change: the hash decides."""
    stamps: dict[str, Stamp] = {}
    touched = set(known) != set(files)
    settled = time.time_ns() - RACY_NS
    for name, path in files.items():
        st, link = _stat(path)
        old = known.get(name)
        if st is None:  # a link that leaves its folder, or leads nowhere: never read
            stamps[name] = Stamp("", 0, 0, 0, 0, link)
        # A file changed in the last moments may change again within the same tick ("racy git"): its stat data
        # is not trusted, its content is hashed. The status-change time is never older than the mtime.
        elif old is not None and old.link == link and old.size == st.st_size and old.mtime_ns == st.st_mtime_ns \
                and old.ino == st.st_ino and old.ctime_ns == st.st_ctime_ns < settled:
            stamps[name] = old
        else:
            stamps[name] = Stamp(_readable_digest(path), st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, link)
        touched = touched or not stamps[name].same_content(old)
    return stamps, touched


def moved(files: dict[str, str], stamps: dict[str, Stamp]) -> list[str]:
    """The inputs that came, went, or were written, renamed or re-linked since `stamps` were taken: any change
    of stat data at all, the status-change time included (the kernel sets it on every write; nobody can set
    it back), so even a file edited and restored to the very bytes stamped counts. Hashes nothing."""
    changed = sorted(set(files) ^ set(stamps))
    for name in sorted(set(files) & set(stamps)):
        try:
            st, link = _stat(files[name])
        except OSError:
            changed.append(name)
            continue
        old = stamps[name]
        now = (0, 0, 0, 0) if st is None else (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
        if link != old.link or now != (old.size, old.mtime_ns, old.ino, old.ctime_ns):
            changed.append(name)
    return changed


def _stat(path: str) -> tuple[os.stat_result | None, str]:
    """A file's stat data and, for a symbolic link, where it leads; no stat data for a link that leaves its
    folder or leads nowhere (a loop, a missing file, not a regular file), which is never read."""
    st = os.lstat(path)
    if not stat.S_ISLNK(st.st_mode):
        return st, ""
    link = os.path.realpath(path)
    try:
        st = os.stat(path)
    except OSError:
        return None, link
    return (st if stat.S_ISREG(st.st_mode) and inside(os.path.dirname(path), link) else None), link


def changed_names(before: dict[str, Stamp], after: dict[str, Stamp]) -> list[str]:
    """Inputs added, removed, whose content differs, or that became a link, stopped being one or lead
    elsewhere."""
    names = set(before) | set(after)
    return sorted(n for n in names if n not in after or not after[n].same_content(before.get(n)))


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
