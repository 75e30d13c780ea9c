"""Word 97-2003 (.doc) and EPUB seeds: read as Word, LibreOffice and a reading app show them, checked against
LibreOffice's text export and PDF of the same .doc and pandoc's plain text of the same book; hand-made documents
for what LibreOffice never writes; their properties fill `seeds add`'s entry; damaged and hostile files are
refused with a reason, in bounded time."""

from __future__ import annotations

import io
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from briefgen.sources.formats import extract, format_of
from tests.helpers import libreoffice_convert, libreoffice_pdf, pdftotext, run
from tests.opendoc import declared_size
from tests.seedcases import analyst_notes, refused_quickly, tied
from tests.test_rtf_odt_seeds import RICH, hand_odt
from tests.tools import require
from tests.worddoc import TEXT_AT, Piece, WordDoc, compound, word_file


def paragraphs(path: Path) -> list[str]:
    fmt = format_of(str(path))
    assert fmt is not None, path
    return list(extract(fmt, path.read_bytes()).paragraphs)


def exported_lines(files: list[Path], folder: Path) -> dict[str, list[str]]:
    """LibreOffice's text export of each file: its non-blank lines, white space squashed."""
    folder.mkdir()
    done = libreoffice_convert(files, folder, to="txt:Text (encoded):UTF8")
    return {file.name: [" ".join(line.split()) for line in text.read_text(encoding="utf-8-sig").splitlines()
                        if line.strip()] for file, text in zip(files, done, strict=True)}


def test_word_documents_libreoffice_writes_read_as_it_shows_them(tmp_path: Path) -> None:
    """LibreOffice's .doc of a pandoc DOCX (Cyrillic, Greek, Arabic, CJK, an emoji: a character of two UTF-16
    units, so every position after it counts two) and of an ODT (hidden text, a hidden paragraph, a tracked
    deletion, fields, a ruby, a footnote and an endnote, a text box, a table): every paragraph as LibreOffice's
    text export gives it, list labels and bullets included (`(4) `, `4.ii. `, `1.1. ` before a heading, `◦ `);
    hidden text out as LibreOffice's PDF prints it; the footnote's number glued to its word, the notes and the
    text box after the body."""
    source = tmp_path / "rich.md"
    source.write_text(RICH, encoding="utf-8")
    subprocess.run([require("pandoc"), str(source), "-s", "-o", str(tmp_path / "rich.docx")], check=True,
                   timeout=120)
    odt = hand_odt(tmp_path / "hand.odt")
    rich, hand = libreoffice_convert([tmp_path / "rich.docx", odt], tmp_path / "doc", to="doc")
    lines = exported_lines([rich, hand], tmp_path / "text")
    found = paragraphs(rich)
    assert found[-1] == "A footnote with its own text."
    assert " ".join(found[:-1]) == " ".join(lines["rich.doc"])  # a line break: two lines of the export
    assert "1. Second numbered item" in found and "2. Third numbered item" in found  # each its own LFO's list
    assert "The drone unit reported 412 sorties in the “northern” sector — during the autumn exercise.1" in found
    (tmp_path / "pdf").mkdir()
    printed = pdftotext(libreoffice_pdf(hand, tmp_path / "pdf"))
    assert "SECRET" not in printed and "HIDDEN PARAGRAPH" not in printed and "Ruby: 漢字 end" in printed
    shown = [line.replace("\u00ad", "") for line in lines["hand.doc"]]
    shown = [line.replace("DELETED TEXT", "").replace(" SECRET", "") for line in shown if line != "HIDDEN PARAGRAPH"]
    found = paragraphs(hand)
    assert found[-3:] == ["Footnote body text.", "Endnote body text.", "Text box words."]
    assert " ".join(found[:-3]) == " ".join(shown).replace("armyi.", "army.")  # an endnote's mark: none


