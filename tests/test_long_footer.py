"""A profile's `footer` longer than its line (a notice, a disclaimer) is set in lines of its own above the page
numbers, wrapped at the text width, in both formats; before, the PDF drew it as one line running over the
page numbers and off the page."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import libreoffice_pdf, pdf_words, pdftotext, run

NOTICE = ("This document is the property of the Northwind Analysis Unit. It is intended only for the people it "
          "was sent to and may contain information that is confidential; tell the sender and delete it.")


def test_a_long_footer_has_lines_of_its_own_in_both_formats(workspace: Path, tmp_path: Path) -> None:
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    profile = re.sub(r"(?m)^footer: .*$", f'footer: "{NOTICE}"', profile)
    (workspace / "templates/executive.yaml").write_text(profile, encoding="utf-8")
    result = run(workspace, "build", "-a", "executive")
    assert result.exit_code == 0, result.output
    pdf = workspace / "output/executive.pdf"
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    words = pdf_words(pdf)
    assert max(w.right for w in words) < width - 30  # within the right margin
    assert NOTICE in " ".join(pdftotext(pdf, "-layout").split())  # every word, in order
    notice_bottom = max(w.bottom for w in words if w.text == "delete")
    numbers = [w.bottom for w in words if w.text == "Page"]
    assert numbers and numbers[-1] > notice_bottom + 2  # the page numbers on their line below it
    first = min(w.bottom for w in words if w.text == "This" and w.bottom < notice_bottom + 1)
    assert first < notice_bottom  # on two lines or more
    with zipfile.ZipFile(workspace / "output/executive.docx") as archive:
        footers = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/footer")]
    for footer in footers:
        paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", footer, re.S)
        texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs]
        assert texts[0] == NOTICE and "PAGE" in paragraphs[-1], texts  # a paragraph of its own, above
    laid_out = libreoffice_pdf(workspace / "output/executive.docx", tmp_path)
    assert len(PdfReader(laid_out).pages) == 1 and NOTICE in " ".join(pdftotext(laid_out, "-layout").split())
    assert max(w.right for w in pdf_words(laid_out)) < width - 30


CAVEAT = ("For official use only // Not for release outside the analytic community without the express "
          "written consent of the originating desk // Handle under the rules of the exchange agreement")


def test_a_handling_line_wider_than_the_page_wraps_in_header_and_footer(workspace: Path, tmp_path: Path) -> None:
    """Before, the PDF drew it on one line running off both edges of every page."""
    profile = (ROOT / "briefgen/templates/analyst.yaml").read_text(encoding="utf-8")
    profile = re.sub(r"(?m)^banner: .*$", "", profile) + f'banner: "{CAVEAT}"\n'
    (workspace / "templates/analyst.yaml").write_text(profile, encoding="utf-8")
    result = run(workspace, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    pdf = workspace / "output/analyst.pdf"
    pages = PdfReader(pdf).pages
    width = float(pages[0].mediabox.width)
    assert len(pages) > 1
    for number in range(1, len(pages) + 1):
        words = pdf_words(pdf, number)
        assert min(w.left for w in words) > 30 and max(w.right for w in words) < width - 30, number
    text = " ".join(pdftotext(pdf, "-layout").split())
    # the body's banner paragraph, every footer and every later page's header, each whole
    assert text.count(CAVEAT.upper().split()[-1]) >= 2 * len(pages)
    with zipfile.ZipFile(workspace / "output/analyst.docx") as archive:
        assert CAVEAT.upper() in archive.read("word/footer1.xml").decode("utf-8").upper()


def test_a_footer_that_would_leave_no_room_for_the_brief_is_refused(workspace: Path) -> None:
    """Set in lines of its own, a footer of 8,000 characters would take the page: `check` says so at its key,
    where before the build dropped every item and blamed the BLUF for not fitting."""
    profile = (ROOT / "briefgen/templates/executive.yaml").read_text(encoding="utf-8")
    line = profile[:profile.index("\nfooter: ")].count("\n") + 2
    notice = ("Confidential notice. " * 400).strip()
    (workspace / "templates/executive.yaml").write_text(
        re.sub(r"(?m)^footer: .*$", f'footer: "{notice}"', profile), encoding="utf-8")
    result = run(workspace, "check")
    assert result.exit_code == 1, result.output
    assert f"templates/executive.yaml:{line}:9: footer: the footer, {len(notice)} characters on about" in result.output
    assert "leave the brief less than 50 mm of its height" in result.output


def test_a_reference_footer_that_would_leave_no_room_is_refused(workspace: Path) -> None:
    """The same for a house style's footer paragraph, now wrapped: its lines count towards the page it leaves."""
    import docx

    from tests.helpers import name_reference

    reference = docx.Document()
    reference.sections[0].footer.paragraphs[0].add_run(("Confidential notice. " * 500).strip())
    reference.save(str(workspace / "templates/house.docx"))
    name_reference(workspace, "house.docx")
    result = run(workspace, "check")
    assert result.exit_code == 1, result.output
    assert "look.reference_docx: its page of" in result.output
    assert re.search(r"its footer \d{3} mm up\) cannot hold a brief", result.output), result.output
