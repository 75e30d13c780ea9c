"""DOCX seeds: the body's paragraphs in reading order (table cells and text boxes included), each a numbered paragraph.

The package is opened with zipfile and its parts read with lxml (no python-docx): the main document part, found
through the package's relationships (else its content type; part names matched as URIs), is parsed as a stream
(docxbody: as Word shows it, with tracked changes accepted and hidden text left out), so a small file whose part
inflates to a huge one cannot fill memory. A part larger than a document needs is refused before it is parsed, and
so is any part read whose XML declares a document type (Word never writes one). Headers, footers and comments are
not part of the body and are left out; footnotes and endnotes are read after it, those whose reference the body
shows (none whose reference is deleted, hidden or missing). The numbering part numbers list items (docxnumbers.py),
and parts the body shows at a place are read there: content imported whole (w:altChunk), SmartArt's text and
charts' titles. A Strict Open XML package is read as any other (docxstrict.py). The core properties (Title,
Author…) are those the file holds: none when it has no core part.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar
from urllib.parse import unquote

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxbody import BodyReader
from briefgen.sources.formats.docxchart import chart_text
from briefgen.sources.formats.docxchunks import CONTENT_TYPES, chunk_text, content_type
from briefgen.sources.formats.docxdiagram import diagram_text
from briefgen.sources.formats.docxnotes import NoteMarks, section_notes
from briefgen.sources.formats.docxnumbers import ListNumbers, Numbering, read_numbering
from briefgen.sources.formats.docxpage import drawn_behind, holds
from briefgen.sources.formats.docxstrict import is_strict, tree
from briefgen.sources.formats.docxstyles import (
    DamagedPart,
    Styles,
    read_styles,
    refuse_doctype,
    shows_page_colour,
    xml_events,
)
from briefgen.sources.formats.docxtheme import Theme, read_theme
from briefgen.sources.formats.plain import ZIP, SeedError, check_kind, check_package, unbroken
from briefgen.sources.formats.tagbudget import one_seed
from briefgen.text import one_line
from briefgen.zips import ZIP_DAMAGE, mimetype, zip_damage

MB = 1024 * 1024
MAX_UNPACKED = 500 * MB
MAX_TEXT = 5 * MB  # the most text a seed may hold, as for a .txt seed
MAX_PART = 40 * MB  # the document or styles part, inflated: 8 times MAX_TEXT leaves Word's markup ample room
MAX_SMALL_PART = MB  # a relationships or core properties part (Word's are a few KB)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CORE = {"title": "{http://purl.org/dc/elements/1.1/}title", "author": "{http://purl.org/dc/elements/1.1/}creator",
        "subject": "{http://purl.org/dc/elements/1.1/}subject",
        "comments": "{http://purl.org/dc/elements/1.1/}description", "created": "{http://purl.org/dc/terms/}created"}
MAIN_TYPES = ("document.main+xml", "template.main+xml", "macroenabled.main+xml", "macroenabledtemplate.main+xml")
DAMAGED_HINT = "open it in Word or LibreOffice and save it again"

T = TypeVar("T")
# The parts of drawings whose text the body shows after their anchor: by kind, how their events read
DRAWN: dict[str, Callable[[Iterator[Any]], list[str]]] = {"diagram": diagram_text, "chart": chart_text}


class Package(zipfile.ZipFile):
    """An Office Open XML package, named in messages by its `kind` ("DOCX", "XLSX", "PPTX")."""

    kind = "DOCX"


def kind_of(package: zipfile.ZipFile) -> str:
    return package.kind if isinstance(package, Package) else "DOCX"


def open_package(raw: bytes, kind: str = "DOCX") -> zipfile.ZipFile:
    """The zip package of `raw`, after checking that it is one and unpacks to a sane size; `kind` names it in
    messages (a workbook's or a deck's reader checks for a binary Office file itself)."""
    if raw.startswith(OLE_MAGIC) and kind == "DOCX":
        raise SeedError("the file is a password-protected Word document or an old binary .doc, not a DOCX",
                        "open it in Word or LibreOffice and save an unprotected copy as .docx")
    check_kind(raw, ZIP)
    try:
        package = Package(io.BytesIO(raw))
        package.kind = kind
        unpacked = sum(info.file_size for info in package.infolist())
    except ZIP_DAMAGE:
        raise SeedError(f"the {kind} is damaged: it is not a readable zip package", DAMAGED_HINT) from None
    if unpacked > MAX_UNPACKED:
        raise SeedError(f"the {kind} unpacks to {unpacked // MB} MB, more than a document should",
                        "save a copy without embedded media")
    check_package(package.namelist(), mimetype(package), kind)
    return package


def main_part(package: zipfile.ZipFile) -> str:
    """The name of the main document part (word/document.xml in every Word file): the package's relationship
    names it; without one, the part [Content_Types].xml gives a main document's type (a document, template or
    either with macros: .docx, .dotx, .docm, .dotm)."""
    name = related(package, "", "/officeDocument") or \
        stored_name(package, _typed_main(small_part(package, "[Content_Types].xml")))
    if name not in package.namelist():
        raise SeedError(f"the file is not a Word document (no {name} inside)",
                        "save the document as .docx from a word processor")
    return name


def _typed_main(types: Any) -> str:
    for item in [] if types is None else types.iter(f"{CONTENT_TYPES}Override"):
        if str(item.get("ContentType", "")).lower().endswith(MAIN_TYPES):
            return str(item.get("PartName", "")).lstrip("/")
    return "word/document.xml"


def related(package: zipfile.ZipFile, source: str, kind: str) -> str | None:
    """The part that `source` ("" for the package) names in its relationships with a type ending in `kind`."""
    return next((target for _, found, target in relations(package, source) if found.endswith(kind)), None)


def relations(package: zipfile.ZipFile, source: str) -> list[tuple[str, str, str]]:
    """The parts `source` ("" for the package) is related to, inside the package: (id, type, part name)."""
    folder = posixpath.dirname(source)
    root = small_part(package, posixpath.join(folder, "_rels", posixpath.basename(source) + ".rels"))
    found = []
    for relation in [] if root is None else root:
        target = str(relation.get("Target", ""))
        if relation.get("TargetMode") != "External" and target:
            name = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.append((str(relation.get("Id", "")), str(relation.get("Type", "")), stored_name(package, name)))
    return found


def stored_name(package: zipfile.ZipFile, name: str) -> str:
    """The zip entry of the part `name`: part names are URIs, percent-encoded and matched without regard to
    case ("/word/Document.xml" names word/document.xml); `name` itself when no entry matches."""
    if name in package.NameToInfo:  # the usual case, found at once
        return name
    wanted = unquote(name).casefold()
    return next((entry for entry in package.namelist() if entry.casefold() == wanted), name)


def linked_of(package: zipfile.ZipFile, main: str, chunks: bool) -> Callable[[str, str], list[str]]:
    """The paragraphs of a part the main part names by a relationship's id whose text the body shows: "chunk",
    content it imports whole (w:altChunk, docxchunks.py; nothing unless `chunks`), "diagram", a SmartArt's
    data (docxdiagram.py), "chart", a chart's titles (docxchart.py)."""
    targets = {ident: name for ident, _, name in relations(package, main)}
    read: dict[tuple[str, str], list[str]] = {}  # each part once, however many times the body names it

    def linked(kind: str, ident: str) -> list[str]:
        name = targets.get(ident)
        if name is None or name not in package.namelist() or (kind == "chunk" and not chunks):
            return []
        if (kind, name) not in read:
            read[kind, name] = _linked_text(package, kind, name)
        return list(read[kind, name])
    return linked


