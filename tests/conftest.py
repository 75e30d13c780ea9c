from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A temporary copy of the shipped workspace (seeds and templates)."""
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    if (ROOT / "templates").is_dir():
        shutil.copytree(ROOT / "templates", ws / "templates")
    else:
        (ws / "templates").mkdir()
    return ws
