"""OpenDocument text seeds (.odt, LibreOffice's own format; .ott, its template; .fodt, the same as one XML file):
the body's paragraphs as LibreOffice shows them (odtbody.py), with the styles of styles.xml and content.xml.

The package is opened with zipfile and its parts parsed with lxml, entities never expanded, no document type
allowed (LibreOffice never writes one). A package that unpacks to more than a document needs, or whose content
part is larger than MAX_PART, is refused from the zip's stated sizes before any of it is inflated (zipfile never
inflates more than the stated size); a password-protected one (its manifest holds encryption data) and one that
is a spreadsheet, a presentation or a drawing are refused, as is more than MAX_TEXT of text.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any, NamedTuple

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_PART, MAX_TEXT, MAX_UNPACKED, MB
from briefgen.sources.formats.odtbody import BodyReader
from briefgen.sources.formats.odtstyles import OFFICE, Styles, add_styles
from briefgen.sources.formats.plain import ODT, SeedError, check_kind, check_package, seed_lines
from briefgen.zips import ZIP_DAMAGE, mimetype

DAMAGED_HINT = "open it in LibreOffice and save it again as .odt"
TEXT_TYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")


class Kind(NamedTuple):
    """One kind of OpenDocument package: its name in messages (a plain.ZIP_KINDS key), what it is, the
    `mimetype`s it may state (the document's, its template's), its body and the hints its refusals give."""

    name: str
    what: str
    types: tuple[str, ...]
    body: str
    damaged: str
    save: str


MANIFEST = "META-INF/manifest.xml"
BODY = f"{OFFICE}text"
STYLES = frozenset({f"{OFFICE}styles", f"{OFFICE}automatic-styles"})
TEXT_KIND = Kind("ODT", ODT, TEXT_TYPES, BODY, DAMAGED_HINT, "save the text as .odt (Writer)")
# What a part holds that is never read: let go as soon as it has been parsed
UNREAD_PARTS = frozenset({f"{OFFICE}master-styles", f"{OFFICE}settings", f"{OFFICE}scripts",
                          f"{OFFICE}font-face-decls"})


@contextmanager
def opened(raw: bytes, kind: Kind = TEXT_KIND) -> Iterator[zipfile.ZipFile | None]:
    """The zip package of an OpenDocument file of `kind`, checked (None for a flat one, one XML file)."""
    if not raw.startswith(b"PK\x03\x04"):
        check_kind(raw, kind.what)
        yield None
        return
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
            if unpacked > MAX_UNPACKED:
                raise SeedError(f"the {kind.name} unpacks to {unpacked // MB} MB, more than a document should",
                                "save a copy without embedded media")
            _check_kind(package, kind)
            yield package
    except ZIP_DAMAGE as exc:
        raise SeedError(f"the {kind.name} is damaged: it cannot be unpacked ({str(exc)[:120]})",
                        kind.damaged) from None


def _check_kind(package: zipfile.ZipFile, kind: Kind) -> None:
    """Refuse a password-protected package and one that is not of `kind`."""
    names = package.namelist()
    if MANIFEST in names and package.getinfo(MANIFEST).file_size <= MB and \
            b"encryption-data" in package.read(MANIFEST):
        raise SeedError(f"the {kind.name} is password-protected",
                        "open it in LibreOffice and save a copy without a password")
    shown = mimetype(package)
    check_package(names, shown, kind.name)
    stated = shown.decode("ascii", "replace").strip()
    if stated and stated not in kind.types:
        raise SeedError(f"the file is not {kind.what} but {stated!r}", f"{kind.save}, or give the file the suffix "
                        "of its kind")
    if "content.xml" not in names:
        raise SeedError(f"the file is not {kind.what} (no content.xml inside)", kind.damaged)


def _size(package: zipfile.ZipFile | None, raw: bytes, name: str, kind: Kind = TEXT_KIND) -> int:
    """The size of the part `name` inflated (the zip's stated size; the flat file's own), refused over MAX_PART."""
    size = len(raw) if package is None else package.getinfo(name).file_size
    if size > MAX_PART:
        raise SeedError(f"the {kind.name}'s part {name} unpacks to {size // MB} MB, more than the "
                        f"{MAX_PART // MB} MB a document of at most {MAX_TEXT // MB} MB of text needs "
                        "(a decompression bomb?)",
                        "split the document, or save its text as .txt")
    return size


def _source(package: zipfile.ZipFile | None, raw: bytes, name: str) -> IO[bytes]:
    return io.BytesIO(raw) if package is None else package.open(name)


@contextmanager
def part_events(package: zipfile.ZipFile | None, raw: bytes, name: str, kind: Kind) -> Iterator[
        Iterator[tuple[str, Any]]]:
    """The start and end events of the part `name` (of the flat file when `package` is None), its size checked."""
    _size(package, raw, name, kind)
    with _source(package, raw, name) as stream:
        yield events(stream, name, kind)


def meta(package: zipfile.ZipFile | None, raw: bytes, kind: Kind = TEXT_KIND) -> Any:
    """The document's office:meta (in meta.xml; near the start of a flat file), parsed; None when it has none."""
    name = "meta.xml" if package is not None else "content.xml"
    if package is not None and name not in package.namelist():
        return None
    with part_events(package, raw, name, kind) as found:
        for event, element in found:
            if event == "end" and element.tag == f"{OFFICE}meta":
                return element
            if event == "start" and element.tag == f"{OFFICE}body":
                break
    return None


