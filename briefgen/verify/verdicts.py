"""What verification finds, as the rest of briefgen reads it: each tie that verified (`Citation`), each item's
check (`ItemCheck`), and the whole (`Verification`: the seeds read, every item's check, every problem). Made by
verify/passages.py; read by the model's own checks (figures, lint), the renderers and the reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.errors import Problem
from briefgen.model.schema import Source
from briefgen.sources.seeds import pinpoint
from briefgen.verify.owners import Kind
from briefgen.verify.shelf import Shelf

if TYPE_CHECKING:
    from briefgen.verify.halves import Answers
    from briefgen.verify.ties import TieStore


@dataclass(frozen=True)
class Citation:
    """A verified tie: this passage is in paragraph `paragraph` of the seed of `source`.

    For a PDF seed, `page` and `page_paragraph` say where that paragraph is printed. A passage with skipped
    words may run on to `last_paragraph`; `where` is then the range as a footnote prints it."""

    source: Source
    paragraph: int
    passage: str
    seed_file: str
    page: int | None = None
    page_paragraph: int | None = None
    last_paragraph: int | None = None
    where: str = ""

    @property
    def pinpoint(self) -> str:
        """"¶7", "¶7–8", or "p. 2, ¶3" in a PDF: what a footnote prints."""
        return self.where or pinpoint(self.page, self.page_paragraph or self.paragraph)

    @property
    def paragraphs(self) -> range:
        return range(self.paragraph, (self.last_paragraph or self.paragraph) + 1)


@dataclass(frozen=True)
class ItemCheck:
    kind: Kind
    id: str
    citations: tuple[Citation, ...]
    failed: bool

    @property
    def originators(self) -> int:
        """Distinct originators behind the item; an unknown originator counts once per source."""
        return len({c.source.originator or f"?{c.source.id}" for c in self.citations})


@dataclass
class Verification:
    seeds: Shelf
    items: dict[str, ItemCheck] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    store: TieStore | None = field(default=None, repr=False)
    answers: Answers | None = field(default=None, repr=False)  # a large check's halves (verify/halves.py)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def mark_failed(self, item_id: str) -> None:
        old = self.items[item_id]
        self.items[item_id] = ItemCheck(old.kind, old.id, old.citations, True)
