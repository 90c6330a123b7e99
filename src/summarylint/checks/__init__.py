"""Rule kinds, one module per family.

Each module in ``MODULES`` exposes ``RULES`` (rule classes defined in Python, instantiated
once per run) and may expose ``KINDS`` (rule kinds that rule packs in ``rules/*.toml``
instantiate with data).  Adding a module here is the only registration step.
"""

from __future__ import annotations

from importlib import import_module

from summarylint.checks.base import Context, Example, Rule, RuleKind

__all__ = ["MODULES", "Context", "Example", "Rule", "RuleKind", "builtin_rules", "rule_kinds"]

MODULES = (
    "sections",
    "references",
    "terms",
    "nearmiss",
    "traditional",
    "formulations",
    "statistics",
    "numbering",
    "punctuation",
    "consistency",
    "meta",
)


def _modules():
    return [import_module(f"summarylint.checks.{name}") for name in MODULES]


def builtin_rules() -> list[Rule]:
    return [rule_class() for module in _modules() for rule_class in getattr(module, "RULES", ())]


def rule_kinds() -> dict[str, type[RuleKind]]:
    return {kind.kind: kind for module in _modules() for kind in getattr(module, "KINDS", ())}
