"""A DOCX seed's automatic list numbers, equations and variable fields read as Word shows them, checked against
LibreOffice's own text export of the same files: "3. " and "1.a) " before a numbered paragraph (multi-level
lists, restarts, lists numbered through a paragraph style, bullets), an equation's text (OMML), and a variable
LibreOffice writes as a SET field and a REF after it read once."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefgen.sources.formats.docxdoc import extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed
from tests.helpers import libreoffice_convert, libreoffice_pdf, pdftotext
from tests.test_docx_seed_reading import CHANGE, NS, docx, run
from tests.tools import require

SYMBOL_BULLET = '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
MATH = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def _level(depth: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{depth}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f"{extra}</w:lvl>")


def _item(text: str, num_id: int | None = None, depth: int | None = None, style: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        props += "<w:numPr>" + (f'<w:ilvl w:val="{depth}"/>' if depth is not None else "") + \
            f'<w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr>{run(text) if text else ''}</w:p>"


# Three lists: "1." "1.a)" "(i)" (two instances count on as one, a third restarts it); "III." "A." numbering
# the heading styles (the second based on the first); a Symbol-font bullet.
NUMBERING = (
    f"<w:numbering {NS}>"
    f'<w:abstractNum w:abstractNumId="1">{_level(0, "decimal", "%1.")}{_level(1, "lowerLetter", "%1.%2)")}'
    f'{_level(2, "lowerRoman", "(%3)")}</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="2">{_level(0, "upperRoman", "%1.", start=3)}{_level(1, "upperLetter", "%2.")}'
    f'</w:abstractNum><w:abstractNum w:abstractNumId="3">{_level(0, "bullet", chr(0xF0B7), extra=SYMBOL_BULLET)}'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>'
    "</w:numbering>")
HEADINGS = ('<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr>'
            '<w:numId w:val="4"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2">'
            '<w:name w:val="heading 2"/><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>'
            "</w:style>")
LISTS = (_item("The army reported.") + _item("Drones arrived.", 1, 0) + _item("From the north.", 1, 1)
         + _item("By night.", 1, 2) + _item("By day.", 1, 2) + _item("From the south.", 1, 1)
         + _item("Tanks followed.", 2, 0) + _item("Slowly.", 2, 1) + _item("A new list.", 3, 0)
         + _item("Its second item.", 3, 0) + _item("Findings", style="H1") + _item("Air", style="H2")
         + _item("Sea", style="H2") + _item("Outlook", style="H1") + _item("A point made.", 5, 0)
         + _item("Numbering taken off.", 0, 0) + _item("", 1, 0) + _item("After an empty item.", 1, 0))
# Variables as LibreOffice writes them to a DOCX: a SET field (its value stored as its result) and a REF
VARIABLES = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:variable-decls><text:variable-decl office:value-type="string" text:name="Country"/></text:variable-decls>
<text:p>The report names <text:variable-set text:name="Country" office:value-type="string">Norland</text:variable-set>
 as the source.</text:p>
<text:p>Later it names <text:variable-get text:name="Country">Norland</text:variable-get> again.</text:p>
</office:text></office:body></office:document>"""


# Formats of other scripts, as LibreOffice counts them too (not Thai and Hindi digits, which it shows in decimal)
SCRIPTS = ("russianLower", "russianUpper", "arabicAlpha", "arabicAbjad", "hebrew1", "ganada", "chosung", "iroha",
           "aiueo", "ideographZodiac")


def _scripts() -> bytes:
    """Sixteen items in a list of each of SCRIPTS' formats: past the end of the shorter alphabets."""
    abstracts = "".join(f'<w:abstractNum w:abstractNumId="{k}">{_level(0, fmt, "%1.")}</w:abstractNum>'
                        for k, fmt in enumerate(SCRIPTS, start=1))
    instances = "".join(f'<w:num w:numId="{k}"><w:abstractNumId w:val="{k}"/></w:num>'
                        for k in range(1, len(SCRIPTS) + 1))
    body = "".join(_item(f"{fmt} {n}", k, 0) for k, fmt in enumerate(SCRIPTS, start=1) for n in range(1, 17))
    return docx(body, parts={"numbering.xml": f"<w:numbering {NS}>{abstracts}{instances}</w:numbering>"})


