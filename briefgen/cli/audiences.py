"""`briefgen audiences [new NAME]`: list the audiences, or start a new one in templates/."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen.cli.options import TEXT, briefgen_for, workspace_of, workspace_option
from briefgen.cli.terminal import say


@click.group(invoke_without_command=True)
@workspace_option
@click.pass_context
def audiences(ctx: click.Context, workspace: Path | None) -> None:
    """List the audiences with their template, page limit, formats and ceiling (`new` starts one)."""
    if ctx.invoked_subcommand is not None:
        return
    from briefgen.render.audiences import audience_names, profile_path
    from briefgen.render.profiles import load_profile

    ws = workspace_of(ctx, workspace)
    rows = [("audience", "template", "pages", "formats", "ceiling", "profile")]
    for name in audience_names(ws):
        profile = load_profile(ws, name)
        origin = ws.rel(profile_path(ws, name))
        rows.append((name, profile.template, str(profile.max_pages or "-"), ",".join(profile.formats),
                     profile.ceiling or "-", origin if not origin.startswith("/") else "(bundled)"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        say("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@audiences.command()
@workspace_option
@click.argument("name", type=TEXT)
@click.option("--from", "source", type=TEXT, default="executive", show_default=True, metavar="AUDIENCE",
              help="The audience to start from (bundled or in templates/).")
@click.option("--template", "with_template", is_flag=True,
              help="Also copy its template to templates/NAME.xml.j2, to change the layout.")
@click.pass_context
def new(ctx: click.Context, workspace: Path | None, name: str, source: str, with_template: bool) -> None:
    """Write templates/NAME.yaml (and with --template its template) from an existing audience, ready to edit."""
    from briefgen.authoring.audience_new import new_audience

    ws = workspace_of(ctx, workspace, required=True)
    for path in new_audience(ws, name, source, with_template):
        say(f"created {ws.rel(path)} (from {source})")
    command = briefgen_for(ws)
    say(f"next: edit {ws.rel(ws.templates / f'{name}.yaml')}, then run `{command} check` and "
        f"`{command} build -a {name}`")
