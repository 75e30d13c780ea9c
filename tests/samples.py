"""Hand-built documents for the writer tests: no templates, no summary model involved."""

from __future__ import annotations

from briefgen.document.nodes import (
    Banner,
    Box,
    BulletList,
    Column,
    Document,
    Heading,
    Link,
    Meta,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Span,
    Table,
)

NOTE_A = Note("src-a#4", (Span("Example Originator, "), Span("A Report Title", italic=True),
                          Span(", published 2025-09, ¶4 (seeds/a.txt), accessed 2026-11-20.")))
NOTE_B = Note("src-b#7", (Span("Originator unknown, "), Span("Another Title", italic=True),
                          Span(", 2025-09, ¶7 (seeds/b.txt), accessed 2026-11-20.")))
NOTE_A_SHORT = Note("src-a#9", (Span("Example Originator, "), Span("A Report Title", italic=True),
                                Span(", ¶9.")))

HOSTILE = "**bold?** # [^1] <b>tag</b> & {{ jinja }} 김정은 \u05e9\u05dc\u05d5\u05dd 🚀"


def sample_document() -> Document:
    """A short brief exercising every block type, a repeated note and hostile literal text."""
    return Document(
        meta=Meta(title="Sample Brief", subject="Testing", author="briefgen tests",
                  keywords=("test", "sample"), date="2025-09-19"),
        blocks=(
            Banner("Unclassified // for testing"),
            Heading(0, (Span("Sample Brief"),)),
            Paragraph((Span("Information as of 19 September 2025"),), style="meta"),
            Box("Bottom line", (Paragraph((Span("The bottom line, stated first."), NoteRef(NOTE_A))),)),
            Heading(1, (Span("Key judgments"),), anchor="judgments"),
            Paragraph((Span("HIGH CONFIDENCE", tag=True), Span(" "), Span("First judgment "),
                       Span("in bold", bold=True), Span(" and "), Span("italic", italic=True), Span("."),
                       NoteRef(NOTE_A), NoteRef(NOTE_B))),
            Paragraph((Span(HOSTILE), NoteRef(NOTE_A_SHORT))),
            BulletList(((Span("One bullet"), NoteRef(NOTE_B)), (Span("Two bullet, see "),
                                                               Link("the site", "https://example.org/x?a=1&b=2")))),
            Heading(1, (Span("Key figures"),), anchor="figures"),
            Table(
                columns=(Column("Figure", 2.0), Column("Value", 1.0, "right")),
                rows=(((Span("Active troops"),), (Span("about 1 million"), NoteRef(NOTE_B))),
                      ((Span("Population"),), (Span("25.6 million"),))),
            ),
            Heading(1, (Span("Quotes"),), anchor="quotes"),
            Quote((Span("“A quoted sentence.”"), NoteRef(NOTE_A)), (Span("— Kim Jong Un (김정은)"),)),
        ),
    )


# The notes a writer must print for sample_document(): NOTE_A cited 3 times on one page counts once.
EXPECTED_NOTE_KEYS = ("src-a#4", "src-b#7", "src-a#9")
