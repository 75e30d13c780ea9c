"""A page that writes a text twice, one copy for small screens and one for large, is read as a desktop browser
shows it: the large screen's copy once. By a framework's display classes (Bootstrap 3, 4 and 5, Tailwind,
Foundation, Bulma) or the page's own width-dependent rules (`@media`, a `<style media>`); a rule that may or
may not hold in a desktop window hides nothing. What is shown and hidden is what each framework's documentation
gives for a window 1024 to 1920 CSS pixels wide."""

from __future__ import annotations

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.formats.cssselect import parse
from briefgen.sources.formats.mediaquery import widths

LEAD = ("<p>The ministry said on Monday that the new drone programme would be expanded across the northern "
        "region this year, officials confirmed.</p>")
TAIL = "<p>More text here about the programme and its many costs in the region, the report said.</p>"
WIDE, NARROW = "Desktop copy: 12 drones.", "Phone copy: 12 drones."


def read(body: str, style: str = "", reading: str = "blocks", media: str = "") -> list[str]:
    sheet = f'<style media="{media}">{style}</style>' if media else f"<style>{style}</style>"
    page = (f"<!doctype html><html><head><title>T</title>{sheet}</head><body><article><h1>Drones</h1>{LEAD}"
            f"{body}{TAIL}</article></body></html>")
    found = list(extract(FORMATS[".html"], page.encode(), None, reading).paragraphs)
    return [text for text in found if "copy" in text]


PAIRS = [  # (the large screen's classes, the small screen's)
    ("d-none d-md-block", "d-md-none"),  # Bootstrap 4, 5
    ("d-none d-lg-flex", "d-block d-lg-none"),
    ("hidden-xs hidden-sm", "visible-xs visible-sm"),  # Bootstrap 3
    ("hidden-xs", "visible-xs-block"),
    ("hidden md:block", "md:hidden"),  # Tailwind
    ("hidden lg:flex", "block lg:hidden"),
    ("max-md:hidden", "md:hidden"),
    ("show-for-medium", "show-for-small-only"),  # Foundation
    ("hide-for-small-only", "hide-for-large"),
    ("is-hidden-mobile", "is-hidden-desktop"),  # Bulma
    ("desktop", "mobile-only"),  # a class that says what it does
    ("hidden-print", "visible-print-block"),  # on paper only
    ("navbar-collapse collapse", "d-print-block d-none"),  # a navigation bar's menu shows on a desktop
]


@pytest.mark.parametrize(("wide", "narrow"), PAIRS)
@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_a_framework_s_responsive_copies_read_once(wide: str, narrow: str, reading: str) -> None:
    body = f'<div class="{wide}"><p>{WIDE}</p></div><div class="{narrow}"><p>{NARROW}</p></div>'
    assert read(body, reading=reading) == [WIDE]


MEDIA = [  # rules that show the large screen's copy and hide the small screen's, each way a page writes them
    ".w{display:none} @media (min-width: 768px) { .w{display:block} .n{display:none} }",  # mobile first
    "@media screen and (max-width: 767px) { .w{display:none} } @media only screen and (min-width:48em) "
    "{ .n{display:none} }",
    "@media (max-width: 767.98px) { .w{display:none} } @media not all and (max-width: 767.98px) { .n{display:none} }",
    r"@layer utilities { .hidden{display:none} @media (width >= 48rem) { .md\:block{display:block} "
    r".md\:hidden{display:none} } }",  # Tailwind 4, its class names escaped
    ".w{display:none} @media (768px <= width) { .w{display:block} } @media (orientation: landscape) "
    "{ .n{display:none} }",
    "@media (hover: none) { .w{display:none} } @media (hover: hover) and (pointer: fine) { .n{display:none} }",
    "@supports not (display: grid) { .w{display:none} } @supports (display: grid) { .n{display:none} }",
]


@pytest.mark.parametrize("style", MEDIA)
@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_the_page_s_own_media_rules_read_once(style: str, reading: str) -> None:
    classes = ("hidden md:block", "md:hidden") if "layer" in style else ("w", "n")
    body = f'<p class="{classes[0]} x">{WIDE}</p><p class="{classes[1]} x">{NARROW}</p>'
    assert read(body.replace(" x", ""), style, reading) == [WIDE]


