"""Reading a workspace's files without leaving the workspace or hanging, and naming what the system refused.

Every read of a user's file goes through `read_regular`: it opens without blocking (a named pipe would wait
forever for a writer), refuses anything but a regular file, and never reads past a size limit. `inside`
decides whether a path, every symbolic link on the way resolved, stays within a folder. `os_problem` turns an
operating-system error into a message that says what happened and what to do."""

from __future__ import annotations

import errno
import json
import marshal
import os
import stat
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from briefgen.errors import Problem

LINK_HINT = "copy the file into the folder instead of linking to it from elsewhere"


class FileKindError(OSError):
    """The path exists but is not a regular file (a folder, a named pipe, a device, a socket)."""


class FileTooLarge(OSError):
    """The file is larger than the limit its reader allows."""


T = TypeVar("T")
Identities = frozenset[tuple[int, int]]  # files as (device, inode): the same file under any name or link
FileVersion = tuple[int, int, int, int, int]  # device, inode, size, modification and status-change times (ns)


def file_version(path: str | Path) -> FileVersion:
    """What tells one version of the file at `path` (links followed) from another, for what a process caches
    while it runs (`watch`: a logo, a font, its coverage). Size and modification time alone missed a file
    replaced by another of the same size and time (`cp -p`, `touch -r`, a git checkout within one second); its
    new inode, or its status-change time, which the kernel sets on every write and nobody can set back, tells."""
    info = os.stat(path)
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def still(path: str | Path, version: FileVersion) -> bool:
    """Whether the file at `path` is still the `version` read (jinja's test before it reuses a compiled template)."""
    try:
        return file_version(path) == version
    except OSError:
        return False


def identities(paths: Iterable[str | Path]) -> Identities:
    """The identity of each of `paths` that exists (links followed)."""
    found = set()
    for path in paths:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            continue
        found.add((info.st_dev, info.st_ino))
    return frozenset(found)


def read_regular(path: str | Path, limit: int, *, follow: bool = True, refused: Identities = frozenset()) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them (else FileTooLarge); with `follow`
    False, a symbolic link is refused (ELOOP) rather than read through. A file that is one of `refused` (by
    identity: under any name, through any link) is refused as a FileKindError."""
    fd = _open_file(path, follow)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileKindError(errno.EINVAL, f"is {kind_of(info.st_mode)}, not a regular file", str(path))
        if (info.st_dev, info.st_ino) in refused:
            raise FileKindError(errno.EINVAL, "is the model or the catalogue itself, not a document", str(path))
        if info.st_size > limit:
            raise FileTooLarge(errno.EFBIG, "file too large", str(path))
        data = _read_all(fd, info.st_size, limit)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read
        raise FileTooLarge(errno.EFBIG, "file too large", str(path))
    return data


def _open_file(path: str | Path, follow: bool) -> int:
    """`path` opened for reading without blocking. A socket cannot be opened at all (ENXIO, as a device without
    its driver): that is a FileKindError naming what the path is, as the other kinds of file get after opening."""
    try:
        return os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW))
    except OSError as exc:
        if exc.errno != errno.ENXIO:
            raise
        mode = os.stat(path, follow_symlinks=follow).st_mode
        raise FileKindError(errno.EINVAL, f"is {kind_of(mode)}, not a regular file", str(path)) from None


def _read_all(fd: int, size: int, limit: int) -> bytes:
    """Up to `limit` + 1 bytes of `fd`: in the usual case one read of the size `fstat` gave (plus one byte, to
    see growth), never a buffer of the whole limit (10,000 small seeds would each allocate it). A file that
    grew or shrank since is read on to its end, or to one byte past the limit."""
    first = os.read(fd, min(size, limit) + 1)
    if len(first) == size:  # the whole file as fstat saw it: no second read to find the end
        return first
    parts = [first]
    got, want = len(first), min(limit + 1 - len(first), 1 << 20)
    while first and got <= limit and (more := os.read(fd, want)):
        parts.append(more)
        got += len(more)
        want = min(limit + 1 - got, 1 << 20)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def not_utf8(name: str) -> str | None:
    """A file name that is not UTF-8 (Python hands its bytes as lone surrogates, which nothing can record or
    print) with those bytes escaped, as `ls -b` would show them ("lat\\xe9.txt"); None for a UTF-8 name."""
    if name.isascii():
        return None
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return None


NOT_UTF8_HINT = "rename it to a UTF-8 name"
NOT_UTF8_SEED_HINT = f"{NOT_UTF8_HINT}, or add it with `briefgen seeds add`, which copies it under one"


def names_a_file(entry: os.DirEntry[str]) -> bool:
    """Does a scanned entry lead to a regular file (links followed)? False for a link loop, a link to nowhere
    or an entry gone since the scan: whoever reads it by name then says what is wrong, in its place."""
    try:
        return entry.is_file()
    except OSError:
        return False


def near_name(path: str) -> str | None:
    """The name of an entry beside `path` (which is missing) that differs from its name only in case or in how
    its accented letters are encoded (NFC, as typed, against NFD, as macOS writes names), or None."""
    folder, name = os.path.split(path)
    wanted = unicodedata.normalize("NFC", name).casefold()
    try:
        with os.scandir(folder or ".") as entries:
            return next((e.name for e in entries if unicodedata.normalize("NFC", e.name).casefold() == wanted), None)
    except (OSError, ValueError):
        return None


def wide_encoding(raw: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when the bytes are text in that encoding (by its byte-order mark, or, without one,
    by the NUL bytes its Latin letters carry, which no text file in UTF-8 holds), else None."""
    head = raw[:1024]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    zeros = head.count(0)  # of Latin text, half the bytes of UTF-16, three quarters of UTF-32
    if len(head) >= 8 and zeros * 4 >= len(head):
        return "UTF-32" if zeros * 8 >= len(head) * 5 else "UTF-16"
    return None


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def inside(folder: str | Path, path: str | Path) -> bool:
    """Does `path`, with every symbolic link resolved, lie within `folder` (itself resolved)?"""
    root = os.path.realpath(folder)
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def first_link(folder: str | Path, path: str | Path) -> str:
    """The first component of `path` below `folder` that is a symbolic link (the one to blame in a message),
    or `path` itself when none is."""
    base = Path(folder)
    current = base
    for part in Path(path).relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            return str(current)
    return str(path)


