"""`make bench`, the comparison: briefgen's cold full build beside other tools making the same six documents.

The shipped workspace's three audiences, each as DOCX and PDF, made by:
- briefgen: `briefgen build`, cold process, output/ removed first;
- pandoc 3 + typst: pandoc Markdown → DOCX, pandoc Markdown → typst → PDF (the typst package);
- pandoc + LibreOffice: pandoc Markdown → DOCX, LibreOffice (headless) DOCX → PDF;
- docxtpl + WeasyPrint: a DOCX template filled by docxtpl, HTML → PDF by WeasyPrint.
The other tools' inputs are made from briefgen's own document model (bench/equivalent.py), so every tool sets
the same words. Runs are interleaved (A B C D, A B C D, ...), so a machine that slows down slows all alike;
medians and the ratio of briefgen's build to each are printed. The tools are installed on demand from the
registries into `build/bench-tools/` (pip --target), never into the project's environment; a tool that cannot
be installed or found is reported as missing and its row skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.equivalent import documents, docxtpl_context, html_page, markdown  # noqa: E402

PY = sys.executable
TOOLS = ROOT / "build" / "bench-tools"
PACKAGES = ("pypandoc-binary>=1.13,<2", "typst>=0.11,<1", "docxtpl>=0.16,<1", "weasyprint>=60,<80")


@dataclass
class Contender:
    name: str
    command: list[str]
    prepare: Callable[[], None] = lambda: None
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process and its children
    peaks: list[float] = field(default_factory=list)


def install_tools(log: Callable[[str], None]) -> None:
    """Install the comparison tools into build/bench-tools/ unless a previous run did."""
    stamp = TOOLS / ".installed"
    if stamp.exists() and stamp.read_text() == "\n".join(PACKAGES):
        return
    log(f"installing {', '.join(PACKAGES)} into {TOOLS.relative_to(ROOT)}/ (bench only) ...")
    done = subprocess.run([PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade",
                           "--target", str(TOOLS / "site"), *PACKAGES], capture_output=True, text=True)
    if done.returncode != 0:
        log(f"could not install the comparison tools (pip exit {done.returncode}):\n{done.stderr[-1500:]}")
        return
    stamp.write_text("\n".join(PACKAGES))


def _tools_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(TOOLS / "site")
    return env


def find_pandoc() -> str | None:
    """pandoc 3 from pypandoc-binary (bench-tools), else one on PATH if it is version 3 or later."""
    bundled = TOOLS / "site" / "pypandoc" / "files" / "pandoc"
    for candidate in (str(bundled), shutil.which("pandoc")):
        if candidate and Path(candidate).exists():
            done = subprocess.run([candidate, "--version"], capture_output=True, text=True)
            major = done.stdout.split()[1].split(".")[0] if done.returncode == 0 else "0"
            if major.isdigit() and int(major) >= 3:
                return candidate
    return None


def has_module(name: str) -> bool:
    done = subprocess.run([PY, "-c", f"import {name}"], env=_tools_env(), capture_output=True)
    return done.returncode == 0


def docxtpl_template(path: Path) -> None:
    """A DOCX template for docxtpl: the title, then each block as a heading or a paragraph, then the notes."""
    import docx

    document = docx.Document()
    document.add_heading("{{ title }}", level=0)
    document.add_paragraph("{%p for b in blocks %}")
    document.add_paragraph("{%p if b.heading %}")
    document.add_heading("{{ b.text }}", level=1)
    document.add_paragraph("{%p else %}")
    document.add_paragraph("{{ b.text }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.add_heading("Sources", level=1)
    document.add_paragraph("{%p for n in notes %}")
    document.add_paragraph("{{ n }}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(path))


DOCXTPL_WEASYPRINT = """
import json, sys
from pathlib import Path
from docxtpl import DocxTemplate
from weasyprint import HTML
work = Path(sys.argv[1])
for name in sys.argv[2:]:
    template = DocxTemplate(str(work / "template.docx"))
    template.render(json.loads((work / f"{name}.json").read_text(encoding="utf-8")))
    template.save(str(work / "out" / f"{name}.docx"))
    HTML(filename=str(work / f"{name}.html")).write_pdf(str(work / "out" / f"{name}.pdf"))
"""

TYPST = """
import sys, typst
for name in sys.argv[2:]:
    typst.compile(f"{sys.argv[1]}/out/{name}.typ", output=f"{sys.argv[1]}/out/{name}.pdf")
