"""`briefgen seeds add` (issue 8): documents copied byte for byte, catalogue entries appended from their metadata
with the analyst's comments kept, what is missing marked, duplicates refused, all files or none."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from briefgen.authoring.catalogue_text import append_entries
from briefgen.cli.main import cli
from briefgen.errors import BriefgenError
from briefgen.sources.formats.docxdoc import OLE_MAGIC
from tests.conftest import ROOT
from tests.helpers import SEED_000, fingerprint, libreoffice_convert, model, run, save_model
from tests.seed_fixtures import PASSAGE, docx_seed, html_seed, markdown_seed, text_pdf_with_metadata


def entries(ws: Path) -> dict[str, dict[str, object]]:
    data = yaml.safe_load((ws / "seeds/sources.yaml").read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in data["sources"]}


def line_of(ws: Path, needle: str, after: str = "") -> str:
    """The first line of the catalogue holding `needle`, below the first line holding `after`."""
    text = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    return next(line for line in text[text.index(after):].splitlines() if needle in line)


def test_html_page_is_copied_and_catalogued_from_its_meta_tags(workspace: Path, tmp_path: Path) -> None:
    page = tmp_path / "Drones Up North.HTML"
    html_seed(page)
    before = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8")
    result = run(workspace, "seeds", "add", str(page))
    assert result.exit_code == 0, result.output
    copied = workspace / "seeds/drones-up-north.html"
    assert copied.read_bytes() == page.read_bytes()
    after = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # every existing byte, comments included, is kept
    entry = entries(workspace)["drones-up-north"]
    assert entry == {"id": "drones-up-north", "file": "drones-up-north.html", "originator": "Example News",
                     "title": "Drones up north", "published": "2025-09-19", "information_date": None,
                     "accessed": entry["accessed"], "url": "https://news.example.org/drones", "kind": None,
                     "descriptor": None, "marking": None}  # the shipped catalogue is marked: so must this be
    assert "og:site_name" in line_of(workspace, "originator: \"Example News\"")
    assert "# the document names its author: Kim Reporter" in after
    assert "fill in: kind, descriptor" in result.output
    assert "seeds/sources.yaml:" in result.output and "catalogued as drones-up-north" in result.output


def test_unfilled_fields_fail_check_at_their_lines_until_filled(workspace: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    html_seed(page)
    assert run(workspace, "seeds", "add", str(page)).exit_code == 0
    lines = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8").splitlines()
    kind_line = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("kind: null"))
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert f"seeds/sources.yaml:{kind_line}:" in result.output and "kind: is not filled in (null)" in result.output
    text = "\n".join(lines).replace("kind: null", "kind: news article").replace(
        "descriptor: null", "descriptor: Online news page written for the test.")
    (workspace / "seeds/sources.yaml").write_text(text + "\n", encoding="utf-8")
    marking_line = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("marking: null"))
    result = run(workspace, "check")  # the shipped sources are marked, so the new one must be too
    assert f"seeds/sources.yaml:{marking_line}:" in result.output
    assert "marking: source 'drones-up-north' has no marking" in result.output
    (workspace / "seeds/sources.yaml").write_text(text.replace("marking: null", "marking: TLP:CLEAR") + "\n",
                                                  encoding="utf-8")
    data = model(workspace)
    data["judgments"][0]["evidence"].append({"source": "drones-up-north", "passage": PASSAGE})
    save_model(workspace, data)
    result = run(workspace, "check", "--json")
    assert result.exit_code == 0, result.output
    assert '"file": "seeds/page.html"' in result.output


def test_pdf_document_information_fills_the_entry(workspace: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    text_pdf_with_metadata(pdf, {"/Title": "Sorties in the North", "/Author": "Example Institute",
                                 "/CreationDate": "D:20250918120000+09'00'", "/Subject": "Drone activity"})
    result = run(workspace, "seeds", "add", str(pdf))
    assert result.exit_code == 0, result.output
    entry = entries(workspace)["sorties-north"]
    assert (entry["title"], entry["originator"], entry["published"]) == (
        "Sorties in the North", "Example Institute", "2025-09-18")
    assert "check it is the publication date" in line_of(workspace, 'published: "2025-09-18"')
    assert "check: originator, published" in result.output
    assert (workspace / "seeds/report.pdf").read_bytes() == pdf.read_bytes()


def test_docx_properties_and_markdown_front_matter(workspace: Path, tmp_path: Path) -> None:
    docx_seed(tmp_path / "activity.docx")
    markdown_seed(tmp_path / "notes.md")
    result = run(workspace, "seeds", "add", str(tmp_path / "activity.docx"), str(tmp_path / "notes.md"))
    assert result.exit_code == 0, result.output
    found = entries(workspace)
    word = found["drone-activity-report"]
    assert (word["title"], word["originator"], word["published"]) == (
        "Drone Activity Report", "Example Institute", "2025-09-21")
    notes = found["field-notes-drones"]
    assert (notes["title"], notes["originator"], notes["published"], notes["url"]) == (
        "Field Notes on Drones", "Jane Doe", "2025-09-20", "https://notes.example.org/d")


def test_what_the_document_does_not_say_is_marked(workspace: Path, tmp_path: Path) -> None:
    plain = tmp_path / "statement.txt"
    plain.write_text("Statement of the ministry\n\nThe ministry said nothing new.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["seeds", "add", "-C", str(workspace), str(plain)])  # -C after the command
    assert result.exit_code == 0, result.output
    entry = entries(workspace)["statement-ministry"]
    assert entry["title"] == "Statement of the ministry" and entry["originator"] is None and entry["url"] is None
    assert "not found in the document" in line_of(workspace, "originator: null", "id: statement-ministry")
    assert "first line: check" in line_of(workspace, 'title: "Statement of the ministry"')
    assert "fill in: originator, published, url, kind, descriptor" in result.output


def test_duplicates_are_refused_by_content(workspace: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "renamed-copy.txt"
    shutil.copy(ROOT / SEED_000, renamed)
    before = fingerprint(workspace / "seeds")
    result = run(workspace, "seeds", "add", str(renamed))
    assert result.exit_code == 1
    assert "already catalogued as 'gsw-ai-arms-race' (seeds/000_eab46a25288d9a93.txt, seeds/sources.yaml:9)" \
        in result.output
    assert fingerprint(workspace / "seeds") == before


def test_the_same_file_twice_in_one_run_is_refused(workspace: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    html_seed(page)
    before = fingerprint(workspace / "seeds")
    result = run(workspace, "seeds", "add", str(page), str(page))
    assert result.exit_code == 1 and "already catalogued as 'drones-up-north'" in result.output
    assert "nothing was added" in result.output
    assert fingerprint(workspace / "seeds") == before


def test_one_bad_file_adds_nothing(workspace: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    html_seed(page)
    bad = tmp_path / "locked.docx"
    bad.write_bytes(OLE_MAGIC + b"\x00" * 512)
    (tmp_path / "old.wpd").write_bytes(b"\xffWPC" + b"\x00" * 512)
    before = fingerprint(workspace / "seeds")
    result = run(workspace, "seeds", "add", str(page), str(bad), str(tmp_path / "missing.pdf"),
                 str(tmp_path / "old.wpd"), str(tmp_path))
    assert result.exit_code == 1
    assert f"{bad}: the file is a password-protected Word document" in result.output
    assert f"{tmp_path / 'missing.pdf'}: file not found" in result.output
    assert "unsupported format '.wpd'" in result.output
    assert f"{tmp_path}: the path is a directory, not a regular file" in result.output
    assert f"hint: name the documents in it: briefgen seeds add {tmp_path}/*.pdf" in result.output
    assert "Traceback" not in result.output
    assert fingerprint(workspace / "seeds") == before


def test_names_and_ids_stay_unique(workspace: Path, tmp_path: Path) -> None:
    for folder, words in (("a", "First"), ("b", "Second")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.md").write_text(f"# Weekly report\n\n{words} week of sorties.\n",
                                                     encoding="utf-8")
    result = run(workspace, "seeds", "add", str(tmp_path / "a/report.md"), str(tmp_path / "b/report.md"))
    assert result.exit_code == 0, result.output
    assert (workspace / "seeds/report.md").read_text(encoding="utf-8").startswith("# Weekly report\n\nFirst")
    assert (workspace / "seeds/report-2.md").read_text(encoding="utf-8").startswith("# Weekly report\n\nSecond")
    found = entries(workspace)
    assert found["weekly-report"]["file"] == "report.md" and found["weekly-report-2"]["file"] == "report-2.md"


def test_an_uncatalogued_copy_already_in_seeds_is_catalogued_in_place(workspace: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    html_seed(page)
    shutil.copy(page, workspace / "seeds/saved-page.html")
    result = run(workspace, "seeds", "add", str(page))
    assert result.exit_code == 0, result.output
    assert "already in seeds/ as seeds/saved-page.html" in result.output
    assert entries(workspace)["drones-up-north"]["file"] == "saved-page.html"
    assert not (workspace / "seeds/page.html").exists()


def test_a_new_workspace_catalogue_is_filled_below_its_comments(tmp_path: Path) -> None:
    ws = tmp_path / "topic"
    assert run(tmp_path, "init", str(ws)).exit_code == 0
    skeleton = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    html_seed(page)
    result = run(ws, "seeds", "add", str(page))
    assert result.exit_code == 0, result.output
    text = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    comments = [line for line in skeleton.splitlines() if line.startswith("#")]
    assert [line for line in text.splitlines() if line.startswith("#")] == comments
    assert list(entries(ws)) == ["drones-up-north"]
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    assert hashlib.sha256((ws / "seeds/page.html").read_bytes()).hexdigest() == digest


def test_hostile_metadata_cannot_inject_yaml(workspace: Path, tmp_path: Path) -> None:
    page = tmp_path / "evil.html"
    title = 'Real title": x\n  - id: injected\n    file: /etc/passwd # \x07' + "long " * 200
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;")
    page.write_text(f"<html><head><meta property='og:title' content='{escaped}'></head><body><p>Text.</p></body>"
                    "</html>", encoding="utf-8")
    result = run(workspace, "seeds", "add", str(page))
    assert result.exit_code == 0, result.output
    found = entries(workspace)
    assert "injected" not in found and len(found) == 3
    added = next(e for e in found.values() if e["file"] == "evil.html")
    assert str(added["title"]).startswith('Real title": x - id: injected file: /etc/passwd #')
    assert len(str(added["title"])) <= 300 and "\x07" not in str(added["title"])


CATALOGUE_LAYOUTS = {
    "indentless list": ("sources:\n- id: a\n  file: a.txt\n", "- id: new\n  file: new.txt\n"),
    "no final newline": ("sources:\n  - id: a\n    file: a.txt", "\n  - id: new\n    file: new.txt\n"),
    "crlf": ("sources:\r\n  - id: a\r\n    file: a.txt\r\n", "  - id: new\r\n    file: new.txt\r\n"),
    "list then other key": ("sources:\n  - id: a\n    file: a.txt\nother: 1\n", None),
    "empty list with comment": ("sources: []  # none yet\n", None),
}


@pytest.mark.parametrize("layout", CATALOGUE_LAYOUTS)
def test_entries_are_appended_as_text_in_any_layout(layout: str) -> None:
    text, tail = CATALOGUE_LAYOUTS[layout]
    result = append_entries(text, "seeds/sources.yaml", [([("id", "new", ""), ("file", "new.txt", "")], "")])
    if tail is not None:
        assert result == text + tail
    data = yaml.safe_load(result)
    assert data["sources"][-1] == {"id": "new", "file": "new.txt"}
    assert {k: v for k, v in data.items() if k != "sources"} == {k: v for k, v in yaml.safe_load(text).items()
                                                               if k != "sources"}
    if "# none yet" in text:
        assert "# none yet" in result


def test_a_flow_list_is_not_rewritten() -> None:
    with pytest.raises(BriefgenError, match="not a block list"):
        append_entries("sources: [{id: a, file: a.txt}]\n", "seeds/sources.yaml", [([("id", "new", "")], "")])


def test_a_document_without_a_title_property_offers_its_first_paragraph(workspace: Path, tmp_path: Path) -> None:
    """pandoc and LibreOffice write no Title property in a DOCX, LibreOffice none in a PDF of an untitled
    document (nor do many Word users): the entry took no title at all,
    where the document's first paragraph, its heading, is the title a reader sees; a first paragraph too long
    to be a title is not offered, in a DOCX or a text seed."""
    titled, long, printed = tmp_path / "port.docx", tmp_path / "lead.txt", tmp_path / "printed.pdf"
    text_pdf_with_metadata(printed, {"/Producer": "LibreOffice 7.4"})  # page 1's first line: "Drone Report"
    document = docx.Document()
    document.add_heading("Port traffic rises after canal reopening", level=1)
    document.add_paragraph("Container traffic rose by 18 per cent in February.")
    document.core_properties.title = ""
    document.save(str(titled))
    long.write_text("The ministry said " + "nothing new " * 20 + "on Monday.\n", encoding="utf-8")
    result = run(workspace, "seeds", "add", str(titled), str(long), str(printed))
    assert result.exit_code == 0, result.output
    assert "catalogued as port-traffic-rises-after" in result.output  # the id from the title, as for others
    assert entries(workspace)["port-traffic-rises-after"]["title"] == "Port traffic rises after canal reopening"
    assert "first paragraph: check it is the title" in line_of(workspace, 'title: "Port traffic rises')
    assert entries(workspace)["lead"]["title"] is None
    assert entries(workspace)["drone-report"]["title"] == "Drone Report"  # a PDF without a Title property too


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_first_line_without_a_letter_is_no_title(workspace: Path, tmp_path: Path, suffix: str) -> None:
    """A saved page's close button ("×"), a rule or a page number above the headline is passed over: the title,
    and the id made from it, are the first line with words (as LibreOffice's text export shows the file)."""
    lines = ["×", "— — —", "12", "Kim Jong Un declares AI top priority for the drone program", "The body."]
    document = tmp_path / f"saved{suffix}"
    if suffix == ".txt":
        document.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    else:
        word = docx.Document()
        word.core_properties.title = ""
        for line in lines:
            word.add_paragraph(line)
        word.save(str(document))
    result = run(workspace, "seeds", "add", str(document))
    assert result.exit_code == 0, result.output
    exported = libreoffice_convert([document], tmp_path / "lo", to="txt:Text")[0].read_text(encoding="utf-8-sig")
    headline = next(line for line in exported.splitlines() if line[:1].isalpha())
    entry = entries(workspace)["kim-jong-un-declares"]
    assert entry["title"] == headline == lines[3]
    assert "catalogued as kim-jong-un-declares" in result.output


def _pasted(line: str) -> list[str]:
    """The arguments of each `briefgen ...` command a "next:" line offers, as a shell splits them."""
    import re
    import shlex
    return [shlex.split(command)[1:] for command in re.findall(r"`(briefgen [^`]*)`", line)]


@pytest.mark.parametrize("step", [("seeds", "add", "{doc}"), ("audiences", "new", "board")])
def test_the_next_step_works_when_pasted_where_the_command_ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                step: tuple[str, ...]) -> None:
    """Run with -C from another folder, the "next:" line's commands carry that -C (as a shell takes the folder),
    so pasted they reach the workspace; run in the workspace, they need none."""
    ws = tmp_path / "my topic"
    assert CliRunner().invoke(cli, ["init", str(ws)]).exit_code == 0
    doc = tmp_path / "statement.txt"
    doc.write_text("Statement of the ministry\n\nThe ministry said nothing new.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [arg.format(doc=doc) for arg in step]
    result = CliRunner().invoke(cli, ["-C", "my topic", *args])
    assert result.exit_code == 0, result.output
    next_line = result.output.splitlines()[-1]
    for command in _pasted(next_line):
        assert command[:2] == ["-C", "my topic"], next_line
        pasted = CliRunner().invoke(cli, command)
        assert "not a briefgen workspace" not in pasted.output and "seeds/s" in pasted.output, pasted.output
    monkeypatch.chdir(ws)
    (tmp_path / "second.txt").write_text("Second statement\n\nNothing new again.\n", encoding="utf-8")
    again = CliRunner().invoke(cli, [*args[:2], str(tmp_path / "second.txt") if step[0] == "seeds" else "panel"])
    assert all("-C" not in command for command in _pasted(again.output.splitlines()[-1])), again.output
