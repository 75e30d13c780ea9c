"""What a template mistake becomes: a located BriefgenError naming the template file as the workspace shows it,
the line where jinja was (rendering, parsing or compiling), what went wrong in words, and a hint."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import FrameType

from jinja2 import Environment, TemplateError, TemplateSyntaxError
from jinja2.compiler import CodeGenerator
from jinja2.parser import Parser

from briefgen.errors import BriefgenError, Problem
from briefgen.render.sandbox import TemplateNameError
from briefgen.workspace import Workspace


def failed(ws: Workspace, name: str, exc: BaseException) -> BriefgenError:
    """The located error for a template that computed something impossible or could not be compiled."""
    compiling = compile_place(ws)
    if compiling is not None:
        return too_deep(*compiling)
    file, line = template_frame(ws, name)
    if isinstance(exc, RecursionError):
        return BriefgenError(Problem(file, "template error: it calls itself with no end (recursion)", line, hint=(
            "look for a template that includes itself, or a macro that calls itself, with no end")))
    what = next((words for kind, words in _IN_WORDS if isinstance(exc, kind)), "it cannot compute a value")
    said = str(exc)
    return BriefgenError(Problem(file, f"template error: {what}" + (f" ({said})" if said and said != what else ""),
                                 line, hint=_COMPUTED_HINT))


# What each error a template's expression raises means, in words (its own message follows in brackets).
_IN_WORDS: tuple[tuple[type[BaseException], str], ...] = (
    (ZeroDivisionError, "division by zero"), (OverflowError, "a number too large"),
    (ArithmeticError, "an impossible calculation"), (MemoryError, "it needs more memory than there is"),
    (LookupError, "an item or key that is not there"), (TypeError, "a value of the wrong type"),
    (ValueError, "a value of the wrong kind"), (AssertionError, "a filter given arguments it cannot take"),
    (AttributeError, "a filter given a value of the wrong type"), (RuntimeError, "a call it cannot make"))
_COMPUTED_HINT = ("the values on that line may not be what the template expects: test them first "
                  "({% if x %}, or a default: x|default(0))")


def too_deep(file: str, line: int | None) -> BriefgenError:
    return BriefgenError(Problem(file, "template error: an expression or block is nested too deeply to compile",
                                 line, hint="nest less: drop redundant brackets, or build the value in steps with "
                                 "{% set %}"))


Place = tuple[str, int | None]  # a template file as shown, and a line in it when known


def compile_place(ws: Workspace) -> Place | None:
    """Where jinja was parsing or compiling a template when the exception being handled rose (its file and,
    when known, line; the innermost such frame), or None when it rose elsewhere. jinja's parser and code
    generator recurse once per level of nesting, and Python's compiler refuses deep nesting (SyntaxError)."""
    tb = sys.exc_info()[2]
    found: Place | None = None
    while tb is not None:
        frame, tb = tb.tb_frame, tb.tb_next
        found = _place_of(ws, frame) or found
    return found


def _place_of(ws: Workspace, frame: FrameType) -> Place | None:
    """The template a frame of jinja's parser, code generator or compile step works on, else None."""
    me = frame.f_locals.get("self")
    if isinstance(me, Parser):
        return display(ws, me.filename, me.name), me.stream.current.lineno
    if isinstance(me, CodeGenerator):
        return display(ws, me.filename, me.name), getattr(frame.f_locals.get("node"), "lineno", None)
    if isinstance(me, Environment) and frame.f_code.co_name == "_compile":
        return display(ws, frame.f_locals.get("filename"), None), None
    return None


def syntax_error(ws: Workspace, exc: TemplateSyntaxError) -> BriefgenError:
    return BriefgenError(Problem(display(ws, exc.filename, exc.name), f"template syntax error: {exc.message}",
                                 exc.lineno, hint=hint_for(exc)))


def display(ws: Workspace, filename: str | None, name: str | None) -> str:
    """A template's file as shown. jinja's lexer gives a file name where the template's name belongs (an
    unclosed comment's error has no file name and the file's path as its name)."""
    if not filename and name and os.path.isabs(name):
        filename = name
    return ws.rel(Path(filename)) if filename else f"templates/{name}"


def template_frame(ws: Workspace, name: str) -> tuple[str, int | None]:
    """The innermost template file and line in the traceback jinja rewrote for us."""
    tb = sys.exc_info()[2]
    found: tuple[str, int | None] = (f"templates/{name}", None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (ws.rel(Path(filename)), tb.tb_lineno)
        tb = tb.tb_next
    return found


def hint_for(exc: TemplateError) -> str:
    if isinstance(exc, TemplateNameError):
        return "write the template's file name in quotes: {% extends 'base.xml.j2' %}"
    if "unsafe" in str(exc) or type(exc).__name__ == "SecurityError":
        return "templates run in a sandbox: they may read the brief's data, not Python internals"
    said = str(exc)
    if "undefined" in said or "has no attribute" in said:
        return "check the variable's spelling; `briefgen audiences` lists the data templates receive"
    return next((hint for start, hint in _SYNTAX_HINTS if said.startswith(start)), _GENERAL_HINT)


# The hint for each kind of template mistake jinja reports, by the start of its message
_SYNTAX_HINTS = (
    ("No filter named", "a filter is one of jinja's built-in filters (upper, join, default, ...), spelt as they are"),
    ("No test named", "a test is one of jinja's built-in tests (defined, none, number, ...), spelt as they are"),
    ("Encountered unknown tag", "close each {% if %}, {% for %}, {% block %}, {% macro %} with its own "
     "{% endif %}, {% endfor %}, ... in the order they were opened"),
    ("Unexpected end of template", "close each {% if %}, {% for %}, {% block %}, {% macro %} with its own "
     "{% endif %}, {% endfor %}, ... before the file ends"),
    ("Missing end of", "close it: {{ with }}, {% with %} and {# with #}"),
)
_GENERAL_HINT = ("compare the line with the bundled templates (briefgen/templates/*.xml.j2): each {{ }}, {% %} "
                 "and {# #} closed, names and filters spelt as there")
