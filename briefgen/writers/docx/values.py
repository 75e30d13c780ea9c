"""The reference's values the brief keeps, held to the forms Word takes (document/wordvalues.py).

Word refuses a document, or "finds unreadable content" in it, whose attribute holds a value its type does not
allow ("abc" for a size, "" for a margin, "maybe" for bold), and a hand-edited or machine-made reference can
hold one. The PDF's reader (render/house.py) ignores such a value, the inherited or default one standing, as
Word ignores what it cannot read; so the DOCX drops it too: a property whose value is its whole meaning (a
size, a colour, bold, a tab stop) goes with it, an optional attribute (a margin's gutter, an indent) goes alone.
A header or footer reference that names no part, or no kind of page, goes: neither format can use it.
"""

from __future__ import annotations

import re

from lxml import etree

from briefgen.document.wordvalues import (
    EIGHTHS,
    HALF_POINT,
    HALF_POINTS,
    JUSTIFICATIONS,
    SHADINGS,
    STYLE_TYPES,
    THEME_COLOURS,
    Check,
    R,
    W,
    is_measure,
    is_one_of,
    is_whole,
    measure,
    on_off,
)

_LARGEST_INT = 2 ** 31 - 1
_TWIPS, _SIGNED = is_measure(), is_measure(negative=True)
_COLOUR: Check = lambda v: v == "auto" or (len(v) == 6 and _hex(v))  # noqa: E731
_HEX_BYTE: Check = lambda v: len(v) == 2 and _hex(v)  # noqa: E731
_ON_OFF: Check = lambda v: on_off(v) is not None  # noqa: E731
_SIZE: Check = lambda v: HALF_POINTS[0] <= (measure(v, HALF_POINT) or 0) <= HALF_POINTS[1]  # noqa: E731
_COUNT = is_whole(-_LARGEST_INT - 1, _LARGEST_INT)
_BORDER: dict[str, Check] = {"sz": is_measure(EIGHTHS, universal=False), "space": is_measure(1.0, universal=False),
                             "color": _COLOUR}
_REFERENCES = ("headerReference", "footerReference")
_NUMBER_FORMATS = (  # ST_NumberFormat
    "decimal upperRoman lowerRoman upperLetter lowerLetter ordinal cardinalText ordinalText hex chicago "
    "ideographDigital japaneseCounting aiueo iroha decimalFullWidth decimalHalfWidth japaneseLegal "
    "japaneseDigitalTenThousand decimalEnclosedCircle decimalFullWidth2 aiueoFullWidth irohaFullWidth decimalZero "
    "bullet ganada chosung decimalEnclosedFullstop decimalEnclosedParen decimalEnclosedCircleChinese "
    "ideographEnclosedCircle ideographTraditional ideographZodiac ideographZodiacTraditional taiwaneseCounting "
    "ideographLegalTraditional taiwaneseCountingThousand taiwaneseDigital chineseCounting chineseLegalSimplified "
    "chineseCountingThousand koreanDigital koreanCounting koreanLegal koreanDigital2 vietnameseCounting russianLower "
    "russianUpper none numberInDash hebrew1 hebrew2 arabicAlpha arabicAbjad hindiVowels hindiConsonants "
    "hindiNumbers hindiCounting thaiLetters thaiNumbers thaiCounting bahtText dollarText custom")
_THEME_FONTS = ("majorEastAsia majorBidi majorAscii majorHAnsi minorEastAsia minorBidi minorAscii minorHAnsi")
_THEMED: dict[str, Check] = {"themeColor": is_one_of(THEME_COLOURS), "themeTint": _HEX_BYTE, "themeShade": _HEX_BYTE}
_WIDTH: dict[str, Check] = {"type": is_one_of("nil pct dxa auto"),
                            "w": lambda v: re.fullmatch(r"-?[0-9]+(\.[0-9]+)?%?", v) is not None or _SIGNED(v)}
_TOGGLES = ("b bCs i iCs caps smallCaps strike dstrike vanish webHidden keepNext keepLines pageBreakBefore "
            "widowControl contextualSpacing titlePg mirrorMargins gutterAtTop evenAndOddHeaders").split()

