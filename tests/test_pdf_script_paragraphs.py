"""Thai and Hindi paragraphs in a PDF seed read as the page shows them: each whole, once, apart from the next.

Before, typst's PDF of Thai text read "เพิ่พิ่ม" for "เพิ่ม", its lines in pieces: typst draws a tone mark the font
moves up apart from its cluster, and its font maps that glyph to the whole cluster's text, which an /ActualText
span has said already. And Thai paragraphs set without space between them ran together: Thai ends a paragraph
with no punctuation, so only the short last line shows where one ends; nor did a Hindi paragraph's danda "।"
end a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract

THAI = [
    "กระทรวงกลาโหมกล่าวว่าจำนวนโดรนเพิ่มขึ้นอย่างต่อเนื่องในปีนี้และหน่วยงานที่เกี่ยวข้องได้รับงบประมาณเพิ่มเติมสำหรับ"
    "การจัดซื้ออุปกรณ์ใหม่ตามแผนการที่วางไว้ล่วงหน้า",
    "รายงานฉบับนี้จัดทำขึ้นโดยคณะทำงานร่วม",
    "ข้อมูลส่วนใหญ่มาจากเอกสารงบประมาณและการสัมภาษณ์อดีตเจ้าหน้าที่ซึ่งบางส่วนไม่สามารถตรวจสอบได้อย่างอิสระในช่วงเวลา"
    "ที่จัดทำรายงาน",
]

HINDI = [
    "रक्षा मंत्रालय ने कहा कि ड्रोन की संख्या इस वर्ष लगातार बढ़ी है और संबंधित विभागों को नए उपकरण खरीदने के लिए "
    "अतिरिक्त बजट मिला है।",
    "यह रिपोर्ट संयुक्त कार्य समूह ने तैयार की।",
    "अधिकांश जानकारी बजट दस्तावेज़ों और पूर्व अधिकारियों के साक्षात्कारों से ली गई है जिनमें से कुछ की स्वतंत्र रूप से "
    "जाँच नहीं की जा सकी।",
]
SCRIPTS = {"thai": ("Noto Sans Thai", "th", THAI), "hindi": ("Noto Sans Devanagari", "hi", HINDI)}


def _typst(folder: Path, script: str, spacing: str) -> Path:
    import typst

    font, lang, paragraphs = SCRIPTS[script]
    source = folder / f"{script}-{spacing}.typ"
    source.write_text(f'#set text(font: "{font}", lang: "{lang}")\n#set par(spacing: {spacing})\n\n'
                      + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    typst.compile(str(source), output=str(source.with_suffix(".pdf")))
    return source.with_suffix(".pdf")


@pytest.mark.parametrize("script", list(SCRIPTS))
@pytest.mark.parametrize("spacing", ["1.2em", "0.65em"], ids=["paragraph-spacing", "set-solid"])
def test_typst_paragraphs_read_as_written(tmp_path: Path, script: str, spacing: str) -> None:
    """With typst's spacing between paragraphs, and with none (0.65em, its leading: lines evenly apart)."""
    assert extract(_typst(tmp_path, script, spacing).read_bytes()).paragraphs == tuple(SCRIPTS[script][2])


def test_thai_paragraphs_between_english_ones_in_columns(tmp_path: Path) -> None:
    """typst's two justified columns, Thai paragraphs between English ones: a Thai paragraph whose last line
    happens to be full ends where the paragraph spacing under it shows, not running on into the English one
    (a Thai paragraph marks no end with punctuation)."""
    import typst

    from tests.pdf_producers import SENTENCES

    paragraphs = [text for n in range(10) for text in
                  (" ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(3)), THAI[n % len(THAI)])]
    source = tmp_path / "columns.typ"
    source.write_text('#set page(columns: 2, header: align(right)[Drone review draft], numbering: "1")\n'
                      '#set text(font: ("Liberation Serif", "Noto Sans Thai"))\n#set par(justify: true)\n\n'
                      + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    typst.compile(str(source), output=str(tmp_path / "columns.pdf"))
    assert extract((tmp_path / "columns.pdf").read_bytes()).paragraphs == tuple(paragraphs)
