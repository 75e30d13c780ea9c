"""Issue 16, point 3: a DOCX that passes an accessibility check. Every shipped brief's DOCX (and a redline) is
unzipped and checked in its XML by `tests/docx_access.py` (title and language, headings without skipped levels,
table header rows and titles, alternative text or a decorative mark on every picture, links with text, real
footnotes); the checker is shown to fail on documents made to fail. LibreOffice, pandoc and python-docx still
read every file. Hostile templates and reference documents cannot make the DOCX skip a level either."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.shared import Inches
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from briefgen.document.nodes import Bar, Chart, Document, Heading, Link, Meta, Paragraph, Span, Theme
from briefgen.document.outline import without_skipped_levels
from briefgen.writers.docx import write
from tests.docx_access import (
    DECORATIVE_URI,
    NS,
    heading_levels,
    heading_problems,
    is_decorative,
    parts,
    picture_problems,
    problems,
    property_problems,
    table_problems,
    text,
)
from tests.helpers import built_workspace, model, run, save_model
from tests.test_house_style import make_house
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
    soffice = require("soffice")
    folder = tmp_path_factory.mktemp("lo")
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                           "pdf", "--outdir", str(folder), *(str(shipped.out / f"{b}.docx") for b in BRIEFS)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.parametrize("brief", BRIEFS)
def test_libreoffice_converts_it_to_pdf(shipped: Shipped, converted: Path, brief: str) -> None:
    pdftotext = require("pdftotext")
    words = subprocess.run([pdftotext, str(converted / f"{brief}.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
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


# ---------------------------------------------------------------- hostile templates and references

HOSTILE_TEMPLATE = """{% extends "base.xml.j2" %}
{% block title %}{% endblock %}
{% block judgments %}
<h2 id="judgments">Judgments, one level too deep</h2>
{% for j in judgments %}<p>{{ j.statement }}{{ cite(j) }} <a href="https://example.org/more"> </a></p>{% endfor %}
<h1>A section</h1>
<h2>Its sub-section</h2>
{% endblock %}
"""


def _hostile_reference(path: Path) -> Path:
    """The house reference, made hostile: Heading 2 at outline level 6, Normal a heading, German by default."""
    make_house(path)
    reference = docx.Document(str(path))
    styles = reference.styles
    styles["Heading 2"]._element.get_or_add_pPr()._insert_outlineLvl(_outline(5))
    styles["Normal"]._element.get_or_add_pPr()._insert_outlineLvl(_outline(0))
    lang = styles.element.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    lang.set(f"{{{NS['w']}}}val", "de-DE")
    reference.save(str(path))
    return path


def _outline(level: int) -> object:
    from docx.oxml import OxmlElement
    element = OxmlElement("w:outlineLvl")
    element.set(f"{{{NS['w']}}}val", str(level))
    return element


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template that skips levels and gives a link no text, with a logo; the same with a hostile reference."""
    import shutil

    from tests.conftest import ROOT
    ws = tmp_path_factory.mktemp("hostile") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "templates").mkdir()
    Image.new("RGB", (120, 40), (10, 80, 20)).save(ws / "templates/logo.png")
    (ws / "templates/hostile.xml.j2").write_text(HOSTILE_TEMPLATE, encoding="utf-8")
    _hostile_reference(ws / "templates/house.docx")
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    profile = profile.replace("template: executive.xml.j2", "template: hostile.xml.j2").replace(
        "max_pages: 1", "max_pages: 3")
    looks = {"hostile": "{logo: logo.png}", "hostile-house": "{logo: logo.png, reference_docx: house.docx}"}
    for name, look in looks.items():
        (ws / f"templates/{name}.yaml").write_text(f"{profile}\nlook: {look}\n", encoding="utf-8")
    result = run(ws, "build", "-a", "hostile", "-a", "hostile-house", "-f", "docx")
    assert result.exit_code == 0, result.output
    return ws / "output"


