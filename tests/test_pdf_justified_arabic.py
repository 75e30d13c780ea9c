"""Justified Arabic as LibreOffice sets it: lines stretched with kashidas, glyphs the font's ToUnicode map leaves
out (a viewer copies nothing for them), in a Word section of two columns that runs right to left, so the first
column is the right one. Read back paragraph by paragraph against the document as built."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import libreoffice_pdf, pdf_words

ARABIC = ["الفقرة الأولى: قال الجيش إن الطائرات المسيرة وصلت إلى الحدود في الربيع وأضاف المتحدث أن عدد الطلعات "
          "بلغ أربعمائة طلعة خلال العام.",
          "الفقرة الثانية: وأشار التقرير إلى أن الميزانية ارتفعت بشكل ملحوظ مقارنة بالعام الماضي وأن الوزارة تخطط "
          "لتوسيع البرنامج في المناطق الشمالية.",
          "الفقرة الثالثة: وقالت الحكومة إن المفاوضات مع الشركاء الإقليميين ستستمر خلال الأشهر المقبلة رغم "
          "الصعوبات الاقتصادية التي تواجهها البلاد.",
          "الفقرة الرابعة: وذكر المسؤولون أن الصادرات الزراعية تضاعفت وأن الاستثمارات الأجنبية بلغت مستويات قياسية "
          "في القطاع الصناعي والخدمي."]
ABSTRACT = ("Abstract. The army bought drones in spring and the ministry said the programme would grow across the "
            "northern regions next year.")


def _document(folder: Path, abstract: bool) -> Path:
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.oxml.ns import qn

    document = Document()
    if abstract:  # an English abstract across the page, over the Arabic columns
        document.add_paragraph(ABSTRACT)
        document.add_section(WD_SECTION.CONTINUOUS)
    for text in ARABIC * 3:
        paragraph = document.add_paragraph(text)
        properties = paragraph._p.get_or_add_pPr()
        properties.append(properties.makeelement(qn("w:bidi"), {}))
        paragraph.alignment = 3  # justified
    section = document.sections[-1]._sectPr
    section.append(section.makeelement(qn("w:cols"), {qn("w:num"): "2", qn("w:space"): "720"}))
    section.append(section.makeelement(qn("w:bidi"), {}))  # the columns run right to left
    name = folder / ("abstract.docx" if abstract else "columns.docx")
    document.save(str(name))
    return libreoffice_pdf(name, folder, timeout=300)


@pytest.mark.parametrize("abstract", [False, True])
def test_kashida_justified_columns_read_right_column_first(tmp_path: Path, abstract: bool) -> None:
    pdf = _document(tmp_path, abstract)
    first = next(word for word in pdf_words(pdf) if word.text.startswith(":ىلو"))  # the first paragraph's
    assert first.left > 300  # the first column, where the text starts, is the right one
    assert list(extract(pdf.read_bytes()).paragraphs) == [ABSTRACT] * abstract + ARABIC * 3
