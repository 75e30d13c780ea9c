"""References as users make them in Word, each with a style rule the PDF must follow as LibreOffice lays the
DOCX out: an "at least" line height on Normal, a Heading 1 that opens a new page, python-docx's Title with its
bottom border, a Quote without the bar briefgen draws and with its own indent. For each, the executive brief is
one page in the PDF and in the DOCX, and the PDF draws what the DOCX shows."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import libreoffice_pdf, name_reference, pdf_words, pdftotext, run


def _at_least(reference: docx.document.Document) -> None:
    """Normal's lines at least 15 pt, its paragraphs 12 pt apart (Word's 'At least' line spacing)."""
    normal = reference.styles["Normal"].element.get_or_add_pPr()
    normal.append(parse_xml(f'<w:spacing {nsdecls("w")} w:after="240" w:line="300" w:lineRule="atLeast"/>'))


def _page_break(reference: docx.document.Document) -> None:
    """Heading 1 with 'Page break before', as a report's chapters have it."""
    reference.styles["Heading 1"].element.get_or_add_pPr().append(parse_xml(f'<w:pageBreakBefore {nsdecls("w")}/>'))


def _indented_quote(reference: docx.document.Document) -> None:
    reference.styles["Quote"].element.get_or_add_pPr().append(parse_xml(f'<w:ind {nsdecls("w")} w:left="1440"/>'))


def _numbered_headings(reference: docx.document.Document) -> None:
    """Heading 1 and 2 in a multilevel list ("1.", "1.1"), as report templates number their chapters."""
    numbering = reference.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/></w:lvl>'
        for n, text in enumerate(("%1.", "%1.%2")))
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    for level, name in enumerate(("Heading 1", "Heading 2")):
        reference.styles[name].element.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))


KINDS = {"at-least": _at_least, "page-break": _page_break, "quote": _indented_quote,
         "numbered": _numbered_headings}


