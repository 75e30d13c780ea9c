"""Text a page's own <style> rules hide is not seed text: simple selectors, the cascade, and what is left alone
(print-only and width-dependent rules, <style> inside <template>, selectors not read)."""

from __future__ import annotations

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import Span, find
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise
from briefgen.verify.places import in_quotation_marks

STYLED = """<!doctype html><html><head><title>T</title><style>
/* .hidden { display: block } is a comment */
.hidden { display: none }
#gone{visibility:hidden}
div.box, span.k { display:none !important }
.show.hidden { display: block }
@media print { .paper { display:none } }
@media screen { .scr { display: none } }
@media (max-width: 600px) { .narrow { display:none } }
a:hover, [data-x] { display: none }
.inv { visibility: hidden }
.vis { visibility: visible }
p.plain { display:none }
</style><style media="print">.pm{display:none}</style></head><body>
<p>The army has 1,200 drones today, officials said on Monday.</p>
<p class="hidden">Hidden by a class: 1 tank.</p>
<p id="gone">Hidden by an id: 2 tanks.</p>
<div class="box">Hidden by a compound selector: 3 tanks.</div>
<p>Officials said <span class="k">4 hidden tanks </span>the drones were new.</p>
<p class="hidden show">A later, more specific rule shows this 500 drone paragraph.</p>
<p class="paper">A rule for print hides nothing on screen: 600 drones.</p>
<p class="scr">Hidden on every screen: 5 tanks.</p>
<p class="narrow">A rule for narrow screens only leaves this 700 drone line.</p>
<p data-x="1">An attribute selector is not read, so 800 drones stay.</p>
<div class="inv">Invisible 6 tanks. <p class="vis">A visible child of an invisible block: 900 drones.</p>
Invisible 7 tanks.</div>
<p class="plain" style="display:block">An inline style beats the rule: 1,000 drones.</p>
<div class="box" style="display:block">An important rule beats the inline style: 8 tanks.</div>
<template><style>.t{display:none}</style></template>
<p class="t">A style inside a template styles nothing: 1,100 drones.</p>
<p class="pm">A print style element hides nothing on screen: 1,300 drones.</p>
</body></html>"""


def paragraphs(raw: str, fmt: str = ".html", reading: str = "blocks") -> list[str]:
    return list(extract(FORMATS[fmt], raw.encode("utf-8"), None, reading).paragraphs)


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_text_hidden_by_a_style_rule_is_not_read(reading: str) -> None:
    found = paragraphs(STYLED, reading=reading)
    assert not [p for p in found if "tank" in p]
    assert "Officials said the drones were new." in found
    assert sum("drone" in p for p in found) == 10, found


def test_markdown_html_is_styled_by_a_style_element_anywhere_in_the_document() -> None:
    text = ('# Notes\n\n<div class="gone">\n\nHidden 1 tank.\n\n</div>\n\nShown <span class="gone">2 tanks'
            '</span>text.\n\n<style>\n.gone { display: none }\n</style>\n\nLast line.\n')
    assert paragraphs(text, ".md") == ["Notes", "Shown text.", "Last line."]


def test_markdown_elements_match_element_selectors() -> None:
    assert paragraphs("<style>h2 { display: none }</style>\n\n# One\n\n## Two\n\nText.\n", ".md") == \
        ["One", "Text."]


@pytest.mark.parametrize("css", [".a{display:none", "}}}.a{display:none}{{", ".a{display:'none}", "@media{",
                                 ".a{display:none;}/* unclosed", "@import 'x'; .a {display: none}"])
def test_a_broken_stylesheet_is_read_without_failing(css: str) -> None:
    found = paragraphs(f"<style>{css}</style><p class=a>Maybe hidden.</p><p>Always 12 drones.</p>")
    assert "Always 12 drones." in found


QUOTED = ("<html><head><title>T</title></head><body><h1>Head</h1><p>The army said on Monday that the drones "
          "were <q>the top priority of the year, as <q>Kim</q> put it</q> and <code>x = 1</code> that production "
          "would grow.</p><p>Another long paragraph with many words so that the article extractor keeps it as "
          "body text.</p><p hidden>A hidden <q>quote</q>.</p></body></html>")


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_q_element_reads_with_the_quotation_marks_a_browser_draws(reading: str) -> None:
    """A browser draws quotation marks around <q> (so a passage copied from the page has them, and the quote
    check sees the words quoted); inline <q> and <code> stay in the run of their paragraph."""
    found = paragraphs(QUOTED, reading=reading)
    assert "The army said on Monday that the drones were “the top priority of the year, as ‘Kim’ put it” and " \
           "x = 1 that production would grow." in found
    assert not [p for p in found if "hidden" in p.lower()]


