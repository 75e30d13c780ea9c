"""An EPUB's package (EPUB 2 and 3, [EPUB OCF]): the zip, META-INF/container.xml naming the package document
(OPF), whose manifest and spine give the book's documents in reading order, and whose metadata its title,
creator, publisher and date.

The zip's parts are inflated only after their stated sizes are checked (zipfile never inflates more than a part
states), the XML parsed without entities, document types or the network; a book whose content documents are
encrypted (DRM: META-INF/encryption.xml lists them; fonts obfuscated as the standard allows are fine) is refused.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from briefgen.sources.formats.docxdoc import MAX_PART, MAX_TEXT, MAX_UNPACKED, MB
from briefgen.sources.formats.plain import SeedError, check_kind, check_package
from briefgen.zips import ZIP_DAMAGE, mimetype

EPUB = "an EPUB e-book"
MIMETYPE = "application/epub+zip"
DAMAGED_HINT = "open it in an e-book editor (Calibre, Sigil) and save it again, or save its text as .html"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
CIPHER = "{http://www.w3.org/2001/04/xmlenc#}CipherReference"
# The obfuscation of embedded fonts the standard (IDPF) and Adobe define: no protection of the text
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
DOCUMENTS = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
MAX_SPINE = 10_000  # documents in reading order: a long book has a few hundred


@dataclass(frozen=True)
class Book:
    documents: tuple[str, ...]  # the spine's content documents, linear ones first, each once
    metadata: dict[str, str]


@contextmanager
def opened(raw: bytes) -> Iterator[zipfile.ZipFile]:
    """The book's zip, its stated unpacked size checked."""
    if not raw.startswith(b"PK\x03\x04"):
        check_kind(raw, EPUB)
        raise SeedError("the file is not an EPUB (an EPUB is a zip package)", DAMAGED_HINT)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
            if unpacked > MAX_UNPACKED:
                raise SeedError(f"the EPUB unpacks to {unpacked // MB} MB, more than a book should (a "
                                "decompression bomb?)", "save a copy without its images, or its text as .html")
            _check_kind(package)
            yield package
    except ZIP_DAMAGE as exc:
        # NotImplementedError: a compression method or zip version zipfile does not know (what a damaged entry
        # states); RuntimeError: a part encrypted with a zip password
        raise SeedError(f"the EPUB is damaged: it cannot be unpacked ({str(exc)[:120]})", DAMAGED_HINT) from None


def _check_kind(package: zipfile.ZipFile) -> None:
    """Refuse a zip whose `mimetype` names another kind of package (a Word file, an OpenDocument)."""
    kind = mimetype(package)
    check_package(package.namelist(), kind, "EPUB")
    if kind and kind.strip() != MIMETYPE.encode():
        raise SeedError(f"the file is not an EPUB but {kind.decode('ascii', 'replace').strip()!r}",
                        "give the file the suffix of its kind")
    if not kind and CONTAINER not in package.namelist():
        raise SeedError("the file is a zip package but not an EPUB (it has no META-INF/container.xml)",
                        "give the file the suffix of its kind")


def part(package: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes, refused when missing or larger than MAX_PART."""
    try:
        info = package.getinfo(name)
    except KeyError:
        raise SeedError(f"the EPUB is damaged: its part {name} is missing", DAMAGED_HINT) from None
    if info.file_size > MAX_PART:
        raise SeedError(f"the EPUB's part {name} unpacks to {info.file_size // MB} MB, more than the "
                        f"{MAX_PART // MB} MB a book of at most {MAX_TEXT // MB} MB of text needs (a decompression "
                        "bomb?)", "split the book, or save its text as .html")
    return package.read(info)


def xml(package: zipfile.ZipFile, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(part(package, name), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SeedError(f"the EPUB is damaged: its part {name} is not well-formed XML ({str(exc)[:120]})",
                        DAMAGED_HINT) from None


def book(package: zipfile.ZipFile) -> Book:
    """The book's spine and metadata, from the package document its container names."""
    _refuse_encrypted(package)
    rootfile = xml(package, CONTAINER).find(".//{*}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise SeedError("the EPUB is damaged: its container names no package document", DAMAGED_HINT)
    opf_name = unquote(rootfile.get("full-path"))
    opf = xml(package, opf_name)
    base = posixpath.dirname(opf_name)
    manifest = {item.get("id"): (resolved(base, item.get("href") or ""), item.get("media-type") or "")
                for item in opf.iterfind(f"{OPF}manifest/{OPF}item")}
    spine = opf.findall(f"{OPF}spine/{OPF}itemref")
    if len(spine) > MAX_SPINE:
        raise SeedError(f"the EPUB's spine lists {len(spine)} documents, more than the {MAX_SPINE} a book has",
                        "split the book, or save its text as .html")
    ordered = [ref for ref in spine if ref.get("linear") != "no"] + [ref for ref in spine if ref.get("linear") == "no"]
    documents = [manifest[ref.get("idref")][0] for ref in ordered
                 if ref.get("idref") in manifest and manifest[ref.get("idref")][1] in DOCUMENTS]
    return Book(tuple(dict.fromkeys(documents)), _metadata(opf))


def resolved(base: str, href: str) -> str:
    """The part a relative reference names, from the folder `base` (its fragment dropped, percent-decoded)."""
    return posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0]))).lstrip("/")


def _refuse_encrypted(package: zipfile.ZipFile) -> None:
    """Refuse a book with resources encrypted otherwise than by the standard font obfuscation."""
    if ENCRYPTION not in package.namelist():
        return
    for reference in xml(package, ENCRYPTION).iter(CIPHER):
        method = reference.getparent().getparent().find("{*}EncryptionMethod")
        if method is None or method.get("Algorithm") not in FONT_OBFUSCATION:
            raise SeedError(f"the EPUB is DRM-protected: {reference.get('URI')} and others are encrypted "
                            "(META-INF/encryption.xml)", "export the book's text from the reader app you bought "
                            "it in, or get a DRM-free copy from its publisher")


def _metadata(opf: Any) -> dict[str, str]:
    """The title, creator, publisher, date, subject and description the package document gives (the first of each)."""
    found = {}
    for key, tag in (("title", "title"), ("author", "creator"), ("publisher", "publisher"), ("created", "date"),
                     ("subject", "subject"), ("comments", "description")):
        value = " ".join((opf.findtext(f"{OPF}metadata/{DC}{tag}") or "").split())
        if value:
            found[key] = value
    return found
