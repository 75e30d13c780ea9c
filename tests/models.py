"""Summary models with arbitrary text, built in memory and verified by construction.

Seed verification needs every passage verbatim in a seed file, so arbitrary text cannot go through it;
the layer below is what verification produces: one ItemCheck per item with the Citations (source, paragraph,
passage, seed file) its evidence proved. We build exactly that, from a model and catalogue that passed the
real pydantic schema, and hand it to the real template path (compose: context, jinja, reader).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from briefgen.model.loader import Loaded
from briefgen.model.schema import Catalogue, Summary
from briefgen.model.yamlsrc import Located
from briefgen.render.profiles import Profile, load_profile
from briefgen.verify.check import Checked
from briefgen.verify.verdicts import Citation, ItemCheck, Verification
from briefgen.workspace import Workspace
from tests.strategies import texts, urls, without_disguises

KINDS = {"judgments": "judgment", "figures": "figure", "quotes": "quote", "gaps": "gap"}


@dataclass(frozen=True)
class Case:
    checked: Checked
    profiles: dict[str, Profile]  # the bundled audiences, with arbitrary banner, organisation and footer
    changes: list[dict[str, str]]  # what the analyst brief lists under "What changed since the last brief"


def _evidence(draw: st.DrawFn, sources: list[str], passage: st.SearchStrategy[str],
              minimum: int = 1) -> list[dict[str, Any]]:
    return [{"source": draw(st.sampled_from(sources)), "passage": draw(passage)}
            for _ in range(draw(st.integers(minimum, 2)))]


_NOT_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f]")  # control characters: a catalogue's file name refuses them


@st.composite
def _source(draw: st.DrawFn, index: int) -> dict[str, Any]:
    short, text = texts(legal=True, long=False, parts=2), texts(legal=True, parts=2)
    name = _NOT_IN_NAMES.sub("_", draw(texts(long=False, min_size=1, parts=2)).replace("/", "_"))
    name = without_disguises(name[:200])
    return {"id": f"src{index}", "file": f"{name}.txt", "originator": draw(st.none() | short),
            "title": draw(short), "short_title": draw(st.none() | short), "published": "2025-09",
            "accessed": "2026-01-02", "url": draw(st.none() | urls()), "kind": draw(short), "descriptor": draw(text)}


@st.composite
def _summary(draw: st.DrawFn, sources: list[str]) -> dict[str, Any]:
    """Long words go where the templates print paragraphs; table rows (figures, quotes, the BLUF box) get
    ordinary text, because reportlab cannot break a table row across pages (see test_properties)."""
    text, short = texts(legal=True, parts=2), texts(legal=True, long=False, parts=2)
    passage = texts(legal=True, min_size=3, parts=2).map(lambda t: f"{t} and more")  # two words at least
    judgments = [{"id": f"j{i}", "statement": draw(text), "confidence": draw(st.sampled_from(["low", "moderate",
                  "high"])), "likelihood": draw(st.none() | st.sampled_from(["likely", "almost certain"])),
                  "plain": draw(st.none() | text), "evidence": _evidence(draw, sources, passage)}
                 for i in range(draw(st.integers(1, 3)))]
    figures = [{"id": f"f{i}", "label": draw(short), "value": draw(short), "number": 1.0, "unit": draw(short),
                "evidence": _evidence(draw, sources, passage)} for i in range(draw(st.integers(0, 2)))]
    quotes = [{"id": f"q{i}", "text": draw(short), "speaker": draw(short), "speaker_native": draw(st.none() | short),
               "context": draw(short), "evidence": _evidence(draw, sources, passage)}
              for i in range(draw(st.integers(0, 2)))]
    gaps = [{"id": f"g{i}", "statement": draw(text), "evidence": _evidence(draw, sources, passage, 0)}
            for i in range(draw(st.integers(0, 2)))]
    brief = {"title": draw(text), "subject": draw(text), "as_of": "2025-09-19", "author": draw(short),
             "keywords": draw(st.lists(short, max_size=3)), "bluf": draw(short),
             "bluf_evidence": _evidence(draw, sources, passage, 0)}
    return {"brief": brief, "judgments": judgments, "figures": figures, "quotes": quotes, "gaps": gaps}


@st.composite
def cases(draw: st.DrawFn, ws: Workspace) -> Case:
    catalogue = Catalogue.model_validate({"sources": [draw(_source(i)) for i in range(draw(st.integers(1, 3)))]})
    ids = [s.id for s in catalogue.sources]
    summary = Summary.model_validate(draw(_summary(ids)))
    by_id = {s.id: s for s in catalogue.sources}
    items: dict[str, ItemCheck] = {}
    owners = [("bluf", "bluf", summary.brief.bluf_evidence)] + [
        (KINDS[section], item.id, item.evidence) for section in KINDS for item in getattr(summary, section)]
    for kind, item_id, evidence in owners:
        citations = tuple(Citation(by_id[ev.source], draw(st.integers(1, 3)), ev.passage,
                                   f"seeds/{by_id[ev.source].file}") for ev in evidence)
        items[item_id] = ItemCheck(kind, item_id, citations, failed=False)  # type: ignore[arg-type]
    loaded = Loaded(catalogue, summary, Located(None, "seeds/sources.yaml"), Located(None, "seeds/summary.yaml"))
    short = texts(legal=True, long=False, parts=2)
    profiles = {}
    for name in ("analyst", "executive", "public"):
        look = {"banner": draw(short), "footer": draw(short), "organisation": draw(st.none() | short)}
        fields = {**load_profile(ws, name).model_dump(exclude={"organisation"}), **look}
        profiles[name] = Profile.model_validate({k: v for k, v in fields.items() if v is not None})
    changes = [{"what": draw(short), "detail": draw(short)} for _ in range(draw(st.integers(0, 2)))]
    return Case(Checked(ws, loaded, Verification(seeds={}, items=items)), profiles, changes)


def empty_workspace(root: Path) -> Workspace:
    """A workspace with no templates of its own: the bundled profiles and templates apply."""
    (root / "templates").mkdir(parents=True, exist_ok=True)
    return Workspace.at(root)
