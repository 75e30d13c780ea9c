"""The w: children each content container of a reference's kept parts may hold (ECMA-376 Part 1, transitional
wml.xsd: a header's blocks, a paragraph's runs, a run's text, a table's rows and cells); schema.py drops any
other (a misspelt or made-up element, which Word refuses) before it puts the property containers in order.
Children of other namespaces (w14:, mc:AlternateContent, m:oMath) are foreign.py's to judge.
"""

from __future__ import annotations

from lxml import etree

from briefgen.document.wordvalues import W

_RANGES = ("bookmarkStart bookmarkEnd moveFromRangeStart moveFromRangeEnd moveToRangeStart moveToRangeEnd "
           "commentRangeStart commentRangeEnd customXmlInsRangeStart customXmlInsRangeEnd customXmlDelRangeStart "
           "customXmlDelRangeEnd customXmlMoveFromRangeStart customXmlMoveFromRangeEnd customXmlMoveToRangeStart "
           "customXmlMoveToRangeEnd")
_RUN_LEVEL = f"proofErr permStart permEnd ins del moveFrom moveTo {_RANGES}"  # EG_RunLevelElements
_BLOCK = f"customXml sdt p tbl altChunk {_RUN_LEVEL}"  # EG_BlockLevelElts
_RUN_CONTENT = f"customXml smartTag sdt dir bdo r {_RUN_LEVEL}"  # EG_ContentRunContent
_P_CONTENT = f"{_RUN_CONTENT} fldSimple hyperlink subDoc"  # EG_PContent
_RUN_INNER = ("br t contentPart delText instrText delInstrText noBreakHyphen softHyphen dayShort monthShort yearShort "
              "dayLong monthLong yearLong annotationRef footnoteRef endnoteRef separator continuationSeparator sym "
              "pgNum cr tab object pict fldChar ruby footnoteReference endnoteReference commentReference drawing ptab "
              "lastRenderedPageBreak")  # EG_RunInnerContent
_ROW_CONTENT = f"tr customXml sdt {_RUN_LEVEL}"  # EG_ContentRowContent
_CELL_CONTENT = f"tc customXml sdt {_RUN_LEVEL}"  # EG_ContentCellContent
ALLOWED: dict[str, frozenset[str]] = {W + name: frozenset(children.split()) for name, children in {
    "hdr": _BLOCK, "ftr": _BLOCK, "txbxContent": _BLOCK, "body": f"{_BLOCK} sectPr", "tc": f"tcPr {_BLOCK}",
    "p": f"pPr {_P_CONTENT}", "hyperlink": _P_CONTENT, "fldSimple": f"fldData {_P_CONTENT}",
    "dir": _P_CONTENT, "bdo": _P_CONTENT, "smartTag": f"smartTagPr {_P_CONTENT}", "r": f"rPr {_RUN_INNER}",
    "tbl": f"tblPr tblGrid {_ROW_CONTENT}", "tr": f"tblPrEx trPr {_CELL_CONTENT}",
    "sdt": "sdtPr sdtEndPr sdtContent",  # a content control's content is a block's, a run's, a row's or a cell's
    "sdtContent": f"{_BLOCK} {_P_CONTENT} {_ROW_CONTENT} {_CELL_CONTENT}",
}.items()}


def drop_strays(root: etree._Element) -> None:
    """Remove every w: child of a content container that its type does not admit."""
    for container in list(root.iter(*ALLOWED)):
        allowed = ALLOWED[container.tag]
        for child in list(container):
            if isinstance(child.tag, str) and child.tag.startswith(W) and child.tag[len(W):] not in allowed:
                container.remove(child)
