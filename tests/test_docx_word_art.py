"""WordArt as older Word drew it (VML: its text in a v:textpath's string attribute, not in a run) is text Word
shows: read as a paragraph after its anchor's, as a text box's is, and only once where a newer drawing holds the
same text (its VML copy, in mc:Fallback, is not read)."""

from __future__ import annotations

from briefgen.sources.formats.docxdoc import extract
from tests.test_docx_seed_reading import docx, para, run

VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _word_art(text: str) -> str:
    return f'<w:r><w:pict {VML}><v:shape type="#_x0000_t136"><v:textpath string="{text}"/></v:shape></w:pict></w:r>'


def test_vml_word_art_is_read_once() -> None:
    newer = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
             f'{para(run("Drone strikes doubled"))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>'
             f'{_word_art("Drone strikes doubled")}</mc:Fallback></mc:AlternateContent></w:r>')
    body = para(run("The headline read:"), _word_art("Ministry confirms")) + para(run("Then:"), newer)
    assert extract(docx(body)).paragraphs == ("The headline read:", "Ministry confirms", "Then:",
                                              "Drone strikes doubled")


def test_only_the_first_choice_of_alternate_content_is_read() -> None:
    """An mc:AlternateContent may offer several mc:Choice elements, of which a reader takes the first it can,
    and a Fallback: the text box they each hold is one box on the page, read once."""
    box = f"<w:txbxContent>{para(run('One box on the page.'))}</w:txbxContent>"
    alternates = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{box}</mc:Choice>'
                  f'<mc:Choice Requires="v">{box}</mc:Choice><mc:Fallback>{box}</mc:Fallback>'
                  "</mc:AlternateContent></w:r>")
    assert extract(docx(para(run("Anchor."), alternates))).paragraphs == ("Anchor.", "One box on the page.")


def test_a_drawing_hidden_in_the_selection_pane_is_not_read() -> None:
    """Word's Selection Pane hides a drawing by its properties' hidden="1" (wp:docPr; a group's shape by its
    wps:cNvPr), and VML by visibility:hidden: Word does not show them (LibreOffice still draws an inline one)."""
    drawing = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
               'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')

    def box(text: str, hidden: str = "", shape_hidden: str = "") -> str:
        return (f'<w:r><w:drawing><wp:inline {drawing}><wp:docPr id="1" name="Box"{hidden}/><wps:wsp>'
                f'<wps:cNvPr id="2" name="Shape"{shape_hidden}/><wps:txbx><w:txbxContent>{para(run(text))}'
                "</w:txbxContent></wps:txbx></wps:wsp></wp:inline></w:drawing></w:r>")
    vml = (f'<w:r><w:pict {VML}><v:shape style="position:absolute; visibility: hidden"><v:textbox>'
           f'<w:txbxContent>{para(run("A hidden VML box."))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    body = para(run("Anchor."), box("Shown box."), box("A hidden box.", ' hidden="1"'),
                box("A hidden shape.", shape_hidden=' hidden="true"'), vml)
    assert extract(docx(body)).paragraphs == ("Anchor.", "Shown box.")