def test_symbols_read_as_the_characters_drawn_as_in_the_docx(tmp_path: Path) -> None:
    """A Wingdings symbol (Insert > Symbol) and a letter typed in the Symbol font, in LibreOffice's .doc of a DOCX:
    read as the DOCX reader reads the DOCX (`✓`, `α`), where LibreOffice's text export gives the font's codes
    (U+F0FC, `a`)."""
    from tests.test_docx_seed_reading import docx as docx_bytes

    body = ('<w:p><w:r><w:t xml:space="preserve">Done </w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/>'
            '</w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Symbol" '
            'w:hAnsi="Symbol"/></w:rPr><w:t>a</w:t></w:r><w:r><w:t xml:space="preserve"> end.</w:t></w:r></w:p>')
    source = tmp_path / "sym.docx"
    source.write_bytes(docx_bytes(body))
    doc = libreoffice_convert([source], tmp_path / "doc", to="doc")[0]
    assert exported_lines([doc], tmp_path / "text")["sym.doc"] == ["Done \uf0fc and a end."]
    assert paragraphs(doc) == paragraphs(source) == ["Done ✓ and α end."]


def test_a_section_break_ends_its_paragraph(tmp_path: Path) -> None:
    """A section break (U+000C where the section table ends a section) ends the section's last paragraph, as
    LibreOffice's text export shows it; a page break elsewhere reads as a space (the hand-made document's)."""
    from tests.test_docx_seed_reading import docx as docx_bytes

    body = ('<w:p><w:r><w:t>End of section one.</w:t></w:r></w:p><w:p><w:pPr><w:sectPr/></w:pPr><w:r>'
            '<w:t>Last of section one.</w:t></w:r></w:p><w:p><w:r><w:t>Section two.</w:t></w:r></w:p>')
    source = tmp_path / "sections.docx"
    source.write_bytes(docx_bytes(body))
    doc = libreoffice_convert([source], tmp_path / "doc", to="doc")[0]
    assert b"\x0c\x00S\x00e\x00c" in doc.read_bytes() or b"\x0cSec" in doc.read_bytes()  # a section break
    assert paragraphs(doc) == exported_lines([doc], tmp_path / "text")["sections.doc"] == [
        "End of section one.", "Last of section one.", "Section two."]


def hand_made(fields: bool = True) -> WordDoc:
    """Pieces stored out of order, one byte a character (cp1252's curly quotes, dash and euro sign) and two
    (Arabic, Chinese, an emoji), with hidden and deleted runs, breaks, Word's hyphens and a footnote; `fields`:
    fields, a ruby and a table too (which LibreOffice reads only with the tables locating them)."""
    link = "\x13 HYPERLINK \"http://x.example\" \x14link\x15" if fields else "link"
    last = ("\x13 QUOTE \x13 PAGE \x14 4\x15 \x14Quoted 4\x15 and \x13 XE \"index\" \x15none.\r"
            "Ruby \x13 EQ \\* jc0 \\o\\ad(\\s\\up 11(\u304b\u3093\u3058),\u6f22\u5b57)\x15 end.\r"
            "Cell one\x07Cell two\x07\x07") if fields else ""
    return WordDoc([
        Piece(f"Caf\u00e9 \u201cquoted\u201d \u2014 \u20ac5 and a {link} here.\r", compressed=True),
        Piece("Arabic \u0627\u0644\u0637\u0627\u0626\u0631\u0627\u062a, \u65e0\u4eba\u673a, emoji \U0001F680 "
              "and SECRET words.\r", hidden=("SECRET ",)),
        Piece("Kept DELETED text\x0bon a new line, non\x1ebreaking, opt\x1fional, priority\x02 one\x01\x08.\r"
              f"{last}Page\x0cBreak\r\x02 Foot text.\r", compressed=False, deleted=("DELETED ",)),
    ], footnotes="\x02 Foot text.\r", stored_order=[2, 0, 1])


