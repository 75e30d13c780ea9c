"""The README's error catalogue matches what briefgen prints: each documented example is provoked for real.

Each row of the table under "## Error catalogue" names a class of user error, its exit code, the example
message and (optionally) its hint. Every row must have a scenario here and every scenario a row; the scenario
runs on a built copy of the workspace and the documented lines must appear verbatim in the output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

import pytest
from filelock import FileLock

from tests.conftest import ROOT
from tests.helpers import SEED_002, built_workspace, copy_workspace, drop_lines_containing, edit, published
from tests.hostile_cases import CASES

Scenario = tuple[Callable[[Path], None], tuple[str, ...]]


def _hostile(case: str) -> Scenario:
    return CASES[case][0], ("build",)


def _round2(case: str) -> Scenario:
    """A case of tests/test_hostile_round2.py, its decoy folder made beside the workspace."""
    from tests.hostile_cases_round2 import CASES as ROUND2
    from tests.hostile_cases_round2 import make_decoy

    chosen = ROUND2[case]
    return (lambda ws: chosen.mutate(ws, make_decoy(ws.parent))), chosen.args


def _many_pages(ws: Path) -> None:
    """The first seed replaced by a PDF of 3,001 pages."""
    from tests.hostile_cases_round2 import FIRST_SEED
    from tests.seed_fixtures import many_pages_pdf

    (ws / "seeds/many.pdf").write_bytes(many_pages_pdf(3001))
    edit(ws / "seeds/sources.yaml", f"file: {FIRST_SEED}", "file: many.pdf")


def _seed_moved_to(place: str) -> Callable[[Path], None]:
    """The first seed moved to `place` in seeds/, its catalogue entry naming it there."""
    def move(ws: Path) -> None:
        (ws / "seeds" / place).parent.mkdir(parents=True, exist_ok=True)
        (ws / "seeds/000_eab46a25288d9a93.txt").rename(ws / "seeds" / place)
        edit(ws / "seeds/sources.yaml", "file: 000_eab46a25288d9a93.txt", f"file: {place}")
    return move


def _nothing(ws: Path) -> None:
    return None


def _retext(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda ws: edit(ws / rel, old, new)


def _both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    return lambda ws: [change(ws) for change in changes] and None


_BOARD_TEMPLATE = _retext("templates/executive.yaml", "template: executive.xml.j2", "template: board.xml.j2")
_AMBER_SOURCE = _retext("seeds/sources.yaml", "    marking: TLP:CLEAR", "    marking: TLP:AMBER")
_AMBER_QUOTE = _retext("seeds/summary.yaml", "  - id: q-kim-ai-technology\n",
                       "  - id: q-kim-ai-technology\n    marking: TLP:AMBER\n")
_LEAKY_TEMPLATE = lambda ws: (ws / "templates/public.xml.j2").write_text(  # noqa: E731
    '{% extends "base.xml.j2" %}{% block sources %}<p>rapidly develop newly introduced artificial intelligence '
    "technology</p>{% endblock %}", encoding="utf-8")
def _model_edited(ws: Path) -> None:
    with (ws / "seeds/summary.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# an edit after the build\n")


def _new_audience(ws: Path) -> None:
    (ws / "templates/board.yaml").write_text((ws / "templates/executive.yaml").read_text(encoding="utf-8"),
                                             encoding="utf-8")


def _deep_issued(ws: Path) -> None:
    (ws / "output/issued").mkdir()
    (ws / "output/issued/issued.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def _issued_gone(ws: Path) -> None:
    import shutil

    from tests.helpers import run, set_marker

    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    shutil.rmtree(ws / "output/issued/analyst-v1")
    set_marker(ws, 1)


def _issued_twice(ws: Path) -> None:
    import json

    from tests.helpers import run

    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    record = ws / "output/issued/issued.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["audiences"]["analyst"].append(data["audiences"]["analyst"][0])  # a version pasted twice
    record.write_text(json.dumps(data), encoding="utf-8")


def _issued_unreadable(ws: Path) -> None:
    import hashlib
    import json

    from tests.helpers import run, set_marker

    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    held = ws / "output/issued/analyst-v1/analyst.docx"
    held.write_bytes(b"not a zip archive")  # as issued (its digest recorded), by a briefgen of another shape
    record = ws / "output/issued/issued.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["audiences"]["analyst"][0]["files"]["analyst.docx"] = hashlib.sha256(held.read_bytes()).hexdigest()
    record.write_text(json.dumps(data), encoding="utf-8")
    set_marker(ws, 1)


def _issued_retired(ws: Path) -> None:
    from tests.helpers import run

    _new_audience(ws)
    assert run(ws, "build", "-a", "board").exit_code == 0
    assert run(ws, "issue", "-a", "board").exit_code == 0
    (ws / "templates/board.yaml").unlink()


def _issued_in_the_future(ws: Path) -> None:
    import json

    from tests.helpers import run, set_marker

    assert run(ws, "issue", "-a", "analyst").exit_code == 0
    record = ws / "output/issued/issued.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["audiences"]["analyst"][0]["at"] = "2999-01-01T00:00:00Z"  # issued while the clock ran ahead
    record.write_text(json.dumps(data), encoding="utf-8")
    set_marker(ws, 1)
    assert run(ws, "build", "-a", "analyst").exit_code == 0


def _latin1_name(ws: Path) -> None:
    (ws / "seeds" / os.fsdecode(b"lat\xe9.txt")).write_text("Drone text here.\n", encoding="utf-8")


def _output_taken(ws: Path) -> None:
    (ws / "elsewhere").write_text("a file, not a folder", encoding="utf-8")


def _output_linked_out(ws: Path) -> None:
    """output/ moved out of the workspace and linked to: a build would write (and make folders) there."""
    (ws / "output").rename(ws.parent / "outside")
    (ws / "output").symlink_to(ws.parent / "outside", target_is_directory=True)


def _cache_linked_out(ws: Path) -> None:
    """output/.cache moved out of the workspace and linked to: `check` would write its caches there."""
    (ws / "output" / ".cache").mkdir(parents=True, exist_ok=True)
    (ws / "output" / ".cache").rename(ws.parent / "outside-cache")
    (ws / "output" / ".cache").symlink_to(ws.parent / "outside-cache", target_is_directory=True)


def _newer_format(rel: str) -> Callable[[Path], None]:
    """A state file as a newer briefgen would write it: a record of its own (an empty one where none is), in
    format 2."""
    def change(ws: Path) -> None:
        path = ws / rel
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"audiences": {}}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({**data, "format": 2}), encoding="utf-8")
    return change


def _builds_linked_out(ws: Path) -> None:
    """output/.builds moved out of the workspace and linked to: `history`, `status` and `diff` would read there."""
    (ws / "output/.builds").rename(ws.parent / "outside-builds")
    (ws / "output/.builds").symlink_to(ws.parent / "outside-builds", target_is_directory=True)


def _templates_linked_out(ws: Path) -> None:
    """templates/ moved out of the workspace and linked to: profiles, templates and fonts would be read there."""
    (ws / "templates").rename(ws.parent / "outside-templates")
    (ws / "templates").symlink_to(ws.parent / "outside-templates", target_is_directory=True)


def _in_the_way(rel: str, folder: bool) -> Callable[[Path], None]:
    """A folder (else a file) where the build writes output/`rel`, what briefgen made there removed first."""
    def mutate(ws: Path) -> None:
        import shutil
        path = ws / "output" / rel
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        path.mkdir() if folder else path.write_text("not briefgen's", encoding="utf-8")
    return mutate


def _long_footer(ws: Path) -> None:
    """A `board` audience: the executive profile with a footer of 10,000 characters."""
    profile = (ws / "templates/executive.yaml").read_text(encoding="utf-8")
    footer = "Confidential notice. " * 500
    (ws / "templates/board.yaml").write_text(re.sub(r"(?m)^footer: .*$", f'footer: "{footer.strip()}"', profile),
                                             encoding="utf-8")


def _board(extra: str, template: str = "") -> Callable[[Path], None]:
    """A `board` audience: the executive profile plus one more line at its end, and optionally its template."""
    def mutate(ws: Path) -> None:
        profile = (ws / "templates/executive.yaml").read_text(encoding="utf-8")
        if template:
            (ws / "templates/board.xml.j2").write_text(template, encoding="utf-8")
            profile = profile.replace("executive.xml.j2", "board.xml.j2")
        (ws / "templates/board.yaml").write_text(profile + extra + "\n", encoding="utf-8")
        (ws / "templates/notes.png").write_text("not a picture", encoding="utf-8")
        (ws / "templates/house.docx").write_text("not a zip", encoding="utf-8")
    return mutate


def _damaged_house(ws: Path) -> None:
    import docx

    docx.Document().save(str(ws / "templates/damaged.docx"))
    with zipfile.ZipFile(ws / "templates/damaged.docx") as source:
        entries = {n: source.read(n) for n in source.namelist()}
    entries["word/styles.xml"] = b"<w:styles"
    with zipfile.ZipFile(ws / "templates/damaged.docx", "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)
    _board("look: {reference_docx: damaged.docx}")(ws)


def _font_board(extra: str) -> Callable[[Path], None]:
    """A `board` audience naming fonts in `look.fonts`, beside font files of every wrong kind."""
    def mutate(ws: Path) -> None:
        from tests.fontmaker import make_font
        from tests.hostile_inputs10 import damaged_font

        templates = ws / "templates"
        (templates / "notafont.ttf").write_text("not a font", encoding="utf-8")
        (templates / "cut.ttf").write_bytes(damaged_font("index"))
        make_font(templates / "cff.otf", "House Sans", "ABC", cff=True)
        with open(templates / "huge.ttf", "wb") as huge:
            huge.truncate(60 * 1024 * 1024)
        make_font(ws.parent / "elsewhere.ttf", "House Sans", "ABC")
        os.symlink(ws.parent / "elsewhere.ttf", templates / "link.ttf")
        _board(extra)(ws)
    return mutate


def _house_edited(name: str, member: str, old: bytes, new: bytes) -> Callable[[Path], None]:
    """A `board` audience whose reference DOCX (python-docx's default, with a header) has one part edited."""
    def mutate(ws: Path) -> None:
        import docx

        reference = docx.Document()
        reference.sections[0].header.paragraphs[0].text = "Letterhead"
        reference.save(str(ws / f"templates/{name}"))
        with zipfile.ZipFile(ws / f"templates/{name}") as source:
            entries = {n: source.read(n) for n in source.namelist()}
        entries[member] = re.sub(old, new, entries.get(member, b""), count=1) if old else new
        with zipfile.ZipFile(ws / f"templates/{name}", "w") as target:
            for part, data in entries.items():
                target.writestr(part, data)
        _board(f"look: {{reference_docx: {name}}}")(ws)
    return mutate


_TRACKER = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/image" Target="https://tracker.example/logo.png" TargetMode="External"/>'
            b'</Relationships>')


