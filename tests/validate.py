"""Is every file a build left behind complete and readable? Shared by the crash and concurrency tests.

Each check reads the real file back with an independent reader (pypdf, zipfile, python-docx, ElementTree,
json); nothing here asks briefgen whether its own output is fine."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

BRIEF_SUFFIXES = (".pdf", ".docx")
OUR_TEMP = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # the name atomic_write gives its temporary files
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_pdf(path: Path) -> None:
    from pypdf import PdfReader

    data = path.read_bytes()
    assert data.startswith(b"%PDF-"), f"{path}: no PDF header"
    assert data.rstrip().endswith(b"%%EOF"), f"{path}: truncated (no %%EOF at the end)"
    reader = PdfReader(path, strict=True)
    assert len(reader.pages) >= 1, f"{path}: no pages"
    reader.pages[0].extract_text()  # parses the first page's content stream


def check_docx(path: Path) -> None:
    import docx

    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None, f"{path}: a damaged zip member"
        ET.fromstring(package.read("word/document.xml"))
        ET.fromstring(package.read("word/footnotes.xml"))
    docx.Document(str(path))


def check_brief(path: Path) -> None:
    (check_pdf if path.suffix == ".pdf" else check_docx)(path)


def read_lock(out: Path) -> dict[str, Any]:
    """output/briefgen.lock parsed as the JSON that briefgen/regen/record.py writes."""
    data: dict[str, Any] = json.loads((out / "briefgen.lock").read_text(encoding="utf-8"))
    assert data["format"] == 1 and isinstance(data["build"], int), data.keys()
    assert isinstance(data["audiences"], dict) and isinstance(data["inputs"], dict)
    return data


def briefs(out: Path) -> list[Path]:
    """The published briefs: output/<audience>.pdf and .docx."""
    return sorted(p for p in out.iterdir() if p.is_file() and p.suffix in BRIEF_SUFFIXES)


def history_files(out: Path) -> list[Path]:
    root = out / "history"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def our_temps(out: Path) -> list[Path]:
    """Temporary files of ours left in output/ or its history (never in output/.cache, not ours to judge),
    and staging folders with what a build had written into them."""
    places = [out, *((out / "history").iterdir() if (out / "history").is_dir() else [])]
    temps = [p for place in places if place.is_dir() for p in place.iterdir() if OUR_TEMP.fullmatch(p.name)]
    stages = sorted(out.glob(".staging-*")) if out.is_dir() else []
    return temps + stages + [p for stage in stages for p in sorted(stage.iterdir())]


def validate_output(out: Path, proven: set[str] | None = None) -> dict[str, Any]:
    """Assert every published brief and every history file is complete and readable and the lock parses;
    return the lock. `proven` holds the content hashes of files already read back whole (same bytes, same
    verdict), so a test that validates after every round reads only what changed."""
    lock = read_lock(out)
    known = proven if proven is not None else set()
    for path in briefs(out) + history_files(out):
        if OUR_TEMP.fullmatch(path.name):  # a killed build's temporary: judged by our_temps(), not read
            continue
        assert path.suffix in BRIEF_SUFFIXES, f"unexpected file: {path}"
        digest = sha256(path)
        if digest not in known:
            check_brief(path)
            known.add(digest)
    return lock


@functools.lru_cache(maxsize=64)
def _text_of(path: Path, digest: str) -> str:
    return _extract(path)


def brief_text(path: Path) -> str:
    """The brief's text with all white space removed (line breaks fall anywhere in a PDF)."""
    return _text_of(path, sha256(path))


def _extract(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(path).pages)
    else:
        with zipfile.ZipFile(path) as package:
            root = ET.fromstring(package.read("word/document.xml"))
        text = "".join(node.text or "" for node in root.iter(f"{_W}t"))
    return "".join(text.split())
