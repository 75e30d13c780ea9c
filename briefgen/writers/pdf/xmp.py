"""XMP metadata in step with the document information dictionary, and the sRGB profile of PDF/A's output intent.

Every XMP value is read from the /Info that reportlab wrote (title, author, subject, keywords, creator,
producer, dates), so the two cannot disagree (PDF/A requires they agree); the language is the catalog's.
The packet declares PDF/UA-1 (pdfuaid:part) and, for PDF/A-2b, pdfaid with the extension schema that PDF/A
asks for the pdfuaid namespace, which is not one of its predefined schemas.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape  # not xml.sax.saxutils, which imports urllib.request and ssl

import pikepdf

_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-])(\d{2})'(\d{2})")

_UA_SCHEMA = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
"""

_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/", "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/", "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#", "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}


def xmp_date(pdf_date: str) -> str:
    """A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as an XMP date."""
    found = _DATE.match(pdf_date)
    if found is None:
        raise ValueError(f"not a full PDF date: {pdf_date!r}")
    y, mo, d, h, mi, s, sign, oh, om = found.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{sign}{oh}:{om}"


def _info(info: pikepdf.Dictionary, key: str) -> str:
    value = info.get(key)
    return escape(str(value), quote=False) if value is not None else ""


def packet(info: pikepdf.Dictionary, language: str, archive: bool) -> str:
    """The XMP packet of a brief with this document information."""
    title, author, subject = _info(info, "/Title"), _info(info, "/Author"), _info(info, "/Subject")
    lang = escape(language or "en", quote=False)
    fields = [
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>',
        f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>",
        "<dc:format>application/pdf</dc:format>",
        f"<pdf:Producer>{_info(info, '/Producer')}</pdf:Producer>",
        f"<xmp:CreatorTool>{_info(info, '/Creator')}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{xmp_date(str(info.CreationDate))}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{xmp_date(str(info.ModDate))}</xmp:ModifyDate>",
        "<pdfuaid:part>1</pdfuaid:part>",
    ]
    if author:
        fields.append(f"<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>")
    if subject:
        fields.append(f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt>'
                      "</dc:description>")
    if "/Keywords" in info:
        fields.append(f"<pdf:Keywords>{_info(info, '/Keywords')}</pdf:Keywords>")
    if archive:
        fields += ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>", _UA_SCHEMA]
    spaces = " ".join(f'xmlns:{k}="{v}"' for k, v in _NAMESPACES.items())
    body = "\n".join(fields)
    return (f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            f'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            f'<rdf:Description rdf:about="" {spaces}>\n{body}\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n'
            '<?xpacket end="w"?>')


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS (through Pillow), its creation date fixed (the header's bytes
    24-35) so that the output intent, and the file, do not change with the clock."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes([0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # 2000-01-01 00:00:00
    return bytes(data)
