from __future__ import annotations

import pytest

from briefgen.sources.textnorm import normalise


@pytest.mark.parametrize(("a", "b"), [
    ("Kim’s “top priority”", "kim's \"top priority\""),
    ("newly-introduced", "newly introduced"),
    ("newly‑introduced", "Newly Introduced"),
    ("strongest — position", "strongest position"),
    ("a  \t run\nof   spaces", "a run of spaces"),
    ("TOP PRIORITY", "top priority"),
    ("‘single’", "'single'"),
    ("wait…", "wait..."),
    ("non\u00a0breaking", "non breaking"),
    ("zero\u200bwidth", "zerowidth"),
])
def test_equivalent_spellings_normalise_alike(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [
    ("25.6 million", "26.5 million"),
    ("top priority", "top priorities"),
    ("rapidly develop", "rapidly developing"),
])
def test_different_words_stay_different(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)
