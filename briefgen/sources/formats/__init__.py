"""Seeds in other formats than plain text (Markdown, HTML, PDF, DOCX, RTF, OpenDocument text, Word 97-2003,
EPUB, PowerPoint, Excel, CSV, e-mail), turned into numbered paragraphs.

Each extractor is imported only when a seed of its format is read, so a workspace of .txt seeds never loads
a PDF or DOCX library. Slow extractors keep their result in output/.cache/, keyed by the document's bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.atomic import cache_put
from briefgen.model.readings import READINGS
from briefgen.statefile import DamagedState, load_state
from briefgen.text import one_line

EXTRACTOR_VERSION = "39"  # bump when any extractor's output changes, so cached results are not reused
MB = 1024 * 1024
MAX_EXTRACTED_BYTES = 1024 * MB  # a stored extraction: the text of a seed of at most 50 MB, as marshal data


@dataclass(frozen=True)
class Format:
    kind: str  # "pdf", "docx", "html", "markdown", "rtf", "odt", "ods", "odp", "doc", "epub", "pptx", "xlsx", "csv",
    # "eml", "msg"
    max_bytes: int
    cache_from: int  # documents this large (bytes) have their paragraphs kept in output/.cache/


# Measured on the 2-core machine: pdfminer.six needs 70-100 ms a page; python-docx ~0.2 s to import and ~50 µs a
# paragraph; markdown-it-py ~50 ms to import and ~0.3 s a MB; html.parser ~0.1 s a MB. A cache hit costs a hash
# (~2 ms a MB) and a marshal load. trafilatura takes 0.3-1.3 s to import, 10-60 ms for a news page and
# ~3.5 s for 1 MB of article text, so every HTML page is cached.
FORMATS = {
    ".md": Format("markdown", 5 * MB, 0),
    ".markdown": Format("markdown", 5 * MB, 0),
    ".html": Format("html", 20 * MB, 0),
    ".htm": Format("html", 20 * MB, 0),
    # a web page saved as one file: Chrome's and Edge's "Webpage, Single File", Internet Explorer's web archive
    ".mhtml": Format("html", 20 * MB, 0),
    ".mht": Format("html", 20 * MB, 0),
    ".pdf": Format("pdf", 50 * MB, 0),
    ".docx": Format("docx", 50 * MB, 0),
    # a Word document with macros (never run: only its text is read), a template, a template with macros
    ".docm": Format("docx", 50 * MB, 0),
    ".dotx": Format("docx", 50 * MB, 0),
    ".dotm": Format("docx", 50 * MB, 0),
    ".rtf": Format("rtf", 50 * MB, 0),  # pictures make an RTF large (their bytes written as hex digits)
    # OpenDocument text (LibreOffice's own), its template, and its flat XML form (one file, not a zip)
    ".odt": Format("odt", 50 * MB, 0),
    ".ott": Format("odt", 50 * MB, 0),
    ".fodt": Format("odt", 40 * MB, 0),  # its XML parsed whole, as an .odt's content part (odtdoc.MAX_PART)
    # Word 97-2003's binary document and template (an OLE compound file); an e-book (EPUB 2 or 3, a zip)
    ".doc": Format("doc", 50 * MB, 0),
    ".dot": Format("doc", 50 * MB, 0),
    ".epub": Format("epub", 50 * MB, 0),
    # a PowerPoint deck, with macros (never run), a template; an Excel workbook, with macros; a table as text
    ".pptx": Format("pptx", 50 * MB, 0),
    ".pptm": Format("pptx", 50 * MB, 0),
    ".potx": Format("pptx", 50 * MB, 0),
    ".xlsx": Format("xlsx", 50 * MB, 0),
    ".xlsm": Format("xlsx", 50 * MB, 0),
    # an OpenDocument spreadsheet (LibreOffice Calc's own), its template, its flat XML form (as .fodt)
    ".ods": Format("ods", 50 * MB, 0),
    ".ots": Format("ods", 50 * MB, 0),
    ".fods": Format("ods", 40 * MB, 0),
    # an OpenDocument presentation (LibreOffice Impress's own), its template, its flat XML form
    ".odp": Format("odp", 50 * MB, 0),
    ".otp": Format("odp", 50 * MB, 0),
    ".fodp": Format("odp", 40 * MB, 0),
    ".csv": Format("csv", 5 * MB, 0),  # text, as a .txt seed
    # an e-mail message (RFC 5322 / MIME) and Outlook's own; attachments make a message large, and are not read
    ".eml": Format("eml", 50 * MB, 0),
    ".msg": Format("msg", 50 * MB, 0),
}
SEED_SUFFIXES = (".txt", *FORMATS)  # what `check` expects to find catalogued
# the formats a hint names
NAMED_SUFFIXES = ".txt .md .html .pdf .docx .rtf .odt .ods .odp .doc .epub .pptx .xlsx .csv .eml .msg"


@dataclass(frozen=True)
class Extracted:
    """A document's paragraphs (each one line of text) and, for a PDF, the page each one is on."""

    paragraphs: tuple[str, ...]
    pages: tuple[int, ...] | None = None


