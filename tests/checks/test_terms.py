"""T001: misspelled fixed terms from rules/terms.toml."""

from __future__ import annotations

import pytest

from summarylint.engine import RuleSet
from tests.conftest import located, run_text

T001 = RuleSet.load(plugins=False).rules["T001"]


def test_seed_typos_with_exact_locations_and_fixes(ruleset):
    text = "\n".join([
        "　　意认形态工作关乎国家的旗帜、道路和政治安全。",
        "　　我中心党支部高度重视意形态工作，明确中心领导子对意识形态工作负主体责任。",
        "　　中心党支部通过网站积极宣传正确的與论导向。",
        "　　中心党支部在意识形态领城工作中做了很多工作，理解还不的深入。",
        "　　更加严格地贯落实局党委的安排部署。",
    ])
    result = run_text(ruleset, text, select=["T001"])
    assert located(result) == [
        ("T001", 1, 3, 7, "意认形态"),
        ("T001", 2, 13, 16, "意形态"),
        ("T001", 2, 23, 26, "领导子"),
        ("T001", 3, 19, 21, "與论"),
        ("T001", 4, 13, 15, "领城"),
        ("T001", 4, 28, 30, "不的"),
        ("T001", 5, 8, 11, "贯落实"),
    ]
    fixes = [(f.fix.replacement, f.fix.safe) for f in result.findings]
    # Entries whose raw string can be valid elsewhere (创意形态, 领导子女) are never auto-applied.
    assert fixes == [("意识形态", True), ("意识形态", False), ("领导班子", False), ("舆论", True),
                     ("领域", False), ("不够", False), ("贯彻落实", True)]
    first = result.findings[0]
    assert first.message == "“意认形态”应为“意识形态”（认/识形近）。"
    assert first.suggestion == "改为“意识形态”"
    assert str(first.severity) == "error"


def test_guards_keep_correct_prose_silent(ruleset):
    text = "\n".join([
        "　　带领城乡居民共同致富，率领城管队员开展整治。",
        "　　加强对领导子女、配偶和身边工作人员的教育管理。",
        "　　我局一贯落实中央八项规定精神，自我中心党支部成立以来共组织学习16次。",
        "　　坚持以习近平新时代中国特色社会主义思想为指导，创意形态多样的宣传产品。",
        "　　利用“学习强国”学习平台，深入学习《准则》《条例》。",
    ])
    assert located(run_text(ruleset, text, select=["T001"])) == []


@pytest.mark.parametrize("entry", T001.entries, ids=lambda e: e.wrong)
def test_every_pack_entry_has_examples_that_hold(entry, ruleset):
    assert entry.fail and entry.passes, f"{entry.wrong}: needs fail and pass examples"
    for sentence in entry.fail:
        found = [(f.rule, sentence[f.span.start : f.span.end]) for f in run_text(ruleset, sentence, select=["T001"]).findings]
        assert ("T001", entry.wrong) in found, (sentence, found)
    for sentence in entry.passes:
        assert located(run_text(ruleset, sentence, select=["T001"])) == [], sentence


def test_longest_match_wins_and_matches_do_not_overlap():
    matches = T001.matches("宣传正确的與論导向和與情")
    assert [(s, e, t.wrong, t.right) for s, e, t in matches] == [(5, 7, "與論", "舆论"), (10, 12, "與情", "舆情")]
