"""Bundled audience profiles and jinja2 templates (a workspace's templates/ overrides them)."""

from pathlib import Path

FOLDER = Path(__file__).parent  # where briefgen keeps them: messages name a file here as briefgen/templates/NAME
SHOWN_AS = "briefgen/templates"
