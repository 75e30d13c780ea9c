"""A large model parsed ahead by a forked child (model/yamlsrc.py, parsing_ahead) gives what parsing it here
gives: the same data, the same cache entry, the same report of a text that does not parse; a child that fails,
is cut short or is not wanted leaves the parse to this process and nothing behind. A first check starts it
before it stamps the inputs; a check with a stored verdict does not. Meanwhile the seeds to be verified are
read, and the report is the one process's."""

from __future__ import annotations

import marshal
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import briefgen.forking as forking
import briefgen.model.yamlsrc as yamlsrc
import briefgen.regen.checkcache as checkcache
import briefgen.regen.checking as checking
import briefgen.verify.halves as halves
from briefgen.model.loader import load_workspace
from briefgen.model.schema import Source
from briefgen.regen.checking import check_verdict
from briefgen.verify.check import run_check
from briefgen.verify.reading import Folder
from briefgen.workspace import Workspace
from tests.helpers import edit, run
from tests.test_verify_halves import _hostile, _report


@pytest.fixture
def ahead(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The shipped workspace, its model (the larger file) parsed ahead and cached as a large one is."""
    monkeypatch.setattr(yamlsrc, "AHEAD_FROM", 1)
    monkeypatch.setattr(yamlsrc, "SMALL_YAML_BYTES", 0)
    monkeypatch.setenv("BRIEFGEN_WORKERS", "2")
    return Workspace.at(workspace)


def _forks(monkeypatch: pytest.MonkeyPatch, sent: Callable[[bytes], bytes] = lambda data: data) -> list[int]:
    """The pids of the children yamlsrc forks from now on; each sends `sent` of what it would have sent."""
    forked: list[int] = []

    def fork(produce: Callable[[], bytes]) -> tuple[int, int] | None:
        child = forking.fork(lambda: sent(produce()))
        if child is not None:
            forked.append(child[0])
        return child

    monkeypatch.setattr(yamlsrc, "fork", fork)
    return forked


def _parsed_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files this process parses from now on (not its children)."""
    here, parsed, real = os.getpid(), [], yamlsrc.parse

    def parse(text: str, display: str, **kw: bool) -> yamlsrc.Located:
        if os.getpid() == here:
            parsed.append(display)
        return real(text, display, **kw)

    monkeypatch.setattr(yamlsrc, "parse", parse)
    return parsed


def _alone(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[object, list[object]]:
    """The model's data and cache entries as one process makes them, the cache then emptied."""
    with monkeypatch.context() as one:
        one.setenv("BRIEFGEN_WORKERS", "1")
        data = load_workspace(ws).summary_src.data
    entries = _entries(ws)
    shutil.rmtree(ws.cache)
    return data, entries


def _entries(ws: Workspace) -> list[object]:
    """The data of each cache entry of a parse, by name (marshal may write equal data as other bytes)."""
    return [(p.name, marshal.loads(p.read_bytes())) for p in sorted(ws.cache.glob("yaml-*.marshal"))]


def test_the_model_parsed_ahead_is_the_model_parsed_here(ahead: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    data, entries = _alone(ahead, monkeypatch)
    forked, parsed = _forks(monkeypatch), _parsed_here(monkeypatch)
    loaded = load_workspace(ahead)
    assert len(forked) == 1 and parsed == ["seeds/sources.yaml"]  # the model was parsed by the child alone
    assert loaded.summary_src.data == data and _entries(ahead) == entries
    path = ("judgments", 0, "evidence", 0, "passage")  # placed on demand where a parse here places it
    placed = yamlsrc.parse(ahead.summary.read_text(encoding="utf-8"), "seeds/summary.yaml").problem(path, "x")
    assert loaded.summary_src.problem(path, "x") == placed and placed.line


@pytest.mark.parametrize("sent", [lambda data: data[:-5], lambda data: b"", lambda data: b"\x00junk"])
def test_an_answer_cut_short_or_damaged_leaves_the_parse_here(ahead: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                              sent: Callable[[bytes], bytes]) -> None:
    data, entries = _alone(ahead, monkeypatch)
    forked, parsed = _forks(monkeypatch, sent), _parsed_here(monkeypatch)
    assert load_workspace(ahead).summary_src.data == data and _entries(ahead) == entries
    assert len(forked) == 1 and parsed == ["seeds/sources.yaml", "seeds/summary.yaml"]


@pytest.mark.parametrize(("old", "new"), [
    ("judgments:", "judgments:\n\tx: 1"), ("judgments:", "judgments: [1, 2\n"), ("judgments:", "judgments: *nowhere"),
    ("judgments:", "brief: {}\njudgments:"), ("judgments:", "judgments: !!python/object:os.system x\n"),
    ("judgments:", "\x07judgments:")])
def test_a_model_that_does_not_parse_is_reported_as_one_process_reports_it(
        ahead: Workspace, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    edit(ahead.summary, old, new)
    with monkeypatch.context() as one:
        one.setenv("BRIEFGEN_WORKERS", "1")
        alone = run(ahead.root, "check")
    shutil.rmtree(ahead.output, ignore_errors=True)
    forked = _forks(monkeypatch)
    shared = run(ahead.root, "check")
    assert len(forked) == 1 and (shared.exit_code, shared.output) == (alone.exit_code, alone.output) != (0, "")
    assert "seeds/summary.yaml:" in shared.output and "Traceback" not in shared.output


def test_a_child_not_wanted_is_stopped_and_waited_for(ahead: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _forks(monkeypatch)
    with yamlsrc.parsing_ahead(ahead.model_files, ahead.cache):
        pass
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # already waited for: no child is left behind
    with pytest.raises(KeyError), yamlsrc.parsing_ahead(ahead.model_files, ahead.cache):
        raise KeyError("a fault meanwhile")
    assert len(forked) == 2 and not yamlsrc._AHEAD


def test_no_child_without_a_core_to_spare_with_the_parse_cached_or_for_a_link(ahead: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    forked = _forks(monkeypatch)
    with monkeypatch.context() as one:
        one.setenv("BRIEFGEN_WORKERS", "1")
        load_workspace(ahead)
    load_workspace(ahead)  # now from the cache
    monkeypatch.setattr(yamlsrc, "AHEAD_FROM", ahead.summary.stat().st_size + 1)
    shutil.rmtree(ahead.cache)
    load_workspace(ahead)  # too small to be worth a fork
    assert forked == []
    monkeypatch.setattr(yamlsrc, "AHEAD_FROM", 1)
    shutil.rmtree(ahead.cache)
    ahead.summary.rename(ahead.seeds / "model.yaml")
    ahead.summary.symlink_to("model.yaml")  # a link is read by load(), which decides about it, never ahead
    parsed = _parsed_here(monkeypatch)
    assert load_workspace(ahead).summary.brief.title and parsed == ["seeds/summary.yaml"]  # the catalogue ahead


def test_a_first_check_parses_ahead_and_a_stored_verdict_does_not(ahead: Workspace,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    forked, parsed, stamping = _forks(monkeypatch), _parsed_here(monkeypatch), []
    real_recall = checkcache.recall

    def recall(ws: Workspace) -> object:
        stamping.append(bool(yamlsrc._AHEAD))  # the model is being parsed while the inputs are stamped
        return real_recall(ws)

    monkeypatch.setattr(checking, "recall", recall)
    first, _ = check_verdict(ahead)
    assert len(forked) == 1 and stamping == [True] and "seeds/summary.yaml" not in parsed
    again, _ = check_verdict(ahead)
    assert again == first and len(forked) == 1 and stamping == [True, False]
    with monkeypatch.context() as one:
        one.setenv("BRIEFGEN_WORKERS", "1")
        shutil.rmtree(ahead.output)
        assert check_verdict(ahead)[0] == first


@pytest.mark.parametrize("share_from", [2, 10_000])  # the seeds read by two processes, then by this one alone
def test_seeds_read_while_the_model_is_parsed_give_the_report_of_one_process(
        ahead: Workspace, monkeypatch: pytest.MonkeyPatch, share_from: int) -> None:
    _hostile(ahead.root)
    monkeypatch.setattr(halves, "SHARE_FROM", share_from)
    with monkeypatch.context() as one:
        one.setenv("BRIEFGEN_WORKERS", "1")
        alone = _report(run_check(ahead))
    shutil.rmtree(ahead.output)
    early: list[tuple[str, bool]] = []
    real = Folder.read_early

    def read_early(folder: Folder, source: Source, digest: bool = False) -> None:
        early.append((source.file, bool(yamlsrc._AHEAD)))
        real(folder, source, digest)

    monkeypatch.setattr(Folder, "read_early", read_early)
    forked = _forks(monkeypatch)
    checked = run_check(ahead)
    assert len(forked) == 1 and _report(checked) == alone
    catalogue = [source.file for source in checked.loaded.catalogue.sources]
    assert early == [(name, True) for name in catalogue]  # every seed, read while the child parsed the model
    assert "is not valid UTF-8" in alone[0] and "seed file not found" in alone[0]
