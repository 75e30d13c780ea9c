"""reportlab ParagraphStyles built from briefgen.document.layout, so the PDF and the DOCX share one set of metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefgen.document import layout
from briefgen.document.borders import Rule
from briefgen.document.layout import MUTED, TEXT
from briefgen.document.nodes import Theme
from briefgen.errors import ThemeError
from briefgen.writers.pdf import fonts
from briefgen.writers.pdf.face import ALIGN, Face, bullet_indent
from briefgen.writers.pdf.nestedlists import level_styles


def colour(hex_value: str, what: str) -> Color:
    try:
        return HexColor(hex_value)
    except (ValueError, TypeError) as exc:
        raise ThemeError(what, f"{hex_value!r} is not a #RRGGBB colour") from exc


@dataclass(frozen=True)
class Kit:
    """Everything the flowables need from the theme, computed once per theme."""

    theme: Theme
    styles: dict[str, ParagraphStyle]
    families: dict[str, str]  # layout role -> font family
    accent: Color
    banner: Color
    muted: Color
    page: tuple[float, float]
    margins: tuple[float, float, float, float]  # top, right, bottom, left in points
    faces: dict[str, Face]  # layout style -> how its text is set (a house style may change any of them)
    rules: dict[str, tuple[Rule, ...]] = field(default_factory=dict)  # layout style -> a house style's border
    fills: dict[str, str] = field(default_factory=dict)  # layout style -> a house style's shading
    # layout styles whose house style drops the space between two of its paragraphs (Word's contextual spacing)
    contextual: frozenset[str] = frozenset()
    bullet: str = layout.BULLET  # the character list items are marked with (a house style's own: document/bullets.py)
    spacing: dict[str, float] = field(default_factory=dict)  # layout style -> a house style's letter spacing
    nested: tuple[ParagraphStyle, ...] = ()  # the List Bullet style at list levels 1, 2… (nestedlists.py)

    @property
    def text_width(self) -> float:
        return self.page[0] - self.margins[1] - self.margins[3]

    @property
    def text_height(self) -> float:
        return self.page[1] - self.margins[0] - self.margins[2]

    def family(self, style: str) -> str:
        return self.faces[style].family


def _style(name: str, spec: layout.StyleSpec, kit_colours: dict[str, Color], family: str,
           size: float) -> ParagraphStyle:
    font_size = spec.size(size)
    return ParagraphStyle(
        name, fontName=fonts.font_name(family, spec.bold, spec.italic), fontSize=font_size,
        leading=spec.scale * size * spec.leading,  # the DOCX's exact line height (docx/styles.py)
        spaceBefore=spec.space_before, spaceAfter=spec.space_after,
        leftIndent=spec.indent, alignment=ALIGN[spec.align], textColor=kit_colours[spec.colour],
        splitLongWords=1, allowWidows=0, allowOrphans=0,
        spaceShrinkage=0,  # spaces keep their width, as in Word and LibreOffice (reportlab's 5 % fit a word more)
        embeddedHyphenation=1,  # a line may end after a word's own hyphen ("nuclear-|armed"), as in Word
        bulletFontName=fonts.font_name(family), bulletFontSize=font_size,
        bulletIndent=bullet_indent(spec.indent, fonts.font_name(family), font_size),
    )



@cache
def kit(theme: Theme) -> Kit:
    """The styles and geometry for a theme (cached: the fit step lays out the same theme many times)."""
    fonts.register_set(theme.fonts)
    families = {"body": theme.fonts.pdf_family(theme.body_font), "heading": theme.fonts.pdf_family(theme.heading_font)}
    roles = {"text": colour(TEXT, "text"), "accent": colour(theme.accent, "accent"),
             "banner": colour(theme.banner_color, "banner_color"), "muted": colour(MUTED, "muted")}
    styles = {name: _style(name, spec, roles, families[spec.font], theme.body_size)
              for name, spec in layout.STYLES.items()}
    faces = {name: Face(families[spec.font], spec.bold, spec.italic, spec.caps)
             for name, spec in layout.STYLES.items()}
    rules: dict[str, tuple[Rule, ...]] = {}
    fills: dict[str, str] = {}
    contextual: frozenset[str] = frozenset()
    bullet = layout.BULLET
    spacing: dict[str, float] = {}
    top, right, bottom, left = (m * mm for m in theme.margins_mm)
    width, height = theme.page_mm
    if theme.house is not None:
        from briefgen.writers.pdf.house import (
            bullet_style,
            defined_looks,
            house_faces,
            house_fills,
            house_rules,
            house_styles,
            letter_spacings,
            spaced_as_normal,
            table_inks,
        )
        faces.update(house_faces(theme.house, faces, theme.fonts))
        styles.update(house_styles(theme.house, styles, faces, width * mm - left - right))
        inked, inked_faces = table_inks(theme.house, styles, faces)
        styles.update(inked)
        styles.update(spaced_as_normal(theme.house, styles, {**faces, **inked_faces}))
        faces.update(inked_faces)
        own = bullet_style(theme.house, styles["bullet"], faces["bullet"], theme.fonts, width * mm - left - right)
        if own is not None:
            styles["bullet"], bullet = own
        rules, fills = house_rules(theme.house), house_fills(theme.house)
        spacing = letter_spacings(theme.house)
        contextual = frozenset(key for key, look in defined_looks(theme.house).items() if look.contextual)
    nested = level_styles(theme.house, styles["bullet"], faces["bullet"], theme.fonts, width * mm - left - right)
    return Kit(theme, styles, families, roles["accent"], roles["banner"], roles["muted"],
               (width * mm, height * mm), (top, right, bottom, left), faces, rules, fills, contextual, bullet,
               spacing, nested)