# element -> attribute -> its check; where the element's meaning is that value (`_WHOLE_MEANING`), an
# element with a value Word refuses goes, else the attribute alone
_CHECKS: dict[str, dict[str, Check]] = {
    **{name: {"val": _ON_OFF} for name in _TOGGLES},
    "sz": {"val": _SIZE}, "szCs": {"val": _SIZE},
    "color": {"val": _COLOUR, **_THEMED},
    "shd": {"val": is_one_of(" ".join(SHADINGS)), "color": _COLOUR, "fill": _COLOUR,
            "themeFill": is_one_of(THEME_COLOURS), "themeFillTint": _HEX_BYTE, "themeFillShade": _HEX_BYTE},
    "rFonts": {f"{script}Theme": is_one_of(_THEME_FONTS) for script in ("ascii", "hAnsi", "eastAsia", "cs")},
    "jc": {"val": is_one_of(JUSTIFICATIONS)}, "tblPr/jc": {"val": is_one_of("center end left right start")},
    **{f"{margins}/{side}": _WIDTH for margins in ("tblCellMar", "tcMar")
       for side in "top start left bottom end right".split()},
    "pgSz": {"w": _TWIPS, "h": _TWIPS},
    "pgMar": {"top": _SIGNED, "bottom": _SIGNED, **dict.fromkeys("right left header footer gutter".split(), _TWIPS)},
    "spacing": {"before": _TWIPS, "after": _TWIPS, "line": _SIGNED, "lineRule": is_one_of("auto exact atLeast")},
    "ind": {**{side: _SIGNED for side in "left right start end".split()}, "hanging": _TWIPS, "firstLine": _TWIPS},
    "tabs/tab": {"pos": _SIGNED, "val": is_one_of("clear start center end decimal bar num left right")},
    **{f"{edges}/{side}": {**_BORDER, **_THEMED} for edges in ("pBdr", "tblBorders", "tcBorders")
       for side in "top left bottom right start end between bar insideH insideV".split()},
    "defaultTabStop": {"val": _TWIPS}, "gridCol": {"w": _TWIPS},
    **{name: {"val": _COUNT} for name in ("gridSpan", "ilvl", "numId", "lvl/start", "num/abstractNumId")},
    "num": {"numId": _COUNT}, "abstractNum/lvl": {"ilvl": _COUNT}, "numFmt": {"val": is_one_of(_NUMBER_FORMATS)},
    "rPr/spacing": {"val": _SIGNED}, "style": {"type": is_one_of(STYLE_TYPES)},
    **{name: {"type": is_one_of("default first even")} for name in _REFERENCES},
}
_WHOLE_MEANING = frozenset(("val", "pos", "ilvl", "headerReference/type", "footerReference/type"))
_PARENT_GOES = frozenset(("num/abstractNumId",))  # a list instance without its list: neither format uses it
_REQUIRED = {"color": ("val",), "sz": ("val",), "szCs": ("val",), "tabs/tab": ("val", "pos"), "shd": ("val",),
             "jc": ("val",), "num/abstractNumId": ("val",), "abstractNum/lvl": ("ilvl",), "numFmt": ("val",),
             **dict.fromkeys(_REFERENCES, ("type",))}
_TAGS = tuple({W + key.rsplit("/", 1)[-1] for key in _CHECKS})


def _hex(value: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in value)


def valid(element: etree._Element) -> bool:
    """Whether `element` keeps its place (dropping its refused optional attributes meanwhile)."""
    name = element.tag.removeprefix(W)
    parent = element.getparent()
    key = f"{etree.QName(parent).localname}/{name}" if parent is not None else name
    key = key if key in _CHECKS else name
    checks = _CHECKS.get(key, {})
    if name in _REFERENCES and not element.get(R + "id"):
        return False
    if any(element.get(W + attribute) is None for attribute in _REQUIRED.get(key, ())):
        return False
    if name == "num" and element.find(W + "abstractNumId") is None:  # a list instance of no list
        return False
    for attribute, check in checks.items():
        value = element.get(W + attribute)
        if value is None or check(value):
            continue
        if attribute in _WHOLE_MEANING or f"{name}/{attribute}" in _WHOLE_MEANING:
            return False
        del element.attrib[W + attribute]
    return True


def clean(root: etree._Element) -> None:
    """Drop from a part every element, or attribute, holding a value Word refuses."""
    for element in list(root.iter(*_TAGS)):
        parent = element.getparent()
        if parent is None or valid(element):
            continue
        if f"{etree.QName(parent).localname}/{etree.QName(element).localname}" in _PARENT_GOES:
            element, parent = parent, parent.getparent()
        if parent is not None:
            parent.remove(element)
