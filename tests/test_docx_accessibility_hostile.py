"""Issue 16, point 3, against hostile input: a template that skips heading levels or gives a link no text, a logo,
and a reference document whose styles skip outline levels, whose Normal is a heading and whose language is
another; the checker (`tests/docx_access.py`) shown to fail documents made without care; and the policies every
writer shares (`document/outline.py`, `Chart.alt_text`, `Link.label`) tested directly."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.shared import Inches
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from briefgen.document.nodes import Bar, Box, Chart, Document, Heading, Link, Meta, Paragraph, Span, Theme
from briefgen.document.outline import without_skipped_levels
from briefgen.writers.docx import write
from tests.conftest import ROOT
from tests.docx_access import (
    DECORATIVE_URI,
    NS,
    heading_levels,
    heading_problems,
    parts,
    picture_problems,
    problems,
    property_problems,
    table_problems,
    text,
)
from tests.helpers import run

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
    """A reference with a letterhead (text and a picture in its header), made hostile: Heading 2 at outline
    level 6, Normal a heading, German by default."""
    logo = path.with_suffix(".png")
    Image.new("RGB", (240, 80), (20, 60, 120)).save(logo)
    reference = docx.Document()
    header = reference.sections[0].header.paragraphs[0]
    header.add_run("Northwind Analysis Unit\t\t")
    header.add_run().add_picture(str(logo), height=Inches(0.3))
    styles = reference.styles
    styles["Heading 2"]._element.get_or_add_pPr()._insert_outlineLvl(_outline(5))
    styles["Normal"]._element.get_or_add_pPr()._insert_outlineLvl(_outline(0))
    lang = styles.element.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    lang.set(f"{{{NS['w']}}}val", "de-DE")
    reference.save(str(path))
    return path


def _outline(level: int) -> object:
    element = OxmlElement("w:outlineLvl")
    element.set(f"{{{NS['w']}}}val", str(level))
    return element


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template that skips levels and gives a link no text, with a logo; the same with a hostile reference."""
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


def test_the_pdf_of_a_template_that_skips_levels_nests_its_headings_as_the_docx_does(hostile: Path) -> None:
    """Both writers apply `without_skipped_levels`: the PDF's structure tree passes the PDF/UA heading rules and
    its headings carry the levels the DOCX gives them."""
    import pikepdf

    from tests.pdfua import check_pdf

    result = run(hostile.parent, "build", "-a", "hostile", "-f", "pdf")
    assert result.exit_code == 0, result.output
    pdf = hostile / "hostile.pdf"
    assert check_pdf(pdf) == []
    with pikepdf.open(pdf) as opened:
        kinds = [str(e.S)[1:] for e in _elements(opened.Root.StructTreeRoot) if str(e.S).startswith("/H")]
    docx_levels = [level for level, _ in heading_levels(parts(hostile / "hostile.docx"))]
    # the template prints no title, so its first section heading is the tree's H1 (Matterhorn 14-002)
    assert kinds == [f"H{level}" for level in docx_levels] and kinds[0] == "H1"


def _elements(node: object) -> list[object]:
    """Structure elements in document order."""
    import pikepdf

    found: list[object] = []
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.append(kid)
            found += _elements(kid)
    return found
