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

from briefgen.writers.docx.ooxml import XML_SPACE
from briefgen.writers.docx.wordalign import aligned
from briefgen.writers.docx.wordtokens import TBL, P, T, Token, block_key, likeness_key, q, similar, tokens

TR, TC, R = q("tr"), q("tc"), q("r")
WINDOW = 40  # the new blocks an old one may be paired with, from the last pairing on


class Marks:
    """Tracked-change wrappers, each with a unique id, the author and the date."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self._next = author, date, 100_000

    def make(self, kind: str) -> etree._Element:
        self._next += 1
        return etree.Element(q(kind), {q("id"): str(self._next), q("author"): self.author, q("date"): self.date})


@dataclass
class Aligner:
    marks: Marks
    inserted_notes: list[str] = field(default_factory=list)
    deleted_notes: list[tuple[str, etree._Element]] = field(default_factory=list)  # old id, its copied reference
    deleted_pictures: list[etree._Element] = field(default_factory=list)  # the issued brief's, as placed

    def blocks(self, old_parent: etree._Element, new_parent: etree._Element) -> None:
        """Align the paragraphs and tables of two containers (body, cell, note); rewrite the new one."""
        olds = [c for c in old_parent if c.tag in (P, TBL)]
        news = [c for c in new_parent if c.tag in (P, TBL)]
        matcher = SequenceMatcher(None, [block_key(b) for b in olds], [block_key(b) for b in news], autojunk=False)
        result: list[etree._Element] = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                result.extend(self.merge(o, n) for o, n in zip(olds[i1:i2], news[j1:j2], strict=True))
            else:
                result.extend(self._replace(olds[i1:i2], news[j1:j2]))
        _replace_children(new_parent, news, result)

    def _replace(self, olds: list[etree._Element], news: list[etree._Element]) -> list[etree._Element]:
        """Pair alike blocks in order, each old one with one of the next WINDOW new ones (a run of hundreds of
        changed paragraphs took minutes compared each with each); the rest are deleted (old) or inserted (new)."""
        out: list[etree._Element] = []
        keys = [likeness_key(n) for n in news]
        j = 0
        for old in olds:
            key = likeness_key(old)
            match = next((k for k in range(j, min(len(news), j + WINDOW)) if similar(key, keys[k])), None)
            if match is None:
                out.append(self.whole(copy.deepcopy(old), "del"))
                continue
            out.extend(self.whole(n, "ins") for n in news[j:match])
            out.append(self.merge(old, news[match]))
            j = match + 1
        out.extend(self.whole(n, "ins") for n in news[j:])
        return out

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
            pairs = list(zip(old_rows[i1:i2], new_rows[j1:j2], strict=False)) if i2 - i1 == j2 - j1 else []
            for o, n in pairs:
                if len(o.findall(TC)) == len(n.findall(TC)):
                    for oc, nc in zip(o.findall(TC), n.findall(TC), strict=True):
                        self.blocks(oc, nc)
                    rows.append(n)
                else:
                    rows.extend([self.whole_row(copy.deepcopy(o), "del"), self.whole_row(n, "ins")])
            if not pairs:
                rows.extend(self.whole_row(copy.deepcopy(o), "del") for o in old_rows[i1:i2])
                rows.extend(self.whole_row(n, "ins") for n in new_rows[j1:j2])
        _replace_children(new, new_rows, rows)
        return new

    def _paragraph(self, source: etree._Element, ops: list[tuple[str | None, Token]],
                   trailing: list[etree._Element], mark: str | None) -> etree._Element:
        """A new paragraph from `source`'s properties and the tracked tokens."""
        p = etree.Element(P, dict(source.attrib))
        ppr = source.find(q("pPr"))
        ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(q("pPr"))
        p.append(ppr)
        if mark is not None:
            _paragraph_mark(ppr, self.marks.make(mark))
        Emitter(self, p).emit(ops)
        p.extend(copy.deepcopy(b) for b in trailing)
        return p


class Emitter:
    """Appends tokens to a paragraph, grouping neighbours that share a change, a link and run properties."""

    def __init__(self, aligner: Aligner, p: etree._Element) -> None:
        self.aligner, self.p = aligner, p
        self.group: tuple[str | None, int] | None = None
        self.holder: etree._Element = p
        self.last: tuple[etree._Element, bytes] | None = None  # the open text run and its properties

    def emit(self, ops: list[tuple[str | None, Token]]) -> None:
        for op, token in ops:
            if op != "del":
                for mark in token.before:
                    self._close()
                    self.p.append(copy.deepcopy(mark))
            self._open(op, token.link if op != "del" else None)
            self._add(op, token)

    def _close(self) -> None:
        self.group, self.holder, self.last = None, self.p, None

    def _open(self, op: str | None, link: etree._Element | None) -> None:
        group = (op, id(link) if link is not None else 0)
        if group == self.group:
            return
        self._close()
        self.group, self.holder = group, self.p
        if link is not None:
            self.holder = etree.SubElement(self.p, link.tag, dict(link.attrib))
        if op is not None:
            wrapper = self.aligner.marks.make(op)
            self.holder.append(wrapper)
            self.holder = wrapper

    def _add(self, op: str | None, token: Token) -> None:
        props = etree.tostring(token.rpr) if token.rpr is not None else b""
        if token.text is not None and self.last is not None and self.last[1] == props:
            self.last[0].text = (self.last[0].text or "") + token.text
            return
        run = etree.SubElement(self.holder, R)
        if token.rpr is not None:
            run.append(copy.deepcopy(token.rpr))
        if token.text is not None:
            text = etree.SubElement(run, q("delText") if op == "del" else T, {XML_SPACE: "preserve"})
            text.text = token.text
            self.last = (text, props)
            return
        self.last = None
        assert token.elem is not None
        run.append(_content(token.elem, op))
        if op == "del" and token.key[0] == "drawing":
            self.aligner.deleted_pictures.append(run[-1])  # of the issued package: heldmedia.py carries it
        if token.key[0] == "note":
            self._note(op, token, run[-1])

    def _note(self, op: str | None, token: Token, placed: etree._Element) -> None:
        if op == "ins":
            self.aligner.inserted_notes.append(_note_id(token))
        elif op == "del":
            self.aligner.deleted_notes.append((_note_id(token), placed))


def _content(elem: etree._Element, op: str | None) -> etree._Element:
    made = copy.deepcopy(elem)
    if op == "del" and made.tag in (T, q("instrText")):
        made.tag = q("delText") if made.tag == T else q("delInstrText")
    return made


def _note_id(token: Token) -> str:
    assert token.elem is not None
    return str(token.elem.get(q("id")))


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
