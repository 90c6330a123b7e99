"""T002: canonical terms written with one error (rules/canonical_terms.toml)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarylint.checks.nearmiss import (
    DOUBLED,
    DROPPED,
    SHAPE,
    SOUND,
    SWAPPED,
    NearMissRule,
    load_filter,
    load_similar,
    load_words,
    one_error,
    variants,
)
from summarylint.engine import RulePackError, RuleSet
from tests.conftest import located, run_text

RULESET = RuleSet.load(plugins=False)
T002: NearMissRule = RULESET.rules["T002"]


def test_near_misses_with_exact_locations_types_and_fixes(ruleset):
    text = "\n".join([
        "　　局党组坚持以习近平新时代中国特色社会主意思想为指导，牢牢把握意识识形态工作领导权。",
        "　　严格落实“三会一棵”制度，坚决做到“两个维户”，切实履行全面从严冶党主体责任。",
        "　　扎实开展党史学习教肓，引导党员干部踔厉奋发、勇毅前形，推动意形识态工作责任制落地见效。",
        "　　中心党支部严格执行民主集中制，按时召开组织生活会，认真开展批评与自我批平。",
    ])
    result = run_text(ruleset, text, select=["T002"])
    assert located(result) == [
        ("T002", 1, 9, 25, "习近平新时代中国特色社会主意思想"),
        ("T002", 1, 33, 38, "意识识形态"),
        ("T002", 2, 8, 12, "三会一棵"),
        ("T002", 2, 21, 25, "两个维户"),
        ("T002", 2, 31, 37, "全面从严冶党"),
        ("T002", 3, 7, 13, "党史学习教肓"),
        ("T002", 3, 25, 29, "勇毅前形"),
        ("T002", 3, 32, 41, "意形识态工作责任制"),
        ("T002", 4, 32, 39, "批评与自我批平"),
    ]
    fixes = [(f.fix.replacement, f.fix.safe) for f in result.findings]
    assert fixes == [
        ("习近平新时代中国特色社会主义思想", False), ("意识形态", False), ("三会一课", False),
        ("两个维护", False), ("全面从严治党", False), ("党史学习教育", False), ("勇毅前行", False),
        ("意识形态工作责任制", False), ("批评与自我批评", False),
    ]
    messages = [f.message for f in result.findings]
    assert messages[0] == "“习近平新时代中国特色社会主意思想”疑为“习近平新时代中国特色社会主义思想”之误（同音字）。"
    assert messages[1] == "“意识识形态”疑为“意识形态”之误（多字）。"
    assert messages[4] == "“全面从严冶党”疑为“全面从严治党”之误（形近字）。"
    assert messages[7] == "“意形识态工作责任制”疑为“意识形态工作责任制”之误（字序颠倒）。"
    assert result.findings[0].suggestion == "改为“习近平新时代中国特色社会主义思想”"
    assert all(str(f.severity) == "warning" for f in result.findings)


def test_a_missing_first_or_last_character_next_to_another_character_has_no_fix(ruleset):
    text = "\n".join([
        "　　文史研究馆领导班予中应当配备熟悉业务的同志。",  # 子 written 予, or 子 dropped
        "　　坚决做到“两个维”，切实增强“四个意”。",  # at punctuation: only a drop is possible
    ])
    result = run_text(ruleset, text, select=["T002"])
    assert located(result) == [
        ("T002", 1, 8, 12, "领导班予"),
        ("T002", 2, 8, 11, "两个维"),
        ("T002", 2, 18, 21, "四个意"),
    ]
    first, second, _ = result.findings
    assert first.message == "“领导班予”疑为“领导班子”之误（漏“子”字，或“予”为“子”之误）。"
    assert first.fix is None and first.suggestion == "核对后改为“领导班子”"
    assert second.message == "“两个维”疑为“两个维护”之误（漏字）。"
    assert (second.fix.replacement, second.fix.safe) == ("两个维护", False)


def test_dropped_character_message():
    matches = T002.matches("坚持和完善民主中制，扎实推进主题教育。")
    assert [(m.start, m.end, m.text, m.term, m.kind) for m in matches] == [(5, 9, "民主中制", "民主集中制", DROPPED)]


@pytest.mark.parametrize("text", [
    "　　我局一贯落实中央决策部署，鼓励培育创意形态多样的文化产品，生意形态日趋多元。",
    "　　各族群众的安全意识形成了良好氛围，有关部门贯彻实施《条例》，形成协调发展格局。",
    "　　全面从严治军是军队建设的根本要求；马克思主义中国化时代化不断推进。",
    "　　坚持以人民为中心的发展思想，把握新发展阶段，贯彻新发展理念，构建新发展格局。",
    "　　施工中应注意形态变化；知识形态的产品日益丰富；两个大姐带头参加志愿服务。",
    "　　完善“三重一大”决策制度，落实意识形态工作责任制和党风廉政建设主体责任。",
    "　　建立健全学校主体教育体系，凌驾于人民之上的特权思想必须破除。",
    "　　全体党员深入学习贯彻习近平新时代中国特色社会主义思想，意识形态态势总体向好。",
])
def test_correct_prose_is_not_flagged(ruleset, text):
    assert located(run_text(ruleset, text, select=["T002"])) == []


def test_t001_strings_are_left_to_t001(ruleset):
    text = "\n".join([
        "　　全面落实意认形态工作责任制，推动意识型态工作责任制落地。",
        "　　我中心党支部高度重视意形态工作，坚持贯切落实、一岗两责。",
    ])
    found = located(run_text(ruleset, text, select=["T001", "T002"]))
    assert [f for f in found if f[0] == "T002"] == []
    assert ("T001", 1, 7, 11, "意认形态") in found
    assert ("T001", 2, 13, 16, "意形态") in found
    assert ("T001", 2, 21, 23, "贯切") in found


def test_each_error_type_is_recognised():
    cases = {
        "意识形": None,  # prefix of the term: reported only where it is not the term
        "意形态": DROPPED,
        "意识形态态": DOUBLED,
        "意形识态": SWAPPED,
        "意识形太": SOUND,
        "意认形态": SOUND if "认" in load_similar()["识"][0] else SHAPE,
        "意识形态": "",
        "意识开态": SHAPE,
        "意识形状": None,  # 状 is neither same-sound nor similar-shape for 态
        "意思形象": None,  # two errors
    }
    for window, expected in cases.items():
        if expected is None and window == "意识形":
            assert one_error(window, "意识形态", load_similar()) == DROPPED
            continue
        assert one_error(window, "意识形态", load_similar()) == expected, window


def test_runtime_check_agrees_with_the_generator_on_every_variant():
    similar = load_similar()
    for term in T002.terms:
        for variant, kind in variants(term, similar):
            assert one_error(variant, term, similar) == kind, (term, variant, kind)


def test_every_reportable_variant_is_found_between_punctuation():
    """The anchors miss nothing: each variant not blocked by the filter and not T001's."""
    from summarylint.checks.nearmiss import _t001_wrongs

    blocked, owned = load_filter().blocked, _t001_wrongs()
    missed = []
    for variant, (term, kind) in T002.all_variants().items():
        if variant in blocked or owned.search(variant):
            continue
        found = [(m.text, m.term, m.kind) for m in T002.matches(f"，{variant}，")]
        if found != [(variant, term, kind)]:
            missed.append((variant, term, kind, found))
    assert missed == []


