"""Chinese and Japanese set vertically read as a viewer copies them: columns right to left, each from its top, a
paragraph's columns one text. Real PDFs: LibreOffice lays out a DOCX whose section runs top to bottom, right to
left (each character drawn upright by itself, below the one before), and reportlab draws with a font in the
vertical writing mode (a `-V` CMap, as Word, InDesign and pLaTeX do with `Identity-V`), which poppler reads in
columns too.

Before, pdfminer's lines ran across the columns: "撃第っ防を二た衛行段。…", one or two characters a paragraph."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.textnorm import normalise
from tests.helpers import libreoffice_pdf, pdftotext

PARAGRAPHS = ["防衛省によると、陸軍は春に千二百機の無人機を配備し、これは過去のどの年よりも多かった。工場も生産のペース"
              "を保ち、部品の供給は途切れなかった。",
              "第二段落では、海軍が十四隻の艦船を哨戒に出し、空軍は同じ月に国境上空で三百回の出撃を行ったと付け加えて"
              "いる。",
              "報告書の結論",
              "委員会は、予算の増額が来年度も続くと見込んでおり、その規模は前年度の二倍に近いと述べた。議会の承認は"
              "秋に予定されている。あわせて、地方の基地の改修計画も示された。",
              "最後に、この数字は推計であり、審査では確認できなかったと付記されている。"]
HEADING = "国防白書 二〇二五年版"
# Latin words and numbers in a column, which LibreOffice draws turned a quarter turn, the characters between
# them upright
MIXED = ["NATOの報告によると、陸軍は2025年の春に1200機のドローンを配備し、これはGDPの2.5%に当たる。",
         "第二段落では、海軍がF-35を十四機受け取ったと付け加えている。"]


def _vertical_docx(path: Path, texts: list[str]) -> None:
    """A DOCX in Droid Sans Fallback whose section is written top to bottom, its columns right to left, each
    paragraph's first indented by a character (as Japanese text is: else a paragraph that ends where its column
    does and the next would be one on the page too)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Droid Sans Fallback", Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Droid Sans Fallback")
    style.paragraph_format.first_line_indent = Pt(12)
    for text in texts:
        document.add_paragraph(text)
    section = document.sections[0]._sectPr
    section.append(section.makeelement(qn("w:textDirection"), {qn("w:val"): "tbRl"}))
    document.save(str(path))


def _vertical_font_pdf(texts: list[str], heading: str = "", per_column: int = 30) -> bytes:
    """Columns of `per_column` characters right to left, each paragraph's first indented by one, drawn with
    reportlab's HeiseiMin in the vertical writing mode (CMap UniJIS-UCS2-V); `heading` set across the top."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3", isVertical=True))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    if heading:
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
        page.setFont("HeiseiKakuGo-W5", 16)
        page.drawString(72, 800, heading)
    x = 540.0
    for text in texts:
        top = 770.0 - 12
        while text:
            room = int((top - (770 - 12 * per_column)) // 12)
            page.setFont("HeiseiMin-W3", 12)
            page.drawString(x, top, text[:room])
            text, top, x = text[room:], 770.0, x - 18
    page.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def libreoffice_vertical(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vertical")
    # the paragraphs, and others that fill their columns (54 characters in this layout, a paragraph's first
    # column 53 after its indent), run over by a character or two, or end in a column of one character
    _vertical_docx(folder / "vertical.docx", PARAGRAPHS + _column_ends())
    return libreoffice_pdf(folder / "vertical.docx", folder)


def _column_ends() -> list[str]:
    letters = "国境上空で三百回の出撃を行ったと付け加えている空軍は同じ月に"
    return [(letters * 4)[:length] + stop for length, stop in ((52, "。"), (53, "。"), (106, "。"), (107, ""),
                                                              (108, ""))]


def test_libreoffice_columns_read_right_to_left_each_from_its_top(libreoffice_vertical: Path) -> None:
    found = extract(libreoffice_vertical.read_bytes()).paragraphs
    assert list(found) == PARAGRAPHS + _column_ends()  # no space between two characters a column sets apart


def test_latin_words_turned_in_a_column_read_in_their_places(tmp_path: Path) -> None:
    _vertical_docx(tmp_path / "mixed.docx", MIXED)
    found = extract(libreoffice_pdf(tmp_path / "mixed.docx", tmp_path).read_bytes()).paragraphs
    assert ["".join(text.split()) for text in found] == MIXED  # LibreOffice spaces Latin from the CJK around it


def test_a_font_in_the_vertical_writing_mode_reads_in_columns(tmp_path: Path) -> None:
    raw = _vertical_font_pdf(PARAGRAPHS)
    (tmp_path / "v.pdf").write_bytes(raw)
    oracle = normalise("".join(pdftotext(tmp_path / "v.pdf").split()))  # poppler: a column a line
    found = extract(raw).paragraphs
    assert [normalise(text) for text in found] == [normalise(text) for text in PARAGRAPHS]
    assert normalise("".join(found)) == oracle


def test_a_heading_across_a_vertical_page_is_read_too(tmp_path: Path) -> None:
    found = extract(_vertical_font_pdf(PARAGRAPHS[:2], HEADING)).paragraphs
    assert sorted(map(normalise, found)) == sorted(map(normalise, [HEADING, *PARAGRAPHS[:2]]))


def test_a_table_cell_a_character_wide_is_read_in_its_place(tmp_path: Path) -> None:
    """Horizontal text in a cell so narrow that each line holds one character stacks its characters too, but a
    line's height apart, not set solid as a column: it is read where the table is, before the paragraph under
    it, not as vertical text after the page."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Droid Sans Fallback", Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Droid Sans Fallback")
    document.add_paragraph(PARAGRAPHS[0])
    table = document.add_table(rows=2, cols=3)
    table.style, table.autofit = "Table Grid", False
    table.columns[0].width = Cm(0.75)
    for row, texts in zip(table.rows, [["区分項目", "機数", "備考"], ["陸軍部隊", "千二百", "春に配備"]], strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph(PARAGRAPHS[-1])
    document.save(str(tmp_path / "cell.docx"))
    text = "".join(extract(libreoffice_pdf(tmp_path / "cell.docx", tmp_path).read_bytes()).paragraphs)
    assert text.index("区分項目") < text.index("陸軍部隊") < text.index(PARAGRAPHS[-1][:8])
