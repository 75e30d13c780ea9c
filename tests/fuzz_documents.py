"""The small valid documents tests/fuzz_readers.py mutates, one list a seed format, built by the builders the
format's own tests use."""

from __future__ import annotations

import io
import struct
from collections.abc import Callable

from tests.opendocsheets import sheets_fods, slides_fodp


def summary_information() -> bytes:
    """A property set ([MS-OLEPS]) of one section: a code page, a title (8-bit), an author (UTF-16), a creation
    time; so the mutations reach the properties `seeds add` reads."""
    values = [(1, struct.pack("<IH2x", 2, 1252)), (2, struct.pack("<II", 0x1E, 7) + b"Report\0\0"),
              (4, struct.pack("<II", 0x1F, 5) + "Jane\0".encode("utf-16-le") + b"\0\0"),
              (12, struct.pack("<IQ", 0x40, 133_000_000_000_000_000))]
    offsets, body = [], b""
    for ident, data in values:
        offsets.append((ident, 8 + 8 * len(values) + len(body)))
        body += data
    section = struct.pack("<II", 8 + 8 * len(values) + len(body), len(values))
    section += b"".join(struct.pack("<II", ident, at) for ident, at in offsets) + body
    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0x20006, bytes(16), 1) + bytes(16) + struct.pack("<I", 48)
    return (header + section).ljust(4096, b"\0")  # a stream of 4 KB or more: in sectors, not the mini stream


def _doc_seeds() -> list[bytes]:
    from tests.test_doc_epub_seeds import hand_made
    from tests.worddoc import Piece, WordDoc, compound, word_file
    short = WordDoc([Piece("Short one.\r", compressed=True), Piece("Two \u0627.\r")], footnotes="")
    return [word_file(hand_made()), word_file(hand_made(fields=False)),
            compound({**short.streams(), "\x05SummaryInformation": summary_information()})]


def _msg_seeds() -> list[bytes]:
    from tests.outlook import compressed_rtf, message
    from tests.test_msg_seeds import ENCAPSULATED, HAND_HTML, REAL_RTF, SENDER
    return [message({**SENDER, 0x1000: "Plain body\r\nline two"}, {0x1013: HAND_HTML.encode("cp1252")},
                    fixed={0x3FFD: (3, 1252)}, attachments=("a.pdf",)),
            message(SENDER, {0x1009: compressed_rtf(ENCAPSULATED)}),
            message(SENDER, {0x1009: compressed_rtf(REAL_RTF)}, narrow={0x1000: b"narrow body"})]


def _eml_seeds() -> list[bytes]:
    from tests.test_mail_seeds import HTML, PLAIN, mail
    plain = mail()
    plain.set_content(PLAIN)
    rich = mail(subject="=?utf-8?q?Drone_=E2=80=93_north?=")
    rich.set_content(PLAIN)
    rich.add_alternative(HTML, subtype="html", charset="windows-1252", cte="quoted-printable")
    rich.add_attachment(b"%PDF-1.4 x", maintype="application", subtype="pdf", filename="a.pdf")
    inner = mail(subject="Forwarded")
    inner.set_content("Forwarded body.\n", charset="iso-8859-1", cte="base64")
    outer = mail()
    outer.set_content("See below.\n")
    outer.add_attachment(inner)
    return [bytes(plain), bytes(rich), bytes(outer)]


def _xlsx_seeds() -> list[bytes]:
    from tests.officedocs import sheet_xml, xlsx_bytes
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45291.75</v></c><c r="C1" s="2"><v>0.125'
            '</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="b"><v>1</v>'
            '</c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" s="3"><f>1+1</f><v>2</v></c></row>')
    merged = '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'
    return [xlsx_bytes([("One", "", sheet_xml(rows, '<cols><col min="1" max="3" width="9"/></cols>', merged)),
                        ("Two", "hidden", sheet_xml('<row r="1"><c r="A1" t="str"><v>x</v></c></row>'))],
                       shared=["<t>shared</t>", "<r><t>rich</t></r>"], formats={164: "yyyy-mm-dd", 165: "0.0%"},
                       styles=(164, 165, 14), core="<dc:title>Book</dc:title>")]


