"""`briefgen audiences new NAME [--from AUDIENCE] [--template]` starts an audience in templates/ without the
package's source tree: the profile (and template) are copied, ready to edit and to build."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.helpers import model, pdftotext, run, save_model


def test_new_audience_from_a_bundled_one_builds(workspace: Path) -> None:
    result = run(workspace, "audiences", "new", "board", "--from", "executive")
    assert result.exit_code == 0, result.output
    assert "created templates/board.yaml (from executive)" in result.output
    text = (workspace / "templates/board.yaml").read_text(encoding="utf-8")
    bundled = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    assert text.endswith(bundled[bundled.index("\ndescription:") + 1:])
    assert not (workspace / "templates/board.xml.j2").exists()
    listed = run(workspace, "audiences")
    assert any(line.split()[:3] == ["board", "executive.xml.j2", "1"] for line in listed.output.splitlines())
    built = run(workspace, "build", "-a", "board")
    assert built.exit_code == 0, built.output
    assert (workspace / "output/board.pdf").is_file() and (workspace / "output/board.docx").is_file()


def test_with_template_copies_the_layout_and_points_the_profile_at_it(workspace: Path) -> None:
    result = run(workspace, "audiences", "new", "deep", "--from", "analyst", "--template")
    assert result.exit_code == 0, result.output
    template = (workspace / "templates/deep.xml.j2").read_text(encoding="utf-8")
    assert template == (ROOT / "briefgen/templates/analyst.xml.j2").read_text(encoding="utf-8")
    profile = (workspace / "templates/deep.yaml").read_text(encoding="utf-8")
    assert "\ntemplate: deep.xml.j2\n" in profile and "analyst.xml.j2" not in profile
    (workspace / "templates/deep.xml.j2").write_text(template.replace("{% extends", "{# mine #}{% extends"),
                                                     encoding="utf-8")
    assert run(workspace, "build", "-a", "deep", "-f", "pdf").exit_code == 0


def test_nothing_is_overwritten_and_mistakes_are_reported(workspace: Path) -> None:
    assert run(workspace, "audiences", "new", "board").exit_code == 0
    before = (workspace / "templates/board.yaml").read_bytes()
    again = run(workspace, "audiences", "new", "board", "--from", "public")
    assert again.exit_code == 1 and "templates/board.yaml: already exists" in again.output
    assert (workspace / "templates/board.yaml").read_bytes() == before
    unknown = run(workspace, "audiences", "new", "other", "--from", "nowhere")
    assert unknown.exit_code == 1 and "no audience 'nowhere'" in unknown.output
    bad = run(workspace, "audiences", "new", "../evil")
    assert bad.exit_code == 1 and "is not an audience name" in bad.output
    assert not (workspace / "templates/other.yaml").exists()


def test_a_file_where_templates_belongs_is_named(tmp_path: Path) -> None:
    """The message was the operating system's "/abs/path/templates: File exists", with no hint."""
    ws = tmp_path / "ws"
    (ws / "seeds").mkdir(parents=True)  # a workspace (a folder without seeds/ is refused as none)
    (ws / "templates").write_text("not a folder", encoding="utf-8")
    result = run(ws, "audiences", "new", "board")
    assert result.exit_code == 1
    assert "templates: a file is in the way: briefgen keeps the audiences' folder here" in result.output, result.output
    assert "hint: move the file elsewhere" in result.output


def test_the_copy_does_not_describe_itself_as_the_audience_it_came_from(workspace: Path) -> None:
    """The bundled profile's opening comment ("the one-page executive brief", how to copy it) is not carried into
    the copy, and a copy of a copy has one header, its own; the settings are the source's, key for key."""
    assert run(workspace, "audiences", "new", "board", "--from", "executive").exit_code == 0
    assert run(workspace, "audiences", "new", "panel", "--from", "board").exit_code == 0
    text = (workspace / "templates/panel.yaml").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert comments == ["# Audience profile `panel`, started from `board` by `briefgen audiences new`: edit freely."]
    bundled = ROOT / "briefgen/templates/executive.yaml"
    assert yaml.safe_load(text) == yaml.safe_load(bundled.read_text(encoding="utf-8"))


def test_a_section_the_filters_empty_is_named_and_the_hint_fills_it(workspace: Path) -> None:
    """docs/audiences.md's board profile keeps max_priority 5: in a model whose figures carry no priority (50),
    its brief has no figures at all, which check now says at the section, with how to bring them back."""
    assert run(workspace, "audiences", "new", "board").exit_code == 0
    profile = workspace / "templates/board.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "filters: {max_priority: 5}\n", encoding="utf-8")
    data = model(workspace)
    for figure in data["figures"]:
        figure.pop("priority", None)
    save_model(workspace, data)
    checked = run(workspace, "check")
    assert ("warning: sections[2]: the board brief would have no figures: all 7 in the model are left out (the most "
            "important has priority 50, above filters.max_priority 5)") in checked.output
    assert run(workspace, "build", "-a", "board", "-f", "pdf").exit_code == 0
    assert "KEY FIGURES" not in pdftotext(workspace / "output/board.pdf").upper()
    data["figures"][0]["priority"] = 5  # as the hint says
    save_model(workspace, data)
    assert "would have no figures" not in run(workspace, "check").output
    assert run(workspace, "build", "-a", "board", "-f", "pdf").exit_code == 0
    assert "KEY FIGURES" in pdftotext(workspace / "output/board.pdf").upper()
