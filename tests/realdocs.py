"""A seeded corpus of documents written by the real tools (pandoc, LibreOffice) from rich Markdown sources, and
the check that briefgen reads each as the tool itself shows it.

`sources(seed, count)` writes varied Markdown documents (headings, nested and numbered lists, a table, footnotes,
block quotes, links, smart quotes, dashes, non-breaking spaces, soft hyphens, ligature-prone words, numbers with
separators, dates, paragraphs in many scripts); `convert` has pandoc and LibreOffice make every format of each
(batched: one LibreOffice run per target format); `oracle` is the tool's own text view of a file (LibreOffice's
text export, pdftotext, pandoc's plain text); `faults` compares it with briefgen's reading.

Run as a script for a wide run: `python tests/realdocs.py SEED COUNT` prints the figures and each fault.
"""

from __future__ import annotations

import csv
import io
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from briefgen.sources.formats import FORMATS, extract, format_of
from briefgen.sources.locate import find
from briefgen.sources.marks import LINE_END_HYPHEN, folded, unmarked
from briefgen.sources.seeds import Seed
from briefgen.sources.textnorm import normalise
from briefgen.text import raised
from tests.helpers import libreoffice_convert
from tests.opendoc import flat_xml

SENTENCES = {
    "latin": ["The ministry’s “final” figure — 1,234,567 sorties – was revised on 20 November 2026.",
              "Officials in São Paulo and Zürich said the office’s affluent fjord fleet was efficient.",
              "Crème brûlée, naïve façade, Łódź and Šiauliai appear in the annex.",
              "A budget of €\u00a012\u00a0345.67 million (2026-11-20) was ad\u00administered by the staff.",
              "“We will not ‘negotiate’ again,” the envoy said… then left at 09:30."],
    "greek": ["Η κυβέρνηση ανακοίνωσε νέα μέτρα στις 3 Μαΐου."],
    "cyrillic": ["Министерство сообщило о 412 беспилотниках «в этом году»."],
    "arabic": ["أعلنت الوزارة عن ٣٤٥ طائرة مسيّرة في العام الماضي."],
    "hebrew": ["המשרד דיווח על 27 רחפנים חדשים בשנה זו."],
    "devanagari": ["मंत्रालय ने कहा कि ड्रोन की संख्या १२० है।"],
    "thai": ["กระทรวงกลาโหมแถลงว่ามีโดรน ๑๒๓ ลำ"],
    "cjk": ["国防部表示，无人机数量已经达到四百架。", "防衛省は「無人機」の配備を発表した。"],
    "korean": ["국방부는 무인기 412대를 배치했다고 밝혔다."],
}
WORDS = ("drone fleet budget office affluent efficient shuffle ministry envoy sorties annex reflex offline "
         "coefficient workflow staff official figure").split()


@dataclass
class Source:
    """One generated Markdown document and the paragraphs it says."""

    name: str
    markdown: str
    paragraphs: list[str] = field(default_factory=list)


def _sentence(rng: random.Random) -> str:
    script = rng.choice(list(SENTENCES))
    return rng.choice(SENTENCES[script])


def _prose(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(4, 14)))
    return f"{words.capitalize()} {_sentence(rng)}"


def _block(rng: random.Random, n: int, out: list[str]) -> None:
    """One block of the document: a paragraph, list, table, quote or heading, appended as Markdown lines."""
    kind = rng.choice(["para", "para", "para", "bullets", "numbers", "table", "quote", "heading", "note", "link"])
    if kind == "heading":
        out += [f"{'#' * rng.randrange(1, 4)} Section {n} \u2014 {rng.choice(WORDS)}", ""]
    elif kind == "bullets":
        for i in range(rng.randrange(2, 5)):
            out.append(f"- {_prose(rng)}")
            if rng.random() < 0.4:
                out += ["", f"    - {rng.choice(WORDS)} nested {i} {_sentence(rng)}", ""]
        out.append("")
    elif kind == "numbers":
        start = rng.choice([1, 1, 3])
        for i in range(rng.randrange(2, 5)):
            out.append(f"{start + i}. {_prose(rng)}")
            if rng.random() < 0.3:
                out += ["", f"    1. sub item {i} {rng.choice(WORDS)}", ""]
        out.append("")
    elif kind == "table":
        out += ["| Region | Count | Date |", "|---|---:|---|"]
        out += [f"| {rng.choice(WORDS)} {i} | {rng.randrange(1000, 99999):,} | 2026-0{i + 1}-1{i} |" for i in range(3)]
        out.append("")
    elif kind == "quote":
        out += [f"> {_prose(rng)}", ""]
    elif kind == "note":
        out += [f"The {rng.choice(WORDS)} rose sharply[^n{n}] {_sentence(rng)}", "",
                f"[^n{n}]: Note {n}: {_prose(rng)}", ""]
    elif kind == "link":
        out += [f"See [the {rng.choice(WORDS)} report](https://example.org/{n}) for {_prose(rng)}", ""]
    else:
        out += [" ".join(_prose(rng) for _ in range(rng.randrange(1, 4))), ""]


