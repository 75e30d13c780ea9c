"""PDF paragraphs whose lines pdfminer reads as separate blocks (double or 1.5 line spacing, Chinese text set
with wide leading) or that a page break cuts: joined again when the line before is full and its paragraph
goes on (mid-sentence, or at the distance its lines keep), in any script; a heading a size above its text
stays apart. Made by LibreOffice from Word documents, read back paragraph by paragraph."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.formats.pdflines import Line, Page, paragraphs
from briefgen.sources.seeds import Seed
from tests.helpers import libreoffice_convert, libreoffice_pdf
from tests.tools import require

# Every word capitalised, so every line starts with a capital (the old reading joined only lower-case starts);
# short sentences, so some full lines end one.
_WORDS = ("North Korea Said Its Drone Programme Grew In Spring. Kim Jong Un Named AI The Top Priority. China "
          "And Russia Supplied Parts Through Vladivostok And Dandong. The Review Counted Four Hundred Sorties. ")
LATIN = [_WORDS * 3 + "Officials Declined To Comment.", _WORDS * 2 + "The Ministry Said Nothing More.",
         "A Short Closing Paragraph."]
HEADING = "Findings of the Review"
_CJK_SENTENCE = "朝鲜领导人宣布人工智能是其军队无人机项目的最优先事项，并要求加快生产。"
CJK = _CJK_SENTENCE * 45 + "这是段落的结尾。"
# Long words in a narrow justified column: wide spaces, at which pdfminer cuts lines into pieces.
JUSTIFIED = ("The international organisation's representatives acknowledged extraordinarily comprehensive "
             "documentation regarding unmanned aerial vehicle manufacturing capabilities, notwithstanding "
             "considerable uncertainty surrounding the establishment of intergovernmental arrangements.")
_LONG = ("representatives acknowledged extraordinarily comprehensive documentation regarding unmanned aerial "
         "vehicle manufacturing capabilities and intergovernmental counterproliferation arrangements").split()
COLUMNS = [" ".join(["Officials", *_LONG[n:], *_LONG[:n], "said."]) for n in range(8)]  # words in other places


def _docx(path: Path, spacing: float, justify: bool, indent: bool, after: int, texts: list[str],
          width: float = 0, columns: int = 1) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    if width:
        section.page_width, section.left_margin, section.right_margin = Cm(width), Cm(1), Cm(1)
    if columns > 1:
        section._sectPr.append(section._sectPr.makeelement(qn("w:cols"), {qn("w:num"): str(columns),
                                                                           qn("w:space"): "360"}))
    document.add_heading(HEADING, 2)
    for text in texts:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.line_spacing = spacing
        paragraph.paragraph_format.space_after = Pt(after)
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else WD_ALIGN_PARAGRAPH.LEFT
    document.save(str(path))


TABLE = [["Item", "Count", "Source"], ["Drones", "1,200", "Ministry of Defence"],
         ["Tanks", "300", "Satellite imagery review"]]
BEFORE_TABLE = "The memo says the army moved 400 drones to the border in March, according to the ministry."
AFTER_TABLE = "The closing paragraph says the numbers are estimates that the review could not confirm."


def _table_docx(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph(BEFORE_TABLE)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(AFTER_TABLE)
    document.save(str(path))


VARIANTS = {"double": (2.0, False, False, 10), "one and a half, justified": (1.5, True, False, 6),
            "double, indented": (2.0, True, True, 0), "single": (1.0, False, False, 8)}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("spaced")
    sources = []
    for k, variant in enumerate(VARIANTS.values()):
        sources.append(folder / f"latin{k}.docx")
        _docx(sources[-1], *variant, LATIN)
    sources.append(folder / "cjk.docx")
    _docx(sources[-1], 1.0, False, False, 8, [CJK, "军队拥有大量无人机。"])
    sources.append(folder / "narrow.docx")
    _docx(sources[-1], 1.0, True, False, 8, [JUSTIFIED], width=8)
    sources.append(folder / "columns.docx")
    _docx(sources[-1], 1.0, True, False, 8, COLUMNS, columns=2)
    sources.append(folder / "table.docx")
    _table_docx(sources[-1])
    names = [*VARIANTS, "cjk", "narrow", "columns", "table"]
    return dict(zip(names, libreoffice_convert(sources, folder, timeout=300), strict=True))


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_each_paragraph_as_the_page_shows_it(pdfs: dict[str, Path], variant: str) -> None:
    assert list(extract(pdfs[variant].read_bytes()).paragraphs) == [HEADING, *LATIN]


def test_a_chinese_paragraph_runs_on_across_lines_and_a_page(pdfs: dict[str, Path]) -> None:
    found = extract(pdfs["cjk"].read_bytes())
    assert list(found.paragraphs) == [HEADING, CJK, "军队拥有大量无人机。"]
    assert found.pages == (1, 1, 2)
    seed = Seed("cjk.pdf", "seeds/cjk.pdf", "\n".join(found.paragraphs), found.pages)
    assert seed.locate("这是段落的结尾") == 2


def _line(text: str, x0: float, x1: float, y0: float, size: float = 10) -> Line:
    return Line(text, x0, x1, y0, size)


def test_a_page_break_after_a_full_line_continues_the_paragraph_in_any_case() -> None:
    pages = [Page(842, [[_line("The army said the drones came from", 72, 500, 700),
                         _line("China and the programme grew in spring of", 72, 499, 686)]]),
             Page(842, [[_line("North Korea's first year of production.", 72, 300, 760)]])]
    assert [text for _, text in paragraphs(pages)] == [
        "The army said the drones came from China and the programme grew in spring of North Korea's first "
        "year of production."]


def test_a_short_line_or_another_size_ends_the_paragraph_before_a_new_block() -> None:
    pages = [Page(842, [[_line("Findings of the review", 72, 200, 720, 13)],
                        [_line("The drones came from the factory", 72, 500, 700),
                         _line("Kim visited in May of the year", 72, 300, 686)],
                        [_line("North Korea said nothing more about the", 72, 500, 650)],
                        [_line("Drones in the statement of the day.", 72, 300, 620, 7)]])]
    assert [text for _, text in paragraphs(pages)] == [
        "Findings of the review", "The drones came from the factory Kim visited in May of the year",
        "North Korea said nothing more about the", "Drones in the statement of the day."]


def test_a_justified_line_cut_at_its_wide_spaces_reads_whole(pdfs: dict[str, Path]) -> None:
    assert list(extract(pdfs["narrow"].read_bytes()).paragraphs) == [HEADING, JUSTIFIED]


def test_the_columns_of_a_page_are_read_one_after_the_other(pdfs: dict[str, Path]) -> None:
    """Justified columns: a line cut at its wide spaces is whole again, no line runs across the gutter, and the
    paragraph the column break cuts goes on at the top of the second column (beside the heading)."""
    assert list(extract(pdfs["columns"].read_bytes()).paragraphs) == [HEADING, *COLUMNS]


def test_table_cells_are_paragraphs_read_row_by_row(pdfs: dict[str, Path]) -> None:
    """Each cell a paragraph, never joined to another or to the text after; row by row, as a reader reads the
    table (they were read column by column: "Item", "Drones", "Tanks", "Count"…)."""
    found = list(extract(pdfs["table"].read_bytes()).paragraphs)
    assert found == [BEFORE_TABLE, *(cell for row in TABLE for cell in row), AFTER_TABLE]


def test_a_passage_copied_from_a_table_row_is_found_across_its_cells(pdfs: dict[str, Path]) -> None:
    """A PDF viewer copies a row as its cells' text one after the other: found, cited as the cells' range."""
    from briefgen.sources.locate import find

    text = "\n".join(extract(pdfs["table"].read_bytes()).paragraphs)
    found = find(Seed("table.pdf", "seeds/table.pdf", text), "Drones 1,200 Ministry of Defence")
    assert [(span.first, span.last) for span in found.spans] == [(5, 7)]  # ¶1 the text before, ¶2-4 the head


def test_an_indented_paragraph_after_a_full_line_is_a_new_one() -> None:
    """Each paragraph's first line indented and as long as the measure, at the distance lines keep."""
    lines = [_line(f"Paragraph {n} is one full line of words that ends a sentence.", 100, 500, 700 - 20 * n)
             for n in range(4)]
    pages = [Page(842, [[ln] for ln in lines] + [[_line("A last, full-width line of the page's text block.",
                                                        72, 500, 600)]])]
    assert [text for _, text in paragraphs(pages)] == [ln.text for ln in lines] + [
        "A last, full-width line of the page's text block."]


