"""Named Word styles, bullet numbering and page setup, all from layout.STYLES and the Theme.

Every paragraph style carries the exact metrics the PDF writer uses (size, leading as an exact line
height, spacing, indent, alignment), so LibreOffice and Word lay the DOCX out like the measured PDF.
The template's own styles and numbering are replaced wholesale, so nothing of Word 2010's look leaks in;
with a reference DOCX (Theme.reference_docx) its styles, numbering and page setup are kept instead, and only
the styles it lacks are added (matched by Word's style name, so a localised style id still counts).
"""

from __future__ import annotations

from dataclasses import replace

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm

from briefgen.document.bullets import house_bullet
from briefgen.document.house import DEFAULT_DISTANCE_MM
from briefgen.document.layout import (
    BULLET,
    BULLET_HANGING,
    FURNITURE_DISTANCE_MM,
    FURNITURE_LINE,
    MUTED,
    RULE,
    STYLES,
    TABLE_CELL_PADDING,
    TEXT,
    StyleSpec,
    furniture_size,
    tag_size,
    word_size,
)
from briefgen.document.nodes import Theme
from briefgen.document.tablelook import BRIEF_TABLE
from briefgen.document.typefaces import FACES, SCRIPT_FACES
from briefgen.writers.docx import adopt
from briefgen.writers.docx.ooxml import el, hex_colour, sub, tint, twips

TEXT_COLOUR = hex_colour(TEXT)
MUTED_COLOUR = hex_colour(MUTED)
RULE_COLOUR = hex_colour(RULE)
BULLET_NUM_ID = "1"
TABLE_STYLE = BRIEF_TABLE
TAG_STYLE = "Tag"
HYPERLINK_STYLE = "Hyperlink"
HEADER_STYLE = "Header"
FOOTER_STYLE = "Footer"
# briefgen's own header and footer styles: under a reference without a letterhead they replace the reference's
# (it uses none itself), so the furniture sits as the PDF draws it
_FURNITURE = (HEADER_STYLE, FOOTER_STYLE)

# Word's internal names for its built-in styles (the UI shows them capitalised).
_INTERNAL_NAMES = {"Heading 1": "heading 1", "Heading 2": "heading 2", "Footnote Text": "footnote text",
                   "Header": "header", "Footer": "footer", "Caption": "caption"}
_OUTLINE = {"Heading 1": "0", "Heading 2": "1"}
_KEEP_WITH_NEXT = {"title", "heading1", "heading2", "box_title", "table_header"}


def style_id(word_name: str) -> str:
    return word_name.replace(" ", "")


def colour(role: str, theme: Theme) -> str:
    return {"text": TEXT_COLOUR, "muted": MUTED_COLOUR, "accent": hex_colour(theme.accent),
            "banner": hex_colour(theme.banner_color)}[role]


def font_name(role: str, theme: Theme) -> str:
    family = theme.heading_font if role == "heading" else theme.body_font
    return FACES[family].docx_name if family in FACES else family


def styled_by(theme: Theme) -> Theme:
    """The theme as far as `apply` reads it (without a reference): themes equal here style a document alike,
    so the writer styles python-docx's template once for all of them. Keep it in step with `apply`."""
    return replace(theme, organisation="", footer="", logo=None)


