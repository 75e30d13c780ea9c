"""Markup a template writes that the brief cannot read is reported at the template line that wrote it
(`templates/board.xml.j2:5:`), in a child block, an included file or the bundled base, where the error named
only the rendered output's line, which no file of the workspace has. The template is rendered again with the
same data and each piece of output traced back through jinja's own line map; the tests write templates whose
faulty line is known by construction and read the CLI's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run

BOARD = ("{# a board brief #}\n"
         "{% extends 'base.xml.j2' %}\n"
         "{% block bluf %}\n"
         "<box title=\"Bottom line\">\n"
         "<p>{{ brief.bluf }}</p>\n"
         "{{ LINE6 }}\n"
         "</box>\n"
         "{% endblock %}\n")


def _board(ws: Path, line6: str, part: str | None = None) -> None:
    assert run(ws, "audiences", "new", "board", "--from", "executive", "--template").exit_code == 0
    (ws / "templates/board.xml.j2").write_text(BOARD.replace("{{ LINE6 }}", line6), encoding="utf-8")
    if part is not None:
        (ws / "templates/part.xml.j2").write_text(part, encoding="utf-8")


@pytest.mark.parametrize(("line6", "said"), [
    ("<p>{{ brief.title }}<b>bold</p>", "the template produced malformed markup: mismatched tag: <b>, opened at "
                                          "templates/board.xml.j2:6, is still open"),
    ("<section>x</section>", "unknown block element <section>"),
    ("<p>see <blink>{{ brief.title }}</blink></p>", "unknown inline element <blink>"),
    ("<p>noted<cite n=\"999\"/></p>", "<cite n=\"999\"/> names no citation"),
    ("<p style=\"huge\">{{ brief.subject }}</p>", "unknown paragraph style 'huge'"),
])
def test_a_fault_is_named_at_the_line_that_wrote_it(workspace: Path, line6: str, said: str) -> None:
    _board(workspace, line6)
    built = run(workspace, "build", "-a", "board")
    assert built.exit_code == 1
    assert built.output.startswith(f"templates/board.xml.j2:6: {said}"), built.output
    assert "(in the markup this line writes)" in built.output
    checked = run(workspace, "check")
    assert checked.exit_code == 1 and f"templates/board.xml.j2:6: {said}" in checked.output, checked.output
    assert not (workspace / "output/board.pdf").exists()


def test_a_fault_in_an_included_file_is_named_there(workspace: Path) -> None:
    """The third line of the included file: a table's <col> with an alignment the writers do not know."""
    _board(workspace, "{% include 'part.xml.j2' %}",
           "<table>\n<col>What</col>\n<col align=\"middle\">How many</col>\n<tr><td>a</td><td>1</td></tr>\n</table>\n")
    built = run(workspace, "build", "-a", "board")
    assert built.exit_code == 1
    assert built.output.startswith("templates/part.xml.j2:3: <col align='middle'>: use left, right or center"), \
        built.output


def test_an_element_left_open_names_where_it_was_opened(workspace: Path) -> None:
    """The parser stops at the next closing tag that does not match, the </box> after the include: the error
    is there, and names the line of the included file that opened the element."""
    _board(workspace, "{% include 'part.xml.j2' %}", "<p>one</p>\n<p>two <i>three\n")
    built = run(workspace, "build", "-a", "board")
    assert built.exit_code == 1
    assert built.output.startswith("templates/board.xml.j2:7: the template produced malformed markup: mismatched "
                                   "tag: <i>, opened at templates/part.xml.j2:2, is still open"), built.output


def test_lines_of_the_templates_own_text_count_within_a_piece(workspace: Path) -> None:
    """Four lines of literal markup are one piece of output: the fault on the third is named on the third."""
    _board(workspace, "<p>one</p>\n<p>two</p>\n<p>three</p><h3>four</h3>\n<p>five</p>")
    built = run(workspace, "build", "-a", "board")
    assert built.output.startswith("templates/board.xml.j2:8: unknown block element <h3>"), built.output
