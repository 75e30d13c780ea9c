"""Plain-text rules shared by the readers of seed documents and the writers of briefs."""

from __future__ import annotations

import re


def safe_text(text: str) -> str:
    """`text` with every character no brief may carry replaced by U+FFFD, so that both writers print the same
    and serialising can never fail: those XML 1.0 forbids (C0 controls but tab and line breaks, lone
    surrogates, U+FFFE, U+FFFF), and DEL and the C1 controls, which no font draws."""
    return _UNSAFE.sub("\ufffd", text)


_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """`text` as one line: runs of white space, line breaks included, become one space, and soft hyphens go.

    For a header or footer line (banner, organisation, footer on every page), where a line feed or tab would
    print as a missing-glyph box in the PDF and break the DOCX line's tab stops, and a soft hyphen (the line
    never breaks) as a stray hyphen; and for a seed paragraph as the locator reads it."""
    return _SPACE.sub(" ", text.replace("\u00ad", "")).strip()


_SPACE = re.compile(r"\s+")
