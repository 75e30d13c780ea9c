"""Issued versions (issue 18): `issue`, `history`, changes in words since the issued version, the redline DOCX.

One scenario, played once for the module: build the analyst brief, issue it, revise a figure's value, reword a
judgment, drop a quote, rebuild twice. The brief, `diff` and `status` must then list exactly those three
changes since version 1, in words; the redline must read as the new brief with its changes accepted and as
the issued one with them rejected (from the XML, and as LibreOffice reads it).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from tests.helpers import built_workspace, copy_workspace, edit, fingerprint, model, published, run, save_model
from tests.redlines import parts, text_of

ANALYST = ("-a", "analyst")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Played:
    ws: Path
    ids: set[str]  # every item id of the model: none may be printed
    figure_label: str
    quote_text: str
    diff: str
    status: str


def _edit_three(ws: Path) -> tuple[str, str]:
    """Revise a figure's value, reword the top judgment, drop the last quote; the figure's label and the
    quote's words, as a reader knows them."""
    data = model(ws)
    figure = next(f for f in data["figures"] if f["value"] == "more than 7 million")
    figure["value"] = "about 7 million"
    data["judgments"][0]["statement"] = data["judgments"][0]["statement"].replace(
        "modernisation, and has tied", "modernisation and has personally tied")
    dropped = data["quotes"].pop()
    save_model(ws, data)
    return figure["label"], dropped["text"]


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> Played:
    ws = built_workspace(tmp_path_factory.mktemp("issued"))
    data = model(ws)
    ids = {i["id"] for s in ("judgments", "figures", "quotes", "gaps") for i in data[s]}
    issued = run(ws, "issue", *ANALYST, "--note", "For the weekly review.")
    assert issued.exit_code == 0, issued.output
    label, quote = _edit_three(ws)
    for _ in range(2):
        assert run(ws, "build", *ANALYST).exit_code == 0
    return Played(ws, ids, label, quote, run(ws, "diff").output, run(ws, "status").output)


def _three(text: str, played: Played) -> None:
    flat = " ".join(text.split())
    assert f"Revised figure “{played.figure_label}”: value more than 7 million → about 7 million." in flat
    assert re.search(r"reworded: “…[^”]*modernisation, and has tied[^”]*” → “…[^”]*modernisation and has "
                     r"personally tied", flat), flat
    assert f"Dropped quote “{played.quote_text}”" in flat
    assert not [i for i in played.ids if re.search(rf"\b{re.escape(i)}\b", text)], "an item id was printed"


def test_diff_and_status_list_the_three_changes_since_the_issue(played: Played) -> None:
    assert played.diff.startswith("the analyst brief, since version 1 of ")
    assert len([line for line in played.diff.splitlines() if line.startswith("  ")]) == 3
    _three(played.diff, played)
    assert "3 changes since version 1 of" in played.status
    _three(played.status.split("executive:")[0], played)


def test_the_brief_lists_the_changes_accumulated_since_the_issue(played: Played) -> None:
    text = "".join(page.extract_text() for page in PdfReader(played.ws / "output/analyst.pdf").pages)
    begin = text.upper().index("WHAT CHANGED SINCE VERSION 1 OF")
    section = text[begin:text.upper().index("SOURCES", begin)]
    _three(section, played)
    assert section.count("•") == 3
    assert "Draft of version 2" in text and "Analyst brief prepared with briefgen · Draft of version 2" in text


def test_issue_keeps_the_files_as_issued_and_history_lists_them(played: Played) -> None:
    out = played.ws / "output"
    record = json.loads((out / "issued/issued.json").read_text(encoding="utf-8"))["audiences"]["analyst"]
    assert [r["version"] for r in record] == [1] and record[0]["note"] == "For the weekly review."
    folder = out / "issued/analyst-v1"
    for name, digest in record[0]["files"].items():
        assert fingerprint(folder)[name][0] == digest
    issued = "".join(p.extract_text() for p in PdfReader(folder / "analyst.pdf").pages)
    assert "Version 1, issued" in issued and "For the weekly review." in issued
    assert "a rehearsal of a war of aggression" in issued
    listing = run(played.ws, "history").output
    assert re.search(r"^analyst version 1 {2}issued .* from build \d+: output/issued/analyst-v1 — For the weekly",
                     listing, re.MULTILINE), listing
    assert re.search(r"^build \d+ .* wrote analyst\.docx, analyst\.pdf", listing, re.MULTILINE)


