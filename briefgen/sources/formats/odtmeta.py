"""An OpenDocument text's, spreadsheet's or presentation's properties for `seeds add` (meta.xml, or a flat file's
office:meta): its title, author (dc:creator, else the initial creator), subject, description and creation date
(else the date last saved)."""

from __future__ import annotations

from briefgen.sources.formats.odtdoc import TEXT_KIND, Kind, opened
from briefgen.sources.formats.odtdoc import meta as document_meta

DC = "{http://purl.org/dc/elements/1.1/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
# Each property, by the elements that may give it, in order of preference
FIELDS = {"title": (f"{DC}title",), "author": (f"{DC}creator", f"{META}initial-creator"),
          "subject": (f"{DC}subject",), "comments": (f"{DC}description",),
          "created": (f"{META}creation-date", f"{DC}date")}


def properties(raw: bytes, kind: Kind = TEXT_KIND) -> dict[str, str]:
    """The properties the document (of `kind`) fills in, each as written."""
    with opened(raw, kind) as package:
        meta = document_meta(package, raw, kind)
    if meta is None:
        return {}
    found = {}
    for key, tags in FIELDS.items():
        value = next((text for tag in tags if (text := (meta.findtext(tag) or "").strip())), "")
        if value:
            found[key] = value
    return found
