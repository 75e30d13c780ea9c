"""RTF and OpenDocument text seeds (.rtf; .odt, .ott, .fodt): read as Word and LibreOffice show them, checked
against LibreOffice's own text export and PDF of the same files; their properties fill `seeds add`'s entry;
damaged and hostile files are refused with a reason, in bounded time."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from briefgen.sources.formats import extract, format_of
from briefgen.sources.formats.plain import SeedError
from tests.helpers import libreoffice_convert, libreoffice_pdf, pdftotext, run
from tests.opendoc import declared_size, odt_bytes
from tests.seedcases import refused_quickly
from tests.tools import require

RICH = """---
title: Rich Report
author: Jane Analyst
date: 2025-03-14
---

# Northern sector

The drone unit reported 412 sorties in the “northern” sector — during the autumn exercise.[^1]

Cyrillic: Беспилотники летали ночью. Greek: Τα drones πέταξαν. Arabic: الطائرات المسيرة حلقت ليلا. Emoji 🚀 end.

1. First numbered item
2. Second numbered item
    a. nested letter one
    b. nested letter two
3. Third numbered item

* Bullet alpha
* Bullet beta
    * Sub bullet gamma

| Region | Sorties |
|--------|---------|
| North  | 412     |
| South  | 97      |

日本語の文章です。無人機が飛んだ。

Final paragraph with a line\\
break inside it.

[^1]: A footnote with its own text.
"""
FOOTNOTE = "A footnote with its own text."


def paragraphs(path: Path) -> list[str]:
    fmt = format_of(str(path))
    assert fmt is not None, path
    return list(extract(fmt, path.read_bytes()).paragraphs)


def libreoffice_text(files: list[Path], folder: Path) -> dict[str, str]:
    """LibreOffice's text export of each file, by file name: its lines, white space squashed, joined by spaces."""
    folder.mkdir()
    exported = libreoffice_convert(files, folder, to="txt:Text (encoded):UTF8")
    return {file.name: " ".join(" ".join(line.split()) for line in text.read_text(encoding="utf-8-sig").splitlines()
                                if line.strip()) for file, text in zip(files, exported, strict=True)}


def test_documents_word_processors_write_read_as_libreoffice_shows_them(tmp_path: Path) -> None:
    """pandoc's RTF and ODT, and LibreOffice's RTF and ODT of a DOCX: every paragraph, list numbers and bullets
    (a second-level bullet `◦` whatever glyph the RTF draws), table cells, scripts, a character beyond U+FFFF,
    read as LibreOffice's text export gives them; the footnote after the body, its mark glued to its word."""
    pandoc = require("pandoc")
    source = tmp_path / "rich.md"
    source.write_text(RICH, encoding="utf-8")
    made = tmp_path / "made"
    made.mkdir()
    for suffix in ("docx", "rtf", "odt"):  # each file a name of its own: their text exports share a folder
        subprocess.run([pandoc, str(source), "-s", "-o", str(made / f"pandoc-{suffix}.{suffix}")], check=True,
                       timeout=120)
    converted = tmp_path / "lo"
    converted.mkdir()
    for suffix in ("rtf", "odt"):
        shutil.copy(made / "pandoc-docx.docx", converted / f"office-{suffix}.docx")
        libreoffice_convert([converted / f"office-{suffix}.docx"], converted, to=suffix)
    files = [converted / "office-rtf.rtf", converted / "office-odt.odt", made / "pandoc-rtf.rtf",
             made / "pandoc-odt.odt"]
    shown = libreoffice_text(files, tmp_path / "text")
    for file in files:
        found = paragraphs(file)
        assert found[-1] == FOOTNOTE, file
        assert " ".join(found[:-1]) == shown[file.name], file
        assert "🚀" in found[found.index("Northern sector") + 2], file
        assert found[found.index("Northern sector") + 1].endswith("exercise.1"), file
    assert "◦ Sub bullet gamma" in paragraphs(files[0])  # LibreOffice's RTF draws it "–": read by its level


