"""What a brief says about its own markings: the rolled-up banner, portion marks, and where its sources stand.

Nothing here is typed by hand in a profile: the banner's level is the highest marking among the items shown,
and "published sources" is said only when every cited source carries the scheme's lowest (publishable) level.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from briefgen.model.schema import Source
from briefgen.render.citations import long_date, originator
from briefgen.render.profiles import Profile
from briefgen.render.release import Release
from briefgen.render.selection import Selection
from briefgen.text import sentence
from briefgen.verify.check import Checked

CAVEAT_SEPARATOR = " // "


@dataclass(frozen=True)
class Marks:
    checked: Checked
    profile: Profile
    release: Release

    def portion(self, item_id: str) -> str:
        """"(TLP:AMBER) " before an item when the profile asks for portion marks, else nothing."""
        level = self.checked.markings.item_level(item_id)
        return f"({level.portion}) " if level and self.profile.portion_marks else ""


def banner(profile: Profile, release: Release, selection: Selection) -> str:
    """The banner line: the highest marking shown, with the profile's own banner text as a caveat beside it."""
    shown = [*([release.bluf] if release.bluf and "bluf" in profile.sections else []), *selection.ids()]
    level = release.rolled_up(shown)
    if level is None:
        return profile.banner
    return CAVEAT_SEPARATOR.join(part for part in (level.banner, profile.banner) if part)


def _unpublished(checked: Checked, sources: Counter[Source]) -> list[Source]:
    return [s for s in sources if checked.markings.sources.get(s.id, 0) > 0]


def provenance(checked: Checked, sources: Counter[Source]) -> str:
    """What each statement rests on ("a published source" only if true): "a passage of {provenance}"."""
    if not checked.markings.active:
        return "a source"
    unpublished = _unpublished(checked, sources)
    if not unpublished:
        return "a published source"
    levels = sorted({checked.markings.sources[s.id] for s in unpublished})
    names = " or ".join(checked.markings.level(r).name for r in levels)
    return (f"one of {len(sources)} sources ({len(unpublished)} of them unpublished, marked {names})"
            if len(sources) > 1 else f"an unpublished source, marked {names}")


def _described(checked: Checked, sources: Counter[Source]) -> str:
    """'2 open sources' as before when nothing is marked; else whether they are published, by their markings."""
    count = f"{len(sources)} {{}}source{'s' if len(sources) > 1 else ''}"
    if not checked.markings.active:
        return count.format("open ")
    unpublished = len(_unpublished(checked, sources))
    if not unpublished:
        return count.format("published ")
    return count.format("") + f" ({len(sources) - unpublished} published, {unpublished} not)"


def source_summary(checked: Checked, sources: Counter[Source]) -> str:
    """A generated source summary statement (ICD 206): how many sources, of what kind, how reliable."""
    if not sources:
        return "This brief cites no sources."
    kinds = Counter(s.kind for s in sources)
    kind_text = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in kinds.most_common())
    unknown = sum(1 for s in sources if not s.originator)
    dates = sorted(s.information_date or s.published for s in sources)
    text = (f"This brief rests on {_described(checked, sources)} ({kind_text}), "
            f"with information dated {long_date(dates[0])}"
            f"{' to ' + long_date(dates[-1]) if dates[-1] != dates[0] else ''}. ")
    if unknown:
        text += f"{unknown} of them {'does' if unknown == 1 else 'do'} not name an originator. "
    # each source described once, as a sentence; two entries of one originator saying the same, once
    text += " ".join(dict.fromkeys(f"{originator(s)}: {sentence(s.descriptor)}" for s in sources))
    return text
