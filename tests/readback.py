"""Reading our DOCX and PDF files back the way a reader's software does, for the property tests.

DOCX: python-docx for the body, header and footer text (it turns <w:tab/> into a tab and <w:br/> into a line
feed, as Word shows them) and the raw word/document.xml and word/footnotes.xml for the notes.
PDF: pypdf's text extraction page by page, in drawing order, plus the link annotations and metadata.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pypdf._text_extraction as pypdf_text
from docx.oxml import parse_xml
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree
from pypdf import PdfReader

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ---------------------------------------------------------------- DOCX


@dataclass(frozen=True)
class DocxContent:
    paragraphs: list[str]  # every non-empty body paragraph, in reading order (table cells row by row)
    notes: dict[int, str]  # footnote id -> its text, number mark excluded (separators -1 and 0 left out)
    references: list[int]  # w:footnoteReference ids in document order
    noterefs: list[tuple[str, str]]  # repeated citations: (bookmark named by the NOTEREF field, number shown)
    bookmarks: dict[str, int]  # bookmark name -> id of the footnote reference it wraps
    furniture: list[str]  # header and footer paragraphs
    core: dict[str, str]  # title, subject, author, keywords


def read_docx(path: Path) -> DocxContent:
    document = docx.Document(str(path))
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        notes_xml = parse_xml(archive.read("word/footnotes.xml"))
    section = document.sections[0]
    furniture = ["\n".join(p.text for p in part.paragraphs)  # one text per header or footer, a line a paragraph
                 for part in (section.first_page_header, section.header, section.first_page_footer, section.footer)]
    props = document.core_properties
    return DocxContent(
        paragraphs=[text for text in _docx_paragraphs(document.iter_inner_content()) if text],
        notes={int(n.get(f"{W}id")): "".join(Paragraph(p, None).text for p in n.iter(f"{W}p"))
               for n in notes_xml.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0},
        references=[int(r.get(f"{W}id")) for r in body.iter(f"{W}footnoteReference")],
        noterefs=_noterefs(body), bookmarks=_bookmarks(body), furniture=furniture,
        core={"title": props.title, "subject": props.subject, "author": props.author, "keywords": props.keywords})


def _docx_paragraphs(items: Iterator[Paragraph | Table]) -> Iterator[str]:
    for item in items:
        if isinstance(item, Paragraph):
            yield item.text
            continue
        for row in item.rows:
            for cell in row.cells:
                yield from _docx_paragraphs(cell.iter_inner_content())


def _noterefs(body: Any) -> list[tuple[str, str]]:
    """(bookmark, cached number) of every NOTEREF field: instruction runs, then the result run's text."""
    found, pending = [], None
    for run in body.iter(f"{W}r"):
        instr = run.find(f"{W}instrText")
        if instr is not None and instr.text and instr.text.split()[0] == "NOTEREF":
            pending = instr.text.split()[1]
        elif pending is not None and run.find(f"{W}t") is not None:
            found.append((pending, run.find(f"{W}t").text or ""))
            pending = None
    return found


def _bookmarks(body: Any) -> dict[str, int]:
    """Bookmarks that wrap a footnote reference (the targets of NOTEREF fields)."""
    marks = {}
    for start in body.iter(f"{W}bookmarkStart"):
        ref = start.getnext()
        found = ref.find(f"{W}footnoteReference") if ref is not None else None
        if found is not None:
            marks[start.get(f"{W}name")] = int(found.get(f"{W}id"))
    return marks


# ---------------------------------------------------------------- PDF


@dataclass(frozen=True)
class PdfLink:
    page: int
    rect: tuple[float, float, float, float]
    uri: str | None = None  # an external link
    target: tuple[int, float] | None = None  # an internal link: (page, y)


@dataclass(frozen=True)
class PdfContent:
    pages: list[str]  # the text of each page, in drawing order
    links: list[PdfLink]  # in page order, then annotation order (the order they were drawn)
    metadata: dict[str, str]
    outline: list[str]


@contextlib.contextmanager
def drawing_order() -> Iterator[None]:
    """Switch off pypdf's right-to-left heuristic for the duration.

    pypdf assumes Hebrew and Arabic runs were stored in visual order and reverses them; reportlab (without
    its optional bidi support) stores and draws every run in logical order, so the drawing order is the
    text as written. Patching the two module globals fails loudly if a pypdf release renames them."""
    saved = pypdf_text.RTL_CHARACTER_PATTERN, pypdf_text.is_char_rtl
    pypdf_text.RTL_CHARACTER_PATTERN = re.compile("(?!)")
    pypdf_text.is_char_rtl = lambda *_args: False
    try:
        yield
    finally:
        pypdf_text.RTL_CHARACTER_PATTERN, pypdf_text.is_char_rtl = saved


def read_pdf(path: Path) -> PdfContent:
    reader = PdfReader(path)
    numbers = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    pages = []
    with drawing_order():
        for page in reader.pages:
            chunks: list[str] = []
            page.extract_text(visitor_text=lambda text, *_rest, out=chunks: out.append(text))
            pages.append("".join(chunks))
    links = [_link(i, annot.get_object(), numbers) for i, page in enumerate(reader.pages)
             for annot in page.get("/Annots", [])]
    meta = reader.metadata or {}
    return PdfContent(pages, links, {k: str(v) for k, v in meta.items()},
                      [item["/Title"] for item in _flatten(reader.outline)])


def _link(page: int, annot: Any, numbers: dict[int, int]) -> PdfLink:
    x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
    if "/Dest" in annot:
        dest = annot["/Dest"]
        return PdfLink(page, (x0, y0, x1, y1), target=(numbers[dest[0].idnum], float(dest[3])))
    return PdfLink(page, (x0, y0, x1, y1), uri=str(annot["/A"]["/URI"]))


def _flatten(outline: list[Any]) -> Iterator[Any]:
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item
