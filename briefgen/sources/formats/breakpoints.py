"""The display classes of the common CSS frameworks, which show an element on some screen widths only.

A saved page's seed is its HTML alone: the framework's stylesheet, linked, is not in it, so its classes are read
here as the framework defines them. A page that writes a text twice, `<div class="d-md-none">` for phones and
`<div class="d-none d-md-block">` for larger screens, shows one of them in a desktop browser (mediaquery.py says
which widths are looked at), and its reader copies that one only.

Each class sets `display` (`none` to hide; `visibility` for `invisible`) from a lowest width on, below a highest
width, as the frameworks' own rules do, `!important` where theirs are; a later breakpoint's class wins over an
earlier one's, as in the frameworks' own order, and any rule of the page's own <style> of the same weight wins
over them all. Bootstrap 3 (`hidden-xs`, `visible-lg`), Bootstrap 4 and 5 (`d-none`, `d-md-block`), Tailwind
(`hidden`, `md:block`, `max-lg:hidden`, `invisible`; `md:not-sr-only` and `md:sr-only`, screen_reader_only),
Foundation (`show-for-small-only`, `hide-for-large`), Bulma (`is-hidden-desktop`), and the classes that say what
they do (`mobile-only`, `hide-desktop`, `tooltiptext`); and Bootstrap's components hidden until opened
(STATEFUL).
"""

from __future__ import annotations

from dataclasses import dataclass

_WIDEST = 1 << 20


@dataclass(frozen=True)
class Shown:
    """What a class does: `display` (or `prop`) set to `value` (with `!important` or not) in windows from `low`
    px wide up to, not including, `high`."""

    value: str
    important: bool
    low: int = 0
    high: int = _WIDEST
    prop: str = "display"

    def at(self, width: int) -> bool:
        return self.low <= width < self.high


_DISPLAYS = ("none", "inline", "inline-block", "block", "grid", "inline-grid", "table", "table-row", "table-cell",
             "flex", "inline-flex", "contents", "flow-root", "list-item")
_BOOTSTRAP = {"": 0, "sm": 576, "md": 768, "lg": 992, "xl": 1200, "xxl": 1400}
_BOOTSTRAP3 = {"xs": (0, 768), "sm": (768, 992), "md": (992, 1200), "lg": (1200, _WIDEST)}
_TAILWIND = {"sm": 640, "md": 768, "lg": 1024, "xl": 1280, "2xl": 1536}
_FOUNDATION = {"small": (0, 640), "medium": (640, 1024), "large": (1024, 1200), "xlarge": (1200, 1440),
               "xxlarge": (1440, _WIDEST)}
_BULMA = {"mobile": (0, 769), "tablet": (769, _WIDEST), "touch": (0, 1024), "desktop": (1024, _WIDEST),
          "widescreen": (1216, _WIDEST), "fullhd": (1408, _WIDEST), "tablet-only": (769, 1024),
          "desktop-only": (1024, 1216), "widescreen-only": (1216, 1408)}
# A tooltip's text, written inside the sentence it glosses and shown on hovering (the W3Schools pattern,
# `.tooltip .tooltiptext { visibility: hidden }`, that sites copy): not in the sentence a reader sees and copies.
_HOVERED = ("tooltiptext", "tooltip-text", "tooltip-content")
_PRINTED = ("visible-print", "visible-print-block", "visible-print-inline", "visible-print-inline-block",
            "show-for-print", "print-only")  # shown on paper only (Bootstrap 3, Foundation)
_SAID = ("mobile-only", "only-mobile", "visible-mobile", "show-mobile", "show-on-mobile", "show-for-mobile",
         "hide-desktop", "hidden-desktop", "hide-on-desktop", "hide-for-desktop", "desktop-hidden", "desktop-hide")


def _bootstrap() -> dict[str, list[Shown]]:
    found = {f"d-{bp}-{value}".replace("--", "-"): [Shown(value, True, low)]
             for bp, low in _BOOTSTRAP.items() for value in _DISPLAYS}
    for size, (low, high) in _BOOTSTRAP3.items():
        found[f"hidden-{size}"] = [Shown("none", True, low, high)]
        for kind in ("", "-block", "-inline", "-inline-block"):
            shown = kind.lstrip("-") or "block"
            found[f"visible-{size}{kind}"] = [Shown("none", True), Shown(shown, True, low, high)]
    return found


def _tailwind() -> dict[str, list[Shown]]:
    """Tailwind's breakpoint classes, and of its plain ones only `hidden` (`block`, `table`, `inline` are class
    names many a site uses for other ends)."""
    found = {"hidden": [Shown("none", False)], "invisible": [Shown("hidden", False, prop="visibility")]}
    for bp, low in _TAILWIND.items():
        for value in _DISPLAYS:
            name = "hidden" if value == "none" else value
            found[f"{bp}:{name}"] = [Shown(value, False, low)]
            found[f"max-{bp}:{name}"] = [Shown(value, False, 0, low)]
        for value in ("visible", "hidden"):
            name = "invisible" if value == "hidden" else value
            found[f"{bp}:{name}"] = [Shown(value, False, low, prop="visibility")]
            found[f"max-{bp}:{name}"] = [Shown(value, False, 0, low, prop="visibility")]
    return found


def screen_reader_only(classes: list[str], width: int, default: bool) -> bool:
    """Whether Tailwind's `sr-only` (visually hidden) holds at `width`: `default` (a visually-hidden class is
    there), turned by `md:sr-only` and `md:not-sr-only` from their breakpoints on, the wider one last."""
    turns = sorted((low, name.endswith(":sr-only")) for name in classes if ":" in name
                   and name.endswith("sr-only") and (low := _TAILWIND.get(name.split(":")[0], -1)) >= 0)
    for low, hidden in turns:
        if low <= width:
            default = hidden
    return default


def _hiding() -> dict[str, list[Shown]]:
    """Foundation's, Bulma's and the self-describing classes, which only hide."""
    found = {"hide": [Shown("none", True)], "is-hidden": [Shown("none", True)]}
    for size, (low, high) in _FOUNDATION.items():
        found[f"hide-for-{size}-only"] = [Shown("none", True, low, high)]
        found[f"show-for-{size}-only"] = [Shown("none", True, 0, low), Shown("none", True, high)]
        found[f"hide-for-{size}"] = [Shown("none", True, low)]
        found[f"show-for-{size}"] = [Shown("none", True, 0, low)]
    for size, (low, high) in _BULMA.items():
        found[f"is-hidden-{size}"] = [Shown("none", True, low, high)]
    found.update({name: [Shown("none", False, 768)] for name in _SAID})
    found.update({name: [Shown("none", True)] for name in _PRINTED})
    found.update({name: [Shown("none", False)] for name in _HOVERED})
    return found


# Bootstrap's components that are hidden until a click or their script adds a class of state: a collapsed
# panel (an accordion's, `collapse` without `show`, Bootstrap 3's `in`), a tab not chosen, a carousel's slide
# not shown, a modal or a drop-down menu not open. The state classes a component shows with.
STATEFUL: dict[str, frozenset[str]] = {"collapse": frozenset({"show", "in"}), "tab-pane": frozenset({"active"}),
                                       "carousel-item": frozenset({"active"}), "modal": frozenset({"show", "in"}),
                                       "dropdown-menu": frozenset({"show"})}
CLASSES: dict[str, list[Shown]] = {**_tailwind(), **_bootstrap(), **_hiding()}

def order(shown: Shown, index: int) -> int:
    """A class's place in the cascade: before every rule of the page's own, a wider breakpoint's later."""
    return (shown.low * 4 + index) - (1 << 40)