SHOWN = ["Café “quoted” — €5 and a link here.", "Arabic الطائرات, 无人机, emoji 🚀 and words.",
         "Kept text on a new line, non-breaking, optional, priority1 one.", "Quoted 4 and none.", "Ruby 漢字 end.",
         "Cell one", "Cell two", "Page Break", "Foot text."]  # a page break (no section ends there): a space


def test_hand_made_pieces_read_as_libreoffice_shows_them(tmp_path: Path) -> None:
    """What LibreOffice never writes (several pieces, in another order than the text's, of both widths; hidden
    and deleted runs in the character FKPs): as LibreOffice's text export gives it, without the hidden and deleted
    runs it keeps (and Word's hyphens, which it writes as the Unicode ones); fields, a ruby and a table as built."""
    doc, plain = tmp_path / "hand.doc", tmp_path / "plain.doc"
    doc.write_bytes(word_file(hand_made()))
    plain.write_bytes(word_file(hand_made(fields=False)))
    assert paragraphs(doc) == SHOWN
    template = tmp_path / "hand.dot"  # Word 97-2003's template: the same format
    template.write_bytes(doc.read_bytes())
    assert paragraphs(template) == SHOWN
    lines = exported_lines([plain], tmp_path / "text")["plain.doc"]
    shown = " ".join(lines).replace("SECRET ", "").replace("DELETED ", "").replace("\u2011", "-")
    assert shown.replace("\u00ad", "").replace("priority one .", "priority1 one.") == \
        " ".join(SHOWN[:3] + SHOWN[-2:-1])


def test_pieces_a_fast_save_formatted_whole_read_with_their_properties(tmp_path: Path) -> None:
    """A fast save formats a whole piece through its Prm (a property run of the CLX): a piece made hidden and one
    made a tracked deletion are out, as LibreOffice's PDF of the file prints it; a run naming a font the font
    table lacks reads as stored."""
    doc = tmp_path / "fast.doc"
    wingdings = b"\x4f\x4a\x01\x00"  # sprmCRgFtc0: font 1 of the font table, which this file lacks: no change
    doc.write_bytes(word_file(WordDoc([
        Piece("Kept words ", compressed=True), Piece("SECRET ", compressed=True, properties=b"\x3c\x08\x01"),
        Piece("GONE ", properties=b"\x00\x08\x01"), Piece("more.\r", compressed=True, properties=wingdings)],
        stored_order=[3, 1, 0, 2])))
    assert paragraphs(doc) == ["Kept words more."]
    (tmp_path / "pdf").mkdir()
    assert pdftotext(libreoffice_pdf(doc, tmp_path / "pdf")).split() == ["Kept", "words", "more."]


def _truncated_piece() -> bytes:
    pieces = [Piece("First. " * 14 + "\r", compressed=True), Piece("x" * 4000, compressed=True)]
    streams = WordDoc(pieces, stored_order=[1, 0]).streams()
    streams["WordDocument"] = streams["WordDocument"][:TEXT_AT + 4050]  # the first piece runs past its stream
    return compound(streams)


def _workbook() -> bytes:
    return compound({"Workbook": bytes(5000), "\x05SummaryInformation": bytes(5000)})