@pytest.mark.parametrize("passage", [
    "drones were “the top priority of the year, as ‘Kim’ put it” and",  # typed as the page shows it
    'drones were "the top priority of the year, as \'Kim\' put it" and',
    "drones were the top priority of the year, as Kim put it and",  # copied: a browser copies no drawn marks
])
def test_a_passage_across_a_q_is_found_with_or_without_its_marks(passage: str) -> None:
    seed = Seed("page.html", "seeds/page.html", "\n".join(paragraphs(QUOTED, reading="blocks")))
    assert find(seed, passage).spans == (Span(2, 2),)
    assert in_quotation_marks(seed, 2, normalise("the top priority of the year"))  # the quote check still sees them


def test_quotation_marks_the_page_does_not_have_are_not_read_into_it() -> None:
    seed = Seed("notes.txt", "seeds/notes.txt", "The army said the drones were the top priority, “as ever”.")
    assert find(seed, "the drones were “the top priority”").spans == ()  # a passage may not add quotation marks
    assert find(seed, "the top priority, as ever").spans == (Span(1, 1),)


def test_markdown_inline_q_reads_with_its_quotation_marks() -> None:
    assert paragraphs("Kim said <q>AI is the top priority</q> today.\n", ".md") == [
        "Kim said “AI is the top priority” today."]


def test_visually_hidden_and_transparent_text_is_not_read() -> None:
    page = ("<style>.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;"
            "clip:rect(0,0,0,0);border:0} .vh{clip-path: inset(50%); position:absolute}</style>"
            "<p>The army said the <a href=x>drones<span class=sr-only> (opens in a new tab)</span></a> were new "
            "and <span style='opacity:0'>ghost 9 </span>production would grow<span class=vh> hidden 8</span>.</p>"
            "<p>Half <span style='opacity: 0.5'>seen</span> text<span style='display:/**/none'> gone</span>.</p>")
    assert paragraphs(page) == ["The army said the drones were new and production would grow.", "Half seen text."]


_CJK = ("<html><head><title>T</title></head><body><h1>标题</h1><p>朝鲜领导人宣布人工智能是其军队无人\n机项目的最优先"
        "事项。\nThe army\nsaid so.</p><p>朝鲜领导人宣布人工智能是其军队无人机项目的最优先事项，"
        "并要求加快生产，这是第二段。</p></body></html>")


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_line_break_between_cjk_characters_is_nothing_as_a_browser_shows_it(reading: str) -> None:
    found = paragraphs(_CJK, reading=reading)
    assert "朝鲜领导人宣布人工智能是其军队无人机项目的最优先事项。 The army said so." in found


def test_a_markdown_soft_break_between_cjk_characters_is_nothing() -> None:
    assert paragraphs("无人\n机项目。\nThe army\nsaid so.\n", ".md") == ["无人机项目。 The army said so."]


DISPLAYED = """<html><head><title>T</title><style>nav li { display: inline } .sub { display: block }</style></head>
<body><nav><ul><li>Home</li> <li>World</li> <li>Politics</li></ul></nav>
<p>Before <span style="display:block">a span set as a block</span> after it.</p>
<h2>Title<span class="sub">A subtitle set as a block</span></h2>
<div style="display:inline">Inline div one</div> <div style="display: inline !important">inline div two</div>
<div style="display:inline-block"><p>A paragraph in an inline block.</p></div></body></html>"""


def test_the_display_a_style_gives_an_element_makes_or_unmakes_a_block() -> None:
    """A browser lays an element out by its `display`, not its tag: a span set as a block is a line of its own, a
    menu's items set inline are one line, divs set inline run on (CSS Display; the blocks reading shows the
    lines a browser draws)."""
    assert list(extract(FORMATS[".html"], DISPLAYED.encode(), None, "blocks").paragraphs) == [
        "Home World Politics", "Before", "a span set as a block", "after it.", "Title", "A subtitle set as a block",
        "Inline div one inline div two", "A paragraph in an inline block."]
