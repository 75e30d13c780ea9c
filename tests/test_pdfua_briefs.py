"""briefgen's briefs against the PDF/UA-1 checker (`tests/pdfua.py`) and in reading order: Poppler's
`pdfinfo -struct-text` reads the text of the structure tree, which must be the document model's text in reading
order, each note right after the run that first cites it (`tests/reading_order.py`). First the reading-order
helper itself, on both sides."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefgen.regen.audience as audience
from briefgen.document.formats import Format
from briefgen.document.nodes import Document, Theme, Writer, WriteResult
from tests.conftest import ROOT
from tests.helpers import run
from tests.pdfua import check_pdf
from tests.reading_order import difference, model_text, struct_text, tree_text, word_difference
from tests.samples import HOSTILE, sample_document
from tests.tools import require


def test_the_model_reads_each_note_after_the_run_that_first_cites_it() -> None:
    assert model_text(sample_document()) == [
        "Sample Brief", "Information as of 19 September 2025",
        "Bottom line", "The bottom line, stated first.1",
        "1 Example Originator, A Report Title, published 2025-09, ¶4 (seeds/a.txt), accessed 2026-11-20.",
        "Key judgments", "HIGH CONFIDENCE First judgment in bold and italic.1,2",
        "2 Originator unknown, Another Title, 2025-09, ¶7 (seeds/b.txt), accessed 2026-11-20.",
        HOSTILE + "3", "3 Example Originator, A Report Title, ¶9.",
        "•", "One bullet2", "•", "Two bullet, see the site",
        "Key figures", "Figure", "Value", "Active troops", "about 1 million2", "Population", "25.6 million",
        "Quotes", "“A quoted sentence.”1", "— Kim Jong Un (김정은)",
    ]


LISTING = '''Document
  H1 "A title attribute, not text" (block)
    "Heading"
  Figure:
     /BBox [0 0 10 10]
    "drawn inside the chart"
    Span (inline)
      "also inside"
  Caption
    "Source: a note.1"
    Link (inline)
      Object 12 0
  Note <fn1> (inline)
    "1 The note."
'''


def test_the_tree_side_reads_content_but_not_titles_attributes_or_figures() -> None:
    assert tree_text(LISTING) == ["Heading", "Source: a note.1", "1 The note."]


def test_the_comparison_ignores_line_breaks_and_case_but_not_order() -> None:
    model = ["Key judgments", "The unit doubled its sorties.1", "1 Customs records.", "Training moved inland."]
    assert difference(model, ["KEY JUDGMENTS", "The unit doubled its\nsorties.1", "1 Customs records.",
                              "Training moved inland."]) is None
    moved = difference(model, ["Key judgments", "The unit doubled its sorties.1", "Training moved inland.",
                               "1 Customs records."])
    assert moved is not None and "at character 38 of" in moved
    assert difference(model, model[:-1]) is not None


def test_the_word_comparison_finds_words_a_line_break_glued() -> None:
    model = ["North Korea's military modernisation", "1 Customs records."]
    assert word_difference(model, ["North Korea's  military\nmodernisation", "1 Customs\trecords."]) == []
    assert word_difference(model, ["North Korea's militarymodernisation", "1 Customs records."]) == [
        "'military modernisation' read as 'militarymodernisation'"]


# ---------------------------------------------------------------- the shipped briefs


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Document]]]:
    """The shipped workspace built, with the document each PDF was written from (taken as the build hands it
    to the writer, after the page fit)."""
    ws = tmp_path_factory.mktemp("ua") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    documents: dict[str, Document] = {}
    real = audience.writer_for

    def spy(fmt: Format) -> Writer:
        writer = real(fmt)

        def write(doc: Document, path: Path, theme: Theme) -> WriteResult:
            documents[path.name] = doc
            return writer(doc, path, theme)
        return write

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(audience, "writer_for", spy)
        patch.setenv("BRIEFGEN_WORKERS", "1")  # the spy records in this process's memory
        result = run(ws, "build")
    assert result.exit_code == 0, result.output
    yield ws / "output", {name: doc for name, doc in documents.items() if name.endswith(".pdf")}


def test_every_brief_passes_pdfua_and_reads_in_order(briefs: tuple[Path, dict[str, Document]]) -> None:
    pdfinfo = require("pdfinfo")
    output, documents = briefs
    assert sorted(documents) == ["analyst.pdf", "executive.pdf", "public.pdf"]
    problems = []
    for name, doc in sorted(documents.items()):
        problems += [f"{name}: {finding}" for finding in check_pdf(output / name)]
        order = difference(model_text(doc), struct_text(pdfinfo, output / name))
        if order:
            problems.append(f"{name}: {order}")
    assert not problems, "\n".join(problems)


def test_every_brief_keeps_its_word_breaks_in_the_tree(briefs: tuple[Path, dict[str, Document]]) -> None:
    pdfinfo = require("pdfinfo")
    output, documents = briefs
    problems = [f"{name}: {glued}" for name, doc in sorted(documents.items())
                for glued in word_difference(model_text(doc), struct_text(pdfinfo, output / name))]
    assert not problems, "\n".join(problems)


def test_qpdf_and_pikepdf_find_nothing_wrong_in_any_brief(briefs: tuple[Path, dict[str, Document]]) -> None:
    """Every shipped PDF opens cleanly in qpdf (`--check`: structure, streams, cross-reference) and in pikepdf
    (`Pdf.check_pdf_syntax`), tagged as it is."""
    import subprocess

    import pikepdf

    qpdf = require("qpdf")
    output, documents = briefs
    for name in sorted(documents):
        checked = subprocess.run([qpdf, "--check", str(output / name)], capture_output=True, text=True)
        assert checked.returncode == 0 and "No syntax or stream encoding errors" in checked.stdout, checked.stdout
        with pikepdf.open(output / name) as pdf:
            assert pdf.check_pdf_syntax() == [], name
            assert pdf.Root.MarkInfo.Marked is True and "/StructTreeRoot" in pdf.Root
