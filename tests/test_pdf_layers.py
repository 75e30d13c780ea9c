"""A PDF's layers (optional content groups) as a viewer opens it: text in a layer that is off (a brochure's other
language, editing notes, a hidden watermark) is not seed text, whether it is marked content naming the group or
a membership dictionary, or a form XObject in the group; a layer that is on is read. The PDF is made by
reportlab, its layers added with pikepdf; poppler's pdftotext agrees on what shows."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
import pytest

import briefgen.writers  # noqa: F401  (its bidi support goes in before reportlab is first imported)
from briefgen.sources.formats.pdfdoc import extract
from tests.tools import require

SHOWN = ["The English version says the base has forty launchers.", "A visible layer note is shown here."]
HIDDEN = ["Le texte cache dit cinquante lanceurs.", "Membership text hidden with its group.",
          "Form text in the hidden layer.", "Text hidden by the base state."]


def _layered(base_off: bool = False) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page_canvas = canvas.Canvas(buffer)
    page_canvas.setFont("Helvetica", 12)
    page_canvas.drawString(72, 760, SHOWN[0])
    page_canvas.showPage()
    page_canvas.save()
    pdf = pikepdf.open(io.BytesIO(buffer.getvalue()))
    page = pdf.pages[0]
    font = next(iter(page.Resources.Font.keys()))
    off = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("French")))
    on = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Notes")))
    unlisted = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Draft")))
    members = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=pikepdf.Array([off])))
    page.Resources.Properties = pikepdf.Dictionary(oc1=off, oc2=on, oc3=members, oc4=unlisted)
    form = pdf.make_stream(f"BT {font} 12 Tf 72 600 Td ({HIDDEN[2]}) Tj ET".encode())
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 612, 792]
    form.Resources, form.OC = pikepdf.Dictionary(Font=page.Resources.Font), off
    page.Resources.XObject = pikepdf.Dictionary(Fm1=form)
    drawn = [("oc1", 720, HIDDEN[0]), ("oc2", 680, SHOWN[1]), ("oc3", 640, HIDDEN[1]), ("oc4", 560, HIDDEN[3])]
    page.contents_add(pdf.make_stream("".join(
        f"/OC /{name} BDC BT {font} 12 Tf 72 {y} Td ({text}) Tj ET EMC\n" for name, y, text in drawn).encode()
        + b"/Fm1 Do\n"), prepend=False)
    shown = pikepdf.Dictionary(OFF=pikepdf.Array([off])) if not base_off else pikepdf.Dictionary(
        BaseState=pikepdf.Name.OFF, ON=pikepdf.Array([on]))
    pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array([off, on, unlisted]), D=shown)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize("base_off", [False, True])
def test_text_in_a_layer_that_is_off_is_not_read(base_off: bool) -> None:
    expected = SHOWN + ([HIDDEN[3]] if not base_off else [])  # a group no list names takes the base state
    assert list(extract(_layered(base_off)).paragraphs) == sorted(expected, key=[SHOWN[0], SHOWN[1], HIDDEN[3]].index)


def test_poppler_shows_the_same(tmp_path: Path) -> None:
    pdftotext = require("pdftotext")
    (tmp_path / "layers.pdf").write_bytes(_layered())
    shown = subprocess.run([pdftotext, str(tmp_path / "layers.pdf"), "-"], capture_output=True, text=True).stdout
    assert all(text in shown for text in SHOWN) and not any(text in shown for text in HIDDEN[:3])
