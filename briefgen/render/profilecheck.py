"""Everything a build will use from `templates/`, checked before any build: every audience's profile, its
template (compiled, with every template it extends or includes, and once the model verifies, run on it:
`rendered`), logo, reference DOCX, brand file, the fonts they name and the chart. All problems of all
audiences are reported at once, each at its file and line, so a passing `check` leaves a build only reasons
outside the inputs to fail (disk, lock)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefgen.document.typefaces import BUNDLED, FontSet
from briefgen.errors import BriefgenError, Problem, did_you_mean
from briefgen.model.fields import ITEM_KINDS
from briefgen.model.loader import Loaded
from briefgen.render.assets import theme_for
from briefgen.render.audiences import NAME_HINT, audience_names, is_audience_name
from briefgen.render.fonts import named_fonts
from briefgen.render.legibility import pale
from briefgen.render.profiles import Profile, load_profile
from briefgen.render.release import open_ceiling, unknown_ceiling
from briefgen.render.scriptcheck import script_substitutes
from briefgen.render.spacingcheck import overspaced
from briefgen.verify.markings import assess, scheme_of
from briefgen.workspace import Workspace

if TYPE_CHECKING:
    from briefgen.document.house import House
    from briefgen.verify.check import Checked

# what changed and the edition context a build would compose an audience's brief with (None: a first edition)
EditionOf = Callable[[str, Profile], "tuple[list[dict[str, str]], dict[str, Any]] | None"]

Step = Callable[[Workspace, Profile, str, Loaded], list[Problem]]


def check_profiles(ws: Workspace, loaded: Loaded, names: Iterable[str] | None = None) -> list[Problem]:
    """The problems of the named audiences (default: every audience), each tagged with its audience, and of
    the model's items naming an audience there is none of."""
    known = audience_names(ws)
    found: list[Problem] = []
    for name in known if names is None else names:
        found.extend(replace(p, item=f"audience {name}") for p in _check_one(ws, name, loaded))
    return found + unknown_audiences(loaded, known) + stray_profiles(ws)


def rendered(checked: Checked, context_of: EditionOf | None = None) -> list[Problem]:
    """Each audience's template run on the verified model, as a build runs it before the fit
    (render/compose.compose_trial: the most important items of each section, no writer, no page measured): an
    error that only running a template finds (a name it does not know used in a sum, a filter given the wrong
    kind of value, markup the brief cannot read) is reported at its file and line, tagged with the audience,
    instead of stopping the build. `context_of(audience, profile)` gives what changed and the edition context
    a build would compose the brief with now (regen/standing.py), None for a first edition."""
    from briefgen.render.compose import compose_trial

    found: list[Problem] = []
    for name in audience_names(checked.ws):
        try:
            profile = load_profile(checked.ws, name)
            compose_trial(checked, name, profile, context_of(name, profile) if context_of else None)
        except BriefgenError as exc:
            found.extend(replace(p, item=f"audience {name}") for p in exc.problems)
    return found


def _check_one(ws: Workspace, name: str, loaded: Loaded) -> list[Problem]:
    try:
        profile = load_profile(ws, name)
    except BriefgenError as exc:
        return exc.problems
    found: list[Problem] = []
    for step in (_compiles, _look, _chart, _ceiling, _filters):
        try:
            found.extend(step(ws, profile, name, loaded))
        except BriefgenError as exc:
            found.extend(exc.problems)
    return found


def _compiles(ws: Workspace, profile: Profile, name: str, loaded: Loaded) -> list[Problem]:
    """Compile the template and every template it extends or includes (syntax errors at their line)."""
    from briefgen.render.templating import compile_all

    compile_all(ws, profile.template)
    return []


