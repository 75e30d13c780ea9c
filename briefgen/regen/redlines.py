"""`output/<audience>.redline.docx`: the new DOCX brief with tracked changes against the last issued one."""

from __future__ import annotations

from pathlib import Path

from briefgen.document.nodes import Meta
from briefgen.errors import BriefgenError, Problem
from briefgen.regen.history import discard_if_same, preserve
from briefgen.regen.inputs import file_digest

REDLINE = "redline.docx"  # its key among an audience's recorded outputs


def redline_path(docx: Path) -> Path:
    return docx.with_name(f"{docx.stem}.{REDLINE}")


def refresh_redline(issued: Path | None, docx: Path, history: Path, meta: Meta) -> dict[str, str]:
    """Write the redline of `docx` against the `issued` DOCX (or, with none to compare with, retire an old
    redline into history); the recorded outputs to add."""
    path = redline_path(docx)
    kept = preserve(path, history)
    if issued is None:
        path.unlink(missing_ok=True)
        return {}
    from briefgen.writers.docx.redline import UnreadableDocx, write_redline

    try:
        write_redline(issued, docx, path, meta.author or "briefgen", meta.date)
    except UnreadableDocx as exc:
        raise BriefgenError(Problem(str(issued), f"cannot compare with this issued DOCX: {exc}",
                                    hint="restore it from a backup (its digest is in issued/issued.json)")) from None
    digest = file_digest(path)
    discard_if_same(kept, digest)
    return {REDLINE: digest}
