"""A reference DOCX (like pandoc's --reference-doc): its styles, numbering and page setup, none of its content.

The reference's body, headers, footers, footnotes, comments and images are dropped, so only presentation
survives; styles.py then adds whatever named styles the writer needs and the reference lacks, footnotes.py
adds our own footnote part and furniture.py our own header and footer.
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

# The document part's relationships a reference may keep: everything else belongs to its content.
_KEPT_RELS = {RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.WEB_SETTINGS, RT.FONT_TABLE, RT.THEME, RT.ENDNOTES}
_SECTION_LINKS = ("w:headerReference", "w:footerReference")


def open_document(reference: Path | None) -> DocxDocument:
    """python-docx's default template, or the reference document emptied of its content."""
    if reference is None:
        return docx.Document()
    try:
        document = docx.Document(str(reference))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise ThemeError("reference_docx", f"{reference}: cannot use as reference DOCX: {exc}") from exc
    _clear_body(document)
    _drop_content_parts(document)
    return document


def _clear_body(document: DocxDocument) -> None:
    """Remove every block of the body, keeping its final section properties (page size, margins)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for section in body.iterchildren(qn("w:sectPr")):
        for child in list(section):
            if child.tag in {qn(tag) for tag in _SECTION_LINKS}:
                section.remove(child)


def _drop_content_parts(document: DocxDocument) -> None:
    rels = document.part.rels
    for rid, rel in sorted(rels.items()):
        if rel.reltype not in _KEPT_RELS:
            del rels[rid]
