"""Word footnotes, layered over python-docx's XML (python-docx itself has no footnote API).

This module owns the raw footnote XML: the `word/footnotes.xml` part with Word's two separator notes
(ids -1 and 0), its relationship from the document part (the content type override follows from the
part), the `footnote text` / `footnote reference` styles, the `w:footnotePr` declaration in settings,
and the reference runs in the body. The writer calls only `Footnotes.add` and `Footnotes.cite_again`.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart
from docx.text.paragraph import Paragraph

from briefgen.errors import ThemeError
from briefgen.writers.docx.ooxml import Bookmarks, el, field_runs, sub, text_run

TEXT_STYLE = "FootnoteText"
REFERENCE_STYLE = "FootnoteReference"

_SEPARATOR = (
    '<w:footnote w:type="{kind}" w:id="{id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
)
_SKELETON = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    + _SEPARATOR.format(kind="separator", id="-1")
    + _SEPARATOR.format(kind="continuationSeparator", id="0")
    + "</w:footnotes>"
)
# The settings children that must follow w:footnotePr (schema order).
_AFTER_FOOTNOTE_PR = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                      "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                      "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
                      "w:smartTagType", "w:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                      "w:decimalSymbol", "w:listSeparator")


class FootnotesPart(StoryPart):
    """The `/word/footnotes.xml` part; a story part, so runs in it can hold hyperlinks and styles."""

    @classmethod
    def new(cls, document: DocxDocument) -> FootnotesPart:
        package = document.part.package
        partname = PackURI("/word/footnotes.xml")
        return cls(partname, CT.WML_FOOTNOTES, parse_xml(_SKELETON), package)


class Footnotes:
    """The footnotes of one document, numbered 1, 2, ... in the order they are added."""

    def __init__(self, document: DocxDocument, bookmarks: Bookmarks) -> None:
        if any(rel.reltype == RT.FOOTNOTES for rel in document.part.rels.values()):
            raise ThemeError("reference_docx", "the reference DOCX already has a footnotes part")
        self._part = FootnotesPart.new(document)
        document.part.relate_to(self._part, RT.FOOTNOTES)
        _ensure_styles(document)
        _declare_in_settings(document)
        self._bookmarks = bookmarks
        self._marks: dict[int, str] = {}

    @property
    def element(self) -> BaseOxmlElement:
        """The footnotes part's root element."""
        root: BaseOxmlElement = self._part.element
        return root

    @property
    def count(self) -> int:
        """How many footnotes were created (separators excluded)."""
        return len(self._marks)

    def add(self, paragraph: Paragraph) -> tuple[int, Paragraph]:
        """Append a new footnote's reference mark to `paragraph`.

        Returns the note id and the note's (empty but for its number) paragraph for the caller to fill.
        The reference is bookmarked so later citations of the same note can show its number.
        """
        note_id = self.count + 1
        run = el("w:r")
        sub(sub(run, "w:rPr"), "w:rStyle", val=REFERENCE_STYLE)
        sub(run, "w:footnoteReference", id=str(note_id))
        paragraph._p.append(run)
        self._marks[note_id] = self._bookmarks.wrap(run, run, f"_RefNote{note_id}")
        return note_id, self._new_note(note_id)

    def cite_again(self, paragraph: Paragraph, note_id: int) -> None:
        """Cite an existing note again: a NOTEREF field that shows the note's number (no new note)."""
        mark = self._marks[note_id]
        for run in field_runs(f"NOTEREF {mark} \\f \\h", str(note_id), REFERENCE_STYLE):
            paragraph._p.append(run)

    def _new_note(self, note_id: int) -> Paragraph:
        note = sub(self._part.element, "w:footnote", id=str(note_id))
        p = sub(note, "w:p")
        sub(sub(p, "w:pPr"), "w:pStyle", val=TEXT_STYLE)
        mark = sub(p, "w:r")
        sub(sub(mark, "w:rPr"), "w:rStyle", val=REFERENCE_STYLE)
        sub(mark, "w:footnoteRef")
        p.append(text_run(" "))
        return Paragraph(p, self._part)


def _ensure_styles(document: DocxDocument) -> None:
    """Add minimal footnote styles unless the styles part already defines them (styles.py does)."""
    styles = document.styles.element
    existing = {s.get(qn("w:styleId")) for s in styles.iterchildren(qn("w:style"))}
    if TEXT_STYLE not in existing:
        styles.append(_style("paragraph", TEXT_STYLE, "footnote text", "<w:rPr><w:sz w:val='16'/></w:rPr>"))
    if REFERENCE_STYLE not in existing:
        styles.append(_style("character", REFERENCE_STYLE, "footnote reference",
                             "<w:rPr><w:vertAlign w:val='superscript'/></w:rPr>"))


def _style(kind: str, style_id: str, name: str, properties: str) -> BaseOxmlElement:
    based = "Normal" if kind == "paragraph" else "DefaultParagraphFont"
    return parse_xml(
        f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="{based}"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>{properties}</w:style>'
    )


def _declare_in_settings(document: DocxDocument) -> None:
    """Name the separator notes in settings.xml, as Word itself does."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    declaration = el("w:footnotePr")
    for ident in ("-1", "0"):
        sub(declaration, "w:footnote", id=ident)
    settings.insert_element_before(declaration, *_AFTER_FOOTNOTE_PR)
