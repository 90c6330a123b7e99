"""F: heading numbering as GB/T 9704-2012 7.3.3 and GB/T 15834-2011 B.3 require.

Levels are 一、 → （一） → 1. → （1）: a Chinese numeral takes a 顿号, an Arabic numeral
the half-width 下脚点 ".", a bracketed ordinal full-width brackets and no mark after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from summarylint.checks.base import Context, Example, Rule
from summarylint.model import Finding, Severity
from summarylint.structure import Heading, Section, chinese_ordinal, match_marker

_LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
_WHY = {
    1: "汉字数字序号后用顿号（GB/T 15834 附录B.3.2）",
    2: "带括号的序号用全角括号，括号后不再加标点（GB/T 15834 附录B.3.4）",
    3: "阿拉伯数字序号后用下脚点“.”（GB/T 15834 附录B.3.3）",
    4: "带括号的序号用全角括号，括号后不再加标点（GB/T 15834 附录B.3.4）",
}


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def canonical_marker(level: int, number: str) -> str:
    number = number.translate(_FULL_WIDTH_DIGITS)  # GB/T 15835: Arabic digits are half-width
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


def _ordinal_text(level: int, n: int) -> str:
    chinese = "一二三四五六七八九十"
    if level in (1, 2):
        if n <= 10:
            number = chinese[n - 1]
        elif n < 20:
            number = "十" + chinese[n - 11]
        else:
            number = chinese[n // 10 - 1] + "十" + (chinese[n % 10 - 1] if n % 10 else "")
    else:
        number = str(n)
    return canonical_marker(level, number)


def sibling_groups(ctx: Context) -> Iterator[list[Section]]:
    """Headings that number one list: same parent, same level, in order."""
    for summary in ctx.summaries():
        stack = [summary.sections]
        while stack:
            children = stack.pop()
            by_level: dict[int, list[Section]] = {}
            for section in children:
                by_level.setdefault(section.level, []).append(section)
                stack.append(section.children)
            yield from by_level.values()


class HeadingSequenceRule(Rule):
    id = "F002"
    scope = "document"  # a sequence is judged over the whole outline
    name = "heading-number-sequence"
    severity = Severity.WARNING
    summary = "同级标题序号跳号、重号或不从“一”开始"
    explanation = (
        "同一层级的标题序号应从“一”（或“1”）起连续编排。跳号（“一、”之后是“三、”）、重号"
        "（两个“（二）”）通常是增删段落后忘了改序号。Word 自动编号不会出这种错，手工输入的序号"
        "需要逐个核对。"
    )
    examples = (
        Example("一、主要做法\n组织学习12次。\n三、存在的问题\n学习不够深入。", True),
        Example("一、主要做法\n（一）理论学习\n（二）阵地建设\n二、存在的问题\n（一）学习不够深入", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for group in sibling_groups(ctx):
            expected = 1
            for section in group:
                heading = section.heading
                if heading.ordinal is None or heading.auto:
                    expected = (heading.ordinal or expected) + 1
                    continue
                n = heading.ordinal
                if n != expected and not (n == 1 and expected > 1):  # a restart at 1 begins a new list
                    want = _ordinal_text(section.level, expected)
                    if n < expected:
                        problem = f"与前面的序号重复或倒退，此处应为“{want}”"
                    elif expected == 1:
                        problem = f"同级第一个标题应从“{want}”开始"
                    else:
                        problem = f"跳号，前一个同级序号之后应为“{want}”"
                    yield ctx.finding(
                        self,
                        heading.block,
                        heading.marker_start,
                        heading.marker_end,
                        f"标题序号“{heading.marker.strip()}”{problem}。",
                        suggestion=f"核对序号，改为“{want}”或补上缺少的部分",
                        replacement=want,
                        safe=False,
                    )
                expected = n + 1


class SkippedLevelRule(Rule):
    id = "F003"
    scope = "document"  # a sequence is judged over the whole outline
    name = "heading-level-skipped"
    severity = Severity.INFO
    summary = "标题层级跳级（如“一、”下直接用“1.”）"
    explanation = (
        "GB/T 9704-2012 第7.3.3条的层次依次为“一、”“（一）”“1.”“（1）”。只有两层时，"
        "习惯上也允许“一、”下直接用“1.”，所以本规则只作提示：请确认全文层级一致，"
        "同一篇中不要有的部分用“（一）”、有的部分直接用“1.”。"
    )
    examples = (
        Example("一、主要做法\n（1）建立台账\n组织学习12次。", True),
        Example("一、主要做法\n（一）理论学习\n1.建立台账\n组织学习12次。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for summary in ctx.summaries():
            stack: list[tuple[int, list[Section]]] = [(0, summary.sections)]
            while stack:
                parent_level, children = stack.pop()
                reported: set[int] = set()
                for section in children:
                    stack.append((section.level, section.children))
                    if section.level <= parent_level + 1 or section.level in reported:
                        continue
                    reported.add(section.level)  # once per list, on its first heading
                    skipped = "”“".join(_ordinal_text(level, 1) for level in range(parent_level + 1, section.level))
                    heading = section.heading
                    yield ctx.finding(
                        self,
                        heading.block,
                        heading.marker_start,
                        heading.marker_end,
                        f"“{heading.marker.strip() or heading.title}”跳过了上一层级（“{skipped}”一级）。",
                        suggestion="确认层级：按“一、”“（一）”“1.”“（1）”的顺序逐级使用",
                        in_label=heading.auto,
                    )


class MixedNumberingRule(Rule):
    id = "F004"
    scope = "document"  # a sequence is judged over the whole outline
    name = "mixed-auto-and-typed-numbering"
    severity = Severity.INFO
    summary = "同级标题有的用 Word 自动编号，有的手工输入序号"
    explanation = (
        "同一组同级标题混用 Word 自动编号和手工输入的序号，增删条目后自动编号会重新计数，"
        "手工序号不会，容易出现跳号、重号。建议同级标题统一用一种方式。"
    )
    examples = (
        Example("1. 主要做法\n2.存在的问题", True, markdown=True),
        Example("1. 主要做法\n2. 存在的问题", False, markdown=True),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for group in sibling_groups(ctx):
            numbered = [s for s in group if s.heading.marker]
            kinds = {s.heading.auto for s in numbered}
            if len(kinds) < 2:
                continue
            majority = sum(s.heading.auto for s in numbered) * 2 >= len(numbered)
            for section in numbered:
                if section.heading.auto != majority:
                    heading = section.heading
                    how = "自动编号" if heading.auto else "手工输入"
                    yield ctx.finding(
                        self,
                        heading.block,
                        heading.marker_start,
                        heading.marker_end,
                        f"此标题序号为{how}，与同级其他标题的编号方式不同。",
                        suggestion="同级标题统一用 Word 自动编号或统一手工输入",
                        in_label=heading.auto,
                    )


#: "一是" … at the start of a paragraph or after a clause mark (checked in the loop).
_LIST_ORDINAL = re.compile(r"([一二三四五六七八九十]{1,2})是(?=[^的否不非])")
_CLAUSE_MARKS = "。；;：:，,！？!?"


class EnumerationSequenceRule(Rule):
    id = "F005"
    scope = "document"  # an enumeration runs over several paragraphs
    name = "enumeration-sequence"
    severity = Severity.WARNING
    summary = "“一是……二是……”序列跳号或重号"
    explanation = (
        "用“一是”“二是”“三是”列举时，序号应连续。“一是……三是……”漏了“二是”，"
        "或出现两个“二是”，多是修改时删改了条目。同一节里分段列举时，各段开头的“X是”合起来也应连续。"
    )
    examples = (
        Example("一、存在的问题\n一是学习不够深入；三是阵地管理有短板。", True),
        Example("一、存在的问题\n一是学习不够深入；二是阵地管理有短板。\n二、下一步打算\n一是完善制度。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for summary in ctx.summaries():
            previous = 0
            for block in ctx.document.blocks[summary.start - 1 : summary.end]:
                kind = ctx.outline.kinds.get(block.index)
                if kind != "b":
                    if kind in ("1", "2", "3", "4", "T"):
                        previous = 0  # a heading starts a new enumeration
                    continue
                lead = ctx.outline.lead[block.index]
                for m in _LIST_ORDINAL.finditer(block.text, lead):
                    if m.start() != lead and block.text[m.start() - 1] not in _CLAUSE_MARKS:
                        continue
                    n = chinese_ordinal(m.group(1))
                    if n is None:
                        continue
                    if n == 1 or n == previous + 1 or previous == 0 or previous >= 10:
                        previous = n  # a list may continue from before a heading: judge only within one
                        continue
                    want = "一二三四五六七八九十"[previous]
                    problem = "重复" if n <= previous else "跳号"
                    yield ctx.finding(
                        self,
                        block.index,
                        m.start(),
                        m.end(),
                        f"列举序号“{m.group(0)}”{problem}：前面是“{'一二三四五六七八九十'[previous - 1]}是”，"
                        f"此处应为“{want}是”。",
                        suggestion=f"改为“{want}是”，或补上缺少的条目",
                        replacement=f"{want}是",
                        safe=False,
                    )
                    previous = n


RULES = [HeadingMarkerRule, HeadingSequenceRule, SkippedLevelRule, MixedNumberingRule, EnumerationSequenceRule]
