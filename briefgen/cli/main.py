"""The command line: each command parses its options, then calls one plain function.

Heavy libraries (python-docx, reportlab) are imported only inside the commands that render.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import json
import os
import shlex
import signal
import sys
import traceback
import warnings
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from briefgen import __version__
from briefgen.cli.audiences import audiences
from briefgen.cli.options import TEXT, WORKSPACE, WORKSPACE_FOLDER, output_option, workspace_of, workspace_option
from briefgen.cli.process import (
    POLITE,
    Stopped,
    asked_to_stop,
    raise_held,
    ready_descriptors,
    received,
    stop_politely,
    stopped_code,
)
from briefgen.cli.seeds import seeds
from briefgen.cli.terminal import OutputLost, colour, guard_streams, json_text, say, say_styled
from briefgen.collector import lives_on, one_command
from briefgen.document.formats import FORMATS
from briefgen.errors import BriefgenError, Problem
from briefgen.safeio import os_problem
from briefgen.streamloss import ERR, OUT, lost
from briefgen.text import shown


class _Shown(click.ClickException):
    """A library error on its way out: printed as its located problems (no "Error:" prefix)."""

    def __init__(self, error: BriefgenError) -> None:
        super().__init__(error.format_message())  # exit code 1, as every BriefgenError

    def show(self, file: IO[Any] | None = None) -> None:
        say(self.format_message(), err=True, file=file)


# Commands whose module is imported only when one of them runs (or help lists them): the edition commands'
# module brings in the build records and issued editions, 30 ms and 1.6 MB no other command needs (issue 20).
_ON_DEMAND = {name: "briefgen.cli.editions" for name in ("status", "diff", "issue", "history")}


class _Briefgen(click.Group):
    """The command group that maps the library's errors to messages and exit codes, for every command."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_ON_DEMAND})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _ON_DEMAND and cmd_name not in self.commands:
            self.add_command(getattr(importlib.import_module(_ON_DEMAND[cmd_name]), cmd_name))
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BriefgenError as exc:
            raise _Shown(exc) from None
        except OSError as exc:  # the system refused something: the path named as the workspace's, where it is in it
            found = ctx.meta.get(WORKSPACE)
            where = found.rel(Path(exc.filename)) if found is not None and isinstance(exc.filename, str) else None
            raise _Shown(BriefgenError(os_problem(exc, where))) from None


@click.group(cls=_Briefgen, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@workspace_option
@click.option("--debug", is_flag=True, help="Show Python tracebacks for internal errors.")
def cli(workspace: Path | None, debug: bool) -> None:
    """briefgen: short, sourced briefs whose every claim is verified against its seed documents."""


cli.add_command(seeds)
cli.add_command(audiences)


@cli.command()
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report.")
@click.option("--strict", is_flag=True, help="Treat warnings as failures.")
@click.option("--no-cache", is_flag=True, help="Verify everything even if no input changed since the last check.")
@click.pass_context
def check(ctx: click.Context, workspace: Path | None, as_json: bool, strict: bool, no_cache: bool) -> None:
    """Validate the model and catalogue, verify every passage against the seeds, lint the language."""
    from briefgen.regen.checking import check_verdict

    coloured = not as_json and colour()
    try:
        verdict, checked = check_verdict(workspace_of(ctx, workspace), no_cache, verified=coloured, as_json=as_json)
    except BriefgenError as exc:
        if not as_json:
            raise
        say(json_text({"ok": False, "counts": {}, "items": [], "problems": [p.to_json() for p in exc.problems]}))
        # a file that cannot be read at all: still JSON on stdout
        ctx.exit(1)
    if checked is not None and coloured:
        from briefgen.verify.check import report_text

        say_styled(lambda style: report_text(checked, strict, style))
        ctx.exit(1 if checked.failed(strict) else 0)
    failed = verdict.failed_strict if strict else verdict.failed
    output = verdict.report(as_json)
    say(_strict_view(output, as_json, strict, failed))
    ctx.exit(1 if failed else 0)


def _strict_view(output: str, as_json: bool, strict: bool, failed: bool) -> str:
    """The stored (non-strict) report, with the verdict `--strict` gives."""
    if as_json:  # stored compact (the C encoder is ~10x faster on 10,000 items), printed readable
        data = json.loads(output)
        data["ok"] = not failed
        return json_text(data)
    if not strict:
        return output
    return output.replace(" — OK", " — FAILED") if failed else output


@cli.command()
@workspace_option
@click.option("-a", "--audience", "audiences", multiple=True, type=TEXT,
              help="Audience to build (repeatable; default all).")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(FORMATS),
              help="Format to write (repeatable; default both).")
