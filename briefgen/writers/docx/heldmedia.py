"""The pictures of the issued brief that a redline shows deleted (a chart redrawn with new figures).

The redline is the new brief's package: a picture of the issued one refers to a relationship of the issued
package, so it was left out, and Reject All showed no chart (nor its description) where the issued brief had
one. Each such picture is now copied into the redline under a name and relationship of its own.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

RELS, TYPES = "word/_rels/document.xml.rels", "[Content_Types].xml"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_IMAGE, _EMBED = f"{_R}/image", f"{{{_R}}}embed"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_FIRST_ID = 900_000  # drawing ids the new brief's own pictures never reach


def carry(drawings: list[etree._Element], issued: Path, rels: etree._Element, types: etree._Element,
          ) -> dict[str, bytes]:
    """Copy the issued pictures `drawings` (deleted, now in the redline) into the package whose document
    relationships are `rels` and content types `types`: the new entries, by name. A picture that cannot be
    carried (not an image part of the issued package) is left out, as before."""
    added: dict[str, bytes] = {}
    with zipfile.ZipFile(issued) as package:
        held = {rel.get("Id"): rel for rel in etree.fromstring(package.read(RELS))}
        for number, drawing in enumerate(drawings, 1):
            blips = [e for e in drawing.iter() if e.get(_EMBED) is not None]
            found = [_part(package, held.get(str(b.get(_EMBED)))) for b in blips]
            if not blips or None in found:
                run = drawing.getparent()
                if run is not None:
                    run.remove(drawing)
                continue
            for index, (blip, (name, data)) in enumerate(zip(blips, found, strict=True)):  # type: ignore[misc]
                target = f"media/held{number}-{index}{posixpath.splitext(name)[1]}"
                etree.SubElement(rels, f"{{{_PACKAGE}}}Relationship", Id=f"rIdHeld{number}x{index}", Type=_IMAGE,
                                 Target=target)
                blip.set(_EMBED, f"rIdHeld{number}x{index}")
                added[f"word/{target}"] = data
                _declare(types, package, name)
            for doc_pr in drawing.iter(_DOC_PR):
                doc_pr.set("id", str(_FIRST_ID + number))
    return added


def _part(package: zipfile.ZipFile, rel: etree._Element | None) -> tuple[str, bytes] | None:
    """The issued image part a relationship names, and its bytes (None: not an image part of the package)."""
    if rel is None or rel.get("Type") != _IMAGE or rel.get("TargetMode") == "External":
        return None
    name = posixpath.normpath(posixpath.join("word", str(rel.get("Target"))))
    try:
        return name, package.read(name)
    except KeyError:
        return None


def _declare(types: etree._Element, package: zipfile.ZipFile, name: str) -> None:
    """The content type of a carried picture's extension, as the issued package declares it."""
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    if any(d.get("Extension", "").lower() == extension for d in types.iter(f"{{{_TYPES}}}Default")):
        return
    issued = etree.fromstring(package.read(TYPES))
    declared = next((d for d in issued.iter(f"{{{_TYPES}}}Default") if d.get("Extension", "").lower() == extension),
                    None)
    types.insert(0, etree.Element(f"{{{_TYPES}}}Default", Extension=extension,
                                  ContentType=declared.get("ContentType", "") if declared is not None
                                  else f"image/{extension}"))
