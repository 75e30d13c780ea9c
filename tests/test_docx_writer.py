"""The DOCX writer, checked by reading the real file back: its XML, python-docx, pandoc and LibreOffice."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.document.nodes import (
    Block,
    Box,
    BulletList,
    Column,
    Document,
    Heading,
    Meta,
    Paragraph,
    Quote,
    Span,
    Table,
    Theme,
)
from briefgen.errors import BriefgenError
from briefgen.writers.docx import write
from tests.helpers import libreoffice_pdf, pdftotext
from tests.samples import EXPECTED_NOTE_KEYS, HOSTILE, NOTE_A, NOTE_A_SHORT, NOTE_B, sample_document
from tests.tools import require

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R, "rel": PKG_REL, "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def note_text(note: object) -> str:
    return "".join(span.text for span in note.content)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    result = write(sample_document(), path, Theme())
    assert result.path == path and result.notes == len(EXPECTED_NOTE_KEYS) and result.pages == 0
    return path


def xml(path: Path, member: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(member))


def paragraph_texts(root: etree._Element) -> list[str]:
    return ["".join(p.itertext()) for p in root.iter(f"{{{W}}}p")]


def test_footnote_ids_match_references_one_to_one(sample: Path) -> None:
    notes = xml(sample, "word/footnotes.xml").findall("w:footnote", NS)
    kinds = {n.get(f"{{{W}}}id"): n.get(f"{{{W}}}type") for n in notes}
    assert kinds["-1"] == "separator" and kinds["0"] == "continuationSeparator"
    note_ids = [n.get(f"{{{W}}}id") for n in notes if n.get(f"{{{W}}}type") is None]
    body = xml(sample, "word/document.xml")
    ref_ids = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}footnoteReference")]
    assert note_ids == ref_ids == ["1", "2", "3"]


def test_footnote_texts_are_the_citations_in_order(sample: Path) -> None:
    notes = xml(sample, "word/footnotes.xml").findall("w:footnote", NS)[2:]
    texts = ["".join(n.itertext()).strip() for n in notes]
    assert texts == [note_text(NOTE_A), note_text(NOTE_B), note_text(NOTE_A_SHORT)]
    for note in notes:
        assert note.find(".//w:pStyle", NS).get(f"{{{W}}}val") == "FootnoteText"
        assert note.find(".//w:footnoteRef", NS) is not None


def test_repeated_citations_reuse_the_note_number(sample: Path) -> None:
    body = xml(sample, "word/document.xml")
    marks = {b.get(f"{{{W}}}name") for b in body.iter(f"{{{W}}}bookmarkStart")}
    fields = [t.text.split() for t in body.iter(f"{{{W}}}instrText") if "NOTEREF" in (t.text or "")]
    total_refs = len(sample_document().notes())
    assert len(fields) == total_refs - len(EXPECTED_NOTE_KEYS)
    assert all(field[1] in marks for field in fields)
    assert {"judgments", "figures", "quotes"} <= marks  # Heading.anchor bookmarks


def test_footnote_styles_content_type_and_relationship(sample: Path) -> None:
    styles = xml(sample, "word/styles.xml")
    ids = {s.get(f"{{{W}}}styleId"): s for s in styles.findall("w:style", NS)}
    assert ids["FootnoteText"].get(f"{{{W}}}type") == "paragraph"
    reference = ids["FootnoteReference"]
    assert reference.find(".//w:vertAlign", NS).get(f"{{{W}}}val") == "superscript"
    types = xml(sample, "[Content_Types].xml")
    override = types.find("ct:Override[@PartName='/word/footnotes.xml']", NS)
    assert override is not None and override.get("ContentType") == FOOTNOTES_CT
    rels = xml(sample, "word/_rels/document.xml.rels")
    targets = {r.get("Type").rsplit("/", 1)[1]: r.get("Target") for r in rels}
    assert targets["footnotes"] == "footnotes.xml"
    settings = xml(sample, "word/settings.xml")
    assert len(settings.findall("w:footnotePr/w:footnote", NS)) == 2


def test_python_docx_finds_named_styles_and_tables(sample: Path) -> None:
    document = docx.Document(str(sample))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(getattr(paragraph.style, "name", ""), []).append(paragraph.text)
    assert by_style["Title"] == ["Sample Brief"]
    assert by_style["Heading 1"] == ["Key judgments", "Key figures", "Quotes"]
    assert len(by_style["List Bullet"]) == 2 and len(by_style["Quote"]) == 1
    assert by_style["Subtitle"] == ["Information as of 19 September 2025"]
    box, table = document.tables
    assert box.cell(0, 0).paragraphs[0].text == "Bottom line"
    assert getattr(table.style, "name", "") == "Brief Table"
    assert [c.text for c in table.rows[0].cells] == ["Figure", "Value"]
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right, from Column.align
    widths = [c.width for c in table.rows[0].cells]
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.01)  # from Column.weight
    heading = document.styles["Heading 1"].element
    assert heading.find(".//w:outlineLvl", NS).get(f"{{{W}}}val") == "0"


def test_bullets_are_a_real_word_list(sample: Path) -> None:
    styles = xml(sample, "word/styles.xml")
    bullet = styles.find("w:style[@w:styleId='ListBullet']", NS)
    num_id = bullet.find(".//w:numId", NS).get(f"{{{W}}}val")
    numbering = xml(sample, "word/numbering.xml")
    assert numbering.find(f"w:num[@w:numId='{num_id}']", NS) is not None
    assert numbering.find(".//w:numFmt", NS).get(f"{{{W}}}val") == "bullet"


def test_hostile_text_is_literal(sample: Path) -> None:
    texts = paragraph_texts(xml(sample, "word/document.xml"))
    assert any(text.startswith(HOSTILE) for text in texts)
    for token in HOSTILE.split():
        assert any(token in text for text in texts), token


def test_same_document_gives_identical_bytes(tmp_path: Path, sample: Path) -> None:
    again = tmp_path / "again.docx"
    write(sample_document(), again, Theme())
    assert again.read_bytes() == sample.read_bytes()
    with zipfile.ZipFile(sample) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {i.date_time for i in infos} == {(2025, 9, 19, 0, 0, 0)}
        everything = b"".join(archive.read(i) for i in infos if i.filename.endswith(".xml"))
    assert b"rsid" not in everything and b"python-docx" not in everything
    assert not any(i.filename.endswith(".jpeg") for i in infos)


def test_core_properties_come_from_meta(sample: Path) -> None:
    props = docx.Document(str(sample)).core_properties
    assert (props.title, props.subject, props.author) == ("Sample Brief", "Testing", "briefgen tests")
    assert props.keywords == "test, sample" and props.language == "en"
    stamps = {d.replace(tzinfo=None) for d in (props.created, props.modified, props.last_printed)}
    assert stamps == {datetime(2025, 9, 19)}
    assert props.last_modified_by == "briefgen tests" and props.revision == 1


def test_link_is_an_external_relationship(sample: Path) -> None:
    rels = xml(sample, "word/_rels/document.xml.rels")
    links = {r.get("Id"): r for r in rels if r.get("Type").endswith("/hyperlink")}
    body = xml(sample, "word/document.xml")
    [hyperlink] = body.iter(f"{{{W}}}hyperlink")
    rel = links[hyperlink.get(f"{{{R}}}id")]
    assert rel.get("TargetMode") == "External" and rel.get("Target") == "https://example.org/x?a=1&b=2"
    assert "".join(hyperlink.itertext()) == "the site"


def test_control_characters_and_long_words_do_not_break_xml(tmp_path: Path) -> None:
    word = "x" * 5000
    doc = Document(Meta(title="t\x00"), (Paragraph((Span("a\x01b\x1f\ufffe\ud800c " + word),)),))
    path = tmp_path / "odd.docx"
    write(doc, path, Theme())
    texts = paragraph_texts(xml(path, "word/document.xml"))
    assert "a\ufffdb\ufffd\ufffd\ufffdc " + word in texts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_any_unicode_is_written_literally(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.docx"
    write(Document(Meta(title=text), (Paragraph((Span(text),)),)), path, Theme())
    [written] = paragraph_texts(xml(path, "word/document.xml"))
    # XML-illegal characters, and the DEL and C1 controls no font draws, print as U+FFFD in both writers
    expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", "\ufffd", text)
    assert written == re.sub("[\t\n\r]", "", expected)  # tabs and breaks become w:tab / w:br


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(b"previous brief")

    def crash(*_: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write(sample_document(), path, Theme())
    assert path.read_bytes() == b"previous brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]
    monkeypatch.undo()
    write(sample_document(), path, Theme())
    assert zipfile.is_zipfile(path) and sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]


@pytest.mark.parametrize("blocks", [
    (),
    (Box("Box", (Table((Column("A"),), (((Span("1"),),),)),)), Table((Column("B"),), ())),
    (BulletList(()), Table((), ()), Heading(3, (Span("deep"),), anchor="9 bad anchor!"), Quote(())),
])
def test_edge_shaped_documents_open_in_python_docx_with_no_notes(tmp_path: Path, blocks: tuple[Block, ...]) -> None:
    path = tmp_path / "edge.docx"
    assert write(Document(Meta(title="Edge"), blocks), path, Theme()).notes == 0
    document = docx.Document(str(path))
    assert len(document.paragraphs) >= 1


def tiny_png(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x1f\x3a\x5f" * 4 for _ in range(2)))
    body = chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


def test_theme_page_logo_and_footer(tmp_path: Path) -> None:
    logo = tiny_png(tmp_path / "logo.png")
    theme = Theme(page_size="Letter", logo=logo, footer="Prepared by X", organisation="Org")
    path = tmp_path / "themed.docx"
    write(sample_document(), path, theme)
    size = xml(path, "word/document.xml").find(".//w:pgSz", NS)
    assert size.get(f"{{{W}}}w") == "12240"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert any(n.startswith("word/media/") for n in names)
        furniture = b"".join(archive.read(n) for n in names if n.startswith(("word/header", "word/footer")))
    assert b"Prepared by X" in furniture and b"NUMPAGES" in furniture and b"Org" in furniture


def test_unusable_logo_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    with pytest.raises(BriefgenError, match="logo"):
        write(sample_document(), tmp_path / "x.docx", Theme(logo=bad))
    assert not (tmp_path / "x.docx").exists()


# ---------------------------------------------------------------- real readers


def pandoc_notes(node: object) -> list[object]:
    if isinstance(node, dict):
        found = [node] if node.get("t") == "Note" else []
        return found + [n for value in node.values() for n in pandoc_notes(value)]
    if isinstance(node, list):
        return [n for item in node for n in pandoc_notes(item)]
    return []


def test_pandoc_reads_every_footnote(sample: Path) -> None:
    pandoc = require("pandoc")
    out = subprocess.run([pandoc, "-f", "docx", "-t", "json", str(sample)], capture_output=True, check=True)
    assert len(pandoc_notes(json.loads(out.stdout))) == len(EXPECTED_NOTE_KEYS)
    plain = subprocess.run([pandoc, "-f", "docx", "-t", "plain", str(sample)], capture_output=True,
                           check=True, text=True).stdout
    assert "Originator unknown" in plain and "{{ jinja }}" in plain


def test_libreoffice_lays_it_out_with_the_notes(sample: Path, tmp_path: Path) -> None:
    text = pdftotext(libreoffice_pdf(sample, tmp_path))
    flat = " ".join(text.split())
    for note in (NOTE_A, NOTE_B, NOTE_A_SHORT):
        assert " ".join(note_text(note).split()) in flat
    assert "Page 1 of 1" in flat and "\f" not in text.rstrip("\f")  # one page
