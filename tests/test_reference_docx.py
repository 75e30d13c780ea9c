"""A profile's look.reference_docx: the DOCX brief takes that document's styles and page setup (like pandoc's
--reference-doc) and keeps our footnotes, bullets and deterministic zip."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.shared import Inches, RGBColor
from lxml import etree

from briefgen.document.nodes import Theme
from briefgen.writers.docx import write
from tests.conftest import ROOT
from tests.helpers import run
from tests.ooxml_order import violations
from tests.samples import sample_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
LEAK = "Reference body text that must never reach a brief"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def make_reference(path: Path, heading_id: str = "") -> Path:
    """A reference built from python-docx's default template: red Heading 1, Georgia Normal, Letter page
    with 1-inch margins, a header (kept: the letterhead) and body text (dropped)."""
    reference = docx.Document()
    reference.styles["Heading 1"].font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    reference.styles["Normal"].font.name = "Georgia"
    if heading_id:
        reference.styles["Heading 1"].style_id = heading_id
    section = reference.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("top_margin", "right_margin", "bottom_margin", "left_margin"):
        setattr(section, side, Inches(1))
    section.header.paragraphs[0].text = "REFERENCE HEADER"
    reference.add_paragraph(LEAK)
    reference.add_paragraph("A bullet of the reference", style="List Bullet")
    reference.save(str(path))
    return path


def xml(path: Path, member: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(member))


def xml_bytes(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member)


def style(styles: etree._Element, ident: str) -> etree._Element:
    found = styles.find(f"w:style[@w:styleId='{ident}']", NS)
    assert found is not None, f"no style {ident}"
    return found


def assert_reference_styles(path: Path) -> None:
    styles = xml(path, "word/styles.xml")
    assert style(styles, "Heading1").find("w:rPr/w:color", NS).get(w("val")) == "FF0000"
    assert style(styles, "Normal").find("w:rPr/w:rFonts", NS).get(w("ascii")) == "Georgia"
    # Styles the reference lacks are ours, so every style the body names exists.
    defined = {s.get(w("styleId")) for s in styles.iterfind("w:style", NS)}
    body = xml(path, "word/document.xml")
    used = {e.get(w("val")) for e in body.iter(w("pStyle"), w("rStyle"), w("tblStyle"))}
    assert used <= defined, used - defined
    assert {"Banner", "BoxTitle", "Tag", "BriefTable", "FootnoteText", "FootnoteReference"} <= defined


def assert_footnotes_match(path: Path) -> None:
    notes = xml(path, "word/footnotes.xml")
    body = xml(path, "word/document.xml")
    note_ids = [n.get(w("id")) for n in notes.iter(w("footnote")) if int(n.get(w("id"))) > 0]
    ref_ids = [r.get(w("id")) for r in body.iter(w("footnoteReference"))]
    assert note_ids and sorted(note_ids, key=int) == sorted(ref_ids, key=int)
    assert len(set(ref_ids)) == len(ref_ids)


def assert_bullets_are_ours(path: Path) -> None:
    """List Bullet points at a bullet list whose level claims the style, and no other level does."""
    styles, numbering = xml(path, "word/styles.xml"), xml(path, "word/numbering.xml")
    num_id = style(styles, "ListBullet").find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
    abstract_id = num.find("w:abstractNumId", NS).get(w("val"))
    level = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl", NS)
    assert level.find("w:numFmt", NS).get(w("val")) == "bullet"
    claims = [p for p in numbering.iter(w("pStyle")) if p.get(w("val")) == "ListBullet"]
    assert claims == [level.find("w:pStyle", NS)]


@pytest.fixture
def ref_audience(workspace: Path) -> Path:
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (workspace / "templates/house.yaml").write_text(profile + "look: {reference_docx: house.docx}\n",
                                                     encoding="utf-8")
    make_reference(workspace / "templates/house.docx")
    return workspace


def test_build_takes_styles_and_page_from_the_reference(ref_audience: Path) -> None:
    result = run(ref_audience, "build", "-a", "house", "-f", "docx")
    assert result.exit_code == 0, result.output
    path = ref_audience / "output/house.docx"
    assert_reference_styles(path)
    assert_footnotes_match(path)
    assert_bullets_are_ours(path)
    body = xml(path, "word/document.xml")
    size, margins = body.find(".//w:sectPr/w:pgSz", NS), body.find(".//w:sectPr/w:pgMar", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("12240", "15840")  # Letter, from the reference
    assert margins.get(w("left")) == margins.get(w("right")) == "1440"
    with zipfile.ZipFile(path) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert LEAK.encode() not in everything
    assert b"REFERENCE HEADER" in xml_bytes(path, "word/header1.xml")  # the letterhead is kept
    opened = docx.Document(str(path))  # python-docx reads it back; the brief's text is there
    assert any(p.style is not None and p.style.name == "Heading 1" for p in opened.paragraphs)


def test_reference_output_is_deterministic(tmp_path: Path) -> None:
    reference = make_reference(tmp_path / "ref.docx")
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write(sample_document(), first, Theme(reference_docx=reference))
    write(sample_document(), second, Theme(reference_docx=reference))
    assert first.read_bytes() == second.read_bytes()
    assert_footnotes_match(first)


def test_revision_ids_of_a_reference_saved_by_word_are_not_carried_over(tmp_path: Path) -> None:
    reference = make_reference(tmp_path / "ref.docx")
    rsid = b' w:rsidR="00A1B2C3" w:rsidRPr="00D4E5F6"'
    _rewrite(reference, "word/styles.xml", lambda x: x.replace(b"<w:style ", b"<w:style" + rsid + b" ", 3))
    _rewrite(reference, "word/header1.xml", lambda x: x.replace(b"<w:p>", b"<w:p" + rsid + b">"))
    _rewrite(reference, "word/settings.xml", lambda x: x.replace(
        b"</w:settings>", b'<w:rsids><w:rsidRoot w:val="00A1B2C3"/></w:rsids></w:settings>'))
    assert xml_bytes(reference, "word/styles.xml").count(b"w:rsidR=") >= 3
    out = tmp_path / "out.docx"
    write(sample_document(), out, Theme(reference_docx=reference))
    assert b"REFERENCE HEADER" in xml_bytes(out, "word/header1.xml")
    with zipfile.ZipFile(out) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".xml"))
    assert b"rsid" not in everything


def test_reference_style_found_by_name_when_its_id_differs(tmp_path: Path) -> None:
    """A localised Word names Heading 1 'heading 1' but may give it another id (German: berschrift1)."""
    reference = make_reference(tmp_path / "ref.docx", heading_id="berschrift1")
    path = tmp_path / "brief.docx"
    write(sample_document(), path, Theme(reference_docx=reference))
    assert_reference_styles(path)
    styles = xml(path, "word/styles.xml")
    assert styles.find("w:style[@w:styleId='berschrift1']", NS) is None
    assert len(styles.findall("w:style/w:name[@w:val='heading 1']", NS)) == 1


def _profile(ws: Path, value: str) -> None:
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (ws / "templates/house.yaml").write_text(profile + f"look: {{reference_docx: {value!r}}}\n", encoding="utf-8")


@pytest.mark.parametrize(("value", "content", "message"), [
    ("missing.docx", None, "reference DOCX 'missing.docx' not found"),
    ("notes.docx", b"plain text, not a zip", "not a DOCX file"),
    ("empty.docx", "zip", "it has no word/document.xml"),  # a package without styles is Word's defaults
    ("../seeds/summary.yaml", None, "is outside templates/"),
])
def test_bad_reference_is_refused_before_anything_is_written(workspace: Path, value: str, content: bytes | str | None,
                                                             message: str) -> None:
    _profile(workspace, value)
    if content == "zip":
        with zipfile.ZipFile(workspace / "templates" / value, "w") as archive:
            archive.writestr("word/styles.xml", "<x/>")
    elif isinstance(content, bytes):
        (workspace / "templates" / value).write_bytes(content)
    result = run(workspace, "build", "-a", "house")
    assert result.exit_code == 1
    assert "look.reference_docx" in result.output and message in result.output, result.output
    assert result.output.startswith("templates/house.yaml:")  # at the profile's line
    assert "hint: set look.reference_docx" in result.output
    assert not (workspace / "output/house.docx").exists() and not (workspace / "output/house.pdf").exists()


def test_a_package_not_declared_a_word_document_is_refused(workspace: Path) -> None:
    """A package with styles.xml whose main part is declared neither a Word document nor a template (with
    or without macros): refused at profile time (a .dotx serves: tests/test_house_references.py)."""
    make_reference(workspace / "templates/house.docx")
    with zipfile.ZipFile(workspace / "templates/house.docx") as source:
        entries = {n: source.read(n) for n in source.namelist()}
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.example.notes+xml")
    with zipfile.ZipFile(workspace / "templates/house.docx", "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)
    _profile(workspace, "house.docx")
    result = run(workspace, "build", "-a", "house", "-f", "docx")
    assert result.exit_code == 1
    assert "look.reference_docx" in result.output and "cannot open it as a document" in result.output


def test_a_damaged_reference_is_a_located_error(workspace: Path) -> None:
    """A zip with the right parts but broken XML is refused at the profile's line, not with a traceback."""
    make_reference(workspace / "templates/house.docx")
    with zipfile.ZipFile(workspace / "templates/house.docx") as source:
        entries = {n: source.read(n) for n in source.namelist()}
    entries["word/styles.xml"] = entries["word/styles.xml"][:200]
    with zipfile.ZipFile(workspace / "templates/house.docx", "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)
    _profile(workspace, "house.docx")
    for command in ("check", "build"):
        result = run(workspace, command)
        assert result.exit_code == 1, result.output
        assert "templates/house.yaml:" in result.output and "house.docx: cannot read it:" in result.output
        assert "Traceback" not in result.output
    assert not (workspace / "output/house.docx").exists()


def _rewrite(path: Path, member: str, change: Callable[[bytes], bytes], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite one part of a DOCX (and add parts), as a hand-edited or damaged reference would be."""
    with zipfile.ZipFile(path) as source:
        entries = {n: source.read(n) for n in source.namelist()}
    entries[member] = change(entries.get(member, b""))
    entries.update(extra or {})
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)


@pytest.mark.parametrize("run_properties", [b'<w:sz w:val="0"/>', b'<w:color w:val="zzzzzz"/>',
                                            b'<w:sz w:val="-40"/><w:color w:val="12345"/>',
                                            b'<w:sz w:val="NaN"/><w:color w:val="auto"/>', b'<w:sz w:val="inf"/>'])
def test_style_values_word_never_writes_are_not_taken(ref_audience: Path, run_properties: bytes) -> None:
    """A font size outside Word's 1-1638 pt or a colour that is not six hex digits is ignored (the default
    stays), never a crash of the writers (exit 3 before), and not carried into the DOCX, which Word would then
    refuse (a second w:sz, a size of 0)."""
    reference = ref_audience / "templates/house.docx"
    _rewrite(reference, "word/styles.xml", lambda d: re.sub(rb"(<w:rPrDefault><w:rPr>)", rb"\1" + run_properties, d))
    for command in ("check", "build"):
        result = run(ref_audience, command, *(("-a", "house") if command == "build" else ()))
        assert result.exit_code == 0, result.output
    assert (ref_audience / "output/house.pdf").exists()
    assert not violations(ref_audience / "output/house.docx")


@pytest.mark.parametrize(("section", "shown"), [
    (b'<w:pgSz w:w="600" w:h="800"/>', "page of 11 × 14 mm"),  # a page smaller than its margins
    (b'<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="7000" w:right="5000" w:bottom="7000" w:left="5000" '
     b'w:header="0" w:footer="0" w:gutter="0"/>', "margins of 123, 88, 123 and 88 mm"),
    (b'<w:pgSz w:w="9999999" w:h="9999999"/>', "page of 176389 × 176389 mm"),
])
def test_a_page_that_cannot_hold_a_brief_is_a_check_error(ref_audience: Path, section: bytes, shown: str) -> None:
    """The reference's page is checked by `check` at the profile's line, not found out by the layout."""
    assert run(ref_audience, "build", "-a", "house").exit_code == 0  # the previous briefs, kept
    reference = ref_audience / "templates/house.docx"
    drop = rb"<w:pgSz[^>]*/>" + (rb"<w:pgMar[^>]*/>" if b"pgMar" in section else b"")
    _rewrite(reference, "word/document.xml", lambda d: re.sub(drop, section, d))
    before = {p.name: p.read_bytes() for p in (ref_audience / "output").iterdir() if p.is_file()}
    for command in ("check", "build"):
        result = run(ref_audience, command)
        assert result.exit_code == 1, result.output
        assert "templates/house.yaml:" in result.output and "cannot hold a brief" in result.output, result.output
        assert shown in result.output and "hint: in Word (Layout > Margins, Size)" in result.output
    assert {p.name: p.read_bytes() for p in (ref_audience / "output").iterdir() if p.is_file()} == before
    assert "house.pdf" in before


HEADER_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
               '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type='
               '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{target}"{mode}/>'
               '</Relationships>')


@pytest.mark.parametrize(("member", "target", "mode", "shown"), [
    ("word/_rels/header1.xml.rels", "https://tracker.example/pixel.png", ' TargetMode="External"',
     "links a picture or object from outside the document: https://tracker.example/pixel.png"),
    ("word/_rels/header1.xml.rels", "media/missing.png", "", "links to 'media/missing.png', which is not in"),
    ("word/_rels/document.xml.rels", "../../../../etc/passwd", "", "links to '../../../../etc/passwd'"),
])
def test_a_reference_linking_outside_itself_is_a_check_error(ref_audience: Path, member: str, target: str,
                                                             mode: str, shown: str) -> None:
    """python-docx loads every part a relationship names (a missing one failed the build only), and a picture
    linked from outside the letterhead would be fetched by every reader who opens the brief."""
    reference = ref_audience / "templates/house.docx"
    link = HEADER_RELS.format(target=target, mode=mode).encode()
    if member.endswith("document.xml.rels"):
        _rewrite(reference, member, lambda d: d.replace(b"</Relationships>", link.split(b"<Relationships", 1)[1]
                                                        .split(b">", 1)[1].replace(b'"rId9"', b'"rId99"')))
    else:
        _rewrite(reference, member, lambda d: link)
    for command in ("check", "build"):
        result = run(ref_audience, command)
        assert result.exit_code == 1, result.output
        assert "look.reference_docx" in result.output and shown in result.output, result.output
        assert "Traceback" not in result.output
