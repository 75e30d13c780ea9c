"""A reference DOCX (like pandoc's --reference-doc): its styles, numbering, page setup and letterhead (its
headers and footers, with their pictures and fields: the default ones, and the first page's and even pages'
where it sets those pages apart, as the PDF draws them), none of its content, and no link to outside the document
but a hyperlink (outlinks.py).

The reference's body, footnotes and comments are dropped, so only presentation survives (and a style's page
break before, which a brief does not take); styles.py then adds whatever named styles the writer needs and the
reference lacks, footnotes.py adds our own footnote part, and furniture.py our own header and footer when the
reference has none (else the banner line under each of its footers).
"""

from __future__ import annotations

import zipfile
from functools import cache
from io import BytesIO
from pathlib import Path

import docx
import docx.api
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.styles import StylesPart

from briefgen.document.house import WORD_DEFAULTS, WORD_DOCUMENT, WORD_MAIN_TYPES
from briefgen.errors import ThemeError
from briefgen.writers.docx.attributes import SIZE
from briefgen.writers.docx.ooxml import sub
from briefgen.writers.docx.outlinks import cut_outside_links
from briefgen.writers.docx.package import strip_variable_ids
from briefgen.writers.docx.schema import put_in_order
from briefgen.zips import zip_damage

# The document part's relationships a reference may keep: everything else belongs to its content.
_KEPT_RELS = {RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.WEB_SETTINGS, RT.FONT_TABLE, RT.THEME, RT.ENDNOTES}
_SECTION_LINKS = ("w:headerReference", "w:footerReference")
# What a section may say that the PDF does not draw and a brief does not take, dropped so the DOCX reads as the
# PDF does: page borders, line numbers, vertical alignment, vertical text, right-to-left columns and gutter.
_SECTION_DROPPED = ("w:pgBorders", "w:lnNumType", "w:vAlign", "w:textDirection", "w:bidi", "w:rtlGutter")
_STYLES_PART = "word/styles.xml"


def open_document(reference: Path | None) -> DocxDocument:
    """python-docx's default template, its styles cut to the latent ones (`styles.apply` replaces the rest),
    or the reference document emptied of its content."""
    if reference is None:
        lean = _lean_default()
        document = docx.Document(BytesIO(lean) if lean else None)
        strip_variable_ids(document)
        return document
    try:
        document = docx.Document(_as_document(reference))
    except zip_damage(KeyError, PackageNotFoundError) as exc:
        raise ThemeError("reference_docx", f"{reference}: cannot use as reference DOCX: {exc}") from exc
    _word_defaults(document)
    letterhead = _clear_body(document)
    _plain_pages(document)
    document.element.body.get_or_add_sectPr()  # a reference without section properties has Word's defaults
    _drop_content_parts(document, letterhead)
    cut_outside_links(document)
    _drop_page_breaks(document)
    strip_variable_ids(document)
    put_in_order(document)  # Word refuses parts out of the schema's order, as some tools write them
    return document


def _as_document(reference: Path) -> BytesIO | str:
    """The reference as python-docx opens it: a template or macro-enabled package (.dotx, .docm, .dotm) with
    its main part declared a document, read from memory (python-docx refuses the others' content types; the
    macros are among the content parts dropped below); a document's path as it is."""
    with zipfile.ZipFile(reference) as package:
        types = package.read("[Content_Types].xml")
        declared = next((kind for kind in WORD_MAIN_TYPES[1:] if kind.encode() in types), None)
        if declared is None:
            return str(reference)
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in package.infolist():
                data = package.read(info)
                copy.writestr(info, data.replace(declared.encode(), WORD_DOCUMENT.encode())
                              if info.filename == "[Content_Types].xml" else data)
    out.seek(0)
    return out


def _word_defaults(document: DocxDocument) -> None:
    """Word's own defaults (document/house.py WORD_DEFAULTS) stated where the reference leaves them to the
    application, so LibreOffice sets what Word and the PDF do: an empty styles part where it has none (python-docx
    would add its own, 12 pt of the theme's font; styles.py then writes the document defaults), and the run
    defaults' font and size where its document defaults name none."""
    try:
        document.part.part_related_by(RT.STYLES)
    except KeyError:
        part = StylesPart(PackURI("/word/styles.xml"), CT.WML_STYLES, parse_xml(f"<w:styles {nsdecls('w')}/>"),
                          document.part.package)
        document.part.relate_to(part, RT.STYLES)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    holder = defaults.find(qn("w:rPrDefault"))
    holder = sub(defaults, "w:rPrDefault") if holder is None else holder
    rpr = holder.find(qn("w:rPr"))
    rpr = sub(holder, "w:rPr") if rpr is None else rpr
    fonts = rpr.find(qn("w:rFonts"))
    fonts = sub(rpr, "w:rFonts") if fonts is None else fonts
    for side in ("w:ascii", "w:hAnsi"):  # the theme's font, where the reference names one, still wins
        if not fonts.get(qn(side)):
            fonts.set(qn(side), str(WORD_DEFAULTS.font))
    size = rpr.find(qn("w:sz"))
    size = sub(rpr, "w:sz") if size is None else size
    if not SIZE(size.get(qn("w:val"), "")):  # one Word does not take is no size (values.py drops it)
        size.set(qn("w:val"), str(round(float(WORD_DEFAULTS.size or 0) * 2)))


