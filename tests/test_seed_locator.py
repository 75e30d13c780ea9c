"""The paragraph locator counts paragraphs exactly as `Seed.paragraphs` splits them, whatever the line breaks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefgen.sources.seeds import Seed

BREAKS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029", "\n\n", "\n  \t\n"]
WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).filter(lambda w: w.strip() == w and w)


@given(st.lists(st.tuples(WORDS, st.sampled_from(BREAKS)), min_size=1, max_size=12))
def test_each_paragraph_is_found_at_its_own_number(parts: list[tuple[str, str]]) -> None:
    seed = Seed("x.txt", "seeds/x.txt", "".join(words + brk for words, brk in parts))
    for number, paragraph in enumerate(seed.paragraphs, start=1):
        # found in the first paragraph holding these words (a short one may sit inside an earlier one)
        first = next(n for n, p in enumerate(seed.paragraphs, start=1) if paragraph in p)
        assert seed.locate(paragraph) == first, (paragraph, number)


def test_unicode_line_separators_start_paragraphs() -> None:
    seed = Seed("x.txt", "seeds/x.txt", "alpha\u2028beta gamma\r\ndelta\x0cepsilon")
    assert seed.paragraphs == ("alpha", "beta gamma", "delta", "epsilon")
    assert [seed.locate(p) for p in ("beta gamma", "gamma", "epsilon")] == [2, 2, 4]
