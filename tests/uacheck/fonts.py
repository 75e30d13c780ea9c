"""Fonts that draw text: the program embedded (31-009), a way from every code shown to Unicode (31-027,
10-001), and no ToUnicode value that means nothing (31-028, 31-029)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf

from tests.uacheck.content import Glyphs
from tests.uacheck.findings import Finding

NAMED = {"/WinAnsiEncoding", "/MacRomanEncoding", "/MacExpertEncoding"}
COLLECTIONS = {"GB1", "CNS1", "Japan1", "Korea1"}
STANDARD_14 = {"Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Helvetica", "Helvetica-Bold",
               "Helvetica-Oblique", "Helvetica-BoldOblique", "Courier", "Courier-Bold", "Courier-Oblique",
               "Courier-BoldOblique"}  # Symbol and ZapfDingbats left out: their names are not Latin text
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_SECTION = re.compile(rb"begin(bfchar|bfrange|codespacerange)(.*?)end\1", re.S)


def font_findings(fonts: dict[tuple[int, int], Glyphs]) -> Iterator[Finding]:
    for glyphs in fonts.values():
        font = glyphs.font
        where = f"font {str(font.get('/BaseFont', '(unnamed)'))[1:]}"
        if glyphs.rendered and not _embedded(font):
            yield Finding("31-009", where)
        unicode = font.get("/ToUnicode")
        if not isinstance(unicode, pikepdf.Stream):
            if not _names_map_to_unicode(font):
                yield Finding("31-027", where)
            continue
        mapping, widths = read_cmap(unicode.read_bytes())
        if any(value == "\x00" for value in mapping.values()):
            yield Finding("31-028", where)
        if any("\ufeff" in value or "\ufffe" in value for value in mapping.values()):
            yield Finding("31-029", where)
        size = widths or (2 if font.get("/Subtype") == "/Type0" else 1)
        unmapped = sorted({code for string in glyphs.strings for code in _codes(string, size)} - set(mapping))
        if unmapped:
            yield Finding("10-001", where, f"{len(unmapped)} code(s) without a Unicode value, first "
                                           f"<{unmapped[0].hex()}>")


def _descriptor(font: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor if isinstance(descriptor, pikepdf.Dictionary) else None


def _embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # its glyphs are content streams in the file
    descriptor = _descriptor(font)
    return descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _names_map_to_unicode(font: pikepdf.Dictionary) -> bool:
    """The cases ISO 14289-1 7.21.7 lets go without a ToUnicode map (Matterhorn 31-027)."""
    kind = font.get("/Subtype")
    if kind == "/Type0":
        info = font.DescendantFonts[0].get("/CIDSystemInfo", pikepdf.Dictionary())
        return str(info.get("/Registry", "")) == "Adobe" and str(info.get("/Ordering", "")) in COLLECTIONS
    encoding = font.get("/Encoding")
    if isinstance(encoding, pikepdf.Dictionary):
        if "/Differences" in encoding:
            return False  # glyph names we cannot vouch for without the Adobe Glyph List
        encoding = encoding.get("/BaseEncoding")
    if encoding in NAMED:
        return True
    descriptor = _descriptor(font)
    symbolic = descriptor is not None and int(descriptor.get("/Flags", 0)) & 4
    if kind == "/TrueType":
        return not symbolic
    name = str(font.get("/BaseFont", "/"))[1:].split("+")[-1]
    return kind == "/Type1" and encoding is None and name in STANDARD_14


def read_cmap(data: bytes) -> tuple[dict[bytes, str], int]:
    """A ToUnicode CMap's mappings (code bytes -> text) and the code length its codespace gives (0: none)."""
    mapping: dict[bytes, str] = {}
    width = 0
    for kind, body in _SECTION.findall(data):
        if kind == b"codespacerange":
            first = _HEX.search(body)
            width = len(_hex(first.group(1))) if first else 0
        elif kind == b"bfchar":
            values = [_hex(v) for v in _HEX.findall(body)]
            mapping.update((src, _utf16(dst)) for src, dst in zip(values[::2], values[1::2], strict=False))
        else:
            mapping.update(_ranges(body))
    return mapping, width


def _ranges(body: bytes) -> Iterator[tuple[bytes, str]]:
    for line in re.finditer(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", body):
        low, high, target = _hex(line.group(1)), _hex(line.group(2)), line.group(3)
        start, stop = int.from_bytes(low, "big"), int.from_bytes(high, "big")
        if target.startswith(b"["):
            values = [_utf16(_hex(v)) for v in _HEX.findall(target)]
            yield from ((code.to_bytes(len(low), "big"), v) for code, v in zip(range(start, stop + 1), values,
                                                                               strict=False))
            continue
        base = _hex(target[1:-1])
        for offset in range(min(stop - start, 0xFFFF) + 1):
            value = ((int.from_bytes(base, "big") + offset) % 256 ** len(base)).to_bytes(len(base), "big")
            yield (start + offset).to_bytes(len(low), "big"), _utf16(value)


def _hex(text: bytes) -> bytes:
    digits = re.sub(rb"\s", b"", text)
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _utf16(value: bytes) -> str:
    return value.decode("utf-16-be", errors="replace")


def _codes(string: bytes, size: int) -> Iterator[bytes]:
    return (string[i:i + size] for i in range(0, len(string), size))
