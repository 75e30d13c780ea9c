"""One footnote numbering policy for both writers: for every shipped audience, the n-th note of the DOCX and
the n-th note of the PDF carry the same text, read back from both files; the chart caption's marks ascend."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefgen.document.nodes import Bar, Chart, Document, Meta, Note, NoteRef, Paragraph, Span, Theme
from briefgen.document.notes import ascending, numbers
from briefgen.writers.docx import write as write_docx
from briefgen.writers.pdf import write as write_pdf
from tests.expect import pdf_squash
from tests.helpers import built_workspace
from tests.readback import read_docx, read_pdf

AUDIENCES = ("analyst", "executive", "public")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("notes")) / "output"


def _pdf_notes_in_order(text: str, wanted: dict[int, str]) -> list[int]:
    """The numbers whose note text the PDF prints right after the number, searched in order."""
    found, position = [], 0
    for number in sorted(wanted):
        at = text.find(f"{number}{pdf_squash(wanted[number])}", position)
        if at >= 0:
            found.append(number)
            position = at
    return found


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_nth_note_is_the_same_in_both_formats(output: Path, audience: str) -> None:
    docx_notes = {n: text.strip() for n, text in read_docx(output / f"{audience}.docx").notes.items()}
    pdf = read_pdf(output / f"{audience}.pdf")
    assert len(docx_notes) >= 5
    assert sorted(docx_notes) == list(range(1, len(docx_notes) + 1))
    # every DOCX note, by number, is the PDF note of that number, in the same order
    assert _pdf_notes_in_order(pdf_squash("".join(pdf.pages)), docx_notes) == sorted(docx_notes)
    # and the PDF prints no other note: one back link (note number -> first citation) per note
    backs = [link for link in pdf.links if link.target is not None and link.target[0] == link.page
             and link.target[1] > link.rect[3]]
    assert len(backs) == len(docx_notes)


def _caption_marks(path: Path) -> list[int]:
    """The note numbers on the DOCX chart caption: footnote references and NOTEREF results, in order."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    caption = next(p for p in body.iter(f"{W}p")
                   if p.find(f"{W}pPr/{W}pStyle[@{W}val='Caption']") is not None)
    marks: list[int] = []
    in_result = False
    for node in caption.iter():
        if node.tag == f"{W}footnoteReference":
            marks.append(int(node.get(f"{W}id")))
        elif node.tag == f"{W}fldChar":
            in_result = node.get(f"{W}fldCharType") == "separate"
        elif node.tag == f"{W}t" and in_result and node.text and node.text.strip().isdigit():
            marks.append(int(node.text))
    return marks


def test_the_chart_caption_marks_ascend(tmp_path: Path) -> None:
    """A chart caption citing a new note before two earlier ones (the chart's order, not the table's) prints
    its marks ascending in both formats, as every other cluster."""
    a, b, c = (Note(key, (Span(f"Source {key}."),)) for key in "abc")
    doc = Document(Meta("t"), (
        Paragraph((Span("Table text"), NoteRef(a), NoteRef(b))),
        Chart("Compared", "USD", (Bar("one", 1.0), Bar("two", 2.0)),
              caption=(Span("Sources."), NoteRef(c), NoteRef(b), NoteRef(a)))))
    write_docx(doc, tmp_path / "c.docx", Theme())
    write_pdf(doc, tmp_path / "c.pdf", Theme())
    assert _caption_marks(tmp_path / "c.docx") == [1, 2, 3]
    assert "Sources.1,2,3" in pdf_squash("".join(read_pdf(tmp_path / "c.pdf").pages))


def test_clusters_ascend_and_numbers_follow_first_citation() -> None:
    a, b, c = (Note(key, (Span(key),)) for key in "abc")
    doc = Document(Meta("t"), (Paragraph((Span("x"), NoteRef(a), NoteRef(b))),
                               Paragraph((Span("y"), NoteRef(c), NoteRef(b), NoteRef(a)))))
    assert numbers(doc) == {"a": 1, "b": 2, "c": 3}
    second = ascending(doc).blocks[1]
    assert isinstance(second, Paragraph)
    assert [r.note.key for r in second.content if isinstance(r, NoteRef)] == ["a", "b", "c"]