def test_tables_are_built_for_the_current_term_list():
    assert not T002.stale(), "rules/canonical_terms.toml changed: run python scripts/build_char_tables.py"
    similar = load_similar()
    assert set("".join(T002.terms)) <= set(similar)


def test_filter_blocks_words_and_flags_boundary_variants():
    flt = load_filter()
    assert "主体教育" in flt.blocked  # 主体|教育: correct text of its own
    assert "发展格局" in flt.blocked  # 新发展格局 without 新
    assert "贯彻实" in flt.blocked  # part of the word 贯彻实施
    assert "意形态" in flt.left  # 创意|形态
    assert "两个维" in flt.right  # 两个|维持
    assert {"创意", "维持"} <= load_words()
    assert T002.matches("重点工作有两个维持不变") == []
    assert [m.text for m in T002.matches("坚决做到两个维，")] == ["两个维"]


def test_terms_are_validated():
    header = {"rule": "T002", "kind": "nearmiss", "name": "near-miss-term"}
    rule = NearMissRule(header, "t.toml")
    with pytest.raises(ValueError, match="at least 4"):
        rule.add_entry({"terms": ["主题"]}, "t.toml: entry 1")
    with pytest.raises(ValueError, match="unknown key"):
        rule.add_entry({"term": "主题教育", "wrong": "x"}, "t.toml: entry 2")
    with pytest.raises(ValueError, match="single 'term'"):
        rule.add_entry({"terms": ["主题教育"], "exclude": ["x"]}, "t.toml: entry 3")


