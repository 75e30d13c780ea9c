"""Append entries to seeds/sources.yaml as text, keeping every existing byte, comment and layout.

Re-dumping the YAML would drop the analyst's comments, so we find where the `sources` list ends from the parser's
marks, insert the new entries there at the list's own indentation, and prove the result by parsing it again:
the old entries must be unchanged and the new ones exactly what we meant to add.
"""

from __future__ import annotations

from typing import Any

import yaml

from briefgen.authoring.yamltext import comment as as_comment
from briefgen.authoring.yamltext import scalar
from briefgen.errors import BriefgenError, Problem
from briefgen.model.yamlsrc import compose, parse

# key, value (None: null), comment ("" for none)
Field = tuple[str, str | None, str]


def render_entry(fields: list[Field], heading: str, indent: int, newline: str = "\n") -> str:
    """One catalogue entry as block YAML: `- key: "value"  # comment`, its dash at column `indent`.

    `heading` (one comment line per line of it, other line breaks escaped) goes above the entry."""
    pad = " " * indent
    lines = [f"{pad}# {as_comment(line)}" for line in heading.split("\n") if heading]
    for i, (key, value, comment) in enumerate(fields):
        line = f"{pad}{'- ' if i == 0 else '  '}{key}: {'null' if value is None else scalar(value)}"
        lines.append(f"{line}  # {as_comment(comment)}" if comment else line)
    return newline.join(lines) + newline


def append_entries(text: str, display: str, entries: list[tuple[list[Field], str]]) -> str:
    """`text` with `entries` (fields and a heading comment each) appended to its `sources` list."""
    newline = "\r\n" if "\r\n" in text else "\n"
    root = compose(text)
    before = parse(text, display).data if root is not None else None
    result = _insert(text, root, entries, newline)
    after = parse(result, display).data
    expected = [{key: value for key, value, _ in fields} for fields, _ in entries]
    old = (before or {}).get("sources") or []
    if not isinstance(after, dict) or after.get("sources") != [*old, *expected] or (
            {k: v for k, v in after.items() if k != "sources"} != {k: v for k, v in (before or {}).items()
                                                                   if k != "sources"}):
        raise BriefgenError(Problem(display, "cannot add to the `sources` list safely: its layout is unusual",
                                    hint="write `sources:` as a block list (one `- id:` entry after another)"))
    return result


def _insert(text: str, root: yaml.Node | None, entries: list[tuple[list[Field], str]], newline: str) -> str:
    found = _sources_node(root)
    if found is None:  # no `sources` key yet: start the list at the end of the file
        head = text if not text or text.endswith("\n") else text + newline
        return head + "sources:" + newline + _entries(entries, 2, newline)
    key, value = found
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        at = _line_end(text, _last_end(value))
        head = text[:at] if text[:at].endswith("\n") else text[:at] + newline
        return head + _entries(entries, value.start_mark.column, newline) + text[at:]
    if _is_empty(value, text, key):
        # `sources: []`, `sources:` or `sources: null` on the key's line: drop the value, start the list below
        start, end = value.start_mark.index, value.end_mark.index
        line_end = _line_end(text, end)
        tail = text[end:line_end].rstrip("\r\n")
        head = text[:start].rstrip(" \t") + tail + newline
        return head + _entries(entries, key.start_mark.column + 2, newline) + text[line_end:]
    raise BriefgenError(Problem("seeds/sources.yaml", "cannot add to `sources`: it is not a block list",
                                key.start_mark.line + 1,
                                hint="write `sources:` as a block list (one `- id:` entry after another)"))


def _entries(entries: list[tuple[list[Field], str]], indent: int, newline: str) -> str:
    return "".join(render_entry(fields, heading, indent, newline) for fields, heading in entries)


def _sources_node(root: Any) -> tuple[yaml.Node, yaml.Node] | None:
    if root is None:
        return None
    if not isinstance(root, yaml.MappingNode):
        raise BriefgenError(Problem("seeds/sources.yaml", "the catalogue must be a mapping with a `sources` list",
                                    1, hint="run `briefgen init` in a new folder to see the expected layout"))
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "sources":
            return key, value
    return None


def _is_empty(value: yaml.Node, text: str, key: yaml.Node) -> bool:
    if value.start_mark.line != key.start_mark.line:
        return False
    if isinstance(value, yaml.SequenceNode):
        return bool(value.flow_style) and not value.value
    return isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null"


def _last_end(node: yaml.Node) -> int:
    """Where the last written value of a block collection ends (flow collections and scalars end at their mark)."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return int(node.end_mark.index)


def _line_end(text: str, index: int) -> int:
    """The start of the line after the one holding `index` (or `index` itself, when it starts a line)."""
    if index == 0 or text[index - 1] == "\n":
        return index
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1
