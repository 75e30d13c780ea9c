"""A header or footer row set across a page of two columns ("Quarterly review … Draft"), on a page where it does
not recur (a one-page document, a first page's own header): in an untagged PDF its right piece is read with its
left one, before (after) the columns, not as the top of the second column, where it cut the sentence that runs
on from the first column into the second (a passage quoting that sentence was not found, and "Draft" began a
paragraph); a tagged PDF (typst's, as made) marks them as artifacts, which are not read at all."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.seeds import Seed

BODY = " ".join(f"Sentence number {i} of the long report describes the state of the northern drone units in some "
                "detail." for i in range(1, 45))
SENTENCES = re.findall(r"Sentence number \d+ of.*?detail\.", BODY)


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    import typst

    folder = tmp_path_factory.mktemp("edge-rows")
    source = folder / "review.typ"
    source.write_text("#set page(columns: 2, header: [Quarterly review #h(1fr) Draft], "
                      "footer: [Annex B #h(1fr) Restricted])\n#set par(justify: true)\n= Findings\n" + BODY,
                      encoding="utf-8")
    typst.compile(str(source), output=str(folder / "review.pdf"))
    return Path(folder / "review.pdf").read_bytes()


@pytest.fixture(scope="module")
def untagged(tagged: bytes) -> Seed:
    """The same PDF with its tags' mark taken away (as many tools that rewrite a PDF leave it)."""
    pdf = pikepdf.open(io.BytesIO(tagged))
    del pdf.Root.MarkInfo
    out = io.BytesIO()
    pdf.save(out)
    return _seed(out.getvalue())


def _seed(raw: bytes) -> Seed:
    found = extract(FORMATS[".pdf"], raw)
    return Seed("review.pdf", "seeds/review.pdf", "\n".join(found.paragraphs), found.pages)


def test_the_header_and_footer_rows_are_read_whole_before_and_after_the_columns(untagged: Seed) -> None:
    assert untagged.paragraphs == ("Quarterly review", "Draft", "Findings", BODY, "Annex B", "Restricted")


def test_a_tagged_pdf_leaves_its_header_and_footer_artifacts_out(tagged: bytes) -> None:
    assert _seed(tagged).paragraphs == ("Findings", BODY)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_sentence_is_found_across_the_column_break(untagged: Seed, sentence: str) -> None:
    assert untagged.locate(sentence) == 4
