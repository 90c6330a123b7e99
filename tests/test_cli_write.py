"""`summarylint fix` and `summarylint annotate` through the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from summarylint.cli import main

TEXT = "某局2025年上半年工作总结\r\n　　全面落实意认形态工作责任制，强化意识形态领城管理。\r\n　　1、强化组织领导\r\n　　组织学习12次。\r\n"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_fix_text_to_a_new_file_keeps_encoding_and_line_endings(tmp_path):
    source = tmp_path / "报告.txt"
    original = TEXT.encode("gb18030")
    source.write_bytes(original)
    result = run("fix", str(source), "--isolated")
    assert result.exit_code == 0, result.output
    target = tmp_path / "报告.fixed.txt"
    assert source.read_bytes() == original  # the input is never modified
    fixed = target.read_bytes().decode("gb18030")
    assert fixed == TEXT.replace("意认形态", "意识形态").replace("1、", "1.")
    assert f"{source}: 2 fixes applied → {target}" in result.stderr
    # re-checking the fixed file: the fixed findings are gone, the unsafe one (领城) remains
    again = json.loads(run("check", str(target), "--format", "json", "--isolated", "--select", "T001,F001").stdout)
    assert [(f["rule"], f["text"]) for f in again["findings"]] == [("T001", "领城")]


def test_fix_unsafe_in_place_with_backup_and_diff(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8", newline="")
    diff = run("fix", str(source), "--diff", "--unsafe", "--isolated", "--select", "T001")
    assert diff.exit_code == 0
    assert "-　　全面落实意认形态工作责任制，强化意识形态领城管理。" in diff.stdout
    assert "+　　全面落实意识形态工作责任制，强化意识形态领域管理。" in diff.stdout
    assert source.read_bytes() == TEXT.encode()  # --diff writes nothing
    result = run("fix", str(source), "--in-place", "--unsafe", "--isolated", "--select", "T001")
    assert result.exit_code == 0
    assert (tmp_path / "a.txt.bak").read_bytes() == TEXT.encode()
    assert source.read_bytes() == TEXT.replace("意认形态", "意识形态").replace("领城", "领域").encode()


def test_fix_refuses_to_overwrite_the_input_without_in_place(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(TEXT.encode())
    result = run("fix", str(source), "-o", str(source), "--isolated")
    assert result.exit_code == 2 and "would overwrite the input" in result.output
    assert source.read_bytes() == TEXT.encode()


def test_annotate_needs_a_docx(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run("annotate", str(source))
    assert result.exit_code == 2
    assert "annotate writes Word comments and needs a .docx file" in result.stderr
