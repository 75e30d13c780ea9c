"""Ruby annotations (Japanese furigana, Chinese pinyin): a reader reads and quotes the base text, "無人機", with
its reading set small above it; the parentheses of <rp> show only in a browser without ruby. Both are left out
of the line, in either HTML reading and in Markdown's inline HTML, so a passage typed from the page is found."""

from __future__ import annotations

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
