"""East Asian text beyond the basic blocks says what it is in the DOCX: an ideograph of Extension B (𠀀, written
as a surrogate pair in Word's UTF-16), Bopomofo, half-width katakana and half-width Hangul each sit in a run whose
language is east Asian (`w:lang w:eastAsia`), with the east Asian font and hint, so Word takes the east Asian font
slot for them. Read back from the DOCX's XML.

Before, an Extension B ideograph or Bopomofo was cut into a run of its own tagged as Latin text (its font the
Latin one), half-width katakana was tagged Chinese and half-width Hangul Chinese too."""

from __future__ import annotations

import re
import zipfile

import pytest

from bench.synth import make_scripts_workspace
from tests.helpers import run

QUOTES = [("zh-Hant", "香港𠀀字與𪚥字並用。"), (None, "ﾃﾞｰﾀｾﾝﾀｰ ﾉ ｿﾞｳｾﾂ."), ("zh-Hant", "注音ㄅㄆㄇㄈ。"),
          (None, "ﾡﾢﾣ 한국 정부.")]
EXPECTED = {"𠀀": "zh-Hant", "ﾃﾞｰﾀ": "ja", "ㄅㄆ": "zh-Hant", "ﾡﾢﾣ": "ko"}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    quotes = [(lang or "en", "Speaker", text) for lang, text in QUOTES]
    ws = make_scripts_workspace(tmp_path_factory.mktemp("east") / "ws", quotes)
    summary = ws / "seeds" / "summary.yaml"  # the quotes without a language take their script's
    summary.write_text(summary.read_text(encoding="utf-8").replace("  lang: en\n", ""), encoding="utf-8")
    result = run(ws, "build", "-a", "analyst", "-f", "docx")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(ws / "output" / "analyst.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    return [(re.search(r"<w:rPr>.*?</w:rPr>", r, re.S).group(0) if "<w:rPr>" in r else "",  # type: ignore[union-attr]
             "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", r))) for r in re.findall(r"<w:r>.*?</w:r>", xml, re.S)]


@pytest.mark.parametrize("needle", sorted(EXPECTED))
def test_the_run_holding_it_is_east_asian(runs: list[tuple[str, str]], needle: str) -> None:
    properties = next(rpr for rpr, text in runs if needle in text)
    assert f'w:eastAsia="{EXPECTED[needle]}"' in properties, properties
    assert 'w:hint="eastAsia"' in properties and re.search(r'<w:rFonts [^>]*w:eastAsia="', properties)
