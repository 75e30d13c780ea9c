"""An OpenDocument text's styles, as far as they decide what is shown (odtbody.py reads the text): which
paragraph and character styles hide their text (text:display="none" in their text properties, directly or from
the style they inherit), the list style a paragraph style numbers its paragraphs with, and the list styles'
levels (odtlists.py counts them). Styles come from styles.xml (common ones) and content.xml (automatic ones),
or from the one file of a flat document (.fodt).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
OUTLINE = "\0outline"  # the name the headings' numbering (text:outline-style) is kept under: no style's name
MAX_INHERITANCE = 50  # a style inheriting from another, so deep: a loop in a hostile file


@dataclass(frozen=True)
class Level:
    """One level of a list style: a number's format ("1", "a", "A", "i", "I"; "" none), its prefix and
    suffix, first number and how many levels' numbers it shows; or a bullet (`bullet`)."""

    bullet: bool = False
    num_format: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    shown_levels: int = 1
    pattern: str | None = None  # LibreOffice's own "%1%.%2%." form of the label, when it writes one


@dataclass
class Styles:
    hidden: dict[str, bool] = field(default_factory=dict)  # a style's own text:display, where it sets one
    parents: dict[str, str] = field(default_factory=dict)
    list_styles: dict[str, str] = field(default_factory=dict)  # a paragraph style's list style, where it sets one
    lists: dict[str, dict[int, Level]] = field(default_factory=dict)

    def is_hidden(self, name: str | None) -> bool:
        """Whether text in the style `name` is hidden (its own setting, else the nearest it inherits)."""
        for _ in range(MAX_INHERITANCE):
            if name is None:
                return False
            if name in self.hidden:
                return self.hidden[name]
            name = self.parents.get(name)
        return False

    def list_style(self, name: str | None) -> str | None:
        """The list style the paragraph style `name` numbers its paragraphs with (its own, else inherited)."""
        for _ in range(MAX_INHERITANCE):
            if name is None or name in self.list_styles:
                return None if name is None else self.list_styles[name] or None
            name = self.parents.get(name)
        return None


def add_styles(styles: Styles, root: Any) -> None:
    """Add the styles defined in `root` (office:styles or office:automatic-styles, of styles.xml or content.xml;
    styles.xml's are read first)."""
    for element in root.iter(f"{STYLE}style", f"{TEXT}list-style", f"{TEXT}outline-style"):
        if element.tag == f"{TEXT}outline-style":  # headings' chapter numbers
            styles.lists[OUTLINE] = _levels(element)
        elif element.tag == f"{TEXT}list-style":
            styles.lists[element.get(f"{STYLE}name", "")] = _levels(element)
        else:
            _style(styles, element)


def _style(styles: Styles, element: Any) -> None:
    name = element.get(f"{STYLE}name", "")
    parent = element.get(f"{STYLE}parent-style-name")
    if parent is not None:
        styles.parents[name] = parent
    listed = element.get(f"{STYLE}list-style-name")
    if listed is not None:
        styles.list_styles[name] = listed
    properties = element.find(f"{STYLE}text-properties")
    display = None if properties is None else properties.get(f"{TEXT}display")
    if display is not None:
        styles.hidden[name] = display == "none"


def _levels(element: Any) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for level in element:
        number = _int(level.get(f"{TEXT}level"), 1)
        if level.tag == f"{TEXT}list-level-style-bullet":
            levels[number] = Level(bullet=True)
        elif level.tag in (f"{TEXT}list-level-style-number", f"{TEXT}outline-level-style"):
            levels[number] = Level(False, level.get(f"{STYLE}num-format", ""), level.get(f"{STYLE}num-prefix", ""),
                                   level.get(f"{STYLE}num-suffix", ""), _int(level.get(f"{TEXT}start-value"), 1),
                                   _int(level.get(f"{TEXT}display-levels"), 1), level.get(f"{LOEXT}num-list-format"))
    return levels


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None and len(value) < 10 else default
    except ValueError:
        return default
