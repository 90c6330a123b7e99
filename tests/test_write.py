"""Choosing and applying fixes (the shared part of `fix` for text and .docx)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from summarylint.model import Finding, Fix, Severity, Span
from summarylint.write import apply_to_text, choose_fixes


def finding(block, start, end, replacement, safe=True, rule="T001", **kwargs):
    return Finding(rule, "x", Severity.ERROR, Span(block, start, end, kwargs.pop("in_label", False)), "m",
                   fix=Fix(replacement, safe), **kwargs)


def test_safe_only_by_default_and_no_overlaps():
    fs = [finding(1, 0, 4, "AAAA"), finding(1, 2, 6, "B", safe=False), finding(1, 3, 5, "C"),
          finding(1, 6, 8, "D"), finding(2, 0, 1, "E", in_label=True), finding(2, 0, 0, "F", section_level=True)]
    assert [f.fix.replacement for f in choose_fixes(fs)] == ["AAAA", "D"]
    assert [f.fix.replacement for f in choose_fixes(fs, unsafe=True)] == ["AAAA", "D"]
    assert [f.fix.replacement for f in choose_fixes(fs[1:], unsafe=True)] == ["B", "D"]


def test_apply_to_text():
    text = "全面落实意认形态工作责任制，强化意识形态领城管理。"
    fixes = choose_fixes([finding(1, 4, 8, "意识形态"), finding(1, 20, 22, "领域", safe=False)], unsafe=True)
    assert apply_to_text(text, fixes) == "全面落实意识形态工作责任制，强化意识形态领域管理。"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6), st.text(max_size=4)),
                                               max_size=8))
def test_a_fix_never_changes_text_outside_its_span(text, raw):
    fs = []
    for start, length, replacement in raw:
        start = min(start, len(text))
        fs.append(finding(1, start, min(len(text), start + length), replacement))
    chosen = choose_fixes(fs)
    result = apply_to_text(text, chosen)
    # Walk the chosen spans: the text between them is unchanged, each span is replaced.
    position, out_position = 0, 0
    for f in chosen:
        gap = text[position : f.span.start]
        assert result[out_position : out_position + len(gap)] == gap
        out_position += len(gap)
        assert result[out_position : out_position + len(f.fix.replacement)] == f.fix.replacement
        out_position += len(f.fix.replacement)
        position = f.span.end
    assert result[out_position:] == text[position:]
    for a, b in itertools.pairwise(chosen):
        assert a.span.end <= b.span.start
