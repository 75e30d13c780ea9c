"""Audience profiles: `templates/<audience>.yaml`, validated like the model, with bundled defaults."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, Field, FiniteFloat, PrivateAttr, model_validator

from briefgen.document.formats import FORMATS, Format
from briefgen.document.nodes import PdfStandard, Theme
from briefgen.document.typefaces import FACES, FONT_SLOTS
from briefgen.errors import BriefgenError, Problem, Severity, ThemeError, Unplaced
from briefgen.model.fields import ITEM_KINDS, ChartText, FileName, Id, ItemKind, Marking, NotBool, Text
from briefgen.model.loader import validate
from briefgen.model.schema import Strict
from briefgen.model.yamlsrc import Key, Located, load
from briefgen.render.audiences import profile_path
from briefgen.templates import FOLDER as BUNDLED
from briefgen.workspace import Workspace

Section = Literal["bluf", ItemKind, "changes", "sources"]
CHART_MAX_FIGURES = 12  # bars a chart can label legibly across the text width
FontName = Literal["Caladea", "Carlito", "LiberationSerif", "LiberationSans", "LiberationMono"]
assert set(get_args(FontName)) == set(FACES), "FontName must list the bundled faces"


def _once_each(sections: list[str]) -> list[str]:
    twice = next((s for n, s in enumerate(sections) if s in sections[:n]), None)
    if twice is not None:
        raise ValueError(f"{twice!r} is listed twice: a brief shows each section once")
    return sections


class Limits(Strict):
    judgments: Annotated[int, Field(ge=0, le=1000), NotBool] = 1000
    figures: Annotated[int, Field(ge=0, le=1000), NotBool] = 1000
    quotes: Annotated[int, Field(ge=0, le=1000), NotBool] = 1000
    gaps: Annotated[int, Field(ge=0, le=1000), NotBool] = 1000


class Filters(Strict):
    max_priority: Annotated[int, Field(ge=1, le=999), NotBool] = 999
    tags: list[Id] = []
    include: list[Id] = []
    exclude: list[Id] = []


_THEME = Theme()  # briefgen's own look: the one place its defaults are written (document/nodes.py)
Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]


class FontStyles(Strict):
    """One face in up to four files: the regular file, and the bold, italic and bold italic ones if any (a
    style without a file of its own is drawn from the regular file)."""

    regular: FileName
    bold: FileName | None = None
    italic: FileName | None = None
    bold_italic: FileName | None = None


FontFiles = FileName | FontStyles  # a file name inside templates/, or one file per style


class LookFonts(Strict):
    """look.fonts: the profile's own font files (TTF, or OTF with TrueType outlines, inside templates/), by
    text role (body, heading) and script class; both formats use them, the PDF embeds them."""

    body: FontFiles | None = None
    heading: FontFiles | None = None
    arabic: FontFiles | None = None  # Arabic, Persian, Urdu…
    hebrew: FontFiles | None = None
    devanagari: FontFiles | None = None  # Hindi, Marathi, Nepali…
    bengali: FontFiles | None = None
    gurmukhi: FontFiles | None = None
    gujarati: FontFiles | None = None
    tamil: FontFiles | None = None
    telugu: FontFiles | None = None
    kannada: FontFiles | None = None
    malayalam: FontFiles | None = None
    sinhala: FontFiles | None = None
    thai: FontFiles | None = None
    lao: FontFiles | None = None
    myanmar: FontFiles | None = None
    khmer: FontFiles | None = None
    cjk: FontFiles | None = None  # Chinese (Simplified and Traditional) and Japanese
    hangul: FontFiles | None = None  # Korean
    oriya: FontFiles | None = None  # Odia
    armenian: FontFiles | None = None
    georgian: FontFiles | None = None
    syriac: FontFiles | None = None
    thaana: FontFiles | None = None  # Dhivehi
    nko: FontFiles | None = None  # N'Ko (Manding languages)
    tibetan: FontFiles | None = None
    mongolian: FontFiles | None = None  # the Mongolian script (Mongolia's Mongolian is Cyrillic)
    cherokee: FontFiles | None = None
    canadian: FontFiles | None = None  # Unified Canadian Aboriginal Syllabics: Inuktitut, Cree, Ojibwe
    tifinagh: FontFiles | None = None  # Tamazight
    javanese: FontFiles | None = None
    olchiki: FontFiles | None = None  # Santali
    adlam: FontFiles | None = None  # Fula
    vai: FontFiles | None = None
    yi: FontFiles | None = None  # Nuosu


assert set(LookFonts.model_fields) == set(FONT_SLOTS), "LookFonts must list typefaces.FONT_SLOTS"


class Look(Strict):
    page_size: Literal["A4", "Letter"] = _THEME.page_size
    margins_mm: Annotated[list[Annotated[FiniteFloat, Field(ge=5, le=60), NotBool]],
                          Field(min_length=4, max_length=4)] = list(_THEME.margins_mm)
    body_font: FontName = _THEME.body_font  # type: ignore[assignment]  # a bundled face (checked below)
    heading_font: FontName = _THEME.heading_font  # type: ignore[assignment]
    body_size: Annotated[FiniteFloat, Field(ge=7, le=16), NotBool] = _THEME.body_size
    accent: Colour = _THEME.accent
    banner_color: Colour = _THEME.banner_color
    logo: FileName | None = None
    reference_docx: FileName | None = None
    brand: FileName | None = None  # a Quarto _brand.yml inside templates/: colours, fonts, logo
    pdf_standard: PdfStandard = _THEME.pdf_standard  # "ua-1+a-2b": PDF/A-2b as well as PDF/UA-1
    fonts: LookFonts = LookFonts()


class ChartSpec(Strict):
    """A bar chart of key figures, drawn under the figures table: name the figures, or a tag they carry."""

    title: ChartText
    figures: Annotated[list[Id], Field(max_length=CHART_MAX_FIGURES)] = []
    tag: Id | None = None
    unit_label: ChartText | None = None  # the axis's name for the unit

    @model_validator(mode="after")
    def _one_choice(self) -> ChartSpec:
        if bool(self.figures) == (self.tag is not None):
            raise ValueError("give either `figures` (a list of figure ids) or `tag`, not both or neither")
        return self


class CitationStyle(Strict):
    """What a source's first (full) footnote shows, and how later ones are shortened."""

    seed_file: bool = False  # the seed's path inside the workspace: for the analysts who keep it
    accessed: bool = True
    url: bool = True
    short_form: Literal["title", "originator", "full"] = "title"  # later citations; `full` never shortens
