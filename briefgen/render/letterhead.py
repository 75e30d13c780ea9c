"""Read a reference DOCX's default header or footer into LetterLines (document/house.py), as Word lays it out:

- each paragraph is a line (an empty one too, where the part shows something: Word gives it its height), split
  at its tabs into left, centre and right parts; its alignment is its own or its style's;
- each row of a table is a line whose cells stand in the table's columns, a cell's paragraphs stacked in it
  (an address block) (and a part that ends with a table ends with an empty paragraph, which Word adds);
- a watermark (Word's WordArt shape, render/watermark.py) is the house's, drawn behind every page;
- content controls (w:sdt) are read through, but one bound to a document property (the title, subject, author
  or keywords) shows the brief's, as Word shows it; a drawing's fallback copy (mc:Fallback, the VML twin Word
  writes of a text box) is not read twice;
- PAGE and NUMPAGES fields count (SECTIONPAGES as NUMPAGES), a date field (DATE, CREATEDATE, SAVEDATE,
  PRINTDATE) prints the brief's date in its picture, FILENAME the brief's file name and a document property
  field (TITLE, `DOCPROPERTY Subject`…) the brief's property (document/fields.py); any other field (TIME, a
  custom property) shows the result Word last stored in it, as Word shows it until fields are updated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol
from xml.etree.ElementTree import Element

from briefgen.document.fields import NUMPAGES, PAGE, bound_property, field_name, placeholder, property_placeholder
from briefgen.document.house import (
    CELL_BREAK,
    Align,
    Indent,
    LetterLine,
    Piece,
    StyleLook,
    TabStops,
    Watermark,
)
from briefgen.render.drawing import LEFT_OUT, ColourOf, anchor_of, drawn_shape, emu, text_place
from briefgen.render.watermark import watermark
from briefgen.render.wordml import (
    ALIGN,
    EMU_PER_PT,
    MC,
    WP,
    A,
    R,
    V,
    W,
    count,
    indent_of,
    tab_stops,
    twips,
)
from briefgen.sources.assets import AssetError, check_picture

_FIELDS = {"PAGE": PAGE, "NUMPAGES": NUMPAGES, "SECTIONPAGES": NUMPAGES}
_DEEPEST = 64  # levels of XML read inside a paragraph or content control
_CELL_MARGIN = 108 / 20  # points: Word's default left and right cell margin (0.19 cm)
LookOf = Callable[[str | None], StyleLook]  # a paragraph style id (None: none named) -> its look
WithRun = Callable[[StyleLook, Element | None], StyleLook]  # a look with a run's own properties over it


class Parts(Protocol):
    """The package being read (render/house.py's): its XML parts, relationships and pictures, and the
    watermark found in its header."""

    left_out: list[str]
    watermark: Watermark | None

    def xml(self, name: str) -> Element | None: ...

    def rels(self, part: str) -> dict[str, str]: ...

    def read(self, name: str) -> bytes: ...


def lines(package: Parts, part: str | None, look_of: LookOf, with_run: WithRun,
          colour_of: ColourOf) -> Iterator[LetterLine]:
    """The lines of a header or footer part; none when nothing in it shows."""
    root = package.xml(part) if part else None
    if root is None or part is None:
        return
    reader = _Reader(package, package.rels(part), look_of, with_run, colour_of)
    found = list(reader.blocks(root))
    blocks = [child for child in root if child.tag in (f"{W}p", f"{W}tbl", f"{W}sdt")]
    if blocks and blocks[-1].tag == f"{W}tbl":  # Word ends a header that ends with a table with a paragraph
        found.append(_line(look_of(None), "left", ((),)))
    shown = any(piece.text.strip() or piece.image or piece.box or piece.shape for line in found
                for cell in line.cells for piece in cell)
    if shown or reader.watermarked:  # a header holding only a watermark is the reference's, in both formats
        yield from found


@dataclass
class _Field:
    """A complex field being read: its code until its result begins."""

    code: list[str] = field(default_factory=list)
    shown: bool | None = None  # None while its code is read; then whether its stored result shows


class _Reader:
    def __init__(self, package: Parts, rels: dict[str, str], look_of: LookOf, with_run: WithRun,
                 colour_of: ColourOf) -> None:
        self.package, self.rels, self.look_of, self.with_run = package, rels, look_of, with_run
        self.colour_of = colour_of
        self.watermarked = False

    def blocks(self, parent: Element, depth: int = 0) -> Iterator[LetterLine]:
        if depth > _DEEPEST:  # text boxes in text boxes, nested by hand beyond any Word writes
            return
        for child in parent:
            if child.tag == f"{W}p":
                yield self.paragraph(child)
            elif child.tag == f"{W}tbl":
                yield from self.table(child)
            elif child.tag == f"{W}sdt" and depth < _DEEPEST:
                content = child.find(f"{W}sdtContent")
                first = None if content is None else content.find(f"{W}p")
                shown = _bound(child)
                if shown is not None and first is not None:  # a property's paragraph: its look, the property
                    look, align = self._look(first)
                    yield _line(self._direct(look, first), align, ((Piece(shown),),))
                elif content is not None:
                    yield from self.blocks(content, depth + 1)

    def _look(self, p: Element) -> tuple[StyleLook, Align]:
        style, jc = p.find(f"{W}pPr/{W}pStyle"), p.find(f"{W}pPr/{W}jc")
        look = self.look_of(None if style is None else style.get(f"{W}val", ""))
        align = ALIGN.get("" if jc is None else jc.get(f"{W}val", "")) or look.align or "left"
        return look, align

    def paragraph(self, p: Element) -> LetterLine:
        look, align = self._look(p)
        cells = tuple(tuple(cell) for cell in self.pieces(p, split=True))
        stops = tab_stops(p.find(f"{W}pPr/{W}tabs"), look.tabs)
        indent = indent_of(p.find(f"{W}pPr"), look.indent) or (0.0, 0.0, 0.0)
        return _line(self._direct(look, p), align, cells, stops=stops, indent=indent)

    def _direct(self, look: StyleLook, p: Element) -> StyleLook:
        """The paragraph's look with its runs' own formatting, as a letterhead is often made (a bold, larger
        organisation name): the first run's font, weight and colour, the largest run's size (the line's
        height); an empty paragraph takes its mark's (pPr/rPr), which sets its height in Word."""
        runs = [r.find(f"{W}rPr") for r in p.iter(f"{W}r")
                if any((t.text or "").strip() for t in r.findall(f"{W}t"))]
        if not runs:
            return self.with_run(look, p.find(f"{W}pPr/{W}rPr"))
        sizes = [self.with_run(look, rpr).size for rpr in runs]
        first = self.with_run(look, runs[0])
        return replace(first, size=max((size for size in sizes if size), default=first.size))

    def table(self, table: Element) -> Iterator[LetterLine]:
        """Each row a line, its cells in the columns of the table's grid, a cell's paragraphs stacked in it."""
        grid = [twips(col, "w") or 0.0 for col in table.findall(f"{W}tblGrid/{W}gridCol")]
        for row in table.findall(f"{W}tr"):
            cells, columns, x, at = [], [], 0.0, 0
            for cell in row.findall(f"{W}tc"):
                span = max(count(cell.find(f"{W}tcPr/{W}gridSpan")) or 1, 1)
                width = sum(grid[at:at + span]) / 20
                paragraphs = cell.findall(f"{W}p")
                align = self._look(paragraphs[0])[1] if paragraphs else "left"
                pieces = [piece for n, p in enumerate(paragraphs)  # stacked in the cell, as Word shows them
                          for piece in ([Piece(CELL_BREAK)] if n else []) + [q for c in self.pieces(p) for q in c]]
                cells.append(tuple(pieces))
                columns.append((x, max(width - 2 * _CELL_MARGIN, 0.0), align))  # text at the margin, as Word
                x, at = x + width, at + span
            first = row.find(f"{W}tc/{W}p")
            look = self._look(first)[0] if first is not None else self.look_of(None)
            yield _line(look, "left", tuple(cells), tuple(columns))

    def pieces(self, p: Element, split: bool = False) -> list[list[Piece]]:
        """The text, fields and pictures of a paragraph, in cells split at its tabs (with `split`)."""
        cells: list[list[Piece]] = [[]]
        self._visit(p, cells, [], split)
        return cells

    def _visit(self, node: Element, cells: list[list[Piece]], fields: list[_Field], split: bool,
               depth: int = 0) -> None:
        if depth > _DEEPEST:  # Word nests a few levels; a hand-made part nested thousands deep is not read on
            return
        for child in node:
            tag = child.tag
            if tag == f"{MC}Fallback":
                continue
            if tag == f"{W}fldChar":
                _field_char(child, cells, fields)
            elif tag == f"{W}instrText" and fields and fields[-1].shown is None:
                fields[-1].code.append(child.text or "")
            elif tag == f"{W}fldSimple" and _known(child.get(f"{W}instr", "")):
                cells[-1].append(Piece(_known(child.get(f"{W}instr", ""))))
            elif tag == f"{W}t" and all(f.shown for f in fields):
                for n, text in enumerate((child.text or "").split("\t")):  # a tab typed into the text is one
                    if n:
                        _tab(cells, split)
                    cells[-1].append(Piece(text))
            elif tag == f"{W}sdt" and (shown := _bound(child)) is not None:
                cells[-1].append(Piece(shown))
            elif tag in (f"{W}tab", f"{W}ptab") and child.get(f"{W}val") is None:
                _tab(cells, split)
            elif tag in (f"{WP}inline", f"{WP}anchor"):
                cells[-1].extend(self._image(child))
                self._text_box(child, cells, fields, split, depth)
            elif tag == f"{V}shape" and (mark := watermark(child, self._picture)) is not None:
                self.package.watermark = self.package.watermark or mark
                self.watermarked = True
            else:
                self._visit(child, cells, fields, split, depth + 1)

    def _text_box(self, drawing: Element, cells: list[list[Piece]], fields: list[_Field], split: bool,
                  depth: int) -> None:
        """A text box's words: a floating box's paragraphs as lines of a piece placed where its anchor says;
        an inline one's read into the line."""
        boxes = list(drawing.iter(f"{W}txbxContent"))
        extent = drawing.find(f"{WP}extent")
        size = [emu(None if extent is None else extent.get(name)) for name in ("cx", "cy")]
        if drawing.tag != f"{WP}anchor" or not all(size):
            for box in boxes:
                self._visit(box, cells, fields, split, depth + 1)
            return
        lines = tuple(line for box in boxes for line in self.blocks(box, depth + 1))
        shape = drawn_shape(drawing, self.colour_of, self.package.left_out)
        if shape is not None or any(piece.text.strip() for line in lines for cell in line.cells for piece in cell):
            cells[-1].append(Piece(width=(size[0] or 0) / EMU_PER_PT, height=(size[1] or 0) / EMU_PER_PT,
                                   anchor=anchor_of(drawing), box=lines, shape=shape,
                                   **text_place(drawing)))  # type: ignore[arg-type]

    def _picture(self, rid: str, what: str = "watermark picture") -> bytes | None:
        """A picture of the part by its relationship id, if the PDF can draw it (else named in `left_out`)."""
        target = self.rels.get(rid)
        if not target:
            return None
        try:
            data = self.package.read(target)
            check_picture(data, f"picture {target}", what)
        except KeyError:
            return None
        except AssetError as exc:
            # named as the other entries are ("picture media/x.png …"): `check` puts "the letterhead's" before it
            self.package.left_out.append(f"{exc.message.replace(f'the {what}', f'picture {target}')}: {LEFT_OUT}")
            return None
        return data

    def _image(self, drawing: Element) -> Iterator[Piece]:
        """A letterhead picture the PDF can draw (a whole PNG or JPEG of sane size); another (EMF, SVG,
        damaged) is left out of the PDF and named in `left_out` (the DOCX keeps it: Word draws it)."""
        extent, blip = drawing.find(f"{WP}extent"), drawing.find(f".//{A}blip")
        rid = "" if blip is None else blip.get(f"{R}embed", "")
        if extent is None or not self.rels.get(rid):
            return
        data = self._picture(rid, "letterhead picture")
        size = [emu(extent.get(name)) for name in ("cx", "cy")]
        if data is not None and not all(size):
            self.package.left_out.append(f"picture {self.rels[rid]} has no size: {LEFT_OUT}")
        elif data is not None:
            anchor = anchor_of(drawing) if drawing.tag == f"{WP}anchor" else None
            yield Piece(image=data, width=(size[0] or 0) / EMU_PER_PT, height=(size[1] or 0) / EMU_PER_PT,
                        anchor=anchor)


def _bound(sdt: Element) -> str | None:
    """The placeholder of the document property a content control is bound to, or None."""
    binding = sdt.find(f"{W}sdtPr/{W}dataBinding")
    shown = None if binding is None else bound_property(binding.get(f"{W}xpath", ""))
    return None if shown is None else property_placeholder(shown)


def _tab(cells: list[list[Piece]], split: bool) -> None:
    """A tab starts the next part of a line (left, centre, right); inside a table cell it is a space."""
    if split:
        cells.append([])
    else:
        cells[-1].append(Piece(" "))


def _known(code: str) -> str:
    """The placeholder of a field the PDF fills in itself (PAGE, NUMPAGES, a date, FILENAME: document/fields.py),
    or ''."""
    filled = placeholder(code)
    return filled if filled is not None else _FIELDS.get(field_name(code), "")


def _field_char(char: Element, cells: list[list[Piece]], fields: list[_Field]) -> None:
    kind = char.get(f"{W}fldCharType")
    if kind == "begin":
        fields.append(_Field())
        return
    if not fields:
        return
    current = fields[-1]
    if current.shown is None:  # its code is complete: a counted field is drawn here, its stored result not
        placeholder = _known("".join(current.code))
        current.shown = not placeholder
        if placeholder:
            cells[-1].append(Piece(placeholder))
    if kind == "end":
        fields.pop()


def _line(look: StyleLook, align: Align, cells: tuple[tuple[Piece, ...], ...],
          columns: tuple[tuple[float, float, Align], ...] = (), stops: TabStops = (),
          indent: Indent = (0.0, 0.0, 0.0)) -> LetterLine:
    return LetterLine(cells, align, bool(look.bold), look.size, look.colour, look.font, look.space_before or 0.0,
                      look.space_after or 0.0, look.line or 1.0, look.line_exact, look.line_at_least, columns,
                      stops, indent, look.spacing or 0.0)
