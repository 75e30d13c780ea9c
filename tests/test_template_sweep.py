"""Templates that produced markup the writers could not draw (a crash, exit 3, or minutes of work): each is now
refused as the template's mistake, exit 1, nothing published."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.helpers import built_workspace, copy_workspace, edit, published, run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("markup"))


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Path:
    return copy_workspace(built, tmp_path)


def _board(ws: Path, bluf: str) -> None:
    edit(ws / "templates/executive.yaml", "template: executive.xml.j2", "template: board.xml.j2")
    (ws / "templates/board.xml.j2").write_text(
        "{% extends 'base.xml.j2' %}{% block bluf %}" + bluf + "{% endblock %}", encoding="utf-8")


@pytest.mark.parametrize(("bluf", "message"), [
    ("<p>" + "<b>" * 3000 + "deep" + "</b>" * 3000 + "</p>", "the markup nests elements more than 32 deep"),
    ('<box title="a">' * 200 + "<p>x</p>" + "</box>" * 200, "the markup nests elements more than 32 deep"),
    ("<table>" + "<col>A</col>" * 40 + "<tr>" + "<td>x</td>" * 40 + "</tr></table>",
     "a table of 40 columns: at most 12"),
    ('<table><col weight="1000">A</col><col weight="0.001">B</col><tr><td>x</td><td>y</td></tr></table>',
     "a column narrower than 1/15 of the table"),
    ('<table><col weight="1e308">A</col><tr><td>x</td></tr></table>', "a column's weight must be more than zero"),
    ('<chart title="t" unit="u"><bar label="a" value="1e300">x</bar></chart>', "a bar of more than 1e+15"),
    ('<chart title="t" unit="u"><bar label="' + "a" * 5000 + '" value="1">x</bar></chart>',
     "<bar label=…>: 5,000 characters, more than the 300 a chart can draw"),
    ('<chart title="' + "t" * 5000 + '" unit="u"><bar label="a" value="1">x</bar></chart>',
     "<chart title=…>: 5,000 characters"),
    ('<quote lang="../x"><p>words</p><by>someone</by></quote>', "<quote lang='../x'>: not a BCP 47 language tag"),
    ("<p>{% for i in range(3000) %}<b>x</b> {% endfor %}</p>", "<p> holds 3,000 inline elements"),
    ("<p>{{ 'word ' * 40000 }}</p>", "and 200,000 characters: a paragraph may hold 1,000 and 100,000"),
])
def test_markup_no_writer_can_draw_is_the_templates_mistake(ws: Path, bluf: str, message: str) -> None:
    _board(ws, bluf)
    before = published(ws)
    started = time.monotonic()
    result = run(ws, "build", "-a", "executive")
    assert time.monotonic() - started < 30
    assert result.exit_code == 1, result.output
    assert re.search(r"templates/board\.xml\.j2:\d+: ", result.output), result.output
    assert message in result.output, result.output
    assert published(ws) == before


def test_a_charted_figure_whose_label_no_chart_can_draw_is_refused(ws: Path) -> None:
    """The chart wraps a label to three lines by trying ever shorter cuts: a 16,000-character label took
    minutes. It is refused at the profile's chart key by check and build alike."""
    edit(ws / "seeds/summary.yaml", "label: Weapons supplied to Russia (think-tank estimate)",
         "label: " + "W" * 16000)
    before = published(ws)
    for command in ("check", "build"):
        started = time.monotonic()
        result = run(ws, command)
        assert time.monotonic() - started < 30
        assert result.exit_code == 1
        assert "chart.tag: figure 'fig-arms-to-russia' has a label of 16,000 characters, more than the 300" \
            in result.output, result.output
    assert published(ws) == before


def test_a_chart_title_longer_than_a_chart_can_draw_is_refused(ws: Path) -> None:
    edit(ws / "templates/analyst.yaml", 'title: "Key figures compared on one scale"', 'title: "' + "T" * 400 + '"')
    result = run(ws, "check")
    assert result.exit_code == 1
    assert "chart.title: String should have at most 300 characters" in result.output, result.output


@pytest.mark.parametrize(("templates", "message"), [
    ({"board.xml.j2": "{# a board #}\n{% extends 'board.xml.j2' %}"},
     "templates/board.xml.j2:2: the template extends itself: board.xml.j2 → board.xml.j2"),
    ({"board.xml.j2": "{% extends 'other.xml.j2' %}", "other.xml.j2": "{% extends 'board.xml.j2' %}"},
     "templates/other.xml.j2:1: the template extends itself: board.xml.j2 → other.xml.j2 → board.xml.j2"),
])
def test_a_chain_of_extends_that_loops_is_refused_by_check(ws: Path, templates: dict[str, str], message: str) -> None:
    """check passed it, and the build ran into Python's recursion limit."""
    edit(ws / "templates/executive.yaml", "template: executive.xml.j2", "template: board.xml.j2")
    for name, source in templates.items():
        (ws / "templates" / name).write_text(source, encoding="utf-8")
    for command in ("check", "build"):
        result = run(ws, command)
        assert result.exit_code == 1
        assert message in result.output, result.output


