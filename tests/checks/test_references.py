"""R001 stale references (rules/references.toml) and R000 period-unknown."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarylint.checks.references import StaleReferenceRule, period_words
from summarylint.config import Config
from summarylint.engine import RulePackError, RuleSet, check_path
from summarylint.model import Severity
from summarylint.period import parse_period_option
from tests.conftest import REPO, located, run_text, shared_path

PACK = REPO / "rules" / "references.toml"

SUMMARY = """某局2024年上半年意识形态工作总结
　　2024年上半年，我局党委坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神。现将有关情况总结如下：
　　一、主要做法
　　一是加强理论武装。重点学深悟透《习近平谈治国理政》 第一卷、第二卷和《习近平新时代中国特色社会主义思想三十讲》。
　　二是加强作风建设。紧盯工程建设、脱贫攻坚等关键领域，积极宣传惠民政策、扶贫成效等。
　　二、存在的问题
　　一是学习不够深入。
　　三、下一步打算
　　下步工作中，我们将以十九大精神为指导，始终坚持以习近平总书记系列重要讲话精神武装头脑，认真履行从严治党主体责任。"""


@pytest.fixture(scope="module")
def rule(ruleset) -> StaleReferenceRule:
    found = ruleset.rules["R001"]
    assert isinstance(found, StaleReferenceRule)
    return found


def findings(result, rule_id="R001"):
    return [f for f in result.findings if f.rule == rule_id]


def keys(rule, text, period, *, forward=False):
    return [h.key for h in rule.hits(text, parse_period_option(period), forward=forward)]


# --------------------------------------------------------------------------- the whole pipeline


def test_stale_references_in_a_2024_summary(ruleset):
    result = run_text(ruleset, SUMMARY, select=["R"])
    assert located(result) == [
        ("R001", 4, 29, 36, "第一卷、第二卷"),
        ("R001", 4, 37, 58, "《习近平新时代中国特色社会主义思想三十讲》"),
        ("R001", 5, 19, 23, "脱贫攻坚"),
        ("R001", 5, 38, 42, "扶贫成效"),
        ("R001", 9, 12, 21, "以十九大精神为指导"),
        ("R001", 9, 27, 41, "习近平总书记系列重要讲话精神"),
        ("R001", 9, 50, 58, "从严治党主体责任"),
    ]
    volumes, lectures, poverty, relief, congress, speeches, governance = result.findings
    assert volumes.message == (
        "2024年上半年的总结列举《习近平谈治国理政》“第一卷、第二卷”已过时：第三卷于2020年6月30日出版，"
        "第四卷于2022年7月出版，应写“第一卷至第四卷”。"
    )
    assert (volumes.fix.replacement, volumes.fix.safe) == ("第一卷至第四卷", False)
    assert volumes.suggestion == "改为“第一卷至第四卷”"
    assert congress.message == (
        "2024年上半年的总结写“以十九大精神为指导”已过时：党的二十大已于2022年10月16日—22日召开，"
        "应写“以党的二十大精神为指导”。"
    )
    assert congress.fix.replacement == "以党的二十大精神为指导" and not congress.fix.safe
    assert speeches.fix.replacement == "习近平新时代中国特色社会主义思想"
    assert "党的十九大（2017年10月18日—24日）" in speeches.message
    assert governance.fix.replacement == "全面从严治党主体责任"
    assert "2021年2月25日" in poverty.message and poverty.fix is None
    assert poverty.suggestion.startswith("应写“巩固拓展脱贫攻坚成果”")
    assert "国家乡村振兴局" in relief.message
    assert "《习近平新时代中国特色社会主义思想学习纲要（2023年版）》" in lectures.suggestion and lectures.fix is None
    # soft or not fully verified facts are advice only
    assert [f.severity for f in result.findings] == [
        Severity.WARNING, Severity.INFO, Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING,
        Severity.INFO,
    ]


def test_the_same_wording_before_the_change_is_not_reported(ruleset):
    early = SUMMARY.replace("2024年上半年", "2014年上半年")
    assert findings(run_text(ruleset, early, select=["R"])) == []
    # 2020H1: 第三卷 appeared on its last day; 脱贫攻坚 and 十九大 were still current
    mid = SUMMARY.replace("2024年上半年", "2020年上半年")
    assert [text for *_, text in located(run_text(ruleset, mid, select=["R001"]))] == [
        "第一卷、第二卷",
        "《习近平新时代中国特色社会主义思想三十讲》",
        "习近平总书记系列重要讲话精神",
        "从严治党主体责任",
    ]


def test_no_period_means_no_r001_and_one_r000(ruleset):
    text = SUMMARY.replace("某局2024年上半年意识形态工作总结", "某局意识形态工作总结").replace(
        "　　2024年上半年，我局党委", "　　我局党委"
    )
    result = run_text(ruleset, text, select=["R"])
    assert findings(result) == []
    unknown = findings(result, "R000")
    assert len(unknown) == 1 and unknown[0].severity == Severity.INFO and unknown[0].section_level


def test_period_option_overrides_the_title(ruleset):
    assert findings(run_text(ruleset, SUMMARY, select=["R001"], period="2014H1")) == []
    assert len(findings(run_text(ruleset, SUMMARY, select=["R001"], period="2024H1"))) == 7
    result = run_text(ruleset, SUMMARY, select=["R001"], period="2026H1")
    assert result.findings[0].fix.replacement == "第一卷至第五卷"
    assert result.findings[0].message.startswith("2026年上半年的总结")


# --------------------------------------------------------------------------- computed suggestions


@pytest.mark.parametrize(("period", "expected", "newer"), [
    ("2024H1", "第一卷至第四卷", "第四卷于2022年7月出版"),
    ("2026H1", "第一卷至第五卷", "第五卷于2025年9月出版"),
])
def test_volume_suggestion_follows_the_period(ruleset, period, expected, newer):
    text = "学习安排\n重点学深悟透《习近平谈治国理政》第一卷、第二卷。"
    (finding,) = findings(run_text(ruleset, text, select=["R001"], period=period))
    assert finding.fix.replacement == expected and newer in finding.message


def test_volume_lists_are_stale_only_once_a_later_volume_is_out(rule):
    text = "原原本本学习《习近平谈治国理政》第一至四卷。"
    assert keys(rule, text, "2025H1") == []  # 第五卷: September 2025
    assert keys(rule, text, "2025Q3") == ["governance-volumes"]
    assert keys(rule, text, "2025-01..2025-08") == []
    assert keys(rule, "原原本本学习《习近平谈治国理政》第一至三卷。", "2022H1") == []
    assert keys(rule, "原原本本学习《习近平谈治国理政》第一至三卷。", "2022H2") == ["governance-volumes"]
    assert keys(rule, "学习《习近平谈治国理政》第四卷。", "2026H1") == []  # one volume, not a list


@pytest.mark.parametrize(("period", "expected"), [
    ("2024H2", "二十大和二十届二中、三中全会精神"),
    ("2026H1", "二十大和二十届二中、三中、四中全会精神"),
])
def test_plenum_suggestion_follows_the_period(ruleset, period, expected):
    text = "学习安排\n深入学习贯彻党的二十大和二十届二中全会精神，推动各项工作落地见效。"
    (finding,) = findings(run_text(ruleset, text, select=["R001"], period=period))
    assert located(run_text(ruleset, text, select=["R001"], period=period)) == [
        ("R001", 2, 9, 22, "二十大和二十届二中全会精神")
    ]
    assert finding.fix.replacement == expected
    assert "二十届三中全会已于2024年7月15日—18日召开" in finding.message


def test_plenum_enumeration_current_in_2025h1_is_stale_after_the_fourth_plenum(rule):
    text = "深入学习贯彻党的二十大和二十届二中、三中全会精神。"
    assert keys(rule, text, "2025H1") == []
    assert keys(rule, text, "2025-10-01..2025-10-22") == []
    assert keys(rule, text, "2025H2") == ["plenum-20th"]


def test_plan_suggestion_follows_the_period(rule):
    text = "围绕“十三五”规划目标任务，加快推进国省干线改造。"
    period = parse_period_option("2022")
    (hit,) = rule.hits(text, period)
    assert hit.replacement == "“十四五”规划"
    (hit,) = rule.hits(text, parse_period_option("2026"))
    assert hit.replacement == "“十五五”规划"


# --------------------------------------------------------------------------- what is not stale


def test_historical_and_retrospective_uses_are_not_reported(rule):
    for text, period in [
        ("党的十八大以来，以习近平同志为核心的党中央高度重视意识形态工作。", "2025H1"),
        ("党的十九大以来，我局认真贯彻落实中央决策部署。", "2025H1"),
        ("十九大报告指出，中国特色社会主义进入了新时代。", "2025H1"),
        ("脱贫攻坚取得全面胜利以来，我局持续讲好交通助力乡村振兴的故事。", "2025H1"),
        ("巩固拓展脱贫攻坚成果同乡村振兴有效衔接，守住不发生规模性返贫底线。", "2025H1"),
        ("大力弘扬脱贫攻坚精神，讲好脱贫攻坚期间交通建设的故事。", "2025H1"),
        ("“十三五”时期取得的成就为“十四五”发展奠定了坚实基础。", "2022"),
        ("我国已全面建成小康社会，开启了全面建设社会主义现代化国家新征程。", "2025H1"),
        ("在全面建成小康社会的基础上，奋力推进中国式现代化。", "2025H1"),
        ("回顾“十四五”期间，全县交通建设取得历史性成就，全面完成“十四五”规划目标任务。", "2026"),
        ("举办了围绕“不忘初心砺党史、牢记使命勇会战”演讲比赛。", "2024H1"),
        ("引导党员干部始终不忘初心、牢记使命。", "2024H1"),
        ("利用“学习强国”学习平台开展线上学习。", "2024H1"),
        ("开展“决胜全面建成小康社会”主题征文回顾展。", "2024H1"),
        ("2019年，我局深入开展“不忘初心、牢记使命”主题教育。", "2024H1"),
        ("2017年是脱贫攻坚关键之年，我局选派干部驻村帮扶。", "2024H1"),
    ]:
        assert keys(rule, text, period) == [], text


def test_a_year_since_the_change_does_not_make_a_review(rule):
    assert keys(rule, "2023年以来，我局深入开展“不忘初心、牢记使命”主题教育。", "2024H1") == ["campaign-buwang"]
    assert keys(rule, "2024年，我局坚持以十九大精神为指导。", "2024H1") == ["congress-guide"]


def test_long_paragraph_of_current_wording_is_silent(ruleset):
    text = """2025年上半年意识形态工作总结
