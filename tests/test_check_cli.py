"""`briefgen check` end to end, on temporary copies of the shipped workspace (issue 2's acceptance)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SEED_000, drop_lines_containing, edit, items_citing, model, run, save_model


def test_shipped_workspace_verifies(workspace: Path) -> None:
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output and "OK" in result.output


def test_shipped_model_has_the_promised_coverage(workspace: Path) -> None:
    data = json.loads(run(workspace, "check", "--json").output)
    counts = data["counts"]
    assert counts["judgments"] >= 6 and counts["figures"] >= 6 and counts["quotes"] >= 4 and counts["gaps"] >= 1
    assert all(item["verified"] for item in data["items"])
    by_id = {item["id"]: item for item in data["items"]}
    both = items_citing(workspace, "top priority")
    assert both and any(by_id[i]["originators"] == 2 for i in both)


def test_removing_top_priority_line_names_items_seed_and_closest_text(workspace: Path) -> None:
    seed_id = _source_of(workspace, SEED_000)
    affected = {i for i in items_citing(workspace, "top priority")
                if any(ev["source"] == seed_id and "top priority" in ev["passage"] for ev in _evidence(workspace, i))}
    assert affected
    drop_lines_containing(workspace / SEED_000, "top priority")
    result = run(workspace, "check")
    assert result.exit_code == 1
    for item_id in affected:
        assert item_id in result.output
    assert SEED_000 in result.output
    assert "closest text (¶" in result.output and "% similar" in result.output
    assert "Traceback" not in result.output


def test_yaml_syntax_error_is_located(workspace: Path) -> None:
    path = workspace / "seeds/summary.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("judgments:"))
    lines.insert(index + 1, "  - id: [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "seeds/summary.yaml:" in result.output and "YAML syntax error" in result.output


def test_changed_figure_number_fails(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "25.6 million", "26.5 million")
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "26,500,000 (read from the value " in result.output
    assert "does not appear in any of its passages" in result.output
    assert "its passages state 25,600,000" in result.output


def test_unknown_source_gets_a_suggestion(workspace: Path) -> None:
    data = model(workspace)
    real = data["judgments"][0]["evidence"][0]["source"]
    data["judgments"][0]["evidence"][0]["source"] = real[:-1] + "x"
    save_model(workspace, data)
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert f"unknown source {real[:-1] + 'x'!r}" in result.output and f"did you mean {real!r}?" in result.output


def test_a_quote_altered_by_one_word_fails_check_naming_the_quote(workspace: Path) -> None:
    data = model(workspace)
    quote = data["quotes"][0]
    words = quote["text"].split()
    quote["text"] = " ".join([*words[:-1], "rapidly" if words[-1] != "rapidly" else "slowly"])
    save_model(workspace, data)
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert quote["id"] in result.output and "quote" in result.output


def test_unknown_key_gets_did_you_mean(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "    statement:", "    statment:")
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "unknown key 'statment'" in result.output and "did you mean 'statement'?" in result.output
    assert "missing required key 'statement'" in result.output


def test_two_items_sharing_an_id_fail_check_naming_the_id(workspace: Path) -> None:
    data = model(workspace)
    data["figures"][1]["id"] = data["figures"][0]["id"]
    save_model(workspace, data)
    result = run(workspace, "check")
    assert result.exit_code == 1 and f"duplicate id {data['figures'][0]['id']!r}" in result.output


def test_json_report_is_machine_readable(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "25.6 million", "26.5 million")
    result = run(workspace, "check", "--json")
    data = json.loads(result.output)
    assert data["ok"] is False
    problem = next(p for p in data["problems"] if "26,500,000" in p["message"])
    assert problem["file"] == "seeds/summary.yaml" and problem["line"] > 1 and problem["path"].startswith("figures[")


def test_strict_fails_on_warnings(workspace: Path) -> None:
    data = model(workspace)
    data["judgments"][0]["evidence"] = data["judgments"][0]["evidence"][:1]
    data["judgments"][0]["statement"] = "This is very likely the case, and we hold it with high confidence."
    save_model(workspace, data)
    assert run(workspace, "check").exit_code == 0
    result = run(workspace, "check", "--strict")
    assert result.exit_code == 1
    assert "mixes a confidence level and a likelihood term" in result.output


# `check` and `status` import no rendering library; `check` not even the issued editions `status` reads
@pytest.mark.parametrize(("command", "unneeded"), [(["check"], ("briefgen.regen.issued",)), (["status"], ()),
                                                   (["check", "--json"], ("briefgen.regen.issued",))])
def test_no_rendering_library_is_imported(workspace: Path, command: list[str], unneeded: tuple[str, ...]) -> None:
    modules = ("docx", "reportlab", "pdfminer", "markdown_it", *unneeded)
    probe = ("import sys; from briefgen.cli.main import cli; "
             f"cli.main({['-C', str(workspace), *command]!r}, standalone_mode=False); "
             f"bad = [m for m in {modules!r} if m in sys.modules]; "
             "print('IMPORTED', bad)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False).stdout
    assert "IMPORTED []" in out, out


def _source_of(ws: Path, seed: str) -> str:
    import yaml
    catalogue = yaml.safe_load((ws / "seeds/sources.yaml").read_text(encoding="utf-8"))
    return next(s["id"] for s in catalogue["sources"] if f"seeds/{s['file']}" == seed)


def _evidence(ws: Path, item_id: str) -> list[dict[str, str]]:
    data = model(ws)
    return next(i["evidence"] for s in ("judgments", "figures", "quotes", "gaps") for i in data.get(s, [])
                if i["id"] == item_id)


def test_an_unreadable_seed_is_reported_once_not_per_citing_item(workspace: Path) -> None:
    (workspace / SEED_000).unlink()
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert result.output.count("seed file not found") == 1
    assert result.output.count("has no readable seed") == 1  # not once per item citing the source


QUOTED = "“rapidly develop newly introduced artificial intelligence technology”"


def test_a_quote_the_seed_puts_in_quotation_marks_gets_no_paraphrase_warning(workspace: Path) -> None:
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    assert "q-kim-ai-technology: the seed does not put these words in quotation marks" not in result.output


def test_a_quote_the_seed_does_not_put_in_quotation_marks_is_flagged_as_a_possible_paraphrase(
        workspace: Path) -> None:
    bare = QUOTED.strip("“”")
    edit(workspace / "seeds/000_eab46a25288d9a93.txt", QUOTED, bare)
    edit(workspace / "seeds/summary.yaml", QUOTED, bare)
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output  # a warning: the words are still the seed's
    assert "warning: quotes[0].text: q-kim-ai-technology: the seed does not put these words in quotation marks" \
        in result.output


def test_a_value_to_fix_names_the_machine_number_to_fix_with_it(workspace: Path) -> None:
    """The value and its machine number both wrong (26.5 million where the passage says 25.6): the value's hint
    said only to fix the value, and the number's mismatch came out on the next check, once the value was
    right. The hint names the number too; a number the passages do state is left out of it."""
    edit(workspace / "seeds/summary.yaml", "value: about 25.6 million\n    number: 25600000",
         "value: about 26.5 million\n    number: 26500000")
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "its passages state 25,600,000: fix the value, or cite the passage that states this number; then make " \
           "number 26,500,000 match the value as fixed" in result.output
    edit(workspace / "seeds/summary.yaml", "26.5 million", "25.6 million")  # the value fixed as the hint says
    edit(workspace / "seeds/summary.yaml", "number: 26500000", "number: 25600000")  # and the number with it
    assert run(workspace, "check").exit_code == 0


def test_a_value_to_fix_whose_number_the_passages_state_says_nothing_of_it(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "25.6 million", "26.5 million")
    output = run(workspace, "check").output
    assert "number 25,600,000 is not a number of the value" in output  # the number's own error
    assert "then make" not in output  # the number is right for the passage: only the value is to fix
