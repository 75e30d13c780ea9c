"""The HTML and Markdown seed readers on hostile pages: character set labels, hidden text, lists and tables in the
article reading, a very large page, and Markdown nested past markdown-it's limit."""

from __future__ import annotations

import time

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.formats.article import ARTICLE_MAX_CHARS
from briefgen.sources.formats.htmldoc import decode
from briefgen.sources.formats.mddoc import MAX_NESTING
from briefgen.sources.formats.plain import SeedError

HTML, MD = FORMATS[".html"], FORMATS[".md"]
BODY = "<p>The army has 1,200 drones.</p>"


def html(raw: bytes | str, reading: str = "article") -> list[str]:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return list(extract(HTML, data, None, reading).paragraphs)


def markdown(text: str) -> list[str]:
    return list(extract(MD, text.encode("utf-8")).paragraphs)


def page(charset: str, body: bytes) -> bytes:
    return b'<html><head><meta charset="' + charset.encode() + b'"><title>T</title></head><body>' + body + \
        b"</body></html>"


@pytest.mark.parametrize("label", ["undefined", "punycode", "rot13", "zlib", "base64", "utf-7", "x-bogus"])
def test_a_label_browsers_do_not_know_is_ignored(label: str) -> None:
    raw = page(label, "<p>The army’s 1,200 drones.</p>".encode())
    assert html(raw, "blocks") == ["The army’s 1,200 drones."]  # read as UTF-8, as a browser falls back


def test_the_first_known_label_wins() -> None:
    raw = b'<meta charset="nonsense"><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">' + \
        "<p>Армия</p>".encode("koi8_r")
    assert html(raw, "blocks") == ["Армия"]


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO_8859-1", "latin1", "us-ascii", "ascii", "windows-1252",
                                   "x-user-defined"])
def test_latin1_and_ascii_labels_mean_windows_1252(label: str) -> None:
    raw = page(label, b"<p>The army\x92s 1,200 drones \x97 officials said \x93today\x94.</p>")
    assert html(raw, "blocks") == ["The army’s 1,200 drones — officials said “today”."]


def test_bytes_windows_1252_leaves_undefined_are_read_not_refused() -> None:
    # 0x81 decodes to the C1 control U+0081, as browsers decode it; a control character is not page text
    assert decode(page("latin1", b"<p>a\x81b\xe9</p>")).endswith("<p>abé</p></body></html>")


def test_a_meta_naming_utf16_means_utf8() -> None:
    assert html(page("utf-16", "<p>Müller said so.</p>".encode()), "blocks") == ["Müller said so."]


def test_a_replacement_charset_is_refused() -> None:
    with pytest.raises(SeedError, match="'replacement', which browsers refuse to show"):
        html(page("iso-2022-kr", b"<p>text</p>"), "blocks")


@pytest.mark.parametrize(("label", "body"), [("utf8", b"caf\xe9 and \xff"), ("shift_jis", b"caf\xa0\x81 and \xff")])
def test_bytes_invalid_in_a_declared_charset_read_as_replacement_characters(label: str, body: bytes) -> None:
    """A browser shows the rest of the page, each byte sequence the encoding has no character for as U+FFFD (one
    for each maximal invalid sequence, the Encoding Standard's rule); the whole page was refused."""
    expected = body.decode("utf-8" if label == "utf8" else "cp932", errors="replace")
    assert html(page(label, b"<p>The army has 1,200 drones: " + body + b".</p>"), "blocks") == [
        f"The army has 1,200 drones: {expected}."]
    assert "\ufffd" in expected


