"""The .docx reader: text, order, containers, styles, protected ranges, numbering labels,
bad input.  Fixtures are built in memory (see ``docx_builders``)."""

from __future__ import annotations

import hashlib
import re
import struct
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarylint.model import Document
from summarylint.readers import InputError, read_bytes, read_path
from summarylint.readers.docx import read_docx
from summarylint.readers.numbering import format_number
from tests.readers.docx_builders import (
    MACRO_MAIN,
    STRICT_W_NS,
    abstract_num,
    core_xml,
    document_xml,
    field,
    lvl,
    num,
    numbering_xml,
    p,
    package,
    python_docx_package,
    r,
    replace_parts,
    style,
    styles_xml,
    tbl,
    tc,
    textbox_run,
    tr,
    write,
    zip_bytes,
)

MB = 1024 * 1024


def read(data: bytes, *, max_unpacked: int = 64 * MB) -> Document:
    return read_docx(data, "t.docx", max_unpacked=max_unpacked)


def texts(document: Document) -> list[str]:
    return [b.text for b in document.blocks]


def labels(document: Document) -> list[str | None]:
    return [b.label for b in document.blocks]


def refused(data: bytes, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read(data, **kwargs)
    message = str(info.value)
    assert message and "\n" not in message
    return message


# ============================================================================ text


def test_paragraphs_in_order_with_empty_ones_and_sources():
    document = read(package(p("第一段") + "<w:p/>" + p("第", "二", "段") + p()))
    assert document.format == "docx"
    assert document.path == "t.docx"
    assert texts(document) == ["第一段", "", "第二段", ""]
    assert [b.index for b in document.blocks] == [1, 2, 3, 4]
    assert all(b.container == "body" for b in document.blocks)
    assert all(b.source.tag.endswith("}p") for b in document.blocks)
    assert document.block(3).source.getparent().tag.endswith("}body")


def test_tab_breaks_and_special_characters():
    body = p(
        r("a", "<w:tab/>"),
        r("b", "<w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t>"),
        r("", '<w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>f</w:t>'),
        r("", '<w:br w:type="page"/><w:t>g</w:t><w:footnoteReference w:id="1"/>'),
    )
    assert texts(read(package(body))) == ["a\tb\nc\nd-ef\ng"]


def test_entity_free_special_text_is_kept_verbatim():
    body = p(r("  全角　空格 & <尖括号> ‘引号’  "))
    assert texts(read(package(body))) == ["  全角　空格 & <尖括号> ‘引号’  "]


def test_table_cells_once_nested_tables_and_order():
    nested = tbl(tr(tc(p("内1")), tc(p("内2"))))
    body = (
        p("表前")
        + tbl(
            tr(tc(p("A1"), props='<w:gridSpan w:val="2"/>'), tc(p("C1"), props='<w:vMerge w:val="restart"/>')),
            tr(tc(p("A2")), tc(p("B2"), nested), tc(p("被合并"), props="<w:vMerge/>")),
            tr(tc(p("A3")), tc(p("B3")), tc(p("也被合并"), props='<w:vMerge w:val="continue"/>')),
        )
        + p("表后")
    )
    document = read(package(body))
    assert texts(document) == ["表前", "A1", "C1", "A2", "B2", "内1", "内2", "A3", "B3", "表后"]
    assert [b.container for b in document.blocks] == ["body"] + ["table"] * 8 + ["body"]


def test_python_docx_merged_cells_are_read_once():
    def build(document):
        table = document.add_table(rows=3, cols=3)
        for row_index, row in enumerate(table.rows):
            for col_index, cell in enumerate(row.cells):
                cell.text = f"{row_index}{col_index}"
        merged = table.cell(0, 0).merge(table.cell(1, 1))
        merged.text = "合并"
        document.add_paragraph("后文")

    document = read(python_docx_package(build))
    assert texts(document) == ["合并", "02", "12", "20", "21", "22", "后文"]


def test_deleted_table_row_and_content_controls_around_rows_and_cells():
    body = tbl(
        tr(tc(p("保留"))),
        '<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>' + tc(p("删除的行")) + "</w:tr>",
        "<w:sdt><w:sdtContent>" + tr(tc(p("控件行"))) + "</w:sdtContent></w:sdt>",
        "<w:tr><w:sdt><w:sdtContent>" + tc(p("控件格")) + "</w:sdtContent></w:sdt></w:tr>",
    )
    assert texts(read(package(body))) == ["保留", "控件行", "控件格"]


def test_text_box_after_its_anchor_once():
    body = p("锚段", textbox_run(p("框内一"), p("框内二"))) + p("下一段")
    document = read(package(body))
    assert texts(document) == ["锚段", "框内一", "框内二", "下一段"]
    assert [b.container for b in document.blocks] == ["body", "textbox", "textbox", "body"]
    assert [b.index for b in document.blocks] == [1, 2, 3, 4]


def test_vml_only_text_box_and_text_box_in_table():
    vml = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("VML框")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    body = p("甲", vml) + tbl(tr(tc(p("格", textbox_run(p("格内框"))))))
    document = read(package(body))
    assert texts(document) == ["甲", "VML框", "格", "格内框"]
    assert [b.container for b in document.blocks] == ["body", "textbox", "table", "textbox"]


def test_content_controls_block_and_run_level():
    body = (
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p("块级控件")
        + "</w:sdtContent></w:sdt>"
        + p("前", "<w:sdt><w:sdtContent>" + r("行内控件") + "</w:sdtContent></w:sdt>", "后")
        + "<w:customXml><w:p><w:customXml>"
        + r("自定义")
        + "</w:customXml></w:p></w:customXml>"
        + p("<w:smartTag>" + r("智能标记") + "</w:smartTag>")
    )
    assert texts(read(package(body))) == ["块级控件", "前行内控件后", "自定义", "智能标记"]


def test_hyperlink_text_is_included_and_protected():
    body = p("请访问", '<w:hyperlink r:id="rId9">' + r("www.gov.cn") + "</w:hyperlink>", "网站")
    (block,) = read(package(body)).blocks
    assert block.text == "请访问www.gov.cn网站"
    assert block.protected == ((3, 13),)
    assert block.text[3:13] == "www.gov.cn"
    assert block.is_protected(5, 6) and not block.is_protected(0, 3)


def test_complex_field_result_without_code_and_protected():
    body = p("第", field(" PAGE ", "3"), "页", field(' HYPERLINK "http://x" ', "链接"))
    (block,) = read(package(body)).blocks
    assert block.text == "第3页链接"
    assert "PAGE" not in block.text
    assert block.protected == ((1, 2), (3, 5))


def test_nested_fields_and_field_result_spanning_paragraphs():
    nested = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>'
        + field(" DATE ", "不显示")
        + '<w:r><w:instrText> = 1 "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("结果")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    toc_start = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    body = (
        p("甲", nested, "乙")
        + p(toc_start, "一、总体情况\t1")
        + p("二、存在问题\t2", '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        + p("正文")
    )
    document = read(package(body))
    assert texts(document) == ["甲结果乙", "一、总体情况\t1", "二、存在问题\t2", "正文"]
    assert [b.protected for b in document.blocks] == [((1, 3),), ((0, 8),), ((0, 8),), ()]


def test_field_without_separator_does_not_hide_following_paragraphs():
    body = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>') + p(
        "之后"
    )
    assert texts(read(package(body))) == ["", "之后"]


