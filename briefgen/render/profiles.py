"""Audience profiles: `templates/<audience>.yaml`, validated like the model, with bundled defaults."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import Field, PrivateAttr, model_validator

from briefgen.document.nodes import Theme
from briefgen.document.typefaces import FACES
from briefgen.errors import BriefgenError, Problem
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


class DocumentControl(Strict):
    """A block under the title saying which version the brief is, when it was issued, and who receives it."""

    distribution: Annotated[list[Text], Field(max_length=500)] = []
    in_footer: bool = True  # also print the version in every page's footer


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
    document_control: DocumentControl | None = None
    _source: Located | None = PrivateAttr(default=None)

    def problem(self, path: Key, message: str, hint: str = "") -> Problem:
        """A problem located at `path` in the profile file (just the file when it was not loaded from one)."""
        if self._source is None:
            return Problem("profile", message, hint=hint)
        return self._source.problem(path, message, hint)


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
    look = profile.look
    logo = (ws.templates / look.logo) if look.logo else None
    if logo is not None and not logo.is_file():
        raise BriefgenError(Problem(ws.rel(logo), "logo image not found", hint="set look.logo to a PNG or JPEG "
                                    "inside templates/"))
    top, right, bottom, left = look.margins_mm
    return Theme(page_size=look.page_size, margins_mm=(top, right, bottom, left), body_font=look.body_font,
                 heading_font=look.heading_font, body_size=look.body_size, accent=look.accent,
                 banner_color=look.banner_color, organisation=profile.organisation, footer=profile.footer,
                 logo=logo, reference_docx=reference_docx(ws, look.reference_docx))


_REFERENCE_HINT = ("set look.reference_docx to a .docx file inside templates/ (saved by Word, LibreOffice or "
                   "python-docx); its styles and page setup restyle the DOCX brief")


def reference_docx(ws: Workspace, name: str | None) -> Path | None:
    """The profile's reference DOCX, checked: inside templates/, a file, a zip holding word/styles.xml."""
    if name is None:
        return None
    path = (ws.templates / name).resolve()

    def problem(message: str) -> BriefgenError:
        return BriefgenError(Problem(ws.rel(path), message, path="look.reference_docx", hint=_REFERENCE_HINT))

    if not path.is_relative_to(ws.templates.resolve()):
        raise problem(f"the reference DOCX {name!r} is outside templates/")
    if not path.is_file():
        raise problem("reference DOCX not found")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile):
        raise problem("not a DOCX file (not a zip archive)") from None
    if "word/styles.xml" not in names:
        raise problem("not a Word document: it has no word/styles.xml")
    _opens(path, problem)
    return path


def _opens(path: Path, problem: Callable[[str], BriefgenError]) -> None:
    """python-docx opens it as a document (a .dotx template or a broken package is refused here, before any
    brief is written, not half-way through a build)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        docx.Document(str(path))
    except (KeyError, ValueError, PackageNotFoundError) as exc:
        raise problem(f"python-docx cannot open it as a document: {exc}") from None
