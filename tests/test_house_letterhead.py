"""A reference's header as Word users build it: a table of three cells, a text box (which Word writes twice,
as a drawing and as its VML fallback), a content control, DATE and FILENAME fields. The PDF reads each as Word
shows it: the cells side by side in their columns, the text box's words once, the control's text, a date field
as the brief's date in the field's picture (Word updates it on opening; its stored result is stale), the file
name as the brief's own (the stored one is the reference's)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches

from briefgen.document.fields import NUMPAGES, PAGE, FieldValues, filled, placeholder, word_date
from briefgen.render.house import read_house
from tests.conftest import ROOT
from tests.helpers import built_under_reference, libreoffice_pdf, pdf_words, pdftotext, run, word_field

_W = nsdecls("w")
_TEXT_BOX = (f'<w:r {_W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
             'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:t>BOXED'
             '</w:t></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>BOXED'
             '</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'
             '</w:r>')


def _reference(path: Path) -> Path:
    reference = docx.Document()
    header = reference.sections[0].header
    table = header.add_table(1, 3, Inches(6))
    for cell, text in zip(table.rows[0].cells, ("LEFTCELL", "MIDDLECELL", "RIGHTCELL"), strict=True):
        cell.text = text
    footer = reference.sections[0].footer.paragraphs[0]
    footer.add_run("Printed ")
    dot = f'<w:r {_W}><w:t xml:space="preserve"> · </w:t></w:r>'
    for xml in [*word_field('DATE \\@ "d MMMM yyyy"', "3 March 2025"), *word_field("PAGE", "9"), dot,
                *word_field("FILENAME \\* Upper", "HOUSE.DOTX")]:
        footer._p.append(parse_xml(xml))
    footer._p.append(parse_xml(_TEXT_BOX))
    control = parse_xml(f'<w:sdt {_W}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>CONTROLLED</w:t></w:r></w:p>'
                        '</w:sdtContent></w:sdt>')
    reference.sections[0].footer._element.append(control)
    reference.save(str(path))
    return path


def test_a_header_table_row_is_one_line_with_its_cells_in_their_columns(tmp_path: Path) -> None:
    house = read_house(_reference(tmp_path / "house.docx"))
    rows = [line for line in house.header if line.columns]
    assert len(rows) == 1  # one line, not three stacked
    texts = ["".join(piece.text for piece in cell) for cell in rows[0].cells]
    assert texts == ["LEFTCELL", "MIDDLECELL", "RIGHTCELL"]
    assert [round(x) for x, _, _ in rows[0].columns] == [0, 144, 288]  # 2 inches a column


def test_fields_text_boxes_and_controls_show_as_word_shows_them(tmp_path: Path) -> None:
    house = read_house(_reference(tmp_path / "house.docx"))
    text = " ".join(piece.text for line in house.footer for cell in line.cells for piece in cell)
    assert "3 March 2025" not in text and "\x00DATEd MMMM yyyy\x00" in text  # filled in as the PDF is drawn
    assert "9" not in text and "\x00PAGE\x00" in text  # PAGE is counted, its stored "9" not shown
    assert text.count("BOXED") == 1  # a text box's words once, not again from its VML fallback
    assert "CONTROLLED" in text  # a content control's paragraph


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("letterhead"), _reference)


def _left_edges(pdf: Path) -> dict[str, float]:
    return {word.text: word.left for word in pdf_words(pdf)}


def test_the_pdf_sets_the_header_cells_where_libreoffice_does(built: Path, tmp_path: Path) -> None:
    laid_out = libreoffice_pdf(built / "executive.docx", tmp_path)
    ours, theirs = _left_edges(built / "executive.pdf"), _left_edges(laid_out)
    for word in ("LEFTCELL", "MIDDLECELL", "RIGHTCELL"):
        assert abs(ours[word] - theirs[word]) < 8, (word, ours[word], theirs[word])
    shown = pdftotext(laid_out)
    assert "Printed 19 September 2025" in shown  # the locked date field, as the PDF prints it


def test_a_date_field_prints_the_briefs_date_in_its_picture(built: Path) -> None:
    text = pdftotext(built / "executive.pdf")
    assert "Printed 19 September 2025" in text  # the shipped model's as_of, the date the brief carries
    assert "3 March 2025" not in text  # the result Word stored in the reference when it was saved
    assert "· EXECUTIVE.PDF" in text and "HOUSE.DOTX" not in text  # the file's own name, in the field's case


def test_the_docx_date_field_holds_the_briefs_date_locked(built: Path) -> None:
    with zipfile.ZipFile(built / "executive.docx") as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    footer = next(f for f in footers if "DATE" in f)
    date_begin, page_begin, name_begin = re.findall(r'<w:fldChar [^>]*w:fldCharType="begin"[^>]*/>', footer)
    assert 'w:fldLock="1"' in date_begin  # Word leaves a locked field's result as it is
    assert "fldLock" not in page_begin + name_begin  # the page number still counts, the name follows the file
    assert ">EXECUTIVE.DOCX<" in footer and "HOUSE.DOTX" not in footer
    assert "19 September 2025" in footer and "3 March 2025" not in footer
    assert ">Printed <" in footer and "PAGE" in footer  # the rest of the letterhead as the reference has it


@pytest.mark.parametrize(("code", "shown"), [
    ('DATE \\@ "d MMMM yyyy" \\* MERGEFORMAT', "9 March 2025"), ('DATE \\@ "dd/MM/yy"', "09/03/25"),
    ("DATE \\@ yyyy-MM-dd", "2025-03-09"), ('CREATEDATE \\@ "dddd, MMM d"', "Sunday, Mar 9"),
    ('DATE \\@ "\'Week of\' d.M.yyyy"', "Week of 9.3.2025"), ("DATE", "9 March 2025"),
    ('SAVEDATE \\@ "MMMM yyyy"', "March 2025"), ('DATE \\@ "DD.MM.YYYY"', "09.03.2025"),  # day, year: any case
    ('PRINTDATE \\@ "d MMM yyyy HH:mm"', "9 Mar 2025 00:00"),  # a day's date: its time is midnight
    ('DATE \\@ "h:mm AM/PM, mm/dd"', "12:00 AM, 00/09"), ('DATE \\@ "MMMM yyyy" \\* Upper', "MARCH 2025"),
    ('FILENAME \\* Caps', "Brief.pdf"), ("FILENAME \\p", "brief.pdf")])  # m is the minutes, M the month
def test_word_date_pictures(code: str, shown: str) -> None:
    values = FieldValues(dt.date(2025, 3, 9), file_name="brief.pdf")
    assert filled(f"Printed {placeholder(code)}, page {PAGE} of {NUMPAGES}", 2, 5, values) == (
        f"Printed {shown}, page 2 of 5")


@pytest.mark.parametrize(("language", "shown"), [
    ("en-GB", "Sunday 9 March 2025 (Sun 9 Mar)"), ("de", "Sonntag 9. März 2025 (So. 9. März)"),
    ("ru", "воскресенье 9. марта 2025 (вс 9. мар.)"), ("fr-CA", "dimanche 9. mars 2025 (dim. 9. mars)"),
    ("not a tag", "Sunday 9 March 2025 (Sun 9 Mar)")])
def test_a_date_field_names_the_month_in_the_briefs_language(language: str, shown: str) -> None:
    """As Word writes a field in the document's default language (a Russian month after its day is in the
    genitive); a tag ICU cannot read falls back to English."""
    picture = "dddd d MMMM yyyy (ddd d MMM)" if language.startswith(("en", "not")) else "dddd d. MMMM yyyy (ddd d. MMM)"
    assert word_date(picture, FieldValues(dt.date(2025, 3, 9), language)) == shown


def test_a_part_nested_thousands_deep_is_an_error_at_the_reference(workspace: Path) -> None:
    """A header whose paragraph nests 5,000 tracked insertions (or content controls 3,000 deep): the DOCX
    writer's parser refused it and briefgen stopped with an internal error (exit 3)."""
    import zipfile

    path = workspace / "templates/deep.docx"
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = "Letterhead"
    reference.save(str(path))
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    header = next(name for name in parts if name.startswith("word/header"))
    deep = ("<w:p>" + "<w:ins w:id='1' w:author='a'>" * 5000 + "<w:r><w:t>DEEP</w:t></w:r>" + "</w:ins>" * 5000
            + "</w:p>")
    parts[header] = parts[header].replace(b"</w:hdr>", deep.encode() + b"</w:hdr>")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    profile = (ROOT / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
    (workspace / "templates/deep.yaml").write_text(profile + "look: {reference_docx: deep.docx}\n", encoding="utf-8")
    for command in ("check", "build"):
        result = run(workspace, command)
        assert result.exit_code == 1, result.output
        assert "look.reference_docx: its part word/header1.xml nests its XML more than 200 levels deep" in result.output


def test_a_letterhead_formatted_by_hand_keeps_its_size_weight_and_colour(tmp_path: Path) -> None:
    """An organisation name made bold, 22 pt and dark red on the run itself (as most letterheads are), under
    16 pt lines: the PDF drew them all in the Header style's 11 pt, so its header was half as tall as Word's."""
    from docx.shared import Pt, RGBColor

    reference = docx.Document()
    header = reference.sections[0].header
    name = header.paragraphs[0].add_run("MINISTRY OF EXAMPLES")
    name.bold, name.font.size, name.font.color.rgb = True, Pt(22), RGBColor(0x80, 0, 0)
    header.add_paragraph().add_run("Directorate of Analysis").font.size = Pt(16)
    blank = header.add_paragraph()._p.get_or_add_pPr()
    blank.append(parse_xml(f'<w:rPr {_W}><w:sz w:val="4"/></w:rPr>'))  # an empty 2 pt line: spacing by hand
    reference.save(str(tmp_path / "house.docx"))
    first, second, third = read_house(tmp_path / "house.docx").header
    assert (first.size, first.bold, first.colour) == (22, True, "#800000")
    assert (second.size, second.bold) == (16, False)
    assert third.size == 2 and not any(third.cells[0])


def test_a_tab_typed_into_the_text_splits_the_line_as_a_tab_element_does(tmp_path: Path) -> None:
    """python-docx and hand-made letterheads put the tab character in the text ("Left\\tCentre\\tRight");
    Word and LibreOffice set each part at its tab stop, the PDF drew them run together at the left."""
    reference = docx.Document()
    paragraph = reference.sections[0].header.paragraphs[0]._p
    paragraph.append(parse_xml(f'<w:r {_W}><w:t xml:space="preserve">Ministry\tInternal\tPage</w:t></w:r>'))
    reference.save(str(tmp_path / "house.docx"))
    assert b"<w:tab/>" not in zipfile.ZipFile(tmp_path / "house.docx").read("word/header1.xml")
    (line,) = read_house(tmp_path / "house.docx").header
    assert [[piece.text for piece in cell] for cell in line.cells] == [["Ministry"], ["Internal"], ["Page"]]
