"""A DOCX seed read as Word shows it, for what real documents hold: fields nested in another field's code (Word's
mail merge and formulas: `{ IF { MERGEFIELD Title } = "Dr" … }`, `{ = { PAGE } + 1 }`) show only the outer
field's result, and a footnote or endnote shows only where the body shows its reference (one whose reference is a
tracked deletion or hidden text is not on any page), and a line break between two Chinese or Japanese
characters is nothing, as in the lines a reader sees."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from briefgen.sources.formats.docxdoc import extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed
from tests.helpers import libreoffice_convert, libreoffice_pdf
from tests.test_docx_seed_reading import CHANGE, NS, docx, para, run
from tests.tools import require


def _field(code: str, result: str) -> str:
    """A complex field as Word writes it: begin, code, separate, result, end (code and result are runs)."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{code}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{result}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _code(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def _seed(paragraphs: tuple[str, ...]) -> Seed:
    return Seed("seeds/x.docx", "seeds/x.docx", "\n".join(paragraphs))


def test_a_field_nested_in_another_fields_code_is_not_read() -> None:
    """Word keeps the inner field's last result inside the outer field's code: "Dr" and "3" are not on the page."""
    merge = _field(_code(" IF ") + _field(_code(" MERGEFIELD Title "), run("Dr")) + _code(' = "Dr" "Doctor" "Friend" '),
                   run("Doctor"))
    formula = _field(_code(" = ") + _field(_code(" PAGE "), run("3")) + _code(" + 1 "), run("4"))
    # an index entry ({ XE }) has a code and no result: nothing of it is read, the text after it is
    entry = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + _code(' XE "drones" ') + \
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    paragraphs = extract(docx(para(run("Dear "), merge, run(", welcome."))
                              + para(run("The annex runs to "), formula, run(" pages."), entry, run(" Drones flew.")))
                         ).paragraphs
    assert paragraphs == ("Dear Doctor, welcome.", "The annex runs to 4 pages. Drones flew.")
    seed = _seed(paragraphs)
    assert find(seed, "runs to 4 pages").spans and not find(seed, "runs to 34 pages").spans


