"""Load the catalogue and the summary model, validating both and locating every problem at once."""

from __future__ import annotations

import dataclasses
import os
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from briefgen.errors import BriefgenError, Problem, did_you_mean
from briefgen.model.disguise import HINTS
from briefgen.model.fielddocs import field_docs
from briefgen.model.fields import MAX_ITEMS
from briefgen.model.schema import Catalogue, Summary
from briefgen.model.yamlsrc import Key, Located, load, parsed_ahead, parsing_ahead
from briefgen.safeio import LINK_HINT, inside
from briefgen.workspace import Workspace

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded:
    catalogue: Catalogue
    summary: Summary
    catalogue_src: Located
    summary_src: Located


# What a catalogue entry may still lack while the commands that need only the seeds' text run (coverage,
# suggest, seeds show): a stand-in for each bibliographic field that `seeds add` leaves to the analyst.
DRAFT_STANDINS = {"originator": None, "title": "(title not filled in)", "published": "1000",
                  "accessed": "1000-01-01", "kind": "(kind not filled in)",
                  "descriptor": "(descriptor not filled in)"}


def load_workspace(ws: Workspace, draft: bool = False,
                   meanwhile: Callable[[Catalogue], object] | None = None) -> Loaded:
    """Parse and validate both files; every schema problem of both files is raised together.

    `draft` accepts catalogue entries whose bibliographic fields are not filled in yet (DRAFT_STANDINS). A large
    model is parsed by a child while this process loads the catalogue (yamlsrc.parsing_ahead), then does
    `meanwhile` with it (when it loaded) until the model's data comes."""
    problems: list[Problem] = []
    with parsing_ahead(ws.model_files, ws.cache):
        cat = _validated(ws, ws.catalogue, Catalogue, draft, problems)
        if cat is not None and meanwhile is not None and parsed_ahead():
            meanwhile(cat[0])
        summary = _validated(ws, ws.summary, Summary, draft, problems)
    if problems or cat is None or summary is None:
        raise BriefgenError(problems)
    return Loaded(cat[0], summary[0], cat[1], summary[1])


def _validated(ws: Workspace, path: Path, model: type[M], draft: bool,
               problems: list[Problem]) -> tuple[M, Located] | None:
    """One file loaded and validated; None with its problems added to `problems`."""
    try:
        src = load(model_file(ws, path), ws.rel(path), ws.cache)
        if draft and model is Catalogue:
            src = _drafted(src)
        return validate(src, model), src
    except BriefgenError as exc:
        problems.extend(exc.problems)
        return None


def model_file(ws: Workspace, path: Path) -> Path:
    """`path` (one of ws.model_files), refused when a symbolic link takes it out of seeds/: the model and the
    catalogue are the workspace's own, as every seed is."""
    if os.path.islink(path) and not inside(ws.seeds, path):
        raise BriefgenError(Problem(ws.rel(path), f"seeds/{path.name} is a symbolic link that leaves seeds/",
                                    hint=LINK_HINT))
    return path


def _drafted(src: Located) -> Located:
    """The catalogue with a stand-in for each bibliographic field that is missing or null."""
    sources = src.data.get("sources") if isinstance(src.data, dict) else None
    if not isinstance(sources, list):
        return src
    filled = [{**{k: v for k, v in DRAFT_STANDINS.items() if entry.get(k) is None}, **{
        k: v for k, v in entry.items() if v is not None or k not in DRAFT_STANDINS}}
              if isinstance(entry, dict) else entry for entry in sources]
    return dataclasses.replace(src, data={**src.data, "sources": filled})


# What a whole file holds, in YAML's words rather than Python's type names ("not a NoneType" for `null`)
_YAML_KINDS = {"NoneType": "null", "str": "a piece of text", "int": "a number", "float": "a number",
               "bool": "true or false", "list": "a list", "datetime": "a date", "date": "a date"}


def validate(src: Located, model: type[M]) -> M:
    if not isinstance(src.data, dict):
        kind = _YAML_KINDS.get(type(src.data).__name__, f"a {type(src.data).__name__}")
        raise BriefgenError(src.problem((), f"the file must hold a mapping of keys, not {kind}",
                                        f"expected top-level keys: {', '.join(model.model_fields)}"))
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        raise BriefgenError([_problem(src, model, loc, err) for loc, err in _branch_errors(src.data, exc.errors())]
                            ) from None


def _branch_errors(data: Any, errors: list[Any]) -> list[tuple[Key, Any]]:
    """Each error with its path in the data (_data_path), less those of a union's branches that want another
    kind of value ("should be a mapping" of a file name given as text) where another branch has said what is
    wrong with the value given."""
    placed = [(_data_path(data, tuple(err["loc"])), err) for err in errors]
    said = {path for path, err in placed if not err["type"].endswith("_type")}
    return [(path, err) for path, err in placed if not (err["type"].endswith("_type") and path in said)]


