"""annotate: findings as Word comments anchored on their characters, in a copy of the
package whose untouched entries are byte-identical."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from lxml import etree

from summarylint.config import Config
from summarylint.engine import RuleSet, check_document
from summarylint.model import Finding, Fix, Severity, Span
from summarylint.readers import read_bytes
from summarylint.write.docx import DocxWriteError, annotate, comment_text
from tests.readers.docx_builders import (
    abstract_num,
    comment,
    commented,
    comments_xml,
    document_xml,
    field,
    lvl,
    num,
    numbering_xml,
    p,
    package,
    python_docx_package,
    r,
    tbl,
    tc,
    textbox_run,
    tr,
)
from tests.write import (
    EXAMPLE,
    WHEN_TEXT,
    W,
    assert_untouched_entries_identical,
    canonical,
    changed_entries,
    char_formats,
    fragment,
    main_part,
    paragraphs_by_block,
    part,
    strip_comments,
    with_part,
    xml,
)

WHEN = datetime(2025, 7, 9, 8, 30, tzinfo=UTC)

BOLD, ITALIC, RED = "<w:b/>", "<w:i/>", '<w:color w:val="FF0000"/>'


def run(text: str, properties: str = "") -> str:
    return r(text).replace("<w:r>", f"<w:r><w:rPr>{properties}</w:rPr>", 1) if properties else r(text)


def finding(block: int, start: int, end: int, *, rule="T001", message="“意认形态”应为“意识形态”。",
            suggestion="改为“意识形态”", in_label=False, section_level=False, replacement=None) -> Finding:
    return Finding(rule, "x", Severity.ERROR, Span(block, start, end, in_label), message, suggestion=suggestion,
                   fix=Fix(replacement, True) if replacement is not None else None, section_level=section_level)


def body_paragraphs(data: bytes) -> list:
    _, root = main_part(data)
    return list(root.iter(W + "p"))


def comments_of(data: bytes) -> list:
    return list(etree.fromstring(part(data, "word/comments.xml")).iter(W + "comment"))


THREE_RUNS = p(run("全面落实意", BOLD), run("认形态工作", ITALIC), run("责任制。", RED))


# ----------------------------------------------------------------------------- anchors


def test_comment_on_a_span_crossing_a_run_boundary_splits_runs_and_keeps_their_formatting():
    data = package(THREE_RUNS)
    document = read_bytes(data, "a.docx")
    assert document.blocks[0].text == "全面落实意认形态工作责任制。"
    out = annotate(data, document, [finding(1, 4, 8)], when=WHEN)

    (paragraph,) = body_paragraphs(out)
    t = '<w:t xml:space="preserve">{}</w:t>'.format
    assert canonical(paragraph) == fragment(
        "<w:p>"
        f"<w:r><w:rPr>{BOLD}</w:rPr>{t('全面落实')}</w:r>"
        '<w:commentRangeStart w:id="0"/>'
        f"<w:r><w:rPr>{BOLD}</w:rPr>{t('意')}</w:r>"
        f"<w:r><w:rPr>{ITALIC}</w:rPr>{t('认形态')}</w:r>"
        '<w:commentRangeEnd w:id="0"/>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
        f"<w:r><w:rPr>{ITALIC}</w:rPr>{t('工作')}</w:r>"
        f"<w:r><w:rPr>{RED}</w:rPr>{t('责任制。')}</w:r>"
        "</w:p>"
    )
    (new_comment,) = comments_of(out)
    assert canonical(new_comment) == fragment(
        f'<w:comment w:id="0" w:author="summarylint" w:date="{WHEN_TEXT}" w:initials="SL">'
        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        '<w:r><w:t xml:space="preserve">[T001] “意认形态”应为“意识形态”。（建议：改为“意识形态”）</w:t></w:r>'
        "</w:p></w:comment>"
    )
    # Word sees it: python-docx lists the comment, the reader reads the same text.
    opened = docx.Document(io.BytesIO(out))
    (listed,) = list(opened.comments)
    assert listed.author == "summarylint" and listed.initials == "SL"
    assert listed.text == "[T001] “意认形态”应为“意识形态”。（建议：改为“意识形态”）"
    assert [b.text for b in read_bytes(out, "a.docx").blocks] == [b.text for b in document.blocks]


def test_comment_inside_one_run_splits_it_in_three():
    data = package(p(run("全面落实意认形态工作责任制。", BOLD)))
    out = annotate(data, read_bytes(data, "a.docx"), [finding(1, 4, 8)], when=WHEN)
    (paragraph,) = body_paragraphs(out)
    runs = [("".join(run.itertext()), canonical(run.find(W + "rPr"))) for run in paragraph.iter(W + "r")]
    bold = fragment(f"<w:rPr>{BOLD}</w:rPr>")
    assert runs == [("全面落实", bold), ("意认形态", bold),
                    ("", fragment('<w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>')), ("工作责任制。", bold)]
    assert [child.tag.split("}")[1] for child in paragraph] == [
        "r", "commentRangeStart", "r", "commentRangeEnd", "r", "r"]


def test_label_and_section_level_findings_cover_the_whole_paragraph():
    numbering = numbering_xml(abstract_num(1, lvl(0, "chineseCounting", "%1、")), num(1, 1))
    data = package(p("主要做法", num=1) + p("正文第一段。"), numbering=numbering)
    document = read_bytes(data, "a.docx")
    assert document.blocks[0].label == "一、"
    findings = [finding(1, 0, 2, rule="F001", in_label=True),
                finding(2, 0, 0, rule="S001", section_level=True, suggestion=None, message="缺少“存在问题”部分。")]
    out = annotate(data, document, findings, when=WHEN)
    heading, body = body_paragraphs(out)
    assert [child.tag.split("}")[1] for child in heading] == [
        "pPr", "commentRangeStart", "r", "commentRangeEnd", "r"]
    assert [child.tag.split("}")[1] for child in body] == ["commentRangeStart", "r", "commentRangeEnd", "r"]
    assert [c.get(W + "id") for c in heading.iter(W + "commentRangeStart")] == ["0"]
    texts = ["".join(c.itertext()) for c in comments_of(out)]
    assert texts == ["[F001] “意认形态”应为“意识形态”。（建议：改为“意识形态”）", "[S001] 缺少“存在问题”部分。"]


def test_comment_in_a_table_cell():
    data = package(p("表1") + tbl(tr(tc(p("项目")), tc(p(run("落实意认", BOLD), run("形态责任", ITALIC))))))
    document = read_bytes(data, "a.docx")
    assert [b.text for b in document.blocks] == ["表1", "项目", "落实意认形态责任"]
    out = annotate(data, document, [finding(3, 2, 6)], when=WHEN)
    _, root = main_part(out)
    cell = list(root.iter(W + "tc"))[1]
    (paragraph,) = cell.iter(W + "p")
    assert [(child.tag.split("}")[1], "".join(child.itertext())) for child in paragraph] == [
        ("r", "落实"), ("commentRangeStart", ""), ("r", "意认"), ("r", "形态"), ("commentRangeEnd", ""), ("r", ""),
        ("r", "责任")]


def test_comment_in_a_text_box_goes_into_the_drawing_branch_only():
    data = package(p("正文。", textbox_run(p("文本框里的意认形态。"))))
    document = read_bytes(data, "a.docx")
    assert [(b.text, b.container) for b in document.blocks] == [("正文。", "body"), ("文本框里的意认形态。", "textbox")]
    out = annotate(data, document, [finding(2, 5, 9)], when=WHEN)
    _, root = main_part(out)
    choice, fallback = (next(branch.iter(W + "txbxContent")) for branch in root.iter(
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice",
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"))
    assert [c.tag.split("}")[1] for c in choice.find(W + "p")] == [
        "r", "commentRangeStart", "r", "commentRangeEnd", "r", "r"]
    assert len(list(fallback.iter(W + "commentRangeStart"))) == 0  # ids must stay unique
    assert [b.text for b in read_bytes(out, "a.docx").blocks] == [b.text for b in document.blocks]


def test_comment_in_a_hyperlink_keeps_the_reference_run_outside_the_link():
    link = (f'<w:hyperlink r:id="rIdX">{run("意认形态", ITALIC)}</w:hyperlink>')
    data = package(p("见", link, "。"))
    out = annotate(data, read_bytes(data, "a.docx"), [finding(1, 1, 3)], when=WHEN)
    (paragraph,) = body_paragraphs(out)
    hyperlink = paragraph.find(W + "hyperlink")
    assert [c.tag.split("}")[1] for c in hyperlink] == ["commentRangeStart", "r", "commentRangeEnd", "r"]
    assert paragraph.index(hyperlink.getnext()) == paragraph.index(hyperlink) + 1
    assert hyperlink.getnext().find(W + "commentReference") is not None


def test_span_over_a_tab_a_field_result_and_an_empty_span():
    data = package(p(r("甲", "<w:tab/>"), "乙", field("PAGE", "12"), "丙丁"))
    document = read_bytes(data, "a.docx")
    assert document.blocks[0].text == "甲\t乙12丙丁"
    out = annotate(data, document, [finding(1, 1, 2, rule="P001"), finding(1, 3, 6, rule="X001"),
                                    finding(1, 6, 6, rule="P002")], when=WHEN)
    again = read_bytes(out, "a.docx")
    assert again.blocks[0].text == document.blocks[0].text
    (paragraph,) = body_paragraphs(out)
    order = [(c.tag.split("}")[1], c.get(W + "id"), "".join(c.itertext())) for c in paragraph]
    # The tab is alone in its run; the field-result range runs from its first digit to 丙.
    assert ("commentRangeStart", "0", "") in order and ("commentRangeEnd", "2", "") in order
    tab_start = order.index(("commentRangeStart", "0", ""))
    assert paragraph[tab_start + 1].find(W + "tab") is not None
    assert paragraph[tab_start + 2].tag == W + "commentRangeEnd"
    # The empty span is a point: start and end markers side by side.
    start = order.index(("commentRangeStart", "2", ""))
    assert order[start + 1] == ("commentRangeEnd", "2", "")


def test_overlapping_findings_get_one_comment_each():
    data = package(THREE_RUNS)
    document = read_bytes(data, "a.docx")
    out = annotate(data, document, [finding(1, 4, 8), finding(1, 2, 10, rule="T002"), finding(1, 4, 8, rule="T003")],
                   when=WHEN)
    assert [c.get(W + "id") for c in comments_of(out)] == ["0", "1", "2"]
    (paragraph,) = body_paragraphs(out)
    assert "".join(paragraph.itertext()) == document.blocks[0].text
    assert len(list(paragraph.iter(W + "commentReference"))) == 3


# ----------------------------------------------------------------------------- comments part


def test_existing_comments_survive_and_new_ones_get_fresh_ids():
    comments = comments_xml(comment(0, "请核实数字。"), comment(7, "summarylint: disable T001", author="张三"))
    data = package(p(commented(0, "上半年组织学习12次"), "，全面落实意认形态工作。") + p(commented(7, "意认形态")),
                   comments=comments)
    document = read_bytes(data, "a.docx")
    assert len(document.directives) == 1
    out = annotate(data, document, [finding(1, 14, 18)], when=WHEN)
    listed = comments_of(out)
    assert [c.get(W + "id") for c in listed] == ["0", "7", "8"]
    assert canonical(listed[0]) == canonical(comments_of(data)[0])
    assert canonical(listed[1]) == canonical(comments_of(data)[1])
    # Only the main part and the comments part changed: rels and content types are as they were.
    assert changed_entries(data, out) == {"word/document.xml", "word/comments.xml"}
    assert_untouched_entries_identical(data, out, {"word/document.xml", "word/comments.xml"})
    again = read_bytes(out, "a.docx")
    assert again.directives == document.directives
    assert [c.text for c in docx.Document(io.BytesIO(out)).comments] == [
        "请核实数字。", "summarylint: disable T001", comment_text(finding(1, 14, 18))]


def test_comments_part_relationship_and_content_type_are_created_when_absent():
    data = package(THREE_RUNS)
    out = annotate(data, read_bytes(data, "a.docx"), [finding(1, 4, 8)], when=WHEN)
    assert changed_entries(data, out) == {
        "word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    rels = etree.fromstring(part(out, "word/_rels/document.xml.rels"))
    (relationship,) = [rel for rel in rels if rel.get("Type").endswith("/comments")]
    assert relationship.get("Target") == "comments.xml"
    assert relationship.get("Type") == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    types = etree.fromstring(part(out, "[Content_Types].xml"))
    assert [o.get("ContentType") for o in types if o.get("PartName") == "/word/comments.xml"] == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"]
    assert next(iter(docx.Document(io.BytesIO(out)).comments)).text == comment_text(finding(1, 4, 8))


def test_python_docx_package_with_its_styles_and_settings():
    def build(document):
        paragraph = document.add_paragraph()
        paragraph.add_run("全面落实意").bold = True
        paragraph.add_run("认形态工作").italic = True
        paragraph.add_run("责任制。")

    data = python_docx_package(build)
    document = read_bytes(data, "a.docx")
    out = annotate(data, document, [finding(1, 4, 8)], when=WHEN)
    changed = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert changed_entries(data, out) <= changed
    assert_untouched_entries_identical(data, out, changed)
    opened = docx.Document(io.BytesIO(out))
    assert [c.text for c in opened.comments] == [comment_text(finding(1, 4, 8))]
    assert [(r.text, r.bold, r.italic) for r in opened.paragraphs[0].runs if r.text] == [
        ("全面落实", True, None), ("意", True, None), ("认形态", None, True), ("工作", None, True), ("责任制。", None, None)]


def test_strict_open_xml_is_written_back_in_its_own_namespaces():
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    data = package(document=document_xml(THREE_RUNS, namespace=strict))
    document = read_bytes(data, "a.docx")
    out = annotate(data, document, [finding(1, 4, 8)], when=WHEN)
    main = part(out, "word/document.xml")
    assert b"schemas.openxmlformats.org/wordprocessingml" not in main and strict.encode() in main
    assert strict.encode() in part(out, "word/comments.xml")
    assert b"purl.oclc.org/ooxml/officeDocument/relationships/comments" in part(out, "word/_rels/document.xml.rels")
    assert [b.text for b in read_bytes(out, "a.docx").blocks] == [b.text for b in document.blocks]


def test_a_document_read_from_other_bytes_is_refused():
    document = read_bytes(package(p("另一份文件。")), "b.docx")
    with pytest.raises(DocxWriteError, match="not read from these bytes"):
        annotate(package(THREE_RUNS), document, [finding(1, 0, 1)])
    with pytest.raises(DocxWriteError, match="paragraph 3"):
        annotate(package(THREE_RUNS), read_bytes(package(THREE_RUNS), "a.docx"), [finding(3, 0, 1)])


def test_no_findings_returns_the_package_unchanged():
    data = package(THREE_RUNS)
    assert annotate(data, read_bytes(data, "a.docx"), []) == data


# ----------------------------------------------------------------------------- the example


@pytest.fixture(scope="module")
def example():
    data = EXAMPLE.read_bytes()
    document = read_bytes(data, EXAMPLE.name)
    result = check_document(document, Config(), RuleSet.load(plugins=False))
    return data, document, result.findings


def test_example_every_finding_gets_a_comment_and_only_four_entries_change(example):
    data, document, findings = example
    out = annotate(data, document, findings, when=WHEN)
    listed = comments_of(out)
    assert len(listed) == len(findings) >= 10
    assert ["".join(c.itertext()) for c in listed] == [comment_text(f) for f in findings]
    changed = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert changed_entries(data, out) == changed
    assert_untouched_entries_identical(data, out, changed)
    assert len(docx.Document(io.BytesIO(out)).comments) == len(findings)


def test_example_anchors_cover_exactly_the_flagged_characters(example):
    data, document, findings = example
    out = annotate(data, document, findings, when=WHEN)
    again = read_bytes(out, EXAMPLE.name)
    assert [b.text for b in again.blocks] == [b.text for b in document.blocks]
    assert [b.label for b in again.blocks] == [b.label for b in document.blocks]
    # Anchors are where the reader places the comment markers: read them back through the
    # directives machinery by marking every comment as a directive.
    comments = etree.fromstring(part(out, "word/comments.xml"))
    for c in comments.iter(W + "comment"):
        for t in c.iter(W + "t"):
            t.text = f"summarylint: disable {c.get(W + 'id')}"
    marked = read_bytes(with_part(out, "word/comments.xml", xml(comments)), EXAMPLE.name)
    spans = sorted((d.block, d.start, d.end) for d in marked.directives)
    expected = sorted(
        (f.span.block, 0, len(document.block(f.span.block).text)) if f.span.in_label or f.section_level
        else (f.span.block, f.span.start, f.span.end)
        for f in findings
    )
    assert spans == expected


def test_example_with_anchors_stripped_has_the_same_text_and_formatting_per_character(example):
    data, document, findings = example
    out = annotate(data, document, findings, when=WHEN)
    _, before = main_part(data)
    _, after = main_part(out)
    strip_comments(after, {str(i) for i in range(len(findings))})
    old = paragraphs_by_block(document, before)
    new = paragraphs_by_block(document, after)
    for old_p, new_p in zip(old, new, strict=True):
        assert char_formats(new_p) == char_formats(old_p)
        assert canonical(new_p.find(W + "pPr")) == canonical(old_p.find(W + "pPr"))


def test_splitting_the_run_that_holds_a_text_box_keeps_the_box_paragraphs_found():
    box = textbox_run(p("文本框里的意认形态。"))
    anchor_run = box.replace("<w:r>", '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">正文的意认形态</w:t>', 1)
    data = package(p(anchor_run, "结束。"))
    document = read_bytes(data, "a.docx")
    assert [b.text for b in document.blocks] == ["正文的意认形态结束。", "文本框里的意认形态。"]
    out = annotate(data, document, [finding(1, 3, 7), finding(2, 5, 9)], when=WHEN)
    assert [b.text for b in read_bytes(out, "a.docx").blocks] == [b.text for b in document.blocks]
    assert len(comments_of(out)) == 2
    _, root = main_part(out)
    choice = next(root.iter("{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"))
    assert [m.get(W + "id") for m in choice.iter(W + "commentRangeStart")] == ["1"]


class _Unseekable(io.RawIOBase):
    """A write-only stream: zipfile then writes each entry with a data descriptor."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.buffer.extend(data)
        return len(data)


def _repacked(data: bytes, *, compression: int, unseekable: bool = False) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    stream = _Unseekable() if unseekable else io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info))
    return bytes(stream.buffer) if unseekable else stream.getvalue()


@pytest.mark.parametrize(("compression", "unseekable"), [(zipfile.ZIP_STORED, False), (zipfile.ZIP_DEFLATED, True)],
                         ids=["stored", "data-descriptors"])
def test_untouched_entries_are_copied_raw_whatever_their_zip_form(compression, unseekable):
    data = _repacked(package(THREE_RUNS, comments=comments_xml(comment(0, "旧批注"))), compression=compression,
                     unseekable=unseekable)
    if unseekable:
        assert all(info.flag_bits & 0x08 for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    out = annotate(data, read_bytes(data, "a.docx"), [finding(1, 4, 8)], when=WHEN)
    assert changed_entries(data, out) == {"word/document.xml", "word/comments.xml"}
    assert_untouched_entries_identical(data, out, {"word/document.xml", "word/comments.xml"})
    assert [i.compress_type for i in zipfile.ZipFile(io.BytesIO(out)).infolist()] == [compression] * 5
