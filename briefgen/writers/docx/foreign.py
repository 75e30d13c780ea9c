"""Markup of a namespace Word does not understand, in a reference's kept parts, that the part does not declare
ignorable.

Markup Compatibility (ECMA-376 Part 3) lets a part carry elements and attributes of other namespaces only where
its `mc:Ignorable` names their prefix (or inside an `mc:AlternateContent` choice, which Word skips when it does
not understand what the choice requires); Word refuses a document holding any other ("unreadable content"). A
tool or a hand edit can leave such markup (an extension's element in a style's run properties); the brief
drops it, as the PDF never reads it. The namespaces of Office Open XML and of Microsoft's extensions are kept:
Word understands them, or writes them only under `mc:Ignorable`.
"""

from __future__ import annotations

from lxml import etree

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_UNDERSTOOD = ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/",
               "urn:schemas-microsoft-com:", "http://www.w3.org/XML/1998/namespace")
_SKIPPED = f"{{{MC}}}Choice"  # a choice's content is Word's to take or skip, as its Requires says


def _ignorable(root: etree._Element) -> set[str]:
    """The namespaces the part's elements declare ignorable (mc:Ignorable's prefixes, resolved where said)."""
    return {element.nsmap[prefix] for element in root.iter() if isinstance(element.tag, str)
            for prefix in (element.get(f"{{{MC}}}Ignorable") or "").split() if prefix in element.nsmap}


def _kept(namespace: str | None, ignorable: set[str]) -> bool:
    return namespace is None or namespace.startswith(_UNDERSTOOD) or namespace in ignorable


def drop_foreign(root: etree._Element) -> None:
    """Remove from the part every element and attribute of a namespace Word does not understand and the part
    does not declare ignorable."""
    ignorable = _ignorable(root)
    stack = [root]
    while stack:
        element = stack.pop()
        for name in [name for name in element.attrib if not _kept(etree.QName(name).namespace, ignorable)]:
            del element.attrib[name]
        for child in list(element):
            if not isinstance(child.tag, str) or child.tag == _SKIPPED:
                continue
            if _kept(etree.QName(child).namespace, ignorable):
                stack.append(child)
            else:
                element.remove(child)