TEXT = [Piece("Some text.\r", compressed=True)]
HOSTILE = {
    "locked.doc": (lambda: word_file(WordDoc(TEXT, flags=0x0300)), "the Word document is password-protected"),
    "old.doc": (lambda: word_file(WordDoc(TEXT, version=104)),
                "the file is a Word 6.0/95 or older document (format version 104), not Word 97-2003"),
    "sheet.doc": (_workbook, "the file is an Office file but not a Word document (its streams: Workbook)"),
    "loop.doc": (lambda: word_file(WordDoc(TEXT), loop=True),
                 "the Word document is damaged: a chain of its sectors loops or leaves its table"),
    "past.doc": (_truncated_piece, "the Word document is damaged: a piece of its text points past the WordDocument"),
    "huge.doc": (lambda: word_file(WordDoc(TEXT), declared={"WordDocument": 1 << 30}),
                 "the Word document is damaged: its stream 'WordDocument' declares 1073741824 bytes, more than"),
    "cut.doc": (lambda: word_file(WordDoc(TEXT))[:1500], "the Word document is damaged: a chain of sectors points"),
    "notes.doc": (lambda: b"Meeting notes typed as text.\n" * 40, "the Word document is damaged: it is not an OLE"),
    "report.doc": (lambda: b"%PDF-1.4\n", "the file is a PDF document, not an old Word .doc or other Office file"),
    "overlap.doc": (lambda: word_file(WordDoc([Piece("x" * 4000, compressed=True)] * 2000, shared=True)),
                    "the Word document is damaged: its pieces of text hold more bytes than its WordDocument stream"),
    "prc.doc": (lambda: word_file(WordDoc(TEXT, prc=b"\x01\xfd\xff")), "the Word document is damaged: its piece "
                "table is damaged"),
    "blank.doc": (lambda: word_file(WordDoc([Piece("\x13 XE \"x\" \x15\r\x01\r", compressed=True)])),
                  "the Word document has no text"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_damaged_and_hostile_word_documents_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    refused_quickly(workspace, tmp_path / name, *HOSTILE[name])


CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>')
OPF = ('<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
       'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x'
       '</dc:identifier><dc:title>Hand Bound Book</dc:title><dc:creator>Jane Analyst</dc:creator>'
       '<dc:publisher>Example Press</dc:publisher><dc:date>2024-05-01</dc:date><dc:language>en</dc:language>'
       '</metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
       '<item id="css" href="css/book.css" media-type="text/css"/>'
       '<item id="c1" href="text/chapter%201.xhtml" media-type="application/xhtml+xml"/>'
       '<item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>'
       '<item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/>'
       '<item id="img" href="cover.png" media-type="image/png"/></manifest>'
       '<spine>{spine}</spine></package>')
SPINE = '<itemref idref="notes" linear="no"/><itemref idref="c1"/><itemref idref="img"/><itemref idref="c2"/>'
XHTML = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" '
         'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Head title</title>'
         '<link rel="stylesheet" type="text/css" href="../css/book.css"/></head><body>{}</body></html>')
CHAPTER = ('<h1>Chapter one</h1><p>The unit flew 412 sorties<a epub:type="noteref" href="notes.xhtml#n1">1</a> in '
           'the <em>northern</em> sector.</p><p class="secret">Hidden by the book\'s stylesheet.</p>'
           '<ul><li>Item alpha</li><li>Item beta</li></ul><table><tr><td>North</td><td>412</td></tr></table>'
           '<aside epub:type="footnote" id="a1"><p>An aside footnote.</p></aside><div/><p>日本語の文章です。</p>')
BOOK_SHOWN = ["Chapter one", "The unit flew 412 sorties1 in the northern sector.", "Item alpha", "Item beta",
              "North", "412", "An aside footnote.", "日本語の文章です。", "Chapter two", "Arabic: الطائرات المسيرة.",
              "1. A note read after the book's linear documents."]


def epub_bytes(spine: str = SPINE, encryption: str | None = None, chapter: str = CHAPTER) -> bytes:
    """A book made by hand: a chapter whose linked stylesheet hides a paragraph, a second chapter, a notes
    document the spine marks linear="no" (listed first), a navigation document the spine does not list."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", CONTAINER)
        if encryption is not None:
            book.writestr("META-INF/encryption.xml", encryption)
        book.writestr("OEBPS/content.opf", OPF.format(spine=spine))
        book.writestr("OEBPS/nav.xhtml", XHTML.format('<nav epub:type="toc"><ol><li>NAV ENTRY</li></ol></nav>'))
        book.writestr("OEBPS/css/book.css", ".secret { display: none }")
        book.writestr("OEBPS/text/chapter 1.xhtml", XHTML.format(chapter))
        book.writestr("OEBPS/text/c2.xhtml", XHTML.format('<h1>Chapter two</h1><p dir="rtl">Arabic: الطائرات '
                                                          'المسيرة.</p>'))
        book.writestr("OEBPS/text/notes.xhtml", XHTML.format('<p id="n1">1. A note read after the book\'s linear '
                                                             'documents.</p>'))
        book.writestr("OEBPS/cover.png", b"\x89PNG\r\n")
    return buffer.getvalue()


def test_epub_reads_its_spine_as_a_reading_app_shows_it(tmp_path: Path) -> None:
    """The spine's documents in order (an image in it skipped), each block as the HTML reader reads it, with the
    book's own stylesheet hiding what it hides; the linear="no" document last; the navigation document, which the
    spine does not list, and each document's <title> not read; a footnote aside (a pop-up in some reading apps, a
    block in others) read at its place. pandoc's plain text of the book, which ignores stylesheets, holds the same
    paragraphs."""
    book = tmp_path / "hand.epub"
    book.write_bytes(epub_bytes())
    assert paragraphs(book) == BOOK_SHOWN
    plain = subprocess.run([require("pandoc"), str(book), "-t", "plain", "--wrap=none"], check=True,
                           capture_output=True, text=True, timeout=120).stdout
    words = " ".join(plain.split())
    for paragraph in BOOK_SHOWN[:6] + BOOK_SHOWN[7:-1]:  # pandoc reads neither an aside note nor a linear="no" one
        assert paragraph in words, paragraph
    assert "Hidden by the book's stylesheet." in words  # hidden by CSS only


def test_pandocs_epub_reads_as_its_source(tmp_path: Path) -> None:
    """pandoc's EPUB 3 and EPUB 2 of a Markdown report: its paragraphs in order, its title page and its
    footnote, as the EPUB shows them."""
    source = tmp_path / "book.md"
    source.write_text(RICH, encoding="utf-8")
    for kind in ("epub3", "epub2"):
        book = tmp_path / f"book-{kind}.epub"
        subprocess.run([require("pandoc"), str(source), "-t", kind, "-o", str(book)], check=True, timeout=120)
        found = paragraphs(book)
        assert found[:3] == ["Rich Report", "Jane Analyst", "2025-03-14"], found
        assert "The drone unit reported 412 sorties in the “northern” sector — during the autumn exercise.1" in found
        assert "Sub bullet gamma" in found and "日本語の文章です。無人機が飛んだ。" in found
        assert any(paragraph.startswith("A footnote with its own text.") or
                   paragraph.startswith("1. A footnote with its own text.") for paragraph in found), found


def test_a_long_book_sharing_a_large_stylesheet_reads_quickly(tmp_path: Path) -> None:
    """300 chapters linking one stylesheet of 4,000 rules (as Calibre splits a book), one with <style> rules of its
    own after the linked ones, and a print-only stylesheet that hides nothing on screen: read in seconds, each
    chapter's text hidden as its stylesheets say."""
    rules = "".join(f".c{i} p.x{i} > span {{ margin: 0 {i}px; display: block }}\n" for i in range(4000))
    chapter = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
               '<link href="book.css" rel="stylesheet"/><link href="print.css" rel="stylesheet" media="print"/>{}'
               '</head><body><p>Chapter {} text.</p><p class="secret">Hidden.</p><p class="own">Own.</p></body></html>')
    items = "".join(f'<item id="ch{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>' for i in range(300))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("META-INF/container.xml", CONTAINER)
        book.writestr("OEBPS/content.opf", OPF.replace("<manifest>", "<manifest>" + items).format(
            spine="".join(f'<itemref idref="ch{i}"/>' for i in range(300))))
        book.writestr("OEBPS/book.css", rules + ".secret { display: none }")
        book.writestr("OEBPS/print.css", "p { display: none }")
        for i in range(300):
            own = "<style>.own { display: none }</style>" if i == 7 else ""
            book.writestr(f"OEBPS/c{i}.xhtml", chapter.format(own, i))
    path = tmp_path / "long.epub"
    path.write_bytes(buffer.getvalue())
    started = time.monotonic()
    found = paragraphs(path)
    assert time.monotonic() - started < 20
    assert found[:4] == ["Chapter 0 text.", "Own.", "Chapter 1 text.", "Own."]
    assert found[7 * 2:7 * 2 + 3] == ["Chapter 7 text.", "Chapter 8 text.", "Own."] and len(found) == 599