def _look(ws: Workspace, profile: Profile, name: str, loaded: Loaded) -> list[Problem]:
    """The logo, reference DOCX, brand file and fonts (theme_for reads them as a build does); warnings for the
    letterhead pictures the PDF leaves out and the fonts a house style names that the PDF can only draw in a
    substitute (at the key that brought the font in)."""
    theme = theme_for(ws, profile)
    look = profile.look
    if theme.house is None and look.brand is None:
        return pale(theme, profile)
    key = "brand" if look.brand is not None else "reference_docx"
    pictures = [profile.problem(("look", "reference_docx"), f"the letterhead's {why}", warning=True, hint=(
                "insert the picture as a PNG or JPEG, and draw a shape as a rectangle, ellipse, triangle, diamond, "
                "line or freeform without arcs, in one colour, in the reference's header or footer (the DOCX keeps "
                "it as it is)"))
                for why in (theme.house.left_out if theme.house else ())]
    return pale(theme, profile) + pictures + _unheeded(profile, theme.house) + _hand_table(profile, theme.house) + [
        profile.problem(("look", key), note, warning=True, hint=(
                "put the font's .ttf files in templates/ (found by the family name inside them) or name them in "
                "look.fonts; the DOCX keeps the font for Word; without a file the PDF has Caladea (Cambria's "
                "metrics), Carlito (Calibri's), Liberation Serif (Times New Roman's), Sans (Arial's) and Mono (Courier "
                "New's)"))
            for font in named_fonts(theme) if (note := theme.fonts.substitute_note(font))] + [
        profile.problem(("look", key), note, warning=True, hint=(
                "put the font's .ttf file in templates/ (found by the family name inside it), or name a face for "
                "the script in look.fonts; the DOCX keeps the font for Word"))
            for note in script_substitutes(theme, _text(loaded))] + [
        profile.problem(("look", "reference_docx"), note, warning=True, hint=(
                "expand or condense the style's letters by less (Font > Advanced > Spacing); the DOCX keeps it for "
                "Word"))
            for note in (overspaced(theme.house, theme.body_size) if theme.house is not None else [])]


def _hand_table(profile: Profile, house: House | None) -> list[Problem]:
    """A warning where the reference's first table is formatted by hand in a way the brief's table cannot follow."""
    if house is None or not house.table_note:
        return []
    return [profile.problem(("look", "reference_docx"), f"its first table is formatted by hand and {house.table_note}: "
                            "the brief's table keeps briefgen's own look", warning=True, hint=(
                                "set the table in a table style (Table Design), or give every cell of a row the "
                                "same shading, lines and text colour, the rows under the header alternating "
                                "between at most two looks"))]


def _text(loaded: Loaded) -> str:
    """All the text a brief may draw from: the summary's and the catalogue's (sources' titles in the notes)."""
    return loaded.summary.model_dump_json() + loaded.catalogue.model_dump_json()


def _unheeded(profile: Profile, house: House | None) -> list[Problem]:
    """A warning naming what the reference sets for its pages that neither format of the brief takes."""
    if house is None or not house.unheeded:
        return []
    said = house.unheeded
    listed = said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"
    return [profile.problem(("look", "reference_docx"), f"the brief does not take its {listed}: neither format "
                            "has them", warning=True, hint=(
                                "a brief is set on white pages in one column of unhyphenated text, as the PDF draws "
                                "it; turn them off in the reference to silence this"))]


def _chart(ws: Workspace, profile: Profile, name: str, loaded: Loaded) -> list[Problem]:
    from briefgen.render.figures import chart_figures

    chart_figures(loaded.summary, profile, name)
    return []


def _ceiling(ws: Workspace, profile: Profile, name: str, loaded: Loaded) -> list[Problem]:
    """The ceiling names a level of the catalogue's marking scheme, and is set when the workspace marks
    anything above the publishable level (a build refuses it otherwise)."""
    scheme = scheme_of(loaded)
    if scheme is not None and profile.ceiling is None:
        problem = open_ceiling(profile, assess(loaded)[0])
        return [problem] if problem else []
    if scheme is None or profile.ceiling is None or scheme.ceiling(profile.ceiling) is not None:
        return []
    return [unknown_ceiling(profile, scheme)]


