"""T004-T007: canonical formulations (lists, variants), 的/地, usage style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarylint.checks.formulations import (
    DE_DI_ROLES,
    CollocationEntry,
    DeDiRule,
    FormulationVariantRule,
    ShortFormEntry,
    VariantEntry,
)
from summarylint.engine import RulePackError, RuleSet
from tests.conftest import located, run_text

RULESET = RuleSet.load(plugins=False)
T004 = RULESET.rules["T004"]
T007 = RULESET.rules["T007"]


def findings(ruleset, text, rule):
    result = run_text(ruleset, text, select=[rule])
    return [(f.rule, f.paragraph, f.column, f.end_column,
             result.document.block(f.paragraph).text[f.span.start : f.span.end],
             f.fix.replacement if f.fix else None, str(f.severity))
            for f in result.findings]


# ---------------------------------------------------------------------------
# T004 formulation-list
# ---------------------------------------------------------------------------

def test_t004_swapped_order_without_label_as_in_the_sample(ruleset):
    text = "　　牢牢把握话语权，做到守土有责、守土尽责、守土负责。"
    assert findings(ruleset, text, "T004") == [
        ("T004", 1, 13, 27, "守土有责、守土尽责、守土负责", "守土有责、守土负责、守土尽责", "warning"),
    ]
    f = run_text(ruleset, text, select=["T004"]).findings[0]
    assert f.fix.safe is False
    assert f.message == "意识形态工作守土责任的规范表述为“守土有责、守土负责、守土尽责”：顺序有误。"


def test_t004_labelled_list_with_a_missing_item(ruleset):
    text = "牢固树立“四个意识”，即政治意识、大局意识、看齐意识，坚定“四个自信”。"
    assert findings(ruleset, text, "T004") == [
        ("T004", 1, 13, 27, "政治意识、大局意识、看齐意识", "政治意识、大局意识、核心意识、看齐意识", "warning"),
    ]
    message = run_text(ruleset, text, select=["T004"]).findings[0].message
    assert "应为4项，这里列了3项" in message and "缺“核心意识”" in message


def test_t004_labelled_list_in_brackets_with_a_wrong_item(ruleset):
    text = "增强“四个意识”（政治意识、大局意识、核心意识、责任意识），做到“两个维护”。"
    assert findings(ruleset, text, "T004") == [
        ("T004", 1, 10, 29, "政治意识、大局意识、核心意识、责任意识", "政治意识、大局意识、核心意识、看齐意识",
         "warning"),
    ]
    assert "“责任意识”应为“看齐意识”" in run_text(ruleset, text, select=["T004"]).findings[0].message


def test_t004_label_after_the_list(ruleset):
    text = "完整、准确、全面贯彻创新、协调、绿色、开放的新发展理念。"
    assert findings(ruleset, text, "T004") == [
        ("T004", 1, 11, 22, "创新、协调、绿色、开放", "创新、协调、绿色、开放、共享", "warning"),
    ]


def test_t004_core_values_with_substituted_words(ruleset):
    text = "\n".join([
        "　　倡导富强、民主、文明、和谐，倡导自由、平等、公正、法制，倡导爱国、敬业、诚实、友善。",
        "　　大力宣传富强民主文明和谐、自由平等公正法治、爱国敬业诚信友爱的价值理念。",
    ])
    got = findings(ruleset, text, "T004")
    assert got == [
        ("T004", 1, 19, 30, "自由、平等、公正、法制", "自由、平等、公正、法治", "warning"),
        ("T004", 1, 33, 44, "爱国、敬业、诚实、友善", "爱国、敬业、诚信、友善", "warning"),
        ("T004", 2, 31, 33, "友爱", "友善", "warning"),
    ]
    messages = [f.message for f in run_text(ruleset, text, select=["T004"]).findings]
    assert "“法制”应为“法治”" in messages[0] and "“诚实”应为“诚信”" in messages[1]


def test_t004_marker_list_count(ruleset):
    text = "牢记“三个务必”，即务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗。"
    got = findings(ruleset, text, "T004")
    assert got == [("T004", 1, 11, 34, "务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗",
                    "务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争", "warning")]


def test_t004_the_last_connector_is_kept_in_the_replacement(ruleset):
    text = "持续整治享乐主义、奢靡之风、形式主义和官僚主义。"
    assert findings(ruleset, text, "T004") == [
        ("T004", 1, 5, 24, "享乐主义、奢靡之风、形式主义和官僚主义", "形式主义、官僚主义、享乐主义和奢靡之风",
         "warning"),
    ]


def test_t004_reordering_keeps_the_writers_wording(ruleset):
    text = "\n".join([
        "　　进行伟大斗争、推进伟大事业、建设伟大工程、实现伟大梦想。",
        "　　坚持人民至上、自信自立、守正创新、系统观念、问题导向、胸怀天下。",
        "　　坚持创新、绿色、协调、开放、共享发展。",
    ])
    assert findings(ruleset, text, "T004") == [
        ("T004", 1, 5, 30, "伟大斗争、推进伟大事业、建设伟大工程、实现伟大梦想",
         "伟大斗争、建设伟大工程、推进伟大事业、实现伟大梦想", "warning"),
        ("T004", 2, 5, 34, "人民至上、自信自立、守正创新、系统观念、问题导向、胸怀天下",
         "人民至上、自信自立、守正创新、问题导向、系统观念、胸怀天下", "warning"),
        ("T004", 3, 5, 19, "创新、绿色、协调、开放、共享", "创新、协调、绿色、开放、共享", "warning"),
    ]


def test_t004_marker_list_followed_by_more_text(ruleset):
    text = ("　　做到“两个维护”，即坚决维护习近平总书记的核心地位，坚决维护党中央权威和集中统一领导，"
            "在思想上政治上行动上同党中央保持高度一致。")
    assert findings(ruleset, text, "T004") == [
        ("T004", 1, 13, 45, "坚决维护习近平总书记的核心地位，坚决维护党中央权威和集中统一领导",
         "坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导", "warning"),
    ]
    assert "第1项应为" in run_text(ruleset, text, select=["T004"]).findings[0].message


def test_t004_correct_official_prose_is_silent(ruleset):
    text = "\n".join([
        "　　深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
        "　　牢固树立政治意识、大局意识、核心意识、看齐意识，坚定道路自信、理论自信、制度自信、文化自信。",
        "　　坚决反对形式主义、官僚主义、享乐主义和奢靡之风，持续整治形式主义、官僚主义等“四风”问题。",
        "　　牢牢把握话语权，做到守土有责、守土负责、守土尽责，一体推进不敢腐、不能腐、不想腐。",
        "　　倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善。",
        "　　建设富强民主文明和谐美丽的社会主义现代化强国，贯彻创新、协调、绿色、开放、共享的新发展理念。",
        "　　统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设，坚持公平、公正、公开原则。",
        "　　我们将从讲政治的高度，树立坚强的政治意识、坚定的阵地意识、强烈的责任意识、牢固的大局意识。",
        "　　牢记“三个务必”，即务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争。",
        "　　构建民主法治、公平正义、诚信友爱、充满活力、安定有序的和谐社会。",
        "　　做到“两个维护”，即坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导，"
        "在思想上政治上行动上同党中央保持高度一致。",
        "　　完整、准确、全面贯彻创新、协调、绿色、开放、共享的新发展理念，"
        "统筹推进经济、政治、文化、社会、生态文明建设。",
        "　　进行伟大斗争、建设伟大工程、推进伟大事业、实现伟大梦想，坚持人民至上、坚持自信自立。",
    ])
    assert located(run_text(ruleset, text, select=["T004"])) == []


@pytest.mark.parametrize("entry", T004.entries, ids=lambda e: e.name)
def test_every_t004_entry_has_examples_that_hold(entry, ruleset):
    assert entry.fail and entry.passes, f"{entry.name}: needs fail and pass examples"
    for sentence in entry.fail:
        result = run_text(ruleset, sentence, select=["T004"])
        assert any(entry.name in f.message for f in result.findings), (sentence, located(result))
    for sentence in entry.passes:
        assert located(run_text(ruleset, sentence, select=["T004"])) == [], sentence


# ---------------------------------------------------------------------------
# T005 formulation-variant
# ---------------------------------------------------------------------------

def test_t005_variants_with_locations(ruleset):
    text = "\n".join([
        "　　认真学习贯彻习总书记重要讲话精神，更加紧密地团结在以习近平为核心的党中央周围。",
        "　　持之以恒落实八项规定精神，严格落实意识形态责任制。",
    ])
    assert findings(ruleset, text, "T005") == [
        ("T005", 1, 9, 13, "习总书记", "习近平总书记", "warning"),
        ("T005", 1, 28, 39, "以习近平为核心的党中央", "以习近平同志为核心的党中央", "warning"),
        ("T005", 2, 9, 15, "八项规定精神", "中央八项规定精神", "info"),
        ("T005", 2, 20, 27, "意识形态责任制", "意识形态工作责任制", "info"),
    ]


def test_t005_short_form_needs_an_earlier_full_mention(ruleset):
    text = "\n".join([
        "2024年上半年工作总结",
        "　　狠抓新时代中国特色社会主义思想教育，坚持以习近平新时代中国特色社会主义思想为指导。",
        "　　深入学习新时代中国特色社会主义思想。",
    ])
    assert findings(ruleset, text, "T005") == [
        ("T005", 2, 5, 18, "新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想", "info"),
    ]


def test_t005_short_form_in_the_twentieth_congress_theme_is_fine(ruleset):
    text = ("　　高举中国特色社会主义伟大旗帜，全面贯彻新时代中国特色社会主义思想，弘扬伟大建党精神，"
            "自信自强、守正创新，踔厉奋发、勇毅前行。")
    assert findings(ruleset, text, "T005") == []


def test_t005_two_musts_and_collocations(ruleset):
    text = "\n".join([
        "　　全体党员要牢记“两个务必”，坚定“四个意识”，做到“两个确立”。",
        "　　重温毛泽东同志在七届二中全会上提出的“两个务必”。",
    ])
    assert findings(ruleset, text, "T005") == [
        ("T005", 1, 11, 15, "两个务必", "三个务必", "info"),
        ("T005", 1, 17, 19, "坚定", "增强", "info"),
        ("T005", 1, 26, 28, "做到", "拥护", "info"),
    ]


def test_t005_correct_prose_is_silent(ruleset):
    text = "\n".join([
        "　　坚持以习近平新时代中国特色社会主义思想为指导，深入学习新时代中国特色社会主义思想。",
        "　　深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
        "　　更加紧密地团结在以习近平同志为核心的党中央周围，认真学习贯彻习近平总书记重要讲话精神。",
        "　　严格落实中央八项规定精神，全面落实意识形态工作责任制和网络意识形态工作责任制。",
        "　　牢记“三个务必”，增强“两个维护”的政治自觉。",
    ])
    assert findings(ruleset, text, "T005") == []


# ---------------------------------------------------------------------------
# T006 的/地
# ---------------------------------------------------------------------------

def test_t006_seed_patterns(ruleset):
    text = "\n".join([
        "　　树立坚强的政治意识、坚定地阵地意识、强烈的责任意识、牢固的大局意识。",
        "　　把每一条措施一项一项的抓好、抓出实效、更好的带动中心各项工作的全面发展。",
        "　　扎扎实实的推进整改，更好的服务群众，更好的发挥作用。",
    ])
    assert findings(ruleset, text, "T006") == [
        ("T006", 1, 13, 16, "坚定地", "坚定的", "warning"),
        ("T006", 2, 9, 14, "一项一项的", "一项一项地", "warning"),
        ("T006", 2, 22, 25, "更好的", "更好地", "warning"),
        ("T006", 3, 3, 8, "扎扎实实的", "扎扎实实地", "warning"),
        ("T006", 3, 13, 16, "更好的", "更好地", "warning"),
        ("T006", 3, 21, 24, "更好的", "更好地", "warning"),
    ]


def test_t006_noun_uses_are_not_flagged(ruleset):
    text = "\n".join([
        "　　为群众提供更好的服务，确保政策得到更好的落实，发挥更好的带动作用。",
        "　　把措施一项一项地抓好，更好地服务群众，坚定地站稳人民立场，清醒地意识到问题所在。",
        "　　一项一项的落实情况要及时报告，形成更好的推动力。",
        "　　为人才创造更好的发挥空间，树立坚定的理想信念，保持良好的精神状态。",
    ])
    assert findings(ruleset, text, "T006") == []


# ---------------------------------------------------------------------------
# T007 usage style
# ---------------------------------------------------------------------------

def test_t007_style_with_locations(ruleset):
    text = "\n".join([
        "　　截止6月底，我单位将意识形态工作纳入到年度考核，其它工作同步推进。",
        "　　现将我中心党支部2024年度上半年意识形态工作情况总结如下：",
        "　　一、上半年年度意识形态工作开展情况",
    ])
    assert findings(ruleset, text, "T007") == [
        ("T007", 1, 3, 5, "截止", "截至", "info"),
        ("T007", 1, 19, 22, "纳入到", "纳入", "info"),
        ("T007", 1, 27, 29, "其它", "其他", "info"),
        ("T007", 2, 15, 20, "年度上半年", "年上半年", "info"),
        ("T007", 3, 5, 10, "上半年年度", "上半年", "info"),
    ]


def test_t007_correct_prose_is_silent(ruleset):
    text = "\n".join([
        "　　截至6月底，把意识形态工作纳入党委重要工作，纳入年度综合目标考核。",
        "　　报名截止日期为7月10日，其他工作同步推进，为全县发展作出新的更大贡献。",
        "　　保障群众生活必需品供应，严格执行竣工期限，上半年年度目标任务完成过半。",
        "　　2024年度工作总结。",
    ])
    assert findings(ruleset, text, "T007") == []


@pytest.mark.parametrize("entry", T007.entries, ids=lambda e: e.wrong)
def test_every_t007_entry_has_examples_that_hold(entry, ruleset):
    assert entry.fail and entry.passes, f"{entry.wrong}: needs fail and pass examples"
    for sentence in entry.fail:
        found = [sentence[f.span.start : f.span.end] for f in run_text(ruleset, sentence, select=["T007"]).findings]
        assert entry.wrong in found, (sentence, found)
    for sentence in entry.passes:
        assert located(run_text(ruleset, sentence, select=["T007"])) == [], sentence


def test_rule_metadata():
    assert (T004.severity, T004.default_enabled) == (T004.severity.WARNING, True)
    assert str(RULESET.rules["T005"].severity) == "warning" and RULESET.rules["T005"].scope == "document"
    assert str(RULESET.rules["T006"].severity) == "warning"
    assert (str(T007.severity), T007.default_enabled) == ("info", True)


# ---------------------------------------------------------------------------
# T005 and T006 pack entries (rules/formulation_variants.toml, rules/de_di.toml)
# ---------------------------------------------------------------------------

T005 = RULESET.rules["T005"]
T006 = RULESET.rules["T006"]


def flagged(ruleset, sentence, rule):
    """(flagged text, start, end, replacement, message) of each finding of ``rule``; the
    offsets are into ``sentence`` (single-paragraph sentences only)."""
    result = run_text(ruleset, sentence, select=[rule])
    out = []
    for f in result.findings:
        assert f.rule == rule
        text = result.document.block(f.paragraph).text
        out.append((text[f.span.start : f.span.end], f.span.start, f.span.end, f.fix.replacement, f.message))
    return out


def flags(ruleset, sentence, rule):
    """(flagged text, replacement, message) of each finding of ``rule``."""
    result = run_text(ruleset, sentence, select=[rule])
    return [(result.document.block(f.paragraph).text[f.span.start : f.span.end], f.fix.replacement, f.message)
            for f in result.findings]


def fires_without(ruleset, sentence, word, rule):
    """Whether removing some occurrence of ``word`` from ``sentence`` makes ``rule`` report:
    the word is what keeps the sentence silent."""
    start = sentence.find(word)
    while start >= 0:
        if run_text(ruleset, sentence[:start] + sentence[start + len(word) :], select=[rule]).findings:
            return True
        start = sentence.find(word, start + 1)
    return False


def test_t005_and_t006_are_rule_kinds_with_pack_data():
    assert type(T005).kind == "formulation-variant" and type(T006).kind == "de-di-usage"
    assert [Path(s).name for s in T005.sources] == ["formulation_variants.toml"]
    assert [Path(s).name for s in T006.sources] == ["de_di.toml"]
    assert (T005.name, T006.name) == ("formulation-variant", "de-di-usage")
    assert str(T005.severity) == str(T006.severity) == "warning"
    assert (T005.scope, T006.scope) == ("document", "paragraph")
    assert {e.role for e in T006.entries} == set(DE_DI_ROLES) == set(_AT) | _GUARDS


@pytest.mark.parametrize("entry", T005.entries, ids=lambda e: e.key)
def test_every_t005_entry_has_examples_that_hold(entry, ruleset):
    assert entry.fail and entry.passes, f"{entry.key}: needs fail and pass examples"
    for sentence in entry.fail:
        got = flags(ruleset, sentence, "T005")
        if isinstance(entry, VariantEntry):
            mine = [g for g in got if g[:2] == (entry.wrong, entry.right)]
        elif isinstance(entry, ShortFormEntry):
            mine = [g for g in got if g[:2] == (entry.short, entry.full)]
        else:
            mine = [g for g in got if g[0] in entry.wrong_verbs and f"与“{entry.label}”搭配不当" in g[2]]
        assert mine, (sentence, got)
    for sentence in entry.passes:
        assert located(run_text(ruleset, sentence, select=["T005"])) == [], sentence


@pytest.mark.parametrize("entry", T005.entries, ids=lambda e: e.key)
def test_every_t005_word_is_exercised(entry, ruleset):
    if isinstance(entry, VariantEntry):
        for word in entry.not_in_paragraph:
            assert any(word in s and fires_without(ruleset, s, word, "T005") for s in entry.passes), word
    elif isinstance(entry, CollocationEntry):
        reported = {g[0] for s in entry.fail for g in flags(ruleset, s, "T005")}
        assert set(entry.wrong_verbs) <= reported, set(entry.wrong_verbs) - reported
        for verb in entry.verbs:
            assert any(verb + "“" + entry.label in s or verb + entry.label in s for s in entry.passes), verb


#: Where a word of each reported role sits, given the sentence and a finding's span.
_AT = {
    "reduplicated-adverb": lambda s, w, a, b: s[a:b] == w + "的",
    "measure-word": lambda s, w, a, b: s[a:b] == f"一{w}一{w}的",
    "verb-with-complement": lambda s, w, a, b: s.startswith(w, b),
    "verb": lambda s, w, a, b: s.startswith(w, b),
    "better-verb": lambda s, w, a, b: s.startswith(w, b),
    "better-frame": lambda s, w, a, b: re.match(w, s[b:]) is not None,
    "adjective": lambda s, w, a, b: s[a:b] == w + "地",
    "adjective-noun": lambda s, w, a, b: s.startswith(w, b),
}
#: Roles whose words keep a sentence silent.
_GUARDS = {"noun-head", "better-noun", "nominal-before"}


@pytest.mark.parametrize("entry", T006.entries, ids=lambda e: e.key)
def test_every_t006_entry_has_examples_that_hold(entry, ruleset):
    assert entry.fail and entry.passes, f"{entry.key}: needs fail and pass examples"
    findings_of = {s: flagged(ruleset, s, "T006") for s in entry.fail}
    for sentence, got in findings_of.items():
        assert got, sentence
    for sentence in entry.passes:
        assert located(run_text(ruleset, sentence, select=["T006"])) == [], sentence
    if entry.role in _GUARDS or entry.not_followed_by:
        guards = entry.not_followed_by or entry.words
        for word in guards:
            assert any(word in s and fires_without(ruleset, s, word, "T006") for s in entry.passes), word
    if entry.role in _AT:
        at = _AT[entry.role]
        for word in entry.words:
            assert any(at(s, word, a, b) for s, got in findings_of.items() for _, a, b, _, _ in got), word
        for after in entry.followed_by:
            assert any(at(s, word + after, a, b) for word in entry.words
                       for s, got in findings_of.items() for _, a, b, _, _ in got), after


def test_t006_frame_and_followed_by_words(ruleset):
    text = "　　更好的为群众服务，更好的服务群众，打造更好的服务环境，更好的发挥作用，创造更好的发挥空间。"
    assert findings(ruleset, text, "T006") == [
        ("T006", 1, 3, 6, "更好的", "更好地", "warning"),
        ("T006", 1, 12, 15, "更好的", "更好地", "warning"),
        ("T006", 1, 30, 33, "更好的", "更好地", "warning"),
    ]


# -- user packs extend T005 and T006 ------------------------------------------------------

def _user_pack(tmp_path, text):
    pack = tmp_path / "mine.toml"
    pack.write_text(text, encoding="utf-8")
    return RuleSet.load([pack], plugins=False)


def test_a_user_pack_adds_a_t005_variant(tmp_path):
    ruleset = _user_pack(tmp_path, """
