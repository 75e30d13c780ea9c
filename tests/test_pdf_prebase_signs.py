"""A vowel sign drawn left of the consonant it follows (Devanagari's ि, Bengali's ে, Burmese's ေ), with no
/ActualText saying how its cluster reads, read after that consonant, as it is written.

Before, a PDF whose glyphs were drawn from left to right, each with its own letter, read "कि" as "िक" and
"क्षितिज" as "िक्षितज": no passage copied from the text as written matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from briefgen.sources.formats.pdfdoc import extract

NOTO = Path("/usr/share/fonts/truetype/noto")
TEXTS = [
    ("NotoSansDevanagari-Regular.ttf", "रक्षा मंत्रालय ने कहा कि सैनिक तैनात किए गए, क्षितिज स्थिति हिंदी और ड्रोन।"),
    ("NotoSansBengali-Regular.ttf", "প্রতিরক্ষা মন্ত্রণালয় বলেছে যে ড্রোনের সংখ্যা বেড়েছে।"),
    ("NotoSansMyanmar-Regular.ttf", "ကာကွယ်ရေးဝန်ကြီးဌာနက ပြောသည်။"),
]
SIGNS = "\u093f\u09bf\u09c7\u09c8\u1031"  # the texts' pre-base signs: Devanagari ि, Bengali ি ে ৈ, Burmese ေ
# a cluster (consonants joined by a virama, a nukta or Burmese medials after) and the pre-base sign after it
_CLUSTER = re.compile(f"((?:[^\\W\\d_][\u094d\u09cd\u1039])*[^\\W\\d_][\u093c\u09bc\u103b-\u103e]*)([{SIGNS}])")


def _drawn(path: Path, font: str, text: str, visual: bool) -> Path:
    """`text` drawn a character at a time in `font`: from left to right as the page shows it, each pre-base
    sign before its cluster (`visual`), or in the order it is written, each sign drawn back to its cluster's
    left edge after it."""
    name = Path(font).stem
    pdfmetrics.registerFont(TTFont(name, font))
    page = canvas.Canvas(str(path))
    page.setFont(name, 14)
    x = 72.0

    def width(piece: str) -> float:
        return pdfmetrics.stringWidth(piece, name, 14)

    for found in re.finditer(f"{_CLUSTER.pattern}|.", text, re.DOTALL):
        cluster, sign = found.group(1), found.group(2)
        if sign is None:
            page.drawString(x, 700, found.group())
            x += width(found.group())
        elif visual:
            page.drawString(x, 700, sign)
            page.drawString(x + width(sign), 700, cluster)
            x += width(sign + cluster)
        else:
            page.drawString(x + width(sign), 700, cluster)
            page.drawString(x, 700, sign)
            x += width(sign + cluster)
    page.save()
    return path


@pytest.mark.parametrize("visual", [True, False], ids=["drawn-as-seen", "drawn-as-written"])
@pytest.mark.parametrize(("font", "text"), TEXTS, ids=["devanagari", "bengali", "burmese"])
def test_a_pre_base_sign_reads_after_its_cluster(tmp_path: Path, font: str, text: str, visual: bool) -> None:
    assert _CLUSTER.search(text)
    pdf = _drawn(tmp_path / "drawn.pdf", str(NOTO / font), text, visual)
    assert extract(pdf.read_bytes()).paragraphs == (text,)
