"""`briefgen seeds ...`: managing the seed documents (registered on the main command group in cli.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from briefgen.cli.options import TEXT, Given, briefgen_for, workspace_of, workspace_option
from briefgen.cli.terminal import say
from briefgen.text import shown


@click.group()
def seeds() -> None:
    """Manage the seed documents in seeds/."""


@seeds.command()
@workspace_option
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=Given("file: give the document to add"))
@click.pass_context
def add(ctx: click.Context, workspace: Path | None, files: tuple[Path, ...]) -> None:
    """Copy documents into seeds/ and catalogue them in seeds/sources.yaml: plain text, Markdown, web pages,
    PDF, Word (.docx, .doc), RTF, OpenDocument text, spreadsheets and presentations (.odt, .ods, .odp), EPUB,
    PowerPoint, Excel, CSV and e-mail (.eml, .msg).

    The entry is filled from what each document says about itself; what it does not say is marked
    for you to fill in. A document already catalogued is refused. All files are added, or none."""
    from briefgen.authoring.seeds_add import add_seeds

    ws = workspace_of(ctx, workspace)
    for plan, line in add_seeds(ws, list(files), dt.date.today()):
        found, check, missing = plan.to_fill()
        how = "copied to" if plan.copy else "already in seeds/ as"
        given = shown(str(plan.given), line_feeds=False)
        say(f"added {given}: {how} seeds/{plan.target}, catalogued as {plan.source_id} ({ws.rel(ws.catalogue)}:{line})")
        if found:
            say(f"  from the document: {', '.join(found)}")
        if check:
            say(f"  check: {', '.join(check)} (see the comments on their lines)")
        if missing:
            say(f"  fill in: {', '.join(missing)}")
        if "attachments" in plan.clues:
            attached = plan.clues["attachments"]
            say(f"  note: its attachments are not read: {attached.value}; {attached.origin}")
        for reason in plan.same_as:
            say(f"  warning: {reason}")
    say(f"next: complete the new entries in {ws.rel(ws.catalogue)}, then run `{briefgen_for(ws)} check`")


@seeds.command()
@workspace_option
@click.argument("source_id", metavar="ID", type=TEXT)
@click.option("--grep", metavar="TEXT", type=TEXT,
              help="Only the paragraphs holding TEXT (case, quotes and dashes ignored).")
@click.pass_context
def show(ctx: click.Context, workspace: Path | None, source_id: str, grep: str | None) -> None:
    """Print a seed's numbered paragraphs as footnotes cite them ("¶7", or "p. 2, ¶3" in a PDF)."""
    from briefgen.authoring.seeds_show import show as paragraphs

    seed, found = paragraphs(workspace_of(ctx, workspace), source_id, grep)
    width = max((len(place) for place, _ in found), default=0)
    for place, text in found:
        say(f"{place.rjust(width)}  {text}")
    if grep and not found:
        say(f"no paragraph of {seed.display} holds {grep!r}", err=True)


@seeds.command()
@workspace_option
@click.argument("source_id", metavar="ID", type=TEXT)
@click.argument("file", type=Given("file: give the newer version of the document"))
@click.pass_context
def update(ctx: click.Context, workspace: Path | None, source_id: str, file: Path) -> None:
    """Replace source ID's document with a newer version (same id, same format) and report each cited
    passage that moved or vanished; a vanished one is an error to fix in the model."""
    from briefgen.authoring.seeds_update import update as replace
    from briefgen.errors import BriefgenError

    ws = workspace_of(ctx, workspace)
    done = replace(ws, source_id, file, dt.date.today())
    vanished = [change.problem for change in done.changes if change.problem is not None]
    moved = [change for change in done.changes if change.after]
    say(f"updated {source_id}: {done.file} replaced by {file}; cited passages: {done.stayed} in place, "
               f"{len(moved)} moved, {len(vanished)} gone")
    for change in moved:
        say(f"  moved: {change.item}: {change.before or 'not found before'} -> {change.after}")
    if vanished:
        raise BriefgenError(vanished)