def test_redline_accepts_to_the_new_brief_and_rejects_to_the_issued_one(played: Played) -> None:
    out = played.ws / "output"
    redline = out / "analyst.redline.docx"
    assert text_of(redline, accept=True) == text_of(out / "analyst.docx")
    assert text_of(redline, accept=False) == text_of(out / "issued/analyst-v1/analyst.docx")


def test_redline_marks_are_word_level_dated_and_reach_the_footnotes(played: Played) -> None:
    with zipfile.ZipFile(played.ws / "output/analyst.redline.docx") as archive:
        body = archive.read("word/document.xml").decode()
        notes = archive.read("word/footnotes.xml").decode()
    marks = re.findall(r"<w:(ins|del) ([^>]*)>", body + notes)
    assert marks and all('w:author="' in attrs and re.search(r'w:date="\d{4}-\d\d-\d\dT', attrs)
                         for _, attrs in marks)
    assert re.search(r"<w:del [^>]*><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:delText[^>]*>more than</w:delText>", body)
    # the comma alone, not the paragraph, nor the word it was glued to (notes11)
    assert re.search(r" modernisation</w:t></w:r><w:del [^>]*><w:r>(?:<w:rPr>.*?</w:rPr>)?"
                     r"<w:delText[^>]*>,</w:delText>", body)
    assert "<w:del " not in notes and "<w:ins " not in notes  # no note changed: the quote's passage is cited again


