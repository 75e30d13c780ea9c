"""The ground behind a DOCX's text where the file gives it through a shape, a table style or the theme: a text
box's fill (DrawingML or VML) is the ground of its text, a table whose style shades nothing shows the page behind
it, and a colour named from the theme (w:themeColor, w:themeFill, a:schemeClr) is the theme's, changed as Word and
LibreOffice change it. Text coloured as its ground is left out; text on a ground not known is read."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.shared import RGBColor

from briefgen.sources.formats import FORMATS, extract
from tests.helpers import append_entry, libreoffice_pdf, model, page_image, run, save_model

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
# Fills as Word writes them: the accent of python-docx's theme (4F81BD) darkened, shaded and tinted
THEMED = ['<a:schemeClr val="accent1"><a:lumMod val="50000"/></a:schemeClr>',
          '<a:schemeClr val="accent1"><a:lumMod val="75000"/><a:lumOff val="5000"/></a:schemeClr>',
          '<a:schemeClr val="tx2"><a:shade val="60000"/></a:schemeClr>']


def _box(fill: str, text: str, ink: str, style: str = "") -> str:
    """An inline text box (a DrawingML shape, as Word 2010 and later write it) with `fill` in its properties and
    a run of `text` coloured `ink` (none when empty)."""
    return (f'<w:r {NS}><w:drawing><wp:inline><wp:extent cx="3000000" cy="500000"/><wp:docPr id="1" name="Box"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3000000" '
            f'cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</wps:spPr>{style}'
            f'<wps:txbx><w:txbxContent><w:p><w:r>{_ink(ink)}<w:t>{text}</w:t></w:r>'
            "</w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline>"
            "</w:drawing></w:r>")


def _ink(ink: str) -> str:
    """A run's own colour; none when `ink` is empty."""
    return f'<w:rPr><w:color w:val="{ink}"/></w:rPr>' if ink else ""


def _vml_box(attributes: str, text: str, ink: str, shape_type: str = "") -> str:
    """A text box as Word 2003 wrote it (VML), with the shape's `attributes`, after `shape_type`'s XML."""
    return (f'<w:r {NS}><w:pict>{shape_type}<v:shape style="width:300pt;height:40pt" {attributes}><v:textbox>'
            f'<w:txbxContent>'
            f'<w:p><w:r><w:rPr><w:color w:val="{ink}"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
            "</v:textbox></v:shape></w:pict></w:r>")


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _boxes(boxes: list[str], normal: RGBColor | None = None) -> bytes:
    """A python-docx document (its theme Office's of 2007) holding each box in a paragraph of its own; `normal`:
    the colour of its Normal style."""
    document = docx.Document()
    document.styles["Normal"].font.color.rgb = normal
    for box in boxes:
        document.add_paragraph()._p.append(parse_xml(box))
    return _saved(document)


def _read(raw: bytes) -> list[str]:
    return list(extract(FORMATS[".docx"], raw).paragraphs)


SHOWN = ["White words in a navy box are seen.", "White words in a box of the theme's dark text colour are seen.",
         "White words in a box with no fill are read: what is behind it is not known.",
         "Black words in a translucent black box are read.", "White words in a navy Word 2003 box are seen.",
         "White words in a box whose style fills it with the accent are seen.",
         "Words of no colour of their own on the accent fill of a shape whose style colours its text are read.",
         "White words in a Word 2003 box whose shape type is unfilled are read."]
HIDDEN = ["Navy words in a navy box are hidden.", "White words in a box of the theme's light colour are hidden.",
          "Black words in a black Word 2003 box are hidden.", "Accent words in a box the style fills are hidden.",
          "Accent words of their own colour in a shape whose style colours text are hidden.",
          "White words in a Word 2003 box of VML's default fill, white, are hidden."]
STYLED = ('<wps:style><a:lnRef idx="2"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="1"><a:schemeClr '
          'val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>'
          '<a:fontRef idx="minor">{}</a:fontRef></wps:style>')


