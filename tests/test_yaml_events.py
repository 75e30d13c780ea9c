"""YAML read from libyaml's events (briefgen/model/yamlevents.py) gives what composing the node tree gave
(tests/yaml_oracle.py): the same data and positions, or the same first error, on generated models and on
texts spliced with the fragments hostile files are made of. Two changes are deliberate: an alias is placed
where it stands (the oracle placed one in a list at its anchor), and an alias used as a key is refused (the
oracle took the anchored text as the key)."""

from __future__ import annotations

from collections.abc import Callable

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError
from briefgen.model.yamlsrc import Located, parse
from tests import yaml_oracle

SCALARS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),  # U+2028 and kin included
    st.sampled_from(["2025-09-19", "12", "1.5", "true", "null", "~", "<<", "yes", "0x1f", "1e3", ".inf", "-"]),
    st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
KEYS = st.text(alphabet="abcdefgh_<-", min_size=1, max_size=4)
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
                    max_leaves=25)
FRAGMENTS = ["&a ", "*a", "&a [1, 2]", "b: *a", "- *a", "!!python/object:os.system x", "!!set {a}",
             "!!binary aGk=", "!foo bar", "? [1, 2]\n: x", "<<: {x: 1}", "a: 1\na: 2", "---\nz: 1", "...",
             "\tx: 1", "[1, 2", "{a: 1", "'unclosed", "x: &b 1\ny: &b 2", "*nowhere", "key: \"q\\u0041\"",
             "- " * 40 + "deep", "[" * 40 + "]" * 40, "? *a\n: 1", "! plain", "%YAML 1.1\n---\n", "x: !!str 12",
             "y: !!int '7'", "z: 2025-01-01", "", 'q: "a\u2028b\u2029c\x85d"', "r: 'e\u2028\r\nf'", "s: [\u2028",
             *("{k: " * depth + "v" + "}" * depth for depth in (31, 32, 33)),  # a value at the depth limit
             *("k:\n" + "".join("  " * level + "k:\n" for level in range(1, depth)) + "  " * depth + "'v'"
               for depth in (31, 32, 33))]


def _outcome(read: Callable[[str], Located], text: str) -> tuple[str, object]:
    try:
        located = read(text)
    except BriefgenError as exc:
        return "error", exc.format_message()
    return "data", (repr(located.data), located.values, located.keys)


def _same(text: str) -> None:
    """Both ways give the same outcome, positions read as the data is built or found later on demand."""
    old = _outcome(lambda t: yaml_oracle.parse(t, "f.yaml"), text)
    new = _outcome(lambda t: parse(t, "f.yaml"), text)
    _agree(text, new, old)
    later = _outcome(lambda t: parse(t, "f.yaml", positions=False), text)
    _agree(text, later, (old[0], old[1] if old[0] == "error" else (old[1][0], {}, {})))  # type: ignore[index]


def _agree(text: str, new: tuple[str, object], old: tuple[str, object]) -> None:
    if new == old:
        return
    assert "*" in text, (text, new, old)  # only an alias may be met differently
    if old[0] == "error":  # an alias refused as before: only its position may have moved
        assert new[0] == "error" and "aliases are not supported" in str(old[1]), (text, new, old)
        assert "aliases are not supported" in str(new[1]) or "plain names" in str(new[1]), (text, new, old)
    else:  # the oracle took an alias as a key
        assert new[0] == "error" and "plain names" in str(new[1]), (text, new, old)


@settings(max_examples=300, deadline=None)
@given(DATA, st.booleans(), st.booleans())
def test_generated_models_read_as_the_node_tree_read_them(data: object, flow: bool, wide: bool) -> None:
    _same(yaml.safe_dump(data, default_flow_style=flow, allow_unicode=wide, width=40 if wide else 80))


@settings(max_examples=400, deadline=None)
@given(DATA, st.lists(st.tuples(st.integers(0, 40), st.sampled_from(FRAGMENTS)), max_size=3))
def test_hostile_fragments_fail_as_the_node_tree_failed(data: object, cuts: list[tuple[int, str]]) -> None:
    lines = yaml.safe_dump({"top": data}, default_flow_style=False).splitlines()
    for at, fragment in cuts:
        lines.insert(min(at, len(lines)), fragment)
    _same("\n".join(lines) + "\n")


def test_the_known_hostile_texts() -> None:
    for fragment in FRAGMENTS:
        for text in (fragment, f"a: {fragment}\n", f"- {fragment}\n", f"a:\n  {fragment}\n"):
            _same(text)
