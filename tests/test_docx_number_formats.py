"""List numbers in Word's counting formats (English words, Chicago's signs, Chinese, Korean and Thai counting and
their legal forms) read as LibreOffice's text export of the same document writes them: they read as digits
("1." for "First.", "10." for "十."); and lists numbered through a numbering style no style part describes."""

from __future__ import annotations

from pathlib import Path

from briefgen.sources.formats.docxdoc import extract
from tests.helpers import libreoffice_convert
from tests.test_docx_lists_and_math import _item, _level
from tests.test_docx_seed_reading import NS, docx

FORMATS = ("cardinalText", "ordinalText", "chicago", "thaiLetters", "koreanDigital", "koreanCounting", "koreanLegal",
           "koreanDigital2", "taiwaneseCounting", "taiwaneseCountingThousand", "chineseLegalSimplified",
           "ideographLegalTraditional", "chineseCounting", "japaneseCounting")
STARTS = (1, 2, 3, 5, 9, 10, 11, 12, 20, 21, 45, 99, 100, 101, 110, 1001, 1234, 10001, 12345)
# Chicago's signs past 250 of them (a hostile start value) are written in digits, where LibreOffice writes them all;
# Thai letters past the 41st start again, as the table's other alphabets do (LibreOffice writes two letters)
CASES = [(fmt, start) for fmt in FORMATS for start in STARTS
         if (fmt != "chicago" or start <= 1000) and (fmt != "thaiLetters" or start <= 41)]


def _document() -> bytes:
    """A list of one item for each format and start, its text naming both."""
    abstracts, instances, body = [], [], []
    for n, (fmt, start) in enumerate(CASES):
        abstracts.append(f'<w:abstractNum w:abstractNumId="{n}">{_level(0, fmt, "%1.", start=start)}</w:abstractNum>')
        instances.append(f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{n}"/></w:num>')
        body.append(_item(f"item {fmt} {start}", n + 1, 0))
    numbering = f"<w:numbering {NS}>{''.join(abstracts)}{''.join(instances)}</w:numbering>"
    return docx("".join(body), parts={"numbering.xml": numbering})


def test_counting_formats_read_as_libreoffice_writes_them(tmp_path: Path) -> None:
    raw = _document()
    (tmp_path / "formats.docx").write_bytes(raw)
    exported = libreoffice_convert([tmp_path / "formats.docx"], tmp_path, to="txt:Text (encoded):UTF8")[0]
    expected = tuple(line.strip() for line in exported.read_text(encoding="utf-8-sig").splitlines() if line.strip())
    ours = extract(raw).paragraphs
    assert ours == expected
    assert len(ours) == len(CASES)


def test_a_numbering_style_is_followed_to_the_list_that_defines_it(tmp_path: Path) -> None:
    """Word writes a list numbered through a numbering style as two abstract lists: one naming the style
    (w:numStyleLink) with no levels, which the paragraphs name, and one defining it (w:styleLink). With no
    styles part to say which list the style numbers with, LibreOffice follows the name to the list defining
    it; the items read without their numbers."""
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="Articles"/>'
                 '</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Articles"/>'
                 f'{_level(0, "upperRoman", "Article %1.")}{_level(1, "decimal", "%1.%2")}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    raw = docx(_item("Scope", 1, 0) + _item("Terms", 1, 1) + _item("Parties", 1, 0),
               parts={"numbering.xml": numbering})
    (tmp_path / "linked.docx").write_bytes(raw)
    exported = libreoffice_convert([tmp_path / "linked.docx"], tmp_path, to="txt:Text (encoded):UTF8")[0]
    expected = tuple(line.strip() for line in exported.read_text(encoding="utf-8-sig").splitlines() if line.strip())
    assert extract(raw).paragraphs == expected == ("Article I. Scope", "I.1 Terms", "Article II. Parties")


def test_a_negative_or_huge_start_never_refuses_the_seed() -> None:
    """A hostile or careless start value (w:start -3, 0, a billion) in any format Word names: each item still
    reads, its number in digits where the format cannot write it and never a huge label; ideographDigital at -3
    refused the whole seed as damaged (a minus sign taken for a digit)."""
    from briefgen.document.wordnumbers import _FORMATS

    formats = sorted(_FORMATS)
    starts = (-3, 0, 10**9)
    abstracts = "".join(f'<w:abstractNum w:abstractNumId="{n}">{_level(0, fmt, "%1.", start=start)}</w:abstractNum>'
                        for n, (fmt, start) in enumerate((f, s) for f in formats for s in starts))
    instances = "".join(f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{n}"/></w:num>'
                        for n in range(len(formats) * len(starts)))
    body = "".join(_item(f"item {n}", n + 1, 0) for n in range(len(formats) * len(starts)))
    read_back = extract(docx(body, parts={"numbering.xml": f"<w:numbering {NS}>{abstracts}{instances}</w:numbering>"}))
    assert len(read_back.paragraphs) == len(formats) * len(starts)
    assert all(text.endswith(f"item {n}") and len(text) < 300 for n, text in enumerate(read_back.paragraphs))