# Insert > Shapes > Right Arrow, floating in the header, as Word writes it (its VML twin left out)
_ARROW = (b'<w:r xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          b'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>'
          b'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
          b'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH '
          b'relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
          b'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="914400" cy="304800"/><wp:wrapNone/>'
          b'<wp:docPr id="9" name="Right Arrow 9"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
          b'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/><wps:spPr>'
          b'<a:prstGeom prst="rightArrow"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="1F3A5F"/></a:solidFill>'
          b"</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>")


def _georgia_house(ws: Path) -> None:
    import docx

    reference = docx.Document()
    reference.styles["Normal"].font.name = "Georgia"
    reference.save(str(ws / "templates/georgia.docx"))
    _board("look: {reference_docx: georgia.docx}")(ws)
def _newer_version(ws: Path) -> None:
    """A newer version of seed 002 that no longer says "$457 million"."""
    text = (ws / SEED_002).read_text(encoding="utf-8")
    (ws / "newer.txt").write_text(text.replace("$457 million", "some money"), encoding="utf-8")


def _sample_title(ws: Path) -> None:
    path = ws / "seeds/summary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  title: North Korea puts AI at the centre of its drone programme",
                                 '  title: "Title of the brief"', 1), encoding="utf-8")


def _blank_unit(ws: Path) -> None:
    path = ws / "seeds/summary.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    unit: troops", '    unit: "<unit>"', 1),
                    encoding="utf-8")


