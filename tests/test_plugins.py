"""The third door: rule kinds and rules from installed packages (entry-point group
``summarylint.rules``)."""

from __future__ import annotations

import sys
import textwrap

import pytest

from summarylint.engine import RulePackError, RuleSet
from tests.conftest import run_text

PLUGIN = '''
from summarylint.checks.base import Example, Rule
from summarylint.model import Severity


class NoWeekendRule(Rule):
    id = "ABC001"
    name = "no-weekend-word"
    severity = Severity.INFO
    summary = "不用“周末”，写具体日期"
    explanation = "本单位规定总结中的时间写具体日期，不写“周末”这类说法，便于核对工作记录。"
    examples = (Example("周末组织学习。", True), Example("6月8日组织学习。", False))

    def check(self, ctx):
        for block in ctx.text_blocks():
            start = block.text.find("周末")
            if start >= 0:
                yield ctx.finding(self, block.index, start, start + 2, "写具体日期，不写“周末”。")


class BadIdRule(NoWeekendRule):
    id = "T999"
    name = "pretends-to-be-built-in"
'''


def install(tmp_path, monkeypatch, value: str) -> None:
    (tmp_path / "sl_plugin_demo.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    dist = tmp_path / "sl_plugin_demo-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sl-plugin-demo\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[summarylint.rules]\ndemo = {value}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "sl_plugin_demo", raising=False)


def test_plugin_rule_is_loaded_and_runs(tmp_path, monkeypatch):
    install(tmp_path, monkeypatch, "sl_plugin_demo:NoWeekendRule")
    ruleset = RuleSet.load()
    assert "ABC001" in ruleset.rules
    result = run_text(ruleset, "　　周末组织学习12次。", select=["ABC"])
    assert [(f.rule, f.paragraph, f.column, f.end_column) for f in result.findings] == [("ABC001", 1, 3, 5)]


def test_plugin_rules_need_their_own_prefix(tmp_path, monkeypatch):
    install(tmp_path, monkeypatch, "sl_plugin_demo:BadIdRule")
    with pytest.raises(RulePackError, match="plugin rule ids need a prefix of 2-4 capital letters, not T999"):
        RuleSet.load()


def test_broken_plugin_is_a_clear_error(tmp_path, monkeypatch):
    install(tmp_path, monkeypatch, "sl_plugin_demo:Missing")
    with pytest.raises(RulePackError, match=r"plugin demo \(sl_plugin_demo:Missing\): cannot load"):
        RuleSet.load()
