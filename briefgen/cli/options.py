"""What every command shares: the `-C/--workspace` option, given to the group or to the command itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from briefgen.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(func: F) -> F:
    return click.option("-C", "--workspace", "workspace", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help="Workspace directory (default: the current directory).")(func)


def workspace_of(ctx: click.Context, workspace: Path | None) -> Workspace:
    """The command's -C, else the group's, else the current directory."""
    root = workspace or ctx.find_root().params.get("workspace") or Path.cwd()
    return Workspace.at(root)
