"""Headers and footers in a redline: each of the new brief's is aligned with the issued brief's of the same
kind and type (default, first page), so their changes are tracked too. The analyst brief prints its version
in the footer ("Version 2 of …"): Reject All left the new version's footer on the issued brief's pages, and a
letterhead changed since read as the new one either way.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from briefgen.writers.docx.diffxml import Aligner
from briefgen.writers.docx.heldmedia import RELS
from briefgen.writers.docx.withdraw import Withdrawn, withdraw
from briefgen.writers.docx.wordemit import Marks
from briefgen.writers.docx.wordtokens import q, unread

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_KINDS = ("headerReference", "footerReference")


def track_furniture(issued: Path, new: Path, marks: Marks, withdrawn: Withdrawn | None = None,
                    ) -> dict[str, etree._Element]:
    """The new brief's header and footer parts with their changes from the issued brief's tracked, by part
    name. A picture the issued letterhead had and the new one has not is left out (its part is the issued
    package's); a part holding what a paragraph's tokens do not read (a letterhead's content control, say)
    is left as the new brief has it. `withdrawn`: as write_redline takes it, for the issued brief's parts."""
    with zipfile.ZipFile(issued) as old_package, zipfile.ZipFile(new) as new_package:
        old_parts, new_parts = _parts(old_package), _parts(new_package)
        aligner = Aligner(marks)
        tracked = {}
        for key, name in new_parts.items():
            if key in old_parts:
                old_root, new_root = etree.fromstring(old_package.read(old_parts[key])), etree.fromstring(
                    new_package.read(name))
                if withdrawn is not None:
                    withdraw(old_root, withdrawn)
                if unread(old_root) is None and unread(new_root) is None:  # else the new one, untracked
                    aligner.blocks(old_root, new_root)
                    tracked[name] = new_root
    for drawing in aligner.found.deleted_pictures:
        run = drawing.getparent()
        if run is not None:
            run.remove(drawing)
    return tracked


def _parts(package: zipfile.ZipFile) -> dict[tuple[str, str], str]:
    """The header and footer parts the document's first section names, by (kind, type)."""
    document = etree.fromstring(package.read("word/document.xml"))
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(package.read(RELS))}
    found: dict[tuple[str, str], str] = {}
    for section in document.iter(q("sectPr")):
        for ref in section:
            kind, target = etree.QName(ref).localname, rels.get(ref.get(_R_ID))
            if kind in _KINDS and target and (key := (kind, str(ref.get(q("type"), "default")))) not in found:
                found[key] = posixpath.normpath(posixpath.join("word", target))
    return found
