"""Two columns of ragged-right text set double-spaced (reportlab frames, leading twice the type size), whose
lines pdfminer makes blocks of one, side by side on level baselines. The earlier reading took each pair of
lines for a table's row of cells and read the page row by row across the gutter, two of twelve paragraphs
whole. Lines of running text side by side are no table: each column is read from its top. The truth is the
document as built."""

from __future__ import annotations

import random

import pytest

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import two_column_pdf

_WORDS = ("the army drone programme said priority supplied parts international organisation representatives "
          "acknowledged comprehensive documentation regarding unmanned aerial vehicle").split()


def _document(leading: float) -> tuple[bytes, list[str]]:
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    pick = random.Random(3)
    texts = [f"Paragraph {n} says " + " ".join(pick.choice(_WORDS) for _ in range(pick.randint(40, 70))) + "."
             for n in range(12)]
    style = ParagraphStyle("r", parent=getSampleStyleSheet()["BodyText"], fontSize=10, leading=leading,
                           spaceAfter=6)
    return two_column_pdf(texts, style), texts


@pytest.mark.parametrize("leading", [18, 20])
def test_double_spaced_columns_read_column_by_column(leading: float) -> None:
    raw, texts = _document(leading)
    assert list(extract(raw).paragraphs) == texts
