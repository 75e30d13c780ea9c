"""An OpenDocument text's properties for `seeds add` (meta.xml, or a flat file's office:meta): its title, author
(dc:creator, else the initial creator), subject, description and creation date (else the date last saved)."""

from __future__ import annotations

from briefgen.sources.formats.odtdoc import meta as document_meta
from briefgen.sources.formats.odtdoc import opened

DC = "{http://purl.org/dc/elements/1.1/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
# Each property, by the elements that may give it, in order of preference
FIELDS = {"title": (f"{DC}title",), "author": (f"{DC}creator", f"{META}initial-creator"),
          "subject": (f"{DC}subject",), "comments": (f"{DC}description",),
          "created": (f"{META}creation-date", f"{DC}date")}


def properties(raw: bytes) -> dict[str, str]:
    """The properties the document fills in, each as written."""
    with opened(raw) as package:
        meta = document_meta(package, raw)
    if meta is None:
        return {}
    found = {}
    for key, tags in FIELDS.items():
        value = next((text for tag in tags if (text := (meta.findtext(tag) or "").strip())), "")
        if value:
            found[key] = value
    return found
