"""Which text of an HTML page a browser shows: elements that are never text, the `hidden` attribute, and the
styles that hide an element (`display`, `opacity`, clipping, off-screen placement) or its text (`visibility`,
type size, colour: ink.py) it takes from its inline style and the page's own stylesheet (stylesheet.py),
followed through the open elements as the browser nests them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from briefgen.sources.formats.breakpoints import CLASSES, screen_reader_only
from briefgen.sources.formats.cssselect import Element, Tree
from briefgen.sources.formats.folds import shut, unfilled
from briefgen.sources.formats.ink import Ink, inherit
from briefgen.sources.formats.mediaquery import WIDTHS, widths
from briefgen.sources.formats.stylesheet import Sheet

# Elements whose content is never text a reader sees on the page, or never in the line they read: a ruby's
# <rt> (its reading, set small above the base text: 無人機 with むじんき over it is read, typed and quoted
# "無人機") and <rp> (the parentheses around it, which only a browser without ruby shows).
# The fallback text of media a browser plays (<video>, <audio>) and of embedded content it shows (<noembed>,
# <noframes>), a <datalist>'s suggestions and the fallback text of a <meter> or <progress> (drawn as a bar) are
# not shown either; nor an SVG drawing's title (a tooltip),
# description and definitions, nor a MathML formula's annotations (its TeX source).
HIDDEN = frozenset({"script", "style", "noscript", "template", "title", "iframe", "object", "canvas", "select",
                    "textarea", "button", "rt", "rp", "video", "audio", "noembed", "noframes", "datalist", "desc",
                    "metadata", "defs", "symbol", "clippath", "mask", "pattern", "marker", "annotation",
                    "annotation-xml", "meter", "progress", "rtc"})
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
# The visually-hidden classes of the common frameworks and site kits, which clip their text away at every width
# and which a saved page's linked stylesheet defines (its own <style> rarely does): Bootstrap, Tailwind,
# HTML5 Boilerplate, WordPress, Drupal, Foundation, GOV.UK, the NHS, the U.S. Web Design System. A link's "(opens
# in a new window)" or a date's "Published:" for screen readers, inside an article's sentences.
VISUALLY_HIDDEN = frozenset({"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                             "element-invisible", "show-for-sr", "govuk-visually-hidden", "nhsuk-u-visually-hidden",
                             "usa-sr-only", "u-visually-hidden", "a11y-hidden", "hidden-visually"})
_INERT = frozenset({"template", "noscript"})  # a <style> inside them styles nothing (with scripts running)
# A <template> that declares a shadow root (`shadowrootmode`, Chrome's earlier `shadowroot`) is drawn in place.
_SHADOW_ROOT = ("shadowrootmode", "shadowroot")


@dataclass(frozen=True)
class Hiding:
    """What an element does to the text inside it."""

    gone: bool  # not rendered at all (display: none and the like): nothing inside shows, whatever it says
    ink: Ink  # whether its own text can be seen, as its descendants inherit it (ink.py)
    values: Mapping[str, str]  # its style's settled values (stylesheet.Sheet.values)


def hiding(tag: str, attrs: dict[str, str | None], sheet: Sheet, tree: Tree, parent: Ink) -> Hiding:
    """How an element (the one `tree` met last) hides its content, so no passage is verified against words no
    reader of the page sees; `parent`, its parent's ink.

    Gone: the elements of HIDDEN (scripts, styles, <template>'s inert content, <noscript>, which a browser
    running scripts never shows, forms' controls, embedded documents, media's fallback text); a <dialog> that is
    not open; the `hidden` attribute; `display: none`
    or `content-visibility: hidden`; a class of VISUALLY_HIDDEN; `opacity: 0`; clipped away as visually-hidden
    (`.sr-only`) text is
    (`clip: rect(0 0 0 0)`, `clip-path: inset(50%)` or a circle of no size, or 1px wide and high with
    `overflow: hidden`): a screen reader reads it, a sighted reader, who copies passages from the page, does not
    see it; placed off the screen (`position: absolute` or `fixed` at -999px or further, `text-indent: -999px`).
    Unseen, which a descendant may undo (ink.py): `visibility: hidden` or `collapse`, `font-size: 0`, a
    transparent colour or that of the background; inside a closed <details> but its <summary>, inside an <svg>
    but its <text>, a folded AMP accordion's section but its heading (folds.py). All from the inline style and the
    page's <style> rules (stylesheet.py).
    Seen, so kept: `hidden="until-found"` (folded text the browser's find-in-page opens and shows), and
    `aria-hidden="true"`, which hides text from screen readers only: it marks decoration or text repeated for the
    eye, which a sighted reader does see."""
    if _never_shown(tag, attrs, tree):
        return Hiding(True, parent, {})
    values = sheet.values(attrs, tree)
    gone, ink = _not_rendered(values), inherit(parent, values)
    if (gone or ink.unseen) and (sheet.varies or _responsive(attrs)):  # hidden in the narrowest window: and in
        wide = sheet.values(attrs, tree, WIDTHS[-1])  # the widest?
        if not _not_rendered(wide) and not inherit(parent, wide).unseen:
            values, gone, ink = wide, False, inherit(parent, wide)
    return Hiding(gone, shut(tag, attrs, tree, ink), values)


def _never_shown(tag: str, attrs: dict[str, str | None], tree: Tree) -> bool:
    """Gone whatever the styles say: HIDDEN (but a <template> declaring a shadow root), the `hidden` attribute
    (but `until-found`), an AMP component's fallback or placeholder, a <dialog> not open, a visually-hidden
    class."""
    if tag in HIDDEN and not (tag == "template" and any(name in attrs for name in _SHADOW_ROOT)):
        return True
    if "hidden" in attrs and (attrs["hidden"] or "").strip().lower() != "until-found":
        return True
    if unfilled(attrs, tree):
        return True
    return (tag == "dialog" and "open" not in attrs) or _visually_hidden((attrs.get("class") or "").split())


def _visually_hidden(classes: list[str]) -> bool:
    """A class of VISUALLY_HIDDEN, unless Tailwind's `md:not-sr-only` shows it again in a desktop window (and
    Tailwind's `md:sr-only`, hiding it there)."""
    hidden = not VISUALLY_HIDDEN.isdisjoint(classes)
    if not any(name.endswith("sr-only") and ":" in name for name in classes):
        return hidden
    return all(screen_reader_only(classes, width, hidden) for width in WIDTHS)


def _not_rendered(values: dict[str, str]) -> bool:
    if not values or values.keys() <= _SHOWN_ALWAYS:  # most elements: nothing set, or only what hides no box
        return False
    return values.get("display") == "none" or values.get("content-visibility") == "hidden" or _clear(values) \
        or _clipped(values) or _off_screen(values)


# Properties that on their own never leave an element's box undrawn (ink.py reads what they do to its text).
_SHOWN_ALWAYS = frozenset({"color", "background", "background-color", "font-size", "visibility", "list-style",
                           "list-style-type", "padding", "padding-top", "padding-bottom"})


def _responsive(attrs: dict[str, str | None]) -> bool:
    """Whether an element has a framework's display class (breakpoints.py), which may hold at some widths only."""
    return any(name in CLASSES for name in (attrs.get("class") or "").split())


_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")
_LENGTH = re.compile(r"(-?(?:\d+\.?\d*|\.\d+))(px|em|rem|pt|vw|vh|%)?$")
FAR = 999.0  # px: an element placed this far off the page's left or top edge, or further, is off the screen
_UNITS = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, None: 1.0}