def test_simple_field_result_is_included_and_protected():
    body = p("共", '<w:fldSimple w:instr=" NUMPAGES ">' + r("12") + "</w:fldSimple>", "页")
    (block,) = read(package(body)).blocks
    assert (block.text, block.protected) == ("共12页", ((1, 3),))


def test_tracked_changes_accepted_view():
    body = p(
        "原文",
        '<w:ins w:id="1" w:author="a">' + r("插入") + "</w:ins>",
        '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>',
        '<w:moveFrom w:id="3" w:author="a">' + r("移走") + "</w:moveFrom>",
        '<w:moveTo w:id="4" w:author="a">' + r("移来") + "</w:moveTo>",
        "结尾",
    )
    (block,) = read(package(body)).blocks
    assert block.text == "原文插入移来结尾"
    assert block.protected == ((2, 6),)


def test_deleted_paragraph_is_not_a_block():
    deleted_mark = '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>'
    body = (
        p("前")
        + p('<w:del w:id="2" w:author="a"><w:r><w:delText>整段删除</w:delText></w:r></w:del>', ppr=deleted_mark)
        + p("后")
    )
    assert texts(read(package(body))) == ["前", "后"]


def test_math_text_is_included_and_protected():
    body = p("公式", "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>", "完")
    (block,) = read(package(body)).blocks
    assert (block.text, block.protected) == ("公式x+1完", ((2, 5),))


def test_headers_footers_and_comments_are_not_read():
    def build(document):
        document.sections[0].header.paragraphs[0].text = "页眉文字"
        document.sections[0].footer.paragraphs[0].text = "页脚文字"
        paragraph = document.add_paragraph("正文")
        document.add_comment(paragraph.runs, text="批注文字", author="a")

    document = read(python_docx_package(build))
    assert texts(document) == ["正文"]


