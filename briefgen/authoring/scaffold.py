"""`briefgen init DIR`: a new workspace with an empty catalogue, a commented skeleton model and templates."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from importlib import resources
from pathlib import Path

from briefgen.authoring.yamltext import quoted
from briefgen.errors import BriefgenError, Problem
from briefgen.model.skeleton import SAMPLE
from briefgen.workspace import Workspace

CATALOGUE = """\
# yaml-language-server: $schema=../.briefgen/sources.schema.json
# The seed catalogue: one entry per document in seeds/. Seeds are evidence: never edit them.
# Run `briefgen schema sources` for the full schema.
# markings: tlp                    # tlp, generic or your own levels, lowest first (README "Markings and audiences")
sources: []
#  - id: example-source            # a short identifier, cited by the model's evidence
#    file: example.txt             # inside seeds/: .txt (a paragraph a line), .md, .html, .pdf or .docx
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
figures: []
quotes: []
gaps: []
"""


def init_workspace(target: Path) -> list[Path]:
    """Create the workspace; refuse to overwrite an existing model."""
    workspace = Workspace.at(target).own_seeds()
    workspace.templates  # noqa: B018 - refuses a templates/ linked out of the workspace (it would be written through)
    seeds, templates = target / "seeds", target / "templates"  # shown as the user named the directory
    if (seeds / "summary.yaml").exists() or (seeds / "sources.yaml").exists():
        raise BriefgenError(Problem(str(seeds), "a workspace already exists here",
                                    hint="choose an empty directory"))
    seeds.mkdir(parents=True, exist_ok=True)
    templates.mkdir(exist_ok=True)
    today, sample = dt.date.today().isoformat(), {key: quoted(text) for key, text in SAMPLE.items()}
    created = [_write(seeds / "sources.yaml", CATALOGUE.format(today=today, s=sample)),
               _write(seeds / "summary.yaml", MODEL.format(today=today, s=sample))]
    bundled = resources.files("briefgen.templates")
    created += write_schemas(target / ".briefgen")
    for entry in sorted(bundled.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".j2")) and not (templates / entry.name).exists():
            with resources.as_file(entry) as src:
                shutil.copyfile(src, templates / entry.name)
            created.append(templates / entry.name)
    return created


def write_schemas(folder: Path) -> list[Path]:
    """The JSON Schemas that the files' `$schema` lines point editors at."""
    from briefgen.model.schema import Catalogue, Summary, json_schema

    folder.mkdir(parents=True, exist_ok=True)
    return [_write(folder / f"{name}.schema.json", json.dumps(json_schema(model), indent=2) + "\n")
            for name, model in (("summary", Summary), ("sources", Catalogue))]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
