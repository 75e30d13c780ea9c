"""Files that prove the PDF/UA-1 checker (`tests/pdfua.py`) on both sides: a typst PDF/UA-1 file with every kind
of content briefgen writes, untagged files, and mutants of the typst file that each break one rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf

SVG = (b"<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='12' height='20' fill='#234'/>"
       b"<rect x='14' y='8' width='12' height='12' fill='#678'/></svg>")
TYPST = """#set document(title: "Regional drone review", author: "Review team")
#set text(lang: "en")
= Regional drone review
The unit doubled its sorties between the two exercises.#footnote[Customs records, 2024.] The review gives the
range where sources disagree.#footnote[Budget papers, 2023.] See #link("https://example.org/review")[the review].

Training moved from the coast to two inland airfields.

== What remains unclear
- How many aircraft are kept in reserve.
- Whether the new airfields are permanent.

#table(columns: 2, table.header([Year], [Sorties]), [2023], [120], [2024], [240])

#figure(image(bytes(sys.inputs.svg), format: "svg", alt: "Bar chart: sorties rose from 120 in 2023 to 240 in 2024."),
  caption: [Sorties by year.])
"""


def typst_pdf(folder: Path, name: str = "typst-ua.pdf", **options: object) -> Path:
    """The sample compiled by typst (PDF/UA-1 unless `options` say otherwise)."""
    import typst

    source = folder / "sample.typ"
    source.write_text(TYPST, encoding="utf-8")
    target = folder / name
    settings = {"pdf_standards": ["ua-1"], **options}
    typst.compile(str(source), output=str(target), sys_inputs={"svg": SVG.decode()}, **settings)
    return target


def reportlab_pdf(folder: Path) -> Path:
    """A plain reportlab canvas: text and a rule, no tags, no metadata, the standard Helvetica."""
    from reportlab.pdfgen.canvas import Canvas

    target = folder / "reportlab.pdf"
    canvas = Canvas(str(target), invariant=1)
    canvas.setTitle("Regional drone review")
    canvas.drawString(72, 720, "The unit doubled its sorties between the two exercises.")
    canvas.line(72, 700, 300, 700)
    canvas.showPage()
    canvas.save()
    return target


# ---------------------------------------------------------------- walking and editing the typst file


def elements(pdf: pikepdf.Pdf, kind: str) -> list[pikepdf.Dictionary]:
    """Structure elements of type `kind` (as written in /S), in document order."""
    found: list[pikepdf.Dictionary] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if str(node.S) == f"/{kind}":
                found.append(node)
            walk(node.get("/K"))

    walk(pdf.Root.StructTreeRoot.K)
    return found


def links(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return [a for a in pdf.pages[0].obj.Annots if a.Subtype == "/Link"]


def fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return list(pdf.pages[0].Resources.Font.values())


def rewrite(pdf: pikepdf.Pdf, change: Callable[[list[pikepdf.ContentStreamInstruction]], Iterator[object]]) -> None:
    """Replace page 1's content by `change` of its instructions."""
    page = pdf.pages[0]
    instructions = list(change(pikepdf.parse_content_stream(page)))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def op(operator: str, *operands: object) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(list(operands), pikepdf.Operator(operator))


def after_first_mcid(extra: list[pikepdf.ContentStreamInstruction]) -> Callable[..., Iterator[object]]:
    def change(instructions: list[pikepdf.ContentStreamInstruction]) -> Iterator[object]:
        done = False
        for instruction in instructions:
            yield instruction
            operands = instruction.operands
            if not done and str(instruction.operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                    and "/MCID" in operands[1]:
                yield from extra
                done = True
    return change


def at_end(extra: list[pikepdf.ContentStreamInstruction]) -> Callable[..., Iterator[object]]:
    def change(instructions: list[pikepdf.ContentStreamInstruction]) -> Iterator[object]:
        yield from instructions
        yield from extra
    return change


RULE = [op("m", 0, 0), op("l", 10, 10), op("S")]


def add_form(pdf: pikepdf.Pdf, content: bytes, uses: int = 1, **entries: object) -> pikepdf.Stream:
    """A form XObject drawn `uses` times at the end of page 1, outside any marked content."""
    form = pdf.make_stream(content, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                           BBox=[0, 0, 20, 20], **entries)
    page = pdf.pages[0]
    if "/XObject" not in page.Resources:
        page.Resources.XObject = pikepdf.Dictionary()
    page.Resources.XObject.Fx = form
    rewrite(pdf, at_end([op("Do", pikepdf.Name.Fx)] * uses))
    return form


def add_tagged_form(pdf: pikepdf.Pdf, uses: int) -> None:
    """A form XObject whose own content is tagged: MCID 0 of the form, owned by a new Figure element through an
    MCR naming the form, found from the form's /StructParents in the ParentTree."""
    root = pdf.Root.StructTreeRoot
    key = int(root.ParentTreeNextKey)
    form = add_form(pdf, b"/Figure <</MCID 0>> BDC 0 0 m 10 10 l S EMC", uses, StructParents=key)
    document = root.K if isinstance(root.K, pikepdf.Dictionary) else root.K[0]
    figure = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Figure, P=document, Alt=pikepdf.String("A diagonal rule"),
        Pg=pdf.pages[0].obj, K=pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=0, Stm=form)))
    document.K.append(figure)
    root.ParentTree.Nums.extend([key, pikepdf.Array([figure])])
    root.ParentTreeNextKey = key + 1


def add_annotation(pdf: pikepdf.Pdf, kind: str, **entries: object) -> None:
    annot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(f"/{kind}"),
                                                 Rect=[10, 10, 30, 30], **entries))
    pdf.pages[0].obj.Annots.append(annot)
    if kind == "Widget":  # a form field, as a widget is one
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[annot])


def cmap(body: bytes) -> bytes:
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + body +
            b"\nendcmap CMapName currentdict /CMap defineresource pop end end")
