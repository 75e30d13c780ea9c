"""Placeholders never ship: the skeleton's sample text, and the `<…>` blanks `suggest` leaves, are errors at
the line to edit; a BLUF that cites no evidence is a warning."""

from __future__ import annotations

from collections.abc import Iterator

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.skeleton import PLACEHOLDER, SAMPLE
from briefgen.model.yamlsrc import Key, Located
from briefgen.sources.textnorm import normalise

_SAMPLES = {normalise(text): text for text in SAMPLE.values()}
_LONGEST = max(map(len, SAMPLE.values())) + 16  # a longer text is no sample, however it is spaced


def _is_placeholder(text: str) -> bool:
    return len(text) <= _LONGEST and (normalise(text) in _SAMPLES or bool(PLACEHOLDER.match(text)))


def placeholders(loaded: Loaded) -> list[Problem]:
    problems = [_problem(src, path, text) for src in (loaded.catalogue_src, loaded.summary_src)
                for path, text in _strings(src.data, ()) if _is_placeholder(text)]
    brief = loaded.summary.brief
    if not brief.bluf_evidence and normalise(brief.bluf) not in _SAMPLES:
        problems.append(loaded.summary_src.problem(
            ("brief", "bluf"), "the bottom line cites no evidence",
            "add `bluf_evidence:` under `brief:`, passages that support it as a judgment's evidence does",
            severity="warning"))
    return problems


def _strings(data: object, path: Key) -> Iterator[tuple[Key, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*path, i))


def _problem(src: Located, path: Key, text: str) -> Problem:
    if PLACEHOLDER.match(text):
        return src.problem(path, f"{text.strip()!r} is a blank left to fill in",
                           "write the value in place of the angle brackets")
    return src.problem(path, f"still the skeleton's sample text {text!r}",
                       "write your own in its place: briefs never ship the sample")
