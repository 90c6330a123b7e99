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
        "４．建立台账",
    ])
    result = run_text(ruleset, text, select=["F001"])
    assert located(result) == [
        ("F001", 2, 3, 6, "(一)"),
        ("F001", 3, 3, 5, "1、"),
        ("F001", 4, 1, 5, "（二）、"),
        ("F001", 5, 1, 3, "二．"),
        ("F001", 6, 1, 4, "(1)"),
        ("F001", 7, 1, 3, "3．"),
        ("F001", 8, 1, 3, "４．"),
    ]
    fixes = [(f.fix.replacement, f.fix.safe) for f in result.findings]
    assert fixes == [("（一）", True), ("1.", True), ("（二）", True), ("二、", True), ("（1）", True), ("3.", True), ("4.", True)]
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


def test_skipped_and_repeated_heading_numbers(ruleset):
    text = "\n".join([
        "一、主要做法",  # 1
        "（一）理论学习",  # 2
        "（三）阵地建设",  # 3  skipped （二）
        "（三）文明创建",  # 4  repeated
        "三、存在的问题",  # 5  skipped 二、
        "（二）学习不够深入",  # 6  list under 三、 starts at （二）
    ])
    result = run_text(ruleset, text, select=["F002"])
    assert located(result) == [
        ("F002", 3, 1, 4, "（三）"),
        ("F002", 4, 1, 4, "（三）"),
        ("F002", 5, 1, 3, "三、"),
        ("F002", 6, 1, 4, "（二）"),
    ]
    assert [f.fix.replacement for f in result.findings] == ["（二）", "（四）", "二、", "（一）"]
    assert not any(f.fix.safe for f in result.findings)
    assert "跳号" in result.findings[0].message and "重复" in result.findings[1].message


def test_a_restart_at_one_begins_a_new_list(ruleset):
    text = "\n".join(["一、项目概况", "二、采购需求", "一、投标人须知", "二、评标办法"])
    assert located(run_text(ruleset, text, select=["F002"])) == []


def test_sequences_restart_under_each_parent(ruleset):
    text = "\n".join([
        "一、主要做法", "（一）理论学习", "1.制度", "2.台账", "（二）阵地建设", "1.网站", "二、存在的问题",
        "（一）学习不够深入", "三、下一步工作打算", "（一）完善制度", "（二）加强阵地",
    ])
    assert located(run_text(ruleset, text, select=["F002", "F003"])) == []


def test_skipped_level_is_info_once_per_list(ruleset):
    text = "\n".join(["一、主要做法", "1.强化组织领导", "2.加强学习", "二、存在的问题", "（一）学习不够深入"])
    result = run_text(ruleset, text, select=["F003"])
    assert located(result) == [("F003", 2, 1, 3, "1.")]
    assert str(result.findings[0].severity) == "info"
    assert "“（一）”一级" in result.findings[0].message


def test_mixed_automatic_and_typed_numbering(ruleset):
    document = Document("t.docx", "docx", (
        Block(1, "主要做法", label="一、"),
        Block(2, "组织学习12次。"),
        Block(3, "存在的问题", label="二、"),
        Block(4, "三、下一步工作打算"),
    ))
    result = check_document(document, Config(select=("F004",)), ruleset)
    assert [(f.rule, f.paragraph, f.column, f.end_column) for f in result.findings] == [("F004", 4, 1, 3)]


def test_enumeration_skips_and_repeats(ruleset):
    text = "\n".join([
        "二、存在的问题",
        "　　一是学习不够深入；三是阵地管理有短板。",
        "三、下一步工作打算",
        "　　一是完善学习制度。",
        "　　二是加强阵地管理。",
        "　　二是强化队伍建设。",
    ])
    result = run_text(ruleset, text, select=["F005"])
    assert located(result) == [("F005", 2, 12, 14, "三是"), ("F005", 6, 3, 5, "二是")]
    assert [f.fix.replacement for f in result.findings] == ["二是", "三是"]
    assert result.findings[0].message == "列举序号“三是”跳号：前面是“一是”，此处应为“二是”。"


def test_enumerations_in_correct_prose(ruleset):
    text = "\n".join([
        "一、主要做法",
        "　　一是加强理论武装。组织学习12次。",
        "　　二是加强阵地建设。这一是非问题必须讲清楚，二是否定不了的。",
        "　　三是重视人才培养。",
        "二、存在的问题",
        "　　在取得成绩的同时，也存在一些不足：一是学习不够深入；二是阵地管理有短板。",
        "　　一是要坚持不懈，二是要久久为功。",
    ])
    assert located(run_text(ruleset, text, select=["F005"])) == []
