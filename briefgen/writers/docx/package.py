"""Turning a python-docx document into deterministic bytes, and writing them atomically.

python-docx stamps zip entries with the wall clock and ships its template's thumbnail, dated core
properties, rsids and app.xml; here the core properties come from Meta, template leftovers are dropped,
rsids are stripped from the template as it is opened, and the zip is rebuilt with fixed times, order and
permissions, so the same document gives the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape  # not xml.sax.saxutils, which imports urllib.request and ssl
from io import BytesIO
from xml.etree.ElementTree import ParseError, fromstring
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart

from briefgen.document.fields import core_properties, property_text
from briefgen.document.nodes import Meta
from briefgen.errors import Unplaced

_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# The template's or reference's thumbnail, custom XML and custom properties (a reference saved from a labelled
# document carries its sensitivity label, MSIP_Label_…, which mail filters trust: not the brief's), its signature
_DROPPED_RELS = {RT.THUMBNAIL, RT.CUSTOM_XML, RT.CUSTOM_PROPERTIES,
                 "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin",
                 "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>briefgen</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
# The years a zip entry's (MS-DOS) date can hold: a brief dated outside them is stamped at the nearer end
_EARLIEST_ZIP_TIME = datetime(1980, 1, 1, tzinfo=UTC)
_LATEST_ZIP_TIME = datetime(2107, 12, 31, tzinfo=UTC)
_EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
# The reference's own extended properties that its letterhead may show (a DOCPROPERTY Company field, a content
# control bound to the company's name, as Word's cover pages and letterheads use): kept, where the rest of
# app.xml (its application, page and word counts, template) is the template's and is not.
_KEPT_PROPERTIES = ("Company", "Manager")


def meta_datetime(meta: Meta) -> datetime:
    """Meta.date (YYYY, YYYY-MM or YYYY-MM-DD) as midnight UTC; never the wall clock."""
    parts = meta.date.split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return datetime(numbers[0], numbers[1], numbers[2], tzinfo=UTC)
    except (ValueError, IndexError) as exc:
        raise Unplaced(f"document date {meta.date!r} is not an ISO date (YYYY-MM-DD)") from exc


def to_bytes(document: DocxDocument, meta: Meta) -> bytes:
    """The finished .docx as bytes: core properties set, template leftovers gone, zip normalised."""
    _core_properties(document, meta)
    _drop_template_parts(document)
    buffer = BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), meta_datetime(meta))


def _core_properties(document: DocxDocument, meta: Meta) -> None:
    props = document.core_properties
    when = meta_datetime(meta).replace(tzinfo=None)
    shown = dict(core_properties(meta))  # what the letterhead's property fields show (document/fields.py)
    props.title, props.subject, props.author = shown["title"], shown["subject"], shown["author"]
    props.keywords = shown["keywords"]
    props.language, props.last_modified_by = property_text(meta.language), shown["author"]
    props.comments = props.category = ""
    props.created = props.modified = props.last_printed = when
    props.revision = 1


def _drop_template_parts(document: DocxDocument) -> None:
    """Remove the template's thumbnail, customXml, custom properties, signature and stylesWithEffects; rewrite
    app.xml."""
    package = document.part.package
    for owner in (package, document.part):
        for rid, rel in sorted(owner.rels.items()):
            if rel.reltype in _DROPPED_RELS:
                del owner.rels[rid]
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _app_xml(part.blob)


def _app_xml(reference: bytes) -> bytes:
    """briefgen's app.xml, with the company and manager the reference's names."""
    try:
        root = fromstring(reference)
    except ParseError:
        return _APP_XML
    kept = [(name, property_text(root.findtext(f"{_EXTENDED}{name}") or "")) for name in _KEPT_PROPERTIES]
    said = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in kept if value)
    return _APP_XML.replace(b"</Properties>", said.encode("utf-8") + b"</Properties>")


_VARIABLE_ELEMENTS = (f"{{{_W}}}rsids", f"{{{_W}}}rsid", f"{{{_W14}}}docId")


def strip_variable_ids(document: DocxDocument) -> None:
    """Drop revision-session ids (rsids: the settings' table, a style's own, any element's) and Word's random
    document id from every XML part: done to the template as it is opened (reference.py), since nothing
    briefgen adds carries them."""
    for part in document.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        for element in list(part.element.iter()):
            if element.tag in _VARIABLE_ELEMENTS:
                element.getparent().remove(element)
                continue
            for name in [n for n in element.attrib if n.startswith(f"{{{_W}}}rsid")]:
                del element.attrib[name]


def normalise_zip(data: bytes, when: datetime) -> bytes:
    """Rebuild a zip with fixed entry times, order ([Content_Types].xml first) and permissions; `when` (a UTC
    time) is kept within the years a zip's date can hold (an as_of of 9999-12-31 failed to pack)."""
    when = min(max(when, _EARLIEST_ZIP_TIME), _LATEST_ZIP_TIME)
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    with ZipFile(BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    out = BytesIO()
    with ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda n: (n != "[Content_Types].xml", n)):
            info = ZipInfo(name, stamp)
            info.compress_type = ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