def test_core_properties():
    core = core_xml(title="2024年上半年工作总结", created="2024-07-01T08:00:00Z", modified="2024-07-02T09:30:00Z")
    document = read(package(p("x"), core=core))
    assert document.properties == {
        "title": "2024年上半年工作总结",
        "created": "2024-07-01T08:00:00Z",
        "modified": "2024-07-02T09:30:00Z",
    }
    assert read(package(p("x"))).properties == {}


# ============================================================================ hypothesis: text and protected ranges

_SEGMENT = st.tuples(
    st.sampled_from(["plain", "hyperlink", "ins", "del", "field", "simple"]),
    st.text(alphabet="一二三abc，。 ", min_size=1, max_size=6),
)


def _segment_xml(kind: str, text: str) -> str:
    if kind == "plain":
        return r(text)
    if kind == "hyperlink":
        return f'<w:hyperlink r:id="rId1">{r(text)}</w:hyperlink>'
    if kind == "ins":
        return f'<w:ins w:id="1" w:author="a">{r(text)}</w:ins>'
    if kind == "del":
        return f'<w:del w:id="1" w:author="a"><w:r><w:delText>{text}</w:delText></w:r></w:del>'
    if kind == "field":
        return field(" REF x ", text)
    return f'<w:fldSimple w:instr=" REF x ">{r(text)}</w:fldSimple>'


@settings(max_examples=60, deadline=None)
@given(st.lists(_SEGMENT, max_size=8))
def test_text_and_protected_ranges_match_the_segments(segments):
    expected_text = ""
    expected_ranges: list[list[int]] = []
    for kind, text in segments:
        if kind == "del":
            continue
        start = len(expected_text)
        expected_text += text
        if kind != "plain":
            if expected_ranges and expected_ranges[-1][1] == start:
                expected_ranges[-1][1] = len(expected_text)
            else:
                expected_ranges.append([start, len(expected_text)])
    (block,) = read(package(p(*[_segment_xml(k, x) for k, x in segments]))).blocks
    assert block.text == expected_text
    assert block.protected == tuple(tuple(x) for x in expected_ranges)


# ============================================================================ styles


def test_style_names_and_heading_levels():
    styles = styles_xml(
        style("Heading1", "heading 1", based_on="Normal", ppr='<w:outlineLvl w:val="0"/>'),
        style("Heading2", "heading 2", based_on="Normal"),
        style("a3", "标题 3", based_on="Normal"),
        style("a4", "标题4"),
        style("Title", "Title", ppr='<w:outlineLvl w:val="0"/>'),
        style("a5", "标题"),
        style("MyTop", "我的一级", ppr='<w:outlineLvl w:val="0"/>'),
        style("MyChild", "我的子样式", based_on="MyTop"),
        style("BodyLvl", "正文级别", ppr='<w:outlineLvl w:val="9"/>'),
    )
    body = (
        p("一", style="Heading1")
        + p("二", style="Heading2")
        + p("三", style="a3")
        + p("四", style="a4")
        + p("题", style="Title")
        + p("题2", style="a5")
        + p("继承", style="MyChild")
        + p("正文")
        + p("未知样式", style="NoSuchStyle")
        + p("直接大纲", outline=1)
        + p("直接正文级", style="Heading1", outline=9)
        + p("正文级别", style="BodyLvl")
    )
    document = read(package(body, styles=styles))
    assert [(b.style, b.style_level) for b in document.blocks] == [
        ("Heading 1", 1),
        ("Heading 2", 2),
        ("标题 3", 3),
        ("标题4", 4),
        ("Title", None),
        ("标题", None),
        ("我的子样式", 1),
        ("Normal", None),
        ("Normal", None),
        ("Normal", 2),
        ("Heading 1", None),
        ("正文级别", None),
    ]


def test_no_styles_part():
    (block,) = read(package(p("x", style="Heading1"))).blocks
    assert (block.style, block.style_level) == (None, None)


def test_python_docx_headings_and_title():
    def build(document):
        document.add_heading("总结", level=0)
        document.add_heading("一、情况", level=1)
        document.add_heading("（一）细节", level=2)
        document.add_paragraph("正文")

    document = read(python_docx_package(build))
    assert [(b.text, b.style, b.style_level) for b in document.blocks] == [
        ("总结", "Title", None),
        ("一、情况", "Heading 1", 1),
        ("（一）细节", "Heading 2", 2),
        ("正文", "Normal", None),
    ]


# ============================================================================ numbering: formats

