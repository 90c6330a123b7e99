"""Every --format through the command line, on one small file with known findings."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from summarylint.cli import main

TEXT = "某局2025年上半年工作总结\n　　全面落实意认形态工作责任制，强化意识形态领城管理。\n"


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(path, fmt, *extra):
    result = CliRunner().invoke(main, ["check", str(path), "--format", fmt, "--select", "T001", *extra])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_sarif(report_file):
    from tests.report.test_sarif import sarif_validator

    log = json.loads(run(report_file, "sarif"))
    assert [e.message for e in sarif_validator().iter_errors(log)] == []
    results = log["runs"][0]["results"]
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results] == [
        ("T001", "error", 2, 7), ("T001", "warning", 2, 23),
    ]


def test_github(report_file):
    lines = run(report_file, "github").splitlines()
    assert lines[0].startswith(f"::error file={report_file},line=2,col=7,endColumn=11,title=T001 misspelled-term::")
    assert lines[1].startswith(f"::warning file={report_file},line=2,col=23,endColumn=25,")


def test_junit(report_file):
    root = ET.fromstring(run(report_file, "junit"))
    suite = root.find("testsuite")
    assert suite.get("name") == str(report_file)
    case = suite.find("testcase")
    assert case.get("name") == "某局2025年上半年工作总结"
    assert [f.get("type") for f in case.findall("failure")] == ["T001", "T001"]


def test_html(report_file, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(report_file), "--format", "html", "--select", "T001",
                                       "-o", str(out)])
    assert result.exit_code == 1
    page = out.read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    assert page.count('class="finding') >= 2 and 'data-rule="T001"' in page