@output_option
@click.option("--strict", is_flag=True, help="Refuse to build when check reports warnings.")
@click.option("--if-changed", is_flag=True, help="Rebuild only audiences whose inputs changed; else exit at once.")
@click.option("--keep-history", type=click.IntRange(min=0), default=None, metavar="N",
              help="After building, prune output/history/ to the N newest builds, and output/.builds/ to the "
              "records they, issued versions and the N newest builds need (default: keep all).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when there is nothing to do.")
@click.pass_context
def build(ctx: click.Context, workspace: Path | None, audiences: tuple[str, ...], formats: tuple[str, ...],
          out: Path | None, strict: bool, if_changed: bool, keep_history: int | None, quiet: bool) -> None:
    """Check, then write OUT/<audience>.docx and .pdf; print pages, footnotes and what was left out."""
    from briefgen.regen.build import build as run_build

    ws = workspace_of(ctx, workspace)
    report = run_build(ws, audiences, formats or FORMATS, out, strict=strict, if_changed=if_changed,
                       keep_history=keep_history)
    for written in report.written:
        say(written.line(ws))
    if report.up_to_date and not quiet:
        say(f"up to date: {', '.join(report.unchanged)} (nothing rebuilt)")


@cli.command()
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report.")
@click.pass_context
def coverage(ctx: click.Context, workspace: Path | None, as_json: bool) -> None:
    """For each seed: the paragraphs the model cites, and the substantive ones it does not use yet."""
    from briefgen.authoring.coverage import coverage as seed_coverage
    from briefgen.authoring.coverage import report_text
    from briefgen.verify.check import run_check

    report = seed_coverage(run_check(workspace_of(ctx, workspace), draft=True))
    say(json_text([s.to_json() for s in report]) if as_json else report_text(report))


@cli.command()
@workspace_option
@click.argument("seed", metavar="[SOURCE]", required=False, type=TEXT)
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, help="How many suggestions (default 20).")
@click.pass_context
def suggest(ctx: click.Context, workspace: Path | None, seed: str | None, limit: int) -> None:
    """Numbers and quoted words in the seeds (or in the one source SOURCE, by its id) that no item uses yet, as
    YAML to paste."""
    from briefgen.authoring.suggest import suggest as find
    from briefgen.verify.check import run_check

    checked = run_check(workspace_of(ctx, workspace), draft=True)
    if seed and seed not in checked.verification.seeds:
        raise BriefgenError(Problem("seeds/sources.yaml", f"no readable seed with source id {seed!r}", hint=(
            "give a source's id as seeds/sources.yaml lists it: " + ", ".join(sorted(checked.verification.seeds))
            if checked.verification.seeds else "add a seed with `briefgen seeds add FILE`")))
    found = find(checked, seed, limit)
    say("\n".join(s.yaml() for s in found) if found else "nothing to suggest: the model uses every "
               "number and quotation the seeds hold")


@cli.command()
@click.argument("which", type=click.Choice(["summary", "sources"]), default="summary")
def schema(which: str) -> None:
    """Print the JSON Schema of summary.yaml (or sources.yaml) for editor completion."""
    from briefgen.model.schema import Catalogue, Summary, json_schema

    say(json.dumps(json_schema(Summary if which == "summary" else Catalogue), indent=2))


@cli.command()
@workspace_option
@click.option("-a", "--audience", "audiences", multiple=True, type=TEXT,
              help="Audience to rebuild (repeatable; default all).")
@output_option
@click.pass_context
def watch(ctx: click.Context, workspace: Path | None, audiences: tuple[str, ...], out: Path | None) -> None:
    """Rebuild when seeds, model or templates change; survives errors; Ctrl-C exits cleanly."""
    from briefgen.regen.watch import watch as run_watch

    lives_on()
    run_watch(workspace_of(ctx, workspace), audiences, out, say, lambda text: say(text, err=True),
              stopping=asked_to_stop)


@cli.command()
@click.argument("directory", metavar="DIR", type=WORKSPACE_FOLDER)
def init(directory: Path) -> None:
    """Scaffold a new workspace: seeds/ with an empty catalogue and skeleton model, templates/."""
    from briefgen.authoring.scaffold import init_workspace

    for path in init_workspace(directory):
        say(f"created {shown(str(path), line_feeds=False)}")
    # a folder named with spaces or quotes: the commands as a shell takes them, on one line
    quoted = shown(shlex.quote(str(directory)), line_feeds=False)
    say(f"next: add your source documents with `briefgen -C {quoted} seeds add FILE...`, complete their "
        f"entries in seeds/sources.yaml, write seeds/summary.yaml, then run `briefgen -C {quoted} check`.")


