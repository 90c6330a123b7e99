"""T003: traditional characters in simplified text (data/t2s_chars.tsv)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarylint.checks.traditional import EXTRA_TRADITIONAL, NOT_TRADITIONAL, load_t2s
from tests.conftest import located, run_text


def _gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def test_traditional_characters_with_locations_and_fixes(ruleset):
    text = "\n".join([
        "　　中心党支部通过网站积极宣传正确的舆论导向，把學習贯彻党的二十大精神作为首要政治任务。",
        "　　组织黨员干部观看警示教育片，做到警钟长鸣；今後将进一步加强作风建设。",
        "　　坚持百鍊成钢，在急难险重任务中锤炼党性。",
    ])
    result = run_text(ruleset, text, select=["T003"])
    assert located(result) == [
        ("T003", 1, 25, 27, "學習"),
        ("T003", 2, 5, 6, "黨"),
        ("T003", 2, 25, 26, "後"),
        ("T003", 3, 6, 7, "鍊"),
    ]
    assert [(f.fix.replacement, f.fix.safe) for f in result.findings] == [
        ("学习", True), ("党", True), ("后", True), ("炼", False),  # 鍊 → 炼 or 链: by the word
    ]
    assert result.findings[1].message == "“黨”是繁体字，简体文稿应写作“党”。"
    assert result.findings[1].suggestion == "改为“党”"
    assert result.findings[3].message == "“鍊”是繁体字，简体文稿应使用规范简化字（“鍊”按词义写作“炼”或“链”）。"
    assert {str(f.severity) for f in result.findings} == {"warning"}


def test_phrases_of_t001_come_first(ruleset):
    """與论 is T001's (→ 舆论); character by character it would become the wrong 与论."""
    text = "　　中心党支部通过网站积极宣传正确的與论导向，加强與情监测，黨建工作扎实推进。"
    found = located(run_text(ruleset, text, select=["T001", "T003"]))
    assert found == [
        ("T001", 1, 19, 21, "與论"),
        ("T001", 1, 26, 28, "與情"),
        ("T003", 1, 31, 32, "黨"),
    ]
    # With T001 switched off the phrase is still not converted to 与论.
    assert located(run_text(ruleset, text, select=["T003"])) == [("T003", 1, 31, 32, "黨")]


def test_characters_valid_in_simplified_text_are_not_flagged(ruleset):
    text = "\n".join([
        "　　组织党员学习马克思主义经典著作，理论武装成效显著。",
        "　　扭转乾坤靠实干；於某同志获评优秀共产党员。",
        "　　边境瞭望哨所全面加固，慰藉烈士家属，凭藉群众力量。",
        "　　尊重少数民族群众信仰的神祇；陈昇、王陞同志调任。",
    ])
    assert located(run_text(ruleset, text, select=["T003"])) == []


def test_a_quoted_traditional_passage_gets_one_advice(ruleset):
    text = "\n".join([
        "　　上半年，我局认真贯彻落实各项部署。",
        "　　会议指出：「中國共產黨第二十次全國代表大會是在全黨全國各族人民邁上新征程的關鍵時刻召開的」，意义重大。",
        "　　下一步，我们将继续努力。",
    ])
    result = run_text(ruleset, text, select=["T003"])
    assert len(result.findings) == 1
    finding = result.findings[0]
    assert (finding.paragraph, str(finding.severity), finding.fix) == (2, "info", None)
    assert finding.message.startswith("本段以繁体字为主（46 个汉字中 12 个为繁体）")


def test_a_traditional_document_gets_one_section_level_advice(ruleset):
    text = "\n".join([
        "　　中國共產黨第二十次全國代表大會是在全黨全國各族人民邁上新征程的關鍵時刻召開的。",
        "　　這是一次高舉旗幟、凝聚力量、團結奮進的大會。",
    ])
    result = run_text(ruleset, text, select=["T003"])
    assert [(f.paragraph, f.section_level, str(f.severity)) for f in result.findings] == [(1, True, "info")]


def test_japanese_text_is_not_traditional_chinese(ruleset):
    text = "\n".join([
        "全国農業高等学校長協会",
        "農業クラブ一人一人がクラブ員としての自覚をもち、一層自主的な活動に結び付くよう、機関誌を時代にマッチしたものにする",
        "日連の常任理事会で報告されるのは、巻頭言に当たるゲストの寄稿が中心である。",
    ])
    assert located(run_text(ruleset, text, select=["T003"])) == []


def test_table_holds_only_characters_invalid_in_simplified_text():
    table = load_t2s()
    assert len(table) > 4000
    for trad, forms in table.items():
        assert len(trad) == 1 and forms and trad not in forms
        assert not _gb2312(trad) or trad in EXTRA_TRADITIONAL, trad
        # several forms: the GB 2312 ones; a rare character may have one rare simplified form
        assert len(forms) == 1 or all(_gb2312(f) for f in forms), (trad, forms)
    assert not NOT_TRADITIONAL & set(table)
    assert {"與", "黨", "學", "後", "國"} <= set(table)
    assert table["與"] == ("与",) and table["黨"] == ("党",)


_SIMPLIFIED = "中心党支部深入学习贯彻二十大精神，扎实推进各项工作。著作乾坤"
_TRADITIONAL = "與黨學習國會後鍊議員"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=_SIMPLIFIED + _TRADITIONAL + "论情", min_size=1, max_size=40),
                min_size=1, max_size=4))
def test_random_text_spans_stay_inside_paragraphs(ruleset, paragraphs):
    text = "\n".join(paragraphs)
    if not text.strip():
        return
    result = run_text(ruleset, text, select=["T003"])
    table = load_t2s()
    for finding in result.findings:
        block = result.document.block(finding.paragraph)
        if finding.section_level:
            continue
        assert 0 <= finding.span.start < finding.span.end <= len(block.text)
        flagged = block.text[finding.span.start : finding.span.end]
        if finding.fix is not None:
            assert all(c in table for c in flagged)
            assert len(finding.fix.replacement) == len(flagged)
