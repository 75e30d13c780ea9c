"""Which model items an audience sees, in priority order, and how the fit step drops them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from briefgen.model.fields import ITEM_KINDS
from briefgen.model.schema import Figure, Gap, Judgment, Quote, Summary
from briefgen.render.figures import chart_figures
from briefgen.render.profiles import Profile

Item = Judgment | Figure | Quote | Gap
# When priorities tie, the fit gives up a quote before a figure before a judgment, and of one section the item
# listed last: the order the brief shows them in, and the one `limits` keeps the first of.
_DROP_ORDER = {"judgments": 0, "figures": 1, "gaps": 2, "quotes": 3}


@dataclass(frozen=True)
class Selection:
    judgments: tuple[Judgment, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    gaps: tuple[Gap, ...]
    chart: tuple[Figure, ...] = ()  # the figures the chart draws, whatever the table keeps (never dropped)
    withheld: tuple[str, ...] = ()  # items the audience would see but for its ceiling

    def ids(self) -> list[str]:
        shown = [item.id for kind in ITEM_KINDS for item in getattr(self, kind)]
        return shown + [f.id for f in self.chart if f.id not in shown]

    def first(self, most: int) -> Selection:
        """The `most` most important items of each section (the chart's figures as they are)."""
        return replace(self, **{kind: getattr(self, kind)[:most] for kind in ITEM_KINDS})

    def drop_lowest(self) -> tuple[Selection, str] | None:
        """Remove the least important item (keeping at least one judgment); None when nothing can go."""
        candidates = [(item.priority, _DROP_ORDER[kind], index, kind, item)
                      for kind in ITEM_KINDS for index, item in enumerate(getattr(self, kind))
                      if not (kind == "judgments" and len(self.judgments) == 1)]
        if not candidates:
            return None
        *_, kind, victim = max(candidates, key=lambda c: c[:3])
        kept = tuple(i for i in getattr(self, kind) if i is not victim)
        return replace(self, **{kind: kept}), victim.id


def select(summary: Summary, profile: Profile, audience: str,
           allows: Callable[[str], bool] = lambda item_id: True) -> Selection:
    """The items the profile asks for; those `allows` refuses (above the ceiling) are counted as withheld."""
    withheld: list[str] = []

    shown = shows(profile, audience)

    def chosen(items: list[Item], limit: int, section: str) -> tuple[Item, ...]:
        if section not in profile.sections:
            return ()
        wanted = [(i, allows(i.id)) for i in items if shown(i)]
        withheld.extend(i.id for i, allowed in wanted if not allowed)
        kept = sorted((i for i, allowed in wanted if allowed), key=_priority)
        return tuple(kept[:limit])

    limits = profile.limits
    judgments = chosen(summary.judgments, limits.judgments, "judgments")  # type: ignore[arg-type]
    figures = chosen(summary.figures, limits.figures, "figures")  # type: ignore[arg-type]
    quotes = chosen(summary.quotes, limits.quotes, "quotes")  # type: ignore[arg-type]
    gaps = chosen(summary.gaps, limits.gaps, "gaps")  # type: ignore[arg-type]
    chart = chart_figures(summary, profile, audience)
    withheld.extend(f.id for f in chart if not allows(f.id) and f.id not in withheld)
    return Selection(judgments, figures, quotes, gaps,  # type: ignore[arg-type]
                     tuple(f for f in chart if allows(f.id)), tuple(withheld))


def shown_by(item: Item, profile: Profile, audience: str) -> bool:
    """Whether the profile's filters show the item. An item's own `audiences` list is the analyst's word on
    who may see it: `filters.include` brings back what tags or priority leave out, never what that list does."""
    return shows(profile, audience)(item)


def shows(profile: Profile, audience: str) -> Callable[[Item], bool]:
    """shown_by for one profile and audience, its filters read once (a large model has thousands of items)."""
    rules = profile.filters
    exclude, include, tags, most = set(rules.exclude), set(rules.include), set(rules.tags), rules.max_priority
    anyone = audience == "*"

    def shown(item: Item) -> bool:
        audiences = getattr(item, "audiences", None)
        if item.id in exclude or (audiences is not None and not anyone and audience not in audiences):
            return False
        if item.id in include:
            return True
        if tags and not tags & set(getattr(item, "tags", [])):
            return False
        return item.priority <= most

    return shown


def _priority(item: Item) -> int:
    return item.priority
