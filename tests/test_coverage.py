"""`briefgen coverage`: cited paragraphs per seed, and the substantive ones not used yet."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import SEED_002, model, run


def test_coverage_lists_cited_and_open_paragraphs(workspace: Path) -> None:
    result = run(workspace, "coverage", "--json")
    assert result.exit_code == 0
    report = {entry["file"]: entry for entry in json.loads(result.output)}
    digest = report[SEED_002]
    dia = next(i["id"] for i in model(workspace)["quotes"] if "Defense Intelligence" in i["speaker"])
    assert any(dia in ids for ids in digest["cited"].values())
    # paragraph 8 of the digest ("What you should know: Kim presided over performance tests …") is not cited
    assert digest["uncited"]["8"].startswith("What you should know:")
    assert "Join Now" not in digest["uncited"].values()  # page furniture is not substantive
    assert 0 < digest["share_cited"] < 1


def test_coverage_text_report_counts_cited_paragraphs_and_lists_the_uncited(workspace: Path) -> None:
    result = run(workspace, "coverage")
    assert "paragraphs cited" in result.output and "not cited:" in result.output