HAND_RTF = (
    rb"{\rtf1\ansi\ansicpg1252\cocoartf2639" b"\n"
    rb"{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fnil\fcharset128 MS Gothic;\f2\fnil\fcharset204 Arial Cyr;"
    rb"\f3\fnil\fcharset161 Arial Greek;\f4\fnil\fcharset136 MingLiU;}" b"\n"
    rb"{\colortbl;\red255\green255\blue255;}" b"\n"
    rb"{\info{\title Hand \'e9crit report}{\author Example Institute}{\creatim\yr2025\mo9\dy21\hr10\min0}}" b"\n"
    rb"\pard\tx566\pardirnatural\f0\fs24 \cf0 Caf\'e9 na\'efve \emdash  \ldblquote quoted\rdblquote  and "
    rb"\lquote single\rquote\par" b"\n"
    rb"Non\~breaking, opt\-ional, tab\tab here, line\line break.\par" b"\n"
    rb"Hidden {\v SECRET }words here.\par" b"\n"
    rb"Field {\field{\*\fldinst HYPERLINK \"http://x.example\"}{\fldrslt shown link}} end.\par" b"\n"
    rb"{\f1 \'96\'b3\'90\'6c\'8b\'40}, {\f2 \'c1\'e5\'f1\'ef\'e8\'eb\'ee\'f2}, {\f3 \'e1\'e2\'e3}, "
    rb"{\f4 \'b5\'4c\'a4\'48}.\par" b"\n"
    rb"Emoji \uc1\u-10179?\u-8704? face and \u1488?\u1489? hebrew.\par" b"\n"
    rb"{\header\pard HEADER TEXT\par}{\*\annotation A COMMENT}" b"\n"
    rb"\trowd\cellx2000\cellx4000\pard\intbl Cell one\cell\intbl Cell two\cell\row\pard" b"\n"
    rb"{\*\bkmkstart b1}Bookmarked{\*\bkmkend b1} text.\par" b"\n"
    rb"{\rtlch \u1575?\u1604?\u1593?\u1585?\u1576?\u1610?\u1577?} Arabic.\par" b"\n"
    rb"}")


def test_rtf_as_wordpad_and_textedit_write_it(tmp_path: Path) -> None:
    """Code pages by each font's character set (Shift-JIS, Cyrillic, Greek, Big5) and the document's, Word's
    named characters, \\uN with its fallback skipped and two surrogates as one character, a field's result, a
    table's cells, right-to-left text: as LibreOffice's text export gives them; hidden text (\\v) is out, as
    LibreOffice's PDF does not print it (its text export keeps it); the header and a comment are not body."""
    rtf = tmp_path / "hand.rtf"
    rtf.write_bytes(HAND_RTF)
    (tmp_path / "pdf").mkdir()
    printed = pdftotext(libreoffice_pdf(rtf, tmp_path / "pdf"))
    assert "SECRET" not in printed and "Hidden words here." in printed
    shown = libreoffice_text([rtf], tmp_path / "text")["hand.rtf"]
    assert " ".join(paragraphs(rtf)) == shown.replace("SECRET ", "").replace("\u00ad", "")  # an optional hyphen
    assert "無人機, Беспилот, αβγ, 無人." in paragraphs(rtf) and "Emoji 😀 face and אב hebrew." in paragraphs(rtf)


OUTLINE = ('<office:styles><text:outline-style style:name="Outline"><text:outline-level-style text:level="1" '
           'style:num-format="1" style:num-suffix="."/><text:outline-level-style text:level="2" style:num-format="1" '
           'style:num-suffix="." text:display-levels="2"/></text:outline-style></office:styles><office:master-styles>'
           '<style:master-page style:name="Standard"><style:header><text:p>HEADER TEXT</text:p></style:header>'
           '</style:master-page></office:master-styles>')
HAND_STYLES = (
    '<style:style style:name="Hid" style:family="text"><style:text-properties text:display="none"/></style:style>'
    '<style:style style:name="HidP" style:family="paragraph"><style:text-properties text:display="none"/>'
    '</style:style><text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
    'style:num-format="1" style:num-suffix=")" style:num-prefix="(" text:start-value="4"/>'
    '<text:list-level-style-number text:level="2" style:num-format="i" style:num-suffix="." text:display-levels="2"/>'
    '</text:list-style><text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="➢"/><text:list-level-style-bullet text:level="2" text:bullet-char="-"/></text:list-style>')