@pytest.fixture(scope="module")
def pandoc_notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pandoc's DOCX of three sentences with a footnote each; the second's reference then deleted as a tracked
    change and the third's hidden, as Word writes them."""
    folder = tmp_path_factory.mktemp("notes")
    source = folder / "notes.md"
    source.write_text("The army moved north.[^1] The navy stayed.[^2] The air force waited.[^3]\n\n"
                      "[^1]: The first note is on the page.\n[^2]: A note whose reference was deleted.\n"
                      "[^3]: A note whose reference is hidden.\n", encoding="utf-8")
    made = folder / "made.docx"
    subprocess.run([require("pandoc"), str(source), "-o", str(made)], check=True, capture_output=True, timeout=120)
    edited = folder / "notes.docx"
    with zipfile.ZipFile(made) as package, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as out:
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename == "word/document.xml":
                data = _edit_references(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    return edited


def _edit_references(xml: str) -> str:
    """The second footnote reference's run wrapped in a tracked deletion; the third's run hidden."""
    runs = xml.split('<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteReference')
    assert len(runs) == 4, "pandoc wrote its footnote references otherwise"
    second, rest = runs[2].split("</w:r>", 1)
    return (runs[0] + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteReference' + runs[1]
            + f'<w:del {CHANGE}><w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteReference'
            + second + "</w:r></w:del>" + rest
            + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /><w:vanish /></w:rPr><w:footnoteReference' + runs[3])


def test_a_note_is_read_only_where_its_reference_is_shown(pandoc_notes: Path, tmp_path: Path) -> None:
    """As a reader sees the document: LibreOffice's layout has the first note and not the hidden one's."""
    shown = subprocess.run([require("pdftotext"), str(libreoffice_pdf(pandoc_notes, tmp_path)), "-"], check=True,
                           capture_output=True, text=True).stdout
    assert "The first note is on the page." in shown and "whose reference is hidden" not in shown
    paragraphs = extract(pandoc_notes.read_bytes()).paragraphs
    assert paragraphs == ("The army moved north.1 The navy stayed. The air force waited.",
                          "The first note is on the page.")
    seed = _seed(paragraphs)
    assert find(seed, "The first note is on the page").spans
    assert not find(seed, "whose reference was deleted").spans and not find(seed, "whose reference is hidden").spans


def test_a_note_no_reference_cites_is_not_read() -> None:
    """A footnote left in footnotes.xml after its reference was cut is on no page."""
    notes = (f'<w:footnotes {NS}><w:footnote w:id="1">{para(run("A note still cited."))}</w:footnote>'
             f'<w:footnote w:id="2">{para(run("A note left behind."))}</w:footnote></w:footnotes>')
    body = para(run("Cited here"), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(" today."))
    assert extract(_with_notes(body, notes)).paragraphs == ("Cited here1 today.", "A note still cited.")


def _with_notes(body: str, footnotes: str) -> bytes:
    """A DOCX of `body` whose footnotes part is `footnotes`."""
    return docx(body, parts={"footnotes.xml": footnotes})


def test_a_line_break_between_chinese_or_japanese_characters_is_nothing(tmp_path: Path) -> None:
    """Pandoc's DOCX of Markdown's hard line breaks (Word's Shift+Enter, w:br): between two Chinese or Japanese
    characters the text reads on, as a reader of the two lines types it (and as an HTML page's break reads);
    between words of other scripts the break is a space."""
    source = tmp_path / "breaks.md"
    source.write_text("国防部表示，无人\\\n机数量已经达到四百架。\n\n防衛省は、無人機の\\\n数が増えたと発表した。\n\n"
                      "The first line\\\nand the second.\n", encoding="utf-8")
    made = tmp_path / "breaks.docx"
    subprocess.run([require("pandoc"), str(source), "-o", str(made)], check=True, capture_output=True, timeout=120)
    paragraphs = extract(made.read_bytes()).paragraphs
    assert paragraphs == ("国防部表示，无人机数量已经达到四百架。", "防衛省は、無人機の数が増えたと発表した。",
                          "The first line and the second.")
    assert find(_seed(paragraphs), "无人机数量已经达到四百架").spans


def test_a_field_that_shows_nothing_is_not_read_whatever_result_it_stores() -> None:
    """Word shows nothing for SET (LibreOffice stores the variable's value as its result, then a REF shows it)
    nor for an index entry, as a complex field or a simple one (w:fldSimple)."""
    set_field = _field(_code(' SET Country "Norland" '), run("Norland"))
    ref_field = _field(_code(" REF Country "), run("Norland"))
    simple = '<w:fldSimple w:instr=" SET Org &quot;MoD&quot; "><w:r><w:t>MoD</w:t></w:r></w:fldSimple>'
    shown = '<w:fldSimple w:instr=" REF Org "><w:r><w:t>MoD</w:t></w:r></w:fldSimple>'
    paragraphs = extract(docx(para(run("Named "), set_field, ref_field, run(" here."))
                              + para(run("Named "), simple, shown, run(" there.")))).paragraphs
    assert paragraphs == ("Named Norland here.", "Named MoD there.")


def test_a_drop_down_form_field_reads_as_its_chosen_entry() -> None:
    """A legacy drop-down form field (FORMDROPDOWN) stores no result: Word shows the entry w:result chooses
    (the first when none is), which was not read at all."""
    def drop_down(chosen: str) -> str:
        entries = "".join(f'<w:listEntry w:val="{name}"/>' for name in ("Low", "Moderate", "High"))
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Level"/><w:enabled/><w:ddList>'
                f'{chosen}{entries}</w:ddList></w:ffData></w:fldChar></w:r>{_code(" FORMDROPDOWN ")}'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    paragraphs = extract(docx(para(run("Confidence: "), drop_down('<w:result w:val="2"/>'), run(".")) +
                              para(run("Likelihood: "), drop_down(""), run(".")))).paragraphs
    assert paragraphs == ("Confidence: High.", "Likelihood: Low.")


def test_an_endnote_reference_reads_as_its_mark_in_the_settings_format() -> None:
    """Endnote references read as Word shows them, as footnote references do: in decimal where the settings
    number endnotes so ("said3", as Word copies it), as nothing in Word's default lower-case roman numerals."""
    settings = (f'<w:settings {NS}><w:endnotePr><w:numFmt w:val="decimal"/><w:numStart w:val="3"/></w:endnotePr>'
                "</w:settings>")
    notes = f'<w:endnotes {NS}><w:endnote w:id="1">{para(run("The endnote."))}</w:endnote></w:endnotes>'
    body = para(run("The minister said"), '<w:r><w:endnoteReference w:id="1"/></w:r>', run(" so."))
    numbered = docx(body, parts={"settings.xml": settings, "endnotes.xml": notes})
    assert extract(numbered).paragraphs == ("The minister said3 so.", "The endnote.")
    assert extract(docx(body, parts={"endnotes.xml": notes})).paragraphs == ("The minister said so.",
                                                                              "The endnote.")


def test_a_symbol_field_with_no_result_shows_its_character(tmp_path: Path) -> None:
    """A SYMBOL field, as Word 97-2003 wrote bullets and signs (converted documents keep them, with no result
    stored), shows its character: the code LibreOffice shows for it, in the font the field names (the Symbol
    font's code 183 is its bullet, Wingdings' 252 its check mark), or the Unicode or ANSI character; it read as
    nothing. A field storing a result still reads as its result."""
    from briefgen.sources.formats.docxsym import font_text

    codes = (('SYMBOL 183 \\f "Symbol" \\s 10', "Symbol"), ("SYMBOL 176 \\f Symbol", "Symbol"),
             ('SYMBOL 252 \\f "Wingdings"', "Wingdings"), ("SYMBOL 0x2022 \\u", ""), ("SYMBOL 233", ""))
    begin, end = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    body = "".join(para(run(f"{n} "), begin, _code(code), end, run(" sign")) for n, (code, _) in enumerate(codes))
    body += para(run("Simple "), '<w:fldSimple w:instr=" SYMBOL 176 \\f Symbol "/>', run(" sign"))
    body += para(run("Stored "), _field(_code("SYMBOL 183 \\f Symbol"), run("x")), run(" sign"))
    made = tmp_path / "symbols.docx"
    made.write_bytes(docx(body))
    shown = [line for line in libreoffice_convert([made], tmp_path, to="txt:Text (encoded):UTF8")[0]
             .read_text(encoding="utf-8-sig").splitlines() if line]
    signs = [line.split(" ") for line in shown[:len(codes)]]
    assert [(sign[0], sign[2]) for sign in signs] == [(str(n), "sign") for n in range(len(codes))]
    fonts = [font for _, font in codes]
    expected = [f"{n} {font_text(font, sign[1])} sign" for n, (sign, font) in enumerate(zip(signs, fonts, strict=True))]
    assert expected[:3] == ["0 \u2022 sign", "1 \u00b0 sign", "2 \u2713 sign"]
    assert extract(made.read_bytes()).paragraphs == (*expected, "Simple \u00b0 sign", "Stored x sign")


def _sections_document(*sections: tuple[str, str]) -> bytes:
    """Two claims citing a footnote each in every section; each section's own footnote settings (the XML
    inside its w:footnotePr) and, as Word writes it, none in the settings part."""
    reference = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'
    body, notes = "", ""
    for n, (properties, claim) in enumerate(sections):
        section = f'<w:sectPr><w:footnotePr>{properties}</w:footnotePr></w:sectPr>'
        for k in (1, 2):
            ident = 2 * n + k
            notes += f'<w:footnote w:id="{ident}"><w:p><w:r><w:t>Note {ident}.</w:t></w:r></w:p></w:footnote>'
            last = k == 2 and n < len(sections) - 1
            body += (f"<w:p>{f'<w:pPr>{section}</w:pPr>' if last else ''}{run(f'{claim} {k}')}"
                     f"{reference.format(ident)}{run(' here.')}</w:p>")
    body += f'<w:sectPr><w:footnotePr>{sections[-1][0]}</w:footnotePr></w:sectPr>'
    return _with_notes(body, f"<w:footnotes {NS}>{notes}</w:footnotes>")


def test_a_sections_own_footnote_numbering_numbers_its_references(tmp_path: Path) -> None:
    """A section's w:footnotePr (its format, its first number, a count restarted in each section) numbers the
    references in it, where they read in decimal from 1 whatever the sections said: in a document of one
    section, as LibreOffice's text export shows them; in one of two, as the sections say (Word numbers each
    section by its own settings; LibreOffice's footnote settings are the whole document's, the last section's
    format and the first's start)."""
    made = tmp_path / "section.docx"
    made.write_bytes(_sections_document(('<w:numFmt w:val="chicago"/><w:numStart w:val="3"/>', "Only")))
    shown = libreoffice_convert([made], tmp_path, to="txt:Text (encoded):UTF8")[0].read_text(encoding="utf-8-sig")
    lines = [line for line in shown.splitlines() if line.strip()]
    assert lines == ["Only 1‡ here.", "Only 2§ here."]
    assert extract(made.read_bytes()).paragraphs[:2] == tuple(lines)
    two = _sections_document(('<w:numStart w:val="5"/>', "First"),
                             ('<w:numFmt w:val="chicago"/><w:numRestart w:val="eachSect"/>', "Second"))
    assert extract(two).paragraphs[:4] == ("First 15 here.", "First 26 here.", "Second 1* here.",
                                           "Second 2† here.")


def test_a_buttons_display_text_is_read_as_word_shows_it(tmp_path: Path) -> None:
    """A MACROBUTTON, as Word's templates write their "[Click here and type …]" placeholders, stores no result:
    Word and LibreOffice show the rest of its code after the macro's name, as typed, which reads in its place (its
    code split over runs too, or a w:fldSimple); it read as nothing. A GOTOBUTTON shows its display text the same
    way in Word (LibreOffice shows none)."""
    begin, end = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    body = (para(run("Name: "), begin, _code(" MACROBUTTON NoMacro [Click here and type name] "), end, run(" end."))
            + para(run("Title: "), begin, _code(" MACROBUTTON  NoMacro "), _code("[Type the title]"), end,
                   run(" end."))
            + para(run("Date: "), '<w:fldSimple w:instr=" MACROBUTTON DoFieldClick &quot;[Date]&quot; "/>',
                   run(" end.")))
    made = tmp_path / "buttons.docx"
    made.write_bytes(docx(body))
    shown = [" ".join(line.split()) for line in libreoffice_convert([made], tmp_path, to="txt:Text (encoded):UTF8")[0]
             .read_text(encoding="utf-8-sig").splitlines() if line]
    assert list(extract(made.read_bytes()).paragraphs) == shown == [
        "Name: [Click here and type name] end.", "Title: [Type the title] end.", 'Date: "[Date]" end.']
    jump = docx(para(run("See "), begin, _code(" GOTOBUTTON Intro the introduction "), end, run(".")))
    assert extract(jump).paragraphs == ("See the introduction.",)
