"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, …).

Shape::

    <testsuites name="summarylint" tests= failures= errors=>
      <testsuite name=PATH tests= failures= errors= skipped="0">
        <testcase name="文档标题 or 文档N" classname=PATH>
          <failure type="T001" message="…">PATH:paragraph:column text
    建议：…</failure>

One test suite per file, one test case per summary (document) in the file, one
``<failure>`` per finding at or above ``fail_on`` (default: every finding).  ``text`` is
what the JSON report calls ``text`` (the flagged characters, the numbering label for
column 0, nothing for section findings); the suggestion follows on a second line.  A
file that could not be read is a suite with one test case holding an ``<error>``; an
internal rule failure adds such a test case beside the file's documents.

Counts follow JUnit: ``tests`` counts test cases, ``failures`` the test cases with at
least one failure, ``errors`` the test cases with an error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from summarylint.engine import FileResult, RuleSet
from summarylint.model import Finding, Severity

#: Characters XML 1.0 cannot carry even as references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _flagged_text(result: FileResult, f: Finding) -> str:
    block = result.document.block(f.paragraph)
    if f.span.in_label:
        return block.label or ""
    if f.section_level:
        return ""
    return block.text[f.span.start : f.span.end]


def failure_body(result: FileResult, f: Finding) -> str:
    text = _flagged_text(result, f)
    body = f"{result.path}:{f.paragraph}:{f.column}" + (f" {text}" if text else "")
    if f.suggestion:
        body += f"\n建议：{f.suggestion}"
    return body


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _error_case(suite: ET.Element, result: FileResult) -> None:
    case = _element(suite, "testcase", name=result.path, classname=result.path)
    _element(case, "error", result.error, type=result.error_kind or "input", message=result.error)


def _file_suite(root: ET.Element, result: FileResult, fail_on: Severity) -> None:
    suite = _element(root, "testsuite", name=result.path)
    if result.document is not None:
        titles: dict[int, str | None] = {}
        if result.outline is not None:
            titles = {s.index: s.title for s in result.outline.summaries}
        for f in result.findings:
            titles.setdefault(f.document, None)
        for index in sorted(titles) or [1]:
            case = _element(suite, "testcase", name=titles.get(index) or f"文档{index}", classname=result.path)
            for f in result.findings:
                if f.document == index and f.severity >= fail_on:
                    _element(case, "failure", failure_body(result, f), type=f.rule, message=f.message)
    if result.error:
        _error_case(suite, result)
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    suite.set("skipped", "0")


def render(results: Iterable[FileResult], ruleset: RuleSet, *, fail_on: Severity = Severity.INFO) -> str:
    """``ruleset`` is unused (failures carry the rule id); it keeps the reporters alike."""
    root = ET.Element("testsuites", name="summarylint")
    for result in results:
        _file_suite(root, result, fail_on)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key)) for s in root.findall("testsuite"))))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
