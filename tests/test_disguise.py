"""Text that reads otherwise than it was written and checked (model/disguise.py), links, dates and numbers
as the schema takes them, templates/ behind a link, and the characters no font draws as one warning a field.

Each test fails on the code before these rules: the override, the open isolate, the tag text, the invisible
character in a number and in a link were accepted, a templates/ link out of the workspace was followed, a
full-width year passed for a date, and `check` printed one warning a character."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.model.disguise import first_disguise, undisguised
from briefgen.model.numbers import format_number
from briefgen.sources.textnorm import normalise
from tests.helpers import edit, fingerprint, model, run, save_model

REFUSED = {
    "override": "the figure reads \u202e0.5\u202c here",
    "embedding": "Kim \u202bsaid\u202c so",
    "open isolate": "a name \u2067كيم and the rest",
    "isolate closed on the next line only": "a name \u2067كيم\nand\u2069 the rest",
    "stray isolate end": "a name\u2069 alone",
    "tag text": "plain words\U000e0069\U000e0067\U000e006e",
    "deprecated": "digits \u206e123",
    "annotation": "a\ufff9hidden\ufffab\ufffb",
    "zero-width space in a number": "about 1\u200b000 troops",
    "joiner in a decimal": "about 1.\u200d5 million",
    "mark between digits": "about 25\u200e6 drones",
}
KEPT = {
    "Persian with ZWNJ": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0628\u0631\u0648\u0645",
    "Devanagari with ZWJ": "\u0915\u094d\u200d\u0937",
    "emoji family": "\U0001f469\u200d\U0001f469\u200d\U0001f467 and more",
    "flag of England": "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f fans",
    "direction marks": "\u200fשלום\u200e 2025 \u061cمرحبا",
    "closed isolate": "the speaker \u2067كيم جونغ أون\u2069 said 25",
    "Thai with zero-width space": "\u0e2a\u0e27\u0e31\u0e2a\u200b\u0e14\u0e35",
    "zero-width space between words": "top\u200bpriority 10",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_disguise_is_refused_naming_its_character(name: str) -> None:
    found = first_disguise(REFUSED[name])
    assert found is not None, name
    at, message = found
    assert f"(character {at + 1})" in message and f"U+{ord(REFUSED[name][at]):04X}" in message


@pytest.mark.parametrize("name", sorted(KEPT))
def test_legitimate_invisible_characters_are_kept(name: str) -> None:
    assert first_disguise(KEPT[name]) is None, name


@given(st.text(alphabet=st.sampled_from("ab1 .\u202a\u202e\u2066\u2067\u2069\u200b\u200d\u200e\u2060\n"),
               max_size=30))
def test_a_passage_with_the_refused_characters_deleted_still_matches_its_seed(seed_text: str) -> None:
    """The direction controls and zero-width characters refused are ones the passage matcher ignores."""
    pieces = undisguised(seed_text)
    assert len(pieces) == 1 and first_disguise(pieces[0]) is None
    assert normalise(pieces[0]) == normalise(seed_text)


def test_a_tag_in_a_seed_cuts_the_passage_suggested() -> None:
    assert undisguised("has 12 drones\U000e0041 in store") == ["has 12 drones", " in store"]


def _built(workspace: Path) -> dict[str, tuple[str, int]]:
    assert run(workspace, "build", "-a", "executive").exit_code == 0
    return fingerprint(workspace / "output")


def test_an_override_in_a_figure_fails_the_build_and_leaves_the_briefs(workspace: Path) -> None:
    before = _built(workspace)
    edit(workspace / "seeds/summary.yaml", "value: nearly $10 billion", 'value: "nearly $\\u202e01 billion"')
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "seeds/summary.yaml:178:12: figures[1].value: holds a bidi embedding or override, U+202E" in result.output
    assert {k: v for k, v in fingerprint(workspace / "output").items() if not k.startswith(".cache")} == {
        k: v for k, v in before.items() if not k.startswith(".cache")}


def test_a_profile_text_field_is_held_to_the_same_rule(workspace: Path) -> None:
    (workspace / "templates/board.yaml").write_text(
        'template: executive.xml.j2\nfooter: "Prepared by \\u202eteam"\n', encoding="utf-8")
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "templates/board.yaml:2:9: footer: holds a bidi embedding or override, U+202E" in result.output


def test_a_persian_quote_with_zwnj_still_verifies(workspace: Path) -> None:
    data = model(workspace)
    data["brief"]["subject"] = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u2067\u06a9\u06cc\u0645\u2069"
    save_model(workspace, data)
    assert run(workspace, "check").exit_code == 0


def test_a_link_with_an_invisible_character_or_too_long_is_refused(workspace: Path) -> None:
    edit(workspace / "seeds/sources.yaml", "url: null", 'url: "https://example.org/\\x9bx"')
    edit(workspace / "seeds/sources.yaml", "url: null", "url: https://example.org/" + "x" * 3000)
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "sources[0].url: the link holds the invisible character U+009B" in result.output
    assert "sources[1].url: the link is 3,020 characters long" in result.output


def test_a_date_in_other_digits_is_refused(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", 'as_of: "2025-09-19"', 'as_of: "\uff12\uff10\uff12\uff15-09-19"')
    result = run(workspace, "check")
    assert result.exit_code == 1 and "brief.as_of:" in result.output and "is not a real date" in result.output


def test_a_profile_number_that_is_not_finite_says_so(workspace: Path) -> None:
    (workspace / "templates/board.yaml").write_text("template: executive.xml.j2\nfit_slack: .nan\n",
                                                    encoding="utf-8")
    result = run(workspace, "check")
    assert result.exit_code == 1 and "templates/board.yaml:2:12: fit_slack: should be a finite number" in result.output


def test_huge_numbers_are_written_short() -> None:
    assert format_number(1e308) == "1e+308" and format_number(1_000_000) == "1,000,000"
    assert format_number(math.inf) == "a number too large to compare"


def test_a_lone_surrogate_escape_gets_a_hint_of_its_own(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "author: briefgen example workspace", 'author: "x \\ud800 y"')
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "hint: \\ud800 is half of a character (a UTF-16 surrogate)" in result.output


# ---------------------------------------------------------------- templates/ behind a link


def _move_templates(workspace: Path, to: Path) -> None:
    (workspace / "templates").rename(to)
    (workspace / "templates").symlink_to(to, target_is_directory=True)


@pytest.mark.parametrize("command", [("check",), ("build",), ("status",), ("audiences",), ("build", "--if-changed")])
def test_templates_linked_out_of_the_workspace_is_refused(workspace: Path, command: tuple[str, ...]) -> None:
    before = _built(workspace)
    (workspace / "templates/board.yaml").write_text("template: executive.xml.j2\n", encoding="utf-8")
    _move_templates(workspace, workspace.parent / "elsewhere")
    result = run(workspace, *command)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "templates: a symbolic link leading out of the workspace (or nowhere)" in result.output
    assert not (workspace.parent / "elsewhere/board.pdf").exists()
    assert fingerprint(workspace / "output").keys() >= before.keys() - {".build.lock"}


def test_templates_linked_to_a_folder_inside_the_workspace_is_fine(workspace: Path) -> None:
    _move_templates(workspace, workspace / "shared-templates")
    assert run(workspace, "check").exit_code == 0


def test_init_writes_nothing_through_a_templates_link_out(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "new/templates").symlink_to(tmp_path / "outside", target_is_directory=True)
    result = run(tmp_path, "init", str(tmp_path / "new"))
    assert result.exit_code == 1 and not list((tmp_path / "outside").iterdir())


# ---------------------------------------------------------------- characters no font draws, one warning a field


RUNES = "\u16a0\u16a2\u16a6\u16a8\u16b1\u16b2\u16b7\u16b9\u16ba\u16be\u16c1\u16c3"


def test_characters_no_font_draws_make_one_warning_per_field(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "as relayed by state media.", f"as relayed by state media {RUNES}.")
    text = run(workspace, "check").output
    assert text.count("which no font draws") == 1, text
    assert "context has 12 characters, \u16a0 \u16a2 \u16a6 \u16a8 \u16b1 \u16b2 \u16b7 \u16b9 … (the first is " \
           "U+16A0 RUNIC LETTER FEHU FEOH FE F)" in text
    report = json.loads(run(workspace, "check", "--json").output)
    [found] = [p for p in report["problems"] if "no font draws" in p["message"]]
    assert len(found["details"]) == 12 and found["details"][0] == "U+16A0 RUNIC LETTER FEHU FEOH FE F"
    built = run(workspace, "build", "-a", "analyst", "-f", "pdf").output
    assert "12 characters no font draws" in built
