"""In-document suppression directives in text files (Word comments: tests/readers)."""

from __future__ import annotations

from tests.conftest import located, run_text

BODY = "　　全面落实意认形态工作责任制，强化意识形态领城管理。"


def test_disable_and_enable_region(ruleset):
    text = "\n".join([
        "<!-- summarylint: disable T001 -->",  # 1
        BODY,  # 2 suppressed
        "<!-- summarylint: enable -->",  # 3
        BODY,  # 4 reported
    ])
    result = run_text(ruleset, text, select=["T001", "LINT"])
    assert located(result) == [("T001", 4, 7, 11, "意认形态"), ("T001", 4, 23, 25, "领城")]
    assert [(s.finding.paragraph, s.finding.rule, s.kind) for s in result.suppressed] == [
        (2, "T001", "inSource"), (2, "T001", "inSource"),
    ]
    assert result.document.block(1).text == ""  # the directive line is not text to check


def test_disable_next_line_with_several_rules_and_prefixes(ruleset):
    text = "\n".join([
        "<!-- summarylint: disable-next-line P, T001 -->",  # 1
        "",  # 2 empty lines are skipped
        BODY,  # 3 suppressed
        BODY,  # 4 reported
    ])
    result = run_text(ruleset, text, select=["T001", "LINT"])
    assert located(result) == [("T001", 4, 7, 11, "意认形态"), ("T001", 4, 23, 25, "领城")]
    assert [s.finding.paragraph for s in result.suppressed] == [3, 3]


def test_disable_next_line_covers_only_the_next_paragraph_with_text(ruleset):
    text = "\n".join(["<!-- summarylint: disable-next-line T001 -->", "一、主要做法", BODY])
    result = run_text(ruleset, text, select=["T001", "LINT"])
    assert [(f.rule, f.paragraph) for f in result.findings] == [("LINT001", 1), ("T001", 3), ("T001", 3)]


def test_disable_without_rules_covers_everything_to_the_end(ruleset):
    text = "\n".join([BODY, "<!-- summarylint: disable -->", BODY, BODY])
    result = run_text(ruleset, text, select=["T001", "LINT"])
    assert [f.paragraph for f in result.findings] == [1, 1]
    assert [s.finding.paragraph for s in result.suppressed] == [3, 3, 4, 4]


def test_unused_and_invalid_directives_are_reported(ruleset):
    text = "\n".join([
        "<!-- summarylint: disable-next-line T001 -->",  # 1 unused: line 2 is correct
        "　　全面落实意识形态工作责任制。",  # 2
        "<!-- summarylint: disabel T001 -->",  # 3 invalid
        BODY,  # 4 still reported
        "<!-- summarylint: enable -->",  # 5 enable without disable
    ])
    result = run_text(ruleset, text, select=["T001", "LINT"])
    assert [(f.rule, f.paragraph, str(f.severity)) for f in result.findings] == [
        ("LINT001", 1, "info"), ("LINT002", 3, "warning"), ("T001", 4, "error"), ("T001", 4, "warning"),
        ("LINT002", 5, "warning"),
    ]
    assert result.findings[0].message == "指令“summarylint: disable-next-line T001”（T001）在其范围内没有抑制任何问题。"


def test_directive_for_a_rule_that_did_not_run_is_not_called_unused(ruleset):
    text = "<!-- summarylint: disable-next-line P007 -->\n" + BODY
    assert [f.rule for f in run_text(ruleset, text, select=["T001", "LINT"]).findings] == ["T001", "T001"]


def test_markdown_directives(ruleset):
    text = "# 总结\n\n<!-- summarylint: disable-next-line T001 -->\n" + BODY.strip()
    result = run_text(ruleset, text, select=["T001", "LINT"], path="a.md")
    assert result.findings == [] and len(result.suppressed) == 2
