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
    ("\u200fقال\u200e 2025 \u202bالجيش\u202c", "قال 2025 الجيش"),  # direction marks and embeddings
    ("dr\u2060ones", "drones"),  # a word joiner
    ("\ufb01nance", "finance"),  # a ligature, as PDF text often holds
    ("\uff21\uff22\uff23 12", "ABC \uff11\uff12"),  # full-width forms
    ("\ufefb", "\u0644\u0627"),  # an Arabic presentation form
    ("\u0648\u0641\u0642\u0627\u064b", "\u0648\u0641\u0642\u064b\u0627"),  # tanween after or before its alef
    ("10\u00b3 and \u00bd", "10\u00b3 AND \u00bd"),  # superscripts and fractions compare as written
])
def test_equivalent_spellings_normalise_alike(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [
    ("25.6 million", "26.5 million"),
    ("top priority", "top priorities"),
    ("rapidly develop", "rapidly developing"),
    ("killed 10\u00b3 soldiers", "killed 103 soldiers"),  # a thousand is not a hundred and three
    ("H\u2082O", "H2O"),
    ("\u00bd cup", "1\u20442 cup"),
    ("x\u00b2", "x2"),
    ("CO\u2082 at 1 m\u00b3", "CO2 at 1 m3"),
])
def test_different_words_stay_different(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)