[pack]
rule = "T005"
kind = "formulation-variant"
data_version = "2026-12-01"

[[entry]]
wrong = "两学一做学习教育常态化"
right = "推进“两学一做”学习教育常态化制度化"
severity = "info"
why = "规范表述为“推进‘两学一做’学习教育常态化制度化”"
fail = ["坚持两学一做学习教育常态化。"]
pass = ["推进“两学一做”学习教育常态化制度化。"]

[[entry]]
label = "四个意识"
verbs = ["增强", "树牢"]
wrong_verbs = ["坚定", "提高"]
fail = ["不断提高“四个意识”。"]
pass = ["增强“四个意识”。"]
""")
    rule = ruleset.rules["T005"]
    assert rule is not T005 and len(rule.sources) == 2 and "2026-12-01" in rule.data_versions
    assert ruleset.data_version() == "2026-12-01"
    text = "　　坚持两学一做学习教育常态化，认真学习贯彻习总书记重要讲话精神，不断提高“四个意识”。"
    got = findings(ruleset, text, "T005")
    assert got == [
        ("T005", 1, 5, 16, "两学一做学习教育常态化", "推进“两学一做”学习教育常态化制度化", "info"),
        ("T005", 1, 23, 27, "习总书记", "习近平总书记", "warning"),
        ("T005", 1, 36, 38, "提高", "增强", "info"),
    ]
    messages = [f.message for f in run_text(ruleset, text, select=["T005"]).findings]
    assert messages[0] == "“两学一做学习教育常态化”应为“推进“两学一做”学习教育常态化制度化”：规范表述为“推进‘两学一做’学习教育常态化制度化”。"
    assert messages[2] == "“提高”与“四个意识”搭配不当，规范搭配为“增强‘四个意识’”“树牢‘四个意识’”。"
    # the built-in rule is untouched
    assert findings(RULESET, text, "T005") == [("T005", 1, 23, 27, "习总书记", "习近平总书记", "warning")]
    for entry in rule.entries:
        for sentence in entry.fail:
            assert run_text(ruleset, sentence, select=["T005"]).findings, sentence
        for sentence in entry.passes:
            assert not run_text(ruleset, sentence, select=["T005"]).findings, sentence


def test_a_user_pack_adds_t006_words(tmp_path):
    ruleset = _user_pack(tmp_path, """
