"""A seeded, time-bounded mutation fuzz of the seed format readers, called in-process as `seeds add`, `seeds show`
and `check` call them: briefgen.sources.formats.extract and, for `seeds add`, sources/meta.py's document_clues.

It starts from small valid documents the tests already build (tests/worddoc.py, tests/outlook.py,
tests/officedocs.py, tests/opendoc.py, test_doc_epub_seeds.epub_bytes, python-docx, reportlab, Python's email
package) and mutates them: bytes flipped, cut at every boundary class, ranges duplicated and deleted; a zip
member's stated sizes, method, CRC and flags, duplicate names, a directory entry pointing past the file; an XML
part nested deep, given huge attributes, entity declarations, other namespaces and numbers out of range; a compound
file's sector numbers, sizes and directory links; a message's boundaries, transfer encodings and charsets.

Each case runs in a forked child limited to 10 s of CPU time (RLIMIT_CPU; an alarm at 60 s) and 500 MB more
memory than the parent holds (RLIMIT_AS); anything but a SeedError is a fault, and so are a hang and a memory
failure, reported once per class (the exception's type and the innermost briefgen frame) with the case that showed
it saved under --keep.

    PYTHONPATH=. python -m tests.fuzz_readers --seed 8 --seconds 300 [--format .doc ...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import resource
import signal
import struct
import sys
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.sources import meta
from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.formats.plain import SeedError

CASE_SECONDS = 10
CASE_MEMORY = 500 * 1024 * 1024
NUMBERS = (b"-1", b"0", b"65536", b"4294967295", b"4294967296", b"99999999999999999999", b"1e308", b"NaN", b"-0",
           b"1048577", b"XFD1048577", b"AAAA1", b"16385", b"2958466", b"-693594", b"0x10", b"1.5", b"")
WORDS = (0, 1, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, 2, 3, 7, 64,
         4096, 0x200, 0x1000000)


# ----------------------------------------------------------------------------------------------- seed documents

def summary_information() -> bytes:
    """A property set ([MS-OLEPS]) of one section: a code page, a title (8-bit), an author (UTF-16), a creation
    time; so the mutations reach the properties `seeds add` reads."""
    values = [(1, struct.pack("<IH2x", 2, 1252)), (2, struct.pack("<II", 0x1E, 7) + b"Report\0\0"),
              (4, struct.pack("<II", 0x1F, 5) + "Jane\0".encode("utf-16-le") + b"\0\0"),
              (12, struct.pack("<IQ", 0x40, 133_000_000_000_000_000))]
    offsets, body = [], b""
    for ident, data in values:
        offsets.append((ident, 8 + 8 * len(values) + len(body)))
        body += data
    section = struct.pack("<II", 8 + 8 * len(values) + len(body), len(values))
    section += b"".join(struct.pack("<II", ident, at) for ident, at in offsets) + body
    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0x20006, bytes(16), 1) + bytes(16) + struct.pack("<I", 48)
    return (header + section).ljust(4096, b"\0")  # a stream of 4 KB or more: in sectors, not the mini stream


def _doc_seeds() -> list[bytes]:
    from tests.test_doc_epub_seeds import hand_made
    from tests.worddoc import Piece, WordDoc, compound, word_file
    short = WordDoc([Piece("Short one.\r", compressed=True), Piece("Two \u0627.\r")], footnotes="")
    return [word_file(hand_made()), word_file(hand_made(fields=False)),
            compound({**short.streams(), "\x05SummaryInformation": summary_information()})]


def _msg_seeds() -> list[bytes]:
    from tests.outlook import compressed_rtf, message
    from tests.test_msg_seeds import ENCAPSULATED, HAND_HTML, REAL_RTF, SENDER
    return [message({**SENDER, 0x1000: "Plain body\r\nline two"}, {0x1013: HAND_HTML.encode("cp1252")},
                    fixed={0x3FFD: (3, 1252)}, attachments=("a.pdf",)),
            message(SENDER, {0x1009: compressed_rtf(ENCAPSULATED)}),
            message(SENDER, {0x1009: compressed_rtf(REAL_RTF)}, narrow={0x1000: b"narrow body"})]


def _eml_seeds() -> list[bytes]:
    from tests.test_mail_seeds import HTML, PLAIN, mail
    plain = mail()
    plain.set_content(PLAIN)
    rich = mail(subject="=?utf-8?q?Drone_=E2=80=93_north?=")
    rich.set_content(PLAIN)
    rich.add_alternative(HTML, subtype="html", charset="windows-1252", cte="quoted-printable")
    rich.add_attachment(b"%PDF-1.4 x", maintype="application", subtype="pdf", filename="a.pdf")
    inner = mail(subject="Forwarded")
    inner.set_content("Forwarded body.\n", charset="iso-8859-1", cte="base64")
    outer = mail()
    outer.set_content("See below.\n")
    outer.add_attachment(inner)
    return [bytes(plain), bytes(rich), bytes(outer)]


def _xlsx_seeds() -> list[bytes]:
    from tests.officedocs import sheet_xml, xlsx_bytes
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45291.75</v></c><c r="C1" s="2"><v>0.125'
            '</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="b"><v>1</v>'
            '</c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" s="3"><f>1+1</f><v>2</v></c></row>')
    merged = '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'
    return [xlsx_bytes([("One", "", sheet_xml(rows, '<cols><col min="1" max="3" width="9"/></cols>', merged)),
                        ("Two", "hidden", sheet_xml('<row r="1"><c r="A1" t="str"><v>x</v></c></row>'))],
                       shared=["<t>shared</t>", "<r><t>rich</t></r>"], formats={164: "yyyy-mm-dd", 165: "0.0%"},
                       styles=(164, 165, 14), core="<dc:title>Book</dc:title>")]


def _pptx_seeds() -> list[bytes]:
    from tests.officedocs import pptx_bytes, shape
    para = '<a:p><a:r><a:t>Sorties 412</a:t></a:r></a:p><a:p><a:pPr lvl="1"/><a:r><a:t>second</a:t></a:r></a:p>'
    return [pptx_bytes([("", shape(para, 100, 200, name="Title")), (' show="0"', shape(para, None, None,
                                                                                      ph='type="title"'))],
                       layout=shape(para, 10, 10, ph='type="title"'), notes=[shape(para, 1, 1), ""],
                       core="<dc:title>Deck</dc:title>")]


def _epub_seeds() -> list[bytes]:
    from tests.test_doc_epub_seeds import epub_bytes
    return [epub_bytes()]


def _odt_seeds() -> list[bytes]:
    from tests.opendoc import odt_bytes
    return [odt_bytes('<text:h text:outline-level="1">Head</text:h><text:p text:style-name="P1">Body '
                      '<text:span>412</text:span><text:note><text:note-body><text:p>note</text:p></text:note-body>'
                      '</text:note></text:p><text:list><text:list-item><text:p>item</text:p></text:list-item>'
                      '</text:list>', meta="<dc:title>T</dc:title>")]


def _docx_seeds() -> list[bytes]:
    import docx
    document = docx.Document()
    document.core_properties.title = "Report"
    document.add_heading("Heading", 1)
    document.add_paragraph("The unit flew 412 sorties.", style="List Number")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "cell"
    buffer = io.BytesIO()
    document.save(buffer)
    return [buffer.getvalue()]


def _pdf_seeds() -> list[bytes]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page.setTitle("Report")
    page.drawString(72, 700, "The unit flew 412 sorties.")
    page.showPage()
    page.drawString(72, 700, "Page two.")
    page.save()
    return [buffer.getvalue()]


def _text_seeds(*texts: str) -> Callable[[], list[bytes]]:
    return lambda: [text.encode() for text in texts]


SEEDS: dict[str, Callable[[], list[bytes]]] = {
    ".doc": _doc_seeds, ".msg": _msg_seeds, ".eml": _eml_seeds, ".xlsx": _xlsx_seeds, ".pptx": _pptx_seeds,
    ".epub": _epub_seeds, ".odt": _odt_seeds, ".docx": _docx_seeds, ".pdf": _pdf_seeds,
    ".csv": _text_seeds('a,b,"c ""q"""\n1,2024-05-01,"multi\nline"\n', "x;y\r\n\ufeff1;2\r\n"),
    ".rtf": _text_seeds(r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}{\info{\title T}}\f0 Caf\'e9 "
                        r"\u8212? {\field{\*\fldinst HYPERLINK x}{\fldrslt link}}\par {\*\footnote note}\par}"),
    ".html": _text_seeds("<html><head><title>T</title><meta charset=utf-8></head><body><h1>H</h1><p>412 "
                         "sorties</p><ol start=3><li>x</li></ol><table><tr><td>1</td></tr></table></body></html>"),
    ".mhtml": _text_seeds('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
                          'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable'
                          '\r\n\r\n<p>Hello =E2=80=93 world</p>\r\n--B--\r\n'),
    ".md": _text_seeds("---\ntitle: T\ndate: 2024-05-01\n---\n# H\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n"
                       "| 1 | 2 |\n\n[^1]: note\n"),
}