_MESSAGES: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("no space left on the device", "free some disk space, then run the command again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space in your quota, then run the command again"),
    errno.EFBIG: ("a file would be larger than this process may write (its file size limit)", "raise the limit "
                  "(ulimit -f unlimited, or the job's RLIMIT_FSIZE), then run the command again"),
    errno.EROFS: ("the file system is read-only", "make it writable, or work in a writable folder (-o for "
                  "the output)"),
    errno.EACCES: ("permission denied", "check the owner and permissions of the file and its folder"),
    errno.EPERM: ("operation not permitted", "check the owner and permissions of the file and its folder"),
    errno.ELOOP: ("too many levels of symbolic links (a link loop?)", "remove the looping symbolic link"),
    errno.EMLINK: ("too many links", "the folder or file has reached the file system's link limit: remove "
                   "old entries (for history, build with --keep-history N)"),
    errno.ENAMETOOLONG: ("the file name is too long", "use a shorter path"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "remove or rename the file that is in the way"),
    errno.EISDIR: ("it is a folder, not a file", "remove or rename the folder that is in the way"),
    errno.EEXIST: ("something is already there (a file, a folder or a symbolic link)", "move it elsewhere, or "
                   "choose another name, then run the command again"),
    errno.ENOENT: ("no such file or folder", "check the path (for -o, a folder briefgen can make: its parent "
                   "must exist and be writable, not a system folder such as /proc)"),
}
_ANY_HINT = "check the path and its permissions, then run the command again"  # for an error not listed above


def os_problem(exc: OSError, display: str | None = None) -> Problem:
    """A located message for an operating-system error; `display` overrides the path the error names."""
    where = display or (str(exc.filename) if exc.filename is not None else "briefgen")
    if isinstance(exc, FileKindError):
        return Problem(where, f"the path {exc.strerror}", hint="replace it with an ordinary file")
    if isinstance(exc, FileTooLarge):
        return Problem(where, "the file is larger than briefgen reads", hint="use a smaller file")
    message, hint = _MESSAGES.get(exc.errno or 0, (exc.strerror or str(exc), _ANY_HINT))
    return Problem(where, message, hint=hint)


def read_state(path: Path, limit: int) -> bytes | None:
    """A state file briefgen wrote itself (the build record, a cache): its bytes, or None when it is absent.
    Never read through a symbolic link; an OSError other than absence is left to the caller, which treats
    the file as damaged."""
    try:
        return read_regular(path, limit, follow=False)
    except FileNotFoundError:
        return None


MAX_STATE_DEPTH = 64  # a state file holds the model's items (YAML stops at 32 levels) a few levels down
# How parsing or shaping a state file can fail, besides an OSError: garbage (ValueError, EOFError), the wrong
# types or shape (TypeError, KeyError, IndexError, AttributeError), or input built to exhaust the parser
# (RecursionError from a deep JSON array, MemoryError).
_UNUSABLE = (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError, RecursionError, MemoryError)