TRACKED = ('<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:deletion>'
           '<office:change-info><dc:creator>x</dc:creator><dc:date>2025-09-01T10:00:00</dc:date></office:change-info>'
           '<text:p>DELETED TEXT</text:p></text:deletion></text:changed-region></text:tracked-changes>')
HAND_BODY = (
    '<text:h text:outline-level="1">Report heading</text:h><text:h text:outline-level="2">Sub heading</text:h>'
    '<text:p>Officials said<text:s text:c="3"/>the<text:tab/>unit flew {change}at night'
    '<text:span text:style-name="Hid"> SECRET</text:span>.<office:annotation><dc:creator>r</dc:creator>'
    '<text:p>A COMMENT</text:p></office:annotation></text:p>'
    '<text:p text:style-name="HidP">HIDDEN PARAGRAPH</text:p>'
    '<text:p>It is a top priority<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1'
    '</text:note-citation><text:note-body><text:p>Footnote body text.</text:p></text:note-body></text:note> for the '
    'army<text:note text:id="n2" text:note-class="endnote"><text:note-citation>i</text:note-citation>'
    '<text:note-body><text:p>Endnote body text.</text:p></text:note-body></text:note>.</text:p>'
    '<text:p>Anchor paragraph <draw:frame draw:name="F1" text:anchor-type="as-char" svg:width="3cm" '
    'svg:height="1cm"><draw:text-box><text:p>Text box words.</text:p></draw:text-box></draw:frame>continues.</text:p>'
    '<text:list text:style-name="L1"><text:list-item><text:p>Fourth item</text:p><text:list><text:list-item>'
    '<text:p>Sub one</text:p></text:list-item><text:list-item><text:p>Sub two</text:p></text:list-item></text:list>'
    '</text:list-item><text:list-item><text:p>Fifth item</text:p></text:list-item></text:list>'
    '<text:p>Interrupting paragraph.</text:p>'
    '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>Sixth item</text:p>'
    '</text:list-item></text:list>'
    '<text:list text:style-name="L2"><text:list-item><text:p>Arrow bullet</text:p><text:list><text:list-item>'
    '<text:p>Dash bullet</text:p></text:list-item></text:list></text:list-item></text:list>'
    '<text:p>Ruby: <text:ruby><text:ruby-base>漢字</text:ruby-base><text:ruby-text>かんじ</text:ruby-text></text:ruby>'
    ' end<text:soft-page-break/> and opt\u00adional.</text:p>'
    '<text:p>Hidden field:<text:hidden-text text:condition="ooow:1" text:string-value="GONE" text:is-hidden="true"/>'
    ' done.</text:p><text:section text:name="S1" text:display="none"><text:p>HIDDEN SECTION</text:p></text:section>'
    '<text:p>Figure <text:sequence text:name="Figure" text:formula="ooow:Figure+1" style:num-format="1">1'
    '</text:sequence>: chart.</text:p>'
    '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/><table:table-row>'
    '<table:table-cell><text:p>Cell one</text:p></table:table-cell><table:table-cell><text:p>Cell two</text:p>'
    '<text:p>Cell two b</text:p></table:table-cell></table:table-row></table:table>')
HAND_SHOWN = [
    "1. Report heading", "1.1. Sub heading", "Officials said the unit flew at night.",
    "It is a top priority1 for the army.", "Anchor paragraph continues.", "Text box words.", "(4) Fourth item",
    "4.i. Sub one", "4.ii. Sub two", "(5) Fifth item", "Interrupting paragraph.", "(6) Sixth item",
    "• Arrow bullet", "◦ Dash bullet", "Ruby: 漢字 end and optional.", "Hidden field: done.", "Figure 1: chart.",
    "Cell one", "Cell two", "Cell two b", "Footnote body text.", "Endnote body text."]


def hand_odt(path: Path, tracked: bool = True) -> Path:
    """The document of HAND_BODY; `tracked`: with a tracked deletion, which LibreOffice shows struck through."""
    body = TRACKED + HAND_BODY.format(change='<text:change text:change-id="ct1"/>') if tracked else \
        HAND_BODY.format(change="")
    path.write_bytes(odt_bytes(body, automatic=HAND_STYLES, styles=OUTLINE,
                               meta="<dc:title>Hand Made</dc:title><dc:creator>Example Institute</dc:creator>"
                                    "<meta:creation-date>2025-09-21T10:00:00</meta:creation-date>"))
    return path