@pytest.mark.parametrize("brief", ["hostile", "hostile-house"])
def test_a_template_that_skips_levels_is_normalised(hostile: Path, brief: str) -> None:
    xml = parts(hostile / f"{brief}.docx")
    assert problems(hostile / f"{brief}.docx") == []
    levels = heading_levels(xml)
    assert levels[:3] == [(1, "Judgments, one level too deep"), (1, "A section"), (2, "Its sub-section")]
    assert all(level == 1 for level, _ in levels[3:])


@pytest.mark.parametrize("brief", ["hostile", "hostile-house"])
def test_the_logo_and_the_letterhead_are_decorative(hostile: Path, brief: str) -> None:
    xml = parts(hostile / f"{brief}.docx")
    pictures = [(name, p) for name, root in xml.items() for p in root.iter(f"{{{NS['wp']}}}docPr")]
    assert pictures and all(name.startswith(("word/header", "word/footer")) for name, _ in pictures)
    for _, doc_pr in pictures:
        (mark,) = doc_pr.xpath(f"a:extLst/a:ext[@uri='{DECORATIVE_URI}']/adec:decorative", namespaces=NS)
        assert mark.get("val") == "1"


def test_a_link_without_text_shows_its_address(hostile: Path) -> None:
    links = list(parts(hostile / "hostile.docx")["word/document.xml"].iter(f"{{{NS['w']}}}hyperlink"))
    assert links and {text(link) for link in links} == {"https://example.org/more"}


def test_a_hostile_reference_cannot_skip_levels_or_change_the_language(hostile: Path) -> None:
    xml = parts(hostile / "hostile-house.docx")
    assert property_problems(xml) == [] and heading_problems(xml) == []
    lang = xml["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{NS['w']}}}val") == "en"
    opened = docx.Document(str(hostile / "hostile-house.docx"))
    assert [p.text for p in opened.paragraphs if p.style is not None and p.style.name == "Heading 2"] == [
        "Its sub-section"]


# ---------------------------------------------------------------- the checker checks


def test_the_checker_finds_what_a_careless_document_lacks(tmp_path: Path) -> None:
    """A document python-docx makes with no care: each check finds its problem."""
    picture = tmp_path / "p.png"
    Image.new("RGB", (40, 20), (200, 0, 0)).save(picture)
    careless = docx.Document()
    careless.add_heading("Title", 0)
    careless.add_heading("Deep", 3)  # skips levels 1 and 2
    careless.add_table(rows=2, cols=2)  # a header row (python-docx's tblLook says so) that is empty, no title
    careless.add_picture(str(picture), width=Inches(1))  # no description
    careless.sections[0].header.paragraphs[0].add_run().add_picture(str(picture), width=Inches(0.5))
    careless.core_properties.title = ""
    careless.save(str(tmp_path / "careless.docx"))
    xml = parts(tmp_path / "careless.docx")
    assert property_problems(xml) == ["no document title (dc:title)", "no document language (dc:language)",
                                      "the runs' default language is not the document's ''"]
    assert heading_problems(xml) == ["heading 'Deep' is level 3 after level 0"]
    assert table_problems(xml) == ["table 1 has no title (w:tblCaption)",
                                   "table 1: its header row does not repeat (w:tblHeader)",
                                   "table 1: a header cell is empty", "table 1: a row may split across pages"]
    assert [p.split(": ", 2)[-1] for p in picture_problems(xml)] == ["picture 'Picture 1' has no alternative text",
                                                                     "picture 'Picture 1' is not marked decorative"]


def test_the_checker_finds_a_data_table_that_claims_no_header_row(tmp_path: Path) -> None:
    doc = Document(Meta("T"), (Heading(0, (Span("T"),)),))
    write(doc, tmp_path / "a.docx", Theme())
    careless = docx.Document(str(tmp_path / "a.docx"))
    table = careless.add_table(rows=2, cols=2)
    table._tbl.tblPr.find("w:tblLook", NS).set(f"{{{NS['w']}}}firstRow", "0")
    careless.save(str(tmp_path / "b.docx"))
    assert table_problems(parts(tmp_path / "b.docx")) == ["table 1 has no title (w:tblCaption)",
                                                          "table 1 has no header row and is not a one-cell box"]


