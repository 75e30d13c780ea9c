"""The likelihood lint knows the whole ICD 203 table, both rows, and the usual ways of writing its terms."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from briefgen.model.schema import ALL_LIKELIHOODS
from briefgen.verify.lint import VARIANTS
from tests.helpers import model, run, save_model


def statement_warnings(ws: Path, statement: str, likelihood: str | None = None,
                       row: str | None = None) -> list[tuple[str, str]]:
    data = model(ws)
    judgment = dict(copy.deepcopy(data["judgments"][0]), id="kj-lint", statement=statement)
    judgment.pop("likelihood", None)
    if likelihood:
        judgment["likelihood"] = likelihood
    data["judgments"].append(judgment)
    if row:
        data["brief"]["likelihood_row"] = row
    save_model(ws, data)
    out = json.loads(run(ws, "check", "--json").output)
    return [(p["message"], p["hint"]) for p in out["problems"]
            if p.get("item") == "kj-lint" and p["path"].endswith(".statement")]


def test_probably_outside_the_declared_row_and_with_no_likelihood(workspace: Path) -> None:
    found = statement_warnings(workspace, "Pyongyang will probably test the drone again this year.")
    assert found == [
        ("kj-lint: uses 'probably' (ICD 203 'probable'), of the 'probability' row, outside the declared "
         "'likelihood' row", "say 'likely', the 'likelihood' row's term for it"),
        ("kj-lint: says 'probably' (ICD 203 'probable'), of the 'probability' row, but declares no likelihood",
         "add `likelihood: likely`")]


def test_almost_certainly_where_the_model_declares_the_probability_row(workspace: Path) -> None:
    found = statement_warnings(workspace, "The unit will almost certainly grow.", "nearly certain", "probability")
    assert found == [("kj-lint: uses 'almost certainly' (ICD 203 'almost certain'), of the 'likelihood' row, "
                      "outside the declared 'probability' row", "say 'nearly certain', the 'probability' row's "
                      "term for it")]


def test_a_variant_of_the_declared_term_is_fine(workspace: Path) -> None:
    assert statement_warnings(workspace, "A further test is highly likely.", "very likely") == []


@pytest.mark.parametrize("term", [*ALL_LIKELIHOODS, *VARIANTS])
def test_every_term_and_variant_is_recognised(workspace: Path, term: str) -> None:
    found = statement_warnings(workspace, f"The programme is {term} to expand.")
    assert any(f"'{term}'" in message and "declares no likelihood" in message for message, _ in found), found


def _single_source_warnings(ws: Path, statement: str) -> list[tuple[str, str]]:
    data = model(ws)
    judgment = dict(copy.deepcopy(data["judgments"][0]), id="kj-lint", statement=statement)
    judgment["evidence"] = judgment["evidence"][:1]
    data["judgments"] = [j for j in data["judgments"] if j["id"] != "kj-lint"] + [judgment]
    save_model(ws, data)
    out = json.loads(run(ws, "check", "--json").output)
    return [(p["message"], p["hint"]) for p in out["problems"]
            if p.get("item") == "kj-lint" and p["path"].endswith(".evidence")]


@pytest.mark.parametrize("says", ["on single-source reporting", "(single source)", "from one source",
                                  "though the report is uncorroborated", "a claim not yet corroborated"])
def test_following_the_single_source_hint_clears_the_warning(workspace: Path, says: str) -> None:
    """The warning's hint offers to say in the statement that it is single-source: saying so clears it."""
    plain = "Kim Jong Un has made drones a top priority of the armed forces."
    found = _single_source_warnings(workspace, plain)
    assert [m for m, _ in found] == ["kj-lint: rests on a single originator"]
    assert "'single-source', 'one source', 'uncorroborated'" in found[0][1]
    assert _single_source_warnings(workspace, plain[:-1] + ", " + says + ".") == []
