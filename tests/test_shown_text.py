"""Text taken from seeds, the model and file names, on its way to the terminal and into the YAML briefgen writes
for the analyst to paste: control characters are shown as escapes, alike on a terminal and in a pipe, and the
YAML loads back as exactly the text meant."""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from briefgen.authoring.catalogue_text import render_entry
from briefgen.authoring.yamltext import comment, quoted
from briefgen.cli.main import cli
from briefgen.model.skeleton import SAMPLE
from briefgen.model.yamlsrc import parse
from briefgen.text import shown
from tests.helpers import append_entry, model, run, save_model
from tests.strategies import texts

# A seed as a hostile page pastes it: an OSC that retitles the window, an SGR that hides text, a bidi override,
# an 8-bit CSI, and a DEL that ends a sentence.
HOSTILE_SEED = ("Drone report\n"
                "The army \x1b]0;PWNED-TITLE\x07\x1b[8mhidden words\x1b[0m has 1,200 drones in \u202estock\u202c "
                "and \x9b2J more on order.\n"
                "A third paragraph, long enough to count, says that 3,400 pilots were trained this year.\x7f\n")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # what must never reach a terminal
ARBITRARY = st.one_of(texts(), st.text(st.characters(exclude_categories=["Cs"])))


def _hostile(ws: Path) -> Path:
    (ws / "seeds/drone.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    append_entry(ws, "drone-report", "drone.txt", "Example Institute")
    return ws


def _invoke(ws: Path, args: list[str], terminal: bool) -> Result:
    """The command as printed to a terminal (`color=True`: click keeps escape sequences) or into a pipe."""
    return CliRunner().invoke(cli, ["-C", str(ws), *args], color=terminal, catch_exceptions=False)


@pytest.mark.parametrize("args", [["seeds", "show", "drone-report"], ["coverage"], ["coverage", "--json"],
                                  ["suggest", "drone-report"]], ids=" ".join)
def test_seed_text_is_shown_with_visible_escapes_alike_on_a_terminal_and_in_a_pipe(
        workspace: Path, args: list[str]) -> None:
    ws = _hostile(workspace)
    on_terminal, piped = _invoke(ws, args, terminal=True), _invoke(ws, args, terminal=False)
    assert on_terminal.exit_code == piped.exit_code == 0, piped.output
    assert on_terminal.output == piped.output  # nothing of the seed vanishes in a pipe
    assert not RAW.findall(piped.output)
    if args[0] != "suggest":  # suggest cuts its passages at the controls instead (below)
        assert "\\u001b]0;PWNED-TITLE\\u0007\\u001b[8mhidden words\\u001b[0m" in piped.output
        assert "\\u202estock\\u202c" in piped.output and "\\u009b2J" in piped.output


def test_seeds_show_leaves_every_script_as_it_is(workspace: Path) -> None:
    line = "Kim said «بالعالم» and 日本語, 김정은 🚀 👩\u200d👩\u200d👧\tfine.\n"
    (workspace / "seeds/scripts.txt").write_text(line, encoding="utf-8")
    append_entry(workspace, "scripts", "scripts.txt", "Example Institute")
    assert run(workspace, "seeds", "show", "scripts").output == "¶1  " + line


def test_check_colours_its_report_and_shows_a_seeds_escapes(workspace: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    ws = _hostile(workspace)
    data = model(ws)
    data["judgments"][0]["evidence"].append({"source": "drone-report", "passage": "The army has 1,300 drones"})
    save_model(ws, data)
    monkeypatch.setattr("briefgen.cli.main.colour", lambda: True)
    coloured = _invoke(ws, ["check"], terminal=True)
    assert coloured.exit_code == 1
    assert "\x1b[31m" in coloured.output and "\x1b[1m" in coloured.output  # briefgen's own colours
    assert "closest text (¶2" in coloured.output and "\\u001b]0;PWNED-TITLE\\u0007" in coloured.output
    assert not RAW.findall(re.sub(r"\x1b\[[0-9;]*m", "", coloured.output))  # only briefgen's own sequences
    monkeypatch.setattr("briefgen.cli.main.colour", lambda: False)
    plain = _invoke(ws, ["check"], terminal=True)
    assert "\\u001b]0;PWNED-TITLE\\u0007" in plain.output and not RAW.findall(plain.output)


def test_check_json_stays_valid_and_means_the_same(workspace: Path) -> None:
    ws = _hostile(workspace)
    data = model(ws)
    data["judgments"][0]["evidence"].append({"source": "drone-report", "passage": "1,200 drones kept in stock"})
    save_model(ws, data)
    result = _invoke(ws, ["check", "--json"], terminal=True)
    assert not RAW.findall(result.output)
    messages = [p["message"] + p["hint"] for p in json.loads(result.output)["problems"]]
    assert any("\u202estock\u202c" in m for m in messages)  # the JSON reads back as the very text


def test_a_suggestion_from_a_sentence_with_control_characters_loads_and_verifies_once_pasted(
        workspace: Path) -> None:
    ws = _hostile(workspace)
    result = run(ws, "suggest", "drone-report")
    assert result.exit_code == 0, result.output
    found = {str(s["value"]): s for s in yaml.safe_load(result.output)}
    # an override no passage may hold (model/disguise.py) is left out: the passage still matches without it
    assert "\\u202e" not in result.output and "\u202e" not in result.output
    assert found["1,200"]["evidence"][0]["passage"] == "has 1,200 drones in stock and"  # cut at CSI
    assert found["3,400"]["evidence"][0]["passage"] == ("A third paragraph, long enough to count, says that "
                                                        "3,400 pilots were trained this year.")  # DEL dropped
    data = model(ws)
    for value in ("1,200", "3,400"):
        data["figures"].append({**found[value], "label": f"Counted {value}", "unit": "drones"})
    save_model(ws, data)
    checked = run(ws, "check")
    assert checked.exit_code == 0, checked.output


def test_seeds_add_catalogues_a_file_whose_name_holds_controls_and_undecodable_bytes(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    run(tmp_path, "init", str(ws))
    odd = [tmp_path / "notes\x1b]0;x\x07\u2028\x7f.txt", tmp_path / os.fsdecode(b"caf\xe9 report.txt")]
    for path, title in zip(odd, ("First", "Second"), strict=True):
        path.write_text(f"{title} title\nThe army has 1,200 drones.\n", encoding="utf-8")
    result = _invoke(ws, ["seeds", "add", *map(str, odd)], terminal=False)
    assert result.exit_code == 0, result.output
    assert "added " + str(tmp_path) + "/notes\\u001b]0;x\\u0007\\u2028\\u007f.txt:" in result.output
    assert "caf\\udce9 report.txt" in result.output and not RAW.findall(result.output)
    catalogue = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    assert "# added by `briefgen seeds add` from notes\\u001b]0;x\\u0007\\u2028\\u007f.txt on" in catalogue
    assert len(parse(catalogue, "sources.yaml").data["sources"]) == 2


def test_init_writes_the_skeleton_as_yaml_that_loads_back(tmp_path: Path) -> None:
    run(tmp_path, "init", str(tmp_path / "ws"))
    data = parse((tmp_path / "ws/seeds/summary.yaml").read_text(encoding="utf-8"), "summary.yaml").data
    assert data["brief"]["title"] == SAMPLE["brief_title"] and data["brief"]["bluf"] == SAMPLE["bluf"]


@given(ARBITRARY)
def test_a_quoted_scalar_loads_back_as_the_very_text(text: str) -> None:
    written = quoted(text)
    assert "\n" not in written and not RAW.findall(written)
    assert parse(f"key: {written}  # {comment(text)}\n", "t.yaml").data == {"key": text}


def test_a_lone_surrogate_no_yaml_can_hold_is_written_as_a_replacement_character() -> None:
    written = quoted("caf\udce9")
    assert parse(f"key: {written}\n", "t.yaml").data == {"key": "caf\ufffd"}


@given(st.lists(st.tuples(st.sampled_from(["title", "originator", "url"]), st.one_of(st.none(), ARBITRARY),
                          ARBITRARY), min_size=1, max_size=3), ARBITRARY)
def test_a_catalogue_entry_loads_back_as_its_values(fields: list[tuple[str, str | None, str]], heading: str) -> None:
    fields = [("id", "x", "")] + [(f"{key}{i}", value, note) for i, (key, value, note) in enumerate(fields)]
    entry = render_entry(fields, heading, 2)
    assert parse("sources:\n" + entry, "sources.yaml").data == {"sources": [{k: v for k, v, _ in fields}]}


@given(st.recursive(st.one_of(st.none(), st.integers(), ARBITRARY),
                    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(ARBITRARY, inner,
                                                                                         max_size=3))))
def test_json_shown_reads_back_as_the_same_data(data: Any) -> None:
    text = shown(json.dumps(data, ensure_ascii=False))
    assert not RAW.findall(text) and json.loads(text) == data and shown(text) == text


def test_every_command_prints_through_the_terminal_module() -> None:
    """click.echo and print reach the terminal only in cli/terminal.py (and errors.warn, which shows too)."""
    package = Path(__file__).resolve().parents[1] / "briefgen"
    offenders = []
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func)
            if name in ("click.echo", "click.secho", "print", "sys.stdout.write", "sys.stderr.write"):
                offenders.append(f"{path.relative_to(package)}:{node.lineno}: {name}")
    allowed = {"cli/terminal.py", "errors.py"}
    assert [o for o in offenders if o.split(":")[0] not in allowed] == []
    assert "shown(" in (package / "errors.py").read_text(encoding="utf-8")
