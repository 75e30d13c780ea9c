"""`check` as the command runs it: the stored verdict when no input changed, the seed cutoff when seeds alone
did (regen/cutoff.py), else a verification that reuses the ties of unchanged seeds; `--no-cache` verifies
everything afresh. Whichever way it is reached, the verdict is the same text, JSON and exit code."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from functools import partial
from typing import TYPE_CHECKING

from briefgen.collector import collection_paused
from briefgen.regen.checkcache import (
    CACHE_NAME,
    Cutoff,
    Verdict,
    recall,
    remember,
    seed_digests,
    stamps_beside,
    tie_store,
)
from briefgen.workspace import Workspace

if TYPE_CHECKING:  # the model and its verification load only when the stored verdict does not stand
    from briefgen.document.typefaces import FontSet
    from briefgen.errors import Problem
    from briefgen.model.loader import Loaded
    from briefgen.verify.check import Checked


def check_verdict(ws: Workspace, no_cache: bool = False, verified: bool = False,
                  as_json: bool = False) -> tuple[Verdict, Checked | None]:
    """The workspace's (non-strict) verdict, with its JSON when `as_json`; with `verified` (a report in colour
    needs the problems themselves), always from a verification, which is returned too. The collector is
    paused throughout: the imports, the model, its verification and the reports are all kept to the end."""
    with collection_paused():
        return _verdict(ws, no_cache, verified, as_json)


def _verdict(ws: Workspace, no_cache: bool, verified: bool, as_json: bool) -> tuple[Verdict, Checked | None]:
    with _parsing_ahead(ws):
        return _verified(ws, no_cache, verified, as_json)


def _parsing_ahead(ws: Workspace) -> AbstractContextManager[None]:
    """A first check (no stored verdict: it will verify) starts parsing a large model now, in a child, while
    this process stamps the inputs and imports the verification (model/yamlsrc.py, parsing_ahead)."""
    if (ws.cache / CACHE_NAME).exists():
        return nullcontext()
    from briefgen.model.yamlsrc import parsing_ahead

    return parsing_ahead(ws.model_files, ws.cache)


def _verified(ws: Workspace, no_cache: bool, verified: bool, as_json: bool) -> tuple[Verdict, Checked | None]:
    # Stamped before the verification, also afresh: a file changed while it is verified then no longer
    # matches the stamps the verdict is stored under, so the next check verifies it again.
    verdict, stamps, record = (None, stamps_beside(ws, _imports), None) if no_cache else recall(ws)
    stands = not verified and (record is None or record.verdict.serves(as_json))
    if verdict is None and record is not None and stands:
        from briefgen.regen.cutoff import cut_off

        verdict = cut_off(ws, record, stamps)
    if verdict is not None and stands:
        return verdict, None
    from briefgen.regen.cutoff import seed_readings
    from briefgen.verify.check import report_json, report_text, run_check

    store = None if no_cache else tie_store(ws)
    checked = run_check(ws, fonts=partial(_fonts, ws), store=store,
                        digests=None if store is None else seed_digests(stamps), extra=partial(_profiles, ws))
    if not checked.failed(False):  # as a build, which composes nothing before the model verifies
        checked.verification.problems.extend(_rendered(checked))
    verdict = Verdict(report_text(checked, strict=False), report_json(checked, strict=False) if as_json else None,
                      checked.failed(False), checked.failed(True))
    readings = None if store is None else seed_readings(checked, stamps)
    token = store.save() if store is not None else ""
    remember(ws, verdict, stamps, Cutoff(token, readings) if readings is not None and token else None)
    return verdict, checked


def _imports() -> None:
    """What a verification needs imported (pydantic and the model's schema among them)."""
    import briefgen.regen.cutoff
    import briefgen.verify.check  # noqa: F401


# The audiences' profiles are read (and the rendering code they need imported) while a child verifies a large
# check's seeds (verify/halves.py): run_check asks for both only then.
def _fonts(ws: Workspace) -> dict[str, FontSet]:
    from briefgen.render.profilecheck import audience_fonts

    return audience_fonts(ws)


def _rendered(checked: Checked) -> list[Problem]:
    """The templates run as a build would run them now: on the edition and the changes of the briefs already
    built and issued in output/ (a changes section fails only once there is something to compare with). With
    nothing built there, a first edition, without reading (or importing) the record of issued versions."""
    from briefgen.regen.record import LOCK_NAME
    from briefgen.render.profilecheck import rendered

    if not (checked.ws.output / LOCK_NAME).exists():
        return rendered(checked)
    from briefgen.regen.standing import trial_context

    return rendered(checked, trial_context(checked, checked.ws.output))


def _profiles(ws: Workspace, loaded: Loaded) -> list[Problem]:
    from briefgen.render.profilecheck import check_profiles

    return check_profiles(ws, loaded)
