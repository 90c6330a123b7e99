"""LINT: findings about summarylint's own directives (emitted by the engine)."""

from __future__ import annotations

from collections.abc import Iterable

from summarylint.checks.base import Context, Example, Rule
from summarylint.model import Finding, Severity


class UnusedSuppressionRule(Rule):
    id = "LINT001"
    name = "unused-suppression"
    severity = Severity.INFO
    scope = "document"
    summary = "抑制指令没有抑制任何问题，可以删去"
    explanation = (
        "“summarylint: disable T001”这样的指令（文本中的注释行，或 Word 批注）如果所覆盖的范围里"
        "已经没有对应的问题，就不再需要了。留着它会在以后真有问题时把问题藏起来。"
    )
    examples = (
        Example("<!-- summarylint: disable T001 -->\n全面落实意识形态工作责任制。", True, also=("T001",)),
        Example("<!-- summarylint: disable T001 -->\n全面落实意认形态工作责任制。", False, also=("T001",)),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()


class InvalidDirectiveRule(Rule):
    id = "LINT002"
    name = "invalid-directive"
    severity = Severity.WARNING
    scope = "document"
    summary = "无法识别的 summarylint 指令"
    explanation = (
        "以“summarylint:”开头的注释或 Word 批注是给本工具的指令，格式为"
        "“summarylint: disable T001”“summarylint: disable-next-line T001,P007”“summarylint: enable”。"
        "写错的指令不会生效，所以单独报告，以免以为已经抑制。"
    )
    examples = (
        Example("<!-- summarylint: disabel T001 -->\n全面落实意认形态工作责任制。", True),
        Example("<!-- summarylint: disable-next-line T001 -->\n全面落实意认形态工作责任制。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()


RULES = [UnusedSuppressionRule, InvalidDirectiveRule]
