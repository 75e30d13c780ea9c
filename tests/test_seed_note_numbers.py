"""Note numbers, superscripts and subscripts as an analyst copies them: "a top priority1 by" copied from the PDF
viewer or Word, "a top priority by" with the note number left out, "500 km²" typed as the page shows it and
"500 km2" as the viewer copies it. Each is found in documents made by real producers (typst, pandoc's DOCX,
LibreOffice's PDF of it, an HTML page); a passage that changes a unit or a model number is not."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.marks import folded, unmarked
from briefgen.sources.seeds import Seed
from tests.helpers import libreoffice_pdf
from tests.tools import require

TYPST = r"""
#set page(numbering: "1")
The well-known programme was described as a top priority#footnote[According to the ministry's annual report.]
by the deputy minister.

The test range covered 500 km#super[2] of land and the plant made H#sub[2]O from the air.
Tensions rose in the region during the exercises.#footnote[A second note.] Talks resumed in May.
"""
MARKDOWN = """# Summary

The official said the unit's efficiency had improved by a fifth[^1] over the previous year.

The test range covered 500 km^2^ of land and the Hwasong-17 missile flew 1,000 km.

[^1]: The figure comes from the annual budget paper.
"""


def _seed(path: Path) -> Seed:
    found = extract(FORMATS[path.suffix], path.read_bytes())
    return Seed(str(path), path.name, "\n".join(found.paragraphs), found.pages)


def _found(seed: Seed, passage: str) -> bool:
    return bool(find(seed, passage).spans)


@pytest.fixture(scope="module")
def typst_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import typst

    folder = tmp_path_factory.mktemp("typst")
    (folder / "notes.typ").write_text(TYPST, encoding="utf-8")
    target = folder / "notes.pdf"
    typst.compile(str(folder / "notes.typ"), output=str(target))
    return target


@pytest.fixture(scope="module")
def pandoc_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pandoc")
    (folder / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    subprocess.run([require("pandoc"), "notes.md", "-o", "notes.docx"], cwd=folder, check=True)
    return folder / "notes.docx"


@pytest.mark.parametrize("passage", [
    "The well-known programme was described as a top priority by the deputy minister.",
    "described as a top priority1 by the deputy minister",  # as the viewer copies it
    "described as a top priority\u00b9 by the deputy minister",  # as the page shows it
    "The test range covered 500 km\u00b2 of land and the plant made H\u2082O from the air.",
    "The test range covered 500 km2 of land and the plant made H2O from the air.",
    "Tensions rose in the region during the exercises. Talks resumed in May.",
])
def test_typst_pdf_passages_with_and_without_note_numbers(typst_pdf: Path, passage: str) -> None:
    seed = _seed(typst_pdf)
    assert "a top priority1 by the deputy minister" in seed.text  # typst draws the number with a superscript glyph
    assert _found(seed, passage)


@pytest.mark.parametrize("passage", ["The test range covered 500 km of land",  # the unit changed
                                     "the plant made HO from the air", "a top priority2 by the deputy"])
def test_a_changed_unit_or_note_number_is_not_found(typst_pdf: Path, passage: str) -> None:
    assert not _found(_seed(typst_pdf), passage)


def test_a_word_footnote_reference_reads_as_its_number(pandoc_docx: Path) -> None:
    paragraphs = extract(FORMATS[".docx"], pandoc_docx.read_bytes()).paragraphs
    assert "The official said the unit’s efficiency had improved by a fifth1 over the previous year." in paragraphs
    assert paragraphs[-1] == "The figure comes from the annual budget paper."  # the note's text, after the body
    seed = _seed(pandoc_docx)
    for passage in ("had improved by a fifth over the previous year", "had improved by a fifth1 over the previous",
                    "improved by a fifth\u00b9 over", "covered 500 km\u00b2 of land", "covered 500 km2 of land"):
        assert _found(seed, passage), passage
    assert not _found(seed, "the Hwasong missile flew 1,000 km")  # no number taken from the seed's own words
    assert not _found(seed, "the Hwasong-15 missile flew")


def test_libreoffice_pdf_of_a_word_document_with_a_footnote(pandoc_docx: Path) -> None:
    seed = _seed(libreoffice_pdf(pandoc_docx, pandoc_docx.parent))
    assert "improved by a fifth1 over the previous year" in seed.text  # the raised "1" drawn small
    assert _found(seed, "The official said the unit's efficiency had improved by a fifth over the previous year.")
    assert _found(seed, "The figure comes from the annual budget paper.")


def test_an_html_note_link_and_powers() -> None:
    page = (b"<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body><article>"
            b"<p>The report<sup><a href='#fn1'>1</a></sup> says the base is large and well known to locals.</p>"
            b"<p>Water is H<sub>2</sub>O and the area is 500&nbsp;km<sup>2</sup> of land near the border.</p>"
            b"</article></body></html>")
    found = extract(FORMATS[".html"], page, reading="blocks")
    seed = Seed("page.html", "page.html", "\n".join(found.paragraphs))
    for passage in ("The report says the base is large", "The report1 says the base is large",
                    "Water is H\u2082O and the area is 500 km\u00b2 of land", "Water is H2O and the area is 500 km2"):
        assert _found(seed, passage), passage


@pytest.mark.parametrize(("text", "kept"), [
    ("500 km2 of land", True), ("in 2024 the", True), ("H2O was", True), ("F16s flew", True), ("a 3D model", True),
    ("the 5* hotel", True), ("priority1 by", False), ("said.2 Then", False), ("grows\u00b3 each", False),
    ("priority* by", False), ("said.\u2020 Then", False),
])
def test_what_counts_as_a_note_number(text: str, kept: bool) -> None:
    assert (unmarked(text) == text) is kept


def test_folded_superscripts_and_subscripts() -> None:
    assert folded("10\u00b3 and H\u2082O and x\u207f") == "10\u00b3 and H2O and xn"  # a power of ten stays
    assert folded("10\u00b9\u00b2 and km\u00b2 and note\u00b9\u00b2") == "10\u00b9\u00b2 and km2 and note12"
    assert folded("\u00bd stays a fraction") == "\u00bd stays a fraction"


@pytest.mark.parametrize(("seed_text", "passage"), [("They killed 103 soldiers.", "killed 10\u00b3 soldiers"),
                                                     ("They killed 10\u00b3 soldiers.", "killed 103 soldiers")])
def test_a_power_of_ten_is_not_another_number(seed_text: str, passage: str) -> None:
    assert not _found(Seed("x.txt", "seeds/x.txt", seed_text), passage)


@pytest.mark.parametrize(("fmt", "start", "reads"), [("chicago", 1, "fifth* over"), ("decimal", 4, "fifth4 over"),
                                                      ("lowerRoman", 1, "fifth over")])
def test_a_word_footnote_reads_as_the_mark_its_settings_give(pandoc_docx: Path, fmt: str, start: int,
                                                              reads: str) -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(pandoc_docx) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/settings.xml":  # Word's Footnote and Endnote dialog writes this
                data = data.replace(b"<w:footnotePr>", f'<w:footnotePr><w:numFmt w:val="{fmt}"/><w:numStart '
                                    f'w:val="{start}"/>'.encode(), 1)
            target.writestr(item, data)
    paragraphs = extract(FORMATS[".docx"], buffer.getvalue()).paragraphs
    assert f"had improved by a {reads} the previous year." in paragraphs[1]
    seed = Seed("notes.docx", "notes.docx", "\n".join(paragraphs))
    assert _found(seed, "had improved by a fifth over the previous year")
    assert _found(seed, f"had improved by a {reads} the previous year")