def apply(document: DocxDocument, theme: Theme, language: str, reference: bool = False) -> None:
    """Our styles, bullet numbering and page. With `reference`, the document's own styles and numbering win and
    ours only fill the gaps; otherwise ours replace them. The page always comes from the theme, which holds the
    reference's page setup unless the profile set its own."""
    _page(document, theme, distances=not (reference and theme.house is not None and theme.house.letterhead))
    # the reference's List Bullet style numbered in its own bullet list keeps it (document/bullets.py)
    own = house_bullet(theme.house) if reference else None
    num_id = _numbering(document, theme, keep=reference) if own is None else own.num_id
    styles = document.styles.element
    ours = [*_base_styles(theme, text_width_pt(theme)),
            *(_paragraph_style(key, spec, theme, num_id) for key, spec in STYLES.items()), _table_style(theme)]
    if reference:
        if styles.find(qn("w:docDefaults")) is None:
            styles.insert(0, _doc_defaults(theme, language))
        ours_only = () if theme.house is not None and theme.house.letterhead else _FURNITURE
        for definition in ours:
            adopt.adopt_or_add(styles, definition, replace=definition.get(qn("w:styleId")) in ours_only)
        if own is None:
            adopt.use_bullets(styles, style_id(STYLES["bullet"].word_name), num_id)
        return
    for child in list(styles):
        if child.tag in (qn("w:style"), qn("w:docDefaults")):
            styles.remove(child)
    styles.insert(0, _doc_defaults(theme, language))
    for definition in ours:
        styles.append(definition)


def run_properties(parent: BaseOxmlElement, role: str, size: float, colour_hex: str, theme: Theme) -> None:
    """Append a w:rPr with font, colour and size (points) to `parent`."""
    rpr = sub(parent, "w:rPr")
    face = font_name(role, theme)
    sub(rpr, "w:rFonts", ascii=face, hAnsi=face, cs=face, eastAsia=SCRIPT_FACES["hangul"].docx_name)
    sub(rpr, "w:color", val=colour_hex)
    half_points = str(round(word_size(size) * 2))
    sub(rpr, "w:sz", val=half_points)
    sub(rpr, "w:szCs", val=half_points)


def _doc_defaults(theme: Theme, language: str) -> BaseOxmlElement:
    defaults = el("w:docDefaults")
    rpr_default = sub(defaults, "w:rPrDefault")
    run_properties(rpr_default, "body", theme.body_size, TEXT_COLOUR, theme)
    sub(rpr_default[0], "w:lang", val=language, eastAsia="ko-KR", bidi="he-IL")
    ppr = sub(sub(defaults, "w:pPrDefault"), "w:pPr")
    sub(ppr, "w:spacing", before="0", after="0", line="240", lineRule="auto")
    return defaults


def _style(kind: str, ident: str, name: str, based_on: str = "", default: bool = False) -> BaseOxmlElement:
    style = el("w:style", type=kind, styleId=ident)
    if default:
        style.set(qn("w:default"), "1")
    sub(style, "w:name", val=_INTERNAL_NAMES.get(name, name))
    if based_on:
        sub(style, "w:basedOn", val=based_on)
    sub(style, "w:qFormat")
    return style