def _clear(values: dict[str, str]) -> bool:
    """`opacity: 0` (or 0%)."""
    found = _NUMBER.match(values.get("opacity", ""))
    return found is not None and float(found.group()) <= 0


def _clipped(values: dict[str, str]) -> bool:
    """Clipped to nothing: `clip: rect()` of sides at most 1px, `clip-path: inset(50%)` or more, a circle or an
    ellipse of no size, a box at most 1px wide and high that hides what overflows it, or one of no height
    (_folded_shut)."""
    clip, path = values.get("clip", ""), values.get("clip-path", "")
    if clip.startswith("rect(") and all(float(n) <= 1 for n in _NUMBER.findall(clip)):
        return True
    if path.startswith("inset(") and (found := _NUMBER.search(path)) and float(found.group()) >= 50 \
            and path.count("%") >= 1:
        return True
    if path.startswith(("circle(", "ellipse(")) and (found := _NUMBER.search(path)) and float(found.group()) <= 0:
        return True
    tiny = [_NUMBER.match(values.get(side, "")) for side in ("width", "height")]
    if all(n is not None and float(n.group()) <= 1 for n in tiny) and values.get("overflow") == "hidden":
        return True
    return _folded_shut(values)


def _folded_shut(values: dict[str, str]) -> bool:
    """No height, and what overflows it hidden: a collapsed accordion's panel (`max-height: 0; overflow:
    hidden`, opened by a click). Not with a padding, which the responsive-video box (`height: 0; padding-bottom:
    56%`) draws its content in."""
    if "height" not in values and "max-height" not in values:
        return False
    low = [_NUMBER.match(values.get(side, "")) for side in ("height", "max-height")]
    clipping = {values.get("overflow", "").split(" ")[-1], values.get("overflow-y", "")} & {"hidden", "clip"}
    padded = any(_NUMBER.search(values.get(side, "")) and any(float(n) > 0 for n in _NUMBER.findall(values[side]))
                 for side in ("padding", "padding-top", "padding-bottom"))
    return any(n is not None and float(n.group()) <= 0 for n in low) and bool(clipping) and not padded


