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


EXAMPLE_DOCX = __import__("tests.conftest", fromlist=["REPO"]).REPO / "examples" / "2025年上半年意识形态工作总结.docx"


def test_annotate_docx_writes_a_reviewed_copy(tmp_path):
    import shutil
    import zipfile

    source = tmp_path / "报告.docx"
    shutil.copy(EXAMPLE_DOCX, source)
    original = source.read_bytes()
    result = run("annotate", str(source), "--isolated")
    assert result.exit_code == 0, result.output
    target = tmp_path / "报告.reviewed.docx"
    assert source.read_bytes() == original
    check = json.loads(run("check", str(source), "--format", "json", "--isolated").stdout)
    with zipfile.ZipFile(target) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") == len(check["findings"])
    assert "[T001] “意认形态”应为“意识形态”（认/识形近）。（建议：改为“意识形态”）" in comments
    assert f"{source}: {len(check['findings'])} comments → {target}" in result.stderr


def test_fix_docx_as_tracked_changes_then_accept(tmp_path):
    import shutil

    from lxml import etree

    from summarylint.readers import read_path
    from tests.write import accept_all, main_part

    source = tmp_path / "a.docx"
    shutil.copy(EXAMPLE_DOCX, source)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = run("fix", str(source), "-o", str(out_dir), "--isolated")
    assert result.exit_code == 0, result.output
    fixed = (out_dir / "a.fixed.docx").read_bytes()
    body = etree.tostring(main_part(fixed)[1]).decode()
    assert "<w:del " in body and 'w:author="summarylint"' in body
    accepted = tmp_path / "accepted.docx"
    accepted.write_bytes(accept_all(fixed))
    texts = [b.text for b in read_path(str(accepted)).blocks]
    assert any("将意识形态工作纳入" in t for t in texts)
    again = json.loads(run("check", str(accepted), "--format", "json", "--isolated").stdout)
    before = json.loads(run("check", str(source), "--format", "json", "--isolated").stdout)
    fixed_keys = {(f["rule"], f["text"]) for f in before["findings"] if f["fix"] and f["fix"]["safe"]}
    assert not fixed_keys & {(f["rule"], f["text"]) for f in again["findings"]}
    assert len(again["findings"]) == len(before["findings"]) - len(fixed_keys)
    direct = run("fix", str(source), "--no-track", "--isolated", "-o", str(tmp_path / "direct.docx"))
    assert direct.exit_code == 0
    assert "<w:del " not in etree.tostring(main_part((tmp_path / "direct.docx").read_bytes())[1]).decode()
