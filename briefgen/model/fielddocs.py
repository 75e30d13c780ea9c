"""Each field's docstring as its JSON Schema description, read from the source when a schema is printed.

pydantic can do this itself (`use_attribute_docstrings`), but it then reads and tokenises the source of every
model class whenever the class is made: about 70 ms of every command that loads the model or a profile, for
text only `briefgen schema` and `briefgen init` print. Here the docstrings are read once, when a schema is
asked for: the string literal that follows a field's annotated assignment in its class body.
"""

from __future__ import annotations

import ast
import inspect
import sys
from functools import cache
from itertools import pairwise
from typing import Any


@cache
def _module_docs(module: str) -> dict[str, dict[str, str]]:
    """Class name -> field name -> docstring, for every class defined at the top of the module."""
    tree = ast.parse(inspect.getsource(sys.modules[module]))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = dict(_field_docs(node.body))
    return found


def _field_docs(body: list[ast.stmt]) -> list[tuple[str, str]]:
    pairs = []
    for statement, following in pairwise(body):
        if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)):
            pairs.append((statement.target.id, inspect.cleandoc(following.value.value)))
    return pairs


def field_docs(model: type) -> dict[str, str]:
    """The docstrings of a class's fields, those of its bases from the same package included (a subclass's
    own docstring wins)."""
    package = model.__module__.split(".")[0]
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if cls.__module__.split(".")[0] == package:
            docs.update(_module_docs(cls.__module__).get(cls.__name__, {}))
    return docs


def describe(schema: dict[str, Any], model: type, models: dict[str, type]) -> None:
    """Give each property of the schema (and of its $defs, named as `models` names them) that has no
    description its field's docstring, as pydantic's `use_attribute_docstrings` would."""
    parts = [(schema, model), *((part, models[name]) for name, part in schema.get("$defs", {}).items()
                                 if name in models)]
    for part, cls in parts:
        docs = field_docs(cls)
        for name, prop in part.get("properties", {}).items():
            if name in docs and "description" not in prop:
                prop["description"] = docs[name]