"""


def _sh(*steps: str) -> list[str]:
    return ["sh", "-c", " && ".join(steps)]


def contenders(ws: Path, work: Path, names: list[str], log: Callable[[str], None]) -> list[Contender]:
    """The commands, each making all six documents; missing tools are said and left out."""
    out = work / "out"

    def clear(folder: Path) -> Callable[[], None]:
        return lambda: (shutil.rmtree(folder, ignore_errors=True), folder.mkdir(parents=True))  # type: ignore[func-returns-value]

    found = [Contender("briefgen build (3 audiences x docx+pdf)", [PY, "-m", "briefgen", "-C", str(ws), "build"],
                       clear(ws / "output"))]
    pandoc = find_pandoc()
    if pandoc is None:
        log("MISSING: pandoc 3 (pypandoc-binary did not install and no pandoc >= 3 is on PATH): "
            "the pandoc rows are skipped")
        return found
    to_docx = [f"{pandoc} {work}/{n}.md -o {out}/{n}.docx" for n in names]
    if has_module("typst"):
        to_typst = [f"{pandoc} {work}/{n}.md -t typst -s -o {out}/{n}.typ" for n in names]
        found.append(Contender("pandoc 3 -> docx, pandoc -> typst -> pdf", _sh(
            *to_docx, *to_typst, f"PYTHONPATH={TOOLS / 'site'} {PY} -c '{TYPST}' {work} {' '.join(names)}"),
            clear(out)))
    else:
        log("MISSING: the typst package (pip install typst): the pandoc + typst row is skipped")
    soffice = shutil.which("soffice")
    if soffice:
        profile = f"-env:UserInstallation=file://{work}/lo-profile"
        found.append(Contender("pandoc 3 -> docx, LibreOffice docx -> pdf", _sh(
            *to_docx, f"{soffice} {profile} --headless --convert-to pdf --outdir {out} "
            + " ".join(f"{out}/{n}.docx" for n in names) + " >/dev/null"), clear(out)))
    else:
        log("MISSING: LibreOffice (apt-get install libreoffice-writer-nogui): the LibreOffice row is skipped")
    if has_module("docxtpl") and has_module("weasyprint"):
        script = work / "docxtpl_weasyprint.py"
        script.write_text(DOCXTPL_WEASYPRINT, encoding="utf-8")
        found.append(Contender("docxtpl -> docx, WeasyPrint html -> pdf",
                               ["env", f"PYTHONPATH={TOOLS / 'site'}", PY, str(script), str(work), *names],
                               clear(out)))
    else:
        log("MISSING: docxtpl or WeasyPrint (pip install docxtpl weasyprint; WeasyPrint needs Pango): row skipped")
    return found


def prepare_inputs(ws: Path, work: Path) -> list[str]:
    """Each audience's Markdown, HTML and docxtpl context, from the documents `build` composes."""
    docs = documents(ws)
    for name, doc in docs.items():
        (work / f"{name}.md").write_text(markdown(doc), encoding="utf-8")
        (work / f"{name}.html").write_text(html_page(doc), encoding="utf-8")
        (work / f"{name}.json").write_text(json.dumps(docxtpl_context(doc), ensure_ascii=False), encoding="utf-8")
    docxtpl_template(work / "template.docx")
    (work / "out").mkdir(exist_ok=True)
    return sorted(docs)


def run_once(c: Contender) -> None:
    c.prepare()
    start = time.perf_counter()
    proc = subprocess.Popen(c.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    c.times.append(time.perf_counter() - start)
    c.cpu.append(usage.ru_utime + usage.ru_stime)
    c.peaks.append(usage.ru_maxrss / 1024)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{c.name} failed ({proc.returncode}):\n{err[-2000:]}")


def measure(found: list[Contender], runs: int) -> None:
    """One warm-up each, then `runs` rounds, the order rotated every round."""
    for c in found:
        run_once(c)
        c.times.clear()
        c.cpu.clear()
        c.peaks.clear()
    for i in range(runs):
        for c in found[i % len(found):] + found[:i % len(found)]:
            run_once(c)


def report(found: list[Contender]) -> list[dict[str, object]]:
    """Medians of wall and CPU time, and briefgen's build as a multiple of each (below 1: briefgen is faster).
    CPU time (the process and every child it waited for) is the steadier figure on a shared machine."""
    wall, cpu = statistics.median(found[0].times), statistics.median(found[0].cpu)
    rows = []
    print(f"\n{'six documents made by':<44} {'wall s':>7} {'cpu s':>7} {'briefgen/it wall':>17} {'cpu':>6} "
          f"{'peak MB':>8}")
    for c in found:
        took, spent = statistics.median(c.times), statistics.median(c.cpu)
        print(f"{c.name:<44} {took:>7.3f} {spent:>7.3f} {wall / took:>16.2f}x {cpu / spent:>5.2f}x "
              f"{max(c.peaks):>8.0f}")
        rows.append({"name": c.name, "seconds": round(took, 4), "cpu_seconds": round(spent, 4),
                     "briefgen_ratio": round(wall / took, 2), "briefgen_cpu_ratio": round(cpu / spent, 2),
                     "peak_mb": round(max(c.peaks), 1)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, default=ROOT / "output" / "bench-compare.json")
    parser.add_argument("--keep", type=Path, default=None, help="Copy the made documents here to look at them.")
    args = parser.parse_args()
    log: Callable[[str], None] = lambda text: print(text, flush=True)  # noqa: E731
    install_tools(log)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    with tempfile.TemporaryDirectory(prefix="briefgen-compare-") as tmp:
        ws, work = Path(tmp) / "shipped", Path(tmp) / "work"
        shutil.copytree(ROOT / "seeds", ws / "seeds")
        work.mkdir()
        names = prepare_inputs(ws, work)
        found = contenders(ws, work, names, log)
        measure(found, args.runs)
        rows = report(found)
        if args.keep:
            shutil.copytree(work / "out", args.keep, dirs_exist_ok=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"runs": args.runs, "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {args.json}")


if __name__ == "__main__":
    main()
