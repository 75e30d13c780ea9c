"""The closest-text search beyond its exhaustive budget (issue 13): the anchored search still finds the place a
changed passage came from, in the seed's own words, and answers "nothing close" when nothing is shared."""

from __future__ import annotations

import random

from briefgen.sources.seeds import Seed
from briefgen.verify.closest import EXACT_CELLS, closest


def _seed_text(words: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    return " ".join(rng.choice(vocab) for _ in range(words))


def test_a_long_one_line_seed_is_searched_by_anchors() -> None:
    line = _seed_text(60_000)
    text = "A first short paragraph.\n" + line + "\nA last one."
    start = line.index(" ", len(line) // 2) + 1
    original = line[start:start + 3000].rsplit(" ", 1)[0]
    passage = original[:1000] + " words the seed never had " + original[1030:]
    assert len(passage) * len(text) > EXACT_CELLS  # the bounded path, not the exhaustive one
    found = closest(Seed("x", "seeds/x.txt", text), passage)
    assert found is not None and found.paragraph == 2 and found.pinpoint == "¶2"
    assert found.similarity > 0.95
    assert found.text.rstrip("…") and original.startswith(found.text.rstrip("…"))


def test_nothing_shared_is_no_answer_rather_than_a_long_search() -> None:
    text = _seed_text(200_000)
    passage = "zzzq " * 4000
    assert len(passage) * len(text) > EXACT_CELLS
    assert closest(Seed("x", "seeds/x.txt", text), passage) is None


def test_a_miss_in_a_large_seed_sharing_no_words_says_so_not_that_the_seed_is_empty() -> None:
    from briefgen.sources.seeds import Seed
    from briefgen.verify.closest import EXACT_CELLS
    from briefgen.verify.places import tie_of

    text = "\n".join(f"line {n} of the report about harbour traffic" for n in range(EXACT_CELLS // 400))
    passage = "zebra quokka narwhal okapi pangolin axolotl " * 4
    tie = tie_of(Seed("big.txt", "seeds/big.txt", text), passage, "")
    assert tie.miss_hint.startswith("no text of the seed resembles it"), tie.miss_hint
    assert tie_of(Seed("blank.txt", "seeds/blank.txt", " \n"), passage, "").miss_hint == "the seed has no text"
