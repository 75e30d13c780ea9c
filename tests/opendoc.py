"""OpenDocument text packages written by the tests: a body and styles as LibreOffice writes them, zipped as an
.odt is (the mimetype first and stored, then content.xml, styles.xml, meta.xml and the manifest)."""

from __future__ import annotations

import io
import zipfile

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')
TEXT_TYPE = "application/vnd.oasis.opendocument.text"
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="{kind}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>{extra}'
            '</manifest:manifest>')


def content_xml(body: str, automatic: str = "", holder: str = "text") -> str:
    """content.xml of a document whose body (office:`holder`: text, spreadsheet, presentation) holds `body`."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:{holder}>{body}</office:{holder}></office:body></office:document-content>")


def odt_bytes(body: str, automatic: str = "", styles: str = "", meta: str = "", kind: str = TEXT_TYPE,
              manifest_extra: str = "", holder: str = "text") -> bytes:
    """An .odt holding `body` (office:text's content), `automatic` styles in content.xml, `styles` (the content
    of styles.xml's office:document-styles) and `meta` (office:meta's content)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), kind)
        package.writestr("content.xml", content_xml(body, automatic, holder))
        package.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} '
                                       f'office:version="1.3">{styles}</office:document-styles>')
        package.writestr("meta.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS} '
                                     f'office:version="1.3"><office:meta>{meta}</office:meta></office:document-meta>')
        package.writestr("META-INF/manifest.xml", MANIFEST.format(kind=kind, extra=manifest_extra))
    return buffer.getvalue()


def declared_size(package: bytes, name: str, size: int) -> bytes:
    """The zip `package` with the size its central directory states for `name` changed to `size` (what a
    decompression bomb or a damaged file states), its data left as it is."""
    at, encoded = 0, name.encode()
    while True:
        at = package.index(b"PK\x01\x02", at)
        length = int.from_bytes(package[at + 28:at + 30], "little")
        if package[at + 46:at + 46 + length] == encoded:
            return package[:at + 24] + size.to_bytes(4, "little") + package[at + 28:]
        at += 46


def flat_xml(body: str, automatic: str = "", holder: str = "text", meta: str = "", styles: str = "") -> bytes:
    """A flat OpenDocument file (.fodt, .fods, .fodp: one XML file) whose office:`holder` holds `body`."""
    kind = {"text": TEXT_TYPE}.get(holder, f"application/vnd.oasis.opendocument.{holder}")
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3" '
            f'office:mimetype="{kind}"><office:meta>{meta}</office:meta><office:styles>{styles}</office:styles>'
            f"<office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:{holder}>{body}"
            f"</office:{holder}></office:body></office:document>").encode()
