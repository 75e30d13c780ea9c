"""Markings end to end: an internal memo above the public ceiling, cited by a judgment, a charted figure, a
quote and the BLUF, leaves no trace in either format of the public brief; the analyst brief shows it under
the rolled-up banner with portion marks; mistakes are located errors; the spillage check fires."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import copy_workspace, edit, model, published, run, save_model
from tests.marked import (
    MEMO,
    MEMO_FILE,
    SECRET_BLUF,
    SECRET_STATEMENT,
    SECRETS,
    contains,
    docx_words,
    marked_workspace,
    pdf_words,
)
from tests.readback import read_docx, read_pdf

READERS = {"docx": docx_words, "pdf": pdf_words}


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    ws = marked_workspace(tmp_path_factory.mktemp("marked"))
    result = run(ws, "build")
    assert result.exit_code == 0, result.output
    return ws, result.output


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_public_brief_holds_no_trace_of_the_memo(marked: tuple[Path, str], fmt: str) -> None:
    words = READERS[fmt](marked[0] / "output" / f"public.{fmt}")
    assert [s for s in SECRETS if contains(words, s)] == []
    assert "TLP:AMBER" not in words and "TLP:CLEAR // Public information".upper() in words.upper()
    assert "seed file" not in words and "seeds/" not in words  # no internal paths in a public brief
    assert "published source" in words  # true: it cites only TLP:CLEAR sources


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_analyst_brief_shows_the_memo_marked(marked: tuple[Path, str], fmt: str) -> None:
    words = READERS[fmt](marked[0] / "output" / f"analyst.{fmt}")
    assert all(contains(words, s) for s in SECRETS if s != MEMO["id"])  # ids are never printed
    assert contains(words, f"(TLP:AMBER) {SECRET_STATEMENT}")
    assert contains(words, f"(TLP:AMBER) {SECRET_BLUF}")
    assert contains(words, f"seed file seeds/{MEMO_FILE}")


def test_banner_is_rolled_up_on_every_page(marked: tuple[Path, str]) -> None:
    out = marked[0] / "output"
    expected = {"analyst": "TLP:AMBER // FOR OFFICIAL USE // ANALYST WORKING BRIEF",
                "executive": "TLP:AMBER // FOR OFFICIAL USE // OPEN-SOURCE ASSESSMENT",
                "public": "TLP:CLEAR // PUBLIC INFORMATION"}
    for audience, banner in expected.items():
        pdf = read_pdf(out / f"{audience}.pdf")
        assert len(pdf.pages) >= 1
        for page in pdf.pages:  # top and bottom of every page
            assert page.upper().count(banner) >= 2, (audience, page[:200])
        docx = read_docx(out / f"{audience}.docx")
        assert docx.paragraphs[0].upper() == banner
        header, later_header, first_footer, footer = (text.upper() for text in docx.furniture)
        assert banner not in header and all(banner in t for t in (later_header, first_footer, footer))


def test_build_line_counts_withheld_items(marked: tuple[Path, str]) -> None:
    lines = marked[1].splitlines()
    public = [line for line in lines if line.startswith("output/public.")]
    assert len(public) == 2 and all(line.endswith("; 3 items withheld for the ceiling") for line in public)
    assert not any("withheld" in line for line in lines if "public" not in line)


def test_check_json_coverage_and_audiences_know_markings(marked: tuple[Path, str]) -> None:
    ws = marked[0]
    items = {i["id"]: i["marking"] for i in json.loads(run(ws, "check", "--json").output)["items"]}
    assert items["kj-sunan-lines"] == items["bluf"] == "TLP:AMBER"
    assert items["bluf:0"] == items["kj-ai-top-priority"] == "TLP:CLEAR"
    assert "cited by kj-sunan-lines (TLP:AMBER)" in run(ws, "coverage").output
    rows = [line.split() for line in run(ws, "audiences").output.splitlines()]
    assert {row[0]: row[4] for row in rows[1:]} == {"analyst": "highest", "executive": "TLP:AMBER", "public": "lowest"}


def test_spillage_check_stops_a_template_that_prints_withheld_text(marked: tuple[Path, str],
                                                                 tmp_path: Path) -> None:
    ws = copy_workspace(marked[0], tmp_path)
    before = published(ws)
    (ws / "templates/public.xml.j2").write_text(
        '{% extends "base.xml.j2" %}{% block sources %}<p>' + SECRET_STATEMENT + "</p>{% endblock %}",
        encoding="utf-8")
    result = run(ws, "build")
    assert result.exit_code == 1
    assert ("output/public.docx: spillage: the public brief holds withheld judgment 'kj-sunan-lines' "
            "(statement), found in word/document.xml") in result.output
    assert "output/public.pdf: spillage: the public brief holds withheld judgment 'kj-sunan-lines' " in result.output
    assert published(ws) == before  # no brief replaced, no history, no lock change
    assert not list((ws / "output").glob(".*.tmp"))  # the staged files are gone


def test_spillage_check_stops_a_template_that_prints_a_withheld_items_passage(marked: tuple[Path, str],
                                                                             tmp_path: Path) -> None:
    """The seed's words a withheld judgment cites are withheld too, not only the judgment's own words."""
    ws = copy_workspace(marked[0], tmp_path)
    before = published(ws)
    passage = "Serial production of strike drones at the Sunan works is already under way."
    (ws / "templates/public.xml.j2").write_text(
        '{% extends "base.xml.j2" %}{% block sources %}<p>' + passage + "</p>{% endblock %}", encoding="utf-8")
    result = run(ws, "build")
    assert result.exit_code == 1
    assert ("output/public.pdf: spillage: the public brief holds withheld evidence of 'kj-sunan-lines' (its passage "
            "of 'cell7-memo'), found in the PDF text of page") in result.output, result.output
    assert published(ws) == before


def test_no_releasable_bluf_is_a_located_error(marked: tuple[Path, str], tmp_path: Path) -> None:
    ws = copy_workspace(marked[0], tmp_path)
    before = published(ws)
    data = model(ws)
    del data["brief"]["releasable"]
    save_model(ws, data)
    result = run(ws, "build")
    assert result.exit_code == 1
    assert "ceiling: the public brief may not show the BLUF (marked TLP:AMBER)" in result.output
    assert published(ws) == before


def test_item_marked_below_its_source(marked: tuple[Path, str], tmp_path: Path) -> None:
    ws = copy_workspace(marked[0], tmp_path)
    data = model(ws)
    data["judgments"][0]["marking"] = "TLP:GREEN"
    save_model(ws, data)
    result = run(ws, "check")
    assert result.exit_code == 1
    assert ("judgments[0].marking: kj-sunan-lines: marked TLP:GREEN, below TLP:AMBER of the source 'cell7-memo' "
            "it cites") in result.output


def test_every_source_needs_a_marking_once_one_has(marked: tuple[Path, str], tmp_path: Path) -> None:
    ws = copy_workspace(marked[0], tmp_path)
    edit(ws / "seeds/sources.yaml", "    marking: TLP:CLEAR\n", "")
    result = run(ws, "check")
    assert result.exit_code == 1
    expected = "sources[0].marking: source 'gsw-ai-arms-race' has no marking, while other sources carry one"
    assert expected in result.output


def test_a_workspace_without_markings_builds_as_before(tmp_path: Path) -> None:
    ws = marked_workspace(tmp_path)
    text = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    text = text.replace("markings: tlp\n", "").replace("    marking: TLP:CLEAR\n", "")
    (ws / "seeds/sources.yaml").write_text(text.replace('    marking: "TLP:AMBER"\n', ""), encoding="utf-8")
    data = model(ws)
    data["brief"].pop("releasable")
    save_model(ws, data)
    result = run(ws, "build", "-a", "public", "-f", "pdf")
    assert result.exit_code == 0, result.output
    words = pdf_words(ws / "output/public.pdf")
    assert "TLP" not in words and contains(words, SECRET_STATEMENT)  # nothing marked: nothing withheld
    assert "published source" not in words  # and nothing claims the sources are published


def _scheme_workspace(folder: Path, scheme: str, memo: str, shipped: str) -> Path:
    ws = marked_workspace(folder)
    text = (ws / "seeds/sources.yaml").read_text(encoding="utf-8").replace("markings: tlp", scheme)
    text = text.replace("marking: TLP:CLEAR", f"marking: {shipped}").replace('"TLP:AMBER"', memo)
    (ws / "seeds/sources.yaml").write_text(text, encoding="utf-8")
    data = model(ws)
    data["brief"]["releasable"][0]["marking"] = shipped
    save_model(ws, data)
    return ws


def test_a_workspace_scheme_prints_its_own_banner_and_portion_marks(tmp_path: Path) -> None:
    scheme = 'markings: [OPEN, {name: STAFF, banner: "STAFF ONLY", portion: S}]'
    ws = _scheme_workspace(tmp_path, scheme, "STAFF", "OPEN")
    result = run(ws, "build", "-a", "analyst", "-a", "public", "-f", "pdf")
    assert result.exit_code == 0, result.output
    analyst, public = (pdf_words(ws / "output" / f"{a}.pdf") for a in ("analyst", "public"))
    assert analyst.startswith("STAFF ONLY // FOR OFFICIAL USE") and contains(analyst, f"(S) {SECRET_STATEMENT}")
    assert public.startswith("OPEN // PUBLIC INFORMATION") and not contains(public, SECRET_STATEMENT)


def test_tlp_is_the_default_scheme_and_generic_is_shipped(tmp_path: Path) -> None:
    unnamed = _scheme_workspace(tmp_path / "tlp", "", '"TLP:RED"', "TLP:GREEN")
    items = {i["id"]: i["marking"] for i in json.loads(run(unnamed, "check", "--json").output)["items"]}
    assert items["kj-sunan-lines"] == "TLP:RED" and items["kj-ai-top-priority"] == "TLP:GREEN"
    generic = _scheme_workspace(tmp_path / "generic", "markings: generic", "RESTRICTED", "PUBLIC")
    result = run(generic, "build", "-a", "public", "-f", "docx")
    assert result.exit_code == 0, result.output
    assert read_docx(generic / "output/public.docx").paragraphs[0] == "PUBLIC // Public information"
