"""A line break between two Chinese or Japanese characters, as pandoc writes Markdown's hard breaks into HTML
(`<br />`, a block of its own in the blocks reading) and as a text file wraps its lines: the reader of the page
sees one run of characters on two lines and types it without a space, so the passage is found, across the
paragraphs it covers; and a space between two such characters is nothing (a break the reader made a space)."""

from __future__ import annotations

import subprocess

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import Span, find
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise
from tests.tools import require

MARKDOWN = ("国防部表示，无人\\\n机数量已经达到四百架。\n\n防衛省は、無人機の\\\n数が増えたと発表した。\n\n"
            "The first line\\\nand the second.\n")
PASSAGES = ("无人机数量已经达到四百架", "防衛省は、無人機の数が増えた")


@pytest.fixture(scope="module")
def pandoc_page(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("breaks")
    (folder / "breaks.md").write_text(MARKDOWN, encoding="utf-8")
    subprocess.run([require("pandoc"), "-s", "breaks.md", "-o", "breaks.html", "--metadata", "title=Breaks"],
                   cwd=folder, check=True, capture_output=True, timeout=120)
    return (folder / "breaks.html").read_bytes()


def test_a_passage_across_a_pandoc_pages_line_break(pandoc_page: bytes) -> None:
    """Each `<br />` ends a block: the passage runs on from one into the next, and is cited as their range."""
    found = extract(FORMATS[".html"], pandoc_page, reading="blocks")
    seed = Seed("seeds/breaks.html", "seeds/breaks.html", "\n".join(found.paragraphs))
    first = found.paragraphs.index("国防部表示，无人") + 1  # after pandoc's title block
    assert found.paragraphs[first] == "机数量已经达到四百架。"
    assert [find(seed, passage).spans for passage in PASSAGES] == [(Span(first, first + 1),),
                                                                   (Span(first + 2, first + 3),)]
    assert find(seed, "The first line and the second").spans == (Span(first + 4, first + 5),)  # a space, as before
    assert not find(seed, "无人机数量已经达到五百架").spans


def test_markdown_hard_breaks_and_a_wrapped_text_file() -> None:
    markdown = extract(FORMATS[".md"], MARKDOWN.encode("utf-8")).paragraphs
    assert markdown[:2] == ("国防部表示，无人机数量已经达到四百架。", "防衛省は、無人機の数が増えたと発表した。")
    text = Seed("seeds/notes.txt", "seeds/notes.txt", "国防部表示，无人\n机数量已经达到四百架。\n")
    assert find(text, PASSAGES[0]).spans == (Span(1, 2),)


def test_a_space_between_chinese_or_japanese_characters_is_nothing() -> None:
    assert normalise("无人 机数量") == normalise("无人机数量") == "无人机数量"
    assert normalise("무인기 숫자") == "무인기 숫자"  # Korean spaces its words: the space stays
    assert normalise("the 无人机 programme") == "the 无人机 programme"  # between a Latin word and CJK too