[pack]
rule = "T006"
kind = "de-di-usage"

[[entry]]
role = "verb"
words = ["压实"]
fail = ["把责任一项一项的压实。"]
pass = ["把责任一项一项地压实。"]
""")
    assert findings(ruleset, "把责任一项一项的压实。", "T006") == [
        ("T006", 1, 4, 9, "一项一项的", "一项一项地", "warning"),
    ]
    assert findings(RULESET, "把责任一项一项的压实。", "T006") == []


@pytest.mark.parametrize("entry, message", [
    ({"wrong": "甲", "right": "乙"}, "needs 'why' or 'message'"),
    ({"wrong": "甲", "short": "乙", "why": "x"}, "exactly one of"),
    ({"wrong": "甲", "right": "乙", "why": "x", "guard": "x"}, "unknown key"),
    ({"wrong": "甲", "right": "乙", "why": "x", "not_before": "("}, "not a valid regular expression"),
    ({"wrong": "甲", "right": "乙", "why": "x", "severity": "fatal"}, "unknown severity"),
    ({"short": "思想", "full": "理论", "name": "x"}, "must end with 'short'"),
    ({"label": "四个意识", "verbs": ["增强"], "wrong_verbs": ["增强"]}, "both in"),
    ({"label": "四个意识", "verbs": [], "wrong_verbs": ["坚定"]}, "'verbs' must be a non-empty list"),
])
def test_t005_entry_errors(entry, message):
    with pytest.raises(ValueError, match=message):
        FormulationVariantRule({"rule": "T905"}, "t.toml").add_entry(entry, "t.toml: entry 1")


@pytest.mark.parametrize("entry, message", [
    ({"role": "verbs", "words": ["压实"]}, "'role' must be one of"),
    ({"role": "verb", "words": []}, "'words' must be a non-empty list"),
    ({"role": "verb", "words": ["压实"], "followed_by": ["责任"]}, "for role better-verb only"),
    ({"role": "better-verb", "words": ["x"], "followed_by": ["a"], "not_followed_by": ["b"]}, "cannot be combined"),
    ({"role": "better-frame", "words": ["为("]}, "not a valid regular expression"),
])
def test_t006_entry_errors(entry, message):
    with pytest.raises(ValueError, match=message):
        DeDiRule({"rule": "T906"}, "t.toml").add_entry(entry, "t.toml: entry 1")


def test_a_broken_user_pack_names_its_file(tmp_path):
    with pytest.raises(RulePackError, match=r"mine\.toml:\d+: entry 1: 'role' must be one of"):
        _user_pack(tmp_path, '[pack]\nrule = "T006"\nkind = "de-di-usage"\n\n[[entry]]\nrole = "x"\nwords = ["a"]\n')
