"""A reference's styles that take their colour from its theme (Word's built-in Heading 1 is "Accent 1, darker
25%") are drawn in the theme's colour in the PDF, as Word draws the DOCX: before, the PDF took the colour saved
beside the theme's name, which a reference whose theme colours were changed still carries from the old theme."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from pypdf import PdfReader

from briefgen.render.house import read_house
from tests.helpers import name_reference, run

BRAND = "8B1A1A"  # the new theme's Accent 1
# Accent 1 darker 25 % (themeShade BF) of 8B1A1A, worked by hand in HSL as ECMA-376 defines a shade: H 0,
# S 0.685, L 0.3235 × 191/255 = 0.2423, so R = L + C/2 = 0.408 and G = B = L - C/2 = 0.0764 (C = 0.332)
BRAND_SHADED = (0x68, 0x13, 0x13)


def _rezip(path: Path, change: dict[str, object]) -> None:
    """Rewrite parts of the DOCX at `path`: each named part through its function (text in, text out)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, edit in change.items():
        parts[name] = edit(parts[name].decode("utf-8")).encode("utf-8")  # type: ignore[operator]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _rebrand(theme: str) -> str:
    changed = re.sub(r'(<a:accent1>\s*<a:srgbClr val=")[0-9A-F]{6}', rf"\g<1>{BRAND}", theme)
    assert changed != theme
    return changed


def _reference(path: Path, normal_colour: str | None = None, mapping: str | None = None,
               rebrand: bool = False) -> Path:
    """python-docx's own template (Word's built-in styles, with their theme colours), as saved; optionally
    Normal given a colour element, the settings a colour mapping, and the theme a new Accent 1 (the styles'
    saved colours left as they were, as after Design > Colors)."""
    reference = docx.Document()
    if normal_colour:
        reference.styles["Normal"].element.get_or_add_rPr().append(
            parse_xml(normal_colour.replace("<w:color ", f"<w:color {nsdecls('w')} ", 1)))
    reference.save(str(path))
    change: dict[str, object] = {}
    if rebrand:
        change["word/theme/theme1.xml"] = _rebrand
    if mapping:
        change["word/settings.xml"] = lambda xml: re.sub(r"<w:clrSchemeMapping [^>]*/>", mapping, xml)
    _rezip(path, change)
    return path


def _near(colour: str | None, rgb: tuple[int, int, int]) -> bool:
    assert colour is not None
    return all(abs(int(colour[1 + 2 * i:3 + 2 * i], 16) - rgb[i]) <= 1 for i in range(3))


def test_a_theme_colour_as_saved_is_read_exactly_as_word_saved_it(tmp_path: Path) -> None:
    """python-docx's template: Word computed and saved Heading 1 as 365F91 and Title's rule as 4F81BD."""
    styles = dict(read_house(_reference(tmp_path / "house.docx")).styles)
    assert styles["heading 1"].colour == "#365F91"
    assert styles["heading 5"].colour == "#243F60"  # Accent 1 darker 50 %
    assert styles["title"].colour == "#17365D"  # Text 2 darker 25 %
    assert [rule.colour for rule in styles["title"].rules] == ["#4F81BD"]


def test_a_changed_theme_colours_the_styles_and_rules_that_name_it(tmp_path: Path) -> None:
    styles = dict(read_house(_reference(tmp_path / "house.docx", rebrand=True)).styles)
    assert _near(styles["heading 1"].colour, BRAND_SHADED)  # saved as 365F91, from the old theme
    assert styles["heading 2"].colour == "#" + BRAND  # Accent 1 itself
    assert [rule.colour for rule in styles["title"].rules] == ["#" + BRAND]
    assert styles["title"].colour == "#17365D"  # Text 2 is unchanged, and so is its saved value


def test_both_formats_of_the_brief_draw_the_new_theme(workspace: Path) -> None:
    _reference(workspace / "templates/house.docx", rebrand=True)
    name_reference(workspace, "house.docx", "analyst")
    result = run(workspace, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    fills = set()
    for page in PdfReader(workspace / "output/analyst.pdf").pages:
        content = page.get_contents().get_data().decode("latin-1")
        fills |= {tuple(round(float(c) * 255) for c in m.groups())
                  for m in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) rg", content)}
    assert any(all(abs(a - b) <= 1 for a, b in zip(fill, BRAND_SHADED, strict=True)) for fill in fills)
    assert (0x36, 0x5F, 0x91) not in fills  # the stale colour is drawn nowhere
    with zipfile.ZipFile(workspace / "output/analyst.docx") as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        theme = archive.read("word/theme/theme1.xml").decode("utf-8")
    assert f'<a:srgbClr val="{BRAND}"' in theme  # Word draws the reference's styles from this theme
    heading = re.search(r'w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert heading is not None and 'w:themeColor="accent1"' in heading.group(0)
    box = re.search(r'w:styleId="BoxTitle".*?</w:style>', styles, re.S)  # a style briefgen adds, in Heading 1's
    colour = None if box is None else re.search(r'<w:color w:val="([0-9A-F]{6})"', box.group(0))
    assert colour is not None and _near("#" + colour.group(1), BRAND_SHADED)


@pytest.mark.parametrize(("normal", "mapping"), [
    ('<w:color w:val="000000" w:themeColor="background1"/>', None),  # white by the theme, black as saved
    ('<w:color w:val="000000" w:themeColor="text1"/>',  # "text 1" mapped to the theme's light colour
     '<w:clrSchemeMapping xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:bg1="dark1" '
     'w:t1="light1" w:bg2="dark2" w:t2="light2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" '
     'w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
     'w:followedHyperlink="followedHyperlink"/>'),
])
def test_text_the_theme_makes_white_is_refused(workspace: Path, normal: str, mapping: str | None) -> None:
    """Before, the saved black passed the legibility check while Word set the brief's text in white."""
    _reference(workspace / "templates/house.docx", normal, mapping)
    name_reference(workspace, "house.docx")
    result = run(workspace, "check")
    assert result.exit_code == 1, result.output
    assert "set text in #FFFFFF, which cannot be seen on the white page" in result.output
    assert "hint: in Word, modify the style 'Normal'" in result.output