FORMAT_CASES = [
    ("decimal", 1, "1"),
    ("decimal", 12, "12"),
    ("decimalZero", 3, "03"),
    ("decimalZero", 12, "12"),
    ("chineseCounting", 1, "一"),
    ("chineseCounting", 10, "十"),
    ("chineseCounting", 11, "十一"),
    ("chineseCounting", 20, "二十"),
    ("chineseCounting", 99, "九十九"),
    ("chineseCounting", 100, "一〇〇"),
    ("chineseCountingThousand", 1, "一"),
    ("chineseCountingThousand", 10, "十"),
    ("chineseCountingThousand", 11, "十一"),
    ("chineseCountingThousand", 20, "二十"),
    ("chineseCountingThousand", 101, "一百零一"),
    ("chineseCountingThousand", 110, "一百一十"),
    ("chineseCountingThousand", 1000, "一千"),
    ("chineseCountingThousand", 1001, "一千零一"),
    ("chineseCountingThousand", 2010, "二千零一十"),
    ("chineseCountingThousand", 10000, "一万"),
    ("chineseCountingThousand", 100000, "十万"),
    ("taiwaneseCountingThousand", 11, "十一"),
    ("taiwaneseCountingThousand", 101, "一百零一"),
    ("japaneseCounting", 10, "十"),
    ("japaneseCounting", 21, "二十一"),
    ("japaneseCounting", 101, "百一"),
    ("chineseLegalSimplified", 11, "壹拾壹"),
    ("ideographTraditional", 1, "甲"),
    ("ideographTraditional", 10, "癸"),
    ("ideographTraditional", 11, "甲"),
    ("ideographZodiac", 12, "亥"),
    ("decimalEnclosedParen", 1, "(1)"),
    ("decimalEnclosedParen", 12, "(12)"),
    ("decimalEnclosedCircle", 1, "①"),
    ("decimalEnclosedCircle", 20, "⑳"),
    ("decimalEnclosedCircle", 21, "21"),
    ("decimalEnclosedCircleChinese", 3, "③"),
    ("decimalFullWidth", 12, "１２"),
    ("upperLetter", 1, "A"),
    ("upperLetter", 26, "Z"),
    ("upperLetter", 27, "AA"),
    ("upperLetter", 28, "BB"),
    ("lowerLetter", 53, "aaa"),
    ("upperRoman", 4, "IV"),
    ("upperRoman", 1994, "MCMXCIV"),
    ("lowerRoman", 9, "ix"),
    ("none", 5, ""),
    ("bullet", 5, ""),
    ("someFutureFormat", 7, "7"),
]


@pytest.mark.parametrize(("fmt", "n", "expected"), FORMAT_CASES)
def test_format_number(fmt, n, expected):
    assert format_number(n, fmt) == expected


@pytest.mark.parametrize(
    ("fmt", "template", "expected"),
    [
        ("chineseCounting", "%1、", ["一、", "二、", "三、"]),
        ("chineseCountingThousand", "（%1）", ["（一）", "（二）", "（三）"]),
        ("ideographTraditional", "%1、", ["甲、", "乙、", "丙、"]),
        ("taiwaneseCountingThousand", "%1、", ["一、", "二、", "三、"]),
        ("japaneseCounting", "第%1章", ["第一章", "第二章", "第三章"]),
        ("decimalEnclosedParen", "%1", ["(1)", "(2)", "(3)"]),
        ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
        ("decimalEnclosedCircleChinese", "%1", ["①", "②", "③"]),
        ("decimalFullWidth", "%1．", ["１．", "２．", "３．"]),
        ("decimalZero", "%1.", ["01.", "02.", "03."]),
        ("upperLetter", "%1.", ["A.", "B.", "C."]),
        ("lowerLetter", "(%1)", ["(a)", "(b)", "(c)"]),
        ("upperRoman", "%1.", ["I.", "II.", "III."]),
        ("lowerRoman", "%1)", ["i)", "ii)", "iii)"]),
        ("decimal", "%1.", ["1.", "2.", "3."]),
        ("none", "%1", ["", "", ""]),
        ("decimal", "", ["", "", ""]),
    ],
)
def test_label_formats_in_a_document(fmt, template, expected):
    numbering = numbering_xml(abstract_num(0, lvl(0, fmt, template)), num(1, 0))
    body = p("甲", num=1, ilvl=0) + p("乙", num=1, ilvl=0) + p("丙", num=1, ilvl=0)
    document = read(package(body, numbering=numbering))
    assert labels(document) == expected
    assert texts(document) == ["甲", "乙", "丙"]