# Each the text of the same news sentences, encoded without a label: Chrome and Firefox detect the encoding of
# a page that declares none (Chrome's CED, Firefox's chardetng); the text is the oracle (each encodes it).
UNLABELLED = [("shift_jis", "無人機が飛行した。政府は本日、新しい計画を発表した。"),
              ("gb18030", "无人机起飞了。政府今天宣布了新的计划。"),
              ("euc_kr", "정부는 오늘 새로운 계획을 발표했다."),
              ("koi8_r", "Правительство заявило о переносе испытаний на следующий год."),
              ("cp1251", "Правительство заявило о переносе испытаний на следующий год."),
              ("cp1250", "Vláda oznámila, že zkoušky přesune na příští rok."),
              ("cp1253", "Η κυβέρνηση ανακοίνωσε σήμερα ένα νέο σχέδιο για τα drones."),
              ("cp1252", "Officials said the programme’s cost was “too high” — about €400 million."),
              ("cp1252", "Die Regierung kündigte an, die Tests auf das nächste Jahr zu verschieben.")]


@pytest.mark.parametrize(("codec", "text"), UNLABELLED)
def test_an_unlabelled_page_is_read_in_the_encoding_its_bytes_are(codec: str, text: str) -> None:
    raw = f"<html><head><title>News</title></head><body><p>{text}</p></body></html>".encode(codec)
    assert html(raw, "blocks") == [text]


HIDDEN_PAGE = ("<html><body><h1>Script title</h1><p>The army has 1,200 drones today, officials said.</p>"
               "<p style=\"display:none\">The army has 0 drones hidden.</p>"
               "<p style=\"color: red; Visibility : Hidden !important\">Invisible 5 ships.</p>"
               "<div hidden>Hidden attribute text with 999 tanks.</div>"
               "<div style=\"content-visibility:hidden\">Skipped 7 planes.</div>"
               "<template><p>Template 3 rockets.</p></template><noscript><p>Enable scripts.</p></noscript>"
               "<p><span aria-hidden=\"true\">★</span> Rated by 40 analysts.</p>"
               "<details><summary>More</summary><p>Folded 8 trucks.</p></details>"
               "<div hidden=\"until-found\">Found by search: 12 boats.</div>"
               "<ul><li hidden>Hidden item 6<li>Shown item 9</ul>"
               "<div><p hidden>Unclosed hidden 4</div>Visible tail 2.</body></html>")


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_text_a_browser_does_not_show_is_not_read(reading: str) -> None:
    expected = ["The army has 1,200 drones today, officials said.", "★ Rated by 40 analysts.", "More",
                "Found by search: 12 boats.", "Shown item 9", "Visible tail 2."]  # a closed <details>: its summary
    found = html(HIDDEN_PAGE, reading)
    assert found == (["Script title", *expected] if reading == "blocks" else expected)


def test_markdown_inline_and_block_html_hides_text() -> None:
    text = ("# Notes\n\nVisible <span hidden>secret 0</span> text, <span aria-hidden=\"true\">icon</span>.\n\n"
            "<div style=\"display:none\">\n\nHidden **markdown** paragraph with 999 tanks.\n\n- hidden item\n\n"
            "</div>\n\nAfter <template>tpl</template>the template.\n\n<noscript>Enable scripts</noscript>\n\n"
            "- item <span style=\"visibility:hidden\">never closed\n- next item\n\n```\ncode line\n```\n")
    assert markdown(text) == ["Notes", "Visible text, icon.", "After the template.", "item", "next item",
                              "code line"]


LIST_PAGE = ("<html><body><h1>List title</h1><p>The army has 1,200 drones today, officials said on Monday.</p>"
             "<p>Second paragraph is here with more words to make it an article.</p><ul>"
             "<li>The first point is that the drones are getting cheaper every year.</li>"
             "<li>The second point is that 300 new drones were ordered in March.</li></ul>"
             "<p>Closing paragraph with enough words in it to count as body text.</p></body></html>")
TABLE_PAGE = ("<html><body><h1>Table title</h1><p>The army has many things, officials said in a statement today."
              "</p><table><tr><th>Item</th><th>Count</th></tr><tr><td>Drones</td><td>1,200</td></tr></table>"
              "</body></html>")


def test_article_keeps_list_items_each_a_paragraph() -> None:
    assert html(LIST_PAGE) == ["The army has 1,200 drones today, officials said on Monday.",
                               "Second paragraph is here with more words to make it an article.",
                               "The first point is that the drones are getting cheaper every year.",
                               "The second point is that 300 new drones were ordered in March.",
                               "Closing paragraph with enough words in it to count as body text."]


