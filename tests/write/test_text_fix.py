"""Fixes written back into .txt / .md files: encodings, BOMs, line endings, Markdown."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summarylint.config import Config
from summarylint.engine import RuleSet, check_document
from summarylint.model import Block, Document, Finding, Fix, Severity, Span
from summarylint.readers.text import decode_text, read_text
from summarylint.write import apply_to_text, choose_fixes
from summarylint.write.text import fix_text, unified_diff, write_atomic

WRONG = "全面落实意认形态工作责任制"
RIGHT = "全面落实意识形态工作责任制"


def finding(block, start, end, replacement, safe=True, rule="T001"):
    return Finding(rule, "x", Severity.ERROR, Span(block, start, end), "m", fix=Fix(replacement, safe))


def term_fix(block, text):
    """The T001 fix 意认形态 → 意识形态 on ``text`` (block ``block``)."""
    start = text.index("意认形态")
    return finding(block, start, start + 4, "意识形态")


def fix(data: bytes, fixes_for, *, markdown=False):
    """Read ``data``, build fixes with ``fixes_for(document)``, apply them."""
    doc = read_text(data, "a.md" if markdown else "a.txt", markdown=markdown)
    return doc, fix_text(data, doc, fixes_for(doc))


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "bom", "codec"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8-sig", codecs.BOM_UTF8, "utf-8"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("gb18030", b"", "gb18030"),
    ],
)
def test_each_encoding_and_bom_is_kept(encoding, bom, codec):
    source = f"一、主要工作\n{WRONG}。\n组织开展专题学习12次。\n"
    data = bom + source.encode(codec)
    doc, result = fix(data, lambda d: [term_fix(2, d.block(2).text)])
    assert doc.encoding == encoding
    assert result.skipped == []
    assert len(result.applied) == 1
    assert result.data == bom + source.replace(WRONG, RIGHT).encode(codec)


def test_gb18030_stays_gb18030():
    source = f"一、主要工作\r\n{WRONG}。\r\n"
    data = source.encode("gb18030")
    _doc, result = fix(data, lambda d: [term_fix(2, d.block(2).text)])
    out = result.data
    assert "意识形态".encode("gb18030") in out
    assert "意识形态".encode() not in out
    assert out.decode("gb18030") == source.replace(WRONG, RIGHT)
    assert decode_text(out) == (source.replace(WRONG, RIGHT), "gb18030")
    # The unchanged first line is byte-identical.
    assert out.startswith("一、主要工作\r\n".encode("gb18030"))


def test_gb18030_four_byte_characters_survive():
    source = f"𠮷𠮷同志{WRONG}€\n"
    data = source.encode("gb18030")
    _doc, result = fix(data, lambda d: [term_fix(1, d.block(1).text)])
    assert result.data == source.replace(WRONG, RIGHT).encode("gb18030")


# --------------------------------------------------------------------------- line endings


def test_crlf_is_kept():
    data = f"标题\r\n{WRONG}。\r\n最后一行\r\n".encode()
    _doc, result = fix(data, lambda d: [term_fix(2, d.block(2).text)])
    assert result.data == f"标题\r\n{RIGHT}。\r\n最后一行\r\n".encode()


def test_mixed_line_endings_are_kept_per_line():
    source = f"标题\r\n{WRONG}\n第三行\r{WRONG}\r\n\n{WRONG}\r"
    data = source.encode()
    _doc, result = fix(data, lambda d: [term_fix(n, d.block(n).text) for n in (2, 4, 6)])
    assert len(result.applied) == 3
    assert result.data == source.replace(WRONG, RIGHT).encode()
    assert re.findall(r"\r\n|\r|\n", result.data.decode()) == ["\r\n", "\n", "\r", "\r\n", "\n", "\r"]


@pytest.mark.parametrize("final", ["", "\n", "\r\n"])
def test_final_newline_or_none(final):
    source = f"标题\n{WRONG}" + final
    _doc, result = fix(source.encode(), lambda d: [term_fix(2, d.block(2).text)])
    assert result.data == (f"标题\n{RIGHT}" + final).encode()


def test_fix_on_the_first_line_and_insertions():
    source = "意认形态\n\n末行"
    _doc, result = fix(source.encode(), lambda d: [finding(1, 0, 4, "意识形态"), finding(2, 0, 0, "插入"),
                                                   finding(3, 2, 2, "。")])
    assert result.data == "意识形态\n插入\n末行。".encode()


def test_input_bytes_are_not_modified():
    data = bytearray(f"{WRONG}\n".encode())
    original = bytes(data)
    doc = read_text(bytes(data), "a.txt", markdown=False)
    result = fix_text(data, doc, [term_fix(1, WRONG)])
    assert data == original
    assert result.data == f"{RIGHT}\n".encode()


# --------------------------------------------------------------------------- skipped fixes


def test_skipped_fixes_have_reasons_and_change_nothing():
    data = f"{WRONG}\n第二行\n".encode("gb18030")
    doc = read_text(data, "a.txt", markdown=False)
    fixes = [
        finding(1, 0, 2, "\ud800"),  # a lone surrogate: no codec can write it
        finding(1, 4, 8, "意识\n形态"),  # would split the line
        finding(2, 0, 9, "超出"),  # past the end of the line
        finding(3, 0, 0, "无此行"),  # no such line
    ]
    result = fix_text(data, doc, fixes)
    assert result.data == data
    assert result.applied == []
    assert [f for f, _ in result.skipped] == fixes
    for _f, reason in result.skipped:
        assert reason and "\n" not in reason
    assert "gb18030" in result.skipped[0][1]
    assert "line break" in result.skipped[1][1]


def test_overlapping_fixes_keep_the_first():
    data = f"{WRONG}\n".encode()
    doc = read_text(data, "a.txt", markdown=False)
    first, second = finding(1, 4, 8, "意识形态"), finding(1, 6, 10, "X")
    result = fix_text(data, doc, [second, first])
    assert result.applied == [first]
    assert result.skipped == [(second, "overlaps another fix on the same line")]
    assert result.data == f"{RIGHT}\n".encode()


def test_document_that_does_not_match_the_file():
    data = "原文\n".encode()
    doc = Document("a.txt", "text", (Block(1, "别的文字", source=1),), encoding="utf-8")
    result = fix_text(data, doc, [finding(1, 0, 2, "改")])
    assert result.data == data
    assert "differs" in result.skipped[0][1]


def test_a_line_emptied_after_a_cr_is_not_joined():
    # "A\rB\n" with B deleted would be "A\r\n": one line break instead of two.
    data = b"A\rB\nC\n"
    doc = read_text(data, "a.txt", markdown=False)
    result = fix_text(data, doc, [finding(2, 0, 1, "")])
    assert result.data == data
    assert "join" in result.skipped[0][1]


# --------------------------------------------------------------------------- Markdown and directives


MARKDOWN = (
    "# 意认形态工作总结\n"
    "\n"
    f"{WRONG}。\n"
    f"- {WRONG}\n"
    f"全面落实**意认形态**工作责任制\n"
    "<!-- summarylint: disable T001 -->\n"
    f"> {WRONG}\n"
)


def test_markdown_fixes_on_plain_lines_only():
    data = MARKDOWN.encode()
    doc = read_text(data, "a.md", markdown=True)
    assert doc.block(5).text == WRONG  # the reader removed ** from the block text
    fixes = [term_fix(n, doc.block(n).text) for n in (1, 3, 4, 5, 7)]
    result = fix_text(data, doc, fixes)
    assert [f.span.block for f in result.applied] == [1, 3, 4, 7]
    ((skipped, reason),) = result.skipped
    assert skipped.span.block == 5
    assert "markup" in reason and "\n" not in reason
    assert result.data.decode() == (
        "# 意识形态工作总结\n"
        "\n"
        f"{RIGHT}。\n"
        f"- {RIGHT}\n"
        f"全面落实**意认形态**工作责任制\n"
        "<!-- summarylint: disable T001 -->\n"
        f"> {RIGHT}\n"
    )


def test_markdown_replacement_that_would_be_markup_is_skipped():
    data = f"{WRONG}\n".encode()
    doc = read_text(data, "a.md", markdown=True)
    result = fix_text(data, doc, [finding(1, 0, 2, "*全面*")])
    assert result.data == data
    assert "markup" in result.skipped[0][1]


@pytest.mark.parametrize("markdown", [False, True])
def test_directive_lines_are_never_touched(markdown):
    directive = "<!-- summarylint: disable T001 -->"
    data = f"{directive}\r\n{WRONG}\r\n".encode()
    doc = read_text(data, "a.md" if markdown else "a.txt", markdown=markdown)
    assert doc.block(1).container == "directive"
    fixes = [finding(1, 0, 0, "插入"), term_fix(2, WRONG)]
    result = fix_text(data, doc, fixes)
    assert result.applied == [fixes[1]]
    assert result.skipped[0][0] is fixes[0] and "directive" in result.skipped[0][1]
    assert result.data == f"{directive}\r\n{RIGHT}\r\n".encode()


def test_markdown_code_and_front_matter_are_not_prose():
    data = f"---\ntitle: x\n---\n```\n{WRONG}\n```\n".encode()
    doc = read_text(data, "a.md", markdown=True)
    result = fix_text(data, doc, [finding(5, 0, 0, "插入")])
    assert result.data == data
    assert result.skipped and result.applied == []


# --------------------------------------------------------------------------- the real pipeline


def test_pipeline_fixes_what_it_finds():
    source = (
        "关于2025年上半年工作的总结\r\n"
        "一、主要做法\r\n"
        f"1、强化组织领导，{WRONG}\r\n"
        "组织开展专题学习12次，强化意识形态领城管理。\r\n"
        "(二)意认形态工作\r\n"
    )
    data = source.encode("gb18030")
    config = Config(select=("T001", "F001"))
    ruleset = RuleSet.load(plugins=False)
    doc = read_text(data, "a.txt", markdown=False)
    before = check_document(doc, config, ruleset)
    chosen = choose_fixes(before.findings)
    assert {f.rule for f in chosen} == {"T001", "F001"}
    result = fix_text(data, doc, chosen)
    assert result.skipped == []
    assert result.applied == chosen

    fixed = read_text(result.data, "a.txt", markdown=False)
    assert fixed.encoding == "gb18030"
    after = check_document(fixed, config, ruleset)
    assert choose_fixes(after.findings) == []
    assert [(f.rule, f.fix.safe) for f in after.findings if f.fix] == [("T001", False)]  # 领城: unsafe, not applied
    assert result.data.decode("gb18030") == (
        "关于2025年上半年工作的总结\r\n"
        "一、主要做法\r\n"
        f"1.强化组织领导，{RIGHT}\r\n"
        "组织开展专题学习12次，强化意识形态领城管理。\r\n"
        "（二）意识形态工作\r\n"
    )


# --------------------------------------------------------------------------- diff


def test_unified_diff_exact():
    old = f"第一行\r\n{WRONG}\r\n第三行\r\n第四行\r\n第五行\r\n".encode()
    new = old.replace(WRONG.encode(), RIGHT.encode())
    assert unified_diff(old, new, "docs/a.txt", "utf-8") == (
        "--- a/docs/a.txt\n"
        "+++ b/docs/a.txt\n"
        "@@ -1,5 +1,5 @@\n"
        " 第一行\n"
        f"-{WRONG}\n"
        f"+{RIGHT}\n"
        " 第三行\n"
        " 第四行\n"
        " 第五行\n"
    )


def test_unified_diff_no_final_newline_and_bom():
    old = codecs.BOM_UTF16_LE + f"标题\n{WRONG}".encode("utf-16-le")
    new = codecs.BOM_UTF16_LE + f"标题\n{RIGHT}".encode("utf-16-le")
    assert unified_diff(old, new, "a.txt", "utf-16-le") == (
        "--- a/a.txt\n"
        "+++ b/a.txt\n"
        "@@ -1,2 +1,2 @@\n"
        " 标题\n"
        f"-{WRONG}\n"
        "\\ No newline at end of file\n"
        f"+{RIGHT}\n"
        "\\ No newline at end of file\n"
    )
    assert unified_diff(old, old, "a.txt", "utf-16-le") == ""


# --------------------------------------------------------------------------- writing


def test_write_atomic_with_backup(tmp_path):
    path = tmp_path / "总结.txt"
    original = f"{WRONG}\r\n".encode("gb18030")
    path.write_bytes(original)
    os.chmod(path, 0o640)
    new = f"{RIGHT}\r\n".encode("gb18030")
    write_atomic(path, new, backup=True)
    assert path.read_bytes() == new
    bak = tmp_path / "总结.txt.bak"
    assert bak.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["总结.txt", "总结.txt.bak"]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert stat.S_IMODE(bak.stat().st_mode) == 0o640
    # A second run backs up the current content, replacing the old backup.
    write_atomic(path, b"third", backup=True)
    assert bak.read_bytes() == new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["总结.txt", "总结.txt.bak"]


def test_write_atomic_new_file_without_backup(tmp_path):
    path = tmp_path / "out.txt"
    write_atomic(path, b"abc")
    assert path.read_bytes() == b"abc"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    write_atomic(path, b"def", backup=True)  # no .bak unless asked: here asked, so one
    assert (tmp_path / "out.txt.bak").read_bytes() == b"abc"


def test_write_atomic_failure_leaves_original_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_write_atomic_follows_a_symlink(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


# --------------------------------------------------------------------------- property


ENCODINGS = {
    "utf-8": ("utf-8", b"", {"utf-8"}),
    "utf-8-sig": ("utf-8", codecs.BOM_UTF8, {"utf-8-sig"}),
    "utf-16-le": ("utf-16-le", codecs.BOM_UTF16_LE, {"utf-16-le"}),
    "utf-16-be": ("utf-16-be", codecs.BOM_UTF16_BE, {"utf-16-be"}),
    # Pure ASCII written as GB18030 is also valid UTF-8, and the reader says so.
    "gb18030": ("gb18030", b"", {"gb18030", "utf-8"}),
}
CHARS = [*"ab Z09.,意识形态工作总结认领城域，。、（）“”\u3000", "𠮷", "€", "\u00e9"]
LINE = st.text(st.sampled_from(CHARS), max_size=10)
ENDING = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(LINE, ENDING), min_size=1, max_size=8),
    st.booleans(),
    st.sampled_from(sorted(ENCODINGS)),
    st.data(),
)
def test_property_only_fixed_lines_change(pairs, final_newline, encoding, data):
    lines = [line for line, _ in pairs]
    endings = [ending for _, ending in pairs]
    if not final_newline:
        endings[-1] = ""
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()
            endings.pop()
    for k in range(len(lines) - 1):  # "\r" + "" + "\n" would read as one "\r\n"
        if endings[k] == "\r" and lines[k + 1] == "" and endings[k + 1] == "\n":
            endings[k + 1] = "\r\n"
    assume(any(line.strip() for line in lines))
    codec, bom, reported = ENCODINGS[encoding]
    raw_lines = [line.encode(codec) for line in lines]
    raw_endings = [ending.encode(codec) for ending in endings]
    source = bom + b"".join(r + e for r, e in zip(raw_lines, raw_endings, strict=True))

    doc = read_text(source, "a.txt", markdown=False)
    assert doc.encoding in reported
    assume([b.text for b in doc.blocks] == lines)  # GB18030 bytes that happen to be valid UTF-8
    if doc.encoding == "utf-8":
        # An ASCII-only "GB18030" file is UTF-8 to the reader, so changed lines are written
        # as UTF-8 (the unchanged ASCII bytes are the same in both).
        codec = "utf-8"

    candidates = []
    for n, line in enumerate(lines, 1):
        for start, length, replacement in data.draw(
            st.lists(st.tuples(st.integers(0, len(line)), st.integers(0, 4), st.text(st.sampled_from(CHARS), max_size=4)),
                     max_size=3)
        ):
            candidates.append(finding(n, start, min(len(line), start + length), replacement))
    chosen = choose_fixes(candidates)
    result = fix_text(source, doc, chosen)

    # Every chosen fix is applied, except one that would empty a line right after a
    # lone "\r" whose own ending is "\n" (the two breaks would read as one "\r\n").
    assert len(result.applied) + len(result.skipped) == len(chosen)
    for f, _reason in result.skipped:
        k = f.span.block - 1
        assert k > 0 and endings[k - 1] == "\r" and endings[k] == "\n"

    new_lines = [apply_to_text(line, [f for f in result.applied if f.span.block == n])
                 for n, line in enumerate(lines, 1)]
    fixed_blocks = {f.span.block for f in result.applied}
    expected = bom + b"".join(
        (new.encode(codec) if n in fixed_blocks else raw) + ending
        for n, (new, raw, ending) in enumerate(zip(new_lines, raw_lines, raw_endings, strict=True), 1)
    )
    assert result.data == expected

    # The same, spelled out: BOM, decoded lines, line endings.
    assert result.data[: len(bom)] == bom
    text = result.data[len(bom):].decode(codec)
    pieces = re.split(r"(\r\n|\r|\n)", text)
    assert pieces[1::2] == [e for e in endings if e]
    assert text == "".join(new + ending for new, ending in zip(new_lines, endings, strict=True))
    # Lines without fixes are byte-identical: compare the byte chunks line by line.
    out_body = result.data[len(bom):]
    position = 0
    for n, (new, raw, ending) in enumerate(zip(new_lines, raw_lines, raw_endings, strict=True), 1):
        chunk = new.encode(codec) if n in fixed_blocks else raw
        assert out_body[position : position + len(chunk)] == chunk
        if n not in fixed_blocks:
            assert chunk == raw
        position += len(chunk)
        assert out_body[position : position + len(ending)] == ending
        position += len(ending)
    assert position == len(out_body)
