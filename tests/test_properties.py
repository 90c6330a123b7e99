"""Properties of the whole pipeline with every rule on, over generated documents.

Any input parses; every finding's span lies inside its paragraph; a fix never changes text
outside its span; applying the safe fixes and checking again does not report the same
defect at the same place.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarylint.config import Config
from summarylint.engine import check_document
from summarylint.model import Block, Document
from summarylint.write import apply_to_text, choose_fixes

FRAGMENTS = [
    "某局2025年上半年意识形态工作总结", "一、", "（一）", "(二)", "1、", "1.", "（1）", "一是", "二是", "三是",
    "意识形态", "意认形态", "领城", "與论", "贯落实", "学习贯彻党的二十大精神", "以十九大精神为指导",
    "《习近平谈治国理政》第一卷、第二卷", "组织学习12次", "XX次", "24年", "１６次", "，", "。", "；", ";", ",",
    "、", "“", "”", "《", "》", "(", ")", "...", "——", "—", " ", "　　", ">", "存在的问题", "下一步工作打算",
    "2024年1-6月", "守土有责、守土尽责、守土负责", "更好的带动", "纳入到", "我局", "我中心", "學習", "脱贫攻坚",
]
PARAGRAPH = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=12).map("".join)
LABEL = st.one_of(st.none(), st.sampled_from(["一、", "（一）", "1.", "1、", "(1)", "•", ""]))


@st.composite
def documents(draw):
    paragraphs = draw(st.lists(st.tuples(PARAGRAPH, LABEL), min_size=1, max_size=10))
    blocks = tuple(Block(i, text, label=label) for i, (text, label) in enumerate(paragraphs, 1))
    return Document("p.docx", "docx", blocks)


CONFIG = Config(select=("ALL",), period="2025H1")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_spans_stay_inside_paragraphs_and_fixes_stay_inside_spans(ruleset, document):
    result = check_document(document, CONFIG, ruleset)
    assert result.error is None, result.error
    for f in result.findings:
        block = document.block(f.paragraph)
        assert 0 <= f.span.start <= f.span.end <= len(block.text), f
        if f.span.in_label:
            assert block.label is not None
        if f.section_level:
            assert f.span.start == f.span.end == 0
        assert f.document in {s.index for s in result.outline.summaries}
    for block in document.blocks:
        fixes = [f for f in choose_fixes(result.findings, unsafe=True) if f.paragraph == block.index]
        fixed = apply_to_text(block.text, fixes)
        position = 0
        for f in fixes:
            assert block.text[position : f.span.start] in fixed
            position = f.span.end
        assert fixed.endswith(block.text[position:])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_safe_fixes_do_not_come_back(ruleset, document):
    result = check_document(document, CONFIG, ruleset)
    fixes = choose_fixes(result.findings)
    if not fixes:
        return
    blocks = []
    for block in document.blocks:
        mine = [f for f in fixes if f.paragraph == block.index]
        blocks.append(Block(block.index, apply_to_text(block.text, mine), label=block.label))
    again = check_document(Document("p.docx", "docx", tuple(blocks)), CONFIG, ruleset)
    for f in fixes:
        new_text = blocks[f.paragraph - 1].text
        shift = sum(len(g.fix.replacement) - (g.span.end - g.span.start)
                    for g in fixes if g.paragraph == f.paragraph and g.span.start < f.span.start)
        start = f.span.start + shift
        end = start + len(f.fix.replacement)
        back = [(g.rule, new_text[g.span.start : g.span.end]) for g in again.findings
                if g.rule == f.rule and g.paragraph == f.paragraph and not g.section_level
                and g.span.start < max(end, start + 1) and start < max(g.span.end, g.span.start + 1)]
        assert back == [], (f.rule, document.block(f.paragraph).text, new_text)
