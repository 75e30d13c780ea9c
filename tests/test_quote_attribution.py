"""A quote's attribution line: the speaker, then the context. A context that goes on in lower case ("in its
annual assessment") continues the speaker's clause after a comma, where the line read "— Agency. in its annual
assessment."; a context written as a sentence follows the speaker's full stop, as before."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefgen.render.context import said_by
from tests.helpers import edit, pdftotext, run


def _by_lines(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.startswith("—")]


def test_a_lower_case_context_continues_the_speakers_clause(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "    context: Assessment reported in May, as summarised by the news digest.",
         "    context: in an assessment reported in May")
    edit(workspace / "seeds/summary.yaml", "    context: Call for mass production made during the same visit",
         "    context: calling for mass production during the same visit")
    result = run(workspace, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    lines = _by_lines(workspace / "output/analyst.docx")
    assert "— US Defense Intelligence Agency, in an assessment reported in May. Reported by 1 originator." in lines
    assert any(line.startswith("— Kim Jong Un (김정은), calling for mass production during the same visit")
               for line in lines), lines
    assert "— Kim Jong Un (김정은). Instruction to officials" in " ".join(lines)  # a sentence: as before
    text = " ".join(pdftotext(workspace / "output/analyst.pdf").split())
    assert "US Defense Intelligence Agency, in an assessment reported in May." in text
    assert "Agency. in an" not in text


@pytest.mark.parametrize("speaker", ["Pak &amp;", "A harbour master;", "The envoy:", "A port clerk,"])
def test_a_speaker_ending_in_punctuation_prints_as_written(speaker: str) -> None:
    """The speaker is model text and prints literally: its own last sign is kept, never swapped for a comma
    ('&amp;' lost its semicolon, 'Pak &amp,')."""
    assert said_by(speaker, None, "to inspectors at the port") == speaker
