"""What a template sees: plain dictionaries of the selected items, plus `cite()` for footnotes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from briefgen.render.citations import long_date, originator
from briefgen.render.profiles import Profile
from briefgen.render.selection import Selection
from briefgen.verify.check import Checked
from briefgen.verify.passages import Citation

PLAIN_CONFIDENCE = {"high": "Strong evidence", "moderate": "Some evidence", "low": "Limited evidence"}


@dataclass
class CiteRegistry:
    """Numbers every <cite/> the template emits; the reader turns each number back into a citation."""

    checked: Checked
    cited: list[Citation] = field(default_factory=list)

    def __call__(self, item: dict[str, Any] | str | list[dict[str, Any]]) -> Markup:
        """The notes of one item (or of several, as a chart cites its figures: each passage once)."""
        items = item if isinstance(item, list) else [item]
        ids = [i if isinstance(i, str) else str(i["id"]) for i in items]
        checks = [check for i in ids if (check := self.checked.verification.items.get(i))]
        marks, placed = [], set()
        for citation in (c for check in checks for c in check.citations):
            if (citation.source.id, citation.paragraph) in placed:  # two passages of one paragraph: one note
                continue
            placed.add((citation.source.id, citation.paragraph))
            self.cited.append(citation)
            marks.append(f'<cite n="{len(self.cited) - 1}"/>')
        return Markup("".join(marks))


def build_context(checked: Checked, profile: Profile, audience: str, selection: Selection,
                  cite: CiteRegistry, changes: list[dict[str, str]] | None = None,
                  edition: dict[str, Any] | None = None) -> dict[str, Any]:
    """`edition` says which version this brief is and what its changes are counted since (see regen/issued.py);
    without one (a brief never issued, or composed outside a build) the brief is compared with the last build."""
    summary = checked.loaded.summary
    brief = summary.brief
    return {
        "audience": audience,
        "profile": profile.model_dump(),
        "sections": profile.sections,
        "brief": {**brief.model_dump(), "as_of_long": long_date(brief.as_of)},
        "judgments": [_item(checked, j) for j in selection.judgments],
        "figures": [_item(checked, f) for f in selection.figures],
        "quotes": [_item(checked, q) for q in selection.quotes],
        "gaps": [_item(checked, g) for g in selection.gaps],
        "sources": _sources(checked, selection),
        "source_summary": source_summary(checked, selection),
        "chart": _chart(checked, profile, selection),
        "changes": changes or [],
        "edition": edition or edition_context(),
        "cite": cite,
        "plain_confidence": PLAIN_CONFIDENCE,
    }


def edition_context(version: int = 1, issued: bool = False, date_long: str = "", note: str = "",
                    supersedes: int | None = None, supersedes_date_long: str = "",
                    since: str = "the last brief") -> dict[str, Any]:
    """What a template knows of the brief's edition (regen/issued.py fills it in for a build); the default
    is a first draft, compared with the last brief."""
    return {"version": version, "issued": issued, "date_long": date_long, "note": note, "supersedes": supersedes,
            "supersedes_date_long": supersedes_date_long, "since": since}


def _item(checked: Checked, item: Any) -> dict[str, Any]:
    check = checked.verification.items[item.id]
    data: dict[str, Any] = item.model_dump(exclude={"evidence"})
    data["originators"] = check.originators
    data["evidence"] = [{"source": c.source.id, "originator": originator(c.source), "paragraph": c.paragraph,
                         "pinpoint": c.pinpoint, "passage": c.passage, "title": c.source.short_title or c.source.title}
                        for c in check.citations]
    return data


def _chart(checked: Checked, profile: Profile, selection: Selection) -> dict[str, Any] | None:
    """The chart a template draws: its title, unit, figures and the sources they come from, or None."""
    spec = profile.chart
    if spec is None or not selection.chart:
        return None
    figures = [_item(checked, f) for f in selection.chart]
    sources: dict[str, dict[str, str]] = {}
    for figure in figures:
        for evidence in figure["evidence"]:
            sources.setdefault(evidence["source"], {"originator": evidence["originator"], "title": evidence["title"]})
    return {"title": spec.title, "unit": spec.unit_label or selection.chart[0].unit, "figures": figures,
            "sources": list(sources.values()), "ranged": any(f["number_high"] is not None for f in figures)}


def _cited_sources(checked: Checked, selection: Selection) -> Counter[str]:
    ids = ["bluf", *selection.ids()]
    return Counter(c.source.id for i in ids if (chk := checked.verification.items.get(i)) for c in chk.citations)


def _sources(checked: Checked, selection: Selection) -> list[dict[str, Any]]:
    counts = _cited_sources(checked, selection)
    return [{**s.model_dump(), "originator": originator(s), "published_long": long_date(s.published),
             "citations": counts[s.id]} for s in checked.loaded.catalogue.sources if counts[s.id]]


def source_summary(checked: Checked, selection: Selection) -> str:
    """A generated source summary statement (ICD 206): how many sources, of what kind, how reliable."""
    sources = [s for s in checked.loaded.catalogue.sources if _cited_sources(checked, selection)[s.id]]
    if not sources:
        return "This brief cites no sources."
    kinds = Counter(s.kind for s in sources)
    kind_text = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in kinds.most_common())
    unknown = sum(1 for s in sources if not s.originator)
    dates = sorted(s.information_date or s.published for s in sources)
    text = (f"This brief rests on {len(sources)} open source{'s' if len(sources) > 1 else ''} ({kind_text}), "
            f"with information dated {long_date(dates[0])}"
            f"{' to ' + long_date(dates[-1]) if dates[-1] != dates[0] else ''}. ")
    if unknown:
        text += f"{unknown} of them {'does' if unknown == 1 else 'do'} not name an originator. "
    text += " ".join(f"{originator(s)}: {s.descriptor}" for s in sources)
    return text
