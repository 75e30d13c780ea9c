"""What every command shares: the `-C/--workspace` option, given to the group or to the command itself, and
the type of every option that takes free text (a note, a name, an id, a search)."""

from __future__ import annotations

import errno
import os
import shlex
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from briefgen.errors import BriefgenError, Problem
from briefgen.safeio import kind_of, os_problem
from briefgen.text import shown
from briefgen.workspace import Workspace, require_workspace

F = TypeVar("F", bound=Callable[..., Any])


class _WorkspaceFolder(click.ParamType[Any, Any]):
    """The folder -C names, refused with a located error (exit 1) when it is not one briefgen can enter: missing
    (or a link to nothing), a file, a device or a pipe (`-C /dev/null`), or a folder it may not read."""

    name = "directory"

    def __init__(self, naming: str = "-C", *, to_make: bool = False) -> None:
        self.naming = naming  # who names the folder, in the message
        self.to_make = to_make  # `init DIR`: a folder to make, so a missing one is fine

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Path):
            return value
        _not_empty(self, value, "folder: give the workspace folder", param, ctx)
        path, where = Path(value), shown(str(value), line_feeds=False)
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            if self.to_make:
                return path
            raise BriefgenError(Problem(where, "-C names no folder (nothing is there, or a symbolic link to "
                                        "nothing)", hint="check the path, or scaffold a workspace there with "
                                        "`briefgen init DIR`")) from None
        except OSError as exc:
            if self.to_make:  # a link loop, a folder it may not search: init names the part at fault
                return path
            raise BriefgenError(os_problem(exc, where)) from None
        if not stat.S_ISDIR(mode):
            what = "a regular file" if stat.S_ISREG(mode) else kind_of(mode)
            raise BriefgenError(Problem(where, f"{self.naming} names {what}, not a workspace folder",
                                        hint=self._hint()))
        if not os.access(path, os.R_OK | os.X_OK):
            raise BriefgenError(os_problem(PermissionError(errno.EACCES, "denied"), where))
        return path

    def _hint(self) -> str:
        if self.to_make:
            return "name a folder to scaffold the workspace in (a new one, or one without seeds/)"
        return "name the folder that holds seeds/ (and templates/)"


WORKSPACE_FOLDER = _WorkspaceFolder("init DIR", to_make=True)


def workspace_option(func: F) -> F:
    return click.option("-C", "--workspace", "workspace", type=_WorkspaceFolder(), default=None,
                        help="Workspace directory (default: the current directory).")(func)


def _not_empty(kind: click.ParamType[Any, Any], value: Any, what: str, param: click.Parameter | None,
               ctx: click.Context | None, *, spaces: bool = False) -> None:
    """Refuse the empty path (a usage error, exit 2): Python takes it for the current folder, whatever that is,
    so a typo in a script or an unset variable (`-C "$UNSET"`, `init "$DIR"`) read or wrote where none meant.
    With `spaces`, a path of spaces too (-o, as it always did; a file may be named ' ')."""
    if isinstance(value, str) and not (value.strip() if spaces else value):
        kind.fail(f"an empty path names no {what}", param, ctx)


class Given(click.Path):
    """A path the user names (a folder to write to, a document to add): any path but the empty one."""

    def __init__(self, what: str, *, spaces: bool = False) -> None:
        super().__init__(path_type=Path)
        self.what, self.spaces = what, spaces

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        _not_empty(self, value, self.what, param, ctx, spaces=self.spaces)
        return super().convert(value, param, ctx)


output_option = click.option("-o", "--output", "out", type=Given("folder: give the output directory", spaces=True),
                             default=None,
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


def briefgen_for(ws: Workspace) -> str:
    """`briefgen` as the user must type it for `ws` from here: with `-C` (as a shell takes the folder) when the
    current folder does not lead to `ws`, so a "next: run ..." line works when pasted."""
    if os.path.realpath(Workspace.around(Path.cwd()).root) == os.path.realpath(ws.root):
        return "briefgen"
    relative = os.path.relpath(ws.root)
    folder = str(ws.root) if relative.startswith("..") else relative
    return f"briefgen -C {shown(shlex.quote(folder), line_feeds=False)}"


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
        where = max(param.opts, key=len) if isinstance(param, click.Option) else (
            param.human_readable_name.strip("[].") or "argument")  # "[SOURCE]", "FILE...": the name alone
    shown = os.fsencode(value).decode("utf-8", "backslashreplace")
    return Problem(where, f"'{shown}' is not UTF-8 text", hint=(
        "type it in a UTF-8 terminal, or set a UTF-8 locale (LANG=C.UTF-8) for the script that runs briefgen"))


TEXT = _Text()
