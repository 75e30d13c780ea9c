"""The hostile inputs of round 6, by family, for what round 5 (tests/hostile_inputs5.py) did not draw: every value
of briefgen's own JSON state files swapped for one of the wrong type or form, a state file cut at any byte or
stamped with another format number, the command-line options' illegal values and contradicting pairs, the
environment a scheduler may give (output encodings, locales, time zones, briefgen's variables), symbolic links
inside seeds/ and templates/ leading out of the workspace (for `watch` too), and compiled-template cache entries
planted in output/. tests/fuzz_round6.py draws them with tests/fuzz_round5.py's runner and rules."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from tests.hostile_inputs5 import COMMANDS, MODEL, Mutation, Run, _put, _text

STATE_COMMANDS = (*COMMANDS, ("build", "--if-changed"), ("history",), ("status", "--json"), ("build", "--keep-history",
                  "0"), ("status", "--since", "v1"), ("diff", "--since", "build1"), ("check", "--json"))
WRONG = [None, "", "x", -1, 0, 1, 2**70, -(2**70), 1.5, float("nan"), float("inf"), [], {}, True, False, [1], {"a": 1},
         "../../../etc/passwd", "/etc/passwd", "x" * 5000, "9999-99-99", "2026-13-01T00:00:00Z", "a\nb", "\u202e",
         "executive", "build1", "v1", "executive.docx", "\ud800"]


def _states(ws: Path) -> list[Path]:
    return sorted(p for p in (ws / "output").rglob("*.json") if p.is_file() and not p.is_symlink()) + (
        [ws / "output/briefgen.lock"] if (ws / "output/briefgen.lock").is_file() else [])


def _places(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in parsed JSON, six levels down at most (three entries of each list)."""
    found = [at]
    if len(at) < 6 and isinstance(data, dict):
        found += [p for key, value in data.items() for p in _places(value, (*at, key))]
    elif len(at) < 6 and isinstance(data, list):
        found += [p for index, value in enumerate(data[:3]) for p in _places(value, (*at, index))]
    return found


