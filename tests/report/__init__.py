"""Reporter tests.  The builders below run the real pipeline on small texts and give the
file results that every machine format is checked against."""

from __future__ import annotations

from summarylint.config import Config
from summarylint.engine import FileResult, RuleSet, Suppressed, check_document
from summarylint.model import Block, Document
from tests.conftest import run_text

#: T001 with a safe fix: “意认形态” at columns 7-11 (two full-width spaces before it).
MISSPELLED = "　　全面落实意认形态工作责任制。"
#: The same with U+20000 (outside the BMP: one code point, two UTF-16 units) in front.
MISSPELLED_AFTER_EXT_B = "　　𠀀全面落实意认形态工作责任制。"
#: A summary with achievements only: S001 reports two missing parts on the title (line 1).
ACHIEVEMENTS_ONLY = """某局2025年上半年意识形态工作总结
　　2025年上半年，我局坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况总结如下：
　　一、主要做法
　　组织中心组专题学习12次，开展主题党日6次。
　　二、工作成效
　　发布信息86篇，办结群众诉求43件。"""
SECOND_SUMMARY = """某中心2025年上半年宣传思想工作总结
　　一、主要做法
　　全面落实意认形态工作责任制。"""
#: A path with Chinese characters and spaces.
CHINESE_PATH = "工作 总结/2025年 上半年.txt"


def misspelled(ruleset: RuleSet, path: str = "t.txt") -> FileResult:
    return run_text(ruleset, MISSPELLED, select=["T001"], path=path)


def sections_missing(ruleset: RuleSet, path: str = "s.txt") -> FileResult:
    return run_text(ruleset, ACHIEVEMENTS_ONLY, select=["S001"], path=path)


def label_finding(ruleset: RuleSet, path: str = "t.docx") -> FileResult:
    """F001 on the automatic label “1、” of paragraph 2 (column 0 in the JSON report)."""
    document = Document(path, "docx", (
        Block(1, "主要做法", label="一、"),
        Block(2, "强化组织领导", label="1、"),
        Block(3, "组织学习12次。"),
    ))
    return check_document(document, Config(select=("F001",)), ruleset)


def suppressed(ruleset: RuleSet, path: str = "q.txt") -> FileResult:
    """The T001 finding silenced by a directive (as the engine would record it)."""
    result = misspelled(ruleset, path)
    result.suppressed = [Suppressed(result.findings[0], "inSource", "引用文件原文，不改")]
    result.findings = []
    return result


def unreadable(path: str = "empty.txt") -> FileResult:
    return FileResult(path, error="file is empty", error_kind="empty")
