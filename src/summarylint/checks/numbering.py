"""F: heading numbering as GB/T 9704-2012 7.3.3 and GB/T 15834-2011 B.3 require.

Levels are 一、 → （一） → 1. → （1）: a Chinese numeral takes a 顿号, an Arabic numeral
the half-width 下脚点 ".", a bracketed ordinal full-width brackets and no mark after.
"""

from __future__ import annotations

from collections.abc import Iterable

from summarylint.checks.base import Context, Example, Rule
from summarylint.model import Finding, Severity
from summarylint.structure import Heading, match_marker

_LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
_WHY = {
    1: "汉字数字序号后用顿号（GB/T 15834 附录B.3.2）",
    2: "带括号的序号用全角括号，括号后不再加标点（GB/T 15834 附录B.3.4）",
    3: "阿拉伯数字序号后用下脚点“.”（GB/T 15834 附录B.3.3）",
    4: "带括号的序号用全角括号，括号后不再加标点（GB/T 15834 附录B.3.4）",
}


def canonical_marker(level: int, number: str) -> str:
    return {1: f"{number}、", 2: f"（{number}）", 3: f"{number}.", 4: f"（{number}）"}[level]


class HeadingMarkerRule(Rule):
    id = "F001"
    name = "heading-number-format"
    severity = Severity.WARNING
    summary = "标题序号的写法不符合公文规范（如“1、”“(一)”“（一）、”）"
    explanation = (
        "GB/T 9704-2012 第7.3.3条规定结构层次序数依次用“一、”“（一）”“1.”“（1）”标注。"
        "GB/T 15834-2011 附录B.3：汉字数字后用顿号，阿拉伯数字后用下脚点“.”，"
        "带括号的序号用全角括号且其后不加标点。常见错误是把“1.”写成“1、”、用半角括号“(一)”、"
        "或在“（一）”后再加顿号。Word 自动编号的序号同样检查，需在“定义新编号格式”中修改。"
    )
    examples = (
        Example("一、主要做法\n1、强化组织领导\n组织开展专题学习12次。", True),
        Example("一、主要做法\n(一)强化组织领导\n组织开展专题学习12次。", True),
        Example("一、主要做法\n（一）强化组织领导\n1.完善制度\n组织开展专题学习12次。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for heading in ctx.outline.headings.values():
            if not heading.marker:
                continue
            found = match_marker(heading.marker.strip())
            if not found:
                continue
            level, m = found
            number = m.group("num")
            want = canonical_marker(level, number)
            written = heading.marker.strip() if heading.auto else heading.marker
            if written == want:
                continue
            yield self._finding(ctx, heading, level, written, want)

    def _finding(self, ctx: Context, heading: Heading, level: int, written: str, want: str) -> Finding:
        message = f"{_LEVEL_NAMES[level]}标题序号“{written}”应写作“{want}”：{_WHY[level]}。"
        if heading.auto:
            return ctx.finding(
                self,
                heading.block,
                0,
                0,
                message + "此序号是 Word 自动编号。",
                suggestion=f"在 Word 中右击编号 › 调整列表缩进/定义新编号格式，把编号格式改为“{want}”的样式",
                in_label=True,
            )
        return ctx.finding(
            self,
            heading.block,
            heading.marker_start,
            heading.marker_end,
            message,
            suggestion=f"改为“{want}”",
            replacement=want,
            safe=True,
        )


RULES = [HeadingMarkerRule]
