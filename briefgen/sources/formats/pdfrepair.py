"""A PDF opened as viewers open it, its cross-reference repaired from the whole file where it is broken.

A PDF finds its objects through the cross-reference table (or stream) that `startxref` points to, then those of
earlier revisions (/Prev). Where that is broken (the file cut short or padded, its offsets shifted by an editor
or a transfer that changed its line ends, `startxref` wrong), viewers read the file from end to end, and each
object's last definition is the one they take: the last revision of a document saved with incremental updates
(a form filled in, a correction, a signature). pdfminer.six repairs too, but stops at the file's first
`trailer`: it read the text of the first revision, every later update lost; and with a cross-reference stream,
which has no `trailer`, it found no document at all. Here the whole file is read: every object, in the order it
comes (those in object streams as the stream comes), the trailer from every `trailer` and cross-reference
stream, the later one's entries over the earlier one's. The same index serves when the table is read but
points an object to the wrong place.
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from pdfminer.pdfdocument import PDFDocument, PDFNoValidXRef, PDFXRefFallback
from pdfminer.pdfexceptions import PDFObjectNotFound
from pdfminer.pdfparser import PDFParser, PDFStreamParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import LIT, PSEOF, PSSyntaxError

_DEFINED = re.compile(rb"(?<![\w.])(\d{1,10})\s+(\d{1,5})\s+obj\b|(?<![\w/])trailer\b")
_OBJECT_STREAM, _CROSS_REFERENCE = LIT("ObjStm"), LIT("XRef")
_TRAILER_KEYS = ("Root", "Info", "Encrypt", "ID")
_FIRST_BYTES = 200  # how far into an object its dictionary says it is an object or cross-reference stream


class WholeFileXRef(PDFXRefFallback):
    """Where each object of the file is last defined, and the trailer its revisions make together."""

    def __init__(self, raw: bytes) -> None:
        super().__init__()
        self._raw = raw

    def load(self, parser: PDFParser) -> None:
        for found in _DEFINED.finditer(self._raw):
            if found.group(1) is None:
                parser.seek(found.start())
                self._trailer(parser)
                continue
            self.offsets[int(found.group(1))] = (None, found.start(), int(found.group(2)))
            head = self._raw[found.end():found.end() + _FIRST_BYTES]
            if b"/ObjStm" in head or b"/XRef" in head:
                self._stream(parser, found.start(), int(found.group(1)))

    def _trailer(self, parser: PDFParser) -> None:
        try:
            self.load_trailer(parser)
        except (PSEOF, PSSyntaxError, PDFNoValidXRef, TypeError, ValueError):
            return  # a trailer cut short: the others say what it would

    def _stream(self, parser: PDFParser, position: int, number: int) -> None:
        """An object stream's objects, or a cross-reference stream's trailer entries."""
        parser.seek(position)
        try:
            _, _, _, (_, stream) = (parser.nexttoken(), parser.nexttoken(), parser.nexttoken(), parser.nextobject())
            if not isinstance(stream, PDFStream):
                return
            if stream.get("Type") is _CROSS_REFERENCE:
                self.trailer.update({key: stream[key] for key in _TRAILER_KEYS if key in stream})
            elif stream.get("Type") is _OBJECT_STREAM:
                for index, inner in enumerate(_numbers(stream)[0::2]):
                    self.offsets[inner] = (number, index, 0)
        except (PSEOF, PSSyntaxError, TypeError, ValueError, KeyError):
            return  # a damaged stream: its objects are not there to be read


def _numbers(stream: PDFStream) -> list[int]:
    """The object numbers and offsets an object stream begins with (its first /N pairs)."""
    count = stream.get("N")
    numbers: list[int] = []
    parser = PDFStreamParser(stream.get_data())
    try:
        while len(numbers) < 2 * (count if isinstance(count, int) else 0):
            _, value = parser.nexttoken()
            if not isinstance(value, int):
                break
            numbers.append(value)
    except PSEOF:
        pass
    return numbers[:len(numbers) // 2 * 2]


class RepairedDocument(PDFDocument):
    """pdfminer's document, its cross-reference repaired from the whole file (WholeFileXRef) where it cannot be
    read, or where it points an object to something else."""

    def __init__(self, raw: bytes) -> None:
        self._raw, self._repaired = raw, False
        super().__init__(PDFParser(BytesIO(raw)))

    def find_xref(self, parser: PDFParser) -> int:
        try:
            return int(super().find_xref(parser))
        except PDFNoValidXRef:
            return -1

    def read_xref_from(self, parser: PDFParser, start: int, xrefs: list[Any]) -> None:
        try:
            if start < 0:
                raise PDFNoValidXRef("no startxref")
            super().read_xref_from(parser, start, xrefs)
        except (PDFNoValidXRef, PSEOF, PSSyntaxError, TypeError, ValueError, KeyError):
            self._repair(parser, xrefs)

    def getobj(self, objid: int) -> object:
        try:
            return super().getobj(objid)
        except PDFObjectNotFound:  # or not where the table says: pdfminer's other errors there come to this
            if self._repaired or self._parser is None:
                raise
            self._repair(self._parser, self.xrefs)
            self._cached_objs.clear()
            self._parsed_objs.clear()
            return super().getobj(objid)

    def _repair(self, parser: PDFParser, xrefs: list[Any]) -> None:
        """Put the whole file's index first among `xrefs` (once)."""
        if self._repaired:
            return
        self._repaired = parser.fallback = True
        whole = WholeFileXRef(self._raw)
        whole.load(parser)
        xrefs.insert(0, whole)
