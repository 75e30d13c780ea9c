"""The page content, operator by operator: which content is tagged (inside a marked-content sequence with an
MCID), which is an artifact, which is neither; how BMC/BDC and EMC pair up; which fonts draw which codes.

Form XObjects are followed: one invoked inside tagged or artifact content takes that context; one invoked outside
must mark its own content, with MCIDs that belong to the form (its /StructParents)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pikepdf

from tests.uacheck.findings import NESTING, Finding, ref

Owner = tuple[int, int]  # objgen of the page or form XObject whose content stream holds an MCID
PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Tj", "TJ", "'", '"', "Do", "INLINE IMAGE"}
SHOW = {"Tj", "TJ", "'", '"'}
ARTIFACT, TAGGED, OTHER = "artifact", "tagged", "other"


@dataclass
class Glyphs:
    """What one font draws: its dictionary, the strings shown with it, how many shows were visible."""

    font: pikepdf.Dictionary
    strings: set[bytes] = field(default_factory=set)
    shows: int = 0
    visible: int = 0

    @property
    def rendered(self) -> bool:
        """Selected for rendering: unless every string it shows is invisible (Tr 3), as a validator reads a Tf
        that shows nothing (the font still sits in the page's resources for a reader to need)."""
        return self.visible > 0 or self.shows == 0


@dataclass
class Scan:
    mcids: dict[Owner, Counter[int]] = field(default_factory=dict)  # MCIDs each content stream marks
    owners: dict[Owner, tuple[str, int | None]] = field(default_factory=dict)  # label, /StructParents
    fonts: dict[Owner, Glyphs] = field(default_factory=dict)  # by the font dictionary's objgen
    form_uses: Counter[Owner] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _State:
    """The walk through one content stream: the open marked-content sequences and the text state."""

    owner: Owner
    label: str
    resources: pikepdf.Dictionary
    base: str  # the context the stream was invoked in: TAGGED, ARTIFACT or OTHER
    marks: list[str] = field(default_factory=list)
    gstack: list[tuple[object, int]] = field(default_factory=list)
    font: object = None
    render: int = 0
    untagged: list[str] = field(default_factory=list)

    def context(self) -> str:
        for mark in reversed([self.base, *self.marks]):
            if mark != OTHER:
                return mark
        return OTHER


def scan_document(pdf: pikepdf.Pdf) -> Scan:
    scan = Scan()
    for number, page in enumerate(pdf.pages, start=1):
        label = f"page {number}"
        parents = page.obj.get("/StructParents")
        scan.owners[page.obj.objgen] = (label, int(parents) if parents is not None else None)
        scan.mcids.setdefault(page.obj.objgen, Counter())
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        _walk(scan, pikepdf.parse_content_stream(page), _State(page.obj.objgen, label, resources, OTHER))
    return scan


def _walk(scan: Scan, instructions: list[pikepdf.ContentStreamInstruction], state: _State) -> None:
    for index, instruction in enumerate(instructions):
        op = str(instruction.operator)
        operands = instruction.operands if op != "INLINE IMAGE" else []
        if op in ("BMC", "BDC", "EMC"):
            _mark(scan, state, op, operands, index)
            continue
        _text_state(scan, state, op, operands)
        if op in SHOW:
            _shown(scan, state, op, operands)
        if op == "Do" and _invoke(scan, state, operands[0]):
            continue  # a form: its own operators are the content, judged inside it
        if op in PAINT and state.context() == OTHER:
            state.untagged.append(f"{op} at operator {index + 1}")
    if state.marks:
        scan.findings.append(Finding(NESTING, state.label, f"{len(state.marks)} sequence(s) left open at the end"))
    if state.untagged:
        scan.findings.append(Finding("01-005", state.label, f"{len(state.untagged)} operator(s) outside, first "
                                                            f"{state.untagged[0]}"))


def _mark(scan: Scan, state: _State, op: str, operands: list[object], index: int) -> None:
    if op == "EMC":
        if state.marks:
            state.marks.pop()
        else:
            scan.findings.append(Finding(NESTING, state.label, f"EMC at operator {index + 1} closes nothing"))
        return
    tag = str(operands[0])
    props = _properties(state, operands[1]) if op == "BDC" and len(operands) > 1 else None
    outer = state.context()
    if tag == "/Artifact":
        if outer == TAGGED:
            scan.findings.append(Finding("01-003", state.label, f"at operator {index + 1}"))
        state.marks.append(ARTIFACT)
        return
    if props is not None and "/MCID" in props:
        if outer == ARTIFACT:
            scan.findings.append(Finding("01-004", state.label, f"MCID {props.MCID} at operator {index + 1}"))
        scan.mcids.setdefault(state.owner, Counter())[int(props.MCID)] += 1
        state.marks.append(TAGGED)
        return
    state.marks.append(OTHER)


def _properties(state: _State, operand: object) -> pikepdf.Dictionary | None:
    if isinstance(operand, pikepdf.Dictionary):
        return operand
    if isinstance(operand, pikepdf.Name):
        found = state.resources.get("/Properties", pikepdf.Dictionary()).get(operand)
        return found if isinstance(found, pikepdf.Dictionary) else None
    return None


def _text_state(scan: Scan, state: _State, op: str, operands: list[object]) -> None:
    if op == "q":
        state.gstack.append((state.font, state.render))
    elif op == "Q" and state.gstack:
        state.font, state.render = state.gstack.pop()
    elif op == "Tf":
        state.font = state.resources.get("/Font", pikepdf.Dictionary()).get(operands[0])
        if isinstance(state.font, pikepdf.Dictionary):
            scan.fonts.setdefault(state.font.objgen, Glyphs(state.font))
    elif op == "Tr":
        state.render = int(operands[0])  # type: ignore[call-overload]


def _shown(scan: Scan, state: _State, op: str, operands: list[object]) -> None:
    font = state.font
    if not isinstance(font, pikepdf.Dictionary):
        return
    glyphs = scan.fonts.setdefault(font.objgen, Glyphs(font))
    glyphs.shows += 1
    glyphs.visible += state.render != 3
    shown = operands[0] if op in ("Tj", "TJ") else operands[-1]
    items = list(shown) if isinstance(shown, pikepdf.Array) else [shown]
    glyphs.strings.update(bytes(item) for item in items if isinstance(item, pikepdf.String))


def _invoke(scan: Scan, state: _State, name: object) -> bool:
    """Walk a form XObject's content (once); False for an image or anything else."""
    xobject = state.resources.get("/XObject", pikepdf.Dictionary()).get(name)
    if not isinstance(xobject, pikepdf.Stream) or xobject.get("/Subtype") != "/Form":
        return False
    if "/Ref" in xobject:
        scan.findings.append(Finding("30-001", state.label, f"form {ref(xobject)}"))
    owner = xobject.objgen
    if owner in scan.owners:  # walked once already: its MCIDs are known
        if scan.mcids.get(owner):
            scan.form_uses[owner] += 1
        return True
    parents = xobject.get("/StructParents")
    label = f"form XObject {ref(xobject)} on {state.label}"
    scan.owners[owner] = (label, int(parents) if parents is not None else None)
    resources = xobject.get("/Resources", state.resources)
    _walk(scan, pikepdf.parse_content_stream(xobject), _State(owner, label, resources, state.context()))
    if scan.mcids.get(owner):
        scan.form_uses[owner] += 1
    return True


def forms_used_twice(scan: Scan) -> list[Finding]:
    return [Finding("30-002", scan.owners[owner][0], f"used {uses} times")
            for owner, uses in scan.form_uses.items() if uses > 1]
