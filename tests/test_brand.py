"""A Quarto `_brand.yml` as a house style: its colours, fonts and logo reach both formats; its mistakes are
reported at their line, and `check` reports a font the PDF can only substitute."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import run

BRAND = """\
meta:
  name: Northwind
color:
  palette:
    forest: "#2E7D32"
  primary: forest
  secondary: "#a31515"
typography:
  fonts:
    - family: Calibri
      source: system
  base:
    family: Calibri
    size: 11pt
  headings: Georgia
logo:
  medium: brand-logo.png
"""


def _branded(ws: Path, brand: str = BRAND) -> None:
    (ws / "templates/_brand.yml").write_text(brand, encoding="utf-8")
    Image.new("RGB", (200, 60), (46, 125, 50)).save(ws / "templates/brand-logo.png")
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (ws / "templates/branded.yaml").write_text(profile + "look: {brand: _brand.yml}\n", encoding="utf-8")


def test_brand_colours_fonts_and_logo_reach_both_formats(workspace: Path) -> None:
    _branded(workspace)
    result = run(workspace, "build", "-a", "branded")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(workspace / "output/branded.docx") as archive:
        styles = archive.read("word/styles.xml").decode()
        headers = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))
    heading = styles[styles.index('w:styleId="Heading1"'):]
    heading = heading[:heading.index("</w:style>")]
    assert 'w:val="2E7D32"' in heading and 'w:ascii="Georgia"' in heading  # accent, heading font
    assert 'w:ascii="Calibri"' in styles and "<a:blip" in headers  # body font, the brand's logo
    assert 'w:val="A31515"' in styles[styles.index('w:styleId="Banner"'):]  # secondary: the banner colour
    reader = PdfReader(workspace / "output/branded.pdf")
    page = reader.pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    assert ".180392 .490196 .196078 rg" in content  # #2E7D32 as a fill colour
    fonts = {str(f["/BaseFont"]).split("+")[-1] for f in page["/Resources"]["/Font"].values()}
    assert "Carlito" in fonts and "Caladea-Bold" in fonts  # Calibri's twin; Georgia's substitute
    assert len(page.images) >= 1


def test_check_reports_the_substituted_font_at_the_brand_key(workspace: Path) -> None:
    _branded(workspace)
    result = run(workspace, "check")
    assert result.exit_code == 0, result.output
    line = len((ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8").splitlines()) + 1
    assert (f"templates/branded.yaml:{line}:15: warning: look.brand: font 'Georgia' is not bundled: "
            "the PDF uses Caladea in its place") in result.output, result.output


@pytest.mark.parametrize(("brand", "message"), [
    (BRAND.replace("primary: forest", "primary: leaf"), "templates/_brand.yml:6:12: color.primary: 'leaf' is not"),
    (BRAND.replace('"#2E7D32"', '"greenish"'), "templates/_brand.yml:5:13: color.palette.forest: 'greenish' is not"),
    (BRAND.replace("brand-logo.png", "gone.png"),
     "templates/_brand.yml:17:11: logo.medium: logo image 'gone.png' not found"),
    (BRAND.replace("brand-logo.png", "../seeds/sources.yaml"), "templates/_brand.yml:17:11: logo.medium: the logo"),
    (BRAND.replace("medium: brand-logo.png", "small: {path: _brand.yml}"),
     "templates/_brand.yml:17:17: logo.small.path: logo '_brand.yml' is not a PNG"),
    (BRAND.replace("  headings: Georgia", "  headings: [Georgia]"), "templates/_brand.yml:15:13: typography.headings"),
])
def test_brand_mistakes_are_located(workspace: Path, brand: str, message: str) -> None:
    _branded(workspace, brand)
    for command in ("check", "build"):
        result = run(workspace, command)
        assert result.exit_code == 1
        assert message in result.output, result.output
    assert not (workspace / "output/branded.pdf").exists()


@pytest.mark.parametrize(("brand", "message"), [
    ("logo: /etc/passwd\n", "templates/_brand.yml:1:7: logo: the logo '/etc/passwd' is outside templates/"),
    ("logo: {small: ../../seeds/x.png}\n",
     "templates/_brand.yml:1:15: logo.small: the logo '../../seeds/x.png' is outside templates/"),
])
def test_a_brand_logo_is_named_as_the_brand_file_writes_it(workspace: Path, brand: str, message: str) -> None:
    """The path was shown relative to templates/ ('../../../../etc/passwd'), not as written."""
    _branded(workspace, brand)
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert message in result.output, result.output


def test_a_brand_path_that_is_a_folder_is_not_said_to_be_missing(workspace: Path) -> None:
    _branded(workspace)
    (workspace / "templates/_brand.yml").unlink()
    (workspace / "templates/_brand.yml").mkdir()
    result = run(workspace, "check")
    assert result.exit_code == 1
    assert "look.brand: brand file '_brand.yml' is not a regular file" in result.output, result.output


@pytest.mark.parametrize(("primary", "secondary", "accent", "banner"), [
    ("forest", "navy", "#2E7D32", "#000080"),  # a CSS name, as brand-yml's own examples write them
    ("'rgb(46, 125, 50)'", "'#a15'", "#2E7D32", "#AA1155"),
    ("teal", "'hsl(0, 100%, 25%)'", "#008080", "#800000"),
])
def test_brand_colours_are_any_css_colour(workspace: Path, primary: str, secondary: str, accent: str,
                                          banner: str) -> None:
    """A brand file may write its colours as CSS does: `navy`, `rgb()`, `hsl()` were refused as not #RRGGBB."""
    from briefgen.render.assets import theme_for
    from briefgen.render.profiles import load_profile
    from briefgen.workspace import Workspace

    _branded(workspace, BRAND.replace("primary: forest", f"primary: {primary}")
             .replace('secondary: "#a31515"', f"secondary: {secondary}"))
    assert run(workspace, "check").exit_code == 0
    theme = theme_for(Workspace.at(workspace), load_profile(Workspace.at(workspace), "branded"))
    assert (theme.accent, theme.banner_color) == (accent, banner)
