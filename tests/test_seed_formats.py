"""Seeds in Markdown, HTML, DOCX and PDF (issue 8): the same passage in each verifies, is located, and is cited
with the right paragraph (and page, for the PDF) in the built briefs; hostile documents get located errors."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.sources.seeds import read_seed
from tests.conftest import ROOT
from tests.helpers import append_entry, citations, model, run, save_model
from tests.seed_fixtures import (
    FILLER,
    PASSAGE,
    docx_seed,
    html_seed,
    many_pages_pdf,
    markdown_seed,
    odt_seed,
    pdf_bytes,
    pdf_seed,
    rtf_seed,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def add_format_seeds(ws: Path) -> dict[str, str]:
    """Write one seed per format holding PASSAGE, catalogue it, and cite it from one judgment each.

    Returns the pinpoint each footnote must print, keyed by seed file."""
    seeds = ws / "seeds"
    page, on_page, _ = pdf_seed(seeds / "fmt.pdf")
    expected = {"fmt.md": f"¶{markdown_seed(seeds / 'fmt.md')}", "fmt.html": f"¶{html_seed(seeds / 'fmt.html')}",
                "fmt.docx": f"¶{docx_seed(seeds / 'fmt.docx')}", "fmt.rtf": f"¶{rtf_seed(seeds / 'fmt.rtf')}",
                "fmt.odt": f"¶{odt_seed(seeds / 'fmt.odt')}", "fmt.pdf": f"p. {page}, ¶{on_page}"}  # the PDF last
    for name in expected:
        kind = name.split(".")[1]
        append_entry(ws, f"fmt-{kind}", name, f"Originator {kind.upper()}")
    data = model(ws)
    for name in expected:
        kind = name.split(".")[1]
        data["judgments"].append({"id": f"kj-fmt-{kind}", "statement": f"The {kind} seed supports this judgment.",
                                  "confidence": "moderate", "priority": 90,
                                  "evidence": [{"source": f"fmt-{kind}", "passage": PASSAGE}]})
    save_model(ws, data)
    return expected


@pytest.fixture(scope="module")
def formats_ws(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    ws = tmp_path_factory.mktemp("formats") / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "templates").mkdir()
    expected = add_format_seeds(ws)
    result = run(ws, "build", "-a", "analyst")
    assert result.exit_code == 0, result.output
    return ws, expected


def footnotes_docx(path: Path) -> str:
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    return " ".join("".join(t.text or "" for t in note.iter(f"{W}t")) for note in notes.iter(f"{W}footnote"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_check_locates_the_passage_in_every_format(formats_ws: tuple[Path, dict[str, str]]) -> None:
    ws, _ = formats_ws
    found = citations(ws)
    assert [(c["file"], c["paragraph"]) for c in found["kj-fmt-md"]] == [("seeds/fmt.md", 5)]
    assert [(c["file"], c["paragraph"]) for c in found["kj-fmt-html"]] == [("seeds/fmt.html", 2)]
    assert [(c["file"], c["paragraph"]) for c in found["kj-fmt-docx"]] == [("seeds/fmt.docx", 5)]
    assert [(c["file"], c["paragraph"]) for c in found["kj-fmt-rtf"]] == [("seeds/fmt.rtf", 5)]
    assert [(c["file"], c["paragraph"]) for c in found["kj-fmt-odt"]] == [("seeds/fmt.odt", 5)]
    # the PDF's sixth paragraph is the third on page 2
    assert found["kj-fmt-pdf"] == [{"source": "fmt-pdf", "paragraph": 6, "file": "seeds/fmt.pdf", "page": 2,
                                    "page_paragraph": 3, "pinpoint": "p. 2, ¶3"}]
    assert all("page" not in c for c in found["kj-fmt-md"] + found["kj-fmt-docx"])


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_footnotes_name_paragraph_and_pdf_page(formats_ws: tuple[Path, dict[str, str]], fmt: str) -> None:
    ws, expected = formats_ws
    brief = ws / f"output/analyst.{fmt}"
    text = footnotes_docx(brief) if fmt == "docx" else squash(" ".join(p.extract_text() for p in
                                                                        PdfReader(brief).pages))
    for name, pinpoint in expected.items():
        kind = name.split(".")[1]
        assert f"Originator {kind.upper()}, Test document {name}" in text
        assert f"published September 2025, {pinpoint} (seed file seeds/{name})" in text, (name, pinpoint)


def test_coverage_shows_pdf_pages(formats_ws: tuple[Path, dict[str, str]]) -> None:
    ws, _ = formats_ws
    report = run(ws, "coverage").output
    assert "p. 2, ¶3 cited by kj-fmt-pdf" in report
    assert "¶5 cited by kj-fmt-docx" in report


def test_scripts_styles_and_front_matter_are_not_paragraphs(formats_ws: tuple[Path, dict[str, str]]) -> None:
    ws, _ = formats_ws
    root = str((ws / "seeds").resolve())
    page = " | ".join(read_seed(root, "fmt.html").paragraphs)
    for hidden in ("SCRIPT TEXT", "color: red", "HIDDEN-CSS", "Enable JavaScript", "Example News", "Home | World"):
        assert hidden not in page
    notes = read_seed(root, "fmt.md").paragraphs
    assert not any("Jane Doe" in p or "**" in p or "](" in p for p in notes)
    assert notes[-1] == "code stays apart"


def test_a_miss_in_a_pdf_names_page_and_paragraph(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    add_format_seeds(ws)
    data = model(ws)
    data["judgments"][-1]["evidence"][0]["passage"] = PASSAGE.replace("412 sorties", "413 sorties")
    save_model(ws, data)
    result = run(ws, "check")
    assert result.exit_code == 1
    assert "kj-fmt-pdf: passage not found in seeds/fmt.pdf" in result.output
    assert re.search(r"closest text \(p\. 2, ¶3, 9\d% similar\): “The drone unit reported 412 sorties", result.output)


def test_passage_moved_to_another_page_rebuilds(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    add_format_seeds(ws)
    assert run(ws, "build", "-a", "analyst", "-f", "pdf").exit_code == 0
    (ws / "seeds/fmt.pdf").write_bytes(pdf_bytes(passage_on_page=3))  # an empty page pushes it on
    assert citations(ws)["kj-fmt-pdf"][0]["paragraph"] == 6  # the same paragraph of the document
    result = run(ws, "build", "--if-changed", "-a", "analyst", "-f", "pdf")
    assert result.exit_code == 0 and "output/analyst.pdf" in result.output, result.output
    text = squash(" ".join(p.extract_text() for p in PdfReader(ws / "output/analyst.pdf").pages))
    assert "p. 3, ¶3 (seed file seeds/fmt.pdf)" in text
    # the build keeps the cache to what the inputs are now: the earlier version's text is gone
    digest = hashlib.sha256((ws / "seeds/fmt.pdf").read_bytes()).hexdigest()
    assert [p.name.rsplit("-", 1)[1] for p in (ws / "output/.cache").glob("seed-pdf-*")] == [f"{digest}.marshal"]


def test_cache_pruning_keeps_live_entries_and_no_compiled_templates(tmp_path: Path) -> None:
    from briefgen.regen.caches import prune_cache

    cache = tmp_path / ".cache"
    (cache / "templates").mkdir(parents=True)
    names = ["yaml-aaa.marshal", "yaml-bbb.marshal", "seed-pdf-0.1.0-2-aaa.marshal", "seed-pdf-0.1.0-2-ccc.marshal",
             "check.json", "templates/__jinja2_old.cache", "templates/__jinja2_new.cache", "notes.txt"]
    for name in names:
        (cache / name).write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    os.utime(cache / "templates/__jinja2_old.cache", (month_ago, month_ago))
    assert prune_cache(cache, {"aaa"}) == 4  # compiled templates, recent or not, are never read (render/bytecode.py)
    assert sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*")) == [
        ".lock", "check.json", "notes.txt", "seed-pdf-0.1.0-2-aaa.marshal", "yaml-aaa.marshal"]


def test_extraction_is_cached_by_content(formats_ws: tuple[Path, dict[str, str]]) -> None:
    ws, _ = formats_ws
    cached = sorted(p.name.split("-")[1] for p in (ws / "output/.cache").glob("seed-*.marshal"))
    assert cached == ["docx", "html", "markdown", "odt", "pdf", "rtf"]
    probe = ("import sys; from briefgen.cli.main import cli; "
             f"cli.main(['-C', {str(ws)!r}, 'check', '--no-cache'], standalone_mode=False)")
    probe += ("\nprint('IMPORTED', [m for m in ('pdfminer', 'docx', 'markdown_it', 'trafilatura') "
              "if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert "IMPORTED []" in out.stdout, out.stdout + out.stderr


def _encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=StandardEncryption("user-secret", "owner-secret"))
    page.drawString(100, 700, "Words behind a password.")
    page.save()
    return out.getvalue()


def _scanned_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(100, 100, 300, 400, fill=1)  # a picture of a page: no text layer
    page.save()
    return out.getvalue()


def _bomb_pdf() -> bytes:
    """A page whose content stream is 300 MB of spaces, deflated to ~300 KB."""
    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(300)) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    body = b"%PDF-1.4\n" + b"".join(b"%d 0 obj\n" % (n + 1) + obj + b"\nendobj\n" for n, obj in enumerate(objects))
    return body + b"trailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n"


HOSTILE: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "truncated pdf": ("bad.pdf", lambda: pdf_bytes()[:1200], "the PDF is damaged"),
    "html saved as pdf": ("bad.pdf", lambda: b"<html><body>Not found</body></html>", "the file is not a PDF"),
    "encrypted pdf": ("bad.pdf", _encrypted_pdf, "the PDF is encrypted and needs a password"),
    "pdf without text": ("bad.pdf", _scanned_pdf, "the PDF has no text layer"),
    "pdf decompression bomb": ("bad.pdf", _bomb_pdf, "the PDF's streams unpack to more than 256 MB"),
    "pdf of too many pages": ("bad.pdf", lambda: many_pages_pdf(3001), "the PDF has more than 3,000 pages"),
    "corrupt docx": ("bad.docx", lambda: b"PK\x03\x04" + b"\x00garbage" * 50, "the DOCX is damaged"),
    "protected docx": ("bad.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
                       "the file is a password-protected Word document"),
    "html of scripts": ("bad.html", lambda: b"<html><script>alert('x')</script><style>p{}</style></html>",
                        "the page has no visible text"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_seed_documents_get_a_located_error(tmp_path: Path, case: str) -> None:
    name, content, message = HOSTILE[case]
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "seeds" / name).write_bytes(content())
    append_entry(ws, "bad-doc", name, "Somebody")
    line = (ws / "seeds/sources.yaml").read_text(encoding="utf-8").splitlines().index(f"    file: {name}") + 1
    result = run(ws, "check")
    assert result.exit_code == 1
    assert re.search(rf"^  seeds/sources\.yaml:{line}:\d+: sources\[2\]\.file: {name}: {message}", result.output,
                     re.MULTILINE), result.output
    assert "hint:" in result.output and "Traceback" not in result.output


def test_uncatalogued_documents_are_reported(workspace: Path) -> None:
    (workspace / "seeds/stray.pdf").write_bytes(pdf_bytes())
    (workspace / "seeds/notes.md").write_text("# Notes\n", encoding="utf-8")
    result = run(workspace, "check")
    assert "seeds/stray.pdf: warning: seed file is not catalogued" in result.output
    assert "seeds/notes.md: warning: seed file is not catalogued" in result.output


def test_a_paragraph_cut_by_a_page_break_is_joined_again() -> None:
    """reportlab splits the long paragraph across page breaks mid-sentence; the seed keeps it whole, on the
    page where it starts, so a passage spanning a break is found; the paragraph after it stays apart."""
    from reportlab.lib.pagesizes import A6
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from briefgen.sources.formats.pdfdoc import extract

    long = " ".join(f"the crews flew sortie number {n} over the northern ridge and came back" for n in range(40)) + "."
    out = io.BytesIO()
    normal = getSampleStyleSheet()["Normal"]
    SimpleDocTemplate(out, pagesize=A6).build([Paragraph(FILLER, normal), Paragraph(long, normal),
                                               Paragraph("Afterwards the unit rested.", normal)])
    found = extract(out.getvalue())
    assert len(PdfReader(out).pages) >= 3  # the long paragraph runs over two page breaks at least
    assert found.paragraphs == (FILLER, long, "Afterwards the unit rested.")
    assert found.pages == (1, 1, len(PdfReader(out).pages))
