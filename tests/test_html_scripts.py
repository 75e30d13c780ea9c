"""An HTML page's superscripts and subscripts read as the page shows them: `10<sup>3</sup>` is "10³" (a
thousand: a browser's plain-text copy "103" is another number and is not found), `H<sub>2</sub>O` is "H₂O",
a note's number `priority<sup><a href="#fn1">1</a></sup>` is "priority¹"; a passage typed "10^3", "H2O",
"km2", "priority1" or "priority" (the note left out) is found. A <sup> of letters or brackets (`1<sup>st</sup>`,
`<sup>[3]</sup>`) stays as written."""

from __future__ import annotations

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Report</title></head><body><article><h1>Report</h1>"
    "<p>The ministry said on Monday that the drone programme would be expanded across the northern region.</p>"
    "<p>A force of 10<sup>3</sup> soldiers guards an area of 500 km<sup>2</sup>, the ministry said, and "
    "emissions of CO<sub>2</sub> fell by 10<sup>&minus;3</sup> tonnes.</p>"
    "<p>The programme is a top priority<sup id='r1'><a href='#fn1'>1</a></sup> for the 1<sup>st</sup> brigade, "
    "which the report<sup><a href='#c3'>[3]</a></sup> praised in its 2<sup>nd</sup> chapter.</p>"
    "</article></body></html>"
)

FOUND = ["A force of 10³ soldiers guards", "A force of 10^3 soldiers", "an area of 500 km2, the ministry",
         "an area of 500 km², the", "emissions of CO2 fell by 10⁻³ tonnes", "emissions of CO₂ fell by 10^-3 tonnes",
         "a top priority for the 1st brigade", "a top priority1 for the", "a top priority¹ for the 1st brigade",
         "which the report praised in its 2nd chapter", "which the report[3] praised"]


def _seed(reading: str) -> Seed:
    found = extract(FORMATS[".html"], PAGE.encode(), None, reading)
    return Seed("seeds/page.html", "seeds/page.html", "\n".join(found.paragraphs))


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_superscripts_and_subscripts_read_as_the_page_shows_them(reading: str) -> None:
    text = _seed(reading).text
    assert "10³ soldiers" in text and "500 km²," in text and "CO₂ fell by 10⁻³ tonnes" in text
    assert "priority¹ for the 1st brigade" in text and "report[3] praised in its 2nd chapter" in text


@pytest.mark.parametrize("reading", ["article", "blocks"])
@pytest.mark.parametrize("passage", FOUND)
def test_a_passage_typed_or_copied_from_the_page_is_found(reading: str, passage: str) -> None:
    assert find(_seed(reading), passage).spans, passage


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_a_power_is_never_read_as_another_number(reading: str) -> None:
    """"103 soldiers" (a browser's plain copy of 10<sup>3</sup>) is not the page's thousand."""
    seed = _seed(reading)
    for passage in ("A force of 103 soldiers", "fell by 10-3 tonnes"):
        assert not find(seed, passage).spans, passage
