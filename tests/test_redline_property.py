"""Property (issue 18): for any two briefs the DOCX writer makes, the redline of one against the other reads,
with every change accepted, as the newer one and, with every change rejected, as the older one: body
paragraphs and table cells in order, and each note's text in the order the body cites them.

The newer document is either unrelated or the older one with blocks dropped, kept (in their order or
shuffled) and added, so that unchanged, revised, inserted, deleted and moved paragraphs, rows and notes all
occur; the redline stays valid against the schema (tests/ooxml_order.py), moves included.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.document.nodes import Document, Theme
from briefgen.writers.docx.redline import write_redline
from briefgen.writers.docx.writer import write
from tests.ooxml_order import violations
from tests.redlines import text_of
from tests.strategies import documents


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Document, Document, Theme]:
    (old, theme), (other, _) = draw(documents()), draw(documents())
    if draw(st.booleans()):
        return old, other, theme
    kept = [b for b in old.blocks if draw(st.booleans())]
    if draw(st.booleans()):  # reordered: the kept blocks moved
        kept = draw(st.permutations(kept))
    for block in other.blocks:
        kept.insert(draw(st.integers(0, len(kept))), block)
    return old, Document(old.meta, tuple(kept)), theme


@settings(max_examples=30)
@given(pairs())
def test_accept_all_gives_the_new_text_and_reject_all_the_old(case: tuple[Document, Document, Theme]) -> None:
    old, new, theme = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(old, folder / "old.docx", theme)
        write(new, folder / "new.docx", theme)
        write_redline(folder / "old.docx", folder / "new.docx", folder / "redline.docx", "Reviewer", "2025-09-19")
        assert text_of(folder / "redline.docx", accept=True) == text_of(folder / "new.docx")
        assert text_of(folder / "redline.docx", accept=False) == text_of(folder / "old.docx")
        assert violations(folder / "redline.docx") == []
