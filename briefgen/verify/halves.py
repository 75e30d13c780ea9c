"""A large verification shared with a second process (issue 20, target 3).

Reading the seeds and searching them for the passages cited from them is most of a large check, and each
seed's share of it depends on no other seed. When SHARE_FROM catalogued seeds at least are to be read (all of
them for `check --no-cache` or a first check; those the tie store does not know otherwise) and two cores are
free, a child forked once the model is loaded answers for most of those sources: it reads their seeds and finds
every passage cited from them (and whether a quote's paragraph puts its words in quotation marks), while this
process does the same for the rest, then the checks of the model alone. Verification then runs as it would in
one process, taking each answer where it would have computed it (and storing it in the tie store, as it would
have), so its problems, their order, its verdict and the store are the same (tests/test_verify_halves.py).
What a child could not answer (it failed in any way, or a seed it could not read) is computed here, as without
a child.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from dataclasses import dataclass, field

from briefgen.forking import collect, fork, stop, workers_for
from briefgen.model.loader import Loaded
from briefgen.model.schema import Evidence, Source
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise
from briefgen.verify.owners import evidence_owners, own_words
from briefgen.verify.places import in_quotation_marks, tie_of

SHARE_FROM = 1000  # catalogued seeds; below it a fork costs more than half the reading and searching saves
# This process answers for 3 sources in 10, spread evenly along the catalogue, the child for the rest: this
# process has the model's own checks to make meanwhile (placeholders, characters no font draws, wording, the
# audiences' profiles: ~0.3 of the answering at 10,000 seeds), so both end together.
HERE = (3, 10)
TieAsked = tuple[str, str, str]  # source id, passage, the item's own words
QuoteAsked = tuple[str, int, str]  # source id, paragraph, the quote's words normalised


@dataclass
class Answers:
    """What both halves found. `seeds`: the seeds this process read, by catalogue entry; `named`: the entries
    the child read without trouble, each with its display name and the hash of the bytes read (when asked
    for; it is read again here only if a question about it is not answered); `ties`: each passage's raw `Tie`;
    `quoted`: the quotation-mark verdicts."""

    seeds: dict[int, Seed] = field(default_factory=dict)
    named: dict[int, tuple[str, str]] = field(default_factory=dict)
    ties: dict[TieAsked, tuple[object, ...]] = field(default_factory=dict)
    quoted: dict[QuoteAsked, bool] = field(default_factory=dict)


def shared(loaded: Loaded, read: Callable[[Source], Seed], meanwhile: Callable[[], None] | None = None,
           wanted: Callable[[int], bool] = lambda entry: True) -> Answers | None:
    """Both halves' answers about the `wanted` catalogue entries (by index: those the tie store cannot answer
    for) when there are SHARE_FROM of them at least; None with fewer, on one core, or when source ids repeat
    (the error verification reports then decides which entry counts). `read` reads one entry's seed as
    verification does, raising SeedError; `meanwhile` is done here once this half is answered, while the
    child may still be at work (not when None is returned)."""
    sources = loaded.catalogue.sources
    if len({s.id for s in sources}) != len(sources) or workers_for(2) < 2:
        return None
    ids = [s.id for i, s in enumerate(sources) if wanted(i)]
    if len(ids) < SHARE_FROM:
        return None
    theirs, asked = _theirs(ids), frozenset(ids)
    forked = fork(lambda: marshal.dumps(_plain(_answer(loaded, read, theirs.__contains__))))
    if forked is None:
        return None
    pid, pipe = forked
    try:
        answers = _answer(loaded, read, lambda source_id: source_id in asked and source_id not in theirs)
        if meanwhile is not None:
            meanwhile()
    except BaseException:
        stop(pid, pipe)
        raise
    sent = collect(pid, pipe)
    if sent is not None:
        _merge(answers, sent)
    return answers


def _theirs(ids: list[str]) -> frozenset[str]:
    """The sources the child answers for: all but a HERE share, which are spread evenly."""
    n, d = HERE
    return frozenset(source_id for k, source_id in enumerate(ids) if (k + 1) * n // d == k * n // d)


def _answer(loaded: Loaded, read: Callable[[Source], Seed], mine: Callable[[str], bool]) -> Answers:
    """Read the seeds of the sources that are `mine`, in catalogue order, and answer every question
    verification will ask of them, in the model's order."""
    answers = Answers()
    held: dict[str, Seed] = {}
    for i, source in enumerate(loaded.catalogue.sources):
        if mine(source.id):
            try:
                answers.seeds[i] = held[source.id] = read(source)
            except SeedError:
                continue  # verification reads it again and reports it, in its place
    for (_path, _kind, _id, words), evidence in evidence_owners(loaded):
        for ev in evidence:
            if (seed := held.get(ev.source)) is not None:
                answers.ties[ev.source, ev.passage, words] = tuple(tie_of(seed, ev.passage, words))
    for quote in loaded.summary.quotes:
        _answer_quoted(answers, held, quote.evidence, own_words(quote), normalise(quote.text))
    return answers


def _answer_quoted(answers: Answers, held: dict[str, Seed], evidence: list[Evidence], words: str,
                   text: str) -> None:
    """Whether each paragraph a quote's passages were found in puts the quote's words in quotation marks."""
    for ev in evidence:
        seed, raw = held.get(ev.source), answers.ties.get((ev.source, ev.passage, words))
        first = raw[0] if raw is not None else 0
        if seed is not None and isinstance(first, int) and first > 0 and text in normalise(ev.passage):
            answers.quoted[ev.source, first, text] = in_quotation_marks(seed, first, text)


def _plain(answers: Answers) -> tuple[dict[int, tuple[str, str]], dict[TieAsked, tuple[object, ...]],
                                      dict[QuoteAsked, bool]]:
    """The child's answers as marshal writes them: its seeds by name and hash only."""
    return {i: (seed.display, seed.digest) for i, seed in answers.seeds.items()}, answers.ties, answers.quoted


def _merge(answers: Answers, sent: bytes) -> None:
    """Add what the child sent: an answer cut short counts as none, and one left out is computed here."""
    try:
        named, ties, quoted = marshal.loads(sent)
        answers.named.update(named)
        answers.ties.update(ties)
        answers.quoted.update(quoted)
    except (EOFError, ValueError, TypeError):
        return