def test_a_short_article_is_not_merged_into_one_paragraph() -> None:
    assert html(TABLE_PAGE) == ["The army has many things, officials said in a statement today.", "Item Count",
                                "Drones 1,200"]


def test_a_page_too_large_for_the_article_extractor_is_read_as_blocks_quickly() -> None:
    sentence = "The army has 1,200 drones today, officials said in a long statement."
    count = ARTICLE_MAX_CHARS // len(sentence) + 10
    raw = ("<html><body><h1>Big title</h1>" + f"<p>{sentence}</p>" * count + "</body></html>").encode()
    started = time.perf_counter()
    found = html(raw)
    assert time.perf_counter() - started < 20  # trafilatura: ~3 s for this page, 81 s for the 18 MB one
    assert found[0] == "Big title" and len(found) == count + 1  # every block: the headline stays ¶1


def test_markdown_quoted_past_markdown_its_default_limit_keeps_the_text() -> None:
    text = "# Quoted mail\n\n" + ">" * 21 + " The army has 1,200 drones.\n\n" + \
        "".join("  " * depth + f"- level {depth}\n" for depth in range(30)) + "\nLast line.\n"
    found = markdown(text)
    assert found[:2] == ["Quoted mail", "The army has 1,200 drones."]
    assert found[-2:] == ["level 29", "Last line."]


@pytest.mark.parametrize("nested", [">" * MAX_NESTING + " deep\n", "".join("  " * d + "- x\n" for d in range(120))])
def test_markdown_nested_deeper_than_read_is_refused(nested: str) -> None:
    with pytest.raises(SeedError, match="nests block quotes and lists more than 198 levels deep") as caught:
        markdown("---\ntitle: T\n---\n# Title\n\n" + nested)
    assert caught.value.line is not None and caught.value.line >= 6


UNSHOWN_PAGE = ("<html><body><h1>Media title</h1><p>The army has 1,200 drones today, officials said on Monday.</p>"
                "<dialog><p>A closed dialog's 13 mines.</p></dialog>"
                "<p>Second paragraph is here with more words to make it an article of some length.</p>"
                "<video src=\"v.mp4\"><p>Your browser cannot play 14 videos.</p></video>"
                "<audio controls>No 15 sounds.</audio><noembed>No 16 plugins.</noembed>"
                "<p>Closing paragraph with enough words in it to count as body text.</p>"
                "<dialog open><p>An open dialog's 30 jets.</p></dialog></body></html>")


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_closed_dialogs_and_media_fallback_text_are_not_read(reading: str) -> None:
    """A closed <dialog> is `display: none` in every browser's own stylesheet (HTML's rendering section); a
    browser that plays a <video> or <audio> shows the player, not the fallback text inside it."""
    found = html(UNSHOWN_PAGE, reading)
    assert not [p for p in found if any(word in p for word in ("mines", "videos", "sounds", "plugins"))]
    assert found[-1] == "An open dialog's 30 jets."
    assert len(found) == 4 + (reading == "blocks")  # the blocks reading has the headline too


def test_a_charset_in_a_comment_declares_nothing() -> None:
    """A browser's scan for the <meta> charset steps over comments: the page is the UTF-8 its live <meta> says, not
    the Latin-1 of an old tag left commented out (read as Windows-1252, every curly quote became three letters)."""
    raw = (b'<html><head><!-- <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"> -->'
           b'<meta charset="utf-8"><title>T</title></head><body>' + "<p>The army’s “1,200” drones.</p>".encode()
           + b"</body></html>")
    assert html(raw, "blocks") == ["The army’s “1,200” drones."]


def test_a_br_tag_in_markdown_breaks_the_line_between_its_words() -> None:
    """`one<br>two` renders on two lines (pandoc's HTML in w3m shows them): the words are apart, as across a hard
    break (none between two CJK characters); they read "onetwo". A <wbr> is no space."""
    assert markdown("# T\n\nLine one<br>line two, x<br/>y and a<wbr>b; 无人<br>机.\n") == [
        "T", "Line one line two, x y and ab; 无人机."]


