"""Outlook .msg seeds: the body Outlook shows (HTML, the RTF body with the HTML or text it encapsulates, real
RTF, plain text in the message's code page), its header lines and properties; damaged and hostile compound files
refused quickly. The files are written by tests/outlook.py (LibreOffice cannot write them); the HTML a body holds is
checked against w3m's rendering of the HTML written by hand."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest

from briefgen.sources.formats import extract, format_of
from briefgen.sources.formats.lzfu import PREAMBLE, decompressed
from briefgen.sources.formats.plain import SeedError
from tests.helpers import run
from tests.outlook import LONG, TIME, compound_file, compressed_rtf, filetime, message, stored_rtf
from tests.seedcases import refused_quickly
from tests.test_mail_seeds import w3m

SUBJECT, BODY, HTML, RTF, NATIVE, HEADERS = 0x0037, 0x1000, 0x1013, 0x1009, 0x1016, 0x007D
SENDER = {0x0C1A: "Jane Doe", 0x5D01: "jane@example.org", SUBJECT: "Sortie report", 0x0E04: "Desk North"}
PAGE = 0x3FFD
HAND_HTML = ("<html><head></head><body><p>The drone unit reported 412 sorties in the <b>northern</b> sector – "
             "café &lt; dawn.</p><div>Second block</div></body></html>")
# The same HTML as Outlook encapsulates it in RTF ([MS-OXRTFEX]): markup in htmltag groups, RTF-only text
# between \htmlrtf and \htmlrtf0, the text itself in the open
ENCAPSULATED = (rb"{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0\fswiss Arial;}}"
                rb"{\*\htmltag19 <html>}{\*\htmltag34 <head>}{\*\htmltag1 </head>}{\*\htmltag50 <body>}"
                rb"\htmlrtf {\htmlrtf0{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 The drone unit reported 412 sorties in "
                rb"the {\*\htmltag84 <b>}\htmlrtf {\b \htmlrtf0 northern\htmlrtf }\htmlrtf0 {\*\htmltag92 </b>} "
                rb"sector \'96 caf\'e9 {\*\htmltag84 &lt;}\htmlrtf <\htmlrtf0  dawn.{\*\htmltag72 </p>}"
                rb"\htmlrtf\par}\htmlrtf0 {\*\htmltag64 <div>}Second block{\*\htmltag72 </div>}"
                rb"{\*\htmltag58 </body>}{\*\htmltag27 </html>}\htmlrtf }\htmlrtf0 }")
FROM_TEXT = (rb"{\rtf1\ansi\ansicpg1252\fromtext \deff0{\fonttbl{\f0\fmodern Courier New;}}\f0\fs20 The drone "
             rb"unit reported 412 sorties in the\par northern sector.\par\par > Quoted line\par}")
REAL_RTF = (rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fswiss\fcharset204 Arial;}}\f0 \'c4\'f0\'ee\'ed\'fb "
            rb"\'eb\'e5\'f2\'e0\'eb\'e8.\par Second paragraph.\par}")


def read(raw: bytes) -> list[str]:
    fmt = format_of("memo.msg")
    assert fmt is not None
    return list(extract(fmt, raw).paragraphs)


def test_the_lzfu_decompressor_reads_the_published_example() -> None:
    """The compressed RTF example the compressed_rtf package's documentation gives, with its back-references."""
    example = bytes.fromhex("23000000220000004c5a4675335ce87403000a0072637067313235923 20af320740790747d0f10"
                            .replace(" ", ""))
    assert decompressed(example, 1 << 20) == rb"{\rtf1\ansi\ansicpg1252\pard test}"
    assert decompressed(compressed_rtf(REAL_RTF), 1 << 20) == REAL_RTF


