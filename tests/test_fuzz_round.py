"""Fault classes found by a structured fuzz of the workspace (random type, text and file mutations of the model,
catalogue, profiles, templates, seeds and output/), each run as a user runs briefgen, as a process, so the exit
code and what is printed are the real ones. Each case states the exact message line and hint, exit code 1, and
that the briefs already published are untouched."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from tests.conftest import ROOT
from tests.helpers import built_workspace, copy_workspace, name_reference, published


def briefgen(ws: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), *args], capture_output=True, env=env,
                          timeout=300, check=False)


def said(done: subprocess.CompletedProcess[bytes]) -> str:
    return (done.stdout + done.stderr).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("built"))


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Path:
    return copy_workspace(built, tmp_path)


def refused(ws: Path, command: tuple[str, ...], message: str, hint: str) -> str:
    """Run `command`; it must exit 1 printing `message` as a line and `hint` as its hint, no traceback or
    internal error, with the published briefs untouched."""
    before = published(ws)
    done = briefgen(ws, *command)
    text = said(done)
    assert done.returncode == 1, text
    assert "Traceback" not in text and "internal error" not in text, text
    lines = [line.strip() for line in text.splitlines()]
    assert message in lines, text
    assert f"hint: {hint}" == lines[lines.index(message) + 1], text
    assert published(ws) == before
    return text


# A template names the template it extends, includes or imports by something other than its file name in
# quotes: jinja hands the object to the loader, which failed on it with an AttributeError (exit 3). An empty
# name or a folder's was read as the templates/ folder itself, an unlocated "not a regular file".

NOT_A_NAME = "template error: a template is named by its file name in quotes, not by a value of type {}"
NAME_HINT = "write the template's file name in quotes: {% extends 'base.xml.j2' %}"
NOT_FOUND_HINT = ("name a template inside templates/ (a path from that folder, without '..'), or a bundled one: "
                  "analyst.xml.j2, base.xml.j2, executive.xml.j2, public.xml.j2")

TEMPLATE_NAMES = [
    ("{% extends self %}", NOT_A_NAME.format("TemplateReference"), NAME_HINT),
    ("{% extends none %}", NOT_A_NAME.format("NoneType"), NAME_HINT),
    ("{% include 5 %}", NOT_A_NAME.format("int"), NAME_HINT),
    ("{% include [5] %}", NOT_A_NAME.format("int"), NAME_HINT),
    ("{% from cite import x %}", NOT_A_NAME.format("CiteRegistry"), NAME_HINT),
    ("{% import judgments as j %}{{ j }}", NOT_A_NAME.format("list"), NAME_HINT),
    ("{% include '' %}", "template '' not found", NOT_FOUND_HINT),
    ("{% include '.' %}", "template '.' not found", NOT_FOUND_HINT),
    ("{% include [] %}", "the tag names no template (an empty list)", NOT_FOUND_HINT),
]


@pytest.mark.parametrize(("source", "message", "hint"), TEMPLATE_NAMES, ids=[c[0] for c in TEMPLATE_NAMES])
def test_a_template_named_by_anything_but_its_name_is_a_located_template_error(
        ws: Path, source: str, message: str, hint: str) -> None:
    (ws / "templates/public.xml.j2").write_text(source, encoding="utf-8")
    text = refused(ws, ("build",), f"templates/public.xml.j2:1: {message}", hint)
    assert "CiteRegistry(" not in text  # the object's text (the whole model) is never printed


# A mapping key holding a line break ("a\nb": 1, or a block scalar as a complex key) was printed as it is in
# the key path before the message, so the `file:line:col: path: message` line broke in two.

KEYS = [
    ("templates/executive.yaml", '"a\\nb": 1', "templates/executive.yaml:14:1: a\\u000ab: unknown key 'a\\nb'",
     "allowed keys: description, template, formats, max_pages, fit_slack, sections, limits, filters, confidence, "
     "show_likelihood, show_evidence, show_corroboration, organisation, banner, footer, look, chart, ceiling, "
     "portion_marks, citations, document_control"),
    ("seeds/summary.yaml", '"x\\ry": 1', "seeds/summary.yaml:316:1: x\\u000dy: unknown key 'x\\ry'",
     "allowed keys: brief, judgments, figures, quotes, gaps"),
    ("templates/executive.yaml", "? |\n  block\n: 1", "templates/executive.yaml:14:3: block\\u000a: unknown key "
     "'block\\n'", "did you mean 'look'?"),
]


@pytest.mark.parametrize(("file", "text", "message", "hint"), KEYS, ids=["profile", "model", "block-key"])
def test_a_key_with_a_line_break_is_named_on_the_messages_one_line(ws: Path, file: str, text: str, message: str,
                                                                   hint: str) -> None:
    with (ws / file).open("a", encoding="utf-8") as out:
        out.write(text + "\n")
    refused(ws, ("build",), message, hint)


# A reference DOCX whose document (or header, footer) refers to a relationship id its .rels part does not
# define: python-docx looked the id up while the DOCX writer added the banner under the letterhead, a KeyError
# (exit 3), though `check` had passed it.

def _reference_with_dangling_id(path: Path, part: str) -> None:
    made = docx.Document()
    made.sections[0].header.paragraphs[0].text = "HOUSE HEADER"
    made.sections[0].footer.paragraphs[0].text = "HOUSE FOOTER"
    made.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    if part == "word/document.xml":
        parts[part] = re.sub(rb'(<w:footerReference [^>]*r:id=")[^"]*"', rb'\g<1>0x10"', parts[part])
    else:  # a picture in the header whose r:embed names no relationship
        picture = (b'<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
                   b'wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/'
                   b'main"><a:graphicData><a:blip r:embed="rId77"/></a:graphicData></a:graphic></wp:inline>'
                   b'</w:drawing></w:r></w:p>')
        parts[part] = parts[part].replace(b"</w:p>", picture, 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(("part", "rid"), [("word/document.xml", "0x10"), ("word/header1.xml", "rId77")])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_reference_part_naming_an_undefined_relationship_is_an_error_at_the_reference(
        ws: Path, part: str, rid: str, command: str) -> None:
    _reference_with_dangling_id(ws / "templates/house.docx", part)
    name_reference(ws, "house.docx")
    refused(ws, (command,), f"{'  ' if command == 'check' else ''}templates/executive.yaml:14:24: "
            f"look.reference_docx: its part {part} refers to the relationship '{rid}', which its relationships do "
            "not define".strip(), "re-save the document in Word or LibreOffice")


# A font file lacking a table reportlab needs was refused as "damaged: KeyError", naming a Python exception.

@pytest.mark.parametrize("table", ["hhea", "hmtx", "post"])
def test_a_font_without_a_table_the_pdf_needs_names_the_table(ws: Path, table: str) -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(ROOT / "briefgen/fonts/Carlito-Regular.ttf")
    del font[table]
    font.save(str(ws / "templates/mine.ttf"))
    with (ws / "templates/executive.yaml").open("a", encoding="utf-8") as out:
        out.write("look: {fonts: {body: mine.ttf}}\n")
    refused(ws, ("build",), f"templates/executive.yaml:14:22: look.fonts.body: font 'mine.ttf' is damaged: it has "
            f"no '{table}' table, which the PDF needs", "name a TrueType font file (.ttf, or an .otf with TrueType "
            "outlines) inside templates/")


# A reference whose [Content_Types].xml declares its styles, header or core properties as something else:
# python-docx loaded the part as bytes and the DOCX writer failed reading it ("'Part' object has no attribute
# 'styles'", exit 3), though `check` had passed it.

def _reference_declaring(path: Path, part: str) -> None:
    made = docx.Document()
    made.sections[0].header.paragraphs[0].text = "HOUSE HEADER"
    made.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    types = parts["[Content_Types].xml"].decode()
    declared = f'<Override PartName="/{part}" ContentType="text/plain"/>'
    types = re.sub(f'<Override PartName="/{re.escape(part)}" [^>]*/>', "", types).replace("</Types>",
                                                                                           declared + "</Types>")
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(("part", "kind"), [("word/styles.xml", "styles"), ("word/header1.xml", "header"),
                                            ("docProps/core.xml", "core-properties")])
def test_a_reference_part_declared_as_another_kind_is_an_error_at_the_reference(ws: Path, part: str,
                                                                                kind: str) -> None:
    _reference_declaring(ws / "templates/house.docx", part)
    name_reference(ws, "house.docx")
    refused(ws, ("build",), f"templates/executive.yaml:14:24: look.reference_docx: its part {part} is declared in "
            f"[Content_Types].xml as 'text/plain', not as the {kind} part its relationship names",
            "re-save the document in Word or LibreOffice")


# An HTML seed whose text holds a character reference to a control character (&#27;, &#1;, &#12;): lxml's
# parser leaves the character in the text but refuses it back when the text is changed (the hidden-text and
# line-break passes, trafilatura's own), a ValueError (exit 3) from `check` and `build`. Now the character is
# dropped, as Python's html.parser drops it (a form feed, white space in HTML, is a space), and the page reads.

def _as_page(ws: Path, last: str = "", html_tag: str = "<html>") -> None:
    """Seed 000 saved as a web page (a <p> a line, the first line its title and headline), with `last` added to
    its last paragraph, and catalogued as such."""
    import html

    seed = ws / "seeds/000_eab46a25288d9a93.txt"
    lines = [html.escape(line, quote=False) for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines[-1] += last
    body = "".join(f"<p>{line}</p>" for line in lines[1:])
    (ws / "seeds/000_eab46a25288d9a93.html").write_text(
        f"{html_tag}<head><title>{lines[0]}</title></head><body><article><h1>{lines[0]}</h1>{body}</article></body>"
        "</html>", encoding="utf-8")
    seed.unlink()
    catalogue = ws / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("000_eab46a25288d9a93.txt",
                                                                       "000_eab46a25288d9a93.html"), encoding="utf-8")


@pytest.mark.parametrize(("reference", "read"), [("&#27;[31m", "marked[31mhere"), ("&#1;", "markedhere"),
                                               ("&#12;", "marked here"), ("&#x1F;", "markedhere")])
def test_an_html_seed_with_a_reference_to_a_control_character_reads(ws: Path, reference: str, read: str) -> None:
    _as_page(ws, f" marked{reference}here")
    for command in (("check",), ("seeds", "show", "gsw-ai-arms-race", "--grep", "marked")):
        done = briefgen(ws, *command)
        assert done.returncode == 0, said(done)
        assert "internal error" not in said(done)
    assert read in said(done)


# A reference whose main part has no w:body (or is not a w:document at all): the DOCX writer emptied the body
# it assumed was there, a TypeError (exit 3), though `check` had passed it.

@pytest.mark.parametrize(("document", "message"), [
    (b"<w:document %s/>", "its main part word/document.xml is not a Word document with a body (w:document, w:body)"),
    (b"<w:hdr %s><w:body/></w:hdr>", "its part word/document.xml is not a Word document part: its root element is "
     "w:hdr, not w:document")])
def test_a_reference_without_a_document_body_is_an_error_at_the_reference(ws: Path, document: bytes,
                                                                          message: str) -> None:
    path = ws / "templates/house.docx"
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = document % b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    name_reference(ws, "house.docx")
    refused(ws, ("build",), f"templates/executive.yaml:14:24: look.reference_docx: {message}",
            "re-save the document in Word or LibreOffice")


# Web pages that stopped the HTML readers (exit 3): a marked section with a keyword other than CDATA, IF and the
# like (`<![CDAT x]>`: Python's html.parser before 3.13 raises an AssertionError, where a browser reads a comment);
# a stray "<s" before curly quotes, which trafilatura turns into an attribute named “top that its own check of
# its XML output cannot parse (the page is now read as raw blocks). And a page whose root element is hidden,
# whose root lxml could not drop: a browser shows nothing, so the page has no visible text.

@pytest.mark.parametrize(("last", "read"), [(" marked<![CDAT x]>here", "markedhere"),
                                            (" marked<![ x]>here", "markedhere"),
                                            (" marked <s at the \u201ctop\u201d here", "marked")])
def test_a_page_that_stopped_the_html_readers_reads(ws: Path, last: str, read: str) -> None:
    _as_page(ws, last)
    for command in (("check",), ("seeds", "show", "gsw-ai-arms-race", "--grep", "marked")):
        done = briefgen(ws, *command)
        assert done.returncode == 0, said(done)
        assert "internal error" not in said(done)
    assert read in said(done)


@pytest.mark.parametrize("html_tag", ["<html hidden>", '<html style="display:none">'])
def test_a_page_whose_root_is_hidden_has_no_visible_text(ws: Path, html_tag: str) -> None:
    _as_page(ws, html_tag=html_tag)
    refused(ws, ("build",), "seeds/sources.yaml:10:11: sources[0].file: 000_eab46a25288d9a93.html: the page has no "
            "visible text", "save the page with its text, not only scripts or images")


# A reference DOCX whose parts python-docx reads have the wrong shape: the root element of its settings,
# numbering, header or core properties is another element (python-docx reads it as plain XML, without the
# methods the writer calls: AttributeError), [Content_Types].xml's root is not Types, a relationship lacks its
# Type, a list is numbered "NaN" (int() in the writer: ValueError), all exit 3 after `check` had passed them;
# and a reference with no section properties at all, which Word opens with its defaults (IndexError).

def _repacked(path: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    made = docx.Document()
    made.sections[0].header.paragraphs[0].text = "HOUSE HEADER"
    made.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _root(part: str, tag: bytes) -> Callable[[dict[str, bytes]], None]:
    def change(parts: dict[str, bytes]) -> None:
        parts[part] = re.sub(rb"<(/?)(w|cp):(settings|hdr|coreProperties|numbering)\b", rb"<\1\2:" + tag,
                             parts[part])
    return change


def _numbered_nan(parts: dict[str, bytes]) -> None:
    parts["word/numbering.xml"] = re.sub(rb'w:abstractNumId="\d+"', b'w:abstractNumId="NaN"',
                                         parts["word/numbering.xml"], count=1)


def _typeless(parts: dict[str, bytes]) -> None:
    parts["word/_rels/document.xml.rels"] = re.sub(rb' Type="[^"]*"', b"", parts["word/_rels/document.xml.rels"],
                                                   count=1)


def _types_root(parts: dict[str, bytes]) -> None:
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"<Types ", b"<Override ").replace(
        b"</Types>", b"</Override>")


SHAPES = {
    "settings root": (_root("word/settings.xml", b"defaultTabStop"), "its part word/settings.xml is not a Word "
                      "settings part: its root element is w:defaultTabStop, not w:settings"),
    "header root": (_root("word/header1.xml", b"p"), "its part word/header1.xml is not a Word hdr part: its root "
                    "element is w:p, not w:hdr"),
    "core root": (_root("docProps/core.xml", b"lastModifiedBy"), "its part docProps/core.xml is not a Word "
                  "coreProperties part: its root element is cp:lastModifiedBy, not cp:coreProperties"),
    "numbering id": (_numbered_nan, "its part word/numbering.xml numbers a list w:abstractNumId='NaN', not a "
                     "whole number"),
    "relationship type": (_typeless, "its part word/_rels/document.xml.rels has a relationship without its Type"),
    "content types root": (_types_root, "its part [Content_Types].xml is not a list of content types (its root "
                           "element is not Types)"),
}


@pytest.mark.parametrize("case", sorted(SHAPES))
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_reference_part_of_the_wrong_shape_is_an_error_at_the_reference(ws: Path, case: str,
                                                                           command: str) -> None:
    change, message = SHAPES[case]
    _repacked(ws / "templates/house.docx", change)
    name_reference(ws, "house.docx")
    indent = "  " if command == "check" else ""
    refused(ws, (command,), f"{indent}templates/executive.yaml:14:24: look.reference_docx: {message}".strip(),
            "re-save the document in Word or LibreOffice")


def test_a_reference_without_section_properties_builds_with_words_defaults(ws: Path) -> None:
    _repacked(ws / "templates/house.docx", lambda parts: parts.update({"word/document.xml": re.sub(
        rb"<w:sectPr\b.*</w:sectPr>", b"", parts["word/document.xml"], flags=re.S)}))
    name_reference(ws, "house.docx")
    done = briefgen(ws, "build", "-a", "executive")
    assert done.returncode == 0, said(done)
    with zipfile.ZipFile(ws / "output/executive.docx") as archive:
        assert b"<w:sectPr" in archive.read("word/document.xml")


# A logo Pillow reads whose header python-docx reads as a size of nothing: a pHYs chunk of 1 pixel a metre (0
# dpi, which python-docx divides by) or of 4 billion (the picture 0 EMU high): ZeroDivisionError in the DOCX
# writer (exit 3). Such a logo is now redrawn as a plain PNG, as a CMYK JPEG already was, in both formats.

def _logo_with_resolution(path: Path, pixels_per_metre: int) -> None:
    import io
    import struct
    import zlib

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 10, 10)).save(buffer, "PNG")
    data = struct.pack(">IIB", pixels_per_metre, pixels_per_metre, 1)
    chunk = struct.pack(">I", len(data)) + b"pHYs" + data + struct.pack(">I", zlib.crc32(b"pHYs" + data))
    path.write_bytes(buffer.getvalue()[:33] + chunk + buffer.getvalue()[33:])  # after the 8-byte mark and IHDR


@pytest.mark.parametrize("pixels_per_metre", [1, 2**32 - 1])
def test_a_logo_whose_resolution_python_docx_cannot_use_is_redrawn(ws: Path, pixels_per_metre: int) -> None:
    _logo_with_resolution(ws / "templates/logo.png", pixels_per_metre)
    with (ws / "templates/executive.yaml").open("a", encoding="utf-8") as out:
        out.write("look: {logo: logo.png}\n")
    done = briefgen(ws, "build", "-a", "executive")
    assert done.returncode == 0, said(done)
    shown = docx.Document(str(ws / "output/executive.docx")).sections[0].first_page_header.paragraphs[0]
    assert shown._p.xpath(".//a:blip")  # the logo is in the first page's header
    assert shown.runs[-1]._r.xpath(".//wp:extent")[0].cy > 0  # at its height


# A library's warning about a user's file was printed with the library's source path and line before briefgen's
# own message: Pillow's DecompressionBombWarning for a logo of 121 million pixels (under Pillow's error limit).

def test_a_librarys_warning_about_a_file_is_not_printed(ws: Path) -> None:
    from PIL import Image

    Image.new("1", (11000, 11000)).save(ws / "templates/logo.png")
    with (ws / "templates/executive.yaml").open("a", encoding="utf-8") as out:
        out.write("look: {logo: logo.png}\n")
    text = refused(ws, ("build",), "templates/executive.yaml:14:14: look.logo: the logo has more than 25,000,000 "
                   "pixels (a decompression bomb?)", "scale the logo down to a few hundred pixels")
    assert "Warning" not in text and "site-packages" not in text, text


# An explicit YAML tag on a value not of its type (`!!int plain`, `!!bool maybe`, `!!float x`): the loader built
# the value with PyYAML's constructor, which raised ValueError or KeyError (exit 3).

TAGGED = [
    ("templates/public.yaml", "confidence: plain", "confidence: !!int plain",
     "templates/public.yaml:7:13: confidence: 'plain' is not a YAML int, as its tag !!int says"),
    ("templates/public.yaml", "confidence: plain", "confidence: !!float x",
     "templates/public.yaml:7:13: confidence: 'x' is not a YAML float, as its tag !!float says"),
    ("seeds/summary.yaml", "    confidence: high\n", "    confidence: !!bool maybe\n",
     "seeds/summary.yaml:46:17: judgments[0].confidence: 'maybe' is not a YAML bool, as its tag !!bool says"),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), TAGGED, ids=["int", "float", "bool"])
def test_a_tag_that_does_not_fit_its_value_is_located(ws: Path, file: str, old: str, new: str, message: str) -> None:
    path = ws / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    refused(ws, ("build",), message, "remove the tag; briefgen reads plain YAML only")


# A brief dated after 2107 (as_of: 9999-12-31, a real date): the DOCX's zip entries were stamped with it, and a
# zip's date cannot hold a year past 2107 (struct.error, exit 3). The stamp is now kept within the zip's years.

@pytest.mark.parametrize("as_of", ["9999-12-31", "2108-01-01"])
def test_a_brief_dated_beyond_the_zip_years_builds(ws: Path, as_of: str) -> None:
    model = ws / "seeds/summary.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace('as_of: "2025-09-19"', f'as_of: "{as_of}"'),
                     encoding="utf-8")
    done = briefgen(ws, "build", "-a", "executive")
    assert done.returncode == 0, said(done)
    with zipfile.ZipFile(ws / "output/executive.docx") as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2107, 12, 31)}


def test_an_output_folder_that_cannot_be_made_has_a_hint(ws: Path) -> None:
    """`-o /proc` (a folder briefgen cannot write in): the message came without a hint (ENOENT had none)."""
    refused(ws, ("build", "-a", "executive", "-o", "/proc"), "/proc/.build.lock: no such file or folder",
            "check the path (for -o, a folder briefgen can make: its parent must exist and be writable, not a "
            "system folder such as /proc)")