class DamagedState(Exception):
    """A state file briefgen wrote cannot be used; the message says why, for the warning its reader gives. A
    JSON syntax error also says where (`at`: line, column), and `short` is then the reason without it."""

    def __init__(self, message: str, at: tuple[int, int] | None = None, short: str = "") -> None:
        super().__init__(message)
        self.at, self.short = at, short or message


class NewerState(DamagedState):
    """A state file a newer briefgen wrote: whole, but in a format this one cannot read. Kept, never taken
    for damage: the hint is to run that briefgen (an upgrade), not to restore a backup."""


def expect_format(data: Any, version: int, what: str) -> None:
    """Refuse parsed state whose `format` is not `version`: NewerState when a newer briefgen wrote it (a larger
    whole number), DamagedState for anything else (none, another type, an older number)."""
    found = data.get("format") if isinstance(data, dict) else None
    if type(found) is int and found == version:
        return
    if type(found) is int and found > version:
        raise NewerState(f"written by a newer briefgen (format {found}, where this one reads format {version})")
    raise DamagedState(f"not a {what} this briefgen wrote")


UPGRADE_HINT = "run the newer briefgen that wrote it (pip install --upgrade briefgen)"


def load_state(path: Path, limit: int, shape: Callable[[Any], T], *, kind: str = "json",
               depth: int = MAX_STATE_DEPTH, kinds: frozenset[type] | None = None) -> T | None:
    """The state file at `path` ("json" or "marshal" data) made into what `shape` builds from it; None when the
    file is absent. Any way the file fails (unreadable, a link, too large, not parsable, nested deeper than
    `depth`, holding a value of a type not in `kinds`, a shape `shape` refuses with any of the usual errors) is
    a DamagedState: one place decides what "damaged" means, so every reader warns, or recomputes, and carries
    on as if the file were absent."""
    try:
        if kind == "json" and not _opens_as_json(path):  # a huge file of garbage is never read whole
            raise DamagedState("not JSON: it does not begin as a JSON object or array")
        raw = read_state(path, limit)
    except OSError as exc:
        raise DamagedState(os_problem(exc).message) from None
    if raw is None:
        return None
    try:
        data = json.loads(raw) if kind == "json" else marshal.loads(raw)
    except _UNUSABLE as exc:
        what = f"not {'JSON' if kind == 'json' else 'marshal data'}"
        if isinstance(exc, json.JSONDecodeError):
            raise DamagedState(f"{what}: {_why(exc)}", (exc.lineno, exc.colno), f"{what}: {exc.msg}") from None
        raise DamagedState(f"{what}: {_why(exc)}") from None
    if too_deep(data, depth, kinds):
        raise DamagedState(f"nested more than {depth} levels deep, or holding what briefgen never writes")
    try:
        return shape(data)
    except _UNUSABLE:
        raise DamagedState("it has the wrong shape") from None


def _opens_as_json(path: Path) -> bool:
    """Does the file (if there: else True, for the full read to tell) begin, after white space, as JSON's
    objects and arrays do? Read from its first few kilobytes, never through a link (the full read names it)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return True
    try:
        head = os.read(fd, 4096) if stat.S_ISREG(os.fstat(fd).st_mode) else b"{"
    finally:
        os.close(fd)
    first = head.lstrip()[:1]
    return first in (b"{", b"[") or (not first and len(head) < 4096)  # short and blank: the parser says so


def _why(exc: BaseException) -> str:
    """A short reason for a parse failure (a RecursionError's own text names the parser's internals)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "too large to read"
    return str(exc)[:200] or type(exc).__name__


def too_deep(data: object, limit: int, kinds: frozenset[type] | None = None) -> bool:
    """Is `data` (dicts, lists, tuples and scalars) nested more than `limit` levels, or (with `kinds`) does it
    hold a value of a type not among `kinds`? Walked a level at a time, without recursion, so a value built to
    be deep cannot exhaust the stack here or in whoever walks it next."""
    level: list[Any] = [data] if type(data) in _CONTAINERS else []
    depth = 0
    if kinds is not None and type(data) not in kinds:
        return True
    while level:
        if depth > limit:
            return True
        below: list[Any] = []
        for value in level:
            children: Iterable[Any] = value.values() if type(value) is dict else value
            found = set(map(type, children))
            if kinds is not None and not found <= kinds:
                return True
            if not found.isdisjoint(_CONTAINERS):
                below += [child for child in children if type(child) in _CONTAINERS]
        level, depth = below, depth + 1
    return False


_CONTAINERS = frozenset({dict, list, tuple})
