"""The text of a laid-out paragraph's lines, and where the source had a space between two lines.

Tagged text is read from the structure line after line (a screen reader, `pdfinfo -struct-text`), so a line that
ends where the source has a space must end with one (tags.py draws it), and one that ends inside a word (a long
word cut by reportlab, a break between two ideographs) must not. A shaped run stands for the text it was shaped
from (`actual`, kept by shaping.py).
"""

from __future__ import annotations

from typing import Any

from briefgen.writers.pdf import glyphs


def _text(item: Any) -> str:
    return glyphs.read(item)


def line_texts(paragraph: Any) -> list[str]:
    """The characters each line of a laid-out paragraph (or part) draws, in logical order."""
    lines = []
    for line in getattr(paragraph.blPara, "lines", []):
        if hasattr(line, "words"):  # fragments, each with its text
            lines.append("".join(_text(w.text) for w in line.words
                                 if isinstance(getattr(w, "text", None), str) and not hasattr(w, "cbDefn")))
        else:  # one font: (extra space, words)
            lines.append(" ".join(_text(w) for w in line[1]))
    return lines


def frags_text(frags: Any) -> str:
    """The text of a paragraph's parsed fragments (before its lines are broken: breaking several fragments
    replaces them by a list of words, which hold no text of their own)."""
    return "".join(f.text for f in frags if isinstance(getattr(f, "text", None), str) and not hasattr(f, "cbDefn"))


def _source(paragraph: Any) -> str:
    """The text the paragraph was made from (paragraphs.py keeps it as it is made); a part a split made has
    its share of the whole's."""
    kept = getattr(paragraph, "_source_text", None)
    return str(kept) if kept is not None else frags_text(getattr(paragraph, "frags", []))


def _match(texts: list[str], source: str) -> tuple[list[bool], int]:
    """Each line's end (white space after it in the source?) and how far into the source the lines reach.
    Lines are matched character by character, white space aside; once they cannot be (the text was changed
    on the way), every later line is taken to end at a space."""
    ends, at = [], 0
    for text in texts:
        for char in text.replace(" ", ""):
            while at < len(source) and source[at].isspace():
                at += 1
            if at < len(source) and source[at] == char:
                at += 1
            else:
                at = len(source) + 1
        ends.append(at > len(source) or (at < len(source) and source[at].isspace()))
    return ends, at


def line_ends(paragraph: Any) -> list[bool]:
    """For each line but the last, whether the source text has white space right after it (the last line
    ends the element: nothing to keep apart)."""
    texts = line_texts(paragraph)
    if len(texts) < 2:
        return [False] * len(texts)
    return [*_match(texts[:-1], _source(paragraph))[0], False]


def divide(whole: Any, parts: list[Any]) -> None:
    """Give the two parts of a split paragraph their shares of its source text (reportlab rebuilds the
    parts' text from the lines, with a space between any two)."""
    if len(parts) != 2 or not hasattr(whole, "frags"):
        return
    source = _source(whole)
    at = min(_match(line_texts(parts[0]), source)[1], len(source))
    parts[0]._source_text, parts[1]._source_text = source[:at], source[at:]


def source_text(paragraph: Any) -> str:
    """The paragraph's text in logical order, its lines joined as the source joins them."""
    texts = line_texts(paragraph)
    ends = line_ends(paragraph)
    return "".join(t.strip() + (" " if end else "") for t, end in zip(texts, ends, strict=True)).strip()
