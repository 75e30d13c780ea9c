"""The PDF/UA-1 checker (`tests/pdfua.py`) checks: a PDF/UA-1 file typst makes passes it; untagged files fail
with the conditions they break; and each mutant of the passing file, edited with pikepdf to break one rule,
fails with exactly that rule's Matterhorn condition (or ISO clause). So no rule can pass everything."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from tests import pdfua_samples as s
from tests.pdfua import check_pdf
from tests.uacheck.findings import MARKED, NESTING, NO_HEADERS, NO_TREE, TREE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdfua")


@pytest.fixture(scope="module")
def good(folder: Path) -> Path:
    return s.typst_pdf(folder)


def ids(path: Path) -> set[str]:
    return {finding.checkpoint for finding in check_pdf(path)}


def test_a_pdf_ua_file_from_typst_passes(good: Path) -> None:
    assert check_pdf(good) == []
    with pikepdf.open(good) as pdf:  # and it holds what the rules are about, so passing means something
        for kind in ("H1", "H2", "P", "L", "LI", "Table", "TH", "TD", "Figure", "Note", "Link"):
            assert s.elements(pdf, kind), kind
        assert len(s.elements(pdf, "Note")) == 2
        assert len(s.links(pdf)) >= 3


def test_an_untagged_reportlab_file_fails(folder: Path) -> None:
    assert ids(s.reportlab_pdf(folder)) == {MARKED, NO_TREE, "01-005", "06-001", "06-002", "06-003", "07-001",
                                            "11-001", "31-009"}


def test_typst_without_tags_fails(folder: Path) -> None:
    path = s.typst_pdf(folder, "untagged.pdf", pdf_standards=[], pdf_tags=False)
    assert ids(path) == {MARKED, NO_TREE, "01-005", "06-002", "07-001", "28-008", "28-011", "28-012"}


def test_typst_tagged_but_not_claiming_ua_fails(folder: Path) -> None:
    """typst tags by default; without ua-1 it neither claims PDF/UA nor shows the title."""
    assert ids(s.typst_pdf(folder, "tagged.pdf", pdf_standards=[])) == {"06-002", "07-001"}


def _del(obj: pikepdf.Object, key: str) -> None:
    del obj[key]


def _metadata(pdf: pikepdf.Pdf, key: str) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        del meta[key]


def _retype(pdf: pikepdf.Pdf, changes: dict[str, str]) -> None:
    """Every element of each key's type gets the value's type."""
    for old, new in changes.items():
        for element in s.elements(pdf, old):
            element.S = pikepdf.Name(f"/{new}")


def _role_map(pdf: pikepdf.Pdf, kind: str, roles: dict[str, str]) -> None:
    s.elements(pdf, "P")[0].S = pikepdf.Name(f"/{kind}")
    pdf.Root.StructTreeRoot.RoleMap.update({f"/{k}": pikepdf.Name(f"/{v}") for k, v in roles.items()})


def _no_table_headers(pdf: pikepdf.Pdf) -> None:
    for cell in s.elements(pdf, "TH") + s.elements(pdf, "TD"):
        del cell["/A"]


def _same_note_ids(pdf: pikepdf.Pdf) -> None:
    first, second = s.elements(pdf, "Note")
    second.ID = first.ID


def _swap_parent_tree(pdf: pikepdf.Pdf) -> None:
    key = pdf.pages[0].obj.StructParents
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    array = next(nums[i + 1] for i in range(0, len(nums), 2) if nums[i] == key)
    array[0], array[1] = array[1], array[0]


def _to_unicode(pdf: pikepdf.Pdf, body: bytes) -> None:
    for font in s.fonts(pdf):
        font.ToUnicode = pdf.make_stream(s.cmap(body))


def _unembed(pdf: pikepdf.Pdf) -> None:
    descriptor = s.fonts(pdf)[0].DescendantFonts[0].FontDescriptor
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        if key in descriptor:
            del descriptor[key]


Mutant = Callable[[pikepdf.Pdf], object]
MUTANTS: dict[str, tuple[Mutant, set[str]]] = {
    # the catalog and metadata
    "MarkInfo removed": (lambda pdf: _del(pdf.Root, "/MarkInfo"), {MARKED}),
    "Suspects true": (lambda pdf: pdf.Root.MarkInfo.__setitem__("/Suspects", True), {"01-007"}),
    "Lang removed": (lambda pdf: _del(pdf.Root, "/Lang"), {"11-001"}),
    "Lang not a language tag": (lambda pdf: setattr(pdf.Root, "Lang", pikepdf.String("english (UK)")), {"11-001"}),
    "DisplayDocTitle false": (lambda pdf: pdf.Root.ViewerPreferences.__setitem__("/DisplayDocTitle", False),
                              {"07-002"}),
    "DisplayDocTitle removed": (lambda pdf: _del(pdf.Root.ViewerPreferences, "/DisplayDocTitle"), {"07-001"}),
    "pdfuaid:part removed": (lambda pdf: _metadata(pdf, "pdfuaid:part"), {"06-002"}),
    "dc:title removed": (lambda pdf: _metadata(pdf, "dc:title"), {"06-003"}),
    # the page content against the tree
    "a rule drawn outside any marked content": (lambda pdf: s.rewrite(pdf, s.at_end(s.RULE)), {"01-005"}),
    "an artifact inside tagged content": (
        lambda pdf: s.rewrite(pdf, s.after_first_mcid([s.op("BMC", pikepdf.Name.Artifact), s.op("EMC")])),
        {"01-003"}),
    "tagged content inside an artifact (with an MCID no element owns)": (
        lambda pdf: s.rewrite(pdf, s.at_end([s.op("BMC", pikepdf.Name.Artifact),
                                             s.op("BDC", pikepdf.Name.P, pikepdf.Dictionary(MCID=99)), *s.RULE,
                                             s.op("EMC"), s.op("EMC")])), {"01-004", "01-005"}),
    "an EMC that closes nothing": (lambda pdf: s.rewrite(pdf, s.at_end([s.op("EMC")])), {NESTING}),
    "a BDC never closed": (lambda pdf: s.rewrite(pdf, s.at_end([s.op("BMC", pikepdf.Name.Artifact)])),
                           {NESTING}),
    "two ParentTree entries swapped": (_swap_parent_tree, {TREE}),
    "an untagged form XObject": (lambda pdf: s.add_form(pdf, b"0 0 m 10 10 l S"), {"01-005"}),
    "a reference XObject": (lambda pdf: s.add_form(pdf, b"/Artifact BMC 0 0 m 10 10 l S EMC",
                                                   Ref=pikepdf.Dictionary()), {"30-001"}),
    "a tagged form XObject drawn twice": (lambda pdf: s.add_tagged_form(pdf, 2), {"30-002"}),
    # structure elements
    "Figure without Alt": (lambda pdf: _del(s.elements(pdf, "Figure")[0], "/Alt"), {"13-004"}),
    "Formula without Alt": (lambda pdf: (_retype(pdf, {"Figure": "Formula"}),
                                         _del(s.elements(pdf, "Formula")[0], "/Alt")), {"17-002"}),
    "H2 renamed H4": (lambda pdf: _retype(pdf, {"H2": "H4"}), {"14-003"}),
    "first heading H2": (lambda pdf: _retype(pdf, {"H2": "H3", "H1": "H2"}), {"14-002"}),
    "H beside H1": (lambda pdf: _retype(pdf, {"H2": "H"}), {"14-007"}),
    "two H in one node": (lambda pdf: _retype(pdf, {"H1": "H", "H2": "H"}), {"14-006"}),
    "TH cells made TD": (lambda pdf: _retype(pdf, {"TH": "TD"}), {NO_HEADERS}),
    "TH without Scope, TD without Headers": (_no_table_headers, {"15-003"}),
    "TR renamed P": (lambda pdf: _retype(pdf, {"TR": "P"}), {"09-004"}),
    "LBody renamed P": (lambda pdf: _retype(pdf, {"LBody": "P"}), {"09-005"}),
    "Note without ID": (lambda pdf: _del(s.elements(pdf, "Note")[0], "/ID"), {"19-003"}),
    "two Notes with one ID": (_same_note_ids, {"19-004"}),
    "element Lang not a language tag": (lambda pdf: setattr(s.elements(pdf, "P")[0], "Lang",
                                                            pikepdf.String("??")), {"11-001"}),
    "a type mapped to nothing standard": (lambda pdf: _role_map(pdf, "Para", {}), {"02-001"}),
    "a circular role map": (lambda pdf: _role_map(pdf, "Para", {"Para": "Body", "Body": "Para"}), {"02-003"}),
    "a standard type remapped": (lambda pdf: _role_map(pdf, "P", {"P": "Span"}), {"02-004"}),
    # annotations
    "a Link without StructParent": (lambda pdf: _del(s.links(pdf)[0], "/StructParent"), {"28-011"}),
    "a Link without Contents": (lambda pdf: _del(s.links(pdf)[0], "/Contents"), {"28-012"}),
    "no Tabs": (lambda pdf: _del(pdf.pages[0].obj, "/Tabs"), {"28-008"}),
    "Tabs in row order": (lambda pdf: setattr(pdf.pages[0].obj, "Tabs", pikepdf.Name.R), {"28-009"}),
    "a Text annotation outside the tree": (lambda pdf: s.add_annotation(pdf, "Text"), {"28-002", "28-004"}),
    "a widget outside the tree": (lambda pdf: s.add_annotation(pdf, "Widget"), {"28-010"}),
    "a TrapNet annotation": (lambda pdf: s.add_annotation(pdf, "TrapNet"), {"28-007"}),
    # fonts
    "a font unembedded": (_unembed, {"31-009"}),
    "ToUnicode removed": (lambda pdf: [_del(f, "/ToUnicode") for f in s.fonts(pdf)], {"31-027"}),
    "ToUnicode that maps nothing": (lambda pdf: _to_unicode(pdf, b""), {"10-001"}),
    "ToUnicode mapping to zero": (lambda pdf: _to_unicode(pdf, b"1 beginbfrange <0000> <0FFF> <0000> endbfrange"),
                                  {"31-028"}),
    "ToUnicode mapping to U+FEFF": (
        lambda pdf: _to_unicode(pdf, b"1 beginbfrange <0000> <0FFF> <0041> endbfrange\n"
                                     b"1 beginbfchar <0003> <FEFF> endbfchar"), {"31-029"}),
}


@pytest.mark.parametrize("name", MUTANTS)
def test_each_mutant_fails_with_its_rule(good: Path, folder: Path, name: str) -> None:
    mutate, expected = MUTANTS[name]
    target = folder / f"mutant-{abs(hash(name))}.pdf"
    with pikepdf.open(good) as pdf:
        mutate(pdf)
        pdf.save(target)
    assert ids(target) == expected, [str(f) for f in check_pdf(target)]


def test_a_tagged_form_xobject_drawn_once_passes(good: Path, folder: Path) -> None:
    """The form's MCID is found through its /StructParents and the MCR's /Stm: the 30-002 mutant fails for
    being drawn twice, not for the form."""
    target = folder / "form-once.pdf"
    with pikepdf.open(good) as pdf:
        s.add_tagged_form(pdf, 1)
        pdf.save(target)
    assert check_pdf(target) == []


def test_the_script_prints_findings_and_exits_1(good: Path, folder: Path) -> None:
    bad = s.reportlab_pdf(folder)
    script = [sys.executable, str(ROOT / "tests" / "pdfua.py")]
    passed = subprocess.run([*script, str(good)], capture_output=True, text=True, check=False)
    assert (passed.returncode, passed.stdout) == (0, "")
    failed = subprocess.run([*script, str(bad)], capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert f"{bad}: 31-009 font Helvetica: a font used for rendering is not embedded" in failed.stdout.splitlines()