def main() -> None:
    """Console entry point: user errors print located messages; only --debug shows tracebacks."""
    ready_descriptors()
    stop_politely(calm=main.__code__)  # a signal landing in these lines is kept for the exit code, not raised
    failure: BaseException | None = None
    code = 1
    try:
        code = _run("--debug" in sys.argv[1:])
    except KeyboardInterrupt as exc:  # Ctrl-C outside click's own handling (which says "Aborted." itself)
        _last_word("Aborted.")
        failure = exc
    except (Stopped, OutputLost) as exc:  # a signal, or a standard stream lost
        failure = exc
    signal.pthread_sigmask(signal.SIG_BLOCK, POLITE)  # the command is over: nothing interrupts its ending
    _leave(code if failure is None else _stopped(failure))


def _run(debug: bool) -> int:
    raise_held()  # a signal that came while the command line was imported: nothing was read or written yet
    # pydantic looks up installed plugins through importlib.metadata on import (~30 ms); briefgen uses none.
    # Set here, by the program, not on import of the library (a library leaves its host's environment alone).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if not debug:
        # A library's warning about a user's file (Pillow's DecompressionBombWarning for a huge logo, its "Invalid
        # APNG", zipfile's "Duplicate name") printed its source path and line among briefgen's messages; briefgen
        # says what is wrong with the file itself, at its own location. --debug shows them.
        warnings.simplefilter("ignore")
    guard_streams()
    one_command()
    return _exit_code(debug)


def _exit_code(debug: bool) -> int:
    try:
        code = cli.main(standalone_mode=False, prog_name="briefgen")
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except BriefgenError as exc:  # raised while the group's own options were read, before any command ran
        say(exc.format_message(), err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        say("Aborted.", err=True)
        return 130
    except SystemExit as exc:  # sys.exit's convention: a message is printed to stderr, with status 1
        if isinstance(exc.code, str):
            say(exc.code, err=True)
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    except OSError as exc:  # the system refused something (no space, read-only, permissions): not a bug
        say(BriefgenError(os_problem(exc)).format_message(), err=True)
        return 1
    except Exception as exc:  # a bug in briefgen, not a user mistake
        if debug:
            traceback.print_exc()
        say(f"briefgen: internal error: {exc!r} (run with --debug for the traceback)", err=True)
        return 3
    return code if isinstance(code, int) else 0


def _stopped(exc: BaseException) -> int:
    """The exit code of a command stopped by a signal or by the loss of its output; only an output that failed
    otherwise than by its reader going away (a full device) is said, on standard error where it can be."""
    failed = lost(OUT)
    if not isinstance(exc, OutputLost) or failed is None:
        return stopped_code()  # quiet, as git and the shell's tools are
    if failed.errno != errno.EPIPE:
        _last_word(Problem(OUT, f"cannot be written: {os_problem(failed).message}", hint=(
            "what the command did is done; only what it printed is lost: send it where there is room")).format())
    return _lost_code(failed)


def _lost_code(error: OSError) -> int:
    """A command whose printing failed: 141 for a reader gone, as git's and the shell's tools end (killed by
    SIGPIPE), else 1; what the command did is done either way."""
    return 128 + signal.SIGPIPE if error.errno == errno.EPIPE else 1


def _last_word(text: str) -> None:
    with contextlib.suppress(OutputLost, OSError, ValueError):  # a stream not guarded yet, or closed
        say(text, err=True)


def _leave(code: int) -> NoReturn:
    """End the process once what it printed is flushed, without tearing its objects down one by one (at
    10,000 items, a million of them: a tenth of a `check`). Every file a command writes is closed or renamed
    into place before the command returns; only the standard streams can still hold output. A signal the
    command took for Ctrl-C (watch's) still ends the process with its own code."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OutputLost as exc:  # a closed pipe (`briefgen check | head`): nothing more can be shown
            code = code or _stopped(exc)
        except (OSError, ValueError):
            code = code or 1
    unshown = lost(ERR)  # a warning that could not be shown: the command went on, its code says it
    code = code or (_lost_code(unshown) if unshown else 0)
    signum = received()
    os._exit(128 + signum if signum and code in (0, 130) else code)
