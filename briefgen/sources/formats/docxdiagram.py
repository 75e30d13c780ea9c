"""The text of a SmartArt diagram, which Word shows in its shapes: the diagram's data part (its r:dm
relationship, word/diagrams/data1.xml) holds it, each node's (dgm:pt of type node or asst) text paragraphs in
the diagram's order; the connections between nodes, the layout and the drawing Word keeps of the shapes (the
same text again) are not read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NODES = ("node", "asst")  # the points that are the diagram's boxes; others connect them or lay them out


def diagram_text(events: Iterator[tuple[str, Any]]) -> list[str]:
    """The paragraphs of a diagram data part's nodes, from its events (docxstyles.xml_events)."""
    found: list[str] = []
    node, text = False, list[str]()
    for event, element in events:
        tag = element.tag
        if event == "start" and tag == f"{DGM}pt":
            node = str(element.get("type", "node")) in NODES
        elif event == "end" and tag == f"{A}t" and node:
            text.append(element.text or "")
        elif event == "end" and tag == f"{A}p" and node:
            found.append("".join(text))
            text = []
    return found
