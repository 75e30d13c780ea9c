"""The hostile inputs of round 7, by family, for what rounds 5 and 6 (tests/hostile_inputs5.py, hostile_inputs6.py)
did not draw: the paths given on the command line (-C, -o, init DIR) naming a device, a pipe, a socket, a file, a
link to nothing or a loop, a name with a line feed or of thousands of characters; what stands where a template or
a profile belongs (a folder, a pipe, a socket, a link to a device or outside) and the names an include, import or
extends tag gives (outside templates/, absolute, with a line feed, built by an expression, in a loop); and where a
catalogued seed lies (deep folders, hidden names, names of 255 bytes, a pipe, a socket or a device in its place).
tests/fuzz_round7.py draws them with tests/fuzz_round5.py's runner and rules."""

from __future__ import annotations

import os
import random
import socket
from pathlib import Path

from tests.hostile_inputs5 import CATALOGUE, COMMANDS, TEMPLATE, Mutation, Run, _put, _text

FIRST_SEED = "000_eab46a25288d9a93.txt"


def make_special(at: Path, kind: str, target: Path | None = None) -> None:
    """At `at`: a named pipe ("fifo"), a socket, a regular file ("file"), or a symbolic link to a device
    ("device"), to `target` ("outside"), to nothing ("nothing") or to itself ("loop")."""
    if kind == "fifo":
        os.mkfifo(at)
    elif kind == "socket":
        bound = socket.socket(socket.AF_UNIX)
        bound.bind(str(at))
        bound.close()
    elif kind == "file":
        at.write_text("not a folder\n", encoding="utf-8")
    else:
        at.symlink_to({"device": Path("/dev/zero"), "outside": target, "nothing": at.parent / "nowhere",
                       "loop": at}[kind])


def _special(rng: random.Random, at: Path, target: Path) -> None:
    """Something other than a folder or a regular file at `at`: a pipe, a socket, a link to a device, to a
    file outside the workspace, to nothing, or to itself."""
    make_special(at, rng.choice(["fifo", "socket", "device", "outside", "nothing", "loop"]), target)


def places(rng: random.Random, ws: Path) -> Run:
    """-C, -o or init DIR naming something other than a folder: a device, a pipe, a socket, a file, a link to
    nothing or to itself, a name with a line feed, a name longer than the system takes."""
    at = ws / rng.choice(["place", "pl\nace", "p" * 300, "x" * 5000])  # inside: `build -o` may make it
    if len(at.name) < 256:
        rng.choice([lambda: _special(rng, at, ws.parent / "decoy/secret.txt"),
                    lambda: at.write_text("a file\n", encoding="utf-8"), lambda: None])()
    given = rng.choice([str(at), "/dev/null", "/proc/self/fd/0", "/dev/zero"])
    pick = [(*command, "-C", given) for command in COMMANDS] + [
        ("build", "-o", given), ("status", "-o", given), ("history", "-o", given), ("diff", "-o", given),
        ("issue", "-a", "executive", "-o", given), ("init", given), ("seeds", "add", given)]
    return Run(rng.choice(pick))


INCLUDES = ["../decoy/secret.txt", "../../decoy/secret.txt", "/etc/passwd", "a\nb", "", "/", "sub/", "..",
            "executive.xml.j2", "part.xml.j2"]


def template_shapes(rng: random.Random, ws: Path) -> Run:
    """A folder, a pipe, a socket or a link where a template or profile belongs; or a tag naming a template
    outside templates/, by an absolute path, with a line feed, built by an expression, or in a loop."""
    tolerant = rng.random() < 0.5  # the part may be missing (a shape in place of another template, below)
    _put(ws, TEMPLATE, _text(ws, TEMPLATE).replace("{% block bluf %}", "{% block bluf %}{% include 'part.xml.j2'"
                                                   f"{' ignore missing' if tolerant else ''} %}}", 1))
    if tolerant:
        at = ws / "templates" / rng.choice(["executive.xml.j2", "base.xml.j2", "executive.yaml", "part.xml.j2",
                                            "board.yaml"])
        if os.path.lexists(at):
            at.unlink()
        if rng.random() < 0.3:
            at.mkdir()
        else:
            _special(rng, at, ws.parent / "decoy/secret.txt")
    else:
        name = rng.choice(INCLUDES)
        tag = rng.choice(["include", "import", "extends", "from"])
        built = rng.choice([repr(name), f"{name!r} ~ 'x' * 5000", f"{name!r} ~ '\\x00'", f"[{name!r}, 'zz']"])
        line = f"{{% {tag} {built}{' as m' if tag == 'import' else ' import x' if tag == 'from' else ''} %}}"
        _put(ws, "templates/part.xml.j2", rng.choice([line, "{% include 'executive.xml.j2' %}", "x\n" + line]))
    return Run(rng.choice([("check",), ("build",), ("build", "-a", "executive"), ("audiences",),
                           ("status",), ("build", "--if-changed")]))


def seed_places(rng: random.Random, ws: Path) -> Run:
    """The first catalogued seed moved deep into seeds/, under a hidden name, a name of 255 bytes, behind a link
    to a folder, or replaced by a pipe, a socket or a link to a device; the briefs built or their state asked."""
    seed = ws / "seeds" / FIRST_SEED
    kind = rng.choice(["deep", "hidden", "long", "linked", "special"])
    place = {"deep": "d/" * rng.randint(1, 200) + FIRST_SEED,
             "hidden": rng.choice([".s.txt", ".d/s.txt", "a/.b/s.txt"]), "long": "n" * 251 + ".txt",
             "linked": "short/" + FIRST_SEED, "special": FIRST_SEED}[kind]
    if kind == "special":
        seed.unlink()
        _special(rng, seed, ws.parent / "decoy/secret.txt")
    elif kind == "linked":
        real = ws / "seeds/deep" / ("d/" * rng.randint(0, 12))
        real.mkdir(parents=True, exist_ok=True)
        seed.rename(real / FIRST_SEED)
        (ws / "seeds/short").symlink_to(real)
    else:
        (ws / "seeds" / place).parent.mkdir(parents=True, exist_ok=True)
        seed.rename(ws / "seeds" / place)
    _put(ws, CATALOGUE, _text(ws, CATALOGUE).replace(f"file: {FIRST_SEED}", f"file: {place}"))
    return Run(rng.choice([("build",), ("check",), ("status",), ("build", "--if-changed"),
                           ("seeds", "show", "gsw-ai-arms-race")]))


FAMILIES: dict[str, Mutation] = {"places": places, "template-shapes": template_shapes, "seed-places": seed_places}