# ------------------------------------------------------------------------------------------------------ mutations

def _range(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.choice((1, 2, 4, 8, 64, 512, 4096)))


def flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 8, 32))):
        if out:
            at = rng.randrange(len(out))
            out[at] = rng.choice((out[at] ^ (1 << rng.randrange(8)), 0, 0xFF, 0x7F, 0x80, rng.randrange(256)))
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    cuts = [n for n in (512, 1024, 2048, 4096) if n < len(data)] + [len(data) // 2, len(data) - 1, 0, 1, 8, 22]
    return data[:rng.choice([*cuts, rng.randrange(len(data) + 1)])]


def duplicate(rng: random.Random, data: bytes) -> bytes:
    start, end = _range(rng, data)
    return data[:end] + data[start:end] * rng.choice((1, 2, 100)) + data[end:]


def delete(rng: random.Random, data: bytes) -> bytes:
    start, end = _range(rng, data)
    return data[:start] + data[end:]


def word(rng: random.Random, data: bytes) -> bytes:
    """A little-endian number (2 or 4 bytes, aligned as compound files and FIBs align them) set to an edge."""
    if len(data) < 8:
        return data
    size = rng.choice((2, 4))
    at = rng.randrange(0, len(data) - size, size)
    value = rng.choice(WORDS) & (0xFFFF if size == 2 else 0xFFFFFFFF)
    return data[:at] + value.to_bytes(size, "little") + data[at + size:]


def header_word(rng: random.Random, data: bytes) -> bytes:
    """A compound file's header, its first directory sector, or a FIB: edge numbers where they are dense."""
    if len(data) < 1024:
        return word(rng, data)
    region = rng.choice((0, 512, len(data) - 512 if len(data) > 1536 else 512))
    at = region + rng.randrange(0, 512, 4)
    return data[:at] + rng.choice(WORDS).to_bytes(4, "little") + data[at + 4:]


def number(rng: random.Random, data: bytes) -> bytes:
    """A number written as text (an attribute, a cell, an RTF control word's parameter) set out of range."""
    spots = [i for i in range(1, len(data)) if 48 <= data[i] <= 57 and not 48 <= data[i - 1] <= 57]
    if not spots:
        return data
    at = rng.choice(spots)
    end = at
    while end < len(data) and 48 <= data[end] <= 57:
        end += 1
    return data[:at] + rng.choice(NUMBERS) + data[end:]


def markup(rng: random.Random, data: bytes) -> bytes:
    """XML or HTML made hostile: nesting deep, a huge attribute, entities declared, a namespace changed."""
    choice = rng.randrange(5)
    at = data.find(b">", data.find(b"<", max(0, data.find(b"?>") + 2)) + 1) + 1 if b"<" in data else 0
    if choice == 0:
        depth = rng.choice((200, 1000, 100000))
        return data[:at] + b"<a:b>" * depth + b"x" + b"</a:b>" * depth + data[at:]
    if choice == 1:
        tag = data.find(b"<", at)
        end = data.find(b">", tag)
        if tag < 0 or end < 0:
            return data
        return data[:end] + b' big="' + b"9" * rng.choice((1000, 10 ** 6)) + b'"' + data[end:]
    if choice == 2:
        doctype = (b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                   b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e SYSTEM "file:///etc/passwd">]>')
        start = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
        return data[:start] + doctype + data[start:].replace(b">4", b">&c;&e;4", 1)
    if choice == 3:
        return data.replace(b"http://schemas.openxmlformats.org", b"http://purl.oclc.org/ooxml", rng.randrange(3))\
            .replace(b"urn:oasis:names:tc:opendocument", b"urn:other", rng.randrange(2))
    return data.replace(b'"', b"'", 1).replace(b"</", b"<", 1)


def mime(rng: random.Random, data: bytes) -> bytes:
    """A message's structure made hostile: boundaries, transfer encodings, charsets, encoded words."""
    swaps = [(b"boundary=", b"boundary=\"\"; x="), (b"base64", b"quoted-printable"),
             (b"quoted-printable", b"base64"), (b"7bit", b"base64"), (b"8bit", b"uuencode"),
             (b"utf-8", b"x-unknown"), (b"utf-8", b"utf-7"), (b"windows-1252", b"utf-16"),
             (b"iso-8859-1", b"cp65001"), (b"charset=", b"charset*=''"), (b"\r\n\r\n", b"\r\n"),
             (b"Subject: ", b"Subject: =?utf-8?b?////?= =?x?q?=FF?= "), (b"multipart/", b"multipart/x-"),
             (b"text/plain", b"message/rfc822"), (b"text/html", b"message/rfc822"), (b"\n", b"\r"),
             (b"Date: ", b"Date: Mon, 99 Xyz 99999 99:99:99 +9999 "), (b"=", b"=\n")]
    old, new = rng.choice(swaps)
    return data.replace(old, new, rng.choice((1, -1)))


# A zip's local header and central directory entry, as (signature, offset of each field in the record)
LOCAL = (b"PK\x03\x04", {"flags": 6, "method": 8, "crc": 14, "csize": 18, "usize": 22, "name_len": 26})
CENTRAL = (b"PK\x01\x02", {"flags": 8, "method": 10, "crc": 16, "csize": 20, "usize": 24, "name_len": 28,
                           "offset": 42, "disk": 34})
ZIP_VALUES = {"flags": (1, 8, 0x41, 0xFFFF), "method": (1, 9, 12, 14, 99, 0), "crc": (0, 0xFFFFFFFF),
              "csize": (0, 1, 0xFFFFFFFF, 10 ** 9), "usize": (0, 1, 0xFFFFFFFF, 10 ** 9, 3 * 10 ** 9),
              "name_len": (0, 0xFFFF, 1), "offset": (0, 0xFFFFFFFF, 10 ** 8, 1), "disk": (1, 0xFFFF)}


def zip_field(rng: random.Random, data: bytes) -> bytes:
    """One field of a member's local header or central entry: a stated size, method, CRC, flags, offset."""
    signature, fields = rng.choice((LOCAL, CENTRAL))
    spots = [i for i in range(len(data)) if data.startswith(signature, i)]
    if not spots:
        return data
    name = rng.choice(list(fields))
    at = rng.choice(spots) + fields[name]
    size = 2 if name in ("flags", "method", "name_len", "disk") else 4
    value = rng.choice(ZIP_VALUES[name]) & ((1 << 8 * size) - 1)
    return data[:at] + value.to_bytes(size, "little") + data[at + size:]


def zip_member(rng: random.Random, data: bytes) -> bytes:
    """The package rewritten: a member's content mutated (as markup or numbers), a member duplicated,
    dropped, or stored uncompressed; a name changed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:
        return flip(rng, data)
    target = rng.randrange(len(members))
    choice = rng.randrange(6)
    info, content = members[target]
    if choice <= 2:
        members[target] = (info, rng.choice((markup, number, number, flip, delete, duplicate))(rng, content))
    elif choice == 3:
        members.insert(rng.randrange(len(members) + 1), (info, rng.choice((b"", content, b"<x/>"))))
    elif choice == 4:
        del members[target]
    else:
        info.filename = rng.choice((info.filename.upper(), "../" + info.filename, info.filename + "/",
                                    "/" + info.filename, info.filename.replace("/", "\\")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in members:
            info.compress_type = rng.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, info.compress_type))
            with warnings.catch_warnings():  # a duplicate name, as meant
                warnings.simplefilter("ignore")
                archive.writestr(info, content)
    return buffer.getvalue()


Mutator = Callable[[random.Random, bytes], bytes]
GENERIC: tuple[Mutator, ...] = (flip, truncate, duplicate, delete)
ZIPPED: tuple[Mutator, ...] = (*GENERIC, zip_field, zip_field, zip_member, zip_member, zip_member, zip_member)
COMPOUND: tuple[Mutator, ...] = (*GENERIC, word, word, header_word, header_word, header_word)
MUTATORS: dict[str, tuple[Mutator, ...]] = {
    ".doc": COMPOUND, ".msg": COMPOUND, ".eml": (*GENERIC, mime, mime, mime, number),
    ".mhtml": (*GENERIC, mime, mime, markup, number), ".xlsx": ZIPPED, ".pptx": ZIPPED, ".epub": ZIPPED,
    ".odt": ZIPPED, ".docx": ZIPPED, ".pdf": (*GENERIC, number, number), ".csv": (*GENERIC, number),
    ".rtf": (*GENERIC, number, number, number), ".html": (*GENERIC, markup, markup, number),
    ".md": (*GENERIC, markup, number)}


def mutated(rng: random.Random, suffix: str, seeds: list[bytes]) -> bytes:
    data = rng.choice(seeds)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data = rng.choice(MUTATORS[suffix])(rng, data)
    return data


# ------------------------------------------------------------------------------------------------------ running

def read_as_seeds_add(suffix: str, data: bytes) -> None:
    """What `seeds add` does with a file: its text, then its properties (meta.document_clues)."""
    fmt = FORMATS[suffix]
    try:
        text = "\n".join(extract(fmt, data).paragraphs)
    except SeedError:
        text = ""
    with contextlib.suppress(SeedError):
        meta.document_clues(fmt.kind, data, text)


def _child(suffix: str, data: bytes, write: int) -> None:
    soft = resource.getrlimit(resource.RLIMIT_AS)[1]
    used = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    limit = used + CASE_MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (limit if soft == resource.RLIM_INFINITY else min(limit, soft), soft))
    resource.setrlimit(resource.RLIMIT_CPU, (CASE_SECONDS, CASE_SECONDS + 5))  # CPU time: a loaded machine is no hang
    signal.alarm(6 * CASE_SECONDS)  # nor a wait for nothing
    try:
        read_as_seeds_add(suffix, data)
        report = ""
    except BaseException as exc:
        report = fault_class(exc)
    os.write(write, report.encode("utf-8", "replace"))
    os._exit(0)


def fault_class(exc: BaseException) -> str:
    """The exception's type and its innermost frame in briefgen (else the innermost frame), then the message."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/briefgen/" in f.filename] or frames
    where = f"{ours[-1].filename.split('/briefgen/')[-1]}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__} at {where}\n{str(exc)[:200]}"


def run_case(suffix: str, data: bytes) -> str:
    """'' when the reader read the case or refused it with a SeedError; else the fault's class and message."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(suffix, data, write)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        hung = os.WTERMSIG(status) in (signal.SIGALRM, signal.SIGXCPU, signal.SIGKILL)
        return f"hang (over {CASE_SECONDS} s)" if hung else f"killed by signal {os.WTERMSIG(status)}"
    return b"".join(chunks).decode("utf-8", "replace")


@dataclass
class Tally:
    cases: int = 0
    faults: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # class: (message, the first case)


def fuzz(suffix: str, seed: int, seconds: float) -> Tally:
    rng = random.Random(f"{seed}{suffix}")
    seeds = SEEDS[suffix]()
    for data in seeds:  # each must read; and the reader's modules load once, before the children fork
        read_as_seeds_add(suffix, data)
    tally = Tally()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutated(rng, suffix, seeds)
        found = run_case(suffix, data)
        tally.cases += 1
        if found:
            kind, _, message = found.partition("\n")
            tally.faults.setdefault(kind, (message, data))
    return tally


def cases(tallies: dict[str, Tally]) -> Iterator[tuple[str, str, str, bytes]]:
    for suffix, tally in tallies.items():
        for kind, (message, data) in tally.faults.items():
            yield suffix, kind, message, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60, help="seconds for each format")
    parser.add_argument("--format", action="append", choices=sorted(SEEDS), help="a format's suffix (repeat)")
    parser.add_argument("--keep", type=Path, help="a folder to save each fault's first case in")
    args = parser.parse_args(argv)
    tallies = {}
    for suffix in args.format or sorted(SEEDS):
        tallies[suffix] = tally = fuzz(suffix, args.seed, args.seconds)
        print(f"{suffix}: seed {args.seed}, {args.seconds:g} s, {tally.cases} cases, {len(tally.faults)} fault "
              f"classes", flush=True)
    for n, (suffix, kind, message, data) in enumerate(cases(tallies)):
        print(f"  {suffix} {kind}: {message}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"fault{n}{suffix}").write_bytes(data)
    return 1 if any(t.faults for t in tallies.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
