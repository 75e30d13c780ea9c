"""briefgen: short, sourced briefs from a summary model verified against its seed documents."""

from __future__ import annotations

from briefgen import precompiled

__version__ = "0.1.0"

precompiled.install()  # before any of briefgen's dataclasses is made