class DocumentControl(Strict):
    """A block under the title saying which version the brief is, when it was issued, and who receives it."""

    distribution: Annotated[list[Text], Field(max_length=500)] = []
    in_footer: bool = True  # also print the version in every page's footer


class Profile(Strict):
    """One audience: what it sees, how it looks, how long it may be."""

    description: Text = ""
    template: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+\.j2$")]
    formats: Annotated[list[Format], Field(min_length=1)] = list(FORMATS)
    max_pages: Annotated[int, Field(ge=1, le=500), NotBool] | None = None
    fit_slack: Annotated[FiniteFloat, Field(ge=0, le=0.3), NotBool] = 0.06
    sections: Annotated[list[Section], Field(min_length=1), AfterValidator(_once_each)] = [
        "bluf", *ITEM_KINDS, "sources"]
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
    ceiling: Marking | None = None  # the highest marking this audience may see (a level, lowest or highest)
    portion_marks: bool = False
    citations: CitationStyle = CitationStyle()
    document_control: DocumentControl | None = None
    _source: Located | None = PrivateAttr(default=None)

    def place(self, exc: Unplaced) -> BriefgenError:
        """A writer's error at the profile line that set the value (a theme error), else at the template."""
        if isinstance(exc, ThemeError):
            return BriefgenError(self.problem(("look", exc.key), exc.message, exc.hint))
        return exc.placed(f"templates/{self.template}")

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
    env = environment(ws.templates)
    try:
        env.loader.get_source(env, name)  # type: ignore[union-attr]
    except TemplateNotFound:
        return False
    return True


def bundled_templates() -> list[str]:
    return sorted(p.name for p in BUNDLED.glob("*.j2"))