def _seed_to_add(name: str, make: Callable[[], bytes]) -> Scenario:
    """`seeds add` of a document `make` writes beside the workspace's folders."""
    return (lambda ws: (ws / name).write_bytes(make())), ("seeds", "add", name)


def _locked_odt() -> bytes:
    from tests.opendoc import odt_bytes

    return odt_bytes("<text:p>Text.</text:p>", manifest_extra="<manifest:encryption-data/>")


def _opendoc(body: str, kind: str, holder: str, manifest_extra: str = "") -> Callable[[], bytes]:
    from tests.opendoc import odt_bytes

    return lambda: odt_bytes(body, kind=f"application/vnd.oasis.opendocument.{kind}", holder=holder,
                             manifest_extra=manifest_extra)


def _word(flags: int = 0x0200, version: int = 0xC1, loop: bool = False) -> bytes:
    from tests.worddoc import Piece, WordDoc, word_file

    return word_file(WordDoc([Piece("Some text.\r", compressed=True)], flags=flags, version=version), loop=loop)


def _epub(**options: str) -> bytes:
    from tests.test_doc_epub_seeds import epub_bytes

    return epub_bytes(**options)


def _drm_epub() -> bytes:
    from tests.test_doc_epub_seeds import DRM

    return _epub(encryption=DRM.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc",
                                       uri="OEBPS/text/chapter%201.xhtml"))


