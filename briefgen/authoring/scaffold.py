"""`briefgen init DIR`: a new workspace with an empty catalogue, a commented skeleton model and templates."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path

from briefgen.atomic import atomic_write
from briefgen.authoring.yamltext import quoted
from briefgen.errors import BriefgenError, Problem
from briefgen.model.skeleton import SAMPLE
from briefgen.templates import FOLDER as BUNDLED
from briefgen.workspace import Workspace

CATALOGUE = """\
# yaml-language-server: $schema=../.briefgen/sources.schema.json
# The seed catalogue: one entry per document in seeds/. Seeds are evidence: never edit them.
# Run `briefgen schema sources` for the full schema.
# markings: tlp                    # tlp, generic or your own levels, lowest first (docs/audiences.md in briefgen)
sources: []
#  - id: example-source            # a short identifier, cited by the model's evidence
#    file: example.txt             # inside seeds/: .txt (a paragraph a line), or any format
#                                  # `briefgen seeds add --help` lists (PDF, Word, web pages...)
#    originator: Example News      # who published it; null when the document does not say
#    title: {s[source_title]}
#    short_title: {s[short_title]} # used in later, short citations
#    published: "2025-09"          # YYYY, YYYY-MM or YYYY-MM-DD: as precise as the document supports
#    information_date: "2025-09-18"
#    accessed: "{today}"
#    url: null                     # http, https or mailto, or null
#    kind: news article
#    descriptor: {s[descriptor]}
#    marking: TLP:CLEAR            # once one source is marked, every source must be
"""

MODEL = """\
# yaml-language-server: $schema=../.briefgen/summary.schema.json
# The summary model: the brief's claims, each tied to verbatim passages of the seeds.
# `briefgen check` verifies every passage; `briefgen schema` prints the full schema.
brief:
  title: {s[brief_title]}
  subject: {s[subject]}
  as_of: "{today}"             # information cutoff
  bluf: {s[bluf]}
  bluf_evidence: []            # passages that support the bottom line, as a judgment's evidence
judgments: []
#  - id: kj-first              # unique id
#    statement: {s[statement]}
#    confidence: moderate      # low | moderate | high
#    likelihood: likely        # optional, ICD 203 term, for forecasts
#    priority: 1               # 1 = most important; decides what a one-page brief keeps
#    evidence:
#      - source: example-source
#        passage: {s[passage]}
figures: []                    # `briefgen suggest` writes figures and quotes ready to paste
#  - id: fig-first
#    label: "<what is counted>"
#    value: "<the number as the brief shows it, in the words of its passage>"
#    number: 412               # the value as a plain number, counted in the unit
#    unit: "<unit>"            # what the number counts: sorties, US dollars, percent
#    priority: 1
#    evidence:
#      - source: example-source
#        passage: "<the exact words of the seed that state the number>"
quotes: []
#  - id: q-first
#    text: "<the words quoted, exactly as the seed has them>"
#    speaker: "<who said it>"
#    context: "<when, where and why it was said>"
#    evidence:
#      - source: example-source
#        passage: "<the exact words of the seed around the quote>"
gaps: []
#  - id: gap-first
#    statement: "<what the seeds leave open, in your own words>"
#    evidence: []              # optional: a passage that shows the gap
"""


def init_workspace(target: Path) -> list[Path]:
    """Create the workspace; refuse to overwrite an existing model. Nothing is written through a symbolic link:
    each file is made new (never replacing what is there, a dangling link included), each folder checked not
    to lead out of the workspace."""
    _not_dangling(target)
    workspace = Workspace.at(target).own_seeds()
    seeds, templates = target / "seeds", target / "templates"  # shown as the user named the directory
    if any(os.path.lexists(seeds / name) for name in ("summary.yaml", "sources.yaml")):
        raise BriefgenError(Problem(str(seeds), "a workspace already exists here",
                                    hint="choose an empty directory"))
    for folder in (seeds, templates, target / ".briefgen"):
        _folder(workspace, folder)
    created: list[Path] = []
    try:
        _scaffold(target, created)
    except BaseException:  # a full disk, a quota, Ctrl-C, SIGTERM: no half-made workspace, which the next init
        for path in created:  # would refuse as one
            with contextlib.suppress(OSError):
                os.unlink(path)
        raise
    return created


def _scaffold(target: Path, created: list[Path]) -> None:
    """Write the workspace's files, each added to `created` as soon as it exists."""
    seeds, templates = target / "seeds", target / "templates"
    today, sample = dt.date.today().isoformat(), {key: quoted(text) for key, text in SAMPLE.items()}
    _write(seeds / "sources.yaml", CATALOGUE.format(today=today, s=sample).encode(), created)
    _write(seeds / "summary.yaml", MODEL.format(today=today, s=sample).encode(), created)
    created += write_schemas(target / ".briefgen")
    for entry in sorted(BUNDLED.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".j2")) and not os.path.lexists(templates / entry.name):
            _write(templates / entry.name, entry.read_bytes(), created)


def _not_dangling(target: Path) -> None:
    """`target` named as a symbolic link to nothing: say so (making the folder would say only "File exists")."""
    if target.is_symlink() and not os.path.lexists(os.path.realpath(target)):
        raise BriefgenError(Problem(str(target), f"a symbolic link to '{os.readlink(target)}', which does not exist",
                                    hint="create the folder it points to, remove the link, or name another "
                                    "directory"))


def _folder(workspace: Workspace, folder: Path) -> None:
    """Make `folder` unless it is one; refuse a link leading out of the workspace and anything else in its way."""
    if workspace.leads_out(folder):
        raise BriefgenError(Problem(str(folder), "a symbolic link leading out of the workspace (or nowhere): "
                                    "briefgen writes nothing outside the workspace",
                                    hint="remove the link, or choose an empty directory"))
    if os.path.lexists(folder) and not folder.is_dir():
        raise BriefgenError(Problem(str(folder), "a file is in the way of the folder init makes here",
                                    hint="move the file elsewhere, or choose an empty directory"))
    folder.mkdir(parents=True, exist_ok=True)


def write_schemas(folder: Path) -> list[Path]:
    """The JSON Schemas that the files' `$schema` lines point editors at (written in place of old ones, never
    through a link)."""
    from briefgen.model.schema import Catalogue, Summary, json_schema

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in (("summary", Summary), ("sources", Catalogue)):
        atomic_write(folder / f"{name}.schema.json", (json.dumps(json_schema(model), indent=2) + "\n").encode())
        written.append(folder / f"{name}.schema.json")
    return written


def _write(path: Path, data: bytes, created: list[Path]) -> None:
    """A new file at `path`, added to `created`: EEXIST when anything is there already, a dangling symbolic link
    included; a write the system refuses names the file (a write error carries no file name of its own)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    created.append(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
