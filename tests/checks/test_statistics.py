"""N: numbers and statistics (figures behind achievements, placeholders, years, numerals)."""

from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summarylint.checks.statistics import LISTS, AchievementsWithoutFiguresRule, chinese_number, figures_in
from summarylint.config import Config
from summarylint.engine import RulePackError, RuleSet, check_document
from summarylint.model import Block, Document
from tests.conftest import REPO, located, run_text, shared_path

ALL_N = ["N001", "N002", "N003", "N004", "N005", "N006", "N007", "N008"]

#: A correct summary written for these tests: figures, durations, growth, set phrases.
CORRECT = """青禾县交通运输局2025年上半年意识形态工作总结
　　2025年上半年，局党组坚持以习近平新时代中国特色社会主义思想为指导，严格落实意识形态工作责任制。改革开放40年来，全县交通面貌发生了深刻变化，我局已连续12年被评为市级文明单位。现将有关情况总结如下：
　　一、主要做法及成效
　　（一）坚持理论武装
　　组织中心组学习12次，开展专题研讨4次，班子成员撰写学习体会文章9篇。严格落实“三会一课”制度，召开支部党员大会2次、支部委员会会议6次，开展主题党日6次。引导党员干部增强“四个意识”、坚定“四个自信”、做到“两个维护”，落实“一岗双责”。
　　（二）强化阵地管理
　　严格执行24小时值班和7×24小时网络舆情监测制度。共开展舆情研判18次，其中专题研判6次、日常研判12次。办理群众网上诉求53件，办结率100%，党员干部在线学习参与率保持在95%以上。投入资金1.5万元更新宣传栏18块。
　　（三）推动工作落实
　　全年完成年度目标的112%，网上信息发布量同比增长150%，被市级以上媒体采用21篇。一是健全责任体系，二是加强督促检查，对2名干部进行提醒谈话。
　　二、存在的问题
　　一是思想认识还有差距，二是阵地建设还有短板，三是队伍能力还需提升。
　　三、下一步工作打算
　　下半年组织宣传信息员专题培训不少于2次，力争用3至5年时间建成一支过硬队伍。"""


def test_correct_summary_is_silent(ruleset):
    assert located(run_text(ruleset, CORRECT, select=ALL_N)) == []


# --------------------------------------------------------------------------- N001

NO_FIGURES = """某局2024年上半年意识形态工作总结
　　2024年上半年，我局党委全面落实意识形态工作主体责任。现将有关情况总结如下：
　　一、总体情况
　　（一）注重思想引领
　　一是加强理论武装，重点学深悟透《习近平谈治国理政》第一卷。二是以第三轮交通大会战为主线，讲好交通故事。
　　（二）加强新闻宣传
　　严格24小时值班制度，全面落实网络意识形态工作责任制，做到“两手抓，两手都要硬”，认真落实单位一把手责任。
　　二、主要问题
　　一是思想认识不够充分。
　　三、下一步措施
　　一是提高政治站位。"""


def test_achievements_without_figures_are_reported_once_on_the_heading(ruleset):
    result = run_text(ruleset, NO_FIGURES, select=["N001"])
    assert located(result) == [("N001", 3, 1, 1, "")]
    finding = result.findings[0]
    assert finding.section_level
    assert finding.message.startswith(
        "“一、总体情况”部分列举了工作，但没有一个数据（次数、人次、篇数、金额、比例等）支撑成效。")
    assert finding.suggestion.startswith("补充反映成效的具体数据")
    assert finding.heading == ("一、总体情况",)


def test_one_figure_anywhere_in_the_part_is_enough(ruleset):
    for figure in ("组织专题学习5次", "发布信息86篇", "参学率达95%", "投入资金1.5万元", "培训干部300余人次",
                   "召开专题会议三次", "覆盖１２个乡镇", "完成三项重点任务", "查处违规案件两起"):
        text = NO_FIGURES.replace("讲好交通故事", f"讲好交通故事，{figure}")
        assert located(run_text(ruleset, text, select=["N001"])) == [], figure


def test_figures_outside_the_achievements_part_do_not_count(ruleset):
    text = NO_FIGURES.replace("一是提高政治站位。", "一是提高政治站位，下半年组织培训不少于2次。")
    assert [f.paragraph for f in run_text(ruleset, text, select=["N001"]).findings] == [3]


