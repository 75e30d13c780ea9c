"""The program's entry (the console script's and `python -m briefgen`'s): it holds the polite signals before it
imports the command line, so that Ctrl-C, SIGTERM or SIGHUP arriving while click and the commands are imported
ends the process as one arriving during a command does (130 and "Aborted.", 143, 129; no traceback). Only the
interpreter's own start-up and `import briefgen` come before it (see README, Limits)."""

from __future__ import annotations

from briefgen.cli.process import hold_at_start


def main() -> None:
    hold_at_start()
    from briefgen.cli.main import main as run  # imported once the signals are held

    run()
