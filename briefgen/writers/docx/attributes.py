"""Every w: attribute ECMA-376 Part 1 (transitional, wml.xsd) gives the elements a reference's kept parts hold
(styles, numbering, settings, headers, footers, the section), each with its simple type (document/wordvalues.py).

Word refuses a document whose attribute is not one its element has, or holds a value its type does not allow,
whether or not anything reads it (a border's style "fancy", a run's `w:rsidR="xyz"`, a `w:foo` on a paragraph).
values.py holds every attribute of an element listed here to this table. An element not listed (a form field's
parts, a compatibility flag) has the attributes that mean the same wherever they stand checked by their name
(`BY_NAME`: revision ids, colours, theme colours).
"""

from __future__ import annotations

import re

from briefgen.document.wordvalues import (
    BORDERS,
    EIGHTHS,
    HALF_POINT,
    HALF_POINTS,
    JUSTIFICATIONS,
    SHADINGS,
    STYLE_TYPES,
    THEME_COLOURS,
    Check,
    is_measure,
    is_one_of,
    is_whole,
    measure,
    on_off,
)

_LARGEST_INT = 2 ** 31 - 1


def _pattern(regex: str) -> Check:
    compiled = re.compile(regex)
    return lambda value: compiled.fullmatch(value) is not None


TWIPS, SIGNED = is_measure(), is_measure(negative=True)
ON_OFF: Check = lambda v: on_off(v) is not None  # noqa: E731
STRING: Check = lambda v: True  # noqa: E731
DECIMAL, UNSIGNED = is_whole(-_LARGEST_INT - 1, _LARGEST_INT), is_whole(0, 2 ** 32 - 1)
COLOUR, BYTE = _pattern("auto|[0-9A-Fa-f]{6}"), _pattern("[0-9A-Fa-f]{2}")
SHORT_HEX, LONG_HEX = _pattern("[0-9A-Fa-f]{4}"), _pattern("[0-9A-Fa-f]{8}")
SIZE: Check = lambda v: HALF_POINTS[0] <= (measure(v, HALF_POINT) or 0) <= HALF_POINTS[1]  # noqa: E731
HALF_POINTS_SIGNED = is_measure(HALF_POINT, negative=True)
DATE_TIME = _pattern(r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?")
WIDTH: Check = lambda v: re.fullmatch(r"-?[0-9]+(\.[0-9]+)?%", v) is not None or SIGNED(v)  # noqa: E731
PERCENT = _pattern(r"-?[0-9]+(\.[0-9]+)?%?")
TEXT_SCALE = _pattern(r"0*(600|[0-5]?[0-9]?[0-9])%?")
THEME_COLOUR = is_one_of(THEME_COLOURS)
THEME_FONT = is_one_of("majorEastAsia majorBidi majorAscii majorHAnsi minorEastAsia minorBidi minorAscii minorHAnsi")
NUMBER_FORMAT = is_one_of(
    "decimal upperRoman lowerRoman upperLetter lowerLetter ordinal cardinalText ordinalText hex chicago "
    "ideographDigital japaneseCounting aiueo iroha decimalFullWidth decimalHalfWidth japaneseLegal "
    "japaneseDigitalTenThousand decimalEnclosedCircle decimalFullWidth2 aiueoFullWidth irohaFullWidth decimalZero "
    "bullet ganada chosung decimalEnclosedFullstop decimalEnclosedParen decimalEnclosedCircleChinese "
    "ideographEnclosedCircle ideographTraditional ideographZodiac ideographZodiacTraditional taiwaneseCounting "
    "ideographLegalTraditional taiwaneseCountingThousand taiwaneseDigital chineseCounting chineseLegalSimplified "
    "chineseCountingThousand koreanDigital koreanCounting koreanLegal koreanDigital2 vietnameseCounting russianLower "
    "russianUpper none numberInDash hebrew1 hebrew2 arabicAlpha arabicAbjad hindiVowels hindiConsonants "
    "hindiNumbers hindiCounting thaiLetters thaiNumbers thaiCounting bahtText dollarText custom")
_ANCHOR = is_one_of("text margin page")
_RULE = is_one_of("auto exact atLeast")
_DISPLACED = {"displacedByCustomXml": is_one_of("next prev")}
_TRACKED = {"id": DECIMAL, "author": STRING, "date": DATE_TIME}
_THEMED = {"color": COLOUR, "themeColor": THEME_COLOUR, "themeTint": BYTE, "themeShade": BYTE}
BORDER = {"val": is_one_of(BORDERS), **_THEMED, "sz": is_measure(EIGHTHS, universal=False),
          "space": is_measure(1.0, universal=False), "shadow": ON_OFF, "frame": ON_OFF}
_TABLE_WIDTH = {"w": WIDTH, "type": is_one_of("nil pct dxa auto")}
_TABLE_JC = {"val": is_one_of("center end left right start")}
_SIDES = "top start left bottom end right"

# elements whose only attribute is a w:val of one type (CT_OnOff, CT_String, CT_DecimalNumber…)
_VALUED: tuple[tuple[str, Check], ...] = (
    ("b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden "
     "rtl cs specVanish oMath keepNext keepLines pageBreakBefore widowControl suppressLineNumbers "
     "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
     "contextualSpacing mirrorIndents suppressOverlap titlePg formProt noEndnote rtlGutter cantSplit tblHeader "
     "hidden noWrap tcFitText hideMark bidiVisual autoRedefine semiHidden unhideWhenUsed qFormat locked personal "
     "personalCompose personalReply isLgl trackRevisions updateFields evenAndOddHeaders embedTrueTypeFonts "
     "embedSystemFonts saveSubsetFonts mirrorMargins doNotHyphenateCaps autoHyphenation doNotShadeFormData "
     "gutterAtTop temporary showingPlcHdr docPartUnique removePersonalInformation removeDateAndTime "
     "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth "
     "printFormsData saveFormsData alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter "
     "hideSpellingErrors hideGrammaticalErrors formsDesign linkStyles doNotTrackMoves doNotTrackFormatting "
     "autoFormatOverride styleLockTheme styleLockQFSet showEnvelope bookFoldRevPrinting bookFoldPrinting "
     "doNotUseMarginsForDrawingGridOrigin noPunctuationKerning printTwoOnOne strictFirstAndLastChars "
     "savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
     "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving showXMLTags alwaysMergeEmptyNamespace "
     "doNotIncludeSubdocsInStats doNotAutoCompressPictures doNotEmbedSmartTags", ON_OFF),
    ("pStyle rStyle tblStyle basedOn next link name aliases tblCaption tblDescription styleLink numStyleLink "
     "clickAndTypeStyle defaultTableStyle decimalSymbol listSeparator alias tag docPart dateFormat docPartGallery "
     "docPartCategory lid noLineBreaksAfter noLineBreaksBefore", STRING),
    ("outlineLvl divId ilvl numId abstractNumId start lvlRestart startOverride uiPriority gridSpan gridBefore "
     "gridAfter numStart tblStyleRowBandSize tblStyleColBandSize consecutiveHyphenLimit numIdMacAtCleanup "
     "lvlPicBulletId summaryLength displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
     "bookFoldPrintingSheets id label tabIndex", DECIMAL),
    ("defaultTabStop hyphenationZone drawingGridHorizontalSpacing drawingGridVerticalSpacing "
     "drawingGridHorizontalOrigin drawingGridVerticalOrigin", TWIPS),
    ("nsid tmpl rsid rsidRoot", LONG_HEX), ("sz szCs", SIZE), ("kern", is_measure(HALF_POINT)),
    ("position", HALF_POINTS_SIGNED), ("jc lvlJc", is_one_of(JUSTIFICATIONS)), ("w", TEXT_SCALE),
    ("vertAlign", is_one_of("baseline superscript subscript")),
    ("textAlignment", is_one_of("top center baseline bottom auto")),
    ("textDirection", is_one_of("tb rl lr tbV rlV lrV btLr lrTb lrTbV tbLrV tbRl tbRlV")),
    ("textboxTightWrap", is_one_of("none allLines firstAndLastLine firstLineOnly lastLineOnly")),
    ("highlight", is_one_of("black blue cyan green magenta red yellow white darkBlue darkCyan darkGreen "
                            "darkMagenta darkRed darkYellow darkGray lightGray none")),
    ("effect", is_one_of("blinkBackground lights antsBlack antsRed shimmer sparkle none")),
    ("em", is_one_of("none dot comma circle underDot")), ("numFmt", NUMBER_FORMAT),
    ("vAlign", is_one_of("top center both bottom")), ("vMerge hMerge", is_one_of("continue restart")),
    ("tblOverlap", is_one_of("never overlap")), ("suff", is_one_of("tab space nothing")),
    ("multiLevelType", is_one_of("singleLevel multilevel hybridMultilevel")),
    ("numRestart", is_one_of("continuous eachSect eachPage")),
    ("view", is_one_of("none print outline masterPages normal web")),
    ("characterSpacingControl", is_one_of("doNotCompress compressPunctuation compressPunctuationAndJapaneseKana")),
    ("lock", is_one_of("sdtLocked contentLocked unlocked sdtContentLocked")),
    ("storeMappedDataAs", is_one_of("text date dateTime")),
    ("calendar", is_one_of("gregorian hijri hebrew taiwan japan thai korean saka gregorianXlitEnglish "
                           "gregorianXlitFrench gregorianUs gregorianMeFrench gregorianArabic none")),
)
_BARE = ("t instrText delText delInstrText cr noBreakHyphen softHyphen lastRenderedPageBreak pgNum separator "
         "continuationSeparator footnoteRef endnoteRef annotationRef dayShort monthShort yearShort dayLong "
         "monthLong yearLong pict drawing sdt sdtPr sdtEndPr sdtContent tbl tblGrid tblPr tblPrEx tc tcPr trPr "
         "pPr rPr tabs numPr pBdr tblBorders tcBorders tblCellMar tcMar styles docDefaults rPrDefault pPrDefault "
         "numbering settings compat docVars rsids footnotePr endnotePr "
         "richText citation group bibliography picture equation docPartObj docPartList hdr ftr body")


def _valued() -> dict[str, dict[str, Check]]:
    return {name: {"val": check} for names, check in _VALUED for name in names.split()}


ATTRIBUTES: dict[str, dict[str, Check]] = {
    **{name: {} for name in _BARE.split()}, **_valued(),
    "text": {"multiLine": ON_OFF}, "r/tab": {}, "document": {"conformance": is_one_of("strict transitional")},
    **{f"{notes}s/{notes}": {"id": DECIMAL, "type": is_one_of("normal separator continuationSeparator "
                                                               "continuationNotice")}
       for notes in ("footnote", "endnote")},
    "color": {"val": COLOUR, **{k: v for k, v in _THEMED.items() if k != "color"}},
    "u": {"val": is_one_of("single words double thick dotted dottedHeavy dash dashedHeavy dashLong dashLongHeavy "
                           "dotDash dashDotHeavy dotDotDash dashDotDotHeavy wave wavyHeavy wavyDouble none"),
          **_THEMED},
    "shd": {"val": is_one_of(" ".join(SHADINGS)), **_THEMED, "fill": COLOUR, "themeFill": THEME_COLOUR,
            "themeFillTint": BYTE, "themeFillShade": BYTE},
    "rFonts": {"hint": is_one_of("default eastAsia cs"), "ascii": STRING, "hAnsi": STRING, "eastAsia": STRING,
               "cs": STRING, "asciiTheme": THEME_FONT, "hAnsiTheme": THEME_FONT, "eastAsiaTheme": THEME_FONT,
               "cstheme": THEME_FONT},
    "lang": {"val": STRING, "eastAsia": STRING, "bidi": STRING},
    "themeFontLang": {"val": STRING, "eastAsia": STRING, "bidi": STRING},
    "eastAsianLayout": {"id": DECIMAL, "combine": ON_OFF, "vert": ON_OFF, "vertCompress": ON_OFF,
                        "combineBrackets": is_one_of("none round square angle curly")},
    "fitText": {"val": TWIPS, "id": DECIMAL}, "rPr/spacing": {"val": SIGNED}, "bdr": BORDER,
    "pPr/spacing": {"before": TWIPS, "beforeLines": DECIMAL, "beforeAutospacing": ON_OFF, "after": TWIPS,
                    "afterLines": DECIMAL, "afterAutospacing": ON_OFF, "line": SIGNED, "lineRule": _RULE},
    "ind": {**{f"{side}{chars}": DECIMAL if chars else SIGNED for side in ("start", "end", "left", "right")
               for chars in ("", "Chars")},
            "hanging": TWIPS, "hangingChars": DECIMAL, "firstLine": TWIPS, "firstLineChars": DECIMAL},
    "tabs/tab": {"val": is_one_of("clear start center end decimal bar num left right"), "pos": SIGNED,
                 "leader": is_one_of("none dot hyphen underscore heavy middleDot")},
    "cnfStyle": {"val": _pattern("[01]{12}"), **dict.fromkeys(
        "firstRow lastRow firstColumn lastColumn oddVBand evenVBand oddHBand evenHBand firstRowFirstColumn "
        "firstRowLastColumn lastRowFirstColumn lastRowLastColumn".split(), ON_OFF)},
    "framePr": {"dropCap": is_one_of("none drop margin"), "lines": DECIMAL, "w": TWIPS, "h": TWIPS, "vSpace": TWIPS,
                "hSpace": TWIPS, "wrap": is_one_of("auto notBeside around tight through none"), "hAnchor": _ANCHOR,
                "vAnchor": _ANCHOR, "x": SIGNED, "y": SIGNED, "hRule": _RULE, "anchorLock": ON_OFF,
                "xAlign": is_one_of("left center right inside outside"),
                "yAlign": is_one_of("inline top center bottom inside outside")},
    **{f"{edges}/{side}": BORDER for edges in ("pBdr", "tblBorders", "tcBorders")
       for side in f"{_SIDES} between bar insideH insideV tl2br tr2bl".split()},
    **{f"{margins}/{side}": _TABLE_WIDTH for margins in ("tblCellMar", "tcMar") for side in _SIDES.split()},
    **{name: _TABLE_WIDTH for name in "tblW tcW tblInd tblCellSpacing wBefore wAfter".split()},
    "tblPr/jc": _TABLE_JC, "trPr/jc": _TABLE_JC, "tblLayout": {"type": is_one_of("fixed autofit")},
    "tblLook": {"val": SHORT_HEX, **dict.fromkeys("firstRow lastRow firstColumn lastColumn noHBand noVBand".split(),
                                                  ON_OFF)},
    "tblpPr": {**dict.fromkeys("leftFromText rightFromText topFromText bottomFromText".split(), TWIPS),
               "vertAnchor": _ANCHOR, "horzAnchor": _ANCHOR, "tblpX": SIGNED, "tblpY": SIGNED,
               "tblpXSpec": is_one_of("left center right inside outside"),
               "tblpYSpec": is_one_of("inline top center bottom inside outside")},
    "trHeight": {"val": TWIPS, "hRule": _RULE}, "gridCol": {"w": TWIPS},
    "p": {f"rsid{k}": LONG_HEX for k in ("RPr", "R", "Del", "P", "RDefault")},
    "r": {f"rsid{k}": LONG_HEX for k in ("RPr", "Del", "R")},
    "tr": {f"rsid{k}": LONG_HEX for k in ("RPr", "R", "Del", "Tr")},
    "sectPr": {f"rsid{k}": LONG_HEX for k in ("RPr", "Del", "R", "Sect")},
    "pgSz": {"w": TWIPS, "h": TWIPS, "orient": is_one_of("portrait landscape"), "code": DECIMAL},
    "pgMar": {"top": SIGNED, "bottom": SIGNED, **dict.fromkeys("right left header footer gutter".split(), TWIPS)},
    "paperSrc": {"first": DECIMAL, "other": DECIMAL},
    "pgNumType": {"fmt": NUMBER_FORMAT, "start": DECIMAL, "chapStyle": DECIMAL,
                  "chapSep": is_one_of("hyphen period colon emDash enDash")},
    "cols": {"equalWidth": ON_OFF, "space": TWIPS, "num": DECIMAL, "sep": ON_OFF}, "col": {"w": TWIPS, "space": TWIPS},
    "docGrid": {"type": is_one_of("default lines linesAndChars snapToChars"), "linePitch": DECIMAL,
                "charSpace": DECIMAL},
    "sectPr/type": {"val": is_one_of("nextPage nextColumn continuous evenPage oddPage")},
    "footnotePr/pos": {"val": is_one_of("pageBottom beneathText sectEnd docEnd")},
    "endnotePr/pos": {"val": is_one_of("sectEnd docEnd")},
    "footnotePr/footnote": {"id": DECIMAL}, "endnotePr/endnote": {"id": DECIMAL},
    **{name: {"type": is_one_of("default first even")} for name in ("headerReference", "footerReference")},
    "br": {"type": is_one_of("page column textWrapping"), "clear": is_one_of("none left right all")},
    "sym": {"font": STRING, "char": SHORT_HEX},
    "ptab": {"relativeTo": is_one_of("margin indent"), "alignment": is_one_of("left center right"),
             "leader": is_one_of("none dot hyphen underscore middleDot")},
    "fldChar": {"fldCharType": is_one_of("begin separate end"), "fldLock": ON_OFF, "dirty": ON_OFF},
    "fldSimple": {"instr": STRING, "fldLock": ON_OFF, "dirty": ON_OFF},
    "footnoteReference": {"customMarkFollows": ON_OFF, "id": DECIMAL},
    "endnoteReference": {"customMarkFollows": ON_OFF, "id": DECIMAL}, "commentReference": {"id": DECIMAL},
    "object": {"dxaOrig": TWIPS, "dyaOrig": TWIPS},
    "hyperlink": {"tgtFrame": STRING, "tooltip": STRING, "docLocation": STRING, "history": ON_OFF, "anchor": STRING},
    "bookmarkStart": {"id": DECIMAL, "name": STRING, "colFirst": DECIMAL, "colLast": DECIMAL, **_DISPLACED},
    "bookmarkEnd": {"id": DECIMAL, **_DISPLACED}, "commentRangeStart": {"id": DECIMAL, **_DISPLACED},
    "commentRangeEnd": {"id": DECIMAL, **_DISPLACED},
    "permStart": {"id": STRING, "edGrp": STRING, "ed": STRING, "colFirst": DECIMAL, "colLast": DECIMAL, **_DISPLACED},
    "permEnd": {"id": STRING, **_DISPLACED},
    "proofErr": {"type": is_one_of("spellStart spellEnd gramStart gramEnd")},
    **{name: _TRACKED for name in "ins del moveFrom moveTo rPrChange pPrChange sectPrChange tblPrChange "
                                  "trPrChange tcPrChange numberingChange cellIns cellDel".split()},
    "dataBinding": {"prefixMappings": STRING, "xpath": STRING, "storeItemID": STRING},
    "date": {"fullDate": DATE_TIME}, "comboBox": {"lastValue": STRING}, "dropDownList": {"lastValue": STRING},
    "listItem": {"displayText": STRING, "value": STRING},
    "smartTag": {"uri": STRING, "element": STRING}, "customXml": {"uri": STRING, "element": STRING},
    "attr": {"uri": STRING, "name": STRING, "val": STRING},
    "latentStyles": {**dict.fromkeys("defLockedState defSemiHidden defUnhideWhenUsed defQFormat".split(), ON_OFF),
                     "defUIPriority": DECIMAL, "count": DECIMAL},
    "lsdException": {"name": STRING, "uiPriority": DECIMAL,
                     **dict.fromkeys("locked semiHidden unhideWhenUsed qFormat".split(), ON_OFF)},
    "style": {"type": is_one_of(STYLE_TYPES), "styleId": STRING, "default": ON_OFF, "customStyle": ON_OFF},
    "tblStylePr": {"type": is_one_of("wholeTable firstRow lastRow firstCol lastCol band1Vert band2Vert band1Horz "
                                     "band2Horz neCell nwCell seCell swCell")},
    "numPicBullet": {"numPicBulletId": DECIMAL}, "abstractNum": {"abstractNumId": DECIMAL},
    "lvl": {"ilvl": DECIMAL, "tplc": LONG_HEX, "tentative": ON_OFF}, "num": {"numId": DECIMAL},
    "lvlOverride": {"ilvl": DECIMAL}, "numFmt": {"val": NUMBER_FORMAT, "format": STRING},
    "lvlText": {"val": STRING, "null": ON_OFF},
    "legacy": {"legacy": ON_OFF, "legacySpace": TWIPS, "legacyIndent": SIGNED},
    "zoom": {"val": is_one_of("none fullPage bestFit textFit"), "percent": PERCENT},
    "proofState": {"spelling": is_one_of("clean dirty"), "grammar": is_one_of("clean dirty")},
    "compatSetting": {"name": STRING, "uri": STRING, "val": STRING},
    "docVar": {"name": STRING, "val": STRING},
    "font": {"name": STRING}, "charset": {"val": BYTE, "characterSet": STRING}, "altName": {"val": STRING},
    "family": {"val": is_one_of("decorative modern roman script swiss auto")},
    "pitch": {"val": is_one_of("fixed variable default")}, "panose1": {"val": _pattern("[0-9A-Fa-f]{20}")},
    "sig": dict.fromkeys("usb0 usb1 usb2 usb3 csb0 csb1".split(), LONG_HEX), "notTrueType": {"val": ON_OFF},
    **{name: {"fontKey": _pattern(r"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}"),
              "subsetted": ON_OFF} for name in "embedRegular embedBold embedItalic embedBoldItalic".split()},
    "pgBorders": {"zOrder": is_one_of("front back"), "display": is_one_of("allPages firstPage notFirstPage"),
                  "offsetFrom": is_one_of("page text")},
    **{f"pgBorders/{side}": BORDER for side in "top left bottom right".split()},
    "stylePaneFormatFilter": {"val": SHORT_HEX, **dict.fromkeys(
        "allStyles customStyles latentStyles stylesInUse headingStyles numberingStyles tableStyles "
        "directFormattingOnRuns directFormattingOnParagraphs directFormattingOnNumbering directFormattingOnTables "
        "clearFormatting top3HeadingStyles visibleStyles alternateStyleNames".split(), ON_OFF)},
    "clrSchemeMapping": dict.fromkeys("bg1 t1 bg2 t2 accent1 accent2 accent3 accent4 accent5 accent6 hyperlink "
                                      "followedHyperlink".split(), is_one_of(
        "dark1 light1 dark2 light2 accent1 accent2 accent3 accent4 accent5 accent6 hyperlink followedHyperlink")),
}
# attributes that mean the same on every element that has them, for an element the table does not list
BY_NAME: dict[str, Check] = {**{f"rsid{k}": LONG_HEX for k in ("RPr", "R", "Del", "P", "RDefault", "Tr", "Sect")},
                             **_THEMED, "fill": COLOUR, "themeFill": THEME_COLOUR, "themeFillTint": BYTE,
                             "themeFillShade": BYTE}

_OPTIONAL_VALUES = frozenset("w vMerge hMerge lock".split())  # a w:val these may leave out, as an on/off may
_EDGES = [key for key, checks in ATTRIBUTES.items() if checks is BORDER]
# the attributes an element requires: one without any of them goes (Word refuses it)
REQUIRED: dict[str, tuple[str, ...]] = {
    **{name: ("val",) for names, check in _VALUED if check is not ON_OFF for name in names.split()
       if name not in _OPTIONAL_VALUES},
    **dict.fromkeys(_EDGES, ("val",)), "tabs/tab": ("val", "pos"), "shd": ("val",), "color": ("val",),
    "numFmt": ("val",), "lvl": ("ilvl",), "lvlOverride": ("ilvl",), "abstractNum": ("abstractNumId",),
    "num": ("numId",), "fldChar": ("fldCharType",), "fldSimple": ("instr",), "zoom": ("percent",),
    "footnoteReference": ("id",), "endnoteReference": ("id",), "bookmarkStart": ("id", "name"),
    "bookmarkEnd": ("id",), "commentRangeStart": ("id",), "commentRangeEnd": ("id",), "permStart": ("id",),
    "permEnd": ("id",), "commentReference": ("id",), "lsdException": ("name",), "docVar": ("name", "val"),
    "compatSetting": ("name", "uri", "val"), "listItem": (), "attr": ("name", "val"), "proofErr": ("type",),
    "headerReference": ("type",), "footerReference": ("type",), "sectPr/type": ("val",),
    "footnotePr/pos": ("val",), "endnotePr/pos": ("val",), "footnotePr/footnote": ("id",),
    "endnotePr/endnote": ("id",), "rPr/spacing": ("val",), "font": ("name",),
    "sig": ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1"),
    **dict.fromkeys("ins del moveFrom moveTo rPrChange pPrChange sectPrChange tblPrChange trPrChange tcPrChange "
                    "numberingChange cellIns cellDel".split(), ("id", "author")),
}
