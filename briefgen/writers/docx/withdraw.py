"""What an audience may no longer see, taken out of the issued brief a redline compares with.

An item or source marked above an audience's ceiling after a version was issued to it is still in that
version's DOCX: compared as it stands, the redline's deletions would print it again, to readers who may no
longer see it. Each paragraph of the issued brief (body, table cells, notes, headers and footers) whose text
or picture description holds such material is compared as the words WITHDRAWN instead, so the redline says
that something was withdrawn, and where, without saying what.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from briefgen.writers.docx.ooxml import XML_SPACE
from briefgen.writers.docx.wordtokens import P, R, T, q

WITHDRAWN = "[Withdrawn: no longer released to the readers of this brief.]"
Withdrawn = Callable[[str], bool]  # does this text hold what the audience may no longer see?
_KEPT = (q("pPr"),)


def withdraw(root: etree._Element, withdrawn: Withdrawn) -> None:
    """Replace the content of every paragraph of `root` that `withdrawn` finds in (and of every paragraph of a
    table row it finds in across its cells) by the words WITHDRAWN."""
    rows = [row for row in root.iter(q("tr")) if withdrawn(_text(row))]
    for p in [p for row in rows for p in row.iter(P)] + [p for p in root.iter(P) if withdrawn(_text(p))]:
        for child in [c for c in p if c.tag not in _KEPT]:
            p.remove(child)
        if not len(p) or p[-1].tag != R:
            run = etree.SubElement(p, R)
            etree.SubElement(run, T, {XML_SPACE: "preserve"}).text = WITHDRAWN


def _text(element: etree._Element) -> str:
    """The element's words read both ways a reader may (its runs joined, as a paragraph shows them, and each
    apart, so that a note's number or a field's result does not join the word before it), and the
    descriptions of its pictures."""
    pieces = [t.text or "" for t in element.iter(T, q("delText"))]
    described = [str(e.get("descr")) for e in element.iter() if e.get("descr") is not None]
    return "\n".join(["".join(pieces), *pieces, *described])