def _bullets() -> bytes:
    """A list of each of Word's usual bullets: Symbol's and Wingdings' private-use characters, Courier's "o";
    and bullets at deeper levels."""
    bullets = (("Symbol", "\uf0b7"), ("Wingdings", "\uf0a7"), ("Wingdings", "\uf0d8"), ("Wingdings", "\uf0fc"),
               ("Courier New", "o"), ("Calibri", "\u2013"))
    abstracts = "".join(f'<w:abstractNum w:abstractNumId="{k}">' + "".join(_level(depth, "bullet", char, extra=(
        f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>')) for depth in range(5)) + "</w:abstractNum>"
        for k, (font, char) in enumerate(bullets, start=1))
    instances = "".join(f'<w:num w:numId="{k}"><w:abstractNumId w:val="{k}"/></w:num>'
                        for k in range(1, len(bullets) + 1))
    body = "".join(_item(f"A point in {font}.", k, 0) for k, (font, _) in enumerate(bullets, start=1)) + \
        "".join(_item(f"A point at level {depth}.", 1, depth) for depth in range(1, 5))
    return docx(body, parts={"numbering.xml": f"<w:numbering {NS}>{abstracts}{instances}</w:numbering>"})


def _restarts() -> bytes:
    """A list's instance counting 1-4, another restarting it for one item, then the first again: it counts on
    from the restart (2, 3), the count being the list's; the restarting instance once more counts on (4)."""
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="1">{_level(0, "decimal", "%1.")}'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2">'
                 '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
                 "</w:lvlOverride></w:num></w:numbering>")
    body = "".join(_item(f"Article {n}.", 1, 0) for n in range(1, 5)) + _item("Masthead.", 2, 0) + \
        _item("Body one.", 1, 0) + _item("Body two.", 1, 0) + _item("Masthead again.", 2, 0)
    return docx(body, parts={"numbering.xml": numbering})


def _shown(text_file: Path) -> tuple[str, ...]:
    """LibreOffice's text export's non-blank lines, each stripped (it indents list items), but for an empty
    list item's number alone ("3."), which briefgen counts but reads as no paragraph (nothing there to cite)."""
    lines = [line.strip() for line in text_file.read_text(encoding="utf-8-sig").splitlines()]
    return tuple(line for line in lines if line and not re.fullmatch(r"\S+[.)]", line))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test documents as DOCX files: hand-made lists, pandoc's lists, LibreOffice's variables, lists in
    other scripts' letters, bullets of every kind."""
    folder = tmp_path_factory.mktemp("lists")
    (folder / "lists.docx").write_bytes(docx(LISTS, styles=HEADINGS, parts={"numbering.xml": NUMBERING}))
    (folder / "scripts.docx").write_bytes(_scripts())
    (folder / "bullets.docx").write_bytes(_bullets())
    source = folder / "pandoc.md"
    source.write_text("1. First point.\n2. Second point.\n    a. Its first part.\n    b. Its second part.\n"
                      "3. Third point.\n\n- A bullet.\n- Another.\n\niv. Fourth.\nv. Fifth.\n", encoding="utf-8")
    subprocess.run([require("pandoc"), str(source), "-o", str(folder / "pandoc.docx")], check=True,
                   capture_output=True, timeout=120)
    trip = folder / "trip"  # pandoc's lists as LibreOffice saves them again: a restarting instance for each
    trip.mkdir()  # list's first item, the list's own for the rest
    libreoffice_convert([folder / "pandoc.docx"], trip, to="docx:MS Word 2007 XML")[0].rename(folder / "trip.docx")
    (folder / "restarts.docx").write_bytes(_restarts())
    (folder / "variables.fodt").write_text(VARIABLES, encoding="utf-8")
    libreoffice_convert([folder / "variables.fodt"], folder, to="docx:MS Word 2007 XML")
    return {name: folder / f"{name}.docx" for name in NAMES}


NAMES = ("lists", "pandoc", "variables", "scripts", "bullets", "trip", "restarts")


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_are_read_as_libreoffice_shows_them(made: dict[str, Path], name: str) -> None:
    """Each paragraph as LibreOffice's text export of the same DOCX writes it: list numbers before the text,
    counted across a list's instances, restarted, numbered through heading styles; a variable once."""
    shown = libreoffice_convert([made[name]], made[name].parent / name, to="txt:Text (encoded):UTF8")[0]
    assert extract(made[name].read_bytes()).paragraphs == _shown(shown)


def test_a_restart_restarts_the_lists_count_which_the_other_instances_count_on_from(made: dict[str, Path]) -> None:
    """The numbers the restarting instance is built to show (the count is the list's: Word's, as the standard
    has it), which read 1, 1 and 5, 6, counting each instance apart."""
    assert extract(made["restarts"].read_bytes()).paragraphs == (
        "1. Article 1.", "2. Article 2.", "3. Article 3.", "4. Article 4.", "1. Masthead.", "2. Body one.",
        "3. Body two.", "4. Masthead again.")
    assert extract(made["trip"].read_bytes()).paragraphs[:3] == ("1. First point.", "2. Second point.",
                                                                 "a. Its first part.")


def test_the_hand_made_lists_number_as_word_does(made: dict[str, Path]) -> None:
    """The numbers the hand-made lists are built to show (independently of LibreOffice)."""
    assert extract(made["lists"].read_bytes()).paragraphs == (
        "The army reported.", "1. Drones arrived.", "1.a) From the north.", "(i) By night.", "(ii) By day.",
        "1.b) From the south.", "2. Tanks followed.", "2.a) Slowly.", "1. A new list.", "2. Its second item.",
        "III. Findings", "A. Air", "B. Sea", "IV. Outlook", "\u2022 A point made.", "Numbering taken off.",
        "4. After an empty item.")


def test_a_passage_is_found_with_its_number_or_without() -> None:
    """A passage copied from Word's view with the item's number is found, and so is one without it; the
    paragraphs are numbered as before (one per item)."""
    paragraphs = extract(docx(LISTS, styles=HEADINGS, parts={"numbering.xml": NUMBERING})).paragraphs
    seed = Seed("seeds/x.docx", "seeds/x.docx", "\n".join(paragraphs))
    assert [span.first for span in find(seed, "2. Tanks followed.").spans] == [7]
    assert [span.first for span in find(seed, "Tanks followed.").spans] == [7]
    assert find(seed, "1.a) From the north").spans and not find(seed, "3. Tanks followed").spans


def test_an_equation_reads_as_its_text() -> None:
    """OMML, inline and displayed: Word shows the equation's text (m:t), which was not read at all."""
    inline = (f'<w:p {MATH}>{run("Energy is ")}<m:oMath><m:r><m:t>E=m</m:t></m:r><m:sSup><m:e><m:r><m:t>c</m:t>'
              f'</m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>{run(" in the note.")}</w:p>')
    shown = (f'<w:p {MATH}><m:oMathPara><m:oMath><m:r><m:t>x=</m:t></m:r><m:f><m:num><m:r><m:t>a</m:t></m:r>'
             '</m:num><m:den><m:r><m:t>b</m:t></m:r></m:den></m:f></m:oMath></m:oMathPara></w:p>')
    assert extract(docx(inline + shown)).paragraphs == ("Energy is E=mc2 in the note.", "x=ab")


def test_a_list_style_legal_numbers_and_restarts_number_as_word_does() -> None:
    """Word's own rules where LibreOffice departs from them: a list defined through a numbering style
    (w:numStyleLink), a level written in decimal under a roman one (w:isLgl), a level restarted only after the
    level it names (w:lvlRestart), every other level restarted after any level above it; an instance that only
    redefines a level's look counts on with the list."""
    restart = '<w:lvlRestart w:val="1"/>'
    numbering = (f"<w:numbering {NS}>"
                 f'<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Articles"/>'
                 f'{_level(0, "upperRoman", "Article %1.")}{_level(1, "decimal", "Section %1.%2", extra="<w:isLgl/>")}'
                 f'{_level(2, "lowerLetter", "(%3)", extra=restart)}</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Articles"/></w:abstractNum>'
                 f'<w:abstractNum w:abstractNumId="3">{_level(0, "decimal", "%1.")}{_level(1, "decimal", "%1.%2.")}'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="3"><w:abstractNumId '
                 f'w:val="3"/><w:lvlOverride w:ilvl="1">{_level(1, "upperLetter", "%2)")}</w:lvlOverride></w:num>'
                 '<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num></w:numbering>')
    styles = ('<w:style w:type="numbering" w:styleId="Articles"><w:name w:val="Articles"/><w:pPr><w:numPr>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = (_item("Scope", 2, 0) + _item("Purpose", 2, 1) + _item("first", 2, 2) + _item("Terms", 2, 1)
            + _item("second", 2, 2) + _item("Rules", 2, 0) + _item("third", 2, 2) + _item("Duty", 2, 1)
            + _item("Top", 3, 0) + _item("Redefined", 3, 1) + _item("Counted on", 4, 1) + _item("Next top", 4, 0))
    assert extract(docx(body, styles=styles, parts={"numbering.xml": numbering})).paragraphs == (
        "Article I. Scope", "Section 1.1 Purpose", "(a) first", "Section 1.2 Terms", "(b) second",
        "Article II. Rules", "(a) third", "Section 2.1 Duty", "1. Top", "A) Redefined", "1.2. Counted on",
        "2. Next top")


def test_an_equations_brackets_and_signs_read_as_word_draws_them(tmp_path: Path) -> None:
    """Pandoc's OMML of LaTeX: brackets (m:d), a sum's sign (m:nary), a root's sign (m:rad) are settings, not
    text, in the file; Word draws them, so they are read where they are drawn."""
    source = tmp_path / "math.md"
    source.write_text("Square $\\left(a+b\\right)^2 = \\sum_{i=1}^{n} x_i$ and $\\sqrt[3]{x}$ and $[a, b]$.\n",
                      encoding="utf-8")
    made = tmp_path / "math.docx"
    subprocess.run([require("pandoc"), str(source), "-o", str(made)], check=True, capture_output=True, timeout=120)
    assert extract(made.read_bytes()).paragraphs == ("Square (a+b)2=\u2211i=1nxi and 3\u221ax and [a,b].",)


def test_a_custom_number_format_pads_as_its_first_numbers_do() -> None:
    """Word 2010's custom formats ("001, 002, 003, ..."), numbers padded with zeros, and Chinese counting."""
    custom = '<w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/>' \
        '<w:lvlText w:val="%1"/></w:lvl>'
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="1">{custom}</w:abstractNum>'
                 f'<w:abstractNum w:abstractNumId="2">{_level(0, "chineseCounting", "%1、", start=10)}'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>')
    body = _item("Ninth.", 1, 0) + _item("Tenth.", 1, 0) + _item("第十项", 2, 0) + _item("第十一项", 2, 0)
    assert extract(docx(body, parts={"numbering.xml": numbering})).paragraphs == (
        "009 Ninth.", "010 Tenth.", "十、 第十项", "十一、 第十一项")


def test_a_heading_style_is_numbered_at_the_level_that_names_it() -> None:
    """Headings numbered through their styles, whose w:numPr names the list but no level: each is at the level
    whose w:pStyle names its style, as the standard says (LibreOffice puts them all at the first level)."""
    def named(style: str) -> str:
        return f'<w:pStyle w:val="{style}"/>'
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="1">'
                 f'{_level(0, "decimal", "%1.", extra=named("Heading1"))}'
                 f'{_level(1, "decimal", "%1.%2.", extra=named("Heading2"))}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/><w:pPr>'
                     '<w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' for n in (1, 2))
    body = (_item("Scope", style="Heading1") + _item("Sources", style="Heading2") + _item("Terms", style="Heading2")
            + _item("Findings", style="Heading1") + _item("Air", style="Heading2"))
    assert extract(docx(body, styles=styles, parts={"numbering.xml": numbering})).paragraphs == (
        "1. Scope", "1.1. Sources", "1.2. Terms", "2. Findings", "2.1. Air")


def test_a_hostile_start_value_gives_no_huge_number() -> None:
    """A list level starting at 2,147,483,647 in letters (Word would write the letter 82 million times) reads
    as a number, never a huge string; a custom format's padding is bounded too."""
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="1">'
                 f'{_level(0, "lowerLetter", "%1.", start=2147483647)}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    assert extract(docx(_item("Hostile.", 1, 0), parts={"numbering.xml": numbering})).paragraphs == (
        "2147483647. Hostile.",)


