"""A profile's own fonts (`look.fonts`), and fonts a house style names found in templates/: checked at their
profile line before any build, embedded (subset) by the PDF and named in the right slot by the DOCX, and
counted by `check` when it looks for characters no font draws. Fonts are made in the test (tests/fontmaker.py)
or copied from briefgen's bundled ones."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from bench.synth import make_scripts_workspace
from briefgen.document.coverage import FONT_DIR
from tests.conftest import ROOT
from tests.fontmaker import make_font
from tests.helpers import pdf_fonts, pdftotext, run
from tests.tools import require

EXECUTIVE = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
ANALYST = (ROOT / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
LATIN = "".join(chr(c) for c in range(0x21, 0x7F)) + "’“”—–·•…"
SERIF = "Briefgen Test Serif"  # a family no bundled font has


def _profile(ws: Path, name: str, base: str, look: str) -> int:
    """Write templates/<name>.yaml: `base` plus a `look:` block; returns the line number of `look:`."""
    text = base + "look:\n" + look
    (ws / "templates" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return len(base.splitlines()) + 1


def _drawn_with(pdf: Path) -> list[tuple[str, str]]:
    """(text, BaseFont) for each piece of text drawn on the first page, as pypdf decodes it."""
    pieces: list[tuple[str, str]] = []

    def visit(text: str, cm: object, tm: object, font: dict[str, object] | None, size: object) -> None:
        if text.strip() and font is not None:
            pieces.append((text, str(font["/BaseFont"]).split("+")[-1]))

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return pieces


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


# ---------------------------------------------------------------- check: every problem at its line


def test_check_reports_every_fonts_problem_at_its_profile_line(workspace: Path, tmp_path: Path) -> None:
    templates = workspace / "templates"
    make_font(templates / "cff.otf", SERIF, LATIN, cff=True)
    (templates / "notafont.ttf").write_bytes(b"<html>not a font</html>")
    with open(templates / "huge.ttf", "wb") as huge:  # sparse: 60 MB on paper, nothing on disk
        huge.truncate(60 * 1024 * 1024)
    outside = make_font(tmp_path / "outside.ttf", SERIF, LATIN)
    os.symlink(outside, templates / "link.ttf")
    shutil.copy(FONT_DIR / "DejaVuSans.ttf", templates / "web.woff")
    look = _profile(workspace, "fonted", EXECUTIVE, (
        "  fonts:\n"
        "    body: gone.ttf\n"
        "    heading: {regular: cff.otf, bold: notafont.ttf}\n"
        "    arabic: ../seeds/summary.ttf\n"
        "    hebrew: link.ttf\n"
        "    devanagari: huge.ttf\n"
        "    cjk: web.woff\n"))
    _profile(workspace, "typo", EXECUTIVE, "  fonts: {arabc: x.ttf}\n")
    result = run(workspace, "check")
    assert result.exit_code == 1
    expected = [
        (look + 2, "look.fonts.body: font 'gone.ttf' not found"),
        (look + 3, "look.fonts.heading.regular: font 'cff.otf' has PostScript (CFF) outlines, which the PDF "
                   "library (reportlab) cannot embed"),
        (look + 3, "look.fonts.heading.bold: 'notafont.ttf' is not a font file"),
        (look + 4, "look.fonts.arabic: the font '../seeds/summary.ttf' is outside templates/"),
        (look + 5, "look.fonts.hebrew: templates/link.ttf is a symbolic link that leaves templates/"),
        (look + 6, "look.fonts.devanagari: the font 'huge.ttf' is larger than 50 MB"),
        (look + 7, "look.fonts.cjk: font 'web.woff' is not a .ttf or .otf file"),
    ]
    for line, message in expected:
        assert re.search(rf"templates/fonted\.yaml:{line}:\d+: {re.escape(message)}", result.output), (
            message, result.output)
    assert "use the family's TrueType (.ttf) files" in result.output  # the CFF hint says what to do
    assert re.search(r"templates/typo\.yaml:\d+:\d+: look\.fonts\.arabc: unknown key 'arabc'\n\s+hint: did you "
                     r"mean 'arabic'\?", result.output), result.output
    build = run(workspace, "build", "-a", "fonted")
    assert build.exit_code == 1 and "look.fonts.body" in build.output
    assert not (workspace / "output").exists() or not list((workspace / "output").glob("fonted.*"))


# ---------------------------------------------------------------- both writers use them


@pytest.fixture(scope="module")
def fonted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scripts workspace (a quote in every script) with a profile naming its own body and Arabic fonts."""
    ws = make_scripts_workspace(tmp_path_factory.mktemp("fonts") / "ws")
    (ws / "templates").mkdir()
    make_font(ws / "templates" / "serif.ttf", SERIF, LATIN)
    make_font(ws / "templates" / "serif-bold.ttf", SERIF, LATIN, style="Bold")
    shutil.copy(FONT_DIR / "DejaVuSans.ttf", ws / "templates" / "house-arabic.ttf")  # has Arabic letters
    _profile(ws, "fonted", ANALYST, "  fonts:\n    body: {regular: serif.ttf, bold: serif-bold.ttf}\n"
                                    "    arabic: house-arabic.ttf\n")
    result = run(ws, "build", "-a", "fonted")
    assert result.exit_code == 0, result.output
    return ws / "output"


