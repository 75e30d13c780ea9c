"""A text box set beside running text in smaller type, a narrow gap away (a Writer frame the text wraps around,
a floated sidebar or pull quote): its lines are read as its own paragraph, not run into the running text's
lines on the same height ("over the Key figure: spending"), whether drawn before the text or after it, nor
interleaved with the lines of the text that wraps around it on its right ("Key figure: spending on an
independent oversight").
Made by LibreOffice from a flat ODT and read back against the document as built."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import libreoffice_convert, pdftotext

TEXT = ("Recommendations include strengthening internal controls, publishing contract summaries, and establishing "
        "an independent oversight commission with investigative authority over the ministries concerned.")
BOX = "Key figure: spending on drones rose by forty per cent in a single year, the auditors found."
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
_STYLES = ('<office:styles><style:style style:name="Body" style:family="paragraph"><style:paragraph-properties '
           'fo:text-align="justify"/><style:text-properties fo:font-size="11pt"/></style:style><style:style '
           'style:name="BoxText" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>'
           '</office:styles><office:automatic-styles><style:style style:name="Side" style:family="graphic">'
           '<style:graphic-properties style:wrap="parallel" style:horizontal-pos="{side}" style:horizontal-rel='
           '"paragraph" style:vertical-pos="from-top" fo:margin-left="{gap}" fo:margin-right="{gap}" '
           'fo:padding="0cm" fo:border="none"/></style:style></office:automatic-styles>')


@pytest.mark.parametrize(("side", "gap"), [("right", "0.2cm"), ("left", "0.2cm"), ("right", "0.1cm")])
def test_a_box_beside_the_text_in_smaller_type_is_a_paragraph_of_its_own(tmp_path: Path, side: str, gap: str) -> None:
    frame = ('<draw:frame draw:style-name="Side" draw:name="Box" text:anchor-type="paragraph" svg:width="5cm" '
             f'svg:y="0.5cm"><draw:text-box fo:min-height="1cm"><text:p text:style-name="BoxText">{BOX}</text:p>'
             '</draw:text-box></draw:frame>')
    first, second = " ".join([TEXT] * 3), TEXT
    styles = _STYLES.format(side=side, gap=gap)
    (tmp_path / "box.fodt").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NS} office:version="1.3" office:mimetype='
        f'"application/vnd.oasis.opendocument.text">{styles}<office:body><office:text><text:p text:style-name='
        f'"Body">{frame}{first}</text:p><text:p text:style-name="Body">{second}</text:p></office:text>'
        '</office:body></office:document>', encoding="utf-8")
    pdf = libreoffice_convert([tmp_path / "box.fodt"], tmp_path)[0]
    drawn = next(line.split() for line in pdftotext(pdf, "-layout").split("\n") if "Key" in line)
    assert len(set(drawn) - set(BOX.split())) >= 3  # the box's first line beside a line of the text
    found = extract(pdf.read_bytes()).paragraphs
    assert sorted(found) == sorted([first, second, BOX]) and found.index(first) < found.index(second)
