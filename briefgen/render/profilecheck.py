"""Everything a build will use from `templates/`, checked before any build: every audience's profile, its
template (compiled, with every template it extends or includes), logo, reference DOCX, brand file, the fonts
they name and the chart. All problems of all audiences are reported at once, each at its file and line, so a
passing `check` leaves a build only reasons outside the inputs to fail (disk, lock)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.errors import BriefgenError, Problem
from briefgen.model.schema import Summary
from briefgen.render.assets import theme_for
from briefgen.render.audiences import audience_names
from briefgen.render.fonts import named_fonts
from briefgen.render.profiles import Profile, load_profile
from briefgen.workspace import Workspace

Step = Callable[[Workspace, Profile, str, Summary], list[Problem]]


def check_profiles(ws: Workspace, summary: Summary, names: Iterable[str] | None = None) -> list[Problem]:
    """The problems of the named audiences (default: every audience), each tagged with its audience."""
    found: list[Problem] = []
    for name in audience_names(ws) if names is None else names:
        found.extend(replace(p, item=f"audience {name}") for p in _check_one(ws, name, summary))
    return found


def _check_one(ws: Workspace, name: str, summary: Summary) -> list[Problem]:
    try:
        profile = load_profile(ws, name)
    except BriefgenError as exc:
        return exc.problems
    found: list[Problem] = []
    for step in (_compiles, _look, _chart):
        try:
            found.extend(step(ws, profile, name, summary))
        except BriefgenError as exc:
            found.extend(exc.problems)
    return found


def _compiles(ws: Workspace, profile: Profile, name: str, summary: Summary) -> list[Problem]:
    """Compile the template and every template it extends or includes (syntax errors at their line)."""
    from briefgen.render.templating import compile_all

    compile_all(ws, profile.template)
    return []


def _look(ws: Workspace, profile: Profile, name: str, summary: Summary) -> list[Problem]:
    """The logo, reference DOCX, brand file and fonts (theme_for reads them as a build does); warnings for the
    letterhead pictures the PDF leaves out and the fonts a house style names that the PDF can only draw in a
    substitute (at the key that brought the font in)."""
    theme = theme_for(ws, profile)
    look = profile.look
    if theme.house is None and look.brand is None:
        return []
    key = "brand" if look.brand is not None else "reference_docx"
    pictures = [profile.problem(("look", "reference_docx"), f"the letterhead's {why}: the PDF leaves it out",
                                warning=True, hint="insert the picture as a PNG or JPEG in the reference's header "
                                "or footer (the DOCX keeps it as it is)")
                for why in (theme.house.left_out if theme.house else ())]
    return pictures + [profile.problem(("look", key), note, warning=True, hint=(
                "put the font's .ttf files in templates/ (found by the family name inside them) or name them in "
                "look.fonts; the DOCX keeps the font for Word; without a file the PDF has Caladea (Cambria's "
                "metrics) and Carlito (Calibri's)"))
            for font in named_fonts(theme) if (note := theme.fonts.substitute_note(font))]


def _chart(ws: Workspace, profile: Profile, name: str, summary: Summary) -> list[Problem]:
    from briefgen.render.figures import chart_figures

    chart_figures(summary, profile, name)
    return []


def audience_fonts(ws: Workspace, names: Iterable[str] | None = None) -> dict[str, FontSet]:
    """The fonts of each audience that writes a PDF (default: every audience), for `check`'s characters no
    font draws. A profile that cannot be read counts with the bundled fonts (check_profiles reports it)."""
    found: dict[str, FontSet] = {}
    for name in audience_names(ws) if names is None else names:
        try:
            profile = load_profile(ws, name)
            if "pdf" in profile.formats:
                found[name] = theme_for(ws, profile).fonts
        except BriefgenError:
            found[name] = BUNDLED
    return found