def test_bullets_store_the_bullet_character():
    numbering = numbering_xml(
        abstract_num(0, lvl(0, "bullet", "\uf0b7"), lvl(1, "bullet", "o"), lvl(2, "bullet", "■")),
        num(1, 0),
    )
    body = p("a", num=1, ilvl=0) + p("b", num=1, ilvl=1) + p("c", num=1, ilvl=2)
    assert labels(read(package(body, numbering=numbering))) == ["•", "o", "■"]


# ============================================================================ numbering: counting

GONGWEN_LEVELS = abstract_num(
    0,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "chineseCounting", "（%2）"),
    lvl(2, "decimal", "%3."),
    lvl(3, "decimal", "（%4）"),
)


def test_gongwen_hierarchy_and_restart_of_deeper_levels():
    numbering = numbering_xml(GONGWEN_LEVELS, num(1, 0))
    levels = [0, 1, 2, 3, 3, 2, 1, 2, 0, 1, 0, 0]
    body = "".join(p(f"段{i}", num=1, ilvl=level) + p("正文") for i, level in enumerate(levels))
    document = read(package(body, numbering=numbering))
    assert [b.label for b in document.blocks if b.label] == [
        "一、",
        "（一）",
        "1.",
        "（1）",
        "（2）",
        "2.",
        "（二）",
        "1.",
        "二、",
        "（一）",
        "三、",
        "四、",
    ]
    assert all(b.label is None for b in document.blocks if b.text == "正文")
    assert document.block(1).text == "段0"  # the label is not in the text


def test_multi_level_templates_use_each_levels_own_format():
    numbering = numbering_xml(
        abstract_num(
            0,
            lvl(0, "chineseCounting", "第%1部分"),
            lvl(1, "upperRoman", "%1.%2"),
            lvl(2, "lowerLetter", "%1-%2-%3"),
            lvl(3, "decimal", "%1.%2.%3.%4", is_lgl=True),
        ),
        num(1, 0),
    )
    body = (
        p("a", num=1, ilvl=0)
        + p("b", num=1, ilvl=1)
        + p("c", num=1, ilvl=1)
        + p("d", num=1, ilvl=2)
        + p("e", num=1, ilvl=3)
        + p("f", num=1, ilvl=0)
        + p("g", num=1, ilvl=2)
    )
    assert labels(read(package(body, numbering=numbering))) == [
        "第一部分",
        "一.I",
        "一.II",
        "一-II-a",
        "1.2.1.1",
        "第二部分",
        "二-I-a",
    ]


def test_start_values_and_unused_upper_level_shows_its_start():
    numbering = numbering_xml(
        abstract_num(0, lvl(0, "decimal", "%1.", start=3), lvl(1, "decimal", "%1.%2", start=5)), num(1, 0)
    )
    body = p("a", num=1, ilvl=1) + p("b", num=1, ilvl=0) + p("c", num=1, ilvl=1) + p("d", num=1, ilvl=1)
    assert labels(read(package(body, numbering=numbering))) == ["3.5", "3.", "3.5", "3.6"]


def test_missing_start_means_zero():
    numbering = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1.", start=None)), num(1, 0))
    assert labels(read(package(p("a", num=1, ilvl=0) + p("b", num=1, ilvl=0), numbering=numbering))) == ["0.", "1."]


def test_instances_of_one_abstract_continue_each_other():
    numbering = numbering_xml(abstract_num(0, lvl(0, "chineseCounting", "%1、")), num(1, 0), num(2, 0))
    body = p("a", num=1, ilvl=0) + p("b", num=2, ilvl=0) + p("c", num=1, ilvl=0)
    assert labels(read(package(body, numbering=numbering))) == ["一、", "二、", "三、"]


def test_start_override_restarts_where_the_instance_is_first_used():
    # Word: num 2 restarts the shared list at 10; afterwards both continue it.
    numbering = numbering_xml(
        abstract_num(0, lvl(0, "decimal", "%1)")),
        num(1, 0),
        num(2, 0, start_overrides={0: 10}),
        num(3, 0, start_overrides={0: 1}),
    )
    sequence = [1, 1, 2, 2, 1, 2, 3, 3]
    body = "".join(p(str(i), num=n, ilvl=0) for i, n in enumerate(sequence))
    assert labels(read(package(body, numbering=numbering))) == ["1)", "2)", "10)", "11)", "12)", "13)", "1)", "2)"]


def test_level_override_with_its_own_level_definition():
    override = '<w:lvlOverride w:ilvl="0">' + lvl(0, "upperLetter", "%1") + "</w:lvlOverride>"
    numbering = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1")), num(1, 0), num(2, 0, overrides=override))
    body = p("a", num=1, ilvl=0) + p("b", num=2, ilvl=0) + p("c", num=2, ilvl=0) + p("d", num=1, ilvl=0)
    assert labels(read(package(body, numbering=numbering))) == ["1", "B", "C", "4"]


