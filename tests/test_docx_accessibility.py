"""Issue 16, point 3: a DOCX that passes an accessibility check. Every shipped brief's DOCX (and a redline) is
unzipped and checked in its XML by `tests/docx_access.py` (title and language, headings without skipped levels,
table header rows and titles, alternative text or a decorative mark on every picture, links with text, real
footnotes), and LibreOffice, pandoc and python-docx still read every file. Hostile templates and references, and
the proof that the checker fails what it should, are in `test_docx_accessibility_hostile.py`."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from tests.docx_access import (
    NS,
    heading_levels,
    is_decorative,
    parts,
    problems,
    text,
)
from tests.helpers import built_workspace, libreoffice_convert, model, pdftotext, run, save_model
from tests.tools import require

SHIPPED = ("analyst", "executive", "public")
BRIEFS = (*SHIPPED, "analyst.redline")
W_ID = f"{{{NS['w']}}}id"


@dataclass(frozen=True)
class Shipped:
    ws: Path
    out: Path
    summary: dict[str, object]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Shipped:
    """The shipped briefs, and a redline of the analyst brief after an issue and one edit."""
    ws = built_workspace(tmp_path_factory.mktemp("a11y"))
    summary = model(ws)
    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    edited = model(ws)
    edited["judgments"][0]["statement"] += " It says so in public."
    save_model(ws, edited)
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return Shipped(ws, ws / "output", summary)


@pytest.mark.parametrize("brief", BRIEFS)
def test_every_brief_passes_the_checker(shipped: Shipped, brief: str) -> None:
    assert problems(shipped.out / f"{brief}.docx") == []


@pytest.mark.parametrize("brief", BRIEFS)
def test_title_and_language_are_the_briefs(shipped: Shipped, brief: str) -> None:
    xml = parts(shipped.out / f"{brief}.docx")
    core = xml["docProps/core.xml"]
    assert core.findtext("dc:title", "", NS) == shipped.summary["brief"]["title"]  # type: ignore[index]
    assert core.findtext("dc:language", "", NS) == "en"
    lang = xml["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{NS['w']}}}val") == "en"
    opened = docx.Document(str(shipped.out / f"{brief}.docx"))
    assert (opened.core_properties.title, opened.core_properties.language) == (
        shipped.summary["brief"]["title"], "en")  # type: ignore[index]


@pytest.mark.parametrize("brief", SHIPPED)
def test_the_outline_is_title_then_sections(shipped: Shipped, brief: str) -> None:
    levels = heading_levels(parts(shipped.out / f"{brief}.docx"))
    assert levels[0] == (0, shipped.summary["brief"]["title"])  # type: ignore[index]
    assert [level for level, _ in levels].count(0) == 1
    assert {level for level, _ in levels[1:]} <= {1, 2}
    assert levels[1][0] == 1


def test_the_analysts_judgments_are_sub_sections(shipped: Shipped) -> None:
    levels = heading_levels(parts(shipped.out / "analyst.docx"))
    judgments = levels.index((1, "Key judgments"))
    assert [level for level, _ in levels[judgments + 1:judgments + 4]] == [2, 2, 2]


@pytest.mark.parametrize(("brief", "section", "columns"), [
    ("analyst", "Key figures", ["Measure", "Value"]), ("public", "In numbers", ["What", "How many"])])
def test_the_figures_table_names_its_columns_in_a_repeating_header_row(shipped: Shipped, brief: str, section: str,
                                                                     columns: list[str]) -> None:
    xml = parts(shipped.out / f"{brief}.docx")
    table = next(t for t in xml["word/document.xml"].iter(f"{{{NS['w']}}}tbl")
                 if t.find("w:tblPr/w:tblStyle", NS) is not None)
    header, *rows = table.findall("w:tr", NS)
    assert [text(cell) for cell in header.findall("w:tc", NS)] == columns
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in rows)
    assert table.find("w:tblPr/w:tblCaption", NS).get(f"{{{NS['w']}}}val") == section
    description = table.find("w:tblPr/w:tblDescription", NS).get(f"{{{NS['w']}}}val")
    assert description == f"{len(rows)} rows under the column headings {', '.join(columns)}"


def test_the_chart_states_its_data(shipped: Shipped) -> None:
    xml = parts(shipped.out / "analyst.docx")
    (doc_pr,) = xml["word/document.xml"].iter(f"{{{NS['wp']}}}docPr")
    charted = [f for f in shipped.summary["figures"] if "chart" in f.get("tags", [])]  # type: ignore[attr-defined]
    assert len(charted) == 2
    for figure in charted:
        assert f"{figure['label']}: {figure['value']}" in doc_pr.get("descr")
    assert doc_pr.get("title") == "Key figures compared on one scale"
    assert doc_pr.get("descr").startswith("Bar chart, Key figures compared on one scale, in USD. ")
    assert not is_decorative(doc_pr)


@pytest.fixture(scope="module")
def converted(shipped: Shipped, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lo")
    libreoffice_convert([shipped.out / f"{b}.docx" for b in BRIEFS], folder, timeout=300)
    return folder


@pytest.mark.parametrize("brief", BRIEFS)
def test_libreoffice_converts_it_to_pdf(shipped: Shipped, converted: Path, brief: str) -> None:
    words = pdftotext(converted / f"{brief}.pdf")
    assert shipped.summary["brief"]["title"] in " ".join(words.split())  # type: ignore[index]


@pytest.mark.parametrize("brief", BRIEFS)
def test_pandoc_reads_the_text_headings_and_notes(shipped: Shipped, brief: str) -> None:
    pandoc = require("pandoc")
    plain = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(shipped.out / f"{brief}.docx")],
                           capture_output=True, text=True, check=True).stdout
    xml = parts(shipped.out / f"{brief}.docx")
    for _, heading in heading_levels(xml):
        assert heading in plain
    notes = [text(n) for n in xml["word/footnotes.xml"].iterfind("w:footnote", NS) if int(n.get(W_ID)) > 0]
    assert len(notes) > 10
    assert all(" ".join(note.split()) in " ".join(plain.split()) for note in notes)


def test_python_docx_opens_every_brief(shipped: Shipped) -> None:
    for brief in BRIEFS:
        opened = docx.Document(str(shipped.out / f"{brief}.docx"))
        assert opened.paragraphs[1].text == shipped.summary["brief"]["title"]  # type: ignore[index]
        assert opened.tables[-1].rows[0].cells[0].text in ("Measure", "What")
