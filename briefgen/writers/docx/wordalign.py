"""The tokens of two paragraphs aligned word by word: which are kept, deleted and inserted.

The words alone are aligned (SequenceMatcher on their keys); the spaces before each word ride with it. With
the spaces aligned as tokens of their own, half of every paragraph's tokens were one and the same token, and
a statement of 4,000 words took 13 s to align: every space could match every other.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from briefgen.writers.docx.wordtokens import Token

Op = tuple[str | None, Token]  # None: kept; "del" or "ins"


def aligned(old: list[Token], new: list[Token]) -> list[Op]:
    """Every token of `old` and `new` once, in an order that reads as the new paragraph with the old one's
    differences tracked."""
    old_units, old_tail = _units(old)
    new_units, new_tail = _units(new)
    matcher = SequenceMatcher(None, [u[-1].key for u in old_units], [u[-1].key for u in new_units], autojunk=False)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for was, now in zip(old_units[i1:i2], new_units[j1:j2], strict=True):
                ops.extend(_changed(was, now))
        else:
            ops.extend(_changed([t for u in old_units[i1:i2] for t in u], [t for u in new_units[j1:j2] for t in u]))
    return ops + _changed(old_tail, new_tail)


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
    """`was` replaced by `now`: what both begin with kept (a word's leading space, or the whole unit when it
    is the same), the rest deleted and inserted."""
    same = 0
    while same < min(len(was), len(now)) and was[same].key == now[same].key:
        same += 1
    return [*((None, t) for t in now[:same]), *(("del", t) for t in was[same:]), *(("ins", t) for t in now[same:])]


def _space(token: Token) -> bool:
    return token.key[0] == "t" and token.key[1].isspace()
