"""A chart's labels in Arabic or Hebrew, in both formats: shaped and in reading order, as body text is.

Before, the chart drew each run's characters left to right, unjoined: an Arabic bar label read backwards in
isolated letters in the PDF and in the DOCX's chart picture alike. The PDF is read back glyph by glyph
(HarfBuzz's glyphs in the embedded subset, pdfminer's character order); the DOCX's picture is compared with
Pillow's own HarfBuzz layout of the same label."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from bench.synth import make_scripts_workspace
from briefgen.document.nodes import Bar, Chart, Theme
from briefgen.writers import chart
from briefgen.writers.docx.chart import _font, png
from tests.helpers import edit, run
from tests.test_pdf_bidi_order import _drawn_lines

ARABIC = "الطائرات المسيرة"
HEBREW = "רחפנים"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = make_scripts_workspace(tmp_path_factory.mktemp("chart") / "ws", [("ru", "Speaker", "Экспорт вырос.")])
    summary = ws / "seeds" / "summary.yaml"
    figures = "".join(
        f"- id: fig-{n}\n  label: {label}\n  value: '{value}'\n  number: {value}\n  unit: drones\n  priority: 1\n"
        f"  tags: [chart]\n  evidence:\n  - source: world\n    passage: Statements of {value} drones.\n"
        for n, (label, value) in enumerate(((ARABIC, 412), (HEBREW, 200))))
    edit(summary, "quotes:", "figures:\n" + figures + "quotes:")
    with (ws / "seeds" / "world.txt").open("a", encoding="utf-8") as seed:
        seed.write("Statements of 412 drones.\nStatements of 200 drones.\n")
    result = run(ws, "build", "-a", "analyst", "-f", "pdf")
    assert result.exit_code == 0, result.output
    return ws / "output" / "analyst.pdf"


def test_pdf_chart_labels_are_joined_as_harfbuzz_joins_them(pdf: Path) -> None:
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    from briefgen.document.typefaces import SCRIPT_FACES
    from tests.test_scripts import _drawn, _outline

    face = SCRIPT_FACES["arabic"]
    font, full = hb.Font(hb.Face(hb.Blob.from_file_path(str(face.file())))), TTFont(str(face.file()))
    buffer = hb.Buffer()
    buffer.add_str(ARABIC.split()[1])
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"kern": True, "liga": True})
    wanted = "\n".join(_outline(full, full.getGlyphOrder()[info.codepoint]) for info in buffer.glyph_infos)
    assert "\n".join(_drawn(pdf, face.family)).count(wanted) == 2  # the figures table's row and the chart's bar


def test_pdf_chart_labels_read_right_to_left(pdf: Path) -> None:
    lines = _drawn_lines(pdf)
    assert sum(HEBREW[::-1] in line for line in lines) == 2, lines  # drawn right to left: table and chart
    assert not any(HEBREW in line for line in lines)


def test_docx_chart_picture_draws_the_label_as_harfbuzz_lays_it_out() -> None:
    plan = chart.plan(Chart("T", "drones", (Bar(ARABIC, 412.0), Bar("English", 100.0))), 400, Theme())
    label = next(t for t in plan.shapes if isinstance(t, chart.Text) and "المسيرة" in "".join(r.text for r in t.runs))
    drawn = Image.open(io.BytesIO(png(plan, dpi=144))).convert("L")
    scale = 2.0
    # the reference: the label alone, laid out whole by Pillow (HarfBuzz, FriBidi), where the plan puts it
    reference = Image.new("L", drawn.size, 255)
    run_ = label.runs[0]
    ImageDraw.Draw(reference).text(
        (label.left() * scale, (plan.height - label.y) * scale), ARABIC, fill=0,
        font=_font(run_.family, run_.bold, label.size * scale, shaped=True), anchor="ls", direction="rtl")
    box = ImageChops.invert(reference).getbbox()
    assert box is not None
    ours, theirs = drawn.crop(box), reference.crop(box)
    inked = [p < 128 for p in theirs.get_flattened_data()]
    same = sum(a == (b < 128) for a, b in zip(inked, ours.get_flattened_data(), strict=True))
    assert same / len(inked) > 0.97, same / len(inked)
