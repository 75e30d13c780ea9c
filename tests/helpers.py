"""Helpers for end-to-end tests on a temporary copy of the workspace."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml
from click.testing import CliRunner, Result

from briefgen.cli.main import cli
from tests.tools import require

if TYPE_CHECKING:
    from PIL import Image

SEED_000 = "seeds/000_eab46a25288d9a93.txt"
SEED_002 = "seeds/002_828a4c93c67805e5.txt"


def run(ws: Path, *args: str) -> Result:
    """Run the CLI in-process the way a user would, on workspace `ws`."""
    return CliRunner().invoke(cli, ["-C", str(ws), *args], catch_exceptions=False)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@contextmanager
def edited(path: Path, old: str, new: str) -> Iterator[None]:
    """`path` with `old` replaced by `new` for the block's time (a workspace a module's tests share), then as
    it was."""
    original = path.read_text(encoding="utf-8")
    edit(path, old, new)
    try:
        yield
    finally:
        path.write_text(original, encoding="utf-8")


def drop_lines_containing(path: Path, needle: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if needle not in line]
    assert len(kept) < len(lines), f"{needle!r} not in {path}"
    path.write_text("".join(kept), encoding="utf-8")


def model(ws: Path) -> dict[str, Any]:
    return yaml.safe_load((ws / "seeds/summary.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def save_model(ws: Path, data: dict[str, Any]) -> None:
    (ws / "seeds/summary.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and mtime of every file under `folder`: proof that nothing was touched."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def items_citing(ws: Path, needle: str) -> set[str]:
    """Ids of model items with a passage containing `needle` (found independently of briefgen)."""
    data = model(ws)
    return {item["id"] for section in ("judgments", "figures", "quotes", "gaps") for item in data.get(section, [])
            if any(needle in ev["passage"] for ev in item.get("evidence", []))}


def built_workspace(folder: Path) -> Path:
    """The shipped seeds with the bundled templates copied in to edit, built: a base for tests that change one
    thing and compare against published briefs. Built once per test run and copied (a copied workspace is up
    to date: test_a_copied_workspace_is_still_up_to_date), so each module pays for a copy, not a build."""
    import shutil

    ws = folder / "ws"
    shutil.copytree(_built_once(), ws, symlinks=True)
    return ws


@cache
def _built_once() -> Path:
    import atexit
    import shutil
    import tempfile

    from tests.conftest import ROOT
    folder = Path(tempfile.mkdtemp(prefix="briefgen-built-"))
    atexit.register(shutil.rmtree, folder, True)
    ws = folder / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    shutil.copytree(ROOT / "briefgen" / "templates", ws / "templates", ignore=shutil.ignore_patterns("__*"))
    result = run(ws, "build")
    assert result.exit_code == 0, result.output
    return ws


def copy_workspace(ws: Path, folder: Path) -> Path:
    import shutil
    copy = folder / "ws"
    shutil.copytree(ws, copy)
    return copy


def published(ws: Path) -> dict[str, tuple[str, int]]:
    """Fingerprint of what a build publishes under output/ (briefs, history, the build record), leaving out
    the caches (output/.cache: parses and compiled templates, safe to delete) and the lock files' own bytes."""
    unpublished = (".cache/", ".build.lock", ".seeds.lock", ".issue.lock")
    return {k: v for k, v in fingerprint(ws / "output").items() if not k.startswith(unpublished)}


def append_entry(ws: Path, source_id: str, file: str, originator: str) -> None:
    """Append a complete catalogue entry as text (the shipped catalogue ends without a newline)."""
    path = ws / "seeds/sources.yaml"
    text = path.read_text(encoding="utf-8")
    marking = "    marking: TLP:CLEAR\n" if "\nmarkings:" in text else ""  # as the shipped sources are
    path.write_text(text + ("" if text.endswith("\n") else "\n") + catalogue_entry(source_id, file, originator)
                    + marking, encoding="utf-8")


def catalogue_entry(source_id: str, file: str, originator: str) -> str:
    return (f"  - id: {source_id}\n    file: {file}\n    originator: {originator}\n    title: Test document {file}\n"
            f"    published: \"2025-09\"\n    accessed: \"2026-11-20\"\n    url: null\n    kind: report\n"
            f"    descriptor: A document written by the test.\n")


MARK = re.compile(r"Zqmark\d\d")
BLUF_END = "how capable the new systems are is unknown."


def set_marker(ws: Path, n: int) -> str:
    """Put marker word n into the BLUF (shown by every audience), so a build must rewrite every brief."""
    marker = f"Zqmark{n:02d}"
    path = ws / "seeds/summary.yaml"
    text = path.read_text(encoding="utf-8")
    text = MARK.sub(marker, text) if MARK.search(text) else text.replace(BLUF_END, f"{BLUF_END} {marker}.", 1)
    assert marker in text
    path.write_text(text, encoding="utf-8")
    return marker


