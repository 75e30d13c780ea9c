"""A profile's look as a Theme, and the files it names (its logo, reference DOCX, brand file, fonts: see
render/fonts.py), checked and reported at their key in the profile.

The safety of reading each file (inside templates/, bounded size, no image or zip bomb) is sources/assets.py's;
this module adds what a brief needs of them and places every problem at the profile's line.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree.ElementTree import ParseError, fromstring

from briefgen.document.house import PT_MM, STRICT_WORDML, WORD_MAIN_TYPES, House, StyleLook
from briefgen.document.layout import (
    FURNITURE_DISTANCE_MM,
    FURNITURE_LINE,
    PAGE_NUMBERS_WIDEST,
    STYLES,
    estimated_lines,
    furniture_size,
)
from briefgen.document.nodes import Theme
from briefgen.errors import BriefgenError
from briefgen.render.profiles import Profile
from briefgen.sources.assets import AssetError, asset_path, check_logo
from briefgen.sources.reference import REFERENCE_HINT, check_reference
from briefgen.workspace import Workspace
from briefgen.zips import ZIP_DAMAGE

_BRAND_HINT = "set look.brand to a Quarto _brand.yml file inside templates/"


def theme_for(ws: Workspace, profile: Profile) -> Theme:
    """The profile's look as a Theme; a reference DOCX, then a brand file, fill in what `look` leaves unset."""
    look = profile.look
    top, right, bottom, left = look.margins_mm
    reference = reference_path(ws, profile)
    theme = Theme(page_size=look.page_size, margins_mm=(top, right, bottom, left), body_font=look.body_font,
                  heading_font=look.heading_font, body_size=look.body_size, accent=look.accent,
                  banner_color=look.banner_color, organisation=profile.organisation, footer=profile.footer,
                  logo=logo_path(ws, profile), reference_docx=reference,
                  pdf_standard=look.pdf_standard)
    if reference is not None:
        from briefgen.render.house import read_reference
        theme = house_theme(theme, read_reference(reference, profile), look.model_fields_set)
        _check_page(theme, profile)
        _check_indents(theme, profile)
        _check_styles(theme, profile)
    from briefgen.render.fonts import with_fonts
    from briefgen.render.legibility import refuse_hidden

    theme = brand_theme(ws, profile, theme)
    _check_footer(theme, profile)
    refuse_hidden(theme, profile)
    return with_fonts(ws, profile, theme)


def house_theme(theme: Theme, house: House, explicit: set[str]) -> Theme:
    """The theme with what the house style says, where the profile's `look` did not set the key itself: the
    page size and margins, the fonts and size of Normal and Heading 1, and Heading 1's colour as the accent."""
    normal, heading = house.style("Normal"), house.style("Heading 1")
    said = {"margins_mm": house.margins_mm, "body_font": normal.font, "heading_font": heading.font,
            "body_size": normal.size, "accent": heading.colour}
    changes = {key: value for key, value in said.items() if value is not None and key not in explicit}
    if "page_size" in explicit:
        house = replace(house, page_mm=None)
    if "margins_mm" in explicit:  # the profile's margins are not fixed ones
        house = replace(house, fixed_margins=(False, False))
    return replace(theme, house=house, **changes)  # type: ignore[arg-type]


MIN_TEXT_MM = 50.0  # the smallest text area (width and height) a brief is laid out in
MAX_PAGE_MM = 558.8  # Word's largest page side, 22 inches


def _check_page(theme: Theme, profile: Profile) -> None:
    """Refuse a reference's page that cannot hold a brief: a side beyond Word's 22 inches, or margins (or a
    letterhead reaching past them) that leave less than MIN_TEXT_MM of text width or height."""
    (width, height), (top, right, bottom, left) = theme.page_mm, theme.margins_mm
    reach = (0.0, 0.0) if theme.house is None else theme.house.reach_mm(  # lines wrapped at least this wide
        theme.body_size, theme.page_mm, max(width - left - right, MIN_TEXT_MM))
    fixed = (False, False) if theme.house is None else theme.house.fixed_margins
    text_w = width - left - right
    text_h = height - (top if fixed[0] else max(top, reach[0])) - (bottom if fixed[1] else max(bottom, reach[1]))
    if max(width, height) > MAX_PAGE_MM or min(text_w, text_h) < MIN_TEXT_MM:
        raise BriefgenError(profile.problem(("look", "reference_docx"), (
            f"its page of {width:.0f} × {height:.0f} mm with margins of {top:.0f}, {right:.0f}, {bottom:.0f} and "
            f"{left:.0f} mm (its header reaching {reach[0]:.0f} mm down, its footer {reach[1]:.0f} mm up) cannot "
            "hold a brief"),
            f"in Word (Layout > Margins, Size) give it a page of at most {MAX_PAGE_MM / 25.4:.0f} inches a side, and "
            f"margins, header and footer that leave at least {MIN_TEXT_MM:.0f} mm of text each way (look.page_size "
            "and look.margins_mm in the profile win over the reference)"))


