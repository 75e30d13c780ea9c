"""Source citations after ICD 206: full on a source's first citation, short afterwards."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefgen.document.nodes import Link, Note, Span
from briefgen.document.scripts import in_ltr
from briefgen.model.schema import Source
from briefgen.render.profiles import CitationStyle
from briefgen.verify.verdicts import Citation

UNKNOWN = "Originator unknown"


def long_date(value: str) -> str:
    """'2025-09-18' → '18 September 2025'; '2025-09' → 'September 2025'; '2025' stays."""
    parts = value.split("-")
    if len(parts) == 3:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        return f"{day.day} {day:%B %Y}"
    if len(parts) == 2:
        return f"{dt.date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return value


def originator(source: Source) -> str:
    return in_ltr(source.originator or UNKNOWN)


def title(source: Source, short: bool = False) -> str:
    """The source's title (its short title, when it has one, for `short`), as a left-to-right sentence
    prints it (scripts.in_ltr)."""
    return in_ltr((short and source.short_title) or source.title)


@dataclass
class Citer:
    """Makes notes in reading order, remembering which sources were already cited in full. `cited` is every
    source the brief cites: a short note that would read the same for two of them (two daily reports of one
    office under one title) says as much more as tells them apart (the title, then the publication date)."""

    style: CitationStyle = field(default_factory=CitationStyle)
    cited: Iterable[Source] = ()
    seen: set[str] = field(default_factory=set)
    _short_parts: dict[str, int] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._short_parts = _distinct_parts({s.id: s for s in self.cited}.values(), self.style.short_form)

    def note(self, citation: Citation) -> Note:
        source = citation.source
        key = f"{source.id}#{citation.pinpoint}"  # a range of paragraphs is a note of its own
        if source.id in self.seen and self.style.short_form != "full":
            return Note(key, _short(citation, self._short_parts.get(source.id, _fewest(self.style.short_form))))
        self.seen.add(source.id)
        return Note(key, _full(citation, self.style))


def _full(c: Citation, style: CitationStyle) -> tuple[Span | Link, ...]:
    s = c.source
    where = f" (seed file {c.seed_file})" if style.seed_file else ""
    accessed = f", accessed {long_date(s.accessed)}" if style.accessed else ""
    published = f"published {long_date(s.published)}, {c.pinpoint}{where}{accessed}"
    runs: list[Span | Link] = [Span(f"{originator(s)}, "), Span(title(s), italic=True),
                               Span(f", {in_ltr(s.kind)}, {published}")]
    if s.url and style.url:
        runs += [Span(", "), Link(s.url, s.url)]
    runs.append(Span("."))
    return tuple(runs)


# What a short note says, by how many of these parts it needs: the originator, its (short) title, the date
SHORT_PARTS = 3


def _distinct_parts(sources: Iterable[Source], short_form: str) -> dict[str, int]:
    """For each source, the fewest parts of a short note (from 1 for `originator`, 2 for `title`) that no
    other cited source shares; all three where even those are shared."""
    chosen: dict[str, int] = {}
    left = list(sources)
    for parts in range(_fewest(short_form), SHORT_PARTS + 1):
        labels = Counter(_label(s, parts) for s in left)
        chosen.update((s.id, parts) for s in left if labels[_label(s, parts)] == 1 or parts == SHORT_PARTS)
        left = [s for s in left if s.id not in chosen]
    return chosen


def _fewest(short_form: str) -> int:
    """The parts every short note of this form says: the originator alone, or with the title."""
    return 1 if short_form == "originator" else 2


def _label(s: Source, parts: int) -> tuple[str, ...]:
    return (originator(s), title(s, short=True), s.published)[:parts]


def _short(c: Citation, parts: int) -> tuple[Span | Link, ...]:
    s = c.source
    tail = f"{long_date(s.published)}, {c.pinpoint}." if parts > 2 else f"{c.pinpoint}."
    if parts == 1:
        return (Span(f"{originator(s)}, {tail}"),)
    return (Span(f"{originator(s)}, "), Span(title(s, short=True), italic=True), Span(f", {tail}"))
