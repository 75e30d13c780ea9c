"""Every DOCX briefgen writes is in the element order and uses only the attributes of ECMA-376 (transitional),
as Microsoft Word requires (tests/ooxml_order.py): the shipped workspace's three audiences, an issued version's
"what changed" and its redline, the analyst brief in every script (with its chart), and briefs under reference
documents as users bring them: python-docx's with a header, the house-style kinds of test_house_references.py, a
letterhead, pandoc's reference.docx and one saved by LibreOffice. A violation names the part and the path in it.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree

from bench.synth import make_scripts_workspace
from tests.conftest import ROOT
from tests.helpers import built_workspace, libreoffice_convert, model, run, save_model
from tests.ooxml_order import part_violations, violations
from tests.test_house_letterhead import _reference as letterhead_reference
from tests.test_house_references import KINDS
from tests.tools import require

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _problems(xml: str) -> list[str]:
    return list(part_violations(etree.fromstring(xml)))


def test_the_checker_finds_what_word_refuses() -> None:
    found = _problems(
        f'<w:document {_W}><w:body><w:sectPr/><w:tbl><w:p/></w:tbl><w:p><w:pPr><w:keepNext/><w:keepNext/>'
        '<w:spacing w:after="x"/><w:keepLines/></w:pPr><w:r><w:rPr><w:sz w:val="3"/><w:b w:val="yes"/></w:rPr>'
        '<w:t>a</w:t></w:r></w:p></w:body></w:document>')
    assert found == [
        "/document/body[1]: w:tbl after w:sectPr (schema order)",
        "/document/body[1]: w:p after w:sectPr (schema order)",
        "/document/body[1]/tbl[1]: w:p is not allowed here",
        "/document/body[1]/tbl[1]: no w:tblPr (required)",
        "/document/body[1]/tbl[1]: no w:tblGrid (required)",
        "/document/body[1]/p[1]/pPr[1]: w:keepNext repeated (the schema allows one)",
        "/document/body[1]/p[1]/pPr[1]: w:keepLines after w:spacing (schema order)",
        "/document/body[1]/p[1]/pPr[1]/spacing[1]: w:after='x' is not a value the schema allows",
        "/document/body[1]/p[1]/r[1]/rPr[1]: w:b after w:sz (schema order)",
        "/document/body[1]/p[1]/r[1]/rPr[1]/b[1]: w:val='yes' is not a value the schema allows"]


def test_the_checker_knows_cells_numbering_styles_and_deletions() -> None:
    cell = _problems(f'<w:tc {_W}><w:tcPr><w:shd w:val="clear"/><w:tcW w:w="1"/></w:tcPr><w:tbl><w:tblPr/>'
                     '<w:tblGrid/></w:tbl></w:tc>')
    assert cell == ["/tc: the cell ends with w:tbl (Word wants a w:p last)",
                    "/tc/tcPr[1]: w:tcW after w:shd (schema order)"]
    numbering = _problems(f'<w:numbering {_W}><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                          '<w:abstractNum w:abstractNumId="0"/></w:numbering>')
    assert numbering == ["/numbering: w:abstractNum after w:num (schema order)"]
    style = _problems(f'<w:styles {_W}><w:style w:type="paragraph" w:styleId="A"><w:pPr/><w:qFormat/>'
                      '<w:name w:val="a"/></w:style></w:styles>')
    assert style == ["/styles/style[1]: w:qFormat after w:pPr (schema order)",
                     "/styles/style[1]: w:name after w:pPr (schema order)"]
    deleted = _problems(f'<w:p {_W} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
                        '<w14:ext/><w:del w:id="1" w:author="a"><w:r><w:t>x</w:t></w:r></w:del></w:p>')
    assert deleted == ["/p/del[1]: w:t in a deleted run (Word wants w:delText, w:delInstrText)"]


def _clean(path: Path) -> None:
    assert path.is_file(), path
    assert violations(path) == [], path.name


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped workspace built, the analyst brief issued, then revised and rebuilt: a redline."""
    ws = built_workspace(tmp_path_factory.mktemp("shipped"))
    for audience in ("executive", "analyst", "public"):
        shutil.copy(ws / f"output/{audience}.docx", ws / f"{audience}-first.docx")
    assert run(ws, "issue", "-a", "analyst", "--note", "For review.").exit_code == 0
    data = model(ws)
    figure = next(f for f in data["figures"] if f["value"] == "more than 7 million")
    figure["value"] = "about 7 million"
    data["quotes"].pop()
    save_model(ws, data)
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    return ws


@pytest.mark.parametrize("name", ["executive-first", "analyst-first", "public-first", "output/analyst",
                                  "output/analyst.redline", "output/issued/analyst-v1/analyst"])
def test_the_shipped_briefs_and_the_redline_follow_the_schema(shipped: Path, name: str) -> None:
    _clean(shipped / f"{name}.docx")


def test_the_analyst_brief_in_every_script_follows_the_schema(tmp_path: Path) -> None:
    ws = make_scripts_workspace(tmp_path / "ws")
    shutil.copytree(ROOT / "briefgen/templates", ws / "templates", ignore=shutil.ignore_patterns("__*"))
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    _clean(ws / "output/analyst.docx")


def _python_docx(kind: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        reference = docx.Document()
        reference.sections[0].header.paragraphs[0].text = "Ministry of Examples"
        if kind in KINDS:
            KINDS[kind](reference)
        reference.save(str(path))
        return path
    return make


def _pandoc(path: Path) -> Path:
    made = subprocess.run([require("pandoc"), "--print-default-data-file", "reference.docx"], check=True,
                          capture_output=True, timeout=60)
    path.write_bytes(made.stdout)
    return path


def _libreoffice(path: Path) -> Path:
    """python-docx's document with a header, opened and saved again by LibreOffice."""
    (path.parent / "source").mkdir()
    source = _python_docx("plain")(path.parent / "source" / path.name)
    libreoffice_convert([source], path.parent, to="docx:MS Word 2007 XML")
    return path


REFERENCES: dict[str, Callable[[Path], Path]] = {
    **{kind: _python_docx(kind) for kind in ("plain", *KINDS)}, "letterhead": letterhead_reference,
    "pandoc": _pandoc, "libreoffice": _libreoffice}


@pytest.mark.parametrize("kind", sorted(REFERENCES))
def test_briefs_under_a_reference_docx_follow_the_schema(kind: str, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    shutil.copytree(ROOT / "briefgen/templates", ws / "templates", ignore=shutil.ignore_patterns("__*"))
    REFERENCES[kind](ws / "templates/house.docx")
    for audience in ("executive", "analyst"):
        profile = ws / f"templates/{audience}.yaml"
        profile.write_text(profile.read_text(encoding="utf-8") + "look: {reference_docx: house.docx}\n", "utf-8")
        result = run(ws, "build", "-a", audience)
        assert result.exit_code == 0, result.output
        _clean(ws / f"output/{audience}.docx")