def build_as_a_process(ws: Path) -> float:
    """`briefgen build` as a real process on `ws`; its wall time in seconds."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "build"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def wait_for_output(proc: subprocess.Popen[str], needle: str, timeout: float = 30) -> str:
    """Read the process's output until `needle` appears; never blocks past `timeout`."""
    import queue
    import threading

    assert proc.stdout is not None
    lines: queue.Queue[str] = getattr(proc, "_lines", None) or queue.Queue()
    if not hasattr(proc, "_lines"):
        proc._lines = lines  # type: ignore[attr-defined]
        stream = proc.stdout
        threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            continue
        seen += line
        if needle in line:
            return seen
    raise AssertionError(f"{needle!r} not seen within {timeout} s; output so far:\n{seen}")


def citations(ws: Path) -> dict[str, list[dict[str, object]]]:
    result = run(ws, "check", "--json")
    assert result.exit_code == 0, result.output
    return {item["id"]: item["citations"] for item in json.loads(result.output)["items"]}


def name_reference(ws: Path, reference: str, audience: str = "executive", as_name: str | None = None) -> None:
    """The shipped `audience` profile saved as templates/<as_name or audience>.yaml, with templates/<reference>
    as its look.reference_docx."""
    shipped = Path(__file__).resolve().parent.parent / f"briefgen/templates/{audience}.yaml"
    (ws / f"templates/{as_name or audience}.yaml").write_text(
        shipped.read_text(encoding="utf-8") + f"look: {{reference_docx: {reference}}}\n", encoding="utf-8")


def built_under_reference(folder: Path, make_reference: Callable[[Path], None], audience: str = "executive") -> Path:
    """The shipped seeds with the `audience` profile naming templates/house.docx, which `make_reference` writes,
    and that brief built under it: the output folder."""
    import shutil

    from tests.conftest import ROOT
    workspace = folder / "ws"
    shutil.copytree(ROOT / "seeds", workspace / "seeds")
    (workspace / "templates").mkdir()
    make_reference(workspace / "templates/house.docx")
    name_reference(workspace, "house.docx", audience)
    result = run(workspace, "build", "-a", audience)
    assert result.exit_code == 0, result.output
    return workspace / "output"


# As Word 2016 writes "CONFIDENTIAL 1" from Design > Watermark (the shape type's formulas left out).
WATERMARK = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:r><w:pict>'
    '<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136" style="position:absolute;'
    "margin-left:0;margin-top:0;width:412.4pt;height:247.45pt;rotation:315;z-index:-251657216;"
    'mso-position-horizontal:center;mso-position-vertical:center" o:allowincell="f" fillcolor="silver" '
    'stroked="f"><v:fill opacity=".5"/><v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" '
    'string="CONFIDENTIAL"/></v:shape></w:pict></w:r></w:p>')