def test_pdf_embeds_the_profiles_fonts_and_draws_with_them(fonted: Path) -> None:
    fonts = pdf_fonts(fonted / "fonted.pdf")
    assert {"BriefgenTestSerif-Regular", "BriefgenTestSerif-Bold", "DejaVuSans"} <= fonts, fonts
    assert not any(f.startswith("NotoNaskhArabic") for f in fonts), fonts  # the profile's face replaced it
    out = subprocess.run([require("pdffonts"), str(fonted / "fonted.pdf")], check=True, capture_output=True,
                         text=True).stdout
    for line in out.splitlines()[2:]:
        assert re.search(r"\byes\s+yes\s+yes\b", line), line  # embedded, subset, with a ToUnicode map
    drawn = _drawn_with(fonted / "fonted.pdf")
    bluf = [font for text, font in drawn if "Officials spoke" in text]
    assert bluf and set(bluf) == {"BriefgenTestSerif-Regular"}, drawn
    arabic = [font for text, font in drawn if re.search("[\u0600-\u06ff\ufe70-\ufeff]", text)]
    assert arabic and set(arabic) == {"DejaVuSans"}, drawn


def test_pdf_text_of_the_profiles_faces_reads_back(fonted: Path) -> None:
    text = pdftotext(fonted / "fonted.pdf")
    assert "Officials spoke in their own languages." in text
    letters = unicodedata.normalize("NFKC", text)  # the glyphs' presentation forms back to letters
    assert "المتحدث" in letters and "الصادرات" in letters


def test_docx_names_the_profiles_fonts_in_their_slots(fonted: Path) -> None:
    path = fonted / "fonted.docx"
    styles = _xml(path, "word/styles.xml")
    normal = docx.Document(str(path)).styles["Normal"]
    assert normal.font.name == SERIF or f'w:ascii="{SERIF}"' in styles
    assert f'w:hAnsi="{SERIF}"' in styles
    body = _xml(path, "word/document.xml")
    arabic_runs = [run for run in re.findall(r"<w:r>.*?</w:r>", body, re.S) if re.search("[\u0600-\u06ff]", run)]
    assert arabic_runs and all('w:cs="DejaVu Sans"' in run for run in arabic_runs), arabic_runs[:2]
    hebrew_runs = [run for run in re.findall(r"<w:r>.*?</w:r>", body, re.S) if re.search("[\u0590-\u05ff]", run)]
    assert hebrew_runs and all('w:cs="Times New Roman"' in run for run in hebrew_runs)  # not named: Word's own


# ---------------------------------------------------------------- issue 17: a house font supplied in templates/


def _reference(path: Path, font: str) -> None:
    reference = docx.Document()
    reference.styles["Normal"].font.name = font
    reference.save(str(path))


def test_a_font_the_reference_names_is_used_when_templates_has_its_file(workspace: Path) -> None:
    templates = workspace / "templates"
    _reference(templates / "house.docx", SERIF)
    _profile(workspace, "house", EXECUTIVE, "  reference_docx: house.docx\n")
    before = run(workspace, "check")
    assert f"font '{SERIF}' is not bundled: the PDF uses" in before.output  # no file yet: the substitute
    make_font(templates / "any-name.ttf", SERIF, LATIN)  # found by the family in its name table
    after = run(workspace, "check")
    assert after.exit_code == 0, after.output
    assert "is not bundled" not in after.output
    result = run(workspace, "build", "-a", "house")
    assert result.exit_code == 0, result.output
    pdf = workspace / "output" / "house.pdf"
    assert "BriefgenTestSerif-Regular" in pdf_fonts(pdf)
    assert any(font == "BriefgenTestSerif-Regular" for text, font in _drawn_with(pdf) if "Korea" in text)
    assert f'w:ascii="{SERIF}"' in _xml(workspace / "output" / "house.docx", "word/styles.xml")


# ---------------------------------------------------------------- characters no font draws


