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
at-rule apply only when it is `@media` for every screen (`all`, `screen`): a print-only or width-dependent
rule, `@supports` and the rest are left out. So text is hidden only where a rule certainly hides it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from briefgen.sources.formats.cssselect import Selector, Tree, bucket, keys, matches, parse

PROPERTIES = ("display", "visibility", "content-visibility", "opacity", "clip", "clip-path", "width", "height",
              "overflow", "font-size", "color", "background-color", "background", "position", "left", "top", "right",
              "bottom", "text-indent", "list-style-type", "list-style")
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_TOKEN = re.compile(r""""(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?|[{};]""")
_DECLARATION = re.compile(rf"(?:^|;)\s*({'|'.join(PROPERTIES)})\s*:\s*([^;!]+?)\s*(!\s*important\s*)?(?=;|$)",
                          re.IGNORECASE)
_EVERY_SCREEN = frozenset({"", "all", "screen", "only screen", "only all"})


# A declaration's weight in the cascade: (important, inline, specificity, order); the greatest wins.
Weight = tuple[bool, bool, tuple[int, int, int], int]
Settled = dict[str, tuple[Weight, str]]  # the winning value of each property set, with its weight
MAX_SELECTORS = 50_000  # distinct selectors kept; a stylesheet with more is read up to there


@dataclass
class Sheet:
    """The rules that set one of PROPERTIES: for each selector, the value that wins for each property (a later
    rule of the same selector overrides an earlier one), indexed by the id, class or element name it needs."""

    rules: dict[str, dict[str, dict[Selector, Settled]]] = field(default_factory=dict)  # subject's key, need
    count: int = 0  # declarations read, their order in the cascade
    selectors: int = 0

    def add(self, css: str) -> None:
        """Read one <style> element's text."""
        for prelude, body in _rules(_COMMENT.sub(" ", css)):
            values = declarations(body)
            if values:
                for text in prelude.split(","):
                    selector = parse(text)
                    if selector is not None:
                        self._put(selector, values)

    def _put(self, selector: Selector, values: dict[str, str]) -> None:
        needs = self.rules.setdefault(bucket(selector.subject), {})
        kept = needs.setdefault(bucket(selector.steps[0][1]) if selector.steps else "", {})
        if selector not in kept:
            if self.selectors >= MAX_SELECTORS:
                return
            self.selectors += 1
        settled = kept.setdefault(selector, {})
        self.count += 1
        for name, value in values.items():
            weight = (value.endswith("!"), False, selector.specificity, self.count)
            if name not in settled or weight > settled[name][0]:
                settled[name] = (weight, value.rstrip("!"))

    def values(self, attrs: Mapping[str, str | None], tree: Tree) -> dict[str, str]:
        """The value each of PROPERTIES takes for an element (the one `tree` met last, with these attributes), by
        its rules and its inline style; a property no declaration sets is absent."""
        inline = declarations(attrs.get("style") or "")
        best: Settled = {name: ((value.endswith("!"), True, (0, 0, 0), 0), value.rstrip("!"))
                         for name, value in inline.items()}
        if self.rules:
            for selector, settled in self._candidates(tree):
                if matches(selector, tree):
                    for name, (weight, value) in settled.items():
                        if name not in best or weight > best[name][0]:
                            best[name] = (weight, value)
        return {name: value for name, (_, value) in best.items()}

    def _candidates(self, tree: Tree) -> Iterator[tuple[Selector, Settled]]:
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


def _rules(css: str) -> Iterator[tuple[str, str]]:
    """(selector text, declaration block) of each style rule that applies on every screen, in order."""
    stack: list[tuple[str, bool]] = []  # the open blocks: (their prelude, whether their rules apply)
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
            inside = not stack or (stack[-1][1] and stack[-1][0].startswith("@"))  # a nested rule is a descendant's
            applies = inside and (not prelude.startswith("@") or _every_screen(prelude))
            stack.append((prelude, applies))
            start = token.end()
            continue
        if stack:
            prelude, applies = stack.pop()
            if applies and not prelude.startswith("@"):
                yield prelude, css[start:token.start()]
        start = token.end()


def _every_screen(prelude: str) -> bool:
    """Whether an at-rule's block holds for every screen: `@media` with `all` or `screen` among its queries."""
    name, _, condition = prelude.partition(" ")
    return name.lower() == "@media" and every_screen(condition)


def every_screen(media: str) -> bool:
    """Whether a media query list holds on every screen: empty, or `all` or `screen` among its queries."""
    return any(" ".join(query.lower().split()) in _EVERY_SCREEN for query in media.split(","))
