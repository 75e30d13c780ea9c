"""The parts of the PDF/UA-1 checker (`tests/pdfua.py`), one module per kind of evidence: the page content
(`content`), the structure tree (`structure`, `elements`), fonts (`fonts`), the catalog, metadata and annotations
(`catalog`). Each returns `Finding`s (`findings`)."""
