"""The command line end to end: output formats, exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarylint.cli import main
from tests.conftest import REPO

EXAMPLE_TXT = REPO / "examples" / "2025年上半年意识形态工作总结.txt"
EXAMPLE_DOCX = REPO / "examples" / "2025年上半年意识形态工作总结.docx"

SUMMARY = """某局2025年上半年意识形态工作总结
　　2025年上半年，我局全面落实意认形态工作责任制。现将有关情况总结如下：
一、主要做法
　　1、强化组织领导
　　组织中心组学习12次。
二、存在的问题
　　一是学习不够深入。
三、下一步工作打算
　　一是完善制度。
"""


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def summary_file(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(SUMMARY, encoding="utf-8")
    return path


def test_text_output_points_at_paragraph_and_column(summary_file):
    result = run("check", str(summary_file), "--no-color")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{summary_file}:2:18: T001 error “意认形态”应为“意识形态”（认/识形近）。"
    assert lines[1] == "    | 2025年上半年，我局全面落实意认形态工作责任制。现将有关情况总结如下："
    assert lines[2] == "    |                           ^^^^^^^^"
    assert lines[3] == "    建议：改为“意识形态”"
    assert f"{summary_file}:4:3: F001 warning 三级标题序号“1、”应写作“1.”" in result.output
    assert "    位置：一、主要做法 › 1、强化组织领导" in result.output
    assert lines[-1] == "发现 3 个问题（错误 1，警告 1，提示 1；其中 2 处可自动修正；1 个文件，1 篇总结）。"


def test_json_schema(summary_file):
    result = run("check", str(summary_file), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["version"] == 1
    assert report["tool"]["name"] == "summarylint" and report["tool"]["rules_data"] == "2026-11-27"
    assert report["files"] == [{
        "path": str(summary_file),
        "documents": [{"index": 1, "title": "某局2025年上半年意识形态工作总结", "period": "2025-01-01..2025-06-30"}],
        "error": None,
    }]
    assert report["findings"][0] == {
        "path": str(summary_file), "document": 1, "rule": "T001", "name": "misspelled-term", "severity": "error",
        "paragraph": 2, "column": 18, "end_column": 22, "text": "意认形态", "heading": [],
        "message": "“意认形态”应为“意识形态”（认/识形近）。", "suggestion": "改为“意识形态”",
        "fix": {"replacement": "意识形态", "safe": True},
    }
    assert [(f["rule"], f["paragraph"], f["column"], f["text"]) for f in report["findings"]] == [
        ("T001", 2, 18, "意认形态"), ("F001", 4, 3, "1、"), ("F003", 4, 3, "1、"),
    ]
    assert report["summary"] == {"files": 1, "documents": 1, "error": 1, "warning": 1, "info": 1, "input_errors": 0}


def test_select_ignore_and_exit_codes(summary_file):
    assert [f["rule"] for f in json.loads(run("check", str(summary_file), "--format", "json", "--select", "F").output)[
        "findings"]] == ["F001", "F003"]
    assert run("check", str(summary_file), "--ignore", "T001,F").exit_code == 0
    assert run("check", str(summary_file), "--select", "T001", "--fail-on", "error").exit_code == 1
    assert run("check", str(summary_file), "--select", "F001", "--fail-on", "error").exit_code == 0
    assert run("check", str(summary_file), "--exit-zero").exit_code == 0
    bad = run("check", str(summary_file), "--select", "X999")
    assert bad.exit_code == 2 and "no rule matches X999" in bad.output


def test_period_option_and_unknown_period(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("一、主要做法\n　　以十九大精神为指导，组织学习12次。\n", encoding="utf-8")
    data = json.loads(run("check", str(path), "--format", "json", "--select", "C001").output)
    assert [f["rule"] for f in data["findings"]] == ["R000"]
    data = json.loads(run("check", str(path), "--format", "json", "--select", "C001", "--period", "2024H1").output)
    assert data["files"][0]["documents"][0]["period"] == "2024-01-01..2024-06-30"
    assert "R000" not in [f["rule"] for f in data["findings"]]
    bad = run("check", str(path), "--period", "2024H3")
    assert bad.exit_code == 2 and "--period" in bad.output


def test_stdin_with_filename():
    result = run("check", "-", "--stdin-filename", "报告.txt", "--format", "json", input=SUMMARY.encode("gb18030"))
    report = json.loads(result.output)
    assert report["files"][0]["path"] == "报告.txt"
    assert report["findings"][0]["text"] == "意认形态"


def test_gb18030_file_is_decoded(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SUMMARY.encode("gb18030"))
    report = json.loads(run("check", str(path), "--format", "json").output)
    assert report["findings"][0]["text"] == "意认形态"


def test_directory_search_and_empty_directory(tmp_path, summary_file):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "~$report.docx").write_bytes(b"lock")
    result = run("check", str(tmp_path), "--format", "json")
    assert [f["path"] for f in json.loads(result.output)["files"]] == [str(summary_file)]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["check", str(empty)])
    assert result.exit_code == 2
    assert f"summarylint: error: {empty}: directory holds no .docx, .txt or .md files" in result.output


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    encrypted = ole + "EncryptedPackage".encode("utf-16-le")
    files = {
        "missing": (tmp_path / "missing.docx", None, "no such file"),
        "empty": (tmp_path / "empty.txt", b"", "file is empty"),
        "legacy": (tmp_path / "old.doc", ole, "soffice --headless --convert-to docx old.doc"),
        "encrypted": (tmp_path / "secret.docx", encrypted, "password-protected"),
        "truncated": (tmp_path / "cut.docx", None, "damaged"),
        "not-zip": (tmp_path / "fake.docx", "这不是Word文件".encode(), "not a ZIP archive"),
        "binary": (tmp_path / "bin.txt", b"\x00\x01\x02\x03" * 50, "binary"),
        "undecodable": (tmp_path / "bad.txt", b"abc \x80\xff\xff" * 3, "cannot decode"),
    }
    full = zipfile.ZipFile(tmp_path / "full.zip", "w")
    full.writestr("word/document.xml", "x" * 5000)
    full.close()
    files["truncated"] = (files["truncated"][0], (tmp_path / "full.zip").read_bytes()[:200], "damaged")
    out = {}
    for key, (path, data, reason) in files.items():
        if data is not None:
            path.write_bytes(data)
        out[key] = (path, reason)
    return out


def test_bad_input_is_one_line_exit_2_and_other_files_still_checked(tmp_path, summary_file):
    bad = _bad_inputs(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", str(summary_file), *[str(p) for p, _ in bad.values()]])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    errors = {f["path"]: f["error"] for f in report["files"] if f["error"]}
    for path, reason in bad.values():
        assert reason in errors[str(path)], (path, errors.get(str(path)))
        assert f"summarylint: error: {path}: " in result.stderr
    assert len(result.stderr.strip().splitlines()) == len(bad)
    assert report["summary"]["input_errors"] == len(bad)
    assert any(f["path"] == str(summary_file) for f in report["findings"])
    assert "Traceback" not in result.output


def test_size_limit(summary_file):
    result = run("check", str(summary_file), "--max-file-size", "100")
    assert result.exit_code == 2
    assert "over the size limit of 0.0 MB" in result.output


def test_input_files_are_never_modified(summary_file):
    before = summary_file.read_bytes(), summary_file.stat().st_mtime_ns
    run("check", str(summary_file), "--format", "json")
    assert (summary_file.read_bytes(), summary_file.stat().st_mtime_ns) == before


def test_output_file_written(tmp_path, summary_file):
    out = tmp_path / "report.json"
    result = run("check", str(summary_file), "--format", "json", "-o", str(out))
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["error"] == 1


def test_rules_and_explain():
    listing = run("rules")
    assert listing.exit_code == 0
    assert any(line.split()[:3] == ["T001", "misspelled-term", "error"] for line in listing.output.splitlines())
    explained = run("explain", "f001")
    assert explained.exit_code == 0
    assert explained.output.startswith("F001 heading-number-format (warning)")
    assert "错误示例：" in explained.output and "正确示例：" in explained.output
    assert run("explain", "Z123").exit_code == 2


@pytest.mark.slow
def test_subprocess_on_a_gbk_console_writes_utf8_without_crashing(summary_file):
    env = dict(os.environ, PYTHONIOENCODING="gbk")
    proc = subprocess.run([sys.executable, "-m", "summarylint", "check", str(summary_file)], capture_output=True,
                          env=env, timeout=60)
    assert proc.returncode == 1
    assert "意认形态" in proc.stdout.decode("utf-8")
    assert proc.stderr == b""


@pytest.mark.slow
def test_bundled_examples_are_checked(tmp_path):
    for example in (EXAMPLE_TXT, EXAMPLE_DOCX):
        report = json.loads(run("check", str(example), "--format", "json").output)
        rules = {f["rule"] for f in report["findings"]}
        assert {"T001", "F001"} <= rules, (example, rules)
        assert report["summary"]["input_errors"] == 0


def test_docx_without_paragraphs_is_checked_without_findings(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)
    document.save(path)
    result = run("check", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["files"] == [{"path": str(path), "documents": [], "error": None}]
    assert report["findings"] == []


def test_report_file_gets_ordinary_permissions(summary_file, tmp_path):
    import stat

    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        run("check", str(summary_file), "--format", "json", "-o", str(out))
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left
