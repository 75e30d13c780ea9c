"""briefgen: short, sourced briefs from a summary model verified against its seed documents."""

from __future__ import annotations

__version__ = "0.1.0"
