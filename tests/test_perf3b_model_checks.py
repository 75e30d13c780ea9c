"""The checks of the model alone take shortcuts on a large model (issue 20, target 3): a file whose text is ASCII
and escapes nothing is not walked for characters no font draws, and a short ASCII text without "<" is not matched
against the skeleton's samples. What they report stays what `check` reports without them: a character written
as a YAML escape in an ASCII file, a blank, a sample text of the shortest length."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.synth import make_workspace

ROOT = Path(__file__).resolve().parents[1]


def _check(ws: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(ws), "check", "--no-cache"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    return done.stdout + done.stderr


def _with(ws: Path, old: str, new: str) -> None:
    summary = ws / "seeds" / "summary.yaml"
    text = summary.read_text(encoding="utf-8")
    assert old in text
    summary.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_escaped_character_no_font_draws_in_an_ascii_model_is_reported(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", 3)
    assert "undrawable" not in _check(ws) and "no font draws" not in _check(ws)
    _with(ws, "statement: Synthetic judgment 1.", 'statement: "Synthetic judgment 1 \\uE000."')
    assert (ws / "seeds" / "summary.yaml").read_bytes().isascii()
    out = _check(ws)
    assert "j1: statement has '\\ue000' (U+E000 a private-use character), which no font draws" in out


def test_blanks_and_the_shortest_sample_are_reported_in_an_ascii_model(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", 3)
    _with(ws, "statement: Synthetic judgment 0.", "statement: <who>")
    _with(ws, "statement: Synthetic judgment 1.", "statement: Short   HEADLINE")
    _with(ws, "statement: Synthetic judgment 2.", "statement: Short headlin")
    out = _check(ws)
    assert "judgments[0].statement: '<who>' is a blank left to fill in" in out
    assert "judgments[1].statement: still the skeleton's sample text 'Short   HEADLINE'" in out
    assert "Short headlin'" not in out
