"""The parts of a page a browser draws, and those it does not, as the HTML Standard renders them: a closed
<details> shows its <summary> only (an open one all of it); an inline SVG drawing draws the text of its <text>
elements (a chart's labels) and of a <foreignObject>, never its <title> (a tooltip), <desc> or <defs>; a MathML
formula draws its characters in order, never its annotations (the TeX source) nor its `alttext`; a figure's
caption is text. In both readings."""

from __future__ import annotations

import pytest

from briefgen.sources.formats import FORMATS, extract

LEAD = ("<p>The ministry said on Monday that the new drone programme would be expanded across the northern "
        "region this year, officials confirmed.</p>")
TAIL = "<p>More text here about the programme and its many costs in the region, the report said.</p>"


def read(body: str, reading: str) -> list[str]:
    page = (f"<!doctype html><html><head><title>Drones</title></head><body><article><h1>Drones</h1>{LEAD}{body}"
            f"{TAIL}</article></body></html>")
    found = list(extract(FORMATS[".html"], page.encode(), None, reading).paragraphs)
    return [text for text in found if text not in ("Drones", LEAD[3:-4], TAIL[3:-4])]


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_closed_details_shows_its_summary_only(reading: str) -> None:
    body = ("<details><summary>Read the <b>full</b> note</summary>Loose folded text: 3 tanks."
            "<p>Folded 8 trucks.</p><details open><summary>Inner summary 5 tanks</summary>Inner 6 tanks.</details>"
            "</details><details open><summary>Open one</summary><p>Shown 9 boats in the open one.</p></details>"
            "<div><details><summary>Question 2?</summary><div><p>Answer: 7 tanks.</p></div></details></div>")
    assert read(body, reading) == ["Read the full note", "Open one", "Shown 9 boats in the open one.",
                                   "Question 2?"]


CHART = ("<figure><svg viewBox='0 0 100 50' role='img'><title>Bar chart of drones</title><desc>Drones by year, "
         "as bars</desc><defs><text id='t'>Defined 4 tanks</text></defs><g class='axis'><text x='1'>Drones in "
         "2024</text><text x='2'>1,<tspan>200</tspan></text></g><foreignObject width='90' height='20'><p>A note "
         "inside the chart: 300 ships.</p></foreignObject></svg><figcaption>Chart: the army's drones by year."
         "</figcaption></figure>")


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_an_svg_drawing_s_text_is_read_and_its_title_is_not(reading: str) -> None:
    assert read(CHART, reading) == ["Drones in 2024", "1,200", "A note inside the chart: 300 ships.",
                                    "Chart: the army's drones by year."]


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_an_icon_in_a_sentence_leaves_the_sentence_whole(reading: str) -> None:
    body = ("<p>Read the <a href='#r'>full <svg class='icon' aria-hidden='true'><title>Arrow</title><path d='M0 0'/>"
            "</svg>report</a> on the programme and its many costs in the northern region today.</p>")
    assert read(body, reading) == ["Read the full report on the programme and its many costs in the northern "
                                   "region today."]


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_formula_reads_as_the_characters_it_draws(reading: str) -> None:
    body = ("<p>The unit cost is <math alttext='c = x+1'><semantics><mrow><mi>c</mi><mo>=</mo><mi>x</mi><mo>+</mo>"
            "<mn>1</mn></mrow><annotation encoding='application/x-tex'>c = x+1</annotation></semantics></math> "
            "thousand dollars per drone, the ministry's budget office said.</p>")
    assert read(body, reading) == ["The unit cost is c=x+1 thousand dollars per drone, the ministry's budget "
                                   "office said."]


def test_a_figure_s_caption_is_read_in_an_article_of_many_paragraphs() -> None:
    """The extractor, asked for no images, dropped a figure whole, caption and all, once the page was long
    enough for its main extraction (a short page's fallback kept it)."""
    paragraphs = [f"<p>Paragraph {n} of the report says the army ordered {n * 100} more drones for the northern "
                  "bases this year, officials confirmed.</p>" for n in range(1, 7)]
    photo = ("<figure><img src='base.jpg' alt=''><figcaption>Drones at the northern base in March. Photograph: "
             "Reuters</figcaption></figure>")
    body = "".join([*paragraphs[:3], photo, *paragraphs[3:], f"<figure class='chart'>{CHART[8:-9]}</figure>"])
    found = read(body, "article")
    assert "Drones at the northern base in March. Photograph: Reuters" in found
    assert "Chart: the army's drones by year." in found



@pytest.mark.parametrize("marked", ['<p><span class="caption">{}</span></p>', '<p class="wp-caption-text">{}</p>',
                                    '<div id="caption-2">{}</div>', '<div class="Image-Caption">{}</div>'])
