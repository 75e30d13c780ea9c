from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefgen.errors import BriefgenError
from briefgen.model.yamlsrc import SMALL_YAML_BYTES, compose, load, parse
from tests.conftest import ROOT
from tests.helpers import edit, run


def test_positions_of_keys_and_values() -> None:
    located = parse("brief:\n  title: T\nitems:\n  - id: a\n    n: 2\n", "f.yaml")
    assert located.data == {"brief": {"title": "T"}, "items": [{"id": "a", "n": 2}]}
    assert located.values[("items", 0, "n")] == (5, 8)
    assert located.keys[("items", 0, "n")] == (5, 5)
    assert located.where(("items", 0, "missing")) == (4, 5)


def test_dates_and_quoted_values_stay_text() -> None:
    assert parse("a: 2025-09-19\nb: '12'\n", "f.yaml").data == {"a": "2025-09-19", "b": "12"}


@pytest.mark.parametrize(("text", "expected"), [
    ("", "f.yaml:1:1: file is empty"),
    ("a: 1\na: 2\n", "f.yaml:2:1: duplicate key 'a'"),
    ("a: &x [1]\nb: *x\n", "f.yaml:2:1: b: YAML anchors and aliases are not supported"),
    ("a:\n\tb: 1\n", "f.yaml:2:1: YAML syntax error"),
    ("a: !!python/object:os.system x\n", "is not allowed"),
    ("a: [1, 2\n", "f.yaml:1:4: YAML syntax error"),  # where the '[' left open stands
])
def test_unreadable_yaml_is_located(text: str, expected: str) -> None:
    with pytest.raises(BriefgenError) as info:
        parse(text, "f.yaml")
    assert expected in info.value.format_message()


def test_tab_indentation_gets_the_indent_with_spaces_hint() -> None:
    with pytest.raises(BriefgenError) as info:
        parse("a:\n\tb: 1\n", "f.yaml")
    assert "indent with spaces, not tabs" in info.value.format_message()


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    with pytest.raises(BriefgenError, match="aliases are not supported"):
        parse(bomb, "f.yaml")


# Lines and columns are an editor's: lines end at \n, \r\n or \r only. libyaml also ends one at U+0085, U+2028 and
# U+2029 (and refuses control characters with only a byte offset); briefgen reports where an editor shows them.

REFUSED = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x9f", "\ufffe", "\uffff"]
YAML_ONLY_BREAKS = ["\x85", "\u2028", "\u2029"]
NEWLINES = ["\n", "\r\n", "\r"]


def _editor_position(text: str, index: int) -> tuple[int, int]:
    """Where the character at `index` is for an editor, counted character by character."""
    line, col, at = 1, 1, 0
    while at < index:
        if text[at] == "\r" and text[at + 1:at + 2] == "\n" and at + 1 < index:
            at += 1
        if text[at] in "\r\n":
            line, col = line + 1, 1
        else:
            col += 1
        at += 1
    return line, col


def _message(text: str) -> str:
    with pytest.raises(BriefgenError) as info:
        parse(text, "f.yaml")
    return info.value.format_message()


@pytest.mark.parametrize("char", REFUSED)
def test_a_character_yaml_refuses_is_placed_with_a_hint(char: str) -> None:
    message = _message(f'a: 1\nb: "xy{char}z"\n')
    kind = "noncharacter" if char in "\ufffe\uffff" else "control character"
    assert message.startswith(f"f.yaml:2:7: the file holds the {kind} U+{ord(char):04X}, which YAML does not allow\n"
                              "    hint: delete it (most editors do not show it); if it is really meant, write it as "
                              "the escape "), message
    assert "position" not in message and "unicode string" not in message


def test_a_lone_surrogate_is_placed_and_composing_it_is_a_yaml_error() -> None:
    text = 'a: 1\nb: "x\ud800"\n'
    assert _message(text).startswith("f.yaml:2:6: the file holds the lone surrogate U+D800")
    with pytest.raises(yaml.YAMLError):
        compose(text)


