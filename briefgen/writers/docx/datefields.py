"""The date fields of a reference's header and footer, set to the brief's date and locked, as the PDF prints them.

Word updates a DATE field to the day it opens the document, so a brief read a month later would carry that
day in its letterhead while its PDF carries the brief's own date (document/fields.py). Each date field
(complex or simple) keeps its code, gets the brief's date in its picture as its result, and is locked
(`w:fldLock`): Word and LibreOffice show that result and leave it, and a user can still unlock and update it.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.document.fields import Day, date_text, is_date_field

_W_T, _FLD_CHAR, _INSTR = qn("w:t"), qn("w:fldChar"), qn("w:instrText")
_FLD_SIMPLE, _TYPE, _LOCK, _INSTR_ATTR = qn("w:fldSimple"), qn("w:fldCharType"), qn("w:fldLock"), qn("w:instr")


def settle_dates(parts: Iterable[_Element], day: Day) -> None:
    """Every date field of the header and footer parts `parts` (their root elements) shows `day`, locked."""
    for root in parts:
        for simple in root.iter(_FLD_SIMPLE):
            if is_date_field(simple.get(_INSTR_ATTR, "")) and _show(simple.iter(_W_T), date_text(
                    simple.get(_INSTR_ATTR, ""), day)):
                simple.set(_LOCK, "1")
        _complex_fields(root, day)


def _complex_fields(root: _Element, day: Day) -> None:
    """Fields written as runs: begin, code, separate, result, end (nested fields are read through)."""
    stack: list[tuple[_Element, list[str], list[_Element]]] = []  # begin, code pieces, result runs' texts
    for element in root.iter(_FLD_CHAR, _INSTR, _W_T):
        if element.tag == _FLD_CHAR:
            kind = element.get(_TYPE)
            if kind == "begin":
                stack.append((element, [], []))
            elif kind == "end" and stack:
                begin, code, shown = stack.pop()
                if is_date_field("".join(code)) and _show(shown, date_text("".join(code), day)):
                    begin.set(_LOCK, "1")
        elif stack and element.tag == _INSTR:
            stack[-1][1].append(element.text or "")
        elif stack and element.tag == _W_T:
            stack[-1][2].append(element)


def _show(texts: Iterable[_Element], shown: str) -> bool:
    """The field's result: `shown` in its first text (its formatting kept), the other texts emptied; False
    for a field with no result to set (left for Word to fill in, unlocked)."""
    found = list(texts)
    for n, text in enumerate(found):
        text.text = shown if n == 0 else ""
    return bool(found)
