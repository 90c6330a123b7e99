"""Suppression directives in .docx files: Word comments (批注) whose text starts with
``summarylint:`` become ``Document.directives`` covering the commented characters.

Positions are (block index, code-point offset into ``Block.text``), in the reading order
of the blocks.  The text-file equivalent is tests/test_suppress.py."""

from __future__ import annotations

import io
import zipfile

import pytest

from summarylint.config import Config
from summarylint.engine import RuleSet, check_document
from summarylint.model import Directive, Document
from summarylint.readers import read_bytes
from summarylint.readers.docx import read_docx
from tests.readers.docx_builders import (
    comment,
    comment_end,
    comment_ref,
    comment_start,
    commented,
    comments_xml,
    p,
    package,
    python_docx_package,
    tbl,
    tc,
    textbox_run,
    tr,
    zip_bytes,
)

MB = 1024 * 1024
DISABLE = "summarylint: disable T001"


def read(data: bytes) -> Document:
    return read_docx(data, "t.docx", max_unpacked=64 * MB)


def covered(document: Document, directive: Directive) -> str:
    """The text a directive covers, paragraphs joined by "¶"."""
    parts = []
    for index in range(directive.block, directive.end_block + 1):
        text = document.block(index).text
        start = directive.start if index == directive.block else 0
        end = directive.end if index == directive.end_block else len(text)
        parts.append(text[start:end])
    return "¶".join(parts)


# ============================================================================ python-docx packages


def test_comment_over_a_few_characters():
    def build(document):
        document.add_paragraph("一、总体情况")
        paragraph = document.add_paragraph("全面落实")
        run = paragraph.add_run("意认形态")
        paragraph.add_run("工作责任制。")
        document.add_comment(run, text=DISABLE, author="张三")

    document = read(python_docx_package(build))
    assert [b.text for b in document.blocks] == ["一、总体情况", "全面落实意认形态工作责任制。"]
    assert document.directives == (Directive(text="disable T001", block=2, start=4, end_block=2, end=8),)
    assert covered(document, document.directives[0]) == "意认形态"


def test_comment_over_two_paragraphs():
    def build(document):
        document.add_paragraph("前言")
        first = document.add_paragraph("第一段")
        first_run = first.add_run("后半")
        second = document.add_paragraph()
        second_run = second.add_run("第二段前半")
        second.add_run("，后面不在范围内。")
        document.add_comment([first_run, second_run], text="summarylint: disable", author="张三")

    document = read(python_docx_package(build))
    assert document.directives == (Directive(text="disable", block=2, start=3, end_block=3, end=5),)
    assert covered(document, document.directives[0]) == "后半¶第二段前半"


def test_comment_inside_a_table_cell():
    def build(document):
        document.add_paragraph("表前段落")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "项目"
        table.cell(0, 1).text = "完成情况"
        table.cell(1, 0).text = "宣传"
        cell = table.cell(1, 1).paragraphs[0]
        cell.add_run("开展")
        run = cell.add_run("意认形态")
        cell.add_run("教育")
        document.add_paragraph("表后段落")
        document.add_comment(run, text=DISABLE)

    document = read(python_docx_package(build))
    assert [(b.text, b.container) for b in document.blocks][4] == ("开展意认形态教育", "table")
    assert document.directives == (Directive(text="disable T001", block=5, start=2, end_block=5, end=6),)


def test_ordinary_comments_are_ignored():
    def build(document):
        paragraph = document.add_paragraph()
        first = paragraph.add_run("数据来源")
        second = paragraph.add_run("统计局")
        document.add_comment(first, text="请核实数据来源", author="审核人")
        document.add_comment(second, text="summarylint 这个工具会误报吗？", author="审核人")
        document.add_comment(second, text="不用 summarylint: disable", author="审核人")

    document = read(python_docx_package(build))
    # The second comment starts with "summarylint": it is meant for summarylint and
    # becomes a directive (that the engine reports as invalid, LINT002), NFKC-normalized.
    assert [d.text for d in document.directives] == ["这个工具会误报吗?"]


@pytest.mark.parametrize(
    "text",
    [
        "summarylint：disable T001",
        "summarylint： disable T001",
        "  summarylint: disable T001",
        "　SummaryLint：disable T001",
        "SUMMARYLINT:disable T001",
        "summarylint disable T001",
        "ｓｕｍｍａｒｙｌｉｎｔ：ｄｉｓａｂｌｅ　Ｔ００１",
    ],
)
def test_prefix_variants(text):
    def build(document):
        paragraph = document.add_paragraph("全面落实")
        document.add_comment(paragraph.add_run("意认形态"), text=text)

    (directive,) = read(python_docx_package(build)).directives
    assert directive == Directive(text="disable T001", block=1, start=4, end_block=1, end=8)


