"""Read a reference DOCX into a House (document/house.py): page setup, named styles resolved through their
`basedOn` chains, the document defaults and the theme fonts, and the headers and footers (the default ones,
and the first page's and even pages' where the reference sets those pages apart).

Only the zip and its XML are read (the standard library's parser): `check` uses this without importing the
DOCX writer's libraries. The DOCX writer keeps the reference's own parts (writers/docx/reference.py); this
reader gives the PDF, and the styles briefgen adds to the DOCX, the same values.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, ParseError, fromstring

from briefgen.document.house import DEFAULT_TAB, WORD_DEFAULTS, Furniture, House, LetterLine, StyleLook, Watermark
from briefgen.document.wordvalues import HALF_POINT, HALF_POINTS, measure
from briefgen.errors import BriefgenError
from briefgen.render.handtable import hand_table
from briefgen.render.letterhead import lines
from briefgen.render.numbering import numbered, read_lists
from briefgen.render.unheeded import unheeded
from briefgen.render.wordframe import borders, shading_colour
from briefgen.render.wordml import ALIGN, REL, TWIPS_PER_MM, R, W, caps, indent_of, letter_spacing, on, tab_stops, twips
from briefgen.render.wordtable import table_look
from briefgen.render.wordtheme import WordTheme, read_theme
from briefgen.sources.reference import part_name
from briefgen.zips import zip_damage

if TYPE_CHECKING:
    from briefgen.render.profiles import Profile

_LINE_RULES = ("auto", "exact", "atLeast")
_CLEARED = object()  # a value a style sets back to "not said" (its own line rule replaces its base style's)


class _Package:
    """The parts of one DOCX, read on demand."""

    def __init__(self, path: Path) -> None:
        self.archive = zipfile.ZipFile(path)
        self.left_out: list[str] = []  # pictures and shapes the PDF does not draw as Word does, and how
        self.watermark: Watermark | None = None  # found in the header

    def xml(self, name: str) -> Element | None:
        try:
            return fromstring(self.archive.read(name))
        except KeyError:
            return None

    def read(self, name: str) -> bytes:
        return self.archive.read(name)

    def rels(self, part: str) -> dict[str, str]:
        """Relationship id -> target part name, for `part` (e.g. word/document.xml)."""
        return {ident: target for ident, (target, _) in self._links(part).items()}

    def related(self, part: str, kind: str) -> str:
        """The part `part` relates to by a relationship of type `kind` (its last word: "styles"), as python-docx
        and Word find it whatever its name; '' when it relates to none."""
        return next((target for target, type_ in self._links(part).values() if type_.endswith("/" + kind)), "")

    def _links(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (target part name, relationship type), for `part`'s internal relationships."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        if root is None:
            return {}
        return {rel.get("Id", ""): (part_name(folder, rel.get("Target", "")), rel.get("Type", ""))
                for rel in root.iter(f"{REL}Relationship") if rel.get("TargetMode") != "External"}


def read_reference(path: Path, profile: Profile) -> House:
    """read_house, with a damaged part reported at the profile's look.reference_docx."""
    try:
        return read_house(path)
    except zip_damage(ParseError) as exc:
        raise BriefgenError(profile.problem(("look", "reference_docx"), f"{path.name}: cannot read it: {exc}", (
            "open it in Word or LibreOffice and save it again as .docx"))) from None


def read_house(path: Path) -> House:
    """The house style of the reference DOCX at `path` (already checked to be a Word document)."""
    package = _Package(path)
    with package.archive:
        settings = package.xml("word/settings.xml")
        styles = _Styles(package, read_theme(_theme_part(package), settings))
        document = package.xml("word/document.xml")
        section = None if document is None else document.find(f"{W}body/{W}sectPr")
        at_top = bool(on(None if settings is None else settings.find(f"{W}gutterAtTop")))
        page, margins, header_mm, footer_mm = _page(section, at_top)
        header, footer, first, even = _letterheads(package, styles, section, settings)
        table = table_look(styles.by_id, settings, document, styles.theme)
        hand, table_note = hand_table(document, styles.theme) if table is None else (None, "")
        return House(
            page_mm=page, margins_mm=margins, header_mm=header_mm, footer_mm=footer_mm, styles=styles.all(),
            header=header, footer=footer, first=first, even=even, left_out=tuple(package.left_out),
            lists=read_lists(package.xml("word/numbering.xml"), styles.theme), watermark=package.watermark,
            mirrored=bool(on(None if settings is None else settings.find(f"{W}mirrorMargins"))),
            default_tab=_default_tab(settings), fixed_margins=_fixed(section), decimal_symbol=_decimal(settings),
            table=table or hand, table_note=table_note,
            unheeded=unheeded(document, section, settings), compatibility=_compatibility(settings))


def _compatibility(settings: Element | None) -> int:
    """Word's compatibility mode as the settings say it (w:compatSetting compatibilityMode), 0 if they do not."""
    for setting in [] if settings is None else settings.iter(f"{W}compatSetting"):
        value = setting.get(f"{W}val", "")
        if setting.get(f"{W}name") == "compatibilityMode" and value.isdigit() and len(value) < 4:
            return int(value)
    return 0


