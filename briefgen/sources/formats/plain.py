"""What every format reader shares: the error a seed that cannot be used raises, the check that a file is the
format its name says, the size of text a document may hold, and plain text (UTF-8, or UTF-16 with its byte
order mark)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from typing import Any

from briefgen.errors import Unplaced
from briefgen.sources.formats import NAMED_SUFFIXES
from briefgen.sources.textnorm import CJK_MARKS, WIDE_CHARS
from briefgen.text import one_line

# What a file's first bytes say it is: (signature, what it is, the name it should have, or None).
ZIP = "a zip package (a Word .docx?)"
ODT = "an OpenDocument text"
# The kinds of zip package, each by the part only it holds, or by its `mimetype` entry (OpenDocument, EPUB: the
# package's first, stored), with the suffix its content should have (None: a kind briefgen does not read); keyed
# by the name a reader gives its kind in messages
ZIP_KINDS = {"DOCX": ("word/document.xml", "a Word document", ".docx"),
             "XLSX": ("xl/workbook.xml", "an Excel workbook", ".xlsx"),
             "PPTX": ("ppt/presentation.xml", "a PowerPoint deck", ".pptx"),
             "ODT": ("application/vnd.oasis.opendocument.text", ODT, ".odt"),
             "EPUB": ("application/epub+zip", "an EPUB e-book", ".epub"),
             "ODS": ("application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet", ".ods"),
             "ODP": ("application/vnd.oasis.opendocument.presentation", "an OpenDocument presentation", ".odp")}
SIGNATURES = ((b"%PDF-", "a PDF document", ".pdf"), (b"PK\x03\x04", ZIP, ".docx"),
              (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc or other Office file", None),
              (b"{\\rtf", "an RTF document", ".rtf"), (b"\x89PNG\r\n", "a PNG image", None),
              (b"\xff\xd8\xff", "a JPEG image", None), (b"GIF8", "a GIF image", None),
              (b"\x1f\x8b", "a gzip archive", None), (b"II*\x00", "a TIFF image", None),
              (b"MM\x00*", "a TIFF image", None))
_SIGNATURE_STARTS = frozenset(signature[:1] for signature, _, _ in SIGNATURES)
_MIME = re.compile("application/")  # a ZIP_KINDS marker that is a `mimetype`, not a part's name
_PAGE = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_CJK_MARK = re.compile(f"[{CJK_MARKS}]")
_SOUTHEAST_ASIAN = "\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f"  # Thai, Lao, Khmer, Myanmar
SPACELESS = re.compile(f"[{WIDE_CHARS}{_SOUTHEAST_ASIAN}]")
UNPUNCTUATED = re.compile(f"[{_SOUTHEAST_ASIAN}]")  # written without spaces, nor a mark at a paragraph's end
WIDE = re.compile(f"[{WIDE_CHARS}]")  # CJK: the characters East Asian Width calls wide (not Hangul)
_BREAK = re.compile(r"(\S)[ \t]*\n\s*(?=(\S))")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class SeedError(Unplaced):
    """Why a seed file cannot be used, phrased for the user; carries an optional hint and line."""


def no_space_between(last: str, first: str) -> bool:
    """Whether a line break between two characters reads as nothing: both of scripts written without spaces
    between words (Han, kana, Thai, …), or either a CJK punctuation mark ("。", "、", "「")."""
    return bool(_CJK_MARK.match(last) or _CJK_MARK.match(first) or (SPACELESS.match(last) and SPACELESS.match(first)))


def unbroken(text: str) -> str:
    """`text` without the line breaks a browser drops (CSS's segment break rules): those between two wide CJK
    characters ("无人\n机" is "无人机", "。\n他" is "。他"); other breaks stay, for one_line to make spaces."""
    if "\n" not in text or text.isascii():
        return text
    return _BREAK.sub(lambda found: found.group(1) if WIDE.match(found.group(1)) and WIDE.match(found.group(2))
                      else found.group(), text)


def check_kind(raw: bytes, expected: str) -> None:
    """Refuse a file whose first bytes say it is another kind of file than `expected` ("a PDF document",
    "text"…): a PDF saved under a .html name would be read as a page of garbage, a Word file as text."""
    body = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
    if body[:1] not in _SIGNATURE_STARTS:  # most text: no signature can match (one test, not ten)
        return
    for signature, kind, suffix in SIGNATURES:
        if kind == ZIP and kind != expected and body.startswith(signature):
            kind, suffix = next(((found, named) for marker, found, named in ZIP_KINDS.values() if (
                body[30:].startswith(b"mimetype" + marker.encode()) if _MIME.match(marker) else
                marker.encode() in body)), (kind, suffix))
        if body.startswith(signature) and kind != expected:
            raise _another_kind(kind, suffix, expected)


def _another_kind(kind: str, suffix: str | None, expected: str) -> SeedError:
    hint = f"give the file the {suffix} suffix its content has" if suffix else \
        f"convert it to a format briefgen reads ({NAMED_SUFFIXES})"
    return SeedError(f"the file is {kind}, not {expected} as its name says", hint)


def check_package(names: Iterable[str], mimetype: bytes, expected: str) -> None:
    """Refuse a zip package (its part names; its `mimetype` entry, b"" without one) that is another kind than
    the `expected` ZIP_KINDS key says: an Excel workbook renamed .docx was read as a Word file with no text."""
    parts = set(names)
    found = [key for key, (marker, _, _) in ZIP_KINDS.items()
             if (mimetype.strip() == marker.encode() if _MIME.match(marker) else marker in parts)]
    if found and expected not in found:
        _, kind, suffix = ZIP_KINDS[found[0]]
        raise _another_kind(kind, suffix, ZIP_KINDS[expected][1])


def starts(events: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, list[str]]]:
    """Each element's start in a part's start and end events, with the tags of the elements open down to it
    (its own last): how a streamed reader knows where it is."""
    path: list[str] = []
    for event, element in events:
        if event == "end":
            path.pop()
        else:
            path.append(element.tag)
            yield element, path


def decode_text(raw: bytes, kind: str = "text") -> str:
    """Text in UTF-8 (a BOM is dropped) or in UTF-16, with its BOM (Windows' "Unicode") or without one
    (textbytes.py); another kind of file, a whole HTML page (its markup and hidden text would be read as text)
    or otherwise encoded bytes are refused, with the line at fault and the encoding the bytes look like."""
    check_kind(raw, kind)
    if _PAGE.match(raw[raw.startswith(codecs.BOM_UTF8) and 3:][:4096]):
        raise SeedError(f"the file is an HTML page, not {kind}: its markup, scripts and hidden text would be "
                        "read as its words", "give the file the .html suffix")
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    nul = raw.find(b"\x00", 0, 65536) if encoding == "utf-8" else -1
    try:
        if nul >= 0:
            raise UnicodeDecodeError(encoding, raw, nul, nul + 1, "a NUL byte")
        return raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        failed = exc
    if encoding == "utf-8":
        from briefgen.sources.formats.textbytes import utf16_without_bom

        if (text16 := utf16_without_bom(raw)) is not None:
            return text16
    if nul >= 0:
        raise SeedError(f"seed is a binary file, not text (a NUL byte at byte {nul})",
                        "convert it to UTF-8 plain text", raw[:nul].count(b"\n") + 1)
    raise _not_decoded(raw, encoding, failed)


def _not_decoded(raw: bytes, encoding: str, exc: UnicodeDecodeError) -> SeedError:
    """The refusal of bytes that are not the UTF-8 (or UTF-16) they should be, naming what they look like."""
    if encoding != "utf-8":
        return SeedError(f"seed is not valid UTF-16 (byte {exc.start})", "re-save the document as UTF-8")
    from briefgen.sources.formats.textbytes import likely_encoding

    line = raw[: exc.start].count(b"\n") + 1
    name = likely_encoding(raw)
    if name is None:
        return SeedError(f"seed is not valid UTF-8 (byte {exc.start})", "re-save the document as UTF-8", line)
    return SeedError(f"seed is not valid UTF-8 (byte {exc.start}): it looks like {name} text",
                     f"re-save the document as UTF-8 (for example: iconv -f {name.upper()} -t UTF-8 old.txt > "
                     "new.txt) and catalogue the new file", line)


def seed_lines(texts: Iterable[str], what: str, limit: int) -> list[str]:
    """The non-blank paragraphs of `texts`, each one line (line breaks between wide CJK characters dropped); a
    document (`what`: "the RTF") holding more than `limit` bytes of text is refused as soon as it is read."""
    found, size = [], 0
    for text in texts:
        line = one_line(unbroken(text))
        size += len(line.encode("utf-8", "surrogatepass")) + 1 if line else 0
        if size > limit:
            raise SeedError(f"{what} holds more than {limit // (1024 * 1024)} MB of text, the most a seed may hold",
                            "split the document into several seeds")
        if line:
            found.append(line)
    return found
