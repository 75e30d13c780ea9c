"""A reference with Word's "different first page" and "different odd and even pages" headers (the letterhead
with the logo on page 1, a running head after it): the PDF drew the default header and footer on every page,
page 1 included, where Word and LibreOffice draw the first page's; and the DOCX put the handling line under the
default footer only, so page 1 of the DOCX had none."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from briefgen.render.house import read_house
from tests.helpers import built_under_reference, libreoffice_pdf, pdftotext

BANNER = "TLP:CLEAR // FOR OFFICIAL USE // ANALYST WORKING BRIEF"


def _reference(path: Path, *, even: bool = True) -> Path:
    reference = docx.Document()
    section = reference.sections[0]
    section.different_first_page_header_footer = True
    reference.settings.odd_and_even_pages_header_footer = even
    section.first_page_header.paragraphs[0].text = "FIRSTHEAD Ministry letterhead"
    section.first_page_footer.paragraphs[0].text = "FIRSTFOOT address line"
    section.header.paragraphs[0].text = "ODDHEAD running head"
    if even:
        section.even_page_header.paragraphs[0].text = "EVENHEAD running head"
    reference.save(str(path))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The analyst brief (three pages and more) under the reference."""
    return built_under_reference(tmp_path_factory.mktemp("first"), _reference, "analyst")


def _pages(pdf: Path) -> list[str]:
    return pdftotext(pdf, "-layout").split("\f")[:-1]


def test_the_reference_is_read_with_its_first_and_even_pages(tmp_path: Path) -> None:
    house = read_house(_reference(tmp_path / "house.docx"))
    assert [house.furniture_of(page) for page in (1, 2, 3, 4)] == ["first", "even", "default", "even"]
    assert house.variants["first"][1] and not house.variants["even"][1]  # no even footer: Word shows none
    plain = read_house(_reference(tmp_path / "plain.docx", even=False))
    assert [plain.furniture_of(page) for page in (1, 2, 3)] == ["first", "default", "default"]


def _marks(page: str) -> set[str]:
    return {word for word in ("FIRSTHEAD", "FIRSTFOOT", "ODDHEAD", "EVENHEAD") if word in page}


def test_each_pdf_page_has_the_header_word_gives_it(built: Path) -> None:
    pages = _pages(built / "analyst.pdf")
    assert len(pages) >= 3
    assert _marks(pages[0]) == {"FIRSTHEAD", "FIRSTFOOT"}
    assert _marks(pages[1]) == {"EVENHEAD"}
    assert _marks(pages[2]) == {"ODDHEAD"}
    assert all(BANNER in page for page in pages)  # the handling line under every page's footer


def test_libreoffice_shows_the_docx_as_the_pdf_is_drawn(built: Path, tmp_path: Path) -> None:
    pages = _pages(libreoffice_pdf(built / "analyst.docx", tmp_path))
    assert _marks(pages[0]) == {"FIRSTHEAD", "FIRSTFOOT"} and _marks(pages[1]) == {"EVENHEAD"}
    assert all(BANNER in page for page in pages), [BANNER in page for page in pages]


def test_every_footer_word_shows_carries_the_handling_line(built: Path) -> None:
    with zipfile.ZipFile(built / "analyst.docx") as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    assert len(footers) >= 3  # default, first page (FIRSTFOOT), even pages (made for the line)
    assert all(BANNER.casefold() in footer.casefold() for footer in footers)  # set in capitals by w:caps
