"""jinja2's immutable sandbox, bounded: no operation a template performs may build a value, or an output,
larger than the render's character ceiling, and every call, buffer and concatenation checks its deadline.

What is bounded before the work is done: `*`, `**`, `+` and `%` (repetition, huge powers, concatenation,
printf widths), `~` concatenation, the output of macros, `{% set %}` and `{% filter %}` blocks, the filters and
string methods that take a width or build a string from others (center, indent, replace, join, format, slice,
batch, wordwrap, ljust, rjust, zfill, expandtabs, str.format), and sum(), which may only add numbers. `lipsum` is
removed.

What a template may reach: the attributes of plain data (strings, numbers, lists, tuples, dictionaries, ranges)
and of the objects jinja itself makes (loops, macros, namespaces, cyclers, joiners, imported templates, block
references), nothing else. The context a brief is rendered from is plain data of what its audience may see; an
object that found its way into it (the `cite` function's own state, a path, a model) is opaque: reading an
attribute of it is a sandbox error, so no template can climb from it to withheld items or the file system.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import Template, TemplateModule
from jinja2.exceptions import TemplateRuntimeError
from jinja2.nodes import Concat
from jinja2.runtime import BlockReference, Context, LoopContext, Macro, TemplateReference, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace

from briefgen.render.limits import RenderLimit, current
from briefgen.text import sentence

MAX_INT_BITS = 1 << 16  # about 20,000 decimal digits: no brief prints a larger number
_DIGITS = re.compile(r"\d+")
_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\d*)(?:\.(\d*))?")  # width and precision of each % field
_BRACES = re.compile(r"\{[^{}]*\}")  # each {} field of str.format (its spec holds width and precision)
_JINJA_CALL_KEYS = ("_block_vars", "_loop_vars")  # what jinja passes along with a call, for its context
_DYNAMIC_WIDTH = re.compile(r"%[-#0 +]*\*|\{[^{}]*\{")
# The only objects whose attributes a template reads: plain data, and what jinja makes while it renders.
OPEN_TYPES = (str, int, float, bool, type(None), list, tuple, dict, range, LoopContext, Macro, Namespace, Cycler,
              Joiner, TemplateModule, TemplateReference, BlockReference, Undefined)


class OutputBuffer(list[str]):
    """What a macro or a `{% set %}`/`{% filter %}` block prints, kept within the ceilings as it grows."""

    __slots__ = ("size",)

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def append(self, chunk: str) -> None:
        self.size += len(chunk)
        budget = current()
        budget.check_size(self.size, "the output of a macro or block")
        budget.check_time()
        super().append(chunk)


class _Generator(CodeGenerator):
    """Compiles templates with bounded buffers and a checked `~`."""

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.output_buffer()")

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(")")


class TemplateNameError(TemplateRuntimeError):
    """An extends, include or import tag given something other than a template's name."""


class BoundedSandbox(ImmutableSandboxedEnvironment):
    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)
        for name, estimate in _FILTER_SIZES.items():
            self.filters[name] = _guarded_filter(self.filters[name], estimate)
        self.filters["sum"] = _numbers_only(self.filters["sum"])
        self.filters["sentence"] = _sentence  # a free-text field followed by more text: "{{ q.context|sentence }}"

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, OPEN_TYPES) and super().is_safe_attribute(obj, attr, value)

    def _load_template(self, name: Any, globals: Any) -> Template:
        """Load a template by its name, which must be text: `{% extends self %}`, `{% include [5] %}` or
        `{% import judgments as j %}` name none (jinja would hand the object to the loader, which fails on it).
        The message names the value's type only: its text could be anything the context holds."""
        if isinstance(name, Undefined):
            name._fail_with_undefined_error()
        if not isinstance(name, str):
            raise _not_a_name(name)
        return super()._load_template(name, globals)

    def get_or_select_template(self, template_name_or_list: Any, parent: str | None = None,
                               globals: Any = None) -> Template:
        """`{% include %}` of one name or a list of names to try; anything else (`{% include 5 %}`) is no name."""
        if not isinstance(template_name_or_list, (str, Undefined, Template, list, tuple)):
            raise _not_a_name(template_name_or_list)
        return super().get_or_select_template(template_name_or_list, parent, globals)  # type: ignore[arg-type]

    @staticmethod
    def output_buffer() -> OutputBuffer:
        return OutputBuffer()

    @staticmethod
    def checked(value: str) -> str:
        current().check_size(len(value), "a `~` concatenation")
        return value

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_size(_binop_size(operator, left, right), f"the result of `{operator}`")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        current().check_time()
        if isinstance(getattr(__obj, "__self__", None), str):
            estimate = _METHOD_SIZES.get(getattr(__obj, "__name__", ""))
            if estimate is not None:
                plain = {k: v for k, v in kwargs.items() if k not in _JINJA_CALL_KEYS}
                _check_size(estimate(__obj.__self__, *args, **plain), f"str.{__obj.__name__}()")
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template: str = value.__self__

        def bounded_format(*args: Any, **kwargs: Any) -> str:
            fields = list(args) + list(kwargs.values()) + [v for a in args if isinstance(a, dict) for v in a.values()]
            _check_size(_format_size(template, fields, printf=False), "str.format()")
            return wrapped(*args, **kwargs)

        return bounded_format


def _not_a_name(value: Any) -> TemplateNameError:
    return TemplateNameError(f"a template is named by its file name in quotes, not by a value of type "
                             f"{type(value).__name__}")


def _check_size(size: int | None, what: str) -> None:
    if size is not None:
        current().check_size(size, what)


