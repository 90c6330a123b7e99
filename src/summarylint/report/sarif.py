"""SARIF 2.1.0: one run, for GitHub code scanning and SARIF viewers.

Coordinates follow the JSON report: ``startLine`` is the paragraph (the line of a text
file), columns are 1-based code points of the paragraph's text (``run.columnKind`` is
``unicodeCodePoints``) and ``endColumn`` is exclusive, so a finding's ``end_column`` is
SARIF's ``endColumn`` unchanged.  Two kinds of findings have no characters of their own:

* a finding about a whole section or document (JSON column 1, empty text) gets a region
  with ``startLine`` only, which SARIF reads as the whole paragraph (its heading);
* a finding on an automatic numbering label (JSON column 0; the label is rendered by
  Word and is not in the paragraph's text) gets the empty region
  ``startColumn = endColumn = 1``, the insertion point before the first character, where
  the label is shown.  The label itself is in ``result.properties.numberingLabel``.

``partialFingerprints["summarylint/v1"]`` lets code scanning follow a finding across
runs while lines move: a SHA-256 of the rule id, a SHA-256 of the paragraph's text and
the flagged text (for section findings, the message), plus ``:N`` counting identical
keys within the file.  No document text appears in the log except the flagged snippet.

``fixes`` are given for safe fixes in plain-text files only: there the region is
characters of the file itself.  In a .docx the paragraph is not a line of the (zipped)
file, and in Markdown columns count the text without markup, so a tool applying the
replacement to the raw file would damage it; the replacement is still in
``result.properties.fix``, as in the JSON report.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from summarylint import __version__
from summarylint.engine import FileResult, RuleSet, Suppressed
from summarylint.model import Finding, Severity

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "summarylint/v1"
SRCROOT = "%SRCROOT%"

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def artifact_location(path: str) -> dict[str, str]:
    """The path as a URI reference: relative paths stay relative (to ``%SRCROOT%``),
    absolute ones become ``file:`` URIs; every character outside RFC 3986's unreserved
    set and ``/`` is percent-encoded as UTF-8 (Chinese names, spaces, ``%``, ``#``)."""
    posix = path.replace("\\", "/")
    if posix.startswith("//"):  # UNC: //server/share/dir/file
        return {"uri": "file:" + quote(posix, safe="/")}
    if posix.startswith("/"):
        return {"uri": "file://" + quote(posix, safe="/")}
    if _WINDOWS_DRIVE.match(posix):
        return {"uri": "file:///" + posix[:2] + quote(posix[2:], safe="/")}
    while posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def flagged_text(result: FileResult, f: Finding) -> str:
    """What the JSON report calls ``text``: the span, the label, or "" for sections."""
    block = result.document.block(f.paragraph)
    if f.span.in_label:
        return block.label or ""
    if f.section_level:
        return ""
    return block.text[f.span.start : f.span.end]


def region(result: FileResult, f: Finding) -> dict[str, Any]:
    if f.section_level and not f.span.in_label:
        return {"startLine": f.paragraph}
    if f.span.in_label:
        return {"startLine": f.paragraph, "startColumn": 1, "endColumn": 1}
    out: dict[str, Any] = {"startLine": f.paragraph, "startColumn": f.column, "endColumn": f.end_column}
    text = flagged_text(result, f)
    if text:
        out["snippet"] = {"text": text}
    return out


def message_text(f: Finding) -> str:
    return f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint_key(result: FileResult, f: Finding) -> str:
    block = result.document.block(f.paragraph)
    what = "\x1fmessage\x1f" + f.message if f.section_level and not f.span.in_label else flagged_text(result, f)
    return _sha256("\x1e".join((f.rule, _sha256(block.text), what)))


def _rule_descriptor(rule) -> dict[str, Any]:
    summary = rule.summary or rule.name or rule.id
    explanation = rule.explanation or summary
    out: dict[str, Any] = {"id": rule.id}
    if rule.name:
        out["name"] = rule.name
    out.update({
        "shortDescription": {"text": summary},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation},
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": bool(rule.default_enabled)},
        "properties": {"tags": [rule.family]},
    })
    return out


def _result(result: FileResult, f: Finding, rule_index: dict[str, int], fingerprint: str,
            suppressed: Suppressed | None = None) -> dict[str, Any]:
    location = artifact_location(result.path)
    out: dict[str, Any] = {"ruleId": f.rule}
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    out["level"] = LEVEL[f.severity]
    out["message"] = {"text": message_text(f)}
    out["locations"] = [{"physicalLocation": {"artifactLocation": location, "region": region(result, f)}}]
    out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    fix_applies = (
        f.fix is not None and f.fix.safe and not f.span.in_label and not f.section_level
        and result.document.format == "text"
    )
    if fix_applies:
        out["fixes"] = [{
            "description": {"text": f.suggestion or f"改为“{f.fix.replacement}”"},
            "artifactChanges": [{
                "artifactLocation": dict(location),
                "replacements": [{
                    "deletedRegion": {"startLine": f.paragraph, "startColumn": f.column, "endColumn": f.end_column},
                    "insertedContent": {"text": f.fix.replacement},
                }],
            }],
        }]
    if suppressed is not None:
        entry: dict[str, Any] = {"kind": suppressed.kind}
        if suppressed.justification:
            entry["justification"] = suppressed.justification
        out["suppressions"] = [entry]
    properties: dict[str, Any] = {"document": f.document}
    if f.heading:
        properties["heading"] = list(f.heading)
    if f.span.in_label:
        properties["numberingLabel"] = flagged_text(result, f)
    if f.fix is not None:
        properties["fix"] = {"replacement": f.fix.replacement, "safe": f.fix.safe}
    out["properties"] = properties
    return out


def _file_results(result: FileResult, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    entries: list[tuple[Finding, Suppressed | None]] = [(f, None) for f in result.findings]
    entries += [(s.finding, s) for s in result.suppressed]
    entries.sort(key=lambda e: e[0].sort_key())  # stable: reported before suppressed on ties
    seen: Counter[str] = Counter()
    out = []
    for f, suppressed in entries:
        key = fingerprint_key(result, f)
        seen[key] += 1
        out.append(_result(result, f, rule_index, f"{key}:{seen[key]}", suppressed))
    return out


def _notification(result: FileResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": result.error},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path)}}],
        "properties": {"kind": result.error_kind or "input"},
    }


def render(results: Iterable[FileResult], ruleset: RuleSet) -> str:
    results = list(results)
    rules = sorted(ruleset.rules.values(), key=lambda r: r.id)
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "summarylint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule_descriptor(rule) for rule in rules],
    }
    data_version = ruleset.data_version()
    if data_version:
        driver["properties"] = {"rulesData": data_version}
    failed = [r for r in results if r.error]
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(r.error_kind == "internal" for r in failed),
    }
    if failed:
        invocation["toolExecutionNotifications"] = [_notification(r) for r in failed]
    sarif_results = [item for r in results if r.document is not None for item in _file_results(r, rule_index)]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
