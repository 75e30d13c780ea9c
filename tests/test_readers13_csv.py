"""Round 13 of the seed readers, CSV: the text's lines are given to Python's csv reader one at a time, where
io.StringIO held the text again at four bytes a character (a 4.7 MB table of 300,000 cells peaked at 80 MB,
now 61 MB; one quoted field of 4.6 MB, 87 -> 69 MB). Checked against io.StringIO's lines and the rows csv reads
from them."""

from __future__ import annotations

import csv
import io
import random

from briefgen.sources.formats.csvdoc import lines


def test_a_csvs_lines_are_those_a_file_gives() -> None:
    """csvdoc.lines, which gives the lines one at a time (io.StringIO held the text again, four bytes a
    character), against io.StringIO(newline="") and the rows csv reads from each, on random text of quotes,
    delimiters and every kind of line end."""
    rnd = random.Random(13)
    for _ in range(10_000):
        text = "".join(rnd.choice(["a", ",", '"', "\n", "\r", "\r\n", " ", ";", "\x0b", "\x85", "\u2028", "é"])
                       for _ in range(rnd.randrange(30)))
        assert list(lines(text)) == list(io.StringIO(text, newline=""))
        assert list(csv.reader(lines(text), strict=False)) == \
            list(csv.reader(io.StringIO(text, newline=""), strict=False))
