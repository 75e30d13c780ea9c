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
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_PART, MAX_TEXT, MAX_UNPACKED, MB
from briefgen.sources.formats.odtbody import BodyReader
from briefgen.sources.formats.odtstyles import OFFICE, read_styles
from briefgen.sources.formats.plain import ZIP, SeedError, check_kind, seed_lines

DAMAGED_HINT = "open it in LibreOffice and save it again as .odt"
TEXT_TYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
MANIFEST = "META-INF/manifest.xml"


@contextmanager
def opened(raw: bytes) -> Iterator[zipfile.ZipFile | None]:
    """The zip package of an .odt or .ott, checked (None for a flat .fodt, one XML file)."""
    if not raw.startswith(b"PK\x03\x04"):
        check_kind(raw, "an OpenDocument text")
        yield None
        return
    check_kind(raw, ZIP)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
            if unpacked > MAX_UNPACKED:
                raise SeedError(f"the ODT unpacks to {unpacked // MB} MB, more than a document should",
                                "save a copy without embedded media")
            _check_kind(package)
            yield package
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise SeedError(f"the ODT is damaged: it cannot be unpacked ({str(exc)[:120]})", DAMAGED_HINT) from None


def _check_kind(package: zipfile.ZipFile) -> None:
    """Refuse a password-protected package and one that is not a text document."""
    names = package.namelist()
    if MANIFEST in names and package.getinfo(MANIFEST).file_size <= MB and \
            b"encryption-data" in package.read(MANIFEST):
        raise SeedError("the ODT is password-protected", "open it in LibreOffice and save a copy without a password")
    kind = package.read("mimetype")[:100].decode("ascii", "replace").strip() if "mimetype" in names else ""
    if kind and kind not in TEXT_TYPES:
        raise SeedError(f"the file is not an OpenDocument text but {kind!r}",
                        "save the text as .odt (Writer), or give the file the suffix of its kind")
    if "content.xml" not in names:
        raise SeedError("the file is not an OpenDocument text (no content.xml inside)", DAMAGED_HINT)


def part(package: zipfile.ZipFile | None, raw: bytes, name: str) -> Any:
    """The parsed XML of the part `name` (the flat file itself for a .fodt); None when the package lacks it."""
    from lxml import etree

    if package is not None and name not in package.namelist():
        return None
    size = len(raw) if package is None else package.getinfo(name).file_size
    if size > MAX_PART:
        raise SeedError(f"the ODT's part {name} unpacks to {size // MB} MB, more than the {MAX_PART // MB} MB a "
                        f"document of at most {MAX_TEXT // MB} MB of text needs (a decompression bomb?)",
                        "split the document, or save its text as .txt")
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(raw if package is None else package.read(name), parser)
    except etree.XMLSyntaxError as exc:
        raise SeedError(f"the ODT is damaged: its part {name} is not well-formed XML ({str(exc)[:120]})",
                        DAMAGED_HINT) from None
    if root.getroottree().docinfo.doctype:
        raise SeedError(f"the ODT is unsafe or damaged: its part {name} declares an XML document type "
                        "(entities or references to other files), which LibreOffice never writes", DAMAGED_HINT)
    return root


def body_paragraphs(raw: bytes) -> list[str]:
    """The body's non-blank paragraphs, each one line, then its notes'; more than MAX_TEXT refused."""
    with opened(raw) as package:
        content = part(package, raw, "content.xml")
        styles = part(package, raw, "styles.xml") if package is not None else None
    body = content.find(f"{OFFICE}body/{OFFICE}text") if content is not None else None
    if body is None:
        raise SeedError("the file is not an OpenDocument text (it has no text body)",
                        "save the text as .odt from LibreOffice Writer")
    reader = BodyReader(read_styles([root for root in (styles, content) if root is not None]))
    return seed_lines(reader.paragraphs(body), "the ODT", MAX_TEXT)


def extract(raw: bytes) -> Extracted:
    paragraphs = tuple(body_paragraphs(raw))
    if not paragraphs:
        raise SeedError("the ODT has no text in its body", "check that the document holds its text, not images")
    return Extracted(paragraphs)
