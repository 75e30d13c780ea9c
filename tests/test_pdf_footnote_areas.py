"""Footnotes as Writer sets them, read after the text they sit under and never inside it: under a page set in
columns (a Writer section in two columns), where a short note sits under the first column only, below
everything in the second, the note is read after the columns, not as the first column's foot; under a page
whose last paragraph runs on over the page break, the note (set two points smaller, close under it) is read
after that paragraph, not as its next lines. Read back against the documents as built (flat ODT files
converted by LibreOffice)."""

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
           'fo:text-align="justify" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="{body}pt"/>'
           '</style:style><style:style style:name="Note" style:family="paragraph"><style:text-properties '
           'fo:font-size="{note}pt"/></style:style></office:styles><office:automatic-styles><style:style '
           'style:name="Columns" style:family="section"><style:section-properties><style:columns '
           'fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>'
           '</office:automatic-styles>')


def _pdf(folder: Path, texts: list[str], note: tuple[int, str], columns: bool, sizes: tuple[int, int]) -> Path:
    """A Writer document of an introduction across the page and `texts` (in two columns when `columns`), the
    one `note` numbers ending in a footnote (number 1) that says its text, as LibreOffice's PDF."""
    footnote = ('<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                f'<text:note-body><text:p text:style-name="Note">{note[1]}</text:p></text:note-body></text:note>')
    body = "".join(f'<text:p text:style-name="Body">{text}{footnote if k == note[0] else ""}</text:p>'
                   for k, text in enumerate(texts))
    if columns:
        body = f'<text:section text:name="S" text:style-name="Columns">{body}</text:section>'
    styles = _STYLES.format(body=sizes[0], note=sizes[1])
    (folder / "notes.fodt").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NS} office:version="1.3" office:mimetype='
        f'"application/vnd.oasis.opendocument.text">{styles}<office:body><office:text><text:p text:style-name='
        f'"Body">{INTRO}</text:p>{body}</office:text></office:body></office:document>', encoding="utf-8")
    return libreoffice_convert([folder / "notes.fodt"], folder)[0]


def test_a_note_under_the_first_column_is_read_after_both(tmp_path: Path) -> None:
    """After the paragraphs of the second column (numbered before it, as a reader counts them down the page),
    never between a paragraph and its end at the second column's top."""
    texts = [f"Paragraph {k}. " + " ".join([SENTENCE] * (2 + k % 3)) for k in range(1, 6)]
    pdf = _pdf(tmp_path, texts, (1, NOTE), True, (11, 9))
    drawn = pdftotext(pdf, "-layout", "-l", "1").split()
    assert drawn[-len(NOTE.split()):] == f"1{NOTE}".split()  # the note is drawn last, under both columns
    texts[1] += "1"  # its note's number, raised after its stop
    assert list(extract(pdf.read_bytes()).paragraphs) == [INTRO, *texts, f"1{NOTE}"]


def test_a_note_close_under_a_paragraph_that_runs_over_the_page_break_is_not_its_next_lines(tmp_path: Path) -> None:
    texts = [f"Paragraph {k}. " + " ".join([SENTENCE] * 3) for k in range(1, 9)]
    note = " ".join([NOTE] * 7)  # long enough to start right under the page's last line
    pdf = _pdf(tmp_path, texts, (4, note), False, (12, 10))
    assert "Paragraph 7." in pdftotext(pdf, "-l", "1")
    assert pdftotext(pdf, "-f", "2").startswith("period,")  # the seventh paragraph runs over the page break
    texts[4] += "1"
    assert list(extract(pdf.read_bytes()).paragraphs) == [INTRO, *texts[:7], f"1{note}", *texts[7:]]


LONG_NOTE = ("The officials spoke on condition of anonymity because they were not authorised to discuss the contracts, "
             "which remain classified under the procurement law of the previous government and its amendments.")


def test_a_note_the_page_break_cuts_goes_on_at_the_foot_of_the_next_page(tmp_path: Path) -> None:
    texts = [f"Paragraph {k}. " + " ".join([SENTENCE] * 3) for k in range(1, 9)]
    note = " ".join([LONG_NOTE] * 14)
    pdf = _pdf(tmp_path, texts, (4, note), False, (12, 10))
    second = pdftotext(pdf, "-f", "2").split("\n")
    assert second[0].startswith("Paragraph") and second[-3][:1].islower() \
        and second[-3].split()[-1] in LONG_NOTE  # the note's end, at the foot of page 2
    texts[4] += "1"
    found = extract(pdf.read_bytes())
    assert [text for text in found.paragraphs if "officials" not in text] == [INTRO, *texts]
    assert [(page, text) for page, text in zip(found.pages, found.paragraphs, strict=True) if "officials" in text] \
        == [(1, f"1{note}")]
