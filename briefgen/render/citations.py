"""Source citations after ICD 206: full on a source's first citation, short afterwards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefgen.document.nodes import Link, Note, Span
from briefgen.document.scripts import in_ltr
from briefgen.model.schema import Source
from briefgen.render.profiles import CitationStyle
from briefgen.verify.passages import Citation

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
    """Makes notes in reading order, remembering which sources were already cited in full."""

    style: CitationStyle = field(default_factory=CitationStyle)
    seen: set[str] = field(default_factory=set)

    def note(self, citation: Citation) -> Note:
        source = citation.source
        key = f"{source.id}#{citation.pinpoint}"  # a range of paragraphs is a note of its own
        if source.id in self.seen and self.style.short_form != "full":
            return Note(key, _short(citation, self.style))
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


def _short(c: Citation, style: CitationStyle) -> tuple[Span | Link, ...]:
    s = c.source
    if style.short_form == "originator":
        return (Span(f"{originator(s)}, {c.pinpoint}."),)
    return (Span(f"{originator(s)}, "), Span(title(s, short=True), italic=True), Span(f", {c.pinpoint}."))
