"""Markdown seeds as GitHub and pandoc render them: a footnote reference reads as its number after the word (so
a passage with it or without it is found), a note's text without its `[^label]:`, and a Hugo-style TOML front
matter between `+++` lines is metadata, not the document's first paragraph."""

from __future__ import annotations

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed

DOCUMENT = """+++
title = "Drone notes"
date = 2025-03-01
+++

# Findings

The ministry said the programme is a *top priority*[^budget] for 2025, and the army agreed[^army].

A literal [^x] with no note stays as it is written.

[^army]: The army's statement of 4 March.
[^budget]: The annual budget paper.
"""


def _paragraphs() -> tuple[str, ...]:
    return extract(FORMATS[".md"], DOCUMENT.encode("utf-8")).paragraphs


def test_notes_front_matter_and_references_read_as_rendered() -> None:
    assert _paragraphs() == (
        "Findings", "The ministry said the programme is a top priority1 for 2025, and the army agreed2.",
        "A literal [^x] with no note stays as it is written.", "The army's statement of 4 March.",
        "The annual budget paper.")


def test_a_passage_with_or_without_the_note_number_is_found() -> None:
    seed = Seed("notes.md", "seeds/notes.md", "\n".join(_paragraphs()))
    for passage in ("the programme is a top priority for 2025, and the army agreed.",
                    "the programme is a top priority1 for 2025"):
        assert [(s.first, s.last) for s in find(seed, passage).spans] == [(2, 2)]
    assert [(s.first, s.last) for s in find(seed, "The annual budget paper.").spans] == [(5, 5)]
    assert not find(seed, 'title = "Drone notes"').spans
