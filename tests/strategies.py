"""hypothesis strategies: arbitrary Unicode text, documents for the writers, and summary models.

Text mixes hypothesis' own arbitrary strings (every code point but surrogates, which a Python str from
UTF-8 YAML cannot hold) with fragments chosen to hurt: markup of every layer (brief XML, reportlab's
paragraph markup, jinja, Markdown), right-to-left scripts, emoji sequences, combining marks, characters
missing from the bundled fonts, invisible and line-breaking characters, and words of 1,200 or 5,000 characters.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from briefgen.document.nodes import (
    Banner,
    Block,
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
    Theme,
)
from briefgen.model.disguise import first_disguise, unseen

HOSTILE = (
    "**bold**", "# head", "[^1]", "<b>", "</p>", "<brief>", '<cite n="0"/>', "&", "&amp;", "&nbsp;", "&#0;",
    "{{ 7*7 }}", "{% if x %}", "{#", "]]>", "<![CDATA[x]]>", "<!DOCTYPE x>", "<!--", "\\", "'", '"', "`",
    "<font face='x'>", "<super>", "<onDraw name='fnref'/>", "مرحبا بالعالم", "שלום עולם", "\u202eevil\u202c",
    "김정은", "日本語", "Ελληνικά", "Кириллица", "🚀", "👩\u200d👩\u200d👧", "🇰🇷", "e\u0301", "\u0301",
    "Ș ș ț ļ ŉ", "ß", "ﬁ", "ǅ", "\u200b", "\u00ad", "\u00a0", "\ufeff", "\u2028", "\u3000", "\t", "\n", "\r\n",
    "\U0001d400", "\x85", "\x7f", "\x0b", "\x00", "\ufffe", "\u0378", "\U000f0000",
)
SCHEMA_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")  # what schema.Text refuses


@st.composite
def texts(draw: st.DrawFn, *, legal: bool = False, long: bool = True, min_size: int = 0, parts: int = 5) -> str:
    """Arbitrary text of up to `parts` fragments; `legal` keeps to what the model's schema accepts (no control
    characters, not blank), `long` sometimes (1 in 12) gives a single word of 1,200 or 5,000 characters."""
    chars = st.characters(exclude_categories=["Cs"])
    if long and draw(st.integers(0, 11)) == 11:
        unit = draw(st.text(alphabet=chars, min_size=1, max_size=3))
        length = draw(st.sampled_from([1200, 5000]))
        text = (unit * length)[:length]
    else:
        fragments = [f for f in HOSTILE if not (legal and SCHEMA_ILLEGAL.search(f))]
        fragment = st.one_of(st.sampled_from(fragments), st.text(alphabet=chars, max_size=4 * parts))
        text = " ".join(draw(st.lists(fragment, min_size=1, max_size=parts)))
    if legal:  # what the schema refuses is removed, and blank text gets a visible character (no filtering:
        # a model draws dozens of texts, so even rare rejections would discard most models)
        text = without_disguises(SCHEMA_ILLEGAL.sub("", text))
        text = text if text.strip() and not unseen(text) else text + "·"  # no page shows it: blank too
    return text + "·" * (min_size - len(text))


def without_disguises(text: str) -> str:
    """`text` less the invisible characters the schema refuses as disguising it (model/disguise.py), one by one."""
    while (found := first_disguise(text)) is not None:
        text = text[:found[0]] + text[found[0] + 1:]
    return text


def urls() -> st.SearchStrategy[str]:
    """A link the schema accepts: http(s) or mailto, then any characters but white space and invisible ones."""
    tail = st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc", "Cf", "Zs", "Zl", "Zp"]), min_size=1,
                   max_size=24)
    scheme = st.sampled_from(["https://example.org/", "http://x.test/?q=", "mailto:"])
    return st.builds(lambda s, t: s + t, scheme, tail)  # the excluded categories hold every white space


# ---------------------------------------------------------------- documents, for the writers


def spans(text: st.SearchStrategy[str]) -> st.SearchStrategy[Span]:
    return st.builds(Span, text, st.booleans(), st.booleans(), st.booleans())


@st.composite
def documents(draw: st.DrawFn) -> tuple[Document, Theme]:
    """A document with every block type, arbitrary text everywhere, and notes cited once or many times."""
    short = texts(long=False)
    note_runs = st.lists(st.one_of(spans(short), st.builds(Link, short, urls())), min_size=1, max_size=3)
    notes = [Note(f"key{i}", tuple(draw(note_runs))) for i in range(draw(st.integers(0, 4)))]
    inline = st.one_of(spans(texts()), st.builds(Link, texts(long=False), urls()),
                       *([st.sampled_from(notes).map(NoteRef)] * 2 if notes else []))
    inlines = st.lists(inline, max_size=5).map(tuple)
    short_inlines = st.lists(st.one_of(spans(short), *([st.sampled_from(notes).map(NoteRef)] if notes else [])),
                             max_size=3).map(tuple)
    blocks = st.lists(_block(inlines, short_inlines, short), max_size=7)
    meta = Meta(title=draw(texts(long=False)), subject=draw(texts(long=False)), author=draw(texts(long=False)),
                keywords=tuple(draw(st.lists(short, max_size=3))), date="2025-09-19")
    theme = Theme(organisation=draw(st.one_of(st.just(""), short)), footer=draw(st.one_of(st.just(""), short)))
    return Document(meta, tuple(draw(blocks))), theme


def _block(inlines: st.SearchStrategy[Any], cells: st.SearchStrategy[Any],
           short: st.SearchStrategy[str]) -> st.SearchStrategy[Block]:
    """Any block. Table cells, quotes and boxes hold short text: they are reportlab table rows, which cannot
    break across pages, so a 5,000-character word there is a "does not fit" error, not a property failure."""
    paragraph = st.builds(Paragraph, inlines, st.sampled_from(["body", "lead", "meta", "small"]))
    columns = st.lists(st.builds(Column, short, st.sampled_from([1.0, 2.4]),
                                 st.sampled_from(["left", "right", "center"])), min_size=1, max_size=3)
    table = columns.flatmap(lambda cols: st.builds(
        Table, st.just(tuple(cols)), st.lists(st.lists(cells, min_size=len(cols), max_size=len(cols)).map(tuple),
                                              max_size=3).map(tuple)))
    return st.one_of(
        st.builds(Banner, short),
        st.builds(Heading, st.integers(0, 2), inlines, st.sampled_from(["", "judgments", "x y"])),
        paragraph,
        st.builds(Box, short, st.lists(st.builds(Paragraph, cells), max_size=2).map(tuple)),
        st.builds(BulletList, st.lists(inlines, min_size=1, max_size=3).map(tuple)),
        table,
        st.builds(Quote, cells, cells),
    )
