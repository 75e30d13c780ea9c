"""Dataclass methods and regular expressions compiled ahead of time, as Python compiles modules ahead into .pyc
files (issue 20).

In every process, on every import, Python 3.11 compiles each dataclass method (`__init__`, `__eq__`, a frozen
class's `__setattr__`...) from generated source text, and each regular expression from its pattern: for a
build, ~65 ms for ~770 methods and ~60–100 ms for the patterns (reportlab's URL pattern alone takes 59 ms, a
Unicode script class 5 ms). `install()` serves both from one table made once (briefgen/precompiled.bin, written
by `make precompiled`): code objects by exact method text, and the compiled form of each pattern by pattern and
flags, which `re` hands to its C engine as it would after compiling. What the table lacks is compiled as before.

What makes it safe: an entry is looked up by the whole text (a changed class or pattern simply misses); a
method is compiled exactly as `dataclasses` would compile it (no inherited `__future__` flags); a table made by
another Python (bytecode or regular-expression engine version), or one that cannot be read, is not used at
all; `re`'s compiler is wrapped only where it has the shape this was made for. tests/test_precompiled.py checks
every entry against compiling afresh and keeps the table current for briefgen's own classes.
"""

from __future__ import annotations

import _sre
import builtins
import dataclasses
import importlib
import importlib.util
import marshal
import os
import re
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

TABLE = Path(__file__).with_name("precompiled.bin")
# the bytecode and regular-expression engine versions the table's entries belong to
_HEADER = importlib.util.MAGIC_NUMBER + _sre.MAGIC.to_bytes(4, "little")
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # _sre.compile's arguments

_codes: dict[str, CodeType] = {}
_patterns: dict[tuple[str | bytes, int], Compiled] = {}
missed: dict[str, str] = {}  # the method texts compiled here: the module of their class
_compiler = getattr(re, "_compiler", None)
_compile_pattern: Callable[..., Any] = getattr(_compiler, "compile", None) or re.compile


class _Recorder(threading.local):
    """Stands in for `_sre` inside re's compiler: keeps the arguments of the last compile it passes on, in
    each thread its own (two threads compiling at once must not take each other's)."""

    last: Compiled | None = None

    def compile(self, pattern: Any, flags: int, code: list[int], groups: int, groupindex: dict[str, int],
                indexgroup: tuple[str | None, ...]) -> Any:
        self.last = (int(flags), [int(c) for c in code], int(groups), dict(groupindex), tuple(indexgroup))
        return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)


_recorder = _Recorder()


def install(table: Path = TABLE) -> None:
    """Serve `dataclasses` its compiled methods, and `re` its compiled patterns, from the table (once)."""
    if getattr(dataclasses, "exec", None) is _exec:
        return
    codes, patterns = _read(table)
    _codes.update(codes)
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # the module's only use of exec: its generated methods
    if _compiler is not None and getattr(_compiler, "_sre", None) is _sre and _compile_pattern is not re.compile:
        _patterns.update(patterns)
        _compiler._sre = _recorder
        _compiler.compile = _pattern


def read_packed(path: Path, header: bytes) -> Any:
    """What `write_packed` stored at `path` under `header`; None when the file is missing, damaged or begins
    with another header. The one format of the tables made ahead (this module's, render/bytecode.py's,
    writers/pdf/fontcache.py's)."""
    try:
        data = path.read_bytes()
        if data.startswith(header):
            return marshal.loads(zlib.decompress(data[len(header):]))
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        pass
    return None


def write_packed(path: Path, header: bytes, value: Any) -> None:
    path.write_bytes(header + zlib.compress(marshal.dumps(value), 9))


def _read(table: Path) -> tuple[dict[str, CodeType], dict[tuple[str | bytes, int], Compiled]]:
    found = read_packed(table, _HEADER)
    if not (isinstance(found, tuple) and len(found) == 2 and all(isinstance(part, dict) for part in found)):
        return {}, {}
    codes, patterns = found
    return codes, patterns


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    if isinstance(source, str):
        code = _codes.get(source)
        if code is None:  # as `dataclasses` compiles it: its own module has no __future__ imports
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            missed[source] = str((globals or {}).get("__name__", ""))
        source = code
    builtins.exec(source, globals, locals)


def _pattern(pattern: Any, flags: int = 0) -> Any:  # re.Pattern, as re._compiler.compile returns
    """re's compiler, answering from the table for a pattern it holds (by text and flags)."""
    if not isinstance(pattern, (str, bytes)):
        return _compile_pattern(pattern, flags)
    key = (pattern, int(flags))
    found = _patterns.get(key)
    if found is not None:
        return _sre.compile(pattern, *found)
    _recorder.last = None
    compiled = _compile_pattern(pattern, flags)
    if _recorder.last is not None:
        _patterns[key] = _recorder.last
    return compiled


def everything() -> None:
    """Import every module of briefgen (the command-line entry point aside): every dataclass is then made,
    and every pattern compiled at import."""
    import pkgutil  # only here: making the table is a developer's step, not every command's

    package = sys.modules["briefgen"]
    for info in pkgutil.walk_packages(package.__path__, "briefgen."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)


def write(table: Path = TABLE) -> tuple[int, int]:
    """Write the table afresh (in a process that has imported no more of briefgen than this module): every
    dataclass method and import-time pattern of briefgen's modules and what they import. The number of
    methods and of patterns in it. The same code makes the same bytes: entries in sorted order, made under a
    fixed string hash (a pattern some library builds from a set's order is otherwise another text each run)."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        return _write_apart(table)
    _codes.clear()
    _patterns.clear()
    re.purge()
    everything()
    patterns = sorted(_patterns.items(), key=lambda item: (isinstance(item[0][0], bytes), item[0]))
    write_packed(table, _HEADER, (dict(sorted(_codes.items())), dict(patterns)))
    return len(_codes), len(_patterns)


def _write_apart(table: Path) -> tuple[int, int]:
    """`write` run again in a Python whose string hash is fixed."""
    import subprocess  # only here: making the table is a developer's step

    home = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONHASHSEED": "0",
           "PYTHONPATH": os.pathsep.join(filter(None, (home, os.environ.get("PYTHONPATH"))))}
    code = ("from pathlib import Path; from briefgen import precompiled; "
            f"print(*precompiled.write(Path({str(table)!r})))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    methods, patterns = done.stdout.split()
    return int(methods), int(patterns)
