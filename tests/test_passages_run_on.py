"""A passage whose words run on from one paragraph into the next, as the analyst copies a sentence across a
break the page shows inside it: a plain-text report wrapped at 72 columns (each line a paragraph of a .txt
seed), a `<br>` inside an HTML paragraph, an address set on two lines. It is found and cited as a range
(¶2–3), in either HTML reading; words that do not run on stay unfound."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed, read_document

REPORT = ("The ministry said on Tuesday that the drone programme had become the army's top priority for the "
          "coming year, and that the northern units would receive the first of the new aircraft by the spring. "
          "Officials declined to say how many aircraft had been ordered.")
PAGE = (b"<!doctype html><html><head><meta charset='utf-8'><title>Drone news</title></head><body><article>"
        b"<h1>Drone news</h1><p>First paragraph of the article is long enough to count as content for the "
        b"extractor to keep it here.</p><p>The minister said that the programme<br>was a top priority for the "
        b"year, and officials agreed with him on that point.</p><p>Address: 12 Main Street<br>Springfield</p>"
        b"<p>Another paragraph of the article is long enough to count as content for the extractor to keep it "
        b"as well.</p></article></body></html>")


def _spans(seed: Seed, passage: str) -> list[tuple[int, int]]:
    return [(span.first, span.last) for span in find(seed, passage).spans]


def test_a_sentence_of_a_hard_wrapped_text_report(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Drone report\n\n" + textwrap.fill(REPORT, 72) + "\n", encoding="utf-8")
    _raw, text, _pages = read_document(str(path))
    seed = Seed(str(path), "seeds/report.txt", text)
    assert len(seed.paragraphs) == 5  # the title and four wrapped lines
    assert _spans(seed, "the drone programme had become the army's top priority for the coming year") == [(2, 3)]
    assert _spans(seed, REPORT) == [(2, 5)]
    assert _spans(seed, "Officials declined to say how many aircraft had been ordered.") == [(4, 5)]
    assert _spans(seed, "would receive the first of the new aircraft") == [(4, 4)]  # one line: no range
    assert _spans(seed, "the army's top priority for the coming decade") == []


@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_a_sentence_across_a_br(reading: str) -> None:
    found = extract(FORMATS[".html"], PAGE, reading=reading)
    seed = Seed("news.html", "seeds/news.html", "\n".join(found.paragraphs))
    start = seed.paragraphs.index("The minister said that the programme") + 1
    assert _spans(seed, "The minister said that the programme was a top priority for the year") == \
        [(start, start + 1)]
    assert _spans(seed, "Address: 12 Main Street Springfield") == [(start + 2, start + 3)]
    assert _spans(seed, "the programme was a top priority for the decade") == []