def _problem(src: Located, model: type[BaseModel], loc: Key, err: Any) -> Problem:
    kind, msg = err["type"], str(err["msg"]).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(name, allowed, "allowed keys", shown=len(allowed))
        return src.problem(loc, f"unknown key {name!r}", hint, key=True)
    if kind == "missing":
        return src.problem(loc[:-1], f"missing required key {loc[-1]!r}", _missing_hint(model, loc), key=True)
    if kind == "string_type" and err.get("input") is None:
        return src.problem(loc, "is not filled in (null)", "write its value (the comment on the line may say what)")
    msg = re.sub(r"a valid dictionary or instance of \w+", "a mapping of keys and values", msg)
    msg = msg.replace("Input should be", "should be").replace("a valid list", "a list")
    ctx = err.get("ctx") or {}
    if kind == "too_long" and int(ctx.get("max_length", 0)) < MAX_ITEMS:  # a profile's short list, not the model's
        kind = "too_many"
    return src.problem(loc, msg, _type_hint(kind, str(ctx.get("pattern", "")), msg))


def _data_path(data: Any, loc: Key) -> Key:
    """`loc` without the names pydantic gives the branches of a union ("str", "FontStyles",
    "function-after[…]"): the path of keys and indexes in the data itself. A name the data does not hold is
    kept only as the last part (the missing key a message names)."""
    path: list[str | int] = []
    for n, part in enumerate(loc):
        if _holds(data, part):
            data = data[part]
        elif not (isinstance(data, dict) and n == len(loc) - 1):
            continue
        path.append(part)
    return tuple(path)


def _holds(data: Any, part: str | int) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


# What a value matching each pattern of the schemas looks like, by a word its pattern holds (the `pattern`
# pydantic reports); an id's by default
_PATTERN_HINTS = (("0-9A-Fa-f]{6}", "a colour is written #RRGGBB, six hexadecimal digits (#1F4E79)"),
                  (":+_. /", "a marking is a level's name as the scheme lists it (TLP:AMBER, INTERNAL): Latin "
                   "letters, digits and : + _ . / - (a letter of another script that looks the same is not)"),
                  ("\\.j2", "a template is the name of a file in templates/ ending in .j2 (executive.xml.j2)"))


# The hint for a value a validator of the schemas refused, by words of its message (the first found)
_VALUE_HINTS = (("a passage of ", "copy at least the clause of the seed that says what the item says, word for word"),
                ("should be a number, not ", "write the number itself"),
                ("the link holds the invisible", "delete it (editors do not show it): copy the address as the "
                 "browser's address bar shows it"),
                ("the link is ", "link to a shorter address for the same document (its landing page, or a DOI)"),
                ("the file name contains", "write the file's name as it is in the folder"),
                ("contains the control character", "delete it (an editor may not show it; copying from a PDF or "
                 "a word processor brings such characters along)"),
                ("must not be blank", "write the text, or remove the key if it is optional"),
                ("is not a real date", "write a date that exists, as YYYY, YYYY-MM or YYYY-MM-DD in quotes"),
                ("must be a full date", "write the day too, YYYY-MM-DD in quotes"),
                ("is listed twice", "list each section once"),
                *HINTS)
# The hint for the other kinds of refusal pydantic reports, by its kind of error
_KIND_HINTS = {"literal_error": "write one of the values the message lists, spelt as there",
               "enum": "write one of the values the message lists, spelt as there",
               "int_from_float": "write a whole number", "finite_number": "write a finite number",
               "too_short": "give at least as many as the message says, or remove the key if it is optional",
               "string_too_long": "shorten it: the limit keeps checks and builds quick",
               "too_many": "list no more than the message says"}
_BOUND_HINT = "write a number within the bound the message gives"
_OTHER_HINT = "change the value as the message says; the file's comments (or `briefgen schema`) say what each key takes"


def _type_hint(kind: str, pattern: str = "", msg: str = "") -> str:
    """The hint for a refusal of pydantic's `kind` (`pattern` and `msg` tell some apart); never empty."""
    if kind == "value_error":
        return next((hint for words, hint in _VALUE_HINTS if words in msg), _OTHER_HINT)
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "check the value's type (quote text that YAML would read as a number, date or boolean)"
    if kind == "string_pattern_mismatch":
        return next((hint for part, hint in _PATTERN_HINTS if part in pattern),
                    "ids are letters, digits, '-', '_' or '.', starting with a letter or digit")
    if kind == "too_long":
        return "the limit keeps checks and builds quick; split the topic into several workspaces"
    if kind.startswith(("greater_than", "less_than")):
        return _BOUND_HINT
    return _KIND_HINTS.get(kind, _OTHER_HINT)


def _missing_hint(model: type[BaseModel], loc: Key) -> str:
    """What to add for a missing key: its name and the first sentence of what the schema says it holds."""
    holder = _model_at(model, loc[:-1])
    about = field_docs(holder).get(str(loc[-1]), "") if holder else ""
    first = " ".join(about.split(". ")[0].split()).rstrip(".")
    return f"add `{loc[-1]}:` to this entry" + (f": {first[0].lower()}{first[1:]}" if first else "")


def _fields_at(model: type[BaseModel], loc: Key) -> list[str]:
    """The field names of the model found by walking `loc` down from `model`."""
    return list(getattr(_model_at(model, loc), "model_fields", {}))


def _model_at(model: type[BaseModel], loc: Key) -> Any:
    """The model class found by walking `loc` down from `model`, None where the path leaves the models."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return None
        current = _model_in(field.annotation)
    return current


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
