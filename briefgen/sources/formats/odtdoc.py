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
from typing import IO, Any

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_PART, MAX_TEXT, MAX_UNPACKED, MB
from briefgen.sources.formats.odtbody import BodyReader
from briefgen.sources.formats.odtstyles import OFFICE, Styles, add_styles
from briefgen.sources.formats.plain import ODT, SeedError, check_kind, check_package, seed_lines
from briefgen.zips import ZIP_DAMAGE, mimetype

DAMAGED_HINT = "open it in LibreOffice and save it again as .odt"
TEXT_TYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
MANIFEST = "META-INF/manifest.xml"
BODY = f"{OFFICE}text"
STYLES = frozenset({f"{OFFICE}styles", f"{OFFICE}automatic-styles"})
# What a part holds that is never read: let go as soon as it has been parsed
UNREAD_PARTS = frozenset({f"{OFFICE}master-styles", f"{OFFICE}settings", f"{OFFICE}scripts",
                          f"{OFFICE}font-face-decls"})


@contextmanager
def opened(raw: bytes) -> Iterator[zipfile.ZipFile | None]:
    """The zip package of an .odt or .ott, checked (None for a flat .fodt, one XML file)."""
    if not raw.startswith(b"PK\x03\x04"):
        check_kind(raw, ODT)
        yield None
        return
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
            if unpacked > MAX_UNPACKED:
                raise SeedError(f"the ODT unpacks to {unpacked // MB} MB, more than a document should",
                                "save a copy without embedded media")
            _check_kind(package)
            yield package
    except ZIP_DAMAGE as exc:
        raise SeedError(f"the ODT is damaged: it cannot be unpacked ({str(exc)[:120]})", DAMAGED_HINT) from None


def _check_kind(package: zipfile.ZipFile) -> None:
    """Refuse a password-protected package and one that is not a text document."""
    names = package.namelist()
    if MANIFEST in names and package.getinfo(MANIFEST).file_size <= MB and \
            b"encryption-data" in package.read(MANIFEST):
        raise SeedError("the ODT is password-protected", "open it in LibreOffice and save a copy without a password")
    shown = mimetype(package)
    check_package(names, shown, "ODT")
    kind = shown.decode("ascii", "replace").strip()
    if kind and kind not in TEXT_TYPES:
        raise SeedError(f"the file is not an OpenDocument text but {kind!r}",
                        "save the text as .odt (Writer), or give the file the suffix of its kind")
    if "content.xml" not in names:
        raise SeedError("the file is not an OpenDocument text (no content.xml inside)", DAMAGED_HINT)


def _size(package: zipfile.ZipFile | None, raw: bytes, name: str) -> int:
    """The size of the part `name` inflated (the zip's stated size; the flat file's own), refused over MAX_PART."""
    size = len(raw) if package is None else package.getinfo(name).file_size
    if size > MAX_PART:
        raise SeedError(f"the ODT's part {name} unpacks to {size // MB} MB, more than the {MAX_PART // MB} MB a "
                        f"document of at most {MAX_TEXT // MB} MB of text needs (a decompression bomb?)",
                        "split the document, or save its text as .txt")
    return size


def _source(package: zipfile.ZipFile | None, raw: bytes, name: str) -> IO[bytes]:
    return io.BytesIO(raw) if package is None else package.open(name)


def meta(package: zipfile.ZipFile | None, raw: bytes) -> Any:
    """The document's office:meta (in meta.xml; near the start of a flat file), parsed; None when it has none."""
    name = "meta.xml" if package is not None else "content.xml"
    if package is not None and name not in package.namelist():
        return None
    _size(package, raw, name)
    with _source(package, raw, name) as stream:
        for event, element in _events(stream, name):
            if event == "end" and element.tag == f"{OFFICE}meta":
                return element
            if event == "start" and element.tag == f"{OFFICE}body":
                break
    return None


def _events(stream: IO[bytes], name: str) -> Iterator[tuple[str, Any]]:
    """The part's start and end events, entities never expanded; one that declares a document type is refused."""
    from lxml import etree

    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, load_dtd=False,
                             no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        for event, element in events:
            if event == "start" and element.getparent() is None and element.getroottree().docinfo.doctype:
                raise SeedError(f"the ODT is unsafe or damaged: its part {name} declares an XML document type "
                                "(entities or references to other files), which LibreOffice never writes",
                                DAMAGED_HINT)
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise SeedError(f"the ODT is damaged: its part {name} is not well-formed XML ({str(exc)[:120]})",
                        DAMAGED_HINT) from None


def _read_part(package: zipfile.ZipFile | None, raw: bytes, name: str, reader: BodyReader) -> bool:
    """Read the part's styles and body into `reader` as a stream: each block of the body is read once it has
    ended and then let go, so memory holds one block at a time. Whether the part has a text body."""
    _size(package, raw, name)
    body = False
    with _source(package, raw, name) as stream:
        for event, element in _events(stream, name):
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
