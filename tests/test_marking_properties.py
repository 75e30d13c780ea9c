"""Property (hypothesis): random TLP markings on the sources and items of the marked workspace and random
ceilings on the three audiences. For every audience, the read-back text of both formats holds nothing marked
above its ceiling, and the banner names the highest marking among what the brief does show.

The effective markings are computed here from the drawn levels (an item: the highest of its own and its
sources'), not asked of briefgen. Each example builds three audiences in two formats, so the example count
is kept small (8; `HYPOTHESIS_PROFILE=thorough` does not raise it)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import model, run, save_model
from tests.marked import contains, docx_words, marked_workspace, pdf_words, plain
from tests.readback import read_docx, read_pdf

LEVELS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
AUDIENCES = ("analyst", "executive", "public")
SOURCE_IDS = ("gsw-ai-arms-race", "ai-digest-top-priority", "cell7-memo")
SECTIONS = {"judgments": "statement", "figures": "label", "quotes": "text", "gaps": "statement"}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return marked_workspace(tmp_path_factory.mktemp("prop"))


def _draw_items(data: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(section, item["id"], i) for section in SECTIONS for i, item in enumerate(data.get(section, []))]


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "sources": {sid: draw(st.integers(0, 4)) for sid in SOURCE_IDS},
        "bumps": draw(st.lists(st.integers(0, 4) | st.none(), min_size=40, max_size=40)),
        "ceilings": {a: draw(st.none() | st.integers(0, 4)) for a in AUDIENCES},
    }


def _apply(ws: Path, scenario: dict[str, Any]) -> dict[str, int]:
    """Write the drawn markings; return the effective rank of every item, computed here."""
    text = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    for sid, rank in scenario["sources"].items():
        head, rest = re.split(rf'id: "?{sid}"?\n', text, maxsplit=1)
        before, marking, after = rest.partition("marking: ")
        line_end = after.index("\n")
        text = f"{head}id: {sid}\n{before}{marking}\"{LEVELS[rank]}\"{after[line_end:]}"
    (ws / "seeds/sources.yaml").write_text(text, encoding="utf-8")
    data = model(ws)
    ranks: dict[str, int] = {}

    def mark(item: dict[str, Any], key: str, bump: int | None, evidence: list[dict[str, str]]) -> int:
        floor = max((scenario["sources"][e["source"]] for e in evidence), default=0)
        effective = floor if bump is None else min(4, floor + bump)
        releasable = key == "marking" and "bluf" in item  # a releasable BLUF always states its marking
        if bump is not None or releasable:
            item[key] = LEVELS[effective]
        return effective

    bumps = iter(scenario["bumps"])
    brief = data["brief"]
    ranks["bluf"] = mark(brief, "bluf_marking", next(bumps), brief["bluf_evidence"])
    releasable = brief["releasable"][0]
    ranks["bluf:0"] = mark(releasable, "marking", next(bumps), releasable["evidence"])
    for section, item_id, i in _draw_items(data):
        item = data[section][i]
        ranks[item_id] = mark(item, "marking", next(bumps), item.get("evidence", []))
    save_model(ws, data)
    for audience, ceiling in scenario["ceilings"].items():
        profile = (ws / "templates" / f"{audience}.yaml")
        shipped = Path(__file__).parents[1] / "briefgen/templates" / f"{audience}.yaml"
        lines = [ln for ln in shipped.read_text(encoding="utf-8").splitlines() if not ln.startswith("ceiling:")]
        # no ceiling drawn: everything, said as a profile must say it under markings (`ceiling: highest`)
        lines.append(f'ceiling: "{LEVELS[ceiling]}"' if ceiling is not None else "ceiling: highest")
        profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ranks


def _texts(data: dict[str, Any], public: bool) -> dict[str, list[str]]:
    """What identifies each item in a brief (the public brief prints a judgment's plain wording)."""
    found = {"bluf": [data["brief"]["bluf"]], "bluf:0": [data["brief"]["releasable"][0]["bluf"]]}
    for section, key in SECTIONS.items():
        for item in data.get(section, []):
            shown = item.get("plain") if public and section == "judgments" and item.get("plain") else item[key]
            found[item["id"]] = [shown, *([item["statement"]] if section == "judgments" else [])]
    return found


@settings(max_examples=8)
@given(scenario=scenarios())
def test_nothing_above_the_ceiling_and_the_banner_rolls_up(base: Path, scenario: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(base, ws, ignore=shutil.ignore_patterns("output"))
        ranks = _apply(ws, scenario)
        data = model(ws)
        for audience in AUDIENCES:
            ceiling = scenario["ceilings"][audience]
            result = run(ws, "build", "-a", audience)
            limit = 4 if ceiling is None else ceiling
            if min(ranks["bluf"], ranks["bluf:0"]) > limit:  # no BLUF it may see: refused, never the higher one
                assert result.exit_code == 1 and "may not show the BLUF" in result.output, result.output
                continue
            assert result.exit_code == 0, result.output
            texts = _texts(data, audience == "public")
            # words a withheld item shares with one the audience may see (a marked quote inside a releasable
            # passage) are not a trace of it
            releasable = plain(" | ".join(_said(data, [i for i, r in ranks.items() if r <= limit])))
            for fmt, reader in (("docx", docx_words), ("pdf", pdf_words)):
                path = ws / "output" / f"{audience}.{fmt}"
                words = reader(path)
                above = [i for i, r in ranks.items() if r > limit
                         and any(contains(words, t) and not contains(releasable, t) for t in texts[i])]
                assert above == [], (audience, fmt)
                shown = [r for i, r in ranks.items() if r <= limit and any(contains(words, t) for t in texts[i])]
                assert _banner(path).startswith(f"{LEVELS[max(shown, default=0)]} // "), (audience, fmt)


def _said(data: dict[str, Any], allowed: list[str]) -> list[str]:
    """Every text and evidence passage of the allowed items and BLUFs."""
    brief = data["brief"]
    owners = {"bluf": {"bluf": brief["bluf"], "evidence": brief["bluf_evidence"]},
              "bluf:0": brief["releasable"][0]}
    owners.update({item["id"]: item for section in SECTIONS for item in data.get(section, [])})
    said = []
    for item_id in allowed:
        item = owners[item_id]
        said += [str(v) for k, v in item.items() if k in ("bluf", "statement", "plain", "label", "value", "text")]
        said += [e["passage"] for e in item.get("evidence", [])]
    return said


def _banner(path: Path) -> str:
    """The first line of the brief, as a reader sees it: the DOCX's first paragraph, the PDF's first line."""
    first = read_docx(path).paragraphs[0] if path.suffix == ".docx" else read_pdf(path).pages[0].splitlines()[0]
    return first.upper()
