"""`briefgen check`: load, verify and lint a workspace; report everything at once."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from briefgen.collector import collection_paused, kept
from briefgen.document.typefaces import FontSet
from briefgen.errors import BriefgenError, Problem
from briefgen.model.loader import Loaded, load_workspace
from briefgen.sources.formats import NAMED_SUFFIXES
from briefgen.text import counted
from briefgen.verify import glyphs
from briefgen.verify.dates import date_problems
from briefgen.verify.lint import lint, wording
from briefgen.verify.markings import Markings, assess
from briefgen.verify.owners import SECTIONS
from briefgen.verify.passages import EarlySeeds, verify
from briefgen.verify.placeholders import placeholders
from briefgen.verify.ties import TieStore
from briefgen.verify.verdicts import Citation, Verification
from briefgen.workspace import Workspace


@dataclass(frozen=True)
class Checked:
    """A workspace whose model loaded; `verification` says whether every tie holds."""

    ws: Workspace
    loaded: Loaded
    verification: Verification
    markings: Markings = field(default_factory=Markings)

    @property
    def problems(self) -> list[Problem]:
        return self.verification.problems

    def failed(self, strict: bool = False) -> bool:
        return bool(self.verification.errors or (strict and self.verification.warnings))

    @property
    def undrawable(self) -> int:
        """How many characters of the model no font draws (counted in each field; a warning per field)."""
        return sum(len(p.details) for p in self.problems if p.code == glyphs.CODE)

    def counts(self) -> dict[str, int]:
        summary = self.loaded.summary
        counts = {section: len(getattr(summary, section)) for section, _ in SECTIONS}
        counts["passages"] = sum(len(c.citations) for c in self.verification.items.values()) + sum(
            1 for p in self.verification.errors if p.path.endswith(".passage"))
        counts["seeds"] = len(self.verification.seeds)
        return counts


def run_check(ws: Workspace, draft: bool = False, fonts: Callable[[], Mapping[str, FontSet]] | None = None,
              store: TieStore | None = None, digests: Mapping[str, str] | None = None,
              extra: Callable[[Loaded], list[Problem]] | None = None) -> Checked:
    """Load and verify; raise BriefgenError only when the files cannot be loaded at all. `draft` (coverage,
    suggest) accepts catalogue entries whose bibliographic fields are not filled in yet; `fonts` makes the
    fonts of each PDF audience (render/profilecheck.audience_fonts), for the characters no font draws. `store` and
    `digests` (`check`): the last check's ties, and the seeds' content hashes, so unchanged seeds are not
    searched again. `extra`: the caller's own checks of the model alone, reported last. The checks of the
    model alone are made while a child shares the verification of a large catalogue (verify/halves.py)."""
    with collection_paused():
        early = EarlySeeds(ws, store, digests)  # read while a child parses a large model
        loaded = load_workspace(ws, draft, early)
        model_only: list[list[Problem]] = []  # the checks of the model alone, made while a child verifies
        worded: list[list[Problem]] = []

        def meanwhile() -> None:
            model_only.extend((placeholders(loaded), glyphs.undrawable(loaded, fonts() if fonts else None),
                               extra(loaded) if extra else []))
            worded.extend(wording(loaded))

        verification = verify(ws, loaded, store, digests, meanwhile, early)
        blanks, undrawable, theirs = model_only
        verification.problems.extend(blanks)
        if not draft:  # a draft entry's missing dates stand in as the year 1000 (loader.DRAFT_STANDINS)
            verification.problems.extend(date_problems(loaded))
        verification.problems.extend(lint(loaded, verification, worded))
        markings, problems = assess(loaded)
        verification.problems.extend(problems)
        verification.problems.extend(undrawable)
        verification.problems.extend(_next_steps(ws, loaded))
        verification.problems.extend(theirs)
    return kept(Checked(ws, loaded, verification, markings))


def _next_steps(ws: Workspace, loaded: Loaded) -> list[Problem]:
    """Guidance for a new workspace: what to fill in next."""
    steps = []
    if not loaded.catalogue.sources:
        steps.append(Problem(ws.rel(ws.catalogue), "no seed documents catalogued yet", hint=(
            f"run `briefgen seeds add FILE...` for each source document ({NAMED_SUFFIXES})"),
            severity="warning"))
    if not loaded.summary.judgments:
        steps.append(Problem(ws.rel(ws.summary), "the model has no judgments yet", hint=(
            "add judgments, figures and quotes, each with evidence quoting a seed word for word"),
            severity="warning"))
    return steps


def require_verified(checked: Checked, strict: bool = False) -> None:
    """The gate every build passes: any error (or warning, when strict) stops it."""
    if checked.failed(strict):
        raise BriefgenError(checked.verification.errors + (checked.verification.warnings if strict else []))


# ---------------------------------------------------------------- reporting


def report_json(checked: Checked, strict: bool) -> str:
    items = [{"id": c.id, "kind": c.kind, "verified": not c.failed, "originators": c.originators,
              "marking": _marking(checked, c.id), "citations": [_citation_json(x) for x in c.citations]}
             for c in checked.verification.items.values()]
    return json.dumps({"ok": not checked.failed(strict), "counts": checked.counts(), "items": items,
                       "problems": [p.to_json() for p in checked.problems]}, ensure_ascii=False)


def _marking(checked: Checked, item_id: str) -> str | None:
    """The item's effective marking (None when the workspace marks nothing)."""
    level = checked.markings.item_level(item_id)
    return level.name if level else None


def _citation_json(c: Citation) -> dict[str, object]:
    found: dict[str, object] = {"source": c.source.id, "paragraph": c.paragraph, "file": c.seed_file}
    if c.page is not None:
        found.update(page=c.page, page_paragraph=c.page_paragraph)
    if c.last_paragraph is not None:
        found.update(last_paragraph=c.last_paragraph)
    found["pinpoint"] = c.pinpoint
    return found


Role = Literal["item", "error", "warning", "ok", "failed"]
Style = Callable[[str, Role], str]  # how the command line dresses each part of the report (colour, weight)


def plain(text: str, role: Role) -> str:
    return text


def report_text(checked: Checked, strict: bool, style: Style = plain) -> str:
    lines: list[str] = []
    by_item: dict[str, list[Problem]] = {}
    for problem in checked.problems:
        by_item.setdefault(problem.item or "(workspace)", []).append(problem)
    for item, problems in by_item.items():
        lines.append(style(item, "item"))
        for problem in problems:
            lines.append(style("  " + problem.format().replace("\n", "\n  "), problem.severity))
    lines.append(_summary_line(checked, strict, style))
    return "\n".join(lines)


def _summary_line(checked: Checked, strict: bool, style: Style) -> str:
    c = checked.counts()
    errors, warnings = len(checked.verification.errors), len(checked.verification.warnings)
    verified = sum(1 for i in checked.verification.items.values() if not i.failed and i.citations)
    head = (f"{counted(c['judgments'], 'judgment')}, {counted(c['figures'], 'figure')}, "
            f"{counted(c['quotes'], 'quote')}, {counted(c['gaps'], 'gap')}; {counted(c['passages'], 'passage')} in "
            f"{counted(c['seeds'], 'seed')}; {counted(verified, 'item')} verified; ")
    tail = f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"
    ok = not checked.failed(strict)
    return style(head + tail + (" — OK" if ok else " — FAILED"), "ok" if ok else "failed")
