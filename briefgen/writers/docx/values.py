"""The reference's values the brief keeps, held to the forms Word takes (document/wordvalues.py).

Word refuses a document, or "finds unreadable content" in it, whose attribute holds a value its type does not
allow ("abc" for a size, "" for a margin, "maybe" for bold), and a hand-edited or machine-made reference can
hold one. The PDF's reader (render/house.py) ignores such a value, the inherited or default one standing, as
Word ignores what it cannot read; so the DOCX drops it too: a property whose value is its whole meaning (a
size, a colour, bold, a tab stop) goes with it, an optional attribute (a margin's gutter, an indent) goes alone.
A header or footer reference that names no part, or no kind of page, goes: neither format can use it.
"""

from __future__ import annotations

from lxml import etree

from briefgen.document.wordvalues import Check, R, W
from briefgen.writers.docx.attributes import ATTRIBUTES, BY_NAME, REQUIRED

_REFERENCES = ("headerReference", "footerReference")
# an element whose attribute holding its meaning (`_WHOLE_MEANING`), or one it requires, has a value Word refuses
# goes, else the attribute alone
_WHOLE_MEANING = frozenset(("val", "pos", "style/type", "tblStylePr/type"))
_PARENT_GOES = frozenset(("num/abstractNumId",))  # a list instance without its list: neither format uses it


def valid(element: etree._Element) -> bool:
    """Whether `element` keeps its place (dropping meanwhile its w: attributes the schema does not give it, or
    whose value Word refuses)."""
    name = element.tag.removeprefix(W)
    parent = element.getparent()
    nested = f"{etree.QName(parent).localname}/{name}" if parent is not None else name
    if name in _REFERENCES and not element.get(R + "id"):
        return False
    required = REQUIRED.get(nested, REQUIRED.get(name, ()))
    if any(element.get(W + attribute) is None for attribute in required):
        return False
    if name == "num" and element.find(W + "abstractNumId") is None:  # a list instance of no list
        return False
    checks = ATTRIBUTES.get(nested, ATTRIBUTES.get(name))
    for qualified, value in list(element.attrib.items()):
        if not qualified.startswith(W):
            continue
        attribute = qualified.removeprefix(W)
        check: Check | None = BY_NAME.get(attribute) if checks is None else checks.get(attribute)
        if (check is None and checks is None) or (check is not None and check(value)):
            continue
        if check is not None and (attribute in required or attribute in _WHOLE_MEANING
                                  or f"{name}/{attribute}" in _WHOLE_MEANING):
            return False
        del element.attrib[qualified]
    return True


def clean(root: etree._Element) -> None:
    """Drop from a part every element, or attribute, holding a value Word refuses."""
    if root.tag.startswith(W):
        valid(root)  # the part's root stays, whatever it holds
    for element in list(root.iter(W + "*")):
        parent = element.getparent()
        if parent is None or valid(element):
            continue
        if f"{etree.QName(parent).localname}/{etree.QName(element).localname}" in _PARENT_GOES:
            element, parent = parent, parent.getparent()
        if parent is not None:
            parent.remove(element)
