"""The hostile cases of round 10, by family: what rounds 5 to 9 did not reach. A build whose forked worker warns on
a standard error that cannot be written; text fields holding only characters no page shows (zero-width spaces,
Hangul fillers, a braille blank, marks without a letter), in the model, the catalogue and a profile; and the empty
path wherever the command line takes one. tests/fuzz_round10.py draws them and checks the rules."""

from __future__ import annotations

import hashlib
import os
import random
import struct
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import edit, set_marker
from tests.hostile_inputs8 import FIRST_ID, Case, Family

# (file, the text replaced, its key): places a value of text is written, in the model, the catalogue, a profile
PLACES = [("seeds/summary.yaml", "  title: North Korea puts AI at the centre of its drone programme", "  title"),
          ("seeds/summary.yaml", "  author: briefgen example workspace", "  author"),
          ("seeds/sources.yaml", "    originator: Global South World", "    originator"),
          ("templates/public.yaml", 'banner: "Public information"', "banner")]
# what shows nothing on a page, as YAML's double-quoted escapes
UNSEEN = ["\\u200b", "\\u3164", "\\u2800", "\\ufeff\\u200d", "\\u00ad", "\\u034f\\u0301", "\\u115f\\u1160",
          "\\u2060 \\u180e", "\\ufe0f", "\\u17b4"]
BLANKS = [(place, value) for place, value in zip(PLACES * 2, UNSEEN[::-1], strict=False)]  # six: each place
# the command lines that take a path, each given the empty one (after `-C WORKSPACE`, which a later -C overrides)
EMPTY_PATHS = [("init", ""), ("-C", "", "check"), ("status", "-C", ""), ("seeds", "add", ""),
               ("seeds", "update", FIRST_ID, ""), ("build", "-o", ""), ("seeds", "add", "", "README.md")]


def unseen(rng: random.Random, ws: Path) -> Case:
    """One text value made of characters no page shows, at one of the places text is written."""
    (path, old, key), value = rng.choice(PLACES), rng.choice(UNSEEN)
    edit(ws / path, old, f'{key}: "{value}"')
    return Case(rng.choice([("check",), ("build",), ("build", "-a", "public")]))


def unseen_in(ws: Path) -> bool:
    """Whether a place `unseen` writes to holds one of its values (the case drawn was of that family)."""
    return any(f'"{value}"' in (ws / path).read_text(encoding="utf-8") for path, _, _ in PLACES for value in UNSEEN)


def damaged_font_case(rng: random.Random, ws: Path) -> Case:
    """The public profile's body font damaged one way of FONT_DAMAGE."""
    (ws / "templates/house.ttf").write_bytes(damaged_font(rng.choice(FONT_DAMAGE)))
    edit(ws / "templates/public.yaml", "look:\n", "look:\n  fonts:\n    body: house.ttf\n")
    return Case(rng.choice([("check",), ("build",), ("build", "-a", "public", "-f", "pdf")]))


def empty_path(rng: random.Random, ws: Path) -> Case:
    """A command given the empty path where it takes one (an unset variable in a script)."""
    return Case(rng.choice(EMPTY_PATHS))


def unreadable_issued(ws: Path, audience: str) -> None:
    """The issued DOCX of `audience` made unreadable, its recorded digest matching: the next build warns that no
    redline can be made against it, in whichever process builds that audience."""
    record = ws / "output/issued/issued.json"
    docx = ws / f"output/issued/{audience}-v1/{audience}.docx"
    old = hashlib.sha256(docx.read_bytes()).hexdigest()
    docx.write_bytes(b"PK\x03\x04 no longer a zip archive")
    new = hashlib.sha256(docx.read_bytes()).hexdigest()
    record.write_text(record.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def worker_warns(rng: random.Random, ws: Path) -> Case:
    """A build shared with a forked worker, one audience of which warns (its issued DOCX unreadable), with its
    standard error on a full device or abandoned."""
    subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "issue"], capture_output=True, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    unreadable_issued(ws, rng.choice(["analyst", "executive", "public"]))
    set_marker(ws, rng.randint(1, 99))
    return Case(("build",), env={"BRIEFGEN_WORKERS": "2"}, stream=rng.choice(["full-err", "gone-err"]),
                changes_briefs=True)



