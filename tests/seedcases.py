"""Steps the seed-format tests share: a hostile document refused by `seeds add`, and passages of added seeds tied
to judgments, checked and cited."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.helpers import citations, model, run, save_model


def refused_quickly(ws: Path, path: Path, make: Callable[[], bytes], reason: str) -> Result:
    """`seeds add` of the bytes `make` gives, saved as `path`: refused within 10 s with `path: reason` and a hint,
    no traceback, nothing copied into seeds/. Its result, for what a caller checks besides."""
    path.write_bytes(make())
    started = time.monotonic()
    result = run(ws, "seeds", "add", str(path))
    assert time.monotonic() - started < 10
    assert result.exit_code == 1 and f"{path}: {reason}" in result.output, result.output
    assert "hint: " in result.output and "Traceback" not in result.output
    assert not (ws / "seeds" / path.name).exists()
    return result


def tied(ws: Path, passages: dict[str, str], statement: str) -> dict[str, list[dict[str, object]]]:
    """A judgment `kj-SOURCE` for each source, resting on its passage, added to the model; `check` passes; the
    items' citations."""
    data = model(ws)
    for source, passage in passages.items():
        data["judgments"].append({"id": f"kj-{source}", "statement": statement, "confidence": "moderate",
                                  "priority": 90, "evidence": [{"source": source, "passage": passage}]})
    save_model(ws, data)
    checked = run(ws, "check")
    assert checked.exit_code == 0, checked.output
    return citations(ws)


def analyst_notes(ws: Path) -> str:
    """The analyst brief built (DOCX and PDF); the text of the DOCX's footnotes."""
    from tests.test_seed_formats import footnotes_docx

    built = run(ws, "build", "-a", "analyst")
    assert built.exit_code == 0, built.output
    return footnotes_docx(ws / "output/analyst.docx")
