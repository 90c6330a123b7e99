"""Baseline: findings that existed when a unit adopted summarylint, so only new ones fail CI.

A finding is keyed by its path (relative to the baseline file), rule, document and a hash
of its paragraph's text and of the flagged text — never the text itself, so a baseline can
be committed without leaking the documents.  Editing a paragraph makes its findings new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from summarylint.engine import FileResult, Suppressed

VERSION = 1


class BaselineError(Exception):
    pass


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _relative(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def keys(result: FileResult, base: Path) -> list[tuple[str, str, int, str, str]]:
    out = []
    for f in result.findings:
        block = result.document.block(f.paragraph)
        flagged = block.label or "" if f.span.in_label else block.text[f.span.start : f.span.end]
        out.append((_relative(result.path, base), f.rule, f.document, _digest(block.text), _digest(flagged)))
    return out


def write(path: Path, results: list[FileResult]) -> int:
    """Write the findings of ``results`` as a baseline (atomically); return their count."""
    base = path.parent
    counts = Counter(k for r in results if r.document for k in keys(r, base))
    entries = [
        {"path": p, "rule": rule, "document": doc, "paragraph": para, "text": text, "count": n}
        for (p, rule, doc, para, text), n in sorted(counts.items())
    ]
    payload = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n"
    from summarylint.write.text import write_atomic

    write_atomic(path, payload.encode("utf-8"))
    return sum(counts.values())


def load(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise BaselineError(f"{path}: unsupported baseline version {data.get('version')!r}")
        return Counter({
            (e["path"], e["rule"], int(e["document"]), e["paragraph"], e["text"]): int(e.get("count", 1))
            for e in data["findings"]
        })
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{path}: not a summarylint baseline file ({exc})") from None


def apply(result: FileResult, known: Counter, base: Path) -> None:
    """Move the findings recorded in the baseline to ``result.suppressed`` (kind external)."""
    if not result.document or not known:
        return
    known = known.copy()  # counts are consumed per file; the loaded baseline stays intact
    kept = []
    for finding, key in zip(result.findings, keys(result, base), strict=True):
        if known[key] > 0:
            known[key] -= 1
            result.suppressed.append(Suppressed(finding, "external", "baseline"))
        else:
            kept.append(finding)
    result.findings = kept