　　2025年上半年，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届二中、三中全会精神，\
巩固拓展主题教育成果，持续巩固深化党纪学习教育成果，扎实开展深入贯彻中央八项规定精神学习教育。组织党员干部系统学习党的十八大以来\
党中央关于意识形态工作的决策部署，围绕《习近平谈治国理政》第一卷至第四卷和《习近平著作选读》开展专题研讨，用好“学习强国”学习平台，\
推动党史学习教育常态化长效化。坚持巩固拓展脱贫攻坚成果同乡村振兴有效衔接，常态化推进扫黑除恶斗争，认真履行全面从严治党主体责任，\
为以中国式现代化全面推进强国建设、民族复兴伟业贡献力量。"""
    assert findings(run_text(ruleset, text, select=["R"])) == []


def test_ended_campaign_reviewed_inside_the_period_is_not_stale(ruleset):
    text = """某局2024年度工作总结
　　一、主要做法
　　扎实开展党纪学习教育，组织党员干部逐章逐条学习《中国共产党纪律处分条例》。
　　二、存在的问题
　　一是学习不够深入。
　　三、下一步工作打算
　　深入开展党纪学习教育，推动党员干部学纪知纪明纪守纪。"""
    result = run_text(ruleset, text, select=["R001"])
    # the campaign ran April–July 2024: a review of 2024 may name it; a plan after it may not
    assert located(result) == [("R001", 7, 7, 13, "党纪学习教育")]
    assert "2024年4月至7月" in result.findings[0].message
    later = run_text(ruleset, text, select=["R001"], period="2025")
    assert [f.paragraph for f in later.findings] == [3, 7]


# --------------------------------------------------------------------------- the data


def test_every_entry_has_dated_examples(rule):
    assert len(rule.entries) >= 30
    for entry in rule.entries:
        assert entry.fail and entry.passes and entry.period and entry.fresh, entry.key


def _entries():
    """The pack's entries, loaded on their own (parametrisation happens at collection)."""
    from summarylint.checks import rule_kinds

    rs = RuleSet(())
    rs.load_pack(PACK, dict(rule_kinds()))
    return rs.rules["R001"].entries


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.key)
def test_entry_examples(rule, entry):
    for text in entry.fail:
        assert entry.key in keys(rule, text, entry.period), (entry.key, "fail", text)
        assert entry.key not in keys(rule, text, entry.fresh), (entry.key, "fresh", text)
    for text in entry.passes:
        assert keys(rule, text, entry.period) == [], (entry.key, "pass", text)


