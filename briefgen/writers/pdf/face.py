"""How a paragraph style's text is set: its own module, so the styles and the house style's overrides can
both use it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Face:
    """The face a paragraph style's text is set in, and whether it is set in capitals."""

    family: str
    bold: bool
    italic: bool
    caps: bool
