"""`status`, `diff`, `issue` and `history`: how the briefs stand against their builds and issued versions."""

from __future__ import annotations

import os
from pathlib import Path

import click

from briefgen.cli.options import TEXT, output_option, workspace_of, workspace_option
from briefgen.cli.terminal import json_text, say
from briefgen.regen.since import SINCE, SINCE_HELP


def _since(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not SINCE.match(value):
        raise click.BadParameter(f"{value!r} is neither a version nor a build: give {SINCE_HELP}")
    return value


since_option = click.option("--since", metavar="VERSION|BUILD", type=TEXT, default=None, callback=_since,
                            help=f"Compare with {SINCE_HELP} instead of the last issued version.")


@click.command()
@workspace_option
@output_option
@since_option
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report.")
@click.pass_context
def status(ctx: click.Context, workspace: Path | None, out: Path | None, since: str | None, as_json: bool) -> None:
    """Is each brief up to date? Which inputs changed, which items they affect, what changed since the
    last issued version, and whether a published file was edited by hand."""
    from briefgen.regen.status import workspace_status

    ws = workspace_of(ctx, workspace, required=True)
    state = workspace_status(ws, out, since)
    if as_json:
        say(json_text(state.to_json()))
        ctx.exit(1 if state.problems else 0)
    for name in state.changed_inputs:
        say(f"changed: {name}")
    for aud in state.audiences:
        line = f"{aud.name}: {'up to date' if aud.up_to_date else 'out of date — ' + aud.reason}"
        say(line + (f" (affects {', '.join(aud.affected_names)})" if aud.affected_names else ""))
        for name in aud.edited:
            say(f"  {name}: edited after briefgen wrote it (its digest no longer matches briefgen.lock); "
                       "`briefgen build` writes it again, the edited copy kept in history")
        for name in aud.issued_changed:
            say(f"  {name}: changed or gone since it was issued (issued/issued.json has its digest); restore it "
                "from a backup: it is the record of what readers hold")
        if aud.since:
            say(f"  {len(aud.changes) or 'no'} change{'s' if len(aud.changes) != 1 else ''} since {aud.since}"
                       + (":" if aud.changes else ""))
            for change in aud.changes:
                say(f"    {change['what']} {change['detail']}")
    for problem in state.problems:
        say(problem.format(), err=True)
    ctx.exit(1 if state.problems else 0)


@click.command()
@workspace_option
@click.option("-a", "--audience", "audiences", multiple=True, type=TEXT,
              help="Audience to compare (repeatable; default: every audience issued, else the whole model).")
@output_option
@since_option
@click.pass_context
def diff(ctx: click.Context, workspace: Path | None, audiences: tuple[str, ...], out: Path | None,
         since: str | None) -> None:
    """What changed in the model and its evidence since the last issued version (or last build)."""
    from briefgen.regen.report import diff_report

    for found in diff_report(workspace_of(ctx, workspace, required=True), audiences, since, out):
        for line in found.lines():
            say(line)


@click.command()
@workspace_option
@click.option("-a", "--audience", "audiences", multiple=True, type=TEXT,
              help="Audience to issue (repeatable; default: all built).")
@click.option("--note", type=TEXT, default="", help="A note kept with the version and printed in its document control.")
@output_option
@click.pass_context
def issue(ctx: click.Context, workspace: Path | None, audiences: tuple[str, ...], note: str,
          out: Path | None) -> None:
    """Mark the latest build of each audience as issued: version N, dated, kept as issued in output/issued/."""
    from briefgen.regen.issued import long
    from briefgen.regen.issuing import issue as run_issue

    ws = workspace_of(ctx, workspace)
    for name, entry in run_issue(ws, audiences, " ".join(note.split()), out):
        say(f"issued {name} version {entry.version} on {long(entry.date)}: "
                   f"{ws.rel(entry.folder(ws.output if out is None else Path(os.path.realpath(out)), name))}")


@click.command()
@workspace_option
@output_option
@click.pass_context
def history(ctx: click.Context, workspace: Path | None, out: Path | None) -> None:
    """List the builds recorded and the versions issued, with where their files are kept."""
    from briefgen.regen.report import history_lines

    for line in history_lines(workspace_of(ctx, workspace, required=True), out):
        say(line)