def _filled_boxes() -> bytes:
    navy, white = '<a:solidFill><a:srgbClr val="1F3864"/></a:solidFill>', '<a:schemeClr val="lt1"/>'
    return _boxes([
        _box(navy, SHOWN[0], "FFFFFF"), _box(navy, HIDDEN[0], "1F3864"),
        _box('<a:solidFill><a:schemeClr val="tx1"/></a:solidFill>', SHOWN[1], "FFFFFF"),
        _box('<a:solidFill><a:schemeClr val="bg1"/></a:solidFill>', HIDDEN[1], "FFFFFF"),
        _box("<a:noFill/>", SHOWN[2], "FFFFFF"),
        _box('<a:solidFill><a:srgbClr val="000000"><a:alpha val="20000"/></a:srgbClr></a:solidFill>', SHOWN[3],
             "000000"),
        _vml_box('fillcolor="#1f3864"', SHOWN[4], "FFFFFF"), _vml_box('fillcolor="black"', HIDDEN[2], "000000"),
        _box("", SHOWN[5], "FFFFFF", STYLED.format("")), _box("", HIDDEN[3], "4F81BD", STYLED.format("")),
        _box("", SHOWN[6], "", STYLED.format(white)), _box("", HIDDEN[4], "4F81BD", STYLED.format(white)),
        _vml_box('type="#_x0000_t202"', HIDDEN[5], "FFFFFF", '<v:shapetype id="_x0000_t202" path="m,l,21600xe"/>'),
        _vml_box('type="#clear"', SHOWN[7], "FFFFFF", '<v:shapetype id="clear" filled="f"/>')],
        normal=RGBColor(0x4F, 0x81, 0xBD))  # the Normal style's colour is not what the shape's style draws


def test_a_text_box_fill_is_the_ground_of_its_text() -> None:
    """Nothing in a text box was taken as hidden: navy words on a navy box, white words on a white one, were read.
    Its shape's fill (RGB, a theme colour, a VML fillcolor or VML's default white, the style's first fill) is now
    their ground; a fill that lets what is behind show is not known, nor the colour of text without its own in a
    shape whose style colours its text: that text is read."""
    assert _read(_filled_boxes()) == SHOWN


def _drawn_fills(pdf: Path, stem: Path, count: int) -> list[str]:
    """The fills LibreOffice drew for `count` boxes stacked down the page, read from a column of its image right
    of their text: each as six hex digits."""
    image = page_image(pdf, stem)
    found: list[str] = []
    run_colour, length = None, 0
    for y in range(image.height):
        pixel = image.getpixel((260, y))
        assert isinstance(pixel, tuple)
        if pixel == run_colour:
            length += 1
            continue
        if run_colour is not None and run_colour != (255, 255, 255) and length > 10:
            found.append("".join(f"{c:02X}" for c in run_colour))
        run_colour, length = pixel, 1
    assert len(found) == count, found
    return found


def test_theme_fills_are_changed_as_libreoffice_draws_them(tmp_path: Path) -> None:
    """A theme colour darkened (a:lumMod), darkened and lightened (a:lumOff) or shaded (a:shade): text in the
    very colour LibreOffice draws each box in is left out, white text in them is read."""
    probe = tmp_path / "probe.docx"
    probe.write_bytes(_boxes([_box(f"<a:solidFill>{fill}</a:solidFill>", "Box.", "000000") for fill in THEMED]))
    drawn = _drawn_fills(libreoffice_pdf(probe, tmp_path), tmp_path / "probe", len(THEMED))
    hidden = [f"Words drawn in the box's own colour {n}." for n in range(len(THEMED))]
    assert _read(_boxes([_box(f"<a:solidFill>{fill}</a:solidFill>", text, ink)
                         for fill, text, ink in zip(THEMED, hidden, drawn, strict=True)] +
                        [_box(f"<a:solidFill>{fill}</a:solidFill>", "White words.", "FFFFFF") for fill in THEMED])) \
        == ["White words."] * len(THEMED)


