"""P001-P011: punctuation (GB/T 15834-2011)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarylint.config import Config
from summarylint.engine import check_document
from summarylint.model import Block, Document, Severity
from tests.conftest import located, run_text

ALL_P = ["P", "P011"]

CORRECT_SUMMARY = "\n".join([
    "XX县交通运输局2024年上半年工作总结",
    "　　2024年上半年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届二中全会精神，"
    "现将有关情况总结如下：",
    "　　一、主要做法及成效",
    "　　（一）强化理论武装",
    "　　1.完善学习制度。组织党委中心组学习12次，开展专题研讨5～10次，撰写心得体会1.5万字，党员参学率达95%以上。",
    "　　（1）建立学习台账。重点学深悟透《习近平谈治国理政》第一卷至第四卷，严格落实“三会一课”“主题党日”等制度，"
    "深入学习《准则》《条例》。",
    "　　2.加强阵地管理。利用LED屏、车载电视和QQ群、微信群等媒介宣传社会主义核心价值观，访问量达1,000余人次；"
    "政务网站（https://www.example.gov.cn/news?id=12&a=b,c）和邮箱jtj@example.gov.cn全天候受理群众来信。",
    "　　3.严格值班值守。2024年1—6月，实行24小时值班制度，每日12:30和18:00两次报送舆情。",
    "　　（二）加强新闻宣传",
    "　　上半年在市级以上媒体刊发稿件36篇（其中省级12篇），“学习强国”学习平台录用稿件5篇，"
    "“十四五”规划（2021—2025年）中期评估顺利完成。",
    "　　二、存在的问题",
    "　　一是学习不够深入，二是阵地管理还有短板——部分基层单位重视不够，但整体可控。有的支部学习还不够经常……",
    "　　三、下一步工作打算",
    "　　下一步，我局将着力抓好以下工作：一是组织“不忘初心、牢记使命”专题学习，深刻领悟“两个确立”的决定性意义；"
    "二是于2024-06-30前完成G4-2标段验收，联系电话0851-12345678。",
    "　　中共中央办公厅 国务院办公厅印发的《关于新时代加强和改进思想政治工作的意见》要求："
    "“把思想政治工作作为治党治国的重要方式。”",
    "　　他强调：“意识形态工作是党的一项极端重要的工作，",
    "　　“要牢牢掌握意识形态工作领导权。”",
    "　　附件：1.学习计划表",
    "　　XX县交通运输局",
    "　　2024年7月5日",
])


def fixes(result):
    return [(f.fix.replacement, f.fix.safe) if f.fix else None for f in result.findings]


def test_correct_official_prose_is_not_flagged(ruleset):
    assert located(run_text(ruleset, CORRECT_SUMMARY, select=ALL_P)) == []


# --------------------------------------------------------------------------- P001

def test_p001_half_width_points_next_to_chinese(ruleset):
    text = "\n".join([
        "一、主要做法",
        "组织学习12次;开展研讨3次,覆盖党员1,000人次。",
        "现将有关情况报告如下:",
        "你们的意见是什么?我们将认真研究!",
        "我们, 要坚持问题导向，联系电话:12345678。",
    ])
    result = run_text(ruleset, text, select=["P001"])
    assert located(result) == [
        ("P001", 2, 8, 9, ";"),
        ("P001", 2, 15, 16, ","),
        ("P001", 3, 11, 12, ":"),
        ("P001", 4, 9, 10, "?"),
        ("P001", 4, 17, 18, "!"),
        ("P001", 5, 3, 5, ", "),
        ("P001", 5, 17, 18, ":"),
    ]
    assert fixes(result) == [("；", True), ("，", True), ("：", True), ("？", True), ("！", True), ("，", True),
                             ("：", False)]
    first = result.findings[0]
    assert first.message.startswith("中文语句中使用了半角“;”，应改为全角“；”")
    assert "GB/T 15834-2011" in first.message
    assert first.suggestion == "改为“；”"
    assert first.severity is Severity.WARNING


def test_p001_half_width_brackets(ruleset):
    text = "\n".join([
        "一、主要做法",
        "召开党委会(扩大)会议2次，利用LED(发光二极管)屏宣传。",
        "建成显示屏(LED)12块，（市、区)同步推进。",
        "为深入贯彻《指导意见》(国发〔2010〕28号),加强合作。",
    ])
    result = run_text(ruleset, text, select=["P001"])
    assert located(result) == [
        ("P001", 2, 6, 7, "("),
        ("P001", 2, 9, 10, ")"),
        ("P001", 2, 20, 21, "("),
        ("P001", 2, 26, 27, ")"),
        ("P001", 3, 6, 7, "("),
        ("P001", 3, 10, 11, ")"),
        ("P001", 3, 19, 20, ")"),
        ("P001", 4, 12, 13, "("),
        ("P001", 4, 24, 25, ")"),
        ("P001", 4, 25, 26, ","),
    ]
    # CJK content: safe; Latin content or a pair mixing widths: the fix is offered, not applied.
    assert fixes(result) == [("（", True), ("）", True), ("（", True), ("）", True), ("（", False), ("）", False),
                             ("）", False), ("（", True), ("）", True), ("，", True)]


def test_p001_leaves_numbers_urls_latin_and_heading_markers_alone(ruleset):
    text = "\n".join([
        "(一)加强组织领导",
        "1.完善制度",
        "(1)建立台账",
        "参会1,000人，会议12:30结束，比分3:2，比例1:1000。",
        "网址https://www.gov.cn/a?b=1,c:d，邮箱abc@gov.cn，利用LED屏、QQ群。",
        "He said: Hello, world! (LED) OK? &nbsp;",
    ])
    assert located(run_text(ruleset, text, select=["P001"])) == []


# --------------------------------------------------------------------------- P002

def test_p002_enumeration_comma_before_a_clause(ruleset):
    text = "\n".join([
        "四、存在的问题",
        "取得了一定效果、但也存在一定的困难和问题。",
        "成绩是主要的、但是不足也不容忽视，工作有部署、却缺乏督促。",
    ])
    result = run_text(ruleset, text, select=["P002"])
    assert located(result) == [("P002", 2, 8, 9, "、"), ("P002", 3, 7, 8, "、"), ("P002", 3, 23, 24, "、")]
    assert fixes(result) == [("，", False)] * 3
    assert result.findings[0].message.startswith("“但”引出的是分句")
    assert result.findings[1].message.startswith("“但是”引出的是分句")


def test_p002_lists_of_phrases_are_not_flagged(ruleset):
    text = "\n".join([
        "四、存在的问题",
        "与业务工作同部署、同落实、同检查、同考核。",
        "连词如因此、所以、但是等要用准，“但”、“却”也一样。",
        "加强党建引领、同时推进业务，做到守土有责、守土负责、守土尽责。",
    ])
    assert located(run_text(ruleset, text, select=["P002"])) == []


# --------------------------------------------------------------------------- P003

def test_p003_unbalanced_marks(ruleset):
    text = "\n".join([
        "一、主要做法",
        "深入学习《中国共产党纪律处分条例，推动学习走深走实。",
        "严格落实“三会一课“制度，开展”主题党日”活动。",
        "召开党员大会（扩大会议4次，撰写心得体会）。参加培训）。",
        "学习【重要讲话精神。",
        "他强调：“要把意识形态工作摆在重要位置。",
        "会议要求各支部认真落实。",
    ])
    result = run_text(ruleset, text, select=["P003"])
    assert located(result) == [
        ("P003", 2, 5, 6, "《"),
        ("P003", 3, 10, 11, "“"),
        ("P003", 3, 16, 17, "”"),
        ("P003", 4, 27, 28, "）"),
        ("P003", 5, 3, 4, "【"),
        ("P003", 6, 5, 6, "“"),
    ]
    messages = [f.message for f in result.findings]
    assert messages[0].startswith("“《”在本段没有对应的“》”")
    assert messages[1].startswith("引号方向用错：此处应为后引号“””")
    assert messages[2].startswith("引号方向用错：此处应为前引号““”")
    assert all(f.fix is None for f in result.findings)


def test_p003_marks_that_legitimately_span_paragraphs(ruleset):
    text = "\n".join([
        "一、主要做法",
        # GB/T 15834 4.8.3.4: each paragraph of a long quotation opens with “, only the last closes.
        "他强调：“第一段引文。",
        "“第二段引文。",
        "“第三段引文。”",
        # An amendment quoted over several paragraphs.
        "将第三条修改为：“（一）依法登记；",
        "（二）有固定场所；",
        "（三）其他条件。”",
        # A title broken over two lines.
        "国务院关于暂时调整实施《中华人民共和国药品管理法",
        "有关规定的决定》",
        "学习“两个确立”‘四个意识’，China’s 发展，落实“三会一课”制度（见附件1）。",
        # The text ends mid-title: cut off, not mistyped.
        "学习《中华人民共和国药品管理法",
    ])
    assert located(run_text(ruleset, text, select=["P003"])) == []


# --------------------------------------------------------------------------- P004

def test_p004_ellipsis_forms(ruleset):
    text = "\n".join([
        "一、主要做法",
        "开展理论学习、主题党日、志愿服务...",
        "开展理论学习......",
        "开展理论学习。。。主题党日…志愿服务……等活动。",
        "开展学习······",
    ])
    result = run_text(ruleset, text, select=["P004"])
    assert located(result) == [
        ("P004", 2, 17, 20, "..."),
        ("P004", 3, 7, 13, "......"),
        ("P004", 4, 7, 10, "。。。"),
        ("P004", 4, 14, 15, "…"),
        ("P004", 4, 21, 22, "等"),
        ("P004", 5, 5, 11, "······"),
    ]
    assert fixes(result) == [("……", True), ("……", True), ("……", True), ("……", True), ("", False), ("……", True)]
    assert "附录A.9.2" in result.findings[4].message


def test_p004_correct_ellipses(ruleset):
    text = "\n".join([
        "一、主要做法",
        "开展理论学习、主题党日、志愿服务……",
        "他说：“驾长车，踏破贺兰山缺…………”",
        "See etc... and 1.5万元……等待审批。",
    ])
    assert located(run_text(ruleset, text, select=["P004"])) == []


# --------------------------------------------------------------------------- P005

def test_p005_dash_forms(ruleset):
    text = "\n".join([
        "XX局2024年上半年工作总结",
        "--坚持市场主导、政府调控。",
        "—坚持市场主导、政府调控。",
        "工作重点—，目标--建设。",
    ])
    result = run_text(ruleset, text, select=["P005"])
    assert located(result) == [
        ("P005", 2, 1, 3, "--"),
        ("P005", 3, 1, 2, "—"),
        ("P005", 4, 5, 6, "—"),
        ("P005", 4, 9, 11, "--"),
    ]
    assert fixes(result) == [("——", True), ("——", True), ("——", False), ("——", True)]
    assert all(f.severity is Severity.WARNING for f in result.findings)


def test_p005_connectors_are_not_warned_about(ruleset):
    text = "\n".join([
        "一、主要做法",
        "2024年1—6月，2024年1月—6月，第3—4类，“十四五”规划（2021—2025年）中期评估——这是全年重点。",
        "页码— 1 —，命令行--help，1月--6月。",
        "开通北京—上海航线。",
    ])
    result = run_text(ruleset, text, select=["P005"])
    # A single dash between two ideographs is a valid connector (4.13): advice only.
    assert located(result) == [("P005", 4, 5, 6, "—")]
    assert result.findings[0].severity is Severity.INFO
    assert fixes(result) == [("——", False)]


# --------------------------------------------------------------------------- P006

def test_p006_hyphen_in_ranges(ruleset):
    text = "\n".join([
        "一、主要做法",
        "每季度开展专题学习5-10次，2024年1-6月共受理信访件12件，满意度15%-30%。",
        "2021-2025年规划，1.5-2万元，每月5~10次。",
    ])
    result = run_text(ruleset, text, select=["P006"])
    assert located(result) == [
        ("P006", 2, 11, 12, "-"),
        ("P006", 2, 22, 23, "-"),
        ("P006", 2, 41, 42, "-"),
        ("P006", 3, 5, 6, "-"),
        ("P006", 3, 17, 18, "-"),
        ("P006", 3, 25, 26, "~"),
    ]
    assert fixes(result) == [("～", False), ("—", False), ("～", False), ("—", False), ("～", False), ("～", True)]
    assert result.findings[1].message.startswith("数值范围“1-6月”不用“-”，应写作“1—6月”")
    assert result.findings[2].message.startswith("数值范围“15%-30%”不用“-”，应写作“15%～30%”")


def test_p006_dates_codes_and_phone_numbers(ruleset):
    text = "\n".join([
        "一、主要做法",
        "2024-06-30前完成G4-2标段验收，联系电话0851-12345678，COVID-19，3-2班，6-1号楼，图1-2所示，表3-5部分。",
        "印发《2018－2022年全国干部教育培训规划》，8:00-12:00值班，2024年1—6月，5～10次。",
    ])
    assert located(run_text(ruleset, text, select=["P006"])) == []


# --------------------------------------------------------------------------- P007

def test_p007_stray_spaces(ruleset):
    text = "\n".join([
        "一、主要做法",
        "坚持社会效益放在首位，助推 文化产业向前发展。",
        "重点学深悟透《习近平谈治国理政》 第一卷，用党的创新理论武装头脑、　指导实践。",
    ])
    result = run_text(ruleset, text, select=["P007"])
    assert located(result) == [("P007", 2, 14, 15, " "), ("P007", 3, 17, 18, " "), ("P007", 3, 34, 35, "　")]
    # Between two ideographs the space may stand for a missing 顿号 (张三 李四): fix offered, not safe.
    assert fixes(result) == [("", False), ("", True), ("", True)]
    assert result.findings[0].message.startswith("“推□文”中多了空格")
    assert "顿号" in result.findings[0].message


def test_p007_deliberate_spaces_are_kept(ruleset):
    text = "\n".join([
        "意识形态工作 2024年上半年意识形态工作总结",
        "　　学习时长 20 小时，使用 LED 屏，开头缩进。  ",
        "第一条　为了规范管理，制定本办法。",
        "中共中央办公厅 国务院办公厅印发《意见》，要求认真贯彻。",
        "勠力同心谋新篇 砥砺前行开新局",
        "围绕“不忘初心 牢记使命”主题，组织培训。",
        "填报单位：区党委老干部局　　　　　填报日期：7月5日。",
        "一、 主要做法",
    ])
    assert located(run_text(ruleset, text, select=["P007"])) == []


# --------------------------------------------------------------------------- P008

def test_p008_scraped_quote_markers(ruleset):
    text = "\n".join([
        "XX局2024年上半年工作总结",
        "　>　一、总体情况",
        ">　　二、主要问题",
        "　　>三、下一步措施",
        "> > 四、其他",
    ])
    result = run_text(ruleset, text, select=["P008"])
    assert located(result) == [
        ("P008", 2, 2, 3, ">"),
        ("P008", 3, 1, 2, ">"),
        ("P008", 4, 3, 4, ">"),
        ("P008", 5, 1, 2, ">"),
        ("P008", 5, 3, 4, ">"),
    ]
    assert fixes(result) == [("", True)] * 5


def test_p008_not_in_markdown_nor_before_numbers(ruleset):
    assert located(run_text(ruleset, "> 一、主要做法\n> 学习材料，认真。\n", select=["P008"], path="t.md")) == []
    text = "XX局2024年上半年工作总结\n＞95%的群众表示满意。\n满意度>95%，二是＞。"
    assert located(run_text(ruleset, text, select=["P008"])) == []


# --------------------------------------------------------------------------- P009

def test_p009_repeated_marks(ruleset):
    text = "一、主要做法\n组织学习12次，，开展研讨3次。。会议；；要求、、落实！！好：："
    result = run_text(ruleset, text, select=["P009"])
    assert located(result) == [
        ("P009", 2, 8, 10, "，，"),
        ("P009", 2, 16, 18, "。。"),
        ("P009", 2, 20, 22, "；；"),
        ("P009", 2, 24, 26, "、、"),
        ("P009", 2, 28, 30, "！！"),
        ("P009", 2, 31, 33, "：："),
    ]
    assert fixes(result) == [("，", True), ("。", True), ("；", True), ("、", True), ("！", True), ("：", True)]


def test_p009_two_character_marks_and_combinations(ruleset):
    text = "一、主要做法\n开展学习……成效明显——群众满意？！真的吗？？“好”“好”。。。"
    assert located(run_text(ruleset, text, select=["P009"])) == []


# --------------------------------------------------------------------------- P010

def test_p010_straight_quotes(ruleset):
    text = "\n".join([
        "一、主要做法",
        "严格落实\"三会一课\"制度，学习'两个确立'。",
        "他说\"好",
    ])
    result = run_text(ruleset, text, select=["P010"])
    assert located(result) == [
        ("P010", 2, 5, 6, '"'),
        ("P010", 2, 10, 11, '"'),
        ("P010", 2, 16, 17, "'"),
        ("P010", 2, 21, 22, "'"),
        ("P010", 3, 3, 4, '"'),
    ]
    assert fixes(result) == [("“", False), ("”", False), ("‘", False), ("’", False), None]


def test_p010_latin_quotes_apostrophes_and_inches(ruleset):
    text = "一、主要做法\nHe said \"OK\" now, don't.\n采购55\"显示屏，另有65\"的。\n“三会一课”‘两个确立’"
    assert located(run_text(ruleset, text, select=["P010"])) == []


# --------------------------------------------------------------------------- P011

def test_p011_is_off_by_default_and_soft(ruleset):
    text = "一、主要做法\n深入学习《准则》、《条例》，落实“三会一课”、“主题党日”。"
    assert [f for f in run_text(ruleset, text).findings if f.rule == "P011"] == []
    result = run_text(ruleset, text, select=["P011"])
    assert located(result) == [("P011", 2, 9, 10, "、"), ("P011", 2, 23, 24, "、")]
    assert all(f.severity is Severity.INFO for f in result.findings)
    assert fixes(result) == [("", False)] * 2


def test_p011_correct_forms(ruleset):
    text = "一、主要做法\n深入学习《准则》《条例》，落实“三会一课”“主题党日”，学习《准则》（2015年）、《条例》。"
    assert located(run_text(ruleset, text, select=["P011"])) == []


# --------------------------------------------------------------------------- properties

_ALPHABET = (
    "中文工作党委一二三学习会" "abcXYZ0123456789"
    " \u3000,;:?!()\"'-.~>"
    "，。、；：？！“”‘’（）《》【】…—～·＞"
)


def _check_line(ruleset, text):
    document = Document("t.txt", "text", (Block(1, text),))
    result = check_document(document, Config(select=("P", "P011")), ruleset)
    assert result.error is None
    return result


def _apply_safe(text, findings):
    """Apply the safe fixes of non-overlapping findings; return the text and the kept spans."""
    kept = []
    for f in sorted((f for f in findings if f.fix and f.fix.safe), key=lambda f: (f.span.start, f.span.end)):
        if kept and f.span.start < kept[-1].span.end:
            continue
        kept.append(f)
    out = text
    for f in reversed(kept):
        out = out[: f.span.start] + f.fix.replacement + out[f.span.end :]
    return out, kept


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=40))
def test_findings_stay_inside_the_paragraph_and_safe_fixes_touch_only_their_spans(ruleset, text):
    result = _check_line(ruleset, text)
    for f in result.findings:
        assert f.paragraph == 1
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.span.start < f.span.end
        if f.fix:
            assert "\n" not in f.fix.replacement
    fixed, kept = _apply_safe(text, result.findings)
    # Rebuild the fixed text from the untouched pieces and the replacements.
    pieces, position = [], 0
    for f in kept:
        pieces.append(text[position : f.span.start])
        pieces.append(f.fix.replacement)
        position = f.span.end
    pieces.append(text[position:])
    assert fixed == "".join(pieces)
    # Each untouched piece is where the shifted offsets say it is.
    shift = 0
    position = 0
    for f in kept:
        assert fixed[position + shift : f.span.start + shift] == text[position : f.span.start]
        shift += len(f.fix.replacement) - (f.span.end - f.span.start)
        position = f.span.end
    assert fixed[position + shift :] == text[position:]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=40))
def test_safe_fixes_of_a_rule_do_not_make_that_rule_fire_again_there(ruleset, text):
    result = _check_line(ruleset, text)
    for rule in {f.rule for f in result.findings if f.fix and f.fix.safe}:
        fixed, kept = _apply_safe(text, [f for f in result.findings if f.rule == rule])
        if not fixed.strip():
            continue
        again = _check_line(ruleset, fixed)
        repeated = [f for f in again.findings if f.rule == rule and f.fix and f.fix.safe]
        assert len(repeated) < len(kept) or not kept, (rule, text, fixed, repeated)