def test_not_result_figures_do_not_count():
    for text in ("严格24小时值班制度", "实行7×24小时监测", "第三轮交通大会战", "《习近平谈治国理政》第一卷",
                 "2024年6月30日", "一是加强学习，二是强化管理", "增强“四个意识”", "落实中央八项规定精神",
                 "一岗双责", "“三会一课”", "建设了一批主题车站", "作为一项重点工作来抓", "两手抓",
                 "打造一支过硬队伍", "第十四次党代会", "“五一工会杯”篮球赛", "统筹推进“五位一体”总体布局"):
        assert list(figures_in(text)) == [], text


def test_themed_headings_take_the_sections_before_the_problems_part(ruleset):
    text = """意识形态工作 2024年上半年意识形态工作总结
　　现将我中心党支部2024年上半年意识形态工作情况总结如下：
　　一、加强组织领导
　　我中心党支部高度重视意识形态工作，按照“一岗双责”要求主抓分管科室的意识形态工作。
　　二、注重理论学习
　　严格落实“三会一课”制度，组织党员学习，撰写学习笔记，交流心得体会，强化党员的党性意识。
　　三、狠抓舆论导向
　　通过网站积极宣传正确的舆论导向，报道中心党建工作和业务工作动态。
　　四、存在的问题及今后工作打算
　　一是宣传教育力度不够。下步工作中，我们将努力克服自身不足。"""
    result = run_text(ruleset, text, select=["N001"])
    assert located(result) == [("N001", 3, 1, 1, "")]
    assert result.findings[0].message.startswith("“一、加强组织领导”至“三、狠抓舆论导向”各部分列举了工作")
    with_figures = text.replace("组织党员学习，", "共组织召开支部会议16次，党小组会5次，")
    assert located(run_text(ruleset, with_figures, select=["N001"])) == []


def test_each_summary_of_a_file_is_judged(ruleset):
    second = NO_FIGURES.replace("某局2024年", "某中心2024年")
    good = NO_FIGURES.replace("某局2024年", "某站2024年").replace("讲好交通故事", "开展宣讲12场")
    text = "\n".join([NO_FIGURES, good, second])
    lines = text.split("\n")
    heading_lines = [i + 1 for i, line in enumerate(lines) if line.strip() == "一、总体情况"]
    result = run_text(ruleset, text, select=["N001"])
    assert [f.paragraph for f in result.findings] == [heading_lines[0], heading_lines[2]]


def test_n001_silence_where_the_part_cannot_be_told(ruleset):
    # No problems/plans part after themed headings: maybe not a summary at all.
    themes_only = "某局2024年工作总结\n一、加强组织领导\n" + "高度重视意识形态工作，认真落实责任制。" * 4 + \
        "\n二、注重理论学习\n" + "组织党员认真学习，交流心得体会。" * 4
    # A plan is not a summary.
    plan = NO_FIGURES.replace("意识形态工作总结", "意识形态工作计划").replace("一、总体情况", "一、工作开展情况")
    # A short part is not judged.
    short = "某局2024年工作总结\n一、主要做法\n加强学习。\n二、存在的问题\n学习不够深入。"
    for text in (themes_only, plan, short):
        assert located(run_text(ruleset, text, select=["N001"])) == []


# --------------------------------------------------------------------------- N008


def test_subsection_without_figures_is_info_and_off_by_default(ruleset):
    assert located(run_text(ruleset, CORRECT, select=["N008"])) == []
    text = CORRECT.replace("全年完成年度目标的112%，网上信息发布量同比增长150%，被市级以上媒体采用21篇。",
                           "压实工作责任。")
    text = text.replace("对2名干部进行提醒谈话",
                        "对苗头性问题及时提醒，推动责任层层压实、传导到底，确保各项任务有人抓、有人管")
    assert run_text(ruleset, text, select=["N"]).findings == []
    result = run_text(ruleset, text, select=["N008"])
    assert located(result) == [("N008", 8, 1, 1, "")]
    assert str(result.findings[0].severity) == "info"
    assert result.findings[0].message.startswith("“（三）推动工作落实”一节没有数据")


# --------------------------------------------------------------------------- N002


