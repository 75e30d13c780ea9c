"""Word 97-2003 seeds (.doc, and its template .dot: an OLE compound file, cfb.py): the main document's text as Word
shows it (docfib.py finds it, docchars.py what is hidden and what a symbol font draws, doclists.py the list
numbers, doctext.py reads it), then its footnotes, endnotes and text boxes, each its own paragraph; headers,
footers and comments are not read. Its SummaryInformation stream gives `seeds add` its title, author, subject,
comments and creation date.

An encrypted or obfuscated document, a Word 6.0/95 one (another format) and a compound file holding no Word
document (an Excel or PowerPoint file) are refused with what to do, and so is more text than a seed may hold.
"""

from __future__ import annotations

import bisect
import datetime
import struct

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.cfb import Compound
from briefgen.sources.formats.docchars import character_runs, style_vanish
from briefgen.sources.formats.docfib import (
    ENCRYPTED,
    FOOTNOTE_REFS,
    OBFUSCATED,
    SECTIONS,
    WORD97,
    Fib,
    piece_text,
    pieces,
    read_fib,
)
from briefgen.sources.formats.doclists import Lists, list_sprms
from briefgen.sources.formats.docstylesheet import style_sheet
from briefgen.sources.formats.doctext import Story
from briefgen.sources.formats.docxdoc import MAX_TEXT
from briefgen.sources.formats.plain import SeedError, check_kind, seed_lines

WORD_DOC = "an old Word .doc or other Office file"  # as plain.SIGNATURES names a compound file
DAMAGED_HINT = "open it in Word or LibreOffice and save it as .docx"
# The stories read, in order, after the main text: as the DOCX reader orders its notes, then the text boxes
AFTER_BODY = ("footnotes", "endnotes", "boxes")
SUMMARY = "\x05SummaryInformation"
# SummaryInformation's properties read (their PIDSI number), and the names the clues give them
SUMMARY_FIELDS = {2: "title", 3: "subject", 4: "author", 6: "comments", 12: "created"}
CODEPAGE = 1
LPSTR, LPWSTR, FILETIME = 0x1E, 0x1F, 0x40


def damaged(reason: str) -> SeedError:
    return SeedError(f"the Word document is damaged: {reason}", DAMAGED_HINT)


def _compound(raw: bytes) -> Compound:
    check_kind(raw, WORD_DOC)
    return Compound(raw, damaged)


def _word(compound: Compound) -> tuple[bytes, Fib]:
    """The WordDocument stream and its FIB, checked to be a Word 97-2003 document Word can open."""
    streams = compound.names()
    if "WordDocument" not in streams:
        others = ", ".join(sorted(name for name in streams if name.isprintable())[:4])
        raise SeedError(f"the file is an Office file but not a Word document (its streams: {others})",
                        "give the file the suffix of its kind, or save the text as .docx")
    word = compound.stream(streams["WordDocument"])
    fib = read_fib(word, damaged)
    if fib.flags & (ENCRYPTED | OBFUSCATED):
        raise SeedError("the Word document is password-protected (encrypted)",
                        "open it in Word, remove the password and save it as .docx")
    if fib.version < WORD97:
        raise SeedError(f"the file is a Word 6.0/95 or older document (format version {fib.version}), not Word "
                        "97-2003", "open it in Word or LibreOffice and save it as .docx")
    return word, fib


def extract(raw: bytes) -> Extracted:
    paragraphs = seed_lines(_texts(_compound(raw)), "the Word document", MAX_TEXT)
    if not paragraphs:
        raise SeedError("the Word document has no text", "check that the document holds its text, not images")
    return Extracted(tuple(paragraphs))


