"""Assertions shared by the property tests: a written DOCX or PDF holds exactly the document model's text
and notes (see tests/expect.py for the normalisation)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

from bidi.algorithm import MIRRORED

from briefgen.document.nodes import Banner, Document, Heading, Link, Note, NoteRef, Span, Theme, WriteResult
from briefgen.document.notes import ascending
from briefgen.document.scripts import has_rtl
from briefgen.writers.pdf.writer import UNTITLED
from tests import expect
from tests.readback import PdfContent, PdfLink, read_docx, read_pdf


def check_docx(doc: Document, theme: Theme, path: Path, result: WriteResult) -> None:
    got = read_docx(path)
    # each cluster of marks in ascending note order, as both writers print it
    assert [p.replace("\r", "\n") for p in got.paragraphs] == expect.docx_paragraphs(ascending(doc))
    notes = expect.first_notes(doc)
    assert result.notes == len(notes) == len(got.notes)
    # footnotes.xml and the body references match one to one, numbered in order of first citation
    assert got.references == list(range(1, len(notes) + 1)) == sorted(got.notes)
    for number, note in enumerate(notes, 1):
        assert got.notes[number].replace("\r", "\n") == " " + expect.docx_form(expect.note_text(note))
    # every repeated citation is a NOTEREF field showing the number of the footnote its bookmark wraps
    assert len(got.noterefs) == len(doc.notes()) - len(notes)
    for bookmark, shown in got.noterefs:
        assert str(got.bookmarks[bookmark]) == shown
    banner = next((expect.one_line(expect.docx_form(b.text)) for b in doc.blocks if isinstance(b, Banner)), "")
    org, footer = (expect.one_line(expect.docx_form(t)) for t in (theme.organisation, theme.footer))
    assert got.furniture[0] == f"{org}\t\t"
    assert got.furniture[1] in _with_banner(org, banner, "")
    assert got.furniture[2] == got.furniture[3] and got.furniture[2] in _with_banner(footer, banner, "Page 1 of 1")
    meta = doc.meta
    fields = {"title": meta.title, "subject": meta.subject, "author": meta.author, "keywords": ", ".join(meta.keywords)}
    assert got.core == {key: expect.info(value)[:255] for key, value in fields.items()}


def _with_banner(before: str, banner: str, after: str) -> set[str]:
    """A header or footer line's text with the handling line between its two ends, or (where it would touch
    one: document/layout.banner_shares_line) on a line of its own above."""
    return {f"{before}\t{banner}\t{after}", *([f"{banner}\n{before}\t\t{after}"] if banner else [])}


def check_pdf(doc: Document, theme: Theme, path: Path, result: WriteResult) -> None:
    got = read_pdf(path)
    assert result.pages == len(got.pages)
    refs, backs = _note_links(got)
    cited = ascending(doc).notes()  # reading order, each cluster of marks in ascending order
    assert len(refs) == len(cited), "one superscript link per citation in the model"
    numbers = _numbering(refs, cited)
    assert result.notes == len(numbers) == len(backs), "one printed note per key, as in the DOCX"
    assert [note for _, note, _ in numbers.values()] == expect.first_notes(doc)
    body = ""
    for page, text in enumerate(got.pages):
        tail = _notes_text(page, numbers) + _furniture_text(doc, theme, page, len(got.pages))
        found = re.match(f"(?s)(.*){tail}\\Z", expect.pdf_squash(text))
        assert found, f"page {page + 1} must end with its notes and furniture"
        body += found.group(1)
    wanted = [expect.pdf_pattern(text, caps) for text, caps in expect.pieces(doc)]
    missing = expect.find_in_order(body, [w for w in wanted if w])
    assert missing is None, f"{missing!r} is not in the PDF body (in reading order)"
    _check_pdf_links_meta(doc, got, [note for _, note, _ in numbers.values()])


def _note_links(got: PdfContent) -> tuple[list[PdfLink], list[PdfLink]]:
    """Internal links split by direction: a citation points down to its note at the foot of its page, or back
    to an earlier page where the note was first cited; a note's number points back up to that first citation."""
    refs, backs = [], []
    for link in got.links:
        if link.target is None:
            continue
        page, y = link.target
        assert page <= link.page, "a note is on the page of its first citation, never later"
        assert page < link.page or not link.rect[1] <= y <= link.rect[3], "a link must lead away from itself"
        (refs if page < link.page or y < link.rect[1] else backs).append(link)
    return refs, backs


def _numbering(refs: list[PdfLink], cited: list[Note]) -> dict[str, tuple[int, Note, int]]:
    """One note per key, numbered in order of first citation: key -> (number, note, page it is printed on)."""
    numbers: dict[str, tuple[int, Note, int]] = {}
    for link, note in zip(refs, cited, strict=True):
        numbers.setdefault(note.key, (len(numbers) + 1, note, link.page))
    return numbers


def _notes_text(page: int, numbers: dict[str, tuple[int, Note, int]]) -> str:
    on_page = sorted((number, note) for number, note, p in numbers.values() if p == page)
    return "".join(f"{number}{_runs_form(note.content)}" for number, note in on_page)


def _runs_form(runs: tuple[Span | Link, ...]) -> str:
    pieces = list(expect.inline_pieces(runs))
    if not expect.in_drawing_order(pieces) and pieces:
        # A note drawn right to left or shaped (its text is checked by tests/test_scripts.py): its opening
        # words, where they are Latin, still come first, as written; they keep the note's number from being
        # matched inside the text before it (a body ending in "¶1" before a note numbered 1).
        return "".join(expect.pdf_pattern(text, caps) for text, caps in _latin_opening(pieces)) + ".*?"
    return "".join(expect.pdf_pattern(text, caps) for text, caps in pieces)


