"""Passages typed in another typographic convention than the seed's: a French page sets a (narrow) no-break
space inside « » and before : ; ? !, which an analyst quoting it in English, or retyping it, leaves out or
writes with straight quotes. Each spelling is found; words that differ are not."""

from __future__ import annotations

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed

TEXT = ("Le ministre a déclaré\u202f: «\u00a0le programme est la priorité absolue\u00a0» pour 2025\u202f! "
        "Vraiment\u202f? Oui\u00a0; sans doute.")
PAGE = ("<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Défense</title></head><body><article>"
        "<h1>Défense</h1><p>Le ministre a déclaré&#8239;: «&nbsp;le programme est la priorité absolue&nbsp;» pour "
        "2025&#8239;! Vraiment&#8239;? Oui&nbsp;; sans doute. Le texte continue avec assez de mots pour être "
        "gardé.</p><p>Un deuxième paragraphe suit avec assez de mots pour que la page soit lue comme un "
        "article.</p></article></body></html>").encode()


@pytest.mark.parametrize("passage", [
    "«le programme est la priorité absolue»", "« le programme est la priorité absolue »",
    '"le programme est la priorité absolue"', "\u201cle programme est la priorité absolue\u201d",
    "Le ministre a déclaré: «le programme est la priorité absolue» pour 2025!",
    "pour 2025! Vraiment? Oui; sans doute.",
])
@pytest.mark.parametrize("source", ["text", "html"])
def test_french_spacing_either_way(source: str, passage: str) -> None:
    paragraphs = (TEXT,) if source == "text" else extract(FORMATS[".html"], PAGE).paragraphs
    seed = Seed("fr", "seeds/fr", "\n".join(paragraphs))
    assert [(s.first, s.last) for s in find(seed, passage).spans] == [(1, 1)]


@pytest.mark.parametrize("passage", ["«le programme est la priorité» pour", "a déclaré: «le plan est"])
def test_other_words_are_still_not_found(passage: str) -> None:
    assert not find(Seed("fr", "seeds/fr", TEXT), passage).spans
