"""The hostile cases of round 8, by family: not the workspace's files (rounds 5 to 7) but what the process is started
with. Its standard streams closed, on a full device or abandoned by their reader; a signal (SIGINT, SIGTERM, SIGHUP)
at a random moment of a command that writes; the locale, the output encoding, the time zone, HOME, TMPDIR, the umask,
SOURCE_DATE_EPOCH and the BRIEFGEN_* variables; and text that would act on a terminal (ESC, CSI and OSC sequences,
bidi overrides, NUL, CR) in the names and values every reporting command prints. tests/fuzz_round8.py draws them
and checks the rules."""

from __future__ import annotations

import random
import shutil
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import edit, set_marker

FIRST_ID, FIRST_SEED = "gsw-ai-arms-race", "000_eab46a25288d9a93.txt"
REPORTERS = [("status",), ("status", "--json"), ("schema",), ("check",), ("check", "--json"), ("audiences",),
             ("history",), ("--help",), ("build", "--help"), ("seeds", "show", FIRST_ID), ("coverage",),
             ("suggest",), ("diff",), ("build", "--if-changed"), ("nosuch",)]
STREAMS = ["closed-in", "closed-out", "closed-err", "null-in", "full-out", "full-err", "gone-out"]
# what would act on a terminal: OSC (retitle), CSI (colour, clear), a bidi override, NUL, CR, a lone C1 control
HOSTILE = ["\x1b]0;owned\x07", "\x1b[2J\x1b[31m", "\u202eevil", "a\x00b", "over\rwritten", "\x9b31m", "\u2066x"]


@dataclass
class Case:
    args: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    stream: str = "pipe"  # one of STREAMS, or both captured
    signum: int | None = None  # sent `delay` seconds after the start
    delay: float = 0.0
    group: bool = False  # the signal sent to the command's process group, as a terminal sends Ctrl-C
    umask: int | None = None
    changes_briefs: bool = False  # the command may rightly publish (a build, a watch)


Family = Callable[[random.Random, Path], Case]


def streams(rng: random.Random, ws: Path) -> Case:
    """A reporting command, or a build of changed inputs, with one standard stream closed, full or abandoned."""
    if rng.random() < 0.25:
        set_marker(ws, rng.randint(1, 99))
        return Case(("build",), stream=rng.choice(STREAMS), changes_briefs=True)
    return Case(rng.choice(REPORTERS), stream=rng.choice(STREAMS))


def signals(rng: random.Random, ws: Path) -> Case:
    """SIGINT, SIGTERM or SIGHUP at a random moment (after start-up) of a command that writes, to the command alone
    or to its process group (its forked children too, as a terminal sends Ctrl-C)."""
    source = Path(__file__).parent / "corpus/html"
    page = rng.choice(sorted(source.glob("*.html")))
    shutil.copy(page, ws.parent / page.name)
    args = rng.choice([("build",), ("build", "--keep-history", "1"), ("check", "--no-cache"), ("watch",),
                       ("issue", "-a", "public"), ("seeds", "add", str(ws.parent / page.name)),
                       ("seeds", "update", FIRST_ID, str(ws / "seeds" / FIRST_SEED)), ("init", str(ws.parent / "new"))])
    if args[0] in ("build", "check", "watch"):  # an issue issues the last build: its inputs must not change
        set_marker(ws, rng.randint(1, 99))
    signum = rng.choice([signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
    return Case(args, signum=signum, delay=rng.uniform(0.3, 3.0), group=rng.random() < 0.5, changes_briefs=True)


_ENV_VALUES = {
    "LANG": ["C", "POSIX", "xx_YY.UTF-8", "ar_EG.ISO-8859-6", ""], "LC_ALL": ["C", "POSIX", "zz_ZZ", "tr_TR.UTF-8"],
    "PYTHONIOENCODING": ["ascii", "latin-1", "cp1252:strict", "ascii:ignore", "utf-8:surrogateescape"],
    "TZ": ["UTC-14", "UTC+12", "Nowhere/Invalid", ":/etc/passwd", "Pacific/Kiritimati", ""],
    "HOME": ["", "/nonexistent", "/proc", "/dev/null"], "TMPDIR": ["/nonexistent", "/etc/passwd", "/proc", ""],
    "SOURCE_DATE_EPOCH": ["-1", "0", "1e9", " 1700000000 ", "253402300799", "253402300800", "1.5", "\u0661\u0667"],
    "NO_COLOR": ["1", ""], "TERM": ["dumb", "xterm-256color", ""],
    "BRIEFGEN_WORKERS": ["0", "1", "-1", "two", "1.5", "9" * 12, "\u00b2"],
    "BRIEFGEN_LOCK_SECONDS": ["-1", "nan", "inf", "0", "1e9", "0x10"],
    "BRIEFGEN_RENDER_SECONDS": ["0", "1e-9", "nan", "3601", "soon"],
    "BRIEFGEN_RENDER_CHARS": ["0.5", "1", "1e10", "20000000.0", "-5"],
}


def environment(rng: random.Random, ws: Path) -> Case:
    """Two to four variables of the environment set to odd values, and sometimes an odd umask, for a build of
    changed inputs or a reporting command; sometimes with a seed titled in Arabic (not held by ASCII)."""
    env = {name: rng.choice(values) for name, values in rng.sample(sorted(_ENV_VALUES.items()), rng.randint(2, 4))}
    if rng.random() < 0.5:
        edit(ws / "seeds/sources.yaml", "Why North Korea", "لماذا Why North Korea")
    umask = rng.choice([None, 0o077, 0o777, 0o000])
    if rng.random() < 0.5:
        set_marker(ws, rng.randint(1, 99))
        return Case(("build",), env, umask=umask, changes_briefs=True)
    return Case(rng.choice(REPORTERS), env, umask=umask)


def terminal(rng: random.Random, ws: Path) -> Case:
    """Text that acts on a terminal in a catalogue title, a model value, a profile's file name or a command's
    argument, then a command that prints it."""
    text = rng.choice(HOSTILE)
    place = rng.choice(["title", "model", "profile name", "broken profile", "argument"])
    escaped = text.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    named = text.replace("\x00", "")  # a file name cannot hold NUL
    if place == "title":
        line = "title: Why North Korea is rushing to join the global AI arms race"
        edit(ws / "seeds/sources.yaml", line, f'title: "{escaped} {line[7:]}"')
    elif place == "model":
        line = "title: North Korea puts AI at the centre of its drone programme"
        edit(ws / "seeds/summary.yaml", line, f'title: "{escaped} {line[7:]}"')
    elif place == "profile name":
        shutil.copy(ws / "templates/executive.yaml", ws / f"templates/x{named}.yaml")
    elif place == "broken profile":
        (ws / f"templates/y{named}.yaml").write_text("template: nowhere.xml.j2\n", encoding="utf-8")
    args = rng.choice([*REPORTERS, ("build", "-a", named), ("seeds", "show", named), ("build",)])
    return Case(args, changes_briefs=args == ("build",))


FAMILIES: dict[str, Family] = {"streams": streams, "signals": signals, "environment": environment,
                               "terminal": terminal}
