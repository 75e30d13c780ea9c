"""A PDF/UA-1 checker for the machine-checkable conditions of the Matterhorn Protocol 1.1, proven on both sides
by `tests/test_pdfua_checker.py` (a typst PDF/UA-1 file passes; an untagged file and one mutant per rule fail).

Library: `check_pdf(path) -> list[Finding]`, each finding naming its Matterhorn failure condition ("13-004") or,
where Matterhorn has none, the ISO clause. Script: `python tests/pdfua.py FILE.pdf...` prints the findings and
exits 1 if there are any (2 if a file cannot be read as PDF).

What it checks: the catalog (MarkInfo, Suspects, Lang, DisplayDocTitle), the XMP metadata (pdfuaid:part 1,
dc:title); every painting operator of every page and form XObject is tagged (inside a sequence with an MCID) or
an artifact, BMC/BDC/EMC nest; each MCID has exactly one structure element, the one the ParentTree names;
structure types are standard or role-mapped to one; headings nest without skips; figures and formulas have
alternative text; tables and lists follow ISO 32000-1's grammar, tables have TH cells with Scope (or Headers);
notes have unique IDs; annotations sit in the tree through an OBJR and /StructParent, links in Link elements
with Contents; pages with annotations use /Tabs /S; fonts that draw text are embedded and map to Unicode.
What it cannot check is what Matterhorn leaves to a human: whether the tags fit the content, the alt text says
what the picture shows, the reading order is the logical one (`tests/reading_order.py` compares it with the
document model for briefgen's own briefs).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pikepdf

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.uacheck.catalog import annotation_findings, catalog_findings
from tests.uacheck.content import forms_used_twice, scan_document
from tests.uacheck.elements import element_findings
from tests.uacheck.findings import NO_TREE, Finding
from tests.uacheck.fonts import font_findings
from tests.uacheck.structure import Tree, consistency, read_tree

__all__ = ["Finding", "check_pdf"]


def check_pdf(path: Path | str) -> list[Finding]:
    """Every failed PDF/UA-1 condition this checker can test, sorted; an empty list for a conforming file."""
    with pikepdf.open(path) as pdf:
        findings = list(catalog_findings(pdf))
        scan = scan_document(pdf)
        findings += scan.findings + forms_used_twice(scan) + list(font_findings(scan.fonts))
        root = pdf.Root.get("/StructTreeRoot")
        if isinstance(root, pikepdf.Dictionary):
            tree = read_tree(root)
            findings += tree.findings + consistency(tree, scan) + element_findings(tree)
        else:
            tree = Tree()
            findings.append(Finding(NO_TREE, "catalog"))
        findings += annotation_findings(pdf, tree)
    return sorted(set(findings))


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        try:
            findings = check_pdf(name)
        except (OSError, pikepdf.PdfError) as exc:
            print(f"{name}: cannot read: {exc}", file=sys.stderr)
            status = 2
            continue
        for finding in findings:
            print(f"{name}: {finding}")
        status = max(status, 1 if findings else 0)
    if not argv:
        print("usage: python tests/pdfua.py FILE.pdf...", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
