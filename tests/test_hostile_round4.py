"""Fault classes found by a fourth hostile-input fuzz (generated variants of YAML forms, profile values,
template constructs and filters, command-line arguments, environment variables and output/ states, each run
as a user runs briefgen, as a process). Each case states the message line and its hint, exit code 1 and the
published briefs untouched (`refused`), or that the command no longer stops with an internal error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import edit
from tests.test_fuzz_round import briefgen, built, refused, said, ws

__all__ = ["built", "ws"]  # the fixtures, shared with tests/test_fuzz_round.py

LONG = "9" * 5000  # int() refuses to read a number of more than 4,300 digits (a ValueError: exit 3)
LONG_HINT = "shorten the number, or quote it if it is meant as text"


def _line_col(path: Path, needle: str) -> tuple[int, int]:
    """The editor's line and column (1-based) of the first `needle` in the file."""
    text = path.read_text(encoding="utf-8")
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


# A whole number too long for int() in any YAML file was an internal error (exit 3).

def test_a_whole_number_too_long_to_read_in_the_model_is_located(ws: Path) -> None:
    model = ws / "seeds/summary.yaml"
    edit(model, "number: 1000000\n", f"number: {LONG}\n")
    line, col = _line_col(model, LONG)
    refused(ws, ("check",), f"seeds/summary.yaml:{line}:{col}: figures[0].number: a whole number of 5,000 "
            "characters is longer than briefgen reads (1,000 at most)", LONG_HINT)


def test_a_whole_number_too_long_to_read_in_a_profile_is_located(ws: Path) -> None:
    (ws / "templates/executive.yaml").write_text(f"template: executive.xml.j2\nmax_pages: {LONG}\n", encoding="utf-8")
    refused(ws, ("build",), "templates/executive.yaml:2:12: max_pages: a whole number of 5,000 characters is "
            "longer than briefgen reads (1,000 at most)", LONG_HINT)


def test_a_whole_number_too_long_to_read_in_the_catalogue_is_located(ws: Path) -> None:
    with (ws / "seeds/sources.yaml").open("a", encoding="utf-8") as out:
        out.write(f"count: {LONG}\n")
    line, col = _line_col(ws / "seeds/sources.yaml", LONG)
    refused(ws, ("check",), f"seeds/sources.yaml:{line}:{col}: count: a whole number of 5,000 characters is "
            "longer than briefgen reads (1,000 at most)", LONG_HINT)


def test_since_a_number_too_long_to_read_is_refused(ws: Path) -> None:
    refused(ws, ("status", "--since", LONG), f"--since: {LONG[:18]}… is a larger number than any version or build",
            "`briefgen history` lists the builds recorded and the versions issued")


def test_source_date_epoch_too_long_to_read_is_refused(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LONG)
    refused(ws, ("build",), f"SOURCE_DATE_EPOCH: '{LONG[:40]}' is not a time in whole seconds since 1970",
            "unset it, or give a number such as 1767225600 (2026-01-01)")


