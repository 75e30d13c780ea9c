"""The hostile inputs of round 5, by family: YAML forms and encodings, template constructs, profile values, seed
file names, state files, clocks, a file size limit and a kill mid-build. Each mutation changes a copy of a
built workspace and says how to run briefgen on it; tests/fuzz_round5.py draws them and checks the rules."""

from __future__ import annotations

import contextlib
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT


@dataclass
class Run:
    args: tuple[str, ...] = ("build",)
    env: dict[str, str] = field(default_factory=dict)
    fsize: int | None = None  # RLIMIT_FSIZE in bytes (a disk that fills up, by the writer's own limit)
    kill_after: float | None = None  # SIGKILL the command this long after its start, then build again
    twin: tuple[str, ...] = ()  # a second command started at the same moment (two builds at once)


Mutation = Callable[[random.Random, Path], Run]
MODEL, CATALOGUE, PROFILE = "seeds/summary.yaml", "seeds/sources.yaml", "templates/executive.yaml"
TEMPLATE = "templates/executive.xml.j2"
COMMANDS = (("check",), ("build",), ("status",), ("build", "-a", "executive"), ("issue", "-a", "executive"),
            ("seeds", "show", "gsw-ai-arms-race"), ("audiences",), ("diff",), ("coverage",))


def _text(ws: Path, rel: str) -> str:
    return (ws / rel).read_text(encoding="utf-8")


def _put(ws: Path, rel: str, data: str | bytes) -> None:
    (ws / rel).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


# YAML: forms a hand or a tool can write, spliced in place of one value of the model, the catalogue or a profile

YAML_VALUES = [
    "&a [1, 2]", "*nowhere", "!!python/object/apply:os.system ['touch /tmp/pwned']", "!!binary aGVsbG8=",
    "!!set {a, b}", "!!omap [a: 1]", "!custom x", ".nan", ".inf", "-.inf", "1e400", "0x1F", "0o17", "1_000",
    "2025-09-19", "2025-09-19T10:00:00Z", "no", "on", "~", "null", "[]", "{}", "{? [a]: b}", "[[[[[[[[1]]]]]]]]",
    "\"\\ud800\"", "\"\\x00\"", "'\u202e'", "\"a\\u2028b\"", "|\n  block\n  text", ">-\n  folded", "?", "- - -",
    "{a: 1, a: 2}", "{1: x}", "{null: x}", "{[1]: x}", "9" * 1200, "-0", "+1", "1.5", "12:30:00", "=", "<<",
]


def yaml_value(rng: random.Random, ws: Path) -> Run:
    rel = rng.choice([MODEL, CATALOGUE, PROFILE])
    lines = _text(ws, rel).split("\n")
    spots = [n for n, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    n = rng.choice(spots)
    key = lines[n].split(": ", 1)[0]
    lines[n] = f"{key}: {rng.choice(YAML_VALUES)}"
    _put(ws, rel, "\n".join(lines))
    return Run(rng.choice([("check",), ("build",), ("status",)]))


def yaml_bytes(rng: random.Random, ws: Path) -> Run:
    rel = rng.choice([MODEL, CATALOGUE, PROFILE])
    text = _text(ws, rel)
    form = rng.choice(["bom", "utf16", "utf16le", "utf32", "nul", "crlf", "cr", "tabs", "long", "bomb",
                       "deep", "merge", "dupkey", "empty", "only-comment", "latin1", "lone-cr-in-value", "ff"])
    data: bytes
    if form == "bom":
        data = b"\xef\xbb\xbf" + text.encode()
    elif form in ("utf16", "utf16le", "utf32"):
        data = text.encode({"utf16": "utf-16", "utf16le": "utf-16-le", "utf32": "utf-32"}[form])
    elif form == "nul":
        at = rng.randrange(len(text))
        data = (text[:at] + "\0" + text[at:]).encode()
    elif form in ("crlf", "cr"):
        data = text.replace("\n", "\r\n" if form == "crlf" else "\r").encode()
    elif form == "tabs":
        data = text.replace("  ", "\t", rng.randint(1, 5)).encode()
    elif form == "long":
        data = (text + "\nx_long: " + "word " * rng.choice([10_000, 400_000]) + "\n").encode()
    elif form == "bomb":
        rows = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]"
                                                           for i in range(1, 9)]
        data = (text + "\n" + "\n".join(rows) + "\n").encode()
    elif form == "deep":
        depth = rng.choice([31, 33, 200, 5000])
        data = (text + "\nx_deep: " + "[" * depth + "]" * depth + "\n").encode()
    elif form == "merge":
        data = (text + "\nbase: &b {title: x}\nother:\n  <<: *b\n").encode()
    elif form == "dupkey":
        first = next(line for line in text.split("\n") if line and line[0].isalpha())
        data = (text + "\n" + first + "\n").encode()
    elif form == "empty":
        data = b""
    elif form == "only-comment":
        data = b"# nothing here\n"
    elif form == "latin1":
        data = text.encode() + "\n# caf\xe9\n".encode("latin-1")
    elif form == "ff":
        data = text.replace("\n", "\n\f", 1).encode()
    else:
        data = text.replace(": ", ": \r", 1).encode()
    _put(ws, rel, data)
    return Run(rng.choice([("check",), ("build",), ("status",), ("audiences",)]))


