"""The text LibreOffice makes of a DOCX with tracked changes, accepted or rejected.

LibreOffice converts the DOCX to flat ODT, where each change is a region (insertion or deletion) whose text
sits in the body between `text:change-start` and `text:change-end`. Accepting keeps the insertions and drops
the deletions; rejecting does the opposite. Footnote numbers are left out (LibreOffice numbers a deleted note
too), as are headers and footers; what remains is compared as a sequence of words.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SPACES = {f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"}
_SKIPPED = {f"{{{TEXT}}}tracked-changes", f"{{{TEXT}}}note-citation", f"{{{OFFICE}}}binary-data"}  # a picture's bytes


def lo_words(path: Path, accept: bool | None = None, furniture: bool = False) -> list[str]:
    """The words of the body (or, `furniture`, of the page headers and footers) as LibreOffice reads them."""
    root = etree.parse(str(path)).getroot()
    body = root.find(f"{{{OFFICE}}}master-styles" if furniture else f"{{{OFFICE}}}body")
    assert body is not None
    kinds = {region.get(f"{{{TEXT}}}id"): etree.QName(region[0]).localname
             for region in body.iter(f"{{{TEXT}}}changed-region")}
    hidden = {"deletion": accept is True, "insertion": accept is False}
    pieces: list[str] = []
    _walk(body, set(), kinds, hidden, pieces)
    return "".join(pieces).split()


def _walk(el: etree._Element, open_ids: set[str], kinds: dict[str, str], hidden: dict[str, bool],
          pieces: list[str]) -> None:
    def visible() -> bool:
        return not any(hidden.get(kinds.get(i, ""), False) for i in open_ids)

    for child in el:
        if child.tag == f"{{{TEXT}}}change-start":
            open_ids.add(str(child.get(f"{{{TEXT}}}change-id")))
        elif child.tag == f"{{{TEXT}}}change-end":
            open_ids.discard(str(child.get(f"{{{TEXT}}}change-id")))
        elif child.tag in _SPACES:
            pieces.append(" ")
        elif child.tag not in _SKIPPED and isinstance(child.tag, str):
            if child.text and visible():
                pieces.append(child.text)
            _walk(child, open_ids, kinds, hidden, pieces)
            pieces.append(" " if etree.QName(child).localname in ("p", "h") else "")
        if child.tail and visible():
            pieces.append(child.tail)


def lo_fodts(redline: Path, new: Path, issued: Path, work: Path) -> tuple[Path, Path, Path]:
    """`redline`, `new` and `issued` copied into `work` as redline.docx, new.docx and issued.docx and converted
    to flat ODT there by LibreOffice in one run (tests.helpers.libreoffice_convert): the three .fodt files."""
    import shutil

    from tests.helpers import libreoffice_convert

    for key, path in (("redline", redline), ("new", new), ("issued", issued)):
        shutil.copy(path, work / f"{key}.docx")
    made = libreoffice_convert([work / f"{k}.docx" for k in ("redline", "new", "issued")], work, to="fodt",
                               timeout=300)
    return made[0], made[1], made[2]


def lo_agrees(redline: Path, new: Path, issued: Path, work: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """The words LibreOffice reads from `redline` with every change accepted and rejected, and from `new` and
    `issued` as they are (converted in `work`, lo_fodts), body then headers and footers: accepted must equal
    new, rejected issued."""
    fodt, new_fodt, issued_fodt = lo_fodts(redline, new, issued, work)
    read = [lo_words(path, accept) + lo_words(path, accept, furniture=True)
            for path, accept in ((fodt, True), (new_fodt, None), (fodt, False), (issued_fodt, None))]
    return read[0], read[1], read[2], read[3]
