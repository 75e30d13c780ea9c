"""The PDF writer (reportlab): page-bottom footnotes linked both ways, embedded fonts, outline, metadata."""

from __future__ import annotations

from briefgen.writers.pdf.writer import count_pages, write

__all__ = ["count_pages", "write"]
