"""The way briefgen read YAML before issue 20's event builder: PyYAML composes the whole node tree, then plain
data is built from the nodes. Kept as the oracle the event builder (briefgen/model/yamlevents.py) is checked
against: same data, same positions, same first error. Its marks are placed on the editor's lines as the event
builder's are (yamlpos.Lines: no line ends at U+2028, the end of a text is on its last line), and a syntax error
gets yamlsrc's hint, so that the two are compared on texts holding those too."""

from __future__ import annotations

from typing import Any

import yaml

from briefgen.errors import BriefgenError, Problem
from briefgen.model.yamlevents import (
    _COLLECTION_TAGS,
    _PLAIN_TAGS,
    _SCALAR_TAGS,
    MAX_DEPTH,
    PLAIN_KEY_HINT,
    Loader,
    dotted,
    too_deep,
)
from briefgen.model.yamlpos import Lines
from briefgen.model.yamlsrc import Key, Located, syntax_problem

_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def parse(text: str, display: str) -> Located:
    """As yamlsrc.parse did, positions kept."""
    lines = Lines(text)
    try:
        node = yaml.compose(text, Loader=Loader)
    except RecursionError:
        raise BriefgenError(too_deep(display, None)) from None
    except yaml.MarkedYAMLError as exc:
        raise BriefgenError(syntax_problem(lines, display, exc)) from None
    except yaml.YAMLError as exc:
        raise BriefgenError(Problem(display, f"YAML error: {exc}")) from None
    if node is None:
        raise BriefgenError(Problem(display, "file is empty", 1, 1, hint="see `briefgen init` for a skeleton"))
    located = Located(None, display)
    located.data = _build(node, (), located, set(), lines)
    return located


def _build(node: yaml.Node, path: Key, out: Located, seen: set[int], lines: Lines) -> Any:
    def _mark(node: yaml.Node) -> tuple[int, int]:
        return lines.place(node.start_mark)

    if len(path) > MAX_DEPTH:
        raise BriefgenError(too_deep(out.file, _mark(node)))
    if id(node) in seen:
        where = out.keys.get(path) or _mark(node)
        raise BriefgenError(Problem(out.file, "YAML anchors and aliases are not supported", *where,
                                    dotted(path), "write the value out in full"))
    seen.add(id(node))
    out.values[path] = _mark(node)
    if isinstance(node, yaml.CollectionNode) and node.tag not in _COLLECTION_TAGS:
        raise BriefgenError(out.problem(path, f"YAML tag {node.tag} is not allowed",
                                        "remove the tag; briefgen reads plain YAML only"))
    if isinstance(node, yaml.ScalarNode):
        if node.tag in _PLAIN_TAGS or node.style:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise BriefgenError(out.problem(path, f"YAML tag {node.tag} is not allowed",
                                            "remove the tag; briefgen reads plain YAML only"))
        return _CONSTRUCTOR.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, i), out, seen, lines) for i, child in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            raise BriefgenError(Problem(out.file, "keys must be plain names (no merge keys or complex keys)",
                                        *_mark(key_node), dotted(path), PLAIN_KEY_HINT))
        key = str(key_node.value)
        if key in result:
            raise BriefgenError(Problem(out.file, f"duplicate key {key!r}", *_mark(key_node), dotted(path),
                                        hint="each key may appear once per mapping"))
        out.keys[(*path, key)] = _mark(key_node)
        result[key] = _build(value_node, (*path, key), out, seen, lines)
    return result
