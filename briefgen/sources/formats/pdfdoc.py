"""PDF seeds: text page by page through pdfminer.six's layout analysis; pdflines.py makes its lines paragraphs.

pdfminer.six gives each text line with its position and size, and groups lines into blocks separated by space.
Fonts that draw with their built-in encoding (Symbol, ZapfDingbats, other symbol fonts) are read as pdffonts.py
says, so a Symbol "µ" is not read as the "m" of the same code.
"""

from __future__ import annotations

import contextlib
import logging
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from pdfminer.layout import LAParams, LTFigure, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.pdfbidi import (
    has_rtl,
)
from briefgen.sources.formats.pdfboxlines import page_lines
from briefgen.sources.formats.pdfcells import draws_spaces
from briefgen.sources.formats.pdflines import Page, paragraphs
from briefgen.sources.formats.pdfpage import Block
from briefgen.sources.formats.pdfreader import MAX_PAGES, TooManyPages, pages
from briefgen.sources.formats.pdfrepair import RepairedDocument
from briefgen.sources.formats.pdfspacing import line_text
from briefgen.sources.formats.plain import SeedError, check_kind
from briefgen.text import one_line

logging.getLogger("pdfminer").setLevel(logging.CRITICAL)  # its warnings about sloppy files are not ours to print

DAMAGED_HINT = "open it in a PDF viewer and save or print it to a new PDF"
# What a seed's compressed streams may inflate to: a text PDF of hundreds of pages stays far below, while a
# small file whose stream unpacks to gigabytes (a decompression bomb) would exhaust memory inside pdfminer.
MAX_EXPANDED = 256 * 1024 * 1024
_STREAM_START = re.compile(rb"stream\r?\n")
TURNED_GAP = 72.0  # the space set between a page and its text read turned (pdfturns.py): no line runs on over it


def _check_header(raw: bytes) -> None:
    check_kind(raw, "a PDF document")
    if b"%PDF-" not in raw[:1024]:
        raise SeedError("the file is not a PDF (no %PDF- header)", "check that it is the document, not a web page "
                        "or an error message saved under a .pdf name")


def _check_expansion(raw: bytes) -> None:
    """Inflate every zlib stream of the file 16 KB of input at a time (so at most ~16 MB of output is held),
    and refuse the file once the total passes MAX_EXPANDED, before pdfminer would inflate it all at once."""
    total, position = 0, 0
    while (found := _STREAM_START.search(raw, position)) is not None:
        end = raw.find(b"endstream", found.end())
        end, position = (len(raw), len(raw)) if end < 0 else (end, end + len(b"endstream"))
        inflater = zlib.decompressobj()
        with contextlib.suppress(zlib.error):  # not zlib (images, other filters): pdfminer copes or reports
            for offset in range(found.end(), end, 16384):
                total += len(inflater.decompress(raw[offset:min(offset + 16384, end)]))
                if total > MAX_EXPANDED:
                    raise SeedError(f"the PDF's streams unpack to more than {MAX_EXPANDED >> 20} MB, far more "
                                    "than a document's text needs (a decompression bomb?)", DAMAGED_HINT)
                if inflater.eof:
                    break


def _layout(raw: bytes) -> Iterator[list[LTPage]]:
    """pdfminer's pages, its failures turned into the user's problem with the file."""
    _check_header(raw)
    _check_expansion(raw)
    try:
        yield from pages(raw, LAParams(all_texts=True))
    except TooManyPages:
        raise SeedError(f"the PDF has more than {MAX_PAGES:,} pages, more than briefgen reads from one seed",
                        "split out the pages you cite (for example `qpdf in.pdf --pages . 1-500 -- part.pdf`) and "
                        "catalogue that part") from None
    except PDFPasswordIncorrect:
        raise SeedError("the PDF is encrypted and needs a password to open",
                        "save an unencrypted copy (for example `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`)"
                        " and use that") from None
    except PDFEncryptionError as exc:
        raise SeedError(f"the PDF's encryption cannot be opened ({exc})", "save an unencrypted copy and use that") \
            from None
    except Exception as exc:  # any failure inside a hostile file is the file's fault, not ours
        said = one_line(str(exc))[:120]  # the reader's own words, without Python's name for the failure
        raise SeedError("the PDF is damaged: it cannot be read" + (f" ({said})" if said else ""), DAMAGED_HINT) \
            from None