@pytest.mark.parametrize("size", [100, SMALL_YAML_BYTES + 100])
@pytest.mark.parametrize("cached", [False, True])
def test_a_refused_character_is_placed_by_every_way_a_file_is_loaded(size: int, cached: bool, tmp_path: Path) -> None:
    head = "".join(f"k{i}: 'value {i}'\n" for i in range(size // 16))
    path = tmp_path / "f.yaml"
    path.write_bytes((head + "last: 'café \x07'\r\n").encode())
    with pytest.raises(BriefgenError) as info:
        load(path, "f.yaml", tmp_path / "cache" if cached else None)
    line = head.count("\n") + 1
    assert info.value.format_message().startswith(f"f.yaml:{line}:13: the file holds the control character U+0007")


def test_a_line_separator_in_a_quoted_value_moves_no_later_line() -> None:
    text = 'a: "one\u2028two\u2029three\x85four"\r\nb: 1\r\nb: 2\r\n'
    assert _message(text).startswith("f.yaml:3:1: duplicate key 'b'")
    for located in (parse(text[:-6], "f.yaml"), parse(text[:-6], "f.yaml", positions=False)):
        assert located.where(("b",)) == (2, 4) and located.where(("b",), key=True) == (2, 1)
    # the bracket left open is named where it opens, on the editor's line 3 (tests/test_analyst10.py)
    assert _message(text[:-6] + "c: [\r\n").startswith("f.yaml:3:4: YAML syntax error")


def test_a_syntax_error_from_a_line_separator_names_it() -> None:
    message = _message("a: 1\ndesc: |\n  one\u2028two\nb: 2\n")
    assert message.startswith("f.yaml:4:1: YAML syntax error: could not find expected ':'"), message
    assert "hint: line 3 holds U+2028 LINE SEPARATOR, which YAML reads as a line break" in message


VALUES = st.text(alphabet=["a", "b", " ", "é", "😀", "#", ":", *YAML_ONLY_BREAKS], max_size=8)


@st.composite
def _entries(draw: st.DrawFn) -> tuple[list[str], str]:
    """Entries of a mapping, one an editor line, their quoted values holding YAML-only line breaks at random; and
    the line break the file uses."""
    values = draw(st.lists(VALUES, min_size=1, max_size=8))
    quotes = draw(st.lists(st.sampled_from(["'", '"']), min_size=len(values), max_size=len(values)))
    return [f"k{i}: {q}{value}{q}" for i, (value, q) in enumerate(zip(values, quotes, strict=True))], draw(
        st.sampled_from(NEWLINES))


@given(_entries())
def test_keys_and_values_are_placed_on_an_editors_lines(drawn: tuple[list[str], str]) -> None:
    entries, newline = drawn
    text = newline.join(entries) + newline
    full, later = parse(text, "f.yaml"), parse(text, "f.yaml", positions=False)
    for number in range(1, len(entries) + 1):
        key = f"k{number - 1}"
        for located in (full, later):  # positions read with the data, and found on demand (cache, small files)
            assert located.where((key,), key=True) == (number, 1)
            assert located.where((key,)) == (number, len(key) + 3)


@given(_entries(), st.integers(min_value=0))
def test_a_duplicate_key_is_reported_on_an_editors_line(drawn: tuple[list[str], str], at: int) -> None:
    entries, newline = drawn
    spot = 1 + at % len(entries)  # after the first entry, k0
    entries.insert(spot, "k0: again")
    assert _message(newline.join(entries) + newline).startswith(f"f.yaml:{spot + 1}:1: duplicate key 'k0'")


@given(_entries(), st.integers(min_value=0), st.sampled_from(REFUSED))
def test_a_refused_character_is_placed_where_an_editor_shows_it(drawn: tuple[list[str], str], at: int,
                                                                char: str) -> None:
    entries, newline = drawn
    text = newline.join(entries) + newline
    spot = at % (len(text) + 1)
    text = text[:spot] + char + text[spot:]
    line, col = _editor_position(text, spot)
    assert _message(text).startswith(f"f.yaml:{line}:{col}: the file holds the ")


def _located(path: Path, needle: str, rel: str) -> str:
    """`rel:line:col` of `needle` in the file, counted as an editor counts."""
    text = path.read_text(encoding="utf-8")
    return f"{rel}:{':'.join(map(str, _editor_position(text, text.index(needle))))}"


def test_check_places_a_control_character_in_the_model_the_catalogue_and_a_profile(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "Pyongyang's push", "Pyongyang's\x07push")
    edit(workspace / "seeds/sources.yaml", "Global South World\n", "Global South\x00World\n")
    profile = workspace / "templates/public.yaml"
    profile.write_text((ROOT / "briefgen/templates/public.yaml").read_text(encoding="utf-8").replace(
        "Public information", "Public\x0cinformation"), encoding="utf-8")
    result = run(workspace, "check")
    assert result.exit_code == 1 and "Traceback" not in result.output and "position" not in result.output
    for rel, char in (("seeds/summary.yaml", "\x07"), ("seeds/sources.yaml", "\x00")):
        assert (f"{_located(workspace / rel, char, rel)}: the file holds the control character U+{ord(char):04X}, "
                "which YAML does not allow\n    hint: delete it") in result.output, result.output
    edit(workspace / "seeds/summary.yaml", "\x07", " ")
    edit(workspace / "seeds/sources.yaml", "\x00", " ")
    result = run(workspace, "check")  # a profile is checked once the model reads
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"{_located(profile, chr(12), 'templates/public.yaml')}: the file holds the control character U+000C"
            ) in result.output, result.output


def test_check_places_a_misspelt_key_on_its_line_after_a_line_separator(workspace: Path) -> None:
    model = workspace / "seeds/summary.yaml"
    edit(model, "subject: Pyongyang's push to bring artificial intelligence into unmanned weapons",
         'subject: "Pyongyang\u2028push"')
    edit(model, "confidence: high", "confidance: high")
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert f"{_located(model, 'confidance', 'seeds/summary.yaml')}: judgments[0].confidance: unknown key" in (
        result.output), result.output


@pytest.mark.parametrize(("broken", "opened"), [
    ('  title: [North Korea\n', "'['"), ('  title: {North: Korea\n', "'{'"),
    ('  title: "North Korea puts AI\n', "quote"), ("  title: 'North Korea puts AI\n", "quote")])
def test_a_bracket_or_quote_left_open_is_named_where_it_opens(workspace: Path, broken: str, opened: str) -> None:
    """libyaml meets an unclosed '[' or '{', or a quote that runs on, at a later line that looks fine (the next
    key, the next quote, the file's end): the error names the line and column of the opener, where the fix goes."""
    model = workspace / "seeds/summary.yaml"
    lines = model.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  title: "))
    lines[at] = broken
    model.write_text("".join(lines), encoding="utf-8")
    result = run(workspace, "check")
    assert result.exit_code == 1 and "Traceback" not in result.output
    where, hint = result.output.splitlines()[0], result.output.splitlines()[1]
    column = len(broken) - len(broken.lstrip()) + len("title: ") + 1
    assert where.startswith(f"seeds/summary.yaml:{at + 1}:{column}: YAML syntax error"), result.output
    assert f"the {opened} opened here is not closed" in hint, result.output


def test_a_quote_never_closed_is_named_where_it_opens(workspace: Path) -> None:
    model = workspace / "seeds/summary.yaml"
    text = model.read_text(encoding="utf-8")
    model.write_text(text + '  # the end\nextra: "never closed\n', encoding="utf-8")
    result = run(workspace, "check")
    line = len(text.splitlines()) + 2
    assert result.output.startswith(f"seeds/summary.yaml:{line}:8: YAML syntax error"), result.output
    assert "the quote opened here is never closed" in result.output
