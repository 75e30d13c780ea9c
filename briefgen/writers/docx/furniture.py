"""Page furniture: the header (organisation, banner line, logo) and footer (footer text, banner, page X of Y),
or, under a reference DOCX's letterhead, only the banner line added at the foot of its footer (and the
letterhead's date fields set to the brief's date: writers/docx/datefields.py).

Handling lines traditionally appear at the top and bottom of every page, so the document's first Banner
text is repeated in the footers and in the headers of pages after the first (page 1 already opens with the
banner paragraph); the logo (Theme.logo) sits at the top right of the first page.
"""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import XmlPart
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer
from docx.shared import Mm, RGBColor
from docx.text.paragraph import Paragraph

from briefgen.document.fields import FieldValues
from briefgen.document.layout import PAGE_NUMBERS_WIDEST, banner_shares_line, footer_shares_line, furniture_size
from briefgen.document.nodes import LOGO_HINT, Banner, Document, Theme, one_line, safe_text
from briefgen.errors import ThemeError
from briefgen.writers.docx.fieldresults import settle_fields
from briefgen.writers.docx.ooxml import field_runs, hex_colour
from briefgen.writers.docx.styles import FOOTER_STYLE, HEADER_STYLE, text_width_pt
from briefgen.writers.metrics import advance
from briefgen.writers.pictures import drawable

LOGO_HEIGHT_MM = 7.0


def add(document: DocxDocument, doc: Document, theme: Theme) -> None:
    """Header and footer. Page 1 has its own header (organisation, logo): its banner is the body's
    first paragraph; later pages carry the banner in the header. Every footer repeats it."""
    banner = next((one_line(safe_text(b.text)) for b in doc.blocks if isinstance(b, Banner)), "")
    section = document.sections[0]
    if theme.house is not None and theme.house.letterhead:
        settle_fields(_letterhead_parts(document), FieldValues.of(doc.meta, ".docx"))
        for footer in _footers_shown(document):
            _under_letterhead(footer, banner, theme)
        return
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = False  # briefgen's own header serves every later page
    _header(section.first_page_header.paragraphs[0], "", theme, with_logo=True)
    _header(section.header.paragraphs[0], banner, theme, with_logo=False)
    for footer in (section.first_page_footer, section.footer):
        _footer(footer.paragraphs[0], banner, theme)


def _letterhead_parts(document: DocxDocument) -> list[BaseOxmlElement]:
    """The root elements of the reference's header and footer parts, as they are (none is made)."""
    kinds = (CT.WML_HEADER, CT.WML_FOOTER)
    return [part.element for part in document.part.package.iter_parts()
            if part.content_type in kinds and isinstance(part, XmlPart)]


def _footers_shown(document: DocxDocument) -> list[_Footer]:
    """The footers Word shows on some page: the default one, and the first page's and even pages' when the
    reference sets those pages apart (each carries the banner line, as the PDF draws it on every page)."""
    section = document.sections[0]
    return [section.footer, *([section.first_page_footer] if section.different_first_page_header_footer else []),
            *([section.even_page_footer] if document.settings.odd_and_even_pages_header_footer else [])]


def _under_letterhead(footer: _Footer, banner: str, theme: Theme) -> None:
    """The reference's header and footer stay as they are; the banner line goes under its footer."""
    if not banner:
        return
    linked = footer.is_linked_to_previous  # the reference has a header but no footer: start one
    paragraph = footer.paragraphs[0] if linked else footer.add_paragraph()
    paragraph._p.style = FOOTER_STYLE
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _banner(paragraph, banner, theme)


def _header(paragraph: Paragraph, banner: str, theme: Theme, with_logo: bool) -> None:
    paragraph._p.style = HEADER_STYLE
    organisation = one_line(safe_text(theme.organisation))
    paragraph.add_run(organisation)
    _tab(paragraph)
    _banner(_banner_line(paragraph, (organisation, ""), banner, theme), banner, theme)
    _tab(paragraph)
    if with_logo and theme.logo:
        _logo(paragraph, theme)


def _footer(paragraph: Paragraph, banner: str, theme: Theme) -> None:
    paragraph._p.style = FOOTER_STYLE
    footer = one_line(safe_text(theme.footer))
    size = furniture_size(theme.body_size)
    if footer and not footer_shares_line(_width(footer, theme), _width(PAGE_NUMBERS_WIDEST, theme),
                                         text_width_pt(theme), size):
        paragraph.insert_paragraph_before(footer, style=paragraph.style)  # its own lines, as the PDF sets it
        footer = ""
    paragraph.add_run(footer)
    _tab(paragraph)
    _banner(_banner_line(paragraph, (footer, PAGE_NUMBERS_WIDEST), banner, theme), banner, theme)
    _tab(paragraph)
    _page_numbers(paragraph)




def _banner_line(paragraph: Paragraph, sides: tuple[str, str], banner: str, theme: Theme) -> Paragraph:
    """Where the handling line goes: centred on the line between the side texts, as the PDF draws it, or (where
    it would touch one) a centred paragraph of its own above, the PDF's rule (document/layout.py)."""
    widths = (_width(sides[0], theme), _width(banner.upper(), theme, bold=True), _width(sides[1], theme))
    size = furniture_size(theme.body_size)
    if not banner or banner_shares_line(*widths, width=text_width_pt(theme), gap=size):
        return paragraph
    above = paragraph.insert_paragraph_before(style=paragraph.style)
    above.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return above


def _width(text: str, theme: Theme, bold: bool = False) -> float:
    """Points `text` takes in the header and footer's face (the family the PDF draws the heading font in)."""
    family, size = theme.fonts.pdf_family(theme.heading_font), furniture_size(theme.body_size)
    return sum(advance(family, bold, char, size) for char in text)


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
        paragraph.add_run().add_picture(io.BytesIO(drawable(theme.logo.read_bytes())), height=Mm(LOGO_HEIGHT_MM))
    except (OSError, UnrecognizedImageError, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        raise ThemeError("logo", f"{theme.logo.name}: cannot use as logo: {reason}", LOGO_HINT) from exc


def _page_numbers(paragraph: Paragraph) -> None:
    """'Page X of Y' from PAGE and NUMPAGES fields (Word and LibreOffice update them on layout)."""
    paragraph.add_run("Page ")
    for run in field_runs("PAGE", "1"):
        paragraph._p.append(run)
    paragraph.add_run(" of ")
    for run in field_runs("NUMPAGES", "1"):
        paragraph._p.append(run)