def _latin_opening(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The pieces' text up to the first character beyond ASCII, when its first letter is Latin (the line is
    then left to right, and what precedes the first right-to-left word is drawn as written), cut back to its
    last letter (digits and punctuation next to right-to-left text may move), and before a letter that carries a
    combining mark; nothing otherwise. A note with no right-to-left letter (shaped for a combining mark or an
    Indic script) keeps its whole opening up to that character: nothing before it moves, and a note of
    punctuation alone ("<!-- [^1]") would otherwise leave its number to match a "1" inside its own text."""
    rtl = has_rtl("".join(piece for piece, _ in pieces))
    first = next((char for piece, _ in pieces for char in piece if char.isalpha()), "")
    if rtl and not (first.isascii() and first):
        return []
    opening: list[tuple[str, bool]] = []
    for piece, caps in pieces:
        cut = next((i for i, char in enumerate(piece) if not char.isascii()), None)
        if cut and unicodedata.category(piece[cut]).startswith("M"):
            cut -= 1  # a mark combines with the letter before it, drawn as one glyph (e + U+0301 as é)
        opening.append((piece[:cut], caps))
        if cut is not None:
            break
    if not rtl:  # shaped only (a combining mark, an Indic script): what comes before is drawn as written
        return opening
    while opening and not any(c.isalpha() for c in opening[-1][0]):
        opening.pop()
    if opening:
        last, caps = opening[-1]
        opening[-1] = (last[:max(i for i, c in enumerate(last) if c.isalpha()) + 1], caps)
    return opening


def _furniture_text(doc: Document, theme: Theme, page: int, total: int) -> str:
    banner = next((b.text for b in doc.blocks if isinstance(b, Banner)), "")
    org, footer, banner = (expect.one_line(expect.xml_safe(t)) for t in (theme.organisation, theme.footer, banner))
    top, bottom = (_drawn(banner, caps=True),) * 2
    if page == 0:
        top = ""  # page 1 opens with the banner paragraph
    elif expect.reorders(banner):  # drawn alike in the header and under the footer: the same text twice, so the
        top, bottom = "(?P<banner>.+?)", "(?P=banner)"  # body before them cannot take the header's (a lone "́")
    return "".join((_drawn(org), top, _drawn(footer), f"Page{page + 1}of{total}", bottom))


def _drawn(text: str, caps: bool = False) -> str:
    """A line of furniture as extracted. When the PDF draws its glyphs in another order than the characters
    are written (right to left, shaped: tests/test_pdf_page_scripts.py reads those), as many characters as
    it draws, of those it holds in any order (an Arabic letter as any of its presentation forms; a lone mark
    on a dotted circle; a letter and its mark as one; a bracket as its mirror; a lam-alef one character or
    two), so that the body
    before it cannot take any of it."""
    if not expect.reorders(text):
        return expect.pdf_pattern(text, caps)
    drawn = [expect.PDF_DRAWS.get(c, c) for c in expect.xml_safe(text.upper() if caps else text)
             if not c.isspace() and c not in expect.UNDRAWN]  # a BOM drawn as a word joiner, as pdf_pattern has it
    if not drawn:
        return ""
    composed = unicodedata.normalize("NFC", "".join(drawn))  # a letter and its mark may be one glyph (e + ́: é)
    chars = set(drawn) | set(composed) | {"\u25cc"} | {form for c in drawn for form in _FORMS.get(c, ())} | {
        str(MIRRORED.get(c, c)) for c in drawn}  # a bracket in a right-to-left run is drawn as its mirror
    fewer = sum(1 for a, b in itertools.pairwise(drawn) if a == "\u0644" and b in "\u0622\u0623\u0625\u0627")
    more = sum(1 for c in drawn if unicodedata.category(c).startswith("M"))
    return f"[{re.escape(''.join(sorted(chars)))}]{{{max(len(composed) - fewer, 1)},{len(drawn) + more}}}"


def _presentation_forms() -> dict[str, tuple[str, ...]]:
    """Each letter's presentation forms (Arabic, Hebrew, the Latin ligatures), which pypdf may copy out."""
    forms: dict[str, list[str]] = {}
    for code in (*range(0xFB00, 0xFE00), *range(0xFE70, 0xFF00)):
        for letter in unicodedata.normalize("NFKC", chr(code)):
            forms.setdefault(letter, []).append(chr(code))
    return {letter: tuple(found) for letter, found in forms.items()}


_FORMS = _presentation_forms()


def _check_pdf_links_meta(doc: Document, got: PdfContent, printed: list[Note]) -> None:
    """Every web link of the body and of the printed notes is a link annotation (a link that wraps over
    two lines has one annotation per line, so sets are compared; a link shows its address when it has no text of
    its own, Link.label); headings are bookmarks."""
    links = expect.links(doc) + [run for note in printed for run in note.content if isinstance(run, Link)]
    found = {link.uri for link in got.links if link.uri is not None}
    assert {expect.uri(link.url) for link in links if link.label.strip()} <= found
    assert found <= {expect.uri(link.url) for link in links}
    outline = [expect.xml_safe("".join(r.text for r in b.content if not isinstance(r, NoteRef))) or " "
               for b in doc.blocks if isinstance(b, Heading) and b.level >= 1]
    assert got.outline == outline
    meta = doc.meta
    assert {key: got.metadata.get(f"/{key}") for key in ("Title", "Author", "Subject", "Keywords")} == {
        "Title": expect.info(meta.title) or UNTITLED, "Author": expect.info(meta.author),
        "Subject": expect.info(meta.subject),
        "Keywords": ", ".join(expect.info(k) for k in meta.keywords)}

