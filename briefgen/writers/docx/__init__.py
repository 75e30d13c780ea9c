"""The DOCX writer (python-docx plus our own footnotes layer)."""

from __future__ import annotations

from briefgen.writers.docx.writer import write

__all__ = ["write"]
