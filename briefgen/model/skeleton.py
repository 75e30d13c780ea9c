"""The sample text of the skeleton that `briefgen init` writes: the one list of it, so `check` can refuse to
let any of it ship (it would print as a brief titled "Title of the brief")."""

from __future__ import annotations

import re

SAMPLE = {
    "brief_title": "Title of the brief",
    "subject": "What the brief is about, in one line",
    "bluf": "The bottom line, in two or three sentences of your own.",
    "statement": "A judgment in your own words.",
    "passage": "the exact words of the seed that support it",
    "source_title": "The document's own headline",
    "short_title": "Short headline",
    "descriptor": "One sentence on the source's reliability and context.",
}
# What `briefgen suggest` leaves for a human to decide: "<unit>", "<who said it>"…
PLACEHOLDER = re.compile(r"^\s*<[^<>]+>\s*$")
