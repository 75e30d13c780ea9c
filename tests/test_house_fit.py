"""A page limit holds in the DOCX too under the reference documents users actually have: python-docx's own
template with a one-line header and footer, and pandoc's default reference.docx. The fit measures the PDF, so
the PDF must set each line where LibreOffice sets the DOCX's: line heights from the font's own ascent,
descent and line gap, the paragraph spacing Word keeps inside a table cell, briefgen's own header and footer
where the PDF draws them."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import uharfbuzz as hb
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import libreoffice_convert, libreoffice_pdf, run
from tests.tools import require

AUDIENCES = ("executive", "analyst")
# How far LibreOffice may set a line of the DOCX from where the PDF has it. Before the PDF followed the
# reference's line heights and cell spacing, the executive brief's last quote sat 34 pt lower in the DOCX
# (python-docx's reference) and the footnotes 30 pt higher (pandoc's): the DOCX ran to two pages.
DRIFT_PT = 20.0


def _python_docx_reference(path: Path) -> None:
    reference = docx.Document()
    section = reference.sections[0]
    section.header.paragraphs[0].text = "Ministry of Examples, Situation Unit"
    section.footer.paragraphs[0].text = "Internal distribution"
    reference.save(str(path))


def _arial_reference(path: Path) -> None:
    """A house style in the two fonts most house styles name that Word has and we do not: body text in Arial,
    headings in Times New Roman (the PDF draws their metric twins, Liberation Sans and Serif)."""
    reference = docx.Document()
    for name, font in (("Normal", "Arial"), ("Heading 1", "Times New Roman"), ("Heading 2", "Times New Roman"),
                       ("Title", "Times New Roman")):
        reference.styles[name].font.name = font
        fonts = reference.styles[name].element.rPr.rFonts
        for theme in ("asciiTheme", "hAnsiTheme"):  # as Word's font box leaves it: the theme font no longer set
            fonts.attrib.pop(qn(f"w:{theme}"), None)
    reference.save(str(path))


def _libreoffice_reference(path: Path) -> None:
    """What LibreOffice saves as Word: Liberation Serif text, and no numbering part at all (a document
    without lists has none; python-docx cannot make one, and the build failed as an internal error)."""
    source = path.with_name("letter.txt")
    source.write_text("Ministry of Examples\n\nBody text.\n", encoding="utf-8")
    libreoffice_convert([source], path.parent, to="docx:MS Word 2007 XML")[0].rename(path)
    assert "word/numbering.xml" not in zipfile.ZipFile(path).namelist()  # the case this reference is here for


def _pandoc_reference(path: Path) -> None:
    data = subprocess.run([require("pandoc"), "--print-default-data-file", "reference.docx"], check=True,
                          capture_output=True, timeout=60).stdout
    path.write_bytes(data)


@pytest.fixture(scope="module", params=["python-docx", "pandoc", "arial", "libreoffice"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp(f"fit-{request.param}") / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    makers = {"python-docx": _python_docx_reference, "pandoc": _pandoc_reference, "arial": _arial_reference,
              "libreoffice": _libreoffice_reference}
    makers[request.param](workspace / "templates/house.docx")
    for audience in AUDIENCES:
        profile = (ROOT / f"briefgen/templates/{audience}.yaml").read_text(encoding="utf-8")
        (workspace / f"templates/{audience}.yaml").write_text(profile + "look: {reference_docx: house.docx}\n",
                                                              encoding="utf-8")
    result = run(workspace, "build")
    assert result.exit_code == 0, result.output
    out = workspace / "output"
    for audience in AUDIENCES:
        libreoffice_pdf(out / f"{audience}.docx", out / "lo")
    return out


def _baselines(path: Path) -> list[tuple[int, float, str]]:
    """(page, distance of the baseline from the top, first words) of every line of text but footnote marks."""
    found: dict[tuple[int, float], str] = {}
    for number, page in enumerate(PdfReader(path).pages, 1):
        height = float(page.mediabox.height)

        def visit(text: str, cm: list[float], tm: list[float], *_: object, number: int = number,
                  height: float = height) -> None:
            if text.strip() and not re.fullmatch(r"[\d,\s]+", text):
                key = (number, round(height - (tm[5] * cm[3] + cm[5]), 1))
                found[key] = found.get(key, "") + text

        page.extract_text(visitor_text=visit)
    return [(page, y, " ".join(text.split())[:30]) for (page, y), text in sorted(found.items())]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_docx_has_as_many_pages_as_the_pdf(built: Path, audience: str) -> None:
    assert len(PdfReader(built / "lo" / f"{audience}.pdf").pages) == len(PdfReader(built / f"{audience}.pdf").pages)


def test_every_line_of_the_one_page_brief_sits_where_the_pdf_has_it(built: Path) -> None:
    ours, theirs = _baselines(built / "executive.pdf"), _baselines(built / "lo" / "executive.pdf")
    once = {text for text in (t for *_, t in ours) if sum(t == text for *_, t in ours + theirs) == 2}
    by_text = {text: (page, y) for page, y, text in theirs if text in once}
    compared = [(text, y, by_text[text]) for page, y, text in ours if text in by_text]
    assert len(compared) >= 20, (ours, theirs)  # the body and the footnotes, matched by their first words
    for text, y, (page, laid) in compared:
        assert page == 1 and abs(laid - y) <= DRIFT_PT, (text, y, laid)


def test_a_reference_line_height_counts_the_font_line_gap() -> None:
    """Carlito (Calibri's twin) as HarfBuzz reads its extents: ascent, descent and line gap."""
    from briefgen.writers.pdf import fonts
    from briefgen.writers.pdf.house import line_factor

    fonts.register_all()
    blob = hb.Blob.from_file_path(str(ROOT / "briefgen/fonts/Carlito-Regular.ttf"))
    font = hb.Font(hb.Face(blob))
    extents = font.get_font_extents("ltr")
    expected = (extents.ascender - extents.descender + extents.line_gap) / font.face.upem
    assert line_factor(fonts.font_name("Carlito")) == pytest.approx(expected)
    assert expected > 1.2  # the gap is a fifth of the size: without it a Calibri title is set too tight
