"""Write a briefgen Document as DOCX: named styles, real footnotes, deterministic bytes, atomic write.

Every text field is inserted as literal run text (python-docx escapes it; nothing is parsed), with
XML-illegal characters replaced by U+FFFD. Layout metrics come from layout.STYLES through styles.py.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from briefgen.atomic import atomic_write
from briefgen.document.layout import BOX_PADDING, STYLES
from briefgen.document.nodes import (
    Banner,
    Block,
    Box,
    BulletList,
    Chart,
    Column,
    Document,
    Heading,
    Inlines,
    Link,
    Meta,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Span,
    Table,
    Theme,
    WriteResult,
    one_line,
    safe_text,
)
from briefgen.document.notes import ascending
from briefgen.document.outline import without_skipped_levels
from briefgen.writers.docx import access, furniture, nested, package, reference, scripts, styles, tables
from briefgen.writers.docx.footnotes import REFERENCE_STYLE, Footnotes
from briefgen.writers.docx.ooxml import Bookmarks, el, text_run

_PARAGRAPH_KEYS = {"body": "body", "lead": "lead", "meta": "meta", "small": "small"}
# The outline levels each style may have (0 is Heading 1), whatever a reference document says: the title is body
# text (as Word's own Title) or level 1, sections are 1 and sub-sections 2, and everything else is body text.
_HEADING_LEVELS = {"title": (access.BODY_LEVEL, 0), "heading1": (0,), "heading2": (1,)}
_OUTLINE_LEVELS = {styles.style_id(spec.word_name): _HEADING_LEVELS.get(key, (access.BODY_LEVEL,))
                   for key, spec in STYLES.items()}

@dataclass
class _Context:
    theme: Theme
    notes: Footnotes
    bookmarks: Bookmarks
    cited: dict[str, int] = field(default_factory=dict)  # note key -> footnote id
    charts: int = 0
    section: str = ""  # the text of the latest heading: a table's title


def write(doc: Document, path: Path, theme: Theme) -> WriteResult:
    """Write `doc` to `path` (atomically) and report the footnotes created.

    `pages` is returned as 0: the DOCX is laid out by the reader's word processor, so the pipeline takes
    the page count from the PDF, whose metrics this file shares (unless Theme.reference_docx restyles it).
    Repeated citations of a note key do not create new footnotes; they show the first note's number through
    a NOTEREF field.
    """
    files = theme.reference_docx is not None or theme.logo is not None  # read from disk: may change under watch
    data, notes = _render(doc, theme) if files else _remembered(doc, theme)
    atomic_write(path, data)
    return WriteResult(path=path, pages=0, notes=notes)


@lru_cache(maxsize=4)
def _remembered(doc: Document, theme: Theme) -> tuple[bytes, int]:
    """The bytes of a document and theme already written by this process (`watch` rewrites a brief whose
    seed changed while its text did not). Both keys are immutable values; a theme that names a file on disk
    is never remembered."""
    return _render(doc, theme)


def _render(doc: Document, theme: Theme) -> tuple[bytes, int]:
    """The DOCX's bytes and the number of footnotes in it."""
    doc = without_skipped_levels(ascending(doc))  # the policies every writer shares (document/notes, outline)
    language = safe_text(doc.meta.language) or "en"
    document = _styled(theme, language)
    access.default_language(document, language)
    access.outline_levels(document, _OUTLINE_LEVELS)
    bookmarks = Bookmarks()
    context = _Context(theme, Footnotes(document, bookmarks), bookmarks)
    body = document._body
    for block in doc.blocks:
        _block(context, body, block)
    if not doc.blocks:
        body.add_paragraph()  # Word wants at least one paragraph in the body
    furniture.add(document, doc, theme)
    access.furniture_pictures_decorative(document)
    for root in (body._element, context.notes.element):
        scripts.mark_tree(root, theme.fonts, scripts.styled_sets(theme))
    return package.to_bytes(document, doc.meta), context.notes.count


_prepared = False


