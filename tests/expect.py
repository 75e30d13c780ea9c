"""What a reader must find in our DOCX and PDF files, derived from the document model alone.

Normalisation, and why each step is legitimate:
- XML 1.0 cannot hold C0 control characters (other than tab, LF, CR), U+FFFE or U+FFFF, and discourages DEL
  and the C1 controls, which no font draws. The model's schema refuses them all; if one reaches a writer
  anyway (a seed file name, a hand-built document), both formats print U+FFFD in its place, and so does the
  expectation. Metadata fields and header/footer lines are single lines (see one_line).
- DOCX: python-docx writes tab as <w:tab/> and CR or LF as <w:br/>, which read back as tab and LF; CR is
  therefore compared as LF. Nothing else changes: the DOCX must hold every other character exactly.
- PDF: the page is searched with white space removed, because reportlab breaks lines at spaces (and inside
  words longer than a line) and pypdf puts its own spaces and line feeds where the text moves. Styles set in
  capitals (banner, section headings, box titles, tags) are compared in str.upper(), which is what is drawn.
  A zero-width space is an invisible line-break hint, so it is removed too, as are the bidi format characters
  (LRM, RLM, embeddings, isolates), which the PDF does not draw once it has ordered the text; a soft hyphen is
  another: it prints nothing, or a hyphen where reportlab breaks the line at it, so either is accepted. A character no
  bundled font has a glyph for is drawn as the .notdef box and extracts as U+0000: the expectation says so,
  at that position (the text is then not searchable in the PDF: see test_properties' module docstring).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefgen.document.nodes import (
    Banner,
    Block,
    Box,
    BulletList,
    Document,
    Heading,
    Link,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Span,
)
from briefgen.document.nodes import Table as DocTable
from briefgen.document.outline import without_skipped_levels
from briefgen.writers.pdf.shaping import reorders

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
ZERO_WIDTH_SPACE, SOFT_HYPHEN = "\u200b", "\u00ad"
# the bidi format characters (marks, embeddings, overrides, isolates): they order the text, and the PDF draws
# none of them (writers/bidi.unmarked); the DOCX keeps them for Word to order the text by
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
UNDRAWN = BIDI_CONTROLS | {ZERO_WIDTH_SPACE}
Inline = Span | Link | NoteRef


def xml_safe(text: str) -> str:
    return XML_ILLEGAL.sub("\ufffd", text)


def uri(url: str) -> str:
    """A link's target as a PDF stores it: ASCII only, so anything else is UTF-8 percent-encoded (an IRI
    mapped to a URI, RFC 3987 §3.1); printable ASCII is kept, the space is encoded."""
    return "".join(char if "!" <= char <= "~" else "".join(f"%{byte:02X}" for byte in char.encode())
                   for char in xml_safe(url))


def one_line(text: str) -> str:
    """Header and footer lines: white space runs become one space (a line feed there would print as a box)
    and soft hyphens go (the line never breaks, so one could only print as a stray hyphen). XML-illegal
    characters were replaced first, so they print as U+FFFD there too."""
    return " ".join(text.replace(SOFT_HYPHEN, "").split())


def info(text: str) -> str:
    """A document information field (PDF) or core property (DOCX): control characters replaced, one line."""
    return one_line(xml_safe(text))


def docx_form(text: str) -> str:
    return xml_safe(text).replace("\r", "\n")


PDF_DRAWS = {"\ufeff": "\u2060"}  # what the PDF writer draws for a character (writers/pdf/fonts.runs)


def pdf_pattern(text: str, caps: bool = False) -> str:
    """A regular expression for `text` as extracted from the PDF with white space removed (pdf_squash)."""
    text = xml_safe(text.upper() if caps else text)
    out, hyphens = [], 0
    for char in text:
        if char.isspace() or char in UNDRAWN:
            continue
        if char == SOFT_HYPHEN:
            hyphens += 1
            continue
        if hyphens:  # one quantifier per run: "-?-?-?…" would backtrack exponentially on a miss
            out.append(f"-{{0,{hyphens}}}")
            hyphens = 0
        out.append(re.escape(PDF_DRAWS.get(char, char)))  # a character no font has is drawn as a box, kept in text
    return "".join(out) + (f"-{{0,{hyphens}}}" if hyphens else "")


def pdf_squash(extracted: str) -> str:
    """Extracted PDF text with white space, zero-width spaces and bidi format characters removed."""
    return "".join(c for c in extracted if not c.isspace() and c not in UNDRAWN)


# ---------------------------------------------------------------- body text, in reading order


def pieces(doc: Document) -> Iterator[tuple[str, bool]]:
    """Every literal text of the body in reading order, with whether its style prints it in capitals.

    The writers draw the outline without skipped levels (document/outline.py): a template's first `<h2>`
    with no `<h1>` before it is drawn as a section heading, in a section heading's capitals."""
    for block in without_skipped_levels(doc).blocks:
        yield from _block_pieces(block)


