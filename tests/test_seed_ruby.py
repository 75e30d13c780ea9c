"""Ruby annotations (Japanese furigana, Chinese pinyin): a reader reads and quotes the base text, "無人機", with
its reading set small above it; the parentheses of <rp> show only in a browser without ruby. Both are left out
of the line, in either HTML reading, in Markdown's inline HTML and in a Word document's phonetic guide (w:ruby),
so a passage typed from the page is found."""

from __future__ import annotations

import io

import pytest

from briefgen.sources.formats import FORMATS, extract

RUBY = ("防衛省は<ruby>無人機<rp>(</rp><rt>むじんき</rt><rp>)</rp></ruby>の開発を"
        "<ruby>最優先<rt>さいゆうせん</rt></ruby>と述べた。")
SENTENCE = "防衛省は無人機の開発を最優先と述べた。"
PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body><article><h1>見出し</h1>"
        f"<p>{RUBY}この段落は十分な長さがあり、抽出器が本文として保持するはずです。さらに文章を続けます。</p>"
        "<p>二番目の段落も十分な長さがあり、抽出器が本文として保持するはずです。さらに文章を続けます。</p>"
        "</article></body></html>").encode()


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_html_ruby_reads_as_its_base_text(reading: str) -> None:
    paragraphs = extract(FORMATS[".html"], PAGE, reading=reading).paragraphs
    assert any(p.startswith(SENTENCE + "この段落") for p in paragraphs), paragraphs
    assert not any("むじんき" in p or "(" in p for p in paragraphs)


def test_markdown_ruby_reads_as_its_base_text() -> None:
    assert extract(FORMATS[".md"], f"# 見出し\n\n{RUBY}\n".encode()).paragraphs == ("見出し", SENTENCE)


def test_a_word_phonetic_guide_reads_as_its_base_text() -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("防衛省は")
    paragraph._p.append(parse_xml(  # Word's Phonetic Guide (Home > Font), which python-docx cannot write
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:ruby><w:rubyPr>'
        '<w:rubyAlign w:val="distributeSpace"/><w:hps w:val="10"/><w:hpsRaise w:val="18"/>'
        '<w:hpsBaseText w:val="21"/><w:lid w:val="ja-JP"/></w:rubyPr><w:rt><w:r><w:t>むじんき</w:t></w:r></w:rt>'
        '<w:rubyBase><w:r><w:t>無人機</w:t></w:r></w:rubyBase></w:ruby></w:r>'))
    paragraph.add_run("の開発を最優先と述べた。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract(FORMATS[".docx"], buffer.getvalue()).paragraphs == (SENTENCE,)
