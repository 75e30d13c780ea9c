"""Where a YAML syntax error's cause stands when libyaml meets it lines later: a bracket or a quote left open.

libyaml reports an unclosed `[`, `{` or quote where it gave up, on a later line (the next key, the file's end),
where the line looks fine; the analyst's fix is on the line that opened it. `opener` finds that line."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

from briefgen.model.yamlpos import Lines

_BRACKETS = {"while parsing a flow sequence": ("[", "]"), "while parsing a flow mapping": ("{", "}")}
# A bracket with nothing after it (the line's end, the file's, a block list below it) is no sequence or mapping
# yet: libyaml names no bracket, only the place after it ("while parsing a flow node")
_FLOW_NODE = "while parsing a flow node"
_FLOW_STARTS = {yaml.FlowSequenceStartToken: "while parsing a flow sequence",
                yaml.FlowMappingStartToken: "while parsing a flow mapping"}
_FLOW_ENDS = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
# A value that opens with a quote on its key's line or list item: `key: "…`, `- '…`.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)*(?:[^\s#"'][^#]*?:\s+|-\s+)(["'])""")


class Opener(NamedTuple):
    line: int
    column: int
    hint: str


def opener(lines: Lines, context: str | None, context_mark: Any, problem_line: int) -> Opener | None:
    """The bracket or quote left open before `problem_line` that made the error, with a hint to close it."""
    if context_mark is None:
        return None
    line, column = lines.place(context_mark)
    if context == _FLOW_NODE and (flow := _open_flow(lines.text)) is not None:  # "x: [" with nothing after it
        context, (line, column) = flow[0], lines.place(flow[1])
    if context in _BRACKETS and line < problem_line:
        start, end = _BRACKETS[context]
        return Opener(line, column, f"the '{start}' opened here is not closed before line {problem_line}: close "
                      f"it with '{end}' on this line, or quote the value if the bracket is meant as text")
    if context == "while scanning a quoted scalar":
        return Opener(line, column, "the quote opened here is never closed, so YAML reads the rest of the file as "
                      "this value: close it on this line")
    between = ""  # the lines after a candidate, before the problem's: a run-on string holds no quote of its kind
    for number in range(problem_line - 1, line - 1, -1):
        quote = _open_quote(lines.line(number))
        if quote is not None and quote[1] not in between and quote[1] in lines.line(problem_line):
            return Opener(number, quote[0], f"the quote opened here is not closed on its line, so YAML reads on to "
                          f"the next quote (line {problem_line}) as part of this value: close it on this line")
        between += lines.line(number)
    return None


def _open_flow(text: str) -> tuple[str, Any] | None:
    """The context and mark of the innermost `[` or `{` still open where libyaml's scanner stops: the tokens
    read in order, each bracket pushed and each closing one popping it."""
    opened: list[tuple[str, Any]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            if type(token) in _FLOW_STARTS:
                opened.append((_FLOW_STARTS[type(token)], token.start_mark))
            elif isinstance(token, _FLOW_ENDS) and opened:
                opened.pop()
    except yaml.YAMLError:
        pass
    return opened[-1] if opened else None


def _open_quote(text: str) -> tuple[int, str] | None:
    """(column, mark) of a value's opening quote that its line does not close."""
    found = _QUOTED_VALUE.match(text)
    if found is None:
        return None
    mark, rest = found[1], text[found.end():]
    closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) if mark == '"' else re.search(r"'(?!')", rest.replace("''", ""))
    if closed is not None:
        return None
    return found.end(), mark