def test_a_word_broken_at_a_line_end_is_whole_when_the_document_writes_it_whole() -> None:
    """"mili-" "tary" is "military" in a text that says "military" elsewhere; "long-" "range" keeps its
    hyphen (the text writes "long-range"), and so does a break into a word the text never writes, as the
    hyphen a line's end cut (U+2010), which a passage writing "northwest" also matches."""
    block = [_line("The military said the mili-", 72, 500, 700),
             _line("tary bought long-range and long-", 72, 500, 686),
             _line("range drones from the north-", 72, 500, 672), _line("west of the country.", 72, 300, 658)]
    assert [text for _, text in paragraphs([Page(842, [block])])] == [
        "The military said the military bought long-range and long-range drones from the north\u2010west of the "
        "country."]


def test_a_passage_pasted_across_a_hyphenated_line_end_is_found_in_either_reading() -> None:
    from briefgen.sources.locate import find

    seed = Seed("x.pdf", "seeds/x.pdf", "The military said the military bought drones.\nThe north-west moved.", (1, 1))
    for passage, paragraph in [("the mili-\ntary bought", 1), ("the mili- tary bought", 1),
                               ("The north-\nwest moved", 2), ("The north- west moved", 2)]:
        assert [span.first for span in find(seed, passage).spans] == [paragraph], passage


