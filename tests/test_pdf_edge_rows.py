"""A header or footer row set across a page of two columns ("Quarterly review … Draft"), on a page where it does
not recur (a one-page document, a first page's own header): its right piece is read with its left one, before
(after) the columns, not as the top of the second column, where it cut the sentence that runs on from the first
column into the second (a passage quoting that sentence was not found, and "Draft" began a paragraph)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.seeds import Seed

BODY = " ".join(f"Sentence number {i} of the long report describes the state of the northern drone units in some "
                "detail." for i in range(1, 45))
SENTENCES = re.findall(r"Sentence number \d+ of.*?detail\.", BODY)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Seed:
    import typst

    folder = tmp_path_factory.mktemp("edge-rows")
    source = folder / "review.typ"
    source.write_text("#set page(columns: 2, header: [Quarterly review #h(1fr) Draft], "
                      "footer: [Annex B #h(1fr) Restricted])\n#set par(justify: true)\n= Findings\n" + BODY,
                      encoding="utf-8")
    typst.compile(str(source), output=str(folder / "review.pdf"))
    found = extract(FORMATS[".pdf"], Path(folder / "review.pdf").read_bytes())
    return Seed("review.pdf", "seeds/review.pdf", "\n".join(found.paragraphs), found.pages)


def test_the_header_and_footer_rows_are_read_whole_before_and_after_the_columns(seed: Seed) -> None:
    assert seed.paragraphs == ("Quarterly review", "Draft", "Findings", BODY, "Annex B", "Restricted")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_sentence_is_found_across_the_column_break(seed: Seed, sentence: str) -> None:
    assert seed.locate(sentence) == 4
