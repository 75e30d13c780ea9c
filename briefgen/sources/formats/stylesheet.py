"""The rules of a page's own <style> elements that hide text: `display`, `visibility`, `content-visibility`,
`opacity`, the clipping and sizing that visually-hidden (`.sr-only`) text uses, off-screen placement, the type
size, the colour and the background (visibility.py and ink.py say what each does); and the type of number an
ordered list draws (listmarks.py).

A browser hides `<p class="hidden">` when a stylesheet says `.hidden { display: none }`. We read the page's
<style> elements (not a linked file: a saved page's seed is its HTML alone) and keep, of each rule, only these
properties, then settle them for an element as the cascade does: `!important` first, then an inline style
over any rule, then the selector's specificity, then the later rule.

Selectors are read as cssselect.py says: compounds of an element name, `*`, `.class`, `#id`, joined by
combinators (`nav p`, `ul > li`, `h2 + p`, `h2 ~ p`), in selector lists; one with an attribute or a
pseudo-class (`[hidden]`, `a:hover`) matches nothing here (it may hold only in some state). Rules inside an
`@media` block apply at the desktop window widths its query holds at (mediaquery.py: a print-only or phone-only
rule never, `(min-width: 768px)` always), rules inside `@layer` as any other, inside `@supports` unless it asks
for what is `not` supported; the rest are left out. A framework's display classes (`d-md-none`, `md:hidden`)
are read as its stylesheet sets them (breakpoints.py), before the page's own rules. So text is hidden only where
a rule certainly hides it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from briefgen.sources.formats.breakpoints import CLASSES, STATEFUL, Shown, order
from briefgen.sources.formats.cssselect import Selector, Tree, bucket, keys, matches, parse
from briefgen.sources.formats.mediaquery import EVERY, WIDTHS, supports, widths

PROPERTIES = ("display", "visibility", "content-visibility", "opacity", "clip", "clip-path", "width", "height",
              "max-height", "overflow", "overflow-y", "padding", "padding-top", "padding-bottom", "font-size",
              "color", "background-color", "background", "position", "left", "top", "right", "bottom",
              "text-indent", "list-style-type", "list-style")
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_TOKEN = re.compile(r""""(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?|[{};]""")
_DECLARATION = re.compile(rf"(?:^|;)\s*({'|'.join(PROPERTIES)})\s*:\s*([^;!]+?)\s*(!\s*important\s*)?(?=;|$)",
                          re.IGNORECASE)
_MEDIA = re.compile(r"@media\b", re.IGNORECASE)
# The presentational attributes of old pages that colour text and what is behind it (`<font color>`, `<body
# text>`, `bgcolor` on the body and a table's parts), below every style rule in the cascade, as in a browser.
_HINTS = (("color", "color"), ("color", "text"), ("background-color", "bgcolor"))


# A declaration's weight in the cascade: (important, inline, specificity, order); the greatest wins.
Weight = tuple[bool, bool, tuple[int, int, int], int]
Settled = dict[str, tuple[Weight, str]]  # the winning value of each property set, with its weight
MAX_SELECTORS = 50_000  # distinct selectors kept; a stylesheet with more is read up to there


