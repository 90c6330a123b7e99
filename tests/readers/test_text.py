"""Tests for summarylint.readers.text: decoding, lines, Markdown markup."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from summarylint.readers.errors import InputError
from summarylint.readers.text import _implausible, read_text

TITLE = "意识形态工作总结"


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


def read_md(source: str):
    return read_text(source.encode("utf-8"), "a.md", markdown=True)


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TITLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TITLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TITLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TITLE.encode("utf-16-be"), "utf-16-be"),
        (TITLE.encode("utf-16"), "utf-16-le" if TITLE.encode("utf-16")[:2] == codecs.BOM_UTF16_LE else "utf-16-be"),
        (TITLE.encode("gb18030"), "gb18030"),
        (TITLE.encode("gbk"), "gb18030"),
        (TITLE.encode("gb2312"), "gb18030"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    doc = read_text(data, "a.txt", markdown=False)
    assert doc.encoding == encoding
    assert texts(doc) == [TITLE]
    assert doc.format == "text"
    assert doc.path == "a.txt"


def test_bom_is_not_text() -> None:
    doc = read_text(codecs.BOM_UTF8 + "一、总体情况\n".encode(), "a.txt", markdown=False)
    assert texts(doc) == ["一、总体情况"]


def test_gb18030_outside_gbk() -> None:
    # 𠀀 (CJK Extension B) is four bytes in GB18030; 〇 is not in GB2312.
    text = "二〇二四年𠀀工作总结\n第二行"
    doc = read_text(text.encode("gb18030"), "a.txt", markdown=False)
    assert doc.encoding == "gb18030"
    assert texts(doc) == ["二〇二四年𠀀工作总结", "第二行"]


def test_utf8_wins_over_gb18030() -> None:
    # Pure ASCII and real UTF-8 Chinese are valid UTF-8: UTF-8 is chosen.
    assert read_text(b"2024 summary", "a.txt", markdown=False).encoding == "utf-8"
    assert read_text("上半年".encode(), "a.txt", markdown=False).encoding == "utf-8"


def test_undecodable() -> None:
    # 0x80 and 0xFF are invalid in both UTF-8 and GB18030.
    with pytest.raises(InputError) as err:
        read_text(b"abc \x80\xff def", "a.txt", markdown=False)
    assert str(err.value) == "cannot decode the text: it is neither UTF-8, UTF-16 nor GB18030 (save it as UTF-8)"
    assert "\n" not in str(err.value)


def test_truncated_utf16() -> None:
    with pytest.raises(InputError, match="cannot decode"):
        read_text(codecs.BOM_UTF16_LE + "总结".encode("utf-16-le")[:-1], "a.txt", markdown=False)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00",
        "2024年总结".encode("utf-16-le"),  # UTF-16 without a BOM: NUL bytes in the ASCII
        bytes(range(1, 9)) * 20 + b"text",
        b"\x89PNG\r\n\x1a\n" + bytes(range(0x10, 0x20)) * 4,
        codecs.BOM_UTF16_LE + "\x01\x02\x03\x04".encode("utf-16-le"),
    ],
)
def test_binary(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        read_text(data, "a.txt", markdown=False)
    assert str(err.value) == "not a text file (binary content)"


def test_a_few_control_characters_are_tolerated() -> None:
    text = "一、总体情况\f\n" + "工作取得明显成效。" * 10 + "\x1a"
    doc = read_text(text.encode(), "a.txt", markdown=False)
    assert len(doc.blocks) == 2


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" \n\t\r\n",
        "　　\n".encode(),  # full-width spaces only
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
)
def test_empty(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        read_text(data, "a.txt", markdown=False)
    assert str(err.value) == "file is empty"


# --------------------------------------------------------------------------- lines


def test_mixed_line_endings() -> None:
    doc = read_text("标题\r\n一、情况\r（一）做法\n正文\n".encode(), "a.txt", markdown=False)
    assert texts(doc) == ["标题", "一、情况", "（一）做法", "正文"]
    assert [b.index for b in doc.blocks] == [1, 2, 3, 4]
    assert [b.source for b in doc.blocks] == [1, 2, 3, 4]


def test_trailing_newline_makes_no_block_but_blank_lines_count() -> None:
    assert texts(read_text(b"a\n", "a.txt", markdown=False)) == ["a"]
    assert texts(read_text(b"a", "a.txt", markdown=False)) == ["a"]
    assert texts(read_text(b"a\n\n", "a.txt", markdown=False)) == ["a", ""]
    assert texts(read_text(b"\n\na\r\n\r\n", "a.txt", markdown=False)) == ["", "", "a", ""]


def test_indentation_is_kept() -> None:
    line = " 　　2024年上半年，我局党委根据县委部署要求"
    doc = read_text((line + "\n").encode(), "a.txt", markdown=False)
    assert doc.blocks[0].text == line
    assert doc.blocks[0].container == "body"
    assert doc.blocks[0].label is None


def test_other_unicode_separators_do_not_split() -> None:
    # Only \n, \r\n and \r end a line (not \v, \f, U+2028, U+2029).
    text = "甲\u2028乙\x0b丙\x0c丁\u2029戊"
    doc = read_text(text.encode(), "a.txt", markdown=False)
    assert texts(doc) == [text]


def test_markdown_syntax_is_text_in_txt() -> None:
    doc = read_text("## 二、主要问题\n- 要点".encode(), "a.txt", markdown=False)
    assert texts(doc) == ["## 二、主要问题", "- 要点"]
    assert doc.blocks[0].style is None


def _valid_gb18030(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


LINE = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Co", "Cn"),
        blacklist_characters="\ufeff\u2028\u2029",
    )
    | st.sampled_from("\t　一二三、，。（）《》2024年"),
    max_size=30,
)
LINES = st.lists(LINE, min_size=1, max_size=12).filter(lambda lines: "".join(lines).strip())


@given(lines=LINES, ending=st.sampled_from(["\n", "\r\n", "\r"]), final=st.booleans())
def test_lines_round_trip_utf8(lines: list[str], ending: str, final: bool) -> None:
    data = (ending.join(lines) + (ending if final else "")).encode("utf-8")
    # Short UTF-8 of unusual letters can be valid GB18030 too ("¸" = C2 B8 = "赂"): such
    # ambiguous bytes are judged by plausibility (tested separately).
    assume(data.isascii() or not _valid_gb18030(data) or not _implausible(data.decode("utf-8")))
    doc = read_text(data, "a.txt", markdown=False)
    expected = lines[:-1] if (len(lines) > 1 and lines[-1] == "" and not final) else lines
    assert texts(doc) == expected
    assert doc.encoding == "utf-8"
    assert [b.index for b in doc.blocks] == list(range(1, len(expected) + 1))


def _gb18030_encodable(lines: list[str]) -> bool:
    try:
        "\n".join(lines).encode("gb18030")
    except UnicodeEncodeError:
        return False
    return True


@given(lines=LINES.filter(_gb18030_encodable))
def test_lines_round_trip_gb18030(lines: list[str]) -> None:
    data = "\n".join(lines).encode("gb18030")
    # Bytes that are valid UTF-8 as well are ambiguous (ASCII, or short text such as "站",
    # D5 BE): they are judged by plausibility, tested below.
    assume(data.isascii() or not _valid_utf8(data))
    doc = read_text(data, "a.txt", markdown=False)
    expected = lines[:-1] if (len(lines) > 1 and lines[-1] == "") else lines
    assert texts(doc) == expected
    # Text that happens to be valid UTF-8 (ASCII-only, say) is read as UTF-8, same text.
    assert doc.encoding in ("gb18030", "utf-8")


def test_short_gb18030_text_that_is_also_valid_utf8_is_read_as_gb18030() -> None:
    for text in ("站", "工作总结：站", "站稳立场"):
        data = text.encode("gb18030")
        assert _valid_utf8(data) or text != "站"
        doc = read_text(data, "a.txt", markdown=False)
        assert (texts(doc), doc.encoding) == ([text], "gb18030")
    # genuine UTF-8 with Greek or a middle dot stays UTF-8
    doc = read_text("α粒子·β射线".encode(), "a.txt", markdown=False)
    assert (texts(doc), doc.encoding) == (["α粒子·β射线"], "utf-8")


# --------------------------------------------------------------------------- Markdown


def test_atx_headings() -> None:
    doc = read_md("# 2024年上半年工作总结\n\n## 二、主要问题 ##\n###### 六级\n####### 七个井号\n#没有空格\n")
    h1, blank, h2, h6, seven, nospace = doc.blocks
    assert doc.format == "markdown"
    assert (h1.text, h1.style, h1.style_level, h1.container) == (
        "2024年上半年工作总结",
        "Heading 1",
        1,
        "markdown-heading",
    )
    assert blank.text == ""
    assert (h2.text, h2.style, h2.style_level) == ("二、主要问题", "Heading 2", 2)
    assert (h6.text, h6.style_level) == ("六级", 6)
    assert (seven.text, seven.style_level, seven.container) == ("####### 七个井号", None, "body")
    assert (nospace.text, nospace.style_level) == ("#没有空格", None)


def test_setext_headings() -> None:
    doc = read_md("总结\n====\n\n一、情况\n---\n")
    assert texts(doc) == ["总结", "", "", "一、情况", ""]
    assert doc.blocks[0].style_level == 1
    assert doc.blocks[3].style_level == 2
    assert doc.blocks[1].container == "markdown-markup"


def test_thematic_break_is_empty() -> None:
    doc = read_md("正文\n\n***\n\n- - -\n")
    assert texts(doc) == ["正文", "", "", "", ""]


def test_lists() -> None:
    doc = read_md("工作如下：\n\n1. 加强理论武装\n2) 狠抓作风建设\n- 要点一\n* 要点二\n+ 要点三\n1.加强学习\n")
    assert texts(doc)[2:] == ["加强理论武装", "狠抓作风建设", "要点一", "要点二", "要点三", "1.加强学习"]
    assert [b.label for b in doc.blocks][2:] == ["1.", "2)", None, None, None, None]
    assert all(b.container == "body" for b in doc.blocks)


def test_ordered_marker_not_starting_at_one_does_not_interrupt_a_paragraph() -> None:
    doc = read_md("正文一行\n3. 不是列表\n")
    assert doc.blocks[1].text == "3. 不是列表"
    assert doc.blocks[1].label is None


def test_quotes() -> None:
    doc = read_md("> 引用**讲话**\n> > 嵌套\n> 1. 引用列表\n")
    assert texts(doc) == ["引用讲话", "嵌套", "引用列表"]
    assert doc.blocks[2].label == "1."
    assert {b.container for b in doc.blocks} == {"markdown-quote"}


def test_fenced_code_keeps_one_block_per_line() -> None:
    doc = read_md("正文\n```python\nprint('总结')\n\n```\n~~~~\n~~~\n代码\n~~~~\n后文\n")
    assert len(doc.blocks) == 10
    assert texts(doc) == ["正文", "", "", "", "", "", "", "", "", "后文"]
    assert [b.container for b in doc.blocks[1:9]] == ["markdown-code"] * 8
    assert doc.blocks[9].index == 10 and doc.blocks[9].source == 10


def test_unclosed_fence_runs_to_the_end() -> None:
    doc = read_md("正文\n```\n代码\n")
    assert texts(doc) == ["正文", "", ""]


def test_indented_code() -> None:
    doc = read_md("正文\n\n    代码一\n\tcode two\n\n后文\n    懒惰续行\n")
    assert texts(doc) == ["正文", "", "", "", "", "后文", "    懒惰续行"]
    assert doc.blocks[2].container == "markdown-code"


def test_full_width_indentation_is_not_code() -> None:
    doc = read_md("\n　　2024年上半年，我局**认真**落实。\n")
    assert doc.blocks[1].text == "　　2024年上半年，我局认真落实。"


def test_list_continuation_is_not_code() -> None:
    doc = read_md("- 要点\n\n    续段\n")
    assert texts(doc) == ["要点", "", "    续段"]


def test_front_matter() -> None:
    doc = read_md("---\ntitle: 总结\ndate: 2024-07-01\n---\n# 标题\n")
    assert texts(doc) == ["", "", "", "", "标题"]
    assert doc.blocks[0].container == "markdown-front-matter"
    assert doc.blocks[4].index == 5


def test_dashes_not_closed_are_not_front_matter() -> None:
    doc = read_md("---\n正文\n")
    assert texts(doc) == ["", "正文"]


def test_html_comments() -> None:
    doc = read_md("<!-- summarylint: disable=T001 -->\n正文<!-- 注 -->结尾\n<!--\n多行\n-->\n后文\n")
    assert texts(doc) == ["", "正文结尾", "", "", "", "后文"]
    # A comment line addressed to summarylint is a directive, kept for suppression.
    assert [b.container for b in doc.blocks] == ["directive", "body", *["markdown-comment"] * 3, "body"]
    assert [(d.text, d.block) for d in doc.directives] == [("disable=T001", 1)]


def test_intraword_underscore_is_not_emphasis() -> None:
    # As in CommonMark: "_" between word characters (CJK included) is not emphasis.
    assert read_md("落实和__要求__。\n").blocks[0].text == "落实和__要求__。"


def test_inline_markup_is_removed() -> None:
    doc = read_md(
        "我局**认真**落实*部署*，__要求__，`代码`保留，~~删除~~，***强调***\n"
        "见[通知](http://example.com)，图![图片](a.png)，脚注[^1]，<br/>换行\n"
        "转义\\*星号\\*，a_b_c，中文_下划线_中文，&amp;，5*3=15\n"
        "`` 含`反引号 ``\n"
    )
    assert texts(doc) == [
        "我局认真落实部署，要求，代码保留，删除，强调",
        "见通知，图，脚注，换行",
        "转义*星号*，a_b_c，中文_下划线_中文，&，5*3=15",
        " 含`反引号 ",
    ]


def test_emphasis_in_headings_and_list_items() -> None:
    doc = read_md("## **二、**主要问题\n1. 加强`学习`\n")
    assert texts(doc) == ["二、主要问题", "加强学习"]


def test_tables() -> None:
    doc = read_md("| 项目 | 数量 |\n| --- | ---: |\n| 会议 | 3 |\n\n正文\n")
    assert [b.container for b in doc.blocks] == ["table", "markdown-markup", "table", "body", "body"]
    assert doc.blocks[2].text == "| 会议 | 3 |"
    assert doc.blocks[1].text == ""


def test_link_reference_definition() -> None:
    doc = read_md("见[通知][1]。\n\n[1]: http://example.com\n")
    assert texts(doc) == ["见通知。", "", ""]


def test_markdown_line_numbers_match_paragraphs() -> None:
    source = "---\na: 1\n---\n# 标题\n\n```\nx\n```\n正文\n"
    doc = read_md(source)
    assert len(doc.blocks) == source.count("\n")
    assert [b.index for b in doc.blocks] == [b.source for b in doc.blocks] == list(range(1, 10))


def test_markdown_in_gb18030() -> None:
    doc = read_text("# 二〇二四年工作总结\n".encode("gb18030"), "a.md", markdown=True)
    assert doc.encoding == "gb18030"
    assert texts(doc) == ["二〇二四年工作总结"]
