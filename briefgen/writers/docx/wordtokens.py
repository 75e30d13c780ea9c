"""A paragraph of WordprocessingML as tokens: the unit the redline compares.

Words (found in Chinese, Japanese or Thai too, which need no spaces: briefgen/text.py) and the spaces
between them, tabs and breaks, footnote references, field parts and pictures, each
compared by what it shows (a footnote reference by being one, a NOTEREF field without its bookmark number, a
picture by its description). Bookmarks are not compared: they ride along with the token they precede.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from lxml import etree

from briefgen.text import without_controls, words

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, R, T = q("p"), q("tbl"), q("r"), q("t")
_BOOKMARKS = (q("bookmarkStart"), q("bookmarkEnd"))
_TRACKED = (q("ins"), q("del"))
_READ_IN = (P, q("hyperlink"), *_TRACKED)  # what a paragraph's walk descends into, and reads all of
_READ = frozenset((q("pPr"), R, q("hyperlink"), *_TRACKED, *_BOOKMARKS))
_NOTE_NUMBER = re.compile(r"_RefNote\d+")
NOTE_TEXT = q("briefgenNoteText")  # a note's words on its reference while two briefs are compared


@dataclass
class Token:
    key: tuple[str, ...]
    rpr: etree._Element | None
    text: str | None = None  # a piece of w:t text, else `elem` is the run's child to copy
    elem: etree._Element | None = None
    link: etree._Element | None = None  # the w:hyperlink it sits in
    before: list[etree._Element] = field(default_factory=list)  # bookmarks placed before it


def mark_notes(body: etree._Element, notes: dict[str, etree._Element]) -> None:
    """Give each footnote reference in `body` its note's words, so that a reference is the same token in two
    briefs only when its note reads the same (removed again by `unmark_notes`). A note that changed is then a
    reference deleted and another inserted, the old note and the new one whole: LibreOffice (7.4) reads the
    changes tracked inside the first note of a DOCX only, and shows the others' old and new words as one."""
    for ref in body.iter(q("footnoteReference")):
        note = notes.get(str(ref.get(q("id"))))
        words = "" if note is None else "\x1e".join(block_key(p)[1] for p in note.iter(P))
        ref.set(NOTE_TEXT, hashlib.sha256(words.encode()).hexdigest())


def unmark_notes(body: etree._Element) -> None:
    for ref in body.iter(q("footnoteReference")):
        ref.attrib.pop(NOTE_TEXT, None)


def unread(root: etree._Element) -> str | None:
    """The first element inside a paragraph of `root` that tokens do not read (a content control, a simple
    field, a smart tag…), if any: a paragraph rebuilt from its tokens would lose it, so a part holding one is
    not redlined."""
    for p in root.iter(P):
        for child in p.iter():
            parent = child.getparent()
            if child is not p and parent is not None and parent.tag in _READ_IN and child.tag not in _READ:
                return str(etree.QName(child).localname)
    return None


def footnote_map(root: etree._Element) -> dict[str, etree._Element]:
    """The real notes of a footnotes part by id (Word's separator notes left out)."""
    return {str(n.get(q("id"))): n for n in root.iter(q("footnote")) if n.get(q("type")) is None}


def tokens(p: etree._Element) -> tuple[list[Token], list[etree._Element]]:
    """The paragraph's tokens and the bookmarks after its last one."""
    found: list[Token] = []
    pending: list[etree._Element] = []
    _walk(p, None, pending, found)
    return found, pending


def _walk(parent: etree._Element, link: etree._Element | None, pending: list[etree._Element],
          found: list[Token]) -> None:
    for child in parent:
        if child.tag == R:
            for token in _run(child, link):
                token.before, pending[:] = list(pending), []
                found.append(token)
        elif child.tag == q("hyperlink"):
            _walk(child, child, pending, found)
        elif child.tag in _TRACKED:
            _walk(child, link, pending, found)
        elif child.tag in _BOOKMARKS:
            pending.append(child)


def _run(run: etree._Element, link: etree._Element | None) -> list[Token]:
    rpr = run.find(q("rPr"))
    found: list[Token] = []
    for child in run:
        if child.tag == q("rPr"):
            continue
        if child.tag in (T, q("delText")):
            # compared as a reader sees them: a direction mark added or gone is no change to show
            found.extend(Token(("t", without_controls(piece)), rpr, text=piece, link=link)
                         for piece in words(child.text or "", punctuation_apart=True))
        else:
            found.append(Token(_key(child), rpr, elem=child, link=link))
    return found


def _key(child: etree._Element) -> tuple[str, ...]:
    name = etree.QName(child).localname
    if name == "footnoteReference":
        return ("note", str(child.get(NOTE_TEXT, "")))
    if name in ("instrText", "delInstrText"):
        return ("instr", _NOTE_NUMBER.sub("", child.text or "").strip())
    if name == "fldChar":
        return ("fld", str(child.get(q("fldCharType"))))
    if name == "drawing":
        described = [str(e.get("descr")) for e in child.iter() if e.get("descr") is not None]
        return ("drawing", *described)
    return ("x", name)


def block_key(block: etree._Element) -> tuple[str, str]:
    if block.tag == P:
        return "p", "\x1f".join("".join(t.key) for t in tokens(block)[0])
    return "tbl", "\x1e".join(block_key(p)[1] for p in block.iter(P))


def likeness_key(block: etree._Element) -> tuple[str, list[str]]:
    """What `similar` compares of a block: its kind and its words. Counted on the words: the spaces between
    them, half of every paragraph's tokens, made any two paragraphs of prose look half alike, and a reviewer
    read a dropped paragraph and an unrelated new one interleaved word by word."""
    return likeness_of(block_key(block))


def likeness_of(key: tuple[str, str]) -> tuple[str, list[str]]:
    """`likeness_key` of the block whose `block_key` is `key`."""
    if key[0] == "tbl":
        return "tbl", []
    found: list[str] = []
    joins, bare_before = False, False  # the token before was text, with no space since; it was punctuation
    for token in key[1].split("\x1f"):
        text, bare = token[:1] == "t", not worded(token)
        if text and token[1:].isspace():
            joins = False
            continue
        if found and joins and text and (bare or bare_before):
            found[-1] += token[1:]
        else:
            found.append(token)
        joins, bare_before = text, bare
    return "p", found


def worded(key: str) -> bool:
    """Is the token whose joined key is `key` a word: not a space, nor punctuation alone ("," "«" "。"), which
    every paragraph of prose holds (a token that is not text is). Paragraphs are likened on their words with
    the punctuation they are written with, as cut at spaces ("holds," "“What"): counted apart, commas and
    quotes made a dropped paragraph look like a new line quoting its first words."""
    return key[:1] != "t" or any(char.isalnum() for char in key[1:])