def _weight(value: Any) -> int:
    """A cheap stand-in for how long a value's text is (exact for strings)."""
    if isinstance(value, str | list | tuple | dict):
        return len(value)
    if isinstance(value, int):
        return value.bit_length() // 3 + 1
    return 32


def _binop_size(operator: str, left: Any, right: Any) -> int | None:
    ints = isinstance(left, int) and isinstance(right, int)
    if operator == "**" and ints and right > 0 and abs(left) > 1 and right * left.bit_length() > MAX_INT_BITS:
        raise RenderLimit(f"`{left} ** {right}` is too large a number", "templates print numbers, not compute them")
    if operator == "*" and ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise RenderLimit("the product is too large a number", "templates print numbers, not compute them")
    if operator == "*" and not ints:  # repetition of a string, list or tuple; other products are plain numbers
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(times, int):
                return len(seq) * times
        return None
    if operator == "+" and isinstance(left, str | list | tuple):
        return _weight(left) + _weight(right)
    if operator == "%" and isinstance(left, str):
        return _format_size(left, _printf_fields(right), printf=True)
    return None


def _printf_fields(right: Any) -> list[Any]:
    if isinstance(right, dict):
        return list(right.values())
    return list(right) if isinstance(right, tuple) else [right]


def _format_size(template: str, fields: Iterable[Any], *, printf: bool) -> int:
    """At most: the template, plus each placeholder filled with the widest field, or the widest width or
    precision its specs name (or take from the fields, with `*` or a nested `{}`)."""
    specs = [" ".join(m) for m in _PRINTF.findall(template)] if printf else _BRACES.findall(template)
    values = list(fields)
    widest = max((int(d[:30]) for spec in specs for d in _DIGITS.findall(spec)), default=0)
    widest = max(widest, *(_weight(v) for v in values), 0)
    if _DYNAMIC_WIDTH.search(template):
        widest = max(widest, *(v for v in values if isinstance(v, int)), 0)
    return len(template) + len(specs) * widest


def _replace_size(text: Any, old: Any, new: Any, count: Any = None, *_: Any) -> int | None:
    if not all(isinstance(v, str) for v in (text, old, new)):
        return None
    hits = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * max(0, len(new) - len(old))


def _join_size(items: Any, separator: Any = "", *_: Any, **__: Any) -> int | None:
    if not isinstance(items, list | tuple | str):
        return None  # a lazy sequence: its items were bounded when they were made
    return sum(_weight(i) for i in items) + _weight(separator) * len(items)


def _width_size(text: Any, width: Any = 0, *_: Any, **__: Any) -> int | None:
    return max(_weight(text), width) if isinstance(width, int) else None


def _indent_size(text: Any, width: Any = 4, *_: Any, **__: Any) -> int | None:
    per_line = width if isinstance(width, int) else _weight(width)
    return _weight(text) + (str(text).count("\n") + 1) * per_line


def _tabs_size(text: Any, tabsize: Any = 8, *_: Any, **__: Any) -> int | None:
    return _weight(text) + str(text).count("\t") * tabsize if isinstance(tabsize, int) else None


def _slice_size(items: Any, slices: Any = 1, *_: Any, **__: Any) -> int | None:
    return slices if isinstance(slices, int) else None


def _batch_size(items: Any, linecount: Any = 1, fill_with: Any = None, *_: Any) -> int | None:
    """A batch is padded to `linecount` items with `fill_with` (a list that long, whatever the input's size)."""
    return linecount if isinstance(linecount, int) and fill_with is not None else None


def _wordwrap_size(text: Any, width: Any = 79, long_words: Any = True, wrapstring: Any = None, *_: Any,
                   **kwargs: Any) -> int:
    """At most: every character on a line of its own, each line ended by the wrap string."""
    joint = kwargs.get("wrapstring", wrapstring)
    return _weight(text) * (1 + (_weight(joint) if joint is not None else 1))


def _format_filter_size(template: Any, *args: Any, **kwargs: Any) -> int | None:
    if not isinstance(template, str):
        return None
    return _format_size(template, [*args, *kwargs.values()], printf=True)


Estimate = Callable[..., int | None]
_FILTER_SIZES: dict[str, Estimate] = {"center": _width_size, "indent": _indent_size, "replace": _replace_size,
                                      "join": _join_size, "format": _format_filter_size, "slice": _slice_size,
                                      "batch": _batch_size, "wordwrap": _wordwrap_size}
_METHOD_SIZES: dict[str, Estimate] = {"center": _width_size, "ljust": _width_size, "rjust": _width_size,
                                      "zfill": _width_size, "expandtabs": _tabs_size, "replace": _replace_size,
                                      "join": lambda sep, items=(), *_: _join_size(items, sep)}


def _guarded_filter(func: Callable[..., Any], estimate: Estimate) -> Callable[..., Any]:
    """The filter, refusing a call whose result would pass the ceiling (jinja's pass-argument marker is kept)."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_size(estimate(*args[skip:], **kwargs), f"the `{func.__name__.removeprefix('do_')}` filter")
        return func(*args, **kwargs)

    return guarded


def _numbers_only(func: Callable[..., Any]) -> Callable[..., Any]:
    """sum() of lists or strings copies its growing result every step, uninterruptibly: numbers only."""

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        start = kwargs.get("start", args[3] if len(args) > 3 else 0)
        if not isinstance(start, int | float):
            raise RenderLimit("the `sum` filter adds numbers only in briefgen templates",
                              "join strings with `join`; loop over nested lists instead of adding them")
        return func(*args, **kwargs)

    return guarded


def _sentence(value: Any) -> Any:
    """The `sentence` filter: text ends as a sentence (briefgen.text.sentence); anything else as it is."""
    return sentence(value) if isinstance(value, str) else value
