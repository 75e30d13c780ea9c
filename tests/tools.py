"""External tools for tests: skip when missing locally, fail when missing on CI (CI=true)."""

from __future__ import annotations

import os
import shutil

import pytest


def require(tool: str) -> str:
    """The path of `tool`; a missing tool fails the test when CI=true and skips it otherwise."""
    path = shutil.which(tool)
    if path:
        return path
    message = f"{tool} is not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (required when CI=true)")
    pytest.skip(message)
