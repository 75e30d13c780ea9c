"""Never silent about a character no font draws, wherever a brief prints it: an evidence passage (the analyst
brief quotes judgments' passages), a catalogue entry (notes and the list of sources print its originator and
title), a private-use character. Each is a `check` warning at its own line, and the build line counts it.

Before, only the model's own item fields were looked at: the PDF drew these as empty boxes without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synth import make_scripts_workspace
from tests.helpers import edit, run

HIEROGLYPHS = "\U00013000\U00013001\U00013002"  # Egyptian: no bundled face draws them
PASSAGE = f"The delegation from {HIEROGLYPHS} arrived."


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    ws = make_scripts_workspace(tmp_path / "ws", [("en", "Speaker", "Exports rose sharply.")])
    with (ws / "seeds" / "world.txt").open("a", encoding="utf-8") as seed:
        seed.write(PASSAGE + "\n")
    return ws


def test_a_judgments_passage_the_analyst_brief_prints(ws: Path) -> None:
    edit(ws / "seeds" / "summary.yaml", "passage: Экспорт вырос на 12% в 2024 году.", f"passage: {PASSAGE}")
    result = run(ws, "check")
    assert (f"judgments[0].evidence[0].passage: kj: evidence[0].passage has 3 characters, {' '.join(HIEROGLYPHS)}"
            in result.output)
    assert "(the first is U+13000 EGYPTIAN HIEROGLYPH A001), which no font draws" in result.output
    assert run(ws, "check", "--strict").exit_code == 1
    built = run(ws, "build", "-a", "analyst")
    assert built.exit_code == 0 and "analyst.pdf: " in built.output and "3 characters no font draws" in built.output


def test_a_catalogue_entrys_title(ws: Path) -> None:
    edit(ws / "seeds" / "sources.yaml", "  title: Statements", f"  title: Statements of {HIEROGLYPHS}")
    lines = (ws / "seeds" / "sources.yaml").read_text(encoding="utf-8").splitlines()
    where = next(n for n, line in enumerate(lines, 1) if line.startswith("  title:"))
    result = run(ws, "check")
    assert f"seeds/sources.yaml:{where}:" in result.output
    assert "sources[0].title: world: title has 3 characters" in result.output


def test_a_private_use_character(ws: Path) -> None:
    edit(ws / "seeds" / "summary.yaml", "bluf: Officials spoke in their own languages.",
         "bluf: Officials spoke \ue000 in their own languages.")
    result = run(ws, "check")
    assert "brief.bluf: brief: bluf has '\\ue000' (U+E000 a private-use character), which no font draws" \
        in result.output


def test_a_passage_repeating_its_quote_names_the_characters_once(ws: Path) -> None:
    edit(ws / "seeds" / "summary.yaml", "Exports rose sharply.", PASSAGE, count=2)
    output = run(ws, "check").output
    assert "quotes[0].text: q-0-en: text has 3 characters" in output
    assert "evidence[0].passage has" not in output



def test_a_character_written_as_an_escape_in_an_ascii_file(ws: Path) -> None:
    """The check passes over a part of the model holding only ASCII without walking its fields: a character
    YAML makes of an escape is not ASCII once parsed, and is still found where the file's text is all ASCII."""
    edit(ws / "seeds" / "summary.yaml", "bluf: Officials spoke in their own languages.",
         'bluf: "Officials spoke \\U000F0000 in their own languages."')
    brief = (ws / "seeds" / "summary.yaml").read_text(encoding="utf-8").split("judgments:")[0]
    assert "U000F0000" in brief and brief.isascii()
    output = run(ws, "check").output
    assert "brief.bluf: brief: bluf has '\\U000f0000' (U+F0000 a private-use character), which no font draws" \
        in output, output
