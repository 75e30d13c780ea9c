"""The w: attributes ECMA-376 Part 1 (transitional) allows on the WordprocessingML elements briefgen and
python-docx write, and the values each takes (its simple type), for tests/ooxml_order.py.

An element listed here may carry only these w: attributes (attributes of other namespaces, r:id, xml:space,
w14:paraId, are let through); one not listed is not checked. Keys are "parent/name" where the type depends on
the parent (a w:jc in a table is ST_JcTable; a w:top in w:tblCellMar is a width, in w:pBdr a border).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Check = Callable[[str], bool]


def pattern(regex: str) -> Check:
    compiled = re.compile(regex)
    return lambda value: compiled.fullmatch(value) is not None


def enum(words: str) -> Check:
    allowed = frozenset(words.split())
    return lambda value: value in allowed


_UNIVERSAL = r"-?\d+(\.\d+)?(mm|cm|in|pt|pc|pi)"
STRING: Check = lambda value: True  # noqa: E731
ONOFF = enum("true false on off 0 1")
DEC, UDEC = pattern(r"-?\d+"), pattern(r"\d+")
TWIPS = pattern(rf"\d+|{_UNIVERSAL.removeprefix('-?')}")  # ST_TwipsMeasure, ST_HpsMeasure: unsigned
SIGNED = pattern(rf"-?\d+|{_UNIVERSAL}")
HEX_COLOUR = pattern(r"auto|[0-9A-Fa-f]{6}")
UCHAR, SHORT_HEX, LONG_HEX = pattern(r"[0-9A-Fa-f]{2}"), pattern(r"[0-9A-Fa-f]{4}"), pattern(r"[0-9A-Fa-f]{8}")
LANG = STRING  # ST_Lang is xsd:string in the transitional schema (LibreOffice writes "" for none)
DATETIME = pattern(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
WIDTH = pattern(rf"-?\d+(\.\d+)?%?|{_UNIVERSAL}")  # ST_MeasurementOrPercent
THEME_COLOUR = enum("dark1 light1 dark2 light2 accent1 accent2 accent3 accent4 accent5 accent6 hyperlink "
                    "followedHyperlink none background1 text1 background2 text2")
THEME_FONT = enum("majorEastAsia majorBidi majorAscii majorHAnsi minorEastAsia minorBidi minorAscii minorHAnsi")
JC = enum("start center end both mediumKashida distribute numTab highKashida lowKashida thaiDistribute left right")
NUMBER_FORMAT = enum(
    "decimal upperRoman lowerRoman upperLetter lowerLetter ordinal cardinalText ordinalText hex chicago "
    "ideographDigital japaneseCounting aiueo iroha decimalFullWidth decimalHalfWidth japaneseLegal "
    "japaneseDigitalTenThousand decimalEnclosedCircle decimalFullWidth2 aiueoFullWidth irohaFullWidth decimalZero "
    "bullet ganada chosung decimalEnclosedFullstop decimalEnclosedParen decimalEnclosedCircleChinese "
    "ideographEnclosedCircle ideographTraditional ideographZodiac ideographZodiacTraditional taiwaneseCounting "
    "ideographLegalTraditional taiwaneseCountingThousand taiwaneseDigital chineseCounting chineseLegalSimplified "
    "chineseCountingThousand koreanDigital koreanCounting koreanLegal koreanDigital2 vietnameseCounting russianLower "
    "russianUpper none numberInDash hebrew1 hebrew2 arabicAlpha arabicAbjad hindiVowels hindiConsonants "
    "hindiNumbers hindiCounting thaiLetters thaiNumbers thaiCounting bahtText dollarText custom")
LINE_BORDER = enum(
    "nil none single thick double dotted dashed dotDash dotDotDash triple thinThickSmallGap thickThinSmallGap "
    "thinThickThinSmallGap thinThickMediumGap thickThinMediumGap thinThickThinMediumGap thinThickLargeGap "
    "thickThinLargeGap thinThickThinLargeGap wave doubleWave dashSmallGap dashDotStroked threeDEmboss threeDEngrave "
    "outset inset")
SHADING = enum("nil clear solid horzStripe vertStripe reverseDiagStripe diagStripe horzCross diagCross "
               "thinHorzStripe thinVertStripe thinReverseDiagStripe thinDiagStripe thinHorzCross thinDiagCross pct5 "
               "pct10 pct12 pct15 pct20 pct25 pct30 pct35 pct37 pct40 pct45 pct50 pct55 pct60 pct62 pct65 pct70 "
               "pct75 pct80 pct85 pct87 pct90 pct95")
UNDERLINE = enum("single words double thick dotted dottedHeavy dash dashedHeavy dashLong dashLongHeavy dotDash "
                 "dashDotHeavy dotDotDash dashDotDotHeavy wave wavyHeavy wavyDouble none")
TEXT_DIRECTION = enum("tb rl lr tbV rlV lrV btLr lrTb lrTbV tbLrV tbRl tbRlV")

THEMED = {"themeColor": THEME_COLOUR, "themeTint": UCHAR, "themeShade": UCHAR}
BORDER = {"val": LINE_BORDER, "color": HEX_COLOUR, **THEMED, "sz": UDEC, "space": UDEC, "shadow": ONOFF,
          "frame": ONOFF}
TBL_WIDTH = {"w": WIDTH, "type": enum("nil pct dxa auto")}
TRACKED = {"id": DEC, "author": STRING, "date": DATETIME}
ON_OFF_ELEMENTS = (
    "b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden rtl "
    "cs specVanish oMath keepNext keepLines pageBreakBefore widowControl suppressLineNumbers suppressAutoHyphens "
    "kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd contextualSpacing "
    "mirrorIndents suppressOverlap titlePg formProt noEndnote rtlGutter cantSplit tblHeader hidden noWrap tcFitText "
    "hideMark bidiVisual autoRedefine semiHidden unhideWhenUsed qFormat locked personal personalCompose "
    "personalReply isLgl trackRevisions updateFields evenAndOddHeaders embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts mirrorMargins doNotHyphenateCaps autoHyphenation doNotShadeFormData").split()
STRING_ELEMENTS = ("pStyle rStyle tblStyle basedOn next link name aliases tblCaption tblDescription styleLink "
                   "numStyleLink clickAndTypeStyle defaultTableStyle decimalSymbol listSeparator").split()
DECIMAL_ELEMENTS = ("outlineLvl divId ilvl numId abstractNumId start lvlRestart startOverride uiPriority gridSpan "
                    "gridBefore gridAfter numStart tblStyleRowBandSize tblStyleColBandSize consecutiveHyphenLimit "
                    "numIdMacAtCleanup lvlPicBulletId").split()

ATTRIBUTES: dict[str, dict[str, Check]] = {
    **{name: {"val": ONOFF} for name in ON_OFF_ELEMENTS},
    **{name: {"val": STRING} for name in STRING_ELEMENTS},
    **{name: {"val": DEC} for name in DECIMAL_ELEMENTS},
    **{f"{parent}/{side}": BORDER for parent in ("pBdr", "tblBorders", "tcBorders")
       for side in "top left bottom right between bar start end insideH insideV tl2br tr2bl".split()},
    **{f"{parent}/{side}": TBL_WIDTH for parent in ("tblCellMar", "tcMar")
       for side in "top start left bottom end right".split()},
    **{name: TBL_WIDTH for name in "tblW tcW tblInd tblCellSpacing wBefore wAfter".split()},
    "rPr/bdr": BORDER, "defaultTabStop": {"val": TWIPS}, "hyphenationZone": {"val": TWIPS},
    "jc": {"val": JC}, "lvlJc": {"val": JC}, "tblPr/jc": {"val": enum("center end left right start")},
    "trPr/jc": {"val": enum("center end left right start")},
    "pPr/spacing": {"before": TWIPS, "beforeLines": DEC, "beforeAutospacing": ONOFF, "after": TWIPS,
                    "afterLines": DEC, "afterAutospacing": ONOFF, "line": SIGNED,
                    "lineRule": enum("auto exact atLeast")},
    "rPr/spacing": {"val": SIGNED},
    "ind": {f"{side}{chars}": DEC if chars else SIGNED for side in ("start", "end", "left", "right")
            for chars in ("", "Chars")} | {"hanging": TWIPS, "hangingChars": DEC, "firstLine": TWIPS,
                                           "firstLineChars": DEC},
    "shd": {"val": SHADING, "color": HEX_COLOUR, **THEMED, "fill": HEX_COLOUR, "themeFill": THEME_COLOUR,
            "themeFillTint": UCHAR, "themeFillShade": UCHAR},
    "color": {"val": HEX_COLOUR, **THEMED},
    "sz": {"val": TWIPS}, "szCs": {"val": TWIPS}, "kern": {"val": TWIPS}, "position": {"val": SIGNED},
    "u": {"val": UNDERLINE, "color": HEX_COLOUR, **THEMED},
    "vertAlign": {"val": enum("baseline superscript subscript")},
    "highlight": {"val": enum("black blue cyan green magenta red yellow white darkBlue darkCyan darkGreen "
                              "darkMagenta darkRed darkYellow darkGray lightGray none")},
    "lang": {"val": LANG, "eastAsia": LANG, "bidi": LANG}, "themeFontLang": {"val": LANG, "eastAsia": LANG,
                                                                             "bidi": LANG},
    "rFonts": {"hint": enum("default eastAsia cs"), "ascii": STRING, "hAnsi": STRING, "eastAsia": STRING,
               "cs": STRING, "asciiTheme": THEME_FONT, "hAnsiTheme": THEME_FONT, "eastAsiaTheme": THEME_FONT,
               "cstheme": THEME_FONT},
    "tblLayout": {"type": enum("fixed autofit")},
    "tblLook": {**{k: ONOFF for k in "firstRow lastRow firstColumn lastColumn noHBand noVBand".split()},
                "val": SHORT_HEX},
    "trHeight": {"val": TWIPS, "hRule": enum("auto exact atLeast")},
    "vAlign": {"val": enum("top center both bottom")}, "vMerge": {"val": enum("continue restart")},
    "hMerge": {"val": enum("continue restart")}, "textDirection": {"val": TEXT_DIRECTION},
    "pgSz": {"w": TWIPS, "h": TWIPS, "orient": enum("portrait landscape"), "code": DEC},
    "pgMar": {"top": SIGNED, "right": TWIPS, "bottom": SIGNED, "left": TWIPS, "header": TWIPS, "footer": TWIPS,
              "gutter": TWIPS},
    "cols": {"equalWidth": ONOFF, "space": TWIPS, "num": DEC, "sep": ONOFF}, "col": {"w": TWIPS, "space": TWIPS},
    "docGrid": {"type": enum("default lines linesAndChars snapToChars"), "linePitch": DEC, "charSpace": DEC},
    "sectPr/type": {"val": enum("nextPage nextColumn continuous evenPage oddPage")},
    "headerReference": {"type": enum("even default first")}, "footerReference": {"type": enum("even default first")},
    "fldChar": {"fldCharType": enum("begin separate end"), "fldLock": ONOFF, "dirty": ONOFF},
    "fldSimple": {"instr": STRING, "fldLock": ONOFF, "dirty": ONOFF},
    "footnoteReference": {"customMarkFollows": ONOFF, "id": DEC},
    "footnotes/footnote": {"type": enum("normal separator continuationSeparator continuationNotice"), "id": DEC},
    "footnotePr/footnote": {"id": DEC},
    "pos": {"val": enum("pageBottom beneathText sectEnd docEnd")},
    "numRestart": {"val": enum("continuous eachSect eachPage")},
    "numFmt": {"val": NUMBER_FORMAT, "format": STRING}, "suff": {"val": enum("tab space nothing")},
    "lvlText": {"val": STRING, "null": ONOFF},
    "lvl": {"ilvl": DEC, "tplc": LONG_HEX, "tentative": ONOFF}, "abstractNum": {"abstractNumId": DEC},
    "num": {"numId": DEC}, "nsid": {"val": LONG_HEX}, "tmpl": {"val": LONG_HEX},
    "multiLevelType": {"val": enum("singleLevel multilevel hybridMultilevel")},
    "ins": TRACKED, "del": TRACKED, "moveFrom": TRACKED, "moveTo": TRACKED,
    **{f"{kind}RangeStart": {**TRACKED, "name": STRING, "colFirst": DEC, "colLast": DEC,
                             "displacedByCustomXml": enum("next prev")} for kind in ("moveFrom", "moveTo")},
    **{f"{kind}RangeEnd": {"id": DEC, "displacedByCustomXml": enum("next prev")} for kind in ("moveFrom", "moveTo")},
    "bookmarkStart": {"id": DEC, "name": STRING, "colFirst": DEC, "colLast": DEC,
                      "displacedByCustomXml": enum("next prev")},
    "bookmarkEnd": {"id": DEC, "displacedByCustomXml": enum("next prev")},
    "hyperlink": {"tgtFrame": STRING, "tooltip": STRING, "docLocation": STRING, "history": ONOFF, "anchor": STRING},
    "p": {f"rsid{k}": LONG_HEX for k in ("RPr", "R", "Del", "P", "RDefault")},
    "r": {f"rsid{k}": LONG_HEX for k in ("RPr", "Del", "R")},
    "tr": {f"rsid{k}": LONG_HEX for k in ("RPr", "R", "Del", "Tr")},
    "style": {"type": enum("paragraph character table numbering"), "styleId": STRING, "default": ONOFF,
              "customStyle": ONOFF},
    "tabs/tab": {"val": enum("clear start center end decimal bar num left right"),
                 "leader": enum("none dot hyphen underscore heavy middleDot"), "pos": SIGNED},
    "br": {"type": enum("page column textWrapping"), "clear": enum("none left right all")},
    "zoom": {"val": enum("none fullPage bestFit textFit"), "percent": pattern(r"-?\d+(\.\d+)?%?")},
    "proofState": {"spelling": enum("clean dirty"), "grammar": enum("clean dirty")},
    "characterSpacingControl": {"val": enum("doNotCompress compressPunctuation compressPunctuationAndJapaneseKana")},
    "compatSetting": {"name": STRING, "uri": STRING, "val": STRING},
}
REQUIRED_ATTRIBUTES = {
    "pgMar": ("top", "right", "bottom", "left", "header", "footer", "gutter"), "fldChar": ("fldCharType",),
    "footnoteReference": ("id",), "footnotes/footnote": ("id",), "ins": ("id", "author"), "del": ("id", "author"),
    "moveFrom": ("id", "author"), "moveTo": ("id", "author"), "moveFromRangeStart": ("id", "name", "author", "date"),
    "moveToRangeStart": ("id", "name", "author", "date"), "moveFromRangeEnd": ("id",), "moveToRangeEnd": ("id",),
    "bookmarkStart": ("id", "name"), "bookmarkEnd": ("id",), "abstractNum": ("abstractNumId",), "num": ("numId",),
    "lvl": ("ilvl",), "headerReference": ("type",), "footerReference": ("type",), "jc": ("val",), "shd": ("val",),
    "color": ("val",), "sz": ("val",), "numFmt": ("val",), "tabs/tab": ("val", "pos"), "fldSimple": ("instr",),
}


def attributes_for(parent: str, name: str) -> tuple[str, dict[str, Check] | None]:
    """The key and allowed w: attributes of element `name` under `parent`; None where not checked."""
    key = f"{parent}/{name}"
    key = key if key in ATTRIBUTES else name
    return key, ATTRIBUTES.get(key)
