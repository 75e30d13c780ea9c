"""A Word document's text coloured as the ground behind it (white on the white page, black on black shading)
is not seed text, as the HTML and PDF readers leave it out of theirs; white text on a dark shaded paragraph,
cell, highlight, page colour or text box is read. The documents are python-docx's, their colours set as Word
sets them; LibreOffice's PDF of the same document is read alike."""

from __future__ import annotations

import io
from pathlib import Path

from docx.oxml import parse_xml

from briefgen.sources.formats import FORMATS, extract
from tests.helpers import append_entry, libreoffice_pdf, model, run, save_model

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SHOWN = ["Plain text the reader sees on the page.", "White words on a navy banner paragraph are seen.",
         "White words in a banner style are seen.", "White words in a dark cell are seen.",
         "White words on a yellow highlight are seen.", "Black text on an unshaded paragraph is seen."]
HIDDEN = ["Hidden white keywords no reader sees.", "Black words on a black paragraph are hidden.",
          "A white character style hides these words."]


def _document() -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import RGBColor

    document = docx.Document()
    banner = document.styles.add_style("Banner", WD_STYLE_TYPE.PARAGRAPH)
    banner.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    banner.element.get_or_add_pPr().append(parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="1F3864"/>'))
    ghost = document.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER)
    ghost.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    document.add_paragraph(SHOWN[0])
    document.add_paragraph().add_run(HIDDEN[0]).font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    navy = document.add_paragraph()
    navy.add_run(SHOWN[1]).font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    navy._p.get_or_add_pPr().append(parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="002060"/>'))
    document.add_paragraph(SHOWN[2], style="Banner")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run(SHOWN[3]).font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="333333"/>'))
    marked = document.add_paragraph().add_run(SHOWN[4])
    marked.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    marked._r.get_or_add_rPr().append(parse_xml(f'<w:highlight {NS} w:val="darkBlue"/>'))
    black = document.add_paragraph()
    black.add_run(HIDDEN[1]).font.color.rgb = RGBColor(0, 0, 0)
    black._p.get_or_add_pPr().append(parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="000000"/>'))
    document.add_paragraph().add_run(HIDDEN[2], style="Ghost")
    document.add_paragraph().add_run(SHOWN[5]).font.color.rgb = RGBColor(0, 0, 0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_text_coloured_as_its_ground_is_not_read() -> None:
    assert extract(FORMATS[".docx"], _document()).paragraphs == tuple(SHOWN)


def test_libreoffice_pdf_of_it_shows_the_same(tmp_path: Path) -> None:
    (tmp_path / "colours.docx").write_bytes(_document())
    pdf = libreoffice_pdf(tmp_path / "colours.docx", tmp_path)
    found = " ".join(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    assert all(text in found for text in SHOWN)
    assert not any(text in found for text in HIDDEN[:1])


def test_a_dark_page_colour_and_a_text_box_show_white_text() -> None:
    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    document.element.insert(0, parse_xml(f'<w:background {NS} w:color="202020"/>'))  # Design > Page Color, which
    document.settings.element.insert(0, parse_xml(f"<w:displayBackgroundShape {NS}/>"))  # sets this to show it
    document.add_paragraph().add_run("White words on a dark page are seen.").font.color.rgb = RGBColor(255, 255, 255)
    box = document.add_paragraph()._p
    box.append(parse_xml(  # a text box whose fill (the shape's) is not read: its ground is not known
        f'<w:r {NS}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" fillcolor="navy"><v:textbox>'
        '<w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>White words in a filled text box '
        'are seen.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract(FORMATS[".docx"], buffer.getvalue()).paragraphs == (
        "White words on a dark page are seen.", "White words in a filled text box are seen.")


STYLE_GROUNDS = ["White words in a character style shading them navy are seen.",
                 "White words in a character style highlighting them dark blue are not.",
                 "White words in a paragraph style shading its runs black are seen."]


def _style_grounds() -> bytes:
    """White text whose dark ground is its style's run shading (w:rPr's w:shd in the style), not the paragraph's:
    Word draws it behind the text as it draws a run's own; and white text in a style with a highlight, which
    Word offers in no style and LibreOffice does not draw from one: white on the white page."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import RGBColor

    document = docx.Document()
    grounds = [('<w:shd {} w:val="clear" w:color="auto" w:fill="002060"/>', WD_STYLE_TYPE.CHARACTER),
               ('<w:highlight {} w:val="darkBlue"/>', WD_STYLE_TYPE.CHARACTER),
               ('<w:shd {} w:val="clear" w:color="auto" w:fill="000000"/>', WD_STYLE_TYPE.PARAGRAPH)]
    for n, (ground, kind) in enumerate(grounds):
        style = document.styles.add_style(f"Ground{n}", kind)
        style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        style.element.get_or_add_rPr().append(parse_xml(ground.format(NS)))
        if kind == WD_STYLE_TYPE.CHARACTER:
            document.add_paragraph().add_run(STYLE_GROUNDS[n], style=style.name)
        else:
            document.add_paragraph(STYLE_GROUNDS[n], style=style.name)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_white_text_on_its_styles_run_shading_is_read(tmp_path: Path) -> None:
    """It was taken for white on the white page and left out; LibreOffice's PDF of it shows it, as the PDF
    reader (which leaves out text coloured as its ground) finds."""
    raw = _style_grounds()
    shown = (STYLE_GROUNDS[0], STYLE_GROUNDS[2])
    assert extract(FORMATS[".docx"], raw).paragraphs == shown
    (tmp_path / "grounds.docx").write_bytes(raw)
    pdf = libreoffice_pdf(tmp_path / "grounds.docx", tmp_path)
    assert extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs == shown


def test_a_passage_on_its_styles_shading_ties_through_check(workspace: Path) -> None:
    """Through the CLI: the seed added to the catalogue, a judgment's passage copied as Word shows the white words
    on their style's navy shading passes `check`; it was reported as not in the seed."""
    (workspace / "seeds/grounds.docx").write_bytes(_style_grounds())
    append_entry(workspace, "style-grounds", "grounds.docx", "Example Institute")
    data = model(workspace)
    data["judgments"][0]["evidence"][0] = {"source": "style-grounds", "passage": STYLE_GROUNDS[0]}
    save_model(workspace, data)
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output


PAGE = ["Black words on a black page colour not shown are seen.", "Navy words are seen."]


def _page_colour(shown: bool) -> bytes:
    """A page colour (w:background: black) with white, black and navy words on it; `shown`: whether the settings
    show it (w:displayBackgroundShape, as Design > Page Color sets it)."""
    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    document.element.insert(0, parse_xml(f'<w:background {NS} w:color="000000"/>'))
    if shown:
        document.settings.element.insert(0, parse_xml(f"<w:displayBackgroundShape {NS}/>"))
    for text, rgb in (("White words on it.", RGBColor(255, 255, 255)), (PAGE[0], RGBColor(0, 0, 0)),
                      (PAGE[1], RGBColor(0, 0, 0x80))):
        document.add_paragraph().add_run(text).font.color.rgb = rgb
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_page_colour_the_settings_do_not_show_is_no_ground(tmp_path: Path) -> None:
    """Word and LibreOffice draw the page colour only where the settings say so: without it the page is white,
    the white words on it unseen and the black ones seen (they were read the other way round). LibreOffice's PDFs
    of both documents, read by the PDF reader (which leaves out text coloured as its ground), agree."""
    unshown, shown = _page_colour(False), _page_colour(True)
    assert extract(FORMATS[".docx"], unshown).paragraphs == tuple(PAGE)
    assert extract(FORMATS[".docx"], shown).paragraphs == ("White words on it.", PAGE[1])
    for name, raw in (("unshown", unshown), ("shown", shown)):
        (tmp_path / f"{name}.docx").write_bytes(raw)
        pdf = libreoffice_pdf(tmp_path / f"{name}.docx", tmp_path)
        assert extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs == extract(FORMATS[".docx"], raw).paragraphs