@pytest.mark.parametrize(("fmt", "numbers"), [
    ("russianLower", ("а", "б", "в")), ("arabicAbjad", ("ا", "ب", "ج")), ("hebrew1", ("א", "ב", "ג")),
    ("thaiNumbers", ("๑", "๒", "๓")), ("ganada", ("가", "나", "다")), ("iroha", ("ｲ", "ﾛ", "ﾊ")),
    ("irohaFullWidth", ("イ", "ロ", "ハ"))])
def test_a_list_in_another_scripts_numbers_counts_in_them(fmt: str, numbers: tuple[str, ...]) -> None:
    """Lists of Russian, Arabic, Hebrew, Thai, Korean and Japanese documents count in their own letters and
    digits, as Word shows them (the first three of each format, as the standard's tables give them; Word's
    plain iroha and aiueo in half-width katakana, as LibreOffice shows them too)."""
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="1">{_level(0, fmt, "%1.")}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    body = "".join(_item(f"Item {n}.", 1, 0) for n in range(3))
    assert extract(docx(body, parts={"numbering.xml": numbering})).paragraphs == tuple(
        f"{number}. Item {n}." for n, number in enumerate(numbers))


def test_a_hidden_item_is_counted_and_a_deleted_one_is_not(tmp_path: Path) -> None:
    """A hidden list item is counted though not shown, so the next reads 3. (LibreOffice's layout shows "1." and
    "3."); an item deleted as a tracked change is not there once the changes are accepted, so the next counts on
    from the one before it."""
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="1">{_level(0, "decimal", "%1.")}'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    hidden = _item("Hidden item.", 1, 0).replace("</w:numPr>", "</w:numPr><w:rPr><w:vanish/></w:rPr>").replace(
        "<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>")
    made = tmp_path / "hidden.docx"
    made.write_bytes(docx(_item("First.", 1, 0) + hidden + _item("Third.", 1, 0),
                          parts={"numbering.xml": numbering}))
    shown = pdftotext(libreoffice_pdf(made, tmp_path))
    assert "3." in shown and "2." not in shown and "Hidden" not in shown
    assert extract(made.read_bytes()).paragraphs == ("1. First.", "3. Third.")
    deleted = _item("Deleted item.", 1, 0).replace("</w:numPr>", f"</w:numPr><w:rPr><w:del {CHANGE}/></w:rPr>")
    deleted = deleted.replace("<w:r>", f"<w:del {CHANGE}><w:r>").replace("</w:r>", "</w:r></w:del>")
    assert extract(docx(_item("First.", 1, 0) + deleted + _item("Second.", 1, 0),
                        parts={"numbering.xml": numbering})).paragraphs == ("1. First.", "2. Second.")