def test_odt_reads_as_libreoffice_shows_it(tmp_path: Path) -> None:
    """Chapter and list numbers as LibreOffice draws them (prefix, suffix, start value, levels shown, a list
    continued), bullets by level, spaces, tabs, a field, a ruby's base, table cells: as its text export gives
    them; what its PDF does not print (a style's hidden text and paragraph, a hidden section, a hidden-text
    field) and the tracked deletion is out; a comment and the header are not body; the text box follows its
    anchor's paragraph, the notes the body, a footnote's mark glued to its word, an endnote's roman one not."""
    odt = hand_odt(tmp_path / "hand.odt")
    found = paragraphs(odt)
    assert found == HAND_SHOWN
    (tmp_path / "pdf").mkdir()
    printed = pdftotext(libreoffice_pdf(odt, tmp_path / "pdf"))
    for hidden in ("SECRET", "HIDDEN PARAGRAPH", "HIDDEN SECTION", "GONE", "A COMMENT"):
        assert hidden not in printed and all(hidden not in line for line in found)
    assert "HEADER TEXT" in printed and "HEADER" not in " ".join(found) and "Text box" in printed
    shown = libreoffice_text([odt], tmp_path / "text")["hand.odt"]
    body = [line for line in found if line not in ("Text box words.", "Footnote body text.", "Endnote body text.")]
    assert " ".join(body).replace("priority1 for the army.", "priority1 for the armyi.") == \
        shown.replace("DELETED TEXT", "").replace(" SECRET", "").replace("HIDDEN PARAGRAPH ", "") \
        .replace("HIDDEN SECTION ", "").replace("opt\u00adional", "optional")


def test_template_and_flat_odt_read_as_the_odt(tmp_path: Path) -> None:
    """An .ott is read as the .odt it is; LibreOffice's flat XML of the document, and its own .odt of it, read
    as the document."""
    shutil.copy(hand_odt(tmp_path / "hand.odt"), tmp_path / "hand.ott")
    assert paragraphs(tmp_path / "hand.ott") == HAND_SHOWN
    odt = hand_odt(tmp_path / "untracked.odt", tracked=False)
    (tmp_path / "flat").mkdir()
    flat = libreoffice_convert([odt], tmp_path / "flat", to="fodt")[0]
    assert flat.read_bytes().lstrip().startswith(b"<?xml")
    assert paragraphs(flat) == paragraphs(odt) == HAND_SHOWN
    saved = libreoffice_convert([odt], tmp_path / "flat", to="odt")[0]  # as LibreOffice writes it itself
    assert saved.read_bytes() != odt.read_bytes() and paragraphs(saved) == HAND_SHOWN


def test_seeds_add_fills_the_entry_from_the_documents_properties(workspace: Path, tmp_path: Path) -> None:
    (tmp_path / "letter.rtf").write_bytes(HAND_RTF)
    hand_odt(tmp_path / "hand.odt")
    result = run(workspace, "seeds", "add", str(tmp_path / "letter.rtf"), str(tmp_path / "hand.odt"))
    assert result.exit_code == 0, result.output
    catalogue = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8")
    assert 'title: "Hand écrit report"' in catalogue and 'title: "Hand Made"' in catalogue
    assert "from the RTF's Author property" in catalogue and "from the ODT's creation date" in catalogue
    assert catalogue.count('published: "2025-09-21"') == 2
    shown = run(workspace, "seeds", "show", "hand-made", "--grep", "Sixth item")
    assert shown.exit_code == 0 and "(6) Sixth item" in shown.output, shown.output


def _deep_rtf() -> bytes:
    return b"{\\rtf1\\ansi " + b"{" * 200_000 + b"x" + b"}" * 200_000 + b"}"


