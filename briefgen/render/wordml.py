"""What reading a reference DOCX's WordprocessingML needs in more than one place: the namespaces, Word's units
and its measures as the schema has them (render/house.py reads the styles and page, render/letterhead.py the
header and footer)."""

from __future__ import annotations

import math
import re
from xml.etree.ElementTree import Element

from briefgen.document.house import Align

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
V = "{urn:schemas-microsoft-com:vml}"  # the shapes Word writes a watermark (WordArt) as
TWIPS_PER_MM = 1440 / 25.4
EMU_PER_PT = 12700
ALIGN: dict[str, Align] = {"left": "left", "start": "left", "center": "center", "right": "right",
                           "end": "right", "both": "justify", "distribute": "justify"}
HEX = re.compile(r"[0-9A-Fa-f]{6}")


def twips(element: Element | None, attr: str) -> float | None:
    """The w:`attr` measure of `element` (unsigned, finite), or None."""
    return unsigned(None if element is None else element.get(f"{W}{attr}"))


def unsigned(value: str | None) -> float | None:
    """A measure as the schema has it (unsigned, finite); None when absent or not a number."""
    try:
        number = None if value is None else float(value)
    except ValueError:
        return None
    return number if number is not None and 0 <= number < math.inf else None


def signed(value: str | None, bound: float) -> float | None:
    """A signed measure (an indent into the margin, a picture's offset), finite and within +-`bound`; None when
    absent or not a number."""
    try:
        number = None if value is None else float(value)
    except ValueError:
        return None
    return max(-bound, min(number, bound)) if number is not None and math.isfinite(number) else None


def on(element: Element | None) -> bool | None:
    """A toggle property (w:b, w:caps…): None when absent."""
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")
