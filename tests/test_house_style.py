"""One house style for both formats: a reference DOCX made here (green Heading 1, Calibri body, Letter page,
a header with text and a logo, a footer with a PAGE field) styles the DOCX and the PDF of the same brief alike."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor
from PIL import Image
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import libreoffice_pdf, pdf_words, pdftotext, run

GREEN = (0x2E, 0x7D, 0x32)
LETTERHEAD = "Northwind Analysis Unit"


def make_house(path: Path) -> Path:
    """A reference DOCX a user could have saved from Word."""
    logo = path.with_suffix(".png")
    Image.new("RGB", (240, 80), (20, 60, 120)).save(logo)
    reference = docx.Document()
    reference.styles["Heading 1"].font.color.rgb = RGBColor(*GREEN)
    reference.styles["Normal"].font.name = "Calibri"
    reference.styles["Normal"].font.size = Pt(10)
    section = reference.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("top_margin", "right_margin", "bottom_margin", "left_margin"):
        setattr(section, side, Inches(0.9))
    header = section.header.paragraphs[0]
    header.add_run(LETTERHEAD + "\t\t")
    header.add_run().add_picture(str(logo), height=Inches(0.3))
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    reference.add_paragraph("body text of the reference, never in a brief")
    reference.save(str(path))
    return path


@pytest.fixture(scope="module")
def house_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    workspace = tmp_path_factory.mktemp("house") / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    for audience in ("executive", "analyst"):
        profile = (ROOT / f"briefgen/templates/{audience}.yaml").read_text(encoding="utf-8")
        (workspace / f"templates/house-{audience}.yaml").write_text(
            profile + "look: {reference_docx: house.docx}\n", encoding="utf-8")
    make_house(workspace / "templates/house.docx")
    result = run(workspace, "build", "-a", "house-executive", "-a", "house-analyst")
    assert result.exit_code == 0, result.output
    return workspace / "output"


def _member(path: Path, pattern: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if re.fullmatch(pattern, n))


@pytest.mark.parametrize("audience", ["house-executive", "house-analyst"])
def test_docx_carries_the_house_style(house_build: Path, audience: str) -> None:
    path = house_build / f"{audience}.docx"
    headers, footers = _member(path, r"word/header\d*\.xml"), _member(path, r"word/footer\d*\.xml")
    assert LETTERHEAD in headers and "<a:blip" in headers  # the letterhead's text and logo
    assert 'w:instr="PAGE"' in footers
    styles = docx.Document(str(path)).styles
    assert styles["Heading 1"].font.color.rgb == RGBColor(*GREEN)
    body = _member(path, "word/document.xml")
    assert 'w:w="12240"' in body and 'w:h="15840"' in body  # Letter
    # The styles briefgen adds (BLUF box title, tables, footnotes, banner) take the house body font.
    added = _member(path, "word/styles.xml")
    for ident in ("BoxTitle", "TableText", "FootnoteText", "Banner"):
        definition = re.search(rf'w:styleId="{ident}".*?</w:style>', added, re.S)
        assert definition is not None and 'w:ascii="Calibri"' in definition.group(0), ident


@pytest.mark.parametrize("audience", ["house-executive", "house-analyst"])
def test_pdf_follows_the_same_reference(house_build: Path, audience: str) -> None:
    path = house_build / f"{audience}.pdf"
    reader = PdfReader(path)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
    assert len(reader.pages[0].images) >= 1  # the letterhead's logo
    text = pdftotext(path)
    assert text.count(LETTERHEAD) == len(reader.pages)
    assert all(f"Page {n}" in text for n in range(1, len(reader.pages) + 1))
    content = reader.pages[0].get_contents().get_data().decode("latin-1")
    green = " ".join(f"{c / 255:.6f}".lstrip("0").rstrip("0") for c in GREEN) + " rg"  # a fill colour
    assert green in content and green == ".180392 .490196 .196078 rg"
    fonts = {str(f["/BaseFont"]).split("+")[-1] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert "Carlito" in fonts and not any(f.startswith("Caladea") for f in fonts)  # Calibri's twin, not the default


@pytest.mark.parametrize("audience", ["house-executive", "house-analyst"])
def test_libreoffice_lays_the_docx_out_on_as_many_pages_as_the_pdf(house_build: Path, audience: str,
                                                                  tmp_path: Path) -> None:
    laid_out = len(PdfReader(libreoffice_pdf(house_build / f"{audience}.docx", tmp_path)).pages)
    assert laid_out == len(PdfReader(house_build / f"{audience}.pdf").pages)


def test_the_profile_page_and_margins_win_over_the_reference(workspace: Path, tmp_path: Path) -> None:
    """`look.page_size` and `look.margins_mm` set in the profile apply to both formats, over the reference's."""
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (workspace / "templates/own.yaml").write_text(
        profile + "look: {reference_docx: house.docx, page_size: A4, margins_mm: [20, 20, 20, 20]}\n",
        encoding="utf-8")
    make_house(workspace / "templates/house.docx")
    result = run(workspace, "build", "-a", "own")
    assert result.exit_code == 0, result.output
    body = _member(workspace / "output/own.docx", "word/document.xml")
    assert 'w:w="11906"' in body and 'w:h="16838"' in body and 'w:left="1134"' in body  # A4, 20 mm
    page = PdfReader(workspace / "output/own.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert LETTERHEAD in _member(workspace / "output/own.docx", r"word/header\d*\.xml")  # the letterhead stays


def _letterhead_house(path: Path, lines: int, picture: bytes | None = None) -> Path:
    """A reference whose header has `lines` paragraphs (and a picture, whatever its bytes)."""
    make_house(path)
    reference = docx.Document(str(path))
    header = reference.sections[0].header
    for n in range(lines):
        header.add_paragraph(f"Letterhead line {n + 1}")
    reference.save(str(path))
    if picture is not None:  # the header's logo replaced by these bytes, as a damaged or EMF picture would be
        with zipfile.ZipFile(path) as source:
            entries = {n: source.read(n) for n in source.namelist()}
        entries.update({n: picture for n in entries if n.startswith("word/media/")})
        with zipfile.ZipFile(path, "w") as target:
            for name, data in entries.items():
                target.writestr(name, data)
    return path


def _house_profile(workspace: Path) -> None:
    profile = (ROOT / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
    (workspace / "templates/tall.yaml").write_text(profile + "look: {reference_docx: tall.docx}\n", encoding="utf-8")


def _top_of_text(pdf: Path, first_words: str) -> float:
    """The height on page 1 at which the line starting with `first_words` is drawn (pdftotext -bbox)."""
    words = pdf_words(pdf)
    y = next((w.top for w in words if w.text == first_words.split()[0]), None)
    assert y is not None, words[:200]
    return y


def test_a_tall_letterhead_moves_the_text_down_as_word_does(workspace: Path, tmp_path: Path) -> None:
    """A header taller than the top margin pushes the text below it in the PDF (Word and LibreOffice do the same
    with the DOCX); before, the PDF drew the text under the letterhead's lines."""
    _house_profile(workspace)
    _letterhead_house(workspace / "templates/tall.docx", lines=8)
    result = run(workspace, "build", "-a", "tall")
    assert result.exit_code == 0, result.output
    pdf = workspace / "output/tall.pdf"
    last_line, banner = _top_of_text(pdf, "Letterhead line 8"), _top_of_text(pdf, "TLP:CLEAR")
    assert banner > last_line + 10  # the brief's first line (its banner) starts below the letterhead's last
    assert len(PdfReader(libreoffice_pdf(workspace / "output/tall.docx", tmp_path)).pages) == len(PdfReader(pdf).pages)


def test_a_letterhead_taller_than_the_page_allows_is_a_check_error(workspace: Path) -> None:
    _house_profile(workspace)
    _letterhead_house(workspace / "templates/tall.docx", lines=60)
    for command in ("check", "build"):
        result = run(workspace, command)
        assert result.exit_code == 1, result.output
        assert "templates/tall.yaml:" in result.output and "its header reaching" in result.output
        assert "cannot hold a brief" in result.output


@pytest.mark.parametrize("picture", [b"not a picture", b"\x01\x00\x00\x00" + bytes(80)])  # damaged; an EMF header
def test_a_letterhead_picture_the_pdf_cannot_draw_is_left_out_with_a_warning(workspace: Path,
                                                                             picture: bytes) -> None:
    _house_profile(workspace)
    _letterhead_house(workspace / "templates/tall.docx", lines=0, picture=picture)
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert "warning: look.reference_docx: the letterhead's picture word/media/" in result.output
    assert "the PDF leaves it out" in result.output
    result = run(workspace, "build", "-a", "tall")
    assert result.exit_code == 0, result.output
    reader = PdfReader(workspace / "output/tall.pdf")
    assert not reader.pages[0].images and LETTERHEAD in reader.pages[0].extract_text()
    with zipfile.ZipFile(workspace / "output/tall.docx") as built:  # the DOCX keeps the picture for Word
        assert any(n.startswith("word/media/") and built.read(n) == picture for n in built.namelist())


def test_a_letterhead_picture_named_from_the_package_root_is_drawn(tmp_path: Path) -> None:
    """A relationship target may start with / (from the package's root, as some producers write it): the
    letterhead's picture is found as with a target relative to its part (it was silently left out)."""
    from briefgen.render.house import read_house

    relative = _letterhead_house(tmp_path / "relative.docx", lines=1)
    absolute = tmp_path / "absolute.docx"
    with zipfile.ZipFile(relative) as source, zipfile.ZipFile(absolute, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("word/_rels/header"):
                data = data.replace(b'Target="media/', b'Target="/word/media/')
            target.writestr(name, data)
    with zipfile.ZipFile(absolute) as made:
        assert any(b'Target="/word/media/' in made.read(n) for n in made.namelist() if n.startswith("word/_rels/h"))
    pictures = [[piece.image for line in read_house(path).header for cell in line.cells for piece in cell
                 if piece.image] for path in (relative, absolute)]
    assert pictures[0] and pictures[0] == pictures[1]


def test_a_theme_font_wins_over_the_font_named_beside_it(tmp_path: Path) -> None:
    """python-docx's `style.font.name = ...` writes w:ascii beside the template's asciiTheme; Word (and
    LibreOffice) follow the theme's font, so the PDF must too: python-docx's Title keeps its theme's major
    font (Calibri), not the Times New Roman written beside it, and Normal, with no theme font, takes Arial."""
    from briefgen.render.house import read_house

    reference = docx.Document()
    reference.styles["Title"].font.name = "Times New Roman"
    reference.styles["Normal"].font.name = "Arial"
    title_fonts = reference.styles["Title"].element.rPr.rFonts
    assert title_fonts.get(qn("w:asciiTheme")) == "majorHAnsi"  # the precondition: both written
    path = tmp_path / "house.docx"
    reference.save(str(path))
    house = read_house(path)
    assert house.style("Title").font == "Calibri"
    assert house.style("Normal").font == "Arial"
