"""S001: required parts of a work summary."""

from __future__ import annotations

from tests.conftest import located, run_text

ACHIEVEMENTS_ONLY = """某局2025年上半年意识形态工作总结
　　2025年上半年，我局坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况总结如下：
　　一、主要做法
　　组织中心组专题学习12次，开展主题党日6次。
　　二、工作成效
　　发布信息86篇，办结群众诉求43件。"""


def test_missing_problems_and_plans_are_reported_on_the_title(ruleset):
    result = run_text(ruleset, ACHIEVEMENTS_ONLY, select=["S001"])
    assert located(result) == [("S001", 1, 1, 1, ""), ("S001", 1, 1, 1, "")]
    messages = [f.message for f in result.findings]
    assert messages[0].startswith("缺少“存在的问题”部分")
    assert messages[1].startswith("缺少“下一步工作打算”部分")
    assert all(f.section_level for f in result.findings)


def test_missing_plans_only(ruleset):
    text = ACHIEVEMENTS_ONLY + "\n　　三、存在的问题\n　　一是学习不够深入。"
    result = run_text(ruleset, text, select=["S001"])
    assert [f.message.split("。")[0] for f in result.findings] == ["缺少“下一步工作打算”部分"]


def test_combined_heading_counts_for_both_parts(ruleset):
    text = ACHIEVEMENTS_ONLY + "\n　　三、存在的问题及今后工作打算\n　　一是学习不够深入。下一步将完善制度。"
    assert located(run_text(ruleset, text, select=["S001"])) == []


def test_separate_parts_with_common_heading_variants(ruleset):
    for problems, plans in [("主要问题", "下一步措施"), ("当前意识形态方面存在的问题", "下一步主要工作"),
                            ("差距和不足", "2026年工作思路"), ("短板弱项", "下半年工作计划")]:
        text = ACHIEVEMENTS_ONLY + f"\n三、{problems}\n一是学习不够深入。\n四、{plans}\n一是完善制度。"
        assert located(run_text(ruleset, text, select=["S001"])) == [], (problems, plans)


def test_a_problem_word_under_achievements_is_not_a_problems_part(ruleset):
    text = ACHIEVEMENTS_ONLY.replace("二、工作成效", "二、工作成效\n1.关注意识形态问题和风险点") + "\n三、下一步打算\n完善制度。"
    result = run_text(ruleset, text, select=["S001"])
    assert [f.message.split("。")[0] for f in result.findings] == ["缺少“存在的问题”部分"]


def test_summary_without_headings_is_judged_by_lead_phrases(ruleset):
    body = "　　今年以来，我中心党支部高度重视意识形态工作，组织专题学习12次。" * 30
    text = "\n".join([body, "　　存在的问题：一是学习不够深入。", "　　下一步，我们将完善学习制度。"])
    assert located(run_text(ruleset, text, select=["S001"])) == []
    result = run_text(ruleset, "\n".join([body, "　　下一步，我们将完善学习制度。"]), select=["S001"])
    assert [(f.rule, f.paragraph) for f in result.findings] == [("S001", 1)]


def test_short_snippets_are_not_judged(ruleset):
    assert located(run_text(ruleset, "组织专题学习12次。", select=["S001"])) == []
