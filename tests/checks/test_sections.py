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
    body = "　　2025年上半年，我中心党支部高度重视意识形态工作，组织专题学习12次。" * 30
    text = "\n".join([body, "　　存在的问题：一是学习不够深入。", "　　下一步，我们将完善学习制度。"])
    assert located(run_text(ruleset, text, select=["S001"])) == []
    result = run_text(ruleset, "\n".join([body, "　　下一步，我们将完善学习制度。"]), select=["S001"])
    assert [(f.rule, f.paragraph) for f in result.findings] == [("S001", 1)]


def test_documents_that_are_not_summaries_are_not_judged(ruleset):
    plan = ACHIEVEMENTS_ONLY.replace("意识形态工作总结", "意识形态工作实施方案", 1)
    assert located(run_text(ruleset, plan, select=["S001", "S002"])) == []
    untitled_without_period = "\n".join(ACHIEVEMENTS_ONLY.split("\n")[2:])
    assert located(run_text(ruleset, untitled_without_period, select=["S001"])) == []


def test_short_snippets_are_not_judged(ruleset):
    assert located(run_text(ruleset, "组织专题学习12次。", select=["S001"])) == []


def test_plans_before_problems_is_out_of_order(ruleset):
    text = ACHIEVEMENTS_ONLY + "\n三、下一步工作打算\n一是完善制度。\n四、存在的问题\n一是学习不够深入。"
    result = run_text(ruleset, text, select=["S001", "S002"])
    assert located(result) == [("S002", 9, 1, 1, "")]
    assert result.findings[0].message == "“存在的问题”部分应在“下一步工作打算”部分之前，现在顺序颠倒。"


def test_empty_part_and_run_in_headings(ruleset):
    text = "\n".join([
        "一、主要做法",  # 1
        "（一）理论学习",  # 2  empty
        "（二）阵地建设",  # 3
        "组织学习12次。",  # 4
        "二、存在的问题",  # 5
        "1.学习不够深入，对新理论的理解还不透彻。",  # 6 run-in heading with content
        "2.阵地管理",  # 7 a short list item: not judged
        "三、下一步工作打算",  # 8 empty (last)
    ])
    result = run_text(ruleset, text, select=["S003"])
    assert located(result) == [("S003", 2, 1, 1, ""), ("S003", 8, 1, 1, "")]
    assert result.findings[0].message == "“（一）理论学习”下没有内容。"


def test_missing_title_is_info(ruleset):
    result = run_text(ruleset, ACHIEVEMENTS_ONLY.split("\n", 1)[1], select=["S004"])
    assert located(result) == [("S004", 1, 1, 1, "")]
    assert str(result.findings[0].severity) == "info"
    assert located(run_text(ruleset, ACHIEVEMENTS_ONLY, select=["S004"])) == []


PARTY_BRANCH = """某党支部2025年上半年工作总结
一、主要做法
严格落实“三会一课”制度，召开支部委员会会议6次、党员大会2次，开展主题党日6次。
二、存在的问题
一是学习不够深入。
三、下一步工作打算
一是完善制度。"""


def test_party_branch_profile_recommends_organisational_life(ruleset):
    result = run_text(ruleset, PARTY_BRANCH, select=["S"], profile="party-branch")
    assert [(f.rule, f.paragraph, str(f.severity)) for f in result.findings] == [("S005", 1, "info")]
    assert result.findings[0].message.startswith("未提及“组织生活会和民主评议党员”")
    # the default profile has no such expectations
    assert located(run_text(ruleset, PARTY_BRANCH, select=["S"])) == []
