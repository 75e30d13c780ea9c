"""The PDF breaks its lines where LibreOffice breaks them in the DOCX (the oracle: LibreOffice's PDF of our
DOCX): a house font of fixed pitch (Courier New) is drawn in its metric twin Liberation Mono, not in Carlito,
which set half as many letters more on a line; every size the DOCX gives in whole half points (w:sz) is drawn
at that size, where the PDF drew 9.35 pt for Word's 9.5 under an 11 pt body; spaces keep their width (reportlab
shrank them by up to 5 % to fit a word more); and a list item's text starts at its indent, where reportlab
moved it 2.4 pt right of the bullet."""

from __future__ import annotations

import re
import shutil
import zipfile
from itertools import pairwise
from pathlib import Path

import docx
from lxml import etree
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import libreoffice_pdf, line_ends, name_reference, pdf_fonts, pdf_words, run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _reference(path: Path, font: str | None) -> None:
    """python-docx's template (an 11 pt Normal) with Normal set in `font`, and Subtitle without its letter
    spacing (drawn only in the DOCX: docs/house-style.md)."""
    reference = docx.Document()
    if font:
        reference.styles["Normal"].font.name = font
    for spacing in reference.styles["Subtitle"].element.iterfind(f"{{{W}}}rPr/{{{W}}}spacing"):
        spacing.getparent().remove(spacing)
    reference.save(str(path))


def _built(tmp_path: Path, audience: str, font: str | None = None, reference: bool = True) -> Path:
    """The shipped seeds' `audience` brief without its chart (a drawing in the DOCX, set by LibreOffice in its
    own way), under a reference whose Normal is `font` (or none): our PDF, the DOCX beside it."""
    workspace = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    if reference:
        _reference(workspace / "templates/house.docx", font)
        name_reference(workspace, "house.docx", audience)
    else:
        shutil.copy(ROOT / f"briefgen/templates/{audience}.yaml", workspace / f"templates/{audience}.yaml")
    profile = workspace / f"templates/{audience}.yaml"
    profile.write_text(re.sub(r"(?m)^chart:.*$", "chart: {title: None, tag: not-a-tag}",
                              profile.read_text(encoding="utf-8")), encoding="utf-8")
    result = run(workspace, "build", "-a", audience)
    assert result.exit_code == 0, result.output
    return workspace / f"output/{audience}.pdf"


def _laid_out(tmp_path: Path, ours: Path) -> Path:
    """LibreOffice's PDF of the DOCX beside our PDF."""
    return libreoffice_pdf(ours.with_suffix(".docx"), tmp_path / "lo")


def test_a_fixed_pitch_house_font_breaks_lines_as_libreoffice_does(tmp_path: Path) -> None:
    ours = _built(tmp_path, "executive", "Courier New")
    theirs = _laid_out(tmp_path, ours)
    assert "LiberationMono" in pdf_fonts(ours)
    assert pdf_fonts(ours) == pdf_fonts(theirs)
    assert line_ends(ours) == line_ends(theirs)
    assert len(PdfReader(ours).pages) == len(PdfReader(theirs).pages)


def test_lines_break_as_libreoffice_breaks_them_in_the_docx(tmp_path: Path) -> None:
    ours = _built(tmp_path, "analyst", reference=False)
    theirs = _laid_out(tmp_path, ours)
    assert line_ends(ours) == line_ends(theirs)
    assert len(PdfReader(ours).pages) == len(PdfReader(theirs).pages)


def test_each_size_is_drawn_as_the_docx_states_it(tmp_path: Path) -> None:
    """Under an 11 pt body, the text of every style briefgen adds (0.85 of the body: 9.35 pt) and its tags are
    drawn at the size the DOCX gives them in half points, which Word and LibreOffice set."""
    ours = _built(tmp_path, "analyst")
    with zipfile.ZipFile(ours.with_suffix(".docx")) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    stated = {int(size.get(f"{{{W}}}val")) / 2 for size in styles.iter(f"{{{W}}}sz")}
    drawn = _sizes(ours)
    assert drawn <= stated, drawn - stated


def _sizes(pdf: Path) -> set[float]:
    """The size of every piece of text the PDF draws, raised note and citation numbers aside."""
    found: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and not re.fullmatch(r"[\d,\s]+", text):
            found.add(round(size * (tm[3] or 1) * (cm[3] or 1), 2))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_contextual_spacing_leaves_no_space_between_list_items(tmp_path: Path) -> None:
    """python-docx's template, as Word's own, sets List Bullet's "don't add space between paragraphs of the same
    style" (w:contextualSpacing) under Normal's 10 pt after: its items follow each other as closely in the
    PDF as in LibreOffice's layout of the DOCX, where the PDF had left 10 pt between them."""
    ours = _built(tmp_path, "analyst")
    theirs = _laid_out(tmp_path, ours)
    steps = []
    for pdf in (ours, theirs):
        # the template's own bullet: Symbol's, which LibreOffice's text gives as its code U+F0B7
        tops = [word.top for word in pdf_words(pdf, None) if word.text in ("•", "\uf0b7")]
        steps.append([round(b - a, 1) for a, b in pairwise(tops) if 0 < b - a < 100][:4])
    assert len(steps[0]) == 4 and all(abs(a - b) <= 1.5 for a, b in zip(*steps, strict=True)), steps