@dataclass
class Sheet:
    """The rules that set one of PROPERTIES: for each selector, the value that wins for each property (a later
    rule of the same selector overrides an earlier one), indexed by the id, class or element name it needs."""

    # subject's key, need, selector, then the window width the values hold at (mediaquery.WIDTHS)
    rules: dict[str, dict[str, dict[Selector, dict[int, Settled]]]] = field(default_factory=dict)
    count: int = 0  # declarations read, their order in the cascade
    selectors: int = 0
    varies: bool = False  # some rule holds at one of the widths only

    def add(self, css: str, media: str = "") -> None:
        """Read one <style> element's text (`media`, its `media` attribute)."""
        for prelude, body, held in _rules(_COMMENT.sub(" ", css), widths(media)):
            values = declarations(body)
            if values:
                self.varies = self.varies or held != EVERY
                for text in prelude.split(","):
                    selector = parse(text)
                    if selector is not None:
                        self._put(selector, values, held)

    def _put(self, selector: Selector, values: dict[str, str], held: frozenset[int]) -> None:
        needs = self.rules.setdefault(bucket(selector.subject), {})
        kept = needs.setdefault(bucket(selector.steps[0][1]) if selector.steps else "", {})
        if selector not in kept:
            if self.selectors >= MAX_SELECTORS:
                return
            self.selectors += 1
        by_width = kept.setdefault(selector, {})
        self.count += 1
        for width in held:
            settled = by_width.setdefault(width, {})
            for name, value in values.items():
                weight = (value.endswith("!"), False, selector.specificity, self.count)
                if name not in settled or weight > settled[name][0]:
                    settled[name] = (weight, value.rstrip("!"))

    def values(self, attrs: Mapping[str, str | None], tree: Tree, width: int = WIDTHS[0]) -> dict[str, str]:
        """The value each of PROPERTIES takes for an element (the one `tree` met last, with these attributes) in a
        window `width` px wide, by its inline style, its rules and its framework classes; a property no
        declaration sets is absent."""
        inline = declarations(attrs.get("style") or "")
        best: Settled = {name: ((value.endswith("!"), True, (0, 0, 0), 0), value.rstrip("!"))
                         for name, value in inline.items()}
        if self.rules:
            for selector, by_width in self._candidates(tree):
                if width in by_width and matches(selector, tree):
                    for name, (weight, value) in by_width[width].items():
                        if name not in best or weight > best[name][0]:
                            best[name] = (weight, value)
        _framework(attrs.get("class") or "", width, best)
        for name, attribute in _HINTS:
            if name not in best and attrs.get(attribute):
                best[name] = ((False, False, (0, 0, 0), -1 << 41), (attrs[attribute] or "").strip().lower())
        return {name: value for name, (_, value) in best.items()}

    def _candidates(self, tree: Tree) -> Iterator[tuple[Selector, dict[int, Settled]]]:
        """The rules whose subject may fit the element met last and whose nearest other compound may fit an
        element of `tree` (indexed by both, so thousands of rules cost a few lookups an element)."""
        for key in keys(tree[-1][-1]):
            needs = self.rules.get(key, {})
            yield from needs.get("", {}).items()
            for need in list(tree.present) if len(needs) > len(tree.present) else needs:
                if need and need in tree.present and need in needs:
                    yield from needs[need].items()


def declarations(body: str) -> dict[str, str]:
    """PROPERTIES set in a declaration block, lower case, a value marked `!important` ending in "!"; the later
    declaration of a property wins, an important one over a plain one."""
    found: dict[str, str] = {}
    for match in _DECLARATION.finditer(_COMMENT.sub(" ", body) if "/*" in body else body):
        name, value = match.group(1).lower(), " ".join(match.group(2).lower().split())
        value += "!" if match.group(3) else ""
        if not (found.get(name, "").endswith("!") and not value.endswith("!")):
            found[name] = value
    return found


def _framework(classes: str, width: int, best: Settled) -> None:
    """Settle in `best` the `display` (or `visibility`) an element's framework classes give it at `width`
    (breakpoints.py)."""
    names = classes.split()
    for name in names:
        if name in STATEFUL and STATEFUL[name].isdisjoint(names) and "display" not in best \
                and "navbar-collapse" not in names:  # a navigation bar's menu, open from its breakpoint on
            best["display"] = ((False, False, (0, 2, 0), order(Shown("none", False), 0)), "none")
        for index, shown in enumerate(CLASSES.get(name, ())):
            weight = (shown.important, False, (0, 1, 0), order(shown, index))
            if shown.at(width) and (shown.prop not in best or weight > best[shown.prop][0]):
                best[shown.prop] = (weight, shown.value)


def _rules(css: str, held: frozenset[int] = EVERY) -> Iterator[tuple[str, str, frozenset[int]]]:
    """(selector text, declaration block, the widths it holds at) of each style rule that applies on some
    desktop screen, in order; `held`, the widths the whole sheet holds at."""
    stack: list[tuple[str, frozenset[int]]] = []  # the open blocks: (their prelude, the widths their rules hold at)
    start = 0
    for token in _TOKEN.finditer(css):
        mark = token.group()
        if mark not in "{};":
            continue
        if mark == ";":
            if not stack or stack[-1][0].startswith("@"):
                start = token.end()  # a statement at-rule (`@import …;`): skipped
            continue
        if mark == "{":
            prelude = " ".join(css[start:token.start()].split())
            outer = stack[-1] if stack else ("@", held)
            inside = outer[1] if outer[0].startswith("@") else frozenset()  # a nested rule is a descendant's
            stack.append((prelude, inside & _block_widths(prelude) if prelude.startswith("@") else inside))
            start = token.end()
            continue
        if stack:
            prelude, applies = stack.pop()
            if applies and not prelude.startswith("@"):
                yield prelude, css[start:token.start()], applies
        start = token.end()


def _block_widths(prelude: str) -> frozenset[int]:
    """The widths an at-rule's block holds at: `@media`'s query's, `@supports`'s, every one for `@layer`, none
    for the rest (`@keyframes`, `@font-face`, `@container`…)."""
    if (media := _MEDIA.match(prelude)) is not None:
        return widths(prelude[media.end():])
    if prelude.lower().startswith("@supports"):
        return supports(prelude[len("@supports"):])
    return EVERY if prelude.lower().startswith("@layer") else frozenset()
