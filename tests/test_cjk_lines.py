"""Chinese and Japanese quotes dense with punctuation break into lines as Word and LibreOffice break them (ICU's
line breaking, UAX #14): no line starts with a closing mark (。、，」》？：；…) or ends with an opening one
(「《（…), and the build never fails on where a line happens to overflow. Read back line by line from the PDF.

Before, reportlab's splitter started lines with ？ ： ； ， 》, ended them with 「 《 （, and one quote whose line
overflowed on its note's number failed the build with an internal error (exit 3)."""

from __future__ import annotations

import random

import pytest

from bench.synth import make_scripts_workspace
from tests.helpers import run
from tests.test_pdf_bidi_order import _drawn_lines

_HAN = "中方坚决反对美方泛化国家安全概念滥用出口管制措施日本政府輸出管理強化発表"
_KANA = "コンピューターサーバーのメーカーはデーターセンターを増やすラーメンケーキスーパーマーケットっゃゅょァィゥ"
CLOSING = "。、，」』）》！？：；"
OPENING = "「『（《"


def _quotes() -> list[tuple[str, str, str]]:
    """36 quotes of 80 to 200 characters, one in eight a closing mark and one in sixteen an opening one (the
    third of these seeds made the build fail)."""
    quotes = []
    for seed in (1, 2, 3):
        rng = random.Random(seed)
        for _ in range(12):
            lang = rng.choice(["zh-Hans", "ja", "zh-Hant"])
            letters = _HAN if lang != "ja" else _HAN + _KANA
            text = ""
            for _ in range(rng.randint(80, 200)):
                r = rng.random()
                text += rng.choice(CLOSING + "・ー々" if r < 0.12 else OPENING if r < 0.18 else letters)
            quotes.append((lang, "発言人", text))
    return quotes


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    ws = make_scripts_workspace(tmp_path_factory.mktemp("cjk") / "ws", _quotes())
    result = run(ws, "build", "-a", "analyst", "-f", "pdf")
    assert result.exit_code == 0, result.output
    found = [line for line in _drawn_lines(ws / "output" / "analyst.pdf")
             if any("\u3040" <= c <= "\u9fff" for c in line)]
    assert len(found) > 100
    return found


def test_no_line_starts_with_a_closing_mark(lines: list[str]) -> None:
    assert not [line for line in lines if line[0] in CLOSING]


def test_no_line_ends_with_an_opening_mark(lines: list[str]) -> None:
    assert not [line for line in lines if line[-1] in OPENING]


def test_lines_are_full(lines: list[str]) -> None:
    """Breaking only where ICU allows leaves lines full: most run to within a character or two of the edge."""
    lengths = sorted(len(line) for line in lines)
    assert lengths[len(lengths) // 2] >= 30
