"""A large check shared with a forked child (verify/halves.py) reports exactly what one process reports: the
same problems in the same order, the same citations, the same verdict, whatever the child does. The
threshold is lowered so the shipped workspace, with hostile seeds added, is shared."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import briefgen.forking as forking
import briefgen.verify.halves as halves
from briefgen.regen.checkcache import CACHE_NAME
from briefgen.regen.checking import check_verdict
from briefgen.verify.check import Checked, report_json, report_text, run_check
from briefgen.verify.ties import STORE_NAME
from briefgen.workspace import Workspace
from tests.helpers import SEED_000, append_entry, edit

SEED_000_TEXT = "having more than a million active troops and millions more reservists"


def _hostile(ws: Path) -> None:
    """Seeds of every kind a check meets: readable, missing, not UTF-8, a link out of seeds/, one holding a
    passage twice, one cited with skipped words; passages found, moved and gone; a quote in quotation marks."""
    seeds = ws / "seeds"
    (seeds / "twice.txt").write_text("Alpha beta gamma delta.\n\nSomething else.\n\nAlpha beta gamma delta.\n",
                                     encoding="utf-8")
    (seeds / "skips.txt").write_text("The minister said “we will never bow” to the pressure, then left.\n"
                                     "The second line goes on from there.\n", encoding="utf-8")
    (seeds / "latin1.txt").write_bytes("caf\u00e9 au lait\n".encode("latin-1"))
    (ws.parent / "outside.txt").write_text("A secret outside the workspace.\n", encoding="utf-8")
    os.symlink(ws.parent / "outside.txt", seeds / "link.txt")
    for n, name in enumerate(("twice.txt", "skips.txt", "latin1.txt", "link.txt", "missing.txt")):
        append_entry(ws, f"extra-{n}", name, f"Originator {n}")
    text = (ws / "seeds" / "summary.yaml").read_text(encoding="utf-8")
    text += ("  - id: g-twice\n    statement: Something about gamma.\n    evidence:\n"
             "      - {source: extra-0, passage: \"alpha beta gamma\"}\n"
             "      - {source: extra-1, passage: \"minister said … will never bow\"}\n"
             "      - {source: extra-2, passage: \"café au lait\"}\n"
             "      - {source: extra-3, passage: \"a secret\"}\n"
             "      - {source: extra-4, passage: \"anything at all\"}\n"
             "      - {source: extra-1, passage: \"the minister wept\"}\n")
    (ws / "seeds" / "summary.yaml").write_text(text, encoding="utf-8")
    edit(ws / SEED_000, SEED_000_TEXT, SEED_000_TEXT.replace("million", "thousand"))  # a cited passage gone


def _report(checked: Checked) -> tuple[str, str]:
    return report_text(checked, strict=False), report_json(checked, strict=False)


@pytest.fixture
def hostile(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    _hostile(workspace)
    assert "\ngaps:" in (workspace / "seeds" / "summary.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(halves, "SHARE_FROM", 2)
    monkeypatch.setenv("BRIEFGEN_WORKERS", "2")
    return Workspace.at(workspace)


def _alone(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    with monkeypatch.context() as one:
        one.setenv("BRIEFGEN_WORKERS", "1")
        checked = run_check(ws)
    assert checked.verification.answers is None
    return _report(checked)


def test_a_shared_check_reports_what_one_process_reports(hostile: Workspace,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _alone(hostile, monkeypatch)
    shared = run_check(hostile)
    answers = shared.verification.answers
    assert answers is not None and answers.named and answers.seeds  # both processes read seeds
    assert answers.quoted  # the quote's paragraph was asked about, and answered
    assert _report(shared) == alone
    for expected in ("passage not found in seeds/000_eab46a25288d9a93.txt", "is not valid UTF-8",
                     "symbolic link that leaves the seeds/ folder", "seed file not found",
                     "the passage is in 2 places in seeds/twice.txt", "passage not found in seeds/skips.txt"):
        assert expected in alone[0]
    assert "g-twice: passage not found in seeds/skips.txt" in alone[0]  # the second passage; the first was found


def test_a_child_that_fails_leaves_its_half_to_this_process(hostile: Workspace,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _alone(hostile, monkeypatch)

    def fails(answers: halves.Answers) -> object:
        raise RuntimeError("the child fails")

    monkeypatch.setattr(halves, "_plain", fails)  # only the child sends its answers
    shared = run_check(hostile)
    assert shared.verification.answers is not None and not shared.verification.answers.named
    assert _report(shared) == alone


def _forks(monkeypatch: pytest.MonkeyPatch, sent: Callable[[bytes], bytes] = lambda data: data) -> list[int]:
    """The pids of the children forked from now on; each sends `sent` of what it would have sent."""
    forked: list[int] = []
    real_fork = forking.fork

    def fork(produce: Callable[[], bytes]) -> tuple[int, int]:
        pid, pipe = real_fork(lambda: sent(produce()))
        forked.append(pid)
        return pid, pipe

    monkeypatch.setattr("briefgen.verify.halves.fork", fork)
    return forked


def test_an_answer_cut_short_counts_as_none(hostile: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _alone(hostile, monkeypatch)
    forked = _forks(monkeypatch, lambda data: data[:-7])
    shared = run_check(hostile)
    assert len(forked) == 1
    assert shared.verification.answers is not None and not shared.verification.answers.named
    assert _report(shared) == alone


def test_an_error_here_stops_the_child_and_is_raised(hostile: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = run_check(hostile).loaded
    forked = _forks(monkeypatch)

    def unreadable(source: object) -> object:
        raise KeyError("a fault in reading")

    with pytest.raises(KeyError):
        halves.shared(loaded, unreadable, lambda: None)  # type: ignore[arg-type]
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # already waited for: no child is left behind


def _stored_check(ws: Workspace) -> tuple[tuple[str, str], dict[object, object]]:
    """A first `check` (a tie store, empty): its report, and the ties it stored."""
    cache = ws.root / "output" / ".cache"
    for name in (STORE_NAME, CACHE_NAME):
        (cache / name).unlink(missing_ok=True)
    verdict, checked = check_verdict(ws, as_json=True)
    assert checked is not None
    stored = marshal.loads((cache / STORE_NAME).read_bytes())
    return (verdict.text, verdict.report(True)), stored[2]


def test_a_first_check_shares_its_seeds_and_stores_what_one_process_stores(
        hostile: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as one:
        one.setenv("BRIEFGEN_WORKERS", "1")
        alone, alone_ties = _stored_check(hostile)
    forked = _forks(monkeypatch)
    shared, shared_ties = _stored_check(hostile)
    assert len(forked) == 1
    assert shared == alone
    assert shared_ties == alone_ties and list(shared_ties) == list(alone_ties)  # same questions, same order
    edit(hostile.root / "seeds" / "twice.txt", "else.\n\nAlpha beta gamma delta.", "else.")  # now in one place
    monkeypatch.setattr(halves, "SHARE_FROM", 5)  # the changed seed and the 3 unreadable ones: not shared
    forked.clear()
    after = check_verdict(hostile, as_json=True)[0]
    assert forked == []
    assert after.text != alone[0] and after.text == _alone(hostile, monkeypatch)[0]  # the store's ties hold
