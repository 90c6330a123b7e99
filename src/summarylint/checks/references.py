"""R: references that depend on the reporting period."""

from __future__ import annotations

from collections.abc import Iterable

from summarylint.checks.base import Context, Rule
from summarylint.model import Finding, Severity


class PeriodUnknownRule(Rule):
    """Reported by the engine, once per summary, when date-dependent rules are selected
    and no reporting period could be found.  Results never depend on today's date."""

    id = "R000"
    name = "period-unknown"
    severity = Severity.INFO
    scope = "document"
    summary = "未识别出报告期，与时间有关的检查未运行"
    explanation = (
        "过时提法（如以“十九大精神”为指导）是否成立取决于总结所属的时间。summarylint 从标题或开头"
        "识别报告期（“2025年上半年”“2024年度”“2025年1—6月”等）；识别不出时，这类检查不运行，"
        "并以本条提示说明。可以在标题中写明报告期，或用 --period 指定（如 2025H1、2025、2025Q3）。"
    )
    examples = ()

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()


RULES = [PeriodUnknownRule]
