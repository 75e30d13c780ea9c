"""Where in a template a fault of its output lies: the brief markup a template renders is read as XML, so a
malformed tag or an element the reader refuses is first known by its place in the output. The template is
rendered again with the same context, each piece of output traced to the template line that wrote it
(jinja's own map from its generated code back to the template), so the error can name `file:line`."""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Generator
from types import GeneratorType
from typing import Any
from xml.etree import ElementTree as ET

from jinja2 import Environment, Template

from briefgen.render.templatefaults import display
from briefgen.workspace import Workspace


def offset_of(markup: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and 0-based column of `markup`."""
    start = 0
    for _ in range(line - 1):
        found = markup.find("\n", start)
        if found < 0:
            return len(markup)
        start = found + 1
    return min(start + column, len(markup))


def element_offset(markup: str, root: ET.Element, element: ET.Element) -> int | None:
    """Where `element` (of the tree `root` parsed from `markup`) starts in `markup`: the parser is run again,
    counting start tags in document order, as `root.iter()` lists them."""
    return _walk(markup, root, element, text=False)


def text_offset(markup: str, root: ET.Element, element: ET.Element) -> int | None:
    """Where the first text other than white space directly inside `element` starts in `markup` (a sentence a
    template wrote between the blocks of <brief>, which the reader refuses)."""
    return _walk(markup, root, element, text=True)


def _walk(markup: str, root: ET.Element, element: ET.Element, *, text: bool) -> int | None:
    index = next((i for i, el in enumerate(root.iter()) if el is element), None)
    if index is None:
        return None
    parser = xml.parsers.expat.ParserCreate()
    seen: list[int] = []  # the start tags so far, of the elements still open
    found: list[int] = []
    count = 0

    def start(*_: Any) -> None:
        nonlocal count
        seen.append(count)
        count += 1
        if not text and count - 1 == index:
            found.append(offset_of(markup, parser.CurrentLineNumber, parser.CurrentColumnNumber))

    def data(chunk: str) -> None:
        if text and not found and seen and seen[-1] == index and chunk.strip():
            at = offset_of(markup, parser.CurrentLineNumber, parser.CurrentColumnNumber)
            found.append(at + len(chunk) - len(chunk.lstrip()))

    parser.StartElementHandler, parser.EndElementHandler = start, lambda tag: seen.pop()
    parser.CharacterDataHandler = data
    try:
        parser.Parse(markup, True)
    except (xml.parsers.expat.ExpatError, ValueError):  # ValueError: a lone surrogate, which UTF-8 cannot hold
        return None
    return found[0] if found else None


def open_element(markup: str) -> tuple[str, int] | None:
    """When `markup` breaks off at a closing tag that does not match: the element still open there (its tag
    and where it starts), the one the template forgot to close or closed too late."""
    parser = xml.parsers.expat.ParserCreate()
    opened: list[tuple[str, int, int]] = []

    def start(tag: str, *_: Any) -> None:
        opened.append((tag, parser.CurrentLineNumber, parser.CurrentColumnNumber))

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: opened.pop()
    try:
        parser.Parse(markup, True)
    except ValueError:  # a lone surrogate, which UTF-8 cannot hold
        return None
    except xml.parsers.expat.ExpatError as exc:
        if exc.code == xml.parsers.expat.errors.codes[xml.parsers.expat.errors.XML_ERROR_TAG_MISMATCH] and opened:
            tag, line, column = opened[-1]
            return tag, offset_of(markup, line, column)
    return None


def template_origin(ws: Workspace, env: Environment, name: str, context: dict[str, Any],
                    offset: int) -> tuple[str, int] | None:
    """The template file and line that wrote the output's character `offset`, by rendering `name` again
    with `context`; None when the output cannot be followed there."""
    stream: Any = env.get_template(name).generate(context)
    start, last = 0, None
    try:
        for chunk in stream:
            if offset < start + len(chunk):
                return _chunk_origin(ws, env, stream, chunk, offset - start)
            start += len(chunk)
            last = (chunk, _writer(stream))
    except Exception:  # the first render failed differently: no line rather than another error
        return None
    finally:
        stream.close()
    return _placed(ws, env, *last[1], last[0], len(last[0])) if last and last[1] else None


def _writer(stream: Generator[str, None, None]) -> tuple[Template, int] | None:
    """The template and generated-code line of the innermost generator writing the stream's current piece."""
    current: Any = stream
    while (inner := getattr(current, "gi_yieldfrom", None) or _included(current)) is not None:
        current = inner
    frame = getattr(current, "gi_frame", None)
    if frame is None:
        return None
    template = frame.f_globals.get("__jinja_template__")
    return (template, frame.f_lineno) if isinstance(template, Template) else None


def _included(stream: Any) -> Any:
    """The stream of a template an `{% include %}` is looping over (jinja's code names it `gen`), if any."""
    frame = getattr(stream, "gi_frame", None)
    inner = frame.f_locals.get("gen") if frame is not None else None
    return inner if isinstance(inner, GeneratorType) and inner.gi_frame is not None else None


def _chunk_origin(ws: Workspace, env: Environment, stream: Generator[str, None, None], chunk: str,
                  within: int) -> tuple[str, int] | None:
    writer = _writer(stream)
    return _placed(ws, env, *writer, chunk, within) if writer else None


def _placed(ws: Workspace, env: Environment, template: Template, code_line: int, chunk: str,
            within: int) -> tuple[str, int]:
    """The file and line of `chunk`'s character `within`: the line jinja maps the writing code to, or, where
    the template's own text wrote it (found in its source from that line on), the very line it is on."""
    line = template.get_corresponding_lineno(code_line)
    assert env.loader is not None and template.name is not None
    source = env.loader.get_source(env, template.name)[0]
    exact = _text_line(source, offset_of(source, line, 0), chunk, within)
    return display(ws, template.filename, template.name), exact or line


def _text_line(source: str, start: int, chunk: str, within: int) -> int | None:
    """The source line of the chunk's character `within`, when the template's text holds the chunk (or the part
    of it before that character: jinja folds a constant `{{ "x" }}` into the text around it) on the line at
    `start` or the next (a block tag's newline, trimmed); else the rest of that character's line of output,
    within the chunk's lines of `start`."""
    before = chunk.count("\n", 0, within)
    for piece in (chunk, chunk[:within]):
        at = source.find(piece, start) if piece else -1
        if at >= 0 and source.count("\n", start, at) <= 1:
            return source.count("\n", 0, at) + 1 + before
    rest = chunk[within:].split("\n", 1)[0]
    at = source.find(rest, start) if len(rest.strip()) >= 3 else -1
    if at >= 0 and source.count("\n", start, at) <= chunk.count("\n") + 1:
        return source.count("\n", 0, at) + 1
    return None
