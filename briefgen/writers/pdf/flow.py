"""Blocks → reportlab flowables. Each flowable remembers which note references it holds (`refs`), so the
page layout can put their notes at the foot of the page where the flowable lands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from xml.sax.saxutils import quoteattr

from briefgen.doc import (
    Banner, Block, Box, BulletList, Heading, Inlines, Link, NoteRef, Paragraph as Para, Quote, Span, Table as Tab,
    Theme,
)
from briefgen.layout import BOX_PADDING, STYLES, TABLE_CELL_PADDING
from briefgen.writers.pdf.fonts import face_name, markup
from briefgen.writers.pdf.styles import RULE, colour, family, page_of, paragraph_styles

Marker = Callable[[int], str]  # occurrence index -> superscript markup
BLOCK_GAP = 4.0  # points after a table or box, as the DOCX's spacer paragraph
BOX_BORDER = 0.75
_HEADINGS = {0: "title", 1: "heading1", 2: "heading2"}


def tint(colour_hex: str, amount: float) -> colors.Color:
    base = colors.HexColor(colour_hex)
    return colors.Color(1 - (1 - base.red) * amount, 1 - (1 - base.green) * amount, 1 - (1 - base.blue) * amount)


class QuoteParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph with the accent bar the DOCX draws as a left border."""

    bar_colour: colors.Color = colors.black

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.bar_colour)
        canvas.setLineWidth(2.25)
        x = self.style.leftIndent - 8 - 1.2
        canvas.line(x, 0, x, self.height)
        canvas.restoreState()
        super().draw()


@dataclass
class Flow:
    """Turns a document's blocks into flowables, numbering note occurrences in reading order."""

    theme: Theme
    marker: Marker
    styles: dict[str, ParagraphStyle] = field(init=False)
    occurrence: int = 0

    def __post_init__(self) -> None:
        self.styles = paragraph_styles(self.theme)

    def flowables(self, blocks: tuple[Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Banner):
            return [self.para([Span(block.text.upper())], "banner")]
        if isinstance(block, Heading):
            flow = self.para(block.content, _HEADINGS.get(block.level, "heading2"))
            flow.outline = (block.level, _plain(block.content), block.anchor)  # type: ignore[attr-defined]
            return [flow]
        if isinstance(block, Para):
            return [self.para(block.content, block.style)]
        if isinstance(block, BulletList):
            return [self.para(item, "bullet", bullet="•") for item in block.items]
        if isinstance(block, Quote):
            return self.quote(block)
        if isinstance(block, Box):
            return [self.box(block), Spacer(1, BLOCK_GAP)]
        if isinstance(block, Tab):
            return [self.table(block), Spacer(1, BLOCK_GAP)]
        raise TypeError(f"unknown block {block!r}")  # pragma: no cover

    def para(self, content: Inlines, style: str, bullet: str | None = None,
             para_style: ParagraphStyle | None = None, cls: type[Paragraph] = Paragraph) -> Paragraph:
        refs: list[int] = []
        text = self.inline_markup(content, style, refs)
        flow = cls(text or " ", para_style or self.styles[style],
                   bulletText=bullet)
        flow.refs = refs
        return flow

    def inline_markup(self, content: Inlines, style: str, refs: list[int]) -> str:
        spec = STYLES[style]
        fam = family(spec.font, self.theme)
        parts: list[str] = []
        previous_ref = False
        for run in content:
            if isinstance(run, NoteRef):
                parts.append(("<super>,</super>" if previous_ref else "") + self.marker(self.occurrence))
                refs.append(self.occurrence)
                self.occurrence += 1
                previous_ref = True
                continue
            previous_ref = False
            parts.append(self._run(run, fam, spec.caps))
        return "".join(parts)

    def _run(self, run: Span | Link, fam: str, caps: bool) -> str:
        if isinstance(run, Link):
            accent = self.theme.accent
            return f'<a href={quoteattr(run.url)} color="{accent}"><u>{markup(run.text, fam)}</u></a>'
        text = run.text.upper() if caps or run.tag else run.text
        if run.tag:
            size = self.theme.body_size * 0.85
            name = face_name(family("heading", self.theme), True)
            return f'<font name="{name}" size="{size:.2f}" color="{self.theme.accent}">{markup(text, fam)}</font>'
        body = markup(text, fam)
        if run.bold:
            body = f"<b>{body}</b>"
        if run.italic:
            body = f"<i>{body}</i>"
        return body

    def quote(self, block: Quote) -> list[Flowable]:
        QuoteParagraph.bar_colour = colors.HexColor(self.theme.accent)
        body = self.para(block.content, "quote", cls=QuoteParagraph)
        body.keepWithNext = True
        flows: list[Flowable] = [body]
        if block.attribution:
            flows.append(self.para(block.attribution, "attribution"))
        return flows

    def box(self, block: Box) -> Flowable:
        inner_refs: list[int] = []
        rows: list[list[Flowable]] = []
        if block.title:
            rows.append([self.para((Span(block.title),), "box_title")])
        for child in block.blocks:
            for flow in self.block(child):
                inner_refs.extend(getattr(flow, "refs", []))
                rows.append([flow])
        width = page_of(self.theme).text_width
        table = Table(rows, colWidths=[width], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self._font(), self.theme.body_size),
            ("BOX", (0, 0), (-1, -1), BOX_BORDER, colors.HexColor(self.theme.accent)),
            ("BACKGROUND", (0, 0), (-1, -1), tint(self.theme.accent, 0.08)),
            ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), BOX_PADDING), ("BOTTOMPADDING", (0, -1), (-1, -1), BOX_PADDING),
        ]))
        table.refs = inner_refs
        return table

    def table(self, block: Tab) -> Flowable:
        width = page_of(self.theme).text_width
        total = sum(c.weight for c in block.columns) or 1.0
        widths = [width * c.weight / total for c in block.columns]
        refs: list[int] = []
        header = [self._cell((Span(c.title),), "table_header", c.align, refs) for c in block.columns]
        body = [[self._cell(cell, "table_cell", col.align, refs) for cell, col in zip(row, block.columns, strict=True)]
                for row in block.rows]
        table = Table([header, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
        accent = colors.HexColor(self.theme.accent)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self._font(), self.theme.body_size),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, accent), ("LINEBELOW", (0, 0), (-1, 0), 0.8, accent),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, accent),
            ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *[(side, (0, 0), (-1, -1), TABLE_CELL_PADDING) for side in
              ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")],
        ]))
        table.refs = refs
        return table

    def _font(self) -> str:
        """Tables set a cell font even for flowable cells: name ours, so no unembedded Helvetica appears."""
        return face_name(family("body", self.theme))

    def _cell(self, content: Inlines, style: str, align: str, refs: list[int]) -> Paragraph:
        base = self.styles[style]
        if align != "left":
            base = ParagraphStyle(f"{style}-{align}", parent=base,
                                  alignment=TA_RIGHT if align == "right" else TA_CENTER)
        flow = self.para(content, style, para_style=base)
        refs.extend(flow.refs)
        return flow


def _plain(content: Inlines) -> str:
    return "".join(r.text for r in content if isinstance(r, Span | Link)).strip() or "Section"


def note_style(theme: Theme) -> ParagraphStyle:
    style = paragraph_styles(theme)["footnote"]
    return ParagraphStyle("note", parent=style, leftIndent=10, firstLineIndent=-10)