def word_field(code: str, stored: str) -> list[str]:
    """The runs of a complex field as Word writes it (begin, code, separate, its stored result, end), each a
    w:r element's XML."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return [f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {w}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
            f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>', f'<w:r {w}><w:t>{stored}</w:t></w:r>',
            f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>']


def libreoffice_convert(files: Sequence[Path], folder: Path, to: str = "pdf", timeout: float = 180,
                        options: Sequence[str] = ()) -> list[Path]:
    """`files` converted by LibreOffice in one run into `folder`, `to` a format as --convert-to takes it ("pdf",
    "fodt", "docx:MS Word 2007 XML", a filter's options after it), with a user profile of its own there (two
    conversions at once on one profile hand work to each other): the converted files' paths. `options`: more of
    soffice's arguments (an --infilter for CSV's)."""
    done = subprocess.run([require("soffice"), "--headless", f"-env:UserInstallation=file://{folder}/profile",
                           *options, "--convert-to", to, "--outdir", str(folder), *map(str, files)],
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    made = [folder / file.with_suffix("." + to.split(":")[0]).name for file in files]
    # soffice exits 0 when no installed module can open a file (CSV and spreadsheets need Calc, slides Impress)
    missing = [path.name for path in made  # a CSV of every sheet is one file a sheet: book-Sheet1.csv
               if not path.exists() and not any(folder.glob(f"{path.stem}-*{path.suffix}"))]
    assert not missing, f"LibreOffice made no {', '.join(missing)} (are libreoffice-calc-nogui and " \
                        f"libreoffice-impress-nogui installed, as .ci/run installs them?): {done.stdout}{done.stderr}"
    return made


def libreoffice_pdf(docx_file: Path, folder: Path, timeout: float = 180) -> Path:
    """LibreOffice's layout of `docx_file`, converted to a PDF in `folder` (libreoffice_convert): the PDF's path."""
    return libreoffice_convert([docx_file], folder, timeout=timeout)[0]


def pdftotext(pdf: Path, *options: str) -> str:
    """The text poppler's pdftotext reads from `pdf`, given its `options` ("-layout"); pages end in a form feed."""
    return subprocess.run([require("pdftotext"), *options, str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_image(pdf: Path, stem: Path, dpi: int = 72, page: int = 1) -> Image.Image:
    """Page `page` of `pdf` drawn by poppler's pdftoppm at `dpi`, saved as `stem`.png: the image, in RGB."""
    from PIL import Image

    subprocess.run([require("pdftoppm"), "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    return Image.open(stem.with_name(f"{stem.name}.png")).convert("RGB")


def colour_before(pdf: Path, word: str, stem: Path) -> tuple[int, int, int]:
    """The colour just left of `word`'s first letter, half way down it, on page 1 of `pdf` at 72 dpi (what is
    behind the text: a fill, a band), the page drawn as `stem`.png."""
    found = next((w for w in pdf_words(pdf) if w.text == word), None)
    assert found is not None, word
    image = page_image(pdf, stem)
    return image.getpixel((max(int(found.left) - 2, 0), int((found.top + found.bottom) / 2)))  # type: ignore[return-value]


def near_colour(seen: tuple[int, int, int], colour: tuple[int, int, int]) -> bool:
    """Whether two RGB colours are alike within 8 of each channel (anti-aliasing, colour conversion)."""
    return all(abs(a - b) <= 8 for a, b in zip(seen, colour, strict=True))


class Word(NamedTuple):
    """A word of a PDF page as poppler reads it, its box in points from the page's top left corner."""

    left: float
    top: float
    right: float
    bottom: float
    text: str


_WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pdf_words(pdf: Path, page: int | None = 1) -> list[Word]:
    """The words of page `page` of `pdf` (of every page, one after another, when None) in poppler's reading
    order, each with its box."""
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    html = pdftotext(pdf, "-bbox", *pages)
    return [Word(float(x0), float(y0), float(x1), float(y1), text) for x0, y0, x1, y1, text in _WORD_BOX.findall(html)]


def pdf_fonts(pdf: Path) -> set[str]:
    """The BaseFont of every font the PDF's pages use, without the subset prefix."""
    from pypdf import PdfReader

    found = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return found


def line_ends(pdf: Path) -> Counter[str]:
    """The word that ends each line of `pdf`, every page's (a line: words whose bottoms lie within 1.5 pt of its
    first's, left to right; a note's number or a citation's, raised off the line, is no word): two layouts
    that break their lines alike end them with the same words."""
    from pypdf import PdfReader

    ends: Counter[str] = Counter()
    for page in range(1, len(PdfReader(pdf).pages) + 1):
        words = sorted((w for w in pdf_words(pdf, page) if not re.fullmatch(r"[\d,]+", w.text)),
                       key=lambda w: w.bottom)
        rows: list[list[Word]] = []
        for word in words:
            if rows and word.bottom - rows[-1][0].bottom <= 1.5:
                rows[-1].append(word)
            else:
                rows.append([word])
        ends.update(max(row, key=lambda w: w.right).text for row in rows)
    return ends


def lines_pdf(lines: Sequence[str], font: str = "Times-Roman", size: float = 11, leading: float = 14) -> bytes:
    """`lines` drawn one under the other from the top left of a page by reportlab, in `font` (a standard font, or
    one registered with reportlab first): each drawn line a line of the PDF reader's, as the truth for it."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont(font, size)
    for k, line in enumerate(lines):
        page.drawString(72, 760 - leading * k, line)
    page.showPage()
    page.save()
    return out.getvalue()


def two_column_pdf(texts: Sequence[str], style: Any) -> bytes:
    """`texts` as paragraphs in `style`, set by reportlab in two columns of an A4 page (1 in margins, an 18 pt
    gutter), page after page: a document whose reading order is known, as the truth for the PDF reader."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=A4)
    width = (A4[0] - 2 * 72 - 18) / 2
    document.addPageTemplates([PageTemplate(id="two", frames=[
        Frame(72, 72, width, A4[1] - 144, id="left"), Frame(72 + width + 18, 72, width, A4[1] - 144, id="right")])])
    document.build([Paragraph(text, style) for text in texts])
    return out.getvalue()


def list_reference(path: Path, abstract_num: str) -> None:
    """python-docx's blank document with `abstract_num` (a w:abstractNum of id 90) as the list List Bullet is
    numbered in (w:num 90), saved at `path`: a house style's own bullets."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    reference = docx.Document()
    numbering = reference.part.numbering_part.element
    numbering.insert(0, parse_xml(abstract_num))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    style = reference.styles["List Bullet"].element
    style.pPr.find(qn("w:numPr")).find(qn("w:numId")).set(qn("w:val"), "90")
    reference.save(str(path))
