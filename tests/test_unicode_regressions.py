"""Regression tests for what the property tests (test_properties.py) found in the writers, one per fix."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pydantic
import pytest
from pypdf import PdfReader

from briefgen.document.nodes import Document, Heading, Meta, Paragraph, Quote, Span, Theme
from briefgen.model.schema import Judgment
from briefgen.writers.docx.writer import write as write_docx
from briefgen.writers.pdf.writer import write as write_pdf
from tests.helpers import pdftotext


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def body(*texts: str) -> Document:
    return Document(Meta("Regression", date="2025-09-19"), tuple(Paragraph((Span(t),)) for t in texts))


def test_header_and_footer_lines_are_one_line(tmp_path: Path) -> None:
    """A profile's footer or organisation with a line feed, tab or soft hyphen (a YAML block scalar ends in a
    line feed) printed a missing-glyph box per character in the PDF and broke the DOCX line's tab stops."""
    theme = Theme(organisation="Risk\toffice\n", footer="Prepared\nwith brief\u00adgen\n")
    write_pdf(body("x"), tmp_path / "b.pdf", theme)
    text = pdf_text(tmp_path / "b.pdf")
    assert "Risk office" in text and "Prepared with briefgen" in text and "\x00" not in text
    write_docx(body("x"), tmp_path / "b.docx", theme)
    section = docx.Document(str(tmp_path / "b.docx")).sections[0]
    assert section.footer.paragraphs[0].text == "Prepared with briefgen\t\tPage 1 of 1"
    assert section.header.paragraphs[0].text == "Risk office\t\t"


def test_c1_control_characters_are_refused_and_never_printed(tmp_path: Path) -> None:
    """U+0080–U+009F (what Windows-1252 quotes become when decoded as Latin-1) have no glyph in any font:
    the PDF drew boxes that extract as U+0000 while the DOCX kept them. The schema now refuses them, and
    both writers print U+FFFD for one that arrives another way, like the C0 controls."""
    with pytest.raises(pydantic.ValidationError, match="control character U\\+0093"):
        Judgment.model_validate({"id": "j", "statement": "\x93quoted\x94", "confidence": "low",
                                 "evidence": [{"source": "s", "passage": "abc"}]})
    doc = body("a\x93b \x7f c\x9f")
    write_pdf(doc, tmp_path / "b.pdf", Theme())
    assert "a\ufffdb \ufffd c\ufffd" in pdf_text(tmp_path / "b.pdf")
    write_docx(doc, tmp_path / "b.docx", Theme())
    assert docx.Document(str(tmp_path / "b.docx")).paragraphs[0].text == "a\ufffdb \ufffd c\ufffd"


def test_document_information_is_one_line_without_soft_hyphens(tmp_path: Path) -> None:
    """reportlab stored a soft hyphen (or U+009F) in the PDF Title as a byte PDFDocEncoding leaves undefined,
    which readers decode as garbage; a line feed in a title made a two-line document property."""
    doc = Document(Meta("Inter\u00adnational\nreport", subject="Sub\x9fject", author="An\tauthor"),
                   (Paragraph((Span("x"),)),))
    write_pdf(doc, tmp_path / "b.pdf", Theme())
    info = PdfReader(tmp_path / "b.pdf").metadata
    assert info is not None
    assert (info.title, info.subject, info.author) == ("International report", "Sub\ufffdject", "An author")
    write_docx(doc, tmp_path / "b.docx", Theme())
    core = docx.Document(str(tmp_path / "b.docx")).core_properties
    assert (core.title, core.subject, core.author) == ("International report", "Sub\ufffdject", "An author")


def test_characters_beyond_the_bmp_can_be_extracted(tmp_path: Path) -> None:
    """DejaVu Sans draws 548 characters beyond U+FFFF (😀 🙃 …); reportlab wrote their ToUnicode entries as
    five hex digits, which readers reject, so they could not be copied or searched."""
    write_pdf(body("grin 😀 and 🙃"), tmp_path / "b.pdf", Theme())
    assert "grin 😀 and 🙃" in pdf_text(tmp_path / "b.pdf")
    fonts = PdfReader(tmp_path / "b.pdf").pages[0]["/Resources"]["/Font"]
    cmaps = [font.get_object()["/ToUnicode"].get_object().get_data() for font in fonts.values()]
    entries = [line.split()[1] for cmap in cmaps
               for line in cmap.split(b"beginbfchar")[1].split(b"endbfchar")[0].strip().splitlines()]
    assert b"<D83DDE00>" in entries  # 😀 as UTF-16: the surrogate pair D83D DE00
    assert all(len(entry) - 2 in (4, 8) for entry in entries)  # one or two UTF-16 code units, never 5 digits


def test_a_soft_hyphen_in_an_ideographic_paragraph_is_not_drawn(tmp_path: Path) -> None:
    """reportlab's CJK line breaking drew a soft hyphen mid-line as a hyphen (make properties SEED=33)."""
    write_pdf(body("日本語の文章 co\u00adoperation 中文"), tmp_path / "b.pdf", Theme())
    text = pdf_text(tmp_path / "b.pdf")
    assert "cooperation" in text and "\u00ad" not in text and "co-operation" not in text


def test_a_character_no_font_draws_is_kept_in_the_text(tmp_path: Path) -> None:
    """A character without a glyph in any font is drawn as a box but copies as itself (it was code 0,
    mapped to nothing), in Latin and ideographic paragraphs alike, and in a script HarfBuzz would shape
    (Samaritan, as Tibetan before it had a face: shaped with a font that lacks it, every letter became glyph 0);
    Thai, Bengali and Tamil, drawn in their own faces, copy as written too."""
    for sample in ("Old Italic \U00010300 here", "日本語\U0004c872 文", "ภาษาไทย คือ ภาษา",
                   "Thai ภาษาไทย in a Latin line", "বাংলা ভাষা", "தமிழ்", "ࠔࠌࠓࠉ"):
        write_pdf(body(sample), tmp_path / "b.pdf", Theme())
        assert sample in pdf_text(tmp_path / "b.pdf")


