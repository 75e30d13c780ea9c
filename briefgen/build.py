"""`briefgen build`: verify, compose each audience, write each format; the last good briefs survive failure."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from briefgen.check import Checked, require_verified, run_check
from briefgen.compose import Composed, compose_fitted
from briefgen.doc import Document, Theme, WriteResult
from briefgen.errors import BriefgenError, Problem
from briefgen.profiles import Profile, audience_names, load_profile, theme_for
from briefgen.workspace import Workspace

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Written:
    audience: str
    fmt: str
    result: WriteResult
    dropped: tuple[str, ...]

    def line(self, ws: Workspace) -> str:
        left_out = f"; left out to fit: {', '.join(self.dropped)}" if self.dropped else ""
        pages = f"{self.result.pages} page{'s' if self.result.pages != 1 else ''}"
        return f"{ws.rel(self.result.path)}: {pages}, {self.result.notes} footnotes{left_out}"


def writer_for(fmt: str) -> Callable[[Document, Path, Theme], WriteResult]:
    """Import a writer only when its format is asked for (each costs ~0.15 s of imports)."""
    if fmt == "docx":
        from briefgen.writers.docx.writer import write as write_docx
        return write_docx
    from briefgen.writers.pdf.writer import write as write_pdf
    return write_pdf


def output_dir(ws: Workspace, out: Path | None) -> Path:
    target = (out if out is not None else ws.output).resolve()
    if target.exists() and not target.is_dir():
        raise BriefgenError(Problem(str(out or ws.rel(target)), "the output path exists and is not a directory",
                                    hint="choose a directory with -o, or remove the file"))
    target.mkdir(parents=True, exist_ok=True)
    return target


def resolve_audiences(ws: Workspace, wanted: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(wanted)) or audience_names(ws)
    if not chosen:
        raise BriefgenError(Problem("templates/", "no audiences defined", hint="add templates/<name>.yaml"))
    return chosen


def build_audience(checked: Checked, audience: str, profile: Profile, formats: Iterable[str], out: Path,
                   changes: list[dict[str, str]] | None = None) -> list[Written]:
    theme = theme_for(checked.ws, profile)
    composed: Composed = compose_fitted(checked, audience, profile, theme, changes)
    written: list[Written] = []
    pdf_pages = composed.pages
    for fmt in sorted(f for f in formats if f in profile.formats):
        result = writer_for(fmt)(composed.document, out / f"{audience}.{fmt}", theme)
        if fmt == "pdf":
            pdf_pages = result.pages
        written.append(Written(audience, fmt, result, composed.dropped))
    # The DOCX has no page count of its own until a word processor lays it out: report the PDF's metrics.
    return [Written(w.audience, w.fmt, WriteResult(w.result.path, w.result.pages or pdf_pages or 0,
                                                   w.result.notes), w.dropped) for w in written]


def build(ws: Workspace, audiences: Iterable[str] = (), formats: Iterable[str] = FORMATS,
          out: Path | None = None, strict: bool = False) -> list[Written]:
    checked = run_check(ws)
    require_verified(checked, strict)
    names = resolve_audiences(ws, audiences)
    profiles = {name: load_profile(ws, name) for name in names}  # every profile valid before any write
    target = output_dir(ws, out)
    written: list[Written] = []
    for name in names:
        written.extend(build_audience(checked, name, profiles[name], formats, target))
    return written