def _extracted_of(data: Any) -> Extracted:
    """A stored extraction, (paragraphs, pages or None); else a damaged entry (TypeError, ValueError)."""
    paragraphs, pages = data
    if not (isinstance(paragraphs, list) and all(type(p) is str for p in paragraphs) and (pages is None or (
            isinstance(pages, list) and len(pages) == len(paragraphs) and all(type(n) is int for n in pages)))):
        raise TypeError("not an extraction")
    return Extracted(tuple(paragraphs), None if pages is None else tuple(pages))


def format_of(path: str) -> Format | None:
    """The extracting format of a file name; None for plain text (.txt and any unknown suffix)."""
    return FORMATS.get(os.path.splitext(path)[1].lower())


def extract(fmt: Format, raw: bytes, cache: str | None = None, reading: str = READINGS[0]) -> Extracted:
    """Run the format's extractor on `raw`, or reuse its earlier result for the same bytes.

    `reading` matters for HTML only: "article" keeps the page's article, "blocks" every visible block."""
    kind = f"{fmt.kind}-{reading}" if fmt.kind == "html" else fmt.kind
    if cache is None or len(raw) < fmt.cache_from:
        return _extractor(kind)(raw)
    digest = hashlib.sha256(raw).hexdigest()
    entry = os.path.join(cache, f"seed-{kind}-{__version__}-{EXTRACTOR_VERSION}-{digest}.marshal")
    with contextlib.suppress(DamagedState):  # a damaged entry: extract again
        # marshal, not pickle: plain strings and numbers only, no code runs on load
        stored = load_state(Path(entry), MAX_EXTRACTED_BYTES, _extracted_of, kind="marshal", depth=2)
        if stored is not None:
            return stored
    found = _extractor(kind)(raw)
    cache_put(Path(entry), marshal.dumps((list(found.paragraphs),
                                          None if found.pages is None else list(found.pages))))
    return found


def _extractor(kind: str) -> Callable[[bytes], Extracted]:
    if kind == "pdf":
        from briefgen.sources.formats.pdfdoc import extract as from_pdf
        return from_pdf
    if kind == "docx":
        from briefgen.sources.formats.docxdoc import extract as from_docx
        return from_docx
    if kind == "rtf":
        from briefgen.sources.formats.rtfdoc import extract as from_rtf
        return from_rtf
    if kind == "odt":
        from briefgen.sources.formats.odtdoc import extract as from_odt
        return from_odt
    if kind == "doc":
        from briefgen.sources.formats.docdoc import extract as from_doc
        return from_doc
    if kind == "epub":
        from briefgen.sources.formats.epubdoc import extract as from_epub
        return from_epub
    if kind == "pptx":
        from briefgen.sources.formats.pptxdoc import extract as from_pptx
        return from_pptx
    if kind == "xlsx":
        from briefgen.sources.formats.xlsxdoc import extract as from_xlsx
        return from_xlsx
    if kind == "ods":
        from briefgen.sources.formats.odsdoc import extract as from_ods
        return from_ods
    if kind == "odp":
        from briefgen.sources.formats.odpdoc import extract as from_odp
        return from_odp
    if kind == "csv":
        from briefgen.sources.formats.csvdoc import extract as from_csv
        return from_csv
    if kind == "eml":
        from briefgen.sources.formats.emldoc import extract as from_eml
        return from_eml
    if kind == "msg":
        from briefgen.sources.formats.msgdoc import extract as from_msg
        return from_msg
    if kind == "html-blocks":
        from briefgen.sources.formats.htmldoc import extract as from_html
        return from_html
    if kind == "html-article":
        from briefgen.sources.formats.article import extract as from_article
        return from_article
    from briefgen.sources.formats.mddoc import extract as from_markdown
    return from_markdown


def paragraphs_of(texts: Iterable[str]) -> list[str]:
    """The non-blank texts, each made one line."""
    return [line for text in texts if (line := one_line(text))]