def _linked_text(package: zipfile.ZipFile, kind: str, name: str) -> list[str]:
    """A linked part's paragraphs; a diagram or chart whose part cannot be read is no text (Word draws its
    picture)."""
    with part_stream(package, name) as stream:
        if kind in DRAWN:
            try:
                return DRAWN[kind](xml_events(stream, name))
            except SeedError:
                return []
        raw = stream.read()
    kind = content_type(small_part(package, "[Content_Types].xml"), name)
    return chunk_text(kind, raw, lambda inner: body_paragraphs(open_package(inner), chunks=False))


def small_part(package: zipfile.ZipFile, name: str) -> Any:
    """The parsed XML of a small part (relationships, core properties); None when the package has no such part."""
    from lxml import etree

    name = stored_name(package, name)
    if name not in package.namelist():
        return None
    if package.getinfo(name).file_size > MAX_SMALL_PART:
        raise SeedError(f"the {kind_of(package)} is damaged: its part {name} is larger than {MAX_SMALL_PART // MB} MB",
                        DAMAGED_HINT)
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(package.read(name), parser)
    except zip_damage(etree.XMLSyntaxError) as exc:
        raise DamagedPart(f"the {kind_of(package)} is damaged: its part {name} cannot be read ({str(exc)[:120]})",
                          DAMAGED_HINT) from None
    refuse_doctype(root, name, kind_of(package))
    if is_strict(root):
        tree(root)
    return root


