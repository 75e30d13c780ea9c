"""Issue 8 item 5: a figures chart, drawn natively in the PDF and embedded as a PNG in the DOCX, enabled per
audience, with its own source note. Everything is read back from the files the build wrote."""

from __future__ import annotations

import io
import re
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree
from PIL import Image
from pypdf import PdfReader

from briefgen.document.nodes import Bar, Chart, Meta, Theme
from briefgen.render.markup import Reader
from briefgen.render.markupparse import MarkupError, parse_markup
from briefgen.writers import chart
from briefgen.writers.docx.chart import png
from tests.conftest import ROOT
from tests.helpers import libreoffice_pdf, model, pdf_words, run, save_model

TITLE = "Key figures compared on one scale"  # the shipped analyst profile's chart
ARMS, RETURN = "fig-arms-to-russia", "fig-russian-return"
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
TEXT_WIDTH_PT = (210 - 18 - 18) / 25.4 * 72  # A4 less the default 18 mm side margins (the analyst profile's)
ACCENT = (0x1F / 255, 0x3A / 255, 0x5F / 255)  # the analyst's (default) accent, #1F3A5F


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("chart") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    result = run(ws, "build", "-a", "analyst", "-a", "public")
    assert result.exit_code == 0, result.output
    return ws


def figure(ws: Path, figure_id: str) -> dict[str, object]:
    return next(f for f in model(ws)["figures"] if f["id"] == figure_id)


def paragraph_of(ws: Path, source_id: str, passage: str) -> int:
    """The ¶ number of a passage, counted here as the README defines it (non-blank lines of the seed)."""
    catalogue = yaml.safe_load((ws / "seeds/sources.yaml").read_text(encoding="utf-8"))
    entry = next(s for s in catalogue["sources"] if s["id"] == source_id)
    lines = [line for line in (ws / "seeds" / entry["file"]).read_text(encoding="utf-8").splitlines() if line.strip()]
    return next(n for n, line in enumerate(lines, 1) if passage in line)


def chart_text(pdf: Path) -> tuple[str, str]:
    """The text the chart draws (from its title to its caption) and the text of that page."""
    for page in PdfReader(pdf).pages:
        text = page.extract_text()
        if TITLE in text:
            start = text.index(TITLE)
            return text[start:text.index("Source:", start)], text
    raise AssertionError(f"chart title not in {pdf}")


# ---------------------------------------------------------------- PDF


def test_pdf_draws_the_labels_values_and_axis_as_text(built: Path) -> None:
    drawn, _ = chart_text(built / "output/analyst.pdf")
    arms, back = figure(built, ARMS), figure(built, RETURN)
    squashed = re.sub(r"\s+", " ", drawn)
    for item in (arms, back):
        assert str(item["value"]) in squashed
        assert str(item["label"]) in squashed
    assert "USD (billions)" in squashed  # the axis says its unit and scale
    ticks = re.findall(r"(?m)^\s*(\d+)\s*$", drawn)
    assert ticks == ["0", "2", "4", "6", "8", "10"]  # from zero to the largest value, 10 billion


def test_pdf_bars_are_proportional_to_the_figures(built: Path) -> None:
    """The accent-filled bars' widths, read from the page's content stream, keep the figures' ratios."""
    reader = PdfReader(built / "output/analyst.pdf")
    page = next(p for p in reader.pages if TITLE in p.extract_text())
    content = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
    fill, widths = None, []
    for match in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) rg|[\d.-]+ [\d.-]+ ([\d.]+) ([\d.-]+) re f", content):
        if match.group(1):
            fill = tuple(float(match.group(i)) for i in (1, 2, 3))
        elif fill and abs(float(match.group(5))) > 8 and all(
                abs(a - b) < 0.002 for a, b in zip(fill, ACCENT, strict=True)):  # a bar, not the legend swatch
            widths.append(float(match.group(4)))
    arms, back = figure(built, ARMS), figure(built, RETURN)
    assert len(widths) == 2, widths  # the two solid bars (the range band is lighter)
    assert widths[0] / widths[1] == pytest.approx(float(arms["number"]) / float(back["number"]), rel=1e-3)  # type: ignore[arg-type]


