"""typst's two columns, made at test time (tests/realdocs_typst.py's fonts): pdfminer ran a line of the left
column into the right column's line beside it across typst's narrow gutter (18 pt), where the left line ends in
Korean or a heading hyphenated at the column's edge (pdfgutters.py). Oracle: the typst source as written."""

from __future__ import annotations

from pathlib import Path

import typst

from briefgen.sources.formats import FORMATS, extract
from tests.realdocs_typst import FONT_PATHS, FONTS

KOREAN = "국방부는 무인기 412대를 배치했다고 밝혔다."
ARABIC = "أعلنت الوزارة عن ٣٤٥ طائرة مسيّرة في العام الماضي."
JUSTIFIED = "#set par(justify: true)\n"


def _read(body: str, folder: Path, preamble: str = "") -> list[str]:
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    pdf = folder / "made.pdf"
    source = f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n{preamble}#columns(2)[\n{body}]\n'
    typst.compile(source.encode(), output=str(pdf), font_paths=FONT_PATHS)
    return list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)


def _filler(n: int) -> str:
    return " ".join(["Drone fleet budget office efficient staff."] * n)


def test_a_left_line_ending_in_korean_stays_out_of_the_right_column(tmp_path: Path) -> None:
    """The left column's justified paragraph ends lines in Korean; the right column's list items start beside
    them, in English and Arabic (drawn out of order, so that pdfinline puts each row's characters in order: the
    left line's and the right one's then follow each other, and pdfminer joined them)."""
    left = " ".join(f"Budget reflex drone coefficient budget {KOREAN}" for _ in range(8))
    items = [f"Sorties official office affluent budget envoy {k} reflex {ARABIC}" for k in range(10)]
    read = _read(f"{left}\n\n#colbreak()\n" + "\n".join(f"- {item}" for item in items) + "\n", tmp_path, JUSTIFIED)
    assert read == [left, *(f"• {item}" for item in items)]


def test_a_heading_hyphenated_at_the_column_edge_stays_in_its_column(tmp_path: Path) -> None:
    """A heading in large type breaks a word at the left column's edge, beside the right column's first line
    (whose Arabic is drawn out of order, as above): "Report 303-10: figure and co­ Office workflow …"."""
    body = (f"= Report 303-10: figure and coefficient\n{_filler(3)}\n#colbreak()\n"
            f"Office workflow sorties efficient annex {ARABIC} {_filler(3)}\n")
    read = _read(body, tmp_path, "#set text(hyphenate: true)\n" + JUSTIFIED)
    assert read[:2] == ["Report 303-10: figure and coefficient", _filler(3)]
    assert read[2].startswith("Office workflow sorties efficient annex")
