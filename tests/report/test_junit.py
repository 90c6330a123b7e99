"""JUnit XML: one suite per file, one case per summary, one failure per finding."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from summarylint.model import Severity
from summarylint.report import junit
from tests.conftest import run_text
from tests.report import (
    ACHIEVEMENTS_ONLY,
    CHINESE_PATH,
    MISSPELLED_AFTER_EXT_B,
    SECOND_SUMMARY,
    label_finding,
    misspelled,
    suppressed,
    unreadable,
)


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def counts(element: ET.Element) -> tuple[str, ...]:
    return tuple(element.get(k) for k in ("tests", "failures", "errors"))


def test_structure_and_counts(ruleset):
    two_summaries = run_text(ruleset, ACHIEVEMENTS_ONLY + "\n" + SECOND_SUMMARY, select=["S001", "T001"],
                             path=CHINESE_PATH)
    results = [two_summaries, label_finding(ruleset), unreadable(), suppressed(ruleset)]
    root = parse(junit.render(results, ruleset))
    assert root.tag == "testsuites"
    assert root.get("name") == "summarylint"
    assert counts(root) == ("5", "3", "1")

    suites = root.findall("testsuite")
    assert [(s.get("name"), *counts(s)) for s in suites] == [
        (CHINESE_PATH, "2", "2", "0"),
        ("t.docx", "1", "1", "0"),
        ("empty.txt", "1", "0", "1"),
        ("q.txt", "1", "0", "0"),  # the suppressed finding is not a failure
    ]
    cases = suites[0].findall("testcase")
    assert [(c.get("name"), c.get("classname")) for c in cases] == [
        ("某局2025年上半年意识形态工作总结", CHINESE_PATH),
        ("某中心2025年上半年宣传思想工作总结", CHINESE_PATH),
    ]
    first, second = (c.findall("failure") for c in cases)
    assert [(f.get("type"), f.text) for f in first] == [
        ("S001", f"{CHINESE_PATH}:1:1\n建议：增加一部分，如“存在的问题”"),
        ("S001", f"{CHINESE_PATH}:1:1\n建议：增加一部分，如“下一步工作打算”"),
    ]
    assert first[0].get("message").startswith("缺少“存在的问题”部分。")
    [t001] = second
    assert t001.attrib == {"type": "T001", "message": "“意认形态”应为“意识形态”（认/识形近）。"}
    assert t001.text == f"{CHINESE_PATH}:9:7 意认形态\n建议：改为“意识形态”"

    [label_case] = suites[1].findall("testcase")
    assert label_case.attrib == {"name": "文档1", "classname": "t.docx"}  # no title: 文档N
    [label_failure] = label_case.findall("failure")
    assert label_failure.get("type") == "F001"
    assert label_failure.text.split("\n")[0] == "t.docx:2:0 1、"  # column 0 and the label, as in JSON

    [error_case] = suites[2].findall("testcase")
    assert error_case.attrib == {"name": "empty.txt", "classname": "empty.txt"}
    [error] = error_case
    assert (error.tag, error.attrib, error.text) == ("error", {"type": "empty", "message": "file is empty"},
                                                     "file is empty")

    [quiet_case] = suites[3].findall("testcase")
    assert list(quiet_case) == []


def test_columns_count_code_points(ruleset):
    result = run_text(ruleset, MISSPELLED_AFTER_EXT_B, select=["T001"])
    failure = parse(junit.render([result], ruleset)).find("testsuite/testcase/failure")
    assert failure.text.split("\n")[0] == "t.txt:1:8 意认形态"


def test_fail_on_keeps_only_findings_at_or_above_the_level(ruleset):
    result = run_text(ruleset, ACHIEVEMENTS_ONLY + "\n" + SECOND_SUMMARY, select=["S001", "T001"])
    every = parse(junit.render([result], ruleset))
    assert len(every.findall(".//failure")) == 3
    errors_only = parse(junit.render([result], ruleset, fail_on=Severity.ERROR))
    assert [f.get("type") for f in errors_only.findall(".//failure")] == ["T001"]
    assert counts(errors_only) == ("2", "1", "0")
    assert counts(errors_only.find("testsuite")) == ("2", "1", "0")


def test_internal_error_is_an_extra_case_beside_the_documents(ruleset):
    result = misspelled(ruleset)
    result.error, result.error_kind = "internal error in rule X001 (KeyError: 1)", "internal"
    suite = parse(junit.render([result], ruleset)).find("testsuite")
    assert counts(suite) == ("2", "1", "1")
    assert [(c.get("name"), [e.tag for e in c]) for c in suite] == [("文档1", ["failure"]), ("t.txt", ["error"])]
    assert suite.find("testcase/error").get("type") == "internal"


def test_markup_and_characters_xml_cannot_carry(ruleset):
    result = misspelled(ruleset, 'a&b<"c">.txt')
    [finding] = result.findings
    result.findings = [dataclasses.replace(finding, message='用 <b> & "引号"\x0b\x1f 结束\r\n次行', suggestion=None)]
    root = parse(junit.render([result], ruleset))
    suite = root.find("testsuite")
    assert suite.get("name") == 'a&b<"c">.txt'
    failure = suite.find("testcase/failure")
    assert failure.get("message") == '用 <b> & "引号"\ufffd\ufffd 结束\r\n次行'
    assert failure.text == 'a&b<"c">.txt:1:7 意认形态'


def test_no_results_is_an_empty_report(ruleset):
    root = parse(junit.render([], ruleset))
    assert counts(root) == ("0", "0", "0")
    assert list(root) == []
