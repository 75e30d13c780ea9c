"""The spillage check: read every staged brief back and look for anything withheld from its audience.

Run after the files are written under temporary names and before any is published. A DOCX is read part by
part: every XML part (the document, footnotes, headers, footers, core, app and custom properties,
relationships), its text as a reader sees it (the runs of a paragraph joined, paragraphs, cells, tabs and
breaks apart) and every attribute value. A PDF is read as its text page by page and across pages, and as
every string of its objects (document information, outline, link targets, named destinations, the structure
tree's alternate and actual texts) and its XMP metadata. What is sought, and how (normalised, look-alike
letters folded, squeezed to letters and digits, by runs of words), is render/needles.py.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from briefgen.document.wordvalues import W
from briefgen.errors import BriefgenError, Problem
from briefgen.regen.pdfstrings import pdf_texts
from briefgen.render.needles import Finder, Haystack, Needle, words_of

_HINT = ("nothing was published: a template, a profile or the brief's title, subject or keywords print withheld "
         "material; fix it, or raise the audience's ceiling if it may see this")
_APART = {f"{W}{tag}" for tag in ("p", "tab", "br", "cr", "tc", "tr", "ptab", "noBreakHyphen")}
_WORD_TEXT = {f"{W}{tag}" for tag in ("t", "delText", "instrText", "delInstrText")}


@dataclass(frozen=True)
class Staged:
    """One brief written under a temporary name, not yet published."""

    audience: str
    path: Path  # the staged file
    shown_as: str  # the name it will be published under, for the message


def check_spillage(staged: Iterable[Staged], withheld: Mapping[str, Sequence[Needle]]) -> None:
    """Raise a BriefgenError naming every withheld text found in a staged brief (audience → needles)."""
    problems: list[Problem] = []
    for brief in staged:
        needles = withheld.get(brief.audience, ())
        if needles:
            problems += _hits(brief, needles)
    if problems:
        raise BriefgenError(problems)


def _hits(brief: Staged, needles: Sequence[Needle]) -> list[Problem]:
    return [Problem(brief.shown_as, f"spillage: the {brief.audience} brief holds withheld {what}, found in {where}",
                    hint=_HINT) for what, where in found_in(brief.path, needles)]


def found_in(path: Path, needles: Sequence[Needle]) -> list[tuple[str, str]]:
    """(what, where) of each withheld text found in the brief at `path`, once, at the first place it appears.
    A withheld source's whole text is sought once in all the file's text together (its runs of words: each
    place alone would cost a pass over the source's words)."""
    found: dict[str, str] = {}
    places = list(_read_back(path))
    texts = Finder([n for n in needles if not n.words])
    for where, text in places:
        found.update((what, where) for what in texts.found(Haystack.of(text)) if what not in found)
    sources = [n for n in needles if n.words]
    if sources:
        whole = Haystack.of("\n".join(text for _where, text in places))
        for needle in sources:
            if (run := whole.run_of(needle)) is not None:
                found[needle.what] = next((where for where, text in places if run in words_of([text])), path.name)
    return list(found.items())


def _read_back(path: Path) -> Iterator[tuple[str, str]]:
    with path.open("rb") as head:
        is_pdf = head.read(5) == b"%PDF-"
    yield from pdf_texts(path) if is_pdf or path.name.endswith(".pdf") else _docx_texts(path)


def _docx_texts(path: Path) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            if name.endswith((".xml", ".rels")):
                yield name, _xml_text(archive.read(name))
        yield "the package's part names", "\n".join(names)


def _xml_text(data: bytes) -> str:
    """The part's text as a reader sees it (the runs of a paragraph joined; paragraphs, cells, tabs and breaks
    apart; the text of any other element apart) and every attribute value."""
    root = ET.fromstring(data)
    texts: list[str] = []
    attributes: list[str] = []
    for element in root.iter():
        if element.tag in _WORD_TEXT:
            texts.append(element.text or "")
        elif element.tag in _APART:
            texts.append(f"\n{element.text or ''}\n")
        elif not element.tag.startswith(W):  # properties, relationships, drawings: each text apart
            texts.append(f"\n{element.text or ''}\n{element.tail or ''}\n")
        attributes += element.attrib.values()
    return "".join(texts) + "\n" + "\n".join(attributes)
