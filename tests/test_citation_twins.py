"""Short notes that would read alike for two sources (one office's two reports under one title) say what tells
them apart, read back from both files; a brief without such twins keeps its short notes as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.model.schema import Source
from briefgen.render.citations import Citer
from briefgen.render.profiles import CitationStyle
from briefgen.verify.verdicts import Citation
from tests.expect import pdf_squash
from tests.helpers import built_workspace, edit, run
from tests.readback import read_docx, read_pdf

GSW = "Global South World, North Korea's AI arms race"
DIGEST_TITLE = 'Kim Jong Un declares AI "top priority" for North Korea\'s military drone program'


def _twins(ws: Path, published: str) -> Path:
    """The shipped workspace with its news digest catalogued under the article's originator and titles."""
    catalogue = "seeds/sources.yaml"
    edit(ws / catalogue, "    originator: null\n", "    originator: Global South World\n")
    edit(ws / catalogue, f"    title: {DIGEST_TITLE}\n",
         "    title: Why North Korea is rushing to join the global AI arms race\n")
    edit(ws / catalogue, '    short_title: AI "top priority" for drones\n',
         "    short_title: North Korea's AI arms race\n")
    edit(ws / catalogue, '    published: "2025-09"\n    information_date: "2025-09-18"',
         f'    published: "{published}"\n    information_date: "2025-09-18"')
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws / "output"


def _short_notes(output: Path) -> tuple[list[str], str]:
    notes = read_docx(output / "analyst.docx").notes
    short = [text.strip() for _, text in sorted(notes.items()) if "published" not in text]
    return short, pdf_squash("".join(read_pdf(output / "analyst.pdf").pages))


def test_twins_published_apart_are_told_apart_by_date(workspace: Path) -> None:
    short, pdf = _short_notes(_twins(workspace, "2025-10"))
    dated = {note.rsplit(", ", 1)[0] for note in short}
    # both sources are cited again after their first note, each short note naming its own month
    assert dated == {f"{GSW}, September 2025", f"{GSW}, October 2025"}
    for note in short:
        assert pdf_squash(note) in pdf


def test_twins_of_one_date_say_all_the_short_form_can(workspace: Path) -> None:
    short, _ = _short_notes(_twins(workspace, "2025-09"))
    assert short and all(note.startswith(f"{GSW}, September 2025, ¶") for note in short)


@pytest.mark.parametrize("audience", ["analyst", "executive"])
def test_without_twins_a_short_note_is_originator_and_short_title(audience: str, tmp_path: Path) -> None:
    notes = read_docx(built_workspace(tmp_path) / "output" / f"{audience}.docx").notes.values()
    short = [text.strip() for text in notes if "published" not in text]
    assert short and all(note.startswith((f"{GSW}, ¶", 'Originator unknown, AI "top priority" for drones, ¶'))
                         for note in short)


@pytest.mark.parametrize(("short_form", "expected"),
                         [("title", "Office, Daily report, ¶3."), ("originator", "Office, ¶3.")])
def test_a_source_the_citer_was_not_told_of_gets_the_forms_own_short_note(short_form: str, expected: str) -> None:
    source = Source(id="daily", file="daily.txt", originator="Office", title="Daily report", published="2025-09",
                    accessed="2026-01-02", kind="report", descriptor="A daily report.")
    citer = Citer(CitationStyle(short_form=short_form))  # no sources named: no twins to tell apart
    citer.note(Citation(source, 3, "text", "seeds/daily.txt"))
    again = citer.note(Citation(source, 3, "text", "seeds/daily.txt"))
    assert "".join(run.text for run in again.content) == expected
