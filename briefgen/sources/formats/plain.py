"""What every format reader shares: the error a seed that cannot be used raises, and plain UTF-8 text."""

from __future__ import annotations

from briefgen.errors import Unplaced


class SeedError(Unplaced):
    """Why a seed file cannot be used, phrased for the user; carries an optional hint and line."""


def decode_text(raw: bytes) -> str:
    """UTF-8 text (a BOM is dropped); a binary or otherwise encoded file is refused with the line at fault."""
    if b"\x00" in raw[:65536]:
        raise SeedError("seed is a binary file, not text", "convert it to UTF-8 plain text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SeedError(f"seed is not valid UTF-8 (byte {exc.start})", "re-save the document as UTF-8",
                        line) from None
