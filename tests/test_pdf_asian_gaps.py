"""LibreOffice's PDFs of text in Korean, Thai, Chinese and Russian beside English (tests/realdocs.py's sources,
pandoc's DOCX laid out by LibreOffice at test time): read as the source writes it, where the layout draws gaps
the text does not have or breaks lines where a space is. Each case checks first that the PDF does draw what
misled the reader (pdftotext, a viewer's copy, shows it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.textnorm import normalise
from tests.helpers import libreoffice_convert, pdftotext
from tests.opendoc import flat_xml
from tests.realdocs import SENTENCES, office_pdfs, sources

KOREAN, THAI, RUSSIAN = SENTENCES["korean"][0], SENTENCES["thai"][0], SENTENCES["cyrillic"][0]
# (seed, index) of the generated sources read here: what each shows is said by the test that reads it
_MADE = {"spread": (202, 1), "thai-space": (101, 2), "korean-break": (101, 9), "cjk-stop": (202, 27)}


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], str, str]]:
    """Each source by its key in _MADE: (briefgen's paragraphs of its LibreOffice PDF, pdftotext's text, the
    source's Markdown)."""
    folder = tmp_path_factory.mktemp("asian-gaps")
    made = [sources(seed, index + 1)[index] for seed, index in _MADE.values()]
    pdfs = office_pdfs(made, folder)
    return {key: (list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs), pdftotext(pdf), src.markdown)
            for key, pdf, src in zip(_MADE, pdfs, made, strict=True)}


def _count(paragraphs: list[str], sentence: str) -> int:
    return sum(normalise(p).count(normalise(sentence)) for p in paragraphs)


def test_the_gap_libreoffice_sets_between_korean_and_a_number_is_no_space(
        laid_out: dict[str, tuple[list[str], str, str]]) -> None:
    """LibreOffice sets a gap (its "space between Asian and non-Asian text") between 412 and 대를, with no space
    drawn in it, where it draws every space of the text as a character: "412 대를" came out, which the source's
    412대를 is not."""
    read, shown, written = laid_out["spread"]
    assert "412 대를" in shown and "412대를" not in shown
    assert _count(read, KOREAN) == written.count(KOREAN) == shown.count("412 대를") >= 2


def test_a_word_libreoffice_spreads_over_its_line_reads_whole(laid_out: dict[str, tuple[list[str], str, str]]) -> None:
    """In a paragraph with Korean, LibreOffice justifies a line the Asian way, spreading the letters of the
    Russian word at its end apart (no space drawn between them): "Ми н и с т е р с т в о" came out for
    Министерство, where the rest of the line is set solid."""
    read, shown, written = laid_out["spread"]
    assert "Ми н и с т е р с т в о" in shown
    assert _count(read, RUSSIAN) == written.count(RUSSIAN) >= 2


def test_a_list_items_line_ending_in_thai_goes_on_at_its_hanging_indent(
        laid_out: dict[str, tuple[list[str], str, str]]) -> None:
    """A numbered item's full line ends inside the Thai run (Thai marks no sentence's end), its next line set at
    the item's hanging indent: that indent was taken for a new paragraph's, and the item read as two."""
    read, shown, written = laid_out["spread"]
    item = f"2. Affluent office envoy coefficient sorties sorties office efficient official offline {THAI}"
    assert "offline กระทรวง\n" in shown  # the line does end inside the Thai run
    assert item in written
    assert normalise(item) in map(normalise, read)


def test_a_line_ending_at_a_space_before_thai_digits_keeps_it(laid_out: dict[str, tuple[list[str], str, str]]) -> None:
    """A line ends at the space between โดรน and ๑๒๓ (LibreOffice draws that space at the line's end): the join
    of two Thai lines adds no space, Thai writing none between words, and "โดรน๑๒๓" came out."""
    read, shown, written = laid_out["thai-space"]
    assert "ministry fleet drone กระทรวงกลาโหมแถลงว่ามีโดรน\n๑๒๓ ลำ" in shown
    assert _count(read, THAI) == written.count(THAI) >= 2


def test_a_korean_word_broken_short_of_the_margin_reads_whole(laid_out: dict[str, tuple[list[str], str, str]]) -> None:
    """LibreOffice breaks a Korean line between two syllables of 밝혔다, which the text writes nowhere else
    whole: where the document draws the space at a line's end that breaks at one, a line stopping short of
    its measure with none drawn ends inside a word."""
    read, shown, written = laid_out["korean-break"]
    assert "밝\n혔다." in shown
    assert _count(read, KOREAN) == written.count(KOREAN) == 1


def test_a_numbered_item_after_a_chinese_full_stop_starts_a_paragraph(
        laid_out: dict[str, tuple[list[str], str, str]]) -> None:
    """A nested item ends with "。" and the list's next item, "1. Figure …", follows: a full stop in Chinese
    did not count as a sentence's end, and the item was read into the nested one."""
    read, shown, written = laid_out["cjk-stop"]
    assert "nested 2 国防部表示，无人机数量已经达到四百架。\nFigure efficient efficient office" in shown
    assert "nested 2 国防部表示，无人机数量已经达到四百架。\n" in written
    assert any(p.endswith("四百架。") and "nested 2" in p for p in read)
    assert any(p.startswith("1. Figure efficient efficient office") for p in read)


def test_justified_korean_in_columns_keeps_the_spaces_of_its_line_ends(tmp_path: Path) -> None:
    """Korean set justified in two columns (Korean as the Asian language: lines break between words; its
    English in the same size): a full
    line draws no space at its end, the space would stand past the column's edge, and its words stay apart
    (not glued for want of a space drawn); the gap after 412 is still no space."""
    body = f"{KOREAN} 정부는 새로운 예산을 발표했으며 의회는 이를 승인할 예정이다. Staff office {KOREAN}"
    style = ('<style:style style:name="J" style:family="paragraph"><style:paragraph-properties '
             'fo:text-align="justify"/><style:text-properties style:language-asian="ko" style:country-asian="KR" '
             'fo:font-size="11pt" style:font-size-asian="11pt"/>'
             '</style:style><style:style style:name="S" style:family="section"><style:section-properties>'
             '<style:columns fo:column-count="2" fo:column-gap="0.5cm"/></style:section-properties></style:style>')
    paragraphs = "".join(f'<text:p text:style-name="J">{body} {body}</text:p>' for _ in range(3))
    (tmp_path / "columns.fodt").write_bytes(flat_xml(f'<text:section text:style-name="S" text:name="s">{paragraphs}'
                                                     "</text:section>", style))
    pdf = libreoffice_convert([tmp_path / "columns.fodt"], tmp_path)[0]
    shown = pdftotext(pdf)
    assert "412 대를" in shown and len(re.findall("[\uac00-\ud7a3]\n[\uac00-\ud7a3]", shown)) >= 3  # lines end
    # between Korean words
    read = extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs
    # a justified line ending in 412, at the column's edge, the next starting 대를: no space could be drawn
    # there, so nothing tells that the text has none (a space is read, as pdftotext reads it)
    assert sum(p.count("412 대를") for p in read) == shown.count("412\n대를")
    assert [normalise(p.replace("412 대를", "412대를")) for p in read] == [normalise(f"{body} {body}")] * 3