def test_the_lzfu_decompressor_is_bounded_in_time_at_its_limit() -> None:
    """20 MB of references each repeating the three bytes before it (the slowest kind, run byte by byte took 6 s
    and literals 11 s): read in bounded time, as the ring of [MS-OXRTFCP] gives them."""
    body, write = bytearray(), len(PREAMBLE)
    for _ in range((20 << 20) // (17 * 8)):
        body.append(0xFF)
        for _ in range(8):
            body += struct.pack(">H", (((write - 3) % 4096) << 4) | 15)
            write += 17
    data = struct.pack("<II", len(body) + 12, 20 << 20) + b"LZFu" + bytes(4) + bytes(body)
    started = time.monotonic()
    found = decompressed(data, 20 << 20)
    assert time.monotonic() - started < 15
    assert found[:3 * 1000] == PREAMBLE[-3:] * 1000 and len(found) == (20 << 20) // (17 * 8) * 17 * 8


def test_html_body_reads_as_w3m_draws_it_after_the_header_lines() -> None:
    raw = message({**SENDER, BODY: "Plain alternative, not shown."},
                  {HTML: HAND_HTML.encode("cp1252", "xmlcharrefreplace"), RTF: compressed_rtf(FROM_TEXT)},
                  {0x3FDE: (LONG, 1252), 0x0039: (TIME, filetime("2026-12-07T08:15:00+00:00"))})
    found = read(raw)
    assert found[:4] == ["From: Jane Doe <jane@example.org>", "Date: Mon, 07 Dec 2026 08:15:00 +0000",
                         "Subject: Sortie report", "To: Desk North"]
    assert found[4:] == w3m(HAND_HTML)


def test_an_html_body_stored_as_a_unicode_string_reads_as_the_binary_one() -> None:
    raw = message({**SENDER, HTML: HAND_HTML}, fixed={0x3FDE: (LONG, 1252)})
    assert read(raw)[3:] == w3m(HAND_HTML)


@pytest.mark.parametrize(("page", "codec"), [(50220, "iso2022_jp"), (932, "cp932"), (28595, "iso8859_5"),
                                             (65001, "utf-8"), (51949, "euc_kr")])
def test_an_html_body_reads_in_its_internet_code_page(page: int, codec: str) -> None:
    text = {"iso2022_jp": "無人機が北部で飛行した。", "cp932": "無人機が北部で飛行した。", "iso8859_5": "Дроны летали.",
            "utf-8": "Дроны, 無人機.", "euc_kr": "드론이 비행했다."}[codec]
    raw = message(SENDER, {HTML: f"<p>{text}</p>".encode(codec)}, {0x3FDE: (LONG, page)})
    assert read(raw)[3:] == [text]


@pytest.mark.parametrize("packed", [compressed_rtf, stored_rtf])
def test_an_rtf_body_encapsulating_html_reads_as_that_html(packed: object) -> None:
    assert callable(packed)
    raw = message({**SENDER, BODY: "Plain fallback."}, {RTF: packed(ENCAPSULATED)})
    assert read(raw)[3:] == w3m(HAND_HTML)  # From, Subject, To: no date


def test_an_rtf_body_encapsulating_text_reads_as_plain_text_and_real_rtf_as_word_shows_it() -> None:
    text = message(SENDER, {RTF: compressed_rtf(FROM_TEXT)})
    assert read(text)[3:] == ["The drone unit reported 412 sorties in the northern sector.", "Quoted line"]
    rich = message(SENDER, {RTF: compressed_rtf(REAL_RTF)})
    assert read(rich)[3:] == ["Дроны летали.", "Second paragraph."]


def test_plain_body_in_the_messages_code_page_and_the_native_body_chosen() -> None:
    narrow = message({0x0C1A: "Иван"}, narrow={BODY: "Дроны летали\r\nночью.".encode("cp1251"),
                                                SUBJECT: "Отчёт".encode("cp1251")}, fixed={PAGE: (LONG, 1251)})
    assert read(narrow) == ["From: Иван", "Subject: Отчёт", "Дроны летали ночью."]
    native = message({**SENDER, BODY: "The plain body Outlook shows."}, {HTML: b"<p>HTML not shown</p>"},
                     {NATIVE: (LONG, 1)})
    assert read(native)[3:] == ["The plain body Outlook shows."]


def test_seeds_add_reads_the_senders_day_and_names_attachments(workspace: Path, tmp_path: Path) -> None:
    headers = "Date: Mon, 7 Dec 2026 00:30:00 +0900\r\nFrom: Jane Doe <jane@example.org>\r\n"
    raw = message({**SENDER, BODY: "Body.", HEADERS: headers}, attachments=("Lagebericht März.pdf", "map.png"),
                  fixed={0x0039: (TIME, filetime("2026-12-06T15:30:00+00:00"))})
    (tmp_path / "memo.msg").write_bytes(raw)
    result = run(workspace, "seeds", "add", str(tmp_path / "memo.msg"))
    assert result.exit_code == 0, result.output
    assert "its attachments are not read: Lagebericht März.pdf; map.png" in result.output
    catalogue = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8")
    assert 'title: "Sortie report"' in catalogue and 'originator: "Jane Doe"' in catalogue
    assert 'published: "2026-12-07"' in catalogue
    assert "Date: Mon, 7 Dec 2026 00:30:00 +0900" in read(raw)


def _patched(data: bytes, at: int, value: int) -> bytes:
    return data[:at] + struct.pack("<I", value) + data[at + 4:]


def _big() -> bytes:
    return message(SENDER, {HTML: b"<p>" + b"x" * 6000 + b"</p>"})


def _html_start(raw: bytes) -> int:
    from briefgen.sources.formats.cfb import Compound

    entry = Compound(raw, SeedError).find("__substg1.0_10130102")
    assert entry is not None
    return entry.start


def _fat_loop() -> bytes:
    raw = _big()
    start = _html_start(raw)
    return _patched(raw, 512 + 4 * (start + 1), start)  # the stream's second sector leads back to its first


def _past_end() -> bytes:
    raw = _big()
    return _patched(raw, 512 + 4 * _html_start(raw), 0x00FFFFF0)


def _odd_entry() -> bytes:
    """A directory entry in the tree marked unused: neither stream nor storage, no name."""
    raw = _big()
    entry = 512 + 512 * struct.unpack_from("<I", raw, 48)[0] + 128
    return raw[:entry + 64] + bytes(4) + raw[entry + 68:]  # no name length, type, colour


def _huge_rtf() -> bytes:
    """A compressed RTF body stating 1 GB, its references repeating the bytes just written."""
    header = struct.pack("<II", 12 + 3, 1 << 30) + b"LZFu" + bytes(4)
    return message(SENDER, {RTF: header + b"\xff" + struct.pack(">H", (204 << 4) | 15)})


def _mini_past_end() -> bytes:
    """The first small stream's chain in the mini FAT leads past the table's end."""
    raw = _big()
    minifat = 512 + 512 * struct.unpack_from("<I", raw, 60)[0]
    return _patched(raw, minifat, 0x00FFFFF0)


HOSTILE = {
    "rtf.msg": (_huge_rtf, "the Outlook message's RTF body is larger than 20 MB"),
    "loop.msg": (_fat_loop, "the Outlook message is damaged"),
    "pastend.msg": (_past_end, "the Outlook message is damaged"),
    "cut.msg": (lambda: _big()[:1500], "the Outlook message is damaged"),
    "word.msg": (lambda: compound_file({"WordDocument": b"x" * 100}), "the file is an Office compound file but "
                                                                       "not an Outlook message"),
    "pdf.msg": (lambda: b"%PDF-1.4\n", "the file is a PDF document, not an Outlook message as its name says"),
    "text.msg": (lambda: b"Just a note.\n", "the file is not an Outlook message (it is not an OLE compound file)"),
}


# Damage in what a reader never needs: a chain's link past the sectors its stream's size takes, a directory entry
# that is neither stream nor storage, a header's count of FAT sectors (the FAT is found through the DIFAT). The
# message reads, as Outlook opens it, within the same bounds.
HARMLESS = {"minichain.msg": _mini_past_end, "entry.msg": _odd_entry,
            "counts.msg": lambda: _patched(_big(), 44, 0x00FFFFFF)}


@pytest.mark.parametrize("name", sorted(HARMLESS))
def test_damage_where_nothing_is_read_leaves_the_message_readable(name: str) -> None:
    raw = HARMLESS[name]()
    started = time.monotonic()
    paragraphs = read(raw)
    assert time.monotonic() - started < 10
    assert paragraphs[0].startswith("From: "), paragraphs[:2]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_damaged_and_hostile_compound_files_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    refused_quickly(workspace, tmp_path / name, *HOSTILE[name])