_FILLER = [f"Filler paragraph {n} says the review counted drones at each of the bases the army keeps near the "
           "border, one after the other, in the spring of the year before the exercises began." for n in range(14)]
_CUT = ("The long paragraph says the army moved its drones to the border{} in spring, and it goes on for many lines "
        "so that the page ends inside it: " + " ".join(["the unit counted the drones again at every base it visited "
                                                       "along the way"] * 12) + " and the count closed in May.")


def test_a_paragraph_a_page_break_cuts_runs_on_over_the_footnote_at_the_foot_of_its_page(tmp_path: Path) -> None:
    """Made by pandoc (a Markdown footnote) and LibreOffice: the footnote, in the paragraph's type size, sits
    below its last line on page 1, further down than its lines follow each other."""
    source = tmp_path / "notes.md"
    source.write_text("\n\n".join([*_FILLER, _CUT.format("[^1]"), "The last paragraph is short."])
                      + "\n\n[^1]: A footnote says where the border is.\n", encoding="utf-8")
    subprocess.run([require("pandoc"), str(source), "-o", str(tmp_path / "notes.docx")], check=True, timeout=120)
    found = extract(libreoffice_pdf(tmp_path / "notes.docx", tmp_path, timeout=300).read_bytes())
    assert list(found.paragraphs[-3:]) == [_CUT.format("1"), "1 A footnote says where the border is.",
                                           "The last paragraph is short."]
    assert found.pages is not None and found.pages[-3:] == (1, 1, 2)


def test_a_soft_hyphen_at_a_page_break_joins_its_word() -> None:
    """typst marks a hyphenation point it breaks at with a soft hyphen: across a page or column break the
    word is whole again (it read "acknowl edged")."""
    pages = [Page(842, [[_line("The representatives of the international organisation counted", 72, 500, 700),
                         _line("the drones and the representatives of the organisation acknowl\u00ad", 72, 500, 686)]]),
             Page(842, [[_line("edged the count.", 72, 200, 760)]])]
    assert [text for _, text in paragraphs(pages)] == [
        "The representatives of the international organisation counted the drones and the representatives of "
        "the organisation acknowledged the count."]


def test_two_columns_of_text_whose_paragraph_gaps_line_up_are_still_read_column_by_column() -> None:
    """Paragraphs of four lines side by side, each pair level with a gap across both columns below it: rows,
    but not of cells (a table's hold a line or two), so the first column is read before the second."""
    from briefgen.sources.formats.pdforder import reading_order

    def paragraph(name: str, x0: float, top: float) -> list[Line]:
        return [_line(f"{name} line {n}", x0, x0 + 210, top - 12 * n) for n in range(4)]

    blocks = [paragraph(f"{side}{row}", x0, 700 - 70 * row) for row in range(3) for side, x0 in (("L", 72), ("R", 310))]
    assert [block[0].text for block in reading_order(blocks)] == [f"{side}{row} line 0" for side in "LR"
                                                                  for row in range(3)]
    cells = [[_line(f"{side}{row}", x0, x0 + 100, 700 - 20 * row)] for row in range(3) for side, x0 in
             (("L", 72), ("R", 310))]
    assert [block[0].text for block in reading_order(cells)] == [f"{side}{row}" for row in range(3) for side in "LR"]
