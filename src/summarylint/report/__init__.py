"""Reporters: pure functions of the checked documents and their findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from summarylint.engine import FileResult
from summarylint.model import Severity


def counts(results: Iterable[FileResult]) -> dict[str, int]:
    results = list(results)
    by_severity = Counter(str(f.severity) for r in results for f in r.findings)
    return {
        "files": len(results),
        "documents": sum(len(r.outline.summaries) for r in results if r.outline),
        "error": by_severity[str(Severity.ERROR)],
        "warning": by_severity[str(Severity.WARNING)],
        "info": by_severity[str(Severity.INFO)],
        "input_errors": sum(1 for r in results if r.error),
    }
