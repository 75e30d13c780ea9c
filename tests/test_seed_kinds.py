"""A seed whose content is another kind of file than its name says is refused, naming what it is; a text file
in UTF-16 with its byte order mark (Windows' "Unicode") is read; a whole HTML page named .txt or .md is
refused (its scripts and hidden text would be read as its words)."""

from __future__ import annotations

import io

import pytest

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.formats.plain import SeedError, decode_text


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 700, "The army has 1,200 drones.")
    page.save()
    return out.getvalue()


def _docx() -> bytes:
    from docx import Document

    out = io.BytesIO()
    document = Document()
    document.add_paragraph("The army has 1,200 drones.")
    document.save(out)
    return out.getvalue()


def _read(raw: bytes, suffix: str) -> str:
    if suffix == ".txt":
        return decode_text(raw)
    return "\n".join(extract(FORMATS[suffix], raw).paragraphs)


@pytest.mark.parametrize(("make", "kind"), [(_pdf, "a PDF document"), (_docx, "a Word document")])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx"])
def test_a_file_named_as_another_kind_is_refused_naming_what_it_is(make: object, kind: str, suffix: str) -> None:
    raw = make()  # type: ignore[operator]
    if (suffix == ".pdf") == (kind == "a PDF document") and suffix in (".pdf", ".docx"):
        assert "1,200 drones" in _read(raw, suffix)
        return
    with pytest.raises(SeedError, match=f"the file is {kind}") as found:
        _read(raw, suffix)
    assert "suffix" in (found.value.hint or "")


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n" + bytes(100), b"\xff\xd8\xff\xe0" + bytes(100)])
def test_an_image_named_as_a_page_is_refused(raw: bytes) -> None:
    with pytest.raises(SeedError, match="image"):
        _read(raw, ".html")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_its_byte_order_mark_is_read(encoding: str) -> None:
    text = "The army has 1,200 drones.\r\nKim said “AI” is the top priority."
    raw = text.encode(encoding)
    if encoding != "utf-16":
        raw = ("\ufeff" + text).encode(encoding)
    assert decode_text(raw) == text
    assert list(extract(FORMATS[".md"], raw).paragraphs) == ["The army has 1,200 drones. Kim said “AI” is the "
                                                             "top priority."]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_whole_html_page_named_as_text_is_refused(suffix: str) -> None:
    page = b"\xef\xbb\xbf<!-- saved -->\n<!DOCTYPE html><html><body><p>Seen.</p><p hidden>Hidden 0.</p></body></html>"
    with pytest.raises(SeedError, match="the file is an HTML page"):
        _read(page, suffix)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html", ".md"])
def test_an_empty_document_says_it_is_empty(tmp_path: object, suffix: str) -> None:
    from pathlib import Path

    from briefgen.sources.seeds import read_document

    path = Path(str(tmp_path)) / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(SeedError, match=r"the file is empty \(0 bytes\)"):
        read_document(str(path))


def test_nul_characters_in_a_page_are_dropped_as_a_browser_drops_them() -> None:
    assert _read(b"<p>The army has 1,2\x0000 drones.</p>", ".html") == "The army has 1,200 drones."
