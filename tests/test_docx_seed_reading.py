"""DOCX seeds read as Word shows them (tracked changes accepted, hidden text not shown, symbols as characters),
and hostile packages refused: a document type, an inflated body part, more text than a seed may hold. Each DOCX
is built here by zipping XML."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from briefgen.sources.formats.docxdoc import MAX_PART, core_properties, extract
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.meta import Clues, document_clues
from tests.helpers import libreoffice_convert

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/>%s</Relationships>')
CORE_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>')
TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
         'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
         'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main'
         '+xml"/></Types>')
CHANGE = 'w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"'


def run(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, mark: str = "", style: str = "") -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f"<w:rPr>{mark}</w:rPr>" if mark else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def document_rels(*kinds: str) -> str:
    """The main part's relationships to parts of these `kinds` ("styles", "footnotes"…), each at kind.xml."""
    found = "".join(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/{kind}" Target="{kind}.xml"/>' for n, kind in enumerate(kinds, start=1))
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{found}</Relationships>')


def docx(body: str, styles: str | None = None, prolog: str = "", core: str | None = None,
         parts: Mapping[str, str] | None = None) -> bytes:
    """A DOCX of `body`, with these `styles`, core properties and other `parts` of word/ (by file name, each
    related to the main part by its name: "footnotes.xml")."""
    parts = dict(parts or {})
    if styles is not None:
        parts["styles.xml"] = f"<w:styles {NS}>{styles}</w:styles>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr("_rels/.rels", RELS % (CORE_REL if core is not None else ""))
        package.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
                                              f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        if parts:
            package.writestr("word/_rels/document.xml.rels", document_rels(*(n[:-4] for n in parts)))
        for name, text in parts.items():
            package.writestr(f"word/{name}", text)
        if core is not None:
            package.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def read(body: str, styles: str | None = None) -> list[str]:
    return list(extract(docx(body, styles)).paragraphs)


def test_a_move_is_read_at_its_new_place_only() -> None:
    moved = run("The army has 1,200 drones today.")
    body = (para(run("Title")) + f"<w:p><w:moveFrom {CHANGE}>{moved}</w:moveFrom></w:p>" + para(run("Middle."))
            + f"<w:p><w:moveTo {CHANGE}>{moved}</w:moveTo></w:p>")
    assert read(body) == ["Title", "Middle.", "The army has 1,200 drones today."]


def test_deleted_and_moved_away_content_in_every_form_is_left_out() -> None:
    body = (
        para(run("Kept "), f"<w:del {CHANGE}><w:r><w:delText>gone </w:delText></w:r></w:del>",
             f"<w:ins {CHANGE}>{run('inserted ')}</w:ins>", run("text."))
        # a move's old place marked as a range: the runs between its start and end are not read
        + para(run("Before "), '<w:moveFromRangeStart w:id="7" w:name="m1" w:author="a"/>', run("moved away "),
               '<w:moveFromRangeEnd w:id="7"/>', run("after."))
        # deleted and moved-away paragraph marks: the paragraph runs on into the next one
        + para(run("Joined "), mark=f"<w:del {CHANGE}/>") + para(run("with the next "), mark=f"<w:moveFrom {CHANGE}/>")
        + para(run("paragraph."))
        # a deleted table row and a deleted cell
        + "<w:tbl><w:tr><w:trPr><w:del " + CHANGE + "/></w:trPr><w:tc>" + para(run("Deleted row")) + "</w:tc></w:tr>"
        + "<w:tr><w:tc><w:tcPr><w:cellDel " + CHANGE + "/></w:tcPr>" + para(run("Deleted cell")) + "</w:tc>"
        + "<w:tc>" + para(run("Kept cell")) + "</w:tc></w:tr></w:tbl>"
        # the record of old formatting is not the run's formatting
        + para(run("Shown once hidden.", f'<w:rPrChange {CHANGE}><w:rPr><w:vanish/></w:rPr></w:rPrChange>')))
    assert read(body) == ["Kept inserted text.", "Before after.", "Joined with the next paragraph.", "Kept cell",
                          "Shown once hidden."]


def test_hidden_text_in_every_form_is_not_read() -> None:
    styles = ('<w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="SecretToo"><w:basedOn w:val="Secret"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:rPr/></w:style>')
    body = (para(run("The army has "), run("no ", "<w:vanish/>"), run("1,200 drones today."))
            + para(run("Style "), run("hidden ", '<w:rStyle w:val="SecretToo"/>'), run("words."))
            + para(run("Special "), run("vanish ", "<w:specVanish/>"), run("too."))
            + para(run("Unhidden "), run("on purpose.", '<w:rStyle w:val="Secret"/><w:vanish w:val="0"/>'))
            + para(run("A whole hidden paragraph."), style="HiddenPara")
            + para(run("Hidden mark, "), mark="<w:vanish/>") + para(run("so one line."))
            + "<w:tbl><w:tr><w:trPr><w:hidden/></w:trPr><w:tc>" + para(run("Hidden row", "<w:vanish/>"),
                                                                     mark="<w:vanish/>") + "</w:tc></w:tr></w:tbl>")
    assert read(body, styles) == ["The army has 1,200 drones today.", "Style words.", "Special too.",
                                  "Unhidden on purpose.", "Hidden mark, so one line."]


def test_document_defaults_can_hide_and_direct_formatting_show() -> None:
    styles = '<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>'
    body = para(run("Invisible. ")) + para(run("Visible.", '<w:vanish w:val="false"/>'), mark='<w:vanish w:val="0"/>')
    assert read(body, styles) == ["Visible."]


def sym(font: str, char: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def test_symbols_read_as_their_characters() -> None:
    body = (para(run("The dose is 5 "), sym("Symbol", "F06D"), run("g per day."))
            + para(sym("Symbol", "F044"), run(" rises "), sym("Symbol", "F0B3"), run(" 3 "), sym("Symbol", "F0AE"),
                   run(" up"))
            + para(run("Sign "), sym("Times New Roman", "00B5"), run(" and "), sym("Marlett", "F061"),
                   run(" and "), sym("Symbol", "F0F0"), run(" and "), sym("Symbol", "zz")))
    assert read(body) == ["The dose is 5 μg per day.", "Δ rises ≥ 3 → up", "Sign µ and \ufffd and \ufffd and \ufffd"]


def test_text_boxes_tables_and_fallback_copies_keep_their_order() -> None:
    box = ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
           + para(run("In the box.")) + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>"
           + "<w:txbxContent>" + para(run("In the box.")) + "</w:txbxContent></w:pict></mc:Fallback>"
           + "</mc:AlternateContent></w:r>")
    body = (para(run("Before the box"), box, run(", after it."))
            + "<w:tbl><w:tr><w:tc>" + para(run("A")) + "</w:tc><w:tc>" + para(run("B")) + "</w:tc></w:tr></w:tbl>"
            + para(run("Field "), "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE"
                   "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>", run("7"),
                   "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"))
    assert read(body) == ["Before the box, after it.", "In the box.", "A", "B", "Field 7"]


def test_a_document_type_is_refused() -> None:
    raw = docx(para(run("According to &org;, the army has 1,200 drones.")),
               prolog='<!DOCTYPE d [<!ENTITY org "the Ministry">]>')
    with pytest.raises(SeedError, match="declares an XML document type"):
        extract(raw)
    core = ('<?xml version="1.0"?><!DOCTYPE c [<!ENTITY t "x">]><cp:coreProperties xmlns:cp="http://schemas.'
            'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:title>&t;</dc:title></cp:coreProperties>')
    with pytest.raises(SeedError, match=r"docProps/core\.xml declares an XML document type"):
        core_properties(docx(para(run("Text.")), core=core))


def _clues(raw: bytes) -> Clues:
    """What `seeds add` takes from a DOCX: its properties, and the text it reads."""
    return document_clues("docx", raw, "\n".join(extract(raw).paragraphs))


def test_only_a_title_the_file_holds_is_a_clue() -> None:
    assert core_properties(docx(para(run("Drone report")))) == {}
    clue = _clues(docx(para(run("Drone report"))))["title"]  # no property: the first paragraph,
    assert (clue.value, clue.origin) == ("Drone report", "from the document's first paragraph: check it is the title")
    core = ('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/'
            'dc/terms/"><dc:title>Drone Activity</dc:title><dc:creator>Example Institute</dc:creator>'
            '<dcterms:created>2025-09-21T10:00:00Z</dcterms:created></cp:coreProperties>')
    clues = _clues(docx(para(run("Text.")), core=core))
    assert (clues["title"].value, clues["originator"].value, clues["published"].value) == (
        "Drone Activity", "Example Institute", "2025-09-21")


def test_an_inflated_body_part_is_refused_before_it_is_parsed() -> None:
    paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr("_rels/.rels", RELS % "")
        package.writestr("word/document.xml", f"<w:document {NS}><w:body>".encode()
                         + paragraph * (MAX_PART // len(paragraph) + 1) + b"</w:body></w:document>")
    with pytest.raises(SeedError, match=r"word/document\.xml unpacks to 40 MB, more than the 40 MB"):
        extract(buffer.getvalue())


def test_more_text_than_a_seed_may_hold_is_refused() -> None:
    line = "x" * 9999
    with pytest.raises(SeedError, match="more than 5 MB of text"):
        read(para(run(line)) * 530)


def test_damaged_xml_is_refused() -> None:
    with pytest.raises(SeedError, match="not well-formed XML"):
        extract(docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"))


def test_footnotes_and_endnotes_are_read_after_the_body() -> None:
    """A reader sees a memo's footnotes at the foot of its pages and endnotes at its end: their paragraphs follow
    the body's (whose numbering they leave as it was), the separators and hidden or deleted note text left out."""
    footnotes = (f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                 f'</w:footnote><w:footnote w:id="1">'
                 + para('<w:r><w:footnoteRef/></w:r>', run(" The border is 40 km north."),
                        run(" Hidden 7.", "<w:vanish/>"), f"<w:del {CHANGE}>{run(' Deleted 8.')}</w:del>")
                 + "</w:footnote></w:footnotes>")
    endnote = para(run("An endnote names the source."))
    endnotes = f'<w:endnotes {NS}><w:endnote w:id="1">{endnote}</w:endnote></w:endnotes>'
    body = para(run("The army moved its drones to the border"), '<w:r><w:footnoteReference w:id="1"/></w:r>',
                run(" in spring."), '<w:r><w:endnoteReference w:id="1"/></w:r>')
    parts = {"footnotes.xml": footnotes, "endnotes.xml": endnotes}
    assert list(extract(docx(body, parts=parts)).paragraphs) == [  # the reference reads as its number, as Word
        # shows it
        "The army moved its drones to the border1 in spring.", "The border is 40 km north.",
        "An endnote names the source."]


def test_text_set_in_the_symbol_font_reads_as_the_characters_drawn() -> None:
    """Older documents typed Greek letters, ° and ± in the Symbol font: "a" in a Symbol run is the α Word and
    LibreOffice draw (Adobe's Symbol encoding: 0x61 α, 0x62 β, 0x70 π, 0xB0 °, 0xB1 ±), in its byte or its
    private-use form (U+F062); it read "a" and U+F062."""
    symbol = '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>'
    body = para(run("Angle "), run("a", symbol), run(" is 30"), run("\u00b0", symbol), run(" and "),
                run("\uf062", symbol), run(" within "), run("\u00b1", symbol), run("2 of "), run("p", symbol))
    assert read(body) == ["Angle \u03b1 is 30\u00b0 and \u03b2 within \u00b12 of \u03c0"]


def test_text_in_a_symbol_font_its_style_sets_reads_as_the_characters_drawn() -> None:
    """The symbol font may come from the run's character style (a "Tick" style in Wingdings, as forms set their
    check boxes) or its paragraph's style (a "Greek" style in Symbol): Word draws those fonts' pictures all the
    same; they read as the letters typed. A font of the run's own takes the style's place."""
    styles = ('<w:style w:type="character" w:styleId="Tick"><w:name w:val="Tick"/><w:rPr><w:rFonts '
              'w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:style><w:style w:type="paragraph" '
              'w:styleId="Greek"><w:name w:val="Greek"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>'
              '</w:rPr></w:style><w:style w:type="paragraph" w:styleId="MoreGreek"><w:name w:val="More Greek"/>'
              '<w:basedOn w:val="Greek"/></w:style>')
    body = (para(run("Done "), run("\u00fc", '<w:rStyle w:val="Tick"/>'), run(" and checked.")) +
            para(run("abg"), run(" p", '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'), style="Greek") +
            para(run("W"), style="MoreGreek"))
    assert read(body, styles) == ["Done \u2713 and checked.", "\u03b1\u03b2\u03b3 p", "\u03a9"]


def test_an_empty_content_controls_placeholder_is_read_as_word_shows_it() -> None:
    """Word shows an empty content control's placeholder text (w:showingPlcHdr) where its content would be,
    as LibreOffice does; a filled one shows its content, and the placeholder kept in the glossary is not read."""
    placeholder = ('<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="P1"/></w:placeholder><w:showingPlcHdr/>'
                   f'</w:sdtPr><w:sdtContent>{run("Enter the date.")}</w:sdtContent></w:sdt>')
    filled = ('<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="P2"/></w:placeholder></w:sdtPr><w:sdtContent>'
              f'{run("4 March 2025")}</w:sdtContent></w:sdt>')
    assert read(para(run("Issued: "), placeholder) + para(run("Received: "), filled)) == [
        "Issued: Enter the date.", "Received: 4 March 2025"]


# Pictures of the dingbat fonts' charts, by code, and the words of the name of the Unicode character that is the
# same picture: Word draws the font's glyph, which reads as that character (docxdingbats.py)
DINGBATS = (("Wingdings", 0xFC, "CHECK MARK"), ("Wingdings", 0xFB, "BALLOT X"),
            ("Wingdings", 0xFD, "BALLOT BOX WITH X"),
            ("Wingdings", 0xFE, "BALLOT BOX WITH CHECK"), ("Wingdings", 0xD8, "ARROWHEAD"),
            ("Wingdings", 0x81, "CIRCLED DIGIT ONE"), ("Wingdings", 0x8C, "DINGBAT NEGATIVE CIRCLED DIGIT ONE"),
            ("Wingdings", 0x4A, "SMILING FACE"), ("Wingdings", 0x76, "DIAMOND MINUS WHITE X"),
            ("Wingdings", 0xA7, "BLACK SMALL SQUARE"), ("Wingdings", 0x6F, "WHITE SQUARE"),
            ("Wingdings", 0x5E, "ARIES"), ("Wingdings", 0xF0, "RIGHTWARDS WHITE ARROW"),
            ("Wingdings 2", 0x50, "CHECK MARK"), ("Wingdings 2", 0x54, "BALLOT BOX WITH X"),
            ("Wingdings 2", 0xA3, "BALLOT BOX"), ("Webdings", 0x61, "CHECK MARK"),
            ("Zapf Dingbats", 0x33, "CHECK MARK"), ("Zapf Dingbats", 0x34, "HEAVY CHECK MARK"),
            ("Zapf Dingbats", 0x48, "BLACK STAR"), ("Zapf Dingbats", 0x6E, "BLACK SQUARE"),
            ("Zapf Dingbats", 0xAC, "CIRCLED DIGIT ONE"), ("Zapf Dingbats", 0xD5, "RIGHTWARDS ARROW"),
            ("Zapf Dingbats", 0xA8, "BLACK CLUB SUIT"))


def test_dingbat_fonts_read_as_the_pictures_word_draws() -> None:
    """A w:sym in Wingdings, Wingdings 2, Webdings or Zapf Dingbats, and text typed in one of those fonts, reads
    as the character of the picture Word draws (✓ for Wingdings' "ü"), where it read U+FFFD, or the typed
    letter; a code no character is known for reads U+FFFD, as before."""
    import unicodedata

    body = "".join(para(run("Done "), sym(font, f"F0{code:02X}"), run(" then "),
                        run(chr(code), f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'), run(" end."))
                   for font, code, _ in DINGBATS)
    read_back = read(body + para(run("Unknown "), sym("Wingdings", "F0FF"), run(" code.")))
    assert read_back[-1] == "Unknown \ufffd code."
    for (font, code, name), text in zip(DINGBATS, read_back, strict=False):
        shown = text.split()[1]
        assert text == f"Done {shown} then {shown} end.", (font, code)
        assert name in unicodedata.name(shown, ""), (font, code, shown)


def test_white_space_at_a_texts_ends_shows_only_where_it_is_kept(tmp_path: Path) -> None:
    """A w:t without xml:space="preserve" (as generators that build runs by hand write it) shows without the
    spaces at its ends, as LibreOffice's text export and Word show it: its runs' words glued together; a tab or
    line end inside it is a space."""
    body = ('<w:p><w:r><w:t>The army </w:t></w:r><w:r><w:t>has  two</w:t></w:r><w:r><w:t> drones.</w:t></w:r></w:p>'
            '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:r><w:t>here\n\tand</w:t></w:r></w:p>'
            '<w:p xml:space="preserve"><w:r><w:t>Kept by </w:t></w:r><w:r><w:t>its paragraph.</w:t></w:r></w:p>')
    made = tmp_path / "spaces.docx"
    made.write_bytes(docx(body))
    shown = libreoffice_convert([made], tmp_path, to="txt:Text (encoded):UTF8")[0].read_text(encoding="utf-8-sig")
    assert [" ".join(line.split()) for line in shown.splitlines()] == read(body) == [
        "The armyhas twodrones.", "Kept here and", "Kept by its paragraph."]


WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
W16DU = "http://schemas.microsoft.com/office/word/2023/wordml/word16du"


def _offers(choices: str, fallback: str | None) -> str:
    ending = "" if fallback is None else f"<mc:Fallback>{run(fallback)}</mc:Fallback>"
    return f"<mc:AlternateContent>{choices}{ending}</mc:AlternateContent>"


def test_the_offer_word_takes_of_alternate_content_is_read(tmp_path: Path) -> None:
    """Of an mc:AlternateContent, Word and LibreOffice read the first mc:Choice that requires namespaces they
    understand, else the mc:Fallback: a fallback alone, or after a choice requiring another producer's namespace,
    is read (it was left out, or the foreign choice read); a choice of Word's own is read, not its fallback."""
    foreign = f'<mc:Choice xmlns:ext="urn:example:future" Requires="ext">{run("foreign choice")}</mc:Choice>'
    words = f'<mc:Choice xmlns:wps="{WPS}" Requires="wps">{run("Word choice")}</mc:Choice>'
    body = (para(run("A "), _offers("", "fallback alone"), run(" B"))
            + para(run("C "), _offers(foreign, "its fallback"), run(" D"))
            + para(run("E "), _offers(foreign + words, "old copy"), run(" F")))
    made = tmp_path / "offers.docx"
    made.write_bytes(docx(body))
    shown = [line for line in libreoffice_convert([made], tmp_path, to="txt:Text (encoded):UTF8")[0]
             .read_text(encoding="utf-8-sig").splitlines() if line]
    assert read(body) == shown == ["A fallback alone B", "C its fallback D", "E Word choice F"]


def test_a_choice_of_a_later_word_version_is_read() -> None:
    """A choice requiring a namespace of a Word version later than LibreOffice knows (w16du) is read, run wrapped
    in that namespace's element and all: the Word that wrote it shows it (LibreOffice shows the fallback)."""
    later = (f'<mc:Choice xmlns:w16du="{W16DU}" Requires="w16du"><w16du:wrap>{run("later choice")}</w16du:wrap>'
             "</mc:Choice>")
    assert read(para(run("G "), _offers(later, "old copy"), run(" H"))) == ["G later choice H"]
