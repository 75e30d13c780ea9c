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
from tests.helpers import libreoffice_convert
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


_NS = " ".join(f'xmlns:{p}="urn:oasis:names:tc:opendocument:xmlns:{n}"' for p, n in (
    ("office", "office:1.0"), ("style", "style:1.0"), ("text", "text:1.0"), ("fo", "xsl-fo-compatible:1.0")))
BODY = ["The review covers the units that fly uncrewed aircraft along the northern border, and it draws on budget "
        "papers, procurement notices and interviews with former officials.",
        "Most of the material dates from the last two years, and some of it could not be checked against a "
        "second source."]
FODT = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>'
        '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
        'fo:page-height="29.7cm" fo:margin="2cm"/><style:header-style/><style:footer-style/></style:page-layout>'
        '<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.4cm"/>'
        '</style:style></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" '
        'style:page-layout-name="pm1"><style:header><text:p>Chapter 3: the northern units</text:p></style:header>'
        '<style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number></text:p>'
        '</style:footer></style:master-page></office:master-styles><office:body><office:text>'
        + "".join(f'<text:p text:style-name="P">{text}</text:p>' for text in BODY)
        + "</office:text></office:body></office:document>")


@pytest.mark.parametrize("tags", [True, False])
def test_a_tagged_pdf_leaves_its_artifacts_out(tmp_path: Path, tags: bool) -> None:
    """LibreOffice's one-page PDF: its header and page number do not recur, so only the tags tell them apart."""
    (tmp_path / "chapter.fodt").write_text(FODT, encoding="utf-8")
    options = '{"UseTaggedPDF":{"type":"boolean","value":"' + str(tags).lower() + '"}}'
    pdf = libreoffice_convert([tmp_path / "chapter.fodt"], tmp_path, to=f"pdf:writer_pdf_Export:{options}")[0]
    found = extract(pdf.read_bytes()).paragraphs
    if tags:
        assert found == tuple(BODY)
    else:  # untagged, a header that does not recur is text like any other
        assert "Chapter 3: the northern units" in " ".join(found)
