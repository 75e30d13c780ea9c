"""End to end: the shipped workspace built into all six briefs, read back with real readers (issues 3 and 4)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import libreoffice_pdf, model, pdftotext, run
from tests.tools import require

AUDIENCES = ("analyst", "executive", "public")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("build") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    result = run(ws, "build")
    assert result.exit_code == 0, result.output
    (ws / "build.log").write_text(result.output, encoding="utf-8")
    return ws


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace("’", "'")


def shown_ids(ws: Path, audience: str) -> list[str]:
    lock = json.loads((ws / "output/briefgen.lock").read_text(encoding="utf-8"))
    record = lock["audiences"][audience]
    return [i for i in record["items"] if i not in record["dropped"]]


def shown_statements(ws: Path, audience: str) -> dict[str, str]:
    """The judgments the lock says this brief shows, worded as that audience reads them."""
    judgments = {j["id"]: j for j in model(ws)["judgments"]}
    shown = [judgments[i] for i in shown_ids(ws, audience) if i in judgments]
    assert shown
    return {j["id"]: squash((audience == "public" and j.get("plain")) or j["statement"]) for j in shown}


def test_build_prints_one_line_per_file(built: Path) -> None:
    lines = (built / "build.log").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    for line in lines:
        assert re.match(r"output/\w+\.(docx|pdf): \d+ pages?, \d+ footnotes", line), line


def test_a_docx_built_alone_claims_no_page_count(built: Path, tmp_path: Path) -> None:
    """Without its PDF or a page limit, nothing has laid the DOCX out: no page count (it printed "0 pages");
    with a limit, the fit measured it."""
    alone = run(built, "build", "-a", "public", "-a", "executive", "-f", "docx", "-o", str(tmp_path))
    assert alone.exit_code == 0, alone.output
    lines = dict(line.split(": ", 1) for line in alone.output.splitlines())
    assert re.fullmatch(r"\d+ footnotes", lines[f"{tmp_path}/public.docx"]), lines
    assert re.match(r"1 page, \d+ footnotes", lines[f"{tmp_path}/executive.docx"]), lines


def test_executive_pdf_is_one_page(built: Path) -> None:
    assert len(PdfReader(built / "output/executive.pdf").pages) == 1


@pytest.mark.parametrize("audience", AUDIENCES)
def test_docx_footnotes_match_references_one_to_one(built: Path, audience: str) -> None:
    from lxml import etree
    with zipfile.ZipFile(built / f"output/{audience}.docx") as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    note_ids = [n.get(f"{W}id") for n in notes.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    ref_ids = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert note_ids and sorted(note_ids, key=int) == sorted(ref_ids, key=int)
    assert len(set(ref_ids)) == len(ref_ids)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_adjacent_note_marks_ascend(built: Path, audience: str) -> None:
    """Each group of marks reads "13,14", never "14,13": new footnotes (numbered by Word in order) and
    repeated ones (a NOTEREF field showing the earlier number) are sorted together."""
    from lxml import etree
    with zipfile.ZipFile(built / f"output/{audience}.docx") as z:
        body = etree.fromstring(z.read("word/document.xml"))
    groups = []
    for paragraph in body.iter(f"{W}p"):
        marks = ""
        for piece in paragraph.iter(f"{W}r"):
            style = piece.find(f"{W}rPr/{W}rStyle")
            if style is None or style.get(f"{W}val") != "FootnoteReference":
                marks += "|"
            elif (ref := piece.find(f"{W}footnoteReference")) is not None:
                marks += ref.get(f"{W}id")
            else:
                marks += "".join(t.text or "" for t in piece.iter(f"{W}t"))
        groups += [[int(n) for n in group.split(",")] for group in marks.split("|") if "," in group]
    assert len(groups) >= 6
    assert [g for g in groups if g != sorted(g)] == []


@pytest.mark.parametrize("audience", AUDIENCES)
def test_python_docx_opens_and_finds_the_judgments(built: Path, audience: str) -> None:
    document = docx.Document(str(built / f"output/{audience}.docx"))
    text = squash(" ".join(p.text for p in document.paragraphs))
    for item_id, statement in shown_statements(built, audience).items():
        assert statement in text, item_id
    assert document.core_properties.title == model(built)["brief"]["title"]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_pdf_holds_every_selected_judgment_and_note(built: Path, audience: str) -> None:
    text = squash(pdf_text(built / f"output/{audience}.pdf"))
    for item_id, statement in shown_statements(built, audience).items():
        assert statement in text, item_id
    assert "Global South World, Why North Korea is rushing to join the global AI arms race" in text
    assert "Originator unknown" in text  # the unattributed seed is said to be unknown


def test_briefs_differ_by_audience(built: Path) -> None:
    executive = pdf_text(built / "output/executive.pdf")
    analyst = pdf_text(built / "output/analyst.pdf")
    public = pdf_text(built / "output/public.pdf")
    assert len(analyst) > len(executive)
    assert not re.search(r"(high|moderate|low) confidence", public, re.IGNORECASE)
    assert ("Corroboration" in analyst and "Source summary" in analyst and "Information gaps" in analyst.title()) or \
        "INFORMATION GAPS" in analyst


def test_two_builds_a_second_apart_are_byte_identical(built: Path, tmp_path: Path) -> None:
    ws = tmp_path / "again"
    shutil.copytree(built / "seeds", ws / "seeds")
    time.sleep(1.1)
    assert run(ws, "build").exit_code == 0
    for audience in AUDIENCES:
        for fmt in ("docx", "pdf"):
            name = f"output/{audience}.{fmt}"
            assert (ws / name).read_bytes() == (built / name).read_bytes(), name


def test_source_date_epoch_sets_the_printed_date(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_path / "epoch"
    shutil.copytree(built / "seeds", ws / "seeds")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert run(ws, "build", "-a", "executive", "-f", "docx").exit_code == 0
    props = docx.Document(str(ws / "output/executive.docx")).core_properties
    assert props.created is not None and props.created.year == 2026


@pytest.mark.parametrize("audience", AUDIENCES)
def test_pandoc_reads_every_footnote(built: Path, audience: str) -> None:
    pandoc = require("pandoc")
    out = subprocess.run([pandoc, "-f", "docx", "-t", "json", str(built / f"output/{audience}.docx")],
                         capture_output=True, text=True, check=True).stdout
    notes = out.count('"t":"Note"')
    with zipfile.ZipFile(built / f"output/{audience}.docx") as z:
        expected = z.read("word/footnotes.xml").count(b"<w:footnote ") - 2
    assert notes == expected > 0


def test_libreoffice_lays_the_executive_docx_on_one_page(built: Path, tmp_path: Path) -> None:
    converted = libreoffice_pdf(built / "output/executive.docx", tmp_path)
    assert len(PdfReader(converted).pages) == 1
    text = pdftotext(converted, "-layout")
    body, _, foot = text.partition("Global South World, Why North Korea")
    assert foot, "the first note is missing"
    assert "Key judgments".upper() in body.upper()  # the notes come after the body, at the page foot


@pytest.mark.parametrize("audience", AUDIENCES)
def test_qpdf_check_passes(built: Path, audience: str) -> None:
    qpdf = require("qpdf")
    done = subprocess.run([qpdf, "--check", str(built / f"output/{audience}.pdf")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_board_audience_added_by_copying_files(workspace: Path) -> None:
    bundled = ROOT / "briefgen/templates"
    profile = (bundled / "executive.yaml").read_text(encoding="utf-8")
    profile = profile.replace("template: executive.xml.j2", "template: board.xml.j2")
    profile = profile.replace('banner: "For official use // Open-source assessment"',
                              'banner: "Board paper"') + 'look: {accent: "#5B2C6F", banner_color: "#5B2C6F"}\n'
    (workspace / "templates/board.yaml").write_text(profile, encoding="utf-8")
    shutil.copy(bundled / "executive.xml.j2", workspace / "templates/board.xml.j2")
    listing = run(workspace, "audiences")
    assert re.search(r"^board\s+board\.xml\.j2\s+1\s+docx,pdf", listing.output, re.MULTILINE), listing.output
    result = run(workspace, "build", "-a", "board")
    assert result.exit_code == 0, result.output
    assert "BOARD PAPER" in pdf_text(workspace / "output/board.pdf")
    assert "Board paper" in (workspace / "output/board.docx").read_bytes().decode("latin-1") or \
        "Board paper" in " ".join(p.text for p in docx.Document(str(workspace / "output/board.docx")).paragraphs)
    with zipfile.ZipFile(workspace / "output/board.docx") as z:
        assert b"5B2C6F" in z.read("word/styles.xml").upper()
