"""The text of a chart a Word document shows (a c:chart, or an Office 2016 cx:chart, names its part by its r:id):
its titles, the chart's and each axis', as Word draws them: a title's own text (its rich text paragraphs), or
the text its cell reference last held (c:strCache). They read as paragraphs after the paragraph the chart is
anchored in, as a text box's do, so that no chart breaks a passage running across its anchor's text.

Not read: the legend, category and value labels and the data (numbers and names a reader does not quote as a
passage, and which Word copies as no text), and a title the chart makes of its series' name (a c:title with no
text of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
CX = "{http://schemas.microsoft.com/office/drawing/2014/chartex}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CHARTS = {f"{C}chart", f"{CX}chart"}  # in a drawing's a:graphicData: the chart, by its r:id
TITLES = {f"{C}title", f"{CX}title"}
CACHED = {f"{C}v", f"{CX}v"}  # a title's text as its cell reference last held it


def chart_text(events: Iterator[tuple[str, Any]]) -> list[str]:
    """The paragraphs of a chart part's titles, in the part's order, from its events (docxstyles.xml_events).
    A title's line is read once: an Office 2016 chart keeps its title's text (cx:txData) and again its
    formatting's copy of it (cx:txPr)."""
    found: list[str] = []
    titles, first = 0, 0  # the titles open; where the innermost's lines start in `found`
    line: list[str] = []
    for event, element in events:
        tag = element.tag
        if tag in TITLES:
            titles += 1 if event == "start" else -1
            first = len(found)
        elif event == "end" and titles and (tag == f"{A}t" or tag in CACHED):
            line.append(element.text or "")
        elif event == "end" and titles and tag == f"{A}br":  # a line break in a title: the words read on
            line.append(" ")
        if event == "end" and (tag == f"{A}p" or tag in CACHED):
            text = "".join(line)
            if titles and text.strip() and text not in found[first:]:
                found.append(text)
            line = []
    return found
