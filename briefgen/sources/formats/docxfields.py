"""A DOCX's fields read as Word shows them: a field (w:fldChar begin, separate, end) as its result, never its
code (w:instrText, and any field nested in the code: `{ = { PAGE } + 1 }` shows "4", not "34"); a field with no
result as nothing.

Some fields show nothing even where the file stores a result: SET (it gives a bookmark a value; a REF after it
shows the value, and LibreOffice writes its variables so, the value as SET's result and again as REF's, which
Word shows once its fields are updated), ASK, index and table-of-contents entries (XE, TC, TA, RD), mail merge's
record rules (NEXT, NEXTIF, SKIPIF) and PRIVATE. Their result is not read, in a complex field or a w:fldSimple.

A button (MACROBUTTON, GOTOBUTTON: the placeholders "[Click here and type the date]" of Word's templates) stores no
result: Word shows the rest of its code, its display text, which is read in its place. A legacy drop-down form
field (FORMDROPDOWN) stores no result: Word shows the entry chosen (w:ddList's w:result,
the first when none is), which is read in its place. Nor does a SYMBOL field, as Word 97-2003 wrote bullets and
signs, always: Word shows its character (`SYMBOL 183 \\f "Symbol"` is "•"), which is read in its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.sources.formats.docxsym import symbol_field

SILENT = frozenset({"SET", "ASK", "XE", "TC", "TA", "RD", "NEXT", "NEXTIF", "SKIPIF", "PRIVATE"})


BUTTONS = frozenset({"MACROBUTTON", "GOTOBUTTON"})  # a button: its code's words after the first two are shown


def unstored(code: str) -> str:
    """What a field that stores no result shows: a SYMBOL field's character (docxsym.py), a MACROBUTTON's or
    GOTOBUTTON's display text (the rest of its code after the macro or bookmark named, as typed: templates'
    "[Click here and type the title]"), else nothing."""
    words = code.split(None, 2)
    name = words[0].upper() if words else ""
    if name in BUTTONS:
        return words[2].strip() if len(words) > 2 else ""
    return symbol_field(code) if name == "SYMBOL" else ""


def silent(code: str) -> bool:
    """Whether a field of this code shows nothing, whatever result it stores."""
    words = code.split(None, 1)
    return bool(words) and words[0].upper() in SILENT


@dataclass
class _Field:
    in_result: bool = False  # past its code (w:fldChar separate)
    code: list[str] = field(default_factory=list)
    silent: bool = False
    entries: list[str] = field(default_factory=list)  # a drop-down form field's entries (w:listEntry)
    chosen: int = 0  # the one chosen (w:result)


class Fields:
    """The complex fields open at a point of a part, innermost last; `hiding` counts those whose content there
    is not shown (in their code, or in a silent field's result), so text is shown where it is 0."""

    def __init__(self) -> None:
        self.open: list[_Field] = []
        self.hiding = 0

    def char(self, kind: str) -> str:
        """A field's begin, separate or end (w:fldChar's w:fldCharType): the text Word shows there that the
        file stores no run for (a drop-down form field's entry chosen), else ""."""
        if kind == "begin":
            self.open.append(_Field())
            self.hiding += 1
        elif kind == "separate" and self.open and not self.open[-1].in_result:
            here = self.open[-1]
            here.in_result, here.silent = True, silent("".join(here.code))
            self.hiding -= not here.silent
        elif kind == "end" and self.open:
            here = self.open.pop()
            self.hiding -= not here.in_result or here.silent
            if not here.in_result and "".join(here.code).split()[:1] == ["FORMDROPDOWN"]:
                return here.entries[here.chosen] if 0 <= here.chosen < len(here.entries) else ""
            if not here.in_result:
                return unstored("".join(here.code))
        return ""

    def entry(self, name: str, value: str) -> None:
        """A drop-down form field's entry (w:listEntry) or the number of the one chosen (w:result)."""
        if not self.open:
            return
        if name == "listEntry":
            self.open[-1].entries.append(value)
        elif value.isdigit():
            self.open[-1].chosen = int(value)

    def code(self, text: str) -> None:
        """A piece of the innermost field's code (w:instrText)."""
        if self.open and not self.open[-1].in_result:
            self.open[-1].code.append(text)
