"""Rules of this family are registered in ``RULES`` (see checks/__init__.py)."""

from __future__ import annotations

RULES: list = []
