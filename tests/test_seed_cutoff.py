"""The seed cutoff (regen/cutoff.py): after seeds alone changed, `check` lets the last verdict stand only when
each changed seed answers every question the last check asked of it as before, and prints exactly what
`check --no-cache` prints on the same inputs (text, JSON, exit code). Anything else verifies."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
from pathlib import Path

import pytest

import briefgen.verify.check as check_module
import briefgen.verify.reading as reading
from briefgen.regen.inputs import BUNDLED_TEMPLATES
from briefgen.verify.ties import STORE_NAME
from tests.helpers import SEED_000, SEED_002, edit, model, run, save_model

CITED = "having more than a million active troops and millions more reservists"
QUOTED = "Kim urged officials to “rapidly develop"


def _settled(ws: Path) -> None:
    """Every input's mtime 10 s in the past, so its stamp is trusted as a later check would trust it."""
    for path in [*(ws / "seeds").iterdir(), *(ws / "templates").iterdir()]:
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10_000_000_000))


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many full verifications the checks from now on ran (one entry each)."""
    ran: list[int] = []
    real = check_module.run_check

    def counting(*args: object, **kwargs: object) -> check_module.Checked:
        ran.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check_module, "run_check", counting)
    return ran


def _both(ws: Path) -> tuple[str, str, int]:
    """`check` (text), `check --json` and the exit code: the text one after `--json`, so from its record (a
    verdict made for the text report alone has no JSON to give)."""
    as_json = run(ws, "check", "--json")
    text = run(ws, "check")
    assert text.exit_code == as_json.exit_code
    return text.output, as_json.output, text.exit_code


def _afresh(ws: Path) -> tuple[str, str, int]:
    text = run(ws, "check", "--no-cache")
    as_json = run(ws, "check", "--no-cache", "--json")
    return text.output, as_json.output, text.exit_code


def _append(ws: Path, seed: str, text: str) -> None:
    path = ws / seed
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_uncited_paragraph_lets_the_verdict_stand_without_verifying(workspace: Path,
                                                                       verifications: list[int]) -> None:
    _settled(workspace)
    _both(workspace)
    assert verifications == [1]
    _append(workspace, SEED_002, "\nA paragraph no item cites.\n")
    seed = (workspace / SEED_002).read_text(encoding="utf-8")
    after = _both(workspace)
    _append(workspace, SEED_002, "\nAnd another one.\n")  # from the store and record the cutoff wrote
    again = _both(workspace)
    assert verifications == [1]  # the cutoff answered: no model loaded, nothing verified
    assert again == _afresh(workspace)
    (workspace / SEED_002).write_text(seed, encoding="utf-8")
    assert after == _afresh(workspace)


def test_every_changed_seed_is_asked_again(workspace: Path, verifications: list[int]) -> None:
    """Two seeds changed at once: an uncited paragraph in one lets the verdict stand only if the other, whose
    cited passage is gone, is asked too."""
    _settled(workspace)
    before = _both(workspace)
    _append(workspace, SEED_002, "\nA paragraph no item cites.\n")
    _append(workspace, SEED_000, "\nAnother paragraph no item cites.\n")
    assert _both(workspace) == before
    assert verifications == [1]  # the cutoff stood
    _append(workspace, SEED_002, "\nOne more.\n")
    edit(workspace / SEED_000, CITED, CITED.replace("million", "thousand"))
    text, _, code = after = _both(workspace)
    assert verifications == [1, 1]
    assert code == 1 and "passage not found in seeds/000_eab46a25288d9a93.txt" in text
    assert after == _afresh(workspace)


def test_a_removed_cited_passage_is_reported_after_the_cutoff(workspace: Path, verifications: list[int]) -> None:
    _settled(workspace)
    _both(workspace)
    edit(workspace / SEED_000, CITED, CITED.replace("million", "thousand"))
    text, _, code = after = _both(workspace)
    assert code == 1 and "passage not found in seeds/000_eab46a25288d9a93.txt" in text
    assert after == _afresh(workspace)


def test_a_paragraph_moved_changes_the_pinpoints_it_reports(workspace: Path) -> None:
    """A cited paragraph's number is an answer too: a new paragraph above it is never cut off."""
    _settled(workspace)
    before = _both(workspace)
    path = workspace / SEED_000
    path.write_text("A new first paragraph.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = _both(workspace)
    assert after != before and after == _afresh(workspace)


def test_quotation_marks_taken_away_bring_the_paraphrase_warning(workspace: Path) -> None:
    _settled(workspace)
    _both(workspace)
    edit(workspace / SEED_000, QUOTED, "“" + QUOTED)  # the cited passage stays; the quote's words are outside
    text, _, _ = after = _both(workspace)
    assert "the seed does not put these words in quotation marks" in text
    assert after == _afresh(workspace)


@pytest.mark.parametrize("changed", ["seeds/summary.yaml", "seeds/sources.yaml", "templates/executive.yaml"])
def test_a_changed_model_catalogue_or_template_verifies_in_full(workspace: Path, verifications: list[int],
                                                                changed: str) -> None:
    shutil.copy(BUNDLED_TEMPLATES / "executive.yaml", workspace / "templates")
    _settled(workspace)
    _both(workspace)
    _append(workspace, SEED_002, "\nA paragraph no item cites.\n")
    _append(workspace, changed, "\n# a comment\n")
    after = _both(workspace)
    assert len(verifications) == 2
    assert after == _afresh(workspace)


def test_a_new_seed_file_verifies_in_full_and_warns_it_is_not_catalogued(workspace: Path,
                                                                        verifications: list[int]) -> None:
    _settled(workspace)
    _both(workspace)
    _append(workspace, SEED_002, "\nA paragraph no item cites.\n")
    (workspace / "seeds" / "new.txt").write_text("Not catalogued.\n", encoding="utf-8")
    text, _, _ = after = _both(workspace)
    assert len(verifications) == 2 and "seeds/new.txt" in text
    assert after == _afresh(workspace)


@pytest.mark.parametrize("damage", ["garbage", "another store", "missing"])
def test_a_damaged_replaced_or_missing_store_falls_back_to_a_full_check(
        workspace: Path, verifications: list[int], damage: str) -> None:
    _settled(workspace)
    _both(workspace)
    store = workspace / "output/.cache" / STORE_NAME
    if damage == "garbage":
        store.write_bytes(b"\x00not marshal")
    elif damage == "another store":  # the same entries, written by another check (another token)
        version, _, entries = marshal.loads(store.read_bytes())
        store.write_bytes(marshal.dumps((version, "0" * 16, entries)))
    else:
        store.unlink()
    _append(workspace, SEED_002, "\nA paragraph no item cites.\n")
    after = _both(workspace)
    assert len(verifications) == 2
    assert after == _afresh(workspace)


def test_a_changed_seed_that_cannot_be_read_is_reported(workspace: Path, verifications: list[int]) -> None:
    _settled(workspace)
    _both(workspace)
    (workspace / SEED_002).write_bytes(b"\xff\xfe not UTF-8 \xc3\x28\n")
    text, _, code = after = _both(workspace)
    assert code == 1 and len(verifications) == 2 and "002_828a4c93c67805e5.txt" in text
    assert after == _afresh(workspace)


def test_a_verdict_made_without_the_store_is_never_cut_off(workspace: Path, verifications: list[int]) -> None:
    """`check --no-cache` records no cutoff: the next check after a seed changed verifies."""
    _settled(workspace)
    _afresh(workspace)
    _append(workspace, SEED_002, "\nA paragraph no item cites.\n")
    _both(workspace)
    assert len(verifications) == 3


def test_a_seed_changed_while_a_check_reads_it_is_never_cut_off_later(
        workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A seed the store vouched for is read late (a new passage cites it) and has changed since it was
    stamped: its new answers are kept under the bytes read, and the verdict records no cutoff."""
    _settled(workspace)
    _both(workspace)
    data = model(workspace)
    data["judgments"][0]["evidence"].append({"source": "gsw-ai-arms-race", "passage": "Source: KCNA"})
    save_model(workspace, data)
    seed = workspace / SEED_000
    real = reading.read_seed

    def changing(root: str, file: str, *args: object, **kwargs: object) -> reading.Seed:
        if file == seed.name:
            seed.write_text(seed.read_text(encoding="utf-8") + "\nWritten during the check.\n", encoding="utf-8")
        return real(root, file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "read_seed", changing)
    assert run(workspace, "check").exit_code == 0
    record = json.loads((workspace / "output/.cache/check.json").read_text(encoding="utf-8"))
    assert record["cutoff"] is None
    now = hashlib.sha256(seed.read_bytes()).hexdigest()
    _, _, entries = marshal.loads((workspace / "output/.cache" / STORE_NAME).read_bytes())
    assert [key[0][0] for key in entries if key[1:] == ("Source: KCNA", data["judgments"][0]["statement"])] == [now]


def test_a_seed_changed_while_check_no_cache_verifies_is_verified_by_the_next_check(
        workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check --no-cache` stores its verdict under the stamps the inputs had before it read them: a cited
    passage taken out of a seed while it verifies leaves the next check no passing verdict to reuse."""
    _settled(workspace)
    real = check_module.run_check

    def changing(*args: object, **kwargs: object) -> check_module.Checked:
        checked = real(*args, **kwargs)  # type: ignore[arg-type]
        edit(workspace / SEED_000, CITED, CITED.replace("million", "thousand"))
        return checked

    monkeypatch.setattr(check_module, "run_check", changing)
    assert run(workspace, "check", "--no-cache").exit_code == 0
    monkeypatch.setattr(check_module, "run_check", real)
    after = run(workspace, "check")
    assert after.exit_code == 1 and "not found" in after.output, after.output


def test_the_json_report_is_made_only_when_asked_and_a_verdict_without_it_is_verified_again(
        workspace: Path, verifications: list[int]) -> None:
    _settled(workspace)
    text = run(workspace, "check")
    record = json.loads((workspace / "output" / ".cache" / "check.json").read_text(encoding="utf-8"))
    assert record["verdict"]["json"] is None  # the text report alone was asked for
    assert run(workspace, "check").output == text.output
    assert verifications == [1]  # the text verdict stands for the text report
    as_json = run(workspace, "check", "--json")
    assert verifications == [1, 1]  # but not for the JSON one: verified again, and stored with it
    assert json.loads(as_json.output) == json.loads(run(workspace, "check", "--no-cache", "--json").output)
    assert run(workspace, "check").output == text.output and run(workspace, "check", "--json").output == as_json.output
    assert verifications == [1, 1, 1]  # the --no-cache one; the two after it were answered from the record
