"""A reference's picture watermark (Word: Design > Watermark > Picture, "washout" on or off): a VML shape in the
header whose image data names the picture. The DOCX keeps it (the header is the reference's); the PDF drew no
watermark at all. Read back by rendering the PDF's page and looking at its pixels."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from PIL import Image

from tests.helpers import built_under_reference, page_image

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
RED = (200, 0, 0)
WIDTH_PT, HEIGHT_PT = 300, 150
DPI = 36


def _shape(rid: str, washout: bool) -> str:
    """The run Word writes for a picture watermark, centred on the margins."""
    gain = ' gain="19661f" blacklevel="22938f"' if washout else ""
    return (f'<w:r {_NS}><w:pict><v:shape id="WordPictureWatermark1" o:spid="_x0000_s2049" type="#_x0000_t75" '
            f'style="position:absolute;margin-left:0;margin-top:0;width:{WIDTH_PT}pt;height:{HEIGHT_PT}pt;'
            'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
            'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f">'
            f'<v:imagedata r:id="{rid}" o:title="seal"{gain}/></v:shape></w:pict></w:r>')


def _reference(washout: bool):
    def make(path: Path) -> None:
        png = io.BytesIO()
        Image.new("RGB", (200, 100), RED).save(png, format="PNG")
        reference = docx.Document()
        header = reference.sections[0].header
        rid, _ = header.part.get_or_add_image(io.BytesIO(png.getvalue()))
        header.paragraphs[0]._p.append(parse_xml(_shape(rid, washout)))
        reference.save(str(path))
    return make


@pytest.fixture(scope="module", params=[True, False], ids=["washout", "full"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bool]:
    return built_under_reference(tmp_path_factory.mktemp("picturemark"), _reference(request.param)), request.param


def _reddish(pixel: tuple[int, int, int], strength: float) -> bool:
    """The picture's red over the white page at `strength` (1: the red itself), within a little."""
    expected = tuple(round(255 + (c - 255) * strength) for c in RED)
    return all(abs(a - b) <= 12 for a, b in zip(pixel, expected, strict=True))


def test_the_pdf_draws_the_picture_centred_at_its_size_and_strength(built: tuple[Path, bool], tmp_path: Path) -> None:
    output, washout = built
    page = page_image(output / "executive.pdf", tmp_path / "page", DPI)
    strength = 0.5 - 22938 / 65536 if washout else 1.0  # washout: black at 15 % (LibreOffice's 216 of 255)
    tinted = [(x, y) for x in range(page.width) for y in range(page.height)
              if _reddish(page.getpixel((x, y)), strength)]
    assert tinted, "no pixel of the picture's colour on the page"
    scale = DPI / 72
    # the picture's columns and rows: those mostly of its colour (a few light pixels of text or rules elsewhere
    # may match it too)
    xs = [x for x in range(page.width) if sum(1 for tx, _ in tinted if tx == x) >= 0.4 * HEIGHT_PT * scale]
    ys = [y for y in range(page.height) if sum(1 for _, ty in tinted if ty == y) >= 0.4 * WIDTH_PT * scale]
    assert abs((max(xs) - min(xs) + 1) - WIDTH_PT * scale) <= 3  # the shape's size, not the picture's pixels
    assert abs((max(ys) - min(ys) + 1) - HEIGHT_PT * scale) <= 3
    # centred across the page (the margins are even); about the middle of it down
    assert abs((max(xs) + min(xs)) / 2 - page.width / 2) <= 3
    assert abs((max(ys) + min(ys)) / 2 - page.height / 2) <= page.height * 0.05
    assert len(tinted) >= 0.5 * WIDTH_PT * HEIGHT_PT * scale * scale  # behind the text, mostly uncovered


def test_the_watermark_is_no_text_and_the_docx_keeps_its_shape(built: tuple[Path, bool]) -> None:
    import zipfile

    from pypdf import PdfReader

    output, _ = built
    with zipfile.ZipFile(output / "executive.docx") as archive:
        headers = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))
    assert "WordPictureWatermark1" in headers and "v:imagedata" in headers
    assert "seal" not in PdfReader(output / "executive.pdf").pages[0].extract_text()


def test_a_watermark_picture_the_pdf_cannot_draw_is_a_warning(tmp_path: Path) -> None:
    """A Windows metafile (Word's own clip art) or SVG: left out of the PDF, named by `check`, kept in the DOCX."""
    from tests.helpers import name_reference, run

    ws = built_under_reference(tmp_path, _reference(True)).parent
    with zipfile.ZipFile(ws / "templates/house.docx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    picture = next(name for name in parts if name.startswith("word/media/"))
    parts[picture] = b"\x01\x00\x00\x00" + bytes(200)  # an EMF header's record type, not a picture PIL reads
    with zipfile.ZipFile(ws / "templates/house.docx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    name_reference(ws, "house.docx", "executive")
    checked = run(ws, "check")
    assert checked.exit_code == 0, checked.output
    assert f"picture {picture} is not a PNG or JPEG image: the PDF leaves it out" in checked.output, checked.output