def _off_screen(values: dict[str, str]) -> bool:
    """Placed off the screen: positioned (absolute, fixed) FAR beyond an edge, or its text indented FAR to the
    left (the image-replacement trick)."""
    sides = ("left", "top", "right", "bottom") if values.get("position") in ("absolute", "fixed") else ()
    return any(_far(values.get(side, "")) for side in (*sides, "text-indent"))


def _far(length: str) -> bool:
    found = _LENGTH.match(length)
    unit = found.group(2) if found else None
    return found is not None and unit in _UNITS and float(found.group(1)) * _UNITS[unit] <= -FAR


# The deepest a browser nests elements: Chrome's parser attaches an element opened deeper than 512 beside the
# deepest, not in it. So here: each open element is held with its style and the selectors' view of it (some
# 600 bytes), and a page of 390,000 nested <div> (1.9 MB) held 250 MB
MAX_DEPTH = 512


class Visibility:
    """The open elements, as a browser nests them, and whether the text inside the innermost one is seen.
    `implied`: close the elements a start tag ends (IMPLIED_END), as HTML's parser does; off for a tree whose
    elements are nested already. An element opened MAX_DEPTH deep is set beside the deepest (`_beside`), its
    style settled but not inherited, and its end tag closes it first."""

    def __init__(self, sheet: Sheet | None = None, implied: bool = True) -> None:
        self.sheet = sheet or Sheet()
        self.implied = implied
        self._open: list[tuple[str, bool, Ink]] = []  # (element, gone, the ink of its text)
        self._tree = Tree()  # the open elements and the siblings before each, as selectors see them
        self._named: dict[str, int] = {}  # open elements by name, so an end tag is matched without a search
        self._gone = 0  # open elements not rendered at all
        self.values: Mapping[str, str] = {}  # the style of the element started last (none for a void one)
        self._beside: dict[str, int] = {}  # open elements by name set beside the deepest, not in it

    @property
    def hidden(self) -> bool:
        return self._gone > 0 or bool(self._open and self._open[-1][2].unseen)

    def start(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Open `tag`; whether it is gone (not rendered at all)."""
        while self.implied and self._open and tag in IMPLIED_END.get(self._open[-1][0], ()):
            self._pop()
        self._tree.meet(Element(tag, attrs.get("id"), frozenset((attrs.get("class") or "").split())))
        self.values = {}
        if tag in VOID:
            return False
        found = hiding(tag, attrs, self.sheet, self._tree, self._open[-1][2] if self._open else Ink())
        self.values = found.values
        if len(self._open) >= MAX_DEPTH:
            self._beside[tag] = self._beside.get(tag, 0) + 1
            return found.gone
        self._open.append((tag, found.gone, found.ink))
        self._tree.open()
        self._named[tag] = self._named.get(tag, 0) + 1
        self._gone += found.gone
        return found.gone

    def end(self, tag: str) -> None:
        """Close `tag` and whatever is open inside it; a stray end tag (nothing of its name open) is ignored."""
        if self._beside.get(tag):
            self._beside[tag] -= 1
        elif self._named.get(tag):
            while self._pop() != tag:
                pass

    def _pop(self) -> str:
        tag, gone, _ = self._open.pop()
        self._tree.close()
        self._named[tag] -= 1
        self._gone -= gone
        return tag


# What the scan for <style> elements steps over: comments, and the elements whose content is text, not markup
# (a "<style>" inside a script or a textarea is not one); <template> and <noscript> are followed, not skipped.
_TAG = re.compile(r"""<!--(?:-?>|.*?--!?>|.*\Z)|<(/?)(style|script|textarea|title|xmp|template|noscript)\b"""
                  r"""((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


def page_sheet(html: str, sheet: Sheet | None = None) -> Sheet:
    """The rules of the page's <style> elements that style the screen (no `media="print"`, none inside
    <template> or <noscript>), in document order, added to `sheet` when one is given (the stylesheets an e-book's
    page links). A scan for them, not a second parse of the page."""
    sheet, inert, position = sheet or Sheet(), 0, 0
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
        media = _screen_media(found.group(3))
        if tag == "style" and not inert and media is not None:
            sheet.add(html[position:stop], media)
        position = stop
    return sheet


def _screen_media(attributes: str) -> str | None:
    """A <style> element's `media` when it styles some desktop screen (its `media` and `type`), else None."""
    found = {name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(attributes)}
    media = found.get("media", "")
    styles = found.get("type", "text/css").strip().lower() in ("text/css", "") and bool(widths(media))
    return media if styles else None
