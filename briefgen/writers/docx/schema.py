"""A reference DOCX's parts put in the schema's element order as they are opened.

Word refuses, or "finds unreadable content" in, a part whose elements are out of their ECMA-376 sequence; python
-docx and LibreOffice read them. References come from tools that wrote some out of order (pandoc's has its
settings' w:footnotePr before w:defaultTabStop, a style's w:qFormat after its w:pPr, w:bCs after w:i) or from
hand edits (a w:numPr put first in a style's w:pPr, a w:abstractNum after the w:num using it). The brief keeps
those parts, so their children are sorted here, stably, by the schema's order for the property containers the
brief keeps; an element of another namespace (an extension, w14:…) stays after the one it followed, and a w: one
the order does not name goes (Word refuses it). A part already in order is left exactly as it was.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.part import Part, XmlPart
from lxml import etree

from briefgen.document.wordvalues import W as _W
from briefgen.writers.docx.content import drop_strays
from briefgen.writers.docx.foreign import drop_foreign
from briefgen.writers.docx.values import clean

_PPR = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
        "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
        "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange")
_RPR = ("ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
        "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr "
        "shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange")
_SETTINGS = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
    "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState "
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
    "{math}mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType {sl}schemaLibrary shapeDefaults doNotEmbedSmartTags "
    "decimalSymbol listSeparator")
_TCPR = ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
         "headers cellIns cellDel cellMerge tcPrChange")
_TBLPR = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
          "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange")
_SIDES = "top start left bottom end right insideH insideV tl2br tr2bl"
# CT_PPr, CT_RPr (with CT_ParaRPr's leading marks), CT_Style, CT_Settings, CT_Numbering, CT_AbstractNum, CT_Lvl,
# CT_TblPr, CT_TcPr, CT_SectPr, CT_NumPr and the border and margin lists: ECMA-376 Part 1, transitional wml.xsd
ORDERS = {
    "pPr": _PPR, "rPr": _RPR, "settings": _SETTINGS, "tcPr": _TCPR, "tblPr": _TBLPR,
    "style": ("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
              "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"),
    "styles": "docDefaults latentStyles style",
    "docDefaults": "rPrDefault pPrDefault",
    "numbering": "numPicBullet abstractNum num numIdMacAtCleanup",
    "abstractNum": "nsid multiLevelType tmpl name styleLink numStyleLink lvl",
    "lvl": "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr",
    "tblStylePr": "pPr rPr tblPr trPr tcPr",
    "sectPr": ("headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
               "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
               "printerSettings sectPrChange"),
    "pBdr": "top left bottom right between bar", "numPr": "ilvl numId numberingChange ins",
    "tblBorders": _SIDES, "tcBorders": _SIDES, "tblCellMar": _SIDES, "tcMar": _SIDES,
}
_NAMESPACES = {"math": "{http://schemas.openxmlformats.org/officeDocument/2006/math}",
               "sl": "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}"}
_RANKS = {_W + parent: {(name.format(**_NAMESPACES) if "{" in name else _W + name): rank
                        for rank, name in enumerate(order.split())}
          for parent, order in ORDERS.items()}
_HEADER_FOOTER = frozenset((_W + "headerReference", _W + "footerReference"))  # one choice group, in any order


def put_in_order(document: DocxDocument) -> None:
    """Sort the children of every ordered container of every WordprocessingML part into the schema's order,
    each property said once, with a value Word takes (render/house.py reads the first of each, and ignores the
    others); a part python-docx keeps as bytes (the font table) is read, mended and written back."""
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart):
            if part.element.tag.startswith(_W):
                _mend(part.element)
        elif _WORD_XML in part.content_type:
            _mend_bytes(part)


_WORD_XML = "wordprocessingml"  # in the content type of each of its XML parts


def _mend(root: etree._Element) -> None:
    drop_foreign(root)
    clean(root)
    drop_strays(root)
    for container in list(root.iter(*_RANKS)):  # listed first: sorting moves the elements
        if container.tag in _SINGLES:
            _keep_valid_once(container)
        _sort(container, _RANKS[container.tag])


def _mend_bytes(part: Part) -> None:
    """A part held as bytes, mended as an XML part is where it is WordprocessingML, and otherwise untouched."""
    try:
        root = etree.fromstring(part.blob, parser=_PARSER)
    except etree.XMLSyntaxError:
        return  # not read as XML by briefgen either: the reference's checks refuse what Word cannot open
    if isinstance(root.tag, str) and root.tag.startswith(_W):
        _mend(root)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


# each of their w: children may appear once (ECMA-376's sequences), but those `_REPEATED`
_SINGLES = frozenset(_W + name for name in ("pPr", "rPr", "sectPr", "settings", "style", "lvl", "tblPr", "tcPr",
                                            "pBdr", "tblBorders", "tcBorders", "tblCellMar", "tcMar",
                                            "numPr"))
_REPEATED = frozenset(_W + name for name in ("headerReference", "footerReference", "activeWritingStyle",
                                             "attachedSchema", "smartTagType", "tblStylePr"))


def _keep_valid_once(container: etree._Element) -> None:
    """Drop a property said a second time (a hand-edited reference: Word would not open the brief that kept
    it); values Word refuses are gone already (values.py)."""
    seen: set[str] = set()
    for child in list(container):
        if not isinstance(child.tag, str) or not child.tag.startswith(_W) or child.tag in _REPEATED:
            continue  # a comment, an extension (w14:…, mc:AlternateContent), or a list
        if child.tag in seen:
            container.remove(child)
        seen.add(child.tag)


def _sort(container: etree._Element, ranks: dict[str, int]) -> None:
    """The container's children in the schema's order, a w: one the schema does not give it (a misspelt or
    made-up property, which Word refuses) dropped."""
    for child in list(container):
        if isinstance(child.tag, str) and child.tag.startswith(_W) and child.tag not in ranks \
                and child.tag not in _HEADER_FOOTER:
            container.remove(child)
    children = list(container)
    keys, rank = [], -1
    for child in children:
        tag = child.tag if isinstance(child.tag, str) else ""
        rank = ranks.get(_W + "headerReference" if tag in _HEADER_FOOTER else tag, rank)
        keys.append(rank)
    if keys == sorted(keys):
        return
    ordered = [child for _, child in sorted(zip(keys, range(len(children)), strict=True))]
    for child in ordered:
        container.append(children[child])
