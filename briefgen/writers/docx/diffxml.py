"""Alignment of two WordprocessingML trees, emitting tracked changes into the newer one.

Blocks (paragraphs, tables) are aligned first, tables row by row and cell by cell, then the tokens of each
pair of paragraphs (see wordtokens.py): unchanged tokens are emitted from the new paragraph, removed ones
inside `w:del` (their text as `w:delText`), added ones inside `w:ins`. A wholly inserted or deleted paragraph
also has its paragraph mark tracked, and a table row its row mark, so that accepting or rejecting removes them
entirely.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree

from briefgen.writers.docx.wordalign import SIMILAR, Budget, aligned, likeness, similar
from briefgen.writers.docx.wordemit import Emitter, Found, Marks, Op
from briefgen.writers.docx.wordmoves import Step, edited_moves, exact_moves, movable, place
from briefgen.writers.docx.wordtokens import TBL, P, block_key, likeness_of, q, tokens

TR, TC = q("tr"), q("tc")
WINDOW = 40  # the new blocks an old one may be paired with, from the last pairing on


@dataclass
class Aligner:
    marks: Marks
    found: Found = field(default_factory=Found)
    budget: Budget = field(default_factory=Budget)  # word comparisons left to find alike paragraphs

    def blocks(self, old_parent: etree._Element, new_parent: etree._Element) -> None:
        """Align the paragraphs and tables of two containers (body, cell, note); rewrite the new one."""
        olds = [c for c in old_parent if c.tag in (P, TBL)]
        news = [c for c in new_parent if c.tag in (P, TBL)]
        steps = self._steps(olds, news)
        edited_moves(steps, self.marks.move_name, self.budget)
        _replace_children(new_parent, news, [self._emit(s) for s in steps])

    def _steps(self, olds: list[etree._Element], news: list[etree._Element]) -> list[Step]:
        """The blocks aligned in order; a paragraph found unchanged elsewhere moved (wordmoves.py)."""
        old_keys, new_keys = [block_key(b) for b in olds], [block_key(b) for b in news]
        opcodes = SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()
        loose = [(i1, i2, j1, j2) for op, i1, i2, j1, j2 in opcodes if op != "equal"]
        moved = exact_moves(old_keys, new_keys,
                            [i for i1, i2, _, _ in loose for i in range(i1, i2) if movable(olds[i], old_keys[i])],
                            [j for _, _, j1, j2 in loose for j in range(j1, j2) if movable(news[j], new_keys[j])])
        names = {i: self.marks.move_name() for i in moved}
        arrived = set(moved.values())
        steps: list[Step] = []
        for op, i1, i2, j1, j2 in opcodes:
            if op == "equal":
                steps.extend(Step("pair", olds[i1 + k], news[j1 + k], j1 + k) for k in range(i2 - i1))
            else:
                free = [j for j in range(j1, j2) if j not in arrived]
                steps.extend(self._replace(olds, news, (old_keys, new_keys), range(i1, i2), free, moved, names))
        return place(steps, [Step("moveTo", olds[i], news[j], j, names[i]) for i, j in moved.items()])

    def _replace(self, olds: list[etree._Element], news: list[etree._Element],
                 keys: tuple[list[tuple[str, str]], list[tuple[str, str]]], old_range: range, free: list[int],
                 moved: dict[int, int], names: dict[int, str]) -> list[Step]:
        """Pair alike blocks in order, each old one with one of the next WINDOW new ones (a run of hundreds of
        changed paragraphs took minutes compared each with each); the rest are deleted (old) or inserted (new),
        and a paragraph that moved elsewhere is left where it was as moved from there."""
        out: list[Step] = []
        likes = [likeness_of(keys[1][j]) for j in free]
        staying = [likeness_of(keys[0][i]) for i in old_range if i not in moved]  # the old blocks left in place
        k = n = 0
        for i in old_range:
            if i in moved:
                out.append(Step("moveFrom", olds[i], name=names[i]))
                continue
            key, n = staying[n], n + 1
            match = self._match(key, likes, k)
            if match is None or self._closer(staying[n:n + WINDOW], likes[match], key):
                out.append(Step("del", olds[i]))
                continue
            out.extend(Step("ins", new=news[j], at=j) for j in free[k:match])
            out.append(Step("pair", olds[i], news[free[match]], free[match]))
            k = match + 1
        out.extend(Step("ins", new=news[j], at=j) for j in free[k:])
        return out

    def _match(self, key: tuple[str, list[str]], likes: list[tuple[str, list[str]]], k: int) -> int | None:
        """The first of the next WINDOW new blocks from `k` alike enough to pair with the old block `key`."""
        return next((m for m in range(k, min(len(likes), k + WINDOW)) if similar(key, likes[m], budget=self.budget)),
                    None)

    def _closer(self, later: list[tuple[str, list[str]]], like: tuple[str, list[str]],
                key: tuple[str, list[str]]) -> bool:
        """Whether the first of the `later` old blocks alike enough to the new block `like` is closer to it than
        the old block `key` is: then `key` was deleted, and that one is `like` edited. A dropped item's heading
        ("2. moderate confidence · likely") is alike enough to the next item's renumbered ("2. high
        confidence"), but that item's own old heading ("3. high confidence") is closer: paired in order, the
        redline read "moderatehigh confidence · likely" and deleted the next item's heading."""
        for other in later:
            rival = likeness(other, like, budget=self.budget)
            if rival >= SIMILAR:
                return rival > likeness(key, like, budget=self.budget)
        return False

    def _emit(self, step: Step) -> etree._Element:
        old, new = step.old, step.new
        if step.op == "pair":
            assert old is not None and new is not None
            return self.merge(old, new)
        if step.op in ("del", "ins"):
            block = copy.deepcopy(old) if step.op == "del" else new
            assert block is not None
            return self.whole(block, step.op)
        assert old is not None
        return self._moved(old, new, step.name, step.op == "moveTo")

    def _moved(self, old: etree._Element, new: etree._Element | None, name: str, arriving: bool) -> etree._Element:
        """A moved paragraph, where it was or (`arriving`) where it is now. Moved and reworded (`new` given on
        both ends), the words it lost are deleted where it was and those it gained inserted where it is, so
        that each end reads, changes accepted or rejected, as one of the two briefs."""
        old_tokens, _ = tokens(old)
        new_tokens, trailing = tokens(new) if new is not None else (old_tokens, [])
        ops: list[Op]
        if arriving:
            kind, ops = "moveTo", [(op or "moveTo", t) for op, t in aligned(old_tokens, new_tokens) if op != "del"]
        else:  # aligned the other way round, so that what stays is the issued brief's (its notes, its runs)
            kind, ops = "moveFrom", [(_LOST.get(op or "", "moveFrom"), t)
                                     for op, t in aligned(new_tokens, old_tokens) if op != "del"]
        p = self._paragraph(new if arriving and new is not None else old, ops, trailing if arriving else [], kind)
        start = self.marks.range_start(kind, name)
        p.insert(1, start)
        p.append(self.marks.range_end(start))
        return p

    def merge(self, old: etree._Element, new: etree._Element) -> etree._Element:
        if new.tag == TBL:
            return self._table(old, new)
        old_tokens, _ = tokens(old)
        new_tokens, trailing = tokens(new)
        ops = aligned(old_tokens, new_tokens)
        return self._paragraph(new, ops, trailing, None)

    def whole(self, block: etree._Element, kind: str) -> etree._Element:
        """Every run of `block` (a paragraph, a table, a note) tracked as `kind`, paragraph and row marks too."""
        if block.tag == TBL:
            for row in block.findall(TR):
                self.whole_row(row, kind)
            return block
        if block.tag != P:
            for child in list(block):
                if child.tag in (P, TBL):
                    block.replace(child, self.whole(child, kind))
            return block
        found, trailing = tokens(block)
        return self._paragraph(block, [(kind, t) for t in found], trailing if kind == "ins" else [], kind)

    def whole_row(self, row: etree._Element, kind: str) -> etree._Element:
        _row_mark(row, self.marks.make(kind))
        for cell in row.findall(TC):
            self.whole(cell, kind)
        return row

    def _table(self, old: etree._Element, new: etree._Element) -> etree._Element:
        old_rows, new_rows = old.findall(TR), new.findall(TR)
        matcher = SequenceMatcher(None, [block_key(r) for r in old_rows], [block_key(r) for r in new_rows],
                                  autojunk=False)
        rows: list[etree._Element] = []
        for _op, i1, i2, j1, j2 in matcher.get_opcodes():
            if i2 - i1 == j2 - j1:  # the same rows, or as many revised: cell by cell
                rows.extend(r for o, n in zip(old_rows[i1:i2], new_rows[j1:j2], strict=True) for r in self._row(o, n))
            else:
                rows.extend(self._rows(old_rows[i1:i2], new_rows[j1:j2]))
        _replace_children(new, new_rows, rows)
        return new

    def _rows(self, olds: list[etree._Element], news: list[etree._Element]) -> list[etree._Element]:
        """Rows added or dropped among revised ones (a figure revised beside a figure added): each old row
        paired, in order, with the next new one of as many cells at least half alike, and revised cell by
        cell; the rest deleted or inserted whole. Paired only when as many, every revised row was replaced."""
        likes = [("p", [w for p in row.iter(P) for w in likeness_of(block_key(p))[1]]) for row in news]
        cells = [len(row.findall(TC)) for row in news]
        rows: list[etree._Element] = []
        k = 0
        for row in olds:
            like = ("p", [w for p in row.iter(P) for w in likeness_of(block_key(p))[1]])
            match = next((m for m in range(k, len(news)) if cells[m] == len(row.findall(TC))
                          and similar(like, likes[m], budget=self.budget)), None)
            if match is None:
                rows.append(self.whole_row(copy.deepcopy(row), "del"))
                continue
            rows.extend(self.whole_row(n, "ins") for n in news[k:match])
            rows.extend(self._row(row, news[match]))
            k = match + 1
        return rows + [self.whole_row(n, "ins") for n in news[k:]]

    def _row(self, old: etree._Element, new: etree._Element) -> list[etree._Element]:
        """A row revised cell by cell; with another number of cells, deleted and inserted whole."""
        if len(old.findall(TC)) != len(new.findall(TC)):
            return [self.whole_row(copy.deepcopy(old), "del"), self.whole_row(new, "ins")]
        for oc, nc in zip(old.findall(TC), new.findall(TC), strict=True):
            self.blocks(oc, nc)
        return [new]

    def _paragraph(self, source: etree._Element, ops: list[Op], trailing: list[etree._Element],
                   mark: str | None) -> etree._Element:
        """A new paragraph from `source`'s properties and the tracked tokens."""
        p = etree.Element(P, dict(source.attrib))
        ppr = source.find(q("pPr"))
        ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(q("pPr"))
        p.append(ppr)
        if mark is not None:
            _paragraph_mark(ppr, self.marks.make(mark))
        Emitter(self.marks, self.found, p).emit(ops)
        p.extend(copy.deepcopy(b) for b in trailing)
        return p


