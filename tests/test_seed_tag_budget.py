"""A seed made of several HTML pages (an EPUB's chapters, an e-mail's HTML bodies, a DOCX's imported HTML
chunks) is bounded in the tags of all its pages together, as one page is in its own: each page within the
400,000 tags of one, ten chapters of 380,000 took 72 s and a message of many such bodies minutes. A book past
the bound is refused before any chapter is parsed, with the reason and a hint."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from briefgen.sources.formats import emldoc, tagbudget
from briefgen.sources.formats.docxdoc import extract as docx_extract
from briefgen.sources.formats.plain import SeedError
from tests.seedcases import refused_quickly
from tests.test_doc_epub_seeds import CONTAINER
from tests.test_docx_packages import MAIN, _chunk, _package
from tests.test_docx_seed_reading import para, run

TOO_MANY = "the document's pages have more than"


def _book(chapters: list[str]) -> bytes:
    """An EPUB whose spine lists these chapters (each a body's markup) in order."""
    items = "".join(f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>'
                    for n in range(len(chapters)))
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", CONTAINER)
        book.writestr("OEBPS/content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                      'version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
                      '<dc:identifier id="id">x</dc:identifier><dc:title>Tags</dc:title></metadata>'
                      f"<manifest>{items}</manifest><spine>{spine}</spine></package>")
        for n, chapter in enumerate(chapters):
            book.writestr(f"OEBPS/c{n}.xhtml", f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{chapter}'
                                               "</body></html>")
    return buffer.getvalue()


def test_a_book_whose_chapters_hold_too_many_tags_together_is_refused_at_once(workspace: Path,
                                                                               tmp_path: Path) -> None:
    """Three chapters of 380,000 tags each, every one within a page's bound: on main they were read, 21 s."""
    chapter = "<span>x</span>" * 190_000 + "<p>The chapter ends.</p>"
    result = refused_quickly(workspace, tmp_path / "tags.epub", lambda: _book([chapter] * 3), TOO_MANY)
    assert "1,000,000 tags in all" in result.output and "split it into several seeds" in result.output


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> int:
    """A seed's bound lowered to 30,000 tags, so that pages past it together parse in a moment."""
    monkeypatch.setattr(tagbudget, "MAX_SEED_TAGS", 30_000)
    return 12_000  # tags in each page: three pages pass the bound together, any one is well within it


def _html(tags: int) -> str:
    return "<html><body>" + "<i>x</i>" * (tags // 2) + "<p>Drones were counted.</p></body></html>"


def _mail(bodies: int, tags: int) -> bytes:
    """A message of this many HTML bodies, inline parts of a multipart/mixed, each of this many tags."""
    parts = "".join(f"--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{_html(tags)}\r\n" for _ in range(bodies))
    return ("From: a@example.org\r\nSubject: Tags\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; "
            f"boundary=B\r\n\r\n{parts}--B--\r\n").encode()


def test_a_messages_html_bodies_count_their_tags_together(small_budget: int) -> None:
    assert emldoc.extract(_mail(2, small_budget)).paragraphs.count("Drones were counted.") == 2
    with pytest.raises(SeedError, match=TOO_MANY):
        emldoc.extract(_mail(3, small_budget))
    with pytest.raises(SeedError, match=TOO_MANY):  # and when its attachments are named for `seeds add`
        emldoc.properties(_mail(3, small_budget))


def test_a_documents_html_chunks_count_their_tags_together(small_budget: int, monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """Past the bound, the document is refused: a chunk was read as nothing where it could not be read (as
    damaged), which left out the text of one with too many tags without a word."""
    types = (f'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
             f'ContentType="{MAIN}"/><Default Extension="html" ContentType="text/html"/>')
    chunks = [f"c{n}" for n in range(3)]

    def made(count: int) -> bytes:
        return _package("word/document.xml", para(run("Before.")) + "".join(f'<w:altChunk r:id="{c}"/>'
                                                                            for c in chunks[:count]),
                        types, "".join(_chunk(c, f"{c}.html") for c in chunks),
                        {f"word/{c}.html": _html(small_budget).replace("Drones", f"{c}: drones").encode()
                         for c in chunks})
    read = docx_extract(made(2)).paragraphs
    assert "c0: drones were counted." in read and "c1: drones were counted." in read
    with pytest.raises(SeedError, match=TOO_MANY):
        docx_extract(made(3))
    monkeypatch.setattr(tagbudget, "MAX_TAGS", small_budget // 2)  # one chunk past a page's bound
    with pytest.raises(SeedError, match="the page has about"):
        docx_extract(made(1))
