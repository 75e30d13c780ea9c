"""A damaged PDF is read as viewers repair it: from the whole file, each object as last defined, so a document
saved with incremental updates reads as its last revision. Real PDFs: reportlab's, updated incrementally by pypdf
(its page's text corrected, as a form filled in or a correction saved in Acrobat is), qpdf's with object and
cross-reference streams; then damaged as files are (`startxref` wrong, a line added that shifts every offset).
poppler's pdftotext is the oracle where it repairs them; where it does not (a cross-reference stream), the text
as built.

Before, pdfminer's repair stopped at the first `trailer`: the first revision's text ("Drone Report", where a
viewer shows "Revised Drone Report"); a file with a cross-reference stream could not be read at all."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest

from briefgen.sources.formats.pdfdoc import document_info, extract
from tests.helpers import pdftotext
from tests.seed_fixtures import pdf_bytes
from tests.tools import require

REVISED = "Revised Drone Report"


def _revised(raw: bytes) -> bytes:
    """`raw` with an incremental update that retitles it: its first page's text and its document information."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter(io.BytesIO(raw), incremental=True)
    page = writer.pages[0]
    content = StreamObject()
    content.set_data(page.get_contents().get_data().replace(b"(Drone Report)", f"({REVISED})".encode()))
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.add_metadata({"/Title": REVISED})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_streams(raw: bytes, folder: Path) -> bytes:
    """`raw` rewritten by qpdf with object streams and a cross-reference stream."""
    (folder / "in.pdf").write_bytes(raw)
    subprocess.run([require("qpdf"), "--object-streams=generate", str(folder / "in.pdf"), str(folder / "out.pdf")],
                   check=True)
    return (folder / "out.pdf").read_bytes()


def _wrong_startxref(raw: bytes) -> bytes:
    return raw[:raw.rfind(b"startxref")] + b"startxref\n123\n%%EOF\n"


def _shifted(raw: bytes) -> bytes:
    """`raw` with a comment line added after the header: every offset its tables give is off by its length."""
    end = raw.find(b"\n") + 1
    return raw[:end] + b"% a line an editor added\n" + raw[end:]


def _tables_wrong(raw: bytes) -> bytes:
    """`raw` shifted (_shifted), its `startxref` and /Prev corrected: the tables are found, and every object
    they give is not where they say."""
    moved, by = _shifted(raw), len(_shifted(raw)) - len(raw)
    moved = re.sub(rb"startxref\s+(\d+)", lambda found: b"startxref\n%d" % (int(found.group(1)) + by), moved)
    return re.sub(rb"/Prev (\d+)", lambda found: b"/Prev %d" % (int(found.group(1)) + by), moved)


@pytest.mark.parametrize("damage", [_wrong_startxref, _shifted, _tables_wrong])
def test_an_updated_file_with_a_broken_table_reads_as_its_last_revision(tmp_path: Path, damage: object) -> None:
    assert callable(damage)
    raw = damage(_revised(pdf_bytes(passage_on_page=1)))
    (tmp_path / "d.pdf").write_bytes(raw)
    shown = pdftotext(tmp_path / "d.pdf")
    assert shown.startswith(REVISED)
    found = extract(raw).paragraphs
    assert found[0] == REVISED and "Drone Report" not in found
    assert document_info(raw)["Title"] == REVISED


def test_a_file_with_cross_reference_streams_and_a_wrong_startxref_is_read(tmp_path: Path) -> None:
    streamed = _with_streams(pdf_bytes(passage_on_page=1), tmp_path)
    assert extract(_wrong_startxref(streamed)) == extract(streamed)
    updated = _revised(streamed)
    assert extract(_wrong_startxref(updated)) == extract(updated)
    assert extract(updated).paragraphs[0] == REVISED