def _paragraph_mark(ppr: etree._Element, mark: etree._Element) -> None:
    rpr = ppr.find(q("rPr"))
    if rpr is None:
        rpr = etree.Element(q("rPr"))
        later = [c for c in ppr if c.tag in (q("sectPr"), q("pPrChange"))]
        if later:
            later[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, mark)


def _row_mark(row: etree._Element, mark: etree._Element) -> None:
    trpr = row.find(q("trPr"))
    if trpr is None:
        trpr = etree.Element(q("trPr"))
        tblpr_ex = row.find(q("tblPrEx"))
        (tblpr_ex.addnext if tblpr_ex is not None else lambda e: row.insert(0, e))(trpr)
    trpr.append(mark)


def _replace_children(parent: etree._Element, old: list[etree._Element], new: list[etree._Element]) -> None:
    """Put `new` where the blocks `old` stood (after any leading properties, before a section break)."""
    index = parent.index(old[0]) if old else _insertion_point(parent)
    for child in old:
        if child.getparent() is parent:
            parent.remove(child)
    for offset, child in enumerate(new):
        parent.insert(index + offset, child)


def _insertion_point(parent: etree._Element) -> int:
    tail = [i for i, c in enumerate(parent) if c.tag == q("sectPr")]
    return tail[0] if tail else len(parent)


_LOST = {"ins": "del"}  # aligned from the new paragraph to the old, what only the old one has: deleted