def _default_tab(settings: Element | None) -> float:
    """Points between Word's default tab stops: the settings' w:defaultTabStop, half an inch without one."""
    twentieths = twips(None if settings is None else settings.find(f"{W}defaultTabStop"), "val")
    return twentieths / 20 if twentieths else DEFAULT_TAB


def _letterheads(package: _Package, styles: _Styles, section: Element | None, settings: Element | None,
                 ) -> tuple[tuple[LetterLine, ...], tuple[LetterLine, ...], Furniture | None, Furniture | None]:
    """The default header and footer lines, and the first page's and even pages' when the reference sets
    those apart (its section's titlePg, its settings' evenAndOddHeaders)."""
    parts = _furniture(package, section)

    def furniture(kind: str) -> Furniture:
        header = tuple(lines(package, parts.get(("header", kind)), styles.paragraph, styles.with_run,
                             styles.theme.drawing))
        return header, tuple(lines(package, parts.get(("footer", kind)), styles.paragraph, styles.with_run,
                                   styles.theme.drawing))

    titled = section is not None and bool(on(section.find(f"{W}titlePg")))
    paired = settings is not None and bool(on(settings.find(f"{W}evenAndOddHeaders")))
    return (*furniture("default"), furniture("first") if titled else None, furniture("even") if paired else None)


_Page = tuple[tuple[float, float] | None, tuple[float, float, float, float] | None, float | None, float | None]


def _page(section: Element | None, gutter_at_top: bool) -> _Page:
    """Page size, margins (top, right, bottom, left), header and footer distances, in mm."""
    size = None if section is None else section.find(f"{W}pgSz")
    mar = None if section is None else section.find(f"{W}pgMar")
    w, h = twips(size, "w"), twips(size, "h")
    page = (w / TWIPS_PER_MM, h / TWIPS_PER_MM) if w and h else None
    sides = [twips(mar, side, negative=side in _SIGNED_SIDES) for side in ("top", "right", "bottom", "left")]
    sides = [None if side is None else abs(side) for side in sides]  # a negative one: fixed (`_fixed`)
    gutter = twips(mar, "gutter") or 0.0  # binding room Word adds to the left margin (the top one, if so set)
    if None not in sides and gutter:
        sides[0 if gutter_at_top else 3] = (sides[0 if gutter_at_top else 3] or 0.0) + gutter
    margins = None if None in sides else tuple(s / TWIPS_PER_MM for s in sides if s is not None)
    header, footer = twips(mar, "header"), twips(mar, "footer")
    return (page, margins if margins and len(margins) == 4 else None,
            None if header is None else header / TWIPS_PER_MM, None if footer is None else footer / TWIPS_PER_MM)


_SIGNED_SIDES = ("top", "bottom")


def _decimal(settings: Element | None) -> str:
    """The character a decimal tab stop lines numbers up at: the settings' w:decimalSymbol, a full stop
    without one (or with one that is not a single character)."""
    said = None if settings is None else settings.find(f"{W}decimalSymbol")
    symbol = "" if said is None else said.get(f"{W}val", "")
    return symbol if len(symbol) == 1 and not symbol.isspace() else "."


def _fixed(section: Element | None) -> tuple[bool, bool]:
    """Whether the top and bottom margins are fixed: Word's negative margin, kept however tall the header or
    footer grows (the text not moved down or up for it)."""
    mar = None if section is None else section.find(f"{W}pgMar")
    return tuple((twips(mar, side, negative=True) or 0.0) < 0 for side in _SIGNED_SIDES)  # type: ignore[return-value]


def _furniture(package: _Package, section: Element | None) -> dict[tuple[str, str], str]:
    """The part names of the section's headers and footers, by (header or footer, default, first or even)."""
    if section is None:
        return {}
    rels = package.rels("word/document.xml")
    found: dict[tuple[str, str], str] = {}
    for side in ("header", "footer"):
        for ref in section.iter(f"{W}{side}Reference"):
            kind = ref.get(f"{W}type", "")  # required: a reference of no kind of page is not read, as Word's
            if ref.get(f"{R}id", "") in rels and kind in ("default", "first", "even"):
                found[(side, kind)] = rels[ref.get(f"{R}id", "")]
    return found


