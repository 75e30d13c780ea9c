"""A body face of another script that has no Latin letters (a Thaana or Syriac face named in `look.fonts`) draws
the brief's Latin text in a face that has them: every ASCII character went to the main face whatever it held, so
the title, the English text and the note numbers were drawn as .notdef boxes (hebrewpdf's report). Read back
from the PDF: no Latin letter or digit (a note number) is drawn in the Thaana face, and the text reads back."""

from __future__ import annotations

import shutil
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import pdftotext, run


def test_latin_text_under_a_body_face_without_latin_is_drawn_in_a_face_with_it(workspace: Path) -> None:
    shutil.copy(ROOT / "briefgen/fonts/NotoSansThaana-Regular.ttf", workspace / "templates/thaana.ttf")
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (workspace / "templates/executive.yaml").write_text(profile + "look: {fonts: {body: thaana.ttf}}\n",
                                                         encoding="utf-8")
    result = run(workspace, "build", "-a", "executive", "-f", "pdf")
    assert result.exit_code == 0, result.output
    drawn: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: float) -> None:
        drawn.append((str((font or {}).get("/BaseFont", "")), text))

    PdfReader(workspace / "output/executive.pdf").pages[0].extract_text(visitor_text=visit)
    latin = [(name, text) for name, text in drawn if any(c.isascii() and c.isalnum() for c in text)]
    assert latin, drawn[:5]
    assert [(name, text) for name, text in latin if "Thaana" in name] == []
    # and drawn at all: the bottom line's English reads back whole (each word from a face that has its letters)
    text = " ".join(pdftotext(workspace / "output/executive.pdf").split())
    assert "Kim Jong Un has made artificial intelligence" in text
    assert "unknown.1,2" in text  # the bottom line's note numbers, drawn (in the Thaana face: nothing at all)