UNSURE = [  # a rule that may or may not hold in a desktop window hides nothing
    (".n{display:none} .w{display:none} @media (min-width: 1400px) { .w{display:block} }", ""),
    ("@media (prefers-color-scheme: dark) { .w, .n {display:none} }", ""),
    ("@media print { .w, .n {display:none} }", ""),
    ("@media (max-width: 600px) { .w, .n {display:none} } @media (min-width: 1200px) and (max-width: 1300px) "
     "{ .w, .n {display:none} }", ""),
    (".w, .n {display:none}", "(max-width: 600px)"),  # a <style> for phones only
]


@pytest.mark.parametrize(("style", "media"), UNSURE)
def test_a_rule_that_may_not_hold_on_a_desktop_hides_nothing(style: str, media: str) -> None:
    found = read(f'<p class="w">{WIDE}</p><p class="n">{NARROW}</p>', style, media=media)
    assert found == ([WIDE] if "1400px" in style else [WIDE, NARROW])


def test_a_framework_class_shown_on_the_widest_screens_only_is_kept() -> None:
    """Bootstrap's `d-xxl-block` (1400px and up) shows in a wide desktop window and not in a narrow one."""
    assert read(f'<p class="d-none d-xxl-block">{WIDE}</p><p class="hidden-lg">{NARROW}</p>') == [WIDE, NARROW]


def test_a_style_sheet_for_wide_screens_hides_as_its_rules_say() -> None:
    assert read(f'<p class="w">{WIDE}</p><p class="n">{NARROW}</p>', ".n{display:none}",
                media="screen and (min-width: 768px)") == [WIDE]


def test_the_page_s_own_rule_of_the_same_weight_wins_over_a_framework_s() -> None:
    """Tailwind's classes carry no `!important`: the page's own `.hidden { display: block }` shows the text;
    Bootstrap's do, and win."""
    assert read(f'<p class="hidden">{WIDE}</p><p class="d-none">{NARROW}</p>', ".hidden, .d-none {display:block}") \
        == [WIDE]


@pytest.mark.parametrize(("media", "held"), [("", {1024, 1920}), ("print", set()), ("screen", {1024, 1920}),
                                             ("(min-width: 1200px)", {1920}), ("(max-width: 80em)", {1024}),
                                             ("(min-width: 768px), print", {1024, 1920}),
                                             ("(400px < width <= 1100px)", {1024}), ("(min-resolution: 2dppx)", set()),
                                             ("not screen and (color)", set()), ("(width: 1024px)", {1024}),
                                             ("(prefers-color-scheme: dark)", set()), ("(pointer:coarse)", set())])
def test_media_queries_are_read_at_the_narrowest_and_widest_desktop_widths(media: str, held: set[int]) -> None:
    assert widths(media) == held


def test_escaped_class_names_are_read_as_the_markup_writes_them() -> None:
    selector = parse(r".\32xl\:hidden.w-1\/2")
    assert selector is not None and selector.subject.classes == {"2xl:hidden", "w-1/2"}


@pytest.mark.parametrize("reading", ["blocks", "article"])
def test_tailwind_s_visibility_and_screen_reader_classes_by_width(reading: str) -> None:
    """`sr-only md:not-sr-only` is a label for screen readers on phones that a desktop shows; `md:sr-only` the
    other way round; `invisible` keeps an element's place but hides it, `md:visible` shows it again."""
    body = (f'<p><span class="sr-only md:not-sr-only">{WIDE}</span></p><p class="md:sr-only">{NARROW}</p>'
            f'<p class="invisible md:visible">Desktop copy two.</p><p class="md:invisible">Phone copy two.</p>'
            f'<p class="invisible">Phone copy three.</p>')
    assert read(body, reading=reading) == [WIDE, "Desktop copy two."]


def test_a_meter_or_progress_bar_s_fallback_text_is_not_read() -> None:
    body = ('<p>Funded: <meter value="0.7">70 percent copy</meter> of the budget; built: <progress value="3" '
            'max="10">3 of 10 copy</progress> drones, the report said.</p>')
    found = list(extract(FORMATS[".html"], f"<p>{body}</p>".encode(), None, "blocks").paragraphs)
    assert found == ["Funded: of the budget; built: drones, the report said."]


def test_text_unseen_in_a_narrow_window_only_is_read() -> None:
    """`visibility: hidden` or a colour of the ground below 1200px only: a wide desktop window shows it."""
    style = ("@media (max-width: 1200px) { .w { visibility: hidden } .v { color: #fff } } "
             "@media (min-width: 768px) { .n { visibility: hidden } }")
    assert read(f'<p class="w">{WIDE}</p><p class="v">Desktop copy two.</p><p class="n">{NARROW}</p>', style) == [
        WIDE, "Desktop copy two."]