def test_placeholders_are_reported_with_their_unit_or_date(ruleset):
    text = "\n".join([
        "2025年1—6月，共开展舆情分析研判XX次，办理群众网上诉求53件。",
        "于X月X日召开专题会议，XXX同志作动员讲话。",
        "参照20XX年标准，XX县交通局、××单位、＊＊中心参加。",
        "全年完成投资【待补充】，典型案例（此处插入照片）见附件[填写]。",
        "累计培训xx人次。",
    ])
    result = run_text(ruleset, text, select=["N002"])
    assert located(result) == [
        ("N002", 1, 20, 23, "XX次"),
        ("N002", 2, 2, 6, "X月X日"),
        ("N002", 2, 13, 18, "XXX同志"),
        ("N002", 3, 3, 8, "20XX年"),
        ("N002", 3, 11, 14, "XX县"),
        ("N002", 3, 18, 22, "××单位"),
        ("N002", 3, 23, 27, "＊＊中心"),
        ("N002", 4, 7, 12, "【待补充】"),
        ("N002", 4, 17, 25, "（此处插入照片）"),
        ("N002", 4, 28, 32, "[填写]"),
        ("N002", 5, 5, 9, "xx人次"),
    ]
    assert all(f.fix is None and str(f.severity) == "error" for f in result.findings)
    assert result.findings[0].message == "“XX次”是未填写的占位符，应替换为核实后的实际数据、日期或名称。"


def test_letters_and_signs_that_are_not_placeholders(ruleset):
    text = "\n".join([
        "局机关配备X光安检机2台，使用X射线检测，购置iPhone X手机1部，型号为HX-3000X。",
        "严格执行7×24小时值班制度，举办3x3篮球赛2场。",
        "**重点工作**：完成招商引资5亿元。",
        "会议时间（待定），人员名单另行通知。＊注：数据截至6月30日。（此处指2024年度数据）",
        "参考文献见Press of Kentucky, pp xi–xxx。",
    ])
    assert located(run_text(ruleset, text, select=["N002"])) == []


# --------------------------------------------------------------------------- N003


def test_two_digit_years_in_date_contexts(ruleset):
    text = "\n".join([
        "青禾县交通运输局2025年上半年工作总结",
        "在24年度全县意识形态工作责任制考核中，我局被评为优秀等次。",
        "截至23年底，24年6月，于23年完成改造，24年上半年开工。",
    ])
    result = run_text(ruleset, text, select=["N003"])
    assert located(result) == [
        ("N003", 2, 2, 5, "24年"),
        ("N003", 3, 3, 6, "23年"),
        ("N003", 3, 8, 11, "24年"),
        ("N003", 3, 15, 18, "23年"),
        ("N003", 3, 23, 26, "24年"),
    ]
    fixes = [(f.fix.replacement, f.fix.safe) for f in result.findings]
    assert fixes == [("2024年", False), ("2023年", False), ("2024年", False), ("2023年", False), ("2024年", False)]
    assert result.findings[0].message.startswith("年份“24年”简写成了两位数字，应写全称“2024年”")


def test_two_digit_year_without_a_known_century_has_no_fix(ruleset):
    document = Document("t.txt", "text", (Block(1, "在24年度考核中被评为优秀。"),))
    result = check_document(document, Config(select=("N003",)), ruleset)
    assert [(f.rule, f.column, f.fix) for f in result.findings] == [("N003", 2, None)]
    assert result.findings[0].suggestion == "写全四位年份，如“2024年”"


def test_durations_and_full_years_are_not_shortened_years(ruleset):
    text = "\n".join([
        "改革开放40年来，我县交通面貌发生了翻天覆地的变化。",
        "我局已连续12年被评为市级文明单位，老党员张某某工作了24年，近10年来从未间断。",
        "15年以上的老旧车辆全部淘汰，服务期限为10至15年，要求不少于10年的从业经历。",
        "存在20年的老问题得到解决，在10年时间里完成改造，在24年的发展历程中不断壮大。",
        "上世纪90年代以来，98年抗洪精神永放光芒，民国38年10月。",
        "2024年上半年、2025年度、2023年底、2024年6月，用3至5年时间建成。",
        "用10年初步建成现代综合交通运输体系，守住10年底线。",
    ])
    assert located(run_text(ruleset, text, select=["N003"], period="2025H1")) == []


# --------------------------------------------------------------------------- N004