@pytest.fixture(scope="module", params=sorted(KINDS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    workspace = tmp_path_factory.mktemp(request.param) / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    reference = docx.Document()  # python-docx's template: its Title has a bottom border, its Quote no bar
    section = reference.sections[0]
    section.header.paragraphs[0].text = "Ministry of Examples"
    KINDS[request.param](reference)
    reference.save(str(workspace / "templates/house.docx"))
    name_reference(workspace, "house.docx")
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    out = workspace / "output"
    libreoffice_pdf(out / "executive.docx", out / "lo")
    return request.param, out


def test_the_one_page_brief_is_one_page_in_the_docx_too(built: tuple[str, Path]) -> None:
    _, out = built
    assert len(PdfReader(out / "executive.pdf").pages) == 1
    assert len(PdfReader(out / "lo" / "executive.pdf").pages) == 1


def test_the_title_lines_do_not_overlap(built: tuple[str, Path]) -> None:
    """The Title inherits Normal's 'at least 15 pt': a floor under its 26 pt lines, not their height (the PDF
    set them 15 pt apart, one over the other)."""
    _, out = built
    words = pdf_words(out / "executive.pdf")
    first, last = next(w for w in words if w.text == "North"), next(w for w in words if w.text == "programme")
    assert last.top - first.top >= 26  # the title's second line starts a 26 pt line below its first


def _line_widths(pdf: Path) -> set[float]:
    """The line widths set on page 1."""
    content = PdfReader(pdf).pages[0].get_contents().get_data().decode("latin-1")
    return {float(width) for width in re.findall(r"(?m)^([\d.]+) w$", content)}


def test_the_title_border_is_drawn_in_the_pdf_as_an_artifact(built: tuple[str, Path]) -> None:
    """python-docx's Title has a 1 pt bottom border 4 pt below its text, in #4F81BD: the PDF draws it there,
    outside the tagged text (it was drawn only in the DOCX)."""
    _, out = built
    content = PdfReader(out / "executive.pdf").pages[0].get_contents().get_data().decode("latin-1")
    rule = re.search(r"/Artifact <</Type /Layout>> BDC\s+\.309804 \.505882 \.741176 RG\s+1 w\s+n [\d.]+ ([\d.]+) m",
                     content)
    assert rule, content[:3000]
    title = content.rindex("/H1 <<", 0, rule.start())  # the rule follows its paragraph's text, at its corner
    corner = re.findall(r"1 0 0 1 [\d.]+ ([\d.]+) cm", content[:title])[-1]
    assert rule, content[:3000]
    height = float(PdfReader(out / "executive.pdf").pages[0].mediabox.height)
    words = pdf_words(out / "executive.pdf")
    title_foot = next(w for w in words if w.text == "programme").bottom
    subtitle_top = next(w for w in words if w.text.startswith("Pyongyang")).top
    assert title_foot + 3 < height - float(corner) - float(rule[1]) < subtitle_top


def test_a_house_quote_sets_its_own_border_and_indent(built: tuple[str, Path]) -> None:
    """The reference's Quote has no border: the DOCX shows no bar, nor does the PDF (it drew its own); with a
    one-inch indent the PDF indents the quote as LibreOffice does."""
    kind, out = built
    assert 2.5 not in _line_widths(out / "executive.pdf")  # briefgen's own quote bar
    if kind == "quote":
        ours, theirs = pdf_words(out / "executive.pdf"), pdf_words(out / "lo" / "executive.pdf")
        x = {name: next(w.left for w in words if w.text.startswith("\u201crapidly")) for name, words in
             (("pdf", ours), ("lo", theirs))}
        assert abs(x["pdf"] - x["lo"]) < 3, x


def test_no_style_of_the_docx_breaks_the_page(built: tuple[str, Path]) -> None:
    _, out = built
    with zipfile.ZipFile(out / "executive.docx") as made:
        assert b"pageBreakBefore" not in made.read("word/styles.xml")


@pytest.mark.parametrize(("spacing", "said"), [
    ('w:before="31680" w:after="31680"', "its style 'Heading 1' takes 3"),
    ('w:line="31680" w:lineRule="exact"', "its style 'Heading 1' takes 1594 pt"),
    ('w:line="0" w:lineRule="exact"', "its style 'Heading 1' sets its 14 pt text on lines exactly 0 pt apart"),
])
def test_a_style_no_page_can_set_is_an_error_at_the_reference(workspace: Path, spacing: str, said: str) -> None:
    """Before, the build failed at `max_pages` with a hint to shorten the BLUF (or, without a page limit, wrote
    briefs whose text Word and the PDF set on top of itself)."""
    reference = docx.Document()
    heading = reference.styles["Heading 1"].element.get_or_add_pPr()
    heading.remove(heading.find(qn("w:spacing")))  # its own: 24 pt before
    heading.append(parse_xml(f'<w:spacing {nsdecls("w")} {spacing}/>'))
    reference.save(str(workspace / "templates/odd.docx"))
    profile = (ROOT / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
    (workspace / "templates/odd.yaml").write_text(profile + "look: {reference_docx: odd.docx}\n", encoding="utf-8")
    for command in ("check", "build"):
        result = run(workspace, command)
        assert result.exit_code == 1, result.output
        assert "templates/odd.yaml:" in result.output and f"look.reference_docx: {said}" in result.output
        assert "Traceback" not in result.output


def test_narrow_margins_leave_room_for_briefgen_own_header_and_footer(workspace: Path) -> None:
    """A reference without a letterhead and with no margins (or LibreOffice's 1 cm): Word puts briefgen's own
    footer 6 mm from the page's edge and raises the text above it; the PDF does the same (it drew its footer
    below the page's edge, and under LibreOffice's margins the last footnotes over the footer's handling line)."""
    reference = docx.Document()
    section = reference.sections[0]
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = 0
    reference.save(str(workspace / "templates/edge.docx"))
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (workspace / "templates/edge.yaml").write_text(profile + "look: {reference_docx: edge.docx}\n", encoding="utf-8")
    result = run(workspace, "build", "-a", "edge")
    assert result.exit_code == 0, result.output
    words = pdf_words(workspace / "output/edge.pdf")
    footer_banner = max((w for w in words if w.text == "TLP:CLEAR"), key=lambda w: w.top)
    notes = [w for w in words if w.top < footer_banner.top - 1 and w.text not in ("Open-source", "Page")]
    assert max(w.bottom for w in notes) <= footer_banner.top, (max(notes, key=lambda w: w.bottom), footer_banner)
    height = float(PdfReader(workspace / "output/edge.pdf").pages[0].mediabox.height)
    assert height - footer_banner.bottom >= 2.5 / 25.4 * 72  # on the page, clear of its edge (it was drawn below it)


@pytest.mark.parametrize("at_top", [False, True])
def test_a_gutter_is_binding_room_in_both_formats(workspace: Path, at_top: bool) -> None:
    """A reference with a half-inch gutter (on the left, or at the top when Word is told so): the PDF's text
    was as wide as without it, while Word and LibreOffice set the DOCX's half an inch narrower."""
    from briefgen.render.house import read_house

    reference = docx.Document()
    section = reference.sections[0]
    section.gutter, section.left_margin, section.top_margin = Inches(0.5), Inches(1), Inches(1)
    if at_top:
        reference.settings.element.append(parse_xml(f'<w:gutterAtTop {nsdecls("w")}/>'))
    reference.save(str(workspace / "templates/bound.docx"))
    top, _, _, left = read_house(workspace / "templates/bound.docx").margins_mm or (0, 0, 0, 0)
    assert (round(top, 1), round(left, 1)) == ((38.1, 25.4) if at_top else (25.4, 38.1))
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (workspace / "templates/bound.yaml").write_text(profile + "look: {reference_docx: bound.docx}\n", encoding="utf-8")
    result = run(workspace, "build", "-a", "bound")
    assert result.exit_code == 0, result.output
    built = docx.Document(str(workspace / "output/bound.docx")).sections[0]
    assert built.gutter == 0 and (built.top_margin, built.left_margin) == (
        (Inches(1.5), Inches(1)) if at_top else (Inches(1), Inches(1.5)))


def test_numbered_headings_are_numbered_in_the_pdf_too(built: tuple[str, Path]) -> None:
    """Word and LibreOffice number the DOCX's headings from the reference's list; the PDF did not."""
    kind, out = built
    if kind != "numbered":
        return
    for pdf in (out / "executive.pdf", out / "lo" / "executive.pdf"):
        text = " ".join(pdftotext(pdf).split())
        assert "1. Key judgments" in text and "2. Key figures" in text, (pdf, text[:600])


def test_heading_numbers_count_as_word_counts_them() -> None:
    """Each heading the next number of its level, a deeper level starting again, in the level's format."""
    from briefgen.document.house import House, ListLevel, StyleLook
    from briefgen.writers.pdf.numbers import Numbers

    levels = (ListLevel("upperRoman", "%1."), ListLevel("lowerLetter", "%1.%2)", start=3), ListLevel("none", ""))
    house = House(styles=(("heading 1", StyleLook(numbered=("5", 0))), ("heading 2", StyleLook(numbered=("5", 1))),
                          ("title", StyleLook(numbered=("5", 2))), ("normal", StyleLook())),
                  lists=(("5", levels + (ListLevel(),) * 6),))
    numbers = Numbers(house)
    said = [numbers.label(name) for name in ("Heading 1", "Heading 2", "Heading 2", "Heading 1", "Heading 2",
                                             "Title", "Normal")]
    assert said == ["I.", "I.c)", "I.d)", "II.", "II.c)", "", ""]


def test_heading_numbers_in_any_word_format_read_as_word_writes_them() -> None:
    """The PDF's heading numbers in the formats Word's list gallery offers beyond roman and letters (they were
    drawn in digits), and letters past z doubled as Word doubles them; a hostile start value never a huge label."""
    from briefgen.document.house import House, ListLevel, StyleLook
    from briefgen.writers.pdf.numbers import Numbers

    def first_two(fmt: str, start: int) -> list[str]:
        level = ListLevel(fmt, "%1.", start=start)
        house = House(styles=(("heading 1", StyleLook(numbered=("7", 0))),), lists=(("7", (level,) * 9),))
        numbers = Numbers(house)
        return [numbers.label("Heading 1"), numbers.label("Heading 1")]

    assert first_two("chineseCounting", 9) == ["九.", "十."]
    assert first_two("ganada", 1) == ["가.", "나."]
    assert first_two("decimalEnclosedCircle", 1) == ["①.", "②."]
    assert first_two("upperLetter", 26) == ["Z.", "AA."]
    assert first_two("lowerLetter", 780) == ["z" * 30 + ".", "781."]


def test_small_capitals_are_drawn_as_capitals(tmp_path: Path) -> None:
    """A Heading 1 in small capitals: Word draws its lower-case letters as small capitals, the PDF drew them in
    lower case, narrower than Word's line (a line could hold more in the PDF than in the DOCX)."""
    from briefgen.render.house import read_house

    reference = docx.Document()
    reference.styles["Heading 1"].element.get_or_add_rPr().append(parse_xml(f'<w:smallCaps {nsdecls("w")}/>'))
    reference.styles["Heading 2"].element.get_or_add_rPr().append(
        parse_xml(f'<w:smallCaps {nsdecls("w")} w:val="0"/>'))
    reference.save(str(tmp_path / "caps.docx"))
    house = read_house(tmp_path / "caps.docx")
    assert house.style("Heading 1").caps is True and house.style("Heading 2").caps is False
    assert house.style("Normal").caps is None


_DOCX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_PACKAGES = {  # the main part's content type, and a VBA project where the package type carries macros
    "dotx": (b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", False),
    "docm": (b"application/vnd.ms-word.document.macroEnabled.main+xml", True),
    "dotm": (b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml", True),
}


def _repackaged(source: Path, target: Path, main_type: bytes, macros: bool) -> None:
    """`source` saved as Word saves a template or a macro-enabled document: its main part's content type,
    and (with `macros`) a VBA project related from the document part, as Word writes it."""
    vba = b"http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(_DOCX_TYPE, main_type)
                if macros:
                    data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                        b'"application/vnd.ms-office.vbaProject"/></Types>')
            elif info.filename == "word/_rels/document.xml.rels" and macros:
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="' + vba
                                    + b'" Target="vbaProject.bin"/></Relationships>')
            new.writestr(info, data)
        if macros:
            new.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really a macro")


@pytest.mark.parametrize("kind", sorted(_PACKAGES))
def test_a_word_template_or_macro_enabled_document_serves_as_reference(workspace: Path, kind: str) -> None:
    """A house style designed in Word is often kept as a template (.dotx) or with macros (.docm, .dotm):
    check accepted the .docm and the build then failed (python-docx refuses the content type), the .dotx was
    refused. Its styles now restyle the brief, which is a plain .docx with no macro in it."""
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Arial"
    reference.save(str(workspace / "plain.docx"))
    _repackaged(workspace / "plain.docx", workspace / f"templates/house.{kind}", *_PACKAGES[kind])
    name_reference(workspace, f"house.{kind}")
    assert run(workspace, "check").exit_code == 0
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(workspace / "output/executive.docx") as made:
        assert not [n for n in made.namelist() if "vba" in n.lower()]
        types = made.read("[Content_Types].xml")
        assert _DOCX_TYPE in types and b"macroEnabled" not in types and b"template.main" not in types
        assert b'w:ascii="Arial"' in made.read("word/styles.xml")
    assert docx.Document(str(workspace / "output/executive.docx")).paragraphs


def test_a_strict_open_xml_reference_is_refused_where_it_is_named(workspace: Path) -> None:
    """Word's "Strict Open XML Document" uses other namespaces, which python-docx cannot read: check passed
    and the build failed as an internal error. Both now name the profile's key and say how to save it."""
    docx.Document().save(str(workspace / "plain.docx"))
    transitional = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(workspace / "plain.docx") as old, \
            zipfile.ZipFile(workspace / "templates/strict.docx", "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, data.replace(transitional, b"http://purl.oclc.org/ooxml/wordprocessingml/main"))
    name_reference(workspace, "strict.docx")
    for command in ("check", "build"):
        result = run(workspace, command)
        assert result.exit_code == 1, result.output
        assert "templates/executive.yaml:" in result.output and "Strict Open XML" in result.output
        assert "Word Document (*.docx)" in result.output and "internal error" not in result.output
