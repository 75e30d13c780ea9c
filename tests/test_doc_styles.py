"""Word 97-2003 documents whose styles say what their paragraphs and runs do not: numbered through their paragraph
styles, as Word writes them (a heading style's outline list and a list style name the list, sprmPIlfo and
sprmPIlvl, in the style sheet only, where LibreOffice also writes it on each paragraph: made here as LibreOffice's
.doc of a DOCX whose styles number, with the lists the paragraphs name themselves taken out, checked against
LibreOffice's text export of that very file); and text hidden by its character or paragraph style (sprmCFVanish
in the style sheet only, as LibreOffice and Word write it), checked against LibreOffice's PDF of the .doc."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats.cfb import Compound
from briefgen.sources.formats.docdoc import damaged
from tests.helpers import libreoffice_convert, libreoffice_pdf, pdftotext
from tests.test_doc_epub_seeds import exported_lines, paragraphs
from tests.test_docx_seed_reading import NS, docx, para, run

STYLES = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Item"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:numId w:val="2"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="SubItem"><w:name w:val="Sub Item"/><w:basedOn w:val="Item"/>'
          '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>')


def _level(level: int, fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            "</w:lvl>")


NUMBERING = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0">{_level(0, "decimal", "%1.")}</w:abstractNum>'
             f'<w:abstractNum w:abstractNumId="1">{_level(0, "lowerLetter", "(%1)")}'
             f'{_level(1, "lowerRoman", "%2)")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
             '</w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
# A paragraph's own list and level, as stored (little-endian), each renamed to a property of no effect on the
# text with an operand of its size: sprmPDxaFromText (a frame's distance from the text), sprmPFKeep
UNSEEN = {b"\x0b\x46": b"\x2f\x84", b"\x0a\x26": b"\x05\x24"}


def _styles_only(doc: Path, numbered: int) -> None:
    """The .doc with the list and level each paragraph names in its own properties renamed to properties of no
    effect, so that only its style names them, as in Word's files (the WordDocument stream, stored in one piece
    in so small a file, holds the paragraphs' properties; the style sheet is in the table stream)."""
    raw = bytearray(doc.read_bytes())
    compound = Compound(bytes(raw), damaged)
    entry = compound.find("WordDocument")
    assert entry is not None
    word = compound.stream(entry)
    at = bytes(raw).find(word)
    assert at > 0 and all(word.count(sprm) == numbered for sprm in UNSEEN)
    for sprm, unseen in UNSEEN.items():
        word = word.replace(sprm, unseen)
    raw[at:at + len(word)] = word
    doc.write_bytes(bytes(raw))


def test_paragraphs_numbered_by_their_style_read_with_their_numbers(tmp_path: Path) -> None:
    body = (para(run("Introduction"), style="Heading1") + para(run("Plain text."))
            + para(run("First item"), style="Item") + para(run("A detail"), style="SubItem")
            + para(run("Second item"), style="Item")
            + para(run("Findings"), style="Heading1"))
    source = tmp_path / "styled.docx"
    source.write_bytes(docx(body, styles=STYLES, parts={"numbering.xml": NUMBERING}))
    doc = libreoffice_convert([source], tmp_path / "doc", to="doc")[0]
    _styles_only(doc, numbered=5)
    shown = exported_lines([doc], tmp_path / "text")[doc.name]
    # LibreOffice's .doc gives "Sub Item" its base style's list and no level of its own: the level of "Item"
    assert shown == ["1. Introduction", "Plain text.", "(a) First item", "(b) A detail", "(c) Second item",
                     "2. Findings"]
    assert paragraphs(doc) == shown


HIDING = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr>'
          '</w:style><w:style w:type="character" w:styleId="SecretToo"><w:name w:val="Secret Too"/>'
          '<w:basedOn w:val="Secret"/><w:rPr><w:b/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="Hidden Para"/>'
          '<w:basedOn w:val="Normal"/><w:rPr><w:vanish/></w:rPr></w:style>')


def test_text_its_style_hides_is_not_read(tmp_path: Path) -> None:
    body = (para(run("The army has "), run("no ", '<w:rStyle w:val="Secret"/>'), run("1,200 "),
                 run("hidden ", '<w:rStyle w:val="SecretToo"/>'), run("drones."))
            + para(run("A whole hidden paragraph."), style="HiddenPara")
            + para(run("Secret heading "), run("shown on purpose", '<w:vanish w:val="0"/>'), style="HiddenPara")
            + para(run("The last paragraph.")))
    source = tmp_path / "hiding.docx"
    source.write_bytes(docx(body, styles=HIDING))
    doc = libreoffice_convert([source], tmp_path / "doc", to="doc")[0]
    printed = " ".join(pdftotext(libreoffice_pdf(doc, tmp_path / "pdf")).split())
    assert printed == "The army has 1,200 drones. shown on purpose The last paragraph."
    # the hidden paragraph's mark is hidden too: it runs on into the next, as the DOCX reader reads it
    assert paragraphs(doc) == ["The army has 1,200 drones.", "shown on purposeThe last paragraph."]