def part_stream(package: zipfile.ZipFile, name: str) -> IO[bytes]:
    """The inflating stream of a large part, refused before any of it is read if it unpacks to more than
    MAX_PART (the zip's stated size, which the stream never exceeds)."""
    size = package.getinfo(name).file_size
    if size > MAX_PART:
        raise SeedError(f"the {kind_of(package)}'s part {name} unpacks to {size // MB} MB, more than the "
                        f"{MAX_PART // MB} MB a "
                        f"document of at most {MAX_TEXT // MB} MB of text needs (a decompression bomb?)",
                        "split the document, or save its text as .txt")
    return package.open(name)


def styles_of(package: zipfile.ZipFile, main: str, theme: Theme) -> Styles:
    """What the document's styles part says about hidden text (nothing when it has none, or it is damaged), its
    theme colours resolved in `theme`."""
    return _read_related(package, main, "/styles", lambda events: read_styles(events, theme), Styles)


def theme_of(package: zipfile.ZipFile, main: str) -> Theme:
    """The document's theme colours (none when it has no theme part, or it is damaged)."""
    return _read_related(package, main, "/theme", read_theme, Theme)


def numbering_of(package: zipfile.ZipFile, main: str) -> Numbering:
    """The document's lists (nothing when it has no numbering part, or it is damaged)."""
    return _read_related(package, main, "/numbering", read_numbering, Numbering)


def _read_related(package: zipfile.ZipFile, main: str, kind: str, read: Callable[[Iterator[Any]], T],
                  empty: Callable[[], T]) -> T:
    """The part of `kind` the main part relates to, as `read` makes it from its events; `empty()` without one,
    or when it is damaged (not well-formed, or its zip entry broken: Word repairs the file and reads on, with the
    defaults; a part too large or declaring a document type is still refused)."""
    name = _present(package, main, kind)
    if name is None:
        return empty()
    try:
        with part_stream(package, name) as stream:
            return read(xml_events(stream, name))
    except zip_damage(DamagedPart):
        return empty()


def settings_of(package: zipfile.ZipFile, main: str) -> Any:
    """The document's settings part, parsed; None without one, or when it is damaged (as _read_related)."""
    name = _present(package, main, "/settings")
    try:
        return None if name is None else small_part(package, name)
    except DamagedPart:
        return None


def _present(package: zipfile.ZipFile, main: str, kind: str) -> str | None:
    """The name of the part of `kind` the main part relates to, when the package holds it."""
    name = related(package, main, kind)
    return name if name is not None and name in package.namelist() else None


