"""A letterhead paragraph's indents, as Word sets them: a line indented from the margin, one set out into it (a
classic letterhead trick, a negative indent), a disclaimer wrapped between its left and right indents, and a
first-line indent before a tab. The PDF drew every header and footer line from the margin, and wrapped a long
one at the full width of the text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.helpers import built_under_reference, libreoffice_pdf, pdf_words

DISCLAIMER = ("Wrapped disclaimer: this brief is prepared for the named audience only and may not be passed on, "
              "quoted or summarised outside it without the written consent of the directorate that issued it.")


def _indented(paragraph: docx.text.paragraph.Paragraph, **twips: int) -> None:
    attributes = " ".join(f'w:{name}="{value}"' for name, value in twips.items())
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:ind {nsdecls("w")} {attributes}/>'))


def _reference(path: Path) -> None:
    reference = docx.Document()
    header = reference.sections[0].header
    first = header.paragraphs[0]
    first.text = "Indented by an inch"
    _indented(first, left=1440)
    _indented(header.add_paragraph("Outdented into the margin"), left=-720)
    _indented(header.add_paragraph(DISCLAIMER), left=720, right=1440)
    _indented(header.add_paragraph("First\tTabbed"), firstLine=720)
    reference.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("indents"), _reference)


def _lines(pdf: Path) -> list[tuple[float, str]]:
    """Page 1's lines of words above the brief's banner, top down: (left edge, words)."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for word in pdf_words(pdf):
        rows.setdefault(round(word.top), []).append((word.left, word.text))
    found = []
    for _, words in sorted(rows.items()):
        words.sort()
        if words[0][1].startswith("TLP"):
            break
        found.append((words[0][0], " ".join(word for _, word in words)))
    return found


def _check(lines: list[tuple[float, str]], margin: float) -> None:
    texts = [text for _, text in lines]
    assert texts[0] == "Indented by an inch" and texts[1] == "Outdented into the margin", texts
    assert abs(lines[0][0] - (margin + 72)) < 1 and abs(lines[1][0] - (margin - 36)) < 1
    wrapped = lines[2:-1]
    assert len(wrapped) >= 2 and " ".join(t for _, t in wrapped) == DISCLAIMER  # wrapped, and nothing lost
    assert all(abs(x - (margin + 36)) < 1 for x, _ in wrapped)  # every line at the left indent
    assert texts[-1] == "First Tabbed" and abs(lines[-1][0] - (margin + 36)) < 1


def test_the_pdf_sets_the_indents(built: Path) -> None:
    _check(_lines(built / "executive.pdf"), 90.0)


def test_libreoffice_sets_the_docx_letterhead_alike(built: Path, tmp_path: Path) -> None:
    ours, theirs = _lines(built / "executive.pdf"), _lines(libreoffice_pdf(built / "executive.docx", tmp_path))
    _check(theirs, 90.0)
    assert [text for _, text in ours] == [text for _, text in theirs]  # the same words on each line
    for (x, text), (lo, _) in zip(ours, theirs, strict=True):
        assert abs(x - lo) < 3, (text, x, lo)


def test_indents_are_inherited_side_by_side(tmp_path: Path) -> None:
    """A style that sets only a first-line indent keeps its base style's left indent, and a paragraph that sets
    only its right indent keeps its style's left and first-line ones, as Word inherits them (each w:ind
    replaced its base's whole: the left indent was lost)."""
    from docx.enum.style import WD_STYLE_TYPE

    from briefgen.render.house import read_house

    reference = docx.Document()
    base = reference.styles.add_style("Letter Base", WD_STYLE_TYPE.PARAGRAPH)
    base.paragraph_format.left_indent = docx.shared.Twips(720)
    derived = reference.styles.add_style("Letter Derived", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    derived.paragraph_format.first_line_indent = docx.shared.Twips(360)
    line = reference.sections[0].header.paragraphs[0]
    line.text = "Styled"
    line.style = derived
    _indented(line, right=1440)
    reference.save(str(tmp_path / "house.docx"))
    house = read_house(tmp_path / "house.docx")
    assert house.style("Letter Derived").indent == (36.0, 0.0, 18.0)
    assert house.header[0].indent == (36.0, 72.0, 18.0)


@pytest.mark.parametrize("indent", [{"left": 31680}, {"right": 31680}, {"firstLine": 31680}, {"left": -31680},
                                    {"left": 8000, "right": 1000}])
def test_an_indent_leaving_no_room_on_the_page_is_refused(tmp_path: Path, indent: dict[str, int]) -> None:
    """Word takes an indent of up to 22 inches whatever the page: LibreOffice sets the same DOCX's header at
    or past the page's edge, or a letter a line over three pages (nothing a reader can use, and the PDF left
    out most of the brief's items to make room, or drew nothing). `build` refuses it at the profile's
    look.reference_docx, naming the paragraph, and writes no brief."""
    import shutil

    from tests.conftest import ROOT
    from tests.helpers import name_reference, run

    workspace = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    reference = docx.Document()
    paragraph = reference.sections[0].header.paragraphs[0]
    paragraph.text = "Northwind Strategic Letterhead"
    _indented(paragraph, **indent)
    reference.save(str(workspace / "templates/house.docx"))
    name_reference(workspace, "house.docx")
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 1, result.output
    assert "templates/executive.yaml:14:24: look.reference_docx: its default header's paragraph 1 " \
           '("Northwind Strategic Letterhead") is indented' in result.output
    assert "Traceback" not in result.output and not (workspace / "output/executive.pdf").exists()