DRM = ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
       'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod '
       'Algorithm="{algorithm}"/><enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>'
       '</enc:EncryptedData></encryption>')


def test_fonts_obfuscated_as_the_standard_allows_are_read(tmp_path: Path) -> None:
    book = tmp_path / "fonts.epub"
    book.write_bytes(epub_bytes(encryption=DRM.format(algorithm="http://www.idpf.org/2008/embedding",
                                                      uri="OEBPS/fonts/a.otf")))
    assert paragraphs(book) == BOOK_SHOWN


HOSTILE_BOOKS = {
    "drm.epub": (lambda: epub_bytes(encryption=DRM.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc",
                                                          uri="OEBPS/text/chapter%201.xhtml")),
                 "the EPUB is DRM-protected: OEBPS/text/chapter%201.xhtml and others are encrypted"),
    "long.epub": (lambda: epub_bytes(spine='<itemref idref="c1"/>' * 100_000),
                  "the EPUB's spine lists 100000 documents, more than the 10000 a book has"),
    "bomb.epub": (lambda: declared_size(epub_bytes(), "OEBPS/text/c2.xhtml", 1 << 30),
                  "the EPUB unpacks to 1024 MB, more than a book should (a decompression bomb?)"),
    "big.epub": (lambda: declared_size(epub_bytes(), "OEBPS/text/c2.xhtml", 41 << 20),
                 "the EPUB's documents unpack to 41 MB, more than the 40 MB a book of at most 5 MB of text needs"),
    "big-part.epub": (lambda: declared_size(epub_bytes(), "OEBPS/content.opf", 41 << 20),
                      "the EPUB's part OEBPS/content.opf unpacks to 41 MB, more than the 40 MB a book"),
    "cut.epub": (lambda: epub_bytes()[:400], "the EPUB is damaged: it cannot be unpacked"),
    "entity.epub": (lambda: epub_bytes(spine='<itemref idref="c1"/>&x;'), "the EPUB is damaged: its part "
                    "OEBPS/content.opf is not well-formed XML"),
    "word.epub": (lambda: _docx_zip(),
                  "the file is a Word document, not an EPUB e-book as its name says"),
    "method.epub": (lambda: _unknown_method(epub_bytes(), "OEBPS/text/c2.xhtml"),
                    "the EPUB is damaged: it cannot be unpacked (That compression method is not supported)"),
    "report.epub": (lambda: b"%PDF-1.4\n", "the file is a PDF document, not an EPUB e-book as its name says"),
    "empty.epub": (lambda: epub_bytes(spine='<itemref idref="img"/>'), "the EPUB has no text"),
}


