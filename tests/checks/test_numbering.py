"""F001: heading numbering marks (GB/T 9704 7.3.3, GB/T 15834 B.3)."""

from __future__ import annotations

from summarylint.config import Config
from summarylint.engine import check_document
from summarylint.model import Block, Document
from tests.conftest import located, run_text


def test_typed_markers_are_flagged_with_exact_columns_and_safe_fixes(ruleset):
    text = "\n".join([
        "　>　一、总体情况",
        "　　(一)注重思想引领，不断加强主流意识形态建设",
        "　　1、强化组织领导",
        "（二）、加强阵地管理",
        "二．存在的问题",
        "(1)建立台账",
        "3．完善制度",
    ])
    result = run_text(ruleset, text, select=["F001"])
    assert located(result) == [
        ("F001", 2, 3, 6, "(一)"),
        ("F001", 3, 3, 5, "1、"),
        ("F001", 4, 1, 5, "（二）、"),
        ("F001", 5, 1, 3, "二．"),
        ("F001", 6, 1, 4, "(1)"),
        ("F001", 7, 1, 3, "3．"),
    ]
    fixes = [(f.fix.replacement, f.fix.safe) for f in result.findings]
    assert fixes == [("（一）", True), ("1.", True), ("（二）", True), ("二、", True), ("（1）", True), ("3.", True)]
    first = result.findings[0]
    assert first.message.startswith("二级标题序号“(一)”应写作“（一）”")
    assert first.suggestion == "改为“（一）”"
    assert first.heading == ("一、总体情况", "(一)注重思想引领，不断加强主流意识形态建设")


def test_correct_numbering_is_not_flagged(ruleset):
    text = "\n".join([
        "一、主要做法及成效",
        "（一）强化理论武装",
        "1.完善学习制度。组织中心组学习12次，撰写心得体会1.5万字。",
        "（1）建立学习台账",
        "二、存在的问题",
        "一是学习不够深入，二是阵地管理还有短板。",
    ])
    assert located(run_text(ruleset, text, select=["F001"])) == []


def test_automatic_numbering_label_is_reported_at_column_0_without_a_fix(ruleset):
    document = Document("t.docx", "docx", (
        Block(1, "主要做法", label="一、"),
        Block(2, "强化组织领导", label="1、"),
        Block(3, "组织学习12次。"),
    ))
    result = check_document(document, Config(select=("F001",)), ruleset)
    assert [(f.rule, f.paragraph, f.column, f.end_column) for f in result.findings] == [("F001", 2, 0, 0)]
    finding = result.findings[0]
    assert finding.fix is None
    assert "自动编号" in finding.message and "“1.”" in finding.message