def _check_indents(theme: Theme, profile: Profile) -> None:
    """Refuse a letterhead paragraph whose indents leave its words no room on the page (render/letterroom.py)."""
    from briefgen.render.letterroom import cramped

    problem = None if theme.house is None else cramped(theme.house, theme.page_mm, theme.margins_mm,
                                                        theme.body_size)
    if problem is not None:
        raise BriefgenError(profile.problem(("look", "reference_docx"), problem, (
            "in Word, click in that paragraph and set its indents (Home > Paragraph > Indentation) within the "
            "text's width")))


def _check_footer(theme: Theme, profile: Profile) -> None:
    """Refuse a profile footer so long that, set in lines of its own above the page numbers, it would leave
    the brief less than MIN_TEXT_MM of the page's height (the fit would otherwise drop every item to make room)."""
    if not theme.footer or (theme.house is not None and theme.house.letterhead):
        return  # a house letterhead replaces briefgen's own footer
    (width, height), (top, right, bottom, left) = theme.page_mm, theme.margins_mm
    size, room = furniture_size(theme.body_size), (width - left - right) / PT_MM
    beside = len(theme.footer) + len(PAGE_NUMBERS_WIDEST) + 4
    lines = 1 + (estimated_lines(theme.footer, size, room) if estimated_lines("x" * beside, size, room) > 1 else 0)
    reach = FURNITURE_DISTANCE_MM + lines * size * FURNITURE_LINE * PT_MM
    if height - top - max(bottom, reach) < MIN_TEXT_MM:
        raise BriefgenError(profile.problem(("footer",), (
            f"the footer, {len(theme.footer)} characters on about {lines - 1} lines of its own, would reach "
            f"{reach:.0f} mm up the page and leave the brief less than {MIN_TEXT_MM:.0f} mm of its height"),
            "shorten it to a line or two; a long notice can go in the brief's text, or in a house style's footer "
            "(look.reference_docx), which is held to the same page"))


LEGIBLE_LINE = 1 / 3  # an exact line height below this share of its font size hides the text
PARAGRAPH_SHARE = 1 / 3  # the most of the text height one line of a style may take, with its spacing


def _check_styles(theme: Theme, profile: Profile) -> None:
    """Refuse a style the brief uses whose exact line height hides its text (Word and LibreOffice draw lines
    0 pt apart on top of one another, or not at all), or whose one-line paragraph, with its spacing and
    border, takes more than a third of the page's text height: neither format could set a brief with it."""
    assert theme.house is not None
    defined = dict(theme.house.styles)
    text_pt = (theme.page_mm[1] - theme.margins_mm[0] - theme.margins_mm[2]) / PT_MM
    for spec in sorted(STYLES.values(), key=lambda spec: spec.word_name != "Normal"):  # the others inherit it
        look = defined.get(spec.word_name.lower())
        if look is None:
            continue
        size = look.size or theme.body_size
        if look.line_exact is not None and look.line_exact < size * LEGIBLE_LINE:
            raise _style_problem(profile, spec.word_name, f"sets its {size:g} pt text on lines exactly "
                                 f"{look.line_exact:g} pt apart, which hides it")
        tall = _one_line(look, size)
        if tall > text_pt * PARAGRAPH_SHARE:
            raise _style_problem(profile, spec.word_name, f"takes {tall:.0f} pt for a paragraph of one line "
                                 f"(its spacing before and after, line height and border), more than a third of "
                                 f"the page's {text_pt:.0f} pt of text height")


def _one_line(look: StyleLook, size: float) -> float:
    line = look.line_exact if look.line_exact is not None else max(
        size * 1.2 * (look.line or 1.0), look.line_at_least or 0.0)
    rules = sum(rule.room for rule in look.rules if rule.side in ("top", "bottom"))
    return (look.space_before or 0.0) + line + (look.space_after or 0.0) + rules


