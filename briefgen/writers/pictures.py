"""Pictures as both writers place them: a logo every reader draws in the same colours.

A JPEG in CMYK (what Photoshop writes for print), or one with neither a JFIF nor an Exif header (an Adobe
one), is redrawn as an RGB PNG: python-docx cannot read such a header, and a CMYK image in a PDF/A with an
RGB output intent breaks the standard. Anything else is placed as it is. Pillow checked the picture already
(sources/assets.py); it is imported only when a brief has a logo."""

from __future__ import annotations

import io


def drawable(data: bytes) -> bytes:
    """`data` (a PNG or JPEG) as it is, or redrawn as an RGB (or RGBA) PNG where readers disagree about it."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        plain_jpeg = image.format == "JPEG" and ("jfif" in image.info or "exif" in image.info)
        if image.mode in ("RGB", "RGBA", "L", "LA", "P", "1") and (image.format == "PNG" or plain_jpeg):
            return data
        redrawn = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    out = io.BytesIO()
    redrawn.save(out, format="PNG")
    return out.getvalue()
