"""PDF seeds drawn partly in symbol fonts (finding 05): Symbol and ZapfDingbats read through their built-in
encodings ("5 µg", not "5 mg"; "✔", not "4"), a symbolic font briefgen has no table for read as glyph numbers
rather than letters, a ToUnicode map still obeyed, and no extraction cached before this reading reused."""

from __future__ import annotations

import hashlib
import io
import marshal
from pathlib import Path

import pytest

from briefgen import __version__
from briefgen.sources.formats import EXTRACTOR_VERSION, FORMATS, extract
from briefgen.sources.formats.pdfdoc import extract as from_pdf
from briefgen.sources.formats.pdffonts import SYMBOL, ZAPF_DINGBATS
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.seeds import read_seed

DOSE = "The maximum dose is 5 µg per day for adults."
APPROVED = "✔ Approved by the board."


def _reportlab_pdf() -> bytes:
    """DOSE with its "µ" in Symbol, APPROVED with its "✔" in ZapfDingbats, and a Greek formula, the rest in
    Helvetica: reportlab writes both symbol fonts with no Encoding and no ToUnicode, as the standard 14."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for y, runs in ((700, [("Helvetica", "The maximum dose is 5 "), ("Symbol", "µ"),
                           ("Helvetica", "g per day for adults.")]),
                    (600, [("ZapfDingbats", "✔"), ("Helvetica", " Approved by the board.")]),
                    (500, [("Helvetica", "Significant at "), ("Symbol", "α ≤ "), ("Helvetica", "0.05.")])):
        text = page.beginText(72, y)
        for font, chars in runs:
            text.setFont(font, 12)
            text.textOut(chars)
        page.drawText(text)
    page.save()
    return out.getvalue()


def _raw_pdf(content: bytes, fonts: list[bytes], extra: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF drawing `content` with fonts /F1, /F2, … (objects 5, 6, …), then `extra` objects."""
    names = b" ".join(b"/F%d %d 0 R" % (k, 5 + k - 1) for k in range(1, len(fonts) + 1))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << "
            + names + b" >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream", *fonts, *extra]
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
DOSE_DRAWN = b"BT /F1 12 Tf 72 700 Td (The maximum dose is 5 ) Tj /F2 12 Tf (m) Tj /F1 12 Tf (g per day.) Tj ET"


def test_standard_symbol_and_zapfdingbats_read_through_their_own_encodings() -> None:
    found = from_pdf(_reportlab_pdf())
    assert found.paragraphs == (DOSE, APPROVED, "Significant at α ≤ 0.05.")


