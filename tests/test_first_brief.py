"""What a new analyst met writing a first brief: a figure counted in its unit's magnitude ("4.2" in "million
tonnes") was refused and the message led to a wrong chart; a source dated after the brief's information cutoff
passed unremarked; a quote's context without a full stop ran into the next sentence; `init` printed half its
paths absolute and wrote through a seeds/ folder linked out of the workspace."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefgen.cli.main import cli
from briefgen.model.numbers import read_stated, unit_scale
from briefgen.text import sentence
from tests.helpers import append_entry, built_workspace, citations, copy_workspace, edit, model, run, save_model

SUMMARY = "seeds/summary.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("first"))


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Path:
    return copy_workspace(built, tmp_path)


def _set_figure(ws: Path, value: str, number: float, unit: str) -> None:
    data = model(ws)
    figure = next(f for f in data["figures"] if f["value"] == "about 25.6 million")
    figure.update(number=number, unit=unit)
    save_model(ws, data)


@pytest.mark.parametrize(("unit", "scale"), [
    ("million tonnes", 1e6), ("millions of people", 1e6), ("USD bn", 1e9), ("billion USD", 1e9),
    ("thousand barrels per day", 1e3), ("cases per million", 1.0), ("people", 1.0), ("m", 1.0), ("tn", 1.0),
    ("Millions", 1e6), ("trillion yen", 1e12)])
def test_the_magnitude_a_unit_counts_in(unit: str, scale: float) -> None:
    assert unit_scale(unit) == scale


@pytest.mark.parametrize(("value", "number", "fits"), [
    ("4.2 million tonnes", 4.2, True), ("4.2 million tonnes", 4_200_000, False), ("4.2", 4.2, True),
    ("4,200,000 tonnes", 4.2, True), ("4,200 thousand tonnes", 4.2, True)])
def test_a_number_counted_in_millions(value: str, number: float, fits: bool) -> None:
    assert any(s.fits(number, 1e6) for s in read_stated(value)) is fits


def test_a_figure_counted_in_its_unit_checks(ws: Path) -> None:
    _set_figure(ws, "about 25.6 million", 25.6, "million people")
    result = run(ws, "check")
    assert result.exit_code == 0, result.output
    assert "is not a number of the value" not in result.output


def test_a_raw_count_beside_a_magnitude_unit_is_refused_with_the_number_to_write(ws: Path) -> None:
    _set_figure(ws, "about 25.6 million", 25_600_000, "million people")
    result = run(ws, "check")
    assert result.exit_code == 1
    assert ("number 25,600,000 is not a number of the value 'about 25.6 million', which reads as 25,600,000, "
            "that is 25.6 in the unit 'million people'") in result.output
    assert "write the number as counted in it" in result.output


def test_a_plain_unit_still_wants_the_full_count(ws: Path) -> None:
    _set_figure(ws, "about 25.6 million", 25.6, "people")
    result = run(ws, "check")
    assert result.exit_code == 1
    assert "number 25.6 is not a number of the value 'about 25.6 million', which reads as 25,600,000\n" in (
        result.output)


def test_a_source_dated_after_the_cutoff_is_a_warning_at_its_date(ws: Path) -> None:
    edit(ws / SUMMARY, 'as_of: "2025-09-19"', 'as_of: "2025-09-10"')
    result = run(ws, "check")
    assert result.exit_code == 0, result.output
    lines = (ws / "seeds/sources.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "information_date" in text)
    assert (f"seeds/sources.yaml:{line}:23: warning: sources[0].information_date: gsw-ai-arms-race: information "
            "date 2025-09-18, after the brief's information cutoff (2025-09-10") in result.output
    assert run(ws, "check", "--strict").exit_code == 1


def test_a_source_of_the_cutoffs_month_is_no_warning(ws: Path) -> None:
    assert "information cutoff" not in run(ws, "check").output  # published "2025-09", information of the 18th


def test_a_context_without_a_full_stop_ends_as_a_sentence(ws: Path) -> None:
    edit(ws / SUMMARY, "as relayed by state media.", "as relayed by state media")
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(ws / "output/analyst.docx")).paragraphs)
    assert "as relayed by state media. Reported by 2 originators." in text


@pytest.mark.parametrize(("text", "ended"), [
    ("Speaking to reporters", "Speaking to reporters."), ("As relayed by state media.", "As relayed by state media."),
    ("Was it?", "Was it?"), ("He said “enough.”", "He said “enough.”"), ("(AFP.)", "(AFP.)"),
    ("在记者会上。", "在记者会上。"), ("في المؤتمر؟", "في المؤتمر؟"), ("", ""), ("Trailing   ", "Trailing.")])
def test_sentence(text: str, ended: str) -> None:
    assert sentence(text) == ended


def test_init_names_its_files_as_the_user_named_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "new"])
    assert result.exit_code == 0, result.output
    created = [line.removeprefix("created ") for line in result.output.splitlines() if line.startswith("created ")]
    assert "new/templates/executive.yaml" in created and "new/seeds/summary.yaml" in created
    assert all(path.startswith("new/") for path in created)


def test_init_does_not_write_through_a_seeds_folder_linked_out(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "seeds").symlink_to(tmp_path / "elsewhere")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "new")])
    assert result.exit_code == 1
    assert "the seeds/ folder is a symbolic link leading out of the workspace" in result.output
    assert not list((tmp_path / "elsewhere").iterdir())


def test_coverage_counts_short_sentences_and_unspaced_scripts(ws: Path) -> None:
    (ws / "seeds/notes.txt").write_text(
        "Harvest outlook, October 2026\n\nDry weather in the east reduced yields.\n\n"
        "小麦产量预计将比去年下降百分之八。\n\n東部の乾燥した天候が収穫量を減らした。\n\n"
        "ฝนที่ตกน้อยในภาคตะวันออกทำให้ผลผลิตลดลงอย่างมาก\n\n第三章\n\nPage 2\n", encoding="utf-8")
    append_entry(ws, "notes", "notes.txt", "Ministry of Agriculture")
    result = run(ws, "coverage")
    assert result.exit_code == 0, result.output
    report = result.output[result.output.index("seeds/notes.txt"):]
    assert report.startswith("seeds/notes.txt (notes, TLP:CLEAR): 0 paragraphs cited, 4 substantive ones not")
    for number in (2, 3, 4, 5):
        assert f"¶{number} not cited" in report
    for number in (1, 6, 7):  # a headline, a chapter heading, page furniture
        assert f"¶{number} not cited" not in report


def test_coverage_counts_in_the_singular(ws: Path) -> None:
    (ws / "seeds/one.txt").write_text("Dry weather in the east reduced yields.\n", encoding="utf-8")
    append_entry(ws, "one", "one.txt", "Ministry of Agriculture")
    assert "seeds/one.txt (one, TLP:CLEAR): 0 paragraphs cited, 1 substantive one not (0% covered)" in (
        run(ws, "coverage").output)


ACROSS = ("at the “top priority” of his modernisation drive. State media reported Kim oversaw tests of new combat "
          "and reconnaissance drones")  # the end of ¶5 and the start of ¶6, selected together and pasted


def _cite_also(ws: Path, passage: str) -> None:
    data = model(ws)
    data["judgments"][0]["evidence"].append({"source": "gsw-ai-arms-race", "passage": passage})
    save_model(ws, data)


def test_a_passage_copied_across_a_paragraphs_end_is_cited_as_the_range(ws: Path) -> None:
    _cite_also(ws, ACROSS)
    cited = citations(ws)[model(ws)["judgments"][0]["id"]][-1]  # the evidence appended last
    assert (cited["paragraph"], cited["pinpoint"]) == (5, "¶5–6")


def test_a_passage_across_paragraphs_that_are_not_consecutive_is_not_found(ws: Path) -> None:
    _cite_also(ws, "at the “top priority” of his modernisation drive. Kim urged officials")  # ¶5, then ¶7
    result = run(ws, "check")
    assert result.exit_code == 1 and "passage not found in seeds/000_eab46a25288d9a93.txt" in result.output


@pytest.mark.parametrize("passage", [ACROSS, "of his modernisation drive … State media reported Kim oversaw tests"])
def test_a_range_and_its_first_paragraph_are_two_notes(ws: Path, passage: str) -> None:
    _cite_also(ws, passage)  # the judgment already cites ¶5 alone: the range must not be printed as "¶5"
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    notes = (zipfile.ZipFile(ws / "output/analyst.docx").read("word/footnotes.xml")).decode()
    places = re.findall("¶[0-9–]+", notes)
    assert "¶5–6" in places and "¶5" in places


def test_a_source_cited_once_says_so(ws: Path) -> None:
    (ws / "seeds/one.txt").write_text("Drone tests were reported in Pyongyang on Thursday by state media.\n",
                                      encoding="utf-8")
    append_entry(ws, "one", "one.txt", "A second outlet")
    data = model(ws)
    data["judgments"][0]["evidence"].append({"source": "one", "passage": "Drone tests were reported in Pyongyang"})
    save_model(ws, data)
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(ws / "output/analyst.docx")).paragraphs)
    assert "(report, September 2025; cited once)" in text and "cited 1 times" not in text
