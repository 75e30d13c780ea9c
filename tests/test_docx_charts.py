"""A chart in a Word document (its part named by a c:chart in a drawing): its titles, the chart's and its axes',
read as paragraphs after the paragraph it is anchored in, as LibreOffice draws them; never inside that paragraph,
so a passage running across the chart's anchor is found."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats.docxdoc import extract
from tests.helpers import libreoffice_pdf, pdftotext
from tests.test_docx_packages import MAIN, R_NS, _package
from tests.test_docx_seed_reading import para, run

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _rich(text: str) -> str:
    lines = "".join(f"<a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang=\"en-GB\"/><a:t>{line}</a:t></a:r></a:p>"
                    for line in text.split("|"))
    return f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>{lines}</c:rich></c:tx><c:overlay val=\"0\"/></c:title>"


def _cached_title(text: str) -> str:
    return (f"<c:title><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\">"
            f"<c:v>{text}</c:v></c:pt></c:strCache></c:strRef></c:tx><c:overlay val=\"0\"/></c:title>")


def _axis(kind: str, ident: str, cross: str, position: str, title: str) -> str:
    return (f'<c:{kind}><c:axId val="{ident}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
            f'<c:delete val="0"/><c:axPos val="{position}"/>{title}<c:crossAx val="{cross}"/></c:{kind}>')


def _chart(title: str) -> str:
    """A bar chart as Word writes one: its title, a series named from a cell, three categories and their values,
    and its axes' titles (the value axis's as its cell last held it)."""
    categories = "".join(f'<c:pt idx="{n}"><c:v>{name}</c:v></c:pt>' for n, name in enumerate(("2022", "2023", "2024")))
    values = "".join(f'<c:pt idx="{n}"><c:v>{value}</c:v></c:pt>' for n, value in enumerate((410, 780, 1200)))
    series = (f'<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache>'
              f'<c:ptCount val="1"/><c:pt idx="0"><c:v>Deliveries</c:v></c:pt></c:strCache></c:strRef></c:tx>'
              f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$4</c:f><c:strCache><c:ptCount val="3"/>{categories}'
              f'</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B$4</c:f><c:numCache>'
              f'<c:formatCode>General</c:formatCode><c:ptCount val="3"/>{values}</c:numCache></c:numRef></c:val>'
              '</c:ser>')
    return (f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R_NS}"><c:chart>{title}'
            '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>'
            f'<c:grouping val="clustered"/>{series}<c:axId val="1"/><c:axId val="2"/></c:barChart>'
            + _axis("catAx", "1", "2", "b", _rich("Year of delivery"))
            + _axis("valAx", "2", "1", "l", _cached_title("Drones delivered"))
            + '</c:plotArea><c:legend><c:legendPos val="r"/></c:legend><c:plotVisOnly val="1"/></c:chart>'
            "</c:chartSpace>")


def _document(title: str, part: str | None = None, chart: str = f'<c:chart xmlns:c="{C}" r:id="rIdChart"/>') -> bytes:
    """A document whose first paragraph holds a chart (`chart`, its part `part`: by default _chart(title))."""
    anchor = (f'<w:r><w:drawing><wp:inline xmlns:wp="{WP}"><wp:extent cx="4572000" cy="2743200"/><wp:docPr id="1" '
              f'name="Chart 1"/><a:graphic xmlns:a="{A}"><a:graphicData uri="{C}">{chart}</a:graphicData>'
              "</a:graphic></wp:inline></w:drawing></w:r>")
    body = (para(run("The ministry said drones "), anchor, run("numbered 1,200 in 2024."))
            + para(run("Then the brief.")))
    types = (f'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
             f'ContentType="{MAIN}"/><Override PartName="/word/charts/chart1.xml" ContentType="application/vnd.'
             'openxmlformats-officedocument.drawingml.chart+xml"/>')
    relations = f'<Relationship Id="rIdChart" Type="{R_NS}/chart" Target="charts/chart1.xml"/>'
    part = _chart(title) if part is None else part
    return _package("word/document.xml", body, types, relations, {"word/charts/chart1.xml": part.encode()})


def test_a_charts_titles_read_after_its_anchor_as_libreoffice_draws_them(tmp_path: Path) -> None:
    """The chart's title (two lines), its axes' titles (one its own text, one its cell's), each drawn in
    LibreOffice's layout of it; not the series name, the categories or the values; the anchor's sentence
    whole."""
    made = tmp_path / "chart.docx"
    made.write_bytes(_document(_rich("Drone deliveries|by year")))
    drawn = set(pdftotext(libreoffice_pdf(made, tmp_path)).split())  # words: an axis's title is set upright
    read = extract(made.read_bytes()).paragraphs
    assert read == ("The ministry said drones numbered 1,200 in 2024.", "Drone deliveries", "by year",
                    "Year of delivery", "Drones delivered", "Then the brief.")
    for title in read[1:5]:
        assert set(title.split()) <= drawn, title
    assert not {"Deliveries", "2022", "1200"} & set(read)


def test_a_chart_whose_title_is_its_series_name_or_whose_part_is_damaged_adds_nothing() -> None:
    """A c:title with no text of its own is drawn from the series' name, which is not read; a chart part that is
    not XML is a picture Word cannot draw either: the document still reads."""
    assert extract(_document("<c:title><c:overlay val=\"0\"/></c:title>")).paragraphs == (
        "The ministry said drones numbered 1,200 in 2024.", "Year of delivery", "Drones delivered",
        "Then the brief.")
    damaged = _document("", part=_chart("").replace("<c:chartSpace", "<c:chartSpace <<"))
    assert extract(damaged).paragraphs[0] == "The ministry said drones numbered 1,200 in 2024."


def test_an_office_2016_charts_title_is_read_once() -> None:
    """A waterfall, sunburst or other Office 2016 chart (cx:chart) keeps its title's text and its formatting's
    copy of the same text: the title reads once."""
    cx = "http://schemas.microsoft.com/office/drawing/2014/chartex"
    part = (f'<cx:chartSpace xmlns:cx="{cx}" xmlns:a="{A}"><cx:chart><cx:title pos="t"><cx:tx><cx:txData>'
            "<cx:v>Budget by quarter</cx:v></cx:txData></cx:tx><cx:txPr><a:bodyPr/><a:p><a:r><a:t>Budget by "
            "quarter</a:t></a:r></a:p></cx:txPr></cx:title><cx:plotArea><cx:plotAreaRegion><cx:series "
            'layoutId="waterfall"><cx:tx><cx:txData><cx:v>Series1</cx:v></cx:txData></cx:tx></cx:series>'
            "</cx:plotAreaRegion></cx:plotArea></cx:chart></cx:chartSpace>")
    made = _document("", part, f'<cx:chart xmlns:cx="{cx}" r:id="rIdChart"/>')
    assert extract(made).paragraphs == ("The ministry said drones numbered 1,200 in 2024.", "Budget by quarter",
                                        "Then the brief.")
