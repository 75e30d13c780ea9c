"""A reference's watermark: the shape Word puts in the header for Design > Watermark, read into
document/house.py's Watermark. A text watermark ("DRAFT", "CONFIDENTIAL") is a WordArt VML shape whose text path
holds the words; a picture watermark is a VML shape whose image data names the picture, "washout" set as its
gain and black level (19661f and 22938f: 0.3 and 0.35). Washed out, black shows as light grey, about 15 % of
its strength over the white page as LibreOffice draws it: the PDF draws the picture at 0.5 less the black level.

The shape's style gives its box (width and height in points) and its turn (`rotation`, degrees clockwise:
315 is Word's diagonal, rising to the right); its fill gives the colour (a name VML knows or "#RRGGBB") and
opacity (".5", "50%" or "32768f", a 16.16 fixed-point number), and the text path's style its font family.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

from PIL import ImageColor

from briefgen.document.house import Watermark
from briefgen.document.nodes import one_line, safe_text
from briefgen.render.wordml import R, V

_STYLE = re.compile(r"\s*([\w-]+)\s*:\s*([^;]*)")
_LONGEST = 200  # characters of watermark text kept (Word's box takes a word or two)


def watermark(shape: Element, picture: Callable[[str], bytes | None]) -> Watermark | None:
    """The watermark a VML shape draws, or None when it draws neither text nor a picture the PDF can draw
    (`picture` reads one by its relationship id: None for one it cannot)."""
    style = _style(shape.get("style", ""))
    data = shape.find(f"{V}imagedata")
    if data is not None:
        image = picture(data.get(f"{R}id", ""))
        return None if image is None else Watermark(
            text="", image=image, opacity=_washout(data), angle=-_number(style.get("rotation"), 0) % 360,
            width=_points(style.get("width"), 400.0), height=_points(style.get("height"), 300.0))
    path = shape.find(f"{V}textpath")
    text = one_line(safe_text(path.get("string", "") if path is not None else ""))[:_LONGEST].strip()
    if path is None or not text:
        return None
    fill = shape.find(f"{V}fill")
    font = _style(path.get("style", "")).get("font-family", "").strip("\"' ") or None
    return Watermark(text=text, colour=_colour(shape.get("fillcolor", "")),
                     opacity=_opacity(None if fill is None else fill.get("opacity")),
                     angle=-_number(style.get("rotation"), -45.0) % 360,
                     width=_points(style.get("width"), 400.0), height=_points(style.get("height"), 100.0), font=font)


def _style(text: str) -> dict[str, str]:
    return {name.lower(): value.strip() for name, value in _STYLE.findall(text)}


def _colour(value: str) -> str:
    """A fill colour as "#RRGGBB": a name VML knows (HTML's sixteen, which CSS's names include) or hex digits;
    the default silver for anything else (a system colour, a colour with VML's extras)."""
    words = value.split()
    try:
        red, green, blue, *_ = ImageColor.getrgb(words[0] if words else "")
    except ValueError:
        return Watermark.colour
    return f"#{red:02X}{green:02X}{blue:02X}"


def _washout(data: Element) -> float:
    """The opacity a picture is drawn at for its image data's black level, else its gain (1 for neither)."""
    black = data.get("blacklevel")
    return _opacity(data.get("gain")) if black is None else min(max(0.5 - _opacity(black), 0.05), 1.0)


def _opacity(value: str | None) -> float:
    if not value:
        return 1.0
    raw = value.strip().lower()
    number = _number(raw.rstrip("%f"), 1.0)
    number = number / 100 if raw.endswith("%") else number / 65536 if raw.endswith("f") else number
    return min(max(number, 0.0), 1.0)


def _points(value: str | None, default: float) -> float:
    """A CSS length in VML's style (pt, in, cm, mm, px; a bare number is pixels), in points."""
    found = re.fullmatch(r"\s*([-+]?[\d.]+)\s*(pt|in|cm|mm|px)?\s*", value or "")
    if not found:
        return default
    scale = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, None: 0.75}[found[2]]
    number = _number(found[1], default / scale) * scale
    return number if 1.0 <= number <= 5000.0 else default


def _number(value: str | None, default: float) -> float:
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    return number if abs(number) < 1e6 else default
