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
