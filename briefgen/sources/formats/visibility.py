"""Which text of an HTML page a browser shows: elements that are never text, the `hidden` attribute, and the
`display`, `visibility` and `content-visibility` an element takes from its inline style and the page's own
stylesheet (stylesheet.py), followed through the open elements as the browser nests them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.sources.formats.stylesheet import Sheet, every_screen

# Elements whose content is never text a reader sees on the page.
HIDDEN = frozenset({"script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object",
                    "canvas", "select", "textarea", "button"})
# Elements that never have content or an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
                  "source", "track", "wbr"})
# Elements whose end tag may be left out, and the start tags that end them (as HTML's parser does), so a hidden
# <p> or <li> left open ends where a browser ends it.
_ENDS_P = frozenset({"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
                     "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                     "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "search",
                     "section", "summary", "table", "ul"})
IMPLIED_END = {"p": _ENDS_P, "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"}), "dd": frozenset({"dt", "dd"}),
               "tr": frozenset({"tr"}), "td": frozenset({"td", "th", "tr"}), "th": frozenset({"td", "th", "tr"}),
               "option": frozenset({"option", "optgroup"})}
_INERT = frozenset({"template", "noscript"})  # a <style> inside them styles nothing (with scripts running)


@dataclass(frozen=True)
class Hiding:
    """What an element does to the text inside it."""

    gone: bool  # not rendered at all (display: none and the like): nothing inside shows, whatever it says
    visible: bool | None  # its `visibility`: False hidden, True visible again inside a hidden one, None inherited


def hiding(tag: str, attrs: dict[str, str | None], sheet: Sheet) -> Hiding:
    """How an element hides its content, so no passage is verified against words no reader of the page sees.

    Gone: the elements of HIDDEN (scripts, styles, <template>'s inert content, <noscript>, which a browser
    running scripts never shows, forms' controls, embedded documents); the `hidden` attribute; `display: none`
    or `content-visibility: hidden`; `opacity: 0`; clipped away as visually-hidden (`.sr-only`) text is
    (`clip: rect(0 0 0 0)`, `clip-path: inset(50%)`, or 1px wide and high with `overflow: hidden`): a screen
    reader reads it, a sighted reader, who copies passages from the page, does not see it. Invisible:
    `visibility: hidden` or `collapse`, which a descendant's `visibility: visible` undoes. All from the inline
    style and the page's <style> rules (stylesheet.py).
    Seen, so kept: `hidden="until-found"` (folded text the browser's find-in-page opens and shows), closed
    <details> (one click opens it), and `aria-hidden="true"`, which hides text from screen readers only: it marks
    decoration or text repeated for the eye, which a sighted reader does see.
    Not detected: colour, a zero font size or off-screen placement."""
    if tag in HIDDEN or ("hidden" in attrs and (attrs["hidden"] or "").strip().lower() != "until-found"):
        return Hiding(True, None)
    values = sheet.values(tag, attrs)
    gone = values.get("display") == "none" or values.get("content-visibility") == "hidden" or _clear(values) \
        or _clipped(values)
    shown = values.get("visibility")
    return Hiding(gone, False if shown in ("hidden", "collapse") else True if shown in ("visible", "initial")
                  else None)


_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def _clear(values: dict[str, str]) -> bool:
    """`opacity: 0` (or 0%)."""
    found = _NUMBER.match(values.get("opacity", ""))
    return found is not None and float(found.group()) <= 0


def _clipped(values: dict[str, str]) -> bool:
    """Clipped to nothing: `clip: rect()` of sides at most 1px, `clip-path: inset(50%)` or more, or a box at most
    1px wide and high that hides what overflows it."""
    clip, path = values.get("clip", ""), values.get("clip-path", "")
    if clip.startswith("rect(") and all(float(n) <= 1 for n in _NUMBER.findall(clip)):
        return True
    if path.startswith("inset(") and (found := _NUMBER.search(path)) and float(found.group()) >= 50 \
            and path.count("%") >= 1:
        return True
    tiny = [_NUMBER.match(values.get(side, "")) for side in ("width", "height")]
    return all(n is not None and float(n.group()) <= 1 for n in tiny) and values.get("overflow") == "hidden"


class Visibility:
    """The open elements, as a browser nests them, and whether the text inside the innermost one is seen."""

    def __init__(self, sheet: Sheet | None = None) -> None:
        self.sheet = sheet or Sheet()
        self._open: list[tuple[str, bool, bool]] = []  # (element, gone, invisible: its own or inherited)
        self._named: dict[str, int] = {}  # open elements by name, so an end tag is matched without a search
        self._gone = 0  # open elements not rendered at all

    @property
    def hidden(self) -> bool:
        return self._gone > 0 or bool(self._open and self._open[-1][2])

    def start(self, tag: str, attrs: dict[str, str | None]) -> None:
        while self._open and tag in IMPLIED_END.get(self._open[-1][0], ()):
            self._pop()
        if tag not in VOID:
            found = hiding(tag, attrs, self.sheet)
            inherited = bool(self._open and self._open[-1][2])
            self._open.append((tag, found.gone, not found.visible if found.visible is not None else inherited))
            self._named[tag] = self._named.get(tag, 0) + 1
            self._gone += found.gone

    def end(self, tag: str) -> None:
        """Close `tag` and whatever is open inside it; a stray end tag (nothing of its name open) is ignored."""
        if self._named.get(tag):
            while self._pop() != tag:
                pass

    def _pop(self) -> str:
        tag, gone, _ = self._open.pop()
        self._named[tag] -= 1
        self._gone -= gone
        return tag


# What the scan for <style> elements steps over: comments, and the elements whose content is text, not markup
# (a "<style>" inside a script or a textarea is not one); <template> and <noscript> are followed, not skipped.
_TAG = re.compile(r"""<!--.*?(?:-->|\Z)|<(/?)(style|script|textarea|title|xmp|template|noscript)\b"""
                  r"""((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


def page_sheet(html: str) -> Sheet:
    """The rules of the page's <style> elements that style the screen (no `media="print"`, none inside
    <template> or <noscript>), in document order. A scan for them, not a second parse of the page."""
    sheet, inert, position = Sheet(), 0, 0
    while (found := _TAG.search(html, position)) is not None:
        position = found.end()
        closing, tag = found.group(1), (found.group(2) or "").lower()
        if not tag:
            continue
        if tag in _INERT:
            inert = max(0, inert - 1) if closing else inert + 1
            continue
        if closing:
            continue
        end = re.compile(f"</{tag}", re.IGNORECASE).search(html, position)
        stop = len(html) if end is None else end.start()
        if tag == "style" and not inert and _styles_screen(found.group(3)):
            sheet.add(html[position:stop])
        position = stop
    return sheet


def _styles_screen(attributes: str) -> bool:
    """Whether a <style> element's attributes leave it styling the screen (its `media` and `type`)."""
    found = {name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(attributes)}
    return every_screen(found.get("media", "")) and found.get("type", "text/css").strip().lower() in ("text/css", "")
