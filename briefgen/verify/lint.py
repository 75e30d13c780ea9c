"""Analytic lint after ICD 203: advice (warnings) about how judgments are worded and supported."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.schema import ALL_LIKELIHOODS, LIKELIHOOD_ROWS, Judgment
from briefgen.verify.passages import Verification

# Longest first, so "very unlikely" is seen before "unlikely" and "likely".
_TERMS = sorted(ALL_LIKELIHOODS, key=len, reverse=True)
_TERM_RE = re.compile(r"\b(" + "|".join(re.escape(t) for t in _TERMS) + r")\b", re.IGNORECASE)
_CONFIDENCE_RE = re.compile(r"\b(high|moderate|low)[- ]confidence\b|\bconfidence\b", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")


def lint(loaded: Loaded, verification: Verification) -> list[Problem]:
    row = LIKELIHOOD_ROWS[loaded.summary.brief.likelihood_row]
    problems: list[Problem] = []
    for i, judgment in enumerate(loaded.summary.judgments):
        for path, message, hint in _judgment_findings(judgment, row, loaded.summary.brief.likelihood_row):
            problems.append(loaded.summary_src.problem(("judgments", i, *path), f"{judgment.id}: {message}", hint,
                                                       severity="warning", item=judgment.id))
        check = verification.items.get(judgment.id)
        if check and not check.failed and check.originators < 2:
            problems.append(loaded.summary_src.problem(
                ("judgments", i, "evidence"), f"{judgment.id}: rests on a single originator",
                "look for corroboration, or say in the statement that it is single-source",
                severity="warning", item=judgment.id))
    return problems


def _judgment_findings(j: Judgment, row: tuple[str, ...], row_name: str) -> Iterator[tuple[tuple[str, ...], str, str]]:
    if j.likelihood and j.likelihood not in row:
        yield ("likelihood",), f"{j.likelihood!r} is not in the declared {row_name!r} row", (
            f"use one of: {', '.join(row)}")
    for sentence in _SENTENCE_RE.split(j.statement):
        terms = [m.group(1).lower() for m in _TERM_RE.finditer(sentence)]
        if terms and _CONFIDENCE_RE.search(sentence):
            yield ("statement",), "mixes a confidence level and a likelihood term in one sentence", (
                "state confidence in the `confidence` field and likelihood in the sentence (ICD 203)")
        for term in terms:
            if term not in row:
                yield ("statement",), f"uses {term!r}, outside the declared {row_name!r} row", (
                    f"use one of: {', '.join(row)}")
            elif j.likelihood and term != j.likelihood:
                yield ("statement",), f"says {term!r} but declares likelihood {j.likelihood!r}", (
                    "make the wording and the `likelihood` field agree")
            elif not j.likelihood:
                yield ("statement",), f"says {term!r} but declares no likelihood", (
                    f"add `likelihood: {term}`")
