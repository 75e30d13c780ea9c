"""Blocks of the document model to reportlab flowables, styled from the theme's Kit."""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus.flowables import Flowable

from briefgen.document import layout
from briefgen.document.layout import BOX_BORDER_PT, BOX_FILL, RULE, ZEBRA, tag_size
from briefgen.document.nodes import (
    Banner,
    Block,
    Box,
    BulletList,
    Chart,
    Column,
    Heading,
    Inlines,
    Quote,
    Span,
)
from briefgen.document.nodes import Paragraph as Para
from briefgen.document.nodes import Table as DocTable
from briefgen.document.outline import tree_level
from briefgen.writers.pdf import shaping
from briefgen.writers.pdf.housetable import house_commands
from briefgen.writers.pdf.markup import Cite, InlineMarkup, plain
from briefgen.writers.pdf.nestedlists import labels
from briefgen.writers.pdf.numbers import Numbers
from briefgen.writers.pdf.paragraphs import paragraph
from briefgen.writers.pdf.styles import Kit, colour
from briefgen.writers.pdf.tags import ARTIFACT, Element
from briefgen.writers.pdf.tags import DecoratedTable as Table

_HEADING_STYLE = {0: "title", 1: "heading1", 2: "heading2"}
_COLUMN_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
_HEADER = (("O", "Table"), ("Scope", "Column"))  # a header cell heads its column


def _fit(row: tuple[Inlines, ...], width: int) -> tuple[Inlines, ...]:
    """A row cut or padded to the number of columns (reportlab needs rectangular data)."""
    return (*row[:width], *([()] * (width - len(row))))


