"""A web page's note marks in brackets, as Wikipedia and the HTML that Google Docs and Word export set them
("priority[1]", "residents.[3]", "[4][5]", "[citation needed]", "[注 1]"): a passage typed from the page without
them is found, as it is with a note's number (test_seed_note_numbers.py), and a passage copied with them too."""

from __future__ import annotations

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.marks import unmarked
from briefgen.sources.seeds import Seed

# Google Docs' "Download as HTML": a footnote's reference is a link in brackets in a <sup>, glued to its word
GOOGLE_DOCS = (
    b'<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
    b".c1{color:#000000;font-size:11pt;font-family:\"Arial\"}.c2{vertical-align:super}</style></head>"
    b'<body class="c3 doc-content"><p class="c0"><span class="c1">The ministry called the programme a top priority'
    b'</span><sup class="c2"><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span class="c1"> and said talks would '
    b'resume within weeks.</span></p><hr class="c4"><div><p class="c5"><a href="#ftnt_ref1" id="ftnt1">[1]</a>'
    b'<span class="c6">&nbsp;The ministry&#39;s bulletin of 4 March.</span></p></div></body></html>'
)

# A Wikipedia article's paragraphs: reference marks after numbers, stops and words, several in a row, a
# maintenance tag, and in Chinese and Japanese text, which goes on after the mark without a space
WIKIPEDIA = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Ridge - Wikipedia</title></head><body>'
    '<div id="mw-content-text"><div class="mw-parser-output">'
    '<p>The district had a population of 1,204,000.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">'
    '&#91;1&#93;</a></sup> Its port handles most of the trade<sup class="reference"><a href="#c2">[2]</a></sup>'
    '<sup class="reference"><a href="#c3">[3]</a></sup> of the region.</p>'
    '<p>The council approved the plan<sup class="noprint Inline-Template Template-Fact"><i>[<a href="#cn">'
    '<span title="This claim needs references">citation needed</span></a>]</i></sup> in a close vote.</p>'
    '<p lang="zh">无人机数量已经达到四百架。<sup class="reference"><a href="#c4">[4]</a></sup>'
    '国防部表示将加强巡逻。</p>'
    '<p lang="ja">防衛省は無人機の増加を発表した<sup class="reference"><a href="#c5">[注 1]</a></sup>。</p>'
    "</div></div></body></html>"
).encode()


def _seed(page: bytes) -> Seed:
    found = extract(FORMATS[".html"], page, reading="blocks")
    return Seed("seeds/page.html", "seeds/page.html", "\n".join(found.paragraphs))


def test_a_google_docs_page() -> None:
    seed = _seed(GOOGLE_DOCS)
    for passage in ("a top priority and said talks would resume", "a top priority[1] and said talks would resume",
                    "The ministry's bulletin of 4 March"):
        assert find(seed, passage).spans, passage


def test_a_wikipedia_page() -> None:
    seed = _seed(WIKIPEDIA)
    for passage in ("The district had a population of 1,204,000. Its port handles most of the trade of the region.",
                    "a population of 1,204,000.[1] Its port handles most of the trade[2][3] of the region",
                    "The council approved the plan in a close vote.",
                    "无人机数量已经达到四百架。国防部表示将加强巡逻", "防衛省は無人機の増加を発表した。"):
        assert find(seed, passage).spans, passage
    # leaving a mark out never drops a digit of the passage: "1,204,0001" is not the page's number
    assert not find(seed, "a population of 1,204,0001").spans


def test_what_counts_as_a_bracketed_mark() -> None:
    """Glued to what it marks, it is a mark; set apart by a space, or a word in brackets, it is text."""
    assert [unmarked(text) for text in ("in 2024[1] and", "said.[iv] Then", "priority[note 2] by",
                                        "said[who?] and")] == ["in 2024 and", "said. Then", "priority by", "said and"]
    for kept in ("the [Article 5] now", "items [1] spaced", "km2 of", "a [sic] b"):
        assert unmarked(kept) == kept
