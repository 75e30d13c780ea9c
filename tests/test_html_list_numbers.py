"""The number a browser draws before an ordered list's item is part of the item as the HTML and Markdown readers
read it, and a passage copied from the page is found with the number or without it, within one item or across
two."""

from __future__ import annotations

import subprocess
import time

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import Span, find
from briefgen.sources.seeds import Seed
from tests.tools import require

HTML = FORMATS[".html"]

# Lists numbered by their attributes only, which w3m (an independent browser) numbers as well.
ATTRIBUTES = """<html><head><title>Lists</title></head><body><h1>Lists</h1>
<p>The ministry listed the steps of the new drone programme in its report on Tuesday.</p>
<ol start="4"><li>Buy two hundred drones from the domestic makers.</li><li>Train the pilots at the new school.</li>
</ol><ol type="a"><li>Patrol the northern border day and night.</li><li>Report every sighting to the army.</li></ol>
<ol type="I" start="3"><li>The first stage ends in March next year.</li><li>The second stage ends in June.</li></ol>
<ol type="i"><li>Costs are shared by the two ministries.</li><li value="9">The budget is reviewed every year.</li>
<li>Parliament votes on the budget each spring.</li></ol>
<ol start="7"><li><div>Seventh</div><p>An item whose text begins in a block inside it.</p></li></ol>
<ul><li>A bulleted item has no number of its own.</li></ul>
<p>The ministry said the programme would be reviewed after its second year of flights.</p></body></html>"""

NUMBERED = ["4. Buy two hundred drones from the domestic makers.", "5. Train the pilots at the new school.",
            "a. Patrol the northern border day and night.", "b. Report every sighting to the army.",
            "III. The first stage ends in March next year.", "IV. The second stage ends in June.",
            "i. Costs are shared by the two ministries.", "ix. The budget is reviewed every year.",
            "x. Parliament votes on the budget each spring.", "7. Seventh",
            "An item whose text begins in a block inside it.", "A bulleted item has no number of its own."]

# Numbers set by what w3m does not read: `reversed` (HTML: counting down from the number of items), the page's
# styles (`list-style-type`, `list-style: none`, an item shown inline), and lists inside lists.
STYLED = """<html><head><title>Lists</title><style>
ol.upper { list-style-type: upper-alpha } ol.quiet { list-style: none } ol.row li { display: inline }
</style></head><body><h1>Lists</h1>
<p>The ministry listed the steps of the new drone programme in its report on Tuesday.</p>
<ol reversed><li>Three steps are left before the first flight.</li><li>Two steps are left.</li>
<li>One step is left.</li></ol>
<ol class="upper"><li>The first lettered step of the plan.</li><li style="list-style-type: lower-roman">A step
numbered in its own style.</li></ol>
<ol class="quiet"><li>A step drawn with no number at all.</li></ol>
<ol style="list-style-type: lower-greek"><li>A step in Greek letters.</li></ol>
<ol style="list-style: decimal-leading-zero inside" start="7"><li>A step with a leading zero.</li></ol>
<ol class="row"><li>Drones</li> <li>Pilots</li></ol>
<ol><li>The outer step of the plan.<ol><li>An inner step under it.</li></ol></li><li>The next outer step.</li></ol>
<p>The ministry said the programme would be reviewed after its second year of flights.</p></body></html>"""

STYLED_ITEMS = ["3. Three steps are left before the first flight.", "2. Two steps are left.",
                "1. One step is left.", "A. The first lettered step of the plan.",
                "ii. A step numbered in its own style.", "A step drawn with no number at all.",
                "α. A step in Greek letters.", "07. A step with a leading zero.", "Drones", "Pilots",
                "1. The outer step of the plan.", "1. An inner step under it.", "2. The next outer step."]


def read(page: str, reading: str) -> list[str]:
    return list(extract(HTML, page.encode(), None, reading).paragraphs)


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_an_ordered_list_reads_with_the_numbers_a_browser_draws(reading: str) -> None:
    found = read(ATTRIBUTES, reading)
    assert [p for p in found if p in NUMBERED] == NUMBERED, found
    assert found[-1].startswith("The ministry said")