def test_lvl_restart():
    numbering = numbering_xml(
        abstract_num(
            0,
            lvl(0, "decimal", "%1"),
            lvl(1, "decimal", "%1.%2"),
            lvl(2, "lowerLetter", "%3", restart=1),  # restarts only after level 1 (ilvl 0)
            lvl(3, "lowerRoman", "%4", restart=0),  # never restarts
        ),
        num(1, 0),
    )
    body = "".join(p(str(i), num=1, ilvl=level) for i, level in enumerate([0, 2, 3, 1, 2, 3, 0, 2, 3]))
    assert labels(read(package(body, numbering=numbering))) == ["1", "a", "i", "1.1", "b", "ii", "2", "a", "iii"]


def test_numbering_through_the_style_and_its_based_on_chain():
    styles = styles_xml(
        style("H1", "heading 1", ppr='<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>'),
        style("H2", "heading 2", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'),
        style("H2x", "我的二级", based_on="H2"),
        style("H3", "heading 3"),
    )
    numbering = numbering_xml(
        abstract_num(
            0,
            lvl(0, "chineseCounting", "%1、"),
            lvl(1, "chineseCounting", "（%2）"),
            lvl(2, "decimal", "%3.", pstyle="H3"),
        ),
        num(1, 0),
    )
    body = (
        p("总体", style="H1")
        + p("细节", style="H2")
        + p("派生", style="H2x")
        + p("取消编号", style="H2", num=0)
        + p("直接三级", style="H3", num=1)
        + p("再一", style="H1")
    )
    document = read(package(body, styles=styles, numbering=numbering))
    assert labels(document) == ["一、", "（一）", "（二）", None, "1.", "二、"]
    assert [b.style_level for b in document.blocks] == [1, 2, 2, 2, 3, 1]


def test_num_style_link():
    styles = styles_xml(
        style("ListStyle", "我的列表样式", kind="numbering", ppr='<w:numPr><w:numId w:val="7"/></w:numPr>')
    )
    numbering = numbering_xml(
        abstract_num(3, lvl(0, "chineseCounting", "%1、"), style_link="ListStyle"),
        abstract_num(4, num_style_link="ListStyle"),
        num(7, 3),
        num(8, 4),
    )
    body = p("a", num=8, ilvl=0) + p("b", num=8, ilvl=0) + p("c", num=7, ilvl=0)
    assert labels(read(package(body, styles=styles, numbering=numbering))) == ["一、", "二、", "三、"]


def test_suffix_is_not_part_of_the_label():
    level = lvl(0, "chineseCounting", "%1、").replace("<w:lvlText", '<w:suff w:val="space"/><w:lvlText')
    numbering = numbering_xml(abstract_num(0, level), num(1, 0))
    assert labels(read(package(p("a", num=1, ilvl=0), numbering=numbering))) == ["一、"]


def test_custom_format_in_alternate_content_uses_the_fallback():
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent>'
        '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1."/></w:lvl>'
    )
    numbering = numbering_xml(abstract_num(0, level), num(1, 0))
    assert labels(read(package(p("a", num=1, ilvl=0), numbering=numbering))) == ["1."]


def test_dangling_or_missing_numbering_gives_no_label():
    numbering = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1.")), num(1, 0), num(2, 99))
    body = p("a", num=5, ilvl=0) + p("b", num=2, ilvl=0) + p("c", num=1, ilvl=4) + p("d", num=1, ilvl=0)
    assert labels(read(package(body, numbering=numbering))) == [None, None, None, "1."]
    assert labels(read(package(p("x", num=1, ilvl=0)))) == [None]


def test_deleted_paragraphs_do_not_count():
    numbering = numbering_xml(abstract_num(0, lvl(0, "chineseCounting", "%1、")), num(1, 0))
    deleted_mark = '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>'
    body = (
        p("一段", num=1, ilvl=0)
        + p(
            '<w:del w:id="2" w:author="a"><w:r><w:delText>删掉的</w:delText></w:r></w:del>',
            num=1,
            ilvl=0,
            ppr=deleted_mark,
        )
        + p("合并进下一段的", num=1, ilvl=0, ppr=deleted_mark)
        + p("二段", num=1, ilvl=0)
    )
    document = read(package(body, numbering=numbering))
    assert [(b.label, b.text) for b in document.blocks] == [
        ("一、", "一段"),
        (None, "合并进下一段的"),
        ("二、", "二段"),
    ]


