"""Text a fallback face draws keeps the weight and slant around it in the PDF (notes11, W3).

A source's title is italic in its note; a Cyrillic or Greek title in a brief set in Caladea (which has no
Cyrillic or Greek) is drawn in Carlito, which does and has an italic file. reportlab drew the <font face>
named for it by its plain name whatever <i> it sat in: "Показатель" printed upright where the DOCX shows it
italic. Read back from the PDF: every character of those titles is drawn in an italic font.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.writers.pdf import fonts
from tests.helpers import append_entry, built_workspace, edit, model, run, save_model

TITLES = {"ru": "Показатель водохранилищ", "el": "Δείκτης ταμιευτήρων"}


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = built_workspace(tmp_path_factory.mktemp("italic"))
    data = model(ws)
    for lang, title in TITLES.items():
        seed = f"{lang}.txt"
        (ws / "seeds" / seed).write_text(f"Report\n\nThe reservoir gauge {lang} fell to a new low in October.\n",
                                         encoding="utf-8")
        append_entry(ws, f"desk-{lang}", seed, f"Desk {lang}")
        edit(ws / "seeds/sources.yaml", f"title: Test document {seed}", f"title: {title}")
        data["gaps"].insert(0, {"id": f"gap-{lang}", "statement": f"Whether gauge {lang} recovers.",
                                "evidence": [{"source": f"desk-{lang}",
                                              "passage": f"The reservoir gauge {lang} fell to a new low"}]})
    save_model(ws, data)
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws / "output/analyst.pdf"


def test_a_title_in_a_fallback_face_is_drawn_italic(brief: Path) -> None:
    drawn: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: float) -> None:
        drawn.append((str((font or {}).get("/BaseFont", "")), text))

    for page in PdfReader(brief).pages:
        page.extract_text(visitor_text=visit)
    for title in TITLES.values():
        letters = {c for c in title if c.isalpha()}
        fonts_of = {name for name, text in drawn for c in text if c in letters}
        assert fonts_of, (title, drawn[:5])
        assert all("Italic" in name for name in fonts_of), (title, fonts_of)


def test_markup_names_the_fallback_in_the_style_it_is_drawn_in() -> None:
    assert 'face="Carlito-Italic"' in fonts.markup("Показатель", "Caladea", italic=True)
    assert 'face="Carlito-BoldItalic"' in fonts.markup("Показатель", "Caladea", bold=True, italic=True)
    assert 'face="NotoSansHebrew"' in fonts.markup("שלום", "Caladea", italic=True)  # one file: its only face
