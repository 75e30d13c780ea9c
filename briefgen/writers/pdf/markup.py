"""Inline runs (Span, Link, NoteRef) to reportlab paragraph markup; every literal character is escaped."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from urllib.parse import quote

from reportlab.lib.colors import Color

from briefgen.document.nodes import Inline, Link, Note, NoteRef, Span, safe_text
from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.writers.pdf import fonts

# (ref id, note number, True if this ref carries the back-link anchor of its number)
Cite = Callable[[Note], tuple[int, int, bool]]
MARKER_CB = "fnref"  # name of the onDraw callback that records where each note reference was drawn


def hex_of(colour: Color) -> str:
    return "#" + str(colour.hexval())[2:]


# Printable ASCII but the space: kept as they are in a PDF URI action, whose string is 7-bit ASCII (PDF 32000
# §12.6.4.7); every other character is UTF-8 percent-encoded, as RFC 3987 §3.1 maps an IRI to a URI.
_URI_SAFE = "".join(chr(code) for code in range(0x21, 0x7F))


def _quoteattr(value: str) -> str:
    """An XML attribute value with its quotes, as xml.sax.saxutils.quoteattr makes it (that module imports
    urllib.request and ssl, ~50 ms, for nothing the writer needs)."""
    value = escape(value, quote=False).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    return f"'{value}'" if "'" not in value else '"' + value.replace('"', "&quot;") + '"'


def pdf_uri(url: str) -> str:
    return quote(url, safe=_URI_SAFE)


def note_dest(number: int) -> str:
    return f"fn{number}"


def ref_dest(number: int) -> str:
    return f"fnref{number}"


class InlineMarkup:
    """Turns inline runs into markup for one paragraph style (family, caps), its tags `tag_size` points."""

    def __init__(self, family: str, tag_family: str, tag_size: float, accent: Color, cite: Cite | None,
                 caps: bool = False, bold: bool = False, italic: bool = False,
                 fontset: FontSet = BUNDLED, spacing: float = 0.0) -> None:
        self.family = family
        self.fontset = fontset
        self.tag_family = tag_family
        self.tag_size = tag_size
        self.accent = hex_of(accent)
        self.cite = cite
        self.caps = caps
        self.bold, self.italic = bold, italic  # the paragraph style's own weight and slant
        # the face a tag's <font> names: spaced as its paragraph's text is (a character style takes the
        # paragraph's letter spacing in Word)
        self.tag_face = fonts.spaced_family(tag_family, tag_size, spacing) if spacing else tag_family

    def text(self, text: str, bold: bool = False, italic: bool = False) -> str:
        return fonts.markup(text.upper() if self.caps else text, self.family, self.bold or bold,
                            self.italic or italic, self.fontset)

    def span(self, span: Span) -> str:
        if span.tag:
            body = fonts.markup(span.text.upper(), self.tag_family, True, self.italic, self.fontset)
            return (f'<font face="{self.tag_face}" size="{self.tag_size:.2f}" '
                    f'color="{self.accent}"><b>{body}</b></font>')
        body = self.text(span.text, span.bold, span.italic)
        if span.bold:
            body = f"<b>{body}</b>"
        if span.italic:
            body = f"<i>{body}</i>"
        return body

    def link(self, link: Link) -> str:
        url = _quoteattr(pdf_uri(safe_text(link.url)))
        return f'<a href={url} color="{self.accent}"><u>{self.text(link.label)}</u></a>'

    def noteref(self, ref: NoteRef) -> str:
        if self.cite is None:
            return ""
        rid, number, first = self.cite(ref.note)
        anchor = f'<a name="{ref_dest(number)}"/>' if first else ""
        return (f'<onDraw name="{MARKER_CB}" label="{rid}"/>{anchor}'
                f'<a href="#{note_dest(number)}" color="{self.accent}"><super>{self.text(str(number))}</super></a>')

    def inline(self, item: Inline) -> str:
        if isinstance(item, Span):
            return self.span(item)
        if isinstance(item, Link):
            return self.link(item)
        return self.noteref(item)

    def __call__(self, items: Iterable[Inline]) -> str:
        parts, previous = [], None
        for item in items:
            if isinstance(item, NoteRef) and isinstance(previous, NoteRef) and self.cite is not None:
                parts.append(f'<super><font color="{self.accent}">{self.text(",")}</font></super>')
            parts.append(self.inline(item))
            previous = item
        return "".join(parts)


def plain(items: Iterable[Inline]) -> str:
    """The literal text of inline runs (outline entries, the footer's banner line)."""
    return "".join(i.text for i in items if isinstance(i, Span | Link))
