"""An item an audience was issued, marked above its ceiling since: the next redline says it was withdrawn
without printing it (there was no redline at all), and `diff` tells the audience's changes as its brief does
(it named the withheld item by its words: "Dropped judgment “North Korea is likely to keep testing…”")."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.helpers import built_workspace, edit, model, run, save_model
from tests.marked import docx_words, plain
from tests.redlines import text_of

PUBLIC = ("-a", "public")


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Version 1 of the public brief (with a changes section), then its second judgment marked TLP:AMBER."""
    ws = built_workspace(tmp_path_factory.mktemp("withheld"))
    edit(ws / "templates/public.yaml", "gaps, sources]", "gaps, changes, sources]")
    assert run(ws, "build", *PUBLIC).exit_code == 0
    assert run(ws, "issue", *PUBLIC).exit_code == 0
    data = model(ws)
    statement = " ".join(data["judgments"][1]["plain"].split())  # the public brief says it plainly
    assert statement in " ".join(p.text for p in Document(str(ws / "output/issued/public-v1/public.docx")).paragraphs)
    data["judgments"][1]["marking"] = "TLP:AMBER"
    save_model(ws, data)
    result = run(ws, "build", *PUBLIC)
    assert result.exit_code == 0, result.output
    return ws, statement


def test_the_redline_says_withdrawn_and_never_prints_it(withdrawn: tuple[Path, str]) -> None:
    ws, statement = withdrawn
    redline = ws / "output/public.redline.docx"
    assert redline.exists()
    words = docx_words(redline)
    assert plain(statement[:40]) not in words and plain(statement[-40:]) not in words
    assert text_of(redline, accept=True) == text_of(ws / "output/public.docx")
    issued, rejected = text_of(ws / "output/issued/public-v1/public.docx")[0], text_of(redline, accept=False)[0]
    changed = [(was, now) for was, now in zip(issued, rejected, strict=True) if was != now]
    assert changed and all(now.startswith("[Withdrawn: ") for _was, now in changed)
    assert any(statement[:40] in was for was, _now in changed)


def test_diff_tells_what_the_brief_tells(withdrawn: tuple[Path, str]) -> None:
    ws, statement = withdrawn
    said = [line.strip() for line in run(ws, "diff", *PUBLIC).output.splitlines()[1:]]
    paragraphs = [p.text for p in Document(str(ws / "output/public.docx")).paragraphs]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("What changed since version 1"))
    brief = [p for p in paragraphs[start + 1:start + 1 + len(said)]]
    assert said == brief
    assert statement[:40] not in " ".join(said)


def test_libreoffice_reads_the_withdrawn_redline(withdrawn: tuple[Path, str], tmp_path: Path) -> None:
    """LibreOffice opens it, reads it with every change accepted as the new brief and with every change
    rejected as version 1 but for the words "[Withdrawn: …]" where it held the judgment."""
    from tests.lo_redline import lo_fodts, lo_words

    ws, statement = withdrawn
    fodt, new, issued = lo_fodts(ws / "output/public.redline.docx", ws / "output/public.docx",
                                 ws / "output/issued/public-v1/public.docx", tmp_path)
    # joined: lo_words reads a space out of a deleted note's own paragraph, where a note deleted right before
    # an inserted NOTEREF number ("Asia.”14") splits the two
    assert "".join(lo_words(fodt, accept=True)) == "".join(lo_words(new))
    rejected, held = " ".join(lo_words(fodt, accept=False)), " ".join(lo_words(issued))
    assert "[Withdrawn: no longer released" in rejected and statement[:40] not in rejected
    assert statement[:40] in held and held.replace(statement, "") != held
