"""A right-to-left quote's note number sits next to the quote's end in the DOCX (notes11, W5).

LibreOffice set the number of a note first cited at the end of an Arabic or Hebrew quote far left of it, with
a gap as wide as a word: the reference run was left unmarked (no w:rtl, no complex-script font) in a
right-to-left paragraph. Read back twice: every note-number run of a right-to-left paragraph says so, and in
LibreOffice's layout the number touches the quote's last glyph (the PDF sets it so).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.helpers import (
    append_entry,
    built_workspace,
    libreoffice_pdf,
    model,
    name_reference,
    pdftotext,
    run,
    save_model,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
QUOTES = {"he": ("he-desk", "he.txt", "מחסור במים לחקלאות יימשך לפחות עד האביב"),
          "ar": ("ar-desk", "ar.txt", "لم نشهد جفافاً بهذه الشدة منذ ستين عاماً")}  # the last put first


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = built_workspace(tmp_path_factory.mktemp("rtlnote"))
    data = model(ws)
    for lang, (source, seed, text) in QUOTES.items():
        (ws / "seeds" / seed).write_text(f"Reactions\n\nThe official said “{text}” on the day.\n", encoding="utf-8")
        append_entry(ws, source, seed, f"Desk {lang}")
        data["quotes"].insert(0, {"id": f"q-{lang}", "text": text, "lang": lang, "speaker": "An official",
                                  "context": "Local press.", "priority": 1,
                                  "evidence": [{"source": source, "passage": text}]})
    save_model(ws, data)
    docx.Document().save(ws / "templates/house.docx")  # the analyst's house style: python-docx's own
    name_reference(ws, "house.docx", "executive")
    result = run(ws, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    return ws / "output/executive.docx"


def _rtl_paragraphs(docx: Path) -> list[etree._Element]:
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return root.xpath("//w:p[w:pPr/w:bidi]", namespaces={"w": W})


def test_every_note_number_of_a_right_to_left_paragraph_is_marked_right_to_left(board: Path) -> None:
    ns = {"w": W}
    paragraphs = _rtl_paragraphs(board)
    refs = [r for p in paragraphs for r in p.xpath(".//w:r[w:rPr/w:rStyle/@w:val='FootnoteReference']", namespaces=ns)]
    assert [r for r in refs if r.find(f"{{{W}}}footnoteReference") is not None]
    for ref in refs:
        assert ref.find(f"{{{W}}}rPr/{{{W}}}rtl") is not None, etree.tostring(ref)
        assert ref.find(f"{{{W}}}rPr/{{{W}}}rFonts[@{{{W}}}cs]") is not None, etree.tostring(ref)


def test_libreoffice_sets_the_note_number_next_to_the_quote(board: Path, tmp_path: Path) -> None:
    found = 0
    for page in pdftotext(libreoffice_pdf(board, tmp_path), "-bbox").split("<page ")[1:]:
        words = [(float(x0), float(y0), float(x1), text) for x0, y0, x1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page)]
        for line in sorted({round(y) for _x0, y, _x1, w in words if RTL.search(w)}):
            on_line = sorted((w for w in words if abs(w[1] - line) < 4), key=lambda w: w[0])
            if not any(re.search("[a-z]", w[3]) for w in on_line):  # a quote's (portion-marked), not one naming it
                found += 1
                _next_to_the_quote(on_line)
    assert found


def _next_to_the_quote(on_line: list[tuple[float, float, float, str]]) -> None:
    number = on_line[0]
    assert number[3].isdigit(), on_line  # the note number ends the line, at its left
    assert on_line[1][0] - number[2] < 3, on_line[:2]  # and touches the quote's last glyph


RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
