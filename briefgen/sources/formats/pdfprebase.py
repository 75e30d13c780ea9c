"""A vowel sign written after its consonant but drawn before it, read after it.

Devanagari's ि, Bengali's ে, Tamil's ெ, Burmese's ေ and the like are read after the consonant (or cluster) they
belong to, but drawn to its left. A producer that draws a line's glyphs from left to right, and gives each glyph
its own letter with no /ActualText saying how the cluster reads, leaves the sign in front of its cluster: "कि"
("that") came out "िक", and no passage copied from a viewer (which reads the cluster as written) matched.

So a pre-base sign drawn before the character drawn next, to that character's left (as the page shows it, not
drawn back over the character before it, as a producer that draws in reading order does), is read after the
cluster that character starts: a consonant, its nukta or Burmese medials, and each further consonant joined to
it by a virama ("क्षि" drawn "ि", "क्", "ष"). It is done once marks are with their letters (pdfmarks.py): the
anusvara of "हिं", drawn over ह, follows the sign. A sign drawn after its cluster, back at its left (the order it
is written in), reads in its place, but is boxed so as to leave no gap in its line (_box_back).
"""

from __future__ import annotations

import re
from typing import Any

from pdfminer.layout import LTChar

PRE_BASE = re.compile("[\u093f\u09bf\u09c7\u09c8\u0a3f\u0abf\u0b47\u0bc6-\u0bc8\u0d46-\u0d48\u0dd9\u0dda\u0ddb"
                      "\u1031\u17c1-\u17c3]")
_VIRAMA = "\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0d4d\u0dca\u1039\u17d2"
_JOINS = re.compile(f"[\u093c\u09bc\u0a3c\u0abc\u0b3c\u103b-\u103e{_VIRAMA}]")  # nukta, Burmese medials, virama
_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f\u0978-\u097f\u0995-\u09b9\u09dc-\u09df\u0a15-\u0a39\u0a59-\u0a5e"
                        "\u0a95-\u0ab9\u0b15-\u0b39\u0b5c-\u0b5f\u0b95-\u0bb9\u0d15-\u0d3a\u0d9a-\u0dc6\u1000-\u1021"
                        "\u1780-\u17a2]")


def after_their_consonants(objects: list[Any]) -> list[Any]:
    """A page's objects with each pre-base vowel sign drawn before its cluster read after it: the sign's glyph
    reads as the cluster, the cluster's first glyph as the sign, its others as nothing (the glyphs stay where
    they are drawn, so that the line keeps its gaps and spaces)."""
    if not PRE_BASE.search("".join([item.get_text() for item in objects if isinstance(item, LTChar)])):
        return objects
    k = 0
    while k < len(objects):
        end = _cluster_end(objects, k) if _drawn_first(objects, k) else None
        if end is not None:
            sign, cluster = objects[k], objects[k + 1:end]
            said, sign._text = sign.get_text(), "".join(char.get_text() for char in cluster)
            for n, char in enumerate(cluster):
                char._text = said if n == 0 else ""
        elif _drawn_back(objects, k):
            _box_back(objects, k)
        k = end or k + 1
    return objects


def _drawn_back(objects: list[Any], k: int) -> bool:
    """Whether objects[k] is a pre-base sign drawn after its cluster, back at its left (in reading order)."""
    sign, before = objects[k], objects[k - 1] if k else None
    return isinstance(sign, LTChar) and PRE_BASE.fullmatch(sign.get_text()) is not None \
        and isinstance(before, LTChar) and sign.x1 <= before.x0 + 0.5 * sign.width \
        and abs(before.y0 - sign.y0) < sign.size


def _box_back(objects: list[Any], k: int) -> None:
    """A sign drawn back at its cluster's left boxed as the cluster's last character, the cluster's first
    character boxed from the sign's left edge: the line has no gap where the sign is drawn, as pdfminer would
    read as a space before the cluster and after the sign."""
    sign, first = objects[k], k - 1
    while first > 0 and isinstance(char := objects[first - 1], LTChar) and char.x0 >= sign.x1 - 0.5 * sign.width \
            and abs(char.y0 - sign.y0) < sign.size:
        first -= 1
    start = objects[first]
    start.set_bbox((sign.x0, start.y0, start.x1, start.y1))
    sign.set_bbox(objects[k - 1].bbox)


def _drawn_first(objects: list[Any], k: int) -> bool:
    """Whether objects[k] is a pre-base sign drawn before the character drawn next, to its left, and not back
    over the character drawn before it (which a producer drawing in reading order does)."""
    sign = objects[k]
    if not isinstance(sign, LTChar) or not PRE_BASE.fullmatch(sign.get_text()) or k + 1 >= len(objects):
        return False
    after, before = objects[k + 1], objects[k - 1] if k else None
    if not isinstance(after, LTChar) or after.x0 < sign.x0 + 0.5 * sign.width:
        return False
    return not (isinstance(before, LTChar) and sign.x0 < before.x1 - 0.5 * before.width
                and abs(before.y0 - sign.y0) < sign.size)


def _cluster_end(objects: list[Any], k: int) -> int | None:
    """Where the cluster that starts right after objects[k] ends (the index after its last character), if a
    consonant starts it."""
    end, text = k + 1, ""
    while end < len(objects) and isinstance(item := objects[end], LTChar):
        piece = item.get_text()
        starts = _CONSONANT.match(piece) if not text or text[-1] in _VIRAMA else _JOINS.fullmatch(piece)
        if not starts:
            break
        text += piece
        end += 1
    return end if text and _CONSONANT.match(text) else None
