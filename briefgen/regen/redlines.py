"""`output/<audience>.redline.docx`: the new DOCX brief with tracked changes against the last issued one."""

from __future__ import annotations

from pathlib import Path

from briefgen.document.nodes import Meta
from briefgen.errors import BriefgenError, Problem

REDLINE = "redline.docx"  # its key among an audience's recorded outputs


def stage_redline(issued: Path, docx: Path, out: Path, meta: Meta) -> None:
    """Write to `out` the redline of `docx` (a staged brief) against the `issued` DOCX."""
    from briefgen.writers.docx.redline import UnreadableDocx, write_redline

    try:
        write_redline(issued, docx, out, meta.author or "briefgen", meta.date)
    except UnreadableDocx as exc:
        raise BriefgenError(Problem(str(issued), f"cannot compare with this issued DOCX: {exc}",
                                    hint="restore it from a backup (its digest is in issued/issued.json)")) from None