def test_explanation_after_the_directive_line_is_not_part_of_it():
    def build(document):
        paragraph = document.add_paragraph("全面落实")
        note = document.add_comment(paragraph.add_run("意认形态"), text=DISABLE)
        note.add_paragraph("此处为引文原文，保留原貌。")

    (directive,) = read(python_docx_package(build)).directives
    assert directive.text == "disable T001"


# ============================================================================ raw markup: positions


def test_range_markers_and_offsets_in_code_points():
    body = p("𠀀甲", commented(0, "乙𠀁丙"), "丁")
    document = read(package(body, comments=comments_xml(comment(0, DISABLE))))
    assert document.block(1).text == "𠀀甲乙𠀁丙丁"
    assert document.directives == (Directive("disable T001", 1, 2, 1, 5),)


def test_start_without_end_runs_to_the_end_of_its_block():
    body = p("前文", comment_start(3), "批注后的文字") + p("下一段")
    document = read(package(body, comments=comments_xml(comment(3, DISABLE))))
    assert document.directives == (Directive("disable T001", 1, 2, 1, 8),)


def test_end_without_start_is_ignored():
    body = p("前文", comment_end(4), "后文") + p("下一段")
    assert read(package(body, comments=comments_xml(comment(4, DISABLE)))).directives == ()


def test_reference_only_covers_the_paragraph_of_the_reference():
    body = p("第一段") + p("第二段有", comment_ref(5), "批注")
    document = read(package(body, comments=comments_xml(comment(5, DISABLE))))
    assert document.directives == (Directive("disable T001", 2, 0, 2, 6),)


def test_range_beats_reference_and_an_end_before_the_start_is_not_used():
    body = p(comment_end(6), "甲", comment_start(6), "乙丙", comment_end(6), "丁", comment_ref(6))
    document = read(package(body, comments=comments_xml(comment(6, DISABLE))))
    assert document.directives == (Directive("disable T001", 1, 1, 1, 3),)


def test_text_boxes_follow_the_reading_order_of_blocks():
    box = textbox_run(p("框内", commented(1, "意认形态")))
    body = p("锚段", box, "正文") + p("下一段")
    document = read(package(body, comments=comments_xml(comment(1, DISABLE))))
    assert [(b.text, b.container) for b in document.blocks] == [
        ("锚段正文", "body"),
        ("框内意认形态", "textbox"),
        ("下一段", "body"),
    ]
    # Read once, although Word writes the text box twice (DrawingML and VML fallback).
    assert document.directives == (Directive("disable T001", 2, 2, 2, 6),)


def test_range_from_a_body_paragraph_into_a_table_cell():
    body = p("表前", comment_start(2), "开始") + tbl(tr(tc(p("甲")), tc(p("乙", comment_end(2), "丙")))) + p("表后")
    document = read(package(body, comments=comments_xml(comment(2, "summarylint: disable"))))
    assert document.directives == (Directive("disable", 1, 2, 3, 1),)
    assert covered(document, document.directives[0]) == "开始¶甲¶乙"


def test_markers_between_blocks():
    # Around a whole table at body level, and at row level: the range starts at the next
    # block's beginning and ends at the previous block's end.
    body = (
        p("表前")
        + comment_start(1)
        + tbl(tr(tc(p("甲")), tc(p("乙"))), comment_start(2) + tr(tc(p("丙")), tc(p("丁"))) + comment_end(2))
        + comment_end(1)
        + p("表后")
    )
    document = read(package(body, comments=comments_xml(comment(1, DISABLE), comment(2, "summarylint: disable P"))))
    assert document.directives == (
        Directive("disable T001", 2, 0, 5, 1),
        Directive("disable P", 4, 0, 5, 1),
    )


def test_markers_in_deleted_text_and_removed_paragraphs():
    deleted = '<w:del w:id="9" w:author="a"><w:r><w:delText>删</w:delText></w:r>' + comment_start(1) + "</w:del>"
    removed = p(comment_start(2), ppr='<w:rPr><w:del w:id="8" w:author="a"/></w:rPr>')
    body = p("甲", deleted, "乙", comment_end(1)) + removed + p("丙", comment_end(2))
    document = read(package(body, comments=comments_xml(comment(1, DISABLE), comment(2, DISABLE))))
    assert [b.text for b in document.blocks] == ["甲乙", "丙"]
    assert document.directives == (Directive("disable T001", 1, 1, 1, 2), Directive("disable T001", 2, 0, 2, 1))


def test_directives_are_in_document_order_not_comment_order():
    body = p("甲", commented(7, "乙"), "丙", commented(2, "丁")) + p(commented(0, "戊"))
    comments = comments_xml(
        comment(0, "summarylint: disable P"), comment(2, DISABLE), comment(7, "summarylint: disable")
    )
    document = read(package(body, comments=comments))
    assert [(d.text, d.block, d.start) for d in document.directives] == [
        ("disable", 1, 1),
        ("disable T001", 1, 3),
        ("disable P", 2, 0),
    ]


