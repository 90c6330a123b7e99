"""apply_fixes: spans replaced as tracked changes (or directly), nothing else touched."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarylint.model import Finding, Fix, Severity, Span
from summarylint.readers import read_bytes
from summarylint.readers.docx import paragraph_pieces
from summarylint.write import apply_to_text, choose_fixes
from summarylint.write.docx import apply_fixes, fix_docx
from tests.readers.docx_builders import field, p, package, python_docx_package, r, textbox_run
from tests.write import (
    WHEN_TEXT,
    W,
    accept_all,
    assert_untouched_entries_identical,
    canonical,
    changed_entries,
    char_formats,
    fragment,
    main_part,
    reject_all,
)

WHEN = datetime(2025, 7, 9, 16, 30, tzinfo=timezone(timedelta(hours=8)))  # Beijing time: written in UTC
BOLD, ITALIC, RED = "<w:b/>", "<w:i/>", '<w:color w:val="FF0000"/>'


def run(text: str, properties: str = "") -> str:
    return r(text).replace("<w:r>", f"<w:r><w:rPr>{properties}</w:rPr>", 1) if properties else r(text)


THREE_RUNS = p(run("全面落实意", BOLD), run("认形态工作", ITALIC), run("责任制。", RED))


def fix(block: int, start: int, end: int, replacement: str, rule: str = "T001") -> Finding:
    return Finding(rule, "x", Severity.ERROR, Span(block, start, end), "m", fix=Fix(replacement, True))


def texts(data: bytes) -> list[str]:
    return [b.text for b in read_bytes(data, "a.docx").blocks]


def formats(data: bytes) -> list[list[tuple[str, tuple]]]:
    document = read_bytes(data, "a.docx")
    return [char_formats(b.source) for b in document.blocks]


def paragraph(data: bytes, index: int = 0):
    _, root = main_part(data)
    return list(root.iter(W + "p"))[index]


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{text}</w:t>'


def revision(tag: str, revision_id: int, content: str) -> str:
    return f'<w:{tag} w:id="{revision_id}" w:author="summarylint" w:date="{WHEN_TEXT}">{content}</w:{tag}>'


# ----------------------------------------------------------------------------- exact XML


def test_tracked_fix_across_a_run_boundary():
    data = package(THREE_RUNS)
    document = read_bytes(data, "a.docx")
    out = apply_fixes(data, document, [fix(1, 4, 8, "意识形态")], when=WHEN)
    assert canonical(paragraph(out)) == fragment(
        "<w:p>"
        f"<w:r><w:rPr>{BOLD}</w:rPr>{t('全面落实')}</w:r>"
        + revision("del", 0,
                   f"<w:r><w:rPr>{BOLD}</w:rPr><w:delText xml:space=\"preserve\">意</w:delText></w:r>"
                   f"<w:r><w:rPr>{ITALIC}</w:rPr><w:delText xml:space=\"preserve\">认形态</w:delText></w:r>")
        + revision("ins", 1, f"<w:r><w:rPr>{BOLD}</w:rPr>{t('意识形态')}</w:r>")
        + f"<w:r><w:rPr>{ITALIC}</w:rPr>{t('工作')}</w:r>"
        f"<w:r><w:rPr>{RED}</w:rPr>{t('责任制。')}</w:r>"
        "</w:p>"
    )
    assert texts(accept_all(out)) == ["全面落实意识形态工作责任制。"]
    assert texts(reject_all(out)) == ["全面落实意认形态工作责任制。"]
    assert formats(reject_all(out)) == formats(data)
    # The reader reads a tracked package as if the changes were accepted.
    assert texts(out) == ["全面落实意识形态工作责任制。"]


def test_untracked_fix_puts_the_replacement_into_the_first_run_and_drops_emptied_runs():
    data = package(p(run("全面落实意", BOLD), run("认形态", ITALIC), run("工作责任制。", RED)))
    out = apply_fixes(data, read_bytes(data, "a.docx"), [fix(1, 4, 8, "意识形态")], track=False)
    assert canonical(paragraph(out)) == fragment(
        "<w:p>"
        f"<w:r><w:rPr>{BOLD}</w:rPr>{t('全面落实意识形态')}</w:r>"
        f"<w:r><w:rPr>{RED}</w:rPr>{t('工作责任制。')}</w:r>"
        "</w:p>"
    )
    assert not list(paragraph(out).iter(W + "ins", W + "del"))


def test_tracked_insertion_and_deletion():
    data = package(p(run("认真贯", BOLD), run("落实，", ITALIC), run("效果、但", RED)))
    document = read_bytes(data, "a.docx")
    fixes = [fix(1, 3, 3, "彻"), fix(1, 8, 9, "")]  # 贯|落实 gets 彻; 、 is deleted
    out = apply_fixes(data, document, fixes, when=WHEN)
    assert canonical(paragraph(out)) == fragment(
        "<w:p>"
        f"<w:r><w:rPr>{BOLD}</w:rPr>{t('认真贯')}</w:r>"
        + revision("ins", 1, f"<w:r><w:rPr>{BOLD}</w:rPr>{t('彻')}</w:r>")
        + f"<w:r><w:rPr>{ITALIC}</w:rPr>{t('落实，')}</w:r>"
        f"<w:r><w:rPr>{RED}</w:rPr>{t('效果')}</w:r>"
        + revision("del", 0, f"<w:r><w:rPr>{RED}</w:rPr><w:delText xml:space=\"preserve\">、</w:delText></w:r>")
        + f"<w:r><w:rPr>{RED}</w:rPr>{t('但')}</w:r>"
        "</w:p>"
    )
    assert texts(accept_all(out)) == [apply_to_text(document.blocks[0].text, fixes)] == ["认真贯彻落实，效果但"]
    assert texts(reject_all(out)) == ["认真贯落实，效果、但"]
    untracked = apply_fixes(data, document, fixes, track=False)
    assert texts(untracked) == ["认真贯彻落实，效果但"]
    assert [c for c, _ in formats(untracked)[0]] == list("认真贯彻落实，效果但")
    assert formats(untracked)[0][3][1] == formats(data)[0][0][1]  # 彻 takes the formatting of 贯


def test_span_over_tab_and_break_characters():
    data = package(p(r("甲", "<w:tab/>"), r("乙", "<w:br/>"), "丙"))
    document = read_bytes(data, "a.docx")
    assert document.blocks[0].text == "甲\t乙\n丙"
    for track in (True, False):
        out = apply_fixes(data, document, [fix(1, 1, 4, "，")], track=track, when=WHEN)
        final = accept_all(out) if track else out
        assert texts(final) == ["甲，丙"]
        if track:
            assert texts(reject_all(out)) == ["甲\t乙\n丙"]


def test_revision_ids_are_fresh_and_dates_utc():
    existing = revision("ins", 41, run("已插入。")).replace("summarylint", "审核人")
    data = package(p(existing, "意认形态") + p('<w:bookmarkStart w:id="57" w:name="a"/>', "领城管理",
                                              '<w:bookmarkEnd w:id="57"/>'))
    document = read_bytes(data, "a.docx")
    out = apply_fixes(data, document, [fix(1, 4, 8, "意识形态"), fix(2, 0, 2, "领域")], when=WHEN)
    _, root = main_part(out)
    ours = [e for e in root.iter(W + "ins", W + "del") if e.get(W + "author") == "summarylint"]
    assert sorted(int(e.get(W + "id")) for e in ours) == [58, 59, 60, 61]
    assert {e.get(W + "date") for e in ours} == {WHEN_TEXT}
    assert texts(accept_all(out)) == ["已插入。意识形态", "领域管理"]


def test_author_can_be_changed():
    data = package(THREE_RUNS)
    out = apply_fixes(data, read_bytes(data, "a.docx"), [fix(1, 4, 8, "意识形态")], author="校对组", when=WHEN)
    _, root = main_part(out)
    assert {e.get(W + "author") for e in root.iter(W + "ins", W + "del")} == {"校对组"}


# ----------------------------------------------------------------------------- protection


@pytest.mark.parametrize(
    ("content", "span"),
    [
        ((run("见"), '<w:hyperlink r:id="rId9">' + run("意认形态") + "</w:hyperlink>"), (1, 3)),
        (("第", field("PAGE", "12"), "页"), (0, 2)),
        ((run("已"), revision("ins", 3, run("插入")).replace("summarylint", "审核人"), run("的文字")), (1, 3)),
        ((run("甲"), revision("del", 3, '<w:r><w:delText>删</w:delText></w:r>').replace("summarylint", "审核人"),
          run("乙")), (0, 2)),
        ((r("意认", '<w:footnoteReference w:id="1"/>'), run("形态")), (0, 4)),
        ((run("甲"), '<w:fldSimple w:instr="DATE">' + run("2025年") + "</w:fldSimple>"), (0, 3)),
    ],
    ids=["hyperlink", "field-result", "tracked-insertion", "tracked-deletion-inside", "footnote-mark", "simple-field"],
)
def test_fixes_touching_protected_text_are_skipped_and_counted(content, span):
    data = package(p(*content))
    document = read_bytes(data, "a.docx")
    chosen = [fix(1, *span, "替换")]
    for track in (True, False):
        result = fix_docx(data, document, chosen, track=track, when=WHEN)
        assert result.applied == [] and [f for f, _ in result.skipped] == chosen
        assert texts(result.data) == [document.blocks[0].text]
        assert result.data == data  # nothing applied: the package is returned as it was


def test_a_skipped_fix_does_not_stop_the_others():
    data = package(p(run("见"), '<w:hyperlink r:id="rId9">' + run("意认形态") + "</w:hyperlink>", run("，领城")))
    document = read_bytes(data, "a.docx")
    fixes = [fix(1, 1, 5, "意识形态"), fix(1, 6, 8, "领域")]
    result = fix_docx(data, document, fixes, when=WHEN)
    assert result.applied == [fixes[1]] and result.skipped[0][0] is fixes[0]
    assert "hyperlink" in result.skipped[0][1]
    assert texts(accept_all(result.data)) == ["见意认形态，领域"]


def test_text_box_fix_changes_both_the_drawing_and_its_vml_fallback():
    data = package(p("正文。", textbox_run(p(run("文本框里的意认", BOLD), run("形态。")))))
    document = read_bytes(data, "a.docx")
    out = apply_fixes(data, document, [fix(2, 5, 9, "意识形态")], track=False)
    _, root = main_part(out)
    boxes = ["".join(box.itertext()) for box in root.iter(W + "txbxContent")]
    assert boxes == ["文本框里的意识形态。", "文本框里的意识形态。"]
    tracked = apply_fixes(data, document, [fix(2, 5, 9, "意识形态")], when=WHEN)
    _, root = main_part(accept_all(tracked))
    assert ["".join(box.itertext()) for box in root.iter(W + "txbxContent")] == boxes
    ids = [e.get(W + "id") for e in main_part(tracked)[1].iter(W + "ins", W + "del")]
    assert len(ids) == len(set(ids)) == 4


def test_untouched_entries_are_byte_identical_and_python_docx_opens_the_output():
    def build(document):
        paragraph = document.add_paragraph()
        paragraph.add_run("全面落实意").bold = True
        paragraph.add_run("认形态工作").italic = True
        paragraph.add_run("责任制。")

    data = python_docx_package(build)
    document = read_bytes(data, "a.docx")
    for track in (True, False):
        out = apply_fixes(data, document, [fix(1, 4, 8, "意识形态")], track=track, when=WHEN)
        assert changed_entries(data, out) == {"word/document.xml"}
        assert_untouched_entries_identical(data, out, {"word/document.xml"})
        opened = docx.Document(io.BytesIO(out))
        assert opened.paragraphs[0].text in ("全面落实工作责任制。", "全面落实意识形态工作责任制。")


# ----------------------------------------------------------------------------- property

CHARS = st.sampled_from(list("意识形态领域舆论工作责任制全面落实贯彻，。、；（）“”abcXYZ019 -"))
FORMATS = st.sampled_from(["", BOLD, ITALIC, RED, BOLD + ITALIC, '<w:color w:val="0070C0"/><w:u w:val="single"/>',
                           '<w:sz w:val="28"/>'])


@st.composite
def paragraphs_and_fixes(draw):
    paragraphs = draw(st.lists(
        st.lists(st.tuples(st.text(CHARS, min_size=1, max_size=6), FORMATS), min_size=1, max_size=5),
        min_size=1, max_size=3))
    fixes = []
    for index, runs in enumerate(paragraphs, start=1):
        length = sum(len(text) for text, _ in runs)
        boundaries = sorted(draw(st.lists(st.integers(0, length), max_size=6)))
        for start, end in zip(boundaries[::2], boundaries[1::2], strict=False):
            fixes.append(fix(index, start, end, draw(st.text(CHARS, max_size=4))))
    return paragraphs, fixes


def _span_map(text: str, fixes: list[Finding]) -> list[int | None]:
    """For each character of ``text``: its offset after the fixes, or None inside a span."""
    out: list[int | None] = [None] * len(text)
    shift = position = 0
    for f in fixes:
        for i in range(position, f.span.start):
            out[i] = i + shift
        shift += len(f.fix.replacement) - (f.span.end - f.span.start)
        position = f.span.end
    for i in range(position, len(text)):
        out[i] = i + shift
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs_and_fixes(), st.booleans())
def test_fixes_change_exactly_their_spans_and_keep_every_other_character_formatted(case, track):
    paragraphs, raw_fixes = case
    body = "".join(p(*(run(text, properties) for text, properties in runs)) for runs in paragraphs)
    data = package(body)
    document = read_bytes(data, "a.docx")
    fixes = choose_fixes(raw_fixes)
    out = apply_fixes(data, document, fixes, track=track, when=WHEN)
    final = accept_all(out) if track else out
    before, after = formats(data), formats(final)
    for block, old, new in zip(document.blocks, before, after, strict=True):
        block_fixes = [f for f in fixes if f.span.block == block.index]
        assert "".join(c for c, _ in new) == apply_to_text(block.text, block_fixes)
        for (char, properties), position in zip(old, _span_map(block.text, block_fixes), strict=True):
            if position is not None:
                assert new[position] == (char, properties)
        # A replacement takes the formatting of the first character it replaces.
        shift = 0
        for f in block_fixes:
            start = f.span.start + shift
            if f.span.end > f.span.start:
                for _char, properties in new[start : start + len(f.fix.replacement)]:
                    assert properties == old[f.span.start][1]
            shift += len(f.fix.replacement) - (f.span.end - f.span.start)
    if track:
        assert formats(reject_all(out)) == before
        assert texts(out) == [c for c in (apply_to_text(b.text, [f for f in fixes if f.span.block == b.index])
                                          for b in document.blocks)]


def test_paragraph_pieces_walk_is_what_the_writer_edits():
    data = package(THREE_RUNS)
    document = read_bytes(data, "a.docx")
    pieces = paragraph_pieces(document.blocks[0].source)
    assert [(piece.start, piece.end, piece.text, piece.protected) for piece in pieces] == [
        (0, 5, "全面落实意", False), (5, 10, "认形态工作", False), (10, 14, "责任制。", False)]
    assert all(piece.node.tag == W + "t" for piece in pieces)


def test_fixes_in_a_paragraph_and_the_text_box_it_anchors():
    box = textbox_run(p("文本框里的意认形态。"))
    anchor_run = box.replace("<w:r>", '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">正文的意认形态</w:t>', 1)
    data = package(p(anchor_run, "结束。"))
    document = read_bytes(data, "a.docx")
    fixes = [fix(1, 3, 7, "意识形态"), fix(2, 5, 9, "意识形态")]
    for track in (True, False):
        result = fix_docx(data, document, fixes, track=track, when=WHEN)
        assert result.applied == fixes
        final = accept_all(result.data) if track else result.data
        assert texts(final) == ["正文的意识形态结束。", "文本框里的意识形态。"]
        _, root = main_part(final)
        assert ["".join(b.itertext()) for b in root.iter(W + "txbxContent")] == ["文本框里的意识形态。"] * 2
