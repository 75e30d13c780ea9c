"""`briefgen init DIR`: a fresh workspace that checks clean, says what to fill in next, and builds once filled."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from briefgen.cli.main import cli
from tests.conftest import ROOT
from tests.helpers import SEED_000, run

PASSAGE = "with leader Kim Jong Un recently placing drones and unmanned weapons at the “top priority” of his " \
          "modernisation drive"

CATALOGUE = """\
sources:
  - id: gsw-ai-arms-race
    file: {file}
    originator: Global South World
    title: Why North Korea is rushing to join the global AI arms race
    short_title: North Korea's AI arms race
    published: "2025-09"
    information_date: "2025-09-18"
    accessed: "2026-11-23"
    url: null
    kind: news article
    descriptor: Online news article relaying North Korean state media reporting.
"""

MODEL = """\
brief:
  title: A first brief
  subject: North Korea and AI
  as_of: "2025-09-19"
  bluf: Drones and AI come first in North Korea's military plans.
judgments:
  - id: kj-first
    statement: Kim Jong Un has made drones and unmanned weapons the lead priority of his modernisation.
    confidence: moderate
    priority: 1
    evidence:
      - source: gsw-ai-arms-race
        passage: "{passage}"
figures: []
quotes: []
gaps: []
"""


def init(directory: Path) -> Result:
    return CliRunner().invoke(cli, ["init", str(directory)], catch_exceptions=False)


def test_init_then_check_says_what_to_fill_in(tmp_path: Path) -> None:
    ws = tmp_path / "new"
    created = init(ws)
    assert created.exit_code == 0, created.output
    assert "next:" in created.output and "seeds/sources.yaml" in created.output
    assert (ws / "seeds/sources.yaml").is_file() and (ws / "seeds/summary.yaml").is_file()
    assert (ws / "templates/executive.yaml").is_file()
    checked = run(ws, "check")
    assert checked.exit_code == 1, checked.output  # the sample title, subject and BLUF are still there
    assert "seeds/summary.yaml:5:10: brief.title: still the skeleton's sample text 'Title of the brief'" \
        in checked.output
    warnings = [line for line in checked.output.splitlines() if "warning:" in line]
    assert any("seeds/sources.yaml" in line for line in warnings), checked.output
    assert any("seeds/summary.yaml" in line for line in warnings), checked.output
    assert "hint:" in checked.output


def test_init_refuses_an_existing_workspace(tmp_path: Path) -> None:
    ws = tmp_path / "new"
    assert init(ws).exit_code == 0
    before = (ws / "seeds/summary.yaml").read_bytes()
    again = init(ws)
    assert again.exit_code == 1
    assert "a workspace already exists here" in again.output and "hint: choose an empty directory" in again.output
    assert (ws / "seeds/summary.yaml").read_bytes() == before


def test_filled_in_workspace_builds(tmp_path: Path) -> None:
    ws = tmp_path / "new"
    assert init(ws).exit_code == 0
    seed = ROOT / SEED_000
    shutil.copy(seed, ws / "seeds" / seed.name)
    (ws / "seeds/sources.yaml").write_text(CATALOGUE.format(file=seed.name), encoding="utf-8")
    (ws / "seeds/summary.yaml").write_text(MODEL.format(passage=PASSAGE), encoding="utf-8")
    checked = run(ws, "check")
    assert checked.exit_code == 0 and "0 errors" in checked.output, checked.output
    built = run(ws, "build", "-a", "executive")
    assert built.exit_code == 0, built.output
    assert "output/executive.docx" in built.output and "output/executive.pdf" in built.output
    with zipfile.ZipFile(ws / "output/executive.docx") as archive:
        assert b"lead priority" in archive.read("word/document.xml")
        assert b"Global South World" in archive.read("word/footnotes.xml")
    assert "seeds/summary.yaml:5:9: warning: brief.bluf: the bottom line cites no evidence" in checked.output


def test_the_skeleton_never_ships(tmp_path: Path) -> None:
    ws = tmp_path / "new"
    assert init(ws).exit_code == 0
    seed = ROOT / SEED_000
    shutil.copy(seed, ws / "seeds" / seed.name)
    (ws / "seeds/sources.yaml").write_text(CATALOGUE.format(file=seed.name), encoding="utf-8")
    built = run(ws, "build")
    assert built.exit_code == 1
    for line in ("seeds/summary.yaml:5:10: brief.title: still the skeleton's sample text 'Title of the brief'",
                 "seeds/summary.yaml:8:9: brief.bluf: still the skeleton's sample text 'The bottom line, in two or "
                 "three sentences of your own.'", "hint: write your own in its place: briefs never ship the sample"):
        assert line in built.output
    assert not (ws / "output/executive.pdf").exists()


def test_a_blank_left_by_suggest_never_ships(tmp_path: Path) -> None:
    ws = tmp_path / "new"
    assert init(ws).exit_code == 0
    seed = ROOT / SEED_000
    shutil.copy(seed, ws / "seeds" / seed.name)
    (ws / "seeds/sources.yaml").write_text(CATALOGUE.format(file=seed.name), encoding="utf-8")
    (ws / "seeds/summary.yaml").write_text(MODEL.format(passage=PASSAGE).replace(
        "confidence: moderate", "confidence: moderate\n    plain: \"<plain words>\""), encoding="utf-8")
    built = run(ws, "build")
    assert built.exit_code == 1
    assert "judgments[0].plain: '<plain words>' is a blank left to fill in" in built.output


def test_the_skeletons_commented_examples_are_whole_items(tmp_path: Path) -> None:
    """The skeleton shows one commented example of each kind of item; uncommented under its list, each is a
    complete item of its kind (no key missing or unknown): what is left is only its blanks to fill in, refused
    until filled, and the example source to replace."""
    ws = tmp_path / "new"
    assert init(ws).exit_code == 0
    model = ws / "seeds/summary.yaml"
    text = model.read_text(encoding="utf-8")
    for kind in ("judgments", "figures", "quotes", "gaps"):
        text = re.sub(rf"^{kind}: \[\][^\n]*\n((?:#  [^\n]*\n)+)",
                      lambda m: m[0].split("\n")[0].split(":")[0] + ":\n" + re.sub(r"(?m)^#", "", m[1]),
                      text, flags=re.M)
    model.write_text(text, encoding="utf-8")
    result = run(ws, "check", "--json")
    report = json.loads(result.output)
    items = yaml.safe_load(text)
    assert [len(items[kind]) for kind in ("judgments", "figures", "quotes", "gaps")] == [1, 1, 1, 1]
    errors = [p["message"] for p in report["problems"] if p["severity"] == "error"]
    assert errors and all("a blank left to fill in" in message or "unknown source 'example-source'" in message
                          or "still the skeleton's sample text" in message for message in errors), errors
