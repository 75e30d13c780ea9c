"""Compiled templates: the bundled ones from a table made ahead, the rest from the output folder's cache.

Compiling the bundled templates was ~40 ms of every cold build. The table (render/templates.bin, written by
`templating.write_table`, `make precompiled`) holds each bundled template's code by name and text, and the
templates each text references; it is used only when made for this jinja2, Python bytecode and environment.
A workspace's own templates are kept compiled in output/.cache/templates between runs when that folder takes
them (a read-only or full output folder only means compiling again).
"""

from __future__ import annotations

import contextlib
import importlib.util
from functools import lru_cache
from hashlib import sha1
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from briefgen.precompiled import read_packed, write_packed
from briefgen.render.sandbox import BoundedSandbox
from briefgen.safeio import read_state

TABLE = Path(__file__).with_name("templates.bin")
# What the table's code depends on besides each template's name and text: jinja2, the bytecode version and the
# environment's options (templating.environment).
_HEADER = importlib.util.MAGIC_NUMBER + (
    f"{jinja2.__version__} {BoundedSandbox.__name__} autoescape trim lstrip\n".encode())
MAX_COMPILED_BYTES = 64 * 1024 * 1024  # the code of a template of at most 1 MB
Table = tuple[dict[tuple[str, str], CodeType], dict[str, tuple[str, ...]]]


def checksum(source: str) -> str:
    """A template text's key in the table: jinja2's own checksum of a source."""
    return sha1(source.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def read_table() -> Table:
    """The bundled templates' code by (name, checksum), and the templates each text references by checksum;
    empty when the table is missing, damaged or made for another jinja2, Python or environment."""
    found = read_packed(TABLE, _HEADER)
    if not (isinstance(found, tuple) and len(found) == 2 and all(isinstance(part, dict) for part in found)):
        return {}, {}
    codes, references = found
    return codes, references


def save_table(codes: dict[tuple[str, str], CodeType], references: dict[str, tuple[str, ...]]) -> None:
    write_packed(TABLE, _HEADER, (codes, references))
    read_table.cache_clear()


def located(code: CodeType, filename: str) -> CodeType:
    """The code with the template's file name in it and in every function it defines (tracebacks name it)."""
    consts = tuple(located(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


class _Compiled(BytecodeCache):
    """A bundled template's code from the table (given the file name the template has in this installation),
    any other's from the output folder's cache when there is one."""

    def __init__(self, folder: FileSystemBytecodeCache | None) -> None:
        self.folder = folder

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(name, filename), self.get_source_checksum(source))
        made = read_table()[0].get((name, bucket.checksum))
        if made is not None and filename is not None:
            bucket.code = located(made, filename)
        else:
            self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if self.folder is not None:
            self.folder.load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self.folder is not None:
            self.folder.dump_bytecode(bucket)


class _BestEffortCache(FileSystemBytecodeCache):
    """Compiled templates kept between runs when the cache folder takes them. An entry is read as every state
    file is (no link followed, no named pipe waited on, a size limit); one that is damaged is compiled again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            raw = read_state(Path(self._get_cache_filename(bucket)), MAX_COMPILED_BYTES)
            if raw is not None:
                bucket.bytecode_from_string(raw)
        except (OSError, ValueError, EOFError, TypeError, MemoryError, RecursionError):
            bucket.reset()
        if not isinstance(bucket.code, (CodeType, type(None))):  # marshal data, but not code
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache(cache_dir: Path | None) -> BytecodeCache:
    """The bytecode cache of an environment: the table, then output/.cache/templates if it can be made."""
    if cache_dir is None:
        return _Compiled(None)
    folder = cache_dir / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only output folder: compile every time
        return _Compiled(None)
    return _Compiled(_BestEffortCache(str(folder)))
