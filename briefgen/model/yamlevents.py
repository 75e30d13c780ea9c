"""Plain data built straight from libyaml's events, never a node tree (issue 20, target 4).

Composing PyYAML's node tree first (a node and two marks per value) made an 8 MB model of 50,000 entries take
~2 s and ~200 MB more at the peak than the data itself; its events take ~0.8 s and are dropped as read, and
building the data from them ~0.4 s more (the common events, a plain scalar or a collection's start or end, are
each taken in one step).

What is built is what building from the node tree gave: no tag constructs an object (plain scalars resolve to
strings, numbers, booleans and null; dates stay the text written), aliases are refused (and with them alias
bombs), keys must be plain scalars and appear once per mapping, nesting stops at MAX_DEPTH. Errors come in the
same order: a text that does not parse is reported as such, with PyYAML's own message, ahead of any problem with
its data (the events are read to the end before the data's first problem is raised), and the data's problems
are met in document order, the first one raised. tests/test_yaml_events.py compares the two ways (the old one
kept as tests/yaml_oracle.py) on generated and hostile texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from briefgen.errors import BriefgenError, Problem
from briefgen.model.yamlpos import Lines

try:  # the C parser is several times faster on large models
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "PLAIN_KEY_HINT", "Key", "Loader", "Mark", "Marks", "build", "dotted", "too_deep"]

Key = tuple[str | int, ...]
Mark = tuple[int, int]
YamlMark = Any  # libyaml's marks and PyYAML's are two classes with the same fields
MAX_DEPTH = 32  # the model needs 5 levels, a profile 4
_SCALAR_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float")}
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"
PLAIN_KEY_HINT = "write each key as a plain name, and each mapping's keys and values out in full"
MAX_DIGITS = 1000  # no count or amount needs more; Python refuses to read an int of over 4,300 digits
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
Locate = Callable[[Key, str, str], Problem]  # a problem at a path, placed as the Located it is built for places it


def dotted(path: Key) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def too_deep(display: str, where: Mark | None) -> Problem:
    line, col = where or (None, None)
    return Problem(display, f"YAML nested more than {MAX_DEPTH} levels deep", line, col,
                   hint="briefgen's files need a few levels of nesting: look for runaway brackets or indentation")


@dataclass(slots=True)
class _Open:
    """A collection being read: its path, its value, and for a mapping the key read (its value to come)."""

    path: Key
    value: dict[str, Any] | list[Any]
    mapping: bool
    key: str | None = None
    key_start: YamlMark = None  # where the key read stands (libyaml's mark, turned into a Mark when needed)


@dataclass
class Marks:
    """Where each value (`values`) and mapping key (`keys`) stands, by path."""

    values: dict[Key, Mark] = field(default_factory=dict)
    keys: dict[Key, Mark] = field(default_factory=dict)


def build(text: str, display: str, locate: Locate, marks: Marks | None) -> Any:
    """The data of `text`, each value's and key's position put in `marks` (when given) as it is read;
    BriefgenError for data briefgen does not read, yaml.YAMLError for a text that does not parse (and
    UnicodeEncodeError for a text holding a lone surrogate, which libyaml cannot be given)."""
    builder = _Builder(display, locate, marks, Lines(text).place)
    _read(text, builder)
    if builder.problem is not None:
        raise BriefgenError(builder.problem)
    if builder.root is _NOTHING:
        raise BriefgenError(Problem(display, "file is empty", 1, 1, hint="see `briefgen init` for a skeleton"))
    return builder.root


_NOTHING = object()


def _read(text: str, builder: _Builder) -> None:
    """Give the builder every event of `text`, as yaml.parse gives them, with fewer calls per event: the parser's
    own get_event to the stream's end, and a plain scalar (most events) offered to the one step that takes it
    (_Builder.plain_entry), and so a collection's start (plain_collection) and end, when no positions are kept."""
    loader = Loader(text)
    try:
        get, take, pop, fast = loader.get_event, builder.take, builder.stack.pop, builder.marks is None
        entry, collection = builder.plain_entry, builder.plain_collection
        while True:
            event: Any = get()
            kind = type(event)
            if kind is _SCALAR:
                if fast and entry(event):
                    continue
            elif kind in _ENDS:
                pop()
                continue
            elif kind in _COLLECTION_STARTS and fast and _FIRST_DECIDES and collection(event, kind is _MAPPING):
                continue
            take(event)
            if kind is _STREAM_END:
                return
    finally:
        loader.dispose()


