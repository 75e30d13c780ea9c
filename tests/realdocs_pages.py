"""The real-documents corpus's LibreOffice PDFs in page designs of their own: pandoc's DOCX of a source
(tests/realdocs.py) given a section of two columns (or one), a running header and a footer with the page number,
then laid out by LibreOffice; its notes are footnotes, as pandoc writes them. Checked against LibreOffice's text
export of that DOCX, as the corpus's other PDFs.

`python tests/realdocs_pages.py SEED COUNT` prints the documents and paragraphs checked and each fault (the even
sources in two columns, the odd in one).
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.helpers import libreoffice_convert
from tests.realdocs import Source, Tally, _pandoc, pdf_tally, report, sources

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
HEADER = f'<w:hdr {_W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>Drone fleet review</w:t></w:r></w:p></w:hdr>'
FOOTER = (f'<w:ftr {_W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>')
SECTION = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" '
           'r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" '
           'w:left="1134" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:num="{columns}" w:space="567"/>'
           "</w:sectPr>")


def _dressed(name: str, data: bytes, columns: int) -> bytes:
    """A part of pandoc's DOCX with the section, header and footer added."""
    if name == "word/document.xml":
        text = data.decode()
        text = text if "xmlns:r=" in text[:3000] else text.replace("<w:document ", f"<w:document {_R} ", 1)
        return text.replace("<w:sectPr />", SECTION.format(columns=columns)).encode()
    if name == "word/_rels/document.xml.rels":
        return data.replace(b"</Relationships>", (
            f'<Relationship Type="{_REL}/header" Id="rIdH1" Target="header1.xml"/>'
            f'<Relationship Type="{_REL}/footer" Id="rIdF1" Target="footer1.xml"/></Relationships>').encode())
    if name == "[Content_Types].xml":
        return data.replace(b"</Types>", (
            f'<Override PartName="/word/header1.xml" ContentType="{_TYPE}.header+xml"/>'
            f'<Override PartName="/word/footer1.xml" ContentType="{_TYPE}.footer+xml"/></Types>').encode())
    return data


def dress(docx: Path, columns: int) -> None:
    """Give pandoc's DOCX `docx` a section of `columns` columns, a running header and a page-number footer."""
    with zipfile.ZipFile(docx) as package:
        parts = [(item, package.read(item.filename)) for item in package.infolist()]
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as package:
        for item, data in parts:
            package.writestr(item, _dressed(item.filename, data, columns))
        package.writestr("word/header1.xml", HEADER)
        package.writestr("word/footer1.xml", FOOTER)


def designed_pdfs(made: Sequence[Source], folder: Path) -> list[Path]:
    """Each source as pandoc's DOCX (`folder`/NAME.docx), dressed (two columns for an even index, one for an odd),
    laid out by LibreOffice as a PDF (one run for all)."""
    docx = []
    for k, src in enumerate(made):
        (folder / f"{src.name}.md").write_text(src.markdown, encoding="utf-8")
        docx.append(folder / f"{src.name}.docx")
        _pandoc([folder / f"{src.name}.md", "-o", docx[-1]])
        dress(docx[-1], 2 if k % 2 == 0 else 1)
    return libreoffice_convert(docx, folder, "pdf")


CELL_WORDS = 3  # the most words of a table's cell here ("workflow 0", "61,146", "2026-01-10")


def never_drawn(pdf: Path) -> Callable[[str], bool]:
    """Whether a fault is a table's cell the PDF never draws: a table wider than its column is clipped at the
    page's edge, and pdftotext shows none of its cut cells either. A missing line of a cell's few words that
    the PDF's text (pdftotext's, spaces collapsed) does not hold is excused: no reader reads what is not drawn."""
    drawn = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                                    timeout=120).stdout.split())

    def excused(fault: str) -> bool:
        found = _MISSING.fullmatch(fault)
        cell = " ".join(found.group(1).split()) if found else ""
        return 0 < len(cell.split()) <= CELL_WORDS and cell not in drawn
    return excused


_MISSING = re.compile(r"missing: '(.*)'")


def run(seed: int, count: int, folder: Path) -> Tally:
    """The wide run over these PDFs: the documents, oracle paragraphs and faults (not those of a table's cells
    the PDF never draws: never_drawn)."""
    made = sources(seed, count)
    tally = Tally()
    for src, pdf in zip(made, designed_pdfs(made, folder), strict=True):
        one = pdf_tally([src], [pdf], [folder / f"{src.name}.docx"], folder, excused=never_drawn(pdf))
        tally.documents, tally.paragraphs = tally.documents + one.documents, tally.paragraphs + one.paragraphs
        tally.faults += one.faults
    return tally


if __name__ == "__main__":
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        report({"office-pdf designed": run(int(sys.argv[1]), int(sys.argv[2]), Path(tmp))})
