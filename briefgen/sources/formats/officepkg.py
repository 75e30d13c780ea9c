"""What the Excel and PowerPoint readers (xlsxdoc.py, pptxdoc.py) share with the DOCX reader's package helpers
(docxdoc.py): the zip opened and checked (its unpacked size, a part's size before it is inflated, no XML document
type), a binary or password-protected Office file refused, the main part found through the package's
relationships, and a part of moderate size (a workbook, a slide) parsed whole; a part saved as Strict Open XML
read in the usual names (docxstrict.py)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from briefgen.sources.formats.docxdoc import OLE_MAGIC, open_package, part_stream, related, relations
from briefgen.sources.formats.docxstrict import is_strict, tree, with_strict_names
from briefgen.sources.formats.docxstyles import WRITERS, refuse_doctype
from briefgen.sources.formats.plain import SeedError
from briefgen.zips import ZIP_DAMAGE, zip_damage

# A deck's or workbook's own kind of file, by the package's kind: (its usual suffix, the old binary one)
SUFFIXES = {"XLSX": (".xlsx", ".xls"), "PPTX": (".pptx", ".ppt")}


@contextmanager
def opened(raw: bytes, kind: str) -> Iterator[zipfile.ZipFile]:
    """The checked package of an Excel workbook ("XLSX") or PowerPoint deck ("PPTX"); a damaged zip refused."""
    suffix, old = SUFFIXES[kind]
    if raw.startswith(OLE_MAGIC):  # Office encrypts a package with a password into a binary (OLE) file
        raise SeedError(f"the file is a password-protected {kind} or an old binary {old} file, not a {kind}",
                        f"open it in {WRITERS[kind]} or LibreOffice and save an unprotected copy as {suffix}")
    try:
        with open_package(raw, kind) as package:
            yield package
    except ZIP_DAMAGE as exc:
        raise SeedError(f"the {kind} is damaged: it cannot be unpacked ({str(exc)[:120]})",
                        f"open it in {WRITERS[kind]} or LibreOffice and save it again") from None


def main_part(package: zipfile.ZipFile, kind: str) -> str:
    """The package's main part (xl/workbook.xml, ppt/presentation.xml), named by its relationship."""
    name = related(package, "", "/officeDocument")
    if name is None or name not in package.namelist():
        what = {"XLSX": "an Excel workbook", "PPTX": "a PowerPoint presentation"}[kind]
        raise SeedError(f"the file is not {what} (its package names no main part)",
                        f"save it as {SUFFIXES[kind][0]} from {WRITERS[kind]} or LibreOffice")
    return name


def targets(package: zipfile.ZipFile, source: str) -> dict[str, tuple[str, str]]:
    """The parts `source` names by relationship id: (type, part name), those the package holds."""
    return {ident: (kind, name) for ident, kind, name in relations(package, source) if name in package.namelist()}


def parsed(package: zipfile.ZipFile, name: str, kind: str) -> Any:
    """A part parsed whole (a workbook, a slide, a chart: parts of moderate size), refused over the size a part
    may have (docxdoc.MAX_PART), with an XML document type, or not well-formed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        with part_stream(package, name) as stream:
            root = etree.parse(stream, parser).getroot()
    except zip_damage(etree.XMLSyntaxError) as exc:
        raise SeedError(f"the {kind} is damaged: its part {name} cannot be read ({str(exc)[:120]})",
                        f"open it in {WRITERS[kind]} or LibreOffice and save it again") from None
    refuse_doctype(root, name, kind)
    if is_strict(root):
        tree(root)
    return root


def element_ends(stream: IO[bytes], name: str, kind: str, tags: Iterable[str]) -> Iterator[Any]:
    """The elements of `tags` in the part, each once it has ended (with its content), let go after it has been
    handled along with the elements before it: a part of a million rows is read in the memory of one. The
    parser reports only these elements (a sheet's cells are read from their row), which is what makes a large
    sheet fast. A part that declares a document type or is not well-formed is refused; a Strict part's elements
come renamed to their usual names."""
    from lxml import etree

    events = etree.iterparse(stream, events=("end",), tag=with_strict_names(tags), resolve_entities=False,
                             load_dtd=False, no_network=True, huge_tree=False)
    checked = False
    try:
        for _, element in events:
            if not checked:
                refuse_doctype(element.getroottree().getroot(), name, kind)
                checked = True
            if is_strict(element):
                tree(element)
            yield element
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
        if not checked and events.root is not None:  # none of the elements: the part's root still checked
            refuse_doctype(events.root, name, kind)
    except etree.XMLSyntaxError as exc:
        raise SeedError(f"the {kind} is damaged: its part {name} is not well-formed XML ({str(exc)[:120]})",
                        f"open it in {WRITERS[kind]} or LibreOffice and save it again") from None
