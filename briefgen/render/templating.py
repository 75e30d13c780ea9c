"""jinja2, sandboxed: templates from the workspace's templates/ first, then the bundled defaults."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.loaders import split_template_path

from briefgen.errors import BriefgenError, Problem
from briefgen.render import bytecode
from briefgen.render.limits import RenderLimit, bounded, collect
from briefgen.render.markupwhere import template_origin
from briefgen.render.sandbox import BoundedSandbox
from briefgen.render.templatefaults import (
    compile_place,
    display,
    failed,
    hint_for,
    syntax_error,
    template_frame,
    too_deep,
)
from briefgen.safeio import (
    LINK_HINT,
    FileTooLarge,
    file_version,
    first_link,
    inside,
    os_problem,
    read_regular,
    still,
    wide_encoding,
)
from briefgen.templates import FOLDER as BUNDLED
from briefgen.workspace import Workspace

MAX_TEMPLATE_BYTES = 1024 * 1024
# what a filter or method given the wrong arguments raises (`5|dictsort` AttributeError, `cycler()` RuntimeError)
_COMPUTATION_ERRORS = (ArithmeticError, RecursionError, TypeError, ValueError, MemoryError, LookupError,
                       AssertionError, AttributeError, RuntimeError)
_TOO_DEEP = (RecursionError, MemoryError, SyntaxError)  # how parsing and compiling a deeply nested template fail


@lru_cache(maxsize=8)
def environment(templates_dir: Path) -> BoundedSandbox:
    """One environment per templates folder, reused so compiled templates are cached in the process (watch,
    fit); the bundled ones come compiled from the table made ahead (render/bytecode.py)."""
    loader = ChoiceLoader([ContainedLoader(templates_dir), Bundled(templates_dir)])
    return BoundedSandbox(loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                          lstrip_blocks=True, auto_reload=True, bytecode_cache=bytecode.cache())


class ContainedLoader(BaseLoader):
    """Templates from the workspace's templates/ folder, read only when they really live there: a symbolic
    link (to a file or a folder) that leaves templates/ is an error naming the link, as is anything but a
    regular file (a named pipe would block the read forever) or a file too large to be a template."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = os.path.join(self.folder, *split_template_path(template))
        if not os.path.lexists(path) or (os.path.isdir(path) and _names_a_folder(template)):
            raise TemplateNotFound(template)  # a folder named as one ('board.xml.j2') is said to be one below
        display = f"templates/{template}"
        if not inside(self.folder, path):
            link = os.path.relpath(first_link(self.folder, path), self.folder)
            raise BriefgenError(Problem(display, f"templates/{link} is a symbolic link that leaves templates/",
                                        hint=LINK_HINT))
        try:
            source = _utf8(read_regular(path, MAX_TEMPLATE_BYTES), display)
        except FileTooLarge:
            raise BriefgenError(Problem(display, f"template is larger than {MAX_TEMPLATE_BYTES // 1024} KB",
                                        hint="a template lays out a brief: move text into the model")) from None
        except OSError as exc:
            raise BriefgenError(os_problem(exc, display)) from None
        except UnicodeDecodeError as exc:
            raise BriefgenError(Problem(display, f"template is not valid UTF-8 (byte {exc.start})",
                                        exc.object.count(b"\n", 0, exc.start) + 1, hint="save it as UTF-8")) from None
        version = file_version(path)  # jinja keeps the compiled template while this says it is the same file
        return source, path, lambda: still(path, version)


def _names_a_folder(template: str) -> bool:
    """'', '.' and 'sub/' name a folder, never a template: no template is looked for there."""
    return template.rsplit("/", 1)[-1] in ("", ".")


def _utf8(raw: bytes, display: str) -> str:
    """The template's text; a template saved as UTF-16 or UTF-32 (whose NUL bytes UTF-8 would take) named as such."""
    if (wide := wide_encoding(raw)) is not None:
        raise BriefgenError(Problem(display, f"the template is {wide} text, not UTF-8", 1, hint="save it as UTF-8"))
    return raw.decode("utf-8")


