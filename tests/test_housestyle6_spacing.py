"""A reference's letter spacing (Word's Font > Advanced > Spacing, w:spacing in a style's run properties:
Heading 1 expanded by 3 pt, Normal condensed by 0.3 pt) is drawn in the PDF as the DOCX shows it: each word as
wide as LibreOffice sets it from the DOCX, and the lines broken at the same words. Before, the PDF drew every
letter at the font's own advance (reportlab's paragraphs have no letter spacing)."""

from __future__ import annotations

import itertools
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from tests.helpers import built_under_reference, libreoffice_pdf, pdf_words, run

HEADING_SPACING, BODY_SPACING = 3.0, 0.5  # points


def _spaced(path: Path) -> None:
    reference = docx.Document()
    for name, points in (("Heading 1", HEADING_SPACING), ("Normal", BODY_SPACING)):
        rpr = reference.styles[name].element.get_or_add_rPr()
        rpr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="{round(points * 20)}"/>'))
    reference.save(str(path))


def _advances(pdf: Path) -> dict[tuple[str, str], float]:
    """Each pair of words next to each other on a line of page 1 (seen once) and how far the second starts from
    the first: the first word's letters, each with its spacing, and the space after it."""
    words = pdf_words(pdf)
    seen: dict[tuple[str, str], list[float]] = {}
    for one, two in itertools.pairwise(words):
        if abs(one.bottom - two.bottom) < 1 and two.left > one.left and len(one.text) > 3:
            seen.setdefault((one.text, two.text), []).append(two.left - one.left)
    return {pair: found[0] for pair, found in seen.items() if len(found) == 1}


def test_letter_spacing_is_drawn_in_both_formats(tmp_path: Path) -> None:
    output = built_under_reference(tmp_path, _spaced, "analyst")
    built = docx.Document(str(output / "analyst.docx"))
    said = built.styles["Heading 1"].element.rPr.find(qn("w:spacing")).get(qn("w:val"))
    assert said == "60"
    ours, word = _advances(output / "analyst.pdf"), _advances(libreoffice_pdf(output / "analyst.docx", tmp_path / "lo"))
    shared = sorted(set(ours) & set(word))
    assert len(shared) >= 40, shared
    off = [(pair, ours[pair], word[pair]) for pair in shared if abs(ours[pair] - word[pair]) > 1.0]
    assert len(off) <= len(shared) // 20, off  # the title's pairs LibreOffice kerns (w:kern) aside


def test_spacing_beyond_the_pdfs_bound_is_drawn_at_it_and_check_warns(tmp_path: Path) -> None:
    """Word's widest expansion (1584 pt) on Normal and the most condensing on Heading 1: the brief is still
    built (the PDF draws 1 em and -0.25 em; the analyst brief, as no one-page brief fits at 1 em), and `check`
    names both styles."""
    def extreme(path: Path) -> None:
        reference = docx.Document()
        for name, twentieths in (("Normal", 31680), ("Heading 1", -31680)):
            rpr = reference.styles[name].element.get_or_add_rPr()
            rpr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="{twentieths}"/>'))
        reference.save(str(path))

    output = built_under_reference(tmp_path, extreme, "analyst")  # no page limit: a letter takes 2 em
    assert (output / "analyst.pdf").stat().st_size > 0
    said = run(tmp_path / "ws", "check").output
    assert "its style 'Normal' spaces its letters 1584 pt apart: the PDF draws 11 pt" in said, said
    assert "its style 'Heading 1' spaces its letters -1584 pt apart: the PDF draws -3.5 pt" in said, said