class _Styles:
    """The styles part, each style resolved through its basedOn chain down to the document defaults, and those
    down to Word's own (a package without a styles part has only Word's own)."""

    def __init__(self, package: _Package, theme: WordTheme) -> None:
        styles = package.related("word/document.xml", "styles")
        root = package.xml(styles) if styles else None
        self.by_id: dict[str, Element] = {}
        self.names: dict[str, str] = {}
        self.defaults: StyleLook = WORD_DEFAULTS
        self.theme = theme
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            ident = style.get(f"{W}styleId", "")
            name = style.find(f"{W}name")
            self.by_id[ident] = style
            # a style of no type, or one Word does not take, is a paragraph style (ST_StyleType's default)
            if name is not None and style.get(f"{W}type") not in ("table", "numbering"):
                self.names.setdefault(name.get(f"{W}val", "").lower(), ident)
        defaults = root.find(f"{W}docDefaults")
        if defaults is not None:
            self.defaults = self._merge(WORD_DEFAULTS, defaults.find(f"{W}rPrDefault/{W}rPr"),
                                        defaults.find(f"{W}pPrDefault/{W}pPr"))

    def paragraph(self, ident: str | None) -> StyleLook:
        """The look of a paragraph of style `ident` (None: no style named, Normal's)."""
        return self.resolve(self.names.get("normal", "") if ident is None else ident)

    def with_run(self, look: StyleLook, rpr: Element | None) -> StyleLook:
        """`look` with a run's own properties (its font, size, colour, weight) over it."""
        return look if rpr is None else self._merge(look, rpr, None)

    def all(self) -> tuple[tuple[str, StyleLook], ...]:
        """Each named style resolved; Normal the document defaults where the reference defines none, as Word
        sets a paragraph of no style."""
        named = {"normal": "", **self.names}
        return tuple((name, self.resolve(ident)) for name, ident in sorted(named.items()))

    def resolve(self, ident: str, depth: int = 0) -> StyleLook:
        style = self.by_id.get(ident)
        if style is None or depth > 20:
            return self.defaults
        based = style.find(f"{W}basedOn")
        base = self.resolve(based.get(f"{W}val", ""), depth + 1) if based is not None else self.defaults
        return self._merge(base, style.find(f"{W}rPr"), style.find(f"{W}pPr"))

    def _merge(self, base: StyleLook, rpr: Element | None, ppr: Element | None) -> StyleLook:
        values = dict(base.__dict__)
        if rpr is not None:
            values.update({k: v for k, v in self._run(rpr).items() if v is not None})
            fonts = rpr.find(f"{W}rFonts")
            if fonts is not None:
                values["scripts"] = tuple(sorted({**dict(base.scripts), **self.theme.script_fonts(fonts)}.items()))
        if ppr is not None:
            values.update({k: None if v is _CLEARED else v for k, v in _paragraph(ppr).items() if v is not None})
            values["rules"] = borders(ppr.find(f"{W}pBdr"), base.rules, self.theme)
            values["tabs"] = tab_stops(ppr.find(f"{W}tabs"), base.tabs)
            values["indent"] = indent_of(ppr, base.indent)
            shading = ppr.find(f"{W}shd")
            if shading is not None:
                values["fill"] = shading_colour(shading, self.theme)
        return StyleLook(**values)

    def _run(self, rpr: Element) -> dict[str, object]:
        fonts, size, colour = rpr.find(f"{W}rFonts"), rpr.find(f"{W}sz"), rpr.find(f"{W}color")
        font = None
        if fonts is not None:
            theme = fonts.get(f"{W}asciiTheme")  # which, when set, Word follows instead of w:ascii
            font = (self.theme.fonts.get(theme[:5]) if theme else None) or fonts.get(f"{W}ascii")
        half = measure(None if size is None else size.get(f"{W}val"), HALF_POINT)
        low, high = HALF_POINTS  # a size outside them is not taken
        return {"font": font, "size": half / 2 if half is not None and low <= half <= high else None,
                "colour": self.theme.colour(colour if colour is not None and colour.get(f"{W}val") else None),
                "bold": on(rpr.find(f"{W}b")), "italic": on(rpr.find(f"{W}i")), "caps": caps(rpr),
                "hidden": on(rpr.find(f"{W}vanish")), "spacing": letter_spacing(rpr.find(f"{W}spacing"))}



def _paragraph(ppr: Element) -> dict[str, object]:
    spacing, jc = ppr.find(f"{W}spacing"), ppr.find(f"{W}jc")
    before, after = twips(spacing, "before"), twips(spacing, "after")
    numbering = numbered(ppr)
    return {"space_before": None if before is None else before / 20,
            "space_after": None if after is None else after / 20, **_line_rule(spacing),
            "align": None if jc is None else ALIGN.get(jc.get(f"{W}val", "")),
            "contextual": on(ppr.find(f"{W}contextualSpacing")),
            "numbered": _CLEARED if numbering and numbering[0] == "0" else numbering}  # numId 0: not numbered


def _line_rule(spacing: Element | None) -> dict[str, object]:
    """The line height a w:spacing says: a multiple ("auto"), exact, or at least so many points. Saying one
    clears the others a base style said."""
    line = twips(spacing, "line", negative=True)
    rule = "auto" if spacing is None else spacing.get(f"{W}lineRule", "auto")
    if line is None or rule not in _LINE_RULES:
        return {}
    return {"line": line / 240 if rule == "auto" else 1.0,
            "line_exact": line / 20 if rule == "exact" else _CLEARED,
            "line_at_least": line / 20 if rule == "atLeast" else _CLEARED}


def _theme_part(package: _Package) -> Element | None:
    """The theme part the document relates to (word/theme/theme1.xml as Word saves it), parsed."""
    rels = package.rels("word/document.xml")
    name = next((t for t in rels.values() if posixpath.basename(t).startswith("theme")), "")
    return package.xml(name) if name else None
