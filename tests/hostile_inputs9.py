"""The hostile cases of round 9, by family: the moments and places rounds 5 to 8 did not reach. A signal in the
first 150 ms, while Python imports the command line; a build that warns with its standard error full or abandoned;
YAML the model, the catalogue and the profiles should never hold (tags, merge keys, huge or non-finite numbers,
dates and nulls as keys, duplicate keys deep down, BOM and CR line ends, a 10 MB line); templates that loop,
recurse, build huge values, reach for Python's internals, include what lies outside templates/, or write markup
no brief shows; and files that are not what their names promise (a seed become a folder, a FIFO or a socket; names
with line feeds, of 255 bytes, NFC and NFD twins). tests/fuzz_round9.py draws them and checks the rules."""

from __future__ import annotations

import os
import random
import signal
import socket
import unicodedata
from pathlib import Path

from tests.helpers import edit, set_marker
from tests.hostile_inputs8 import FIRST_SEED, Case, Family

FAST = [("status",), ("check",), ("audiences",), ("schema",), ("--version",), ("history",), ("build",)]
LIMITS = "limits: {judgments: 6, figures: 6, quotes: 3}"
YAML_VALUES = ["!!python/object/apply:os.system ['true']", "!!binary aGVsbG8=", "!!set {a, b}", "1e400", ".nan",
               "-.inf", "9" * 5000, "{2025-01-01: 1}", "{~: 1}", "{[a]: 1}", "&x {a: 1}", "*nowhere", "!!timestamp 1",
               "2025-02-30", "{<<: {a: 1}}", "[" * 2000, "'" + "x" * 10_000_000 + "'"]
PLACES = [("seeds/summary.yaml", "  author: briefgen example workspace", "  author: {}"),
          ("seeds/sources.yaml", "    originator: Global South World", "    originator: {}"),
          ("templates/public.yaml", LIMITS, "limits: {{judgments: {}, figures: 6, quotes: 3}}"),
          ("templates/public.yaml", "banner: ", "extra: {}\nbanner: ")]
TEMPLATES = ["{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
             "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "<p>{{ 'x' * 10**9 }}</p>",
             "<p>{{ 2 ** 100000000 }}</p>", "<p>{{ '{:>999999999}'.format('x') }}</p>",
             "<p>{{ brief.__class__.__mro__ }}</p>", "<p>{{ cite.__globals__ }}</p>", "{% include 'public.xml.j2' %}",
             "{% include '/etc/passwd' %}", "{% include '../seeds/summary.yaml' %}", "{% import '../../x' as x %}",
             "<p>{{ (10**5000)|string }}</p>", "<p>{{ range(10)|slice(0)|list }}</p>", "{{ " + "(" * 2000 + "1"
             + ")" * 2000 + " }}", "Stray words.", "<ul>lead<li>a</li></ul>", "<table><col>A</col><tr><th>x</th>"
             "</tr></table>", "<box title='b'><p>a</p>tail</box>", "<p>{{ ('x' * 10000).join(['y' * 10000] * 3000) }}"
             "</p>", "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"]


def startup(rng: random.Random, ws: Path) -> Case:
    """SIGINT, SIGTERM or SIGHUP within 150 ms of the start: while Python imports briefgen and the command line."""
    signum = rng.choice([signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
    return Case(rng.choice(FAST), signum=signum, delay=rng.uniform(0, 0.15), changes_briefs=True)


def unshown(rng: random.Random, ws: Path) -> Case:
    """A build that warns (a damaged build record) with its standard error on a full device or abandoned."""
    (ws / "output/briefgen.lock").write_text("garbage\n", encoding="utf-8")
    set_marker(ws, rng.randint(1, 99))
    return Case(("build",), stream=rng.choice(["full-err", "gone-err"]), changes_briefs=True)


def yaml(rng: random.Random, ws: Path) -> Case:
    """One value the YAML files should never hold, at one of four places, with sometimes a BOM and CR line ends."""
    path, old, new = rng.choice(PLACES)
    edit(ws / path, old, new.format(rng.choice(YAML_VALUES)))
    if rng.random() < 0.3:
        raw = (ws / path).read_bytes()
        (ws / path).write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", rng.choice([b"\r\n", b"\r"]), rng.randint(1, 60)))
    return Case(rng.choice([("check",), ("build",), ("status",)]), changes_briefs=False)


def templates(rng: random.Random, ws: Path) -> Case:
    """The public template's BLUF block replaced by one that loops, recurses, grows, pries or strays."""
    body = rng.choice(TEMPLATES)
    (ws / "templates/public.xml.j2").write_text(
        '{% extends "base.xml.j2" %}\n{% block bluf %}\n' + body + "\n{% endblock %}\n", encoding="utf-8")
    return Case(rng.choice([("build",), ("build", "-a", "public"), ("check",)]), changes_briefs=False)


def _kind(rng: random.Random, path: Path) -> None:
    """`path` made again as something other than a regular file."""
    path.unlink()
    made = rng.choice(["folder", "fifo", "socket", "loop"])
    if made == "folder":
        path.mkdir()
    elif made == "fifo":
        os.mkfifo(path)
    elif made == "socket":
        with socket.socket(socket.AF_UNIX) as unix:
            unix.bind(str(path))
    else:
        path.symlink_to(path.name)


def files(rng: random.Random, ws: Path) -> Case:
    """A seed that is no regular file, or a seed or profile under a name with a line feed, of 255 bytes, or with
    an NFC and an NFD twin."""
    seed = ws / "seeds" / FIRST_SEED
    what = rng.choice(["kind", "seed name", "profile name"])
    if what == "kind":
        _kind(rng, seed)
    else:
        name = rng.choice(["new\nline", "a" * 250, unicodedata.normalize("NFD", "café"), "café"])
        if what == "seed name":
            seed.rename(seed.with_name(f"{name}.txt"))
            escaped = name.encode("unicode_escape").decode()  # YAML's double quotes read \n, \xe9 and \u0301 back
            edit(ws / "seeds/sources.yaml", f"file: {FIRST_SEED}", f'file: "{escaped}.txt"')
        else:
            (ws / "templates" / f"{name}.yaml").write_bytes((ws / "templates/public.yaml").read_bytes())
    return Case(rng.choice([("check",), ("build",), ("audiences",), ("seeds", "show", "gsw-ai-arms-race")]))


FAMILIES: dict[str, Family] = {
    "startup": startup, "unshown": unshown, "yaml": yaml, "templates": templates, "files": files}