def test_the_numbers_are_those_w3m_draws() -> None:
    dumped = subprocess.run([require("w3m"), "-dump", "-cols", "300", "-T", "text/html"], input=ATTRIBUTES,
                            capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in dumped.splitlines()]
    assert all(item in lines for item in NUMBERED[:-1]), lines


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_reversed_styled_and_nested_lists_are_numbered_as_a_browser_does(reading: str) -> None:
    found = read(STYLED, reading)
    items = [p for p in STYLED_ITEMS if p not in ("Drones", "Pilots")]
    row = ["Drones Pilots"] if reading == "blocks" else ["Drones", "Pilots"]  # items set inline: one line
    at = items.index("1. The outer step of the plan.")
    assert [p for p in found if p in STYLED_ITEMS or p in row] == [*items[:at], *row, *items[at:]], found


def seed() -> Seed:
    return Seed("lists.html", "seeds/lists.html", "\n".join(read(ATTRIBUTES, "blocks")))


@pytest.mark.parametrize(("passage", "first", "last"), [
    ("4. Buy two hundred drones from the domestic makers", 3, 3),  # copied with the number (Firefox, lynx)
    ("Buy two hundred drones", 3, 3),  # without it (Chrome)
    ("from the domestic makers. 5. Train the pilots", 3, 4),  # across two items, with the number
    ("from the domestic makers. Train the pilots", 3, 4),  # across two items, without it
    ("every sighting to the army. III. The first stage", 6, 7),
    ("every sighting to the army. The first stage", 6, 7),
])
def test_a_passage_copied_from_a_list_is_found_with_or_without_its_numbers(passage: str, first: int,
                                                                           last: int) -> None:
    assert find(seed(), passage).spans == (Span(first, last),)


def test_a_wrong_number_is_not_found() -> None:
    assert find(seed(), "6. Buy two hundred drones").spans == ()


NOTE = ("# Plan\n\n1. Buy drones.\n1. Train pilots.\n   - A bullet under it.\n1. Patrol.\n\n3) Third starts here.\n"
        "4) Fourth.\n\n- A bullet.\n\n10. Ten.\n    1. Nested one.\n11.\n    ```\n    code first\n    ```\n"
        "12. Twelve.\n\nText after.\n")


def test_a_markdown_list_reads_with_the_numbers_its_rendering_draws() -> None:
    """Counted from the list's first number, whatever numbers the Markdown writes after it ("1." "1." "1." is
    rendered 1, 2, 3): the oracle is the page pandoc renders, as w3m shows it."""
    found = list(extract(FORMATS[".md"], NOTE.encode()).paragraphs)
    assert found == ["Plan", "1. Buy drones.", "2. Train pilots.", "A bullet under it.", "3. Patrol.",
                     "3. Third starts here.", "4. Fourth.", "A bullet.", "10. Ten.", "1. Nested one.",
                     "11. code first", "12. Twelve.", "Text after."]
    page = subprocess.run([require("pandoc"), "-f", "commonmark", "-t", "html"], input=NOTE, capture_output=True,
                          text=True, check=True).stdout
    shown = subprocess.run([require("w3m"), "-dump", "-T", "text/html"], input=page, capture_output=True, text=True,
                           check=True).stdout
    assert [p for p in found if p[0].isdigit()] == [" ".join(line.split()) for line in shown.splitlines()
                                                     if line.strip()[:1].isdigit()]


def test_many_reversed_lists_left_open_are_counted_in_one_pass() -> None:
    """Each reversed list counts its items; a page of thousands of them, none closed, read each to the page's end
    (20,000 took over ten minutes); the lists are now counted once, in one pass."""
    page = "<html><body>" + "<ol reversed><li>x</li>" * 5_000 + "</body></html>"
    started = time.process_time()
    found = list(extract(HTML, page.encode(), None, "blocks").paragraphs)
    assert found[:2] == ["1. x", "1. x"] and len(found) == 5_000
    assert time.process_time() - started < 30  # measured: 1.2 s, as the page without numbers
