"""Page furniture: the header (organisation, banner line, logo) and footer (footer text, banner, page X of Y).

Handling lines traditionally appear at the top and bottom of every page, so the document's first Banner
text is repeated in both; the logo (Theme.logo) sits at the top right.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Mm, RGBColor
from docx.text.paragraph import Paragraph

from briefgen.doc import Banner, Document, Theme
from briefgen.errors import BriefgenError
from briefgen.writers.docx.ooxml import field_runs, hex_colour, safe_text
from briefgen.writers.docx.styles import FOOTER_STYLE, HEADER_STYLE

LOGO_HEIGHT_MM = 7.0


def add(document: DocxDocument, doc: Document, theme: Theme) -> None:
    banner = next((safe_text(b.text) for b in doc.blocks if isinstance(b, Banner)), "")
    section = document.sections[0]
    if banner or theme.organisation or theme.logo:
        header = section.header.paragraphs[0]
        header._p.style = HEADER_STYLE
        header.add_run(safe_text(theme.organisation))
        _tab(header)
        _banner(header, banner, theme)
        _tab(header)
        if theme.logo:
            _logo(header, theme)
    footer = section.footer.paragraphs[0]
    footer._p.style = FOOTER_STYLE
    footer.add_run(safe_text(theme.footer))
    _tab(footer)
    _banner(footer, banner, theme)
    _tab(footer)
    _page_numbers(footer)


def _tab(paragraph: Paragraph) -> None:
    paragraph.add_run().add_tab()


def _banner(paragraph: Paragraph, text: str, theme: Theme) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = True
    run.font.all_caps = True
    run.font.color.rgb = RGBColor.from_string(hex_colour(theme.banner_color))


def _logo(paragraph: Paragraph, theme: Theme) -> None:
    assert theme.logo is not None
    try:
        paragraph.add_run().add_picture(str(theme.logo), height=Mm(LOGO_HEIGHT_MM))
    except (OSError, UnrecognizedImageError) as exc:
        message = f"{theme.logo}: cannot use as logo (a PNG or JPEG file is needed): {exc}"
        raise BriefgenError(message) from exc


def _page_numbers(paragraph: Paragraph) -> None:
    """'Page X of Y' from PAGE and NUMPAGES fields (Word and LibreOffice update them on layout)."""
    paragraph.add_run("Page ")
    for run in field_runs("PAGE", "1"):
        paragraph._p.append(run)
    paragraph.add_run(" of ")
    for run in field_runs("NUMPAGES", "1"):
        paragraph._p.append(run)