# ---------------------------------------------------------------- the shared policies, directly


@pytest.mark.parametrize(("levels", "expected"), [
    ((0, 1, 2, 1, 2), (0, 1, 2, 1, 2)),
    ((0, 2, 2, 1), (0, 1, 1, 1)),  # siblings stay siblings
    ((0, 1, 3, 2, 3), (0, 1, 2, 2, 3)),
    ((2, 1, 2), (1, 1, 2)),
    ((0, 1, 2, 0, 2), (0, 1, 2, 0, 1)),
    ((-1, 3), (0, 1)),
])
def test_without_skipped_levels(levels: tuple[int, ...], expected: tuple[int, ...]) -> None:
    doc = Document(Meta("T"), tuple(Heading(level, (Span(f"h{n}"),)) for n, level in enumerate(levels)))
    fixed = without_skipped_levels(doc)
    assert tuple(b.level for b in fixed.blocks if isinstance(b, Heading)) == expected
    assert [b.content for b in fixed.blocks if isinstance(b, Heading)] == [
        b.content for b in doc.blocks if isinstance(b, Heading)]
    assert (fixed is doc) == (levels == expected)


@given(st.lists(st.integers(-1, 4), max_size=12))
def test_the_outline_never_skips_and_never_goes_deeper_than_asked(asked: list[int]) -> None:
    doc = Document(Meta("T"), tuple(Heading(level, (Span("h"),)) for level in asked))
    given = [b.level for b in without_skipped_levels(doc).blocks if isinstance(b, Heading)]
    previous = 0
    for old, new in zip(asked, given, strict=True):
        assert 0 <= new <= max(old, 0) and new <= previous + 1
        previous = new
    no_skips = all(0 <= b <= a + 1 for a, b in zip([0, *asked], asked, strict=False))
    assert (given == asked) == no_skips


def test_chart_alt_text_states_every_bar() -> None:
    chart = Chart("Money", "USD", (Bar("Sent", 10.0, text="nearly $10"), Bar("Back", 1.0, 3.5), Bar("Kept", 2.0)))
    assert chart.alt_text() == "Bar chart, Money, in USD. Sent: nearly $10; Back: 1 to 3.5; Kept: 2."
    assert Chart("", "", (Bar("A\nB", 1.0),)).alt_text() == "Bar chart. A B: 1."


def test_link_label_is_its_text_or_its_address() -> None:
    assert Link("the report", "https://x.org").label == "the report"
    assert Link(" \n", "https://x.org").label == "https://x.org"


def test_a_heading_inside_a_box_counts_in_the_outline(tmp_path: Path) -> None:
    from briefgen.document.nodes import Box
    doc = Document(Meta("T"), (Heading(0, (Span("T"),)), Box("Box", (Heading(2, (Span("In the box"),)),)),
                               Heading(2, (Span("After"),)), Paragraph((Span("x"),))))
    write(doc, tmp_path / "box.docx", Theme())
    assert heading_levels(parts(tmp_path / "box.docx")) == [(0, "T"), (1, "In the box"), (1, "After")]


@pytest.mark.parametrize(("language", "slots"), [
    ("en", {"val": "en", "eastAsia": "ko-KR", "bidi": "he-IL"}),
    ("ja", {"val": "ja", "eastAsia": "ja", "bidi": "he-IL"}),
    ("ar-EG", {"val": "ar-EG", "eastAsia": "ko-KR", "bidi": "ar-EG"}),
    ("hi", {"val": "hi", "eastAsia": "ko-KR", "bidi": "hi"}),
])
def test_the_default_language_fills_the_slot_of_its_script(tmp_path: Path, language: str,
                                                           slots: dict[str, str]) -> None:
    write(Document(Meta("T", language=language), (Heading(0, (Span("T"),)),)), tmp_path / "l.docx", Theme())
    xml = parts(tmp_path / "l.docx")
    lang = xml["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert {name: lang.get(f"{{{NS['w']}}}{name}") for name in slots} == slots
    assert property_problems(xml) == []
