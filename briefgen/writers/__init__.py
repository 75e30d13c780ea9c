"""One writer per output format; each has the signature `write(doc, path, theme) -> WriteResult`.

This module is the registry: the module of each format's writer (the formats are `document.formats.FORMATS`),
imported only when its format is asked for (each costs ~0.15 s of imports)."""

from __future__ import annotations

import importlib
from typing import cast

from briefgen.document.formats import Format
from briefgen.document.nodes import Writer
from briefgen.writers import bidi

# State set on import, on purpose and only here: reportlab looks up its bidi module once, when it is first
# imported, and every import of reportlab in briefgen comes through this package (tests/test_architecture.py).
bidi.install()

_MODULES: dict[Format, str] = {"docx": "briefgen.writers.docx.writer", "pdf": "briefgen.writers.pdf.writer"}


def writer_for(fmt: Format) -> Writer:
    return cast(Writer, importlib.import_module(_MODULES[fmt]).write)


def prepare_writer(fmt: Format) -> None:
    """Import the format's writer and pay its first document's costs now, ahead of its first document (a
    process forked to write it does this while the build verifies and fits)."""
    prepare = getattr(importlib.import_module(_MODULES[fmt]), "prepare", None)
    if prepare is not None:
        prepare()