def test_redline_tracks_changed_and_dropped_footnotes(played: Played, tmp_path: Path) -> None:
    """A note that changed is replaced whole (old reference and note deleted, new ones inserted): LibreOffice
    7.4 reads tracked changes inside the first note only, and showed "North Korea'sKorea joins the" in the
    others (finding); and the notes are stored in the order the body refers to them, which LibreOffice follows
    whatever their ids (it showed every note after the first deleted paragraph under the wrong reference)."""
    from tests.lo_redline import lo_agrees

    ws = copy_workspace(played.ws, tmp_path)
    data = model(ws)
    data["gaps"] = [g for g in data["gaps"] if g["id"] != "gap-russian-transfers"]  # the only item citing ¶23
    save_model(ws, data)
    edit(ws / "seeds/sources.yaml", "title: North Korea's AI arms race", "title: North Korea's artificial "
         "intelligence arms race")
    assert run(ws, "build", *ANALYST).exit_code == 0
    redline, issued = ws / "output/analyst.redline.docx", ws / "output/issued/analyst-v1/analyst.docx"
    document, footnotes = parts(redline)
    notes = {n.get(f"{W}id"): n for n in footnotes.iter(f"{W}footnote") if n.get(f"{W}type") is None}
    refs = [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")]
    assert refs == [str(n) for n in range(1, len(refs) + 1)] == list(notes)  # 1, 2, 3… in the body's order
    kinds = {_whole(n) for n in notes.values() if "arms race, ¶" in "".join(n.itertext())}
    assert kinds == {"ins", "del"}, kinds  # each changed note wholly deleted and wholly inserted
    assert any(_whole(n) == "ins" and "artificial intelligence arms race" in "".join(n.itertext())
               for n in notes.values())
    dropped = [n for n in notes.values() if "".join(n.itertext()).endswith(", ¶23.")]
    assert [_whole(n) for n in dropped] == ["del"]  # the dropped gap's note, wholly deleted
    assert text_of(redline, accept=True) == text_of(ws / "output/analyst.docx")
    assert text_of(redline, accept=False) == text_of(issued)
    accepted, new, rejected, old = lo_agrees(redline, ws / "output/analyst.docx", issued, tmp_path)
    assert accepted == new and rejected == old
    assert "intelligence arms race" in " ".join(accepted) and "intelligence arms race" not in " ".join(rejected)


def _whole(note: etree._Element) -> str | None:
    """"ins" or "del" when every word of `note` sits in that kind of change, else None."""
    texts = list(note.iter(f"{W}t", f"{W}delText"))
    kinds = {next((a.tag.split("}")[1] for a in t.iterancestors() if a.tag in (f"{W}ins", f"{W}del")), None)
             for t in texts if (t.text or "").strip()}
    return kinds.pop() if len(kinds) == 1 else None


def test_libreoffice_reads_the_redline_changes(played: Played, tmp_path: Path) -> None:
    from tests.lo_redline import lo_fodts, lo_words

    out = played.ws / "output"
    redline, new, issued = lo_fodts(out / "analyst.redline.docx", out / "analyst.docx",
                                    out / "issued/analyst-v1/analyst.docx", tmp_path)
    assert lo_words(redline, accept=True) == lo_words(new)
    assert lo_words(redline, accept=False) == lo_words(issued)
    assert lo_words(redline, accept=True) != lo_words(redline, accept=False)


def test_a_second_issue_counts_up_and_never_touches_the_first(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    first = fingerprint(ws / "output/issued/analyst-v1")
    result = run(ws, "issue", *ANALYST)
    assert result.exit_code == 0, result.output
    assert "issued analyst version 2 on" in result.output
    assert fingerprint(ws / "output/issued/analyst-v1") == first
    pdf = "".join(p.extract_text() for p in PdfReader(ws / "output/analyst.pdf").pages)
    assert "Version 2, issued" in pdf and "supersedes version 1 of" in pdf
    assert "WHAT CHANGED SINCE VERSION 1 OF" in pdf.upper()  # the issued brief tells holders of version 1
    assert run(ws, "diff").output.startswith("the analyst brief: no changes since version 2 of")
    # the redline of version 2 is against version 1; the earlier versions stay reachable with --since
    assert text_of(ws / "output/analyst.redline.docx", accept=False) == text_of(
        ws / "output/issued/analyst-v1/analyst.docx")
    assert "Dropped quote" in run(ws, "diff", "--since", "v1").output


def test_issuing_the_same_content_again_is_refused(played: Played, tmp_path: Path) -> None:
    """A version 3 of the very content of version 2 would supersede it and change nothing."""
    ws = copy_workspace(played.ws, tmp_path)
    assert run(ws, "issue", *ANALYST).exit_code == 0
    again = run(ws, "issue", *ANALYST)
    assert again.exit_code == 1
    assert "output/issued: already issued, unchanged since: analyst as version 2" in again.output
    assert not (ws / "output/issued/analyst-v3").exists()


def test_issue_refuses_a_build_that_is_no_longer_current(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    edit(ws / "seeds/summary.yaml", "about 7 million", "about 7 million ")
    result = run(ws, "issue", *ANALYST)
    assert result.exit_code == 1
    assert "the inputs changed since the last build (seeds/summary.yaml)" in result.output
    assert "hint: run `briefgen build`, review the briefs, then issue them" in result.output
    assert not (ws / "output/issued/analyst-v2").exists()


def test_status_notices_a_published_file_edited_by_hand(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    with (ws / "output/analyst.pdf").open("ab") as handle:
        handle.write(b"% touched")
    status = run(ws, "status")
    assert "analyst: out of date — edited by hand after briefgen wrote it" in status.output
    assert "analyst.pdf: edited after briefgen wrote it (its digest no longer matches briefgen.lock)" in status.output
    assert json.loads(run(ws, "status", "--json").output)["audiences"]["analyst"]["edited_by_hand"] == [
        "analyst.pdf"]
    refused = run(ws, "issue", *ANALYST)
    assert refused.exit_code == 1 and "output/analyst.pdf: changed since briefgen wrote it" in refused.output


def test_a_rebuild_of_identical_briefs_copies_nothing_into_history(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    before = fingerprint(ws / "output/history")
    assert run(ws, "build", *ANALYST).exit_code == 0
    assert fingerprint(ws / "output/history") == before


def test_status_diff_and_history_honour_the_output_directory(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    shutil.move(ws / "output", ws / "elsewhere")
    assert "no successful build" in run(ws, "diff").output
    assert run(ws, "history").output.strip() == "nothing built yet"
    moved = ("-o", str(ws / "elsewhere"))
    assert run(ws, "diff", *moved).output == run(played.ws, "diff").output
    assert "3 changes since version 1" in run(ws, "status", *moved).output
    assert "analyst version 1" in run(ws, "history", *moved).output


def test_since_names_a_version_or_a_build(played: Played) -> None:
    missing = run(played.ws, "diff", "--since", "9")
    assert missing.exit_code == 1 and "no issued version 9 of the analyst brief" in missing.output
    assert run(played.ws, "diff", "--since", "nine").exit_code == 2
    first_build = run(played.ws, "diff", "--since", "build1").output
    assert first_build.startswith("the analyst brief, since build 1:")
    assert "value more than 7 million → about 7 million" in first_build


def test_a_passage_that_only_moved_paragraph_is_no_change(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    seed = next(p for p in (ws / "seeds").glob("*.txt"))
    seed.write_text("A new opening paragraph that no item cites.\n" + seed.read_text(encoding="utf-8"),
                    encoding="utf-8")
    assert run(ws, "diff", "--since", "build4").output.endswith("no changes since build 4\n")


def test_broken_evidence_is_reported_as_broken(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    data = model(ws)
    data["judgments"][0]["evidence"][0]["passage"] += " and words no seed holds"
    save_model(ws, data)
    assert "its evidence is broken: a cited passage no longer verifies against its seed" in run(
        ws, "diff", "--since", "build4").output


def test_document_control_prints_the_profile_distribution(tmp_path: Path) -> None:
    ws = built_workspace(tmp_path)
    edit(ws / "templates/analyst.yaml", "distribution: []", "distribution: [Desk officers, Review board]")
    assert run(ws, "build", *ANALYST).exit_code == 0
    text = "".join(p.extract_text() for p in PdfReader(ws / "output/analyst.pdf").pages)
    assert "Distribution: Desk officers; Review board." in " ".join(text.split())


def test_an_issued_docx_changed_since_stops_the_build_before_any_write(played: Played, tmp_path: Path) -> None:
    ws = copy_workspace(played.ws, tmp_path)
    with (ws / "output/issued/analyst-v1/analyst.docx").open("ab") as handle:
        handle.write(b"tampered")
    before = published(ws)
    edit(ws / "seeds/summary.yaml", "about 7 million", "about seven million")
    result = run(ws, "build", *ANALYST)
    assert result.exit_code == 1
    assert "output/issued/analyst-v1/analyst.docx: version 1 as issued has changed since" in result.output
    assert published(ws) == before


def test_issue_refuses_a_brief_a_build_of_other_audiences_left_behind(played: Played, tmp_path: Path) -> None:
    """Finding 18: the model changed, then only the analyst brief was built; the executive brief is still
    made from the old model, so issuing it is refused before anything is written (it used to be rebuilt,
    published, and only then refused as 'differs from the build reviewed')."""
    ws = copy_workspace(played.ws, tmp_path)
    before = published(ws)
    result = run(ws, "issue", "-a", "executive")
    assert result.exit_code == 1, result.output
    assert published(ws) == before
    assert "output/briefgen.lock: the inputs changed since the last build (seeds/summary.yaml)" in result.output


@pytest.mark.parametrize(("path", "what"), [(".builds", "a file is in the way: briefgen keeps a folder here"),
                                            ("issued/issued.json", "a folder is in the way of a file briefgen "
                                             "writes"),
                                            (".cache", "a file is in the way: briefgen keeps a folder here")])
def test_issue_with_something_in_the_way_publishes_nothing(played: Played, tmp_path: Path, path: str,
                                                          what: str) -> None:
    """Finding 10: `issue` rewrites the briefs with their version, then keeps them in issued/: whatever
    stands in the way of any of it is found first, and no brief, record or version changes."""
    ws = copy_workspace(played.ws, tmp_path)
    target = ws / "output" / path
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    if what.startswith("a file"):
        target.write_text("not briefgen's", encoding="utf-8")
    else:
        target.mkdir()
    before = published(ws)
    result = run(ws, "issue", *ANALYST)
    assert result.exit_code == 1, result.output
    assert published(ws) == before
    assert f"output/{path}: {what}" in result.output
