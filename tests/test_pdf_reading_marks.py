"""A PDF seed's combining marks (Thai tone marks and upper vowels, Devanagari vowel signs, Arabic harakat, Hebrew
points, Latin accents) read with the letter they are drawn on, in its line, whatever their height and wherever
the producer draws them.

Before, LibreOffice's PDF of one Thai line, 'กระทรวงกลาโหมกล่าวว่าจำนวนโดรนเพิ่มขึ้น', read as three
paragraphs, 'กระทรวงกลาโหมกล่าวว่าจำนวนโดรนเพิ', '้น', '่มขึ': two marks drawn with no advance side by side
are as wide as nothing, and pdfminer, which joins characters closer than twice the wider one's width, broke the
line between them. Arabic and Hebrew lines with points broke the same way, and a mark drawn after the rest of
its line came out at the line's end."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import libreoffice_convert

NOTO = Path("/usr/share/fonts/truetype/noto")
# (name, font LibreOffice sets it in, right to left, the paragraph): each a document of its own.
WRITTEN = [
    ("thai", "Noto Sans Thai", False, "กระทรวงกลาโหมกล่าวว่าจำนวนโดรนเพิ่มขึ้นอย่างต่อเนื่องในปีนี้"),
    ("lao", "Noto Sans Lao", False, "ກະຊວງປ້ອງກັນປະເທດກ່າວວ່າຈຳນວນໂດຣນເພີ່ມຂຶ້ນ"),
    ("devanagari", "Noto Sans Devanagari", False,
     "रक्षा मंत्रालय ने कहा कि ड्रोन की संख्या बढ़ी है और सैनिक तैनात किए गए।"),
    ("arabic", "Noto Sans Arabic", True, "قَالَتْ وِزَارَةُ الدِّفَاعِ إِنَّ عَدَدَ الطَّائِرَاتِ ازْدَادَ كَثِيرًا."),
    ("hebrew", "Noto Sans Hebrew", True, "מִשְׂרַד הַבִּטָּחוֹן אָמַר שֶׁמִּסְפַּר הַמַּזְלְטִים עָלָה."),
    ("latin", "Noto Sans", False,
     "Stacked marks: a\u0301\u0302 q\u0307\u0323 x\u0303 n\u030a O\u031b\u0300\u0323 e\u0323\u0302 and ŋ\u0300."),
]


def _nfc(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", text) for text in texts)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, ...]]:
    """Each paragraph of WRITTEN as LibreOffice's PDF of a DOCX reads."""
    from docx import Document
    from docx.oxml.ns import qn

    folder = tmp_path_factory.mktemp("marks")
    files = []
    for name, font, rtl, text in WRITTEN:
        document = Document()
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for side in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{side}"), font)
        if rtl:
            properties = paragraph._p.get_or_add_pPr()
            properties.append(properties.makeelement(qn("w:bidi"), {}))
        document.save(str(folder / f"{name}.docx"))
        files.append(folder / f"{name}.docx")
    pdfs = libreoffice_convert(files, folder, timeout=300)
    return {pdf.stem: extract(pdf.read_bytes()).paragraphs for pdf in pdfs}


@pytest.mark.parametrize(("name", "text"), [(name, text) for name, _, _, text in WRITTEN],
                         ids=[name for name, *_ in WRITTEN])
def test_a_line_with_marks_reads_whole_in_order(written: dict[str, tuple[str, ...]], name: str, text: str) -> None:
    assert _nfc(written[name]) == _nfc((text,))


def _drawn(path: Path, font: str, text: str, marks_last: bool) -> Path:
    """`text` drawn a character at a time from where the one before it ends (a mark, of no advance, from the end
    of its letter; Hebrew from the right, in the order it is read), in `font` at 16 points; its marks after all
    its letters when `marks_last`, as a producer that draws them in a run of their own does."""
    pdfmetrics.registerFont(TTFont(Path(font).stem, font))
    page = canvas.Canvas(str(path))
    page.setFont(Path(font).stem, 16)
    rtl = "\u0590" <= text[0] <= "\u05ff"
    x, drawn = 400.0 if rtl else 72.0, []
    for char in text:
        width = pdfmetrics.stringWidth(char, Path(font).stem, 16)
        x -= width if rtl else 0
        drawn.append((unicodedata.category(char)[0] == "M", x, char))
        x += 0 if rtl else width
    for _, at, char in sorted(drawn, key=lambda d: d[0]) if marks_last else drawn:
        page.drawString(at, 700, char)
    page.save()
    return path


DRAWN = [
    ("thai", "NotoSansThai-Regular.ttf", "จำนวนโดรนเพิ่มขึ้นอย่างต่อเนื่อง"),
    ("latin", "NotoSans-Regular.ttf", "Stacked: a\u0301\u0302 q\u0307\u0323 x\u0303 and e\u0323\u0302."),
    ("hebrew", "NotoSansHebrew-Regular.ttf", "מִשְׂרַד הַבִּטָּחוֹן אָמַר שֶׁהַמִּסְפָּר עָלָה"),
]


@pytest.mark.parametrize("marks_last", [False, True], ids=["in-order", "marks-last"])
@pytest.mark.parametrize(("font", "text"), [(font, text) for _, font, text in DRAWN], ids=[n for n, *_ in DRAWN])
def test_marks_drawn_anywhere_read_on_their_letter(tmp_path: Path, font: str, text: str, marks_last: bool) -> None:
    """Marks of no advance, drawn from the end of their letter: each right after it, or all after the line."""
    pdf = _drawn(tmp_path / "drawn.pdf", str(NOTO / font), text, marks_last)
    assert _nfc(extract(pdf.read_bytes()).paragraphs) == _nfc((text,))
