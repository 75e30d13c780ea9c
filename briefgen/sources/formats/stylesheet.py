"""The rules of a page's own <style> elements that hide text: `display`, `visibility`, `content-visibility`, and
`opacity` and the clipping and sizing that visually-hidden (`.sr-only`) text uses.

A browser hides `<p class="hidden">` when a stylesheet says `.hidden { display: none }`. We read the page's
<style> elements (not a linked file: a saved page's seed is its HTML alone) and keep, of each rule, only these
three properties, then settle them for an element as the cascade does: `!important` first, then an inline style
over any rule, then the selector's specificity, then the later rule.

Only simple selectors are read: an element name, `*`, `.class`, `#id` and their compounds (`div.note#x`), in
selector lists. A selector with a combinator, an attribute or a pseudo-class (`nav .x`, `[hidden]`, `a:hover`)
matches nothing here (it may hold only in some state, or only for some descendants), and rules inside an
at-rule apply only when it is `@media` for every screen (`all`, `screen`): a print-only or width-dependent
rule, `@supports` and the rest are left out. So text is hidden only where a plain rule certainly hides it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

PROPERTIES = ("display", "visibility", "content-visibility", "opacity", "clip", "clip-path", "width", "height",
              "overflow")
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_TOKEN = re.compile(r""""(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?|[{};]""")
_DECLARATION = re.compile(rf"(?:^|;)\s*({'|'.join(PROPERTIES)})\s*:\s*([^;!]+?)\s*(!\s*important\s*)?(?=;|$)",
                          re.IGNORECASE)
_COMPOUND = re.compile(r"^(?P<tag>\*|[a-z][a-z0-9-]*)?(?P<rest>(?:[.#]-?[_a-z][\w-]*)*)$", re.IGNORECASE)
_PART = re.compile(r"([.#])([\w-]+)")
_EVERY_SCREEN = frozenset({"", "all", "screen", "only screen", "only all"})


@dataclass(frozen=True)
class Compound:
    """A compound selector: an element name (None for any), an id, classes."""

    tag: str | None
    id: str | None
    classes: frozenset[str]

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (self.id is not None, len(self.classes), self.tag is not None)

    def matches(self, tag: str, id_: str | None, classes: frozenset[str]) -> bool:
        return (self.tag is None or self.tag == tag) and (self.id is None or self.id == id_) \
            and self.classes <= classes


# A declaration's weight in the cascade: (important, inline, specificity, order); the greatest wins.
Weight = tuple[bool, bool, tuple[int, int, int], int]
Settled = dict[str, tuple[Weight, str]]  # the winning value of each property set, with its weight
MAX_SELECTORS = 50_000  # distinct selectors kept; a stylesheet with more is read up to there


@dataclass
class Sheet:
    """The rules that set one of PROPERTIES: for each selector, the value that wins for each property (a later
    rule of the same selector overrides an earlier one), indexed by the id, class or element name it needs."""

    rules: dict[str, dict[Compound, Settled]] = field(default_factory=dict)
    count: int = 0  # declarations read, their order in the cascade
    selectors: int = 0

    def add(self, css: str) -> None:
        """Read one <style> element's text."""
        for prelude, body in _rules(_COMMENT.sub(" ", css)):
            values = declarations(body)
            if values:
                for selector in prelude.split(","):
                    compound = _compound(selector.strip())
                    if compound is not None:
                        self._put(compound, values)

    def _put(self, compound: Compound, values: dict[str, str]) -> None:
        bucket = self.rules.setdefault(_bucket(compound), {})
        if compound not in bucket:
            if self.selectors >= MAX_SELECTORS:
                return
            self.selectors += 1
        settled = bucket.setdefault(compound, {})
        self.count += 1
        for name, value in values.items():
            weight = (value.endswith("!"), False, compound.specificity, self.count)
            if name not in settled or weight > settled[name][0]:
                settled[name] = (weight, value.rstrip("!"))

    def values(self, tag: str, attrs: Mapping[str, str | None]) -> dict[str, str]:
        """The value each of PROPERTIES takes for an element, by its rules and its inline style; a property no
        declaration sets is absent."""
        inline = declarations(attrs.get("style") or "")
        best: Settled = {name: ((value.endswith("!"), True, (0, 0, 0), 0), value.rstrip("!"))
                         for name, value in inline.items()}
        if self.rules:
            id_ = attrs.get("id")
            classes = frozenset((attrs.get("class") or "").split())
            for compound, settled in self._candidates(tag, id_, classes):
                if compound.matches(tag, id_, classes):
                    for name, (weight, value) in settled.items():
                        if name not in best or weight > best[name][0]:
                            best[name] = (weight, value)
        return {name: value for name, (_, value) in best.items()}

    def _candidates(self, tag: str, id_: str | None, classes: frozenset[str]) -> Iterator[tuple[Compound, Settled]]:
        keys = ["*", f"<{tag}"] + ([f"#{id_}"] if id_ else []) + [f".{name}" for name in classes]
        for key in keys:
            yield from self.rules.get(key, {}).items()


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


def _bucket(compound: Compound) -> str:
    """The index key of a selector: its id, else a class, else its element name, else "*"."""
    if compound.id is not None:
        return f"#{compound.id}"
    if compound.classes:
        return f".{min(compound.classes)}"
    return f"<{compound.tag}" if compound.tag is not None else "*"


def _compound(selector: str) -> Compound | None:
    found = _COMPOUND.match(selector)
    if not found or not selector:
        return None
    tag = found.group("tag")
    ids = [name for mark, name in _PART.findall(found.group("rest")) if mark == "#"]
    if len(set(ids)) > 1:
        return None  # `#a#b` matches no element
    classes = frozenset(name for mark, name in _PART.findall(found.group("rest")) if mark == ".")
    return Compound(None if tag in (None, "*") else tag.lower(), ids[0] if ids else None, classes)


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