def _filters(ws: Workspace, profile: Profile, name: str, loaded: Loaded) -> list[Problem]:
    """Warnings for filters that name an item or a tag the model does not have (a typo there silently
    empties a brief), and for an include that an item's own audiences list overrides."""
    summary, filters = loaded.summary, profile.filters
    ids = [i.id for kind in ITEM_KINDS for i in getattr(summary, kind)]
    tags = sorted({t for kind in ITEM_KINDS for i in getattr(summary, kind) for t in getattr(i, "tags", ())})
    unknown = [profile.problem(("filters", key, n), message.format(wanted), did_you_mean(wanted, known, what),
                               warning=True)
               for key, known, what, message in (("include", ids, "item ids", "no item {!r}"),
                                                 ("exclude", ids, "item ids", "no item {!r}"),
                                                 ("tags", tags, "tags the items carry", "no item carries the tag {!r}"))
               for n, wanted in enumerate(getattr(filters, key)) if wanted not in known]
    return unknown + _kept_from(profile, name, loaded) + _emptied(profile, name, loaded)


def _emptied(profile: Profile, name: str, loaded: Loaded) -> list[Problem]:
    """A warning for each section the profile lists of which the model has items, every one left out by the
    filters (or by its own audiences): the brief would go without the section, and say nothing of it."""
    from briefgen.render.selection import shown_by

    limit = profile.filters.max_priority
    emptied = [(n, section, items) for n, section in enumerate(profile.sections) if section in ITEM_KINDS
               and (items := getattr(loaded.summary, section)) and not any(shown_by(i, profile, name) for i in items)]
    problems = []
    for n, section, items in emptied:
        first = min(i.priority for i in items)
        why, fix = ((f"the most important has priority {first}, above filters.max_priority {limit}",
                     f"give the {section} it should show a priority of at most {limit} in seeds/summary.yaml (an item "
                     "without one has 50), raise filters.max_priority")
                    if first > limit else ("by filters.exclude, filters.tags or the items' own audiences",
                                           "loosen filters.exclude or filters.tags (or the items' audiences)"))
        problems.append(profile.problem(
            ("sections", n), f"the {name} brief would have no {section}: all {len(items)} in the model are left out "
            f"({why})", f"{fix}, or take {section} out of sections", warning=True))
    return problems


def _kept_from(profile: Profile, name: str, loaded: Loaded) -> list[Problem]:
    """Warnings for `filters.include` naming an item whose own `audiences` leave this audience out: the item
    stays out (the model's list wins), which the profile's author may not expect."""
    summary = loaded.summary
    shown = {i.id: i.audiences for kind in ITEM_KINDS for i in getattr(summary, kind)
             if getattr(i, "audiences", None) is not None}
    return [profile.problem(("filters", "include", n), f"{wanted!r} is for audiences {', '.join(shown[wanted])} "
                            f"only (its audiences list), so the {name} brief leaves it out",
                            f"add {name} to the item's audiences in seeds/summary.yaml if it may see it",
                            warning=True)
            for n, wanted in enumerate(profile.filters.include) if wanted in shown and name not in shown[wanted]]


def unknown_audiences(loaded: Loaded, known: list[str]) -> list[Problem]:
    """An error for each item whose `audiences` names an audience there is no profile of: it would be left
    out of every brief, unseen."""
    return [loaded.summary_src.problem((kind, i, "audiences", n), f"{item.id}: no audience {name!r}",
                                       did_you_mean(name, known, "audiences"), item=item.id)
            for kind in ITEM_KINDS for i, item in enumerate(getattr(loaded.summary, kind))
            for n, name in enumerate(getattr(item, "audiences", None) or ()) if name not in known]


def stray_profiles(ws: Workspace) -> list[Problem]:
    """A warning for each YAML file in templates/ whose name is no audience name (`Board.yaml`,
    `board brief.yaml`): it is never used, which its author would not guess."""
    try:
        names = sorted(p.name for p in ws.templates.glob("*.yaml"))
    except OSError:
        return []
    return [Problem(f"templates/{n}", "not an audience: its name is not an audience name, so no build uses it",
                    hint=f"rename it board.yaml or the like: {NAME_HINT}", severity="warning")
            for n in names if not is_audience_name(n[:-5])]


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
