"""What the checker reports: one failed condition at one place, named by its Matterhorn Protocol 1.1 failure
condition ("13-004"), or, where Matterhorn names none, by the clause of ISO 14289-1 or ISO 32000-1 that it breaks."""

from __future__ import annotations

from dataclasses import dataclass

# Requirements Matterhorn 1.1 has no failure condition of its own for
MARKED = "ISO 14289-1 7.1 MarkInfo"  # the catalog's /MarkInfo /Marked true (Tagged PDF, ISO 32000-1 14.8.1)
NO_TREE = "ISO 14289-1 7.1 StructTreeRoot"  # no structure tree at all
NESTING = "ISO 32000-1 14.6"  # BMC/BDC ... EMC do not pair up within a content stream
TREE = "ISO 32000-1 14.7.4.4"  # marked content, structure elements and the ParentTree disagree
NO_HEADERS = "15-005"  # a table without a TH cell: no cell's header can be determined

DESCRIPTIONS = {
    "01-003": "content marked as Artifact is present inside tagged content",
    "01-004": "tagged content is present inside content marked as Artifact",
    "01-005": "content is neither marked as Artifact nor tagged as real content",
    "01-007": "Suspects entry has a value of true",
    "02-001": "a non-standard structure type's mapping does not end in a standard type",
    "02-003": "a circular role mapping exists",
    "02-004": "a standard structure type is remapped",
    "06-001": "the document has no XMP metadata stream",
    "06-002": "the XMP metadata does not carry the PDF/UA identifier (pdfuaid:part 1)",
    "06-003": "the XMP metadata has no dc:title",
    "07-001": "ViewerPreferences has no DisplayDocTitle entry",
    "07-002": "ViewerPreferences has DisplayDocTitle false",
    "09-004": "a table element is used against ISO 32000-1 Table 337",
    "09-005": "a list element is used against ISO 32000-1 Table 336",
    "10-001": "a character code cannot be mapped to Unicode",
    "11-001": "the natural language of the text cannot be determined",
    "13-004": "a Figure has no alternative or replacement text",
    "14-002": "numbered headings are used but the first is not H1",
    "14-003": "numbered heading levels are skipped going down",
    "14-006": "a node contains more than one H",
    "14-007": "the document uses both H and H1-H6",
    "15-003": "a TH has no Scope in a table not organised with Headers and IDs",
    "15-005": "a cell's header cannot be determined",
    "17-002": "a Formula has no Alt",
    "19-003": "a Note has no ID",
    "19-004": "a Note's ID is not unique",
    "28-002": "an annotation (not Widget, Link or PrinterMark) is not in an Annot element",
    "28-004": "an annotation has neither Contents nor an Alt on its element",
    "28-007": "a TrapNet annotation exists",
    "28-008": "a page with annotations has no Tabs entry",
    "28-009": "a page with annotations has Tabs other than /S",
    "28-010": "a widget annotation is not in a Form element",
    "28-011": "a link annotation is not in a Link element",
    "28-012": "a link annotation has no Contents",
    "30-001": "a reference XObject is present",
    "30-002": "a form XObject with MCIDs is used more than once",
    "31-009": "a font used for rendering is not embedded",
    "31-027": "a font has no ToUnicode map and is not one whose names map to Unicode",
    "31-028": "a ToUnicode value is zero",
    "31-029": "a ToUnicode value is U+FEFF or U+FFFE",
    MARKED: "the catalog has no /MarkInfo with /Marked true",
    NO_TREE: "the catalog has no structure tree",
    NESTING: "marked-content operators are not nested properly",
    TREE: "marked content, structure tree and ParentTree disagree",
}


@dataclass(frozen=True, order=True)
class Finding:
    checkpoint: str  # a key of DESCRIPTIONS
    where: str  # "catalog", "page 2", "H4 element (object 31 0)", ...
    detail: str = ""

    def __post_init__(self) -> None:
        assert self.checkpoint in DESCRIPTIONS, f"unknown checkpoint {self.checkpoint}"

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.checkpoint} {self.where}: {DESCRIPTIONS[self.checkpoint]}{detail}"


def ref(obj: object) -> str:
    """'object 12 0' for an indirect object, 'a direct object' otherwise."""
    objgen = getattr(obj, "objgen", (0, 0))
    return f"object {objgen[0]} {objgen[1]}" if objgen != (0, 0) else "a direct object"
