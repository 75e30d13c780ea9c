"""A reference's list numbering (word/numbering.xml), as far as its heading styles use it: a Heading 1 of a
report template numbered "1", "2"… (or "1.1" for Heading 2), which Word and LibreOffice draw in the DOCX and
the PDF then draws too (writers/pdf/house.py counts)."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from briefgen.document.house import ListLevel
from briefgen.render.wordml import W, count, indent_of
from briefgen.render.wordtheme import WordTheme

_LEVELS = 9  # Word's list levels, 0 to 8
_MAX_START = 32767  # the largest start value Word accepts


def read_lists(root: Element | None, theme: WordTheme | None = None) -> tuple[tuple[str, tuple[ListLevel, ...]], ...]:
    """numId -> its levels (format, text pattern, start, font, colour: a theme's read through `theme`, as Word
    does, indents), for every list the numbering part defines."""
    if root is None:
        return ()
    abstracts = {a.get(f"{W}abstractNumId", ""): a for a in root.findall(f"{W}abstractNum")}
    found: list[tuple[str, tuple[ListLevel, ...]]] = []
    for num in root.findall(f"{W}num"):
        link = num.find(f"{W}abstractNumId")
        abstract = abstracts.get("" if link is None else link.get(f"{W}val", ""))
        if abstract is not None:
            found.append((num.get(f"{W}numId", ""), _levels(abstract, theme or WordTheme())))
    return tuple(found)


def _levels(abstract: Element, theme: WordTheme) -> tuple[ListLevel, ...]:
    by_level = {lvl.get(f"{W}ilvl", ""): lvl for lvl in abstract.findall(f"{W}lvl")}
    return tuple(_level(by_level.get(str(n)), theme) for n in range(_LEVELS))


def _level(lvl: Element | None, theme: WordTheme) -> ListLevel:
    if lvl is None:
        return ListLevel()
    fmt, text = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
    start = count(lvl.find(f"{W}start"))
    rpr = lvl.find(f"{W}rPr")
    fonts = None if rpr is None else rpr.find(f"{W}rFonts")
    colour = None if rpr is None else rpr.find(f"{W}color")
    return ListLevel(fmt="decimal" if fmt is None else fmt.get(f"{W}val", "decimal"),
                     text="" if text is None else text.get(f"{W}val", ""),
                     start=min(max(start, 0), _MAX_START) if start is not None else 1,
                     font=None if fonts is None else fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi"),
                     colour=theme.colour(colour),
                     indent=indent_of(lvl.find(f"{W}pPr")))


def numbered(ppr: Element) -> tuple[str, int] | None:
    """The list (numId) and level a style's w:numPr puts its paragraphs in; numId 0 means none."""
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return None
    num, level = num_pr.find(f"{W}numId"), count(num_pr.find(f"{W}ilvl"))
    ident = "" if num is None else num.get(f"{W}val", "")
    return (ident, min(max(level or 0, 0), _LEVELS - 1)) if ident else None
