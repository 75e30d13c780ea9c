"""A letterhead that shows the document's title, subject or author, as corporate Word templates do: a TITLE or
`DOCPROPERTY` field, or a content control bound to the property (Insert > Quick Parts > Document Property).
Word shows the brief's own properties there (the DOCX stores them in docProps/core.xml); before, the PDF and
LibreOffice showed the reference's stale field result and the control's "[Title]" placeholder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import fromstring

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefgen.document.fields import bound_property, property_of
from tests.helpers import built_under_reference, libreoffice_pdf, pdf_words, pdftotext, word_field

_W = nsdecls("w")
_DC = "{http://purl.org/dc/elements/1.1/}"
# As Word writes Insert > Quick Parts > Document Property > Title into an empty document: a plain-text control
# bound to the core properties, showing its placeholder text.
_TITLE_CONTROL = (
    f'<w:sdt {_W}><w:sdtPr><w:alias w:val="Title"/><w:tag w:val=""/><w:id w:val="-1429577451"/><w:showingPlcHdr/>'
    "<w:dataBinding w:prefixMappings=\"xmlns:ns0='http://purl.org/dc/elements/1.1/' "
    "xmlns:ns1='http://schemas.openxmlformats.org/package/2006/metadata/core-properties' \" "
    'w:xpath="/ns1:coreProperties[1]/ns0:title[1]" w:storeItemID="{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"/>'
    '<w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>[Title]</w:t>'
    "</w:r></w:sdtContent></w:sdt>")


def _reference(path: Path) -> None:
    reference = docx.Document()
    header = reference.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(_TITLE_CONTROL))
    footer = reference.sections[0].footer.paragraphs[0]
    slash = f'<w:r {_W}><w:t xml:space="preserve"> / </w:t></w:r>'
    subject = word_field('DOCPROPERTY "Subject"', "Template subject")
    for xml in [*word_field("TITLE \\* Upper", "QUARTERLY TEMPLATE"), slash, *subject]:
        footer._p.append(parse_xml(xml))
    reference.save(str(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_under_reference(tmp_path_factory.mktemp("properties"), _reference)


def _core(docx_path: Path) -> tuple[str, str]:
    """The brief's title and subject as its DOCX stores them."""
    with zipfile.ZipFile(docx_path) as archive:
        core = fromstring(archive.read("docProps/core.xml"))
    title, subject = core.findtext(f"{_DC}title") or "", core.findtext(f"{_DC}subject") or ""
    assert title and subject
    return title, subject


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_which_property_a_field_or_a_binding_shows() -> None:
    assert property_of("TITLE") == "title" and property_of('DOCPROPERTY "Subject" \\* MERGEFORMAT') == "subject"
    assert property_of("DOCPROPERTY Author") == "author" and property_of("DOCPROPERTY Company") is None
    assert property_of("TIME") is None
    assert bound_property("/ns1:coreProperties[1]/ns0:creator[1]") == "author"
    assert bound_property("/root[1]/title[1]") is None  # a binding to a custom XML part is not ours


def test_the_pdf_letterhead_shows_the_briefs_properties(built: Path) -> None:
    title, subject = _core(built / "executive.docx")
    text = _one_line(pdftotext(built / "executive.pdf", "-layout"))
    assert "[Title]" not in text and "QUARTERLY TEMPLATE" not in text and "Template subject" not in text
    assert _one_line(title) in text  # the control bound to the title
    assert f"{_one_line(title).upper()} / {_one_line(subject)}" in text  # the fields, the case switch applied


