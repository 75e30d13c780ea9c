"""The hostile-input cases of issue 13, as data, by class (containment, all or nothing, never exit 3, nothing
hangs, worked around), with the decoy folder and the runner they use. Used by tests/test_hostile_round2.py and
by the error catalogue test."""

from __future__ import annotations

import io
import os
import socket
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import edit

Mutation = Callable[[Path, Path], None]  # (workspace, decoy folder outside it)
FIRST_SEED = "000_eab46a25288d9a93.txt"


@dataclass(frozen=True)
class Case:
    mutate: Mutation
    message: str  # printed verbatim somewhere in the output
    hint: str = "hint: "  # a hint line (its start) printed too
    args: tuple[str, ...] = ("build",)
    env: tuple[tuple[str, str], ...] = ()
    code: int = 1


def _catalogue_file(name: str) -> Mutation:
    return lambda ws, decoy: edit(ws / "seeds/sources.yaml", f"file: {FIRST_SEED}", f"file: {name}")


def _link(rel: str, target: Callable[[Path, Path], Path | str], then: Mutation | None = None) -> Mutation:
    def apply(ws: Path, decoy: Path) -> None:
        path = ws / rel
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target(ws, decoy))
        if then:
            then(ws, decoy)
    return apply


def _fifo(rel: str, then: Mutation | None = None) -> Mutation:
    def apply(ws: Path, decoy: Path) -> None:
        (ws / rel).unlink(missing_ok=True)
        os.mkfifo(ws / rel)
        if then:
            then(ws, decoy)
    return apply


def _socket(rel: str, then: Mutation | None = None) -> Mutation:
    """A Unix socket where a file goes (its file stays when it is closed; opening it fails with ENXIO, where a
    FIFO opens and is then found not regular)."""
    def apply(ws: Path, decoy: Path) -> None:
        (ws / rel).unlink(missing_ok=True)
        with socket.socket(socket.AF_UNIX) as bound:
            bound.bind(str(ws / rel))
        if then:
            then(ws, decoy)
    return apply


def _seeds_moved_out(ws: Path, decoy: Path) -> None:
    """seeds/ moved beside the workspace (not into the decoy, which must stay as it is) and linked to."""
    elsewhere = ws.parent / "seeds-elsewhere"
    os.rename(ws / "seeds", elsewhere)
    (ws / "seeds").symlink_to(elsewhere)


def _write(rel: str, data: bytes | str) -> Mutation:
    def apply(ws: Path, decoy: Path) -> None:
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_bytes(data.encode() if isinstance(data, str) else data)
    return apply


def _both(*steps: Mutation) -> Mutation:
    def apply(ws: Path, decoy: Path) -> None:
        for step in steps:
            step(ws, decoy)
    return apply


def _look(key: str, value: str, audience: str = "executive") -> Mutation:
    """Set look.<key> in an audience's profile (and change the model, so every brief would be rewritten)."""
    def apply(ws: Path, decoy: Path) -> None:
        path = ws / f"templates/{audience}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"\nlook: {{{key}: {value!r}}}\n", encoding="utf-8")
        _reword(ws, decoy)
    return apply


def _reword(ws: Path, decoy: Path) -> None:
    edit(ws / "seeds/summary.yaml", "bluf: ", "bluf: Reworded. ")


def number_case(value: str) -> Mutation:
    return lambda ws, decoy: edit(ws / "seeds/summary.yaml", "number: 1000000\n", f"number: {value}\n")