def test_unverified_facts_are_info_and_verified_ones_cite_a_source(rule):
    for entry in rule.entries:
        if entry.confidence in ("kn", "unverified"):
            assert entry.severity == Severity.INFO, entry.key
        else:
            assert entry.sources, entry.key


def test_a_weak_fact_cannot_be_a_warning(tmp_path: Path):
    from summarylint.checks import rule_kinds

    pack = tmp_path / "p.toml"
    pack.write_text(
        '[pack]\nrule = "R901"\nkind = "stale"\nname = "x"\n'
        '[[entry]]\nkey = "x"\npattern = "旧提法"\nconfidence = "kn"\nseverity = "warning"\n'
        'stale_since = 2020-01-01\nevent = "某事"\nadvice = "改"\n',
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match="only be reported as info"):
        RuleSet(()).load_pack(pack, dict(rule_kinds()))
    pack.write_text(pack.read_text(encoding="utf-8").replace('confidence = "kn"\nseverity = "warning"\n', ""),
                    encoding="utf-8")
    with pytest.raises(RulePackError, match="needs a 'source'"):
        RuleSet(()).load_pack(pack, dict(rule_kinds()))


def test_period_words():
    assert [period_words(parse_period_option(p)) for p in ("2024H1", "2024H2", "2025", "2025Q3", "2025-03",
                                                            "2025-01..2025-09", "2025-01-05..2025-06-30")] == [
        "2024年上半年", "2024年下半年", "2025年", "2025年第三季度", "2025年3月", "2025年1—9月",
        "报告期截至2025年6月30日",
    ]


