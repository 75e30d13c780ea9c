"""What a template sees: plain dictionaries of the selected items, plus `cite()` for footnotes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from jinja2.exceptions import TemplateRuntimeError
from markupsafe import Markup

from briefgen.document.quotes import quoted
from briefgen.document.scripts import in_ltr
from briefgen.model.schema import Source
from briefgen.render.citations import long_date, originator, title
from briefgen.render.marks import Marks, banner, provenance, source_summary
from briefgen.render.profiles import Profile
from briefgen.render.release import MAIN_BLUF, Release, bluf_text
from briefgen.render.selection import Selection
from briefgen.text import sentence
from briefgen.verify.check import Checked
from briefgen.verify.verdicts import Citation

PLAIN_CONFIDENCE = {"high": "Strong evidence", "moderate": "Some evidence", "low": "Limited evidence"}


@dataclass
class CiteRegistry:
    """Numbers every <cite/> the template emits; the reader turns each number back into a citation."""

    checked: Checked
    bluf: str = MAIN_BLUF  # what `cite("bluf")` cites: the BLUF this audience sees ("" when none)
    shown: frozenset[str] | None = None  # the ids of the items the brief shows: only these are cited
    cited: list[Citation] = field(default_factory=list)

    def __call__(self, item: dict[str, Any] | str | list[dict[str, Any]]) -> Markup:
        """The notes of one item (or of several, as a chart cites its figures: each passage once)."""
        items = item if isinstance(item, list) else [item]
        ids = [_item_id(i) for i in items]
        ids = [self.bluf if i == MAIN_BLUF else i for i in ids]
        hidden = next((i for i in ids if i != self.bluf and self.shown is not None and i not in self.shown), None)
        if hidden is not None:  # withheld, for another audience, left out to fit, or no item at all
            raise TemplateRuntimeError(f"cite() names {hidden!r}, which is not in this brief: cite the items the "
                                       "template is given (judgments, figures, quotes, gaps) or \"bluf\"")
        checks = [check for i in ids if (check := self.checked.verification.items.get(i))]
        marks, placed = [], set()
        for citation in (c for check in checks for c in check.citations):
            if (citation.source.id, citation.pinpoint) in placed:  # two passages of one paragraph: one note
                continue  # (a range of paragraphs, "¶5–6", is a place of its own)
            placed.add((citation.source.id, citation.pinpoint))
            self.cited.append(citation)
            marks.append(f'<cite n="{len(self.cited) - 1}"/>')
        return Markup("".join(marks))


def _item_id(item: object) -> str:
    """The id of what a template passes to cite(): an item's id, or an item (a mapping holding its id)."""
    if isinstance(item, str):
        return item
    found = item.get("id") if isinstance(item, dict) else None
    if isinstance(found, str):
        return found
    raise TemplateRuntimeError(f"cite() takes an item, an item's id or a list of items, not {item!r:.60}")


def build_context(checked: Checked, profile: Profile, audience: str, selection: Selection,
                  cite: CiteRegistry, changes: list[dict[str, str]] | None = None,
                  release: Release | None = None, edition: dict[str, Any] | None = None) -> dict[str, Any]:
    """`edition` says which version this brief is and what its changes are counted since (see regen/issued.py);
    without one (a brief never issued, or composed outside a build) the brief is compared with the last build."""
    release = release or Release(checked.markings)
    marks = Marks(checked, profile, release)
    sources = cited_sources(checked, selection, release)
    return {
        "audience": audience,
        "profile": profile.model_dump(),
        "sections": profile.sections,
        "banner": banner(profile, release, selection),
        "brief": _brief(checked, marks),
        "judgments": [_item(checked, j, marks) for j in selection.judgments],
        "figures": [_item(checked, f, marks) for f in selection.figures],
        "quotes": [_quote(checked, q, marks) for q in selection.quotes],
        "gaps": [_item(checked, g, marks) for g in selection.gaps],
        "sources": _sources(checked, sources),
        "source_summary": source_summary(checked, sources),
        "provenance": provenance(checked, sources),
        "chart": _chart(checked, profile, selection, marks),
        "changes": changes or [],
        "edition": edition or edition_context(),
        "cite": cite,
        "plain_confidence": PLAIN_CONFIDENCE,
    }


