"""PDF text in the order it is read: Arabic and Hebrew lines that producers draw left to right (numbers and
Latin words inside them kept as they read, a lam-alef ligature's letters in order), text a producer marks with
an /ActualText (LibreOffice's Devanagari clusters), combining marks without the space pdfminer puts before
them. Made by LibreOffice from a Word document and read back paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.sources.formats.pdfbidi import logical
from briefgen.sources.formats.pdfdoc import extract
from briefgen.sources.seeds import Seed
from tests.helpers import libreoffice_pdf

_ARABIC = ("قال الجيش إن الطائرات المسيرة وصلت إلى الحدود في الربيع. "
           "وأضاف المتحدث أن عدد الطلعات بلغ 412 طلعة خلال العام 2025. ")
_HEBREW = "הצבא אמר כי המל\"טים הגיעו לגבול באביב. הדובר הוסיף כי מספר הגיחות הגיע ל-412 בשנת 2025. "
PARAGRAPHS = [(_ARABIC * 3).strip(), "قال الجيش إن الطائرات وصلت.", (_HEBREW * 2).strip(),
              "The army bought 412 drones (قال الجيش) in 2025 and more were on the way, officials said on Monday.",
              "प्रवक्ता ने कहा कि निर्यात में वृद्धि हुई है और क्षेत्रीय सहयोग जारी रहेगा। कर्म और धर्म।"]


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ...]:
    from docx import Document
    from docx.oxml.ns import qn

    folder = tmp_path_factory.mktemp("rtl")
    document = Document()
    for text in PARAGRAPHS:
        paragraph = document.add_paragraph(text)
        if text[0] in _ARABIC + _HEBREW:
            properties = paragraph._p.get_or_add_pPr()
            properties.append(properties.makeelement(qn("w:bidi"), {}))
    document.save(str(folder / "scripts.docx"))
    return extract(libreoffice_pdf(folder / "scripts.docx", folder, timeout=300).read_bytes()).paragraphs


def test_every_paragraph_reads_in_the_order_it_is_written(found: tuple[str, ...]) -> None:
    assert list(found) == PARAGRAPHS


def test_a_passage_copied_from_the_arabic_is_found(found: tuple[str, ...]) -> None:
    seed = Seed("s.pdf", "seeds/s.pdf", "\n".join(found), (1,) * len(found))
    assert seed.locate("بلغ 412 طلعة خلال العام 2025") == 1
    assert seed.locate("מספר הגיחות הגיע ל-412 בשנת") == 3


@pytest.mark.parametrize(("drawn", "rtl", "reads"), [
    ("ﻲﻓ 12.5% ﺔﺒﺴﻨﺑ", True, "ﺑﻨﺴﺒﺔ 12.5% ﻓﻲ"),  # a percentage stays whole (python-bidi read "%12.5")
    ("15 12 لاق", True, "قال 12 15"),  # two numbers, each read as it stands, in the line's order
    ("Report Annual OPEC ريرقتل", False, "Report Annual OPEC لتقرير"),
    ("ريرقتل OPEC Annual Report ،نإو", True, "وإن، OPEC Annual Report لتقرير"),
    ("(شيجلا لاق)", True, "(قال الجيش)"),  # brackets drawn mirrored are turned back
    ("The army (شيجلا لاق) in 2025.", False, "The army (قال الجيش) in 2025."),
    ("12%-ב", True, "ב-12%"),
])
def test_a_drawn_line_read_back(drawn: str, rtl: bool, reads: str) -> None:
    assert logical(drawn, rtl) == reads


def test_an_arabic_sentence_in_a_left_to_right_paragraph_ends_with_its_stop(tmp_path: Path) -> None:
    """A paragraph whose author set no direction draws an Arabic sentence's full stop at its right, after the
    Arabic letters: it is the sentence's end, not its start."""
    from docx import Document

    document = Document()
    document.add_paragraph(_ARABIC.split(". ")[0] + ".")
    document.add_paragraph("The ministry said the programme would grow across the northern regions next year.")
    document.save(str(tmp_path / "ltr.docx"))
    found = extract(libreoffice_pdf(tmp_path / "ltr.docx", tmp_path).read_bytes()).paragraphs
    assert found[0] == _ARABIC.split(". ")[0] + "."
