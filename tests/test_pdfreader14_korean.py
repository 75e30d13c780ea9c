"""A Korean word that a line's end breaks in a typst PDF reads whole. typst breaks Korean between any two
syllables and between a number and the syllable after it ('412' '대를'), and draws the space at the end of a
line that breaks at one, hung past the measure's edge: a line that ends with no space drawn, a space's width or
more short of that edge, was full and ends inside a word (on main only lines half an em short said so, and a
full line of a justified paragraph read with a space: '412 대를'). A list item's last line in a block of its
own with its next line ('밝' '혔다.'), and a line with a Hebrew run (its characters drawn in their own order,
the line's last drawn not its end), say the same. Made at test time with typst; oracle: the sentence as
written."""

from __future__ import annotations

from pathlib import Path

import pytest
import typst

from briefgen.sources.formats import FORMATS, extract
from tests.realdocs import sources
from tests.realdocs_typst import FONT_PATHS, FONTS, document

KOREAN = "국방부는 무인기 412대를 배치했다고 밝혔다."
HEBREW = "המשרד דיווח על 27 רחפנים חדשים בשנה זו."


def _read(body: str, width: int, folder: Path) -> list[str]:
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    pdf = folder / f"korean{width}.pdf"
    typst.compile(f'#set page(width: {width}pt, height: 800pt, margin: 20pt)\n#set text(font: ({fonts}), '
                  f'size: 11pt, lang: "en")\n{body}'.encode(), output=str(pdf), font_paths=FONT_PATHS)
    return list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)


def _paragraphs(count: int, words: str) -> str:
    return "\n\n".join(f"Drone fleet budget {words * (k % 5)}staff {KOREAN} Sorties annex reflex."
                       for k in range(count))


@pytest.mark.parametrize("width", [190, 210])
def test_a_justified_line_ending_inside_a_korean_word(tmp_path: Path, width: int) -> None:
    read = _read("#set par(justify: true)\n" + _paragraphs(8, "office "), width, tmp_path)
    assert sum(KOREAN in paragraph for paragraph in read) == 8, read


def test_a_list_item_ending_inside_a_korean_word(tmp_path: Path) -> None:
    items = "\n".join(f"- Ministry {'office ' * (k % 7)}envoy {KOREAN}" for k in range(10))
    read = _read(items, 270, tmp_path)
    assert sum(KOREAN in paragraph for paragraph in read) == 10, read


@pytest.mark.parametrize("width", [230, 310])
def test_a_line_with_hebrew_ending_inside_a_korean_word(tmp_path: Path, width: int) -> None:
    body = "\n\n".join(f"Figure {'office ' * (k % 7)}reflex {HEBREW} Drone {'staff ' * (k % 3)}sorties {KOREAN} "
                       "Annex." for k in range(10))
    read = _read(body, width, tmp_path)
    assert sum(KOREAN in paragraph for paragraph in read) == 10, read


def test_an_item_whose_last_line_is_a_block_of_its_own(tmp_path: Path) -> None:
    """The corpus's document (tests/realdocs_typst.py, seed 303's sixth): a list item's line ending '밝', full,
    and its next line '혔다.' in a block of their own."""
    src = sources(303, 6)[5]
    pdf = tmp_path / "item.pdf"
    typst.compile(document(src, 5).encode(), output=str(pdf), font_paths=FONT_PATHS)
    read = list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    assert any(KOREAN in paragraph for paragraph in read) and not any("밝 혔" in p for p in read), read
