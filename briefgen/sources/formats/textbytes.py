"""What a text file's bytes are when they are not UTF-8: UTF-16 written without a byte order mark (read, as it
is Unicode text, only its byte order unsaid), or a legacy encoding (Windows-1252, Shift-JIS, GB18030…), which is
named in the refusal so the user knows what to convert from."""

from __future__ import annotations

_WHITE = frozenset(" \t\n\r\f\v")


def utf16_without_bom(raw: bytes) -> str | None:
    """The text of UTF-16 bytes with no byte order mark, in the one byte order that reads as text; else None.

    Read as UTF-16, the bytes must decode, hold only characters that are printed or white space, and hold some
    white space (a space or a line break is "20 00" or "0A 00" little-endian): text in a one-byte or multi-byte
    legacy encoding has no NUL bytes, so it never reads as a space or a line break in UTF-16, and the other byte
    order of real UTF-16 text turns each line break into U+0A00, which is no character."""
    if len(raw) % 2:
        return None
    found = [text for codec in ("utf-16-le", "utf-16-be") if (text := _as_text(raw, codec)) is not None]
    return found[0] if len(found) == 1 else None


def _as_text(raw: bytes, codec: str) -> str | None:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    characters = set(text)
    if not characters & _WHITE or not all(char.isprintable() or char in _WHITE for char in characters):
        return None
    return text


def likely_encoding(raw: bytes, markup: bool = False) -> str | None:
    """The legacy encoding the bytes most likely are, as ICU's detector names it ("windows-1252", "Shift_JIS",
    "GB18030"), when it is fairly sure and the whole file decodes in it; else None. `markup`: the bytes are an
    HTML page, whose tags the detector is to look past (ASCII markup drowns the text's few telling bytes)."""
    import icu

    from briefgen.sources.formats.webcharsets import lookup

    try:
        detector = icu.CharsetDetector(raw[:65536])
        detector.enableInputFilter(markup)
        match = detector.detect()
    except icu.ICUError:
        return None
    name, known = match.getName(), lookup(match.getName())
    if match.getConfidence() < 30 or known is None or name.upper().startswith("UTF"):
        return None
    try:
        raw.decode(known[1])
    except (UnicodeDecodeError, LookupError):
        return None
    return str(name)