def sources(seed: int, count: int) -> list[Source]:
    """`count` Markdown documents drawn from `seed`."""
    made = []
    for k in range(count):
        rng = random.Random(seed * 1000 + k)
        lines = [f"# Report {seed}-{k}: {rng.choice(WORDS)} and {rng.choice(WORDS)}", ""]
        for n in range(rng.randrange(6, 16)):
            _block(rng, n, lines)
        made.append(Source(f"doc{seed}_{k}", "\n".join(lines)))
    return made


PANDOC_TARGETS = ("docx", "odt", "epub", "html", "rtf", "md")
OFFICE_TARGETS = {"doc": "doc", "rtf": "rtf", "odt": "odt", "pdf": "pdf", "docx": "docx:MS Word 2007 XML",
                  "html": "html:XHTML Writer File:UTF8", "epub": "epub"}
SHEET_TARGETS = ("xlsx", "ods")
_CSV = "Text - txt - csv (StarCalc):44,34,76"  # comma-separated, quoted, UTF-8
_CSV_IN = f"--infilter={_CSV}"


def sheet(seed: int, k: int) -> str:
    """A table as CSV: text of every script, numbers with separators, decimals, percentages, dates."""
    rng = random.Random(seed * 7919 + k)
    rows = [["Region", "Count", "Share", "Date", "Note"]]
    for i in range(rng.randrange(3, 9)):
        rows.append([f"{rng.choice(WORDS)} {i}", str(rng.randrange(1, 10**6)), f"{rng.randrange(1, 100)}%",
                     f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", _sentence(rng)])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _pandoc(args: Sequence[str | Path], given: str | None = None) -> str:
    return subprocess.run(["pandoc", *map(str, args)], check=True, capture_output=True, text=True, input=given,
                          timeout=120).stdout


DECK_TARGETS = ("pptx", "odp")
_FRAME = ('<draw:frame presentation:class="{kind}" svg:x="1cm" svg:y="{y}cm" svg:width="24cm" svg:height="{h}cm">'
          "<draw:text-box>{body}</draw:text-box></draw:frame>")


def deck(seed: int, k: int) -> tuple[str, list[str]]:
    """A presentation as a flat OpenDocument file (.fodp), its slides' titles and bulleted points in the
    scripts of SENTENCES: (its XML, its paragraphs in order)."""
    rng = random.Random(seed * 104729 + k)
    slides, said = [], []
    for n in range(rng.randrange(2, 5)):
        title, points = f"Slide {n + 1}: {rng.choice(WORDS)}", [_sentence(rng) for _ in range(rng.randrange(1, 4))]
        said += [title, *points]
        items = "".join(f"<text:list-item><text:p>{escape(point)}</text:p></text:list-item>" for point in points)
        slides.append(f'<draw:page draw:name="s{n + 1}">'
                      + _FRAME.format(kind="title", y=1, h=3, body=f"<text:p>{escape(title)}</text:p>")
                      + _FRAME.format(kind="outline", y=5, h=12, body=f"<text:list>{items}</text:list>")
                      + "</draw:page>")
    return flat_xml("".join(slides), holder="presentation").decode(), said


def convert(made: Sequence[Source], folder: Path) -> list[tuple[str, Path]]:
    """Each source as pandoc writes every format from it ("pandoc-docx") and as LibreOffice saves pandoc's DOCX
    in every format ("office-pdf"): (producer-format, file)."""
    out: list[tuple[str, Path]] = []
    for src in made:
        md = folder / f"{src.name}.md"
        md.write_text(src.markdown, encoding="utf-8")
        for target in PANDOC_TARGETS:
            file = folder / "pandoc" / f"{src.name}.{target}"
            file.parent.mkdir(exist_ok=True)
            _pandoc([md, "-s", "--metadata", f"title={src.name}", "-o", file])
            out.append((f"pandoc-{target}", file))
    tables = []
    for k, src in enumerate(made):
        tables.append(folder / f"{src.name}.csv")
        tables[-1].write_text(sheet(len(src.name), k), encoding="utf-8")
    for target in SHEET_TARGETS:
        sub = folder / f"calc-{target}"
        sub.mkdir(exist_ok=True)
        out += [(f"calc-{target}", file) for file in libreoffice_convert(tables, sub, target, options=(_CSV_IN,))]
    decks = []
    for k, src in enumerate(made):
        xml, said = deck(len(src.name), k)
        decks.append(folder / f"{src.name}.fodp")
        decks[-1].write_text(xml, encoding="utf-8")
        (folder / f"{src.name}.said").write_text("\n".join(said), encoding="utf-8")
    for target in DECK_TARGETS:
        sub = folder / f"impress-{target}"
        sub.mkdir(exist_ok=True)
        out += [(f"impress-{target}", file) for file in libreoffice_convert(decks, sub, target)]
    docx = [folder / "pandoc" / f"{src.name}.docx" for src in made]
    for target, spec in OFFICE_TARGETS.items():
        sub = folder / f"office-{target}"
        sub.mkdir(exist_ok=True)
        out += [(f"office-{target}", file) for file in libreoffice_convert(docx, sub, spec)]
    return out


def office_pdfs(made: Sequence[Source], folder: Path) -> list[Path]:
    """Each source as pandoc's DOCX (`folder`/NAME.docx) laid out by LibreOffice as a PDF (one run for all):
    the PDFs, in order."""
    docx = []
    for src in made:
        (folder / f"{src.name}.md").write_text(src.markdown, encoding="utf-8")
        docx.append(folder / f"{src.name}.docx")
        _pandoc([folder / f"{src.name}.md", "-o", docx[-1]])
    return libreoffice_convert(docx, folder, "pdf")


def _office_text(file: Path, folder: Path) -> list[str]:
    """LibreOffice's text export of `file`, one paragraph a line (one run exports every file of its kind in its
    folder)."""
    text = folder / "text" / f"{file.parent.name}-{file.suffix[1:]}" / file.with_suffix(".txt").name
    if not text.exists():
        text.parent.mkdir(parents=True, exist_ok=True)
        libreoffice_convert(sorted(file.parent.glob(f"*{file.suffix}")), text.parent, "txt:Text (encoded):UTF8")
    return [line for line in text.read_text(encoding="utf-8-sig").splitlines() if line.strip()]


def _cells(file: Path, folder: Path) -> list[str]:
    """The non-empty cells of a workbook, row by row, as LibreOffice Calc shows them (its CSV export)."""
    sub = folder / "text" / f"{file.parent.name}-{file.suffix[1:]}"
    if not sub.exists():
        sub.mkdir(parents=True)
        libreoffice_convert(sorted(file.parent.glob(f"*{file.suffix}")), sub, f"csv:{_CSV}")
    text = (sub / file.with_suffix(".csv").name).read_text(encoding="utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row if cell.strip()]


_NOTE_START = re.compile(r"^\[\d+\] ", re.MULTILINE)  # pandoc's plain text: a note's own number before it
_RAISED = re.compile(r"\^\((\d+)\)")  # pandoc's plain text: a raised number, "^(1)" for "¹"
_OWN_MARK = re.compile("^[\u00b9\u00b2\u00b3\u2070-\u2079]+\\s")  # a note's text after its raised number
_NOTE_REF = re.compile(r"\[(\d+)\]")  # pandoc's plain text: a note's reference, "[1]" for the "1" shown


def oracle(file: Path, folder: Path) -> list[str]:
    """The producer's own text view of `file`, one paragraph a line: LibreOffice's text export of a word
    processor's file, and of the DOCX a PDF was laid out from (pdftotext scrambles right-to-left lines and a
    table's columns), and of the web page it exports from it; Calc's CSV export of a workbook; pandoc's plain text
    of a web page, Markdown or e-book (LibreOffice's EPUB draws no list numbers, which its text export has)."""
    if file.suffix == ".pdf" or file.parent.name == "office-html":
        # a web page's headline is its catalogue title, not a paragraph (docs/seeds.md): ¶1 is the block under it
        told = _office_text(folder / "pandoc" / file.with_suffix(".docx").name, folder)
        if file.suffix == ".pdf":
            return told
        # LibreOffice's page floats a list's label beside its text, with no space ("1.Budget", "••Annex"), where
        # its text export writes "1." and a tab: the oracle's item is looked for without its label
        return [_BULLET.sub("", _LIST_NUMBER.sub("", line)) for line in told if line != file.stem]
    if file.suffix in (".xlsx", ".ods"):
        return _cells(file, folder)
    if file.suffix in (".pptx", ".odp"):  # Impress exports no text: the slides' text as written
        return (folder / f"{file.stem}.said").read_text(encoding="utf-8").splitlines()
    if file.suffix in (".docx", ".odt", ".rtf", ".doc"):
        return _office_text(file, folder)
    plain = _pandoc(["--wrap=none", "-t", "plain", file])
    plain = _RAISED.sub(lambda found: raised(found.group(1)), _NOTE_REF.sub(r"\1", _NOTE_START.sub("", plain)))
    lines = [line for line in plain.splitlines() if line.strip() and not set(line.strip()) <= set("-+=| :")]
    # a web page's headline is its catalogue title, not a paragraph (docs/seeds.md): ¶1 is the block under it
    return lines[1:] if file.suffix == ".html" else lines


_NOTE_MARK = re.compile(r"^\d+\s?")  # a note's number, before its text at a page's foot (typst glues it: "1Note")
_LIST_NUMBER = re.compile(r"^\s*\d+\.\s+")
_GLUED_LABEL = re.compile(r"^(?:\d+\.|[\u2022\u2013]+)(?=\S)")  # LibreOffice's page: a list label, then the text
_BULLET = re.compile(r"^(?:[-\u2022\u2023\u25e6\u25aa\u2013*\u25cf\u25cb\u25a0]+\s+)+")  # typst nests with ‣


def _plain(text: str) -> str:
    """`text` as compared: normalised, its bullet and the hyphen of a word a PDF line's end cut, which a passage
    may write whole (marks.LINE_END_HYPHEN), left out."""
    return normalise(folded(_BULLET.sub("", text.strip()).replace(LINE_END_HYPHEN, "")))


def faults(paragraphs: Sequence[str], told: Sequence[str], written: str) -> list[str]:
    """Where briefgen's reading (`paragraphs`) differs from the oracle's (`told`): an oracle line not found in
    order, or a paragraph of briefgen's whose words neither the oracle nor the source `written` (the Markdown's
    plain text: notes, which a text export leaves out) has, a note's number before it or glued to a word aside
    (pandoc's reader of an EPUB drops the note references an e-reader shows)."""
    seed = Seed("seeds/x", "seeds/x", "\n".join(paragraphs))
    found: list[str] = []
    at = 0
    for line in told:
        spans = find(seed, _BULLET.sub("", line.strip())).spans
        later = [s for s in spans if s.first >= at]
        if not spans:
            found.append(f"missing: {line.strip()!r}")
        elif not later and not _OWN_MARK.match(line.strip()):  # pandoc's reader puts an EPUB's notes last
            found.append(f"out of order: {line.strip()!r}")
        elif later:
            at = later[0].first
    whole = " ".join(_plain(line) for line in [*told, *written.splitlines()])
    found += [f"extra: {p!r}" for p in paragraphs if _plain(p) and all(
        _plain(form) not in whole for form in (p, _NOTE_MARK.sub("", p), unmarked(p), _GLUED_LABEL.sub("", p)))]
    return found


@dataclass
class Tally:
    documents: int = 0
    paragraphs: int = 0
    faults: list[str] = field(default_factory=list)


def run(seed: int, count: int, folder: Path, budget: float = 1e9) -> dict[str, Tally]:
    """The wide run: `count` sources from `seed`, every format, each checked against its oracle, until `budget`
    seconds have passed; per producer-format the documents and oracle paragraphs checked and the faults."""
    started = time.monotonic()
    tallies: dict[str, Tally] = {}
    made = sources(seed, count)
    # what the source says, with the title pandoc's standalone documents show
    written = {src.name: src.name + "\n" + _pandoc(["--wrap=none", "-f", "markdown", "-t", "plain"], src.markdown)
               for src in made}
    for label, file in convert(made, folder):
        if time.monotonic() - started > budget:
            break
        fmt = format_of(file.name)
        assert fmt is not None
        read = extract(fmt, file.read_bytes()).paragraphs
        told = oracle(file, folder)
        tally = tallies.setdefault(label, Tally())
        tally.documents += 1
        tally.paragraphs += len(told)
        tally.faults += [f"{file.name}: {fault}" for fault in faults(read, told, written[file.stem])]
    return tallies


def pdf_tally(made: Sequence[Source], pdfs: Sequence[Path], oracle_files: Sequence[Path], folder: Path,
              excused: Callable[[str], bool] = lambda fault: False) -> Tally:
    """Each of one producer's PDFs (of the sources `made`, in order) checked against the oracle of its file in
    `oracle_files`: the documents, the oracle paragraphs and the faults (those `excused` left out)."""
    tally = Tally()
    for src, pdf, file in zip(made, pdfs, oracle_files, strict=True):
        told = oracle(file, folder)
        tally.documents += 1
        tally.paragraphs += len(told)
        read = extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs
        tally.faults += [f"{pdf.name}: {fault}" for fault in faults(read, told, src.markdown) if not excused(fault)]
    return tally


def report(tallies: dict[str, Tally]) -> None:
    """Print each producer-format's figures and faults (a wide run's, from the command line)."""
    for label, tally in sorted(tallies.items()):
        print(f"{label}: {tally.documents} documents, {tally.paragraphs} paragraphs, {len(tally.faults)} faults")
        for fault in tally.faults:
            print("   ", fault)


if __name__ == "__main__":
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        report(run(int(sys.argv[1]), int(sys.argv[2]), Path(tmp)))