def events(stream: IO[bytes], name: str, kind: Kind = TEXT_KIND) -> Iterator[tuple[str, Any]]:
    """The part's start and end events, entities never expanded; one that declares a document type is refused."""
    from lxml import etree

    parsed = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, load_dtd=False,
                             no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        for event, element in parsed:
            if event == "start" and element.getparent() is None and element.getroottree().docinfo.doctype:
                raise SeedError(f"the {kind.name} is unsafe or damaged: its part {name} declares an XML "
                                "document type (entities or references to other files), which LibreOffice never writes",
                                kind.damaged)
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise SeedError(f"the {kind.name} is damaged: its part {name} is not well-formed XML "
                        f"({str(exc)[:120]})", kind.damaged) from None


def _read_part(package: zipfile.ZipFile | None, raw: bytes, name: str, reader: BodyReader) -> bool:
    """Read the part's styles and body into `reader` as a stream: each block of the body is read once it has
    ended and then let go, so memory holds one block at a time. Whether the part has a text body."""
    body = False
    with part_events(package, raw, name, TEXT_KIND) as found:
        for event, element in found:
            parent = element.getparent()
            if event == "start":
                body = body or element.tag == BODY
            elif element.tag in STYLES or (parent is not None and parent.tag == BODY):
                if element.tag in STYLES:
                    add_styles(reader.styles, element)
                else:
                    reader.block(element)
                element.clear()
                if parent is not None:
                    parent.remove(element)
            elif element.tag in UNREAD_PARTS:
                element.clear()
    return body


def body_paragraphs(raw: bytes) -> list[str]:
    """The body's non-blank paragraphs, each one line, then its notes'; more than MAX_TEXT refused."""
    reader = BodyReader(Styles())
    with opened(raw) as package:
        if package is not None and "styles.xml" in package.namelist():
            _read_part(package, raw, "styles.xml", reader)
        if not _read_part(package, raw, "content.xml", reader):
            raise SeedError("the file is not an OpenDocument text (it has no text body)",
                            "save the text as .odt from LibreOffice Writer")
    return seed_lines(reader.paragraphs(), "the ODT", MAX_TEXT)


def extract(raw: bytes) -> Extracted:
    paragraphs = tuple(body_paragraphs(raw))
    if not paragraphs:
        raise SeedError("the ODT has no text in its body", "check that the document holds its text, not images")
    return Extracted(paragraphs)