# Templates: sandbox escapes, recursion, loops, reaching out of templates/, undefined names, syntax errors

TEMPLATE_BODIES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ cite.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{% macro r(n) %}{{ r(n) }}{% endmacro %}{{ r(1) }}", "{% for i in range(10**9) %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% include '../seeds/summary.yaml' %}", "{% include '/etc/passwd' %}", "{% extends '../../x' %}",
    "{% include 'executive.xml.j2' %}", "{{ nosuch.attr.deeper }}", "{{ nosuch() }}", "{% if %}", "{% for %}",
    "{{ 'x' * 100000000 }}", "{{ range(10)|join('x' * 10000000) }}", "{{ lipsum(100000) }}",
    "{% set x = [] %}{% for i in range(10**6) %}{% do x.append(i) %}{% endfor %}", "{{ (1,)|first|attr('real') }}",
    "{{ judgments|map(attribute='__class__')|list }}", "{% import 'base.xml.j2' as b %}{{ b }}",
    "{{ '%s'|format(judgments) }}", "{{ 1/0 }}", "{{ 10**10**10 }}", "{{ {}|tojson }}", "{{ '\x00' }}",
    "<p>{{ '\U0001F600' * 3 }}</p>", "<unknowntag/>", "<p><p><p>", "{{ brief.title|wordwrap(0) }}",
    "{{ brief|attr('model_dump')() }}", "{{ range(2**62)|length }}", "{{ ''|center(10**9) }}",
]


def template(rng: random.Random, ws: Path) -> Run:
    body = rng.choice(TEMPLATE_BODIES)
    _put(ws, TEMPLATE, '{% extends "base.xml.j2" %}\n{% block bluf %}\n' + body + "\n{% endblock %}\n")
    return Run(rng.choice([("check",), ("build", "-a", "executive")]), env={"BRIEFGEN_RENDER_SECONDS": "5"})