def test_mixed_numerals_for_one_kind_of_count(ruleset):
    text = "\n".join([
        "共组织召开支部会议16次，党小组会五次，党员大会4次，主要负责人讲党课1次。",
        "开展主题党日6次，组织专题党课两次；发放资料三百份。",
    ])
    result = run_text(ruleset, text, select=["N004"])
    assert located(result) == [("N004", 1, 18, 20, "五次"), ("N004", 2, 16, 18, "两次")]
    assert [(f.fix.replacement, f.fix.safe) for f in result.findings] == [("5次", False), ("2次", False)]
    assert result.findings[0].suggestion == "改为“5次”"


def test_set_phrases_approximations_and_ordinals_are_not_mixed_numerals(ruleset):
    text = "\n".join([
        "严格落实“三会一课”制度，坚持“两学一做”常态化，召开支部会议16次。",
        "召开支部会议16次，召开一次专题组织生活会，三五天内完成整改，组织学习十几次。",
        "贯彻市第十四次党代会精神，推进第三次分配，开展宣讲12场。",
        "组织宣讲12场，覆盖三个乡镇、五个村，落实“一岗双责”。",
        "一是召开会议12次，二是开展活动3次。",
        "召开支部会议16次。党小组会五次。",
    ])
    assert located(run_text(ruleset, text, select=["N004"])) == []


# --------------------------------------------------------------------------- N005


def test_total_differs_from_its_parts(ruleset):
    text = "\n".join([
        "共开展主题活动12次，其中专题讲座5次、主题党日4次、志愿服务2次。",
        "累计投入资金3.5万元，其中更新宣传栏1.2万元、购置设备1.8万元。",
    ])
    result = run_text(ruleset, text, select=["N005"])
    assert located(result) == [("N005", 1, 8, 11, "12次"), ("N005", 2, 7, 12, "3.5万元")]
    assert result.findings[0].message == "总数“12次”与其后“其中”所列分项之和不符：5+4+2=11次。请核对总数和各分项。"
    assert result.findings[1].message.startswith("总数“3.5万元”与其后“其中”所列分项之和不符：1.2万+1.8万=3万元。")
    assert all(f.fix is None for f in result.findings)


def test_totals_that_add_up_or_are_not_a_breakdown(ruleset):
    text = "\n".join([
        "共开展主题活动12次，其中专题讲座5次、主题党日4次、志愿服务3次。",
        "共开展主题活动12次，其中专题讲座5次、主题党日4次等。",
        "共有党员45名，其中女党员12名、少数民族党员3名。",
        "共发现问题45个，其中已整改40个、立行立改30个。",
        "共培训1.2万人次，其中线上6000人次、线下5000人次。",
        "累计投入资金1.5万元，其中更新宣传栏0.8万元、购置设备0.7万元。",
        "共开展活动20余次，其中专题讲座5次、主题党日4次。",
        "共办理诉求53件，其中网上诉求40件。",
        "共开展活动12次，参与党员300人次，其中专题讲座5次、主题党日4次。",
    ])
    assert located(run_text(ruleset, text, select=["N005"])) == []


# --------------------------------------------------------------------------- N006


def test_share_over_100_percent(ruleset):
    text = "覆盖率达120%，党员干部参学率105%，宣传栏更新占比达到135%。"
    result = run_text(ruleset, text, select=["N006"])
    assert located(result) == [("N006", 1, 5, 9, "120%"), ("N006", 1, 17, 21, "105%"), ("N006", 1, 31, 35, "135%")]
    assert result.findings[0].message.startswith("“覆盖率达120%”：比率、占比表示部分占整体的比例，不会超过100%")


def test_growth_and_overfulfilled_targets_may_exceed_100_percent(ruleset):
    text = "\n".join([
        "完成年度目标的112%，网上信息发布量同比增长150%，办结率100%。",
        "全年实际完成投资12.6亿元，为年度计划的105%，超额完成任务。",
        "税收收入增长率达120%，任务完成率达108%，工作效率提高130%。",
        "参与率保持在95%以上，投入产出比为150%。",
        "粮食自给率达105%，生猪出栏率达150%，税款征收率102%。",
    ])
    assert located(run_text(ruleset, text, select=["N006"])) == []


# --------------------------------------------------------------------------- N007


