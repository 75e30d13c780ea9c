"""A marked workspace for the markings tests: the shipped one plus an internal memorandum marked TLP:AMBER,
cited by a judgment, a charted figure, a quote and the BLUF (with a releasable BLUF for the public), and a
way to read every word of a written brief back, independently of briefgen's own spillage check."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.conftest import ROOT
from tests.helpers import model, save_model
from tests.readback import read_pdf

MEMO_FILE = "internal-memo.txt"
MEMO = {
    "id": "cell7-memo", "file": MEMO_FILE, "originator": "Procurement Cell Seven",
    "title": "Drone procurement memorandum for the spring review", "short_title": "Spring procurement memo",
    "published": "2025-09", "accessed": "2026-11-23", "url": "https://intranet.example.org/cell7/memo-spring",
    "kind": "internal memorandum", "descriptor": "Working note of the procurement cell, unreviewed.",
    "marking": "TLP:AMBER",
}
MEMO_TEXT = """Drone procurement memorandum for the spring review
The cell estimates a hidden drone procurement line of $2.5 billion for the coming year.
A defector said that "the factories at Sunan run three shifts on the drone lines" since the spring.
Serial production of strike drones at the Sunan works is already under way.
"""
SECRET_STATEMENT = "Serial production of strike drones has already begun at the Sunan works, outside public view."
SECRET_VALUE = "$2.5 billion"
SECRET_QUOTE = "the factories at Sunan run three shifts on the drone lines"
SECRET_BLUF = "Kim Jong Un is funding drones through a hidden procurement line, and production is under way."
SECRETS = (SECRET_STATEMENT, SECRET_VALUE, SECRET_QUOTE, SECRET_BLUF, MEMO["title"], MEMO["short_title"],
           MEMO["originator"], MEMO["url"], MEMO_FILE, MEMO["id"])


def _cites(passage: str) -> list[dict[str, str]]:
    return [{"source": MEMO["id"], "passage": passage}]


def marked_workspace(folder: Path) -> Path:
    ws = folder / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    (ws / "templates").mkdir()
    (ws / "seeds" / MEMO_FILE).write_text(MEMO_TEXT, encoding="utf-8")
    catalogue = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    entry = "\n".join(f"    {k}: {_yaml(v)}" for k, v in MEMO.items()).replace("    id:", "  - id:", 1)
    (ws / "seeds/sources.yaml").write_text(catalogue + entry + "\n", encoding="utf-8")
    data = model(ws)
    _mark_model(data)
    save_model(ws, data)
    return ws


def _yaml(value: str) -> str:
    return '"' + value.replace('"', '\\"') + '"'


def _mark_model(data: dict[str, Any]) -> None:
    brief = data["brief"]
    brief["releasable"] = [{"marking": "TLP:CLEAR", "bluf": brief["bluf"], "evidence": brief["bluf_evidence"]}]
    brief["bluf"] = SECRET_BLUF
    brief["bluf_evidence"] = _cites("hidden drone procurement line of $2.5 billion")
    data["judgments"].insert(0, {"id": "kj-sunan-lines", "statement": SECRET_STATEMENT, "confidence": "moderate",
                                 "priority": 1, "evidence": _cites("Serial production of strike drones at the "
                                                                   "Sunan works is already under way.")})
    data["figures"].insert(0, {"id": "fig-procurement-line", "label": "Hidden drone procurement line",
                               "value": SECRET_VALUE, "number": 2.5e9, "unit": "USD", "priority": 1,
                               "tags": ["chart"], "evidence": _cites("procurement line of $2.5 billion")})
    data["quotes"].insert(0, {"id": "q-three-shifts", "text": SECRET_QUOTE, "speaker": "A defector",
                              "context": "As told to the procurement cell.", "priority": 1,
                              "evidence": _cites(f'said that "{SECRET_QUOTE}"')})


# ---------------------------------------------------------------- reading every word back


def docx_words(path: Path) -> str:
    """Every text node and attribute value of every XML part (body, notes, headers, footers, properties,
    relationships), with a DOCX paragraph's runs joined as Word shows them."""
    out = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                xml = archive.read(name).decode("utf-8")
                out.append(re.sub(r"<[^>]+>", "", xml))
                out.extend(re.findall(r'="([^"]*)"', xml))
    return plain("\n".join(out))


def pdf_words(path: Path) -> str:
    """The PDF's text as poppler extracts it (reading order) and as pypdf does (drawing order, which keeps a
    table cell's lines together), plus its metadata, outline titles and link targets."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    reader = PdfReader(path)
    extra = ["\n".join(read_pdf(path).pages)]
    extra += [str(v) for v in (reader.metadata or {}).values()]
    extra += [str(item.title) for item in _flat(reader.outline)]
    extra += [str(a.get_object()["/A"]["/URI"]) for page in reader.pages for a in page.get("/Annots", [])
              if "/A" in a.get_object()]
    return plain(text.stdout + "\n" + "\n".join(extra))


def _flat(outline: list[Any]) -> list[Any]:
    return [leaf for item in outline for leaf in (_flat(item) if isinstance(item, list) else [item])]


def plain(text: str) -> str:
    text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&#34;", '"')
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text)


def contains(words: str, secret: str) -> bool:
    return plain(secret).strip() in words
