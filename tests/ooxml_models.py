"""Content models of the WordprocessingML complex types briefgen and python-docx write, transcribed from the
element sequences of ECMA-376 Part 1 (transitional schema, wml.xsd), for tests/ooxml_order.py.

A model is a tuple of slots, in schema order; a slot is the set of names it admits and whether it may repeat.
Written compactly: "a b* c|d*" is a sequence of `a` (once), `b` (any number), then `c` or `d` (any number).
Only children in the w: namespace are modelled; extension elements (w14:, mc:, m:…) are let through.
"""

from __future__ import annotations

Slot = tuple[frozenset[str], bool]
Model = tuple[Slot, ...]


def seq(text: str) -> Model:
    """'a b* c|d*' -> ((({'a'}, once), ({'b'}, many), ({'c', 'd'}, many))."""
    return tuple((frozenset(token.rstrip("*").split("|")), token.endswith("*")) for token in text.split())


def choice(*names: str) -> str:
    """A repeating choice of names, as a slot of `seq` text."""
    return "|".join(names) + "*"


RANGE_MARKUP = ("bookmarkStart bookmarkEnd moveFromRangeStart moveFromRangeEnd moveToRangeStart moveToRangeEnd "
                "commentRangeStart commentRangeEnd customXmlInsRangeStart customXmlInsRangeEnd "
                "customXmlDelRangeStart customXmlDelRangeEnd customXmlMoveFromRangeStart customXmlMoveFromRangeEnd "
                "customXmlMoveToRangeStart customXmlMoveToRangeEnd").split()
RUN_LEVEL = ["proofErr", "permStart", "permEnd", *RANGE_MARKUP, "ins", "del", "moveFrom", "moveTo"]  # EG_RunLevelElts
BLOCK = ["customXml", "sdt", "p", "tbl", "altChunk", *RUN_LEVEL]  # EG_BlockLevelElts
RUN_CONTENT = ["customXml", "smartTag", "sdt", "dir", "bdo", "r", *RUN_LEVEL]  # EG_ContentRunContent
P_CONTENT = [*RUN_CONTENT, "fldSimple", "hyperlink", "subDoc"]  # EG_PContent
RUN_INNER = ("br t contentPart delText instrText delInstrText noBreakHyphen softHyphen dayShort monthShort yearShort "
             "dayLong monthLong yearLong annotationRef footnoteRef endnoteRef separator continuationSeparator sym "
             "pgNum cr tab object pict fldChar ruby footnoteReference endnoteReference commentReference drawing ptab "
             "lastRenderedPageBreak").split()  # EG_RunInnerContent

PPR_BASE = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
            "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
            "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
            "textAlignment textboxTightWrap outlineLvl divId cnfStyle")
RPR_BASE = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
            "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
            "cs em lang eastAsianLayout specVanish oMath")
SECT_CONTENTS = ("footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign "
                 "noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings")
TBLPR_BASE = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
              "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription")
TCPR_INNER = ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
              "headers cellIns|cellDel|cellMerge")
TRPR_BASE = choice("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
                   "tblHeader", "tblCellSpacing", "jc", "hidden")
FTN_PROPS = "pos numFmt numStart numRestart"
SETTINGS = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
    "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle* proofState "
    "formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
    "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
    "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
    "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter "
    "noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
    "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt "
    "showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
    "attachedSchema* themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType* shapeDefaults doNotEmbedSmartTags decimalSymbol "
    "listSeparator")
COMPAT = (
    "useSingleBorderforContiguousCells wpJustification noTabHangInd noLeading spaceForUL noColumnBalance "
    "balanceSingleByteDoubleByteWidth noExtraLineSpacing doNotLeaveBackslashAlone ulTrailSpace doNotExpandShiftReturn "
    "spacingInWholePoints lineWrapLikeWord6 printBodyTextBeforeHeader printColBlack wpSpaceWidth showBreaksInFrames "
    "subFontBySize suppressBottomSpacing suppressTopSpacing suppressSpacingAtTopOfPage suppressTopSpacingWP "
    "suppressSpBfAfterPgBrk swapBordersFacingPages convMailMergeEsc truncateFontHeightsLikeWP6 mwSmallCaps "
    "usePrinterMetrics doNotSuppressParagraphBorders wrapTrailSpaces footnoteLayoutLikeWW8 shapeLayoutLikeWW8 "
    "alignTablesRowByRow forgetLastTabAlignment adjustLineHeightInTable autoSpaceLikeWord95 noSpaceRaiseLower "
    "doNotUseHTMLParagraphAutoSpacing layoutRawTableWidth layoutTableRowsApart useWord97LineBreakRules "
    "doNotBreakWrappedTables doNotSnapToGridInCell selectFldWithFirstOrLastChar applyBreakingRules "
    "doNotWrapTextWithPunct doNotUseEastAsianBreakRules useWord2002TableStyleRules growAutofit useFELayout "
    "useNormalStyleForList doNotUseIndentAsNumberingTabStop useAltKinsokuLineBreakRules allowSpaceOfSameStyleInTable "
    "doNotSuppressIndentation doNotAutofitConstrainedTables autofitToFirstFixedWidthCell underlineTabInNumList "
    "displayHangulFixedWidth splitPgBreakAndParaMark doNotVertAlignCellWithSp doNotBreakConstrainedForcedTable "
    "doNotVertAlignInTxbx useAnsiKerningPairs cachedColBalance compatSetting*")
STYLE = ("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
         "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr*")
