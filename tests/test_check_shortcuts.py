"""The shortcuts that make `check` cheap at scale give the answers of the slow ways they replace: positions read
from YAML events as far as needed equal a full positional parse, and the placeholder test on ASCII text by one
regular expression equals normalising the text and looking it up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefgen.forking as forking
import briefgen.regen.checkcache as checkcache
from briefgen.model.skeleton import SAMPLE
from briefgen.model.yamlpos import Positions
from briefgen.model.yamlsrc import _Loader, load, parse
from briefgen.regen.checkcache import stamps_beside, stamps_now
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise
from briefgen.verify.placeholders import _SAMPLES, _found, _is_placeholder, _is_sample
from briefgen.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
MIXED = """\
brief: {title: "T", subject: S, as_of: '2025-01-01'}
judgments:
  - id: a
    statement: >
      folded
      text
    evidence: [{source: s, passage: "p one"}, {source: s, passage: p two}]
  - id: b
    tags: [x, y]
    evidence:
      - source: s
        passage: |
          literal
empty: {}
nothing: []
"""


def _full(text: str) -> Positions:
    found = Positions(text, _Loader)
    found.read_to(("no such key at all",))
    return found


def test_positions_from_events_equal_a_full_positional_parse() -> None:
    for text in (MIXED, *(ROOT.joinpath("seeds", name).read_text(encoding="utf-8")
                          for name in ("summary.yaml", "sources.yaml"))):
        reference, found = parse(text, "x"), _full(text)
        assert found.values == reference.values
        assert found.keys == reference.keys


def test_positions_stop_as_soon_as_the_answer_is_certain() -> None:
    found = Positions(MIXED, _Loader)
    found.read_to(("brief", "subject"))
    assert found.values[("brief", "subject")] == (1, 30)
    assert ("judgments",) not in found.values  # read no further than needed
    found.read_to(("judgments", 0, "missing"))  # absent: known once judgments[0] ends, not at the end
    assert ("judgments", 1) not in found.values
    found.read_to(("judgments", 1, "evidence", 0, "passage"))
    assert found.values[("judgments", 1, "evidence", 0, "passage")] == (12, 18)


def test_a_cached_model_places_a_problem_where_a_fresh_parse_does() -> None:
    text = ROOT.joinpath("seeds", "summary.yaml").read_text(encoding="utf-8")
    fresh, cached = parse(text, "x"), parse(text, "x", positions=False)
    for path in [("brief", "bluf"), ("quotes", 1, "text"), ("figures", 2, "evidence", 0, "nope"), ("nope",)]:
        assert cached.where(path) == fresh.where(path)
        assert cached.where(path, key=True) == fresh.where(path, key=True)


def test_a_small_file_read_again_in_one_process_gives_its_own_copy_of_the_same_data(tmp_path: Path) -> None:
    """A watch reads the model and profiles on every rebuild: bytes parsed before come back as a fresh copy
    (the caller may change it), placed as a fresh parse places them; changed bytes are parsed anew."""
    path = tmp_path / "summary.yaml"
    text = ROOT.joinpath("seeds", "summary.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    fresh, first = parse(text, "x"), load(path, "x")
    first.data["brief"]["title"] = "changed by its caller"
    again = load(path, "x")
    assert again.data == fresh.data and again.data is not first.data
    for where in [("brief", "bluf"), ("quotes", 1, "text"), ("figures", 2, "evidence", 0, "nope"), ("nope",)]:
        assert again.where(where) == fresh.where(where)
        assert again.where(where, key=True) == fresh.where(where, key=True)
    path.write_text(text.replace("title: ", "title: New ", 1), encoding="utf-8")
    assert load(path, "x").data["brief"]["title"] == "New " + fresh.data["brief"]["title"]


_NEAR = st.sampled_from(list(SAMPLE.values())).flatmap(lambda s: st.lists(
    st.sampled_from([" ", "-", "`", "'", "\t", "\n", "\x1c", "\x0b", "A", "a", ".", "\u2019", "\u00a0"]),
    max_size=4).map(lambda extra: _shuffle_in(s, extra)))


def _shuffle_in(sample: str, extra: list[str]) -> str:
    out = sample
    for n, char in enumerate(extra):
        at = (n * 7919) % (len(out) + 1)
        out = out[:at] + char + out[at:]
    return out.upper() if len(extra) == 3 else out


@given(st.one_of(_NEAR, st.text(max_size=80)))
def test_the_placeholder_test_agrees_with_normalising(text: str) -> None:
    assert _is_sample(text) == (normalise(text) in _SAMPLES)


def test_every_sample_is_recognised_in_any_case_and_spacing() -> None:
    for sample in SAMPLE.values():
        assert _is_sample(sample) and _is_sample(f"  {sample.upper()}\n")
        assert _is_sample(sample.replace(" ", " - "))
        assert not _is_sample(sample + " and more")


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\t", "\n", "\u00a0", "\u3000", "\x1f", "\r", "\x85"]),
               max_size=40))
def test_paragraph_starts_found_by_expression_equal_splitting_into_lines(text: str) -> None:
    starts, pos = [], 0
    for line in text.splitlines(keepends=True):
        if not line.isspace():
            starts.append(pos)
        pos += len(line)
    assert Seed("x", "seeds/x.txt", text)._raw_starts == starts


@given(st.one_of(_NEAR, st.text(max_size=100), st.from_regex(r"\s*<[^<>]{0,90}>\s*", fullmatch=True)))
def test_the_scan_finds_what_the_placeholder_test_finds(text: str) -> None:
    data = {"brief": {"title": text}, "judgments": [{"id": "a", "evidence": [{"passage": text}]}, 3, None]}
    expected = [(("brief", "title"), text), (("judgments", 0, "evidence", 0, "passage"), text)]
    assert _found(data, (), []) == (expected if _is_placeholder(text) else [])


def test_inputs_stamped_by_a_child_while_this_process_imports_are_the_stamps(
        workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = Workspace.at(workspace)
    (workspace / "seeds" / "new.txt").write_text("A seed written a moment ago.\n", encoding="utf-8")
    expected = stamps_now(ws)
    monkeypatch.setattr(checkcache, "STAMP_BESIDE_FROM", 1)
    monkeypatch.setenv("BRIEFGEN_WORKERS", "2")
    done: list[int] = []
    assert stamps_beside(ws, lambda: done.append(os.getpid())) == expected
    assert done == [os.getpid()]  # `meanwhile` ran here, once
    real_fork = forking.fork
    monkeypatch.setattr(checkcache, "fork", lambda produce: real_fork(lambda: produce()[:-3]))  # cut short
    assert stamps_beside(ws, lambda: None) == expected
