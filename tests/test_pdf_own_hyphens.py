"""A word broken at its own hyphen at a line's end ("spy-" | "satellite") keeps the hyphen when its paragraph
is laid out again, as the layout does for a part that goes on after a page break: reportlab's rejoin of the
two halves took the hyphen off as if the break had added it, and the PDF drew "spysatellite" and
"crossborder". Built on an A5 house style (a python-docx reference, 15 mm margins), where the analyst brief
breaks judgments across pages; read back from the PDF's drawn lines (`pdftotext -layout`)."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import docx
from docx.shared import Mm

from tests.helpers import pdftotext, run

COMPOUNDS = ("spy-satellite", "cross-border", "nuclear-armed", "solid-fuel", "build-up")


def test_a_words_own_hyphen_survives_a_second_layout(workspace: Path) -> None:
    reference = docx.Document()
    section = reference.sections[0]
    section.page_width, section.page_height = Mm(148), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    reference.save(str(workspace / "templates/a5.docx"))
    profile = (Path(__file__).parent.parent / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
    (workspace / "templates/analyst.yaml").write_text(profile + "\nlook:\n  reference_docx: a5.docx\n", "utf-8")
    built = run(workspace, "build", "-a", "analyst", "-f", "pdf")
    assert built.exit_code == 0, built.output
    lines = [line.strip() for line in pdftotext(workspace / "output/analyst.pdf", "-layout").splitlines()]
    text = " ".join(lines)
    broken = 0
    for compound in COMPOUNDS:
        head, tail = compound.split("-")
        assert head + tail not in text, f"{compound!r} drawn without its hyphen"
        broken += sum(1 for line, after in pairwise(lines)
                      if re.search(rf"\b{head}-$", line) and after.startswith(tail))
    assert broken, "no compound falls at a line's end: the layout no longer exercises the break"