def test_check_counts_the_profiles_fonts_for_characters_no_font_draws(workspace: Path) -> None:
    summary = workspace / "seeds" / "summary.yaml"
    summary.write_text(summary.read_text(encoding="utf-8").replace(
        "  subject: Pyongyang's push", "  subject: ꚠꚡꚢ Pyongyang's push", 1), encoding="utf-8")
    first = run(workspace, "check")
    assert "U+A6A0 BAMUM LETTER A), which no font draws" in first.output, first.output
    make_font(workspace / "templates" / "bamum.ttf", "Briefgen Test Bamum", LATIN + "ꚠꚡꚢ")
    _profile(workspace, "bamum", EXECUTIVE, "  fonts: {body: bamum.ttf}\n")
    second = run(workspace, "check")
    assert re.search(r"U\+A6A0 BAMUM LETTER A\), which no font of audiences analyst, executive, "
                     r"public draws \(another audience's does\)", second.output), second.output
    for name in ("analyst", "executive", "public"):  # only the audience with the font remains
        (workspace / "templates" / f"{name}.yaml").write_text("template: executive.xml.j2\nformats: [docx]\n",
                                                               encoding="utf-8")
    third = run(workspace, "check")
    assert "BAMUM LETTER" not in third.output, third.output
    result = run(workspace, "build", "-a", "bamum")
    assert result.exit_code == 0 and "no font draws" not in result.output, result.output
    text = pdftotext(workspace / "output" / "bamum.pdf")
    assert "ꚠꚡꚢ" in text


def test_a_font_the_brand_file_names_is_used_when_templates_has_its_file(workspace: Path) -> None:
    templates = workspace / "templates"
    (templates / "_brand.yml").write_text(f"typography:\n  headings: {SERIF}\n", encoding="utf-8")
    _profile(workspace, "branded", EXECUTIVE, "  brand: _brand.yml\n")
    assert f"font '{SERIF}' is not bundled" in run(workspace, "check").output
    make_font(templates / "brand-heading.ttf", SERIF, LATIN, style="Bold")  # the only file: bold, used for all
    assert "is not bundled" not in run(workspace, "check").output
    result = run(workspace, "build", "-a", "branded")
    assert result.exit_code == 0 and "is not bundled" not in result.output, result.output
    drawn = _drawn_with(workspace / "output" / "branded.pdf")
    assert any(font == "BriefgenTestSerif-Bold" for text, font in drawn if "KEY JUDGMENTS" in text.upper()), drawn
    styles = _xml(workspace / "output" / "branded.docx", "word/styles.xml")
    heading = styles[styles.index('w:styleId="Heading1"'):]
    assert f'w:ascii="{SERIF}"' in heading[:heading.index("</w:style>")]


def test_a_damaged_font_is_refused_at_its_line(workspace: Path) -> None:
    """A real font cut short: it starts like a font, but its tables run past the end of the file."""
    data = (FONT_DIR / "DejaVuSans.ttf").read_bytes()
    (workspace / "templates" / "cut.ttf").write_bytes(data[:40_000])
    look = _profile(workspace, "cut", EXECUTIVE, "  fonts: {body: cut.ttf}\n")
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert re.search(rf"templates/cut\.yaml:{look + 1}:\d+: look\.fonts\.body: font 'cut\.ttf' (is damaged|cannot "
                     r"be embedded)", result.output), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fs_type", [0x0002, 0x0100, 0x0200, 0x0202])
def test_a_font_whose_licence_forbids_subset_embedding_is_refused(workspace: Path, fs_type: int) -> None:
    """reportlab 5 embeds any font as a subset, whatever its OS/2 fsType says: briefgen refuses it, at its
    line, in check and build."""
    make_font(workspace / "templates" / "kept.ttf", SERIF, LATIN, fs_type=fs_type)
    look = _profile(workspace, "kept", EXECUTIVE, "  fonts: {body: kept.ttf}\n")
    for command in ("check", "build"):
        result = run(workspace, command, *(["-a", "kept"] if command == "build" else []))
        assert result.exit_code == 1
        assert (f"templates/kept.yaml:{look + 1}:17: look.fonts.body: font 'kept.ttf': its licence (OS/2 fsType) "
                "forbids embedding it in a PDF as a subset") in result.output, result.output


def test_a_font_that_may_be_embedded_for_editing_or_printing_is_used(workspace: Path) -> None:
    make_font(workspace / "templates" / "open.ttf", SERIF, LATIN, fs_type=0x0008)
    _profile(workspace, "open", EXECUTIVE, "  fonts: {body: open.ttf}\n")
    assert run(workspace, "build", "-a", "open").exit_code == 0
