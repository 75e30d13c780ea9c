"""Nested lists (a <ul> inside a template's <li>) follow the reference's list definition at every level: Word's
default bullet list (level 1 "•" in Symbol, level 2 "o" in Courier New in red, level 3 "§" in Wingdings in
green, each half an inch further in, hung a quarter inch) draws each level's glyph, colour and indents in both
formats, the DOCX's paragraphs at their w:ilvl of the reference's list. Without a house list, briefgen's own
bullets step in a level at a time in both formats. Before, a <ul> inside an <li> was refused (no nested lists),
and only the first level of a reference's bullets was ever drawn."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import nsdecls, qn

from briefgen.document.nodes import BulletList
from briefgen.writers.pdf.markup import plain
from tests.conftest import ROOT
from tests.helpers import libreoffice_pdf, list_reference, name_reference, page_image, pdf_words, run

RED, GREEN = (0xC0, 0x00, 0x00), (0x00, 0xB0, 0x50)
_LEVELS = (("\uf0b7", "Symbol", None), ("o", "Courier New", "C00000"), ("\uf0a7", "Wingdings", "00B050"))
LIST = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="hybridMultilevel"/>'
        + "".join(f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{text}"/>'
                  f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (n + 1)}" w:hanging="360"/></w:pPr>'
                  f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/>'
                  + (f'<w:color w:val="{colour}"/>' if colour else "") + "</w:rPr></w:lvl>"
                  for n, (text, font, colour) in enumerate(_LEVELS)) + "</w:abstractNum>")
NESTED = ('{% if loop.first %}<ul><li>Nestedtwo item<ul><li>Nestedthree item</li></ul></li>'
          '<li>Nestedtwoagain item</li></ul>{% endif %}</li>')


def _built(folder: Path, house: bool) -> Path:
    """The analyst brief, its sources' first item holding a list two levels deep, under the house list (or
    none): the output folder."""
    workspace = folder / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    template = (ROOT / "briefgen/templates/analyst.xml.j2").read_text(encoding="utf-8")
    assert "{{ s.descriptor }}</li>" in template
    (workspace / "templates/analyst.xml.j2").write_text(template.replace("{{ s.descriptor }}</li>",
                                                                         "{{ s.descriptor }}" + NESTED))
    if house:
        list_reference(workspace / "templates/house.docx", LIST)
        name_reference(workspace, "house.docx", "analyst")
    else:
        shutil.copy(ROOT / "briefgen/templates/analyst.yaml", workspace / "templates/analyst.yaml")
    result = run(workspace, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return workspace / "output"


def _marks(pdf: Path) -> dict[str, tuple[int, float, float, tuple[float, float, float, float]]]:
    """Each nested item's page, its text's left edge, its mark's left edge and box."""
    found = {}
    for page in range(1, 8):
        words = pdf_words(pdf, page=page)
        for word in words:
            if word.text.startswith("Nested"):
                mark = max((w for w in words if abs(w.bottom - word.bottom) < 3 and w.right <= word.left + 0.5
                            and w.right > word.left - 40), key=lambda w: w.left, default=None)
                assert mark is not None, (word, page)
                found[word.text] = (page, word.left, mark.left, (mark.left, mark.top, mark.right, mark.bottom))
        if len(found) == 3:
            break
    return found


def _has(pdf: Path, folder: Path, mark: tuple[int, float, float, tuple[float, float, float, float]],
         colour: tuple[int, int, int]) -> bool:
    page, _, _, (left, top, right, bottom) = mark
    image = page_image(pdf, folder, dpi=144, page=page)
    return any(all(abs(a - b) <= 40 for a, b in zip(image.getpixel((x, y))[:3], colour, strict=True))
               for x in range(int(left * 2) - 1, int(right * 2) + 2) for y in range(int(top * 2), int(bottom * 2) + 1))