def test_pdf_caption_cites_the_figures_source_in_a_page_note(built: Path) -> None:
    _, page = chart_text(built / "output/analyst.pdf")
    caption = re.search(r"Source: ([^\n]*?)\.(\d+) ?\n", page)  # a line ends in a space (tags.py)
    assert caption, page
    number = caption.group(2)
    evidence = figure(built, RETURN)["evidence"][0]  # type: ignore[index]
    expected = paragraph_of(built, evidence["source"], evidence["passage"])
    note = re.search(rf"(?m)^{number} (.*)$", page)
    assert note and f"¶{expected}" in note.group(1), (number, page[-800:])


# ---------------------------------------------------------------- DOCX


def _docx(path: Path) -> tuple[etree._Element, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return etree.fromstring(parts["word/document.xml"]), parts


def test_docx_embeds_the_chart_as_a_png_at_the_pdf_size(built: Path) -> None:
    document, parts = _docx(built / "output/analyst.docx")
    media = [n for n in parts if re.fullmatch(r"word/media/[^/]+\.png", n)]
    assert len(media) == 1, list(parts)
    data = parts[media[0]]
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.verify()
    width_px, height_px = Image.open(io.BytesIO(data)).size
    assert width_px == round(TEXT_WIDTH_PT / 72 * 200)  # the text width at 200 dpi
    inline = document.find(".//wp:inline", NS)
    assert inline is not None
    extent = inline.find("wp:extent", NS)
    assert extent is not None
    cx, cy = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
    assert cx / 12700 == pytest.approx(TEXT_WIDTH_PT, abs=0.01)  # as wide as the text, like the PDF's drawing
    assert cy / 12700 / 72 * 200 == pytest.approx(height_px, abs=1)  # the picture is not stretched
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    embed = inline.find(".//a:blip", NS).get(f"{{{NS['r']}}}embed")  # type: ignore[union-attr]
    target = next(r.get("Target") for r in rels if r.get("Id") == embed)
    assert f"word/{target}" == media[0]


def test_docx_chart_has_alt_text_and_a_caption_with_a_real_footnote(built: Path) -> None:
    document, parts = _docx(built / "output/analyst.docx")
    doc_pr = document.find(".//wp:inline/wp:docPr", NS)
    assert doc_pr is not None
    alt = doc_pr.get("descr", "")
    arms, back = figure(built, ARMS), figure(built, RETURN)
    for text in (TITLE, arms["label"], arms["value"], back["label"], back["value"]):
        assert str(text) in alt
    picture = doc_pr.getparent().getparent().getparent().getparent()  # wp:inline < w:drawing < w:r < w:p
    caption = picture.getnext()
    assert caption.find("w:pPr/w:pStyle", NS).get(f"{{{NS['w']}}}val") == "Caption"
    note_id = _footnote_id(document, caption)
    footnotes = etree.fromstring(parts["word/footnotes.xml"])
    note = footnotes.find(f"w:footnote[@w:id='{note_id}']", NS)
    assert note is not None
    evidence = back["evidence"][0]  # type: ignore[index]
    assert f"¶{paragraph_of(built, evidence['source'], evidence['passage'])}" in "".join(note.itertext())


def _footnote_id(document: etree._Element, paragraph: etree._Element) -> str:
    """The footnote a paragraph cites: its own reference, or the one a NOTEREF field's bookmark wraps."""
    ref = paragraph.find(".//w:footnoteReference", NS)
    if ref is not None:
        return str(ref.get(f"{{{NS['w']}}}id"))
    field = "".join(paragraph.xpath(".//w:instrText/text()", namespaces=NS))
    mark = re.search(r"NOTEREF (\S+)", field)
    assert mark, "the caption cites no footnote"
    start = document.find(f".//w:bookmarkStart[@w:name='{mark.group(1)}']", NS)
    assert start is not None
    wrapped = start.getnext()
    return str(wrapped.find(".//w:footnoteReference", NS).get(f"{{{NS['w']}}}id"))


def test_docx_chart_lays_out_like_the_pdf_in_libreoffice(built: Path, tmp_path: Path) -> None:
    """LibreOffice gives the chart (the picture in the DOCX) the height the PDF gives it: measured from the last
    row of the figures table above it to its caption below."""
    def span(pdf: Path) -> float:
        words = pdf_words(pdf, page=None)
        caption = next(n for n, w in enumerate(words) if w.text == "Source:")
        above = max(n for n, w in enumerate(words[:caption]) if w.text == "week")  # "1 week", the last row
        return words[caption].bottom - words[above].bottom

    assert span(libreoffice_pdf(built / "output/analyst.docx", tmp_path)) == pytest.approx(
        span(built / "output/analyst.pdf"), abs=4)


# ---------------------------------------------------------------- per audience, and refusals


def test_an_audience_without_chart_gets_none(built: Path) -> None:
    public = (ROOT / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    assert "chart" not in public
    _, parts = _docx(built / "output/public.docx")
    assert not [n for n in parts if n.startswith("word/media/")]
    assert b"<w:drawing" not in parts["word/document.xml"]
    text = "".join(p.extract_text() for p in PdfReader(built / "output/public.pdf").pages)
    assert TITLE not in text and "(billions)" not in text


def test_a_tag_no_figure_carries_draws_no_chart(workspace: Path) -> None:
    """The shipped analyst profile charts the figures tagged `chart`: a model without such tags (a new topic's)
    still builds, without a chart."""
    data = model(workspace)
    for item in data["figures"]:
        item.pop("tags", None)
    save_model(workspace, data)
    result = run(workspace, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(workspace / "output/analyst.pdf").pages)
    assert "KEY FIGURES" in text and TITLE not in text
    with zipfile.ZipFile(workspace / "output/analyst.docx") as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]


def test_a_chart_by_tag_draws_the_tagged_figures(workspace: Path) -> None:
    data = model(workspace)
    for item in data["figures"]:
        if item["id"] in ("fig-reservists", "fig-population"):
            item["tags"] = ["people"]
    save_model(workspace, data)
    profile = (ROOT / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (workspace / "templates/people.yaml").write_text(
        profile + "chart: {title: Soldiers and citizens, tag: people}\n", encoding="utf-8")
    result = run(workspace, "build", "-a", "people", "-f", "pdf")
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(workspace / "output/people.pdf").pages)
    drawn = text[text.index("Soldiers and citizens"):]
    assert "people (millions)" in drawn and "about 25.6 million" in drawn and "more than 7 million" in drawn


def test_a_chart_mixing_units_is_refused_at_its_line(workspace: Path) -> None:
    profile = (ROOT / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
    profile = profile.replace("tag: chart", "figures: [fig-arms-to-russia, fig-active-troops]")
    (workspace / "templates/mixed.yaml").write_text(profile, encoding="utf-8")
    line = next(n for n, text in enumerate(profile.splitlines(), 1) if "fig-active-troops" in text)
    result = run(workspace, "build", "-a", "mixed")
    assert result.exit_code == 1
    assert re.search(rf"templates/mixed\.yaml:{line}:\d+: chart\.figures: the charted figures do not share a unit",
                     result.output), result.output
    assert "'USD'" in result.output and "'troops'" in result.output and "Traceback" not in result.output
    assert not (workspace / "output/mixed.pdf").exists() and not (workspace / "output/mixed.docx").exists()


@pytest.mark.parametrize(("chart_yaml", "path", "message"), [
    ("{title: T, figures: [fig-arms-to-rusia]}", "chart.figures[0]", "no figure 'fig-arms-to-rusia'"),
    ("{title: T, tags: [x]}", "chart.tags", "unknown key 'tags'"),
    ("{title: T, tag: x, figures: [fig-population]}", "chart", "either `figures`"),
])
def test_chart_mistakes_are_located(workspace: Path, chart_yaml: str, path: str, message: str) -> None:
    profile = (ROOT / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (workspace / "templates/bad.yaml").write_text(profile + f"chart: {chart_yaml}\n", encoding="utf-8")
    line = len(profile.splitlines()) + 1
    result = run(workspace, "build", "-a", "bad")
    assert result.exit_code == 1
    assert f"templates/bad.yaml:{line}:" in result.output and f"{path}: " in result.output, result.output
    assert message in result.output


def test_a_range_whose_high_end_is_below_its_number_is_refused(workspace: Path) -> None:
    data = model(workspace)
    returned = next(f for f in data["figures"] if f["id"] == RETURN)
    returned["number"], returned["number_high"] = returned["number_high"], returned["number"]  # both still quoted
    save_model(workspace, data)
    for command in ("check", "build"):  # the model itself is valid: the chart refuses it, in check already
        result = run(workspace, command, *(("-a", "analyst") if command == "build" else ()))
        assert result.exit_code == 1
        assert "number_high 457,000,000 below its number 1,190,000,000" in result.output, result.output
        assert re.search(r"analyst\.yaml:\d+:\d+: chart\.tag: figure 'fig-russian-return'", result.output)


# ---------------------------------------------------------------- the layers below


def test_markup_refuses_a_bar_range_upside_down_and_a_chart_in_a_box() -> None:
    reader = Reader(note=lambda n: pytest.fail("no citation in this markup"), meta=Meta("t"))
    with pytest.raises(MarkupError, match="below its value"):
        reader.read(parse_markup('<brief><chart title="t" unit="u"><bar value="5" high="2">x</bar></chart></brief>'))
    with pytest.raises(MarkupError, match="inside a <box>"):
        reader.read(parse_markup('<brief><box title="b"><chart title="t" unit="u"><bar value="1"/></chart></box>'
                                 "</brief>"))
    with pytest.raises(MarkupError, match="zero or more"):
        reader.read(parse_markup('<brief><chart title="t" unit="u"><bar value="-1"/></chart></brief>'))


def test_plan_starts_the_axis_at_zero_and_keeps_ratios() -> None:
    bars = (Bar("big", 800.0), Bar("range", 100.0, 300.0, "100 to 300"), Bar("none", 0.0))
    plan = chart.plan(Chart("T", "tonnes", bars), 400, Theme())
    accent = Theme().accent.upper()
    solid = [r for r in plan.shapes if isinstance(r, chart.Rect) and r.fill == accent and r.height > 8]
    band = [r for r in plan.shapes if isinstance(r, chart.Rect) and r.fill == chart.mix(accent, chart.RANGE_TINT)
            and r.height > 8]
    assert len({r.x for r in solid}) == 1  # every bar starts at the same place: zero
    assert solid[0].width / solid[1].width == pytest.approx(8)
    assert band[0].x == pytest.approx(solid[1].x + solid[1].width)
    assert band[0].width / solid[1].width == pytest.approx(2)
    assert all(t.left() >= 0 and t.left() + sum(r.width for r in t.runs) <= 400.01
               for t in plan.shapes if isinstance(t, chart.Text))  # no text outside the picture
    assert chart.nice_axis(10e9) == (10e9, 2e9) and chart.nice_axis(1.19e9) == (1.2e9, 0.2e9)


def test_png_is_deterministic_and_carries_no_time() -> None:
    plan = chart.plan(Chart("T", "USD", (Bar("a", 1.0, None, "one"),)), 300, Theme())
    first, second = png(plan), png(plan)
    assert first == second
    chunks, at = [], 8
    while at < len(first):
        length, kind = struct.unpack(">I4s", first[at:at + 8])
        chunks.append(kind)
        at += 12 + length
    assert b"tIME" not in chunks and b"tEXt" not in chunks and b"iTXt" not in chunks, chunks
