"""A letterhead line split at its tabs is set at the paragraph's tab stops, as Word and LibreOffice set it: the
Header style's (centre and right), a paragraph's own, Word's default stops every half inch (or as the settings
say) where none is left, and a centred part that would run into a long left part ("Directorate of ...
Desk<tab>BRIEFING<tab>RESTRICTED") starts where that part ends. The PDF put every line's parts at the middle and
the right edge of the text, whatever its stops, and drew the centred word over the end of a long left part.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.render.wordml import tab_stops
from briefgen.writers.pdf.tabrows import tabbed
from tests.helpers import built_under_reference, libreoffice_pdf, pdf_words

LEFT = "Directorate of Strategic Assessment, Europe Desk"


def _reference(path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = f"{LEFT}\tBRIEFING\tRESTRICTED"
    reference.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("taboverrun"), _reference)


def _header(pdf: Path) -> list[tuple[float, float, str]]:
    """Page 1's first line of words, left to right: (left, right, word); a part set straight after the one
    before it, with no space, reads as one word with it ("DeskBRIEFING")."""
    words = pdf_words(pdf)
    top = min(word.top for word in words)
    return sorted((word.left, word.right, word.text) for word in words if abs(word.top - top) < 2)


def _check(line: list[tuple[float, float, str]]) -> None:
    assert " ".join(word for _, _, word in line) == LEFT.replace(" Desk", " DeskBRIEFING") + " RESTRICTED", line
    for (_, ends, _), (begins, _, word) in pairwise(line):
        assert begins >= ends - 0.5, (word, line)  # no word drawn over another


def test_a_centred_part_starts_where_the_left_part_ends(built: Path) -> None:
    _check(_header(built / "executive.pdf"))


def test_libreoffice_sets_the_docx_header_alike(built: Path, tmp_path: Path) -> None:
    """Every part where LibreOffice sets it, the right one at the Header style's own right tab stop (6.5 inches
    from the margin, as python-docx's template has it: past this brief's narrower text, as Word shows it)."""
    ours, theirs = _header(built / "executive.pdf"), _header(libreoffice_pdf(built / "executive.docx", tmp_path))
    _check(theirs)
    for (x0, x1, word), (lo0, lo1, _) in zip(ours, theirs, strict=True):
        assert abs(x0 - lo0) < 3 and abs(x1 - lo1) < 3, (word, (x0, x1), (lo0, lo1))


def _own_stops(path: Path) -> None:
    """A Normal paragraph (no stops of its style) with stops of its own, and a second one with none at all, in
    a document whose default stops are an inch apart."""
    reference = docx.Document()
    header = reference.sections[0].header
    first = header.paragraphs[0]
    first.style = reference.styles["Normal"]
    first.text = "Ref\tNORTHWIND\tTwo"
    first._p.get_or_add_pPr().append(parse_xml(
        f'<w:tabs {nsdecls("w")}><w:tab w:val="left" w:pos="2160"/><w:tab w:val="right" w:pos="5760"/></w:tabs>'))
    header.add_paragraph("Kept\tAlpha\tBeta", style=reference.styles["Normal"])
    (stop,) = reference.settings.element.findall(qn("w:defaultTabStop"))  # python-docx's template: 720
    stop.set(qn("w:val"), "1440")
    reference.save(str(path))


def _words(pdf: Path, names: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    found: dict[str, tuple[float, float]] = {}
    for word in pdf_words(pdf):
        if word.text in names:
            found.setdefault(word.text, (word.left, word.right))
    return found


def test_a_paragraphs_own_stops_and_the_default_stops(tmp_path: Path) -> None:
    out = built_under_reference(tmp_path, _own_stops)
    names = ("Ref", "NORTHWIND", "Two", "Kept", "Alpha", "Beta")
    theirs = _words(libreoffice_pdf(out / "executive.docx", tmp_path), names)
    ours = _words(out / "executive.pdf", names)
    margin = ours["Ref"][0]
    assert abs(ours["NORTHWIND"][0] - (margin + 108)) < 1  # its own left stop, 1.5 inches in
    assert abs(ours["Two"][1] - (margin + 288)) < 1  # its own right stop, 4 inches in
    assert abs(ours["Alpha"][0] - (margin + 72)) < 1 and abs(ours["Beta"][0] - (margin + 144)) < 1  # an inch apart
    for name in names:
        assert abs(ours[name][0] - theirs[name][0]) < 3, (name, ours[name], theirs[name])


def test_stops_as_word_takes_them() -> None:
    left, default = 100.0, 36.0
    stops = ((234.0, "center"), (468.0, "right"))
    assert tabbed([50, 40, 30], stops, left, default) == [100, 100 + 234 - 20, 100 + 468 - 30]
    assert tabbed([220, 40], stops, left, default) == [100, 320]  # a centred part that would run into the left
    assert tabbed([250, 40], stops, left, default) == [100, 100 + 468 - 40]  # past the centre stop: the next
    assert tabbed([480, 10], stops, left, default) == [100, 100 + 14 * 36]  # past every stop: a default one
    assert tabbed([0, 10, 10], (), left, default) == [100, 136, 172]  # no stops: every half inch
    w = nsdecls("w")
    style = tab_stops(parse_xml(f'<w:tabs {w}><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" '
                                'w:pos="9360"/></w:tabs>'))
    own = tab_stops(parse_xml(f'<w:tabs {w}><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="decimal" '
                              'w:pos="2880"/><w:tab w:val="bar" w:pos="100"/></w:tabs>'), style)
    assert style == ((234.0, "center"), (468.0, "right"))
    assert own == ((144.0, "decimal"), (468.0, "right"))  # the style's centre cleared; a bar tab holds no text


DECIMALS = ["Ref\t1234.56", "Ref\tNoNumber", "Ref\tVersion 2.5 final", "Ref\t12,50 EUR", "Ref\t.75"]


def _decimal_reference(path: Path) -> None:
    """Header lines whose part after the tab goes to a decimal stop 3 inches from the margin."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches

    reference = docx.Document()
    header = reference.sections[0].header
    for n, text in enumerate(DECIMALS):
        paragraph = header.paragraphs[0] if n == 0 else header.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(3), WD_TAB_ALIGNMENT.DECIMAL)
        paragraph.text = text
    reference.save(str(path))


