"""The mutations tests/fuzz_readers.py draws: bytes flipped, cut, duplicated and deleted; little-endian numbers of
a compound file or FIB set to edges; numbers written as text set out of range; markup nested deep, given huge
attributes, entities and other namespaces; a message's MIME structure; a zip's header fields and members."""

from __future__ import annotations

import io
import random
import warnings
import zipfile
from collections.abc import Callable

NUMBERS = (b"-1", b"0", b"65536", b"4294967295", b"4294967296", b"99999999999999999999", b"1e308", b"NaN", b"-0",
           b"1048577", b"XFD1048577", b"AAAA1", b"16385", b"2958466", b"-693594", b"0x10", b"1.5", b"")
WORDS = (0, 1, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, 2, 3, 7, 64,
         4096, 0x200, 0x1000000)


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
    if not members:
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
    ".odt": ZIPPED, ".ods": ZIPPED, ".fods": (*GENERIC, markup, number, number),
    ".fodp": (*GENERIC, markup, number, number), ".docx": ZIPPED, ".pdf": (*GENERIC, number, number),
    ".csv": (*GENERIC, number),
    ".rtf": (*GENERIC, number, number, number), ".html": (*GENERIC, markup, markup, number),
    ".md": (*GENERIC, markup, number)}


def mutated(rng: random.Random, suffix: str, seeds: list[bytes]) -> bytes:
    data = rng.choice(seeds)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data = rng.choice(MUTATORS[suffix])(rng, data)
    return data
