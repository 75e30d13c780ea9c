"""The PDF writer, checked by reading the real file back (pypdf) and with qpdf/pdffonts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from briefgen.document.nodes import Document, Heading, Link, Meta, Note, NoteRef, Paragraph, Span, Theme, WriteResult
from briefgen.errors import BriefgenError
from briefgen.writers.pdf import count_pages, write
from tests.samples import EXPECTED_NOTE_KEYS, HOSTILE, NOTE_A, NOTE_A_SHORT, NOTE_B, sample_document
from tests.tools import require

THEME = Theme()
NOTES = {n.key: n for n in (NOTE_A, NOTE_B, NOTE_A_SHORT)}
# Hebrew and emoji have no glyph in any bundled face: they print as .notdef and do not extract.
HOSTILE_COVERED = HOSTILE.split(" \u05e9")[0]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def note_text(note: Note) -> str:
    return "".join(i.text for i in note.content)


def page_texts(path: Path) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, WriteResult]:
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    return path, write(sample_document(), path, THEME)


def long_document(paragraphs: int = 60, keys: int = 12) -> Document:
    notes = [Note(f"k{i}", (Span(f"Source number {i}, a citation long enough to measure."),))
             for i in range(keys)]
    blocks: list[Any] = [Heading(0, (Span("Long"),))]
    for i in range(paragraphs):
        if i % 15 == 0:
            blocks.append(Heading(1, (Span(f"Section {i // 15}"),)))
        blocks.append(Paragraph((Span(f"Paragraph {i}: " + "lorem ipsum dolor sit amet " * 8),
                                 NoteRef(notes[i % keys]))))
    return Document(Meta("Long", date="2025-01-02"), tuple(blocks))


# ---------------------------------------------------------------- the sample brief


def test_sample_fits_one_page_with_its_notes(sample: tuple[Path, WriteResult]) -> None:
    path, result = sample
    assert result.pages == 1 == len(PdfReader(path).pages)
    assert result.notes == len(EXPECTED_NOTE_KEYS)
    assert count_pages(sample_document(), THEME) == 1


def test_every_span_and_note_is_in_the_text(sample: tuple[Path, WriteResult]) -> None:
    text = page_texts(sample[0])[0].casefold()  # headings and the banner print in capitals
    spans = [s for s in _spans(sample_document()) if s.strip() and s != HOSTILE]
    assert spans
    for span in spans:
        assert squash(span).casefold() in text
    for key in EXPECTED_NOTE_KEYS:
        assert squash(note_text(NOTES[key])).casefold() in text


def _spans(doc: Document) -> list[str]:
    found: list[str] = []

    def visit(item: Any) -> None:
        if isinstance(item, Span | Link):
            found.append(item.text)
        elif isinstance(item, tuple | list):
            for x in item:
                visit(x)
        elif hasattr(item, "__dataclass_fields__") and not isinstance(item, Note):
            for name in item.__dataclass_fields__:
                visit(getattr(item, name))

    visit(doc.blocks)
    return found


def test_repeated_note_is_printed_once_per_page(sample: tuple[Path, WriteResult]) -> None:
    text = page_texts(sample[0])[0]
    assert text.count(squash(note_text(NOTE_A))) == 1
    assert text.count("A Report Title") == 2  # NOTE_A (cited 3 times) and NOTE_A_SHORT


def test_hostile_text_prints_literally(sample: tuple[Path, WriteResult]) -> None:
    assert squash(HOSTILE_COVERED) in page_texts(sample[0])[0]


def test_hangul_is_drawn_in_an_embedded_nanum_font(sample: tuple[Path, WriteResult]) -> None:
    assert "김정은" in page_texts(sample[0])[0]
    fonts = PdfReader(sample[0]).pages[0]["/Resources"]["/Font"]
    nanum = [f.get_object() for f in fonts.values() if "Nanum" in f.get_object()["/BaseFont"]]
    assert nanum and "/FontFile2" in nanum[0]["/FontDescriptor"]


def test_metadata_and_outline(sample: tuple[Path, WriteResult]) -> None:
    reader = PdfReader(sample[0])
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta.subject) == ("Sample Brief", "briefgen tests", "Testing")
    assert meta["/Keywords"] == "test, sample" and meta["/Creator"] == "briefgen"
    assert meta["/CreationDate"].startswith("D:20250919")
    assert [entry["/Title"] for entry in reader.outline] == ["Key judgments", "Key figures", "Quotes"]


def test_markers_and_notes_link_both_ways(sample: tuple[Path, WriteResult]) -> None:
    """reportlab resolves internal links to explicit /XYZ destinations: check where each one points."""
    page = PdfReader(sample[0]).pages[0]
    links = [a.get_object() for a in page["/Annots"]]
    internal = [(float(a["/Rect"][1]), float(a["/Dest"][3])) for a in links if "/Dest" in a]
    notes_top = 150.0  # the three short notes sit at the foot of the page, the body far above
    down = [(y, dest) for y, dest in internal if y > notes_top > dest]
    up = [(y, dest) for y, dest in internal if dest > notes_top > y]
    assert len(down) == len(sample_document().notes())  # every citation, to its note
    assert len(up) == 3  # each printed note's number back to its first citation
    assert len(down) + len(up) == len(internal)
    uris = [a["/A"]["/URI"] for a in links if "/A" in a]
    assert uris == ["https://example.org/x?a=1&b=2"]


def test_output_is_deterministic(tmp_path: Path, sample: tuple[Path, WriteResult]) -> None:
    again = tmp_path / "again.pdf"
    write(sample_document(), again, THEME)
    assert again.read_bytes() == sample[0].read_bytes()


# ---------------------------------------------------------------- multi-page layout


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, WriteResult]:
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    return path, write(long_document(), path, THEME)


def test_each_note_is_printed_once_where_first_cited(long_pdf: tuple[Path, WriteResult]) -> None:
    """One note per key in the whole document (as in the DOCX): printed at the foot of the page of its first
    citation; later citations, on later pages, show its number and link back to it."""
    path, result = long_pdf
    texts = page_texts(path)
    assert result.pages == len(texts) >= 3
    for key in range(12):
        first_page = next(n for n, text in enumerate(texts) if f"Paragraph {key}:" in text)
        assert [text.count(f"Source number {key},") for text in texts] == [
            int(n == first_page) for n in range(len(texts))]
    assert result.notes == 12
    pages = PdfReader(path).pages
    number_of = {page.indirect_reference.idnum: n for n, page in enumerate(pages)}
    targets = [(n, number_of[a.get_object()["/Dest"][0].idnum]) for n, page in enumerate(pages)
               for a in page.get("/Annots", []) if "/Dest" in a.get_object()]
    assert any(target < n for n, target in targets), "later citations lead back to notes on earlier pages"
    assert all(target <= n for n, target in targets)
    assert count_pages(long_document(), THEME) == result.pages


def test_a_heading_never_ends_a_page_when_its_paragraphs_notes_push_it_over(tmp_path: Path) -> None:
    """A heading keeps with its paragraph even when the paragraph fits the page but its notes do not."""
    notes = [Note(f"n{i}", (Span(f"Note {i}: " + "a long citation of a source document " * 6),)) for i in range(4)]
    separated = []
    for filler in range(10, 26):
        blocks: list[Any] = [Paragraph((Span(f"Filler {i} " + "lorem ipsum dolor sit amet " * 9),))
                             for i in range(filler)]
        blocks += [Heading(2, (Span("Zqhead"),)), Paragraph((Span("Zqbody follows its heading."),
                                                                *(NoteRef(n) for n in notes)))]
        write(Document(Meta("k"), tuple(blocks)), tmp_path / f"k{filler}.pdf", THEME)
        pages = page_texts(tmp_path / f"k{filler}.pdf")
        # the only heading is the outline's first, so it prints as a section heading (in capitals)
        where = [next(n for n, text in enumerate(pages) if word in text.lower()) for word in ("zqhead", "zqbody")]
        if where[0] != where[1]:
            separated.append(filler)
    assert separated == []


def test_notes_sit_below_the_body_text(long_pdf: tuple[Path, WriteResult]) -> None:
    with_notes = 0
    for page in PdfReader(long_pdf[0]).pages:
        body, notes = _line_heights(page)
        assert body
        if notes:
            with_notes += 1
            assert max(notes) < min(body)
    assert with_notes >= 1


def _line_heights(page: Any) -> tuple[list[float], list[float]]:
    body: list[float] = []
    notes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if "lorem" in text or "Paragraph" in text:
            body.append(y)
        elif "Source number" in text:
            notes.append(y)

    page.extract_text(visitor_text=visit)
    return body, notes


def test_note_numbers_restart_per_page_but_never_repeat(long_pdf: tuple[Path, WriteResult]) -> None:
    numbers: list[int] = []
    for text in page_texts(long_pdf[0]):
        numbers += [int(n) for n, _ in re.findall(r"(\d+) ?Source number (\d+),", text)]
    assert numbers == list(range(1, long_pdf[1].notes + 1))


# ---------------------------------------------------------------- hostile input


def test_long_unbroken_word_wraps(tmp_path: Path) -> None:
    doc = Document(Meta("w"), (Paragraph((Span("x" * 5000), NoteRef(NOTE_A))),))
    result = write(doc, tmp_path / "w.pdf", THEME)
    text = "".join(page_texts(tmp_path / "w.pdf"))
    assert text.count("x") - note_text(NOTE_A).count("x") == 5000
    assert result.notes == result.pages >= 1


def test_control_characters_do_not_break_the_pdf(tmp_path: Path) -> None:
    doc = Document(Meta("c\x00"), (Paragraph((Span("before\x00\x07\x1b after\ud800 end"),)),))
    write(doc, tmp_path / "c.pdf", THEME)
    text = page_texts(tmp_path / "c.pdf")[0]
    assert "before" in text and "end" in text


def test_link_target_beyond_ascii_is_percent_encoded(tmp_path: Path) -> None:
    """A PDF URI action holds ASCII only: a soft hyphen or a Hangul path must arrive as UTF-8 escapes that a
    viewer turns back into the same address (found by the property test)."""
    doc = Document(Meta("l"), (Paragraph((Link("here", "https://example.org/\u00ad\ud55c a"),)),))
    write(doc, tmp_path / "l.pdf", THEME)
    annots = [a.get_object() for a in PdfReader(tmp_path / "l.pdf").pages[0]["/Annots"]]
    assert [a["/A"]["/URI"] for a in annots] == ["https://example.org/%C2%AD%ED%95%9C%20a"]


def test_a_heading_split_over_pages_does_not_loop(tmp_path: Path) -> None:
    """A heading longer than the rest of its page is split; its last part must not keep with nothing and be
    regrouped forever (found by a property run: 5,000 replaced control characters after a quote). Run in a
    child process so that a regression fails on a timeout instead of hanging the suite."""
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from briefgen.document.nodes import (Column, Document, Heading, Meta, Note, NoteRef, Quote, Span,\n"
        "    Table, Theme)\n"
        "from briefgen.writers.pdf import write\n"
        "note = Note('k', (Span('a note'),))\n"
        "blocks = (Table((Column('A'), Column('B', 2.4)), ()), Quote((Span('q'), NoteRef(note)), (Span('by'),"
        " NoteRef(note))), Heading(1, (Span('\\x1b' * 5000), NoteRef(note))))\n"
        "print(write(Document(Meta('k'), blocks), Path(sys.argv[1]), Theme()).pages)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "h.pdf")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(PdfReader(tmp_path / "h.pdf").pages) >= 2


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(b"previous")
    with pytest.raises(BriefgenError):
        write(sample_document(), path, Theme(logo=tmp_path / "missing.png"))
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_empty_document_is_one_blank_page(tmp_path: Path) -> None:
    result = write(Document(Meta("empty"), ()), tmp_path / "e.pdf", THEME)
    assert result.pages == len(PdfReader(tmp_path / "e.pdf").pages) == 1


def test_block_taller_than_a_page_with_its_notes_is_a_user_error(tmp_path: Path) -> None:
    huge = Note("huge", (Span("word " * 3000),))
    with pytest.raises(BriefgenError, match="taller than a page"):
        write(Document(Meta("t"), (Paragraph((Span("a"), NoteRef(huge))),)), tmp_path / "h.pdf", THEME)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("theme", [Theme(accent="red!"), Theme(banner_color="")])
def test_bad_theme_is_a_user_error(tmp_path: Path, theme: Theme) -> None:
    with pytest.raises(BriefgenError):
        write(sample_document(), tmp_path / "t.pdf", theme)


def _embedded_fonts(path: Path) -> set[str]:
    return {str(f["/BaseFont"]).split("+")[-1] for page in PdfReader(path).pages
            for f in page["/Resources"]["/Font"].values()}


def test_a_font_not_bundled_is_drawn_in_its_substitute(tmp_path: Path) -> None:
    """A house style may name any font: the PDF draws Georgia in Caladea and Verdana in Carlito (check
    reports the substitution), and embeds nothing else."""
    path = tmp_path / "f.pdf"
    write(sample_document(), path, Theme(body_font="Georgia", heading_font="Verdana"))
    fonts = _embedded_fonts(path)
    assert {"Caladea-Regular", "Carlito-Bold"} <= fonts
    assert not any(name.startswith(("Georgia", "Verdana", "Liberation")) for name in fonts), fonts


def test_arial_and_times_are_drawn_in_their_metric_twins(tmp_path: Path) -> None:
    """Arial and Times New Roman, the fonts house styles name most, are drawn in Liberation Sans and Serif,
    whose every advance width is theirs: a line breaks where Word breaks it."""
    path = tmp_path / "f.pdf"
    write(sample_document(), path, Theme(body_font="Times New Roman", heading_font="Arial"))
    fonts = _embedded_fonts(path)
    assert {"LiberationSerif", "LiberationSans-Bold"} <= fonts, fonts
    assert not any(name.startswith(("Caladea", "Carlito")) for name in fonts), fonts


def test_logo_on_first_page_only(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "navy").save(logo)
    path = tmp_path / "l.pdf"
    write(long_document(), path, Theme(logo=logo, organisation="Ministry of Examples", footer="Internal"))
    pages = PdfReader(path).pages
    assert "/XObject" in pages[0]["/Resources"] and "/XObject" not in pages[1]["/Resources"]
    assert "Ministry of Examples" in pages[1].extract_text() and "Internal" in pages[1].extract_text()


# ---------------------------------------------------------------- external checkers


def test_qpdf_check_passes(sample: tuple[Path, WriteResult], long_pdf: tuple[Path, WriteResult]) -> None:
    qpdf = require("qpdf")
    for path in (sample[0], long_pdf[0]):
        subprocess.run([qpdf, "--check", str(path)], check=True, capture_output=True)


def test_pdffonts_shows_every_font_embedded(sample: tuple[Path, WriteResult]) -> None:
    pdffonts = require("pdffonts")
    out = subprocess.run([pdffonts, str(sample[0])], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert any("NanumGothic" in row for row in rows)
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_a_level_one_heading_split_over_pages_keeps_its_bookmark(tmp_path: Path) -> None:
    """Regression (issue 12): the parts reportlab splits a long heading into lost the outline entry."""
    words = " ".join(f"word{i}" for i in range(1400))
    blocks = (Heading(1, (Span("Short first"),)), Paragraph((Span("x " * 2000),)),
              Heading(1, (Span("Long heading " + words),)), Heading(1, (Span("After it"),)))
    write(Document(Meta("outline"), blocks), tmp_path / "o.pdf", THEME)
    reader = PdfReader(tmp_path / "o.pdf")
    titles = [entry["/Title"] for entry in reader.outline]
    assert titles == ["Short first", "Long heading " + words, "After it"]
    long_entry = reader.outline[1]
    # the bookmark points at the page where the heading starts, which is before the page where it ends
    first_page = reader.get_destination_page_number(long_entry)
    ends_on = next(i for i, page in enumerate(reader.pages) if "WORD1399" in page.extract_text().upper())
    assert first_page < ends_on


@pytest.mark.parametrize("where", ["body", "note"])
def test_a_soft_hyphen_in_chinese_korean_or_japanese_text_is_never_drawn(tmp_path: Path, where: str) -> None:
    """reportlab's CJK line breaking draws a soft hyphen: a body paragraph's were taken out, a footnote's (a
    Korean name, `김정은 \\u00ad`) were drawn and copied out as U+00AD (found by a random property example)."""
    name = "김정은 \u00ad"
    note = Note("n", (Link(name, "https://example.org/0"),))
    body = (Span(name), NoteRef(note)) if where == "body" else (Span("A statement."), NoteRef(note))
    write(Document(Meta("T", date="2025-09-19"), (Paragraph(body),)), tmp_path / "b.pdf", Theme())
    text = PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    assert "김정은" in text and "\u00ad" not in text and "김정은-" not in text.replace(" ", "")


@pytest.mark.parametrize("text", ["", "  ", "\u200b", "\u00ad", "\u200e\u2060"])
def test_a_link_whose_text_shows_nothing_shows_its_address(tmp_path: Path, text: str) -> None:
    """A link of white space, a zero-width space or a soft hyphen was drawn invisible: nothing to read or
    click in the PDF, a link that said nothing in the DOCX. Both show the address instead (Link.label)."""
    import docx

    from briefgen.writers.docx import write as write_docx

    doc = Document(Meta("T", date="2025-09-19"), (Paragraph((Span("See "), Link(text, "https://example.org/a"))),))
    write(doc, tmp_path / "b.pdf", Theme())
    write_docx(doc, tmp_path / "b.docx", Theme())
    reader = PdfReader(tmp_path / "b.pdf")
    assert "https://example.org/a" in reader.pages[0].extract_text().replace("\n", "")
    assert [a.get_object()["/A"]["/URI"] for a in reader.pages[0]["/Annots"]] == ["https://example.org/a"]
    assert "See https://example.org/a" in "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)
