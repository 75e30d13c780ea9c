"""What one audience's brief is made of, as plain data: hashed to decide rebuilds, diffed for "what changed"."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from briefgen.errors import BriefgenError
from briefgen.model.fields import ITEM_KINDS
from briefgen.model.markings import HIGHEST
from briefgen.render.profiles import Profile
from briefgen.render.release import MAIN_BLUF, release_for, withheld_ids
from briefgen.render.selection import select
from briefgen.verify.check import Checked

Snapshot = dict[str, Any]


def snapshot(checked: Checked, profile: Profile, audience: str) -> Snapshot:
    """The brief header and every item the audience may show, with where each passage sits."""
    summary = checked.loaded.summary
    release = release_for(checked, profile, audience)
    chosen = select(summary, profile, audience, release.allows)
    items: dict[str, Any] = {}
    models = _models(checked)
    for item_id in [*([release.bluf] if release.bluf else []), *chosen.ids()]:
        check = checked.verification.items[item_id]
        data = _model_of(checked, models, item_id).model_dump(exclude={
            "evidence", "bluf_evidence", "keywords", "title", "subject", "as_of", "author", "likelihood_row",
            "releasable"})
        data["kind"] = check.kind
        item_id = MAIN_BLUF if check.kind == "bluf" else item_id  # the BLUF shown, whichever was released
        # a PDF passage also records its page: the footnote prints it, so a move to another page rebuilds
        data["evidence"] = [[c.source.id, c.paragraph, c.passage, *([c.pinpoint] if c.page else [])]
                            for c in check.citations]
        if check.failed:  # only `diff` and `status` see this: a build stops first
            data["broken"] = True
        items[item_id] = data
    sources = {c[0] for item in items.values() for c in item["evidence"]}
    return {"brief": summary.brief.model_dump(exclude={"bluf", "bluf_evidence", "bluf_marking", "releasable"}),
            "items": items,
            "sources": {s.id: s.model_dump() for s in checked.loaded.catalogue.sources if s.id in sources}}


def withheld_from(checked: Checked, profile: Profile, audience: str) -> list[str]:
    """The ids of the items and sources withheld from the audience by its ceiling, sorted."""
    release = release_for(checked, profile, audience)
    sources = [f"source:{s.id}" for s in checked.loaded.catalogue.sources if not release.allows_source(s.id)]
    return sorted([*withheld_ids(checked, release), *sources])


def _ceiling(checked: Checked, profile: Profile | None) -> int | None:
    if profile is None:
        return None
    try:
        return release_for(checked, profile, "*").ceiling
    except BriefgenError:  # a profile this build does not build, now unsound: as if it had no ceiling
        return None


def full_snapshot(checked: Checked, ceiling: str = HIGHEST) -> Snapshot:
    """Every item of the model, whatever any audience shows (what `briefgen diff` compares); up to `ceiling`
    only, for the records of a folder that holds no audience cleared for more."""
    everything = Profile(template="all.j2", sections=["bluf", *ITEM_KINDS], ceiling=ceiling)
    return snapshot(checked, everything, "*")


def folder_ceiling(checked: Checked, profiles: Iterable[Profile | None]) -> str:
    """The highest ceiling among the audiences whose briefs a folder holds (a profile gone: no ceiling): its
    records (the build record, the lock) keep the model only up to it. `build -a public -o web/` put the whole
    model, the memo and every item withheld from the public, in web/briefgen.lock beside the public brief."""
    markings = checked.markings
    if markings.scheme is None:
        return HIGHEST
    ranks = [_ceiling(checked, p) for p in profiles]
    return HIGHEST if not ranks or None in ranks else markings.level(max(r for r in ranks if r is not None)).name


def _models(checked: Checked) -> dict[str, Any]:
    """Every item by its id, the first of a duplicated id winning (a dictionary: 40,000 items are looked up)."""
    models: dict[str, Any] = {}
    for section in ITEM_KINDS:
        for item in getattr(checked.loaded.summary, section):
            models.setdefault(item.id, item)
    return models


def _model_of(checked: Checked, models: dict[str, Any], item_id: str) -> Any:
    summary = checked.loaded.summary
    if item_id == MAIN_BLUF:
        return summary.brief
    if item_id.startswith(f"{MAIN_BLUF}:"):
        return summary.brief.releasable[int(item_id.split(":")[1])]
    return models[item_id]


def digest(snap: Snapshot, profile: Profile, template_sources: list[str], tool: str,
           withheld: list[str] | None = None) -> str:
    """What a brief is made from. `withheld` (`withheld_from`) is part of it: a brief up to date in what it
    shows must be checked again when what it may not show changes (a source it never cites marked above its
    ceiling: its title in the brief's subject is now a leak); left out when nothing is withheld, so a
    workspace without markings keeps its digests."""
    parts = [snap, profile.model_dump(), template_sources, tool, *([withheld] if withheld else [])]
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