def _style_problem(profile: Profile, name: str, what: str) -> BriefgenError:
    return BriefgenError(profile.problem(("look", "reference_docx"), f"its style {name!r} {what}", (
        f"in Word, modify the style {name!r} (Home > Styles, right-click, Modify > Format > Paragraph): give it "
        "ordinary spacing before and after and a line spacing of Single, Multiple or At least")))


def _placed(profile: Profile, key: str, exc: AssetError) -> BriefgenError:
    return BriefgenError(profile.problem(("look", key), exc.message, exc.hint))


def _inside(ws: Workspace, profile: Profile, key: str, name: str, hint: str, what: str) -> Path:
    """`templates/<name>`, refused at the profile key when it leads outside templates/ or is not there."""
    try:
        path = asset_path(ws.templates, name, what, hint)
    except AssetError as exc:
        raise _placed(profile, key, exc) from None
    if not path.is_file():
        missing = "not found" if not os.path.lexists(path) else "is not a regular file"
        raise BriefgenError(profile.problem(("look", key), f"{what} {name!r} {missing}", hint))
    return path


def logo_path(ws: Workspace, profile: Profile) -> Path | None:
    """The profile's logo: a whole PNG or JPEG of sane size inside templates/ (sources/assets.py checks it)."""
    name = profile.look.logo
    return None if name is None else _image(ws, profile, "logo", name)


def _image(ws: Workspace, profile: Profile, key: str, name: str) -> Path:
    try:
        return check_logo(ws.templates, name)
    except AssetError as exc:
        raise _placed(profile, key, exc) from None


def brand_theme(ws: Workspace, profile: Profile, theme: Theme) -> Theme:
    """The theme with the brand file's colours, fonts and logo where `look` does not set them itself."""
    name = profile.look.brand
    if name is None:
        return theme
    from briefgen.render.brand import read_brand

    path = _inside(ws, profile, "brand", name, _BRAND_HINT, "brand file")
    explicit = profile.look.model_fields_set
    brand = read_brand(ws, path, with_logo="logo" not in explicit)
    said = {"accent": brand.accent, "banner_color": brand.banner_color, "body_font": brand.body_font,
            "heading_font": brand.heading_font, "logo": brand.logo}
    changes: dict[str, object] = {k: v for k, v in said.items() if v is not None and k not in explicit}
    return replace(theme, **changes)  # type: ignore[arg-type]


def reference_path(ws: Workspace, profile: Profile) -> Path | None:
    """The profile's reference DOCX: safe to open (sources/assets.py), holding word/document.xml, declared a
    document (a .dotx template or a macro-free mismatch is refused here, before any brief is written)."""
    name = profile.look.reference_docx
    if name is None:
        return None
    try:
        path = check_reference(ws.templates, name)  # inside templates/, bounded, no zip or entity bomb
    except AssetError as exc:
        raise _placed(profile, "reference_docx", exc) from None

    def refuse(message: str) -> BriefgenError:
        return BriefgenError(profile.problem(("look", "reference_docx"), message, REFERENCE_HINT))

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            missing = None if "word/document.xml" in names else "word/document.xml"
            strict = not missing and _strict(archive)
    except ZIP_DAMAGE:
        raise refuse(f"{name}: not a DOCX file (not a zip archive)") from None
    if missing:
        raise refuse(f"{name}: not a Word document: it has no {missing}")
    if strict:
        raise refuse(f"{name}: saved as a Strict Open XML document, which briefgen cannot read (in Word: File > "
                     "Save As, type 'Word Document (*.docx)')")
    if not _declares_document(types):
        raise refuse(f"{name}: cannot open it as a document: its main part is not declared a Word document, "
                     "template or macro-enabled one (save it again from Word as .docx)")
    return path


def _strict(archive: zipfile.ZipFile) -> bool:
    """Whether the main part is in Strict Open XML (its root declares the namespace in its first bytes)."""
    with archive.open("word/document.xml") as part:
        return STRICT_WORDML.encode() in part.read(4096)


def _declares_document(types: bytes) -> bool:
    try:
        root = fromstring(types)
    except ParseError:
        return False
    return any(child.get("PartName") == "/word/document.xml" and child.get("ContentType") in WORD_MAIN_TYPES
               for child in root)