_SCALAR, _MAPPING, _STREAM_END = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.StreamEndEvent
_COLLECTION_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_NODE_EVENTS = (yaml.ScalarEvent, *_COLLECTION_STARTS, yaml.AliasEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Builder:
    """Reads events one by one (about a million for a model of 50,000 entries, hence the plain code)."""

    def __init__(self, display: str, locate: Locate, marks: Marks | None, place: Callable[[YamlMark], Mark]) -> None:
        self.display, self.locate, self.marks = display, locate, marks
        self.place = place  # a libyaml mark as the editor's (line, column)
        self.stack: list[_Open] = []
        self.root: Any = _NOTHING
        self.problem: Problem | None = None  # the data's first problem: raised once the text has parsed whole
        self.anchors: dict[str, YamlMark] = {}
        self.document: YamlMark = None

    def take(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind in _NODE_EVENTS:
            if event.anchor is not None:  # type: ignore[attr-defined]
                self._anchor(event)  # type: ignore[arg-type]
            if self.problem is None:
                self._node(event, kind)  # type: ignore[arg-type]
            if self.problem is not None and kind in _COLLECTION_STARTS:
                self.stack.append(_Open((), [], False))  # keeps the nesting counted while the rest is only parsed
        elif kind in _ENDS:
            self.stack.pop()
        elif kind is yaml.DocumentStartEvent:
            start: YamlMark = event.start_mark
            if self.document is not None:
                raise yaml.composer.ComposerError("expected a single document in the stream", self.document,
                                                  "but found another document", start)
            self.document = start

    def plain_entry(self, event: yaml.ScalarEvent) -> bool:
        """The common case, taken in one step: a scalar without tag or anchor as a mapping's key, its value or a
        list's item, no positions kept (the caller's to know), nothing wrong so far. False for anything else
        (take() then takes it)."""
        stack = self.stack
        if not stack or self.problem is not None or event.anchor is not None or event.tag is not None:
            return False
        parent, text = stack[-1], event.value
        if parent.mapping and parent.key is None:  # a key: not a merge key, not seen before in this mapping
            if (text == "<<" and not event.style) or text in parent.value:
                return False
            parent.key, parent.key_start = text, event.start_mark
            return True
        if len(parent.path) >= MAX_DEPTH:
            return False
        value = text if event.style else _plain_value(text)
        if value is _NOTHING:
            return False
        if parent.mapping:
            parent.value[parent.key] = value  # type: ignore[index, call-overload]
            parent.key = None
        else:
            parent.value.append(value)  # type: ignore[union-attr]
        return True

    def plain_collection(self, event: yaml.CollectionStartEvent, mapping: bool) -> bool:
        """A mapping or list without tag or anchor as a mapping's value or a list's item, taken in one step (no
        positions kept, nothing wrong so far); False for anything else."""
        stack = self.stack
        if not stack or self.problem is not None or event.anchor is not None or event.tag is not None:
            return False
        parent = stack[-1]
        if len(parent.path) >= MAX_DEPTH or (parent.mapping and parent.key is None):
            return False
        value: dict[str, Any] | list[Any] = {} if mapping else []
        if parent.mapping:
            path: Key = (*parent.path, parent.key)  # type: ignore[arg-type]
            parent.value[parent.key] = value  # type: ignore[index, call-overload]
            parent.key = None
        else:
            path = (*parent.path, len(parent.value))
            parent.value.append(value)  # type: ignore[union-attr]
        stack.append(_Open(path, value, mapping))
        return True

    def _anchor(self, event: yaml.NodeEvent) -> None:
        """The composer's own errors: an alias to no anchor, an anchor given twice."""
        start: YamlMark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(None, None, "found undefined alias", start)
        elif event.anchor in self.anchors:
            raise yaml.composer.ComposerError("found duplicate anchor; first occurrence",
                                              self.anchors[event.anchor], "second occurrence", start)
        else:
            self.anchors[event.anchor] = start  # type: ignore[index]

    def _node(self, event: yaml.NodeEvent, kind: type) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.mapping and parent.key is None:
            self._key(parent, event, kind)
            return
        if parent is not None and len(parent.path) >= MAX_DEPTH:
            self._fail(too_deep(self.display, self.place(event.start_mark)))
        elif kind is yaml.AliasEvent:
            where = self.place(parent.key_start if parent is not None and parent.mapping else event.start_mark)
            self._fail(Problem(self.display, "YAML anchors and aliases are not supported", *where,
                               dotted(_path_of(parent)), "write the value out in full"))
        elif kind is yaml.ScalarEvent:
            self._scalar(parent, event)  # type: ignore[arg-type]
        else:
            self._collection(parent, event, kind is yaml.MappingStartEvent)

    def _key(self, parent: _Open, event: yaml.NodeEvent, kind: type) -> None:
        if kind is not yaml.ScalarEvent or (  # a plain "<<" (or one tagged so) is a merge key
                event.value == "<<" and not event.style and event.tag in (None, "!")  # type: ignore[attr-defined]
        ) or event.tag == _MERGE:  # type: ignore[attr-defined]
            self._fail(Problem(self.display, "keys must be plain names (no merge keys or complex keys)",
                               *self.place(event.start_mark), dotted(parent.path), PLAIN_KEY_HINT))
            return
        key = str(event.value)  # type: ignore[attr-defined]
        if key in parent.value:
            self._fail(Problem(self.display, f"duplicate key {key!r}", *self.place(event.start_mark),
                               dotted(parent.path), hint="each key may appear once per mapping"))
            return
        parent.key, parent.key_start = key, event.start_mark
        if self.marks is not None:
            self.marks.keys[(*parent.path, key)] = self.place(event.start_mark)

    def _scalar(self, parent: _Open | None, event: yaml.ScalarEvent) -> None:
        if event.style:  # quoted and block scalars stay text, whatever their tag (as the node tree had it)
            value: Any = event.value
        else:
            tag = _tag(event, yaml.ScalarNode)
            if tag in _PLAIN_TAGS:  # dates stay text
                value = event.value
            elif _too_long(tag, event.value):
                self._fail(self.locate(self._placed(parent, event), f"a whole number of {len(event.value):,} "
                                       f"characters is longer than briefgen reads ({MAX_DIGITS:,} at most)",
                                       "shorten the number, or quote it if it is meant as text"))
                return
            elif tag in _SCALAR_TAGS:
                try:  # an explicit tag on a value not of its type: `!!int plain`, `!!bool maybe`, `!!float x`
                    value = _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, event.value), deep=True)
                except (ValueError, KeyError, TypeError, OverflowError, yaml.YAMLError):
                    short = tag.rsplit(":", 1)[-1]
                    self._fail(self.locate(self._placed(parent, event), f"{event.value[:60]!r} is not "
                                           f"a YAML {short}, as its tag !!{short} says",
                                           "remove the tag; briefgen reads plain YAML only"))
                    return
            else:
                self._fail(self.locate(self._placed(parent, event), f"YAML tag {tag} is not allowed",
                                       "remove the tag; briefgen reads plain YAML only"))
                return
        if self.marks is not None:
            self._placed(parent, event)
        self._put(parent, value)

    def _collection(self, parent: _Open | None, event: yaml.NodeEvent, mapping: bool) -> None:
        path = self._placed(parent, event)
        tag = _tag(event, yaml.MappingNode if mapping else yaml.SequenceNode)
        if tag not in _COLLECTION_TAGS:
            self._fail(self.locate(path, f"YAML tag {tag} is not allowed",
                                   "remove the tag; briefgen reads plain YAML only"))
            return
        value: dict[str, Any] | list[Any] = {} if mapping else []
        self._put(parent, value)
        self.stack.append(_Open(path, value, mapping))

    def _placed(self, parent: _Open | None, event: yaml.NodeEvent) -> Key:
        """The path of the value `event` starts, its position noted when positions are kept."""
        path = _path_of(parent)
        if self.marks is not None:
            self.marks.values[path] = self.place(event.start_mark)
        return path

    def _put(self, parent: _Open | None, value: Any) -> None:
        if parent is None:
            self.root = value
        elif parent.mapping:
            parent.value[parent.key] = value  # type: ignore[index, call-overload]
            parent.key = None
        else:
            parent.value.append(value)  # type: ignore[union-attr]

    def _fail(self, problem: Problem) -> None:
        self.problem = problem
        self.stack[:] = [_Open((), [], False) for _ in self.stack]  # only the nesting is followed from here