BUNDLED_FONT = Path(__file__).resolve().parent.parent / "briefgen/fonts/LiberationSans-Regular.ttf"
FONT_DAMAGE = ["outlines", "index", "past the end", "component", "widths"]


def damaged_font(kind: str) -> bytes:
    """The bundled Liberation Sans with its glyph data damaged one way of FONT_DAMAGE: its outlines overwritten,
    its glyph index (loca) overwritten, its outlines' table said to lie past the end of the file, a composite
    glyph naming a component that does not exist, or its advance widths (hmtx) overwritten. reportlab parses every
    such file, and failed only as it drew (or, for the widths, laid each line out as a word a page wide)."""
    raw = bytearray(BUNDLED_FONT.read_bytes())
    directory = {bytes(raw[12 + 16 * i:16 + 16 * i]): 12 + 16 * i for i in range(struct.unpack_from(">H", raw, 4)[0])}
    where = {tag: struct.unpack_from(">II", raw, entry + 8) for tag, entry in directory.items()}
    if kind in ("outlines", "index"):
        offset, length = where[b"glyf" if kind == "outlines" else b"loca"]
        raw[offset:offset + length] = b"\xff" * length
    elif kind == "widths":  # every advance width 0xFFFF: 32 em and more
        offset, length = where[b"hmtx"]
        raw[offset:offset + length] = b"\xff" * length
    elif kind == "past the end":
        struct.pack_into(">I", raw, directory[b"glyf"] + 8, len(raw) + 1000)
    else:
        (glyf, _), (loca, _) = where[b"glyf"], where[b"loca"]
        long = struct.unpack_from(">h", raw, where[b"head"][0] + 50)[0] == 1
        starts = (glyf + (struct.unpack_from(">I", raw, loca + 4 * g)[0] if long else
                          2 * struct.unpack_from(">H", raw, loca + 2 * g)[0])
                  for g in range(struct.unpack_from(">H", raw, where[b"maxp"][0] + 4)[0]))
        at = next(start for start in starts if raw[start:start + 2] == b"\xff\xff")  # a composite glyph
        struct.pack_into(">H", raw, at + 12, 0xFFFE)  # its first component: a glyph the font does not have
    return bytes(raw)


# names in briefgen's state folders it did not give: digits of other scripts, numbers of more than 18 digits
STRAY_NAMES = [("output/.builds", "\u00b2\u00b3\u2074\u2075\u2076.json"),
               ("output/.builds", "\uff11\uff12\uff13\uff14\uff15.json"), ("output/.builds", "9" * 200 + ".json"),
               ("output/history", "20261207T000000Z-build" + "9" * 40),
               ("output/history", "20261207T000000Z-build\u0661\u0662\u0663\u0664\u0665"),
               ("output/issued", "analyst-v\u00b2"), ("output/issued", "public-v" + "9" * 30)]

def strays(rng: random.Random, ws: Path) -> Case:
    """A file or folder in output/.builds, output/history or output/issued under a name briefgen did not give."""
    folder, name = rng.choice(STRAY_NAMES)
    (ws / folder).mkdir(exist_ok=True)
    if folder.endswith(".builds"):
        (ws / folder / name).write_text("{}", encoding="utf-8")
    else:
        (ws / folder / name).mkdir()
    set_marker(ws, rng.randint(1, 99))
    return Case(rng.choice([("build",), ("issue",), ("history",), ("status",), ("build", "--keep-history", "1")]),
                changes_briefs=True)


FAMILIES: dict[str, Family] = {"unseen": unseen, "empty-path": empty_path, "worker-warns": worker_warns,
                               "font": damaged_font_case, "strays": strays}
