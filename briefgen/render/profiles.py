"""Audience profiles: `templates/<audience>.yaml`, validated like the model, with bundled defaults."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal, get_args

from pydantic import Field, PrivateAttr, model_validator

from briefgen.document.house import House
from briefgen.document.nodes import Theme
from briefgen.document.typefaces import FACES
from briefgen.errors import BriefgenError, Problem, Severity
from briefgen.model.loader import validate
from briefgen.model.schema import Id, Strict, Text
from briefgen.model.yamlsrc import Key, Located, load
from briefgen.render.audiences import profile_path
from briefgen.workspace import Workspace

Section = Literal["bluf", "judgments", "figures", "quotes", "gaps", "changes", "sources"]
Format = Literal["docx", "pdf"]
FontName = Literal["Caladea", "Carlito"]
assert set(get_args(FontName)) == set(FACES), "FontName must list the bundled faces"


class Limits(Strict):
    judgments: Annotated[int, Field(ge=0, le=1000)] = 1000
    figures: Annotated[int, Field(ge=0, le=1000)] = 1000
    quotes: Annotated[int, Field(ge=0, le=1000)] = 1000
    gaps: Annotated[int, Field(ge=0, le=1000)] = 1000


class Filters(Strict):
    max_priority: Annotated[int, Field(ge=1, le=999)] = 999
    tags: list[Id] = []
    include: list[Id] = []
    exclude: list[Id] = []


class Look(Strict):
    page_size: Literal["A4", "Letter"] = "A4"
    margins_mm: Annotated[list[Annotated[float, Field(ge=5, le=60)]], Field(min_length=4, max_length=4)] = [
        16, 18, 14, 18]
    body_font: FontName = "Caladea"
    heading_font: FontName = "Carlito"
    body_size: Annotated[float, Field(ge=7, le=16)] = 10.0
    accent: Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")] = "#1F3A5F"
    banner_color: Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")] = "#7A1F1F"
    logo: str | None = None
    reference_docx: str | None = None
    brand: str | None = None  # a Quarto _brand.yml inside templates/: colours, fonts, logo


class ChartSpec(Strict):
    """A bar chart of key figures, drawn under the figures table: name the figures, or a tag they carry."""

    title: Text
    figures: Annotated[list[Id], Field(max_length=12)] = []
    tag: Id | None = None
    unit_label: Text | None = None  # how the axis names the figures' unit ("US dollars" for USD)

    @model_validator(mode="after")
    def _one_choice(self) -> ChartSpec:
        if bool(self.figures) == (self.tag is not None):
            raise ValueError("give either `figures` (a list of figure ids) or `tag`, not both or neither")
        return self


class Profile(Strict):
    """One audience: what it sees, how it looks, how long it may be."""

    description: Text = ""
    template: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+\.j2$")]
    formats: Annotated[list[Format], Field(min_length=1)] = ["docx", "pdf"]
    max_pages: Annotated[int, Field(ge=1, le=500)] | None = None
    fit_slack: Annotated[float, Field(ge=0, le=0.3)] = 0.06
    sections: list[Section] = ["bluf", "judgments", "figures", "quotes", "gaps", "sources"]
    limits: Limits = Limits()
    filters: Filters = Filters()
    confidence: Literal["label", "plain", "hidden"] = "label"
    show_likelihood: bool = True
    show_evidence: bool = False
    show_corroboration: bool = False
    organisation: Text = ""
    banner: Text = ""
    footer: Text = ""
    look: Look = Look()
    chart: ChartSpec | None = None
    _source: Located | None = PrivateAttr(default=None)

    def problem(self, path: Key, message: str, hint: str = "", warning: bool = False) -> Problem:
        """A problem located at `path` in the profile file (just the file when it was not loaded from one)."""
        severity: Severity = "warning" if warning else "error"
        if self._source is None:
            return Problem("profile", message, hint=hint, severity=severity)
        return self._source.problem(path, message, hint, severity=severity)


def load_profile(ws: Workspace, name: str) -> Profile:
    path = profile_path(ws, name)
    located = load(path, ws.rel(path))
    profile = validate(located, Profile)
    profile._source = located
    if not template_exists(ws, profile.template):
        raise BriefgenError(profile.problem(("template",), f"template {profile.template!r} not found", (
            "create it under templates/, or name a bundled one: " + ", ".join(bundled_templates()))))
    return profile


def template_exists(ws: Workspace, name: str) -> bool:
    from jinja2 import TemplateNotFound

    from briefgen.render.templating import environment
    env = environment(ws.templates, ws.cache)
    try:
        env.loader.get_source(env, name)  # type: ignore[union-attr]
    except TemplateNotFound:
        return False
    return True


def bundled_templates() -> list[str]:
    from importlib.resources import files
    return sorted(p.name for p in files("briefgen").joinpath("templates").iterdir() if p.name.endswith(".j2"))


def theme_for(ws: Workspace, profile: Profile) -> Theme:
    """The profile's look as a Theme; a reference DOCX, then a brand file, fill in what `look` leaves unset."""
    from briefgen.render.assets import brand_theme, logo_path, reference_path

    look = profile.look
    top, right, bottom, left = look.margins_mm
    reference = reference_path(ws, profile)
    theme = Theme(page_size=look.page_size, margins_mm=(top, right, bottom, left), body_font=look.body_font,
                  heading_font=look.heading_font, body_size=look.body_size, accent=look.accent,
                  banner_color=look.banner_color, organisation=profile.organisation, footer=profile.footer,
                  logo=logo_path(ws, profile), reference_docx=reference)
    if reference is not None:
        from briefgen.render.house import read_reference
        theme = house_theme(theme, read_reference(reference, profile), look.model_fields_set)
    return brand_theme(ws, profile, theme)


def house_theme(theme: Theme, house: House, explicit: set[str]) -> Theme:
    """The theme with what the house style says, where the profile's `look` did not set the key itself: the
    page size and margins, the fonts and size of Normal and Heading 1, and Heading 1's colour as the accent."""
    normal, heading = house.style("Normal"), house.style("Heading 1")
    said = {"margins_mm": house.margins_mm, "body_font": normal.font, "heading_font": heading.font,
            "body_size": normal.size, "accent": heading.colour}
    changes = {key: value for key, value in said.items() if value is not None and key not in explicit}
    if "page_size" in explicit:
        house = replace(house, page_mm=None)
    return replace(theme, house=house, **changes)  # type: ignore[arg-type]
