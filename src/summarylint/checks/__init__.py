"""Rule kinds, one module per family.  ``BUILTIN_RULES`` lists the rules defined in
Python; ``RULE_KINDS`` the kinds that rule packs (``rules/*.toml``) instantiate."""

from __future__ import annotations

from summarylint.checks.base import Context, Example, Rule, RuleKind

__all__ = ["Context", "Example", "Rule", "RuleKind", "builtin_rules", "rule_kinds"]


def builtin_rules() -> list[Rule]:
    from summarylint.checks.numbering import HeadingMarkerRule
    from summarylint.checks.references import PeriodUnknownRule

    return [HeadingMarkerRule(), PeriodUnknownRule()]


def rule_kinds() -> dict[str, type[RuleKind]]:
    from summarylint.checks.sections import RequiredPartsRule
    from summarylint.checks.terms import TermsRule

    return {kind.kind: kind for kind in (TermsRule, RequiredPartsRule)}
