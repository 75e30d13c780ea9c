"""The serialised PDF made a tagged one: structure tree, parent tree, catalog entries, XMP, output intent.

reportlab writes the pages with their marked content (tags.py); pikepdf then adds what reportlab cannot write:
the StructTreeRoot built from the kept pass's `Tagger`, /StructParents and /Tabs /S on the pages,
/StructParent and the print flag on the link annotations, /MarkInfo, /Lang, /ViewerPreferences, the XMP
metadata (xmp.py) and, for PDF/A, the sRGB output intent. The file is saved with a document ID derived from
its content, so identical input gives identical bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from briefgen.document.nodes import Meta, PdfStandard, safe_text
from briefgen.writers.pdf import xmp
from briefgen.writers.pdf.tags import Annot, Element, Mark, Tagger

_PRINT = 4  # annotation flag: printed (PDF/A forbids annotations that are not)


@dataclass(frozen=True)
class Finish:
    """Adds the structure and the standards' entries to one serialised pass."""

    meta: Meta
    standard: PdfStandard

    def __call__(self, data: bytes, tagger: Tagger) -> bytes:
        tagger.place_notes()
        with pikepdf.open(BytesIO(data)) as pdf:
            _Tree(pdf, tagger).write()
            root = pdf.Root
            root.MarkInfo = Dictionary(Marked=True)
            root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
            root.Lang = String(safe_text(self.meta.language) or "en")
            archive = self.standard.endswith("a-2b")
            root.Metadata = pdf.make_stream(xmp.packet(pdf.docinfo, self.meta.language, archive).encode(),
                                            Type=Name.Metadata, Subtype=Name.XML)
            if archive:
                root.OutputIntents = Array([_output_intent(pdf)])
            out = BytesIO()
            pdf.save(out, deterministic_id=True, fix_metadata_version=False, min_version="1.7",
                     object_stream_mode=pikepdf.ObjectStreamMode.generate)
            return out.getvalue()


def _output_intent(pdf: pikepdf.Pdf) -> Dictionary:
    profile = pdf.make_stream(xmp.srgb_profile(), N=3)
    return Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=String("sRGB"),
                      RegistryName=String("http://www.color.org"), Info=String("sRGB IEC61966-2.1"),
                      DestOutputProfile=profile)


class _Tree:
    """The StructTreeRoot of one pass's record: elements, marks, object references, the parent tree."""

    def __init__(self, pdf: pikepdf.Pdf, tagger: Tagger) -> None:
        self.pdf, self.tagger = pdf, tagger
        self.pages = [page.obj for page in pdf.pages]
        self.made: dict[int, pikepdf.Object] = {}  # id(element) -> its StructElem
        self.ids: list[tuple[str, pikepdf.Object]] = []

    def write(self) -> None:
        root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self.element(self.tagger.root, root)
        root.K = document
        nums: list[object] = []
        for index, page in enumerate(self.pages):
            page.StructParents = index
            page.Tabs = Name.S
            nums.extend([index, Array([self.made[id(e)] for e in self.tagger.marks.get(index, [])])])
        for key, (annot, link) in enumerate(self.tagger.annots, start=len(self.pages)):
            obj = self.pages[annot.page].Annots[annot.index]
            obj.StructParent = key
            obj.F = _PRINT
            nums.extend([key, self.made[id(link)]])
        root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=Array(nums)))
        root.ParentTreeNextKey = len(self.pages) + len(self.tagger.annots)
        if self.ids:
            root.IDTree = Dictionary(Names=Array([x for name, obj in sorted(self.ids) for x in (String(name), obj)]))
        self.pdf.Root.StructTreeRoot = root

    def element(self, element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        made = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.role), P=parent))
        self.made[id(element)] = made
        home = next((k.page for k in element.kids if isinstance(k, Mark | Annot)), None)
        if home is not None:
            made.Pg = self.pages[home]
        made.K = Array([self.kid(kid, made, home) for kid in element.kids])
        self.describe(element, made)
        return made

    def kid(self, kid: Element | Mark | Annot, parent: pikepdf.Object, home: int | None) -> pikepdf.Object | int:
        if isinstance(kid, Element):
            return self.element(kid, parent)
        page = self.pages[kid.page]
        if isinstance(kid, Annot):
            return Dictionary(Type=Name.OBJR, Obj=page.Annots[kid.index], Pg=page)
        return kid.mcid if kid.page == home else Dictionary(Type=Name.MCR, Pg=page, MCID=kid.mcid)

    def describe(self, element: Element, made: pikepdf.Object) -> None:
        if element.alt is not None:
            made.Alt = String(element.alt)
        if element.lang:
            made.Lang = String(element.lang)
        attrs = Dictionary({f"/{k}": Name("/" + v) for k, v in element.attrs})
        if element.bbox is not None:
            attrs = Dictionary(O=Name.Layout, BBox=Array(list(element.bbox)))
        if len(attrs):
            made.A = attrs
        if element.ident is not None:
            made.ID = String(element.ident)
            self.ids.append((element.ident, made))