def _path_of(parent: _Open | None) -> Key:
    """The path of the value about to be read in `parent` (the root's without one)."""
    if parent is None:
        return ()
    if parent.mapping:
        return (*parent.path, str(parent.key))
    return (*parent.path, len(parent.value))


# The first characters by which a plain scalar may resolve to another tag than text's (Resolver.resolve looks its
# resolvers up by the first character), when nothing else can (no resolver for any first character, or by path).
_RESOLVED_FIRST = frozenset(_RESOLVER.yaml_implicit_resolvers)
_FIRST_DECIDES = None not in _RESOLVED_FIRST and not _RESOLVER.yaml_path_resolvers
_STR = yaml.resolver.Resolver.DEFAULT_SCALAR_TAG
_PLAIN_RESOLVED: dict[str, str] = {}  # the tags of short plain scalars (a model repeats "moderate", "report"...)


_PLAIN_VALUES: dict[str, Any] = {}  # short plain scalars read as numbers, booleans or null ("3", "true", "null")


def _plain_value(text: str) -> Any:
    """What a plain scalar without tag reads as, as _scalar reads it; _NOTHING when _scalar must say more."""
    known = _PLAIN_VALUES.get(text, _NOTHING)
    if known is not _NOTHING:
        return known
    tag = _PLAIN_RESOLVED.get(text) or _resolve_plain(text)
    if tag in _PLAIN_TAGS:
        return text
    if tag not in _SCALAR_TAGS or _too_long(tag, text):
        return _NOTHING
    value = _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, text), deep=True)
    if len(text) <= 32 and len(_PLAIN_VALUES) < 4096 and value == value:  # immutable values (NaN not kept)
        _PLAIN_VALUES[text] = value
    return value


def _resolve_plain(text: str) -> str:
    if _FIRST_DECIDES and text and text[0] not in _RESOLVED_FIRST:  # no resolver for its first character: text
        return _STR
    tag = str(_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)))  # type: ignore[no-untyped-call]
    if len(text) <= 32 and len(_PLAIN_RESOLVED) < 4096:
        _PLAIN_RESOLVED[text] = tag
    return tag


def _too_long(tag: str, text: str) -> bool:
    """Whether `text` is an int too long to read (int() refuses it, and takes time quadratic in its length)."""
    return tag == _INT and len(text) > MAX_DIGITS


def _tag(event: yaml.NodeEvent, kind: type[yaml.Node]) -> str:
    """The event's tag as the composer resolves it (a plain scalar's from its text)."""
    tag = getattr(event, "tag", None)
    if tag is None or tag == "!":
        implicit = getattr(event, "implicit", (True, False))
        return str(_RESOLVER.resolve(kind, getattr(event, "value", None), implicit))  # type: ignore[no-untyped-call]
    return str(tag)