class Bundled(PackageLoader):
    """The bundled templates, each out of date as soon as the workspace's templates/ holds one of its name: a
    process that keeps its environment (watch, tests) must not go on rendering the bundled template once the
    user has written their own (a public template without the withheld paragraph, or with a new one)."""

    def __init__(self, workspace_templates: Path) -> None:
        super().__init__("briefgen", "templates")
        self.workspace_templates = workspace_templates

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        override = os.path.join(self.workspace_templates, *split_template_path(template))
        return source, filename, lambda: (uptodate is None or uptodate()) and not os.path.lexists(override)


def write_table() -> int:
    """Compile every bundled template into the table of render/bytecode.py (`make precompiled`); the number of
    templates."""
    env = environment(Path(os.devnull))
    codes: dict[tuple[str, str], CodeType] = {}
    references: dict[str, tuple[str, ...]] = {}
    for path in sorted(BUNDLED.glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        checksum = bytecode.checksum(source)
        codes[(path.name, checksum)] = env.compile(source, path.name, str(path))
        references[checksum] = _parsed_references(env, source)
    bytecode.save_table(codes, references)
    return len(codes)


def render(ws: Workspace, name: str, context: dict[str, Any]) -> str:
    """Render one template within the time and size ceilings (renderlimits.py); any template mistake
    becomes a located BriefgenError."""
    env = environment(ws.templates)
    try:
        with bounded(BoundedSandbox) as budget:
            return collect(env.get_template(name).generate(context), budget)
    except RenderLimit as exc:
        file, line = template_frame(ws, name)
        raise exc.placed(file, line=line) from None
    except TemplateNotFound as exc:
        raise _not_found(exc, *template_frame(ws, name)) if exc.name != name else _not_found(exc) from None
    except TemplateSyntaxError as exc:
        raise syntax_error(ws, exc) from None
    except TemplateError as exc:
        file, line = template_frame(ws, name)
        raise BriefgenError(Problem(file, f"template error: {exc}", line, hint=hint_for(exc))) from None
    except (*_COMPUTATION_ERRORS, SyntaxError) as exc:  # {{ 1/0 }}, {{ "a" + 1 }}, or too deep to compile
        raise failed(ws, name, exc) from None


def origin(ws: Workspace, name: str, context: dict[str, Any], offset: int) -> tuple[str, int] | None:
    """The template file and line that wrote character `offset` of `name`'s output with `context` (rendered
    again, within the same ceilings); None when it cannot be told."""
    with bounded(BoundedSandbox):
        return template_origin(ws, environment(ws.templates), name, context, offset)


def _not_found(exc: TemplateNotFound, file: str | None = None, line: int | None = None) -> BriefgenError:
    """The error for a missing template; with the `file` (and `line`) of the template that names it there."""
    if file is None:
        return BriefgenError(Problem(f"templates/{exc.name}", "template not found", hint=(
            "create it under templates/, or point the profile's `template` at an existing file")))
    what = f"template {_clipped(exc.name)} not found" if exc.name is not None else \
        "the tag names no template (an empty list)"
    return BriefgenError(Problem(file, what, line, hint=(
        "name a template inside templates/ (a path from that folder, without '..'), or a bundled one: "
        + ", ".join(sorted(p.name for p in BUNDLED.glob("*.j2"))))))


def _clipped(name: object, most: int = 120) -> str:
    """A template name as a message quotes it: an expression may build one of any length."""
    text = str(name)
    return repr(text) if len(text) <= most else repr(text[:most]) + f"… ({len(text):,} characters)"


def _named_at(ws: Workspace, env: BoundedSandbox, parent: str, child: str) -> tuple[str, int | None]:
    """The file and line of the tag in template `parent` that names template `child`."""
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, parent)
    match = next((m for m in _REFERENCE.finditer(source) if m.group(1) == child), None)
    line = source.count("\n", 0, match.start()) + 1 if match else None
    return display(ws, filename, parent), line


# A tag naming a template by one quoted name (not the first piece of an expression, `"part" ~ suffix`), and
# whether it may be missing (`ignore missing`: jinja renders nothing in its place).
_REFERENCE = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']\s*"""
                        r"""(?=-?%\}|with\b|without\b|as\b|import\b|(ignore\s+missing\b))""")