def test_full_width_digits_are_reported_once_per_paragraph_with_a_safe_fix(ruleset):
    text = "上半年召开支部会议１６次，党员大会４次，投入资金１．５万元。\n组织学习12次。"
    result = run_text(ruleset, text, select=["N007"])
    assert located(result) == [("N007", 1, 10, 28, "１６次，党员大会４次，投入资金１．５")]
    fix = result.findings[0].fix
    assert (fix.replacement, fix.safe) == ("16次，党员大会4次，投入资金1.5", True)
    assert result.findings[0].message == "本段有3处全角数字（“１６”“４”“１．５”），阿拉伯数字应使用半角（GB/T 15835）。"


def test_japanese_documents_keep_their_full_width_digits(ruleset):
    text = ("平成３０年９月２１日\n"
            "リーダーシップに係る発行運営業務委託のプロポーザル募集要項について、年間４回の配本を想定している。")
    assert located(run_text(ruleset, text, select=["N"])) == []


# --------------------------------------------------------------------------- sample, example


def test_seed_sample_n_findings(ruleset):
    from summarylint.engine import check_path

    result = check_path(str(shared_path("samples", "000_8e0b853442afd5b5.txt")), Config(select=("N",)), ruleset)
    assert [(f.rule, f.paragraph, f.column, f.section_level) for f in result.findings] == [
        ("N001", 2, 1, True),
        ("N001", 26, 1, True),
    ]


def test_example_summary_planted_number_defects(ruleset):
    from tests.conftest import REPO

    path = REPO / "examples" / "2025年上半年意识形态工作总结.txt"
    result = run_text(ruleset, path.read_text(encoding="utf-8"), select=["N", "N008"])
    assert located(result) == [
        ("N003", 2, 151, 154, "24年"),
        ("N002", 10, 93, 96, "XX次"),
        ("N008", 12, 1, 1, ""),
    ]


# --------------------------------------------------------------------------- helpers, robustness


def test_chinese_number():
    assert [chinese_number(t) for t in ("五", "两", "十", "十六", "二十", "一百二十", "三万", "一千零八")] == [
        5, 2, 10, 16, 20, 120, 30000, 1008]
    assert [chinese_number(t) for t in ("三五", "十几", "", "百十", "万", "千")] == [None] * 6


_ALPHABET = (
    "0123456789０１２３４５６７８９XxＸ×＊*年月日度底次场名人篇个%％共其中、，。；率占覆盖完成同比增长"
    "第一二三四五十两余多等在于截至“”【】（）[]待补充此处插入同志县 \u3000"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=60), min_size=1, max_size=6))
def test_random_text_never_crashes_and_spans_stay_inside(ruleset, lines):
    assume("".join(lines).strip())
    result = run_text(ruleset, "\n".join(lines), select=ALL_N)
    assert result.error is None
    for f in result.findings:
        text = result.document.block(f.paragraph).text
        assert 0 <= f.span.start <= f.span.end <= len(text)
        if not f.section_level:
            assert f.span.end > f.span.start


def test_n001_on_automatic_numbering(ruleset):
    body = ("高度重视意识形态工作，认真落实意识形态工作责任制，加强宣传栏、电子显示屏等阵地管理，"
            "及时回应群众关切，工作取得明显成效。")
    document = Document("t.docx", "docx", (
        Block(1, "某局2025年上半年意识形态工作总结", style="Title"),
        Block(2, "主要做法", label="一、"),
        Block(3, body),
        Block(4, "存在的问题", label="二、"),
        Block(5, "学习还不够深入。"),
    ))
    result = check_document(document, Config(select=("N001",)), ruleset)
    assert [(f.rule, f.paragraph, f.column, f.section_level) for f in result.findings] == [("N001", 2, 1, True)]
    assert result.findings[0].message.startswith("“一、主要做法”部分列举了工作")


def test_empty_document(ruleset):
    result = check_document(Document("t.docx", "docx", ()), Config(select=tuple(ALL_N)), ruleset)
    assert result.error is None and result.findings == []


# --------------------------------------------------------------------------- rule data (rules/statistics.toml)

N001 = RuleSet.load(plugins=False).rules["N001"]
PACK = tomllib.loads((REPO / "rules" / "statistics.toml").read_text(encoding="utf-8"))


def _entry_id(entry) -> str:
    """"list:first item" of a loaded entry or of a raw [[entry]] table."""
    name, items = (entry["list"], entry["items"]) if isinstance(entry, dict) else (entry.list, entry.items)
    return f"{name}:{items if isinstance(items, str) else items[0]}"