def prepare() -> None:
    """Pay a process's first-document costs now (python-docx's template parsed and styled, its element classes
    and our patterns built): a process forked to write a build's DOCX does this while the build fits the PDF.
    Once per process: a child forked from a process that did it (`watch`'s) inherits the result."""
    global _prepared
    if _prepared:
        return
    _prepared = True
    note = NoteRef(Note("warm-up", (Span("a source"),)))
    cells = ((Span("cell"), note),)
    _render(Document(Meta("warm-up"), (
        Heading(0, (Span("warm-up"),)), Heading(1, (Span("section"),), "s"), Paragraph((Span("text", bold=True), note)),
        BulletList(((Span("item"),),)), Table((Column("a"),), (cells,)), Quote((Span("quoted"),), (Span("who"),)),
        Box("box", (Paragraph((Span("inside"),)),)))), Theme())


def _styled(theme: Theme, language: str) -> DocxDocument:
    """An empty document with our styles, numbering and page: a reference DOCX is read afresh each time (its
    file may change under `watch`); python-docx's default template, styled, is built once per process and
    copied (a third of the time of parsing and styling it again)."""
    if theme.reference_docx is not None:
        document = reference.open_document(theme.reference_docx)
        styles.apply(document, theme, language, reference=True)
        return document
    return copy.deepcopy(_default_styled(styles.styled_by(theme), language))


@lru_cache(maxsize=8)
def _default_styled(theme: Theme, language: str) -> DocxDocument:
    document = reference.open_document(None)
    styles.apply(document, theme, language)
    return document


def _block(context: _Context, container: BlockItemContainer, block: Block) -> None:
    if isinstance(block, Banner):
        _paragraph(container, "banner").add_run(safe_text(block.text))
    elif isinstance(block, Heading):
        _heading(context, container, block)
    elif isinstance(block, Paragraph):
        _inlines(context, _paragraph(container, _PARAGRAPH_KEYS[block.style]), block.content)
    elif isinstance(block, BulletList):
        for index, item in enumerate(block.items):
            paragraph = _paragraph(container, "bullet")
            if block.level(index):
                nested.nest(paragraph._p, block.level(index), context.theme)
            _inlines(context, paragraph, item)
    elif isinstance(block, Quote):
        quote = _paragraph(container, "quote")
        _inlines(context, quote, block.content)
        fonts = scripts.styled_sets(context.theme).get(styles.style_id(STYLES["quote"].word_name))
        scripts.mark_paragraph(quote._p, block.lang, fonts or context.theme.fonts)
        if block.attribution:
            _inlines(context, _paragraph(container, "attribution"), block.attribution)
    elif isinstance(block, Box):
        _box(context, container, block)
    elif isinstance(block, Table) and block.columns:
        _table(context, container, block)
    elif isinstance(block, Chart):
        _chart(context, container, block)


def _paragraph(container: BlockItemContainer, key: str) -> DocxParagraph:
    paragraph = container.add_paragraph()
    paragraph._p.style = styles.style_id(STYLES[key].word_name)
    return paragraph


def _heading(context: _Context, container: BlockItemContainer, block: Heading) -> None:
    key = "title" if block.level <= 0 else "heading1" if block.level == 1 else "heading2"
    paragraph = _paragraph(container, key)
    _inlines(context, paragraph, block.content)
    context.section = _plain(block.content)
    if block.anchor:
        content = [c for c in paragraph._p if c.tag != qn("w:pPr")] or [paragraph.add_run()._r]
        context.bookmarks.wrap(content[0], content[-1], block.anchor)


def _box(context: _Context, container: BlockItemContainer, block: Box) -> None:
    """A one-cell table, shaded and outlined in the accent colour, holding the title and the blocks."""
    cell = tables.box_cell(container, context.theme, BOX_PADDING)
    access.table_alt_text(cell._tc.getparent().getparent(), block.title, "")  # w:tc < w:tr < w:tbl
    title = cell.paragraphs[0]
    title._p.style = styles.style_id(STYLES["box_title"].word_name)
    title.add_run(safe_text(block.title))
    for inner in block.blocks:
        _block(context, cell, inner)
    tables.spacer(container)


