"""Lines the canvas draws outside the text (the running header and footer, a house style's letterhead) in a
right-to-left script: shaped and in reading order, as body text is. Read back glyph by glyph from the PDF
(pdfminer's positions against ICU's visual order; HarfBuzz's glyphs against the embedded subset's).

Before, such a line was drawn letter by letter, left to right and unjoined: an Arabic footer read backwards."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from bench.synth import make_scripts_workspace
from tests.helpers import built_under_reference, run
from tests.test_pdf_bidi_order import _drawn_lines, _icu_visual, _shape

FOOTER = "وزارة الخارجية — تقرير ١٢٫٥٪ (سري)"
BANNER = "للاستخدام الرسمي فقط"
LETTERHEAD = "משרד החוץ (אגף 3) — דו״ח 2025"


@pytest.fixture(scope="module")
def furnished(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = make_scripts_workspace(tmp_path_factory.mktemp("page") / "ws", [("ru", "Speaker", "Экспорт вырос.")])
    shipped = Path(__file__).resolve().parent.parent / "briefgen/templates/analyst.yaml"
    profile = shipped.read_text(encoding="utf-8").splitlines()
    profile = [f'banner: "{BANNER}"' if line.startswith("banner:") else
               f'footer: "{FOOTER}"' if line.startswith("footer:") else line for line in profile]
    (ws / "templates").mkdir(exist_ok=True)
    (ws / "templates/analyst.yaml").write_text("\n".join(profile) + "\n", encoding="utf-8")
    result = run(ws, "build", "-a", "analyst", "-f", "pdf")
    assert result.exit_code == 0, result.output
    return ws / "output" / "analyst.pdf"


def test_an_arabic_footer_and_banner_read_in_order(furnished: Path) -> None:
    drawn = [_shape(line) for line in _drawn_lines(furnished)]
    assert any(_shape(_icu_visual(FOOTER, rtl=True)) in line for line in drawn), drawn
    assert any(_shape(_icu_visual(BANNER, rtl=True)) in line for line in drawn), drawn


def test_an_arabic_footer_is_joined_as_harfbuzz_joins_it(furnished: Path) -> None:
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    from briefgen.document.typefaces import SCRIPT_FACES
    from tests.test_scripts import _drawn, _outline

    face = SCRIPT_FACES["arabic"]
    font, full = hb.Font(hb.Face(hb.Blob.from_file_path(str(face.file())))), TTFont(str(face.file()))
    drawn = "\n".join(_drawn(furnished, face.family))
    for word in ("الخارجية", "للاستخدام"):
        buffer = hb.Buffer()
        buffer.add_str(word)
        buffer.guess_segment_properties()
        hb.shape(font, buffer, {"kern": True, "liga": True})
        assert "\n".join(_outline(full, full.getGlyphOrder()[info.codepoint]) for info in buffer.glyph_infos) in drawn


def _hebrew_letterhead(path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].add_run(LETTERHEAD)
    reference.save(str(path))


def test_a_hebrew_letterhead_reads_in_order(tmp_path: Path) -> None:
    pdf = built_under_reference(tmp_path, _hebrew_letterhead) / "executive.pdf"
    drawn = [_shape(line) for line in _drawn_lines(pdf)]
    assert _shape(_icu_visual(LETTERHEAD, rtl=True)) in drawn, drawn
