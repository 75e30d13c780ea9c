from __future__ import annotations

import pytest

from briefgen.model.numbers import missing_numbers, read_numbers, read_stated


@pytest.mark.parametrize(("text", "expected"), [
    ("one million", [1e6]),
    ("about 1 million", [1e6]),
    ("more than a million active troops", [1e6]),
    ("more than seven million reservists", [7e6]),
    ("roughly 25.6 million", [25.6e6]),
    ("$457 million to $1.19 billion", [457e6, 1.19e9]),
    ("nearly $10 billion in weapons", [10e9]),
    ("five North Korean drones", [5]),
    ("twenty-five people", [25]),
    ("1,250 units", [1250]),
    ("2.7M gallons", [2.7e6]),
    ("In 2022, South Korea", [2022]),
    ("tens of thousands of soldiers", []),
    ("millions more reservists", []),
])
def test_reads_digits_and_words(text: str, expected: list[float]) -> None:
    assert read_numbers(text) == pytest.approx(expected)


def test_missing_numbers_compares_across_spellings() -> None:
    assert missing_numbers("about 1 million", ["an estimated one million troops"]) == []
    assert missing_numbers("26.5 million", ["a population of roughly 25.6 million"]) == [26.5e6]
    assert missing_numbers("$457 million to $1.19 billion", ["only $457 million to $1.19 billion in return"]) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("about two-thirds of pending orders", [("fraction", 2 / 3)]),
    ("only half of the clinics", [("fraction", 0.5)]),
    ("about a quarter higher", [("fraction", 0.25)]),
    ("three in four first launches fail", [("fraction", 0.75)]),
    ("one out of five", [("fraction", 0.2)]),
    ("nine-tenths of the exports", [("fraction", 0.9)]),
    ("98 percent", [("percent", 98)]),
    ("12 per cent", [("percent", 12)]),
    ("61.4%", [("percent", 61.4)]),
    ("between 30 and 40 percent", [("percent", 30), ("percent", 40)]),
    ("30-40%", [("percent", 30), ("percent", 40)]),
    ("$1-2 billion", [("plain", 1e9), ("plain", 2e9)]),
    ("in the third quarter", []),
    ("rose 2 in 2022", [("plain", 2), ("plain", 2022)]),
])
def test_reads_shares_percentages_and_ranges(text: str, expected: list[tuple[str, float]]) -> None:
    found = read_stated(text)
    assert [s.kind for s in found] == [kind for kind, _ in expected]
    assert [s.value for s in found] == pytest.approx([value for _, value in expected])


def test_a_share_in_words_equals_its_rounded_percentage_and_fraction() -> None:
    (share,) = read_stated("two-thirds")
    assert share.matches(read_stated("67 percent")[0]) and share.matches(read_stated("66.7%")[0])
    assert share.matches(read_stated("2 thirds of")[0])
    assert not share.matches(read_stated("60 percent")[0]) and not share.matches(read_stated("2")[0])
    assert share.fits(0.67) and share.fits(66.7) and share.fits(67)
    assert not share.fits(2) and not share.fits(0.6)
    assert read_stated("98 percent")[0].fits(0.98) and read_stated("98 percent")[0].fits(98)
    assert share.describe() == "0.6667 (66.7%)"


def test_missing_numbers_compares_shares_across_spellings() -> None:
    assert missing_numbers("about two-thirds", ["some 67 percent of orders"]) == []
    assert missing_numbers("half", ["only half of the clinics"]) == []
    assert missing_numbers("a quarter", ["a third of them"]) == [0.25]