def _drop_page_breaks(document: DocxDocument) -> None:
    """A style's (or the defaults') "page break before" goes: a brief's sections run on, as in the PDF. Kept,
    a report's Heading 1 that opens a new page put each section of a one-page brief on a page of its own in
    Word and LibreOffice. So does a style's right-to-left paragraph direction: the writer sets it on each
    paragraph whose text reads right to left (scripts.py), where a reference's Normal set it for English too."""
    styles = document.styles.element
    for flag in [*styles.iter(qn("w:pageBreakBefore")), *styles.iter(qn("w:bidi"))]:
        flag.getparent().remove(flag)


@cache
def _lean_default() -> bytes | None:
    """python-docx's default template with its styles part cut to the latent styles, which are all of it that a
    document styled without a reference keeps (`styles.apply` removes the document defaults and every style,
    and adds ours). Parsing the 164 styles only to remove them took 25 ms and 5 MB in each process writing a
    DOCX. A template whose styles part does not have the expected shape is used whole; None (python-docx opens
    its template itself) if it cannot be found where python-docx keeps it."""
    try:
        with zipfile.ZipFile(docx.api._default_docx_path()) as template:  # type: ignore[no-untyped-call]
            parts = [(info, template.read(info)) for info in template.infolist()]
    except (AttributeError, OSError, zipfile.BadZipFile):
        return None
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as lean:  # read once by this process: not compressed
        for info, data in parts:
            lean.writestr(info.filename, _latent_only(data) if info.filename == _STYLES_PART else data)
    return out.getvalue()


def _latent_only(styles: bytes) -> bytes:
    """A styles part's XML with only its root and its latent styles; the part unchanged if either is missing."""
    root = styles.find(b"<w:styles ")
    opened = styles.find(b">", root) + 1
    first, last = styles.find(b"<w:latentStyles"), styles.find(b"</w:latentStyles>")
    if root < 0 or opened <= 0 or first < opened or last < first or not styles.rstrip().endswith(b"</w:styles>"):
        return styles
    return styles[:opened] + styles[first:last + len(b"</w:latentStyles>")] + b"</w:styles>"


def _clear_body(document: DocxDocument) -> set[str]:
    """Remove every block of the body, keeping its final section properties (page size, margins) and their
    headers and footers; returns the relationship ids of those."""
    body = document.element.body
    kept: set[str] = set()
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for section in body.iterchildren(qn("w:sectPr")):
        for child in list(section):
            if child.tag in {qn(tag) for tag in _SECTION_LINKS}:
                kept.add(child.get(qn("r:id")))
            elif child.tag in {qn(tag) for tag in _SECTION_DROPPED}:
                section.remove(child)
        _one_column(section)
    return kept


def _plain_pages(document: DocxDocument) -> None:
    """White pages, unhyphenated, as the PDF draws them: a reference's page colour (w:background) and automatic
    hyphenation go (render/unheeded.py has `check` name them)."""
    for found in [*document.element.iterchildren(qn("w:background")),
                  *document.settings.element.iterchildren(qn("w:autoHyphenation"))]:
        found.getparent().remove(found)


def _one_column(section: BaseOxmlElement) -> None:
    """The brief in one column of text on lines Word does not snap to a grid, as the PDF sets it: a reference's
    text columns (a newsletter's two) and an East Asian document grid, which moves every line to its pitch, go."""
    for columns in section.iterchildren(qn("w:cols")):
        for name in ("w:num", "w:equalWidth", "w:sep"):
            columns.attrib.pop(qn(name), None)
        for column in list(columns):
            columns.remove(column)
    for grid in section.iterchildren(qn("w:docGrid")):
        grid.attrib.pop(qn("w:type"), None)


def _drop_content_parts(document: DocxDocument, letterhead: set[str]) -> None:
    rels = document.part.rels
    for rid, rel in sorted(rels.items()):
        if rel.reltype not in _KEPT_RELS and rid not in letterhead:
            del rels[rid]
