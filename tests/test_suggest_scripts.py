"""Suggestions worth pasting: units filled in, labels and dates left out, quotations of every script, ranked
by how much they say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.authoring.suggest import words_in
from tests.helpers import append_entry, model, run, save_model

LINES = [
    "Report No. 41 of the commission, published on 18 September 2025, covers section 3 and page 12 of the annex.",
    "1. Exports fell by 98 percent in the first quarter, to $12 million.",
    "2. Imports rose 7% while the fund lent €250 million.",
    "وقال الوزير «إن المفاوضات ستستمر حتى نهاية العام المقبل» في مؤتمر صحفي.",
    "发言人表示：「我们将继续推进这项合作计划」。",
    "Der Minister sagte: „Wir werden die Gespräche fortsetzen“.",
    "The officer called it ‘a routine training flight near the border’ on Monday.",
    "Министр заявил: «Переговоры продолжатся в следующем месяце».",
    "A spokesman said it was “not a concern” at all.",
    "The review is dated 2025-09-18 and was revised on 03/10/2025.",
]


@pytest.fixture()
def ws(workspace: Path) -> Path:
    (workspace / "seeds" / "mixed.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    append_entry(workspace, "mixed", "mixed.txt", "Commission of Examples")
    return workspace


def suggestions(ws: Path) -> list[dict[str, Any]]:
    result = run(ws, "suggest", "mixed", "-n", "50")
    assert result.exit_code == 0, result.output
    items = yaml.safe_load(result.output)
    assert isinstance(items, list)
    return items


def test_percent_and_currency_units_are_filled_in(ws: Path) -> None:
    figures = {s["value"]: s for s in suggestions(ws) if "value" in s}
    assert (figures["98 percent"]["number"], figures["98 percent"]["unit"]) == (98, "percent")
    assert (figures["7%"]["number"], figures["7%"]["unit"]) == (7, "percent")
    assert (figures["$12 million"]["number"], figures["$12 million"]["unit"]) == (12_000_000, "US dollars")
    assert (figures["€250 million"]["number"], figures["€250 million"]["unit"]) == (250_000_000, "euros")


def test_labels_list_numbers_and_dates_are_not_offered(ws: Path) -> None:
    values = {str(s["value"]) for s in suggestions(ws) if "value" in s}
    assert values == {"98 percent", "$12 million", "7%", "€250 million"}


def test_quotations_of_every_script_are_offered(ws: Path) -> None:
    texts = [s["text"] for s in suggestions(ws) if "text" in s]
    assert set(texts) == {
        "إن المفاوضات ستستمر حتى نهاية العام المقبل", "我们将继续推进这项合作计划",
        "Wir werden die Gespräche fortsetzen",
        "a routine training flight near the border", "Переговоры продолжатся в следующем месяце", "not a concern"}


def test_quotations_rank_by_what_they_say_not_by_script(ws: Path) -> None:
    texts = [s["text"] for s in suggestions(ws) if "text" in s]
    assert texts == sorted(texts, key=lambda t: -words_in(t))
    assert texts.index("我们将继续推进这项合作计划") < texts.index("not a concern")
    assert words_in("我们将继续推进这项合作计划") == 6.5 and words_in("not a concern") == 3


def test_a_pasted_percent_figure_verifies(ws: Path) -> None:
    figure = next(s for s in suggestions(ws) if s.get("value") == "98 percent")
    figure["label"] = "Fall in exports"
    data = model(ws)
    data["figures"].append(figure)
    save_model(ws, data)
    result = run(ws, "check")
    assert figure["id"] not in result.output, result.output
