"""Arabic names and titles inside the brief's English sentences (a ministry's statement, catalogued under its
own name): the sentence still reads left to right, and what follows a name stays where the sentence puts it.

Two faults, both seen on the page: a paragraph that opened with an Arabic name ("وزارة الخارجية: Official
statements.") was set right to left by its first letter, its full stop and brackets moved to the far end; and
a pinpoint after an Arabic name ("وزارة الخارجية, ¶6") was drawn "6¶" at the name's far side, because UAX #9
gives digits after Arabic letters to the Arabic run. Both read back from the PDF by where poppler finds each
word, and from the DOCX as LibreOffice lays it out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from lxml import etree

from bench.synth import make_scripts_workspace
from briefgen.document.scripts import LRM, direction, in_ltr
from tests.helpers import libreoffice_pdf, pdf_words, run

MINISTRY, STATEMENT, SHORT = "وزارة الخارجية", "بيان صحفي", "بيان"
QUOTE = "ارتفعت الصادرات بنسبة ١٢٫٥ في المئة هذا العام."
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = make_scripts_workspace(tmp_path_factory.mktemp("rtlnames") / "ws", [("ar", "وزير", QUOTE)])
    catalogue = ws / "seeds/sources.yaml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    data["sources"][0].update(originator=MINISTRY, title=STATEMENT, short_title=SHORT)
    catalogue.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws / "output"


def _lines(pdf: Path) -> list[list[tuple[str, float]]]:
    """Each line of page 1 as (word, left edge), left to right, as poppler finds them; a word belongs to the
    line whose first word's bottom is within 4 points of its own (Naskh and Caladea bottoms differ a little)."""
    rows: list[tuple[float, list[tuple[str, float]]]] = []
    for word in sorted(pdf_words(pdf), key=lambda w: w.bottom):
        if not rows or word.bottom - rows[-1][0] > 4:
            rows.append((word.bottom, []))
        rows[-1][1].append((word.text, word.left))
    return [sorted(words, key=lambda w: w[1]) for _, words in rows]


def _line_with(lines: list[list[tuple[str, float]]], *words: str) -> list[tuple[str, float]]:
    return next(line for line in lines if all(any(w in word for word, _ in line) for w in words))


def _x(line: list[tuple[str, float]], part: str) -> float:
    return next(x for word, x in line if part in word)


def _arabic(line: list[tuple[str, float]]) -> list[float]:
    return [x for word, x in line if re.search("[\u0600-\u06ff\ufe70-\ufefc]", word)]


def _pinpoints_follow_the_names(pdf: Path) -> None:
    lines = _lines(pdf)
    short = _line_with(lines, "¶1")  # the short note: "وزارة الخارجية, بيان, ¶1."
    assert max(_arabic(short)) < _x(short, "¶1"), short
    evidence = _line_with(lines, "Evidence:", "¶2")
    assert _x(evidence, "Evidence:") < min(_arabic(evidence)) < max(_arabic(evidence)) < _x(evidence, "¶2"), evidence
    full = _line_with(lines, "published", "¶2")
    assert max(_arabic(full)) < _x(full, "statement,") < _x(full, "published") < _x(full, "¶2"), full


def test_a_pinpoint_after_an_arabic_name_stays_after_it_in_the_pdf(built: Path) -> None:
    _pinpoints_follow_the_names(built / "analyst.pdf")


def test_an_english_sentence_opening_with_an_arabic_name_reads_left_to_right(built: Path) -> None:
    line = _line_with(_lines(built / "analyst.pdf"), "(statement,", "Official")
    assert max(_arabic(line)) < _x(line, "(statement,") < _x(line, "Official") < _x(line, "statements."), line
    assert line[0][1] < 100, "set from the left margin, not aligned right"


def test_a_quote_attributed_to_an_arabic_name_reads_as_its_english_sentence(built: Path) -> None:
    """"— وزير. Press briefing." was set right to left by its first letter: ".Press" at the left end."""
    line = _line_with(_lines(built / "analyst.pdf"), "briefing.", "Reported")
    words = [word for word, _ in line]
    assert "Press" in words and ".Press" not in words, words
    assert words[0] == "—" and max(_arabic(line)) < _x(line, "Press") < _x(line, "originator."), line


def test_the_docx_marks_the_names_and_leaves_the_sentences_left_to_right(built: Path, tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(built / "analyst.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        notes = "".join(etree.fromstring(archive.read("word/footnotes.xml")).itertext())
    bullet = next(p for p in body.iter(f"{W}p") if "(statement," in "".join(p.itertext()))
    assert bullet.find(f"{W}pPr/{W}bidi") is None  # Word sets a paragraph right to left only when told
    assert f"{LRM}{MINISTRY}{LRM}, " in notes and f"{LRM}{SHORT}{LRM}, ¶1." in notes
    _pinpoints_follow_the_names(libreoffice_pdf(built / "analyst.docx", tmp_path))  # as LibreOffice lays it out


@pytest.mark.parametrize(("text", "marked"), [
    (MINISTRY, True), ("Ministry", False), (f"{MINISTRY} (MFA)", True), ("٣", True), ("", False)])
def test_a_name_with_right_to_left_letters_is_set_between_marks(text: str, marked: bool) -> None:
    assert in_ltr(text) == (f"{LRM}{text}{LRM}" if marked else text)
    # a sentence that opens with the name is left to right; one in Arabic keeps its own direction
    assert direction(f"{in_ltr(text)}: Official statements.") == "LTR"
    assert direction(f"قال {in_ltr(text)}") == "RTL"


def test_a_redline_does_not_track_the_marks_around_a_name(tmp_path: Path) -> None:
    """A brief issued before names were set between marks, built again: the citation reads the same, so the
    redline tracks nothing in it (an Arabic originator and title were deleted and inserted, unseen)."""
    from briefgen.document.nodes import Document, Meta, Note, NoteRef, Paragraph, Span, Theme
    from briefgen.writers.docx.redline import write_redline
    from briefgen.writers.docx.writer import write

    def brief(name: str) -> Document:
        note = Note("s#¶1", (Span(f"{name}, "), Span(f"{SHORT}, ¶1.")))
        return Document(Meta("Brief"), (Paragraph((Span(f"{name}: Official statements."), NoteRef(note))),))

    write(brief(MINISTRY), tmp_path / "issued.docx", Theme())
    write(brief(in_ltr(MINISTRY)), tmp_path / "new.docx", Theme())
    write_redline(tmp_path / "issued.docx", tmp_path / "new.docx", tmp_path / "redline.docx", "Reviewer", "2026-12-06")
    import zipfile

    with zipfile.ZipFile(tmp_path / "redline.docx") as archive:
        xml = archive.read("word/document.xml").decode() + archive.read("word/footnotes.xml").decode()
    assert "<w:ins " not in xml and "<w:del " not in xml, xml