def _pptx_seeds() -> list[bytes]:
    from tests.officedocs import pptx_bytes, shape
    para = '<a:p><a:r><a:t>Sorties 412</a:t></a:r></a:p><a:p><a:pPr lvl="1"/><a:r><a:t>second</a:t></a:r></a:p>'
    return [pptx_bytes([("", shape(para, 100, 200, name="Title")), (' show="0"', shape(para, None, None,
                                                                                      ph='type="title"'))],
                       layout=shape(para, 10, 10, ph='type="title"'), notes=[shape(para, 1, 1), ""],
                       core="<dc:title>Deck</dc:title>")]


def _epub_seeds() -> list[bytes]:
    from tests.test_doc_epub_seeds import epub_bytes
    return [epub_bytes()]


def _odt_seeds() -> list[bytes]:
    from tests.opendoc import odt_bytes
    return [odt_bytes('<text:h text:outline-level="1">Head</text:h><text:p text:style-name="P1">Body '
                      '<text:span>412</text:span><text:note><text:note-body><text:p>note</text:p></text:note-body>'
                      '</text:note></text:p><text:list><text:list-item><text:p>item</text:p></text:list-item>'
                      '</text:list>', meta="<dc:title>T</dc:title>")]


def _ods_seeds() -> list[bytes]:
    from tests.opendoc import odt_bytes
    row = ('<table:table-row><table:table-cell office:value-type="float" office:value="45291.75" '
           'table:number-columns-repeated="3"><text:p>x</text:p></table:table-cell><table:table-cell '
           'table:number-columns-spanned="2"><text:p>412 sorties</text:p></table:table-cell></table:table-row>')
    return [odt_bytes(f'<table:table table:name="One"><table:table-column table:number-columns-repeated="4"/>{row}'
                      "</table:table>", kind="application/vnd.oasis.opendocument.spreadsheet", holder="spreadsheet")]


def _docx_seeds() -> list[bytes]:
    import docx
    document = docx.Document()
    document.core_properties.title = "Report"
    document.add_heading("Heading", 1)
    document.add_paragraph("The unit flew 412 sorties.", style="List Number")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "cell"
    buffer = io.BytesIO()
    document.save(buffer)
    return [buffer.getvalue()]


def _pdf_seeds() -> list[bytes]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page.setTitle("Report")
    page.drawString(72, 700, "The unit flew 412 sorties.")
    page.showPage()
    page.drawString(72, 700, "Page two.")
    page.save()
    return [buffer.getvalue()]


def _text_seeds(*texts: str) -> Callable[[], list[bytes]]:
    return lambda: [text.encode() for text in texts]


SEEDS: dict[str, Callable[[], list[bytes]]] = {
    ".doc": _doc_seeds, ".msg": _msg_seeds, ".eml": _eml_seeds, ".xlsx": _xlsx_seeds, ".pptx": _pptx_seeds,
    ".epub": _epub_seeds, ".odt": _odt_seeds, ".ods": _ods_seeds,
    ".fods": lambda: [sheets_fods()], ".fodp": lambda: [slides_fodp()], ".docx": _docx_seeds, ".pdf": _pdf_seeds,
    ".csv": _text_seeds('a,b,"c ""q"""\n1,2024-05-01,"multi\nline"\n', "x;y\r\n\ufeff1;2\r\n"),
    ".rtf": _text_seeds(r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}{\info{\title T}}\f0 Caf\'e9 "
                        r"\u8212? {\field{\*\fldinst HYPERLINK x}{\fldrslt link}}\par {\*\footnote note}\par}"),
    ".html": _text_seeds("<html><head><title>T</title><meta charset=utf-8></head><body><h1>H</h1><p>412 "
                         "sorties</p><ol start=3><li>x</li></ol><table><tr><td>1</td></tr></table></body></html>"),
    ".mhtml": _text_seeds('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
                          'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable'
                          '\r\n\r\n<p>Hello =E2=80=93 world</p>\r\n--B--\r\n'),
    ".md": _text_seeds("---\ntitle: T\ndate: 2024-05-01\n---\n# H\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n"
                       "| 1 | 2 |\n\n[^1]: note\n"),
}