PROFILE_LINES = [
    "max_pages: 0", "max_pages: -1", "max_pages: 100000", "max_pages: 1e9", "max_pages: .nan", "formats: pdf",
    "formats: [pdf, pdf]", "limits: {judgments: -1}", "limits: {judgments: 1e400}", "limits: {nothing: 1}",
    "sections: []", "sections: [nope]", "confidence: maybe", "ceiling: ''", "ceiling: [TLP:RED]",
    "look: {page_size: [0, 0]}", "look: {page_size: A9}", "look: {margins_mm: [-5, 0, 0, 0]}",
    "look: {margins_mm: [1000, 1000, 1000, 1000]}", "look: {accent: '#GGGGGG'}", "look: {accent: 12}",
    "look: {logo: /etc/passwd}", "look: {logo: ../seeds/summary.yaml}", "look: {fonts: {body: /dev/zero}}",
    "look: {reference_docx: /dev/stdin}", "template: /etc/passwd", "template: ../seeds/summary.yaml",
    "template: ''", "template: executive.yaml", "chart: {figures: []}", "chart: {figures: [nope]}",
    "banner: \"\\u202e\"", "footer: \"" + "x" * 30000 + "\"", "description: \"\\t\"", "show_likelihood: maybe",
]


def profile(rng: random.Random, ws: Path) -> Run:
    keep = [line for line in _text(ws, PROFILE).split("\n")
            if not line.startswith(tuple(k.split(":")[0] + ":" for k in PROFILE_LINES))]
    chosen = rng.choice(PROFILE_LINES)
    keep = [line for line in keep if not line.startswith(chosen.split(":")[0] + ":")]
    _put(ws, PROFILE, "\n".join([*keep, chosen]) + "\n")
    return Run(rng.choice([("check",), ("build", "-a", "executive"), ("audiences",)]))


# Seed file names: the catalogue names a file under a name like, but not quite, its own

def seed_name(rng: random.Random, ws: Path) -> Run:
    seed = ws / "seeds/000_eab46a25288d9a93.txt"
    name = rng.choice(["caf\u00e9.txt", "cafe\u0301.txt", "-rf.txt", "--help.txt", "a\nb.txt", "a\rb.txt",
                       "a\x1bb.txt", " lead.txt", "trail .txt", "x" * 250 + ".txt", "x" * 300 + ".txt",
                       "UPPER.TXT", "a:b.txt", "con.txt", ".hidden.txt", "a\u200bb.txt", "sub/../x.txt"])
    listed = rng.choice([name, name.upper(), name.replace("\u00e9", "e\u0301"), name.replace("e\u0301", "\u00e9")])
    with contextlib.suppress(OSError):  # a name the file system refuses: the catalogue names a missing file
        seed.rename(ws / "seeds" / os.path.basename(name))
    quoted = '"' + listed.encode("unicode_escape").decode().replace('"', '\\"') + '"'
    _put(ws, CATALOGUE, _text(ws, CATALOGUE).replace("file: 000_eab46a25288d9a93.txt", f"file: {quoted}"))
    return Run(rng.choice([("check",), ("build",), ("seeds", "show", "gsw-ai-arms-race"), ("status",)]))


def seed_add(rng: random.Random, ws: Path) -> Run:
    name = rng.choice(["-x.txt", "a\nb.txt", "x" * 250 + ".txt", "sp ace.md", "caf\u00e9.txt", "e\u0301.txt"])
    path = ws.parent / name
    path.write_bytes(rng.choice([b"A plain line of text about drones.\n", b"", b"\xff\xfe\x00", b"\0" * 64,
                                 "\ufeffBOM line\r\n".encode()]))
    return Run(("seeds", "add", "--", str(path)))


# State files briefgen wrote itself: truncated, emptied, replaced by a folder, a link or a named pipe

def state(rng: random.Random, ws: Path) -> Run:
    candidates = [p for p in (ws / "output").rglob("*") if p.is_file() and p.suffix not in (".docx", ".pdf")]
    target = rng.choice(candidates)
    how = rng.choice(["truncate", "empty", "folder", "link-out", "link-loop", "fifo", "garbage", "huge-json"])
    target.unlink()
    if how == "truncate":
        target.write_bytes(b'{"version": 1, "x": [')
    elif how == "empty":
        target.write_bytes(b"")
    elif how == "folder":
        target.mkdir()
    elif how == "link-out":
        target.symlink_to(ws.parent / "decoy" / "secret.txt")
    elif how == "link-loop":
        target.symlink_to(target.name)
    elif how == "fifo":
        os.mkfifo(target)
    elif how == "garbage":
        target.write_bytes(bytes(rng.randrange(256) for _ in range(512)))
    else:
        target.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    return Run(rng.choice(COMMANDS))