def test_the_findings_hand_written_pdf_reads_as_pdftotext_reads_it() -> None:
    content = DOSE_DRAWN + b"\nBT /F3 12 Tf 72 680 Td (4) Tj /F1 12 Tf ( Approved by the board.) Tj ET"
    raw = _raw_pdf(content, [HELVETICA, b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>",
                             b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>"])
    assert from_pdf(raw).paragraphs == ("The maximum dose is 5 µg per day.", APPROVED)


def test_a_passage_in_mg_no_longer_verifies_against_micrograms(tmp_path: Path) -> None:
    (tmp_path / "dose.pdf").write_bytes(_reportlab_pdf())
    seed = read_seed(str(tmp_path.resolve()), "dose.pdf")
    assert seed.locate("The maximum dose is 5 mg per day for adults") is None
    assert seed.locate("Approved by the board") == 2
    assert seed.locate("4 Approved by the board") is None
    assert seed.locate("The maximum dose is 5 µg per day for adults") == 1
    assert seed.locate("The maximum dose is 5 μg per day for adults") == 1  # GREEK SMALL LETTER MU, as typed


@pytest.mark.parametrize("basefont", [b"/SymbolMT", b"/ABCDEF+Symbol", b"/Symbol,Bold"])
def test_renamed_and_truetype_copies_of_symbol_read_as_symbol(basefont: bytes) -> None:
    symbol = b"<< /Type /Font /Subtype /TrueType /BaseFont " + basefont + b" /FirstChar 32 /LastChar 255 " \
             b"/Widths [] /FontDescriptor 7 0 R >>"
    descriptor = b"<< /Type /FontDescriptor /FontName " + basefont + b" /Flags 4 /FontBBox [0 0 1000 1000] " \
                 b"/ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 700 /StemV 80 >>"
    assert from_pdf(_raw_pdf(DOSE_DRAWN, [HELVETICA, symbol], (descriptor,))).paragraphs == (
        "The maximum dose is 5 µg per day.",)


def test_differences_rename_codes_over_the_built_in_encoding() -> None:
    symbol = b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol /Encoding << /Differences [109 /m] >> >>"
    assert from_pdf(_raw_pdf(DOSE_DRAWN, [HELVETICA, symbol])).paragraphs == ("The maximum dose is 5 mg per day.",)
    unknown = b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol /Encoding << /Differences [109 /g17] >> >>"
    assert from_pdf(_raw_pdf(DOSE_DRAWN, [HELVETICA, unknown])).paragraphs == (
        "The maximum dose is 5 (cid:109)g per day.",)


def _wingdings(content: bytes) -> bytes:
    wingdings = b"<< /Type /Font /Subtype /TrueType /BaseFont /Wingdings /FirstChar 32 /LastChar 255 " \
                b"/Widths [] /FontDescriptor 7 0 R >>"
    descriptor = b"<< /Type /FontDescriptor /FontName /Wingdings /Flags 4 /FontBBox [0 0 1000 1000] " \
                 b"/ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 700 /StemV 80 >>"
    return _raw_pdf(content, [HELVETICA, wingdings], (descriptor,))


def test_a_symbolic_font_without_a_table_is_glyph_numbers_not_letters() -> None:
    content = b"BT /F1 12 Tf 72 700 Td (Status: ) Tj /F2 12 Tf (4) Tj /F1 12 Tf ( approved by the board.) Tj ET"
    assert from_pdf(_wingdings(content)).paragraphs == ("Status: (cid:52) approved by the board.",)


def test_a_page_mostly_in_such_a_font_is_refused() -> None:
    content = b"BT /F1 12 Tf 72 700 Td (Note: ) Tj /F2 12 Tf (Approved by the board) Tj ET"
    with pytest.raises(SeedError, match="do not say which letters they draw"):
        from_pdf(_wingdings(content))


def test_a_tounicode_map_is_still_obeyed() -> None:
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <6D> <006D> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    symbol = b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol /ToUnicode 7 0 R >>"
    stream = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    assert from_pdf(_raw_pdf(DOSE_DRAWN, [HELVETICA, symbol], (stream,))).paragraphs == (
        "The maximum dose is 5 mg per day.",)


def test_the_tables_agree_with_adobes_glyph_names() -> None:
    from pdfminer.encodingdb import name2unicode
    from pypdf._codecs import _zapfding_encoding
    from reportlab.pdfbase.pdfmetrics import getEncoding

    signs = {"registerserif": "®", "copyrightserif": "©", "trademarkserif": "™", "registersans": "®",
             "copyrightsans": "©", "trademarksans": "™"}
    names = getEncoding("SymbolEncoding").vector
    assert {code: signs.get(name, name2unicode(name)) for code, name in enumerate(names) if name} == SYMBOL
    names = getEncoding("ZapfDingbatsEncoding").vector
    assert {code: _zapfding_encoding[code] for code, name in enumerate(names) if name} == ZAPF_DINGBATS


def test_an_extraction_cached_before_this_reading_is_not_reused(tmp_path: Path) -> None:
    raw = _reportlab_pdf()
    digest = hashlib.sha256(raw).hexdigest()
    stale = [DOSE.replace("µ", "m"), APPROVED.replace("✔", "4")]
    for version in range(1, int(EXTRACTOR_VERSION)):  # what an earlier reader may have left in output/.cache
        entry = tmp_path / f"seed-pdf-{__version__}-{version}-{digest}.marshal"
        entry.write_bytes(marshal.dumps((stale, [1, 1])))
    assert extract(FORMATS[".pdf"], raw, str(tmp_path)).paragraphs[:2] == (DOSE, APPROVED)
    assert int(EXTRACTOR_VERSION) >= 4  # 4: symbol fonts read through their built-in encodings