COMMENTED = ("<html><head><title>T</title></head><body><article><h1>Comments page headline here</h1>"
             "<p>The ministry of defence announced on Tuesday that a new drone programme would begin next year.</p>"
             "<p>Before <!--> visible text one <!-- a comment --> after one.</p>"
             "<p>Before <!---> visible text two <!-- a comment --> after two.</p>"
             "<p>Before <!-- a comment --!> visible text three <!-- a comment --> after three.</p>"
             "<p>The last paragraph of the article, with a final sentence for the reader to see.</p>"
             "<!-- a comment the page never ends <p>Not shown.</p>")


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_comments_end_where_html_ends_them(reading: str) -> None:
    """HTML ends `<!-->` and `<!--->` at once and a comment at `--!>` as at `-->` (the tokenizer's
    abrupt-closing-of-empty-comment and incorrectly-closed-comment); a comment never ended runs to the page's end.
    Python's html.parser before 3.13 ran each to the next `-->`, dropping the visible text between."""
    found = html(COMMENTED, reading)
    assert [p for p in found if p.startswith("Before")] == [
        f"Before visible text {n} after {n}." for n in ("one", "two", "three")]
    assert not [p for p in found if "shown" in p]


def test_a_style_after_an_empty_comment_still_styles_the_page() -> None:
    page = ("<html><head><!--><style>.x { display: none }</style><!-- c --></head><body>"
            "<p>The army has 1,200 drones.</p><p class=\"x\">Hidden 9 tanks.</p></body></html>")
    assert html(page, "blocks") == ["The army has 1,200 drones."]


@pytest.mark.parametrize("junk", ["<a ", "</ ", "<!x ", "<?x ", "<![ "])
def test_markup_a_page_never_ends_is_read_at_once(junk: str) -> None:
    """A tag, end tag, declaration or comment with no `>` after it runs to the page's end, where a browser shows
    nothing more; Python's html.parser read each `<` of 100,000 of them as text, searching the rest of the page
    for an end each time (minutes for 300 KB: a hostile page held up `check`)."""
    page = "<html><body><p>The army has 1,200 drones.</p><p>Then " + junk * 100_000
    started = time.process_time()
    assert html(page, "blocks") == ["The army has 1,200 drones.", "Then"]
    assert time.process_time() - started < 20  # measured: 0.1 s


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("charset", ["", '<meta charset="windows-1252">', '<meta charset="utf-8">'])
def test_a_page_in_utf16_without_its_byte_order_mark_is_read_as_utf16(codec: str, charset: str) -> None:
    """Its markup is ASCII with a NUL beside each character, so its byte order shows; a <meta> in it names
    another encoding (it was copied from an ASCII-based page) and is not what its bytes are."""
    text = "Правительство заявило о переносе испытаний — 无人机 — déjà."
    raw = f"<!doctype html><html><head>{charset}<title>T</title></head><body><p>{text}</p></body></html>"
    assert html(raw.encode(codec), "blocks") == [text]
    assert decode(raw.encode(codec)) == raw


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "windows-1251", "shift_jis", "gb2312"])
def test_a_page_in_utf8_under_a_legacy_label_reads_as_utf8(label: str) -> None:
    """Its server's header said UTF-8, over the <meta>, and the saved copy lost the header: valid UTF-8 beyond
    ASCII is no legacy text by chance (`’` would read `â€™`)."""
    text = "Officials said the programme’s cost was “too high” — about €400 million, 无人机."
    assert html(page(label, f"<p>{text}</p>".encode()), "blocks") == [text]


def test_a_charset_declared_late_in_a_long_head_is_read() -> None:
    """A browser's parser meets the <meta> after 4 KB of inline script and reads the page again in its charset."""
    text = "Правительство заявило о переносе испытаний на следующий год."
    script = "<script>var x = '" + "a" * 6000 + "';</script>"
    raw = (f"<html><head>{script}<meta charset='windows-1251'><title>T</title></head><body><p>{text}</p>"
           "</body></html>").encode("cp1251")
    assert html(raw, "blocks") == [text]
