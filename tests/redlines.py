"""Reading a redline back: its text with every tracked change accepted, or every one rejected.

Done on the XML as Word defines the marks (independently of briefgen's writer): an accepted insertion stays
and an accepted deletion goes; a paragraph or table row whose own mark is tracked goes with its change.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

from tests.expect import BIDI_CONTROLS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def resolve(root: etree._Element, accept: bool) -> etree._Element:
    """A copy of `root` with every tracked change accepted (or rejected). A move is a deletion where the text was
    (w:moveFrom, whose text stays w:t) and an insertion where it is (w:moveTo); a change inside a change goes
    with the outer one when that one goes; the move ranges' start and end marks are bookkeeping, dropped."""
    root = copy.deepcopy(root)
    gone, kept = (("del", "moveFrom"), ("ins", "moveTo")) if accept else (("ins", "moveTo"), ("del", "moveFrom"))
    for row in root.xpath(f".//w:tr[w:trPr/*[{_self(gone)}]]", namespaces=NS):
        row.getparent().remove(row)
    for p in root.xpath(f".//w:p[w:pPr/w:rPr/*[{_self(gone)}]]", namespaces=NS):
        p.getparent().remove(p)
    for mark in root.xpath(f".//*[{_self(gone)}]", namespaces=NS):
        if mark.getparent() is not None and mark.getparent().tag not in (q("rPr"), q("trPr")):
            mark.getparent().remove(mark)
    for mark in root.xpath(f".//*[{_self(kept)}]", namespaces=NS):
        parent = mark.getparent()
        if parent.tag in (q("rPr"), q("trPr")):
            parent.remove(mark)
            continue
        index = parent.index(mark)
        for offset, child in enumerate(list(mark)):
            parent.insert(index + offset, child)
        parent.remove(mark)
    for bound in root.xpath(".//w:moveFromRangeStart | .//w:moveFromRangeEnd | .//w:moveToRangeStart | "
                            ".//w:moveToRangeEnd", namespaces=NS):
        bound.getparent().remove(bound)
    for old in root.iter(q("delText"), q("delInstrText")):
        old.tag = q("t") if old.tag == q("delText") else q("instrText")
    return root


def _self(names: tuple[str, ...]) -> str:
    """An XPath test: the element is one of `names` (w: local names)."""
    return " or ".join(f"self::w:{n}" for n in names)


def paragraphs(root: etree._Element) -> list[str]:
    """The visible text of every paragraph (field codes and bidi format characters left out: invisible, a redline
    does not track them), in document order."""
    return ["".join(c for t in p.iter(q("t")) for c in t.text or "" if c not in BIDI_CONTROLS)
            for p in root.iter(q("p"))]


def parts(path: Path) -> tuple[etree._Element, etree._Element]:
    with zipfile.ZipFile(path) as archive:
        notes = (etree.fromstring(archive.read("word/footnotes.xml")) if "word/footnotes.xml" in archive.namelist()
                 else etree.Element(q("footnotes")))  # a document without notes
        return etree.fromstring(archive.read("word/document.xml")), notes


def notes_in_order(document: etree._Element, footnotes: etree._Element) -> list[list[str]]:
    """The text of each note, in the order the body references them."""
    by_id = {n.get(q("id")): n for n in footnotes.iter(q("footnote"))}
    return [paragraphs(by_id[r.get(q("id"))]) for r in document.iter(q("footnoteReference"))]


def text_of(path: Path, accept: bool | None = None) -> tuple[list[str], list[list[str]]]:
    """Body paragraphs and notes of a DOCX, with its tracked changes accepted, rejected or (None) as stored."""
    document, footnotes = parts(path)
    if accept is not None:
        document, footnotes = resolve(document, accept), resolve(footnotes, accept)
    return paragraphs(document), notes_in_order(document, footnotes)
