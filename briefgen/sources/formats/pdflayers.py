"""A PDF's optional content (layers) as a viewer first shows it: text in a layer that is off is not seed text;
nor, in a tagged PDF, is its artifacts' text.

A PDF may put content in optional content groups (its layers: a language version of a brochure, a map's labels,
a watermark, editing notes), each on or off when the document opens, as the catalogue's /OCProperties /D says
(/BaseState, then the /ON and /OFF lists). A viewer draws only what is in layers that are on; pdfminer reads it
all. Content is in a layer through marked content (`/OC /name BDC … EMC`, the name a /Properties resource) or a
form XObject's /OC entry; either may name a group or a membership dictionary (/OCMD: its groups and a policy,
/AnyOn by default). What is hidden is left out, nested spans and forms drawn inside a hidden span included.

A tagged PDF (/MarkInfo /Marked true: Word's, LibreOffice's with tags, typst's, a browser's) marks what is no part
of its content as an artifact (`/Artifact … BDC … EMC`): running headers and footers, page numbers, a table's
header row repeated on the next page, watermarks. Their text is left out, as the running lines of an untagged
PDF are (pdffurniture.py), but also where it does not recur: a one-page document's header, a header that names
each chapter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFStackT
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral, literal_name


def _any_off(on: list[bool]) -> bool:
    return not all(on)


def _all_off(on: list[bool]) -> bool:
    return not any(on)


# A membership dictionary's policy: from whether each of its groups is on, whether its content is shown.
_POLICIES: dict[str, Callable[[list[bool]], bool]] = {"AnyOn": any, "AllOn": all, "AnyOff": _any_off,
                                                      "AllOff": _all_off}


def hidden_groups(document: PDFDocument) -> frozenset[int]:
    """The object numbers of the optional content groups that are off when the document opens."""
    properties = resolve1(document.catalog.get("OCProperties"))
    if not isinstance(properties, dict):
        return frozenset()
    default = resolve1(properties.get("D"))
    default = default if isinstance(default, dict) else {}
    if _name(default.get("BaseState")) == "OFF":
        every = _ids(properties.get("OCGs"))
        return frozenset(every - _ids(default.get("ON")))
    return frozenset(_ids(default.get("OFF")))


def _name(value: object) -> str:
    value = resolve1(value)
    return literal_name(value) if isinstance(value, PSLiteral) else ""


def _ids(value: object) -> set[int]:
    items = resolve1(value)
    return {item.objid for item in items if isinstance(item, PDFObjRef)} if isinstance(items, list) else set()


def tagged(document: PDFDocument) -> bool:
    """Whether the PDF says it is tagged: its marked content tells content from artifacts."""
    info = resolve1(document.catalog.get("MarkInfo"))
    marked = resolve1(info.get("Marked")) if isinstance(info, dict) else None
    return marked is True or (isinstance(marked, PSLiteral) and literal_name(marked) == "true")


def hides(entry: object, hidden: frozenset[int]) -> bool:
    """Whether content in the optional content `entry` (a reference to a group or a membership dictionary) is
    hidden when the document opens."""
    if not hidden or not isinstance(entry, PDFObjRef):
        return False
    if entry.objid in hidden:
        return True
    members = resolve1(entry)
    if not isinstance(members, dict) or _name(members.get("Type")) != "OCMD":
        return False
    groups = resolve1(members.get("OCGs"))
    refs = [g for g in (groups if isinstance(groups, list) else [members.get("OCGs")]) if isinstance(g, PDFObjRef)]
    if not refs:
        return False
    policy = _POLICIES.get(_name(members.get("P")) or "AnyOn", _POLICIES["AnyOn"])
    return not policy([ref.objid not in hidden for ref in refs])


class LayeredInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, which tells its device (`device.hidden`, a count of open hidden spans) when the
    content it draws is in a layer that is off, and skips a form XObject in one."""

    hidden_ids: frozenset[int] = frozenset()
    artifacts = False  # a tagged PDF: its artifacts' text is left out too

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self._spans: list[bool] = []  # for each open marked-content span: whether it hides what it holds

    def subinterp(self) -> PDFPageInterpreter:
        inner = super().subinterp()
        if isinstance(inner, LayeredInterpreter):
            inner.hidden_ids, inner.artifacts = self.hidden_ids, self.artifacts
        return inner

    def do_BDC(self, tag: PDFStackT, props: PDFStackT) -> None:
        entry: object = props
        if isinstance(tag, PSLiteral) and literal_name(tag) == "OC" and isinstance(props, PSLiteral):
            named = resolve1(self.resources.get("Properties")) if isinstance(self.resources, dict) else None
            entry = named.get(literal_name(props)) if isinstance(named, dict) else None
        name = literal_name(tag) if isinstance(tag, PSLiteral) else ""
        self._open((name == "OC" and hides(entry, self.hidden_ids)) or (name == "Artifact" and self.artifacts))
        super().do_BDC(tag, props)

    def do_BMC(self, tag: PDFStackT) -> None:
        self._open(isinstance(tag, PSLiteral) and literal_name(tag) == "Artifact" and self.artifacts)
        super().do_BMC(tag)

    def do_EMC(self) -> None:
        if self._spans and self._spans.pop():
            self.device.hidden -= 1  # type: ignore[attr-defined]
        super().do_EMC()

    def do_Do(self, xobjid_arg: PDFStackT) -> None:
        xobj = resolve1(self.xobjmap.get(literal_name(xobjid_arg))) if self.hidden_ids else None
        if xobj is not None and hides(getattr(xobj, "attrs", {}).get("OC"), self.hidden_ids):
            return
        super().do_Do(xobjid_arg)

    def _open(self, hiding: bool) -> None:
        self._spans.append(hiding)
        if hiding:
            self.device.hidden += 1  # type: ignore[attr-defined]
