"""One writer per output format; each has the signature `write(doc, path, theme) -> WriteResult`."""

from __future__ import annotations

from briefgen.writers import bidi

bidi.install()  # before any reportlab import: reportlab looks for its bidi module once, on import
