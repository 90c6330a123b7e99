"""The outline: block classification and the Lark tree's nesting, on small fixtures."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarylint.model import Block, Document
from summarylint.structure import chinese_ordinal, classify, parse


def doc(*lines: str, labels: dict[int, str] | None = None, styles: dict[int, tuple[str, int | None]] | None = None):
    labels = labels or {}
    styles = styles or {}
    blocks = []
    for i, text in enumerate(lines, 1):
        style, level = styles.get(i, (None, None))
        blocks.append(Block(i, text, label=labels.get(i), style=style, style_level=level))
    return Document("t.txt", "text", tuple(blocks))


def ranges(outline):
    """(level, start, end, marker) of every section, depth first."""
    return [
        [(s.level, s.start, s.end, s.heading.marker) for s in summary.walk()]
        for summary in outline.summaries
    ]


SUMMARY = (
    "青川县交通运输局2025年上半年意识形态工作总结",  # 1 title
    "　　2025年上半年，我局坚持……现将有关情况总结如下：",  # 2
    "　　一、主要做法及成效",  # 3
    "　　（一）强化理论武装",  # 4
    "　　一是组织中心组学习12次。",  # 5
    "　　1.完善学习制度",  # 6
    "　　（1）建立台账",  # 7
    "　　台账每月更新。",  # 8
    "　　（二）加强阵地管理",  # 9
    "　　二、存在的问题",  # 10
    "　　一是学习不够深入。",  # 11
    "　　三、下一步工作打算",  # 12
    "　　一是完善制度。",  # 13
)


def test_tokens_of_a_typical_summary():
    tokens, headings, leads = classify(doc(*SUMMARY))
    assert tokens == "Tb12b34b21b1b"
    assert headings[4].marker == "（一）" and headings[4].ordinal == 1 and headings[4].title == "强化理论武装"
    assert (headings[6].marker_start, headings[6].marker_end) == (2, 4)
    assert leads[3] == 2


def test_sections_nest_in_the_lark_tree():
    outline = parse(doc(*SUMMARY))
    assert len(outline.summaries) == 1
    s = outline.summaries[0]
    assert (s.start, s.end, s.title, s.title_blocks) == (1, 13, SUMMARY[0], (1,))
    assert ranges(outline) == [[
        (1, 3, 9, "一、"), (2, 4, 8, "（一）"), (3, 6, 8, "1."), (4, 7, 8, "（1）"), (2, 9, 9, "（二）"),
        (1, 10, 11, "二、"), (1, 12, 13, "三、"),
    ]]
    assert [h.marker for h in outline.heading_path(8)] == ["一、", "（一）", "1.", "（1）"]
    assert outline.heading_path(2) == ()


def test_skipped_level_nests_under_the_nearest_shallower_heading():
    outline = parse(doc("一、主要做法", "1.学习", "正文", "（一）阵地", "2.宣传", "二、问题"))
    assert ranges(outline) == [[
        (1, 1, 5, "一、"), (3, 2, 3, "1."), (2, 4, 5, "（一）"), (3, 5, 5, "2."), (1, 6, 6, "二、"),
    ]]


def test_heading_variants_half_width_brackets_stray_marks_and_spaces():
    lines = ("　>　一、总体情况", "　　(一)注重思想引领", "1、强化组织领导", "( 2 )细化责任", "> 二 、主要问题")
    tokens, headings, _ = classify(doc(*lines))
    assert tokens == "12341"
    assert headings[1].marker == "一、" and headings[1].marker_start == 3
    assert headings[2].marker == "(一)"
    assert headings[3].marker == "1、"
    assert headings[4].ordinal == 2
    assert headings[5].marker == "二 、" and headings[5].ordinal == 2


def test_not_headings():
    lines = ("一是加强理论武装。", "1.5万元用于阵地建设。", "2024年以来，我局……", "十分重视意识形态工作。",
             "1,000余名干部参加培训。", "12，500元用于宣传。")
    tokens, headings, _ = classify(doc(*lines))
    assert tokens == "bbbbbb" and headings == {}


def test_automatic_numbering_label_and_heading_style():
    d = doc("主要做法", "强化理论武装", "正文", "存在问题", labels={1: "一、", 2: "（一）"},
            styles={4: ("Heading 1", 1)})
    tokens, headings, _ = classify(d)
    assert tokens == "12b1"
    assert headings[1].auto and headings[1].marker == "一、" and headings[1].title == "主要做法"
    assert headings[4].marker == "" and headings[4].level == 1


def test_several_summaries_and_a_subtitle():
    lines = (
        "第一篇正文，没有标题行。",  # 1
        "一、总体情况",  # 2
        "",  # 3
        "某局2024年上半年意识形态工作总结",  # 4
        "",  # 5
        "——在全市宣传工作会议上的汇报",  # 6
        "一、主要做法",  # 7
        "某中心2024年上半年党建工作总结",  # 8
        "正文。",  # 9
    )
    outline = parse(doc(*lines))
    spans = [(s.index, s.start, s.end, s.title_blocks) for s in outline.summaries]
    assert spans == [(1, 1, 3, ()), (2, 4, 7, (4, 6)), (3, 8, 9, (8,))]
    assert outline.summaries[1].title == "某局2024年上半年意识形态工作总结 ——在全市宣传工作会议上的汇报"


def test_blank_lines_before_the_first_title_belong_to_it():
    outline = parse(doc("", "", "某局2024年工作总结", "正文。"))
    assert [(s.start, s.end) for s in outline.summaries] == [(1, 4)]


def test_no_headings_and_empty_input():
    assert ranges(parse(doc("只有一段正文。"))) == [[]]
    empty = parse(Document("e.txt", "text", ()))
    assert len(empty.summaries) == 1


def test_chinese_ordinals():
    assert [chinese_ordinal(x) for x in ("一", "九", "十", "十一", "二十", "二十三", "十十", "")] == [
        1, 9, 10, 11, 20, 23, None, None,
    ]


LINES = st.sampled_from([
    "某局2025年上半年工作总结", "——副标题", "", "　　一、主要做法", "（二）阵地建设", "3.制度", "（4）台账",
    "　　正文，组织学习12次。", "> 二、问题", "1、强化", "(三)宣传", "一是加强。",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=40), st.data())
def test_any_sequence_parses_and_every_paragraph_is_in_exactly_one_document(lines, data):
    labels = {}
    for i in range(1, len(lines) + 1):
        if data.draw(st.booleans()) and data.draw(st.booleans()):
            labels[i] = data.draw(st.sampled_from(["一、", "（一）", "1.", "(1)", "•", ""]))
    outline = parse(doc(*lines, labels=labels))
    covered = [b for s in outline.summaries for b in s.block_range()]
    assert covered == list(range(1, len(lines) + 1)) or (not lines and len(outline.summaries) == 1)
    for summary in outline.summaries:
        for section in summary.walk():
            assert summary.start <= section.start <= section.end <= summary.end
            for child in section.children:
                assert section.start < child.start <= child.end <= section.end
                assert child.level > section.level


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses(text):
    outline = parse(doc(*text.split("\n")))
    assert outline.summaries
