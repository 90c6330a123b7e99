"""C001-C003: consistency of period, self-name and place names within one summary."""

from __future__ import annotations

from tests.conftest import located, run_text

HEAD = "青禾县交通运输局2025年上半年意识形态工作总结\n　　2025年上半年，我局坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况总结如下："


def test_last_years_period_at_paragraph_start_is_flagged(ruleset):
    text = HEAD + "\n一、主要做法\n　　2024年上半年，我局组织中心组学习12次。"
    result = run_text(ruleset, text, select=["C001"])
    assert located(result) == [("C001", 4, 3, 11, "2024年上半年")]
    finding = result.findings[0]
    assert finding.message == "本篇报告期是“2025年上半年”，这里却写“2024年上半年”，像是沿用了旧稿。"
    assert (finding.fix.replacement, finding.fix.safe) == ("2025年上半年", False)


def test_comparisons_reviews_and_plans_are_not_flagged(ruleset):
    text = HEAD + "\n".join([
        "",
        "一、主要做法",
        "　　较2024年同期，学习次数增加3次；2024年以来，我局持续推进阵地建设。",
        "二、下一步工作打算",
        "　　2025年下半年，我局将完善学习制度。",
    ])
    assert located(run_text(ruleset, text, select=["C001"])) == []


def test_without_a_period_c001_is_silent_and_r000_says_so(ruleset):
    text = "一、主要做法\n　　我局组织学习12次，较2024年同期增加3次。"
    result = run_text(ruleset, text, select=["C001"])
    assert located(result) == [("R000", 1, 1, 1, "")]
    assert str(result.findings[0].severity) == "info"


def test_self_name_outlier(ruleset):
    text = "\n".join([
        HEAD,
        "　　我局党委组织学习12次，我局开展主题党日6次。",
        "　　我中心发布信息86篇，我国、我省、我市的部署要求得到落实。",
    ])
    result = run_text(ruleset, text, select=["C002"])
    assert located(result) == [("C002", 4, 3, 6, "我中心")]
    assert result.findings[0].fix.replacement == "我局"


def test_consistent_self_name_with_party_organisation(ruleset):
    text = "\n".join([HEAD, "　　我局党委组织学习12次，我局开展主题党日6次。", "　　我们将继续努力，我党的创新理论入脑入心。"])
    assert located(run_text(ruleset, text, select=["C002"])) == []


def test_place_outlier_is_opt_in(ruleset):
    text = "\n".join([HEAD, "　　青禾县委部署，青禾县委督导，青禾县委考核。", "　　按照青川县委要求开展工作。"])
    assert located(run_text(ruleset, text, select=["C003"])) == [("C003", 4, 5, 8, "青川县")]
    assert "C003" not in {f.rule for f in run_text(ruleset, text).findings}  # off by default


def test_configured_unit_name_decides_the_self_name(ruleset):
    import dataclasses

    from summarylint.config import Config
    from summarylint.engine import check_document
    from summarylint.readers.text import read_text

    text = "\n".join([HEAD, "　　我中心组织学习12次，我中心开展主题党日6次，我局发布信息86篇。"])
    document = read_text(text.encode(), "t.txt", markdown=False)
    config = dataclasses.replace(Config(select=("C002",)), unit_name="青禾县交通运输局")
    result = check_document(document, config, ruleset)
    assert [(f.paragraph, f.column, f.fix.replacement) for f in result.findings] == [(3, 3, "我局"), (3, 14, "我局")]
    assert result.findings[0].message == "单位自称“我中心”与配置的单位名称“青禾县交通运输局”不符，应为“我局”。"
    # without unit-name: 我局 and 我中心 twice each (the opening says 我局) — no majority, no finding
    assert run_text(ruleset, text, select=["C002"]).findings == []
