"""The spillage check: read every staged brief back and look for anything withheld from its audience.

Run after the files are written under temporary names and before any is published. A DOCX is read part by
part (the document, footnotes, headers, footers, core and app properties, relationships: every XML part, text
and attribute values), a PDF as its text page by page, its metadata, outline and link annotations. Both sides
are compared after verification's normalisation (case, quotes, dashes, white space), whole words only.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from briefgen.errors import BriefgenError, Problem
from briefgen.render.release import Needle
from briefgen.sources.textnorm import normalise

SHORTEST = 4  # shorter withheld texts ("12", "US") are too common to tell a leak from a coincidence
WINDOW = 60  # a long text is also sought by its opening and closing words (a page break may split it)
_HINT = ("nothing was published: a template or profile prints withheld material; fix it, or raise the "
         "audience's ceiling if it may see this")


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
        patterns = _patterns(withheld.get(brief.audience, ()))
        if not patterns:
            continue
        problems += _hits(brief, patterns)
    if problems:
        raise BriefgenError(problems)


def _hits(brief: Staged, patterns: list[tuple[str, re.Pattern[str]]]) -> list[Problem]:
    """Each withheld text found, once per file, at the first place it appears."""
    found: dict[str, str] = {}
    for where, text in _read_back(brief.path):
        haystack = normalise(text)
        for what, pattern in patterns:
            if what not in found and pattern.search(haystack):
                found[what] = where
    return [Problem(brief.shown_as, f"spillage: the {brief.audience} brief holds withheld {what}, found in {where}",
                    hint=_HINT) for what, where in found.items()]


def _patterns(needles: Sequence[Needle]) -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for needle in needles:
        text = normalise(needle.text)
        if len(text) < SHORTEST:
            continue
        parts = [text] if len(text) <= 2 * WINDOW else [text, *_ends(text)]
        alternatives = "|".join(re.escape(p) for p in parts)
        found.append((needle.what, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")))
    return found


def _ends(text: str) -> tuple[str, str]:
    """The first and last WINDOW characters of `text`, cut at word boundaries."""
    head = text[:WINDOW].rsplit(" ", 1)[0]
    tail = text[-WINDOW:].split(" ", 1)[-1]
    return head, tail


def _read_back(path: Path) -> Iterator[tuple[str, str]]:
    if path.name.endswith(".pdf") or path.read_bytes()[:5] == b"%PDF-":
        yield from _pdf_texts(path)
    else:
        yield from _docx_texts(path)


def _docx_texts(path: Path) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                yield name, _xml_text(archive.read(name))


def _xml_text(data: bytes) -> str:
    """The part's text as a reader sees it (the runs of a paragraph joined) and every attribute value."""
    root = ET.fromstring(data)
    texts: list[str] = []
    attributes: list[str] = []
    for element in root.iter():
        texts += [element.text or "", element.tail or ""]
        attributes += element.attrib.values()
    return "".join(texts) + "\n" + "\n".join(attributes)


def _pdf_texts(path: Path) -> Iterator[tuple[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    texts = []
    for number, page in enumerate(reader.pages, start=1):
        texts.append(page.extract_text() or "")
        yield f"the PDF text of page {number}", texts[-1]
        yield f"a link annotation on page {number}", "\n".join(_uris(page))
    yield "the PDF text (across pages)", "\n".join(texts)
    yield "the PDF metadata", "\n".join(str(value) for value in (reader.metadata or {}).values())
    yield "the PDF outline (bookmarks)", "\n".join(_titles(reader.outline))


def _resolved(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _uris(page: Any) -> Iterator[str]:
    for annotation in _resolved(page.get("/Annots")) or []:
        action = _resolved(_resolved(annotation).get("/A")) or {}
        yield str(_resolved(action.get("/URI", "")))


def _titles(outline: Any) -> Iterator[str]:
    for entry in outline:
        if isinstance(entry, list):
            yield from _titles(entry)
        else:
            yield str(entry.title)