def _texts(compound: Compound) -> list[str]:
    """The paragraphs of the main text, then of the stories AFTER_BODY."""
    word, fib = _word(compound)
    streams = compound.names()
    if fib.table_name not in streams:
        raise damaged(f"its table stream {fib.table_name} is missing")
    table = compound.stream(streams[fib.table_name])
    sheet = style_sheet(table, fib, list_sprms, style_vanish)
    runs = character_runs(word, table, fib, damaged, sheet.hidden)
    stored = pieces(table, fib, len(word), damaged)
    text = "".join(runs.shown(piece_text(word, piece, damaged), piece.offset, piece.width, piece.properties)
                   for piece in stored)
    main = fib.counts["text"]
    lists, starts = Lists(word, table, fib, sheet.lists), [piece.cp for piece in stored]

    def label(cp: int) -> str:  # the list label of the paragraph whose mark is at `cp`, by where it is stored
        piece = stored[max(bisect.bisect_right(starts, cp) - 1, 0)]
        return lists.label(piece.offset + (cp - piece.cp) * piece.width)

    notes = _positions(table, fib, FOOTNOTE_REFS, 2, main)
    sections = frozenset(cp - 1 for cp in _positions(table, fib, SECTIONS, 12, main + 1))  # each one's last mark
    found = list(Story(notes, label, sections).paragraphs(text[:main]))
    for story in AFTER_BODY:
        start = fib.start(story)
        found += Story().paragraphs(text[start:start + fib.counts[story]])
    return found


def _positions(table: bytes, fib: Fib, index: int, size: int, main: int) -> frozenset[int]:
    """The character positions a PLC of the main text lists (the footnote references; the sections' ends), below
    `main`: its leading positions, before its items of `size` bytes."""
    start, length = fib.table(index)
    count = (length - 4) // (4 + size) if length >= 8 + size and start + length <= len(table) else 0
    return frozenset(cp for cp in struct.unpack_from(f"<{count + 1}i", table, start) if 0 <= cp < main) \
        if count else frozenset()


def properties(raw: bytes) -> dict[str, str]:
    """The document's summary properties it fills in (title, author, subject, comments, created: YYYY-MM-DD)."""
    compound = _compound(raw)
    _word(compound)
    streams = compound.names()
    if SUMMARY not in streams:
        return {}
    data = compound.stream(streams[SUMMARY])
    try:
        return {key: value for key, value in _summary(data).items() if value}
    except (struct.error, ValueError, LookupError, OverflowError):
        return {}  # a damaged property set is read as none, as Word reads it


def _summary(data: bytes) -> dict[str, str]:
    """The first section of a property set ([MS-OLEPS]): its string and date properties of SUMMARY_FIELDS."""
    section = struct.unpack_from("<I", data, 44)[0]
    count = min(struct.unpack_from("<I", data, section + 4)[0], 1000)
    where = dict(struct.unpack_from(f"<{2 * count}I", data, section + 8)[i:i + 2]
                 for i in range(0, 2 * count, 2))
    codepage = 1252
    if CODEPAGE in where:
        codepage = struct.unpack_from("<H", data, section + where[CODEPAGE] + 4)[0]
    found = {}
    for number, name in SUMMARY_FIELDS.items():
        if number in where:
            found[name] = _value(data, section + where[number], codepage)
    return found


def _value(data: bytes, at: int, codepage: int) -> str:
    kind, size = struct.unpack_from("<II", data, at)
    if kind == LPSTR:
        text = data[at + 8:at + 8 + size]
        encoding = "utf-16-le" if codepage == 1200 else "utf-8" if codepage == 65001 else f"cp{codepage}"
        return text.decode(encoding, "replace").split("\x00")[0].strip()
    if kind == LPWSTR:
        return data[at + 8:at + 8 + 2 * size].decode("utf-16-le", "replace").split("\x00")[0].strip()
    if kind == FILETIME:
        ticks = struct.unpack_from("<Q", data, at + 4)[0]
        when = datetime.datetime(1601, 1, 1) + datetime.timedelta(microseconds=ticks // 10)
        return when.date().isoformat() if ticks else ""
    return ""
