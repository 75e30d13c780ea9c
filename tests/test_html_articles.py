"""Web pages read as articles: the corpus of saved pages (tests/corpus/), and the catalogue's `reading` option."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.marks import unmarked
from briefgen.sources.textnorm import normalise
from tests.conftest import ROOT
from tests.helpers import append_entry, citations, model, save_model
from tests.seed_fixtures import PASSAGE, html_seed

CORPUS = Path(__file__).parent / "corpus"
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
HTML = FORMATS[".html"]


def read(name: str, reading: str = "article") -> list[str]:
    return list(extract(HTML, (CORPUS / "html" / f"{name}.html").read_bytes(), None, reading).paragraphs)


def shares() -> tuple[float, float]:
    """(share of the corpus's article paragraphs kept, share of its clutter blocks dropped), over all pages."""
    kept = article = dropped = clutter = 0
    for name, truth in TRUTH.items():
        found = {normalise(unmarked(p)) for p in read(name)}  # a list item read with its number ("1. ")
        article += len(truth["article"])
        kept += sum(normalise(p) in found for p in truth["article"])
        clutter += len(truth["clutter"])
        dropped += sum(normalise(c) not in found for c in truth["clutter"])
    return kept / article, dropped / clutter


def test_corpus_has_ten_layouts() -> None:
    assert len({t["layout"] for t in TRUTH.values()}) >= 10


# The one page of the corpus where ¶1 is not the article's: the press release's bold "Press release" label sits
# inside the article's table cell, and the extractor keeps it.
LABELLED = {"clinic-data": 1}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_paragraph_one_is_the_article_first_block(name: str) -> None:
    found = read(name)
    skip = LABELLED.get(name, 0)
    assert found[skip] == TRUTH[name]["article"][0]
    assert TRUTH[name]["title"] not in found
    if skip:
        assert found[:skip] == ["Press release"]


def test_article_kept_and_clutter_dropped_across_the_corpus() -> None:
    kept, dropped = shares()
    # measured: every article paragraph kept (52 of 52); 87 of 93 clutter blocks dropped (93.5%): a press
    # release's "Press release" label, contact line and "Page last updated" line, a wire sign-off, an old CMS's
    # print link and copyright stay. The raw-blocks reading drops none of them.
    assert kept == 1.0
    assert dropped >= 0.9


def test_article_numbers_match_the_page_in_order() -> None:
    assert read("gulf-chips")[2:4] == ["What the buyers want", TRUTH["gulf-chips"]["article"][3]]
    assert read("rail-link")[:6] == TRUTH["rail-link"]["article"]


def test_raw_blocks_reading_keeps_everything() -> None:
    blocks = read("gulf-chips", "blocks")
    assert blocks[0].startswith("We use cookies")
    first = blocks.index(TRUTH["gulf-chips"]["article"][0]) + 1
    assert first > 5  # the cookie banner, the navigation and the headline come first
    assert "Related stories" in blocks


def test_raw_blocks_reading_drops_no_clutter() -> None:
    for name, truth in TRUTH.items():
        found = {normalise(unmarked(p)) for p in read(name, "blocks")}
        assert all(normalise(c) in found for c in truth["clutter"]), name


def test_catalogue_reading_blocks_numbers_every_block(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    html_seed(ws / "seeds" / "page.html")
    append_entry(ws, "page", "page.html", "Example News")
    data = model(ws)
    data["judgments"][0]["evidence"].append({"source": "page", "passage": PASSAGE})
    save_model(ws, data)
    cited = citations(ws)[data["judgments"][0]["id"]]
    assert [c["paragraph"] for c in cited if c["file"] == "seeds/page.html"] == [2]
    catalogue = ws / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "    reading: blocks\n", encoding="utf-8")
    cited = citations(ws)[data["judgments"][0]["id"]]
    assert [c["paragraph"] for c in cited if c["file"] == "seeds/page.html"] == [4]  # nav ¶1, headline ¶2


# Visible paragraphs under the attributes trafilatura takes for hiding (checked with w3m -dump, which shows each).
CUED = """<!doctype html><html><head><title>Drones</title></head><body><header><a href="/">Site</a></header>
<div class="content" style="overflow: hidden"><h1>Officials announce a drone programme for the north</h1>
<p>The ministry of defence announced on Tuesday that a new drone programme would begin next year.</p>
<p class="intro hidden-xs">Officials said the drones would patrol the border day and night from March.</p>
<p class="lede hide-print">Critics said the programme was too expensive and would not stop smuggling.</p>
<div id="hidden-costs"><p>The programme costs about 400 million dollars over its first five years.</p></div>
<p aria-hidden="true">A pull quote repeated for the eye: the border will be watched day and night.</p>
<p>The last paragraph of the article body, with a final sentence for the reader to copy.</p>
</div><footer>Copyright 2024</footer></body></html>"""


def test_attributes_trafilatura_reads_as_hiding_keep_visible_paragraphs() -> None:
    """`overflow: hidden`, a class shown but on phones or in print, an id with "hidden" in it, `aria-hidden`:
    a browser shows these paragraphs (the page styles none of them away), so the article keeps them."""
    blocks = list(extract(HTML, CUED.encode(), None, "blocks").paragraphs)
    assert list(extract(HTML, CUED.encode(), None, "article").paragraphs) == blocks[2:-1]  # no site, no headline
    assert len(blocks[2:-1]) == 6


def test_a_page_nested_deeper_than_lxml_reads_loses_no_paragraph() -> None:
    """An old page's unclosed <font> tags nest each paragraph inside the one before (browsers rebuild the open
    formatting elements in each new <p>): lxml's HTML parser stops at 256 open elements and dropped the rest, 273
    of these 400 paragraphs. Such a page is read as raw blocks, every paragraph in its place."""
    paragraphs = [f"Paragraph {n} of the old page, whose font tag is never closed." for n in range(400)]
    page = "<html><head><title>Old</title></head><body><h1>Old page</h1>" + "".join(
        f'<p><font face="Arial">{text}' for text in paragraphs) + "</body></html>"
    found = list(extract(HTML, page.encode(), None, "article").paragraphs)
    assert [p for p in found if p.startswith("Paragraph")] == paragraphs


def test_a_blocks_own_text_and_the_blocks_inside_it_stay_apart() -> None:
    """A <div> with text of its own around a block inside it: a browser shows three lines; the extractor joined
    them with nothing between ("count.The inner"), so no passage copied across them was found and the blocks
    could not be cut apart again. Oracle: the page as written, and w3m -dump, which shows the three lines."""
    texts = ["Loose text before an inner block in the same div, long enough to count.",
             "The inner block of text, which is a div inside the div with its own words.",
             "Tail text after the inner block, again long enough to be a paragraph here."]
    page = ("<html><head><title>T</title></head><body><article><h1>Officials announce a drone programme</h1>"
            "<p>The ministry of defence announced on Tuesday that a new drone programme would begin.</p>"
            f"<div>{texts[0]}<div>{texts[1]}</div>{texts[2]}</div><p>The last paragraph of the article, with a "
            "final sentence for the reader.</p></article></body></html>")
    found = list(extract(HTML, page.encode(), None, "article").paragraphs)
    assert found[1:4] == texts, found


def test_the_cells_of_a_table_and_a_block_quote_inside_a_list_item_stay_apart() -> None:
    """The extractor leaves a table inside a list item as HTML cells in the item's text, which read glued ("Cell A
    oneCell B one"), and a block quote in the run of the item's words ("the itemafter"); a browser shows the cells
    side by side, as the blocks reading's row has them, and the quote on lines of its own (w3m -dump too)."""
    page = ("<html><head><title>T</title></head><body><article><h1>Officials announce a drone programme</h1>"
            "<p>The ministry of defence announced on Tuesday that a new drone programme would begin next year.</p>"
            "<ul><li>An item with a table inside it:<table><tr><td>Cell A one</td><td>Cell B one</td></tr></table>"
            "</li><li>Item text<blockquote>A quote inside the item</blockquote>after the quote</li></ul><p>The last "
            "paragraph of the article, with a final sentence for the reader.</p></article></body></html>")
    found = list(extract(HTML, page.encode(), None, "article").paragraphs)
    assert found[1:6] == ["An item with a table inside it:", "Cell A one Cell B one", "Item text",
                          "A quote inside the item", "after the quote"], found
