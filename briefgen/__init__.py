"""briefgen: short, sourced briefs from a summary model verified against its seed documents."""

from __future__ import annotations

import os

# pydantic looks up installed plugins through importlib.metadata on import (~30 ms); briefgen uses none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"