def _big_sheet() -> bytes:
    from tests.officedocs import sheet_xml, xlsx_bytes
    from tests.opendoc import declared_size

    return declared_size(xlsx_bytes([("S", "", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'))]),
                         "xl/worksheets/sheet1.xml", 197 << 20)


def _many_cells() -> bytes:
    from tests.officedocs import sheet_xml, xlsx_bytes

    return xlsx_bytes([("S", "", sheet_xml("<row>" + "<c/>" * 2_000_001 + "</row>"))])


def _many_slides() -> bytes:
    from tests.officedocs import pptx_bytes

    return pptx_bytes([("", "")], order=[0] * 3_001)  # one slide, listed 3,001 times


def _hostile_eml(name: str) -> Callable[[], bytes]:
    from tests.test_mail_hostile import HOSTILE_EML

    return HOSTILE_EML[name][0]


def _hostile_msg(name: str) -> Callable[[], bytes]:
    from tests.test_msg_seeds import HOSTILE

    return HOSTILE[name][0]


def _compound(streams: dict[str, bytes]) -> bytes:
    from tests.outlook import compound_file

    return compound_file(streams)


def _newer_page(ws: Path) -> None:
    (ws / "newer.html").write_text("<html><body><p>A page, not a text file.</p></body></html>", encoding="utf-8")


SCENARIOS: dict[str, Scenario] = {
    "YAML syntax": (lambda ws: (ws / "seeds/summary.yaml").write_text("brief: x\n  title: y\n", encoding="utf-8"),
                    ("check",)),
    "bracket or quote left open": (lambda ws: (ws / "seeds/summary.yaml").write_text("brief: [unclosed\n",
                                                                                      encoding="utf-8"), ("check",)),
    "tab indentation": _hostile("tab indent"),
    "control character in YAML": (_retext("seeds/summary.yaml", "Pyongyang's push", "Pyongyang's\x07push"),
                                  ("check",)),
    "line break only YAML sees": (_retext("seeds/summary.yaml", "Pyongyang's push", "Pyongyang's\u2028push"),
                                  ("check",)),
    "anchors and aliases": _hostile("alias bomb"),
    "whole number too long to read": (_retext("seeds/summary.yaml", "number: 1000000\n", f"number: {'9' * 5000}\n"),
                                      ("check",)),
    "duplicate key": _hostile("duplicate key"),
    "unknown or misspelt key": _hostile("misspelt key"),
    "missing key": (lambda ws: drop_lines_containing(ws / "seeds/summary.yaml", "context: Instruction to officials"),
                    ("build",)),
    "wrong type or value": _hostile("bad confidence"),
    "impossible date": _hostile("impossible date"),
    "duplicate id": _hostile("duplicate id"),
    "unknown source": _hostile("unknown source"),
    "passage not in its seed": (lambda ws: drop_lines_containing(ws / SEED_002, "$457 million"), ("build",)),
    "seed file missing": _hostile("missing seed"),
    "seed not UTF-8 text": _hostile("non-utf8 seed"),
    "seed in a legacy encoding": _hostile("windows-1252 seed"),
    "seed too large": _hostile("huge seed"),
    "document format not read": _seed_to_add("old.wpd", lambda: b"\xffWPC" + bytes(512)),
    "RTF seed that is not RTF": _seed_to_add("notes.rtf", lambda: b"Meeting notes, typed as plain text.\n"),
    "ODT seed password-protected": _seed_to_add("locked.odt", _locked_odt),
    "ODS or ODP seed password-protected": _seed_to_add("locked.ods", _opendoc(
        "", "spreadsheet", "spreadsheet", "<manifest:encryption-data/>")),
    "ODS or ODP seed holding another kind of body": _seed_to_add("notes.ods", _opendoc(
        "<text:p>Notes.</text:p>", "spreadsheet", "text")),
    "OpenDocument spreadsheet of too many cells": _seed_to_add("cells.ods", _opendoc(
        '<table:table><table:table-row table:number-rows-repeated="2000"><table:table-cell '
        'table:number-columns-repeated="1001"><text:p>x</text:p></table:table-cell></table:table-row></table:table>',
        "spreadsheet", "spreadsheet")),
    "OpenDocument presentation of too many slides": _seed_to_add("deck.odp", _opendoc(
        "<draw:page/>" * 3_001, "presentation", "presentation")),
    "Word 97-2003 seed password-protected": _seed_to_add("locked.doc", lambda: _word(flags=0x0300)),
    "Word 6.0/95 seed": _seed_to_add("old.doc", lambda: _word(version=104)),
    "Word 97-2003 seed damaged": _seed_to_add("notes.doc", lambda: _word(loop=True)),
    "EPUB seed DRM-protected": _seed_to_add("book.epub", _drm_epub),
    "EPUB seed too large": _seed_to_add("long.epub", lambda: _epub(spine='<itemref idref="c1"/>' * 100_000)),
    "Excel or PowerPoint seed password-protected (or an old .xls, .ppt)":
        _seed_to_add("budget.xlsx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
    "Excel sheet too large": _seed_to_add("big.xlsx", _big_sheet),
    "Excel workbook of too many cells": _seed_to_add("cells.xlsx", _many_cells),
    "Excel workbook of too many sheets, PowerPoint deck of too many slides": _seed_to_add("deck.pptx", _many_slides),
    "e-mail seed that is no message": _seed_to_add("notes.eml", lambda: b"Meeting notes, typed as plain text.\n"),
    "e-mail seed nesting parts too deeply": _seed_to_add("deep.eml", _hostile_eml("deep.eml")),
    "e-mail seed encrypted": _seed_to_add("secret.eml", _hostile_eml("sealed.eml")),
    "e-mail seed with a huge header": _seed_to_add("long.eml", lambda: b"From: a@example.org\nSubject: " +
                                                   b"x" * (10 << 20) + b"\n\nBody.\n"),
    "web archive seed with a huge part header": _seed_to_add("page.mhtml", lambda: (
        b"From: <Saved by Blink>\nContent-Type: multipart/related; boundary=B\n\n--B\nContent-Type: text/html\n" +
        b"X-A: b\n" * 100_000 + b"\n<p>Text.</p>\n--B--\n")),
    "Outlook seed damaged": _seed_to_add("loop.msg", _hostile_msg("loop.msg")),
    "e-mail seed with too many parts": _seed_to_add("parts.eml", _hostile_eml("parts.eml")),
    "Outlook seed with a huge RTF body": _seed_to_add("huge.msg", _hostile_msg("rtf.msg")),
    "Outlook seed that is no message": _seed_to_add("notes.msg", lambda: _compound({"WordDocument": b"x" * 100})),
    "seed outside seeds/": _hostile("escaping seed path"),
    "link scheme": _hostile("ftp link"),
    "profile key": _hostile("profile unknown key"),
    "profile template missing": _hostile("profile missing template"),
    "template syntax": _hostile("template syntax error"),
    "template escapes its sandbox": _hostile("template reaches internals"),
    "brief cannot fit": _hostile("model too large for one page"),
    "character no font draws": (lambda ws: edit(ws / "seeds/summary.yaml", "as relayed by state media.",
                                                 "as relayed by state media \U00013000."), ("check", "--strict")),
    "bidi override in text": (_retext("seeds/summary.yaml", "value: nearly $10 billion",
                                      'value: "nearly $\u202e01 billion"'), ("check",)),
    "isolate left open": (_retext("templates/executive.yaml", 'banner: "For official use',
                                  'banner: "\u2067For official use'), ("check",)),
    "isolate end closing none": (_retext("seeds/summary.yaml", "label: Active-duty troops",
                                         'label: "Active-duty\u2069 troops"'), ("check",)),
    "invisible tag characters": (_retext("seeds/summary.yaml", "context: Instruction to officials",
                                         'context: \U000E0069\U000E0067\U000E006EInstruction to officials'
                                         ), ("check",)),
    "deprecated format character": (_retext("seeds/sources.yaml", "arms race\n",
                                            'arms race \u206e\n'), ("check",)),
    "text of invisible characters only": (_retext("seeds/summary.yaml", "author: briefgen example workspace",
                                                  'author: "\\u200b"'), ("check",)),
    "invisible character in a number": (_retext("seeds/summary.yaml", "value: nearly $10 billion",
                                                'value: "nearly $1\u200b0 billion"'), ("check",)),
    "invisible character in a link": (_retext("seeds/sources.yaml", "url: null",
                                              'url: "https://example.org/\u202egpj.exe"'), ("check",)),
    "link too long": (_retext("seeds/sources.yaml", "url: null", "url: https://example.org/" + "x" * 2100),
                      ("check",)),
    "templates/ is a link out": (_templates_linked_out, ("build",)),
    "characters no font draws": (lambda ws: edit(ws / "seeds/summary.yaml", "as relayed by state media.",
                                                  "as relayed by state media ᚠᚢᚦᚨᚱᚲᚷᚹᚺᚾᛁᛃ."), ("check", "--strict")),
    "half a character escaped": (_retext("seeds/summary.yaml", "author: briefgen example workspace",
                                         'author: "briefgen \\ud83d\\ude80"'), ("check",)),
    "quote language": (lambda ws: edit(ws / "seeds/summary.yaml", "    speaker_native: 김정은\n",
                                       "    speaker_native: 김정은\n    lang: Korean\n"), ("check",)),
    "profile key (check)": (_board("look: {banner_colour: '#112233'}"), ("check",)),
    "logo missing": (_board("look: {logo: nowhere.png}"), ("check",)),
    "PDF standard unknown": (_board("look: {pdf_standard: pdfa-3}"), ("check",)),
    "logo not an image": (_board("look: {logo: notes.png}"), ("check",)),
    "reference not a DOCX": (_board("look: {reference_docx: house.docx}"), ("check",)),
    "reference font not bundled": (_georgia_house, ("check",)),
    "reference letterhead shape not drawn": (_house_edited(
        "arrow.docx", "word/header1.xml", rb"<w:t>Letterhead</w:t></w:r>", b"<w:t>Letterhead</w:t></w:r>" + _ARROW),
        ("check",)),
    "reference script font not bundled": (_house_edited(
        "korean.docx", "word/theme/theme1.xml", rb'(?s)(<a:minorFont>.*?script="Hang" typeface=")[^"]*',
        rb"\1Malgun Gothic"), ("check",)),
    "reference table formatted unevenly by hand": (_house_edited(
        "uneven.docx", "word/document.xml", rb"<w:body>",
        b'<w:body><w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>'
        b'<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc>'
        b"</w:tr></w:tbl>"), ("check",)),
    "reference letter spacing beyond the PDF's": (_house_edited(
        "spaced.docx", "word/styles.xml", rb'(?s)(w:styleId="Heading1">.*?<w:rPr>)', rb'\1<w:spacing w:val="600"/>'),
        ("check",)),
    "reference page settings not taken": (_house_edited(
        "hyphenated.docx", "word/settings.xml", rb"(<w:settings [^>]*>)", rb"\1<w:autoHyphenation/>"), ("check",)),
    "reference damaged": (_damaged_house, ("check",)),
    "reference page cannot hold a brief": (_house_edited("tiny.docx", "word/document.xml", rb"<w:pgSz[^>]*/>",
                                               b'<w:pgSz w:w="2880" w:h="2880"/>'), ("check",)),
    "reference letterhead indented off the page": (_house_edited(
        "indented.docx", "word/header1.xml", rb'<w:pStyle w:val="Header"/>',
        b'<w:pStyle w:val="Header"/><w:ind w:left="31680"/>'), ("check",)),
    "reference style cannot set a brief": (_house_edited(
        "hidden.docx", "word/styles.xml", rb'(w:styleId="Normal"><w:name w:val="Normal"/>)',
        rb'\1<w:pPr><w:spacing w:line="0" w:lineRule="exact"/></w:pPr>'), ("check",)),
    "reference part missing": (_house_edited("holed.docx", "word/_rels/document.xml.rels",
                                             rb'Target="header1.xml"', b'Target="header9.xml"'), ("check",)),
    "reference letterhead links out": (_house_edited("linked.docx", "word/_rels/header1.xml.rels", b"", _TRACKER),
                                       ("check",)),
    "reference hides the text": (_house_edited(
        "veiled.docx", "word/styles.xml", rb'(w:styleId="Normal"><w:name w:val="Normal"/>)',
        rb'\1<w:rPr><w:vanish/></w:rPr>'), ("check",)),
    "colour the page hides": (_board("look: {accent: '#FAFAFA'}"), ("check",)),
    "profile footer too long": (_long_footer, ("check",)),
    "reference in Strict Open XML": (_house_edited(
        "strict.docx", "word/document.xml", rb"http://schemas\.openxmlformats\.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main"), ("check",)),
    "font missing": (_font_board("look: {fonts: {body: gone.ttf}}"), ("check",)),
    "font key misspelt": (_font_board("look: {fonts: {arabc: gone.ttf}}"), ("check",)),
    "font not a font": (_font_board("look: {fonts: {arabic: notafont.ttf}}"), ("check",)),
    "font with CFF outlines": (_font_board("look: {fonts: {heading: cff.otf}}"), ("check",)),
    "font not TTF or OTF": (_font_board("look: {fonts: {cjk: house.docx}}"), ("check",)),
    "font outside templates/": (_font_board("look: {fonts: {hebrew: ../seeds/font.ttf}}"), ("check",)),
    "font behind a link": (_font_board("look: {fonts: {hangul: link.ttf}}"), ("check",)),
    "font's glyph data damaged": (_font_board("look: {fonts: {arabic: cut.ttf}}"), ("check",)),
    "font too large": (_font_board("look: {fonts: {devanagari: huge.ttf}}"), ("check",)),
    "section every item of which the filters leave out (warning)": (
        _board("filters: {exclude: [q-kim-ai-technology, q-dia-strategic-position, q-kim-serial-production, "
               "q-kim-drills]}"), ("check",)),
    "chart mixes units (check)": (_board('chart: {title: "Mixed", figures: [fig-arms-to-russia, fig-active-troops]}'),
                                  ("check",)),
    "template syntax (check)": (_board("", '{% extends "base.xml.j2" %}{% block bluf %}{% if %}{% endblock %}'),
                                ("check",)),
    "template fails when run (check)": (
        _board("", '{% extends "base.xml.j2" %}{% block bluf %}{{ 1 / 0 }}{% endblock %}'), ("check",)),
    "unknown audience": (_nothing, ("build", "-a", "board")),
    "audience name": (_nothing, ("build", "-a", "../evil")),
    "output is a file": (_output_taken, ("build", "-o", "elsewhere")),
    "output is a link out": (_output_linked_out, ("build",)),
    "cache is a link out": (_cache_linked_out, ("check",)),
    "symbolic link leaving its folder": _round2("containment: included template in a linked folder"),
    "the model as a seed": _hostile("the model as a seed"),
    "seed behind a link": _round2("containment: seed in a linked folder"),
    "not a regular file": _round2("no hang: FIFO as the model"),
    "seed not a regular file": _round2("no hang: socket as a catalogued seed"),
    "seeds folder is a link out": _round2("containment: seeds folder linked out"),
    "empty text seed": _round2("no hang: empty text seed"),
    "PDF seed of too many pages": (_many_pages, ("build",)),
    "YAML nested too deep": _round2("no exit 3: model nested 400 deep"),
    "number not finite": _round2("no exit 3: number .inf"),
    "logo outside templates/": _round2("containment: logo up and out"),
    "logo too many pixels": _round2("no exit 3: logo is a decompression bomb"),
    "reference DOCX with a DTD": _round2("no exit 3: reference DOCX external entity"),
    "reference DOCX zip bomb": _round2("no exit 3: reference DOCX zip bomb"),
    "bad SOURCE_DATE_EPOCH": _round2("no exit 3: SOURCE_DATE_EPOCH not a number"),
    "standard output full": (_nothing, ("schema",)),
    "bad BRIEFGEN_WORKERS": (_retext("seeds/summary.yaml", "brief:\n", "brief:  # edited\n"), ("build",)),
    "character ceiling not a whole number": (_nothing, ("build", "-a", "executive")),
    "history path not a folder": _round2("all or nothing: history is a file"),
    "something in the way of a brief": (_in_the_way("public.pdf", folder=True), ("build",)),
    "something in the way of a folder": (_in_the_way(".builds", folder=False), ("build",)),
    "lock file is a link": _round2("containment: build lock linked out"),
    "damaged build record (warning)": _round2("worked around: build record of the wrong shape"),
    "damaged record of issued versions (warning)": (_deep_issued, ("status",)),
    "issued version gone (warning)": (_issued_gone, ("build", "-a", "analyst")),
    "issue dated before the last version": (_issued_in_the_future, ("issue", "-a", "analyst")),
    "issue with a damaged record of issued versions": (_deep_issued, ("issue", "-a", "analyst")),
    "issue with a record of issued versions edited by hand": (_issued_twice, ("issue", "-a", "analyst")),
    "issued audience retired since (warning)": (_issued_retired, ("diff",)),
    "issue note too long": (_nothing, ("issue", "-a", "analyst", "--note", "x" * 2001)),
    "issue note of invisible characters only": (_nothing, ("issue", "-a", "analyst", "--note", "\u200b")),
    "issue note that shows other text": (_nothing, ("issue", "-a", "analyst", "--note", "Cut to \u202e0.5 %")),
    "issued DOCX the redline cannot read (warning)": (_issued_unreadable, ("build", "-a", "analyst")),
    "file name not UTF-8 (warning)": (_latin1_name, ("check",)),
    "template nested too deep": (_board("", '{% extends "base.xml.j2" %}{% block bluf %}{{ ' + "(" * 1000 + "1"
                                        + ")" * 1000 + " }}{% endblock %}"), ("check",)),
    "command-line text not UTF-8": (_nothing, ("issue", "--note", "reviewed by J\udcf6rg")),  # argv byte 0xf6
    "unknown option": (_nothing, ("build", "--fast")),
    "unknown marking": (_retext("seeds/sources.yaml", "marking: TLP:CLEAR", "marking: TLP:PINK"), ("check",)),
    "unknown marking scheme": (_retext("seeds/sources.yaml", "markings: tlp", "markings: nato"), ("check",)),
    "unmarked source": (_retext("seeds/sources.yaml", "    marking: TLP:CLEAR\n    descriptor: >-\n      Unatt",
                                "    descriptor: >-\n      Unatt"), ("check",)),
    "item marked below its source": (_both(_AMBER_SOURCE, _retext(
        "seeds/summary.yaml", "    priority: 1\n    tags: [ai, drones]",
        "    priority: 1\n    marking: TLP:GREEN\n    tags: [ai, drones]")), ("check",)),
    "no ceiling under markings": (_both(_AMBER_QUOTE, _retext("templates/public.yaml", "ceiling: lowest", "# none")),
                                  ("build",)),
    "unknown ceiling": (_retext("templates/public.yaml", "ceiling: lowest", "ceiling: SECRET"), ("build",)),
    "no BLUF the audience may see": (_AMBER_SOURCE, ("build",)),
    "spillage": (_both(_AMBER_QUOTE, _LEAKY_TEMPLATE), ("build",)),
    "unknown source id": (_nothing, ("seeds", "show", "nowhere")),
    "skeleton sample text": (_sample_title, ("build",)),
    "blank left to fill in": (_blank_unit, ("build",)),
    "newer version in another format": (_newer_page, ("seeds", "update", "ai-digest-top-priority", "newer.html")),
    "cited passage gone from the newer version": (_newer_version, ("seeds", "update", "ai-digest-top-priority",
                                                                   "newer.txt")),
    "another build running": (_nothing, ("build",)),  # run while this test holds the lock (see below)
    "another seeds add running": (_nothing, ("seeds", "add", "notes.md")),  # likewise
    "another issue running": (_nothing, ("issue",)),  # likewise
    "issue after an edit": (_model_edited, ("issue", "-a", "analyst")),
    "no such issued version": (_nothing, ("diff", "-a", "analyst", "--since", "9")),
    "issue before a build": (_new_audience, ("issue", "-a", "board")),
    "no such build": (_nothing, ("diff", "--since", "build99")),
    "version or build number too long": (_nothing, ("status", "--since", "9" * 30)),
    "template writes half a surrogate pair": (lambda ws: (ws / "templates/executive.xml.j2").write_text(
        '{% extends "base.xml.j2" %}\n{% block bluf %}<p>{{ "\\ud800" }}</p>{% endblock %}\n', encoding="utf-8"),
        ("build",)),
    "dates out of order": (_retext("seeds/sources.yaml", 'accessed: "2026-11-23"', 'accessed: "2025-08-31"'),
                           ("build",)),
    "source after the cutoff (warning)": (_retext("seeds/summary.yaml", 'as_of: "2025-09-19"', 'as_of: "2025-09-10"'),
                                          ("check",)),
    "number not counted in its unit": (_retext("seeds/summary.yaml", "unit: people", "unit: million people"),
                                       ("build",)),
    "passage of one word": (_retext("seeds/summary.yaml", '"Kim later called for mass production of attack drones."',
                                    '"drones"'), ("build",)),
    "ids differing only in case": (_retext("seeds/summary.yaml", "id: kj-drone-production", "id: KJ-AI-Top-Priority"),
                                   ("build",)),
    "document catalogued twice": (_retext("seeds/sources.yaml", "file: 002_828a4c93c67805e5.txt",
                                          "file: 000_eab46a25288d9a93.txt"), ("build",)),
    "yes or no for a number": (_retext("seeds/summary.yaml", "priority: 1", "priority: on"), ("build",)),
    "template names a missing template": (_both(_BOARD_TEMPLATE, lambda ws: (ws / "templates/board.xml.j2").write_text(
        "{% extends 'base.xml.j2' %}\n{% block bluf %}{% include 'parts/bluf.xml.j2' %}{% endblock %}",
        encoding="utf-8")), ("build",)),
    "markup no writer can draw": (_both(_BOARD_TEMPLATE, lambda ws: (ws / "templates/board.xml.j2").write_text(
        "{% extends 'base.xml.j2' %}\n{% block bluf %}<table>" + "<col>A</col>" * 14 + "<tr>" + "<td>x</td>" * 14
        + "</tr></table>{% endblock %}", encoding="utf-8")), ("build",)),
    "text outside any block": (_both(_BOARD_TEMPLATE, lambda ws: (ws / "templates/board.xml.j2").write_text(
        "{% extends 'base.xml.j2' %}\n{% block bluf %}Read this first.{% endblock %}", encoding="utf-8")), ("build",)),
    "element a container does not hold": (_both(_BOARD_TEMPLATE, lambda ws: (ws / "templates/board.xml.j2").write_text(
        "{% extends 'base.xml.j2' %}\n{% block bluf %}<table><col>A</col><tr><th>x</th></tr></table>{% endblock %}",
        encoding="utf-8")), ("build",)),
    "seed file named in other case or encoding": (lambda ws: (ws / "seeds/000_eab46a25288d9a93.txt").rename(
        ws / "seeds/000_EAB46A25288D9A93.txt"), ("check",)),
    "seed file named with characters no one sees": (_retext("seeds/sources.yaml", "file: 000_eab46a25288d9a93.txt",
                                                            'file: "000_eab46a25288d9a93.txt "'), ("check",)),
    "YAML file in UTF-16 or UTF-32": (lambda ws: (ws / "templates/executive.yaml").write_bytes(
        (ws / "templates/executive.yaml").read_text(encoding="utf-8").encode("utf-16")), ("build",)),
    "template in UTF-16 or UTF-32": (lambda ws: (ws / "templates/executive.xml.j2").write_bytes(
        (ws / "templates/executive.xml.j2").read_text(encoding="utf-8").encode("utf-16")), ("build",)),
    "-C names no folder": (_nothing, ("-C", "nowhere", "check")),
    "-C names a file or device": (_nothing, ("-C", "/dev/null", "check")),
    "-o names a link to nothing": (lambda ws: (ws / "out").symlink_to("nowhere"), ("build", "-o", "out")),
    "templates/ not a folder": (_both(lambda ws: shutil.rmtree(ws / "templates"),
                                      lambda ws: os.mkfifo(ws / "templates")), ("check",)),
    "output/ not a folder (check warning)": (_both(lambda ws: shutil.rmtree(ws / "output"), lambda ws: (
        ws / "output").write_text("x", encoding="utf-8") and None), ("check",)),
    "init names a file": (lambda ws: (ws / "taken").write_text("x", encoding="utf-8"), ("init", "taken")),
    "seed deeper than changes are looked for": (_seed_moved_to("a/b/c/d/e/f/g/h/i/000_eab46a25288d9a93.txt"),
                                                ("build",)),
    "seed under a hidden name": (_seed_moved_to(".hidden.txt"), ("build",)),
    "init into a link to nothing": (lambda ws: (ws / "new").symlink_to("nowhere"), ("init", "new")),
    "init finds a file in its way": (_both(lambda ws: (ws / "new").mkdir(),
                                           lambda ws: (ws / "new/seeds").write_text("x", encoding="utf-8")),
                                     ("init", "new")),
    "build records behind a link (warning)": (_builds_linked_out, ("history",)),
    "record of issued versions from a newer briefgen": (_newer_format("output/issued/issued.json"),
                                                        ("issue", "-a", "analyst")),
    "build record from a newer briefgen (warning)": (_newer_format("output/briefgen.lock"), ("status",)),
    "date far in the future (warning)": (_retext("seeds/sources.yaml", 'accessed: "2026-11-23"',
                                                 'accessed: "2999-11-23"'), ("check",)),
    "brand file key misspelt": (_both(lambda ws: (ws / "templates/_brand.yml").write_text(
        'colour:\n  primary: "#2E7D32"\n', encoding="utf-8"), lambda ws: (ws / "templates/board.yaml").write_text(
        "template: executive.xml.j2\nlook:\n  brand: _brand.yml\n", encoding="utf-8")), ("check",)),
}
ENV = {"bad SOURCE_DATE_EPOCH": {"SOURCE_DATE_EPOCH": "soon"}, "bad BRIEFGEN_WORKERS": {"BRIEFGEN_WORKERS": "two"},
       "character ceiling not a whole number": {"BRIEFGEN_RENDER_CHARS": "0.5"},
       "issue dated before the last version": {"SOURCE_DATE_EPOCH": "1767225600"}}
STDOUT = {"standard output full": "/dev/full"}  # where standard output goes, if not to a pipe read here
HELD = {"another build running": ".build.lock", "another seeds add running": ".seeds.lock",
        "another issue running": ".issue.lock"}


def _catalogue() -> dict[str, tuple[int, str, str]]:
    """README rows: class -> (exit code, example message, hint)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Error catalogue", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].isdigit():
            rows[cells[0]] = (int(cells[1]), _unquote(cells[2]), _unquote(cells[3]))
    return rows


def _unquote(cell: str) -> str:
    return re.sub(r"^`+ ?| ?`+$", "", cell).replace("\\|", "|")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("catalogue"))


def test_every_documented_error_has_a_scenario_and_back() -> None:
    assert set(_catalogue()) == set(SCENARIOS)


@pytest.mark.parametrize("kind", sorted(SCENARIOS))
def test_documented_message_is_what_briefgen_prints(kind: str, built: Path, tmp_path: Path) -> None:
    code, message, hint = _catalogue()[kind]
    ws = copy_workspace(built, tmp_path)
    mutate, args = SCENARIOS[kind]
    mutate(ws)
    before = published(ws)  # after the scenario's own changes (a file where output/history goes, say)
    # the real entry point, as a user or a scheduler runs it; two scenarios meet a lock held here
    env = {**os.environ, "BRIEFGEN_LOCK_SECONDS": "0.5", **ENV.get(kind, {})}
    with (FileLock(str(ws / "output" / HELD[kind])) if kind in HELD else nullcontext(),
          open(STDOUT[kind], "wb") if kind in STDOUT else nullcontext() as sink):
        result = subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=ws, stdout=sink or subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, timeout=120, env=env)
    printed = (result.stdout or "") + result.stderr
    lines = [line.strip() for line in printed.splitlines()]
    assert result.returncode == code, printed
    assert message in lines, printed
    assert not hint or f"hint: {hint}" in lines, printed
    assert "Traceback" not in printed
    assert published(ws) == before or code == 0
