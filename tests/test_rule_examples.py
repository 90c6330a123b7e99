"""Every rule documents itself with examples, and the examples hold."""

from __future__ import annotations

import re

import pytest

from summarylint.checks.base import RULE_ID
from summarylint.engine import RuleSet
from tests.conftest import run_text

RULES = sorted(RuleSet.load(plugins=False).rules.values(), key=lambda r: r.id)
#: Rules the engine emits itself (no examples of their own to run through check()).
ENGINE_RULES = {"R000"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert RULE_ID.match(rule.id)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
    assert rule.summary and len(rule.explanation) >= 40
    if rule.id not in ENGINE_RULES:
        assert any(e.fires for e in rule.examples), f"{rule.id} has no wrong example"
        assert any(not e.fires for e in rule.examples), f"{rule.id} has no right example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule, ruleset):
    for example in rule.examples:
        result = run_text(ruleset, example.text, select=[rule.id, *example.also], period=example.period or "2025H1",
                          path="example.md" if example.markdown else "example.txt", profile=example.profile)
        fired = [f for f in result.findings if f.rule == rule.id]
        assert bool(fired) == example.fires, (example.text, fired)


def test_rule_names_and_ids_are_unique():
    assert len({r.name for r in RULES}) == len(RULES)