def _unknown_method(package: bytes, name: str) -> bytes:
    """The zip `package` with its central directory stating compression method 99 for `name` (a damaged entry)."""
    at = package.index(b"PK\x01\x02")
    while package[at + 46:at + 46 + len(name)] != name.encode():
        at = package.index(b"PK\x01\x02", at + 4)
    return package[:at + 10] + (99).to_bytes(2, "little") + package[at + 12:]


def _docx_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<w/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(HOSTILE_BOOKS))
def test_damaged_and_hostile_books_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    refused_quickly(workspace, tmp_path / name, *HOSTILE_BOOKS[name])


def test_one_report_in_every_format_added_together_is_noticed_for_each_pair(workspace: Path, tmp_path: Path) -> None:
    """The same report as a .doc, an EPUB, a DOCX, an RTF, an ODT, a web page and Markdown, added in one run:
    each is catalogued, with a warning naming every one added before it (the same title), whatever the pair."""
    source = tmp_path / "rich.md"
    source.write_text(RICH, encoding="utf-8")
    made = tmp_path / "made"
    made.mkdir()
    for suffix in ("docx", "epub", "rtf", "odt", "html"):
        subprocess.run([require("pandoc"), str(source), "-s", "-o", str(made / f"rich-{suffix}.{suffix}")],
                       check=True, timeout=120)
    doc = libreoffice_convert([made / "rich-docx.docx"], tmp_path / "lo", to="doc")[0]
    files = [doc.rename(made / "rich-doc.doc"), *(made / f"rich-{suffix}.{suffix}" for suffix in
                                                 ("epub", "docx", "rtf", "odt", "html")), source]
    result = run(workspace, "seeds", "add", *map(str, files))
    assert result.exit_code == 0, result.output
    warnings = [line.strip() for line in result.output.splitlines() if "added with it as" in line]
    for later, file in enumerate(files):
        for earlier in files[:later]:
            assert any(f"its title is that of {earlier}, added with it as" in line for line in warnings), \
                (file, earlier)
    assert len(warnings) == len(files) * (len(files) - 1) // 2, warnings


