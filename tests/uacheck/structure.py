"""The structure tree read whole: its elements in document order with their standard roles, which marked
content and which annotations each element owns, and the ParentTree that maps them back. `consistency` holds
the two against the page content."""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

from tests.uacheck.content import Owner, Scan
from tests.uacheck.findings import TREE, Finding, ref

# ISO 32000-1 Table 333 and the tables after it: the standard structure types of PDF 1.7, on which PDF/UA-1 rests
STANDARD = frozenset(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl "
    "LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu "
    "WT WP Figure Formula Form".split())


@dataclass
class Element:
    obj: pikepdf.Dictionary
    type: str  # /S, without the slash
    role: str  # the standard type it maps to ("" when it maps to none)
    parent: Element | None
    children: list[Element] = field(default_factory=list)

    @property
    def name(self) -> str:
        shown = self.type if self.type == self.role or not self.role else f"{self.type} (as {self.role})"
        return f"{shown} element ({ref(self.obj)})"


@dataclass
class Tree:
    elements: list[Element] = field(default_factory=list)  # document order
    content: dict[tuple[Owner, int], list[Element]] = field(default_factory=dict)  # (owner, MCID) -> owners
    objects: dict[Owner, list[Element]] = field(default_factory=dict)  # annotation objgen -> OBJR owners
    parents: dict[int, object] = field(default_factory=dict)  # ParentTree: key -> value
    findings: list[Finding] = field(default_factory=list)


def read_tree(root: pikepdf.Dictionary) -> Tree:
    tree = Tree()
    roles = root.get("/RoleMap", pikepdf.Dictionary())
    resolved: dict[str, str] = {}
    seen: set[Owner] = set()
    stack: list[tuple[object, Element | None, object]] = [(kid, None, None) for kid in reversed(_kids(root))]
    while stack:
        item, parent, page = stack.pop()
        if not isinstance(item, pikepdf.Dictionary) or "/S" not in item:
            if parent is not None:
                _claim(tree, item, parent, page)
            continue
        if item.objgen != (0, 0) and item.objgen in seen:
            tree.findings.append(Finding(TREE, ref(item), "the element appears twice in the tree"))
            continue
        seen.add(item.objgen)
        kind = str(item.S)[1:]
        if kind not in resolved:
            resolved[kind] = _role(kind, roles, tree.findings)
        element = Element(item, kind, resolved[kind], parent)
        tree.elements.append(element)
        if parent is not None:
            parent.children.append(element)
        here = item.get("/Pg", page)
        stack.extend((kid, element, here) for kid in reversed(_kids(item)))
    tree.parents = _numbers(root.get("/ParentTree"))
    return tree


def _kids(node: pikepdf.Dictionary) -> list[object]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _claim(tree: Tree, item: object, element: Element, page: object) -> None:
    """Record a content item: an MCID (number or MCR dictionary) or an object reference (OBJR)."""
    if isinstance(item, int):
        owner = page.objgen if isinstance(page, pikepdf.Dictionary) else (0, 0)
        tree.content.setdefault((owner, item), []).append(element)
    elif isinstance(item, pikepdf.Dictionary) and item.get("/Type") == "/OBJR":
        tree.objects.setdefault(item.Obj.objgen, []).append(element)
    elif isinstance(item, pikepdf.Dictionary) and "/MCID" in item:
        holder = item.get("/Stm", item.get("/Pg", page))
        owner = holder.objgen if isinstance(holder, pikepdf.Object) else (0, 0)
        tree.content.setdefault((owner, int(item.MCID)), []).append(element)


def _role(kind: str, roles: pikepdf.Dictionary, findings: list[Finding]) -> str:
    """The standard type `kind` maps to through the RoleMap; problems with the map become findings."""
    if kind in STANDARD:
        if f"/{kind}" in roles:
            findings.append(Finding("02-004", "RoleMap", f"{kind} is mapped to {roles[f'/{kind}']}"))
        return kind
    path = [kind]
    while path[-1] not in STANDARD:
        target = roles.get(f"/{path[-1]}")
        if not isinstance(target, pikepdf.Name):
            findings.append(Finding("02-001", "RoleMap", " -> ".join(path)))
            return ""
        if str(target)[1:] in path:
            findings.append(Finding("02-003", "RoleMap", " -> ".join([*path, str(target)[1:]])))
            return ""
        path.append(str(target)[1:])
    return path[-1]


def _numbers(node: object, depth: int = 0) -> dict[int, object]:
    """A number tree flattened (ISO 32000-1 7.9.7)."""
    found: dict[int, object] = {}
    if not isinstance(node, pikepdf.Dictionary) or depth > 32:
        return found
    nums = list(node.get("/Nums", []))
    found.update((int(key), value) for key, value in zip(nums[::2], nums[1::2], strict=False))
    for kid in node.get("/Kids", []):
        found.update(_numbers(kid, depth + 1))
    return found


def consistency(tree: Tree, scan: Scan) -> list[Finding]:
    """Every MCID in the content has exactly one element, the one the ParentTree names, and every element's
    MCID is in the content."""
    findings: list[Finding] = []
    for owner, (label, key) in scan.owners.items():
        marked = scan.mcids.get(owner, {})
        claimed = {mcid for (where, mcid) in tree.content if where == owner}
        listed = tree.parents.get(key) if key is not None else None
        entries = list(listed) if isinstance(listed, pikepdf.Array) else []
        if marked and key is None:
            findings.append(Finding(TREE, label, "marked content but no /StructParents"))
        for mcid in sorted(set(marked) | claimed | {i for i, e in enumerate(entries) if e is not None}):
            findings.extend(_mcid(label, mcid, marked, tree.content.get((owner, mcid), []), entries))
    for (owner, mcid), elements in tree.content.items():
        if owner not in scan.owners:
            findings.append(Finding(TREE, elements[0].name, f"MCID {mcid} on no page or form of this file"))
    return findings


def _mcid(label: str, mcid: int, marked: dict[int, int], owners: list[Element],
          entries: list[object]) -> list[Finding]:
    where = f"{label}, MCID {mcid}"
    if mcid not in marked:
        return [Finding(TREE, where, "the tree or ParentTree names it but the content does not mark it")]
    if marked[mcid] > 1:
        return [Finding(TREE, where, f"marked {marked[mcid]} times")]
    if not owners:
        return [Finding("01-005", where, "marked, but no structure element owns it")]
    if len(owners) > 1:
        return [Finding(TREE, where, "owned by " + ", ".join(e.name for e in owners))]
    entry = entries[mcid] if mcid < len(entries) else None
    if not isinstance(entry, pikepdf.Dictionary) or entry.objgen != owners[0].obj.objgen:
        return [Finding(TREE, where, f"ParentTree names {ref(entry) if entry is not None else 'nothing'}, "
                                     f"not its owner {owners[0].name}")]
    return []
