"""`output/<audience>.redline.docx`: the new DOCX brief with tracked changes against the last issued one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.document.nodes import Meta
from briefgen.errors import Problem, warn

if TYPE_CHECKING:
    from briefgen.render.needles import Needle

REDLINE = "redline.docx"  # its key among an audience's recorded outputs


def stage_redline(issued: Path, docx: Path, out: Path, meta: Meta, needles: Sequence[Needle] = ()) -> bool:
    """Write to `out` the redline of `docx` (a staged brief) against the `issued` DOCX: False, with a warning,
    when the issued DOCX is not in a shape the redline reads. Its digest matched the record, so it is the file
    as issued (an older briefgen's, say): the brief is built all the same, without a redline.

    `needles`: what the audience may no longer see. Where the issued version holds some (marked above the
    ceiling since it was issued), the redline compares with it those paragraphs withdrawn (they read
    "[Withdrawn: …]", deleted), and is made only if none of it is left in the redline."""
    from briefgen.regen.spillage import found_in
    from briefgen.render.needles import spills
    from briefgen.writers.docx.redline import UnreadableDocx, write_redline

    where = issued.relative_to(issued.parents[3]).as_posix()  # output/issued/<audience>-vN/<audience>.docx
    withdrawn = (lambda text: spills(needles, text)) if needles and found_in(issued, needles) else None
    try:
        write_redline(issued, docx, out, meta.author or "briefgen", meta.date, withdrawn)
    except UnreadableDocx as exc:
        warn(Problem(where, f"the redline cannot read this issued DOCX ({exc}), so no redline is made against it",
                     hint="the brief is built all the same; issue it, and later briefs are redlined against it"))
        return False
    left = found_in(out, needles) if withdrawn else []
    if left:
        what = "; ".join(what for what, _where in left[:3]) + ("; ..." if len(left) > 3 else "")
        warn(Problem(where, f"no redline for the {meta.file_stem} brief: the issued version it would compare with "
                     f"holds material now withheld from this audience ({what}), which withdrawing its paragraphs "
                     "did not take out", hint="the brief is built without one, and the old redline retired; issue "
                     "a new version to compare later builds with"))
        out.unlink()
    return not left
