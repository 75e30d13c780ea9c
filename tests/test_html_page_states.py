"""Markup whose text shows or hides by what a browser does beyond the styles: an old page's presentational
colours (`<font color>`, `<body text bgcolor>`, a cell's `bgcolor`: white on white is unseen, white on black is
read); a <template> declaring a shadow root, which the browser draws in place (an inert one is not); a panel
folded to no height, and Bootstrap's components until opened. In both readings."""

from __future__ import annotations

import pytest

from briefgen.sources.formats import FORMATS, extract

LEAD = ("<p>The ministry said on Monday that the new drone programme would be expanded across the northern "
        "region this year, officials confirmed.</p>")
TAIL = "<p>More text here about the programme and its many costs in the region, the report said.</p>"


def read(body: str, reading: str, html: str = "<html>", head: str = "", body_tag: str = "<body>") -> list[str]:
    page = (f"<!doctype html>{html}<head><title>T</title>{head}</head>{body_tag}<main><article><h1>Drones</h1>"
            f"{LEAD}{body}{TAIL}</article></main></body></html>")
    found = list(extract(FORMATS[".html"], page.encode(), None, reading).paragraphs)
    return [text for text in found if text not in ("Drones", LEAD[3:-4], TAIL[3:-4])]


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_an_old_page_s_presentational_colours(reading: str) -> None:
    body = ("<p><font color='#000000'>Black on the black page: 1 tank.</font></p>"
            "<table bgcolor='white'><tr><td><font color='white'>White on a white table: 2 tanks.</font></td>"
            "<td><font color='yellow'>Yellow on white: 300 drones.</font></td></tr></table>"
            "<p><font color='#000' style='color: #fff0'>Styled over the attribute: 3 tanks.</font></p>")
    assert read(body, reading, body_tag="<body bgcolor='#000000' text='#ffffff'>") == ["Yellow on white: 300 drones."]
    # the page's own white text on its black ground is read: LEAD and TAIL are there, and so is this
    assert read("<p>White on black: 400 drones.</p>", reading, body_tag="<body bgcolor=black text=white>") == [
        "White on black: 400 drones."]


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_declared_shadow_root_is_drawn_and_an_inert_template_is_not(reading: str) -> None:
    body = ("<drone-card><template shadowrootmode='open'><p>Inside the shadow root: 600 drones.</p><slot></slot>"
            "</template></drone-card><template><p>An inert template: 4 tanks.</p></template>")
    assert read(body, reading) == ["Inside the shadow root: 600 drones."]


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_collapsed_panel_is_not_read_and_an_open_one_is(reading: str) -> None:
    """A panel folded to no height (`max-height: 0; overflow: hidden`, a click opens it), and Bootstrap's
    components hidden until a click or their script marks them open: a collapsed accordion panel, a tab not
    chosen, a carousel slide not shown, a modal; a responsive video's box (no height, a padding) is drawn."""
    head = ("<style>.panel { max-height: 0; overflow: hidden; transition: max-height .2s } .panel.open { max-height:"
            " 500px } .video { height: 0; padding-bottom: 56.25%; overflow: hidden }</style>")
    body = ("<div class='panel'><p>A folded answer: 1 tank.</p></div><div class='panel open'><p>An open answer: "
            "100 drones.</p></div><div class='video'><p>Inside a video box: 200 drones.</p></div>"
            "<div class='accordion'><div class='collapse show'><p>An open panel: 300 drones.</p></div>"
            "<div class='collapse'><p>A collapsed panel: 2 tanks.</p></div><div class='panel-collapse collapse in'>"
            "<p>Bootstrap 3's open panel: 400 drones.</p></div></div><div class='tab-content'><div class='tab-pane "
            "fade show active'><p>The chosen tab: 500 drones.</p></div><div class='tab-pane fade'><p>Another tab: 3 "
            "tanks.</p></div></div><div class='modal fade'><p>Sign up for our newsletter: 4 tanks.</p></div>"
            "<div class='carousel-item active'><p>The slide shown: 600 drones.</p></div><div class='carousel-item'>"
            "<p>The next slide: 5 tanks.</p></div>")
    assert read(body, reading, head=head) == [f"{words}: {n}00 drones." for words, n in (
        ("An open answer", 1), ("Inside a video box", 2), ("An open panel", 3), ("Bootstrap 3's open panel", 4),
        ("The chosen tab", 5), ("The slide shown", 6))]


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_tooltip_s_text_inside_a_sentence_is_not_read(reading: str) -> None:
    body = ("<p>The army flies 900 <span class='tooltip'>UAVs<span class='tooltiptext'>Unmanned aerial vehicles"
            "</span></span> over the northern bases, the ministry said on Monday.</p>")
    assert read(body, reading) == ["The army flies 900 UAVs over the northern bases, the ministry said on Monday."]
