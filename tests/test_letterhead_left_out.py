"""`check`'s warning for a letterhead picture the PDF leaves out names the picture once, in words: a picture
too large to decode (more pixels than any letterhead needs) read "the letterhead's the letterhead picture has
more than … pixels", the picture's own refusal pasted after the warning's prefix."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path

import docx

from tests.helpers import name_reference, run


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares `width` x `height` pixels and holds one empty row: enough for a header reader."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b""))


def test_a_letterhead_picture_too_large_is_named_once(workspace: Path) -> None:
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].add_run().add_picture(BytesIO(_png_header(30000, 30000)))
    reference.save(str(workspace / "templates/house.docx"))
    name_reference(workspace, "house.docx")
    result = run(workspace, "check")
    assert "the letterhead's picture " in result.output and "pixels" in result.output, result.output
    assert "the letterhead's the letterhead" not in result.output
