"""Paragraphs that moved: the same paragraph (or one much alike) deleted in one place and inserted in another.

Aligning two briefs block by block finds what stayed in order; an item the model reordered, or a section
moved, is left as a deletion in one place and an insertion in another. Those are paired here so the redline
shows them as Word's moves (w:moveFrom / w:moveTo): first paragraphs that read exactly the same, then
paragraphs at least MOVED_SIMILAR alike (moved and edited: the move carries the word changes inside it).
Only paragraphs with a word in them move (an empty spacer paragraph is not "moved"), tables never (they are
compared row by row where they stand), and the search for edited moves is paid from the redline's Budget of
word comparisons (wordtokens.py), so a brief rewritten from end to end costs a bounded time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from briefgen.writers.docx.wordalign import Budget, similar
from briefgen.writers.docx.wordtokens import P, likeness_key, worded

MOVED_SIMILAR = 0.75  # stricter than pairing in place: a move claims the two are one paragraph


@dataclass
class Step:
    """One block of the redline: "pair" (old and new aligned), "del", "ins", "moveFrom" or "moveTo"."""

    op: str
    old: etree._Element | None = None
    new: etree._Element | None = None
    at: int | None = None  # the new block's index, for placing a moved paragraph among the new ones
    name: str = ""  # a move's name, the same at both ends


MOVED_WORDS = 4  # a shorter paragraph is not told apart from its like by its text alone


def movable(block: etree._Element, key: tuple[str, str]) -> bool:
    """Is `block` (with `key`, its block_key) a paragraph of at least MOVED_WORDS words, to be taken for a move
    by its text alone, before paragraphs are paired where they stand? A shorter one (an item's heading,
    "4. moderate confidence") recurs through a brief: when a dropped item renumbered the others, the old
    fourth heading was shown moved to where the old fifth, renumbered, now stands. A short paragraph left
    deleted in one place and inserted in another once the others are paired is still a move (edited_moves)."""
    return block.tag == P and sum(1 for k in key[1].split("\x1f") if k[:1] == "t" and worded(k)) >= MOVED_WORDS


def exact_moves(old_keys: list[tuple[str, str]], new_keys: list[tuple[str, str]], loose_old: list[int],
                loose_new: list[int]) -> dict[int, int]:
    """Old index -> new index of the unaligned paragraphs whose keys are the same, each used once, in order."""
    waiting: dict[tuple[str, str], list[int]] = {}
    for j in loose_new:
        waiting.setdefault(new_keys[j], []).append(j)
    moved: dict[int, int] = {}
    for i in loose_old:
        if waiting.get(old_keys[i]):
            moved[i] = waiting[old_keys[i]].pop(0)
    return moved


def edited_moves(steps: list[Step], name: Callable[[], str], budget: Budget) -> None:
    """Pair the deleted and inserted paragraphs still left that are at least MOVED_SIMILAR alike: each becomes
    a move ("moveFrom" where it was, "moveTo" where it is, both paragraphs kept on both ends for the word
    changes), named by calling `name`."""
    gone = [s for s in steps if s.op == "del" and s.old is not None and s.old.tag == P]
    came = [s for s in steps if s.op == "ins" and s.new is not None and s.new.tag == P]
    keys = {id(s): likeness_key(s.old if s.old is not None else s.new) for s in gone + came}
    for was in gone:
        if budget.left < 0:
            return
        now = next((n for n in came if n.op == "ins" and keys[id(was)][1] and keys[id(n)][1]
                    and similar(keys[id(was)], keys[id(n)], MOVED_SIMILAR, budget)), None)
        if now is not None:
            was.op, was.new, now.op, now.old = "moveFrom", now.new, "moveTo", was.old
            was.name = now.name = name()


def place(steps: list[Step], arriving: list[Step]) -> list[Step]:
    """`steps` (in the order of both briefs) with the moves' destinations `arriving` put among the new blocks
    in the new brief's order."""
    pending = sorted(arriving, key=lambda s: s.at or 0)
    placed: list[Step] = []
    for step in steps:
        while pending and step.at is not None and (pending[0].at or 0) < step.at:
            placed.append(pending.pop(0))
        placed.append(step)
    return placed + pending
