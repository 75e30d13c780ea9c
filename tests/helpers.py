"""Helpers for end-to-end tests on a temporary copy of the workspace."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result

from briefgen.cli.main import cli

SEED_000 = "seeds/000_eab46a25288d9a93.txt"
SEED_002 = "seeds/002_828a4c93c67805e5.txt"


def run(ws: Path, *args: str) -> Result:
    """Run the CLI in-process the way a user would, on workspace `ws`."""
    return CliRunner().invoke(cli, ["-C", str(ws), *args], catch_exceptions=False)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def drop_lines_containing(path: Path, needle: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if needle not in line]
    assert len(kept) < len(lines), f"{needle!r} not in {path}"
    path.write_text("".join(kept), encoding="utf-8")


def model(ws: Path) -> dict[str, Any]:
    return yaml.safe_load((ws / "seeds/summary.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def save_model(ws: Path, data: dict[str, Any]) -> None:
    (ws / "seeds/summary.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and mtime of every file under `folder`: proof that nothing was touched."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def items_citing(ws: Path, needle: str) -> set[str]:
    """Ids of model items with a passage containing `needle` (found independently of briefgen)."""
    data = model(ws)
    return {item["id"] for section in ("judgments", "figures", "quotes", "gaps") for item in data.get(section, [])
            if any(needle in ev["passage"] for ev in item.get("evidence", []))}


def built_workspace(folder: Path) -> Path:
    """The shipped seeds with the bundled templates copied in to edit, built once: a base for tests that
    change one thing and compare against published briefs."""
    import shutil

    from tests.conftest import ROOT
    ws = folder / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    shutil.copytree(ROOT / "briefgen" / "templates", ws / "templates", ignore=shutil.ignore_patterns("__*"))
    result = run(ws, "build")
    assert result.exit_code == 0, result.output
    return ws


def copy_workspace(ws: Path, folder: Path) -> Path:
    import shutil
    copy = folder / "ws"
    shutil.copytree(ws, copy)
    return copy


def published(ws: Path) -> dict[str, tuple[str, int]]:
    """Fingerprint of what a build publishes under output/ (briefs, history, the build record), leaving out
    the caches (output/.cache: parses and compiled templates, safe to delete) and the lock files' own bytes."""
    unpublished = (".cache/", ".build.lock", ".seeds.lock", ".issue.lock")
    return {k: v for k, v in fingerprint(ws / "output").items() if not k.startswith(unpublished)}
