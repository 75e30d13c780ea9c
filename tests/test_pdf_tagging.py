"""Tagged PDF (PDF/UA-1) and PDF/A-2b: the shipped briefs are built once and read back with pikepdf and poppler.

The structure tree must mirror the brief (title and headings in order without skips, notes right after what
cites them, tables with column headers, the chart a Figure with alt text and box), every piece of page content
must be in exactly one marked-content sequence of the tree or an artifact, every link annotation in the tree,
every font embedded with a Unicode map, and the file rebuilt from the same input byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pikepdf
import pytest

from briefgen.document.nodes import (
    Banner,
    Bar,
    Box,
    BulletList,
    Chart,
    Column,
    Document,
    Heading,
    Meta,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Span,
    Table,
    Theme,
)
from briefgen.writers.pdf import write
from tests.helpers import built_workspace, edit, pdftotext, run
from tests.tools import require

BRIEFS = ("analyst", "executive", "public")
# operators that paint or show something: each must sit inside a marked-content sequence
_PAINT = {"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI", "INLINE IMAGE"}


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_workspace(tmp_path_factory.mktemp("tagging"))


def _open(ws: Path, name: str) -> pikepdf.Pdf:
    return pikepdf.open(ws / "output" / f"{name}.pdf")


def _walk(elem: pikepdf.Object) -> Iterator[pikepdf.Object]:
    yield elem
    kids = elem.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR" and "/S" in kid:
            yield from _walk(kid)


def _kids(elem: pikepdf.Object) -> list[pikepdf.Object]:
    kids = elem.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []


def _elements(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    return list(_walk(pdf.Root.StructTreeRoot.K))


def _parents(elements: list[pikepdf.Object]) -> dict[tuple[int, int], pikepdf.Object]:
    return {e.objgen: e.P for e in elements if "/P" in e}


def _note(key: str) -> NoteRef:
    return NoteRef(Note(key, (Span(f"Source {key}."),)))


MODEL = Document(Meta("Tagged", date="2025-01-02", language="en"), (
    Banner("TLP:CLEAR"),
    Heading(0, (Span("Title"),)),
    Paragraph((Span("Lead"), _note("a"))),
    Box("Bottom line", (Paragraph((Span("Boxed"), _note("b"))),)),
    Heading(1, (Span("Section"),)),
    BulletList(((Span("one"),), (Span("two"), _note("c")))),
    Heading(2, (Span("Sub"),)),
    Table((Column("Measure"), Column("Value", align="right")), (((Span("a"),), (Span("1"), _note("a"))),)),
    Quote((Span("Bonjour"),), (Span("A speaker"),), lang="fr"),
    Chart("Money", "USD", (Bar("x", 1.0, text="$1"), Bar("y", 2.0, text="$2")), (Span("Source"), _note("d"))),
))
# The model's tree: the banner is an artifact; each note right after what first cites it ("a" again in the
# table refers back to note 1); inside a list body or a cell, a note ends it.
EXPECTED = ("Document", [
    ("H1", []), ("P", []), ("Note", []),
    ("Div", [("P", []), ("P", []), ("Note", [])]),
    ("H2", []),
    ("L", [("LI", [("Lbl", []), ("LBody", [])]), ("LI", [("Lbl", []), ("LBody", [("Note", [])])])]),
    ("H3", []),
    ("Table", [("TR", [("TH", []), ("TH", [])]), ("TR", [("TD", []), ("TD", [])])]),
    ("BlockQuote", [("P", []), ("P", [])]),
    ("Figure", []), ("Caption", []), ("Note", []),
])


def _shape(elem: pikepdf.Object) -> tuple[str, list[object]]:
    """An element's type and its child elements' shapes, Link elements left out."""
    kids = [k for k in _kids(elem) if isinstance(k, pikepdf.Dictionary) and "/S" in k and k.S != "/Link"]
    return str(elem.S)[1:], [_shape(k) for k in kids]


def test_the_tree_mirrors_the_document_model(tmp_path: Path) -> None:
    write(MODEL, tmp_path / "m.pdf", Theme())
    pdf = pikepdf.open(tmp_path / "m.pdf")
    assert _shape(pdf.Root.StructTreeRoot.K) == EXPECTED
    elements = _elements(pdf)
    quote = next(e for e in elements if e.S == "/BlockQuote")
    assert [str(k.get("/Lang", "")) for k in _kids(quote) if isinstance(k, pikepdf.Dictionary)] == ["fr", ""]
    figure = next(e for e in elements if e.S == "/Figure")
    assert str(figure.Alt) == MODEL.blocks[-1].alt_text() == "Bar chart, Money, in USD. x: $1; y: $2."  # type: ignore[union-attr]
    assert [str(n.ID) for n in elements if n.S == "/Note"] == ["fn1", "fn2", "fn3", "fn4"]


def test_a_paragraph_split_across_pages_is_one_element_and_a_repeated_header_an_artifact(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(1400))
    rows = tuple(((Span(f"row {i}"),), (Span(str(i)),)) for i in range(70))
    doc = Document(Meta("Long", date="2025-01-02"), (
        Paragraph((Span(words),)), Table((Column("Measure"), Column("Value")), rows)))
    write(doc, tmp_path / "long.pdf", Theme())
    pdf = pikepdf.open(tmp_path / "long.pdf")
    top = [k for k in _kids(pdf.Root.StructTreeRoot.K) if isinstance(k, pikepdf.Dictionary)]
    assert [str(k.S) for k in top] == ["/P", "/Table"]
    para, table = top
    pages = {para.Pg.objgen} | {k.Pg.objgen for k in _kids(para) if isinstance(k, pikepdf.Dictionary)}
    assert len(pages) == 2  # one P, a mark on each page
    rows_made = [r for r in _kids(table) if isinstance(r, pikepdf.Dictionary)]
    assert len(rows_made) == 71 and all(c.S == "/TH" for c in _kids(rows_made[0]))
    assert all(c.S == "/TD" for r in rows_made[1:] for c in _kids(r))
    headed = [n for n in range(1, len(pdf.pages) + 1)
              if "Measure" in pdftotext(tmp_path / "long.pdf", "-f", str(n), "-l", str(n))]
    assert len(headed) >= 2  # the header row is drawn on each page of the table, in the tree once
    assert all(not _marked(page)[1] for page in pdf.pages)


def test_a_line_ends_in_a_space_only_where_the_source_has_one(tmp_path: Path) -> None:
    """Between words, a line break reads as a space; inside a run of ideographs or a word cut for length, not."""
    chinese = "中方坚决反对美方泛化国家安全概念滥用出口管制措施" * 12
    latin = "alpha beta gamma delta " * 40
    write(Document(Meta("Lines", date="2025-01-02"), (Paragraph((Span(chinese),)), Paragraph((Span(latin),)))),
          tmp_path / "l.pdf", Theme())
    out = subprocess.run([require("pdfinfo"), "-struct-text", str(tmp_path / "l.pdf")], capture_output=True,
                         text=True, check=True).stdout
    texts = [t.strip() for t in re.findall(r'^\s+"(.*)"$', out, re.MULTILINE)]
    assert texts == [chinese, latin.strip()]


@pytest.mark.parametrize("name", BRIEFS)
def test_catalog_declares_tagged_pdf_ua(ws: Path, name: str) -> None:
    pdf = _open(ws, name)
    root = pdf.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == "en"
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert "/RoleMap" not in root.StructTreeRoot  # standard structure types only
    xmp = root.Metadata.read_bytes().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert f'<rdf:li xml:lang="x-default">{pdf.docinfo.Title}</rdf:li>' in xmp.replace("&apos;", "'")
    assert "<dc:language><rdf:Bag><rdf:li>en</rdf:li>" in xmp
    assert "pdfaid" not in xmp.split("xmlns:pdfaid")[1].split(">", 1)[1]  # declared namespace, no claim
    assert pdf.pdf_version >= "1.7"
    for page in pdf.pages:
        assert page.obj.Tabs == "/S" and "/StructParents" in page.obj


@pytest.mark.parametrize("name", BRIEFS)
def test_headings_are_the_title_then_the_outline_in_order(ws: Path, name: str) -> None:
    pdf = _open(ws, name)
    heads = [e for e in _elements(pdf) if re.fullmatch(r"/H\d", str(e.S))]
    levels = [int(str(e.S)[2:]) for e in heads]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels  # no skipped level
    with pdf.open_outline() as outline:
        entries = [item.title for top in outline.root for item in [top, *top.children]]
    assert len(heads) - 1 == len(entries)


@pytest.mark.parametrize("name", BRIEFS)
def test_every_note_follows_the_text_that_first_cites_it(ws: Path, name: str) -> None:
    pdf = _open(ws, name)
    elements = _elements(pdf)
    notes = [e for e in elements if e.S == "/Note"]
    assert notes and [int(str(n.ID)[2:]) for n in notes] == list(range(1, len(notes) + 1))
    for note in notes:
        siblings = _kids(note.P)
        at = next(i for i, k in enumerate(siblings) if isinstance(k, pikepdf.Dictionary) and k.objgen == note.objgen)
        caller = next((k for k in reversed(siblings[:at]) if isinstance(k, pikepdf.Dictionary)
                       and k.get("/S") not in (None, "/Note", "/Link")), note.P)
        contents = [str(k.Obj.Contents) for link in _walk(caller) if link.S == "/Link"
                    for k in _kids(link) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
        assert f"Note {str(note.ID)[2:]}" in contents, (note.ID, contents)
        back = [k.Obj for link in _kids(note) if isinstance(link, pikepdf.Dictionary) and link.get("/S") == "/Link"
                for k in _kids(link)]
        assert back and all(str(a.Contents).startswith("Back to") for a in back)


def test_tables_have_column_headers_and_the_chart_alt_text(ws: Path) -> None:
    pdf = _open(ws, "analyst")
    elements = _elements(pdf)
    tables = [e for e in elements if e.S == "/Table"]
    assert tables
    for table in tables:
        rows = [r for r in _kids(table) if isinstance(r, pikepdf.Dictionary)]
        assert all(r.S == "/TR" for r in rows)
        head = [c for c in _kids(rows[0]) if isinstance(c, pikepdf.Dictionary)]
        assert head and all(c.S == "/TH" and c.A.Scope == "/Column" and c.A.O == "/Table" for c in head)
        assert all(c.S == "/TD" for r in rows[1:] for c in _kids(r) if isinstance(c, pikepdf.Dictionary))
    figures = [e for e in elements if e.S == "/Figure"]
    assert len(figures) == 1
    alt = str(figures[0].Alt)
    assert alt.startswith("Bar chart, ") and re.search(r": [^;]*\d", alt)
    assert figures[0].A.O == "/Layout" and len(figures[0].A.BBox) == 4
    lists = [e for e in elements if e.S == "/L"]
    for item in (i for lst in lists for i in _kids(lst)):
        assert [k.S for k in _kids(item)] == ["/Lbl", "/LBody"]


def _marked(page: pikepdf.Page) -> tuple[list[int], list[str]]:
    """The MCIDs of a page's marked content, and the painting operators outside any sequence or inside a
    sequence that is neither an artifact nor one with an MCID."""
    stack: list[str] = []
    mcids, stray = [], []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" else None
            kind = "mcid" if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else \
                "artifact" if operands[0] == "/Artifact" else "other"
            if kind == "mcid":
                assert "mcid" not in stack, "a marked-content sequence with an MCID inside another"
                mcids.append(int(props.MCID))
            stack.append(kind)
        elif op == "EMC":
            stack.pop()
        elif op in _PAINT and not ({"mcid", "artifact"} & set(stack)):
            stray.append(op)
    assert not stack
    return mcids, stray


@pytest.mark.parametrize("name", BRIEFS)
def test_all_content_is_tagged_or_an_artifact_and_in_the_tree_once(ws: Path, name: str) -> None:
    pdf = _open(ws, name)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parent_tree = dict(zip(nums[::2], nums[1::2], strict=True))
    for page in pdf.pages:
        mcids, stray = _marked(page)
        assert not stray, stray
        assert mcids == list(range(len(mcids)))
        owners = parent_tree[int(page.obj.StructParents)]
        assert len(owners) == len(mcids)
        for mcid, owner in zip(mcids, owners, strict=True):
            claims = [k for k in _kids(owner) if k == mcid or (isinstance(k, pikepdf.Dictionary) and k.get("/MCID")
                                                               == mcid and k.Pg.objgen == page.obj.objgen)]
            assert len(claims) == 1 and (isinstance(claims[0], pikepdf.Dictionary) or owner.Pg.objgen
                                         == page.obj.objgen)
        for annot in page.obj.get("/Annots", []):
            assert annot.Subtype == "/Link" and annot.F == 4 and str(annot.Contents)
            link = parent_tree[int(annot.StructParent)]
            assert link.S == "/Link"
            assert any(k.get("/Obj") is not None and k.Obj.objgen == annot.objgen for k in _kids(link)
                       if isinstance(k, pikepdf.Dictionary))


@pytest.mark.parametrize("name", BRIEFS)
def test_every_font_is_embedded_with_a_unicode_map(ws: Path, name: str) -> None:
    pdf = _open(ws, name)
    fonts = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"]
    assert fonts
    for font in fonts:
        descriptor = font.FontDescriptor
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), font.BaseFont
        assert "/ToUnicode" in font, font.BaseFont
    assert "Helvetica" not in subprocess.run([require("pdffonts"), str(ws / "output" / f"{name}.pdf")],
                                             capture_output=True, text=True, check=True).stdout


def test_struct_text_reads_in_reading_order_with_notes_after_their_callers(ws: Path) -> None:
    out = subprocess.run([require("pdfinfo"), "-struct-text", str(ws / "output" / "public.pdf")],
                         capture_output=True, text=True, check=True).stdout
    texts = [t.strip() for t in re.findall(r'^\s+"(.*)"$', out, re.MULTILINE)]
    pdf = _open(ws, "public")
    assert texts[0] == str(pdf.docinfo.Title)
    notes = [(i, int(t.split(" ", 1)[0])) for i, t in enumerate(texts) if re.match(r"\d+ ", t)]
    assert [n for _, n in notes] == list(range(1, len(notes) + 1))
    for at, number in notes:  # right after the text that cites it (and the notes it cites before)
        caller = next(t for t in reversed(texts[:at]) if not re.match(r"\d+ ", t))
        assert number in [int(n) for n in re.findall(r"\d+", caller.rsplit(".", 1)[-1])], (number, caller)
    page_text = pdftotext(ws / "output" / "public.pdf")
    plain = re.sub(r"\s+", "", page_text)
    # words at a line break stay apart ("Korea's military", not "Korea'smilitary"): each is a word of the page
    def bare(word: str) -> str:  # a note reference drawn raised may come out apart from its word, or not
        return re.sub(r"(?<=\D)[\d,]+$", "", word)

    words = {bare(w) for w in page_text.split()}
    assert [w for t in texts for w in t.split() if bare(w) not in words] == []
    # the tree holds the page's text (banner, header and footer are artifacts, so the pages hold more)
    assert not Counter("".join(texts).replace(" ", "")) - Counter(plain)


def test_rebuild_is_byte_identical(ws: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    shutil.copytree(ws, other, ignore=shutil.ignore_patterns("output"))
    assert run(other, "build").exit_code == 0
    for name in BRIEFS:
        assert (other / "output" / f"{name}.pdf").read_bytes() == (ws / "output" / f"{name}.pdf").read_bytes()


def test_pdf_a_profile_adds_an_srgb_output_intent(ws: Path, tmp_path: Path) -> None:
    other = tmp_path / "archive"
    shutil.copytree(ws, other, ignore=shutil.ignore_patterns("output"))
    edit(other / "templates" / "public.yaml", "look:", "look:\n  pdf_standard: ua-1+a-2b")
    result = run(other, "build", "-a", "public")
    assert result.exit_code == 0, result.output
    pdf = pikepdf.open(other / "output" / "public.pdf")
    intent = pdf.Root.OutputIntents[0]
    assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.N == 3
    assert intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"
    xmp = pdf.Root.Metadata.read_bytes().decode()
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert all(a.F == 4 for page in pdf.pages for a in page.obj.get("/Annots", []))


# pikepdf's validator knows only the XMP properties PDF/A predefines and reads no extension schema, so it
# reports the pdfuaid property (PDF/UA's identification) and the extension schema that declares it; veraPDF
# accepts a property its extension schema describes (ISO 19005-2, 6.6.2.3.2).
_EXTENSION_SCHEMA = re.compile(r"XMP (namespace pdfa(Extension|Schema|Property)=|property (pdfuaid:part|"
                               r"pdfaExtension:schemas) )")


def test_pdf_a_profile_passes_pikepdfs_pdf_a_2b_rules(ws: Path, tmp_path: Path) -> None:
    from pikepdf import pdfa

    other = tmp_path / "archive"
    shutil.copytree(ws, other, ignore=shutil.ignore_patterns("output"))
    for profile in (other / "templates").glob("*.yaml"):
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("look:", "look:\n  pdf_standard: ua-1+a-2b") if "\nlook:" in text
                           else text + "look: {pdf_standard: ua-1+a-2b}\n", encoding="utf-8")
    assert run(other, "build").exit_code == 0
    for name in BRIEFS:
        report = pdfa.check(pikepdf.open(other / "output" / f"{name}.pdf"), "2b")
        found = [f.message for f in report.findings if f.kind == "violation"]
        assert found and all(_EXTENSION_SCHEMA.match(m) for m in found), found
    # the default declares no PDF/A: the same rules fail it, and it has no output intent
    default = _open(ws, "public")
    report = pdfa.check(default, "2b")
    assert [f for f in report.findings if f.kind == "violation" and not _EXTENSION_SCHEMA.match(f.message)]
    assert "/OutputIntents" not in default.Root


def test_devanagari_copies_out_in_logical_order(tmp_path: Path) -> None:
    from bench.synth import SCRIPT_QUOTES, make_scripts_workspace

    ws = make_scripts_workspace(tmp_path / "ws")
    assert run(ws, "build", "-a", "analyst").exit_code == 0
    text = pdftotext(ws / "output" / "analyst.pdf")
    quote = SCRIPT_QUOTES["hi"][1]
    assert quote in re.sub(r"\s+", " ", text)  # "कि", not the drawing order "िक"
