"""Text seeds in the encodings Windows and older editors write: UTF-16 without its byte order mark is read (it is
Unicode, only its byte order unsaid); Windows-1252, Shift-JIS and GB18030 are refused with the encoding they look
like and the line, so the user knows what to convert from; NUL bytes and mixed line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.sources.formats.plain import SeedError
from briefgen.sources.seeds import Seed, read_document

ENGLISH = "The minister said \u201cthe programme is a top priority\u201d and it\u2019s growing.\r\nSecond line.\n"
JAPANESE = "防衛省は無人機の開発を「最優先」と述べた。\n次の行。\n"


def _seed(path: Path) -> Seed:
    _raw, text, pages = read_document(str(path))
    return Seed(str(path), path.name, text, pages)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(("text", "passage"), [(ENGLISH, "said “the programme is a top priority”"),
                                                (JAPANESE, "開発を「最優先」と述べた。")])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str, text: str, passage: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(codec))  # no BOM: as .NET's Encoding.Unicode.GetBytes or a C program writes it
    seed = _seed(path)
    assert seed.paragraphs == tuple(line.strip() for line in text.splitlines())
    assert seed.locate(passage) == 1


@pytest.mark.parametrize(("text", "codec", "name", "line"), [
    ("Line one.\nThe minister said \u201ca top priority\u201d in 2025 and again later on.\n", "cp1252",
     "windows-1252", 2),
    (JAPANESE * 3, "shift_jis", "Shift_JIS", 1),
    ("国防部称无人机项目是“重中之重”。\n第二行说明了更多的情况和细节。\n" * 3, "gb18030", "GB18030", 1),
])
def test_a_legacy_encoding_is_refused_by_name(tmp_path: Path, text: str, codec: str, name: str, line: int) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode(codec))
    with pytest.raises(SeedError) as caught:
        read_document(str(path))
    assert f"it looks like {name} text" in caught.value.message
    assert f"iconv -f {name.upper()} -t UTF-8" in (caught.value.hint or "")
    assert caught.value.line == line


def test_nul_bytes_in_text_say_where(tmp_path: Path) -> None:
    path = tmp_path / "padded.txt"
    path.write_bytes(b"First line.\nSecond line.\n\x00\x00\x00")
    with pytest.raises(SeedError, match=r"binary file, not text \(a NUL byte at byte 25\)") as caught:
        read_document(str(path))
    assert caught.value.line == 3


def test_mixed_line_endings_each_end_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"One.\r\nTwo.\rThree.\nFour.\n")
    assert _seed(path).paragraphs == ("One.", "Two.", "Three.", "Four.")
