"""Footnotes under a page set in columns (a Writer section in two columns): a short note sits under the first
column only, below everything in the second, and is read after the columns, not as the first column's foot:
after the paragraphs of the second column (numbered before it, as a reader counts them down the page), and
never between a paragraph and its end at the second column's top. Read back against the document
as built (a flat ODT converted by LibreOffice)."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import libreoffice_convert, pdftotext

SENTENCE = ("Procurement of unmanned aerial vehicles increased substantially during the reporting period, and the "
            "representatives characterised the acquisitions as indispensable for surveillance of the long border.")
INTRO = "Annual report. The ministry said the programme would grow across the northern regions next year."
NOTE = "Officials spoke on condition of anonymity in March."
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
_STYLES = ('<office:styles><style:style style:name="Body" style:family="paragraph"><style:paragraph-properties '
           'fo:text-align="justify" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="11pt"/>'
           '</style:style><style:style style:name="Note" style:family="paragraph"><style:text-properties '
           'fo:font-size="9pt"/></style:style></office:styles><office:automatic-styles><style:style '
           'style:name="Columns" style:family="section"><style:section-properties><style:columns '
           'fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>'
           '</office:automatic-styles>')
_FOOTNOTE = ('<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
             f'<text:note-body><text:p text:style-name="Note">{NOTE}</text:p></text:note-body></text:note>')


def _paragraph(k: int) -> str:
    return f"Paragraph {k}. " + " ".join([SENTENCE] * (2 + k % 3))


def test_a_note_under_the_first_column_is_read_after_both(tmp_path: Path) -> None:
    texts = [_paragraph(k) for k in range(1, 6)]
    body = "".join(f'<text:p text:style-name="Body">{text}{_FOOTNOTE if k == 1 else ""}</text:p>'
                   for k, text in enumerate(texts))
    (tmp_path / "notes.fodt").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NS} office:version="1.3" office:mimetype='
        f'"application/vnd.oasis.opendocument.text">{_STYLES}<office:body><office:text><text:p text:style-name='
        f'"Body">{INTRO}</text:p><text:section text:name="S" text:style-name="Columns">{body}</text:section>'
        '</office:text></office:body></office:document>', encoding="utf-8")
    pdf = libreoffice_convert([tmp_path / "notes.fodt"], tmp_path)[0]
    drawn = pdftotext(pdf, "-layout", "-l", "1").split()
    assert drawn[-len(NOTE.split()):] == f"1{NOTE}".split()  # the note is drawn last, under both columns
    texts[1] += "1"  # its note's number, raised after its stop
    assert list(extract(pdf.read_bytes()).paragraphs) == [INTRO, *texts, f"1{NOTE}"]
