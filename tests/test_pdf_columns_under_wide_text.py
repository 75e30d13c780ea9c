"""Two justified columns set right under (or over) text that runs across both, on the same baselines side by
side: a paper's abstract over its two columns (reportlab frames), a LibreOffice Writer section in two columns
between one-column paragraphs. The wide text covers the gutter on the baselines near the columns' first rows,
so the earlier reading took each row of the two columns for one justified line cut at a wide space and joined
the left column's line with the right one's ("counterproliferation re- liferation responsibilities"), every
paragraph of the columns garbled. The truth is the document as built: each paragraph, whole and in order."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import libreoffice_convert, pdftotext

_WORDS = ("the army drone programme said priority supplied parts international organisation representatives "
          "acknowledged comprehensive documentation regarding unmanned aerial vehicle manufacturing ministry "
          "budget procurement airfield northern border sorties").split()


def _texts(seed: int, count: int, words: tuple[int, int]) -> list[str]:
    pick = random.Random(seed)
    return [f"Paragraph {n} says " + " ".join(pick.choice(_WORDS) for _ in range(pick.randint(*words))) + "."
            for n in range(count)]


def _reportlab(wide: list[str], columns: list[str], alignment: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    style = ParagraphStyle("j", parent=getSampleStyleSheet()["BodyText"], alignment=alignment, fontSize=10,
                           leading=12, spaceAfter=6)
    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=A4)
    width, top = (A4[0] - 2 * 72 - 18) / 2, A4[1] - 72 - 240
    document.addPageTemplates([PageTemplate(id="paper", frames=[
        Frame(72, top, A4[0] - 144, 240, id="abstract"), Frame(72, 72, width, top - 72, id="left"),
        Frame(72 + width + 18, 72, width, top - 72, id="right")])])
    document.build([*(Paragraph(text, style) for text in wide), FrameBreak(),
                    *(Paragraph(text, style) for text in columns)])
    return out.getvalue()


TAGGED = ('pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
          '"UseTaggedPDF":{"type":"boolean","value":"true"}}')


def _writer_section(folder: Path, before: list[str], columns: list[str], after: list[str], to: str) -> Path:
    """A Writer document: justified paragraphs, then a section in two columns 0.8 cm apart, then more; exported
    `to` a PDF as libreoffice_convert takes it (plain, or PDF/A-2 with tags, whose justified lines end a few
    points apart)."""
    def paragraphs(texts: list[str]) -> str:
        return "".join(f'<text:p text:style-name="J">{text}</text:p>' for text in texts)
    office = "urn:oasis:names:tc:opendocument:xmlns"
    source = folder / "section.fodt"
    source.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="{office}:office:1.0" xmlns:style="{office}:style:1.0" xmlns:text="{office}:text:1.0"
 xmlns:fo="{office}:xsl-fo-compatible:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:style style:name="J" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"
 fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="11pt"/></style:style></office:styles>
<office:automatic-styles><style:style style:name="S" style:family="section"><style:section-properties>
<style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
<style:page-layout style:name="L"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="L"/></office:master-styles>
<office:body><office:text>{paragraphs(before)}<text:section text:style-name="S" text:name="S1">{paragraphs(columns)}\
</text:section>{paragraphs(after)}</office:text></office:body></office:document>""", encoding="utf-8")
    return libreoffice_convert([source], folder, to)[0]


@pytest.mark.parametrize("alignment", [4, 0], ids=["justified", "ragged"])  # reportlab's TA_JUSTIFY, TA_LEFT
def test_an_abstract_across_two_columns_leaves_the_columns_whole(alignment: int) -> None:
    wide, columns = _texts(1, 4, (40, 45)), _texts(2, 8, (40, 70))
    found = list(extract(_reportlab(wide, columns, alignment)).paragraphs)
    assert found[:len(wide + columns)] == wide + columns


@pytest.fixture(scope="module", params=["pdf", TAGGED], ids=["plain", "tagged"])
def writer(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> tuple[Path, list[str]]:
    before, columns, after = _texts(3, 2, (40, 50)), _texts(4, 4, (20, 30)), _texts(5, 1, (20, 25))
    folder = tmp_path_factory.mktemp("section")
    return _writer_section(folder, before, columns, after, request.param), before + columns + after


def test_a_writer_section_in_columns_reads_its_paragraphs_whole(writer: tuple[Path, list[str]]) -> None:
    pdf, texts = writer
    assert pdftotext(pdf).count("Paragraph 0 says") == 3  # the document as built: three parts, on one page
    assert list(extract(pdf.read_bytes()).paragraphs) == texts


def test_a_paragraph_cut_by_the_column_break_over_a_footnote_reads_whole(tmp_path: Path) -> None:
    """typst: a title and abstract across two columns, a paragraph with a footnote that the column break cuts
    mid-sentence. The abstract's lines reach over the second column, which made the first column's measure the
    page's: its last line seemed short, the footnote under it a paragraph of its own, and the second column's
    top no longer the cut paragraph's end. It reads whole, the footnote after it."""
    import typst

    first, texts = _texts(6, 1, (30, 30))[0], _texts(7, 6, (120, 140))
    body = "\n\n".join([texts[0].replace(" says ", " says#footnote[A note under the first column.] ", 1),
                        *texts[1:]])
    source = tmp_path / "paper.typ"
    source.write_text('#set page(paper: "a4", columns: 2)\n#set par(justify: true)\n'
                      '#place(top + center, float: true, scope: "parent", clearance: 2em)'
                      f'[#text(size: 16pt)[The northern programme] \\ {first}]\n\n{body}\n', encoding="utf-8")
    pdf = tmp_path / "paper.pdf"
    typst.compile(str(source), output=str(pdf))
    found, note = list(extract(pdf.read_bytes()).paragraphs), "1A note under the first column."
    assert pdftotext(pdf).count("Paragraph ") == 7  # the document as built: one page
    assert [text for text in found if text != note] == \
        ["The northern programme", first, texts[0].replace(" says ", " says1 ", 1), *texts[1:]]
    assert note in found
