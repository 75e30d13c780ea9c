"""Bundled audience profiles and jinja2 templates (a workspace's templates/ overrides them)."""