def test_a_template_including_itself_is_told_where_to_look(ws: Path) -> None:
    _board(ws, "{% include 'board.xml.j2' %}")
    result = run(ws, "build", "-a", "executive")
    assert result.exit_code == 1
    assert "template error: it calls itself with no end (recursion)" in result.output
    assert "hint: look for a template that includes itself" in result.output, result.output


@pytest.mark.parametrize("call", ["cite('kj-ai-top-priority')", "cite({'id': 'kj-ai-top-priority'})",
                                  "cite('bluf:0')", "cite('no-such-item')"])
def test_cite_reaches_only_the_items_the_brief_shows(ws: Path, call: str) -> None:
    """cite() looked its argument up in the whole checked model, so a template placed the notes (sources,
    paragraphs, passages) of an item kept from the audience: here by `audiences: [analyst]`, which no spillage
    check looks for."""
    edit(ws / "seeds/summary.yaml", "    priority: 1\n", "    priority: 1\n    audiences: [analyst]\n")
    edit(ws / "seeds/summary.yaml", "  likelihood_row: likelihood\n", (
        "  likelihood_row: likelihood\n  releasable:\n    - marking: TLP:CLEAR\n      bluf: Kim made AI a priority.\n"
        "      evidence: [{source: ai-digest-top-priority, passage: \"has declared artificial intelligence a\"}]\n"))
    (ws / "templates/public.xml.j2").write_text(
        "{% extends 'base.xml.j2' %}{% block bluf %}<p>Bottom line{{ " + call + " }}</p>{% endblock %}",
        encoding="utf-8")
    before = published(ws)
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 1, result.output
    assert "templates/public.xml.j2:1: template error: cite() names " in result.output, result.output
    assert "which is not in this brief" in result.output
    assert published(ws) == before


def test_a_chart_naming_a_figure_kept_from_its_audience_is_refused(ws: Path) -> None:
    """`chart.figures` drew a figure whose `audiences` leave this audience out: the executive brief showed the
    analysts' figure in its chart."""
    edit(ws / "seeds/summary.yaml", "  - id: fig-arms-to-russia\n",
         "  - id: fig-arms-to-russia\n    audiences: [analyst]\n")
    profile = ws / "templates/executive.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("max_pages: 1", "max_pages: 3")
                       + "chart: {title: T, figures: [fig-russian-return, fig-arms-to-russia]}\n", encoding="utf-8")
    before = published(ws)
    for command in ("check", "build"):
        result = run(ws, command)
        assert result.exit_code == 1
        assert ("chart.figures[1]: figure 'fig-arms-to-russia' is not for the executive brief (its audiences: "
                "analyst)") in result.output, result.output
    assert published(ws) == before


def test_a_charted_figure_whose_unit_names_the_axis_is_held_to_what_a_chart_draws(ws: Path) -> None:
    """The unit's length was blamed on the template ("<chart unit=…>"), not on the figure that has it."""
    path = ws / "seeds/summary.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("unit: USD", "unit: " + "U" * 400), encoding="utf-8")
    result = run(ws, "check")
    assert result.exit_code == 1
    assert "chart.tag: figure 'fig-arms-to-russia' has a unit of 400 characters, more than the 300" in result.output
    assert "(or give the chart a unit_label)" in result.output


@pytest.mark.parametrize(("call", "error"), [
    ("'abc'|truncate(-5)", "a filter given arguments it cannot take (expected length >= 3"),
    ("'{0}'.format()", "an item or key that is not there (tuple index out of range)"),
    ("'{a}'.format()", "an item or key that is not there ('a')")])
def test_a_filter_or_method_given_impossible_arguments_is_a_located_template_error(ws: Path, call: str,
                                                                                   error: str) -> None:
    """jinja's truncate asserts its length and str.format raises lookup errors: both crashed the build (exit 3)."""
    _board(ws, "<p>{{ " + call + " }}</p>")
    result = run(ws, "build", "-a", "executive")
    assert result.exit_code == 1, result.output
    assert f"templates/board.xml.j2:1: template error: {error}" in result.output, result.output
