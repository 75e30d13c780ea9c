"""What one audience's brief is made of, as plain data: hashed to decide rebuilds, diffed for "what changed"."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from briefgen.render.profiles import Profile
from briefgen.render.selection import select
from briefgen.verify.check import Checked

Snapshot = dict[str, Any]


def snapshot(checked: Checked, profile: Profile, audience: str) -> Snapshot:
    """The brief header and every item the audience may show, with where each passage sits."""
    summary = checked.loaded.summary
    chosen = select(summary, profile, audience)
    items: dict[str, Any] = {}
    for item_id in ["bluf", *chosen.ids()]:
        check = checked.verification.items[item_id]
        model = summary.brief if item_id == "bluf" else _find(checked, item_id)
        data = model.model_dump(exclude={"evidence", "bluf_evidence", "keywords", "title", "subject", "as_of",
                                         "author", "likelihood_row"})
        data["kind"] = check.kind
        # a PDF passage also records its page: the footnote prints it, so a move to another page rebuilds
        data["evidence"] = [[c.source.id, c.paragraph, c.passage, *([c.pinpoint] if c.page else [])]
                            for c in check.citations]
        if check.failed:  # only `diff` and `status` see this: a build stops first
            data["broken"] = True
        items[item_id] = data
    sources = {c[0] for item in items.values() for c in item["evidence"]}
    return {"brief": summary.brief.model_dump(exclude={"bluf", "bluf_evidence"}), "items": items,
            "sources": {s.id: s.model_dump() for s in checked.loaded.catalogue.sources if s.id in sources}}


def full_snapshot(checked: Checked) -> Snapshot:
    """Every item of the model, whatever any audience shows (what `briefgen diff` compares)."""
    everything = Profile(template="all.j2", sections=["bluf", "judgments", "figures", "quotes", "gaps"])
    return snapshot(checked, everything, "*")


def _find(checked: Checked, item_id: str) -> Any:
    summary = checked.loaded.summary
    for section in ("judgments", "figures", "quotes", "gaps"):
        for item in getattr(summary, section):
            if item.id == item_id:
                return item
    raise KeyError(item_id)


def digest(snap: Snapshot, profile: Profile, template_sources: list[str], tool: str) -> str:
    payload = json.dumps([snap, profile.model_dump(), template_sources, tool], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
