"""Analytic lint after ICD 203: advice (warnings) about how judgments are worded and supported."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.schema import ALL_LIKELIHOODS, LIKELIHOOD_ROWS, Judgment
from briefgen.verify.verdicts import Verification

# Common ways of writing an ICD 203 term, each read as the term of the table it stands for.
VARIANTS = {
    "no chance": "almost no chance", "highly unlikely": "very unlikely", "even chance": "roughly even chance",
    "probably": "probable", "highly likely": "very likely", "almost certainly": "almost certain",
    "remote chance": "remote", "remote possibility": "remote", "remotely": "remote",
    "very improbable": "highly improbable", "improbably": "improbable", "even odds": "roughly even odds",
    "very probable": "highly probable", "nearly certainly": "nearly certain",
}
ROW_OF = {term: name for name, row in LIKELIHOOD_ROWS.items() for term in row}
# Longest first, so "very unlikely" is seen before "unlikely" and "likely", "almost certainly" before "almost
# certain".
_TERMS = sorted([*ALL_LIKELIHOODS, *VARIANTS], key=len, reverse=True)
_TERM_RE = re.compile(r"\b(" + "|".join(re.escape(t) for t in _TERMS) + r")\b", re.IGNORECASE)
_CONFIDENCE_RE = re.compile(r"\b(high|moderate|low)[- ]confidence\b|\bconfidence\b", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
# A statement that says it rests on one source needs no warning that it does: "single-source", "a single
# source", "one source", "sole source", "uncorroborated", "not corroborated", "single originator".
_SAYS_SINGLE_SOURCE = re.compile(r"\b(?:single|one|sole)[- ](?:source|sourced|originator)\b|\buncorroborated\b"
                                 r"|\bnot (?:been |yet )?corroborated\b", re.IGNORECASE)
SINGLE_SOURCE_HINT = ("look for corroboration, or say in the statement that it rests on a single source "
                      "('single-source', 'one source', 'uncorroborated')")


def lint(loaded: Loaded, verification: Verification, worded: list[list[Problem]] | None = None) -> list[Problem]:
    """Each judgment's wording warnings (`worded`, when `wording` made them already), then its support's."""
    problems: list[Problem] = []
    for i, (judgment, words) in enumerate(zip(loaded.summary.judgments, worded or wording(loaded), strict=True)):
        problems.extend(words)
        check = verification.items.get(judgment.id)
        if check and not check.failed and check.originators < 2 and not _SAYS_SINGLE_SOURCE.search(
                judgment.statement):
            problems.append(loaded.summary_src.problem(
                ("judgments", i, "evidence"), f"{judgment.id}: rests on a single originator", SINGLE_SOURCE_HINT,
                severity="warning", item=judgment.id))
    return problems


def wording(loaded: Loaded) -> list[list[Problem]]:
    """The warnings about how each judgment is worded: the model alone decides them."""
    row_name = loaded.summary.brief.likelihood_row
    row = LIKELIHOOD_ROWS[row_name]
    return [[loaded.summary_src.problem(("judgments", i, *path), f"{judgment.id}: {message}", hint,
                                        severity="warning", item=judgment.id)
             for path, message, hint in _judgment_findings(judgment, row, row_name)]
            for i, judgment in enumerate(loaded.summary.judgments)]


Finding = tuple[tuple[str, ...], str, str]


def _judgment_findings(j: Judgment, row: tuple[str, ...], row_name: str) -> Iterator[Finding]:
    if j.likelihood and j.likelihood not in row:
        yield ("likelihood",), f"{j.likelihood!r} is not in the declared {row_name!r} row", (
            f"use one of: {', '.join(row)}")
    for sentence in _SENTENCE_RE.split(j.statement):
        words = [m.group(1).lower() for m in _TERM_RE.finditer(sentence)]
        if words and _CONFIDENCE_RE.search(sentence):
            yield ("statement",), "mixes a confidence level and a likelihood term in one sentence", (
                "state confidence in the `confidence` field and likelihood in the sentence (ICD 203)")
        for word in words:
            yield from _term_findings(j, word, row, row_name)


def _term_findings(j: Judgment, word: str, row: tuple[str, ...], row_name: str) -> Iterator[Finding]:
    """What one estimative word of a statement gets: outside the declared row, or not what the judgment
    declares (or declares nothing)."""
    term = VARIANTS.get(word, word)
    home = ROW_OF[term]
    named = f"{word!r}" if word == term else f"{word!r} (ICD 203 {term!r})"
    same_level = row[LIKELIHOOD_ROWS[home].index(term)]  # the declared row's term for the same likelihood
    if term not in row:
        yield ("statement",), f"uses {named}, of the {home!r} row, outside the declared {row_name!r} row", (
            f"say {same_level!r}, the {row_name!r} row's term for it")
    elif j.likelihood and term != j.likelihood:
        yield ("statement",), f"says {named} but declares likelihood {j.likelihood!r}", (
            "make the wording and the `likelihood` field agree")
    if not j.likelihood:
        yield ("statement",), f"says {named}, of the {home!r} row, but declares no likelihood", (
            f"add `likelihood: {same_level}`")
