"""What an audience may see under its profile's ceiling: the items, the BLUF, and what must never appear.

With markings off (a workspace that marks nothing) every audience sees everything, as before. With them on,
an item or source marked above the ceiling is withheld: the selection skips it, and its words, the source's text
its items cite, title, originator, link, file name and id become needles the spillage check looks for in every
file written. (A withheld item's passages of a source the audience may see are not: that text is releasable.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefgen.errors import BriefgenError, Problem
from briefgen.model.markings import Level, Scheme
from briefgen.model.schema import Source
from briefgen.render.needles import Needle, content, folded, sought, squeezed, words_of
from briefgen.render.profiles import Profile
from briefgen.verify.check import Checked
from briefgen.verify.markings import Markings
from briefgen.verify.owners import SECTIONS

MAIN_BLUF = "bluf"
_NAMES = ("label", "speaker", "speaker_native", "context")  # what names an item: one everyday word is not sought
_TEXT_FIELDS = {"judgments": ("statement", "plain"), "figures": ("value", "label"),
                "quotes": ("text", "speaker", "speaker_native", "context"), "gaps": ("statement",)}


@dataclass(frozen=True)
class Release:
    markings: Markings
    ceiling: int | None = None  # rank; None: no ceiling (markings off, or the profile sets none)
    bluf: str = MAIN_BLUF  # the BLUF this audience sees ("bluf" or "bluf:<n>"), "" when none

    def allows(self, item_id: str) -> bool:
        return self.ceiling is None or self.markings.items.get(item_id, 0) <= self.ceiling

    def allows_source(self, source_id: str) -> bool:
        return self.ceiling is None or self.markings.sources.get(source_id, 0) <= self.ceiling

    def ceiling_level(self) -> Level | None:
        return None if self.ceiling is None else self.markings.level(self.ceiling)

    def rolled_up(self, item_ids: list[str]) -> Level | None:
        """The highest marking among the items shown (the lowest level when none is shown)."""
        if not self.markings.active:
            return None
        return self.markings.level(max((self.markings.items.get(i, 0) for i in item_ids), default=0))


def release_for(checked: Checked, profile: Profile, audience: str) -> Release:
    markings = checked.markings
    if (problem := open_ceiling(profile, markings)) is not None:
        raise BriefgenError(problem)
    if markings.scheme is None or profile.ceiling is None:
        return Release(markings)
    ceiling = markings.scheme.ceiling(profile.ceiling)
    if ceiling is None:
        raise BriefgenError(unknown_ceiling(profile, markings.scheme))
    release = Release(markings, ceiling)
    return Release(markings, ceiling, _bluf_for(checked, profile, audience, release))


def open_ceiling(profile: Profile, markings: Markings) -> Problem | None:
    """A profile that sets no ceiling while the workspace marks material above the publishable level: refused,
    never taken to show everything (a public profile kept from before markings, or copied without its ceiling,
    published the internal memo)."""
    if markings.scheme is None or profile.ceiling is not None:
        return None
    top = max([*markings.sources.values(), *markings.items.values()], default=0)
    if top == 0:
        return None
    lowest, marked = markings.level(0).name, markings.level(top).name
    return profile.problem(("ceiling",), f"not set, while the workspace marks material {marked} (above the "
                           f"publishable {lowest}): an audience is not shown everything by default", (
                               f"say what this audience may see: `ceiling: {lowest}` (or `lowest`, or another "
                               f"level: {markings.scheme.names()}); `ceiling: highest` shows it everything"))


def unknown_ceiling(profile: Profile, scheme: Scheme) -> Problem:
    meant = scheme.spelled(profile.ceiling or "")
    return profile.problem(("ceiling",), f"unknown marking {profile.ceiling!r}", (
        f"did you mean {meant!r}? A ceiling is typed exactly as the scheme lists it" if meant else
        f"levels of the {scheme.name} scheme: {scheme.names()}; or lowest, highest"))


def _bluf_for(checked: Checked, profile: Profile, audience: str, release: Release) -> str:
    """The main BLUF if the audience may see it, else the highest releasable one it may; never a higher one."""
    if release.allows(MAIN_BLUF):
        return MAIN_BLUF
    count = len(checked.loaded.summary.brief.releasable)
    allowed = [f"bluf:{i}" for i in range(count) if release.allows(f"bluf:{i}")]
    if allowed:
        return max(allowed, key=lambda i: (release.markings.items[i], -int(i.split(":")[1])))
    if "bluf" not in profile.sections:
        return ""
    main, limit = release.markings.item_level(MAIN_BLUF), release.ceiling_level()
    assert main is not None and limit is not None
    raise BriefgenError(profile.problem(("ceiling",), (
        f"the {audience} brief may not show the BLUF (marked {main.name}) and the model states no releasable "
        f"BLUF at or below {limit.name}"), (
        f"add one under brief.releasable in seeds/summary.yaml ({{marking: {limit.name}, bluf: ..., "
        "evidence: [...]}), or leave bluf out of this profile's sections")))


def bluf_text(checked: Checked, bluf_id: str) -> str:
    brief = checked.loaded.summary.brief
    if bluf_id.startswith("bluf:"):
        return brief.releasable[int(bluf_id.split(":")[1])].bluf
    return brief.bluf


def withheld_ids(checked: Checked, release: Release) -> set[str]:
    return {item_id for item_id in release.markings.items if not release.allows(item_id)}


def needles(checked: Checked, release: Release) -> tuple[Needle, ...]:
    """Every text of withheld material: items' words, and withheld sources' names, links, files and ids; less
    what the audience may see anyway (a marked quote whose words a releasable passage holds: render/needles.py)."""
    if release.ceiling is None or (not withheld_ids(checked, release) and not _withheld_sources(checked, release)):
        return ()
    shown = _releasable_texts(checked, release)
    folded_shown = "\n".join(folded(text) for text in shown)
    squeezed_shown = "\n".join(squeezed(text) for text in shown)
    found = [sought(what, text, folded_shown, squeezed_shown) for what, text in _withheld_texts(checked, release)]
    return (*(needle for needle in found if needle is not None), *_contents(checked, release, words_of(shown)))


def _withheld_sources(checked: Checked, release: Release) -> bool:
    return any(not release.allows_source(source.id) for source in checked.loaded.catalogue.sources)


def _contents(checked: Checked, release: Release, shown_words: str) -> list[Needle]:
    """The whole text of each withheld source whose seed can be read."""
    seeds = checked.verification.seeds
    return [content(f"source {source.id!r} (its text, {seeds.displays.get(source.id, source.file)})",
                    seeds[source.id].text, shown_words)
            for source in checked.loaded.catalogue.sources if not release.allows_source(source.id)
            and source.id in seeds and _readable(seeds, source.id)]


def _readable(seeds: Mapping[str, Any], source_id: str) -> bool:
    try:
        seeds[source_id]
    except KeyError:  # its problem is reported by verification
        return False
    return True


def _item_texts(section: str, item: Any) -> list[tuple[str, str]]:
    return [(name, text) for name in _TEXT_FIELDS[section] if (text := getattr(item, name))]


def _releasable_texts(checked: Checked, release: Release) -> list[str]:
    """The words of everything the audience may see: items, BLUFs, their evidence, the sources it may cite."""
    summary = checked.loaded.summary
    texts = [bluf_text(checked, i) for i in release.markings.items if i.startswith(MAIN_BLUF) and release.allows(i)]
    for section, _kind in SECTIONS:
        texts += [text for item in getattr(summary, section) if release.allows(item.id)
                  for _name, text in _item_texts(section, item)]
    texts += [c.passage for check in checked.verification.items.values() if release.allows(check.id)
              for c in check.citations]
    texts += [text for source in checked.loaded.catalogue.sources if release.allows_source(source.id)
              for text in (source.title, source.short_title, source.originator, source.descriptor, source.url,
                           source.file, source.id)
              if text]
    return texts


def _withheld_texts(checked: Checked, release: Release) -> list[tuple[str, str]]:
    """(what, text) of everything withheld from the audience."""
    found = [(f"{'releasable ' if i != MAIN_BLUF else ''}BLUF {i!r}", bluf_text(checked, i))
             for i in (MAIN_BLUF, *(f"bluf:{n}" for n in range(len(checked.loaded.summary.brief.releasable))))
             if not release.allows(i)]
    for section, kind in SECTIONS:
        found += [(f"{kind} {item.id!r} ({name})", text) for item in getattr(checked.loaded.summary, section)
                  if not release.allows(item.id) for name, text in _item_texts(section, item)
                  if name not in _NAMES or not _everyday(text)]
    found += [(f"evidence of {check.id!r} (its passage of {c.source.id!r})", c.passage)
              for check in checked.verification.items.values() for c in check.citations
              if not release.allows_source(c.source.id)]
    sources = checked.loaded.catalogue.sources
    shown_originators = {s.originator for s in sources if release.allows_source(s.id)}
    for source in sources:
        if not release.allows_source(source.id):
            found += _source_needles(source, shown_originators)
    return found


def _source_needles(source: Source, shown_originators: set[str | None]) -> list[tuple[str, str]]:
    """A withheld source's names. A one-word title or id ("Notes", "memo") is an everyday word any brief may
    print ("named in the notes"): it is not sought; an originator is, whatever its length."""
    texts = {"title": source.title, "short title": source.short_title, "url": source.url, "file name": source.file,
             "id": source.id}
    texts = {name: text for name, text in texts.items() if text and not _everyday(text)}
    if source.originator not in shown_originators:
        texts["originator"] = source.originator
    return [(f"source {source.id!r} ({name})", text) for name, text in texts.items() if text]


def _everyday(text: str) -> bool:
    """One word of letters only (after folding): as likely a word of the brief's as a name of the source."""
    return folded(text).isalpha()
