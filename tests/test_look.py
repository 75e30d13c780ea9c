"""Issue acceptance: a profile's logo, accent colour and banner show in both the DOCX and the PDF."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from tests.conftest import ROOT
from tests.helpers import run

ACCENT = "#2E7D32"
BANNER_COLOUR = "#8E24AA"
BANNER = "Board paper // Restricted"


def _colours(content: bytes) -> list[tuple[float, ...]]:
    """Every RGB fill or stroke colour set in a PDF content stream."""
    number = rb"(-?\d*\.?\d+)"
    found = re.findall(number + rb"\s+" + number + rb"\s+" + number + rb"\s+(?:rg|RG)\b", content)
    return [tuple(float(v) for v in triple) for triple in found]


def _rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def _has(colours: list[tuple[float, ...]], wanted: str) -> bool:
    return any(all(abs(a - b) < 0.003 for a, b in zip(c, _rgb(wanted), strict=True)) for c in colours)


def test_logo_accent_and_banner_show_in_docx_and_pdf(workspace: Path) -> None:
    Image.new("RGB", (60, 20), (46, 125, 50)).save(workspace / "templates/crest.png")
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    profile = re.sub(r"(?m)^banner: .*$", f'banner: "{BANNER}"', profile)
    profile += f'look: {{logo: crest.png, accent: "{ACCENT}", banner_color: "{BANNER_COLOUR}"}}\n'
    (workspace / "templates/board.yaml").write_text(profile, encoding="utf-8")
    result = run(workspace, "build", "-a", "board")
    assert result.exit_code == 0, result.output

    with zipfile.ZipFile(workspace / "output/board.docx") as archive:
        names = archive.namelist()
        styles = archive.read("word/styles.xml").decode("utf-8")
        document = archive.read("word/document.xml").decode("utf-8")
        headers = "".join(archive.read(n).decode("utf-8") for n in names if re.match(r"word/header\d*\.xml", n))
    media = [n for n in names if n.startswith("word/media/")]
    assert media, names
    assert "r:embed" in headers  # the picture is placed, in the first-page header
    assert ACCENT[1:] in styles.upper() and BANNER_COLOUR[1:] in styles.upper()
    assert BANNER in document

    page = PdfReader(workspace / "output/board.pdf").pages[0]
    resources: Any = page["/Resources"]
    xobjects: Any = resources["/XObject"]
    images = [name for name, ref in xobjects.items()
              if (ref.get_object() if isinstance(ref, IndirectObject) else ref)["/Subtype"] == "/Image"]
    assert images, dict(xobjects)
    assert BANNER.upper() in page.extract_text()
    contents = page.get_contents()
    assert contents is not None
    colours = _colours(contents.get_data())
    assert _has(colours, ACCENT) and _has(colours, BANNER_COLOUR)


def _first_image(page: Any) -> Any:
    resources: Any = page["/Resources"]
    for ref in resources["/XObject"].values():
        found = ref.get_object() if isinstance(ref, IndirectObject) else ref
        if found["/Subtype"] == "/Image":
            return found
    raise AssertionError("no image on the page")


def test_a_cmyk_jpeg_logo_reaches_both_formats_in_rgb(workspace: Path) -> None:
    """Photoshop's CMYK JPEG (an Adobe header, neither JFIF nor Exif): python-docx could not read its header
    and the build stopped; it is drawn in RGB in both formats (a CMYK image breaks PDF/A's RGB intent)."""
    Image.new("CMYK", (120, 40), (0, 200, 200, 0)).save(workspace / "templates/print.jpg")
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    (workspace / "templates/board.yaml").write_text(profile + "look: {logo: print.jpg}\n", encoding="utf-8")
    assert run(workspace, "check").exit_code == 0
    result = run(workspace, "build", "-a", "board")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(workspace / "output/board.docx") as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert len(media) == 1 and media[0].startswith(b"\x89PNG")
    with Image.open(io.BytesIO(media[0])) as placed:
        assert placed.mode == "RGB" and placed.getpixel((5, 5)) == (255, 55, 55)
    image = _first_image(PdfReader(workspace / "output/board.pdf").pages[0])
    assert image["/ColorSpace"] == "/DeviceRGB"