HOSTILE = {
    "bomb.odt": (lambda: declared_size(odt_bytes("<text:p>x</text:p>"), "content.xml", 1 << 30),
                 "the ODT unpacks to 1024 MB, more than a document should"),
    "big.odt": (lambda: declared_size(odt_bytes("<text:p>x</text:p>"), "content.xml", 41 << 20),
                "the ODT's part content.xml unpacks to 41 MB, more than the 40 MB a document of at most 5 MB of "
                "text needs (a decompression bomb?)"),
    "lying.odt": (lambda: declared_size(odt_bytes("<text:p>" + "x " * 50_000 + "</text:p>"), "content.xml", 100),
                  "the ODT is damaged: it cannot be unpacked"),
    "locked.odt": (lambda: odt_bytes("<text:p>x</text:p>", manifest_extra="<manifest:encryption-data/>"),
                   "the ODT is password-protected"),
    "sheet.odt": (lambda: odt_bytes("<text:p>x</text:p>", kind="application/vnd.oasis.opendocument.spreadsheet"),
                  "the file is an OpenDocument spreadsheet, not an OpenDocument text as its name says"),
    "entity.fodt": (lambda: b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "boom">]><d>&e;</d>',
                    "the ODT is unsafe or damaged: its part content.xml declares an XML document type"),
    "cut.odt": (lambda: odt_bytes("<text:p>x</text:p>")[:300], "the ODT is damaged: it cannot be unpacked"),
    "empty.odt": (lambda: odt_bytes("<text:p> </text:p>"), "the ODT has no text in its body"),
    "deep.rtf": (_deep_rtf, "the RTF nests groups too deeply"),
    "plain.rtf": (lambda: b"Just some text, not RTF.", "the file is not an RTF document (it does not start with"),
    "report.rtf": (lambda: b"%PDF-1.4\n", "the file is a PDF document, not an RTF document as its name says"),
    "letter.txt": (lambda: odt_bytes("<text:p>x</text:p>"),
                   "the file is an OpenDocument text, not text as its name says"),
    "letter.rtf": (lambda: odt_bytes("<text:p>x</text:p>"),
                   "the file is an OpenDocument text, not an RTF document as its name says"),
    "blank.rtf": (lambda: b"{\\rtf1\\ansi {\\v hidden only}\\par}", "the RTF document has no text"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_damaged_and_hostile_documents_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    result = refused_quickly(workspace, tmp_path / name, *HOSTILE[name])
    assert "the .odt suffix" in result.output or not name.startswith("letter.")


def test_a_zip_that_is_no_opendocument_names_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "other.odt"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("notes.xml", "<notes/>")
    with pytest.raises(SeedError, match=r"no content\.xml inside"):
        paragraphs(path)


def test_tracked_changes_as_libreoffice_writes_them_read_as_accepted(tmp_path: Path) -> None:
    """A DOCX with a deletion, an insertion and a deleted paragraph mark, saved as ODT by LibreOffice: read as
    the DOCX reader reads the DOCX (changes accepted). LibreOffice's ODT does not mark a deleted table row as
    deleted (its PDF prints it), so that row is read."""
    from briefgen.sources.formats.docxdoc import extract as from_docx
    from tests.test_docx_seed_reading import CHANGE, docx, para
    from tests.test_docx_seed_reading import run as word_run

    body = (para(word_run("Kept "), f"<w:del {CHANGE}><w:r><w:delText>gone </w:delText></w:r></w:del>",
                 f"<w:ins {CHANGE}>{word_run('inserted ')}</w:ins>", word_run("text."))
            + para(word_run("Joined "), mark=f"<w:del {CHANGE}/>") + para(word_run("paragraph."))
            + f"<w:tbl><w:tr><w:trPr><w:del {CHANGE}/></w:trPr><w:tc>{para(word_run('Deleted row'))}</w:tc></w:tr>"
            + f"<w:tr><w:tc>{para(word_run('Kept cell'))}</w:tc></w:tr></w:tbl>")
    word = tmp_path / "tracked.docx"
    word.write_bytes(docx(body))
    odt = libreoffice_convert([word], tmp_path, to="odt")[0]
    assert b"text:deletion" in zipfile.ZipFile(odt).read("content.xml")
    read = paragraphs(odt)
    assert [line for line in read if line != "Deleted row"] == list(from_docx(word.read_bytes()).paragraphs)
    assert read == ["Kept inserted text.", "Joined paragraph.", "Deleted row", "Kept cell"]


def test_rtf_properties_written_twice_read_in_unicode() -> None:
    """Word writes a property with characters beyond the code page as {\\upr{\\title ANSI}{\\*\\ud{\\title
    Unicode}}}: the Unicode copy is the title; the creation time is a date."""
    from briefgen.sources.formats.rtfdoc import properties

    raw = (rb"{\rtf1\ansi\ansicpg1252{\info{\upr{\title Report ???}{\*\ud{\title Report \u1041?\u1077?\u1089?}}}"
           rb"{\author Jo}{\creatim\yr2024\mo1\dy5\hr9}}\pard Body\par}")
    assert properties(raw) == {"title": "Report Бес", "author": "Jo", "created": "2024-01-05"}
    assert properties(rb"{\rtf1\ansi Body\par}") == {}


def test_added_rtf_and_odt_are_cited_where_libreoffice_shows_the_passage(workspace: Path, tmp_path: Path) -> None:
    """End to end: LibreOffice's RTF and ODT of a DOCX are added with `seeds add`, shown by `seeds show`, tied to
    a list item as LibreOffice's text export shows it (its number included), checked, and cited by the built
    brief at the paragraph the text export puts it in."""
    from tests.helpers import citations, model, save_model
    from tests.test_seed_formats import footnotes_docx

    pandoc = require("pandoc")
    (tmp_path / "rich.md").write_text(RICH, encoding="utf-8")
    word = tmp_path / "office.docx"
    subprocess.run([pandoc, str(tmp_path / "rich.md"), "-s", "-o", str(word)], check=True, timeout=120)
    files = [libreoffice_convert([word], tmp_path, to=suffix)[0] for suffix in ("rtf", "odt")]
    for file in files:
        file.rename(tmp_path / f"{file.suffix[1:]}-report{file.suffix}")
    files = [tmp_path / "rtf-report.rtf", tmp_path / "odt-report.odt"]
    (tmp_path / "text").mkdir()
    exported = libreoffice_convert([files[1]], tmp_path / "text", to="txt:Text (encoded):UTF8")[0]
    lines = [" ".join(line.split()) for line in exported.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    passage = "2. Second numbered item"
    sources = {"rich-report": "rtf-report.rtf", "rich-report-2": "odt-report.odt"}  # ids from their one title
    assert run(workspace, "seeds", "add", *map(str, files)).exit_code == 0
    catalogue = workspace / "seeds/sources.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("kind: null", "kind: report").replace(
        "descriptor: null", "descriptor: A report the test wrote.").replace("marking: null", "marking: TLP:CLEAR"),
        encoding="utf-8")
    data = model(workspace)
    for source in sources:
        shown = run(workspace, "seeds", "show", source, "--grep", "Second numbered")
        assert passage in shown.output, shown.output
        data["judgments"].append({"id": f"kj-{source}", "statement": "The list supports this judgment.",
                                  "confidence": "moderate", "priority": 90,
                                  "evidence": [{"source": source, "passage": passage}]})
    save_model(workspace, data)
    assert run(workspace, "check").exit_code == 0
    paragraph = lines.index(passage) + 1  # the text export's lines are the document's paragraphs
    found = citations(workspace)
    assert {(c["file"], c["paragraph"]) for source in sources for c in found[f"kj-{source}"]} == {
        (f"seeds/{name}", paragraph) for name in sources.values()}
    built = run(workspace, "build", "-a", "analyst")
    assert built.exit_code == 0, built.output
    notes = footnotes_docx(workspace / "output/analyst.docx")
    assert f"¶{paragraph} (seed file seeds/rtf-report.rtf)" in notes and \
        f"¶{paragraph} (seed file seeds/odt-report.odt)" in notes


def test_libreoffices_rtf_of_an_odt_reads_as_the_odt(tmp_path: Path) -> None:
    """LibreOffice's RTF of the document: each note its own paragraph (it ends a note's last paragraph without
    \\par, and the two notes read as one), a ruby as its base (it writes one as an EQ field with no result, and
    the base was lost); the rest as the ODT reads. LibreOffice writes a hidden section into RTF as shown text."""
    odt = hand_odt(tmp_path / "hand.odt", tracked=False)
    rtf = libreoffice_convert([odt], tmp_path, to="rtf")[0]
    assert b"EQ" in rtf.read_bytes() and b"\\fldrslt {}" in rtf.read_bytes()
    assert [line for line in paragraphs(rtf) if line != "HIDDEN SECTION"] == paragraphs(odt) == HAND_SHOWN
