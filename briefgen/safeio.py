"""Reading a workspace's files without leaving the workspace or hanging, and naming what the system refused.

Every read of a user's file goes through `read_regular`: it opens without blocking (a named pipe would wait
forever for a writer), refuses anything but a regular file, and never reads past a size limit. `inside`
decides whether a path, every symbolic link on the way resolved, stays within a folder. `os_problem` turns an
operating-system error into a message that says what happened and what to do."""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from briefgen.errors import Problem

LINK_HINT = "copy the file into the folder instead of linking to it from elsewhere"


class FileKindError(OSError):
    """The path exists but is not a regular file (a folder, a named pipe, a device, a socket)."""


class FileTooLarge(OSError):
    """The file is larger than the limit its reader allows."""


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
    """The name of an entry beside `path` (which is missing) that differs from its name only in case, in how
    its accented letters are encoded (NFC, as typed, against NFD, as macOS writes names), or in characters no
    one sees (a zero-width space or a BOM pasted with the name, a space at either end), or None."""
    folder, name = os.path.split(path)
    wanted = seen_name(name).casefold()
    try:
        with os.scandir(folder or ".") as entries:
            return next((e.name for e in entries if seen_name(e.name).casefold() == wanted), None)
    except (OSError, ValueError):
        return None


def seen_name(name: str) -> str:
    """`name` as a reader sees it: NFC, without format characters (zero-width space and joiners, BOM, direction
    marks, soft hyphen) or white space at its ends."""
    return "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c) != "Cf").strip()


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