def body_paragraphs(package: zipfile.ZipFile, chunks: bool = True) -> list[str]:
    """The body's non-blank paragraphs, each one line, then its footnotes' and endnotes' (a reader sees them at
    the foot of the page and the end of the document; the number a note starts with is Word's, not text): only
    the notes whose reference the body shows, none whose reference is deleted or hidden, nor one no reference
    cites; more than MAX_TEXT of text is refused as it is read. `chunks`: whether content it imports whole
    (w:altChunk) is read, as it is but in a chunk."""
    main = main_part(package)
    theme = theme_of(package, main)
    styles, numbering = styles_of(package, main, theme), numbering_of(package, main)
    settings = settings_of(package, main)
    marks, page = NoteMarks(settings, _sections(package, main)), shows_page_colour(settings)
    behind = _drawn_behind(package, main)
    body = BodyReader(styles, marks, numbers=ListNumbers(numbering, styles), linked=linked_of(package, main, chunks),
                      page_colour=page, theme=theme, drawn_behind=behind)
    found: list[str] = []
    size = _read_part(package, main, body, found, 0)
    shown = frozenset(body.cited)
    for kind in ("/footnotes", "/endnotes"):
        name = _present(package, main, kind)
        if name is not None:
            notes = BodyReader(styles, shown_notes=shown, numbers=ListNumbers(numbering, styles), page_colour=page,
                               theme=theme, drawn_behind=behind)
            size = _read_part(package, name, notes, found, size)
    return found


def _sections(package: zipfile.ZipFile, main: str) -> list[dict[str, dict[str, str]]] | None:
    """The main part's sections' own note numbering (docxnotes.section_notes), read in a pass of its own only
    when the part holds any (a section's w:footnotePr or w:endnotePr: rare); None when it holds none."""
    with part_stream(package, main) as stream:
        if not holds(stream, (b"notePr",)):
            return None
    with part_stream(package, main) as stream:
        return section_notes(xml_events(stream, main))


def _drawn_behind(package: zipfile.ZipFile, main: str) -> bool:
    """Whether the body, or a header or footer of it, holds a drawing set behind the text other than Word's
    watermarks (docxpage.py)."""
    parts = [main, *(name for _, kind, name in relations(package, main)
                     if kind.endswith(("/header", "/footer")) and name in package.namelist())]
    for name in parts:
        with part_stream(package, name) as stream:
            if drawn_behind(stream):
                return True
    return False


def _read_part(package: zipfile.ZipFile, part: str, reader: BodyReader, found: list[str], size: int) -> int:
    """The part's non-blank paragraphs, each one line, added to `found`, whose text is `size` bytes so far;
    refused once they pass MAX_TEXT. The size of the text found then."""
    with part_stream(package, part) as stream:
        for text in reader.read(xml_events(stream, part)):
            line = one_line(unbroken(text))
            size += len(line.encode("utf-8", "surrogatepass")) + 1 if line else 0
            if size > MAX_TEXT:
                raise SeedError(f"the DOCX holds more than {MAX_TEXT // MB} MB of text, the most a seed may "
                                "hold", "split the document into several seeds")
            if line:
                found.append(line)
    return size


def extract(raw: bytes) -> Extracted:
    try:
        with open_package(raw) as package, one_seed():  # its HTML chunks' tags counted together
            paragraphs = tuple(body_paragraphs(package))
    except ZIP_DAMAGE as exc:
        raise SeedError(f"the DOCX is damaged: it cannot be unpacked ({str(exc)[:120]})", DAMAGED_HINT) from None
    if not paragraphs:
        raise SeedError("the DOCX has no text in its body", "check that the document holds its text, not images")
    return Extracted(paragraphs)


def core_properties(raw: bytes, kind: str = "DOCX") -> dict[str, str]:
    """The core properties the package (a DOCX, XLSX or PPTX: `kind`) holds (title, author, subject, comments,
    created), each as written; none when its core part is damaged (as a damaged styles part, _read_related: Word
    repairs the file without them)."""
    with open_package(raw, kind) as package:
        name = related(package, "", "/metadata/core-properties")
        try:
            root = None if name is None else small_part(package, name)
        except DamagedPart:
            root = None
    if root is None:
        return {}
    return {key: text for key, tag in CORE.items() if (text := (root.findtext(tag) or "").strip())}