def in_drawing_order(pieces: Iterable[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """One paragraph's pieces, or none when the PDF draws that paragraph's glyphs in another order than the
    characters are written (right-to-left or shaped text: tests/test_scripts.py checks those by script)."""
    found = list(pieces)
    return [] if reorders("".join(text for text, _ in found)) else found


def _block_pieces(block: Block) -> Iterator[tuple[str, bool]]:
    if isinstance(block, Banner):
        yield from in_drawing_order([(block.text, True)])
    elif isinstance(block, Heading):
        yield from in_drawing_order(inline_pieces(block.content, caps=block.level == 1))
    elif isinstance(block, Paragraph):
        yield from in_drawing_order(inline_pieces(block.content))
    elif isinstance(block, Box):
        yield from in_drawing_order([(block.title, True)])
        for inner in block.blocks:
            yield from _block_pieces(inner)
    elif isinstance(block, BulletList):
        for item in block.items:
            yield from in_drawing_order(inline_pieces(item))
    elif isinstance(block, DocTable) and block.columns:
        for c in block.columns:
            yield from in_drawing_order([(c.title, False)])
        for row in block.rows:
            for i in range(len(block.columns)):
                yield from in_drawing_order(inline_pieces(row[i] if i < len(row) else ()))
    elif isinstance(block, Quote):
        yield from in_drawing_order(inline_pieces(block.content))
        yield from in_drawing_order(inline_pieces(block.attribution))


def inline_pieces(runs: tuple[Inline, ...], caps: bool = False) -> Iterator[tuple[str, bool]]:
    for run in runs:
        if isinstance(run, Span):
            yield run.text, caps or run.tag
        elif isinstance(run, Link):
            yield run.label, caps


def find_in_order(haystack: str, patterns: list[str]) -> str | None:
    """None if every pattern occurs in `haystack`, each after the previous one; else the first one missing."""
    at = 0
    for pattern in patterns:
        found = re.compile(pattern).search(haystack, at)
        if found is None:
            return pattern
        at = found.end()
    return None


# ---------------------------------------------------------------- DOCX paragraphs and notes


def docx_paragraphs(doc: Document) -> list[str]:
    """The body paragraphs python-docx must read back, empty ones left out.

    A note's first citation is a footnote reference mark (no text); a repeated citation shows the note's
    number (a NOTEREF field's result); adjacent marks are separated by a comma."""
    numbers: dict[str, int] = {}
    out: list[str] = []
    for block in doc.blocks:
        out.extend(_docx_block(block, numbers))
    return [p for p in out if p]


def _docx_block(block: Block, numbers: dict[str, int]) -> list[str]:
    if isinstance(block, Banner):
        return [docx_form(block.text)]
    if isinstance(block, Heading | Paragraph):
        return [docx_inline(block.content, numbers)]
    if isinstance(block, Box):
        return [docx_form(block.title), *(p for inner in block.blocks for p in _docx_block(inner, numbers))]
    if isinstance(block, BulletList):
        return [docx_inline(item, numbers) for item in block.items]
    if isinstance(block, DocTable):
        if not block.columns:
            return []
        cells = [docx_form(c.title) for c in block.columns]
        width = len(block.columns)
        return cells + [docx_inline(row[i] if i < len(row) else (), numbers) for row in block.rows
                        for i in range(width)]
    if isinstance(block, Quote):
        return [docx_inline(block.content, numbers), docx_inline(block.attribution, numbers)]
    raise AssertionError(f"unknown block {block!r}")


def docx_inline(runs: tuple[Inline, ...], numbers: dict[str, int]) -> str:
    text, previous = "", None
    for run in runs:
        if isinstance(run, NoteRef):
            text += "," if isinstance(previous, NoteRef) else ""
            key = run.note.key
            text += str(numbers[key]) if key in numbers else ""
            numbers.setdefault(key, len(numbers) + 1)
        else:
            text += docx_form(run.label if isinstance(run, Link) else run.text)
        previous = run
    return text


def first_notes(doc: Document) -> list[Note]:
    """One note per key, in the order of first citation (the DOCX numbers its footnotes this way)."""
    seen: dict[str, Note] = {}
    for note in doc.notes():
        seen.setdefault(note.key, note)
    return list(seen.values())


def note_text(note: Note) -> str:
    return "".join(run.label if isinstance(run, Link) else run.text for run in note.content)


def links(doc: Document) -> list[Link]:
    """Every Link in the body."""
    found: list[Link] = []

    def visit(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Box):
                visit(block.blocks)
                continue
            runs = _runs_of(block)
            found.extend(run for run in runs if isinstance(run, Link))

    visit(doc.blocks)
    return found


def _runs_of(block: Block) -> list[Inline]:
    if isinstance(block, Heading | Paragraph):
        return list(block.content)
    if isinstance(block, BulletList):
        return [run for item in block.items for run in item]
    if isinstance(block, DocTable):
        return [run for row in block.rows for cell in row[:len(block.columns)] for run in cell]
    if isinstance(block, Quote):
        return [*block.content, *block.attribution]
    return []
