from __future__ import annotations

import pytest

from briefgen.errors import BriefgenError
from briefgen.model.yamlsrc import parse


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
    ("a: [1, 2\n", "f.yaml:2:1: YAML syntax error"),
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
