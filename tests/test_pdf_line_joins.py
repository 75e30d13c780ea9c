"""A PDF paragraph's lines joined as its script is written (finding 07): no space where a line break falls
inside Chinese, Japanese or Thai text or next to CJK punctuation, a space in Latin, Korean and Arabic text,
and a word hyphenated at a line's end joined as before."""

from __future__ import annotations

import io

import pytest

from briefgen.document.coverage import FONT_DIR
from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.formats.pdfjoin import join
from briefgen.sources.seeds import Seed

# each paragraph as drawn, two lines (font, first line, second line), and as it reads
PARAGRAPHS = [
    ("JoinsDroid", "朝鲜领导人金正恩宣布人工智能是其军队无人", "机项目的最优先事项。",
     "朝鲜领导人金正恩宣布人工智能是其军队无人机项目的最优先事项。"),
    ("JoinsDroid", "军队拥有大量无人机。", "这是第二句话的内容。", "军队拥有大量无人机。这是第二句话的内容。"),
    ("JoinsDroid", "北朝鮮はドローンの生産能力を", "強化すると述べた。",
     "北朝鮮はドローンの生産能力を強化すると述べた。"),
    ("JoinsDroid", "「無人機」と", "呼ばれる。", "「無人機」と呼ばれる。"),
    ("JoinsNanum", "김정은은 인공지능을 군의 무인기", "사업의 최우선 과제라고 말했다.",
     "김정은은 인공지능을 군의 무인기 사업의 최우선 과제라고 말했다."),
    ("Helvetica", "The army said its drone programme is the", "top priority of the year.",
     "The army said its drone programme is the top priority of the year."),
    # a hyphen a line's end cut, in a word the text writes nowhere else, reads U+2010 (marks.LINE_END_HYPHEN):
    # "long-range" and "longrange" both match it
    ("Helvetica", "The army fields long-", "range drones now.", "The army fields long\u2010range drones now."),
]


def _pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    from briefgen.writers.pdf import fontcache

    pdfmetrics.registerFont(fontcache.ttfont("JoinsDroid", FONT_DIR / "DroidSansFallbackFull.ttf"))
    pdfmetrics.registerFont(fontcache.ttfont("JoinsNanum", FONT_DIR / "NanumGothic.ttf"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for k, (font, first, second, _) in enumerate(PARAGRAPHS):
        page.setFont(font, 12)
        page.drawString(72, 740 - 80 * k, first)
        page.drawString(72, 725 - 80 * k, second)
    page.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def found() -> tuple[str, ...]:
    return extract(_pdf()).paragraphs


def test_each_paragraph_reads_as_its_script_is_written(found: tuple[str, ...]) -> None:
    assert found == tuple(reads for *_, reads in PARAGRAPHS)


def test_a_passage_across_a_chinese_line_break_is_found(found: tuple[str, ...]) -> None:
    seed = Seed("cjk.pdf", "seeds/cjk.pdf", "\n".join(found), (1,) * len(found))
    assert seed.locate("其军队无人机项目的最优先事项") == 1


@pytest.mark.parametrize(("lines", "reads"), [
    (["ภาษาไทยไม่มี", "การเว้นวรรค"], "ภาษาไทยไม่มีการเว้นวรรค"),  # Thai does not space its words
    (["军队在", "AI 方面"], "军队在 AI 方面"),  # Han then Latin: the break may be a space
    (["他说：", "AI 是重点"], "他说：AI 是重点"),  # a fullwidth colon takes no space after it
    (["see", "（注）"], "see（注）"),
    (["قال الجيش إن", "الطائرات"], "قال الجيش إن الطائرات"),
    (["a well\u00ad", "known case"], "a wellknown case"),  # a soft hyphen goes
    (["数字 2025", "年"], "数字 2025 年"),
], ids=["thai", "han-latin", "fullwidth-colon", "fullwidth-bracket", "arabic", "soft-hyphen", "han-digits"])
def test_lines_joined_by_script(lines: list[str], reads: str) -> None:
    assert join(lines) == reads
