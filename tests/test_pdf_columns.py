"""A reportlab document in two narrow justified columns of long words (platypus frames, word spacing stretched to
the measure, 6pt between paragraphs). The earlier reading found none of its 60 paragraphs whole: lines cut at
their wide spaces, the pieces out of order (single words near the top of pages taken for running headers),
paragraphs run together. Now 56 are whole; the other 4 still take in words of a neighbour (a known limit)."""

from __future__ import annotations

import random

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import two_column_pdf

_WORDS = ("the army North Korea drone programme said priority China Russia supplied parts international "
          "organisation representatives acknowledged extraordinarily comprehensive documentation regarding "
          "unmanned aerial vehicle manufacturing capabilities").split()


def _document(count: int) -> tuple[bytes, list[str]]:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    pick = random.Random(3)
    texts = [" ".join(pick.choice(_WORDS) for _ in range(pick.randint(40, 90))).capitalize() + "."
             for _ in range(count)]
    style = ParagraphStyle("j", parent=getSampleStyleSheet()["BodyText"], alignment=TA_JUSTIFY, fontSize=10,
                           leading=12, spaceAfter=6)
    return two_column_pdf(texts, style), texts


def test_two_justified_columns_read_paragraph_by_paragraph() -> None:
    raw, texts = _document(60)
    found = list(extract(raw).paragraphs)
    assert sum(text in found for text in texts) >= 54  # measured: 56 of 60 (the earlier reading: none)
