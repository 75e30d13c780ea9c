"""The document as a whole: the catalog (MarkInfo, Lang, ViewerPreferences), the XMP metadata, and each page's
annotations with their place in the structure tree."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from tests.uacheck.elements import LANGUAGE
from tests.uacheck.findings import MARKED, Finding, ref
from tests.uacheck.structure import Tree

EXEMPT = {"/Popup", "/PrinterMark"}  # not in the tree: a popup belongs to its parent; 28-017 keeps marks out
HIDDEN = 2  # annotation flag bit 2


def catalog_findings(pdf: pikepdf.Pdf) -> Iterator[Finding]:
    root = pdf.Root
    marks = root.get("/MarkInfo", pikepdf.Dictionary())
    if marks.get("/Marked") is not True:
        yield Finding(MARKED, "catalog")
    if marks.get("/Suspects") is True:
        yield Finding("01-007", "catalog MarkInfo")
    lang = root.get("/Lang")
    if not isinstance(lang, pikepdf.String) or not LANGUAGE.match(str(lang)):
        yield Finding("11-001", "catalog", "no /Lang" if lang is None else f"/Lang {str(lang)!r}")
    shown = root.get("/ViewerPreferences", pikepdf.Dictionary()).get("/DisplayDocTitle")
    if shown is None:
        yield Finding("07-001", "catalog")
    elif shown is not True:
        yield Finding("07-002", "catalog")
    yield from _metadata(pdf)


def _metadata(pdf: pikepdf.Pdf) -> Iterator[Finding]:
    if not isinstance(pdf.Root.get("/Metadata"), pikepdf.Stream):
        yield Finding("06-001", "catalog")
        yield Finding("06-002", "catalog", "no metadata")
        yield Finding("06-003", "catalog", "no metadata")
        return
    meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    if str(meta.get("pdfuaid:part", "")).strip() != "1":
        yield Finding("06-002", "XMP metadata", f"pdfuaid:part is {meta.get('pdfuaid:part')!r}")
    if not str(meta.get("dc:title", "") or "").strip():
        yield Finding("06-003", "XMP metadata")


def annotation_findings(pdf: pikepdf.Pdf, tree: Tree) -> Iterator[Finding]:
    for number, page in enumerate(pdf.pages, start=1):
        annots = [a for a in page.obj.get("/Annots", []) if isinstance(a, pikepdf.Dictionary)]
        if annots and "/Tabs" not in page.obj:
            yield Finding("28-008", f"page {number}")
        elif annots and page.obj.Tabs != "/S":
            yield Finding("28-009", f"page {number}", f"/Tabs {page.obj.Tabs}")
        for annot in annots:
            yield from _annotation(annot, f"page {number}, {str(annot.get('/Subtype'))[1:]} annotation "
                                          f"({ref(annot)})", tree)


def _annotation(annot: pikepdf.Dictionary, where: str, tree: Tree) -> Iterator[Finding]:
    kind = annot.get("/Subtype")
    if kind in EXEMPT or int(annot.get("/F", 0)) & HIDDEN:
        return
    if kind == "/TrapNet":
        yield Finding("28-007", where)
        return
    wanted, checkpoint = {"/Link": ("Link", "28-011"), "/Widget": ("Form", "28-010")}.get(kind, ("Annot", "28-002"))
    element = _element_of(annot, tree)
    if element is None or element.role != wanted:
        found = "no /StructParent" if "/StructParent" not in annot else \
            "its ParentTree entry does not own it through an OBJR" if element is None else f"in {element.name}"
        yield Finding(checkpoint, where, found)
    described = str(annot.get("/Contents", "")).strip() or (element is not None and "/Alt" in element.obj)
    if kind == "/Link" and not str(annot.get("/Contents", "")).strip():
        yield Finding("28-012", where)
    elif kind != "/Widget" and not described:
        yield Finding("28-004", where)


def _element_of(annot: pikepdf.Dictionary, tree: Tree) -> object:
    """The structure element the annotation's /StructParent names, if that element owns it by an OBJR."""
    key = annot.get("/StructParent")
    entry = tree.parents.get(int(key)) if key is not None else None
    owners = tree.objects.get(annot.objgen, [])
    return next((e for e in owners if isinstance(entry, pikepdf.Dictionary) and e.obj.objgen == entry.objgen), None)