def state_value(rng: random.Random, ws: Path) -> Run:
    """One value of a state file replaced by a value of the wrong type or form, removed, or joined by a key of a
    near name (what a hand, a script or another briefgen might write): the record must be believed whole or
    ignored with a warning, never half used."""
    path = rng.choice(_states(ws))
    data = json.loads(path.read_text(encoding="utf-8"))
    place = rng.choice([p for p in _places(data) if p])
    holder = data
    for key in place[:-1]:
        holder = holder[key]
    how = rng.choice(["value", "remove", "near"])
    if how == "remove":
        del holder[place[-1]]
    elif how == "near" and isinstance(holder, dict):
        holder[f"{place[-1]}s"] = rng.choice(WRONG)
    else:
        holder[place[-1]] = rng.choice(WRONG)
    path.write_bytes(json.dumps(data, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass"))
    return Run(rng.choice(STATE_COMMANDS))


def state_cut(rng: random.Random, ws: Path) -> Run:
    """A state file written half (cut at any byte, a power loss on a file system that does not order writes),
    or stamped with another briefgen's format number."""
    path = rng.choice(_states(ws))
    raw = path.read_bytes()
    if rng.random() < 0.5:
        path.write_bytes(raw[:rng.randrange(len(raw))])
    else:
        data = json.loads(raw)
        if isinstance(data, dict):
            data["format"] = rng.choice([0, 1, 2, 3, 99, -1, "1", None, 1.0])
        path.write_text(json.dumps(data), encoding="utf-8")
    return Run(rng.choice(STATE_COMMANDS))


AUDIENCES = ["executive", "nosuch", "", "EXECUTIVE", "\u0435xecutive", "exe\u200bcutive", "executive\n", "con",
             "../executive", "a" * 300, "execut\u0131ve", "executive\u202e", "-x"]
OUTPUTS = ["/dev/null", "/dev/full", "/proc/self", "output/analyst.pdf", "seeds", ".", "output/.cache", "o\nut",
           "x" * 300, "/".join(["y" * 200] * 25), "output/history", "output/issued"]
SINCES = ["v0", "v-1", "v", "build", "build0", "buildx", "\u0661", "v1e3", "9" * 30, "", " v1", "V1", "build 1"]


def options(rng: random.Random, ws: Path) -> Run:
    """A command with illegal option values, or with two that contradict each other."""
    audience, output, since = rng.choice(AUDIENCES), rng.choice(OUTPUTS), rng.choice(SINCES)
    output = output if output.startswith("/") else str(ws / output)  # the runner's folder is the repository
    pick = [("build", "-a", audience, "--if-changed"), ("build", "-o", output, "-q"), ("issue", "-a", audience),
            ("issue", "-o", output), ("diff", "-a", audience, "--since", since), ("status", "--since", since),
            ("status", "-o", output, "--json"), ("history", "-o", output), ("build", "--keep-history", "-1"),
            ("build", "--keep-history", "9" * 40), ("suggest", "-n", rng.choice(["0", "-1", "9" * 40, "x"])),
            ("seeds", "show", audience, "--grep", rng.choice(["", "(", "\u202e", "x" * 10000])),
            ("audiences", "new", audience, "--from", rng.choice(AUDIENCES)), ("init", output),
            ("issue", "--note", rng.choice(["", "\x1b[31m", "x" * 3000, "a\u2028b"])),
            ("build", "-f", rng.choice(["docx", "pdf", "odt", ""]), "-a", audience), ("watch", "-a", audience)]
    chosen = rng.choice(pick)
    if rng.random() < 0.3:
        _put(ws, MODEL, _text(ws, MODEL).replace("Kim Jong Un has made", "Kim Jong Un made", 1))  # inputs changed
    return Run(chosen, kill_after=4.0 if chosen[0] == "watch" else None)


ENVIRONMENTS = [{"PYTHONIOENCODING": "latin-1"}, {"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "cp1252"},
                {"LANG": "C", "LC_ALL": "C"}, {"LC_ALL": "tr_TR.UTF-8"}, {"TZ": ":/etc/passwd"}, {"TZ": "XYZ-30"},
                {"TZ": "Pacific/Kiritimati"}, {"COLUMNS": "-1"}, {"COLUMNS": "0"}, {"TERM": "dumb"},
                {"NO_COLOR": "1"}, {"BRIEFGEN_RENDER_SECONDS": "nan"}, {"BRIEFGEN_RENDER_CHARS": "1e400"},
                {"BRIEFGEN_LOCK_SECONDS": "-1"}, {"BRIEFGEN_WORKERS": "0"}, {"BRIEFGEN_WORKERS": "-3"},
                {"BRIEFGEN_WORKERS": "\u0663"}, {"SOURCE_DATE_EPOCH": "\u0661\u0667"}, {"HOME": "/nonexistent"},
                {"TMPDIR": "/nonexistent"}, {"XDG_CACHE_HOME": "/dev/null"}]


def environment(rng: random.Random, ws: Path) -> Run:
    """The environment a scheduler or a user's shell may give: output encodings short of Unicode, a C or Turkish
    locale, odd time zones, briefgen's own variables out of their bounds."""
    env = rng.choice(ENVIRONMENTS)
    pick = [*COMMANDS, ("status", "--json"), ("check", "--json"), ("coverage", "--json"), ("history",),
            ("suggest", "-n", "3"), ("seeds", "show", "ai-digest-top-priority", "--grep", "top priority")]
    return Run(rng.choice(pick), env=dict(env))


def links(rng: random.Random, ws: Path) -> Run:
    """A symbolic link inside seeds/ or templates/ (or a subfolder) to a folder or file outside the workspace,
    to / itself, to the workspace, or in a loop; run by a command or by `watch`."""
    folder = ws / rng.choice(["seeds", "templates", "seeds/sub"])
    folder.mkdir(exist_ok=True)
    target = rng.choice([ws.parent / "decoy", Path("/"), ws, folder, ws.parent / "decoy/secret.txt", Path("/proc")])
    chosen = rng.choice([*COMMANDS, ("watch",), ("watch", "-a", "executive")])
    # a watch is stopped by a kill, after which the runner builds and wants success: only links no build refuses
    names = ["linked", "linked.txt"] + ([] if chosen[0] == "watch" else ["linked.yaml", "linked.xml.j2"])
    (folder / rng.choice(names)).symlink_to(target)
    return Run(chosen, kill_after=4.0 if chosen[0] == "watch" else None)


def planted(rng: random.Random, ws: Path) -> Run:
    """A compiled-template cache entry an attacker or an older briefgen left in output/.cache/templates: jinja's
    header followed by a pickle that would touch /tmp/pwned, or by garbage."""
    import hashlib
    import pickle

    from jinja2.bccache import bc_magic

    class Touch:
        def __reduce__(self) -> tuple[object, tuple[str, ...]]:
            return (open, ("/tmp/pwned", "w"))

    template = ws / "templates/executive.xml.j2"  # edited: the table made ahead no longer holds its code
    template.write_text(template.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    folder = ws / "output/.cache/templates"
    folder.mkdir(parents=True, exist_ok=True)
    body = rng.choice([bc_magic + pickle.dumps(Touch(), 2), bc_magic + b"\x80garbage", b"", b"\0" * 100])
    # jinja's name for a template's entry: a hash of its name and path, which a copied workspace changes
    keys = {hashlib.sha1(f"{t.name}|{path}".encode()).hexdigest() for t in (ws / "templates").glob("*.j2")
            for path in (t, t.resolve())}
    names = {p.name for p in folder.glob("__jinja2_*")} | {f"__jinja2_{key}.cache" for key in keys}
    for name in names:
        (folder / name).write_bytes(body)
    return Run(rng.choice([("check", "--no-cache"), ("build",), ("build", "-a", "executive")]))


FAMILIES: dict[str, Mutation] = {"state-value": state_value, "state-cut": state_cut, "options": options,
                                 "environment": environment, "links": links, "planted": planted}