TABLE_SHOWN = ["Black words in a grid table are seen.", "White words in a table its style shades are read.",
               "White words in a cell shaded with a theme colour are seen."]
TABLE_HIDDEN = ["White words in a grid table are hidden.", "White words in a table of the default style are hidden."]


def _tables() -> bytes:
    document = docx.Document()
    grid = document.add_table(rows=2, cols=1)
    grid.style = document.styles["Table Grid"]
    grid.cell(0, 0).paragraphs[0].add_run(TABLE_HIDDEN[0]).font.color.rgb = RGBColor(255, 255, 255)
    grid.cell(1, 0).paragraphs[0].add_run(TABLE_SHOWN[0])
    shaded = document.add_table(rows=1, cols=1)
    shaded.style = document.styles["Light Grid Accent 1"]
    shaded.cell(0, 0).paragraphs[0].add_run(TABLE_SHOWN[1]).font.color.rgb = RGBColor(255, 255, 255)
    plain = document.add_table(rows=2, cols=1)
    plain.cell(0, 0).paragraphs[0].add_run(TABLE_HIDDEN[1]).font.color.rgb = RGBColor(255, 255, 255)
    themed = plain.cell(1, 0)
    themed.paragraphs[0].add_run(TABLE_SHOWN[2]).font.color.rgb = RGBColor(255, 255, 255)
    themed._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="FFFFFF" w:themeFill="text2"/>'))
    return _saved(document)


def test_a_table_whose_style_shades_nothing_shows_the_page(tmp_path: Path) -> None:
    """White words in a Table Grid table, or one of the default table style, were read: a table's ground was not
    known. A style that shades no cell shows the page behind, as LibreOffice's PDF does (the PDF reader leaves
    out text coloured as its ground); a style that shades some cells is still not known. A cell's theme fill
    (w:themeFill, its stored w:fill left white) is the theme's: Word draws it so."""
    raw = _tables()
    assert _read(raw) == TABLE_SHOWN
    (tmp_path / "tables.docx").write_bytes(raw)
    found = " ".join(extract(FORMATS[".pdf"], libreoffice_pdf(tmp_path / "tables.docx", tmp_path).read_bytes())
                     .paragraphs)
    assert TABLE_SHOWN[0] in found and not any(text in found for text in TABLE_HIDDEN)


def test_a_theme_colour_is_drawn_over_its_stored_value() -> None:
    """Word draws a run's w:themeColor, not its w:val (a generator may store any value there): white stored over
    the theme's dark text is seen, black stored over its light background is white on the page; a tint (Word's
    "Lighter 80%": w:themeTint) lightens it."""
    document = docx.Document()
    for stored, theme, text in (("FFFFFF", 'w:themeColor="text1"', "Stored white, drawn in text1, is seen."),
                                ("000000", 'w:themeColor="background1"', "Stored black, drawn in background1."),
                                ("1F497D", 'w:themeColor="text2" w:themeTint="01"', "A tint to white is hidden.")):
        document.add_paragraph()._p.append(parse_xml(
            f'<w:r {NS}><w:rPr><w:color w:val="{stored}" {theme}/></w:rPr><w:t>{text}</w:t></w:r>'))
    assert _read(_saved(document)) == ["Stored white, drawn in text1, is seen."]


def test_a_passage_in_a_navy_text_box_ties_through_check(workspace: Path) -> None:
    """Through the CLI: the seed added, a passage copied from the navy box passes `check`, and one of the navy
    words on it (which no reader sees) is reported as not in the seed."""
    (workspace / "seeds/boxes.docx").write_bytes(_filled_boxes())
    append_entry(workspace, "boxes", "boxes.docx", "Example Institute")
    data = model(workspace)
    data["judgments"][0]["evidence"][0] = {"source": "boxes", "passage": SHOWN[0]}
    save_model(workspace, data)
    assert run(workspace, "check").exit_code == 0
    data["judgments"][0]["evidence"][0] = {"source": "boxes", "passage": HIDDEN[0]}
    save_model(workspace, data)
    result = run(workspace, "check")
    assert result.exit_code == 1 and "boxes" in result.output, result.output


