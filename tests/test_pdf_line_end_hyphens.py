"""A word a PDF's line end hyphenated with a real "-" (as Word, LaTeX and reportlab draw it), in a document that
writes it nowhere else: the analyst reading the page types it whole ("expanding", "multilateral"), or copies it
with its hyphen; both are found, in a passage that also holds a hyphen written mid-line ("state-owned")."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefgen.writers  # (its bidi support goes in before reportlab is first imported)
from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed
from tests.helpers import lines_pdf, pdftotext

LINES = ["The delegation stressed that international counter-",
         "proliferation work depends on well-known partners and",
         "on the so-called coordination of multi-",
         "lateral export controls across the region's ports.",
         "Officials said the state-owned shipyard was expand-",
         "ing its dry docks and the twenty-",
         "first century fleet is growing."]


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Seed:
    path = tmp_path_factory.mktemp("hyphens") / "hyphens.pdf"
    path.write_bytes(lines_pdf(LINES))
    found = extract(FORMATS[".pdf"], Path(path).read_bytes())
    return Seed(str(path), "seeds/hyphens.pdf", "\n".join(found.paragraphs), found.pages)


def test_the_paragraph_keeps_cut_hyphens_as_u2010_and_written_ones_as_hyphen_minus(seed: Seed) -> None:
    assert seed.paragraphs == (
        "The delegation stressed that international counter\u2010proliferation work depends on well-known partners "
        "and on the so-called coordination of multi\u2010lateral export controls across the region's ports. "
        "Officials said the state-owned shipyard was expand\u2010ing its dry docks and the twenty\u2010first century "
        "fleet is growing.",)


@pytest.mark.parametrize("passage", [
    "international counterproliferation work depends on well-known partners",  # typed from the page
    "international counter-proliferation work",  # copied with the hyphen
    "international counter- proliferation work",  # copied across the line end, folded by YAML
    "the so-called coordination of multilateral export controls",
    "Officials said the state-owned shipyard was expanding its dry docks",
    "the twenty-first century fleet is growing.",
])
def test_a_word_cut_at_a_line_end_is_found_whole_or_hyphenated(seed: Seed, passage: str) -> None:
    assert [(s.first, s.last) for s in find(seed, passage).spans] == [(1, 1)]


@pytest.mark.parametrize("passage", ["the stateowned shipyard", "well known partners and on the socalled"])
def test_a_hyphen_written_mid_line_is_never_dropped(seed: Seed, passage: str) -> None:
    assert not find(seed, passage).spans


BROWSER_LINES = ["The administration's representatives characterised the acquisi\u2010",
                 "tions as indispensable, and the audit of the accountability arrange\u2010",
                 "ments found the state-",
                 "owned shipyard's documentation incomplete for the acquisitions."]


def _dejavu_pdf(path: Path, lines: list[str]) -> bytes:
    """`lines` drawn one under the other in DejaVu Sans by reportlab, whose ToUnicode map reads each glyph as the
    character it was drawn for (U+2010, U+00AD included)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuHyphens", str(Path(briefgen.__file__).parent / "fonts" / "DejaVuSans.ttf")))
    drawn = lines_pdf(lines, "DejaVuHyphens", 10, 13)
    path.write_bytes(drawn)
    return drawn


def test_a_browsers_drawn_u2010_hyphen_at_a_line_end_joins_as_a_hyphen_minus_does(tmp_path: Path) -> None:
    """WeasyPrint and browsers draw the hyphen their automatic hyphenation adds as U+2010: the word is joined
    whole where the document writes it so elsewhere ("acquisitions"), kept cut where it does not
    ("arrange‐ments"), as a "-" at a line's end is ("state‐owned"), never with a space after it."""
    assert extract(FORMATS[".pdf"], _dejavu_pdf(tmp_path / "browser.pdf", BROWSER_LINES)).paragraphs == (
        "The administration's representatives characterised the acquisitions as indispensable, and the audit of the "
        "accountability arrange\u2010ments found the state\u2010owned shipyard's documentation incomplete for the "
        "acquisitions.",)


def test_a_soft_hyphen_drawn_inside_a_line_is_a_hyphen(tmp_path: Path) -> None:
    """A producer that maps its hyphen glyph to U+00AD (typst, once Ghostscript has dropped the /ActualText
    that read it "-") draws it inside a line only where a hyphen shows: "EU-Kommission", not "EUKommission";
    at a line's end it is still a hyphenation's, and the word is joined."""
    lines = ["Die Bundesministerin und die EU\u00adKommission prüfen die Haushalts\u00ad",
             "überschreitungen der Verteidigungsbehörden im Jahr."]
    pdf = _dejavu_pdf(tmp_path / "soft.pdf", lines)
    assert "EU\u00adKommission" in pdftotext(tmp_path / "soft.pdf")  # the hyphen is drawn for U+00AD
    assert extract(FORMATS[".pdf"], pdf).paragraphs == (
        "Die Bundesministerin und die EU-Kommission prüfen die Haushaltsüberschreitungen der "
        "Verteidigungsbehörden im Jahr.",)
