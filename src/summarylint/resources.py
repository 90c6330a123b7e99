"""Where the package's data lives: ``rules/`` and ``grammars/``.

In a built wheel they are copied into ``summarylint/_data/``; in a source checkout
(editable install, tests) they are read from the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the directory ``rules`` or ``grammars``."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"summarylint is installed without its {name}/ directory")


def cache_dir() -> Path | None:
    """A private directory for derived data that speeds up start-up (the grammar's parse
    tables), or None when caching is off (SUMMARYLINT_NO_CACHE=1) or impossible.  It never
    holds anything taken from a checked document."""
    import os

    if os.environ.get("SUMMARYLINT_NO_CACHE"):
        return None
    base = os.environ.get("SUMMARYLINT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    directory = Path(base).expanduser() / "summarylint" if not os.environ.get("SUMMARYLINT_CACHE_DIR") else Path(base)
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return directory if os.access(directory, os.W_OK) else None