def test_word_tints_and_shades_match_words_palette() -> None:
    """Word's colour picker writes each tint and shade of a theme colour with the value it draws: Office 2016's
    Blue, Accent 1 (4472C4) darker 25% and 50%, lighter 40%, 60% and 80%, and Text 1 lighter 50%. Text in that
    stored colour on a paragraph shaded with the theme fill (its stored w:fill left white) is left out."""
    from briefgen.sources.formats.docxtheme import Theme, word_theme_colour

    theme = Theme({"accent1": "4472C4", "dk1": "000000"})
    palette = [("accent1", None, "BF", "2F5496"), ("accent1", None, "80", "1F3864"), ("accent1", "99", None, "8EAADB"),
               ("accent1", "66", None, "B4C6E7"), ("accent1", "33", None, "D9E2F3"), ("text1", "80", None, "7F7F7F")]
    for name, tint, shade, drawn in palette:
        found = word_theme_colour(theme, name, tint, shade)
        assert found is not None and all(abs(int(found[k:k + 2], 16) - int(drawn[k:k + 2], 16)) <= 1
                                         for k in (0, 2, 4)), (name, found, drawn)
    document = docx.Document()  # python-docx's theme: accent1 4F81BD, darker 50% 243F60
    for text, ink in (("Words drawn in the fill's own colour.", "243F60"), ("White words on it are seen.", "FFFFFF")):
        paragraph = document.add_paragraph()
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="FFFFFF" w:themeFill="accent1" w:themeFillShade="80"/>'))
        paragraph.add_run(text).font.color.rgb = RGBColor.from_string(ink)
    assert _read(_saved(document)) == ["White words on it are seen."]


def test_a_theme_page_colour_is_drawn_over_its_stored_value() -> None:
    """Design > Page Color in a theme colour (w:background's w:themeColor, its w:color stored white): Word draws
    the theme's dark text colour, on which white words are seen and black ones are not."""
    document = docx.Document()
    document.element.insert(0, parse_xml(f'<w:background {NS} w:color="FFFFFF" w:themeColor="text1"/>'))
    document.settings.element.insert(0, parse_xml(f"<w:displayBackgroundShape {NS}/>"))
    for text, ink in (("White words on the dark page are seen.", "FFFFFF"), ("Black words are not.", "000000")):
        document.add_paragraph().add_run(text).font.color.rgb = RGBColor.from_string(ink)
    assert _read(_saved(document)) == ["White words on the dark page are seen."]


PATTERNS = [("pct50", "FFFFFF", "White words on a half black pattern are seen."),
            ("pct10", "FFFFFF", "White words on a tenth grey pattern are seen."),
            ("horzStripe", "FFFFFF", "White words on black stripes are seen.")]


def test_a_patterned_shading_mixes_its_colours(tmp_path: Path) -> None:
    """A shading's pattern (`pct50`, a stripe) over a white fill, its colour automatic (black), draws grey: the
    white words on it were taken as white on white and left out. LibreOffice's PDF of it, read by the PDF reader
    (which leaves out text coloured as its ground), shows each."""
    document = docx.Document()
    for pattern, ink, text in PATTERNS:
        paragraph = document.add_paragraph()
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:shd {NS} w:val="{pattern}" w:color="auto" w:fill="FFFFFF"/>'))
        paragraph.add_run(text).font.color.rgb = RGBColor.from_string(ink)
    raw = _saved(document)
    assert _read(raw) == [text for _, _, text in PATTERNS]
    (tmp_path / "patterns.docx").write_bytes(raw)
    found = " ".join(extract(FORMATS[".pdf"], libreoffice_pdf(tmp_path / "patterns.docx", tmp_path).read_bytes())
                     .paragraphs)
    assert all(text in found for _, _, text in PATTERNS)