def test_each_level_is_drawn_as_the_references_list_says(tmp_path: Path) -> None:
    output = _built(tmp_path, house=True)
    built = docx.Document(str(output / "analyst.docx"))
    levels = {p.text: p._p.pPr.find(qn("w:numPr")) for p in built.paragraphs if p.text.startswith("Nested")}
    assert {text: (n.find(qn("w:ilvl")).get(qn("w:val")), n.find(qn("w:numId")).get(qn("w:val")))
            for text, n in levels.items()} == {"Nestedtwo item": ("1", "90"), "Nestedthree item": ("2", "90"),
                                               "Nestedtwoagain item": ("1", "90")}
    margin = built.sections[0].left_margin.pt
    laid_out = libreoffice_pdf(output / "analyst.docx", tmp_path / "lo")
    for pdf, name in ((output / "analyst.pdf", "ours"), (laid_out, "word")):
        marks = _marks(pdf)
        for text, level in (("Nestedtwo", 1), ("Nestedthree", 2), ("Nestedtwoagain", 1)):
            _, left, mark, _ = marks[text]
            assert abs(left - (margin + 36 * (level + 1))) < 1.5, (name, text, left)  # the level's text indent
            assert abs(mark - (margin + 36 * (level + 1) - 18)) < 1.5, (name, text, mark)  # its hanging bullet
        assert _has(pdf, tmp_path / f"{name}-2", marks["Nestedtwo"], RED), name
        assert _has(pdf, tmp_path / f"{name}-3", marks["Nestedthree"], GREEN), name


def test_briefgens_own_bullets_step_in_a_level_at_a_time(tmp_path: Path) -> None:
    output = _built(tmp_path, house=False)
    laid_out = libreoffice_pdf(output / "analyst.docx", tmp_path / "lo")
    ours, word = _marks(output / "analyst.pdf"), _marks(laid_out)
    for text in ("Nestedtwo", "Nestedthree", "Nestedtwoagain"):  # the bullet as far left of where Word hangs
        # it as the first level's (reportlab needs 0.6 em between a bullet and its text: face.bullet_indent)
        assert abs(ours[text][1] - word[text][1]) < 1.5 and abs(ours[text][2] - word[text][2]) < 2.0, text
    assert ours["Nestedthree"][1] > ours["Nestedtwo"][1] + 10


def _read(markup: str) -> BulletList:
    from xml.etree import ElementTree as ET

    from briefgen.document.nodes import Meta
    from briefgen.render.markup import Reader

    document = Reader(lambda n: pytest.fail("no citations here"), Meta("t")).read(ET.fromstring(markup))
    block = document.blocks[0]
    assert isinstance(block, BulletList)
    return block


def test_a_list_inside_an_item_is_read_a_level_deeper() -> None:
    block = _read("<brief><ul><li>one <b>bold</b><ul><li>two<ul><li>three</li></ul></li></ul></li>"
                  "<li>four</li></ul></brief>")
    assert [plain(item) for item in block.items] == ["one bold", "two", "three", "four"]
    assert [block.level(n) for n in range(4)] == [0, 1, 2, 0]
    assert _read("<brief><ul><li>a</li><li>b</li></ul></brief>").levels == ()  # a flat list, as before


def test_a_list_deeper_than_words_is_refused() -> None:
    from briefgen.render.markupparse import MarkupError

    with pytest.raises(MarkupError, match="nested more than 9 deep"):
        _read("<brief>" + "<ul><li>x" * 10 + "</li></ul>" * 10 + "</brief>")


@pytest.mark.parametrize("item", ["one<ul><li>two</li></ul>and after", "one<ul><li>two</li></ul><b>after</b>",
                                  "one<ul><li>two</li></ul><ul><li>three</li></ul> after"])
def test_text_after_a_nested_list_is_refused_not_lost(item: str) -> None:
    """An item's own text is drawn before its nested list: what a template writes after that list would be
    moved before it or dropped, so it is refused, naming what follows."""
    from briefgen.render.markupparse import MarkupError

    with pytest.raises(MarkupError, match=r"after a nested <ul> in an <li> .'(and after|b|after)'"):
        _read(f"<brief><ul><li>{item}</li></ul></brief>")
