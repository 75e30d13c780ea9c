"""What is behind a DOCX's text on its pages, known before its body is read: a drawing set behind the text.

A picture or shape placed behind text (a DrawingML anchor's behindDoc="1", a VML shape with a negative z-index:
a report's cover photograph, a dark band under its title, a full-page background in the header) is drawn under
the body's text wherever it lies, which is not known without laying the pages out: white text on it is seen. In
a document holding one, in its body or in a header or footer, the page behind the text is not known, so no text
is taken as coloured as the page (text on a ground of its own, a shaded paragraph or cell, a filled text box, is
judged as ever).
"""

from __future__ import annotations

from typing import IO

MB = 1024 * 1024
# How a drawing behind the text is written: a DrawingML anchor (Word 2007 and later), a VML shape (Word 2003)
BEHIND_TEXT = (b'behindDoc="1"', b"behindDoc='1'", b'behindDoc="true"', b"z-index:-")


def holds(stream: IO[bytes], needles: tuple[bytes, ...]) -> bool:
    """Whether the stream's bytes hold any of `needles`, read a MB at a time (a needle across two reads found)."""
    tail, width = b"", max(map(len, needles)) - 1
    while chunk := stream.read(MB):
        window = tail + chunk
        if any(needle in window for needle in needles):
            return True
        tail = window[-width:]
    return False
