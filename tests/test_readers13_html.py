"""Round 13 of the seed readers, HTML: elements nested deeper than a browser nests them (Chrome's parser sets an
element opened 512 deep beside the deepest) are no longer each held with their style and the selectors' view
of them: a page of 390,000 nested <div> (1.9 MB, within the 400,000 tags a page may have) held 250 MB. The text
of such a page, and of one nested less deep, is checked against w3m's rendering."""

from __future__ import annotations

import subprocess
from pathlib import Path

from briefgen.sources.formats import extract, format_of
from briefgen.sources.formats.visibility import MAX_DEPTH
from tests.test_readers13_mail import _peak_kb
from tests.tools import require

_CHILD = ("import sys; from pathlib import Path; from briefgen.sources import formats\n"
          "from briefgen.sources.formats import htmldoc\n"
          "raw = Path(sys.argv[1]).read_bytes()\n"
          "if sys.argv[2] == 'extract': formats.extract(formats.format_of(sys.argv[1]), raw, reading='blocks')\n")


def _blocks(html: str) -> list[str]:
    fmt = format_of("page.html")
    assert fmt is not None
    return list(extract(fmt, html.encode("utf-8"), reading="blocks").paragraphs)


def _w3m(html: str) -> list[str]:
    done = subprocess.run([require("w3m"), "-dump", "-T", "text/html", "-cols", "10000", "-I", "UTF-8", "-O",
                           "UTF-8"], input=html.encode("utf-8"), capture_output=True, check=True, timeout=60)
    return [" ".join(line.split()) for line in done.stdout.decode("utf-8").splitlines() if line.strip()]


def test_a_page_nested_past_a_browsers_depth_is_not_held_level_by_level(tmp_path: Path) -> None:
    """60,000 nested <div> (0.3 MB): 30 MB beyond the file's bytes, some 500 bytes a level; now a browser's
    depth of them."""
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 60_000 + "deep text" + "</div>" * 60_000 + "<p>after</p>")
    assert _blocks(path.read_text()) == ["deep text", "after"]
    assert (_peak_kb(path, "extract", _CHILD) - _peak_kb(path, "bytes", _CHILD)) < 10 * 1024


def test_what_a_deep_page_shows_is_what_a_browser_shows() -> None:
    """Text before, inside and after a stack deeper than MAX_DEPTH, with hidden elements above it (whose text
    stays hidden until they end) and <p> left open inside it, read as w3m draws the page's shown text."""
    depth = MAX_DEPTH + 200
    page = ("<p>first</p><div class=outer>" + "<div><span>" * depth + "<p>deep one<p>deep two" +
            "</span></div>" * depth + "<p>after the stack</p></div><p>last</p>")
    assert _blocks(page) == _w3m(page) == ["first", "deep one", "deep two", "after the stack", "last"]
    hidden = ("<p>shown</p><div hidden>" + "<div>" * depth + "deep" + "</div>" * depth + "still hidden</div>"
              "<p>shown again</p>")
    assert _blocks(hidden) == ["shown", "shown again"]
    styled = ("<style>.gone { display: none }</style><div class=gone>" + "<section>" * depth + "x" +
              "</section>" * (depth // 2) + "y</div>" + "<p>z</p>")
    assert _blocks(styled) == ["z"]


def test_a_page_of_one_long_paragraph_is_read_in_a_few_times_its_size(tmp_path: Path) -> None:
    """A 5 MB page of one paragraph of a million words: making it one line replaced every space by a new one, a
    list of two million pieces (17 times the file beyond it; a 19 MB page peaked at 429 MB); now 5 times."""
    path = tmp_path / "long.html"
    path.write_text("<p>" + "word " * 1_000_000 + "</p>")
    assert _blocks(path.read_text()) == [("word " * 1_000_000).strip()]
    assert (_peak_kb(path, "extract", _CHILD) - _peak_kb(path, "bytes", _CHILD)) * 1024 < 8 * path.stat().st_size


def test_one_line_makes_the_line_it_made() -> None:
    """briefgen.text.one_line, which now leaves a lone space as it is, against the rule it implements (every run
    of white space one space, soft hyphens gone, the ends stripped) on random text of every kind of space."""
    import random
    import re

    from briefgen.text import one_line

    rnd = random.Random(13)
    for _ in range(20_000):
        text = "".join(rnd.choice(["a", " ", "\t", "\n", "\r", "\x0b", "\u00a0", "\u3000", "\u2028", "\u00ad", "b"])
                       for _ in range(rnd.randrange(20)))
        assert one_line(text) == re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()

