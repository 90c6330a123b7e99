"""The stable Python API."""

from __future__ import annotations

import summarylint
from summarylint.config import Config


def test_check_text():
    report = summarylint.check_text("　　全面落实意认形态工作责任制。", select=["T001"])
    assert [(f.rule, f.paragraph, f.column, f.fix.replacement) for f in report.findings] == [("T001", 1, 7, "意识形态")]
    assert report.error is None and isinstance(report, summarylint.Report)


def test_check_file_discovers_configuration(tmp_path):
    (tmp_path / "a.txt").write_text("　　全面落实意认形态工作责任制。\n", encoding="utf-8")
    # no period in one sentence: R000 (info) says the date-dependent rules did not run
    assert [f.rule for f in summarylint.check_file(tmp_path / "a.txt").findings] == ["R000", "T001"]
    (tmp_path / "summarylint.toml").write_text('ignore = ["T001", "R000"]\n', encoding="utf-8")
    assert summarylint.check_file(tmp_path / "a.txt").findings == []
    explicit = summarylint.check_file(tmp_path / "a.txt", Config(select=("T001",)))
    assert [f.rule for f in explicit.findings] == ["T001"]


def test_check_file_reports_input_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    report = summarylint.check_file(tmp_path / "empty.txt")
    assert report.error == "file is empty" and report.findings == []
