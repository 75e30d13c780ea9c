"""One document (headings, paragraphs, numbered, bulleted and lettered lists, a running header and page numbers)
made into PDF by four producers: LibreOffice (from an ODT that pandoc writes), a Word-style DOCX (python-docx's
List Number and List Bullet styles, a PAGE field in the footer) exported by LibreOffice, typst, and reportlab.

`PARAGRAPHS` is what a reader of any of these PDFs calls its paragraphs, in order, without list markers: the
truth the PDF extractor is measured against.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

HEADER = "Regional drone review: working draft"
SENTENCES = [
    "The review covers the units that fly uncrewed aircraft along the northern border.",
    "It draws on budget papers, procurement notices and interviews with former officials.",
    "Most of the material dates from the last two years, and some of it could not be checked.",
    "Where sources disagree, the review gives the range rather than a single figure.",
    "Names of serving officers have been left out at the request of those interviewed.",
    "The text was revised after comments from two outside readers.",
]


def _para(n: int) -> str:
    return " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(4))


# (kind, texts): kind is "h" (heading), "p" (paragraph), "ol" (numbered), "ul" (bulleted), "al" (lettered)
BLOCKS: list[tuple[str, list[str]]] = [
    ("h", ["Summary of findings"]),
    ("p", [_para(0)]),
    ("ol", ["The unit doubled its number of sorties between the two exercises.",
            "Spare parts came mostly from civilian suppliers abroad, which the sanctions had little effect on, "
            "according to the customs records the review obtained.",
            "Training moved from the coast to two inland airfields."]),
    ("p", [_para(1)]),
    ("p", [_para(2)]),
    ("h", ["What remains unclear"]),
    ("ul", ["How many aircraft are kept in reserve.",
            "Whether the new airfields are permanent."]),
    ("p", [_para(3)]),
    ("p", [_para(4)]),
    ("p", [_para(5)]),
    ("p", [_para(2)]),
    ("p", [_para(3)]),
    ("h", ["Recommendations"]),
    ("al", ["Ask the customs service for the full shipping records.",
            "Compare the sortie counts with the satellite imagery of both airfields."]),
    ("p", [_para(5)]),
    ("p", [_para(0)[:200].rsplit(" ", 1)[0] + " and the review ends here."]),
]
PARAGRAPHS = [text for _, texts in BLOCKS for text in texts]
_MARKER = re.compile(r"^(?:[0-9]{1,3}[.)]|[a-z][.)]|[\u2022\u25cf\u25aa\u25e6\u2023\u25a0\u2013\u2010-])\s+")


def unmarked(paragraph: str) -> str:
    """A paragraph without its leading list marker ("1.", "b)", "•"), for comparing with PARAGRAPHS."""
    return _MARKER.sub("", paragraph, count=1)


def agreement(found: list[str]) -> tuple[int, int]:
    """(paragraphs of the truth found as whole paragraphs, in order; paragraphs found): equal to
    (len(PARAGRAPHS), len(PARAGRAPHS)) when the extraction agrees exactly."""
    texts = [unmarked(p) for p in found]
    matched, at = 0, 0
    for truth in PARAGRAPHS:
        if truth in texts[at:]:
            at = texts.index(truth, at) + 1
            matched += 1
    return matched, len(found)


def _markdown() -> str:
    out = []
    for kind, texts in BLOCKS:
        if kind == "h":
            out.append(f"# {texts[0]}")
        elif kind == "p":
            out.append(texts[0])
        else:
            marks = {"ol": lambda i: f"{i + 1}.", "ul": lambda i: "-", "al": lambda i: f"{'abc'[i]})"}[kind]
            out.append("\n".join(f"{marks(i)} {t}" for i, t in enumerate(texts)))
    return "\n\n".join(out) + "\n"


def odt(folder: Path) -> Path:
    """An ODT that LibreOffice will export: pandoc writes it from Markdown (lists as ODF lists)."""
    source, target = folder / "libreoffice.md", folder / "libreoffice.odt"
    source.write_text(_markdown(), encoding="utf-8")
    subprocess.run(["pandoc", "-f", "markdown+fancy_lists", str(source), "-o", str(target)], check=True)
    return target


def word_docx(folder: Path) -> Path:
    """A DOCX made the way Word makes one: list styles backed by numbering, a header, a PAGE field footer."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = footer.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""
    styles = {"h": "Heading 1", "p": None, "ol": "List Number", "ul": "List Bullet", "al": "List Number 2"}
    for kind, texts in BLOCKS:
        for text in texts:
            document.add_paragraph(text, styles[kind])
    target = folder / "word.docx"
    document.save(str(target))
    return target


def libreoffice_pdfs(folder: Path) -> dict[str, Path]:
    """The ODT and the DOCX exported to PDF by LibreOffice, in one run."""
    from tests.helpers import libreoffice_convert

    from_odt, from_docx = libreoffice_convert([odt(folder), word_docx(folder)], folder, timeout=300)
    return {"LibreOffice (ODT)": from_odt, "Word-style DOCX via LibreOffice": from_docx}


def typst_pdf(folder: Path) -> Path:
    import typst

    def esc(text: str) -> str:
        return re.sub(r"([\\#*_`$<>@\[\]=+/-])", r"\\\1", text)

    out = [f'#set page(paper: "a4", header: align(right)[{esc(HEADER)}], numbering: "1")',
           "#set par(justify: true)"]
    for kind, texts in BLOCKS:
        if kind == "h":
            out.append(f"= {esc(texts[0])}")
        elif kind == "p":
            out.append(esc(texts[0]))
        elif kind == "ul":
            out.append("\n".join(f"- {esc(t)}" for t in texts))
        else:
            numbering = '"1."' if kind == "ol" else '"a)"'
            items = ", ".join(f"[{esc(t)}]" for t in texts)
            out.append(f"#enum(numbering: {numbering}, {items})")
    source = folder / "doc.typ"
    source.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    target = folder / "typst.pdf"
    typst.compile(str(source), output=str(target))
    return target


def reportlab_pdf(folder: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()

    def furniture(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 9)  # type: ignore[attr-defined]
        canvas.drawRightString(A4[0] - 72, A4[1] - 40, HEADER)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 30, str(doc.page))  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    flow: list[object] = []
    for kind, texts in BLOCKS:
        if kind in ("h", "p"):
            flow.append(Paragraph(texts[0], styles["Heading1" if kind == "h" else "BodyText"]))
        else:
            kinds = {"ol": {"bulletType": "1", "bulletFormat": "%s."}, "ul": {"bulletType": "bullet"},
                     "al": {"bulletType": "a", "bulletFormat": "%s)"}}[kind]
            flow.append(ListFlowable([ListItem(Paragraph(t, styles["BodyText"])) for t in texts], **kinds))
    target = folder / "reportlab.pdf"
    SimpleDocTemplate(str(target), pagesize=A4).build(flow, onFirstPage=furniture, onLaterPages=furniture)
    return target