def _boxes(container: Any) -> Iterator[LTTextBox]:
    """Text blocks in pdfminer's reading order, including those inside figures (form XObjects)."""
    for element in container:
        if isinstance(element, LTTextBox):
            yield element
        elif isinstance(element, LTFigure):
            yield from _boxes(element)


def _page(parts: list[LTPage]) -> Page:
    """A page's record from its readings in each direction its text runs (pdfreader.pages), the first as the
    page: the lines of the others set below it, one reading under the other, so they are read after it."""
    blocks, below = _blocks(parts[0]), 0.0
    for part in parts[1:]:
        below -= part.height + TURNED_GAP
        blocks += [[replace(line, y0=line.y0 + below) for line in block] for block in _blocks(part)]
    return Page(parts[0].height, blocks)


def _blocks(page: LTPage) -> list[Block]:
    boxes = [[(line, text) for line in box if isinstance(line, LTTextLine) and (text := line_text(line).strip())]
             for box in _boxes(page)]
    lines = [line for box in boxes for line, _ in box]
    margins = (min((ln.x0 for ln in lines), default=0.0), max((ln.x1 for ln in lines), default=0.0))
    drawn, rtl = draws_spaces(lines), sum(has_rtl(text) for box in boxes for _, text in box)
    across = float(page.x0 + page.x1) if 2 * rtl > len(lines) else None  # most lines right to left: the page's
    boxes = [box for box in boxes if box]
    blocks = page_lines(boxes, margins, [_mirror(box, across) for box in boxes], drawn)
    return [block for block in blocks if block]


def _mirror(box: list[tuple[LTTextLine, str]], across: float | None) -> float:
    """Where a text box's right-to-left lines are mirrored (the sum of two edges): `across` the page where most
    of its lines hold right-to-left text (its columns then read from the right), else across the box, its
    column, so that such a line in the left one of two columns stays there."""
    if across is not None:
        return across
    return float(min(line.x0 for line, _ in box) + max(line.x1 for line, _ in box))


def extract(raw: bytes) -> Extracted:
    """Paragraphs and the page each starts on (see pdflines for how lines become paragraphs)."""
    found = [(number, text) for number, text in paragraphs([_page(parts) for parts in _layout(raw)]) if text]
    if not found:
        raise SeedError("the PDF has no text layer (a scanned document?)",
                        "run OCR on it (for example `ocrmypdf in.pdf out.pdf`) and use the result")
    texts = tuple(text for _, text in found)
    glyph_codes = sum(p.count("(cid:") for p in texts)
    if glyph_codes * 8 > sum(len(p) for p in texts) // 3:
        raise SeedError("the PDF's fonts do not say which letters they draw: its text comes out as glyph numbers",
                        "export the PDF again from its source, or OCR it")
    return Extracted(texts, tuple(number for number, _ in found))


def document_info(raw: bytes) -> dict[str, str]:
    """The PDF's document information (Title, Author, CreationDate, …) as text; empty when there is none."""
    _check_header(raw)
    try:
        document = RepairedDocument(raw)
        entries = [resolve1(entry) for entry in document.info]
    except Exception:  # the text extraction reports a damaged file; metadata is only a convenience
        return {}
    found: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, dict):
            for key, value in entry.items():
                text = _as_text(resolve1(value))
                if text:
                    found[str(key)] = text
    return found


def _as_text(value: object) -> str:
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    return value if isinstance(value, str) else ""