def compile_all(ws: Workspace, name: str) -> None:
    """Compile a template and every template it names in an extends, include or import tag; a located
    BriefgenError for the first that is missing or does not compile. Compiled code comes from the bytecode
    cache when the source is unchanged, and references are found by a scan of the source (no parse)."""
    env = environment(ws.templates)
    assert env.loader is not None
    pending, seen = [name], set()
    named_by: dict[str, str] = {}  # each referenced template, by the template that names it first
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            env.get_template(current)
            source = env.loader.get_source(env, current)[0]
        except TemplateNotFound as exc:
            parent = named_by.get(current)
            raise (_not_found(exc, *_named_at(ws, env, parent, current)) if parent else _not_found(exc)) from None
        except TemplateSyntaxError as exc:
            raise syntax_error(ws, exc) from None
        except BriefgenError as exc:  # a template named by another cannot be read: placed at the tag naming it
            raise (_at_tag(exc, *_named_at(ws, env, named_by[current], current)) if current in named_by else exc
                   ) from None
        except _TOO_DEEP:
            raise too_deep(*(compile_place(ws) or (display(ws, None, current), None))) from None
        for child, optional in _REFERENCE.findall(source):
            named_by.setdefault(child, current)
            if not optional:  # one that may be missing is compiled, when there, as it is rendered
                pending.append(child)
    _no_extends_loop(ws, env, name)


def _at_tag(exc: BriefgenError, file: str, line: int | None) -> BriefgenError:
    """`exc`, about a file as a whole, said at the tag (`file`, `line`) that names the file."""
    found = exc.problems[0]
    if len(exc.problems) > 1 or found.line is not None:
        return exc
    return BriefgenError(Problem(file, f"{found.file}: {found.message}", line, hint=found.hint))


_EXTENDS = re.compile(r"""\{%-?\s*extends\s+["']([^"']+)["']""")


def _no_extends_loop(ws: Workspace, env: BoundedSandbox, name: str) -> None:
    """Refuse a chain of `extends` that comes back to a template in it: rendering it never ends."""
    assert env.loader is not None
    chain = [name]
    while (found := _EXTENDS.search(env.loader.get_source(env, chain[-1])[0])) is not None:
        chain.append(found.group(1))
        if chain[-1] in chain[:-1]:
            file, line = _named_at(ws, env, chain[-2], chain[-1])
            raise BriefgenError(Problem(file, f"the template extends itself: {' → '.join(chain)}", line, hint=(
                "a template extends another that ends the chain by extending none (base.xml.j2)")))


def template_path(ws: Workspace, name: str) -> Path:
    """The file a template name loads: the workspace's, else the bundled one (as the loader chooses)."""
    local = ws.templates / name
    return local if local.is_file() else BUNDLED / name


def template_sources(ws: Workspace, name: str) -> list[str]:
    """The source text of a template and of every template it extends or includes (for change detection)."""
    env = environment(ws.templates)
    assert env.loader is not None
    seen: dict[str, str] = {}
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        try:
            source, _, _ = env.loader.get_source(env, current)
        except TemplateNotFound:
            seen[current] = ""
            continue
        seen[current] = source
        pending.extend(_referenced(env, source))
    return [f"{n}\n{seen[n]}" for n in sorted(seen)]


@lru_cache(maxsize=64)
def _referenced(env: BoundedSandbox, source: str) -> tuple[str, ...]:
    """The templates a source extends or includes (parsing is most of the cost: remembered per source text,
    and found in the table for a bundled template's)."""
    made = bytecode.read_table()[1].get(bytecode.checksum(source))
    return made if made is not None else _parsed_references(env, source)


def _parsed_references(env: BoundedSandbox, source: str) -> tuple[str, ...]:
    from jinja2 import meta

    try:
        return tuple(n for n in meta.find_referenced_templates(env.parse(source)) if n)
    except (TemplateSyntaxError, *_TOO_DEEP):  # compiling it says what is wrong, where
        return ()
