"""Text a reader can see: a house style or a profile's colours must not hide the brief.

A reference whose Normal style is Hidden (Word's w:vanish) or white, or a profile whose accent is the page's
own colour, gave briefs that looked empty in Word and in the PDF alike; both are refused at the key that set
them. A colour a reader can make out but only just (below WCAG 2's 3:1, its least for large text) is a `check`
warning. Contrast is WCAG 2's: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, against the white page.
"""

from __future__ import annotations

from briefgen.document.colours import PAGE, contrast, text_colour
from briefgen.document.house import StyleLook
from briefgen.document.layout import STYLES, TEXT
from briefgen.document.nodes import Theme
from briefgen.errors import BriefgenError, Problem
from briefgen.render.profiles import Profile

UNREADABLE = 1.5  # below this contrast with the page, text is not seen at all: refused
PALE = 3.0  # WCAG 2's least contrast for large text (4.5:1 for body text): below it, a warning
_COLOUR_HINT = "choose a darker colour: WCAG asks for 4.5:1 against the white page for body text, 3:1 for headings"


def refuse_hidden(theme: Theme, profile: Profile) -> None:
    """Refuse the styles the brief uses that hide their text or set it in the page's colour, and a profile or
    brand colour that does (a reference's Heading 1 colour, the accent it gives, is checked as its style)."""
    hidden = [name for name, look in _used(theme) if look.hidden]
    problems = [_hidden_problem(profile, hidden)] if hidden else []
    problems += [_style_problem(profile, names, *seen) for seen, names in _by_colour(theme).items()
                 if contrast(*seen) < UNREADABLE]
    problems += [_colour_problem(profile, key, field, colour) for field, key, colour in _own_colours(theme, profile)
                 if contrast(colour) < UNREADABLE]
    if problems:
        raise BriefgenError(problems)


def pale(theme: Theme, profile: Profile) -> list[Problem]:
    """Warnings for the colours a reader can make out but only just (below PALE)."""
    styles = [_style_problem(profile, names, *seen) for seen, names in _by_colour(theme).items()
              if UNREADABLE <= contrast(*seen) < PALE]
    return styles + [_colour_problem(profile, key, field, colour) for field, key, colour in
                     _own_colours(theme, profile) if UNREADABLE <= contrast(colour) < PALE]


def _by_colour(theme: Theme) -> dict[tuple[str, str], list[str]]:
    """The styles the brief uses by the colour they set their text in and the colour behind it, their
    shading or the page (one finding for Normal and the styles that take its colour from it)."""
    found: dict[tuple[str, str], list[str]] = {}
    for name, look in _used(theme):
        if look.colour or look.fill:
            seen = (text_colour(look.colour, look.fill), look.fill or PAGE)
            found.setdefault(seen, []).append(name)
    for name, colour, fill in _table_rows(theme):
        names = found.setdefault((colour, fill), [])
        names += [] if name in names else [name]
    return found


def _table_rows(theme: Theme) -> list[tuple[str, str, str]]:
    """The reference's table style's name, and the text colour and fill of the key-figures table's header
    row and of its first two bands of rows, as both formats draw them (document/tablelook.py)."""
    look = None if theme.house is None else theme.house.table
    if look is None:
        return []
    defined = dict(_used(theme))
    rows = []
    for row, key, ours in ((0, "table_header", theme.accent), (1, "table_cell", TEXT), (2, "table_cell", TEXT)):
        own = defined.get(STYLES[key].word_name)
        fill = look.fill(row) or PAGE
        colour = own.colour if own is not None and own.colour else look.ink(row == 0)[0] or ours
        rows.append((look.name, colour, fill))
    return rows


def _used(theme: Theme) -> list[tuple[str, StyleLook]]:
    """The reference's styles the brief uses, by Word name (Normal first: the others inherit it)."""
    if theme.house is None:
        return []
    defined = dict(theme.house.styles)
    names = dict.fromkeys(["Normal", *(spec.word_name for spec in STYLES.values())])
    return [(name, defined[name.lower()]) for name in names if name.lower() in defined]


def _own_colours(theme: Theme, profile: Profile) -> list[tuple[str, str, str]]:
    """(field, profile key, colour) of the accent and banner colours the profile or its brand file set."""
    explicit = profile.look.model_fields_set
    found: list[tuple[str, str, str]] = []
    for field in ("accent", "banner_color"):
        key = field if field in explicit else "brand" if profile.look.brand is not None else ""
        if key:
            found.append((field, key, str(getattr(theme, field))))
    return found


def _styles(names: list[str], verb: str) -> str:
    """"style 'Normal' sets" or "styles 'Normal' and 'Title' set" (`verb` in the plural)."""
    quoted = [repr(name) for name in names]
    if len(names) == 1:
        return f"style {quoted[0]} {verb}s"
    return f"styles {', '.join(quoted[:-1])} and {quoted[-1]} {verb}"


def _hidden_problem(profile: Profile, names: list[str]) -> Problem:
    return profile.problem(("look", "reference_docx"), f"its {_styles(names, 'hide')} the text set in it (Hidden)", (
        f"in Word, modify the style {names[0]!r} (Home > Styles, right-click, Modify > Format > Font) and clear "
        "Hidden, and any style based on it that sets Hidden itself"))


def _style_problem(profile: Profile, names: list[str], colour: str, background: str) -> Problem:
    ratio = contrast(colour, background)
    what = "cannot be seen on" if ratio < UNREADABLE else "is pale against"
    behind = "the white page" if background == PAGE else f"their shading {background}"
    return profile.problem(("look", "reference_docx"), (
        f"its {_styles(names, 'set')} text in {colour}, which {what} {behind} (contrast {ratio:.1f}:1)"),
        f"in Word, modify the style {names[0]!r} (Format > Font > Font color): {_COLOUR_HINT}",
        warning=ratio >= UNREADABLE)


def _colour_problem(profile: Profile, key: str, field: str, colour: str) -> Problem:
    ratio = contrast(colour)
    what = "cannot be seen on" if ratio < UNREADABLE else "is pale against"
    return profile.problem(("look", key), f"the {field.replace('_', ' ')} {colour} {what} the white page "
                           f"(contrast {ratio:.1f}:1)", _COLOUR_HINT, warning=ratio >= UNREADABLE)
