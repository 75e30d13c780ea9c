"""A table of contents, as LibreOffice and Word set one: each entry a line of its own, a right tab with dot
leaders to its page number ("Introduction ........ 3"), the lines full to the margin and ending in no stop,
set close (one block) or apart (a block each). The earlier reading took each full line without a stop for a
sentence going on and ran the entries together into one paragraph. A reader sees each entry as a line of its
own and copies it with its leaders: each entry is a paragraph. The truth is the page as drawn."""

from __future__ import annotations

import io

import pytest

from briefgen.sources.formats.pdfdoc import extract

ENTRIES = [("Introduction", "3"), ("Background and method", "7"), ("Findings on the northern sector", "12"),
           ("Annex A: sources", "31"), ("Preface to the second edition", "xi")]
AFTER = "The review covers the units that fly uncrewed aircraft along the northern border."


def _contents(pitch: float) -> tuple[bytes, list[str]]:
    """The entries `pitch` points apart, each led by dots to its number at the right margin."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    out, drawn = io.BytesIO(), []
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("Helvetica", 18)
    page.drawString(72, 760, "Contents")
    page.setFont("Helvetica", 11)
    y = 730.0
    for title, number in ENTRIES:
        room = A4[0] - 144 - stringWidth(f"{title} {number}", "Helvetica", 11)
        dots = int(room / stringWidth(".", "Helvetica", 11))
        drawn.append(f"{title}{'.' * dots}{number}")
        page.drawString(72, y, drawn[-1])
        y -= pitch
    page.drawString(72, y - 20, AFTER)
    page.showPage()
    page.save()
    return out.getvalue(), drawn


@pytest.mark.parametrize("pitch", [14, 26])
def test_each_entry_of_a_table_of_contents_is_a_paragraph(pitch: float) -> None:
    raw, drawn = _contents(pitch)
    assert list(extract(raw).paragraphs) == ["Contents", *drawn, AFTER]
