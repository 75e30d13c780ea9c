"""The PDF reader's new cuts (a line run across a gutter, a footnote's number, a number beside a right-to-left run,
the paragraph under a list) on pages as real files set them: turned by /Rotate, their boxes moved off the
origin (a CropBox and MediaBox that do not start at 0 0, the content moved with them), tagged (typst's PDFs are:
structure tree, marked content, /ActualText spans). Made at test time by typst, changed with pypdf; each is read
as the plain page is."""

from __future__ import annotations

from pathlib import Path

import typst
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import RectangleObject

from briefgen.sources.formats import FORMATS, extract
from tests.realdocs_typst import FONT_PATHS, FONTS

KOREAN = "국방부는 무인기 412대를 배치했다고 밝혔다."
ARABIC = "أعلنت الوزارة عن ٣٤٥ طائرة مسيّرة في العام الماضي."
HEBREW = "המשרד דיווח על 27 רחפנים חדשים בשנה זו."


def _made(folder: Path) -> Path:
    """Two columns: a justified paragraph ending lines in Korean, list items in English and Arabic beside it, a
    Hebrew sentence, footnotes of one line each."""
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    left = " ".join(f"Budget reflex drone coefficient budget {KOREAN}" for _ in range(8))
    items = "\n".join(f"- Sorties office budget envoy nested {k} {ARABIC}" for k in range(6))
    notes = " ".join(f"Rose#footnote[Note {k}: Sorties offline coefficient sorties drone staff.]." for k in range(3))
    body = f"{left}\n\n#colbreak()\n{items}\n\nThe staff said {HEBREW} {notes}\n"
    pdf = folder / "made.pdf"
    source = f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n#set par(justify: true)\n#columns(2)[\n{body}]\n'
    typst.compile(source.encode(), output=str(pdf), font_paths=FONT_PATHS)
    return pdf


def _read(pdf: Path) -> list[str]:
    return list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)


def _changed(pdf: Path, out: Path, rotate: int, offset: float) -> Path:
    writer = PdfWriter(clone_from=PdfReader(pdf))
    for page in writer.pages:
        if offset:
            page.add_transformation(Transformation().translate(offset, offset))
            box = page.mediabox
            moved = RectangleObject([box.left + offset, box.bottom + offset, box.right + offset, box.top + offset])
            page.mediabox, page.cropbox = moved, moved
        if rotate:
            page.rotate(rotate)
    writer.write(out)
    return out


def test_the_plain_page_reads_its_columns_notes_and_numbers(tmp_path: Path) -> None:
    read = _read(_made(tmp_path))
    assert read[0] == " ".join(f"Budget reflex drone coefficient budget {KOREAN}" for _ in range(8))
    assert read[1:7] == [f"• Sorties office budget envoy nested {k} {ARABIC}" for k in range(6)]
    assert read[-3:] == [f"{k + 1}Note {k}: Sorties offline coefficient sorties drone staff." for k in range(3)]


def test_turned_and_moved_pages_read_as_the_plain_one(tmp_path: Path) -> None:
    pdf = _made(tmp_path)
    plain = _read(pdf)
    for rotate, offset in [(90, 0.0), (180, 0.0), (270, 0.0), (0, 144.0), (90, -72.0)]:
        assert _read(_changed(pdf, tmp_path / f"r{rotate}o{offset}.pdf", rotate, offset)) == plain, (rotate, offset)
