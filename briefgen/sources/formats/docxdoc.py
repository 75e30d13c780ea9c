"""DOCX seeds: the body's paragraphs in reading order (table cells included), each a numbered paragraph.

python-docx opens the package (with an XML parser that resolves no entities); the text is read from the body
XML directly, so paragraphs inside content controls and tracked insertions count as Word shows them, deleted
text and field codes do not, and a text box's fallback copy is not read twice. Headers, footers, footnotes and
comments are not part of the body and are left out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from briefgen.sources.formats import Extracted, paragraphs_of
from briefgen.sources.formats.plain import SeedError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_UNPACKED = 500 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BREAKS = {f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"}


def open_document(raw: bytes) -> Any:
    """The python-docx Document of `raw`, after checking that it is a sane Word package."""
    if raw.startswith(OLE_MAGIC):
        raise SeedError("the file is a password-protected Word document or an old binary .doc, not a DOCX",
                        "open it in Word or LibreOffice and save an unprotected copy as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            names = set(package.namelist())
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SeedError("the DOCX is damaged: it is not a readable zip package",
                        "open it in Word or LibreOffice and save it again") from None
    if "word/document.xml" not in names:
        raise SeedError("the file is not a Word document (no word/document.xml inside)",
                        "save the document as .docx from a word processor")
    if unpacked > MAX_UNPACKED:
        raise SeedError(f"the DOCX unpacks to {unpacked // 1048576} MB, more than a document should",
                        "save a copy without embedded media")
    import docx

    try:
        return docx.Document(io.BytesIO(raw))
    except Exception as exc:  # any failure inside a hostile package is the file's fault, not ours
        raise SeedError(f"the DOCX cannot be read ({type(exc).__name__}: {str(exc)[:120]})",
                        "open it in Word or LibreOffice and save it again") from None


def body_paragraphs(body: Any) -> Iterator[str]:
    """Each w:p of the body in document order, its own text only (a text box inside it is its own paragraph)."""
    for element in body.iter(f"{W}p"):
        if any(ancestor.tag == FALLBACK for ancestor in element.iterancestors()):
            continue
        yield "".join(_text_of(element))


def _text_of(paragraph: Any) -> Iterator[str]:
    for node in paragraph.iter(f"{W}t", *_BREAKS):
        if next(node.iterancestors(f"{W}p"), None) is not paragraph:
            continue  # belongs to a paragraph nested inside this one (a text box)
        if node.tag == f"{W}t":
            yield node.text or ""
        else:
            yield "-" if node.tag == f"{W}noBreakHyphen" else " "


def extract(raw: bytes) -> Extracted:
    document = open_document(raw)
    paragraphs = tuple(paragraphs_of(body_paragraphs(document.element.body)))
    if not paragraphs:
        raise SeedError("the DOCX has no text in its body", "check that the document holds its text, not images")
    return Extracted(paragraphs)