def _reports(ruleset, rule, entry, example) -> bool:
    """Whether the rule that reads the entry's list reports on the example."""
    rule_id = LISTS[entry.list].rule
    result = run_text(ruleset, rule.example_text(entry, example), select=[rule_id], period="2025H1")
    assert result.error is None
    return any(f.rule == rule_id for f in result.findings)


def test_n001_owns_the_data_and_the_other_rules_read_it(ruleset):
    n001 = ruleset.rules["N001"]
    assert isinstance(n001, AchievementsWithoutFiguresRule) and n001.sources[0].endswith("statistics.toml")
    assert n001.scope == "document" and n001.default_enabled
    for rule_id in ("N002", "N003", "N004", "N005", "N006", "N008"):
        assert ruleset.rules[rule_id].data is n001, rule_id
    assert [(r.id, r.name, str(r.severity), r.default_enabled) for r in
            sorted((r for r in ruleset.rules.values() if r.id.startswith("N")), key=lambda r: r.id)] == [
        ("N001", "achievements-without-figures", "warning", True),
        ("N002", "template-placeholder", "error", True),
        ("N003", "two-digit-year", "warning", True),
        ("N004", "mixed-numeral-forms", "warning", True),
        ("N005", "total-differs-from-parts", "warning", True),
        ("N006", "share-over-100-percent", "warning", True),
        ("N007", "full-width-digits", "warning", True),
        ("N008", "subsection-without-figures", "info", False),
    ]
    # Every list is filled by the built-in pack.
    assert [name for name in LISTS if not n001.lists[name]] == []


@pytest.mark.parametrize("entry", N001.entries, ids=_entry_id)
def test_every_data_entry_has_examples_that_hold(entry, ruleset):
    assert entry.fail and entry.passes, f"{_entry_id(entry)}: needs fail and pass examples"
    for example in entry.fail:
        assert _reports(ruleset, N001, entry, example), (LISTS[entry.list].rule, example)
    for example in entry.passes:
        assert not _reports(ruleset, N001, entry, example), (LISTS[entry.list].rule, example)


@pytest.mark.parametrize("entry", N001.entries, ids=_entry_id)
def test_every_item_appears_in_its_entry_examples(entry):
    examples = (*entry.fail, *entry.passes)
    for item in entry.items:
        if LISTS[entry.list].regex:
            assert any(re.search(item, e) for e in examples), item
        else:
            assert any(item in e for e in examples), item


@pytest.mark.parametrize("index", range(len(PACK["entry"])), ids=[_entry_id(e) for e in PACK["entry"]])
def test_every_entry_is_needed_by_its_examples(index, ruleset):
    """Leave the entry out and at least one of its examples turns out otherwise: the
    examples exercise the entry, not only the rule."""
    without = AchievementsWithoutFiguresRule(PACK["pack"], "statistics.toml")
    without.add_pack({}, [e for i, e in enumerate(PACK["entry"]) if i != index], "statistics.toml")
    reduced = RuleSet([without, *without.companions()])
    entry = N001.entries[index]
    assert _entry_id(entry) == _entry_id(PACK["entry"][index])
    changed = [e for e in entry.fail if not _reports(reduced, without, entry, e)]
    changed += [e for e in entry.passes if _reports(reduced, without, entry, e)]
    assert changed, f"{_entry_id(entry)}: no example depends on this entry"


_PART_WITHOUT_FIGURES = (
    "某局2025年上半年工作总结\n一、主要做法\n局党组高度重视意识形态工作，认真落实意识形态工作责任制，"
    "加强宣传栏、电子显示屏等阵地管理，主动占领网上舆论阵地，及时回应群众关切，出动无人机开展巡查30架次。"
    "\n二、存在的问题\n学习还不够深入。"
)


