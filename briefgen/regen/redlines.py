"""`output/<audience>.redline.docx`: the new DOCX brief with tracked changes against the last issued one."""

from __future__ import annotations

from pathlib import Path

from briefgen.document.nodes import Meta
from briefgen.errors import Problem, warn

REDLINE = "redline.docx"  # its key among an audience's recorded outputs


def stage_redline(issued: Path, docx: Path, out: Path, meta: Meta) -> bool:
    """Write to `out` the redline of `docx` (a staged brief) against the `issued` DOCX: False, with a warning,
    when the issued DOCX is not in a shape the redline reads. Its digest matched the record, so it is the file
    as issued (an older briefgen's, say): the brief is built all the same, without a redline."""
    from briefgen.writers.docx.redline import UnreadableDocx, write_redline

    try:
        write_redline(issued, docx, out, meta.author or "briefgen", meta.date)
    except UnreadableDocx as exc:
        where = issued.relative_to(issued.parents[3]).as_posix()  # output/issued/<audience>-vN/<audience>.docx
        warn(Problem(where, f"the redline cannot read this issued DOCX ({exc}), so no redline is made against it",
                     hint="the brief is built all the same; issue it, and later briefs are redlined against it"))
        return False
    return True
