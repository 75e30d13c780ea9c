"""Placeholders never ship: the skeleton's sample text, and the `<…>` blanks `suggest` leaves, are errors at
the line to edit; a BLUF that cites no evidence is a warning."""

from __future__ import annotations

import re

from briefgen.errors import Problem
from briefgen.model.loader import Loaded
from briefgen.model.skeleton import PLACEHOLDER, SAMPLE
from briefgen.model.yamlsrc import Key, Located
from briefgen.sources.textnorm import normalise

_SAMPLES = {normalise(text): text for text in SAMPLE.values()}
_LONGEST = max(map(len, SAMPLE.values())) + 16  # a longer text is no sample, however it is spaced
# Normalising ASCII text never lengthens it: a shorter ASCII text is no sample (and a blank holds "<")
_SHORTEST = min(map(len, _SAMPLES))


def _ascii_pattern(norm: str) -> str:
    """What ASCII text `normalise` turns into `norm`: any case, a run of white space or hyphens for each
    space, a backquote for an apostrophe, and white space or hyphens around it."""
    parts = {" ": r"[\s-]+", "'": "['`]"}
    return r"[\s-]*" + "".join(parts.get(c, re.escape(c)) for c in norm) + r"[\s-]*\Z"


# For ASCII text (nearly every string of a model), one regular expression decides what normalising each string
# and looking it up would: 150,000 strings of a large model cost ~30 ms instead of ~0.8 s.
_ASCII_SAMPLE = re.compile("|".join(f"(?:{_ascii_pattern(n)})" for n in _SAMPLES), re.IGNORECASE)
_ASCII_PLACEHOLDER = re.compile(f"{_ASCII_SAMPLE.pattern}|(?:{PLACEHOLDER.pattern})", re.IGNORECASE).match


def _is_sample(text: str) -> bool:
    if text.isascii():
        return _ASCII_SAMPLE.match(text) is not None
    return normalise(text) in _SAMPLES


def _is_placeholder(text: str) -> bool:
    return len(text) <= _LONGEST and (_is_sample(text) or bool(PLACEHOLDER.match(text)))


def placeholders(loaded: Loaded) -> list[Problem]:
    problems = [_problem(src, path, text) for src in (loaded.catalogue_src, loaded.summary_src)
                for path, text in _found(src.data, (), [])]
    brief = loaded.summary.brief
    if not brief.bluf_evidence and normalise(brief.bluf) not in _SAMPLES:
        problems.append(loaded.summary_src.problem(
            ("brief", "bluf"), "the bottom line cites no evidence",
            "add `bluf_evidence:` under `brief:`, passages that support it as a judgment's evidence does",
            severity="warning"))
    return problems


def _found(data: object, at: Key, out: list[tuple[Key, str]]) -> list[tuple[Key, str]]:
    """Every placeholder string in `data` with its key path, in document order (a path is built only for a
    collection or a hit: a large model has 150,000 strings)."""
    if isinstance(data, str):
        if _is_placeholder(data):
            out.append((at, data))
        return out
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if type(value) is str:
            if (n := len(value)) <= _LONGEST and ((n >= _SHORTEST or "<" in value) and _ASCII_PLACEHOLDER(value)
                                                  if value.isascii() else _is_placeholder(value)):
                out.append(((*at, key), value))
        elif isinstance(value, (dict, list)):
            _found(value, (*at, key), out)
    return out


def _problem(src: Located, path: Key, text: str) -> Problem:
    if PLACEHOLDER.match(text):
        return src.problem(path, f"{text.strip()!r} is a blank left to fill in",
                           "write the value in place of the angle brackets")
    return src.problem(path, f"still the skeleton's sample text {text!r}",
                       "write your own in its place: briefs never ship the sample")
