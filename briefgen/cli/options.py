"""What every command shares: the `-C/--workspace` option, given to the group or to the command itself, and
the type of every option that takes free text (a note, a name, an id, a search)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from briefgen.errors import BriefgenError, Problem
from briefgen.workspace import Workspace, require_workspace

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(func: F) -> F:
    return click.option("-C", "--workspace", "workspace", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help="Workspace directory (default: the current directory).")(func)


class _Folder(click.Path):
    """A folder to write to: any path but the empty one (which would name the current folder, whatever it
    is: a typo in a script, `-o "$UNSET"`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path names no folder: give the output directory", param, ctx)
        return super().convert(value, param, ctx)


output_option = click.option("-o", "--output", "out", type=_Folder(path_type=Path), default=None,
                             help="Output directory (default: output/).")


def workspace_of(ctx: click.Context, workspace: Path | None, *, required: bool = False) -> Workspace:
    """The command's -C, else the group's, else the workspace the current directory is in (Workspace.around);
    `required`: refused when it has no seeds/ (a command that writes there, or whose report would read as one
    on a workspace never built)."""
    root = workspace or ctx.find_root().params.get("workspace")
    found = Workspace.at(root) if root is not None else Workspace.around(Path.cwd())
    ctx.meta[WORKSPACE] = found  # for the group's messages about a path the system refused (cli.main._Briefgen)
    if required:
        require_workspace(found)
    return found.own_seeds()


WORKSPACE = "briefgen.workspace"  # the key of the command's workspace in click's context meta


class _Text(click.ParamType[Any, Any]):
    """Free text on the command line, refused (a located error naming the option, exit 1) when it is not
    UTF-8: Python hands bytes that are not as lone surrogates, which no file, record or brief can hold. A path
    is not text: the file system takes any bytes, so path options keep click's own types."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise BriefgenError(_not_text(param, value)) from None
        return value


def _not_text(param: click.Parameter | None, value: str) -> Problem:
    """The error for a value that is not UTF-8, naming its option (its long name) or argument, its bytes shown
    as escapes."""
    where = "argument"
    if param is not None:
        where = max(param.opts, key=len) if isinstance(param, click.Option) else param.human_readable_name
    shown = os.fsencode(value).decode("utf-8", "backslashreplace")
    return Problem(where, f"'{shown}' is not UTF-8 text", hint=(
        "type it in a UTF-8 terminal, or set a UTF-8 locale (LANG=C.UTF-8) for the script that runs briefgen"))


TEXT = _Text()
