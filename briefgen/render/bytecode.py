"""Compiled templates: the bundled ones from a table made ahead, the rest compiled in each process.

Compiling the bundled templates was ~40 ms of every cold build. The table (render/templates.bin, written by
`templating.write_table`, `make precompiled`) holds each bundled template's code by name and text, and the
templates each text references; it is used only when made for this jinja2, Python bytecode and environment.
A workspace's own templates are compiled by every process that renders them (~30 ms for a copy of a bundled
one) and never kept in the workspace: compiled code read back from output/ would run outside the sandbox,
and jinja's cache entry starts with a pickle, so whoever could write output/.cache/templates (a workspace
copied in with its output folder) could make any command run any code. Nothing but the table is trusted.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from hashlib import sha1
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from briefgen.precompiled import read_packed, write_packed
from briefgen.render.sandbox import BoundedSandbox

TABLE = Path(__file__).with_name("templates.bin")
# What the table's code depends on besides each template's name and text: jinja2, the bytecode version and the
# environment's options (templating.environment).
_HEADER = importlib.util.MAGIC_NUMBER + (
    f"{jinja2.__version__} {BoundedSandbox.__name__} autoescape trim lstrip\n".encode())
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
    """A bundled template's code from the table (given the file name the template has in this installation);
    any other template is compiled."""

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(name, filename), self.get_source_checksum(source))
        made = read_table()[0].get((name, bucket.checksum))
        if made is not None and filename is not None:
            bucket.code = located(made, filename)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Nothing is read: only the table made ahead holds compiled code briefgen trusts."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Nothing is kept (see the module's docstring)."""


def cache() -> BytecodeCache:
    """The bytecode cache of an environment: the table made ahead, and nothing else."""
    return _Compiled()
