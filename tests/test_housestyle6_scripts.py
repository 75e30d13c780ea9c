"""A reference's fonts by script: its theme's `<a:font script="Hang" typeface="…"/>` (and Jpan, Hans, Hant,
Arab, Hebr, Thai…), its theme's east Asian and complex-script typefaces, and the w:eastAsia and w:cs fonts of
its styles. The DOCX names the reference's font on the runs of that script, as Word would set them; the PDF draws
the font from templates/ where a file there has it, else the bundled face for the script, and `check` says so.
Before, the DOCX named Word's own face (Malgun Gothic for Korean) whatever the reference said, and nothing
warned that the PDF drew NanumGothic."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.document.scriptfonts import script_tag
from briefgen.render.house import read_house
from tests.conftest import ROOT
from tests.fontmaker import make_font
from tests.helpers import built_under_reference, pdf_fonts, run

KOREAN = "".join(sorted({c for file in (ROOT / "seeds").rglob("*.yaml")
                         for c in re.findall("[\uac00-\ud7af]", file.read_text(encoding="utf-8"))}))


def _themed(path: Path, korean: str = "Batang", ea: str = "", cs: str = "") -> None:
    """python-docx's template, its theme setting Korean in `korean` (and its minor east Asian and complex-script
    typefaces `ea` and `cs`)."""
    reference = docx.Document()
    theme = next(p for p in reference.part.package.parts if str(p.partname).startswith("/word/theme/"))
    blob = theme.blob.decode("utf-8").replace('typeface="맑은 고딕"', f'typeface="{korean}"')
    minor = blob.index("<a:minorFont>")
    blob = blob[:minor] + blob[minor:].replace('<a:ea typeface=""/>', f'<a:ea typeface="{ea}"/>', 1).replace(
        '<a:cs typeface=""/>', f'<a:cs typeface="{cs}"/>', 1)
    theme._blob = blob.encode("utf-8")
    reference.save(str(path))


def _hangul_fonts(docx_file: Path, folder: Path) -> set[str]:
    """The east Asian font of every run of Hangul in the DOCX's body and notes."""
    import zipfile

    found = set()
    with zipfile.ZipFile(docx_file) as archive:
        for name in ("word/document.xml", "word/footnotes.xml"):
            xml = archive.read(name).decode("utf-8") if name in archive.namelist() else ""
            for run in re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", xml, re.DOTALL):
                if re.search("<w:t[^>]*>[^<]*[\uac00-\ud7af]", run):
                    said = re.search(r'w:eastAsia="([^"]*)"', run)
                    found.add(said[1] if said else "")
    return found


def test_korean_is_named_as_the_theme_says_and_check_warns_of_the_substitute(tmp_path: Path) -> None:
    assert KOREAN  # the shipped seeds quote a Korean name
    output = built_under_reference(tmp_path, _themed, "analyst")
    assert _hangul_fonts(output / "analyst.docx", tmp_path) == {"Batang"}
    assert "NanumGothic" in pdf_fonts(output / "analyst.pdf")
    checked = run(tmp_path / "ws", "check")
    assert "Korean text in 'Batang'" in checked.output and "draws that text in NanumGothic" in checked.output, \
        checked.output


def test_a_font_in_templates_draws_the_scripts_text(tmp_path: Path) -> None:
    def with_file(path: Path) -> None:
        _themed(path)
        make_font(path.parent / "batang.ttf", "Batang", KOREAN)

    output = built_under_reference(tmp_path, with_file, "analyst")
    assert _hangul_fonts(output / "analyst.docx", tmp_path) == {"Batang"}
    fonts = pdf_fonts(output / "analyst.pdf")
    assert "Batang-Regular" in fonts and "NanumGothic" not in fonts, fonts
    assert "Korean text" not in run(tmp_path / "ws", "check").output


@pytest.mark.parametrize(("script", "lang", "tag"), [
    ("cjk", "ja", "Jpan"), ("cjk", "zh", "Hans"), ("cjk", "zh-TW", "Hant"), ("cjk", "zh-Hant-HK", "Hant"),
    ("cjk", "ko", "Hang"), ("hangul", None, "Hang"), ("arabic", "fa", "Arab"), ("thai", None, "Thai"),
    ("hebrew", None, "Hebr"), ("armenian", None, None)])
def test_each_script_finds_its_themes_tag(script: str, lang: str | None, tag: str | None) -> None:
    assert script_tag(script, lang) == tag


def test_the_styles_fonts_by_script_as_word_resolves_them(tmp_path: Path) -> None:
    """The theme's ea and cs typefaces over its script fonts; a style's own w:eastAsia and w:cs over its base's;
    a theme reference (w:eastAsiaTheme) over a name beside it."""
    _themed(tmp_path / "house.docx", ea="", cs="Traditional Arabic")
    reference = docx.Document(str(tmp_path / "house.docx"))
    heading = reference.styles["Heading 1"].element.get_or_add_rPr()
    for old in heading.findall(qn("w:rFonts")):
        heading.remove(old)
    heading.insert(0, parse_xml(f'<w:rFonts {nsdecls("w")} w:eastAsia="Gulim" w:cs="David"/>'))
    quote = reference.styles["Quote"].element.get_or_add_rPr()
    quote.insert(0, parse_xml(f'<w:rFonts {nsdecls("w")} w:eastAsia="Dotum" w:eastAsiaTheme="minorEastAsia"/>'))
    reference.save(str(tmp_path / "house.docx"))
    house = read_house(tmp_path / "house.docx")
    normal, heading_1, quoted = (dict(house.style(name).scripts) for name in ("normal", "heading 1", "quote"))
    assert normal["Hang"] == "Batang" and normal["Hans"] == "宋体" and normal["Jpan"] == "ＭＳ 明朝"
    assert normal["Arab"] == normal["Thai"] == "Traditional Arabic"  # the theme's cs typeface, for every script
    assert heading_1["Hang"] == heading_1["Jpan"] == "Gulim" and heading_1["Hebr"] == "David"
    assert quoted["Hang"] == "Batang"


def test_a_styles_own_font_for_a_script_names_its_paragraphs_runs(tmp_path: Path) -> None:
    """The quote's attribution (where the seeds' Korean name stands) in a house style whose east Asian font is
    Gulim: its Korean runs name Gulim, where Normal's theme says Batang."""
    def attributed(path: Path) -> None:
        _themed(path)
        reference = docx.Document(str(path))
        reference.styles.element.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="QuoteAttribution">'
            '<w:name w:val="Quote Attribution"/><w:basedOn w:val="Normal"/>'
            '<w:rPr><w:rFonts w:eastAsia="Gulim"/></w:rPr></w:style>'))
        reference.save(str(path))

    output = built_under_reference(tmp_path, attributed, "analyst")
    assert _hangul_fonts(output / "analyst.docx", tmp_path) == {"Gulim"}
