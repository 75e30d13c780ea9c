"""typst's PDFs (tests/realdocs_typst.py, the corpus's second producer), made at test time: what its
/ActualText spans and cluster glyphs say, read as a viewer shows the text. Oracle: the typst source as written."""

from __future__ import annotations

from pathlib import Path

import typst

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.textnorm import normalise
from tests.helpers import pdftotext
from tests.realdocs_typst import FONT_PATHS, FONTS

ARABIC = "أعلنت الوزارة عن ٣٤٥ طائرة مسيّرة في العام الماضي."


def _typst(body: str, folder: Path) -> tuple[list[str], str]:
    """`body` set by typst on a wide page: (briefgen's paragraphs, pdftotext's text)."""
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    pdf = folder / "made.pdf"
    typst.compile(f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n{body}'.encode(), output=str(pdf),
                  font_paths=FONT_PATHS)
    return list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs), pdftotext(pdf)


def test_a_soft_hyphen_typst_marks_inside_a_line_reads_as_nothing(tmp_path: Path) -> None:
    """typst says the soft hyphen of "ad\\u00administered" where the line does not break there in the /ActualText
    of the letter before it ("d\\u00ad"), drawing no hyphen: it read as a hyphen drawn ("ad-ministered")."""
    read, shown = _typst("The budget was ad\u00administered by the staff.", tmp_path)
    assert "ad\u00administered" in shown  # the soft hyphen is in the text, inside the line
    assert read == ["The budget was ad\u00administered by the staff.".replace("\u00ad", "")]


def test_an_arabic_shadda_typst_draws_again_reads_once(tmp_path: Path) -> None:
    """typst draws the shadda of "مسيّرة" as a glyph of no advance before its letter, and its font maps that
    glyph to the whole cluster "يّ": it read twice ("مس يّيّرة")."""
    read, shown = _typst(ARABIC, tmp_path)
    assert "مسيّرة" not in shown and shown.count("ّ") == 2  # the shadda said twice in the text layer
    assert [normalise(p) for p in read] == [normalise(ARABIC)]

