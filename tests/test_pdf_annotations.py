"""What a PDF's annotations show is read as a viewer shows it: a filled-in form's values, a text box (FreeText);
not an annotation flagged hidden or not to be viewed. Real PDFs: reportlab fills in a form (each field with the
appearance a viewer draws), pypdf adds FreeText annotations with theirs; poppler's pdftotext is the oracle.

Before, only the page's own content was read: the form came out as its labels, "Name:", "Units:", no answers."""

from __future__ import annotations

import io
from pathlib import Path

from briefgen.sources.formats.pdfdoc import extract
from tests.helpers import pdftotext

FIELDS = {"name": "Colonel Park Min-jun of the drone command", "units": "1,200 drones delivered in March"}
SHOWN = "Reviewer note: the figure for March is confirmed."
HIDDEN = "Hidden draft remark never shown to readers."
NOT_VIEWED = "A remark kept off the screen view."


def _form() -> bytes:
    from reportlab.lib.colors import black, white
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 760, "Applicant details are given in the fields below, as the ministry filed them.")
    for k, (name, value) in enumerate(FIELDS.items()):
        page.drawString(72, 720 - 40 * k, f"{name.title()}:")
        page.acroForm.textfield(name=name, value=value, x=120, y=712 - 40 * k, width=360, height=20,
                                borderColor=black, fillColor=white, textColor=black, forceBorder=True)
    page.save()
    return out.getvalue()


def _free_text(writer: object, text: str, bottom: float, flags: int) -> None:
    """A FreeText annotation on the first page, its appearance `text` in Helvetica, its flags (/F) `flags`."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        StreamObject,
        TextStringObject,
    )

    assert isinstance(writer, PdfWriter)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    look = StreamObject()
    look.set_data(f"BT /F1 11 Tf 0 0 0 rg 2 5 Td ({text}) Tj ET".encode())
    look.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, 328, 20)]),
                 NameObject("/Resources"): DictionaryObject({NameObject("/Font"): DictionaryObject(
                     {NameObject("/F1"): font})})})
    writer.add_annotation(0, DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (72, bottom, 400, bottom + 20)]),
        NameObject("/Contents"): TextStringObject(text), NameObject("/DA"): TextStringObject("/Helv 11 Tf 0 g"),
        NameObject("/F"): NumberObject(flags), NameObject("/AP"): DictionaryObject(
            {NameObject("/N"): writer._add_object(look)})}))


def _annotated() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(_form()))
    _free_text(writer, SHOWN, 600, 4)  # printed
    _free_text(writer, HIDDEN, 560, 4 | 2)  # hidden
    _free_text(writer, NOT_VIEWED, 520, 32)  # not viewed
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_form_values_and_text_boxes_read_as_shown(tmp_path: Path) -> None:
    raw = _annotated()
    (tmp_path / "a.pdf").write_bytes(raw)
    found = list(extract(raw).paragraphs)
    assert found == [line for line in pdftotext(tmp_path / "a.pdf").splitlines() if line.strip(" \f")]
    assert [*FIELDS.values(), SHOWN] == [text for text in found if text in [*FIELDS.values(), SHOWN]]
    assert HIDDEN not in found and NOT_VIEWED not in found