COVER = ["Annual Report 2025", "White title words over the cover's dark band are seen."]
TAIL = "Black words further down the page."


def _cover(behind: str) -> bytes:
    """White words over a navy rectangle anchored to the page, behind the text (`behind` "1") or in front of it
    ("0"), as Word's cover pages set a band of colour under a report's title."""
    band = (f'<w:r {NS}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="1" behindDoc="{behind}" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="7772400" cy="2743200"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            '<wp:docPr id="3" name="Band"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/>'
            '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="7772400" cy="2743200"/></a:xfrm><a:prstGeom '
            'prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="1F3864"/></a:solidFill><a:ln>'
            "<a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
            "</w:drawing></w:r>")
    document = docx.Document()
    for n, text in enumerate(COVER):
        paragraph = document.add_paragraph()
        if n == 0:
            paragraph._p.append(parse_xml(band))
        paragraph.add_run(text).font.color.rgb = RGBColor(255, 255, 255)
    for _ in range(12):
        document.add_paragraph()
    document.add_paragraph(TAIL)
    return _saved(document)


def test_white_text_over_a_drawing_behind_it_is_read(tmp_path: Path) -> None:
    """A report's cover: white title words on a navy band anchored behind the text. They were taken as white on
    the white page and left out; where a drawing lies behind the text (behindDoc, a VML shape's negative
    z-index) the page is no known ground. LibreOffice's PDF shows them (the PDF reader leaves out white text
    with nothing under it). With the band in front of the text (LibreOffice draws it over the words, hiding them)
    nothing lies behind: the white words are still left out."""
    assert _read(_cover("0")) == [TAIL]
    raw = _cover("1")
    assert _read(raw) == [*COVER, TAIL]
    (tmp_path / "cover.docx").write_bytes(raw)
    found = " ".join(extract(FORMATS[".pdf"], libreoffice_pdf(tmp_path / "cover.docx", tmp_path).read_bytes())
                     .paragraphs)
    assert all(text in found for text in [*COVER, TAIL])


def test_a_background_behind_the_text_in_the_header_makes_the_page_unknown() -> None:
    """A full-page background set in the header as Word 2003 drew it (a VML rectangle with a negative z-index):
    white body words on it are read; without it they are white on the white page."""
    for background, shown in ((True, ["White words on the header's background."]), (False, [TAIL])):
        document = docx.Document()
        if background:
            document.sections[0].header.paragraphs[0]._p.append(parse_xml(
                f'<w:r {NS}><w:pict><v:rect style="position:absolute;width:612pt;height:792pt;z-index:-251658240" '
                'fillcolor="#1f3864" stroked="f"/></w:pict></w:r>'))
        document.add_paragraph().add_run("White words on the header's background.").font.color.rgb = \
            RGBColor(255, 255, 255)
        document.add_paragraph(TAIL)
        assert _read(_saved(document))[:1] == shown


def test_a_watermark_behind_the_text_leaves_the_page_white() -> None:
    """Word's watermark (Design > Watermark: "DRAFT" in light grey, a VML shape behind the text in the header)
    leaves the text legible and the page white: white words are still left out."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0]._p.append(parse_xml(
        f'<w:r {NS}><w:pict><v:shape id="PowerPlusWaterMarkObject1" style="position:absolute;width:400pt;'
        'height:100pt;rotation:315;z-index:-251655168" fillcolor="silver" stroked="f"><v:fill opacity=".5"/>'
        '<v:textpath style="font-family:&quot;Calibri&quot;" string="DRAFT"/></v:shape></w:pict></w:r>'))
    document.add_paragraph().add_run("White words on a draft.").font.color.rgb = RGBColor(255, 255, 255)
    document.add_paragraph(TAIL)
    assert _read(_saved(document)) == [TAIL]