def test_numbering_counts_table_and_text_box_paragraphs_in_reading_order():
    numbering = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1.")), num(1, 0))
    body = (
        p("a", textbox_run(p("框", num=1, ilvl=0)), num=1, ilvl=0)
        + tbl(tr(tc(p("格", num=1, ilvl=0))))
        + p("b", num=1, ilvl=0)
    )
    document = read(package(body, numbering=numbering))
    assert [(b.text, b.label) for b in document.blocks] == [("a", "1."), ("框", "2."), ("格", "3."), ("b", "4.")]


def test_python_docx_list_number_style():
    def build(document):
        for text in ("第一项", "第二项", "第三项"):
            document.add_paragraph(text, style="List Number")
        document.add_paragraph("正文")
        document.add_paragraph("要点", style="List Bullet")

    document = read(python_docx_package(build))
    assert [(b.label, b.style) for b in document.blocks] == [
        ("1.", "List Number"),
        ("2.", "List Number"),
        ("3.", "List Number"),
        (None, "Normal"),
        ("•", "List Bullet"),
    ]


def test_python_docx_with_injected_chinese_numbering():
    numbering = numbering_xml(GONGWEN_LEVELS, num(1, 0))

    def build(document):
        for text, level in (("总体情况", 0), ("主要做法", 1), ("具体措施", 2), ("存在问题", 0)):
            paragraph = document.add_paragraph(text)
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = 1

    document = read(python_docx_package(build, parts={"word/numbering.xml": numbering}))
    assert [(b.label, b.text) for b in document.blocks] == [
        ("一、", "总体情况"),
        ("（一）", "主要做法"),
        ("1.", "具体措施"),
        ("二、", "存在问题"),
    ]


# ============================================================================ hypothesis: Chinese numerals

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def _parse_chinese(text: str) -> int:
    """Independent reference: the value of a Chinese numeral written with 十百千万亿."""
    total = 0
    for big, factor in (("亿", 10**8), ("万", 10**4)):
        if big in text:
            head, text = text.split(big, 1)
            total += _parse_small(head) * factor
    return total + _parse_small(text)


def _parse_small(text: str) -> int:
    value = digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            value += (digit or 1) * _UNITS[ch]
            digit = 0
    return value + digit


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_counting_thousand_round_trips(n):
    text = format_number(n, "chineseCountingThousand")
    assert _parse_chinese(text) == n
    assert not text.startswith("一十")
    assert "零零" not in text and not text.endswith("零")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999))
def test_chinese_formats_agree_where_they_should(n):
    thousand = format_number(n, "chineseCountingThousand")
    assert format_number(n, "taiwaneseCountingThousand") == thousand
    if n < 100:
        assert format_number(n, "chineseCounting") == thousand
        assert format_number(n, "japaneseCounting") == thousand.replace("零", "")
    else:
        assert format_number(n, "chineseCounting") == "".join("〇一二三四五六七八九"[int(c)] for c in str(n))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=3999))
