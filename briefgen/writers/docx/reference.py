"""A reference DOCX (like pandoc's --reference-doc): its styles, numbering, page setup and letterhead (the
default header and footer, with their pictures and fields), none of its content.

The reference's body, first-page and even-page headers and footers, footnotes and comments are dropped, so only
presentation survives; styles.py then adds whatever named styles the writer needs and the reference lacks,
footnotes.py adds our own footnote part, and furniture.py our own header and footer when the reference has
none (else the banner line under its footer).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from briefgen.errors import ThemeError
from briefgen.writers.docx.package import strip_variable_ids

# The document part's relationships a reference may keep: everything else belongs to its content.
_KEPT_RELS = {RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.WEB_SETTINGS, RT.FONT_TABLE, RT.THEME, RT.ENDNOTES}
_SECTION_LINKS = ("w:headerReference", "w:footerReference")
_SECTION_FLAGS = ("w:titlePg",)  # a different first page: its header and footer are not kept


def open_document(reference: Path | None) -> DocxDocument:
    """python-docx's default template, or the reference document emptied of its content."""
    if reference is None:
        document = docx.Document()
        strip_variable_ids(document)
        return document
    try:
        document = docx.Document(str(reference))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise ThemeError("reference_docx", f"{reference}: cannot use as reference DOCX: {exc}") from exc
    letterhead = _clear_body(document)
    _drop_content_parts(document, letterhead)
    settings = document.settings.element
    for flag in settings.findall(qn("w:evenAndOddHeaders")):
        settings.remove(flag)
    strip_variable_ids(document)
    return document


def _clear_body(document: DocxDocument) -> set[str]:
    """Remove every block of the body, keeping its final section properties (page size, margins) and their
    default header and footer; returns the relationship ids of those two."""
    body = document.element.body
    kept: set[str] = set()
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for section in body.iterchildren(qn("w:sectPr")):
        for child in list(section):
            default = child.get(qn("w:type"), "default") == "default"
            if child.tag in {qn(tag) for tag in _SECTION_LINKS} and default:
                kept.add(child.get(qn("r:id")))
            elif child.tag in {qn(tag) for tag in (*_SECTION_LINKS, *_SECTION_FLAGS)}:
                section.remove(child)
    return kept


def _drop_content_parts(document: DocxDocument, letterhead: set[str]) -> None:
    rels = document.part.rels
    for rid, rel in sorted(rels.items()):
        if rel.reltype not in _KEPT_RELS and rid not in letterhead:
            del rels[rid]
