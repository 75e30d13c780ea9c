"""How an HTML seed may be read: its article only (the default), or every visible block of the page.

Its own module, without pydantic, so reading a seed imports no model schema (a check after one seed changed
reads that seed and nothing of the model)."""

from __future__ import annotations

from typing import Literal, get_args

Reading = Literal["article", "blocks"]
READINGS: tuple[str, ...] = get_args(Reading)
