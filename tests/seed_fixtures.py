"""Seed documents in every format, written by the tests themselves, each holding PASSAGE at a known place.

The place is stated beside each builder (paragraph number, and page for the PDF) from how the document is
written, not from what briefgen extracts, so the tests compare briefgen against the documents' own structure.
"""

from __future__ import annotations

import io
from pathlib import Path

import briefgen.writers  # noqa: F401  (its bidi support goes in before reportlab is first imported, below)

PASSAGE = "The drone unit reported 412 sorties in the northern sector during the autumn exercise."
FILLER = ("Officials described the programme in general terms and gave no figures for the earlier years, "
          "saying only that the work had continued without a pause.")


def markdown_seed(path: Path) -> int:
    """Front matter, a heading, a paragraph, a two-item list, then PASSAGE with emphasis and a link: ¶5."""
    path.write_text(
        "---\ntitle: Field Notes on Drones\nauthor: Jane Doe\ndate: 2025-09-20\nurl: https://notes.example.org/d\n"
        "---\n\n# Field notes\n\n" + FILLER + "\n\n- first point\n- second *point*\n\n"
        "The drone unit reported **412 sorties** in the [northern sector](https://example.org/map) during\n"
        "the autumn exercise.\n\n```\ncode stays apart\n```\n", encoding="utf-8")
    return 5


def html_seed(path: Path) -> int:
    """A page whose scripts, styles, head, navigation and headline must not count: filler ¶1, PASSAGE ¶2."""
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Drones | Example News</title>"
        "<meta property='og:site_name' content='Example News'><meta property='og:title' content='Drones up north'>"
        "<meta property='article:published_time' content='2025-09-19T08:00:00+09:00'>"
        "<meta name='author' content='Kim Reporter'><meta name='description' content='Sorties in the north.'>"
        "<link rel='canonical' href='https://news.example.org/drones'>"
        "<style>p { color: red } .HIDDEN-CSS {}</style><script>var leaked = 'SCRIPT TEXT';</script></head>"
        "<body><nav>Home | World</nav><h1>Drones up north</h1>"
        f"<p>{FILLER}</p><script>document.write('MORE SCRIPT TEXT')</script>"
        "<p>The drone unit reported <b>412&nbsp;sorties</b> in the northern sector\nduring the autumn "
        "exercise.</p><noscript>Enable JavaScript</noscript></body></html>", encoding="utf-8")
    return 2


def docx_seed(path: Path) -> int:
    """A heading ¶1, filler ¶2, a 1x2 table (¶3, ¶4), then PASSAGE in three runs ¶5."""
    import datetime as dt

    import docx

    document = docx.Document()
    document.core_properties.title = "Drone Activity Report"
    document.core_properties.author = "Example Institute"
    document.core_properties.created = dt.datetime(2025, 9, 21, 10, 0)
    document.add_heading("Drone activity", 1)
    document.add_paragraph(FILLER)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Sorties"
    table.cell(0, 1).text = "412"
    paragraph = document.add_paragraph("The drone unit reported ")
    paragraph.add_run("412 sorties").bold = True
    paragraph.add_run(" in the northern sector during the autumn exercise.")
    document.save(str(path))
    return 5


def pdf_bytes(passage_on_page: int = 2, title: str = "Drone Report") -> bytes:
    """Page 1: title and two paragraphs; then (after a page break, moved by `passage_on_page`) a heading,
    filler and PASSAGE: PASSAGE is the third paragraph of its page, the sixth of the document."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], spaceAfter=8)
    out = io.BytesIO()
    story = [Paragraph(title, styles["Title"]), Paragraph(FILLER, body), Paragraph(FILLER + " " + FILLER, body)]
    story += [PageBreak()] * (passage_on_page - 1)
    story += [Paragraph("Second section", styles["Heading2"]), Paragraph(FILLER, body),
              Paragraph("Analysts added more context here, and then: " + PASSAGE + " " + FILLER, body)]
    SimpleDocTemplate(out, pagesize=A4, title=title, author="Example Institute").build(story)
    return out.getvalue()


def pdf_seed(path: Path) -> tuple[int, int, int]:
    """(page, paragraph on the page, paragraph in the document) of PASSAGE."""
    path.write_bytes(pdf_bytes())
    return 2, 3, 6


def text_pdf_with_metadata(path: Path, metadata: dict[str, str]) -> None:
    """A one-page PDF whose document information is exactly `metadata` (written with pypdf)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(passage_on_page=1))))
    writer.metadata = None
    writer.add_metadata(metadata)
    with open(path, "wb") as handle:
        writer.write(handle)


def many_pages_pdf(pages: int) -> bytes:
    """A PDF of `pages` pages, each a line of its own in Helvetica, written by hand (reportlab takes seconds
    for thousands of pages): the pages share a font, a page tree holds them all."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for number in range(1, pages + 1):
        content = b"BT /F1 10 Tf 72 700 Td (Page %d of the report says the unit flew %d sorties.) Tj ET" % (
            number, number)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       b">> /Contents %d 0 R >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"xref\n0 %d\n0000000000 65535 f \n%strailer\n<< /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, table, len(objects) + 1, len(out))


def rtf_seed(path: Path) -> int:
    """As WordPad and TextEdit write RTF, with Title, Author and creation time in its information group: a heading
    ¶1, filler ¶2, a 1x2 table (¶3, ¶4), then PASSAGE ¶5, its "412 sorties" bold, a hidden word after it and
    "autumn" a field's result."""
    path.write_bytes(
        b"{\\rtf1\\ansi\\ansicpg1252\\cocoartf2639\\deff0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
        b"{\\info{\\title Drone Activity Report}{\\author Example Institute}"
        b"{\\creatim\\yr2025\\mo9\\dy21\\hr10\\min0}}\n"
        b"\\pard\\f0\\fs24 {\\b Drone activity}\\par\n" + FILLER.encode() + b"\\par\n"
        b"\\trowd\\cellx3000\\cellx6000\\pard\\intbl Sorties\\cell 412\\cell\\row\\pard\n"
        b"The drone unit reported {\\b 412 sorties}{\\v  HIDDEN} in the northern sector during the "
        b"{\\field{\\*\\fldinst MERGEFIELD season}{\\fldrslt autumn}} exercise.\\par\n}")
    return 5


def odt_seed(path: Path) -> int:
    """As LibreOffice writes an .odt, with Title, Author and creation date in meta.xml: a heading ¶1, filler ¶2,
    a 1x2 table (¶3, ¶4), then PASSAGE ¶5, its "412 sorties" in a span and a hidden span after it."""
    from tests.opendoc import odt_bytes

    hidden = '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/>' \
             "</style:style>"
    path.write_bytes(odt_bytes(
        '<text:h text:outline-level="1">Drone activity</text:h>'
        f"<text:p>{FILLER}</text:p><table:table><table:table-column table:number-columns-repeated=\"2\"/>"
        "<table:table-row><table:table-cell><text:p>Sorties</text:p></table:table-cell><table:table-cell>"
        "<text:p>412</text:p></table:table-cell></table:table-row></table:table>"
        "<text:p>The drone unit reported <text:span>412 sorties</text:span><text:span text:style-name=\"T1\"> HIDDEN"
        "</text:span> in the northern sector during the autumn exercise.</text:p>", automatic=hidden,
        meta="<dc:title>Drone Activity Report</dc:title><dc:creator>Example Institute</dc:creator>"
             "<meta:creation-date>2025-09-21T10:00:00</meta:creation-date>"))
    return 5