def test_invalid_directive_text_is_kept_for_the_engine_to_report():
    body = p(commented(1, "甲")) + p(commented(2, "乙"))
    comments = comments_xml(comment(1, "summarylint: enable"), comment(2, "summarylint:"))
    assert [d.text for d in read(package(body, comments=comments)).directives] == ["enable", ""]


# ============================================================================ raw markup: the comments part


def test_comments_part_found_through_relationships():
    body = p(commented(1, "甲"))
    data = package(body, comments=comments_xml(comment(1, DISABLE)), comments_part="comments22.xml")
    assert read(data).directives == (Directive("disable T001", 1, 0, 1, 1),)


def test_comment_text_is_read_like_body_text():
    # Split over runs, a tracked deletion, and a field result.
    text = (
        "<w:p><w:r><w:t>summary</w:t></w:r><w:r><w:t>lint: dis</w:t></w:r>"
        '<w:del w:id="5" w:author="a"><w:r><w:delText>XX</w:delText></w:r></w:del>'
        '<w:r><w:t xml:space="preserve">able T001</w:t></w:r></w:p>'
    )
    body = p(commented(1, "甲"))
    assert [d.text for d in read(package(body, comments=comments_xml(comment(1, text)))).directives] == ["disable T001"]


def test_comments_in_headers_and_footers_are_ignored():
    header = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"{p(commented(1, '页眉'))}</w:hdr>"
    )
    data = package(p("正文"), comments=comments_xml(comment(1, DISABLE)), extra={"word/header1.xml": header})
    document = read(data)
    assert [b.text for b in document.blocks] == ["正文"] and document.directives == ()


@pytest.mark.parametrize(
    "comments",
    [
        None,  # no comments part
        "<w:comments",  # not well-formed
        "",  # empty
        '<?xml version="1.0"?><html/>',  # not WordprocessingML
        comments_xml('<w:comment w:id="1"><w:p><w:r><w:t>summarylint: disable</w:t>'),  # truncated
    ],
)
def test_missing_or_damaged_comments_part_only_loses_the_directives(comments):
    document = read(package(p(commented(1, "正文")), comments=comments))
    assert [b.text for b in document.blocks] == ["正文"]
    assert document.directives == ()


def test_dangling_relationship_to_the_comments_part():
    data = package(p(commented(1, "正文")), comments=comments_xml(comment(1, DISABLE)))
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist() if name != "word/comments.xml"}
    document = read(zip_bytes(parts))
    assert [b.text for b in document.blocks] == ["正文"] and document.directives == ()


def test_documents_without_comment_markers_do_not_read_the_comments_part(monkeypatch):
    import summarylint.readers.docx as docx_reader

    calls = []
    monkeypatch.setattr(docx_reader._Package, "_comment_directives", lambda *a: calls.append(a) or {})
    read(package(p("正文"), comments=comments_xml(comment(1, DISABLE))))
    assert calls == []


# ============================================================================ end to end through the engine

SENTENCE = ("全面落实", "意认形态", "工作", "责任制，强化意识形态领城管理。")


def _check(commented_part: int):
    def build(document):
        paragraph = document.add_paragraph()
        runs = [paragraph.add_run(text) for text in SENTENCE]
        document.add_comment(runs[commented_part], text=DISABLE, author="张三")

    document = read_bytes(python_docx_package(build), "总结.docx")
    assert document.block(1).text == "全面落实意认形态工作责任制，强化意识形态领城管理。"
    return check_document(document, Config(select=("T001", "LINT")), RuleSet.load(plugins=False))


def _flagged(result, finding) -> str:
    return result.document.block(finding.paragraph).text[finding.span.start : finding.span.end]


def test_comment_suppresses_the_finding_it_covers():
    result = _check(1)  # over 意认形态
    assert [(f.rule, _flagged(result, f)) for f in result.findings] == [("T001", "领城")]
    assert len(result.suppressed) == 1
    assert _flagged(result, result.suppressed[0].finding) == "意认形态"
    assert result.suppressed[0].finding.rule == "T001"
    assert result.suppressed[0].kind == "inSource"


def test_comment_over_a_correct_word_is_an_unused_suppression():
    result = _check(2)  # over 工作
    assert sorted(f.rule for f in result.findings) == ["LINT001", "T001", "T001"]
    (unused,) = [f for f in result.findings if f.rule == "LINT001"]
    assert str(unused.severity) == "info" and unused.paragraph == 1
    assert "summarylint: disable T001" in unused.message
    assert result.suppressed == []


def test_comment_with_an_invalid_directive_is_reported():
    def build(document):
        paragraph = document.add_paragraph()
        runs = [paragraph.add_run(text) for text in SENTENCE]
        document.add_comment(runs[1], text="summarylint: disabel T001")

    document = read_bytes(python_docx_package(build), "总结.docx")
    result = check_document(document, Config(select=("T001", "LINT")), RuleSet.load(plugins=False))
    assert sorted(f.rule for f in result.findings) == ["LINT002", "T001", "T001"]
