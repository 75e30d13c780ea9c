"""What changed between two snapshots of a brief, said as the brief says it.

Items are named by their label or the start of their statement (never by id), figures by the value the brief
prints, confidence and likelihood in words. Evidence counts as changed when a cited passage or source is added
or removed, not when the same passage merely sits in another paragraph; evidence that no longer verifies is
reported as broken. Only fields a reader sees are compared: a priority, a tag or a machine `number` is not news.
A source still cited whose catalogue entry changed as the notes print it (re-described, re-titled, re-dated) is
reported too, after the items.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from difflib import SequenceMatcher
from typing import Any

from briefgen.render.citations import long_date
from briefgen.text import words as text_words

Snapshot = dict[str, Any]
Change = dict[str, str]

KINDS = {"bluf": "the bottom line", "judgment": "judgment", "figure": "figure", "quote": "quote",
         "gap": "information gap"}
_ORDER = list(KINDS)
_SHOWN = {  # field -> how the brief names it; the headline field of each kind is handled as "reworded"
    "label": "label", "value": "value", "confidence": "confidence", "likelihood": "likelihood",
    "speaker": "speaker", "speaker_native": "speaker’s name in the original script", "context": "context",
    "plain": "plain-language wording",
}
_SOURCE_SHOWN = {  # a source's field -> how a change line names it
    "originator": "originator", "title": "title", "short_title": "short title", "published": "published",
    "kind": "kind", "url": "address", "descriptor": "description", "marking": "marking",
}
_HEADER_SHOWN = {  # a field of the brief's heading, which both formats print first -> how a change line names it
    "title": "title", "subject": "subject", "as_of": "information cutoff",
}
_HEADLINE = {"bluf": "bluf", "judgment": "statement", "figure": "label", "quote": "text", "gap": "statement"}
START = 70  # characters of a statement that name it


def well_formed(snap: object) -> bool:
    """Is `snap` shaped as regen/snapshot.py writes a brief's snapshot (what every reader here indexes): a
    mapping of "items", each a mapping whose evidence is a list of [source, paragraph, passage, (where)], and
    of "brief" and "sources" mappings (or empty: none kept)? A stored snapshot that is not (a damaged record) is
    not read."""
    if snap == {}:
        return True
    if not isinstance(snap, dict) or not all(isinstance(snap.get(k, {}), dict) for k in ("brief", "sources")):
        return False
    items = snap.get("items")
    return isinstance(items, dict) and all(isinstance(item, dict) and _evidence_ok(item.get("evidence", []))
                                           for item in items.values())


def _evidence_ok(evidence: object) -> bool:
    return isinstance(evidence, list) and all(
        isinstance(e, list) and 3 <= len(e) <= 4 and isinstance(e[0], str) and isinstance(e[1], int)
        and isinstance(e[2], str) for e in evidence)


def changes(before: Snapshot | None, after: Snapshot, hide: Collection[str] = (),
            withheld: Callable[[str], bool] = lambda _text: False) -> list[Change]:
    """Every difference a reader of `after` who holds `before` would want told, in the brief's words; nothing
    about the items in `hide` (those now above the audience's ceiling: not even that they were dropped), and no
    words `withheld` says the audience may no longer see (an earlier wording, a source now above its ceiling)."""
    if before is None:
        return []
    new = after["items"]
    old = _renamed(before.get("items", {}), new)
    found: list[Change] = []
    for item_id in sorted((set(old) | set(new)) - set(hide), key=lambda i: _rank(new.get(i) or old[i], i)):
        if item_id not in old:
            found.append(_change("New", new[item_id], item_id, _summary(new[item_id])))
        elif item_id not in new:
            found.append(_change("Dropped", old[item_id], item_id, _summary(old[item_id])))
        elif parts := _revisions(old[item_id], new[item_id], before.get("sources", {}), after.get("sources", {})):
            told = [part if not withheld(part) else _untold(part) for part in parts]
            told = [part for part in told if part] or ["revised"]
            found.append(_change("Revised", new[item_id], item_id, "; ".join(told) + "."))
    told_items = [_unnamed(change, old.get(change["item"]) or new[change["item"]]) if withheld(
        f"{change['what']} {change['detail']}") else change for change in found]
    return _header(before.get("brief", {}), after.get("brief", {})) + told_items + [
        change for change in _sources(before.get("sources", {}), after, set(hide))
        if not withheld(f"{change['what']} {change['detail']}")]


def _header(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The brief's heading retitled, its subject restated or its information cutoff moved: the first lines a
    reader sees, which every audience shows. A record kept without the heading (`{}`) tells nothing of it."""
    parts = [f"{words} {_header_word(key, old.get(key))} → {_header_word(key, new.get(key))}"
             for key, words in _HEADER_SHOWN.items() if key in old and key in new and old[key] != new[key]]
    return [{"what": "Revised the brief’s heading:", "detail": "; ".join(parts) + "."}] if parts else []


def _header_word(key: str, value: Any) -> str:
    if key == "as_of" and isinstance(value, str):
        try:
            return long_date(value)  # as the brief prints it: "Information as of 30 November 2026"
        except ValueError:  # a record written by hand: the value as it stands
            return value
    return _word(key, value)


def _untold(part: str) -> str:
    """A part of a revision told without its words (they are withheld): that the wording changed, or nothing."""
    return next((said for start, said in (("reworded", "reworded"), ("label ", "label changed"))
                 if part.startswith(start)), "")


def _unnamed(change: Change, item: dict[str, Any]) -> Change:
    """The change told without the item's name or detail: what it said is now withheld from the reader."""
    verb = change["what"].split(" ", 1)[0]
    kind = KINDS.get(item.get("kind", "judgment"), "item")
    named = kind if kind == KINDS["bluf"] else f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
    return {"what": f"{verb} {named}.", "detail": "", "item": change["item"]}


def _renamed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`old` with each item whose id was renamed since (the same kind and words, under an id only `new` has)
    filed under its new id: ids are never printed, so to a reader it is the same item, not one dropped and
    another new (an analyst tidying the model's ids made every renamed item read as dropped and new again)."""
    gone: dict[tuple[str, str], list[str]] = {}
    for item_id, item in old.items():
        if item_id not in new:
            gone.setdefault(_identity(item), []).append(item_id)
    moved = {item_id: gone[key].pop(0) for item_id, item in new.items()
             if item_id not in old and gone.get(key := _identity(item))}
    kept = {item_id: item for item_id, item in old.items() if item_id not in moved.values()}
    return {**kept, **{item_id: old[was] for item_id, was in moved.items()}}


def _identity(item: dict[str, Any]) -> tuple[str, str]:
    kind = str(item.get("kind", ""))
    return kind, " ".join(str(item.get(_HEADLINE.get(kind, "statement")) or "").split())


def _sources(old: dict[str, Any], after: Snapshot, hide: set[str]) -> list[Change]:
    """Each source still cited whose catalogue entry, as the notes and the source list print it, changed: a
    source re-described ("now retracted"), re-titled or re-dated changes what the reader holds. Only sources
    cited by an item the reader sees."""
    new = after.get("sources", {})
    cited = {e[0] for item_id, item in after["items"].items() if item_id not in hide for e in item.get("evidence", [])}
    found = []
    for source_id in sorted(cited & set(old) & set(new)):
        parts = [f"{words} {_word(key, old[source_id].get(key))} → {_word(key, new[source_id].get(key))}"
                 for key, words in _SOURCE_SHOWN.items() if old[source_id].get(key) != new[source_id].get(key)]
        if parts:
            found.append({"what": f"Revised source {source_name(old, source_id)}:", "detail": "; ".join(parts) + ".",
                          "source": source_id})
    return found


def _rank(item: dict[str, Any], item_id: str) -> tuple[int, int, str]:
    kind = item.get("kind", "judgment")
    return (_ORDER.index(kind) if kind in _ORDER else len(_ORDER), int(item.get("priority") or 0), item_id)


def _change(verb: str, item: dict[str, Any], item_id: str, detail: str) -> Change:
    kind = item.get("kind", "judgment")
    if kind == "bluf":
        return {"what": f"{verb} {KINDS['bluf']}:", "detail": detail, "item": item_id}
    return {"what": f"{verb} {KINDS.get(kind, kind)} {name(item)}:", "detail": detail, "item": item_id}


def name(item: dict[str, Any]) -> str:
    """How a reader recognises the item: a figure's label, else the start of its statement or quote."""
    text = str(item.get(_HEADLINE.get(item.get("kind", ""), "statement")) or "")
    return f"“{start(text)}”"


def start(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= START:
        return text
    cut = text[:START].rsplit(" ", 1)[0] or text[:START]
    return cut.rstrip(",;:") + "…"


def _summary(item: dict[str, Any]) -> str:
    kind = item.get("kind")
    if kind == "figure":
        return f"{item.get('value')}."
    if kind == "judgment":
        return _confidence(item) + "."
    if kind == "quote":
        return f"{item.get('speaker')}."
    return "" if kind != "gap" else "information the sources leave open."


def _confidence(item: dict[str, Any]) -> str:
    words = f"{item.get('confidence')} confidence"
    return f"{words}, {item['likelihood']}" if item.get("likelihood") else words


def _revisions(old: dict[str, Any], new: dict[str, Any], old_sources: dict[str, Any],
               new_sources: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    headline = _HEADLINE.get(new.get("kind", ""), "statement")
    if old.get(headline) != new.get(headline):
        was, now = str(old.get(headline) or ""), str(new.get(headline) or "")
        parts.append(("label " if headline == "label" else "reworded: ") + reworded(was, now))
    for key, words in _SHOWN.items():
        if key != headline and old.get(key) != new.get(key):
            said = f"{_word(key, old.get(key))} → {_word(key, new.get(key))}"
            parts.append(said if key == "confidence" else f"{words} {said}")
    parts.extend(_evidence(old, new, old_sources, new_sources))
    return parts


def reworded(was: str, now: str, context: int = 3) -> str:
    """The first passage that differs, with a few words either side: “…modernisation, and has…” → “…”. Words
    as briefgen/text.py finds them, so a Chinese or Japanese sentence shows the words around the change."""
    old, new = _words(was), _words(now)
    hunks = list(SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(context))
    if not hunks or old == new:
        return "white space only"
    first, last = hunks[0][0], hunks[0][-1]
    more = " (and more)" if len(hunks) > 1 else ""
    return f"{_excerpt(old, first[1], last[2])} → {_excerpt(new, first[3], last[4])}{more}"


def _words(text: str) -> list[str]:
    """The words of `text`, each with the space before it (none inside Chinese, say), the first with none."""
    found: list[str] = []
    space = ""
    for piece in text_words(" ".join(text.split())):
        if piece.isspace():
            space = " "
        else:
            found.append((space if found else "") + piece)
            space = ""
    return found


def _excerpt(found: list[str], lo: int, hi: int) -> str:
    text = start("".join(found[lo:hi]).lstrip())
    return f"“{'…' if lo else ''}{text}{'…' if hi < len(found) and not text.endswith('…') else ''}”"


def _word(key: str, value: Any) -> str:
    if value is None or value == "":
        return "none" if key != "likelihood" else "not stated"
    if key == "confidence":
        return f"{value} confidence"
    return str(value) if key in ("value", "likelihood") else f"“{start(str(value))}”"


def _evidence(old: dict[str, Any], new: dict[str, Any], old_sources: dict[str, Any],
              new_sources: dict[str, Any]) -> list[str]:
    """Passages added or removed, by source; a passage that only moved paragraph is the same passage."""
    if new.get("broken"):
        return ["its evidence is broken: a cited passage no longer verifies against its seed"]
    before = {(e[0], " ".join(str(e[2]).split())) for e in old.get("evidence", [])}
    after = {(e[0], " ".join(str(e[2]).split())) for e in new.get("evidence", [])}
    was, now = {s for s, _ in before}, {s for s, _ in after}
    parts = [f"the passage{'s' if len({p for p in before ^ after if p[0] == s}) > 1 else ''} cited from "
             f"{source_name(new_sources, s)} changed" for s in sorted(was & now)
             if {p for p in before if p[0] == s} != {p for p in after if p[0] == s}]
    if now - was:
        parts.append("now also cites " + "; ".join(source_name(new_sources, s) for s in sorted(now - was)))
    if was - now:
        parts.append("no longer cites " + "; ".join(source_name(old_sources, s) for s in sorted(was - now)))
    return parts


def source_name(sources: dict[str, Any], source_id: str) -> str:
    """A source as the footnotes name it: its originator and (short) title."""
    source = sources.get(source_id) or {}
    title = source.get("short_title") or source.get("title") or "an uncatalogued source"
    return f"{source.get('originator') or 'an unknown originator'}, “{title}”"