def _base_styles(theme: Theme, width: float) -> list[BaseOxmlElement]:
    """The defaults Word expects plus character and header/footer styles layout.py does not cover."""
    char_default = _style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True)
    table_default = _style("table", "TableNormal", "Normal Table", default=True)
    margins = sub(sub(table_default, "w:tblPr"), "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        sub(margins, f"w:{side}", w="0" if side in ("top", "bottom") else "108", type="dxa")
    no_list = _style("numbering", "NoList", "No List", default=True)
    tag = _style("character", TAG_STYLE, "Tag", "DefaultParagraphFont")
    run_properties(tag, "heading", tag_size(theme.body_size), hex_colour(theme.accent), theme)
    tag[-1].insert(1, el("w:b"))
    tag[-1].insert(2, el("w:caps"))
    link = _style("character", HYPERLINK_STYLE, "Hyperlink", "DefaultParagraphFont")
    sub(sub(link, "w:rPr"), "w:color", val=hex_colour(theme.accent))
    sub(link[-1], "w:u", val="single")
    reference = _style("character", "FootnoteReference", "footnote reference", "DefaultParagraphFont")
    sub(sub(reference, "w:rPr"), "w:vertAlign", val="superscript")
    return [char_default, table_default, no_list, tag, link, reference,
            _header_style(HEADER_STYLE, "Header", theme, width), _header_style(FOOTER_STYLE, "Footer", theme, width)]


def _header_style(ident: str, name: str, theme: Theme, width: float) -> BaseOxmlElement:
    style = _style("paragraph", ident, name, "Normal")
    ppr = sub(style, "w:pPr")
    tabs = sub(ppr, "w:tabs")
    sub(tabs, "w:tab", val="center", pos=twips(width / 2))
    sub(tabs, "w:tab", val="right", pos=twips(width))
    size = furniture_size(theme.body_size)
    sub(ppr, "w:spacing", before="0", after="0", line=twips(size * FURNITURE_LINE), lineRule="exact")
    run_properties(style, "heading", size, MUTED_COLOUR, theme)
    return style


def _paragraph_style(key: str, spec: StyleSpec, theme: Theme, num_id: str) -> BaseOxmlElement:
    ident = style_id(spec.word_name)
    based = "" if ident == "Normal" else "Normal"
    style = _style("paragraph", ident, spec.word_name, based, default=ident == "Normal")
    if key in _KEEP_WITH_NEXT:
        style[-1].addprevious(el("w:next", val="Normal"))  # schema order: name, basedOn, next, qFormat
    style.append(_paragraph_properties(key, spec, theme, num_id))
    size = spec.size(theme.body_size)
    look = theme.house.table if theme.house is not None and key in ("table_header", "table_cell") else None
    ink, bold = (None, None) if look is None else look.ink(key == "table_header")  # a house table style's text
    run_properties(style, spec.font, size, colour(spec.colour, theme) if ink is None else hex_colour(ink), theme)
    rpr = style[-1]
    bold = spec.bold if bold is None else bold
    for flag, tag in ((spec.caps, "w:caps"), (spec.italic, "w:iCs"), (spec.italic, "w:i"),
                      (bold, "w:bCs"), (bold, "w:b")):
        if flag:
            rpr.insert(1, el(tag))
    return style


def _paragraph_properties(key: str, spec: StyleSpec, theme: Theme, num_id: str) -> BaseOxmlElement:
    ppr = el("w:pPr")
    if key in _KEEP_WITH_NEXT:
        sub(ppr, "w:keepNext")
        sub(ppr, "w:keepLines")
    if key == "bullet":
        sub(sub(ppr, "w:numPr"), "w:numId", val=num_id)
    if key == "quote":
        border = sub(ppr, "w:pBdr")
        sub(border, "w:left", val="single", sz="18", space="8", color=hex_colour(theme.accent))
    line = spec.leading * spec.scale * theme.body_size
    sub(ppr, "w:spacing", before=twips(spec.space_before), after=twips(spec.space_after),
        line=twips(line), lineRule="exact")
    if key == "bullet":
        sub(ppr, "w:ind", left=twips(spec.indent), hanging=twips(spec.indent * BULLET_HANGING))
    elif spec.indent:
        sub(ppr, "w:ind", left=twips(spec.indent))
    sub(ppr, "w:jc", val={"left": "left", "center": "center", "justify": "both"}[spec.align])
    if spec.word_name in _OUTLINE:
        sub(ppr, "w:outlineLvl", val=_OUTLINE[spec.word_name])
    return ppr


def _table_style(theme: Theme) -> BaseOxmlElement:
    """'Brief Table': accent rules above, below and under the header row, hairlines between rows."""
    style = _style("table", TABLE_STYLE, "Brief Table", "TableNormal")
    accent = hex_colour(theme.accent)
    tblpr = sub(style, "w:tblPr")
    borders = sub(tblpr, "w:tblBorders")
    sub(borders, "w:top", val="single", sz="8", space="0", color=accent)
    sub(borders, "w:bottom", val="single", sz="8", space="0", color=accent)
    sub(borders, "w:insideH", val="single", sz="4", space="0", color=RULE_COLOUR)
    margins = sub(tblpr, "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        sub(margins, f"w:{side}", w=twips(TABLE_CELL_PADDING), type="dxa")
    header = sub(style, "w:tblStylePr", type="firstRow")
    sub(sub(header, "w:rPr"), "w:b")
    tcpr = sub(header, "w:tcPr")
    sub(sub(tcpr, "w:tcBorders"), "w:bottom", val="single", sz="8", space="0", color=accent)
    sub(tcpr, "w:shd", val="clear", color="auto", fill=tint(theme.accent, 0.12))
    return style


def _numbering(document: DocxDocument, theme: Theme, keep: bool = False) -> str:
    """One bullet list definition, used by the List Bullet style (a real Word list); returns its w:numId.

    Without `keep` it replaces every definition (ids 0 and 1); with it, it joins them under fresh ids and
    takes the List Bullet style from any definition that claimed it."""
    numbering = adopt.numbering(document)
    bullet = style_id(STYLES["bullet"].word_name)
    if not keep:
        for child in list(numbering):
            numbering.remove(child)
    abstracts = list(numbering.iterchildren(qn("w:abstractNum")))
    nums = list(numbering.iterchildren(qn("w:num")))
    for claim in [p for a in abstracts for p in a.iter(qn("w:pStyle")) if p.get(qn("w:val")) == bullet]:
        claim.getparent().remove(claim)
    abstract_id = str(1 + max((int(a.get(qn("w:abstractNumId"))) for a in abstracts), default=-1))
    num_id = str(1 + max((int(n.get(qn("w:numId"))) for n in nums), default=int(BULLET_NUM_ID) - 1))
    abstract = el("w:abstractNum", abstractNumId=abstract_id)
    sub(abstract, "w:multiLevelType", val="singleLevel")
    level = sub(abstract, "w:lvl", ilvl="0")
    sub(level, "w:start", val="1")
    sub(level, "w:numFmt", val="bullet")
    sub(level, "w:pStyle", val=bullet)
    sub(level, "w:lvlText", val=BULLET)
    sub(level, "w:lvlJc", val="left")
    indent = STYLES["bullet"].indent
    sub(sub(level, "w:pPr"), "w:ind", left=twips(indent), hanging=twips(indent * BULLET_HANGING))
    run_properties(level, "body", theme.body_size, hex_colour(theme.accent), theme)
    if abstracts:
        abstracts[-1].addnext(abstract)
    else:
        numbering.insert_element_before(abstract, "w:num", "w:numIdMacAtCleanup")
    num = el("w:num", numId=num_id)
    sub(num, "w:abstractNumId", val=abstract_id)
    numbering.insert_element_before(num, "w:numIdMacAtCleanup")
    return num_id


def text_width_pt(theme: Theme) -> float:
    """Points between the margins: the theme's page, which _page gives the document (a reference's page setup
    is already in the theme)."""
    width_mm = theme.page_mm[0] - theme.margins_mm[1] - theme.margins_mm[3]
    return width_mm * 72 / 25.4


def _page(document: DocxDocument, theme: Theme, distances: bool) -> None:
    """The theme's page and margins (a reference's unless the profile set them); header and footer distances
    ours wherever briefgen's own header and footer are used (the PDF draws them there), a reference's
    letterhead keeping its own."""
    section = document.sections[0]
    width, height = theme.page_mm
    top, right, bottom, left = theme.margins_mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    fixed = (False, False) if theme.house is None else theme.house.fixed_margins
    section.top_margin, section.right_margin = Mm(-top if fixed[0] else top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(-bottom if fixed[1] else bottom), Mm(left)
    section.gutter = 0  # a reference's gutter is in the theme's margins already (render/house.py)
    if distances:
        section.header_distance = section.footer_distance = Mm(FURNITURE_DISTANCE_MM)
    for side in ("header_distance", "footer_distance"):  # one the reference lacks (or Word refused): the PDF's
        if getattr(section, side) is None:
            setattr(section, side, Mm(DEFAULT_DISTANCE_MM))
