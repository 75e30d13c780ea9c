"""The spillage check's search (render/needles.py), on its own: both ways of seeking many pieces give the same
answer, and a withheld text is found through every transformation a writer or a template applies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.render.needles import Finder, Haystack, Needle, sought

WORDS = ["drone", "production", "sunan", "works", "serial", "strike", "already", "under", "way", "cell",
         "procurement", "hidden", "line", "billion", "factories", "shifts", "自春季以来在无人机生产线上"]
phrases = st.lists(st.sampled_from(WORDS), min_size=6, max_size=20).map(" ".join)


def _needles(texts: list[str]) -> list[Needle]:
    found = [sought(f"text {i}", text, "", "") for i, text in enumerate(texts)]
    return [n for n in found if n is not None]


@settings(max_examples=60, deadline=None)
@given(withheld=st.lists(phrases, min_size=1, max_size=8), brief=st.lists(st.sampled_from(WORDS), max_size=80),
       cut=st.integers(0, 7))
def test_scanning_a_text_once_finds_what_seeking_each_piece_finds(withheld: list[str], brief: list[str],
                                                                   cut: int) -> None:
    words = [*brief, *withheld[0].split()[cut:], *brief]  # a withheld text, perhaps cut short, inside the brief
    hay = Haystack.of(" ".join(words))
    needles = _needles(withheld)
    by_each, by_scan = Finder(needles), Finder(needles)
    by_each.SCAN, by_scan.SCAN = 10**9, 0
    assert set(by_each.found(hay)) == set(by_scan.found(hay))


STATEMENT = "Serial production of strike drones has already begun at the Sunan works, outside public view."
TRANSFORMED = {
    "upper case": STATEMENT.upper(),
    "hyphenated at a line end": STATEMENT.replace("production", "produc-\ntion"),
    "soft hyphens": STATEMENT.replace("drones", "dro\u00adnes"),
    "ligature": STATEMENT.replace("fi", "\ufb01"),
    "curly quotes and dashes": STATEMENT.replace(", ", " \u2014 "),
    "cut short": STATEMENT[:48],
    "elided": "Serial production of strike drones \u2026 the Sunan works, outside public view.",
    "look-alike letters": STATEMENT.replace("o", "\u043e"),
    "percent-encoded": STATEMENT.replace(" ", "%20"),
}


@pytest.mark.parametrize("case", sorted(TRANSFORMED))
def test_a_withheld_statement_is_found_through_each_transformation(case: str) -> None:
    needle = sought("judgment", STATEMENT, "", "")
    assert needle is not None
    assert Finder([needle]).found(Haystack.of(f"Before. {TRANSFORMED[case]} After.")), case


def test_words_the_audience_is_shown_are_not_sought() -> None:
    assert sought("quote", "three shifts on the drone lines", "they run three shifts on the drone lines", "") is None