LVL = "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr"
BORDERS = "top start left bottom end right insideH insideV tl2br tr2bl"  # CT_TcBorders; the others are subsets
MARGINS = "top start left bottom end right"  # CT_TblCellMar, CT_TcMar

# (parent, element) for a type that depends on where the element is; else the element's name alone
MODELS: dict[str, Model] = {
    "document": seq("background body"),
    "body": seq(f"{choice(*BLOCK)} sectPr"),
    "p": seq(f"pPr {choice(*P_CONTENT)}"),
    "r": seq(f"rPr {choice(*RUN_INNER)}"),
    "hyperlink": seq(choice(*P_CONTENT)),
    "fldSimple": seq(f"fldData {choice(*P_CONTENT)}"),
    "ins": seq(choice(*RUN_CONTENT)),
    "del": seq(choice(*RUN_CONTENT)),
    "moveFrom": seq(choice(*RUN_CONTENT)), "moveTo": seq(choice(*RUN_CONTENT)),
    "fldChar": seq("fldData|ffData|numberingChange"),
    "pPr": seq(f"{PPR_BASE} rPr sectPr pPrChange"),
    "pPrChange/pPr": seq(PPR_BASE),
    "pPrGeneral": seq(f"{PPR_BASE} pPrChange"),
    "rPr": seq(f"{RPR_BASE} rPrChange"),
    "pPr/rPr": seq(f"ins del moveFrom moveTo {RPR_BASE} rPrChange"),
    "rPrChange/rPr": seq(RPR_BASE),
    "numPr": seq("ilvl numId numberingChange ins"),
    "pBdr": seq("top left bottom right between bar"),
    "tabs": seq("tab*"),
    "sectPr": seq(f"headerReference|footerReference* {SECT_CONTENTS} sectPrChange"),
    "sectPrChange/sectPr": seq(SECT_CONTENTS),
    "sectPr/footnotePr": seq(FTN_PROPS),
    "settings/footnotePr": seq(f"{FTN_PROPS} footnote*"),
    "pgBorders": seq("top left bottom right"),
    "cols": seq("col*"),
    "tbl": seq(f"{choice(*RANGE_MARKUP)} tblPr tblGrid {choice('tr', 'customXml', 'sdt', *RUN_LEVEL)}"),
    "tblPr": seq(f"{TBLPR_BASE} tblPrChange"),
    "tblPrBase": seq(TBLPR_BASE),
    "tblGrid": seq("gridCol* tblGridChange"),
    "tblBorders": seq(BORDERS), "tcBorders": seq(BORDERS),
    "tblCellMar": seq(MARGINS), "tcMar": seq(MARGINS),
    "tr": seq(f"tblPrEx trPr {choice('tc', 'customXml', 'sdt', *RUN_LEVEL)}"),
    "trPr": seq(f"{TRPR_BASE} ins del trPrChange"),
    "tc": seq(f"tcPr {choice(*BLOCK)}"),
    "tcPr": seq(f"{TCPR_INNER} tcPrChange"),
    "tcPrChange/tcPr": seq(TCPR_INNER),
    "footnotes": seq("footnote*"), "endnotes": seq("endnote*"),
    "footnotes/footnote": seq(choice(*BLOCK)), "endnotes/endnote": seq(choice(*BLOCK)),
    "hdr": seq(choice(*BLOCK)), "ftr": seq(choice(*BLOCK)),
    "styles": seq("docDefaults latentStyles style*"),
    "docDefaults": seq("rPrDefault pPrDefault"),
    "rPrDefault": seq("rPr"), "pPrDefault": seq("pPr"),
    "latentStyles": seq("lsdException*"),
    "style": seq(STYLE),
    "tblStylePr": seq("pPr rPr tblPr trPr tcPr"),
    "numbering": seq("numPicBullet* abstractNum* num* numIdMacAtCleanup"),
    "abstractNum": seq("nsid multiLevelType tmpl name styleLink numStyleLink lvl*"),
    "lvl": seq(LVL),
    "num": seq("abstractNumId lvlOverride*"),
    "lvlOverride": seq("startOverride lvl"),
    "settings": seq(SETTINGS),
    "compat": seq(COMPAT),
    "docVars": seq("docVar*"),
    "fonts": seq("font*"),
    "font": seq("altName panose1 charset family notTrueType pitch sig embedRegular embedBold embedItalic "
                "embedBoldItalic"),
}
# where a name stands for a more general (or another) type than its own entry
ALIASES = {"style/pPr": "pPrGeneral", "lvl/pPr": "pPrGeneral", "pPrDefault/pPr": "pPrGeneral",
           "tblStylePr/pPr": "pPrGeneral", "style/tblPr": "tblPrBase", "tblStylePr/tblPr": "tblPrBase",
           "tblPrChange/tblPr": "tblPrBase", "rPr/ins": "", "rPr/del": "",
           "rPr/moveFrom": "", "rPr/moveTo": "", "trPr/ins": "", "trPr/del": "",
           "numPr/ins": "", "footnotePr/footnote": "", "endnotePr/endnote": ""}
REQUIRED = {"tbl": ("tblPr", "tblGrid"), "num": ("abstractNumId",)}
NON_EMPTY = {"tc", "footnotes/footnote", "endnotes/endnote", "hdr", "ftr"}  # at least one block-level element


def model_for(parent: str, name: str) -> tuple[str, Model | None]:
    """The key and model of element `name` under `parent` (local names); None where it is not modelled."""
    key = f"{parent}/{name}"
    key = ALIASES.get(key, key if key in MODELS else name)
    return key, MODELS.get(key)
