"""Pictures as both writers place them: a logo every reader draws in the same colours.

A JPEG in CMYK (what Photoshop writes for print), or one with neither a JFIF nor an Exif header (an Adobe
one), is redrawn as an RGB PNG: python-docx cannot read such a header, and a CMYK image in a PDF/A with an
RGB output intent breaks the standard. So is any picture whose header python-docx's own reader cannot read,
or reads as a size of nothing (a PNG chunk cut short; a resolution of 0 dpi, which it divides by, from a pHYs
of 1 pixel a metre or a JFIF density of 0; one so high the picture is 0 EMU wide): Pillow reads them all.
Anything else is placed as it is. Pillow checked the picture already (sources/assets.py); it is imported only
when a brief has a logo."""

from __future__ import annotations

import io


def drawable(data: bytes) -> bytes:
    """`data` (a PNG or JPEG) as it is, or redrawn as an RGB (or RGBA) PNG where readers disagree about it."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        plain_jpeg = image.format == "JPEG" and ("jfif" in image.info or "exif" in image.info)
        if image.mode in ("RGB", "RGBA", "L", "LA", "P", "1") and (image.format == "PNG" or plain_jpeg) and \
                _word_reads(data):
            return data
        redrawn = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    out = io.BytesIO()
    redrawn.save(out, format="PNG")
    return out.getvalue()


def _word_reads(data: bytes) -> bool:
    """Whether python-docx reads the picture's header, and a size from its pixels and resolution (a width
    and height of at least one EMU: a resolution of 0 dpi divides by zero, a huge one makes the picture 0 wide),
    as it must to place it at the logo's height."""
    from docx.image.image import Image as WordImage

    try:
        image = WordImage.from_blob(data)
        return image.width > 0 and image.height > 0
    except Exception:  # its header parsers fail in many ways (end of file, struct, unknown markers, 0 dpi)
        return False