def test_a_user_pack_adds_units_and_headings_for_every_rule_that_reads_them(tmp_path, ruleset):
    pack = tmp_path / "units.toml"
    pack.write_text(
        '[pack]\nrule = "N001"\nkind = "statistics"\n\n'
        '[[entry]]\nlist = "figure-unit"\nitems = ["台次", "架次"]\n'
        'fail = ["出动无人机多架次"]\npass = ["维修设备12台次", "出动无人机30架次"]\n\n'
        '[[entry]]\nlist = "achievements-heading"\nitems = "主要举措"\n'
        'fail = ["主要举措"]\npass = ["主要举措和下一步打算"]\n',
        encoding="utf-8",
    )
    extended = RuleSet.load([pack], plugins=False)
    n001 = extended.rules["N001"]
    assert n001.sources[-1] == str(pack) and extended.rules["N002"].data is n001
    assert [len(e.fail) + len(e.passes) for e in n001.entries[-2:]] == [3, 2]

    # 架次 is no unit of the built-in data: the part has no figure until the pack adds it.
    assert located(run_text(ruleset, _PART_WITHOUT_FIGURES, select=["N001"])) == [("N001", 2, 1, 1, "")]
    assert located(run_text(extended, _PART_WITHOUT_FIGURES, select=["N001"])) == []
    # 台次 counted already (as 台); it is now read whole, longest first.
    assert [m.group("unit") for m in figures_in("维修设备12台次")] == ["台"]
    assert [m.group("unit") for m in figures_in("维修设备12台次", n001.patterns)] == ["台次"]
    text = _PART_WITHOUT_FIGURES.replace("出动无人机开展巡查30架次", "维修设备12台次")
    assert located(run_text(extended, text, select=["N001"])) == []

    # The same units extend N002 (placeholders) and N005 (totals).
    assert located(run_text(ruleset, "出动无人机XX架次。", select=["N002"])) == []
    assert located(run_text(extended, "出动无人机XX架次。", select=["N002"])) == [("N002", 1, 6, 10, "XX架次")]
    total = "共维修设备12台次，其中空调5台次、电脑4台次。"
    assert located(run_text(ruleset, total, select=["N005"])) == []
    assert located(run_text(extended, total, select=["N005"])) == [("N005", 1, 6, 10, "12台次")]

    # A heading word: the part under “主要举措” is now judged.
    heading = _PART_WITHOUT_FIGURES.replace("主要做法", "主要举措").replace("，出动无人机开展巡查30架次", "")
    assert located(run_text(ruleset, heading, select=["N001"])) == []
    assert located(run_text(extended, heading, select=["N001"])) == [("N001", 2, 1, 1, "")]


@pytest.mark.parametrize(("entry", "message"), [
    ('list = "units"\nitems = "台次"', "'list' must be one of: figure-unit, "),
    ('list = "figure-unit"', "'items' is missing"),
    ('list = "figure-unit"\nitems = ["台次", ""]', "'items' must be a non-empty string or a list of non-empty strings"),
    ('list = "problems-heading"\nitems = "问题("', "'问题(' is not a valid regular expression"),
    ('list = "plans-heading"\nitems = "(?:打算)?"', "'(?:打算)?' matches the empty string"),
    ('list = "plans-heading"\nitems = "(?P<num>打算)"', "named groups are not allowed"),
    ('list = "year-lead"\nitems = "截至?"', "of fixed width (it is used as a look-behind)"),
    ('list = "count-unit"\nitems = "台次"', "a count-unit entry needs 'kind'"),
    ('list = "figure-unit"\nitems = "台次"\nkind = "items"', "'kind' and 'chinese' belong to count-unit entries"),
    ('list = "figure-unit"\nitems = "台次"\nunit = "台次"', "unknown key(s) unit"),
])
def test_pack_errors_name_the_file_and_the_entry(tmp_path, entry, message):
    pack = tmp_path / "bad.toml"
    pack.write_text(f'[pack]\nrule = "N001"\nkind = "statistics"\n\n[[entry]]\n{entry}\n', encoding="utf-8")
    with pytest.raises(RulePackError) as raised:
        RuleSet.load([pack], plugins=False)
    assert str(raised.value).startswith(f"{pack}:5: entry 1: ") and message in str(raised.value), str(raised.value)


def test_pack_template_errors(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text('[pack]\nrule = "N001"\nkind = "statistics"\n\n[[pack.templates]]\nlists = ["figure-unit"]\n'
                    'text = "没有位置"\n', encoding="utf-8")
    with pytest.raises(RulePackError, match=r"template 1: 'text' must be a string with \{\}"):
        RuleSet.load([pack], plugins=False)
    pack.write_text('[pack]\nrule = "N001"\nkind = "statistics"\n\n[[pack.templates]]\nlists = ["units"]\n'
                    'text = "{}"\n', encoding="utf-8")
    with pytest.raises(RulePackError, match="template 1: 'lists' must name lists of: figure-unit"):
        RuleSet.load([pack], plugins=False)
