"""PDF seeds: text page by page through pdfminer.six's layout analysis, its lines grouped into paragraphs.

pdfminer.six gives each text line with its position and size, and groups lines into blocks separated by space;
inside a block we start a new paragraph where the type size changes (a heading), at a bullet, and where a line
ends a sentence well short of the block's right edge or the next line is indented. Every break we add falls at
the end of a sentence or a heading, so a passage can only be cut where a sentence ends; a paragraph that a page
break cuts mid-sentence is joined again.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTFigure, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.plain import SeedError
from briefgen.text import one_line

logging.getLogger("pdfminer").setLevel(logging.CRITICAL)  # its warnings about sloppy files are not ours to print

ENDS_SENTENCE = tuple('.!?:"”’)]')
BULLETS = tuple("•●▪◦‣■□►✓")
DAMAGED_HINT = "open it in a PDF viewer and save or print it to a new PDF"
# What a seed's compressed streams may inflate to: a text PDF of hundreds of pages stays far below, while a
# small file whose stream unpacks to gigabytes (a decompression bomb) would exhaust memory inside pdfminer.
MAX_EXPANDED = 256 * 1024 * 1024
_STREAM_START = re.compile(rb"stream\r?\n")


def _check_header(raw: bytes) -> None:
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


def _layout(raw: bytes) -> Iterator[LTPage]:
    """pdfminer's pages, its failures turned into the user's problem with the file."""
    _check_header(raw)
    _check_expansion(raw)
    try:
        yield from extract_pages(io.BytesIO(raw), laparams=LAParams(all_texts=True))
    except PDFPasswordIncorrect:
        raise SeedError("the PDF is encrypted and needs a password to open",
                        "save an unencrypted copy (for example `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`)"
                        " and use that") from None
    except PDFEncryptionError as exc:
        raise SeedError(f"the PDF's encryption cannot be opened ({exc})", "save an unencrypted copy and use that") \
            from None
    except Exception as exc:  # any failure inside a hostile file is the file's fault, not ours
        raise SeedError(f"the PDF is damaged ({type(exc).__name__}: {str(exc)[:120]})", DAMAGED_HINT) from None


def _boxes(container: Any) -> Iterator[LTTextBox]:
    """Text blocks in pdfminer's reading order, including those inside figures (form XObjects)."""
    for element in container:
        if isinstance(element, LTTextBox):
            yield element
        elif isinstance(element, LTFigure):
            yield from _boxes(element)


def _breaks(prev: LTTextLine, line: LTTextLine, box: LTTextBox) -> bool:
    """Whether `line` starts a new paragraph inside a block."""
    size, before = line.height, prev.height
    if abs(size - before) > 0.2 * max(size, before):
        return True
    text = line.get_text().lstrip()
    if text.startswith(BULLETS):
        return True
    if not prev.get_text().rstrip().endswith(ENDS_SENTENCE):
        return False
    indented = line.x0 - box.x0 > 0.8 * size and prev.x0 - box.x0 < 0.4 * size
    short = box.x1 - prev.x1 > max(0.2 * box.width, 2 * size)
    return indented or short


def _join(lines: list[str]) -> str:
    """One paragraph from its lines: a word hyphenated at a line's end is joined again, keeping a real hyphen."""
    out = ""
    for raw in lines:
        text = raw.rstrip()
        if out.endswith("\u00ad"):
            out = out[:-1] + text.lstrip()
        elif out.endswith("-") and out[-2:-1].isalpha() and text.lstrip()[:1].isalpha():
            out += text.lstrip()
        else:
            out += " " + text
    return one_line(out)


def box_paragraphs(box: LTTextBox) -> Iterator[str]:
    lines = [line for line in box if isinstance(line, LTTextLine) and line.get_text().strip()]
    current: list[str] = []
    for i, line in enumerate(lines):
        if current and _breaks(lines[i - 1], line, box):
            yield _join(current)
            current = []
        current.append(line.get_text())
    if current:
        yield _join(current)


def _runs_on(last: str, first: str) -> bool:
    """Whether a page's last paragraph runs on into the next page's first: it stops mid-sentence and the
    next starts in lower case (a running footer or header in between keeps them apart, as before)."""
    return not last.endswith(ENDS_SENTENCE) and first[:1].islower()


def extract(raw: bytes) -> Extracted:
    """Paragraphs and the page each starts on; one that a page break cuts mid-sentence is joined again, so a
    passage across the break is found (and cited on the page where its paragraph starts)."""
    paragraphs: list[str] = []
    pages: list[int] = []
    ended_on = 0  # the page where the last paragraph ends (later than where it starts if it ran on)
    for number, page in enumerate(_layout(raw), start=1):
        for text in (text for box in _boxes(page) for text in box_paragraphs(box) if text):
            if ended_on == number - 1 and paragraphs and _runs_on(paragraphs[-1], text):
                paragraphs[-1] = _join([paragraphs[-1], text])
            else:
                paragraphs.append(text)
                pages.append(number)
            ended_on = number
    if not paragraphs:
        raise SeedError("the PDF has no text layer (a scanned document?)",
                        "run OCR on it (for example `ocrmypdf in.pdf out.pdf`) and use the result")
    glyph_codes = sum(p.count("(cid:") for p in paragraphs)
    if glyph_codes * 8 > sum(len(p) for p in paragraphs) // 3:
        raise SeedError("the PDF's fonts do not say which letters they draw: its text comes out as glyph numbers",
                        "export the PDF again from its source, or OCR it")
    return Extracted(tuple(paragraphs), tuple(pages))


def document_info(raw: bytes) -> dict[str, str]:
    """The PDF's document information (Title, Author, CreationDate, …) as text; empty when there is none."""
    _check_header(raw)
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
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
