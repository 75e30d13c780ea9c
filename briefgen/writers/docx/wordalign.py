"""The tokens of two paragraphs aligned word by word: which are kept, deleted and inserted.

The words alone are aligned (SequenceMatcher on their keys); the spaces before each word ride with it. With
the spaces aligned as tokens of their own, half of every paragraph's tokens were one and the same token, and
a statement of 4,000 words took 13 s to align: every space could match every other.

Aligning is quadratic in the words of a long paragraph (a paragraph of 10,000 words, revised here and there,
took 17 s, and one of 20,000 four times that): what both begin and end with is kept as it is, and a middle of
more than SEGMENT words each way is aligned piece by piece, pieces of the same share of each paragraph. A
change that moves words from one piece to another then shows as a deletion and an insertion: coarser, never
wrong, and the cost grows with the length, not its square.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from briefgen.writers.docx.wordtokens import Token

Op = tuple[str | None, Token]  # None: kept; "del" or "ins"


SEGMENT = 2000  # words of a paragraph's changed middle aligned at once
SIMILAR = 0.5  # paragraphs at least this alike are revised word by word; less alike: deleted and inserted
Keys = list[tuple[str, ...]]


def aligned(old: list[Token], new: list[Token]) -> list[Op]:
    """Every token of `old` and `new` once, in an order that reads as the new paragraph with the old one's
    differences tracked."""
    old_units, old_tail = _units(old)
    new_units, new_tail = _units(new)
    ops: list[Op] = []
    for was, now in pieces([u[-1].key for u in old_units], [u[-1].key for u in new_units]):
        ops.extend(_align(old_units[was.start:was.stop], new_units[now.start:now.stop]))
    return _tidied(ops + _changed(old_tail, new_tail))


def _tidied(ops: list[Op]) -> list[Op]:
    """`ops` with what each run of changes deletes and inserts alike at its start and end kept instead. A space
    rides with the token after it, so an opening quote or bracket put before a word took the word's space
    ("the storage" -> "the “storage”": the space deleted, a space and the quote inserted); kept, the space
    stands and the quote alone is inserted. Accepting or rejecting the changes reads the same as before."""
    tidied: list[Op] = []
    run: list[Op] = []
    for op in ops:
        if op[0] is not None:
            run.append(op)
        else:
            tidied.extend([*_trimmed(run), op])
            run = []
    return tidied + _trimmed(run)


def _trimmed(run: list[Op]) -> list[Op]:
    was, now = [t for o, t in run if o == "del"], [t for o, t in run if o == "ins"]
    head = _shared(was, now)
    tail = _shared(was[head:][::-1], now[head:][::-1])
    return [*((None, t) for t in now[:head]), *(("del", t) for t in was[head:len(was) - tail]),
            *(("ins", t) for t in now[head:len(now) - tail]), *((None, t) for t in now[len(now) - tail:])]


def _shared(was: list[Token], now: list[Token]) -> int:
    """How many tokens `was` and `now` begin with alike."""
    same = 0
    while same < min(len(was), len(now)) and was[same].key == now[same].key:
        same += 1
    return same


def pieces(old: Keys, new: Keys) -> list[tuple[range, range]]:
    """The two lists of keys in pieces to align each with each: the start both share, the middle (in pieces of
    at most SEGMENT keys of the longer, each the same share of both), the end both share."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    middle = (len(old) - end - start, len(new) - end - start)
    count = max(1, -(-max(middle) // SEGMENT))
    cut = [[start + size * k // count for k in range(count + 1)] for size in middle]
    return [(range(start), range(start)), *((range(cut[0][k], cut[0][k + 1]), range(cut[1][k], cut[1][k + 1]))
                                            for k in range(count)),
            (range(len(old) - end, len(old)), range(len(new) - end, len(new)))]


@dataclass
class Budget:
    """What one redline may spend deciding which paragraphs are alike, in comparisons of two words: a full
    comparison of paragraphs of m and n words costs m x n, the cheap bounds before it WORD_COST x (m + n). A
    brief rewritten throughout in one vocabulary (every pair close enough to be worth a full look) took 20 s
    for 300 paragraphs of 300 words, and more with every paragraph added. Once it is spent, the paragraphs
    not yet paired are deleted and inserted whole: a coarser redline, never a wrong one. Counted, not timed,
    so that the same briefs always make the same redline."""

    left: int = 150_000_000  # a few seconds

    def spend(self, cost: int) -> bool:
        self.left -= cost
        return self.left >= 0


WORD_COST = 50  # what the cheap bounds cost a word, in full comparisons of two words (measured)


def similar(a: tuple[str, list[str]], b: tuple[str, list[str]], threshold: float = SIMILAR,
            budget: Budget | None = None) -> bool:
    """Are two blocks (their `likeness_key`s) at least `threshold` alike, to be revised word by word?"""
    return likeness(a, b, threshold, budget) >= threshold


def likeness(a: tuple[str, list[str]], b: tuple[str, list[str]], threshold: float = SIMILAR,
             budget: Budget | None = None) -> float:
    """How alike two blocks (their `likeness_key`s) are, from 0 to 1: the share of their words aligned (a
    table 1, as it is compared row by row); 0 when below `threshold`, which cheap bounds tell first (the
    lengths, then the words as a bag), paid from `budget` like the full comparison (0 once it is spent)."""
    if a[0] != b[0]:
        return 0.0
    if a[0] == "tbl":
        return 1.0
    m, n = len(a[1]), len(b[1])
    if m + n and 2 * min(m, n) < threshold * (m + n):
        return 0.0
    if budget is not None and not budget.spend(WORD_COST * (m + n)):
        return 0.0
    if SequenceMatcher(None, a[1], b[1], autojunk=False).quick_ratio() < threshold:
        return 0.0
    parts = pieces([(w,) for w in a[1]], [(w,) for w in b[1]])
    if budget is not None and not budget.spend(sum(len(x) * len(y) for x, y in parts)):
        return 0.0
    matched = sum(_matched(a[1][x.start:x.stop], b[1][y.start:y.stop]) for x, y in parts)
    return 2 * matched / (m + n) if m + n else 1.0


def _matched(a: list[str], b: list[str]) -> int:
    """The words of `a` and `b` that SequenceMatcher pairs (all of them when the two are the same)."""
    if a == b:
        return len(a)
    return sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def _align(old_units: list[list[Token]], new_units: list[list[Token]]) -> list[Op]:
    matcher = SequenceMatcher(None, [u[-1].key for u in old_units], [u[-1].key for u in new_units], autojunk=False)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for was, now in zip(old_units[i1:i2], new_units[j1:j2], strict=True):
                ops.extend(_changed(was, now))
        else:
            ops.extend(_changed([t for u in old_units[i1:i2] for t in u], [t for u in new_units[j1:j2] for t in u]))
    return ops


def _units(tokens: list[Token]) -> tuple[list[list[Token]], list[Token]]:
    """Each word (any token but a space) with the spaces before it; and the spaces after the last one."""
    units: list[list[Token]] = []
    pending: list[Token] = []
    for token in tokens:
        pending.append(token)
        if not _space(token):
            units.append(pending)
            pending = []
    return units, pending


def _changed(was: list[Token], now: list[Token]) -> list[Op]:
    """`was` replaced by `now`: what both begin and end with kept (a word's leading space, or the word after a
    space that went, or the whole unit when it is the same), the rest deleted and inserted."""
    return _trimmed([*(("del", t) for t in was), *(("ins", t) for t in now)])


def _space(token: Token) -> bool:
    return token.key[0] == "t" and token.key[1].isspace()