def _png(width: int, height: int, truncate: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * 3 * width for _ in range(min(height, 4)))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(
        b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return data[:-truncate] if truncate else data


def _docx(styles: bytes, extra: tuple[tuple[str, bytes], ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/styles.xml", styles)
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
               b']><w:styles>&b;</w:styles>')
EXTERNAL = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:styles>&x;</w:styles>'
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLES = f'<w:styles {_W}><w:style w:styleId="Normal"/></w:styles>'.encode()
LOOPING_STYLES = (f'<w:styles {_W}><w:style w:styleId="A"><w:basedOn w:val="B"/></w:style>'
                  '<w:style w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>').encode()
FIELD_HEADER = (f'<w:hdr {_W}><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDEPIC'
                '</w:instrText></w:r><w:r><w:instrText>TURE "https://tracker.example/p.png" \\d </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>').encode()
DEEP = "a: " + "[" * 400 + "]" * 400 + "\n"
SEED_LINK = "is a symbolic link that leaves the seeds/ folder"
TEMPLATE_LINK = "is a symbolic link that leaves templates/"
LINK_HINT = "hint: copy the file into the folder instead of linking to it from elsewhere"
NOT_REGULAR = "is a named pipe (FIFO), not a regular file"

CONTAINMENT: dict[str, Case] = {
    "seed linked out": Case(_link(f"seeds/{FIRST_SEED}", lambda ws, d: d / "secret.txt"),
                            f"seeds/{FIRST_SEED} {SEED_LINK}", "hint: seed files must live inside seeds/"),
    "seed in a linked folder": Case(_link("seeds/sub", lambda ws, d: d, _catalogue_file("sub/secret.txt")),
                                    f"seeds/sub {SEED_LINK}", "hint: seed files must live inside seeds/"),
    "seeds folder linked out": Case(_seeds_moved_out, "seeds: the seeds/ folder is a symbolic link leading out of "
                                    "the workspace (or nowhere)", "hint: move or copy the folder it points to"),
    "seeds folder linked out, seeds show": Case(
        _seeds_moved_out, "seeds: the seeds/ folder is a symbolic link leading out", "hint: move or copy",
        ("seeds", "show", "gsw-ai-arms-race")),
    "seed link loop": Case(_link("seeds/loop.txt", lambda ws, d: "loop.txt", _catalogue_file("loop.txt")),
                           "too many levels of symbolic links (a link loop?)", "hint: remove the looping"),
    "profile linked out": Case(_link("templates/executive.yaml", lambda ws, d: d / "profile.yaml"),
                               f"templates/executive.yaml {TEMPLATE_LINK}", LINK_HINT),
    "template linked out": Case(_link("templates/executive.xml.j2", lambda ws, d: d / "page.xml.j2"),
                                f"templates/executive.xml.j2 {TEMPLATE_LINK}", LINK_HINT),
    "included template in a linked folder": Case(
        _both(_link("templates/parts", lambda ws, d: d),
              _write("templates/executive.xml.j2", '{% extends "base.xml.j2" %}{% block bluf %}'
                     '{% include "parts/page.xml.j2" %}{% endblock %}')),
        f"templates/parts {TEMPLATE_LINK}", LINK_HINT),
    "template link loop": Case(_link("templates/executive.xml.j2", lambda ws, d: "executive.xml.j2"),
                               "templates/executive.xml.j2: too many levels of symbolic links", "hint: remove the"),
    "logo by absolute path": Case(lambda ws, d: _look("logo", str(d / "logo.png"))(ws, d),
                                  "look.logo: the logo", "hint: set look.logo to a PNG or JPEG file inside templates/"),
    "logo up and out": Case(_look("logo", "../../decoy/logo.png"), "is outside templates/",
                            "hint: set look.logo to a PNG or JPEG file inside templates/"),
    "logo linked out": Case(_both(_link("templates/crest.png", lambda ws, d: d / "logo.png"),
                                  _look("logo", "crest.png")), f"templates/crest.png {TEMPLATE_LINK}", LINK_HINT),
    "reference DOCX linked out": Case(_both(_link("templates/house.docx", lambda ws, d: d / "house.docx"),
                                            _look("reference_docx", "house.docx")),
                                      f"templates/house.docx {TEMPLATE_LINK}", LINK_HINT),
    "history linked out": Case(_both(_link("output/history", lambda ws, d: d / "history"), _reword),
                               "output/history: the history path is a symbolic link, not a folder",
                               "hint: briefgen keeps replaced briefs", ("build", "--keep-history", "0")),
    "build lock linked out": Case(_link("output/.build.lock", lambda ws, d: d / "secret.txt"),
                                  "output/.build.lock: the lock file is a symbolic link", "hint: remove the link"),
    "seeds lock linked out": Case(_both(_link("output/.seeds.lock", lambda ws, d: d / "secret.txt"),
                                        _write("note.md", "# Note\n\nThe unit counted 14 drones.\n")),
                                  "output/.seeds.lock: the lock file is a symbolic link", "hint: remove the link",
                                  ("seeds", "add", "note.md")),
}

ALL_OR_NOTHING: dict[str, Case] = {
    "truncated logo in the last audience": Case(_both(_write("templates/crest.png", _png(40, 20, truncate=30)),
                                                      lambda ws, d: edit(ws / "templates/public.yaml", "look:\n",
                                                                         "look:\n  logo: crest.png\n"), _reword),
                                                "templates/public.yaml", "hint: set look.logo"),
    "history is a file": Case(_both(_write("output/history", "not a folder"), _reword),
                              "output/history: the history path is a file, not a folder",
                              "hint: briefgen keeps replaced briefs"),
}

NO_EXIT_3: dict[str, Case] = {
    "model nested 400 deep": Case(_write("seeds/summary.yaml", DEEP), "seeds/summary.yaml:1:36: YAML nested more "
                                  "than 32 levels deep", "hint: briefgen's files need a few levels"),
    "profile nested 400 deep": Case(_write("templates/executive.yaml", DEEP), "templates/executive.yaml:1:36: YAML "
                                    "nested more than 32 levels deep", "hint: briefgen's files need a few levels"),
    "number .inf": Case(number_case(".inf"), "figures[0].number: should be a finite number", ""),
    "number .nan": Case(number_case(".nan"), "figures[0].number: should be a finite number", ""),
    "number 1e999": Case(number_case("1e999"), "figures[0].number: should be a finite number", ""),
    "value of 400 digits": Case(lambda ws, d: edit(ws / "seeds/summary.yaml", "value: about 1 million",
                                                   f"value: '{'9' * 400} people'"),
                                "figures[0].number: fig-active-troops: number 1,000,000 is not a number of the value",
                                ""),
    "SOURCE_DATE_EPOCH not a number": Case(_reword, "SOURCE_DATE_EPOCH: 'soon' is not a time in whole seconds "
                                           "since 1970", "hint: unset it", env=(("SOURCE_DATE_EPOCH", "soon"),)),
    "SOURCE_DATE_EPOCH past year 9999": Case(_reword, "is not a time in whole seconds since 1970", "hint: unset it",
                                             env=(("SOURCE_DATE_EPOCH", "9" * 20),)),
    "render seconds 1e308": Case(_reword, "BRIEFGEN_RENDER_SECONDS: '1e308' is not a number of seconds more than 0 "
                                 "and up to 3600",
                                 "hint: unset it", env=(("BRIEFGEN_RENDER_SECONDS", "1e308"),)),
    "lock seconds 1e308": Case(_reword, "BRIEFGEN_LOCK_SECONDS: '1e308' is not a number of seconds from 0 to 86400",
                               "hint: unset it", env=(("BRIEFGEN_LOCK_SECONDS", "1e308"),)),
    "logo is SVG": Case(_both(_write("templates/crest.png", '<svg xmlns="http://www.w3.org/2000/svg"/>'),
                              _look("logo", "crest.png")), "look.logo: logo 'crest.png' is not a PNG or JPEG image",
                        "hint: set look.logo"),
    "logo is a decompression bomb": Case(_both(_write("templates/crest.png", _png(30000, 30000)),
                                               _look("logo", "crest.png")),
                                         "look.logo: the logo has more than 25,000,000 pixels (a decompression bomb?)",
                                         "hint: scale the logo down"),
    "logo truncated": Case(_both(_write("templates/crest.png", _png(40, 20, truncate=30)), _look("logo", "crest.png")),
                           "look.logo: logo 'crest.png' is damaged", "hint: set look.logo"),
    "reference DOCX entity bomb": Case(_both(_write("templates/house.docx", _docx(ENTITY_BOMB)),
                                             _look("reference_docx", "house.docx")),
                                       "its part word/styles.xml declares an XML document type",
                                       "hint: re-save the document"),
    "reference DOCX external entity": Case(_both(_write("templates/house.docx", _docx(EXTERNAL)),
                                                 _look("reference_docx", "house.docx")),
                                           "its part word/styles.xml declares an XML document type",
                                           "hint: re-save the document"),
    "reference DOCX letterhead fetching a picture": Case(_both(_write("templates/house.docx", _docx(
        STYLES, (("word/header1.xml", FIELD_HEADER),))), _look("reference_docx", "house.docx")),
        "its part word/header1.xml holds the field INCLUDEPICTURE, which fetches a file or address",
        "hint: delete the field"),
    "reference DOCX styles in a loop": Case(_both(_write("templates/house.docx", _docx(LOOPING_STYLES)),
                                                  _look("reference_docx", "house.docx")),
                                            "its styles are based on each other in a loop: A → B → A",
                                            "hint: in Word, set one of these styles' 'Style based on'"),
    "reference DOCX zip bomb": Case(_both(_write("templates/house.docx", _docx(b"<w:styles/>", (
        ("word/media/huge.bin", b"\0" * (201 * 1024 * 1024)),))), _look("reference_docx", "house.docx")),
        "the DOCX unpacks to more than 200 MB (a zip bomb?)", "hint: use a reference document of ordinary size"),
}

NO_HANG: dict[str, Case] = {
    "FIFO as a catalogued seed": Case(_fifo("seeds/pipe.txt", _catalogue_file("pipe.txt")),
                                      f"pipe.txt: seed path {NOT_REGULAR}", "hint: point `file` at a document"),
    "socket as a catalogued seed": Case(_socket("seeds/sock.txt", _catalogue_file("sock.txt")),
                                        "sock.txt: seed path is a socket, not a regular file",
                                        "hint: point `file` at a document"),
    "socket as the model": Case(_socket("seeds/summary.yaml"), "seeds/summary.yaml: the path is a socket, not a "
                                "regular file", "hint: replace it with an ordinary file"),
    "socket as a template": Case(_socket("templates/executive.xml.j2"), "templates/executive.xml.j2: the path is a "
                                 "socket, not a regular file", "hint: replace it with an ordinary file"),
    "FIFO as the model": Case(_fifo("seeds/summary.yaml"), f"seeds/summary.yaml: the path {NOT_REGULAR}",
                              "hint: replace it with an ordinary file"),
    "FIFO as a profile": Case(_fifo("templates/executive.yaml"), f"templates/executive.yaml: the path {NOT_REGULAR}",
                              "hint: replace it with an ordinary file"),
    "FIFO as a template": Case(_fifo("templates/executive.xml.j2"), f"templates/executive.xml.j2: the path "
                               f"{NOT_REGULAR}", "hint: replace it with an ordinary file"),
    "FIFO as the catalogue in seeds add": Case(_both(_fifo("seeds/sources.yaml"),
                                                     _write("note.md", "# Note\n\nThe unit counted 14 drones.\n")),
                                               f"seeds/sources.yaml: the path {NOT_REGULAR}", "hint: replace it",
                                               ("seeds", "add", "note.md")),
    "empty text seed": Case(_both(_write("seeds/empty.txt", ""), _catalogue_file("empty.txt")),
                            "empty.txt: the text file has no text (it is empty or blank)", "hint: check that the file"),
    "blank text seed": Case(_both(_write("seeds/blank.txt", " \n\t\n"), _catalogue_file("blank.txt")),
                            "blank.txt: the text file has no text (it is empty or blank)", "hint: check that the file"),
}

WORKED_AROUND: dict[str, Case] = {
    "build record of the wrong shape": Case(
        _write("output/briefgen.lock", '{"format": 1, "tool": "x", "build": "zz", "inputs": [], "audiences": 3}'),
        "output/briefgen.lock: warning: the build record is damaged (it has the wrong shape)",
        "hint: the next successful build", code=0),
    "build record linked out": Case(_link("output/briefgen.lock", lambda ws, d: d / "secret.txt"),
                                    "output/briefgen.lock: warning: the build record is damaged (too many levels",
                                    "hint: the next successful build", ("status",), code=0),
    "check result of the wrong shape": Case(_write("output/.cache/check.json", "[1, 2]"),
                                            "output/.cache/check.json: warning: the stored check result is damaged",
                                            "hint: nothing to do", ("check",), code=0),
}

CLASSES = {"containment": CONTAINMENT, "all or nothing": ALL_OR_NOTHING, "no exit 3": NO_EXIT_3,
           "no hang": NO_HANG, "worked around": WORKED_AROUND}
CASES = {f"{kind}: {name}": case for kind, table in CLASSES.items() for name, case in table.items()}


def make_decoy(folder: Path) -> Path:
    """Files a hostile workspace points at: each must stay exactly as it is."""
    decoy = folder / "decoy"
    (decoy / "history" / "20250101T000000Z-build00001").mkdir(parents=True)
    (decoy / "history" / "20250101T000000Z-build00001" / "keep.pdf").write_bytes(b"not ours to delete")
    (decoy / "secret.txt").write_text("The unit counted 12 drones.\n", encoding="utf-8")
    (decoy / "profile.yaml").write_text("template: executive.xml.j2\n", encoding="utf-8")
    (decoy / "page.xml.j2").write_text("<brief><p>outside</p></brief>\n", encoding="utf-8")
    (decoy / "logo.png").write_bytes(_png(40, 20))
    (decoy / "house.docx").write_bytes(_docx(b"<w:styles/>"))
    return decoy


def run_cli(ws: Path, args: tuple[str, ...], env: tuple[tuple[str, str], ...] = ()) -> subprocess.CompletedProcess[str]:
    """The real entry point, as a scheduler runs it; a hang fails the test instead of stalling the suite."""
    environ = {**os.environ, "BRIEFGEN_LOCK_SECONDS": "5", **dict(env)}
    return subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), *args], cwd=ws, capture_output=True,
                          text=True, timeout=120, env=environ)