def _table(context: _Context, container: BlockItemContainer, block: Table) -> None:
    table: DocxTable = tables.data_table(container, block.columns, len(block.rows), context.theme)
    header = styles.style_id(STYLES["table_header"].word_name)
    text = styles.style_id(STYLES["table_cell"].word_name)
    rows = table.rows  # table.cell(r, c) rescans the whole grid on every call: walk the rows once
    for column, cell in zip(block.columns, rows[0].cells, strict=False):
        paragraph = tables.cell_paragraph(cell, header, column.align)
        paragraph.add_run(safe_text(column.title))
    for row, docx_row in zip(block.rows, list(rows)[1:], strict=False):
        for index, (column, cell) in enumerate(zip(block.columns, docx_row.cells, strict=False)):
            paragraph = tables.cell_paragraph(cell, text, column.align)
            _inlines(context, paragraph, row[index] if index < len(row) else ())
    access.table_alt_text(table._tbl, context.section or "Table", _table_description(block))
    tables.spacer(container)


def _table_description(block: Table) -> str:
    """What a table holds, for its alternative text: its rows and its column headings."""
    rows = f"{len(block.rows)} row{'s' if len(block.rows) != 1 else ''}"
    titles = [one_line(safe_text(c.title)) for c in block.columns if c.title.strip()]
    return f"{rows} under the column headings {', '.join(titles)}" if titles else rows


def _chart(context: _Context, container: BlockItemContainer, block: Chart) -> None:
    """The chart as a picture at the PDF's size, then its caption carrying the source footnotes."""
    from briefgen.writers.docx import chart  # Pillow and the font metrics, only for a brief with a chart

    context.charts += 1
    chart.add(container, block, context.theme, tables.available_width(container, context.theme), context.charts)
    if block.caption:
        _inlines(context, _paragraph(container, "caption"), block.caption)


def _inlines(context: _Context, paragraph: DocxParagraph, inlines: Inlines | tuple[Span | Link, ...]) -> None:
    previous: object = None
    for item in inlines:
        if isinstance(item, NoteRef) and isinstance(previous, NoteRef):
            paragraph._p.append(text_run(",", REFERENCE_STYLE))  # adjacent marks read 1,2 not 12
        previous = item
        if isinstance(item, Span):
            _span(paragraph, item)
        elif isinstance(item, Link):
            _link(paragraph, item)
        elif isinstance(item, NoteRef):
            _note_ref(context, paragraph, item.note)


def _span(paragraph: DocxParagraph, span: Span) -> None:
    run = paragraph.add_run(safe_text(span.text))
    if span.tag:
        run._r.style = styles.TAG_STYLE
    if span.bold:
        run.bold = True
    if span.italic:
        run.italic = True


def _link(paragraph: DocxParagraph, link: Link) -> None:
    """A real hyperlink: an external relationship from the paragraph's part and a w:hyperlink element."""
    rid = paragraph.part.relate_to(safe_text(link.url), RT.HYPERLINK, is_external=True)
    hyperlink = el("w:hyperlink", **{"r:id": rid, "history": "1"})
    hyperlink.append(text_run(link.label, styles.HYPERLINK_STYLE))
    paragraph._p.append(hyperlink)


def _plain(inlines: Inlines) -> str:
    """The literal text of inline runs, note marks left out."""
    return one_line(safe_text("".join(i.label if isinstance(i, Link) else i.text for i in inlines
                                      if isinstance(i, Span | Link))))


def _note_ref(context: _Context, paragraph: DocxParagraph, note: Note) -> None:
    """A new footnote the first time a note key is cited; later citations repeat its number."""
    if note.key in context.cited:
        context.notes.cite_again(paragraph, context.cited[note.key])
        return
    note_id, note_paragraph = context.notes.add(paragraph)
    context.cited[note.key] = note_id
    _inlines(context, note_paragraph, note.content)
