"""A redline: the new brief's DOCX with Word tracked changes (w:ins / w:del) against an earlier DOCX.

Both files are briefs this package wrote, so they share one structure: body paragraphs and tables, footnote
references, NOTEREF fields, bookmarks and hyperlinks. The body is aligned block by block (paragraphs and
tables, tables row by row and cell by cell), and aligned paragraphs word by word; a footnote reference is the
same only when its note reads the same, so a changed note is tracked whole: its old reference and note deleted,
the new ones inserted (wordtokens.mark_notes says why). Accepting every change gives the new brief's text,
rejecting every change the earlier one's, in Word and in LibreOffice; headers and footers are aligned too
(redline_furniture.py). What is not tracked: formatting; a chart picture that changed is shown deleted (copied
from the issued package, heldmedia.py) and the new one inserted.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

from briefgen.atomic import atomic_write
from briefgen.writers.docx.diffxml import Aligner
from briefgen.writers.docx.heldmedia import RELS, TYPES, carry
from briefgen.writers.docx.redline_furniture import track_furniture
from briefgen.writers.docx.withdraw import Withdrawn, withdraw
from briefgen.writers.docx.wordemit import Marks
from briefgen.writers.docx.wordtokens import footnote_map, mark_notes, q, unmark_notes, unread
from briefgen.zips import zip_damage

DOCUMENT, FOOTNOTES = "word/document.xml", "word/footnotes.xml"


def write_redline(issued: Path, new: Path, path: Path, author: str, date: str,
                  withdrawn: Withdrawn | None = None) -> None:
    """Write `path`: the DOCX `new` with its differences from `issued` as tracked changes by `author` on
    `date` (ISO date). Each paragraph of `issued` whose text `withdrawn` says the audience may no longer see
    is compared as the words WITHDRAWN instead (withdraw.py)."""
    old_parts, new_parts = _parts(issued), _parts(new)
    if withdrawn is not None:
        for name in (DOCUMENT, FOOTNOTES):
            withdraw(old_parts[name], withdrawn)
    for name, root in [(n, parts[n]) for parts in (old_parts, new_parts) for n in (DOCUMENT, FOOTNOTES)]:
        if (element := unread(root)) is not None:  # rebuilt from its tokens, a paragraph would lose it
            raise UnreadableDocx(f"{name} holds a w:{element} inside a paragraph, which the redline does not read")
    old_notes, new_notes = footnote_map(old_parts[FOOTNOTES]), footnote_map(new_parts[FOOTNOTES])
    aligner = Aligner(Marks(author, f"{date}T00:00:00Z"))
    old_body, new_body = _body(old_parts[DOCUMENT]), _body(new_parts[DOCUMENT])
    mark_notes(old_body, old_notes)
    mark_notes(new_body, new_notes)
    aligner.blocks(old_body, new_body)
    unmark_notes(new_body)
    _notes(aligner, old_notes, new_notes, new_parts[FOOTNOTES])
    _in_reference_order(new_parts[DOCUMENT], new_parts[FOOTNOTES])
    added = carry(aligner.found.deleted_pictures, issued, new_parts[RELS], new_parts[TYPES])
    _write(new, path, {**new_parts, **_furniture(issued, new, aligner.marks, withdrawn)}, added)


class UnreadableDocx(Exception):
    """A DOCX that is not a brief this package wrote (damaged, or edited into another shape)."""


def _furniture(issued: Path, new: Path, marks: Marks, withdrawn: Withdrawn | None) -> dict[str, etree._Element]:
    try:
        return track_furniture(issued, new, marks, withdrawn)
    except zip_damage(KeyError, etree.XMLSyntaxError) as exc:
        raise UnreadableDocx(str(exc) or type(exc).__name__) from None


def _parts(path: Path) -> dict[str, etree._Element]:
    """The parts a redline reads; a brief without notes (an older briefgen wrote no notes part then) has none."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            found = {name: etree.fromstring(archive.read(name)) for name in (DOCUMENT, FOOTNOTES, RELS, TYPES)
                     if name != FOOTNOTES or name in names}
    except zip_damage(KeyError, etree.XMLSyntaxError) as exc:
        raise UnreadableDocx(str(exc) or type(exc).__name__) from None
    found.setdefault(FOOTNOTES, etree.Element(q("footnotes")))
    return found


def _body(root: etree._Element) -> etree._Element:
    body = root.find(q("body"))
    if body is None:
        raise UnreadableDocx("its document part has no body")
    return body


def _notes(aligner: Aligner, old: dict[str, etree._Element], new: dict[str, etree._Element],
           part: etree._Element) -> None:
    """Mark the new notes inserted; bring the dropped ones back deleted (a note kept reads the same)."""
    for new_id in aligner.found.inserted_notes:
        if new_id in new:
            aligner.whole(new[new_id], "ins")
    numbers = [int(n) for n in new] + [0]
    for old_id, placeholder in aligner.found.deleted_notes:
        if old_id not in old:
            continue
        note = copy.deepcopy(old[old_id])
        numbers.append(max(numbers) + 1)
        note.set(q("id"), str(numbers[-1]))
        placeholder.set(q("id"), str(numbers[-1]))
        aligner.whole(note, "del")
        part.append(note)


def _in_reference_order(document: etree._Element, part: etree._Element) -> None:
    """Number the notes 1, 2, 3… in the order the body refers to them, and store them in that order.

    LibreOffice gives the k-th reference of the body the k-th note of the part, whatever their ids: with the
    notes of deleted text appended after the new ones, every note after the first deletion was shown under
    another reference (and its tracked changes lost)."""
    notes = footnote_map(part)
    placed: list[etree._Element] = []
    for ref in document.iter(q("footnoteReference")):
        note = notes.pop(str(ref.get(q("id"))), None)
        if note is None:
            continue
        ref.set(q("id"), str(len(placed) + 1))
        note.set(q("id"), str(len(placed) + 1))
        placed.append(note)
    orphans = list(notes.values())  # referred to from nowhere: kept, after the others
    for number, note in enumerate(orphans, len(placed) + 1):
        note.set(q("id"), str(number))
    for note in [*placed, *orphans]:
        part.remove(note)
        part.append(note)


def _write(template: Path, path: Path, replaced: dict[str, etree._Element], added: dict[str, bytes]) -> None:
    """Copy the new DOCX with its parts `replaced`, entry order and times kept, and the entries `added`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in replaced:
                data = etree.tostring(replaced[info.filename], xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            target.writestr(info, data)
        for name, data in added.items():
            target.writestr(zipfile.ZipInfo(name, source.infolist()[0].date_time), data)
    atomic_write(path, buffer.getvalue())
