"""Read the numbers a text states, in digits or words: "one million", "$1.19 billion", "25.6 million", "five"."""

from __future__ import annotations

import math
import re

_UNITS = {w: i for i, w in enumerate((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen").split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
         if w != "_"}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_ARTICLE = {"a", "an"}
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")


def read_numbers(text: str) -> list[float]:
    """Every number stated in `text`, scaled by a following magnitude word ("2.7M", "ten thousand")."""
    tokens = _TOKEN.findall(text.lower().replace("-", " "))
    found: list[float] = []
    i = 0
    while i < len(tokens):
        value, i = _read_one(tokens, i)
        if value is not None:
            found.append(value)
    return found


def _read_one(tokens: list[str], i: int) -> tuple[float | None, int]:
    tok = tokens[i]
    if tok[0].isdigit():
        value = float(tok.replace(",", ""))
        i += 1
    elif tok in _UNITS or tok in _TENS:
        value, i = _read_words(tokens, i)
    elif tok in _ARTICLE and i + 1 < len(tokens) and tokens[i + 1] in ("million", "billion", "thousand",
                                                                        "trillion", "hundred"):
        value, i = 1.0, i + 1
    else:
        return None, i + 1
    while i < len(tokens) and tokens[i] in _SCALES:
        value *= _SCALES[tokens[i]]
        i += 1
    return value, i


def _read_words(tokens: list[str], i: int) -> tuple[float, int]:
    """Compose "twenty five", "ninety nine" (hyphens were turned into spaces)."""
    value = 0.0
    if tokens[i] in _TENS:
        value = _TENS[tokens[i]]
        i += 1
        if i < len(tokens) and tokens[i] in _UNITS and _UNITS[tokens[i]] < 10:
            value += _UNITS[tokens[i]]
            i += 1
        return value, i
    return float(_UNITS[tokens[i]]), i + 1


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def missing_numbers(stated: str, sources: list[str]) -> list[float]:
    """The numbers of `stated` that none of `sources` states."""
    available = [n for text in sources for n in read_numbers(text)]
    return [n for n in read_numbers(stated) if not any(same_number(n, m) for m in available)]


def format_number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)  # "inf", "nan": a number too large to write out
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
