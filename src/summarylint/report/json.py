"""The JSON report: the stable interface CI and editors build on (schema version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from summarylint import __version__
from summarylint.engine import FileResult
from summarylint.model import Finding
from summarylint.report import counts

SCHEMA_VERSION = 1


def finding_dict(result: FileResult, f: Finding) -> dict[str, Any]:
    block = result.document.block(f.paragraph)
    if f.span.in_label:
        text = block.label or ""
    elif f.section_level:
        text = ""
    else:
        text = block.text[f.span.start : f.span.end]
    return {
        "path": result.path,
        "document": f.document,
        "rule": f.rule,
        "name": f.name,
        "severity": str(f.severity),
        "paragraph": f.paragraph,
        "column": f.column,
        "end_column": f.end_column,
        "text": text,
        "heading": list(f.heading),
        "message": f.message,
        "suggestion": f.suggestion,
        "fix": {"replacement": f.fix.replacement, "safe": f.fix.safe} if f.fix else None,
    }


def file_dict(result: FileResult) -> dict[str, Any]:
    documents = []
    if result.outline:
        for s in result.outline.summaries:
            period = result.periods.get(s.index)
            documents.append({"index": s.index, "title": s.title, "period": str(period) if period else None})
    return {"path": result.path, "documents": documents, "error": result.error}


def render(results: Iterable[FileResult], *, rules_data: str = "") -> str:
    results = list(results)
    payload = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "summarylint", "version": __version__, "rules_data": rules_data},
        "files": [file_dict(r) for r in results],
        "findings": [finding_dict(r, f) for r in results if r.document for f in r.findings],
        "summary": counts(results),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