def test_a_decimal_stop_lines_a_number_up_at_its_point(tmp_path: Path) -> None:
    """A decimal stop puts the part's first decimal point on it ("1234.56", "Version 2.5 final"), else the end
    of its leading number ("12,50 EUR": its space), else the part's end ("NoNumber"), where LibreOffice sets the
    DOCX's: the PDF drew every part as at a right stop, ending on it."""
    built = built_under_reference(tmp_path, _decimal_reference)
    header = [_before_banner(pdf) for pdf in (built / "executive.pdf",
                                              libreoffice_pdf(built / "executive.docx", tmp_path / "lo"))]
    assert [text for _, text in header[0]] == [text for _, text in header[1]] == \
        "1234.56 NoNumber Version 2.5 final 12,50 EUR .75".split()
    for (ours, word), (theirs, _) in zip(*header, strict=True):
        assert abs(ours - theirs) < 1.5, (word, ours, theirs)
    stop = dict((text, left) for left, text in header[1])[".75"]  # its point on the stop
    assert abs(dict((text, left) for left, text in header[0])["1234.56"] - (stop - 19.5)) < 3


def _before_banner(pdf: Path) -> list[tuple[float, str]]:
    """The header's words after each line's "Ref": those before the banner's TLP:CLEAR, with their left edges."""
    words = pdf_words(pdf)
    end = next(n for n, word in enumerate(words) if word.text.startswith("TLP:"))
    return [(word.left, word.text) for word in words[:end] if word.text != "Ref"]
