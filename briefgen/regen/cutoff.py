"""The seed cutoff: after seeds alone changed, the last verdict stands when each changed seed answers every
question the last check asked of it as it did before (as a build system stops at an output that came out the
same).

A check's verdict depends on a seed's bytes only through the answers to the questions it asks of that seed:
can it be read, where is each passage cited from it (a Tie, with its places and its miss hint), and does a
paragraph put a quote's words in quotation marks. Those questions are asked in an order fixed by the model,
each next one chosen by the answers before it; the tie store holds every one the last check asked, keyed by
the content it was asked of (verify/ties.py). So when the model, the catalogue, the templates and briefgen are
what they were, no seed file came or went, and each changed seed gives the stored answers again, a full check
would ask the same questions, get the same answers and print the same report, warnings and exit code.

It is trusted only when the record says the verdict was made from exactly the stamped bytes of every
catalogued seed, each read without trouble, and the tie store on disk is the one written with that verdict
(its token). Anything else, and a changed seed that cannot be read without following a link (the full check
decides about links) or answers one question differently, falls back to the full check (which reuses the
ties of the unchanged seeds)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from briefgen.regen.checkcache import Cutoff, Record, Verdict, remember, tie_store
from briefgen.regen.inputs import Stamp
from briefgen.safeio import Identities, identities
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.seeds import Seed, read_seed
from briefgen.verify.places import in_quotation_marks, tie_of
from briefgen.verify.ties import Content, TieStore, content_key, readable_key
from briefgen.workspace import Workspace

if TYPE_CHECKING:  # the cutoff itself loads no model
    from briefgen.verify.check import Checked

SEEDS = "seeds/"


def seed_readings(checked: Checked, stamps: dict[str, Stamp]) -> dict[str, list[str]] | None:
    """Each catalogued seed file's readings, when the verdict was made from exactly the stamped bytes of every
    catalogued seed (each read, or vouched for by the store, with a content key); else None."""
    shelf = checked.verification.seeds
    readings: dict[str, list[str]] = {}
    ids: set[str] = set()
    for source in checked.loaded.catalogue.sources:
        name, content = os.path.normpath(source.file), shelf.contents.get(source.id)
        stamp = stamps.get(SEEDS + name)
        if source.id in ids or source.id not in shelf or content is None or stamp is None or (
                content[0] != stamp.sha256):
            return None
        ids.add(source.id)
        if source.reading not in readings.setdefault(name, []):
            readings[name].append(source.reading)
    return readings


def cut_off(ws: Workspace, record: Record, stamps: dict[str, Stamp]) -> Verdict | None:
    """The stored verdict, stored again with the new stamps, when only seeds changed and each answers as before;
    None when a full check must decide."""
    changed = _changed_seeds(ws, record, stamps)
    if changed is None or record.cutoff is None:
        return None
    store = tie_store(ws)
    if not store.token or store.token != record.cutoff.token:
        return None
    root, cache, model = os.path.realpath(ws.seeds), str(ws.cache), identities(ws.model_files)
    olds = {(name, reading): content_key(record.stamps[SEEDS + name].sha256, name, reading)
            for name in changed for reading in record.cutoff.seeds[name]}
    asked = store.about(set(olds.values()))
    for (name, reading), old in olds.items():
        seed = _read(root, cache, model, name, reading, stamps[SEEDS + name])
        if not _answers_as_before(seed, old, asked[old], store):
            return None
    held = {stamp.sha256 for stamp in stamps.values()}  # a content another file still has keeps its answers
    store.carry({content for content in olds.values() if content[0] not in held})
    remember(ws, record.verdict, stamps, Cutoff(store.save(), record.cutoff.seeds))
    return record.verdict


def _changed_seeds(ws: Workspace, record: Record, stamps: dict[str, Stamp]) -> list[str] | None:
    """The catalogued seed files whose bytes changed, when nothing else did (no file came or went; the
    catalogue, model and templates and briefgen are as the record has them); else None."""
    if record.cutoff is None or set(record.stamps) != set(stamps) or not record.current:
        return None
    changed = [name for name, stamp in stamps.items() if not stamp.same_content(record.stamps[name])]
    own = {ws.rel(ws.catalogue), ws.rel(ws.summary)}
    if any(name in own or not name.startswith(SEEDS) or name[len(SEEDS):] not in record.cutoff.seeds
           for name in changed):
        return None
    return [name[len(SEEDS):] for name in changed]


def _read(root: str, cache: str, model: Identities, name: str, reading: str, stamp: Stamp) -> Seed | None:
    """The seed as a full check would read it now (no link followed: a link makes it decide), when its bytes
    are those stamped; else None."""
    try:
        seed = read_seed(root, name, cache, reading, links=(), digest=True, model=model)
    except SeedError:
        return None
    return seed if seed.digest == stamp.sha256 else None


def _answers_as_before(seed: Seed | None, old: Content, asked: list[tuple[tuple[object, ...], tuple[object, ...]]],
                       store: TieStore) -> bool:
    """Ask `seed` every question asked of its old content (`asked`, from the store); when each answer is the
    stored one, store them for its new content too."""
    if seed is None:
        return False
    if not any(key == readable_key(old) for key, _ in asked):  # the last check did not read these bytes
        return False
    new = (seed.digest, *old[1:])
    answers = []
    for key, stored in asked:
        answer = _answer(seed, key[1:])
        if answer != stored:
            return False
        answers.append(((new, *key[1:]), answer))
    for key, answer in answers:
        store.put(key, answer)
    return True


def _answer(seed: Seed, question: tuple[object, ...]) -> tuple[object, ...] | None:
    """The stored form of the answer to one question (the shapes of verify/ties.py's keys, content left off)."""
    match question:
        case ("readable",):
            return (True,)
        case (str(passage), str(words)):
            return tuple(tie_of(seed, passage, words))
        case ("quoted", int(paragraph), str(text)):
            return (in_quotation_marks(seed, paragraph, text),)
    return None
