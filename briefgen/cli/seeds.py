"""`briefgen seeds ...`: managing the seed documents (registered on the main command group in cli.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from briefgen.cli.options import workspace_of, workspace_option


@click.group()
def seeds() -> None:
    """Manage the seed documents in seeds/."""


@seeds.command()
@workspace_option
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def add(ctx: click.Context, workspace: Path | None, files: tuple[Path, ...]) -> None:
    """Copy documents (.txt .md .html .pdf .docx) into seeds/ and catalogue them in seeds/sources.yaml.

    The entry is filled from what each document says about itself; what it does not say is marked
    for you to fill in. A document already catalogued is refused. All files are added, or none."""
    from briefgen.authoring.seeds_add import add_seeds

    ws = workspace_of(ctx, workspace)
    for plan, line in add_seeds(ws, list(files), dt.date.today()):
        found, check, missing = plan.to_fill()
        how = "copied to" if plan.copy else "already in seeds/ as"
        click.echo(f"added {plan.given}: {how} seeds/{plan.target}, catalogued as {plan.source_id} "
                   f"({ws.rel(ws.catalogue)}:{line})")
        if found:
            click.echo(f"  from the document: {', '.join(found)}")
        if check:
            click.echo(f"  check: {', '.join(check)} (see the comments on their lines)")
        if missing:
            click.echo(f"  fill in: {', '.join(missing)}")
    click.echo(f"next: complete the new entries in {ws.rel(ws.catalogue)}, then run `briefgen check`")
