"""The format-neutral document model: what templates become and what every writer reads.

Writers see only these types (never jinja, never the summary model); templates never see DOCX or PDF.
Every text field is plain text: writers print it literally, whatever characters it holds.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from briefgen.document.house import House
from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.text import one_line as one_line  # the writers' text rules, re-exported beside the model
from briefgen.text import safe_text as safe_text

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True)
class Span:
    """A run of literal text. `tag` marks a small accent-coloured label (e.g. a confidence level)."""

    text: str
    bold: bool = False
    italic: bool = False
    tag: bool = False


@dataclass(frozen=True)
class Link:
    """A hyperlink; the url scheme is already checked to be http, https or mailto."""

    text: str
    url: str

    @property
    def label(self) -> str:
        """The words a reader sees and a screen reader speaks: the text, or the address itself when a template
        gave the link no text, or none that shows (white space, a zero-width space, a soft hyphen): such a link
        would be invisible, nothing to click, and say nothing."""
        return self.text if any(not c.isspace() and unicodedata.category(c) != "Cf" for c in self.text) else self.url


@dataclass(frozen=True)
class Note:
    """A source footnote. `key` names the cited passage: one note per key in the whole brief (document/notes.py)."""

    key: str
    content: tuple[Span | Link, ...]


@dataclass(frozen=True)
class NoteRef:
    """The place in the text that cites a note (rendered as a superscript number)."""

    note: Note


Inline = Span | Link | NoteRef
Inlines = tuple[Inline, ...]

# ---------------------------------------------------------------- blocks

ParagraphStyle = Literal["body", "lead", "meta", "small"]


@dataclass(frozen=True)
class Banner:
    """The handling / classification line printed at the top of the brief."""

    text: str


@dataclass(frozen=True)
class Heading:
    """level 0 is the document title, 1 a section (bookmarked), 2 a sub-section."""

    level: int
    content: Inlines
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    style: ParagraphStyle = "body"


@dataclass(frozen=True)
class Box:
    """A shaded, outlined box (the bottom line up front)."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    """A list; `levels` each item's depth (0 its top level, up to MOST_LEVEL: a list nested in an item), none
    said: every item at the top."""

    items: tuple[Inlines, ...]
    levels: tuple[int, ...] = ()

    def level(self, index: int) -> int:
        return self.levels[index] if index < len(self.levels) else 0


MOST_LEVEL = 8  # the deepest list level (Word's lists have nine, 0 to 8)


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0
    align: Literal["left", "right", "center"] = "left"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Inlines, ...], ...]


@dataclass(frozen=True)
class Quote:
    """A pull quote with its attribution line; lang: the BCP 47 tag of the quoted words, if known."""

    content: Inlines
    attribution: Inlines = ()
    lang: str | None = None


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a figure's value, or a reported range from `value` up to `high`."""

    label: str
    value: float
    high: float | None = None
    text: str = ""  # the value as the brief prints it ("$457 million to $1.19 billion")


@dataclass(frozen=True)
class Chart:
    """A bar chart of figures sharing one unit, on an axis from zero; `caption` carries the source notes."""

    title: str
    unit: str
    bars: tuple[Bar, ...]
    caption: Inlines = ()

    @property
    def ranged(self) -> bool:
        return any(bar.high is not None for bar in self.bars)

    def alt_text(self) -> str:
        """What the chart shows, in words, for readers who cannot see it: every writer's alternative text for
        the picture (the DOCX picture's description, the PDF Figure's Alt). Each bar's label and its value as
        the brief prints it (a range as its two ends), on the chart's unit."""
        about = ", ".join(one_line(part) for part in ("Bar chart", self.title, f"in {self.unit}" if self.unit else "")
                          if part.strip())
        values = "; ".join(f"{one_line(bar.label)}: {one_line(bar.text) or _bar_value(bar)}" for bar in self.bars)
        return f"{about}. {values}." if values else f"{about}."


def _bar_value(bar: Bar) -> str:
    """A bar's value in digits when the brief gave no printed text: `12`, or `12 to 15` for a range."""
    if bar.high is not None and bar.high != bar.value:
        return f"{bar.value:g} to {bar.high:g}"
    return f"{bar.value:g}"


Block = Banner | Heading | Paragraph | Box | BulletList | Table | Quote | Chart

# ---------------------------------------------------------------- document


@dataclass(frozen=True)
class Meta:
    title: str
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    date: str = "2000-01-01"  # ISO date printed and stored as creation date (never the wall clock)
    language: str = "en"
    file_stem: str = ""  # the brief's file name less its extension (its audience): what a FILENAME field shows


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...]

    def notes(self) -> list[Note]:
        """Every note reference in reading order (duplicates included)."""
        found: list[Note] = []
        for block in self.blocks:
            found.extend(_block_notes(block))
        return found


def _block_notes(block: Block) -> list[Note]:
    runs: list[Inlines] = []
    if isinstance(block, Heading | Paragraph):
        runs.append(block.content)
    elif isinstance(block, Chart):
        runs.append(block.caption)
    elif isinstance(block, Quote):
        runs.extend([block.content, block.attribution])
    elif isinstance(block, BulletList):
        runs.extend(block.items)
    elif isinstance(block, Table):
        runs.extend(cell for row in block.rows for cell in row)
    elif isinstance(block, Box):
        return [n for inner in block.blocks for n in _block_notes(inner)]
    return [i.note for run in runs for i in run if isinstance(i, NoteRef)]


# ---------------------------------------------------------------- presentation


PdfStandard = Literal["ua-1", "ua-1+a-2b"]  # PDF/UA-1, and optionally PDF/A-2b as well
PAGE_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}


@dataclass(frozen=True)
class Theme:
    """How a document looks; both writers honour every field with the same metrics."""

    page_size: Literal["A4", "Letter"] = "A4"
    margins_mm: tuple[float, float, float, float] = (16.0, 18.0, 14.0, 18.0)  # top, right, bottom, left
    body_font: str = "Caladea"  # bundled, or a font a house style names (the PDF draws it in house.pdf_family)
    heading_font: str = "Carlito"  # bundled Caladea and Carlito: the DOCX names their metric twins
    body_size: float = 10.0
    accent: str = "#1F3A5F"
    banner_color: str = "#7A1F1F"
    organisation: str = ""
    footer: str = ""
    logo: Path | None = None
    reference_docx: Path | None = None  # the DOCX is built on this document (its styles, page, letterhead)
    house: House | None = None  # what the reference says, for the PDF and for the styles briefgen adds
    pdf_standard: PdfStandard = "ua-1"  # what the PDF declares and meets besides PDF/UA-1 (docs/accessibility.md)
    fonts: FontSet = BUNDLED  # the faces the brief draws with: a profile's own (look.fonts) before the bundled

    @property
    def page_mm(self) -> tuple[float, float]:
        """Page width and height: the house style's, else the named size."""
        if self.house is not None and self.house.page_mm is not None:
            return self.house.page_mm
        return PAGE_MM[self.page_size]


LOGO_HINT = "set look.logo to a PNG or JPEG file inside templates/"


@dataclass(frozen=True)
class WriteResult:
    path: Path
    pages: int
    notes: int  # footnotes actually printed (after per-page de-duplication)




class Measure(Protocol):
    """A writer's layout answer without writing: pages, and the share of the last page's text height free.
    With a `limit`, a probe that may stop a page past it, answering (limit + 1, 0.0)."""

    def __call__(self, doc: Document, theme: Theme, limit: int | None = None) -> tuple[int, float]: ...


class Writer(Protocol):
    def __call__(self, doc: Document, path: Path, theme: Theme) -> WriteResult: ...
