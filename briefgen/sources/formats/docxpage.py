"""What is behind a DOCX's text on its pages, known before its body is read: a drawing set behind the text.

A picture or shape placed behind text (a DrawingML anchor's behindDoc="1", a VML shape with a negative z-index:
a report's cover photograph, a dark band under its title, a full-page background in the header) is drawn under
the body's text wherever it lies, which is not known without laying the pages out: white text on it is seen. In
a document holding one, in its body or in a header or footer, the page behind the text is not known, so no text
is taken as coloured as the page (text on a ground of its own, a shaded paragraph or cell, a filled text box, is
judged as ever). Word's watermarks, light grey words or a washed-out picture behind the text, leave the page as it
is: white text on them is as unseen as on the page.
"""

from __future__ import annotations

from typing import IO

MB = 1024 * 1024
# How a drawing behind the text is written: a DrawingML anchor (Word 2007 and later), a VML shape (Word 2003 and
# Word's watermarks still)
ANCHORED_BEHIND = (b'behindDoc="1"', b"behindDoc='1'", b'behindDoc="true"')
VML_BEHIND = b"z-index:-"
# Word's watermarks (Design > Watermark: "DRAFT" in light grey, a washed-out picture), VML shapes behind the text
# that leave it legible, white text on them as unseen as on the page
WATERMARKS = (b"PowerPlusWaterMarkObject", b"WordPictureWatermark")


def drawn_behind(stream: IO[bytes]) -> bool:
    """Whether a part's bytes hold a drawing set behind the text, other than Word's watermarks (a part holding
    one is taken to hold no other VML shape behind the text)."""
    found = holds(stream, (*ANCHORED_BEHIND, VML_BEHIND, *WATERMARKS), every=True)
    return any(marker in found for marker in ANCHORED_BEHIND) or \
        (VML_BEHIND in found and not any(marker in found for marker in WATERMARKS))


def holds(stream: IO[bytes], needles: tuple[bytes, ...], every: bool = False) -> set[bytes]:
    """Which of `needles` the stream's bytes hold, read a MB at a time (a needle across two reads found): the
    first found, unless `every`, when the whole stream is read."""
    tail, width, found = b"", max(map(len, needles)) - 1, set[bytes]()
    while chunk := stream.read(MB):
        window = tail + chunk
        found.update(needle for needle in needles if needle in window)
        if found and not every:
            break
        tail = window[-width:]
    return found
