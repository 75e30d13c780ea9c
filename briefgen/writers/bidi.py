"""The Unicode bidirectional algorithm for reportlab's paragraphs, from python-bidi.

reportlab (4.4 and later) breaks and draws right-to-left paragraphs and shapes words with HarfBuzz, but
orders a line's words through `rlbidi`, a module of its own that is not published on the package registries.
Its one entry point, `log2vis`, is small: resolve each character's embedding level (UAX #9, rules P–I, done by
python-bidi's reference implementation), then reverse runs by level (rule L2) and mirror brackets (L4). This
module provides that entry point under reportlab's name; `install()` must run before reportlab is imported,
which `briefgen.writers` does first thing.
"""

from __future__ import annotations

import sys
import types
import unicodedata
from collections.abc import Sequence
from itertools import groupby
from typing import Any, TypeVar

from bidi import algorithm

_BASE = {"LTR": 0, "RTL": 1}


def levels(text: str, direction: str | None = None) -> tuple[int, list[int]]:
    """The paragraph level (0 left-to-right, 1 right-to-left) and each character's resolved embedding level
    (one for every character: those rule X9 sets aside, ZWJ, ZWNJ, soft hyphens, take the level before them).

    direction: "LTR" or "RTL" to force the paragraph level, else it is the first strong character's (P2–P3).
    Embeddings and overrides (U+202A–U+202E, which the model refuses as disguise) are set aside: text is drawn
    in the order its letters are written. An isolate (U+2066–U+2068 … U+2069) is a neutral to the text around
    it and its content is resolved on its own, one level up (X5a–X5c, which python-bidi lacks: it stopped on
    an isolate with an assertion)."""
    text = "".join(map(_classed, text))
    spans = _isolates(text)
    outer = [_OBJECT if char in "\u2066\u2067\u2068\u2069" else char for char in text]  # a PDI closing none too
    for start, end in spans:
        outer[start:end] = _OBJECT * (end - start)
    base, found = _resolved("".join(outer), direction)
    for start, end in spans:
        inner = text[start + 1:end - (text[end - 1] == _PDI)]
        wanted = {"\u2066": "LTR", "\u2067": "RTL"}.get(text[start])
        inner_base, inner_levels = levels(inner, wanted) if inner else (0, [])
        lifted = found[start] + 1 + (found[start] + 1 + inner_base) % 2  # the next level of its direction
        found[start + 1:start + 1 + len(inner)] = [lifted - inner_base + lv for lv in inner_levels]
    return base, found


_OBJECT, _PDI = "\ufffc", "\u2069"


def _isolates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost isolate, its initiator to its PDI (or the text's end) included."""
    spans, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in "\u2066\u2067\u2068":
            start = at if depth == 0 else start
            depth += 1
        elif char == _PDI and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, at + 1))
    return spans + ([(start, len(text))] if depth else [])


def _resolved(text: str, direction: str | None) -> tuple[int, list[int]]:
    """python-bidi's resolution of text without isolates (rules P2–I2), one level for every character."""
    storage: dict[str, Any] = algorithm.get_empty_storage()
    base = _BASE[direction] if direction in _BASE else algorithm.get_base_level(text)
    storage["base_level"], storage["base_dir"] = base, "LR"[base]
    algorithm.get_embedding_levels(text, storage)
    every = list(storage["chars"])
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    kept = {id(char) for char in storage["chars"]}
    found, level = [], base
    for char in every:  # X9 took out joiners and the like: each takes the level before it
        level = char["level"] if id(char) in kept else level
        found.append(level)
    return base, found


def _classed(char: str) -> str:
    """The character, or for one Python's Unicode database does not know (a code point assigned later, one never
    assigned) a stand-in of its default class, UAX #9's table: right to left in the Hebrew and Arabic ranges, else
    left to right (python-bidi stopped on an unknown class with an assertion: the build failed, exit 3)."""
    if "\u202a" <= char <= "\u202e":
        return "\u200b"  # set aside, as a zero-width space is (X9)
    if unicodedata.bidirectional(char):
        return char
    return "\u05d0" if "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufdff" or (
        "\U00010800" <= char <= "\U00010fff") or "\U0001e800" <= char <= "\U0001efff" else "a"


def _reorder(found: list[int]) -> list[int]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above."""
    order = list(range(len(found)))
    if not found:
        return order
    lowest_odd = min((lv for lv in found if lv % 2), default=max(found) + 1)
    for level in range(max(found), lowest_odd - 1, -1):
        start = None
        for i in range(len(order) + 1):
            inside = i < len(order) and found[order[i]] >= level
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                order[start:i] = reversed(order[start:i])
                start = None
    return order


def trailing_to_base(text: str, found: list[int], base: int) -> list[int]:
    """Rule L1: whitespace at the end of the line, and separators, take the paragraph level."""
    found = list(found)
    trailing = True
    for i in range(len(text) - 1, -1, -1):
        kind = algorithm.bidirectional(text[i])
        if kind in ("B", "S"):
            found[i], trailing = base, True
        elif trailing and kind in ("WS", "BN"):
            found[i] = base
        else:
            trailing = False
    return found


def log2vis(text: str, base_direction: str | None = None, clean: bool = True,
            positions_V_to_L: list[int] | None = None, **_: Any) -> str:
    """rlbidi's signature: the line in visual order, mirrored brackets in right-to-left runs; fills
    positions_V_to_L with the logical position of each visual character."""
    base, found = levels(text, base_direction)
    found = trailing_to_base(text, found, base)
    order = _reorder(found)
    if positions_V_to_L is not None:
        positions_V_to_L[:] = order
    return "".join(_mirror(text[i]) if found[i] % 2 else text[i] for i in order)


T = TypeVar("T")


def drawing_order(text: str, runs: Sequence[tuple[T, str]]) -> list[tuple[T, str, int]]:
    """One line's runs (key, text), in logical order and making up `text`, as (key, text, level) pieces in
    drawing order, left to right: cut where the embedding level changes (UAX #9, the paragraph's direction its
    first strong letter's), trailing spaces at the paragraph's level (L1), runs reversed (L2). A piece at an
    odd level reads right to left: its drawer reverses it (or HarfBuzz does, shaping it)."""
    base, found = levels(text)
    found = trailing_to_base(text, found, base)
    cut: list[tuple[T, str, int]] = []
    at = 0
    for key, chunk in runs:
        for level, same in groupby(found[at:at + len(chunk)]):
            size = len(list(same))
            cut.append((key, chunk[:size], level))
            chunk, at = chunk[size:], at + size
    for level in range(max((c[2] for c in cut), default=0), 0, -1):
        grouped = [(inside, list(group)) for inside, group in groupby(cut, key=lambda c: c[2] >= level)]
        cut = [c for inside, group in grouped for c in (reversed(group) if inside else group)]
    return cut


def mirrored(text: str) -> str:
    """Right-to-left text in drawing order: reversed, its brackets mirrored (L4)."""
    return "".join(_mirror(c) for c in reversed(text))


def _mirror(char: str) -> str:
    return str(algorithm.MIRRORED.get(char, char)) if algorithm.mirrored(char) else char


def install() -> None:
    """Make this module importable as `rlbidi`, unless a real rlbidi is installed."""
    if "rlbidi" in sys.modules:
        return
    try:
        import rlbidi  # noqa: F401  # a real one, if ever published, wins
    except ImportError:
        shim = types.ModuleType("rlbidi", __doc__)
        shim.log2vis = log2vis  # type: ignore[attr-defined]
        sys.modules["rlbidi"] = shim