def _brief(checked: Checked, marks: Marks) -> dict[str, Any]:
    """The brief's header fields and the BLUF this audience sees (never a higher one, nor the list of others)."""
    brief = checked.loaded.summary.brief
    data = brief.model_dump(exclude={"bluf_evidence", "bluf_marking", "releasable"})
    bluf_id = marks.release.bluf
    data.update(bluf=bluf_text(checked, bluf_id) if bluf_id else "", as_of_long=long_date(brief.as_of),
                portion=marks.portion(bluf_id or MAIN_BLUF))
    return data


def edition_context(version: int = 1, issued: bool = False, date_long: str = "", note: str = "",
                    supersedes: int | None = None, supersedes_date_long: str = "",
                    since: str = "the last brief") -> dict[str, Any]:
    """What a template knows of the brief's edition (regen/issued.py fills it in for a build); the default
    is a first draft, compared with the last brief."""
    return {"version": version, "issued": issued, "date_long": date_long, "note": note, "supersedes": supersedes,
            "supersedes_date_long": supersedes_date_long, "since": since}


def _item(checked: Checked, item: Any, marks: Marks) -> dict[str, Any]:
    check = checked.verification.items[item.id]
    data: dict[str, Any] = item.model_dump(exclude={"evidence"})
    data["originators"] = check.originators
    data["portion"] = marks.portion(item.id)
    data["evidence"] = [{"source": c.source.id, "originator": originator(c.source), "paragraph": c.paragraph,
                         "pinpoint": c.pinpoint, "passage": c.passage, "quoted": quoted(c.passage, None),
                         "title": title(c.source, short=True)}
                        for c in check.citations]
    return data


def _quote(checked: Checked, quote: Any, marks: Marks) -> dict[str, Any]:
    """A quote's item, with `quoted`: its text in the quotation marks of its language (document/quotes.py)."""
    data = _item(checked, quote, marks)
    data["quoted"] = quoted(quote.text, quote.lang)
    # named in the template's own sentence ("— وزير. Speaking to reporters."): set apart for its direction
    data["speaker"] = in_ltr(quote.speaker)
    data["said_by"] = said_by(data["speaker"], quote.speaker_native, quote.context)
    return data


def said_by(speaker: str, native: str | None, context: str) -> str:
    """The attribution's lead, its context to follow: "Kim Jong Un (김정은)." before "Instruction to officials…",
    but "A harbour master," before a context that goes on in lower case ("to inspectors at the port"). The
    speaker prints as written: one that already ends in a comma, semicolon or colon gets no comma more."""
    name = f"{speaker} ({native})" if native else speaker
    if next((char for char in context if char.isalpha()), "").islower():
        name = name.rstrip()
        return name if name.endswith((",", ";", ":")) else name + ","
    return f"{name}." if native else sentence(name)


def _chart(checked: Checked, profile: Profile, selection: Selection, marks: Marks) -> dict[str, Any] | None:
    """The chart a template draws: its title, unit, figures and the sources they come from, or None."""
    spec = profile.chart
    if spec is None or not selection.chart:
        return None
    figures = [_item(checked, f, marks) for f in selection.chart]
    sources: dict[str, dict[str, str]] = {}
    for figure in figures:
        for evidence in figure["evidence"]:
            sources.setdefault(evidence["source"], {"originator": evidence["originator"], "title": evidence["title"]})
    return {"title": spec.title, "unit": spec.unit_label or selection.chart[0].unit, "figures": figures,
            "sources": list(sources.values()), "ranged": any(f["number_high"] is not None for f in figures)}


def cited_sources(checked: Checked, selection: Selection, release: Release) -> Counter[Source]:
    """How often the shown items and the shown BLUF cite each source, in catalogue order."""
    ids = [*([release.bluf] if release.bluf else []), *selection.ids()]
    counts = Counter(c.source.id for i in ids if (chk := checked.verification.items.get(i)) for c in chk.citations)
    return Counter({s: counts[s.id] for s in checked.loaded.catalogue.sources if s.id in counts})


def _sources(checked: Checked, sources: Counter[Source]) -> list[dict[str, Any]]:
    return [{**s.model_dump(exclude={"marking"}), "originator": originator(s), "title": title(s),
             "short_title": s.short_title and title(s, short=True), "kind": in_ltr(s.kind),
             "published_long": long_date(s.published),
             "citations": count, "marking": level.name if (level := checked.markings.source_level(s.id)) else None}
            for s, count in sources.items()]