def test_the_docx_letterhead_holds_the_same(built: Path, tmp_path: Path) -> None:
    title, subject = _core(built / "executive.docx")
    with zipfile.ZipFile(built / "executive.docx") as archive:
        parts = "".join(archive.read(n).decode("utf-8") for n in archive.namelist()
                        if re.fullmatch(r"word/(header|footer)\d*\.xml", n))
    control = re.search(r"<w:sdt>.*?</w:sdt>", parts, re.S)
    assert control is not None and "showingPlcHdr" not in control.group(0) and "PlaceholderText" not in control.group(0)
    assert 'w:xpath="/ns1:coreProperties[1]/ns0:title[1]"' in control.group(0)  # still bound, for Word
    text = _one_line(pdftotext(libreoffice_pdf(built / "executive.docx", tmp_path), "-layout"))
    assert "[Title]" not in text and "QUARTERLY TEMPLATE" not in text
    assert _one_line(title) in text
    # LibreOffice works a TITLE field out itself, without Word's case switch, and wraps the footer
    assert f"{_one_line(title)} / {_one_line(subject)}".lower() in text.lower()


DISCLAIMER = ("This document is the property of the Northwind Analysis Unit. It is intended only for the "
              "people it was sent to and may contain information that is confidential; if you are not one of "
              "them, tell the sender and delete it, and do not copy, forward or act on anything in it.")


def _disclaimed(path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].footer.paragraphs[0].add_run(DISCLAIMER)
    reference.save(str(path))


def test_a_long_footer_wraps_within_the_margins_above_the_text(tmp_path: Path) -> None:
    """Before, the disclaimer was drawn as one line running off the page's right edge."""
    output = built_under_reference(tmp_path, _disclaimed)
    pdf = output / "executive.pdf"
    width = float(re.search(r'<page width="([\d.]+)"', pdftotext(pdf, "-bbox")).group(1))  # type: ignore[union-attr]
    words = pdf_words(pdf, page=None)
    assert max(w.right for w in words) < width - 20  # nothing beyond the right margin
    first, last = DISCLAIMER.split()[0], DISCLAIMER.split()[-1]
    tops = [y0 for _, y0, _, _, word in words if word in (first, last)]
    assert len({round(y) for y in tops}) >= 2  # its first and last words on different lines
    text = _one_line(pdftotext(pdf, "-layout"))
    assert DISCLAIMER in text  # every word, in order
    footer_top, said = min(tops), set(DISCLAIMER.split())
    under = {word for _, _, _, y1, word in words if y1 > footer_top}
    assert {word for word in under if word not in said and word.upper() != word} == set()  # it and the banner:
    # the brief's text stands above the footer, as Word moves it up
    laid_out = pdftotext(libreoffice_pdf(output / "executive.docx", tmp_path), "-layout")
    assert laid_out.count("\f") == 1 and pdftotext(pdf, "-layout").count("\f") == 1  # one page in both formats
    assert DISCLAIMER in _one_line(laid_out)


COMPANY = "Northwind Analysis Unit"
_COMPANY_CONTROL = (
    f'<w:sdt {_W}><w:sdtPr><w:alias w:val="Company"/><w:dataBinding w:prefixMappings="xmlns:ns0=\'http://schemas.'
    "openxmlformats.org/officeDocument/2006/extended-properties' \" w:xpath=\"/ns0:Properties[1]/ns0:Company[1]\" "
    'w:storeItemID="{6668398D-A668-4E3E-A5EB-62B293D839F1}"/><w:text/></w:sdtPr><w:sdtContent><w:r>'
    f"<w:t>{COMPANY}</w:t></w:r></w:sdtContent></w:sdt>")


def _company(path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0]._p.append(parse_xml(_COMPANY_CONTROL))
    reference.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    app = parts["docProps/app.xml"].decode("utf-8")
    app = re.sub(r"<Company>.*?</Company>|<Company/>", "", app).replace("</Properties>",
                                                                         f"<Company>{COMPANY}</Company></Properties>")
    parts["docProps/app.xml"] = app.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_the_references_company_stays_for_its_letterhead(tmp_path: Path) -> None:
    """Word shows a control bound to the company's name from docProps/app.xml, which briefgen rewrites: before,
    the brief's app.xml had no company, so Word showed the letterhead without it."""
    output = built_under_reference(tmp_path, _company)
    with zipfile.ZipFile(output / "executive.docx") as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
    assert f"<Company>{COMPANY}</Company>" in app and "<Application>briefgen</Application>" in app
    assert COMPANY in _one_line(pdftotext(output / "executive.pdf", "-layout"))
