"""The bundled fonts' parsed tables (writers/pdf/fontcache.py): the same faces and the same PDF bytes as parsing
the files, used only for the very file and reportlab version they were made from."""

from __future__ import annotations

import io
import marshal
import mmap
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.document.coverage import FONT_DIR
from briefgen.writers.pdf import fontcache

BUNDLED = sorted(FONT_DIR.glob("*.ttf"))


def _made_by(path: Path) -> str:
    """The reportlab that made the table, if the table is of this code's format."""
    key, _ = marshal.loads(zlib.decompress(path.with_name(path.name + fontcache.SUFFIX).read_bytes()))
    return str(key[1]) if key[0] == fontcache.FORMAT else "another format"


def _key(data: bytes) -> tuple[Any, ...]:
    return fontcache._file_key(io.BytesIO(data))


def _values(state: dict[str, Any]) -> dict[str, Any]:
    """A face's state as values: the stored face's arrays and metrics as the lists the parser makes, its
    mapped file as the bytes the parser read."""
    return {k: list(v) if k in ("glyphPos", "hmetrics") else v[:] if k == "_ttf_data" else v
            for k, v in state.items()}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_a_face_from_its_table_is_the_face_parsed_from_its_file(path: Path) -> None:
    parsed, stored = TTFont("parsed", str(path)), fontcache.ttfont("stored", path)
    if _made_by(path) != reportlab.Version:  # made by another reportlab: parsed, as any other font
        assert fontcache._table(path, _key(path.read_bytes())) is None
        return
    assert fontcache._table(path, _key(path.read_bytes())) is not None, "stale table: run `make precompiled`"
    assert "glyphToChar" not in vars(stored.face)  # decoded only when asked for (only shaping asks)
    theirs = dict(parsed.face.__dict__)
    mine = {k: getattr(stored.face, k) for k in theirs}
    assert mine.pop("_pdfScale")(1234.5) == theirs.pop("_pdfScale")(1234.5)
    assert _values(mine) == _values(theirs)
    assert [type(v) for v in _values(mine).values()] == [type(v) for v in _values(theirs).values()]
    widths = (list(mine["charWidths"].values()), list(theirs["charWidths"].values()))
    assert [type(w) for w in widths[0]] == [type(w) for w in widths[1]]  # an int width stays an int, a float a float
    assert stored.face.glyphToChar is stored.face.glyphToChar  # decoded once: reportlab's shaping adds to it
    assert {k: v for k, v in vars(stored).items() if k not in ("face", "fontName", "encoding", "state")} == \
        {k: v for k, v in vars(parsed).items() if k not in ("face", "fontName", "encoding", "state")}
    assert vars(stored).keys() == vars(parsed).keys()


def test_a_table_is_not_used_for_other_bytes_another_reportlab_or_another_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = FONT_DIR / "Carlito-Regular.ttf"
    data = path.read_bytes()
    assert fontcache._table(path, _key(data[:-1] + bytes([data[-1] ^ 1]))) is None  # one bit changed
    assert fontcache._table(path, _key(data + b"\0")) is None
    copy = tmp_path / path.name  # a profile's own copy, with the table beside it: parsed all the same
    copy.write_bytes(data)
    (tmp_path / (path.name + fontcache.SUFFIX)).write_bytes(b"not a table")
    assert fontcache.ttfont("copy", copy).face.charToGlyph == TTFont("x", str(path)).face.charToGlyph
    monkeypatch.setattr(reportlab, "Version", "0.0")
    assert fontcache._table(path, _key(data)) is None


_WRITE = """
import sys
from pathlib import Path
from briefgen.document.nodes import Document, Meta, Paragraph, Quote, Span, Theme
from briefgen.writers.pdf import fontcache
from briefgen.writers.pdf.writer import write
if sys.argv[2] == "parse":
    fontcache._table = lambda path, data: None
from tests.samples import sample_document
doc = sample_document()
extra = (Paragraph((Span("Kim 김정은, Arabic العربية, Hebrew עברית, हिन्दी, 中文 and ∑ ≠ ★"),)),
         Quote((Span("日本語の文章"),), (Span("Bold", bold=True), Span(" italic", italic=True))))
write(Document(doc.meta, doc.blocks + extra), Path(sys.argv[1]), Theme())
from reportlab.pdfbase import pdfmetrics
for name in ("NanumGothic", "NotoNaskhArabic"):
    print(f"{name}:{type(pdfmetrics.getFont(name).face._ttf_data).__name__}")
"""