class StoryBuilder:
    """Builds the flowables of a document, each carrying its structure element (tags.py); note references
    are numbered through `cite`; `language` is the document's (a quote in another one says so); a heading at
    level `top` is tagged H1."""

    def __init__(self, kit: Kit, cite: Cite, language: str = "", top: int = 0) -> None:
        self.kit = kit
        self.top = top
        self.cite = cite
        self.language = language
        self.headings = 0
        self.numbers = Numbers(kit.theme.house)  # a house style's heading numbers, as Word counts them
        self.parent: Element | None = None  # the element the blocks being built belong to (None: Document)

    def element(self, role: str, parent: Element | None = None, **kwargs: object) -> Element:
        return Element(role, parent if parent is not None else self.parent, **kwargs)  # type: ignore[arg-type]

    def para(self, content: Inlines, style_name: str, style: ParagraphStyle | None = None,
             bullet: str | None = None, lang: str | None = None, heading: bool = False,
             tag: Element | None = None) -> Paragraph:
        face = self.kit.faces[style_name]
        style = style or self.kit.styles[style_name]
        render = InlineMarkup(face.family, self.kit.families["heading"], tag_size(self.kit.theme.body_size),
                              self.kit.accent, self.cite, caps=face.caps, bold=face.bold, italic=face.italic,
                              fontset=self.kit.theme.fonts, spacing=self.kit.spacing.get(style_name, 0.0))
        drawn = shaping.style_for(style, plain(content), lang)
        made = paragraph(render(content), drawn, bullet, heading, tag if tag is not None else self.element("P"))
        made.rules = self.kit.rules.get(style_name, ())  # a house style's border
        made.fill = self.kit.fills.get(style_name)  # and shading
        made.style_key = style_name
        return made

    def blocks(self, blocks: tuple[Block, ...]) -> list[Flowable]:
        made = [f for block in blocks for f in self.block(block)]
        for before, after in pairwise(made):  # Word's contextual spacing: none between two of a style
            key = getattr(before, "style_key", None)
            if key in self.kit.contextual and key == getattr(after, "style_key", None):
                before.spaceAfter, after.spaceBefore = 0, 0
        return made

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Banner):
            return [self.para((Span(block.text),), "banner", tag=ARTIFACT)]
        if isinstance(block, Heading):
            return [self.heading(block)]
        if isinstance(block, Para):
            return [self.para(block.content, block.style)]
        if isinstance(block, Box):
            return [self.box(block)]
        if isinstance(block, BulletList):
            return self.bullets(block)
        if isinstance(block, DocTable):
            return [self.table(block)] if block.columns else []
        if isinstance(block, Chart):
            return [self.chart(block)]
        return [self.quote(block)]

    def heading(self, block: Heading) -> Paragraph:
        level = min(max(block.level, 0), 2)
        tag = self.element(f"H{tree_level(level, self.top)}")
        label = self.numbers.label(layout.STYLES[_HEADING_STYLE[level]].word_name)
        content = (Span(label + " "), *block.content) if label else block.content
        flowable = self.para(content, _HEADING_STYLE[level], heading=True, tag=tag)
        # On the heading itself, not its style: the parts reportlab splits a heading taller than the rest of
        # the page into take the style's flags, and a last part keeping with nothing would regroup forever.
        flowable.keepWithNext = 1
        if level:
            self.headings += 1
            flowable.outline = (plain(block.content), level - 1, f"h{self.headings}")
        return flowable

    def _font(self) -> tuple[object, ...]:
        """Tables set a cell font even for flowable cells: name ours, or reportlab names Helvetica."""
        return ("FONT", (0, 0), (-1, -1), self.kit.styles["body"].fontName, self.kit.theme.body_size)

    def box(self, block: Box) -> Table:
        """The BLUF box: one row a block, spaced as Word spaces the paragraphs of its one cell (each one's
        space before and after kept, the first's and the last's too, inside the padding)."""
        outer, self.parent = self.parent, self.element("Div")
        cells: list[Flowable] = [self.para((Span(block.title),), "box_title"), *self.blocks(block.blocks)]
        self.parent = outer
        table = Table([[f] for f in cells], colWidths=[self.kit.text_width], hAlign="LEFT")
        table.setStyle(TableStyle([
            self._font(),
            ("BACKGROUND", (0, 0), (-1, -1), colour(BOX_FILL, "box")),
            ("BOX", (0, 0), (-1, -1), BOX_BORDER_PT, self.kit.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), layout.BOX_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), layout.BOX_PADDING),
            *_word_cell_spacing(cells, layout.BOX_PADDING),
        ]))
        table.spaceAfter = layout.STYLES["body"].space_after  # the DOCX's spacer paragraph after a table
        return table

    def _cell_style(self, name: str, column: Column) -> ParagraphStyle:
        return _aligned(self.kit.styles[name], column.align)

    def table(self, block: DocTable) -> Table:
        cols = block.columns
        grid = self.element("Table")
        row = self.element("TR", grid)
        head = [self.para((Span(c.title),), "table_header", self._cell_style("table_header", c),
                          tag=self.element("TH", row, attrs=_HEADER)) for c in cols]
        styles = [self._cell_style("table_cell", c) for c in cols]
        body = [self._row(cells, styles, self.element("TR", grid)) for cells in block.rows]
        total = sum(max(c.weight, 0.01) for c in cols)
        widths = [self.kit.text_width * max(c.weight, 0.01) / total for c in cols]
        table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
        look = None if self.kit.theme.house is None else self.kit.theme.house.table
        table.setStyle(self._table_style(len(body)) if look is None else
                       TableStyle([self._font(), *house_commands(look, len(body) + 1, len(cols))]))
        table.spaceBefore, table.spaceAfter = 2, 6
        return table

    def _table_style(self, rows: int) -> TableStyle:
        pad = layout.TABLE_CELL_PADDING
        rule = colour(RULE, "rule")
        return TableStyle([
            self._font(),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, self.kit.accent),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.kit.accent),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, rule),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, colour(ZEBRA, "zebra")]),
        ] if rows else [self._font(), ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.kit.accent)])

    def _row(self, cells: tuple[Inlines, ...], styles: list[ParagraphStyle], row: Element) -> list[Flowable]:
        return [self.para(cell, "table_cell", styles[i], tag=self.element("TD", row))
                for i, cell in enumerate(_fit(cells, len(styles)))]

    def bullets(self, block: BulletList) -> list[Flowable]:
        """A list: an L of LI items, each an Lbl (the bullet) and an LBody (the item's paragraph)."""
        items = self.element("L")
        made: list[Flowable] = []
        marks = labels(self.kit.theme.house, block, self.kit.bullet) if block.levels else None
        for index, item in enumerate(block.items):
            entry = self.element("LI", items)
            body = self.element("LBody", entry, label=self.element("Lbl", entry))
            level = block.level(index)
            made.append(self.para(item, "bullet", self.kit.nested[level - 1] if level else None,
                                  bullet=marks[index] if marks else self.kit.bullet, tag=body))
        return made

    def quote(self, block: Quote) -> Table:
        quoted = self.element("BlockQuote")
        lang = block.lang if block.lang and block.lang.lower() != self.language.lower() else None
        rows: list[list[Flowable]] = [[self.para(block.content, "quote", lang=block.lang,
                                                 tag=self.element("P", quoted, lang=lang))]]
        if block.attribution:
            rows.append([self.para(block.attribution, "attribution", tag=self.element("P", quoted))])
        table = Table(rows, colWidths=[self.kit.text_width], hAlign="LEFT")
        bar = [] if "quote" in self.kit.rules else [("LINEBEFORE", (0, 0), (0, -1), 2.5, self.kit.accent)]
        table.setStyle(TableStyle([  # a house Quote draws its own border, or none (as in the DOCX)
            self._font(), *bar,
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            *_word_cell_spacing([row[0] for row in rows], 0),  # the DOCX's two paragraphs, spaced as styled
        ]))
        return table

    def chart(self, block: Chart) -> Table:
        """The chart drawn natively, its caption (with the source notes) kept on the same page."""
        from briefgen.writers import chart  # reportlab.graphics, only for a brief with a chart
        from briefgen.writers.pdf.chart import drawing

        picture = drawing(chart.plan(block, self.kit.text_width, self.kit.theme), self.kit.styles["body"].fontName)
        picture.tag = self.element("Figure", alt=block.alt_text())
        cell: list[Flowable] = [picture]
        if block.caption:
            cell.append(self.para(block.caption, "caption", tag=self.element("Caption")))
        table = Table([[cell]], colWidths=[self.kit.text_width], hAlign="LEFT")
        table.setStyle(TableStyle([
            self._font(),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        table.spaceBefore, table.spaceAfter = 0, layout.STYLES["caption"].space_after
        return table


def _word_cell_spacing(cells: list[Flowable], pad: float) -> list[tuple[object, ...]]:
    """Top and bottom padding of each one-flowable row: the flowable's own space before and after (which
    reportlab leaves out of a cell, and Word keeps), with `pad` above the first row and below the last."""
    last = len(cells) - 1
    return [command for row, flowable in enumerate(cells) for command in (
        ("TOPPADDING", (0, row), (-1, row), flowable.getSpaceBefore() + (pad if row == 0 else 0)),
        ("BOTTOMPADDING", (0, row), (-1, row), flowable.getSpaceAfter() + (pad if row == last else 0)))]


@cache
def _aligned(base: ParagraphStyle, align: str) -> ParagraphStyle:
    """A table column's variant of a (kit's, cached) style: one object for every layout of the process, so the
    cells' parsed markup and line breaks are remembered across the fit's and the settling passes."""
    return ParagraphStyle(f"{base.name}-{align}", parent=base, alignment=_COLUMN_ALIGN[align])