def test_a_caption_named_by_its_class_or_id_is_read(marked: str) -> None:
    """A page that marks a caption by class or id (mdBook's `<span class="caption">Figure 15-1: …</span>`,
    WordPress's `wp-caption-text`) shows it as a paragraph; the extractor, asked for no images, dropped any
    element whose class or id names a caption, though it was no picture."""
    paragraphs = [f"<p>Paragraph {n} of the report says the army ordered {n * 100} more drones for the northern "
                  "bases this year, officials confirmed.</p>" for n in range(1, 7)]
    caption = "Figure 3: Drones delivered to the northern bases, by month."
    found = read("".join([*paragraphs[:3], marked.format(caption), *paragraphs[3:]]), "article")
    assert found[3] == caption



REPORT = [f"<p>Paragraph {n} of the report says the army ordered {n * 100} more drones for the northern bases this "
          "year, officials confirmed.</p>" for n in range(1, 7)]
LOOSE = "Editor's note: 77 drones were delivered to the northern bases in March, the ministry counted."
INNER = "<p>The bases also got new radar sets this spring, officials said.</p>"


@pytest.mark.parametrize("tag", ["div", "section", "article", "main", "center", "figure"])
@pytest.mark.parametrize(("shape", "expected"), [
    ("{}", [LOOSE]),
    ("{}" + INNER, [LOOSE, INNER[3:-4]]),
    (INNER + "{}", [INNER[3:-4], LOOSE]),
    ("<b>Note:</b> {}<!-- a comment --> <a href='#'>more</a>", ["Note: " + LOOSE + " more"]),
])
def test_words_loose_in_a_division_are_the_paragraph_a_browser_draws(tag: str, shape: str,
                                                                      expected: list[str]) -> None:
    """Words standing directly in a <div> or <section> among an article's paragraphs, alone or beside blocks,
    are a block on the screen (an anonymous block box); the extractor read them only on a page with too few
    <p> to go on, so an article lost its editor's notes, captions and standfirsts written that way."""
    body = "".join([*REPORT[:3], f"<{tag}>{shape.format(LOOSE)}</{tag}>", *REPORT[3:]])
    found = read(body, "article")
    assert found[3:3 + len(expected)] == expected
    assert len(found) == 6 + len(expected)


@pytest.mark.parametrize("furniture", [
    "<div class='comments'><div class='comment'>Great post, I learned a lot about drones!</div></div>",
    "<div class='share-buttons'>Share this article on social media</div>",
    "<div id='newsletter'>Sign up to our newsletter for daily drone news</div>",
    "<div class='cookie-banner'>We use cookies to improve your experience</div>",
])
def test_loose_words_in_a_page_s_furniture_stay_out(furniture: str) -> None:
    """The container keeps its tag and attributes, so the extractor's rules for comments, share boxes,
    newsletter sign-ups and cookie banners drop it, words and all, as before."""
    assert read("".join([*REPORT[:3], furniture, *REPORT[3:]]), "article") == [p[3:-4] for p in REPORT]


AMP = ("<amp-accordion><section expanded><h4>Open section</h4><p>Open section text: 700 drones.</p></section>"
       "<section><h4>Folded section</h4><div><p>Folded text: 5 tanks.</p></div></section></amp-accordion>"
       "<amp-video src='v.mp4' width='640' height='360'><div fallback><p>Your browser does not play this video: 6 "
       "tanks.</p></div><div placeholder>Loading: 7 tanks.</div></amp-video><p>An input's <span placeholder='x'>"
       "own text: 800 drones.</span></p>")


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_an_amp_page_s_folded_sections_and_fallbacks(reading: str) -> None:
    """An AMP accordion's folded section shows its heading only; an AMP component's fallback (shown when it cannot
    play) and placeholder (shown until it loads) are not drawn; a `placeholder` outside AMP is any attribute."""
    assert read(AMP, reading) == ["Open section", "Open section text: 700 drones.", "Folded section",
                                  "An input's own text: 800 drones."]


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_a_page_of_more_tags_than_one_page_holds_is_refused_at_once_not_read_for_minutes(reading: str) -> None:
    """20 MB of nothing but tags took minutes (25-50 µs a tag); a page past MAX_TAGS is refused before parsing,
    one just under it is read, its text found."""
    import time

    from briefgen.sources.formats.plain import SeedError
    from briefgen.sources.formats.tagbudget import MAX_TAGS

    started = time.process_time()
    with pytest.raises(SeedError, match=r"the page has about 1,000,\d{3} tags, more than the 400,000 briefgen reads"):
        read("<p>Drones were counted.</p>" + "<b></b>" * 500_000, reading)
    assert time.process_time() - started < 2
    assert "Drones were counted." in read("<p>Drones were counted.</p>" + "<i></i>" * (MAX_TAGS // 20), reading)