def clock(rng: random.Random, ws: Path) -> Run:
    when = rng.choice([0, 1, 2**31 - 1, 4102444800, 32503680000, -86400])
    for path in rng.sample(sorted(p for p in ws.rglob("*") if p.is_file()), 5):
        os.utime(path, (when, when))
    as_of = rng.choice(["0001-01-01", "9999-12-31", "2025-09-19"])
    _put(ws, MODEL, _text(ws, MODEL).replace('as_of: "2025-09-19"', f'as_of: "{as_of}"'))
    epoch = rng.choice(["", "0", "253402300799", "-1", "1700000000.5"])
    return Run(rng.choice(COMMANDS), env={"SOURCE_DATE_EPOCH": epoch} if epoch else {})


def full_disk(rng: random.Random, ws: Path) -> Run:
    _put(ws, MODEL, _text(ws, MODEL).replace("Kim Jong Un has made", "Kim Jong Un made", 1))
    return Run(rng.choice([("build",), ("issue",), ("seeds", "add", str(ROOT / "README.md"))]),
               fsize=rng.choice([0, 1, 4096, 20_000, 60_000, 200_000]))


def killed(rng: random.Random, ws: Path) -> Run:
    _put(ws, MODEL, _text(ws, MODEL).replace("Kim Jong Un has made", "Kim Jong Un made", 1))
    return Run(("build",), kill_after=rng.uniform(0.2, 4.0))


def update(rng: random.Random, ws: Path) -> Run:
    """`seeds update` given something that is not a newer document, or an entry that names no document."""
    given = ws.parent / "newer.txt"
    how = rng.choice(["fifo", "zero", "folder", "link", "huge", "empty", "catalogue", "itself", "nul"])
    if how == "fifo":
        os.mkfifo(given)
    elif how == "zero":
        given.symlink_to("/dev/zero")
    elif how == "folder":
        given.mkdir()
    elif how == "link":
        given.symlink_to(ws / "seeds/000_eab46a25288d9a93.txt")
    elif how == "huge":
        given.write_bytes(b"x" * (6 * 1024 * 1024))
    elif how == "empty":
        given.write_bytes(b"")
    elif how == "nul":
        given.write_bytes(b"text\0more\n")
    else:
        given = ws / ("seeds/sources.yaml" if how == "catalogue" else "seeds/000_eab46a25288d9a93.txt")
    value = rng.choice(["000_eab46a25288d9a93.txt", "[a, b]", "{a: 1}", "7", "null", "''", ".", "seeds",
                        "../seeds/000_eab46a25288d9a93.txt", "./000_eab46a25288d9a93.txt", "sources.yaml"])
    _put(ws, CATALOGUE, _text(ws, CATALOGUE).replace("file: 000_eab46a25288d9a93.txt", f"file: {value}"))
    return Run(("seeds", "update", "gsw-ai-arms-race", str(given)) if rng.random() < 0.7
               else ("seeds", "show", "gsw-ai-arms-race"))


def twins(rng: random.Random, ws: Path) -> Run:
    _put(ws, MODEL, _text(ws, MODEL).replace("Kim Jong Un has made", "Kim Jong Un made", 1))
    pick = [("build",), ("build", "-a", "public"), ("issue",), ("check",), ("seeds", "add", str(ROOT / "README.md")),
            ("status",)]
    return Run(rng.choice(pick), twin=rng.choice(pick))


FAMILIES: dict[str, Mutation] = {"twins": twins, "update": update, "yaml": yaml_value, "bytes": yaml_bytes,
                                 "template": template, "profile": profile, "name": seed_name, "add": seed_add,
                                 "state": state, "clock": clock, "disk": full_disk, "kill": killed}
