"""`briefgen suggest`: unmodelled numbers and quotations, printed as YAML that verifies once pasted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

import briefgen.writers  # noqa: F401  (its bidi support goes in before reportlab is first imported)
from tests.helpers import append_entry, lines_pdf, model, run, save_model


def _snippets(output: str) -> list[dict[str, Any]]:
    """Each suggestion is a commented one-item YAML list; together they still parse as one list."""
    items = yaml.safe_load(output)
    assert isinstance(items, list)
    return items


def _paste(ws: Path, section: str, item: dict[str, Any]) -> None:
    data = model(ws)
    data.setdefault(section, []).append(item)
    save_model(ws, data)


def test_a_removed_figure_is_suggested_and_verifies_once_pasted(workspace: Path) -> None:
    data = model(workspace)
    data["figures"] = [f for f in data["figures"] if "457" not in f["value"]]
    save_model(workspace, data)

    result = run(workspace, "suggest", "-n", "50")
    assert result.exit_code == 0, result.output
    figure = next(s for s in _snippets(result.output) if s.get("value") == "$457 million to $1.19 billion")
    assert figure["number"] == 457_000_000 and figure["number_high"] == 1_190_000_000
    passage = figure["evidence"][0]["passage"]
    assert "$457 million to $1.19 billion" in passage
    assert passage in "".join(p.read_text(encoding="utf-8") for p in (workspace / "seeds").glob("*.txt"))

    figure.update(label="Value received by North Korea", unit="US dollars")
    _paste(workspace, "figures", figure)
    checked = run(workspace, "check")
    assert checked.exit_code == 0, checked.output
    assert "quotation marks" not in checked.output  # the page does quote it, over the line end


def test_a_quote_suggestion_verifies_once_pasted(workspace: Path) -> None:
    result = run(workspace, "suggest", "ai-digest-top-priority")
    quote = next(s for s in _snippets(result.output) if "text" in s)
    assert quote["evidence"][0]["source"] == "ai-digest-top-priority"
    assert f"“{quote['text']}”" in quote["evidence"][0]["passage"]
    quote.update(speaker="Kim Jong Un", context="As reported by the digest")
    _paste(workspace, "quotes", quote)
    checked = run(workspace, "check")
    assert checked.exit_code == 0, checked.output
    assert "quotation marks" not in checked.output  # the page does quote it, over the line end


def test_dates_years_and_names_are_not_figures(workspace: Path) -> None:
    found = {str(s.get("value")) for s in _snippets(run(workspace, "suggest", "-n", "200").output)}
    # "September 18, 2025", "in 2022" and "38 North" all stand in the seeds, and none is a key figure
    seeds = "".join(p.read_text(encoding="utf-8") for p in (workspace / "seeds").glob("*.txt"))
    assert "September 18, 2025" in seeds and "38 North" in seeds
    assert not found & {"18", "2025", "2022", "38", "18,", "2025,"}


def test_the_same_words_are_suggested_once(workspace: Path) -> None:
    texts = [s["text"] for s in _snippets(run(workspace, "suggest", "-n", "200").output) if "text" in s]
    assert texts.count("top priority") == 1


def test_unknown_seed_is_a_clear_error(workspace: Path) -> None:
    result = run(workspace, "suggest", "no-such-source")
    assert result.exit_code == 1
    assert "no-such-source" in result.output and "sources.yaml" in result.output


def test_a_pdf_seed_is_suggested_with_page_and_paragraph(workspace: Path) -> None:
    from tests.helpers import append_entry
    from tests.seed_fixtures import PASSAGE, pdf_seed

    page, on_page, _ = pdf_seed(workspace / "seeds" / "report.pdf")
    append_entry(workspace, "drone-report", "report.pdf", "Example Institute")
    result = run(workspace, "suggest", "drone-report")
    assert result.exit_code == 0, result.output
    assert f"# seeds/report.pdf p. {page}, ¶{on_page}: a number" in result.output
    figure = next(s for s in _snippets(result.output) if s.get("number") == 412)
    assert PASSAGE in figure["evidence"][0]["passage"]


def test_a_word_a_pdf_line_end_hyphenated_is_suggested_whole(workspace: Path) -> None:
    """The quotation runs over a line end that cuts "expand-" "ing": suggested as the page reads it,
    "expanding", and it verifies once pasted."""
    lines = ["The minister told the assembly that the shipyard was \u201cexpand-",
             "ing its dry docks faster than planned\u201d and would finish by May."]
    (workspace / "seeds" / "yard.pdf").write_bytes(lines_pdf(lines))
    append_entry(workspace, "yard-report", "yard.pdf", "Example Institute")
    result = run(workspace, "suggest", "yard-report")
    assert result.exit_code == 0, result.output
    quote = next(s for s in _snippets(result.output) if "text" in s)
    assert quote["text"] == "expanding its dry docks faster than planned"
    quote.update(speaker="The minister", context="Told the assembly")
    _paste(workspace, "quotes", quote)
    checked = run(workspace, "check")
    assert checked.exit_code == 0, checked.output
    assert "quotation marks" not in checked.output  # the page does quote it, over the line end


def test_a_notes_number_is_no_figure_and_a_quote_leaves_its_comma(workspace: Path) -> None:
    """A note's number glued to the word before it ("the recovery.12", as a DOCX's or a web page's notes read
    in the seed's text) was suggested as a figure of 12; quoted words that lead back into the sentence
    ("“... spring,” said") were suggested with their comma, which the brief then printed inside its marks."""
    (workspace / "seeds" / "port.txt").write_text(
        "Analysts cautioned that fuel costs could slow the recovery.12 Shippers agreed.[7]\n\n"
        "“We expect volumes to stay high through the spring,” said the harbour director.\n", encoding="utf-8")
    append_entry(workspace, "port", "port.txt", "Harbour Gazette")
    found = _snippets(run(workspace, "suggest", "port").output)
    assert not [s for s in found if "value" in s], found  # 12 and [7] are the numbers of notes, not figures
    (quote,) = [s for s in found if "text" in s]
    assert quote["text"] == "We expect volumes to stay high through the spring"
    assert quote["id"] == "q-we-expect-volumes-to-stay-high"  # cut at a word's end, not "...-high-t"
    quote.update(speaker="The harbour director", context="Speaking to the gazette")
    _paste(workspace, "quotes", quote)
    checked = run(workspace, "check")
    assert checked.exit_code == 0, checked.output
    assert "quotation marks" not in checked.output  # the words stand between the marks without the comma
