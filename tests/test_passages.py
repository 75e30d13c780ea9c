"""Passages as analysts write them: "…" for skipped words, a passage found in several paragraphs, figures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefgen.sources.locate import Span, find
from briefgen.sources.seeds import Seed
from tests.conftest import ROOT
from tests.helpers import append_entry, model, run, save_model

NOTES = [
    "The ministry published its annual report on Monday.",
    "Drone sorties rose sharply in the north, officials said, and the unit doubled its flying hours.",
    "Training moved inland after the storms.",
    "The report gives no figure for the reserve fleet.",
    "About two-thirds of the new aircraft were built at home, the report says.",
    "Drone sorties rose sharply in the north, officials said.",
    "Budget papers show the port works cost twice the plan.",
]


def seed_of(paragraphs: list[str]) -> Seed:
    return Seed("notes.txt", "seeds/notes.txt", "\n".join(paragraphs))


def test_skipped_words_within_one_paragraph() -> None:
    found = find(seed_of(NOTES), "Drone sorties rose sharply … the unit doubled its flying hours")
    assert found.spans == (Span(2, 2),)


def test_skipped_words_across_consecutive_paragraphs_make_a_range() -> None:
    found = find(seed_of(NOTES), "Training moved inland... gives no figure for the reserve fleet")
    assert found.spans == (Span(3, 4),)
    assert seed_of(NOTES).pinpoint_span(3, 4) == "¶3\u20134"


def test_fragments_out_of_order_or_far_apart_are_not_found() -> None:
    assert find(seed_of(NOTES), "no figure for the reserve fleet … Training moved inland").spans == ()
    far = find(seed_of(NOTES), "annual report on Monday … gives no figure")
    assert far.spans == () and far.unmatched == "gives no figure"


def test_a_passage_of_nothing_but_ellipses_is_not_found() -> None:
    assert find(seed_of(NOTES), "... …").spans == ()


def test_a_passage_in_several_paragraphs_is_found_in_each() -> None:
    assert find(seed_of(NOTES), "Drone sorties rose sharply in the north").spans == (Span(2, 2), Span(6, 6))
    assert find(seed_of(NOTES), "drone  sorties rose sharply IN the north").spans == (Span(2, 2), Span(6, 6))


@pytest.fixture()
def notes_ws(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "seeds" / "notes.txt").write_text("\n".join(NOTES) + "\n", encoding="utf-8")
    append_entry(ws, "notes", "notes.txt", "Ministry of Examples")
    return ws


def add_judgment(ws: Path, statement: str, passage: str) -> None:
    data = model(ws)
    data["judgments"].append({"id": "kj-notes", "statement": statement, "confidence": "moderate", "priority": 90,
                              "evidence": [{"source": "notes", "passage": passage}]})
    save_model(ws, data)


def checked(ws: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    out = json.loads(run(ws, "check", "--json").output)
    item = next(i for i in out["items"] if i["id"] == "kj-notes")
    passage_problems = [p for p in out["problems"] if p.get("item") == "kj-notes" and
                        str(p["path"]).endswith(".passage")]
    return item["citations"], passage_problems


def test_cli_cites_a_range_for_skipped_words(notes_ws: Path) -> None:
    add_judgment(notes_ws, "Training moved inland.", "Training moved inland … no figure for the reserve fleet")
    citations, problems = checked(notes_ws)
    assert [(c["paragraph"], c.get("last_paragraph"), c["pinpoint"]) for c in citations] == [(3, 4, "¶3\u20134")]
    assert problems == []


def test_cli_names_the_fragment_not_found(notes_ws: Path) -> None:
    add_judgment(notes_ws, "Training moved inland.", "Training moved inland … the port works cost twice")
    result = run(notes_ws, "check")
    assert result.exit_code == 1
    assert "kj-notes: passage not found in seeds/notes.txt" in result.output
    assert "not found there: “the port works cost twice”" in result.output


def test_cli_warns_of_several_places_and_cites_the_one_the_item_fits(notes_ws: Path) -> None:
    add_judgment(notes_ws, "The unit doubled its flying hours as sorties rose.", "Drone sorties rose sharply")
    citations, problems = checked(notes_ws)
    assert [c["paragraph"] for c in citations] == [2]
    assert [p["severity"] for p in problems] == ["warning"]
    assert ("kj-notes: the passage is in 2 places in seeds/notes.txt (¶2, ¶6); cited ¶2, the one the item's own "
            "words fit best; the others: ¶6") in str(problems[0]["message"])


def test_cli_cites_the_first_when_the_item_fits_none_better(notes_ws: Path) -> None:
    add_judgment(notes_ws, "Something else entirely.", "Drone sorties rose sharply in the north, officials said")
    citations, problems = checked(notes_ws)
    assert [c["paragraph"] for c in citations] == [2]
    assert "cited ¶2, the first; the others: ¶6" in str(problems[0]["message"])


def add_figure(ws: Path, value: str, number: float) -> None:
    data = model(ws)
    data["figures"] = [f for f in data["figures"] if f["id"] != "fig-notes"]
    data["figures"].append({"id": "fig-notes", "label": "Aircraft built at home", "value": value, "number": number,
                            "unit": "share", "priority": 90, "evidence": [
                                {"source": "notes", "passage": "About two-thirds of the new aircraft were built"}]})
    save_model(ws, data)


@pytest.mark.parametrize("number", [0.67, 66.7, 67])
def test_a_share_in_words_takes_a_fraction_or_a_percentage(notes_ws: Path, number: float) -> None:
    add_figure(notes_ws, "about two-thirds", number)
    assert "fig-notes" not in run(notes_ws, "check").output


def test_figure_messages_say_what_number_was_read(notes_ws: Path) -> None:
    add_figure(notes_ws, "about two-thirds", 2)
    result = run(notes_ws, "check")
    assert result.exit_code == 1
    assert ("fig-notes: number 2 is not a number of the value 'about two-thirds', which reads as 0.6667 (66.7%)"
            in result.output)
    add_figure(notes_ws, "three quarters", 0.75)
    result = run(notes_ws, "check")
    assert "0.75 (75%) (read from the value 'three quarters') does not appear in any of its passages" in result.output
    assert "its passages state 0.6667 (66.7%)" in result.output


def test_a_range_is_what_the_footnotes_print(notes_ws: Path) -> None:
    from pypdf import PdfReader

    (notes_ws / "templates").mkdir()
    add_judgment(notes_ws, "Training moved inland.", "Training moved inland … no figure for the reserve fleet")
    result = run(notes_ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(notes_ws / "output/analyst.pdf").pages)
    assert "¶3\u20134" in text