def test_italic_text_falls_back_for_glyphs_the_italic_face_lacks(tmp_path: Path) -> None:
    """Caladea Italic lacks ș ț ļ ŉ (Caladea Regular has them): quotes and source titles, set in italics,
    printed boxes for Romanian and Latvian text."""
    doc = Document(Meta("Regression"), (Quote((Span("Ș ș ț ļ ŉ"),)), Paragraph((Span("și țară", italic=True),))))
    write_pdf(doc, tmp_path / "b.pdf", Theme())
    text = pdf_text(tmp_path / "b.pdf")
    assert "Ș ș ț ļ ŉ" in text and "și țară" in text and "\x00" not in text


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def expire(*_args: object) -> None:
        raise TimeoutError(f"still laying out after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_last_heading_taller_than_a_page_does_not_hang(tmp_path: Path) -> None:
    """A heading keeps with what follows; when it was the last block and taller than a page, reportlab's
    keep-together group split back into itself forever (a template ending in <h1>{{ brief.title }}</h1>
    with a title of a few thousand characters hung the build)."""
    doc = Document(Meta("Regression"), (Heading(0, (Span("a" * 3000),)),))
    with deadline(60):
        result = write_pdf(doc, tmp_path / "b.pdf", Theme())
    assert result.pages >= 2
    assert "a" * 1000 in pdf_text(tmp_path / "b.pdf").replace("\n", "")


THAI = ("การส่งออกเพิ่มขึ้นในปีนี้ตามรายงานของกระทรวงพาณิชย์ซึ่งระบุว่ามูลค่าการส่งออกสินค้าเกษตรและอุตสาหกรรม"
        "เพิ่มสูงขึ้นอย่างต่อเนื่องตลอดทั้งปีและคาดว่าจะเติบโตต่อไปในปีหน้า")


def test_a_line_of_thai_is_cut_between_letters_with_their_marks(tmp_path: Path) -> None:
    """Thai is written without spaces: a sentence longer than a line is one word, which reportlab cut into
    characters and so lost the glyphs shaping had chosen (tone marks drawn as boxes, copied as nothing). Cut
    between glyphs, each line keeps its marks, and the paragraph copies as written, with no space added at the
    cut, in a plain paragraph and in a quote (italic, in a table cell)."""
    doc = Document(Meta("Thai"), (Paragraph((Span(THAI),)), Quote((Span(THAI),))))
    write_pdf(doc, tmp_path / "t.pdf", Theme())
    text = pdf_text(tmp_path / "t.pdf")
    lines = text.split("\n")
    assert len(lines) >= 5  # each paragraph on two lines at least, then the footer
    assert text.replace("\n", "").count(THAI) == 2, text  # every mark kept, no space at the cuts
    fonts = PdfReader(tmp_path / "t.pdf").pages[0]["/Resources"]["/Font"].values()
    assert any("NotoSansThai" in str(font.get_object()["/BaseFont"]) for font in fonts)  # drawn, not boxes


def test_a_line_of_thai_ends_between_two_words(tmp_path: Path) -> None:
    """Cut between glyphs, a line ended mid-word ("ภูมิภ|าค"); as Word and LibreOffice break them, each line
    now ends where a word does (ICU's dictionary), holding as many words as fit. (Lao, Khmer and Burmese
    are broken the same way; poppler and pypdf read their shaped lines back out of order.)"""
    text = THAI
    from briefgen.writers.pdf.wordbreaks import word_ends

    write_pdf(Document(Meta("Words"), (Paragraph((Span(text),)),)), tmp_path / "w.pdf", Theme())
    lines = [line for line in pdf_text(tmp_path / "w.pdf").split("\n") if line and line in text]
    assert len(lines) >= 2 and "".join(lines) == text, lines
    ends = word_ends(text)
    offset = 0
    for line in lines[:-1]:
        offset += len(line)
        assert offset in ends, (line, text[offset:offset + 10])


def test_hebrew_is_drawn_without_discretionary_ligatures(tmp_path: Path) -> None:
    """reportlab shapes with discretionary ligatures on, which Word and LibreOffice leave off: Noto Sans Hebrew
    then drew yod and vav as the Yiddish ligature U+05F1, copied as that one character."""
    doc = Document(Meta("Hebrew"), (Quote((Span("בראש סדר העדיפויות"),)),))
    write_pdf(doc, tmp_path / "h.pdf", Theme())
    text = pdf_text(tmp_path / "h.pdf")
    assert "\u05f1" not in text and "העדיפויות" in text, text


def test_a_long_hyphenated_word_is_cut_to_fit_and_keeps_all_its_text(tmp_path: Path) -> None:
    """A line may end after a word's hyphen, but reportlab then set the rest of a long hyphenated word (a URL)
    on one line however wide: it ran off the page, and a reader (poppler, which keeps what is on the page) lost
    most of its text."""
    url = "https://example.org/" + "a/b-c_d" * 200
    write_pdf(body(f"see {url} end", f"see {url} end"), tmp_path / "u.pdf", Theme())
    text = pdftotext(tmp_path / "u.pdf")
    flat = text.replace("\n", "").replace("-", "")  # poppler drops a hyphen that ends a line, as a word break
    assert flat.count(url.replace("-", "")) == 2, text