def test_a_long_document_takes_milliseconds(ruleset, rule):
    body = SUMMARY.split("\n", 1)[1]
    text = SUMMARY.split("\n", 1)[0] + "\n" + "\n".join([body] * 55)  # ~15,000 characters
    assert len(text) > 12000
    period = parse_period_option("2024H1")
    paragraphs = text.split("\n")
    started = time.perf_counter()
    for _ in range(5):
        for p in paragraphs:
            rule.hits(p, period)
    elapsed = (time.perf_counter() - started) / 5
    assert elapsed < 0.05, elapsed


# --------------------------------------------------------------------------- real files


def test_seed_sample(ruleset):
    result = check_path(str(shared_path("samples", "000_8e0b853442afd5b5.txt")), Config(select=("R",)), ruleset)
    assert [str(p) for p in result.periods.values()] == ["2024-01-01..2024-06-30"] * 3
    assert located(result) == [
        ("R001", 4, 61, 68, "第一卷、第二卷"),
        ("R001", 4, 69, 90, "《习近平新时代中国特色社会主义思想三十讲》"),
        ("R001", 5, 131, 135, "脱贫攻坚"),
        ("R001", 11, 127, 131, "扶贫成效"),
        ("R001", 20, 87, 101, "习近平总书记系列重要讲话精神"),
        ("R001", 20, 172, 180, "从严治党主体责任"),
        ("R001", 51, 12, 21, "以十九大精神为指导"),
    ]


def test_example_summary(ruleset):
    result = check_path(str(REPO / "examples" / "2025年上半年意识形态工作总结.txt"), Config(select=("R",)), ruleset)
    assert located(result) == [
        ("R001", 5, 126, 133, "第一卷、第二卷"),
        ("R001", 23, 16, 27, "以党的十九大精神为指导"),
    ]
    assert result.findings[0].fix.replacement == "第一卷至第四卷"
    assert result.findings[1].fix.replacement == "以党的二十大精神为指导"
