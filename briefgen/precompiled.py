"""Dataclass methods compiled ahead of time, as Python compiles modules ahead into .pyc files (issue 20).

Python 3.11 builds every method of a dataclass (`__init__`, `__eq__`, `__hash__`, a frozen class's
`__setattr__`...) by compiling generated source text, in every process, on every import: briefgen's ~130
dataclasses cost ~65 ms of each build's imports, a tenth of `build -a executive`. `install()` has the
`dataclasses` module find each text's code object in a table compiled once (briefgen/precompiled.bin, 90 KB,
~8 ms to read; written by `make precompiled`, for this Python's bytecode version) and compile only what the
table lacks.

What makes it safe: a text is compiled exactly as `dataclasses` would compile it (no inherited `__future__`
flags), and looked up by the whole text, so a changed class simply misses (and is compiled as before); a table
of another bytecode version, or one that cannot be read, is not used at all. tests/test_precompiled.py keeps
the table current for briefgen's own classes.
"""

from __future__ import annotations

import builtins
import dataclasses
import importlib
import importlib.util
import marshal
import pkgutil
import sys
import zlib
from pathlib import Path
from types import CodeType
from typing import Any

TABLE = Path(__file__).with_name("precompiled.bin")
_HEADER = importlib.util.MAGIC_NUMBER  # the bytecode version the table's code objects belong to
_codes: dict[str, CodeType] = {}
missed: dict[str, str] = {}  # the texts compiled here, by text: the module of the class


def install(table: Path = TABLE) -> None:
    """Serve `dataclasses` its compiled methods from the table (once per process)."""
    if getattr(dataclasses, "exec", None) is _exec:
        return
    _codes.update(_read(table))
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # the module's only use of exec: its generated methods


def _read(table: Path) -> dict[str, CodeType]:
    try:
        data = table.read_bytes()
        if not data.startswith(_HEADER):
            return {}
        found = marshal.loads(zlib.decompress(data[len(_HEADER):]))
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        return {}
    return found if isinstance(found, dict) else {}


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    if isinstance(source, str):
        code = _codes.get(source)
        if code is None:  # as `dataclasses` compiles it: its own module has no __future__ imports
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            missed[source] = str((globals or {}).get("__name__", ""))
        source = code
    builtins.exec(source, globals, locals)


def everything() -> None:
    """Import every module of briefgen (the command-line entry point aside): every dataclass is then made."""
    package = sys.modules["briefgen"]
    for info in pkgutil.walk_packages(package.__path__, "briefgen."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)


def write(table: Path = TABLE) -> int:
    """Write the table afresh: every dataclass method briefgen's modules make (in a process that has made none
    yet). The number of texts in it."""
    _codes.clear()
    everything()
    table.write_bytes(_HEADER + zlib.compress(marshal.dumps(_codes), 9))
    return len(_codes)