def test_briefgen_workers_too_long_to_read_builds(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_WORKERS", LONG)
    done = briefgen(ws, "build", "-a", "executive")
    assert done.returncode == 0, said(done)


# A refusal of a value by the profile's or the model's schema (a value not in a list, out of bounds, a list too
# short, text too long or blank, a control character, a merge key, a required key missing) was printed
# without a hint.

PROFILE = "template: executive.xml.j2\n"
PROFILE_CASES = [
    ("max_pages: 0\n", "templates/executive.yaml:2:12: max_pages: should be greater than or equal to 1",
     "write a number within the bound the message gives"),
    ("formats: [odt]\n", "templates/executive.yaml:2:11: formats[0]: should be 'docx' or 'pdf'",
     "write one of the values the message lists, spelt as there"),
    ("formats: []\n", "templates/executive.yaml:2:10: formats: List should have at least 1 item after "
     "validation, not 0", "give at least as many as the message says, or remove the key if it is optional"),
    ("description: ''\n", "templates/executive.yaml:2:14: description: must not be blank",
     "write the text, or remove the key if it is optional"),
    (f"description: '{'x' * 20001}'\n", "templates/executive.yaml:2:14: description: String should have at "
     "most 20000 characters", "shorten it: the limit keeps checks and builds quick"),
    ("max_pages: 1.5\n", "templates/executive.yaml:2:12: max_pages: should be a valid integer, got a number with "
     "a fractional part", "write a whole number"),
    ("sections: [bluf, bluf]\n", "templates/executive.yaml:2:11: sections: 'bluf' is listed twice: a brief shows "
     "each section once", "list each section once"),
]


@pytest.mark.parametrize(("text", "message", "hint"), PROFILE_CASES, ids=[c[0][:16] for c in PROFILE_CASES])
def test_a_profile_value_refused_by_the_schema_has_a_hint(ws: Path, text: str, message: str, hint: str) -> None:
    (ws / "templates/executive.yaml").write_text(PROFILE + text, encoding="utf-8")
    refused(ws, ("build",), message, hint)


def test_a_control_character_in_the_model_has_a_hint(ws: Path) -> None:
    model = ws / "seeds/summary.yaml"
    edit(model, "  title: North Korea", '  title: "\\0 North Korea"  #')
    line, col = _line_col(model, '"\\0 North')
    refused(ws, ("check",), f"seeds/summary.yaml:{line}:{col}: brief.title: contains the control character "
            "U+0000, which documents cannot hold; delete it",
            "delete it (an editor may not show it; copying from a PDF or a word processor brings such characters "
            "along)")


def test_a_merge_key_has_a_hint(ws: Path) -> None:
    with (ws / "seeds/sources.yaml").open("a", encoding="utf-8") as out:
        out.write("other:\n  <<: {a: 1}\n")
    line, col = _line_col(ws / "seeds/sources.yaml", "<<")
    refused(ws, ("check",), f"seeds/sources.yaml:{line}:{col}: other: keys must be plain names (no merge keys or "
            "complex keys)", "write each key as a plain name, and each mapping's keys and values out in full")


def test_a_missing_required_key_has_a_hint(ws: Path) -> None:
    model = ws / "seeds/summary.yaml"
    edit(model, "    confidence: high\n", "")
    done = briefgen(ws, "check")
    lines = [line.strip() for line in said(done).splitlines()]
    missing = next(n for n, line in enumerate(lines) if "missing required key 'confidence'" in line)
    assert done.returncode == 1
    assert lines[missing + 1] == ("hint: add `confidence:` to this entry: how sound the evidence and reasoning are "
                                  "(ICD 203): low, moderate or high")


# Template mistakes: a syntax error was printed without a hint; an unclosed comment named its file as
# "templates//abs/path/templates/x.xml.j2" (jinja's lexer gives the path as the template's name); a filter
# given a value of the wrong type raised AttributeError, and cycler() with no items RuntimeError (exit 3).

def _bluf(ws: Path, body: str) -> None:
    (ws / "templates/executive.xml.j2").write_text(
        '{% extends "base.xml.j2" %}\n{% block bluf %}\n' + body + "\n{% endblock %}\n", encoding="utf-8")


COMPUTED_HINT = ("the values on that line may not be what the template expects: test them first ({% if x %}, or "
                 "a default: x|default(0))")
TEMPLATE_CASES = [
    ("{# never closed", "templates/executive.xml.j2:3: template syntax error: Missing end of comment tag",
     "close it: {{ with }}, {% with %} and {# with #}"),
    ("<p>{{ 1|nosuchfilter }}</p>", "templates/executive.xml.j2:3: template syntax error: No filter named "
     "'nosuchfilter'.", "a filter is one of jinja's built-in filters (upper, join, default, ...), spelt as they are"),
    ("{% for x in judgments %}", "templates/executive.xml.j2:4: template syntax error: Encountered unknown tag "
     "'endblock'. You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for "
     "'endfor' or 'else'. The innermost block that needs to be closed is 'for'.",
     "close each {% if %}, {% for %}, {% block %}, {% macro %} with its own {% endif %}, {% endfor %}, ... in the "
     "order they were opened"),
    ("<p>{{ 5|dictsort }}</p>", "templates/executive.xml.j2:3: template error: a filter given a value of the wrong "
     "type ('int' object has no attribute 'items')", COMPUTED_HINT),
    ("<p>{{ cycler().next() }}</p>", "templates/executive.xml.j2:3: template error: a call it cannot make (at least "
     "one item has to be provided)", COMPUTED_HINT),
]


@pytest.mark.parametrize(("body", "message", "hint"), TEMPLATE_CASES, ids=[c[0][:20] for c in TEMPLATE_CASES])
def test_a_template_mistake_is_located_with_a_hint(ws: Path, body: str, message: str, hint: str) -> None:
    _bluf(ws, body)
    refused(ws, ("build",), message, hint)


# A templates/ folder that is a link loop crashed Path.resolve() (RuntimeError, exit 3) in the check that the
# output folder is not inside a folder briefgen keeps; templates/ linked to a folder holding the workspace was
# reported as the output being inside templates/, at a file named "None".

TEMPLATES_LINKED = ("templates: a symbolic link leading out of the workspace (or nowhere): briefgen reads "
                    "profiles, templates, fonts and logos only from inside it")
TEMPLATES_HINT = ("copy the folder into the workspace in place of the link (a link to a folder inside the "
                  "workspace is fine)")


@pytest.mark.parametrize("target", ["templates", "parent"])
def test_a_templates_folder_linked_in_a_loop_or_around_the_workspace_is_named(ws: Path, target: str) -> None:
    for path in sorted((ws / "templates").iterdir()):
        path.unlink()
    (ws / "templates").rmdir()
    (ws / "templates").symlink_to("templates" if target == "templates" else ws.parent)
    refused(ws, ("build",), TEMPLATES_LINKED, TEMPLATES_HINT)


@pytest.mark.parametrize("command", ["status", "diff", "history"])
def test_an_output_folder_linked_in_a_loop_is_no_internal_error(ws: Path, command: str) -> None:
    os.symlink("loop", ws / "loop")
    done = briefgen(ws, command, "-o", str(ws / "loop"))
    assert done.returncode in (0, 1), said(done)
    assert "internal error" not in said(done) and "Traceback" not in said(done)


def test_suggest_for_an_unknown_source_names_the_known_ones(ws: Path) -> None:
    refused(ws, ("suggest", "nosuch"), "seeds/sources.yaml: no readable seed with source id 'nosuch'",
            "give a source's id as seeds/sources.yaml lists it: ai-digest-top-priority, gsw-ai-arms-race")


# A template printing half of a surrogate pair ("\ud800", which no UTF-8 text can hold) crashed the markup
# parser with a UnicodeEncodeError (exit 3).

@pytest.mark.parametrize("expression", ['"\\ud800"', '"\\udcff"|upper'])
def test_half_a_surrogate_pair_in_the_markup_is_a_template_error(ws: Path, expression: str) -> None:
    _bluf(ws, "<p>{{ " + expression + " }}</p>")
    done = briefgen(ws, "build")
    lines = [line.strip() for line in said(done).splitlines()]
    assert done.returncode == 1, said(done)
    refusal = next(n for n, line in enumerate(lines) if "half of a surrogate pair" in line)
    assert lines[refusal].startswith("templates/executive.xml.j2:3: the template produced U+D")  # the line of <p>
    assert lines[refusal + 1] == "hint: templates must produce brief markup; see briefgen/render/markup.py"


# `briefgen init` into a symbolic link that loops resolved it with Path.resolve() (RuntimeError, exit 3).

def test_init_into_a_link_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    done = briefgen(tmp_path, "init", str(tmp_path / "loop"))
    lines = [line.strip() for line in said(done).splitlines()]
    assert done.returncode == 1, said(done)
    assert lines[-2:] == [f"{tmp_path / 'loop'}/seeds: too many levels of symbolic links (a link loop?)",
                          "hint: remove the looping symbolic link"]
    assert (tmp_path / "loop").is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["loop"]


# A template that another names but that cannot be read (a link out of templates/, a named pipe) was reported
# at the unreadable file with no line, leaving the user to find the tag naming it; a template that is not UTF-8
# named no line either. Each is now placed: at the tag, or at the line of the first byte that is not UTF-8.

BEFORE_LATIN = b"<p>fine</p>\n<p>caf"  # the bytes before the first that is not UTF-8


def _included(ws: Path, make: str) -> None:
    child = ws / "templates/part.xml.j2"
    if make == "link":
        child.symlink_to("/dev/zero")
    elif make == "fifo":
        os.mkfifo(child)
    else:
        child.write_bytes(BEFORE_LATIN + "é</p>\n".encode("latin-1"))
    _bluf(ws, "{% include 'part.xml.j2' %}")


UNREADABLE = [
    ("link", "templates/executive.xml.j2:3: templates/part.xml.j2: templates/part.xml.j2 is a symbolic link that "
     "leaves templates/", "copy the file into the folder instead of linking to it from elsewhere"),
    ("fifo", "templates/executive.xml.j2:3: templates/part.xml.j2: the path is a named pipe (FIFO), not a regular "
     "file", "replace it with an ordinary file"),
    ("latin-1", f"templates/part.xml.j2:2: template is not valid UTF-8 (byte {len(BEFORE_LATIN)})", "save it as UTF-8"),
]


@pytest.mark.parametrize(("make", "message", "hint"), UNREADABLE, ids=[c[0] for c in UNREADABLE])
def test_a_template_that_cannot_be_read_is_placed_at_a_line(ws: Path, make: str, message: str, hint: str) -> None:
    _included(ws, make)
    refused(ws, ("build",), message, hint)


# A YAML file that is a symbolic link to nothing was reported as "file not found" with the hint to scaffold a
# workspace with `briefgen init`, though the file is there in a listing of its folder.

@pytest.mark.parametrize("file", ["seeds/summary.yaml", "templates/executive.yaml"])
def test_a_yaml_file_linked_to_nothing_is_said_to_be_a_link(ws: Path, file: str) -> None:
    (ws / file).unlink(missing_ok=True)
    (ws / file).symlink_to("nowhere.yaml")
    refused(ws, ("build",), f"{file}: a symbolic link to 'nowhere.yaml', which does not exist",
            "remove the link, or put the file it should lead to in its place")


# An output/ linked out of the workspace is refused by build and issue, but status, diff and history read
# through it: the build record and issued versions of whatever folder it pointed to (or "never built").

@pytest.mark.parametrize("command", ["status", "diff", "history"])
def test_the_reports_do_not_read_through_an_output_folder_linked_out(ws: Path, tmp_path: Path, command: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    (ws / "output").rename(elsewhere)
    (ws / "output").symlink_to(elsewhere)
    refused(ws, (command,), "output: a symbolic link leading out of the workspace (or nowhere) is in the way of "
            "the output folder", "remove the link, or name the folder to write to with -o")