def test_roman_and_letters_round_trip(n):
    roman = format_number(n, "upperRoman")
    values = [{"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}[c] for c in roman]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    assert total == n
    assert format_number(n, "lowerRoman") == roman.lower()
    letters = format_number(n, "upperLetter")
    if n <= 26 * 50:
        assert set(letters) == {letters[0]}
        assert (len(letters) - 1) * 26 + ord(letters[0]) - ord("A") + 1 == n


# ============================================================================ packages python-docx refuses


def test_macro_enabled_package_with_renamed_main_part():
    data = package(p("宏文档"), main_part="word/document22.xml", content_type=MACRO_MAIN)
    assert texts(read(data)) == ["宏文档"]


def test_main_part_found_through_content_types_without_package_rels():
    data = package(p("无关系"), main_part="word/main.xml", package_rels=False)
    assert texts(read(data)) == ["无关系"]


def test_strict_open_xml_is_read():
    numbering = numbering_xml(abstract_num(0, lvl(0, "chineseCounting", "%1、")), num(1, 0)).replace(
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", STRICT_W_NS
    )
    document_part = document_xml(p("严格", num=1, ilvl=0) + tbl(tr(tc(p("格")))), namespace=STRICT_W_NS)
    document = read(package(numbering=numbering, document=document_part))
    assert [(b.label, b.text) for b in document.blocks] == [("一、", "严格"), (None, "格")]
    assert document.properties.get("conformance") == "strict"


def test_read_bytes_dispatches_zip_content_to_the_docx_reader(tmp_path):
    path = write(tmp_path, package(p("经由入口")), "名字不重要.bin")
    document = read_path(path)
    assert document.format == "docx" and texts(document) == ["经由入口"]


def test_reading_does_not_modify_the_file(tmp_path):
    path = write(
        tmp_path, package(p("不变"), numbering=numbering_xml(abstract_num(0, lvl(0, "decimal", "%1")), num(1, 0)))
    )
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    read_path(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime


# ============================================================================ bad input


def test_truncated_zip():
    data = package(p("x" * 1000))
    message = refused(data[: len(data) // 2])
    assert "damaged" in message
    with pytest.raises(InputError, match="damaged"):
        read_bytes(data[: len(data) // 2], "cut.docx")


def test_corrupt_entry_crc():
    parts = {"[Content_Types].xml": "<Types/>", "word/document.xml": document_xml(p("内容" * 50))}
    data = bytearray(zip_bytes(parts, compression=zipfile.ZIP_STORED))
    assert texts(read(bytes(data))) == ["内容" * 50]
    data[data.index("内容".encode())] ^= 0x01  # damage one stored byte: the CRC no longer matches
    assert "damaged" in refused(bytes(data))


def test_zip_without_main_document_part():
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "notes.txt": "hello"})
    assert refused(data) == "the ZIP package has no Word main document part (word/document.xml)"
    assert refused(zip_bytes({})) == "the ZIP package has no Word main document part (word/document.xml)"


def test_other_office_packages_are_named():
    assert "Excel" in refused(zip_bytes({"xl/workbook.xml": "<workbook/>"}))
    assert "PowerPoint" in refused(zip_bytes({"ppt/presentation.xml": "<p/>"}))


def test_zip_bomb_by_total_uncompressed_size():
    data = package(p("x"), extra={"word/media/padding.bin": b"\0" * (4 * MB)})
    assert len(data) < 64 * 1024
    assert refused(data, max_unpacked=1 * MB) == "package parts decompress to more than 1 MB (possible zip bomb)"
    assert texts(read(data, max_unpacked=8 * MB)) == ["x"]


def test_zip_bomb_declared_in_the_central_directory():
    data = bytearray(package(p("x"), extra={"word/media/tiny.bin": b"\0" * 100}))
    # Make one central directory entry declare a ~4 GB uncompressed size.
    entry = data.index(b"PK\x01\x02")
    data[entry + 24 : entry + 28] = struct.pack("<I", 0xFFFFFFF0)
    message = refused(bytes(data), max_unpacked=512 * MB)
    assert message == "package parts decompress to more than 512 MB (possible zip bomb)"


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    doctype = (
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
        '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    xml = document_xml(p(r("前&xxe;中&lol2;后")).replace("&amp;", "&"))
    xml = xml.replace("?>", "?>" + doctype, 1)
    (block,) = read(package(document=xml)).blocks
    assert "TOP-SECRET" not in block.text and "lol" not in block.text
    assert block.text == "前中后"


def test_malformed_xml_is_a_one_line_error():
    data = package(document='<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>')
    message = refused(data)
    assert message.startswith("the main document part is not well-formed XML")


def test_main_part_that_is_not_wordprocessingml():
    data = package(document='<?xml version="1.0"?><html><body/></html>')
    assert refused(data) == "the ZIP package has no Word main document part (word/document.xml)"


def test_unexpected_errors_become_input_errors(monkeypatch):
    import summarylint.readers.docx as docx_reader

    def explode(*args, **kwargs):
        raise ValueError("something odd\nover two lines")

    monkeypatch.setattr(docx_reader._Styles, "__init__", explode)
    message = refused(package(p("x")))
    assert message == "cannot read the .docx package (something odd over two lines)"


def test_damaged_core_properties_do_not_hide_the_text():
    data = package(p("正文"), core="<not xml")
    document = read(data)
    assert texts(document) == ["正文"] and document.properties == {}


def test_utf8_bom_and_utf16_parts():
    xml = document_xml(p("编码"))
    for encoded in (
        b"\xef\xbb\xbf" + xml.encode("utf-8"),
        xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
    ):
        data = replace_parts(package(), {"word/document.xml": encoded})
        assert texts(read(data)) == ["编码"]


def test_part_names_are_matched_case_insensitively():
    data = package(p("大小写"), main_part="Word/Document.xml")
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="/word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    )
    assert texts(read(replace_parts(data, {"_rels/.rels": rels}))) == ["大小写"]


def test_error_messages_have_no_path():
    with pytest.raises(InputError) as info:
        read_docx(b"PK\x03\x04garbage", "/secret/dir/报告.docx", max_unpacked=MB)
    assert "/secret" not in str(info.value)
    assert re.fullmatch(r"[^\n]+", str(info.value))
