"""GitHub Actions workflow commands: exact annotation lines."""

from __future__ import annotations

import dataclasses

from summarylint.model import Severity
from summarylint.report import github
from tests.conftest import run_text
from tests.report import (
    CHINESE_PATH,
    MISSPELLED_AFTER_EXT_B,
    label_finding,
    misspelled,
    sections_missing,
    suppressed,
    unreadable,
)

T001_MESSAGE = "“意认形态”应为“意识形态”（认/识形近）。（建议：改为“意识形态”）"


def test_finding_line_with_columns_and_title(ruleset):
    assert github.render([misspelled(ruleset)], ruleset) == (
        f"::error file=t.txt,line=1,col=7,endColumn=11,title=T001 misspelled-term::{T001_MESSAGE}\n"
    )


def test_path_with_chinese_characters_and_spaces_is_written_as_is(ruleset):
    assert github.render([misspelled(ruleset, CHINESE_PATH)], ruleset) == (
        "::error file=工作 总结/2025年 上半年.txt,line=1,col=7,endColumn=11,"
        f"title=T001 misspelled-term::{T001_MESSAGE}\n"
    )


def test_columns_count_code_points(ruleset):
    result = run_text(ruleset, MISSPELLED_AFTER_EXT_B, select=["T001"])
    assert github.render([result], ruleset) == (
        f"::error file=t.txt,line=1,col=8,endColumn=12,title=T001 misspelled-term::{T001_MESSAGE}\n"
    )


def test_section_level_findings_mark_the_whole_line(ruleset):
    result = sections_missing(ruleset)
    problems, plans = result.findings
    assert github.render([result], ruleset).splitlines() == [
        f"::warning file=s.txt,line=1,title=S001 required-part-missing::{f.message}（建议：{f.suggestion}）"
        for f in (problems, plans)
    ]
    assert problems.message.startswith("缺少“存在的问题”部分")
    assert problems.suggestion == "增加一部分，如“存在的问题”"


def test_info_is_a_notice(ruleset):
    result = run_text(ruleset, "一、主要做法\n组织学习12次。", select=["R001"])
    assert github.render([result], ruleset) == (
        "::notice file=t.txt,line=1,title=R000 period-unknown::"
        "未能从标题或开头识别报告期（如“2025年上半年”），与时间有关的检查（过时提法等）未运行。"
        "（建议：在标题中写明报告期，或用 --period 2025H1 指定。）\n"
    )


def test_numbering_label_finding_has_a_line_but_no_columns(ruleset):
    result = label_finding(ruleset)
    [finding] = result.findings
    assert github.render([result], ruleset) == (
        "::warning file=t.docx,line=2,title=F001 heading-number-format::"
        f"{finding.message}（建议：{finding.suggestion}）\n"
    )
    assert "“1.”" in finding.message


def test_unreadable_file_and_suppressed_findings(ruleset):
    out = github.render([unreadable("空 文件.txt"), suppressed(ruleset)], ruleset)
    assert out == "::error file=空 文件.txt::file is empty\n"


def test_internal_error_follows_the_findings(ruleset):
    result = misspelled(ruleset)
    result.error = "internal error in rule X001 (KeyError: 1); please report it"
    assert github.render([result], ruleset).splitlines() == [
        f"::error file=t.txt,line=1,col=7,endColumn=11,title=T001 misspelled-term::{T001_MESSAGE}",
        "::error file=t.txt::internal error in rule X001 (KeyError: 1); please report it",
    ]


def test_escaping_of_data_and_properties(ruleset):
    result = misspelled(ruleset, "a:b,c%d.txt")
    [finding] = result.findings
    result.findings = [dataclasses.replace(
        finding, name="x,y:z", severity=Severity.WARNING, message="完成100%\r\n第二行: a,b", suggestion=None,
    )]
    result.error = "bad\nthing 50%"
    assert github.render([result], ruleset).splitlines() == [
        "::warning file=a%3Ab%2Cc%25d.txt,line=1,col=7,endColumn=11,title=T001 x%2Cy%3Az::完成100%25%0D%0A第二行: a,b",
        "::error file=a%3Ab%2Cc%25d.txt::bad%0Athing 50%25",
    ]


def test_several_files_in_order_and_nothing_for_no_findings(ruleset):
    clean = run_text(ruleset, "　　全面落实意识形态工作责任制。", select=["T001"], path="ok.txt")
    out = github.render([misspelled(ruleset, "a.txt"), clean, misspelled(ruleset, "b.txt")], ruleset)
    assert [line.split(",", 1)[0] for line in out.splitlines()] == ["::error file=a.txt", "::error file=b.txt"]
    assert github.render([clean], ruleset) == ""
    assert github.render([], ruleset) == ""