def test_added_doc_and_epub_are_cited_where_word_and_a_reading_app_show_the_passage(workspace: Path,
                                                                                    tmp_path: Path) -> None:
    """End to end: a .doc LibreOffice wrote and a hand-made EPUB are added with `seeds add` (their properties
    filling the entries), shown by `seeds show`, tied to a passage as LibreOffice's text export (a list item, its
    number included) and the book show it, checked, and cited by the built brief at the paragraph the reading
    gives."""

    source = tmp_path / "rich.md"
    source.write_text(RICH, encoding="utf-8")
    subprocess.run([require("pandoc"), str(source), "-s", "-o", str(tmp_path / "rich.docx")], check=True,
                   timeout=120)
    doc = libreoffice_convert([tmp_path / "rich.docx"], tmp_path / "lo", to="doc")[0]
    book = tmp_path / "hand.epub"
    book.write_bytes(epub_bytes())
    assert run(workspace, "seeds", "add", str(doc), str(book)).exit_code == 0
    catalogue = workspace / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    assert 'title: "Rich Report"' in text and "from the Word document's Author property" in text
    assert 'title: "Hand Bound Book"' in text and 'originator: "Example Press"' in text
    assert "from the EPUB's publisher" in text and 'published: "2024-05-01"' in text
    catalogue.write_text(text.replace("kind: null", "kind: report").replace(
        "descriptor: null", "descriptor: A report the test wrote.").replace("marking: null", "marking: TLP:CLEAR"),
        encoding="utf-8")
    exported = exported_lines([doc], tmp_path / "text")["rich.doc"]
    ties = {"rich-report": ("2. Third numbered item", "rich.doc"),  # as Word and LibreOffice number it
            "hand-bound-book": ("Arabic: الطائرات المسيرة.", "hand.epub")}
    assert any(ties["rich-report"][0] in line for line in exported)
    for source_id, (passage, _) in ties.items():
        shown = run(workspace, "seeds", "show", source_id, "--grep", passage.split()[-1].rstrip("."))
        assert passage in shown.output, shown.output
    found = tied(workspace, {source: passage for source, (passage, _) in ties.items()},
                 "The seed supports this judgment.")
    where = {"rich-report": paragraphs(doc), "hand-bound-book": BOOK_SHOWN}
    for source_id, (passage, name) in ties.items():
        paragraph = next(i for i, p in enumerate(where[source_id], 1) if passage in p)
        assert {(c["file"], c["paragraph"]) for c in found[f"kj-{source_id}"]} == {(f"seeds/{name}", paragraph)}
    notes = analyst_notes(workspace)
    assert "(seed file seeds/rich.doc)" in notes and "(seed file seeds/hand.epub)" in notes