def test_a_pdf_drawn_from_the_tables_is_the_pdf_drawn_from_parsing(tmp_path: Path) -> None:
    root = str(Path(__file__).resolve().parents[1])
    held = {}
    for how in ("tables", "parse"):
        held[how] = subprocess.run([sys.executable, "-c", _WRITE, str(tmp_path / f"{how}.pdf"), how], check=True,
                                   cwd=root, env={"SOURCE_DATE_EPOCH": "1700000000", "PATH": "/usr/bin:/bin"},
                                   capture_output=True, text=True).stdout.split()
    assert (tmp_path / "tables.pdf").read_bytes() == (tmp_path / "parse.pdf").read_bytes()
    # drawn from the table, the Korean face's file stays mapped (its subset read only the pages it needed);
    # the Arabic face was shaped, and HarfBuzz was given the file's bytes
    assert held == {"tables": ["NanumGothic:mmap", "NotoNaskhArabic:bytes"],
                    "parse": ["NanumGothic:bytes", "NotoNaskhArabic:bytes"]}


def test_a_window_on_the_mapped_glyph_table_slices_as_its_bytes_would() -> None:
    path = FONT_DIR / "Carlito-Regular.ttf"
    data, face = path.read_bytes(), fontcache.ttfont("window", path).face
    assert isinstance(face._ttf_data, mmap.mmap)
    start, length = face.get_table_pos("glyf")
    whole, window = data[start:start + length], face.get_table("glyf")
    assert len(window) == length
    for part in (slice(0, 10), slice(5, 5), slice(length - 3, length + 7), slice(length + 1, length + 9),
                 slice(9, 3), slice(None, 4), slice(length - 2, None)):
        assert window[part] == whole[part], part
    with pytest.raises(ValueError):
        window[0:10:2]
    head, size = face.get_table_pos("head")
    assert face.get_table("head") == data[head:head + size]  # another table: its bytes, as reportlab gives them


def test_a_font_file_that_cannot_be_mapped_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without mappings (or the process's limit reached): the same face, from the file's bytes."""
    def refused(*_: object, **__: object) -> mmap.mmap:
        raise OSError(19, "No such device")

    path = FONT_DIR / "Carlito-Bold.ttf"
    monkeypatch.setattr(fontcache.mmap, "mmap", refused)
    font = fontcache.ttfont("read", path)
    assert font.face._ttf_data == path.read_bytes()
    subset = [0, 32] + [ord(c) for c in "Read"]
    assert font.face.makeSubset(subset) == TTFont("plain", str(path)).face.makeSubset(subset)



@pytest.mark.parametrize("own", [False, True], ids=["bundled", "a profile's own"])
def test_a_subset_made_again_is_the_bytes_reportlab_makes_made_once(own: bool, tmp_path: Path) -> None:
    path = FONT_DIR / "Carlito-Regular.ttf"
    if own:  # outside the bundled folder: parsed by reportlab, with the same wrapper
        path = tmp_path / "own.ttf"
        path.write_bytes((FONT_DIR / "Carlito-Regular.ttf").read_bytes())
    font, plain = fontcache.ttfont("remembering", path), TTFont("plain", str(path))
    brief, other = [0, 32] + [ord(c) for c in "Brief"], [0, 32] + [ord(c) for c in "Other"]
    first = font.face.makeSubset(brief)
    assert first == plain.face.makeSubset(brief)
    assert font.face.makeSubset(list(brief)) is first  # the same subset again: the bytes made the first time
    assert font.face.makeSubset(other) == plain.face.makeSubset(other) != first
