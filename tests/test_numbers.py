from __future__ import annotations

import pytest

from briefgen.model.numbers import missing_numbers, read_numbers


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
