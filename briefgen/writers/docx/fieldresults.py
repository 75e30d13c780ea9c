"""The fields of a reference's header and footer that briefgen sets, as the PDF prints them: dates and the file's name.

Word updates a DATE field to the day it opens the document, so a brief read a month later would carry that
day in its letterhead while its PDF carries the brief's own date (document/fields.py). Each date field
(complex or simple) keeps its code, gets the brief's date in its picture as its result, and is locked
(`w:fldLock`): Word and LibreOffice show that result and leave it, and a user can still unlock and update it.
A FILENAME field gets the brief's file name as its result, unlocked: Word shows the name the file has when it
is opened, which is this one until the reader renames it. A document property field (TITLE…) gets the brief's
property, and a content control bound to one its text, as Word shows them from the brief's core properties
(a reader that does not follow the binding, LibreOffice or pandoc, shows the same).
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.document.fields import FieldValues, bound_property, field_text, is_date_field

_W_T, _FLD_CHAR, _INSTR = qn("w:t"), qn("w:fldChar"), qn("w:instrText")
_FLD_SIMPLE, _TYPE, _LOCK, _INSTR_ATTR = qn("w:fldSimple"), qn("w:fldCharType"), qn("w:fldLock"), qn("w:instr")
_SDT, _BINDING, _XPATH = qn("w:sdt"), f"{qn('w:sdtPr')}/{qn('w:dataBinding')}", qn("w:xpath")
_PLACEHOLDER_SHOWN, _CONTENT = f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}", qn("w:sdtContent")


def settle_fields(parts: Iterable[_Element], values: FieldValues) -> None:
    """Every date and file-name field of the header and footer parts `parts` (their root elements) shows
    what `values` gives it, a date locked."""
    for root in parts:
        for simple in root.iter(_FLD_SIMPLE):
            code = simple.get(_INSTR_ATTR, "")
            if _settled(code, list(simple.iter(_W_T)), values) and is_date_field(code):
                simple.set(_LOCK, "1")
        _complex_fields(root, values)
        for control in root.iter(_SDT):
            _bound(control, values)


def _bound(control: _Element, values: FieldValues) -> None:
    """A content control bound to a document property shows the brief's (not the placeholder text Word shows
    for an empty one, nor the reference's own title)."""
    binding = control.find(_BINDING)
    name = None if binding is None else bound_property(binding.get(_XPATH, ""))
    content = control.find(_CONTENT)
    shown = values.property(name) if name else ""
    texts = [] if content is None else list(content.iter(_W_T))
    if not shown or not texts:
        return
    for n, text in enumerate(texts):
        text.text = shown if n == 0 else ""
    flag = control.find(_PLACEHOLDER_SHOWN)
    if flag is not None:  # no longer the placeholder: drop the flag and the placeholder's grey
        flag.getparent().remove(flag)
        for style in content.iter(qn("w:rStyle")):
            if style.get(qn("w:val")) == "PlaceholderText":
                style.getparent().remove(style)


def _complex_fields(root: _Element, values: FieldValues) -> None:
    """Fields written as runs: begin, code, separate, result, end (nested fields are read through)."""
    stack: list[tuple[_Element, list[str], list[_Element]]] = []  # begin, code pieces, result runs' texts
    for element in root.iter(_FLD_CHAR, _INSTR, _W_T):
        if element.tag == _FLD_CHAR:
            kind = element.get(_TYPE)
            if kind == "begin":
                stack.append((element, [], []))
            elif kind == "end" and stack:
                begin, code, shown = stack.pop()
                if _settled("".join(code), shown, values) and is_date_field("".join(code)):
                    begin.set(_LOCK, "1")
        elif stack and element.tag == _INSTR:
            stack[-1][1].append(element.text or "")
        elif stack and element.tag == _W_T:
            stack[-1][2].append(element)


def _settled(code: str, texts: list[_Element], values: FieldValues) -> bool:
    """The field's result set to what it shows (its first text, its formatting kept; the other texts emptied);
    False for a field briefgen does not set, or one with no result to set (left for Word to fill in)."""
    shown = field_text(code, values)
    if shown is None or not texts:
        return False
    for n, text in enumerate(texts):
        text.text = shown if n == 0 else ""
    return True
