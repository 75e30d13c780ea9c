"""The generated source summary statement (ICD 206) as a reader finds it in the built DOCX brief.

The expected sentences are worked out from seeds/sources.yaml by hand: two cited sources, one news article and
one news digest, both with information dated 2025-09-18, the digest's originator not named."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import catalogue_entry, model, run, save_model
from tests.readback import read_docx

SHIPPED_SUMMARY = (
    "This brief rests on 2 published sources (1 news article, 1 news digest), with information dated 18 September "
    "2025. 1 of them does not name an originator. Global South World: Online news article relaying North Korean "
    "state media (KCNA) reporting and a Reuters photograph, with a 38 North finding; no named author, and it "
    "concedes the drones' sophistication is uncertain. Originator unknown: Unattributed AI-industry news digest "
    "summarising state media, a US Defense Intelligence Agency report, a 38 North analysis and a German "
    "think-tank estimate; secondary reporting, no author or date given.")


def _summary_paragraph(ws: Path, audience: str) -> str:
    """Build one audience's DOCX and return the body paragraph that holds the source summary."""
    result = run(ws, "build", "-a", audience, "-f", "docx")
    assert result.exit_code == 0, result.output
    found = [p for p in read_docx(ws / f"output/{audience}.docx").paragraphs if "This brief " in p]
    assert len(found) == 1, found
    return found[0].replace("’", "'")


def _add_report(ws: Path, source_id: str, published: str, originator: str = "null") -> str:
    """Catalogue a new seed of kind `report`, published `published`; returns a passage it holds."""
    passage = f"The {source_id} paper reports on drone production lines."
    (ws / f"seeds/{source_id}.txt").write_text(passage + "\n", encoding="utf-8")
    entry = catalogue_entry(source_id, f"{source_id}.txt", originator)
    path = ws / "seeds/sources.yaml"
    text = path.read_text(encoding="utf-8")
    marking = "    marking: TLP:CLEAR\n" if "\nmarkings:" in text else ""  # as the shipped sources are
    path.write_text(text.rstrip("\n") + "\n" + entry.replace('"2025-09"', f'"{published}"') + marking,
                    encoding="utf-8")
    return passage


def _cite_in_a_gap(ws: Path, gap_id: str, source_id: str, passage: str) -> None:
    data = model(ws)
    data["gaps"].append({"id": gap_id, "statement": f"What {source_id} leaves open is unknown.",
                         "evidence": [{"source": source_id, "passage": passage}]})
    save_model(ws, data)


def test_analyst_brief_states_the_shipped_sources_kinds_date_and_unnamed_originator(workspace: Path) -> None:
    assert _summary_paragraph(workspace, "analyst") == f"Source summary. {SHIPPED_SUMMARY}"


def test_summary_counts_kinds_in_the_plural_spans_the_dates_and_counts_unnamed_originators(
        workspace: Path) -> None:
    for source_id, published in (("report-july", "2025-07"), ("report-august", "2025-08")):
        _cite_in_a_gap(workspace, f"gap-{source_id}", source_id, _add_report(workspace, source_id, published))
    unnamed = "Originator unknown: A document written by the test."
    assert _summary_paragraph(workspace, "analyst") == (
        "Source summary. This brief rests on 4 published sources (2 reports, 1 news article, 1 news digest), with "
        "information dated July 2025 to 18 September 2025. 3 of them do not name an originator. "
        + SHIPPED_SUMMARY.split("originator. ", 1)[1] + f" {unnamed}")  # the two reports' one description, once


def test_a_catalogued_source_that_no_shown_item_cites_is_left_out_of_the_summary(workspace: Path) -> None:
    _add_report(workspace, "report-uncited", "2025-01", originator="Test Institute")
    assert _summary_paragraph(workspace, "analyst") == f"Source summary. {SHIPPED_SUMMARY}"


def test_a_brief_resting_on_one_named_source_says_so_in_the_singular(workspace: Path) -> None:
    # judgments and gaps on the Global South World article's passages alone: the digest stays catalogued but
    # is cited nowhere (figures and quotes, tied to particular passages, are left out)
    data = model(workspace)
    keep = "gsw-ai-arms-race"
    data["brief"]["bluf_evidence"] = [ev for ev in data["brief"]["bluf_evidence"] if ev["source"] == keep]
    data["figures"], data["quotes"] = [], []
    for section in ("judgments", "gaps"):
        for item in data[section]:
            item["evidence"] = [ev for ev in item.get("evidence", []) if ev["source"] == keep]
        data[section] = [item for item in data[section] if item["evidence"]]
    assert data["judgments"]
    save_model(workspace, data)
    assert _summary_paragraph(workspace, "analyst") == (
        "Source summary. This brief rests on 1 published source (1 news article), with information dated 18 September "
        "2025. " + SHIPPED_SUMMARY.split("originator. ", 1)[1].split(" Originator unknown:")[0])


def test_each_description_is_a_sentence_said_once(workspace: Path) -> None:
    """Two entries of one originator with one description (the PDF and the web page of a report) are described
    once; a description written without a full stop still ends as a sentence before the next one begins."""
    for source_id in ("report-pdf", "report-page"):
        _cite_in_a_gap(workspace, f"gap-{source_id}", source_id,
                       _add_report(workspace, source_id, "2025-08", originator="Test Institute"))
    path = workspace / "seeds/sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("A document written by the test.",
                                                             "Quarterly review, figures from port logs"), "utf-8")
    said = _summary_paragraph(workspace, "analyst")
    assert said.endswith("no author or date given. Test Institute: Quarterly review, figures from port logs."), said