def test_bad_pack_is_reported_with_its_file(tmp_path):
    pack = tmp_path / "extra.toml"
    pack.write_text('[pack]\nrule = "T002"\nkind = "nearmiss"\n[[entry]]\nterms = ["党建"]\n', encoding="utf-8")
    with pytest.raises(RulePackError, match=r"extra\.toml"):
        RuleSet.load([pack], plugins=False)


def test_exclude_and_skip_options():
    assert T002.terms["贯彻落实"][0] == ("一贯落实", "连贯落实")
    header = {"rule": "T002", "kind": "nearmiss", "name": "near-miss-term"}
    rule = NearMissRule(header, "t.toml")
    rule.add_entry({"term": "两个维护", "exclude": ["两个维户口"], "skip": ["两个维沪"]}, "t.toml: entry 1")
    assert [m.text for m in rule.matches("坚决做到两个维户，")] == ["两个维户"]
    assert rule.matches("办理两个维户口登记") == []  # inside an exclude context
    assert rule.matches("坚决做到两个维沪，") == []  # a skipped variant (and not 两个维 + 沪)


_CHARS = "意识形态工作责任制全面从严治党主体教育的和一贯落实中央八项规定精神习近平新时代两个维护户，。、“”\u3000 ab12"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=_CHARS, max_size=40), min_size=1, max_size=4))
def test_random_text_spans_stay_inside_paragraphs(ruleset, paragraphs):
    text = "\n".join(p.replace("\n", "") for p in paragraphs)
    if not text.strip():
        return
    result = run_text(ruleset, text, select=["T002"])
    similar = load_similar()
    for finding in result.findings:
        block = result.document.block(finding.paragraph)
        assert 0 <= finding.span.start < finding.span.end <= len(block.text)
        flagged = block.text[finding.span.start : finding.span.end]
        if finding.fix is None:  # 领导班予: the term's end missing or miswritten
            term = finding.message.split("”疑为“")[1].split("”")[0]
            assert one_error(flagged[1:], term, similar) == DROPPED or one_error(flagged[:-1], term, similar) == DROPPED
            continue
        term = finding.fix.replacement
        assert term in T002.terms and finding.fix.safe is False
        assert one_error(flagged, term, similar)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(T002.terms)), st.data())
def test_an_embedded_variant_is_reported_on_its_span_or_not_at_all(term, data):
    options = [v for v, _ in variants(term, load_similar())]
    variant = data.draw(st.sampled_from(options))
    text = f"　　上半年，机关各党支部围绕{variant}组织专题学习12次。"
    start = text.index(variant)
    for m in T002.matches(text):
        assert m.start < start + len(variant) and start < m.end  # nothing reported elsewhere
        if m.unsure:  # a first/last character dropped, next to another Chinese character
            assert one_error(m.text[1:], m.term, load_similar()) == DROPPED or \
                one_error(m.text[:-1], m.term, load_similar()) == DROPPED
        elif (m.start, m.end) != (start, start + len(variant)):
            # the carrier's next character made a longer variant (基层党织 + 组织 → 基层党织组)
            assert one_error(m.text, m.term, load_similar()), m
        else:
            assert m.text == variant and (m.term == term or one_error(variant, m.term, load_similar()))


def test_a_user_pack_extending_t001_takes_the_near_miss_over(tmp_path):
    from summarylint.engine import RuleSet
    from tests.conftest import run_text

    pack = tmp_path / "ours.toml"
    pack.write_text(
        '[pack]\nrule = "T001"\nkind = "terms"\n[[entry]]\nwrong = "从严冶党"\nright = "从严治党"\nsafe = true\n'
        'fail = ["全面从严冶党"]\npass = ["全面从严治党"]\n',
        encoding="utf-8",
    )
    text = "　　坚持全面从严冶党。"
    assert [f.rule for f in run_text(RuleSet.load([pack], plugins=False), text, select=["T"]).findings] == ["T001"]
    assert [f.rule for f in run_text(RuleSet.load(plugins=False), text, select=["T"]).findings] == ["T002"]
