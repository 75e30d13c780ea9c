"""The real-documents corpus's sources (tests/realdocs.py) set by typst, a second producer of PDFs: each
source's Markdown written as typst markup (headings, nested and numbered lists with their own start numbers,
tables, footnotes, block quotes, links), in one of several page designs: justified and hyphenated text,
running headers and footers with page numbers, two columns, small capitals in the headings; fonts of every
script of the sources (the machine's Noto, Nanum and Droid fonts).

`python tests/realdocs_typst.py SEED COUNT` prints the documents and paragraphs checked and each fault, as
tests/realdocs.py does for the other producers.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

import typst

from tests.realdocs import Source, Tally, pdf_tally, report, sources

FONTS = ("Noto Serif", "Noto Naskh Arabic", "Noto Serif Hebrew", "Noto Sans Devanagari", "Noto Sans Thai",
         "NanumMyeongjo", "Droid Sans Fallback")
FONT_PATHS = ["/usr/share/fonts"]
# The page designs, by a source's index: each a typst preamble (and whether the body is set in two columns).
DESIGNS = (
    ('#set par(justify: true)\n#set text(hyphenate: true)\n', False),
    ('#set page(header: [Drone fleet review #h(1fr) Annex], footer: context [#h(1fr) Page '
     '#counter(page).display("1 of 1", both: true)])\n', False),
    ('#set par(justify: true)\n#set text(hyphenate: true)\n#set page(footer: context [#h(1fr) '
     '#counter(page).display() #h(1fr)])\n', True),
    ('#show heading: smallcaps\n#set page(header: context [#h(1fr) _Report_ · #counter(page).display()])\n', True),
)
_SPECIAL = re.compile(r"([\\#*_$\[\]<>@`~=+/-])")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)]+)\)")
_NOTE_REF = re.compile(r"\[\^(n\d+)\]")
_NOTE_DEF = re.compile(r"^\[\^(n\d+)\]: (.*)$")
_ITEM = re.compile(r"^( *)(- |\d+\. )(.*)$")


def _inline(text: str, notes: dict[str, str]) -> str:
    """A Markdown line's text as typst markup: special characters escaped, links and note references kept."""
    out, at = [], 0
    for found in re.finditer(f"{_LINK.pattern}|{_NOTE_REF.pattern}", text):
        out.append(_escaped(text[at:found.start()]))
        if found.group(3):
            out.append(f"#footnote[{_escaped(notes.get(found.group(3), ''))}]")
        else:
            out.append(f'#link("{found.group(2)}")[{_escaped(found.group(1))}]')
        at = found.end()
    return "".join(out) + _escaped(text[at:])


def _escaped(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _table(rows: list[str], notes: dict[str, str]) -> str:
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows if not set(row) <= set("|-: ")]
    body = ", ".join(f"[{_inline(cell, notes)}]" for row in cells for cell in row)
    return f"#table(columns: {len(cells[0])}, align: (left, right, left), {body})\n"


def markup(markdown: str) -> str:
    """The typst markup of a source's Markdown (the forms tests/realdocs.py writes)."""
    lines = markdown.splitlines()
    notes = {found.group(1): found.group(2) for line in lines if (found := _NOTE_DEF.match(line))}
    out: list[str] = []
    table: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            out.append(_table(table, notes))
            table = []
        if _NOTE_DEF.match(line):
            continue
        if heading := re.match(r"^(#+) (.*)$", line):
            out.append(f"{'=' * len(heading.group(1))} {_inline(heading.group(2), notes)}")
        elif item := _ITEM.match(line):
            out.append(f"{' ' * (len(item.group(1)) // 2)}{item.group(2)}{_inline(item.group(3), notes)}")
        elif line.startswith("> "):
            out.append(f"#quote(block: true)[{_inline(line[2:], notes)}]")
        else:
            out.append(_inline(line, notes))
    return "\n".join(out) + "\n"


def document(src: Source, design: int) -> str:
    """A source as a typst document in page design `design` (DESIGNS)."""
    preamble, columns = DESIGNS[design % len(DESIGNS)]
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    body = markup(src.markdown)
    body = f"#columns(2)[\n{body}]\n" if columns else body
    return f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n{preamble}{body}'


def typst_pdfs(made: Sequence[Source], folder: Path) -> list[Path]:
    """Each source set by typst as a PDF (the design its index picks), its Markdown beside it (for the oracle)."""
    out = []
    for k, src in enumerate(made):
        (folder / f"{src.name}.md").write_text(src.markdown, encoding="utf-8")
        pdf = folder / f"{src.name}.pdf"
        typst.compile(document(src, k).encode(), output=str(pdf), font_paths=FONT_PATHS)
        out.append(pdf)
    return out


def run(seed: int, count: int, folder: Path) -> Tally:
    """The wide run over typst's PDFs: the documents, oracle paragraphs and faults."""
    made = sources(seed, count)
    # the oracle (pandoc's plain text) has the notes after the text, the PDF at the foot of their pages
    return pdf_tally(made, typst_pdfs(made, folder), [folder / f"{src.name}.md" for src in made], folder,
                     excused=lambda fault: fault.startswith("out of order: 'Note "))


if __name__ == "__main__":
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        report({"typst-pdf": run(int(sys.argv[1]), int(sys.argv[2]), Path(tmp))})
