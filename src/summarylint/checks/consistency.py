"""C: consistency inside one summary — the period, the unit's name for itself, place names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from summarylint.checks.base import Context, Example, Rule
from summarylint.model import Finding, Severity
from summarylint.period import find_period
from summarylint.structure import Summary


def body_blocks(ctx: Context, summary: Summary):
    for block in ctx.document.blocks[summary.start - 1 : summary.end]:
        if ctx.outline.kinds.get(block.index) == "b":
            yield block


class StalePeriodRule(Rule):
    id = "C001"
    name = "period-mismatch"
    severity = Severity.WARNING
    scope = "document"
    needs_period = True
    summary = "正文把另一个报告期当作本期来写（多为沿用旧稿）"
    explanation = (
        "标题写“2025年上半年”，正文某段却以“2024年上半年，我局……”开头，几乎总是套用了"
        "去年的稿子没有改全。本规则只看段首的报告期写法（“2024年上半年，”“2024年，”），"
        "比较、回顾（“较2024年同期”“2024年以来”）不算。"
    )
    examples = (
        Example("某局2025年上半年工作总结\n2025年上半年，我局扎实推进各项工作。\n"
                "2024年上半年，我局组织学习12次。", True),
        Example("某局2025年上半年工作总结\n2025年上半年，我局扎实推进各项工作。\n"
                "较2024年同期，学习次数增加3次。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for summary in ctx.summaries():
            period = ctx.periods.get(summary.index)
            if period is None:
                continue
            for block in body_blocks(ctx, summary):
                found = find_period(None, [block.text])
                if found is None or found.end >= period.start:
                    continue  # the same period, a later one (plans), or none
                start = block.text.find(found.label)
                if start < 0:
                    continue
                yield ctx.finding(
                    self,
                    block.index,
                    start,
                    start + len(found.label),
                    f"本篇报告期是“{period.label}”，这里却写“{found.label}”，像是沿用了旧稿。",
                    suggestion=f"核对后改为“{period.label}”",
                    replacement=period.label,
                    safe=False,
                )


# "我局" "我中心" … : the unit calling itself.  Regions (我省/我市/我县) and 我党/我国 are
# not the unit.  Longer names first.
_SELF_NAME = re.compile(r"我(党支部|党总支|党委|党组|支部|中心|单位|公司|集团|局|委|办|厅|院|校|所|站|队|馆|社)")
_NOT_UNIT_AFTER = re.compile(r"们")


_UNIT_WORDS = ("中心", "单位", "公司", "集团", "局", "委", "办", "厅", "院", "校", "所", "站", "队", "馆", "社")


def expected_self_name(unit_name: str | None) -> str | None:
    """"青禾县交通运输局" → "我局"; None when the name ends in no known unit word."""
    if not unit_name:
        return None
    name = unit_name.strip()
    for word in _UNIT_WORDS:
        if name.endswith(word):
            return "我" + word
    return None


class SelfNameRule(Rule):
    id = "C002"
    name = "unit-self-name"
    severity = Severity.INFO
    scope = "document"
    summary = "单位自称前后不一（我局 / 我中心 / 我单位）"
    explanation = (
        "同一篇总结里单位的自称应当一致。“我局”“我中心”“我单位”混用，常是拼接不同稿子"
        "留下的痕迹，读者也会疑惑说的是不是同一个单位。本规则以全篇最常用的自称为准提示其他写法。"
        "单位内设的党组织（我局党委、我中心党支部）按所属单位计。配置了 unit-name（单位全称）时，"
        "以全称的最后一个字词为准（“××县交通运输局”→“我局”）。"
    )
    examples = (
        Example("我局组织学习12次。\n我局开展主题党日6次。\n我中心发布信息86篇。", True),
        Example("我局组织学习12次。\n我局党委开展主题党日6次。\n我局发布信息86篇。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        expected = expected_self_name(ctx.config.unit_name)
        for summary in ctx.summaries():
            mentions = []
            for block in body_blocks(ctx, summary):
                for m in _SELF_NAME.finditer(block.text):
                    unit = m.group(1)
                    if unit in ("党支部", "党总支", "党委", "党组", "支部"):
                        continue  # the unit's Party organisation: judged by the unit before it
                    mentions.append((block.index, m.start(), m.end(), m.group(0)))
            counts = Counter(name for *_, name in mentions)
            if expected:  # the configured unit name decides (unit-name = "××县交通运输局")
                for block, start, end, name in mentions:
                    if name != expected:
                        yield ctx.finding(
                            self, block, start, end,
                            f"单位自称“{name}”与配置的单位名称“{ctx.config.unit_name}”不符，应为“{expected}”。",
                            suggestion=f"改为“{expected}”", replacement=expected, safe=False,
                        )
                continue
            if len(counts) < 2:
                continue
            (dominant, top), *_ = counts.most_common()
            if top < 2 or list(counts.values()).count(top) > 1:
                continue
            for block, start, end, name in mentions:
                if name != dominant:
                    yield ctx.finding(
                        self,
                        block,
                        start,
                        end,
                        f"单位自称“{name}”与全篇常用的“{dominant}”（{top}处）不一致。",
                        suggestion=f"统一为“{dominant}”",
                        replacement=dominant,
                        safe=False,
                    )


_PLACE = re.compile(r"([\u4e00-\u9fff]{2})(县|市|区)(?=[委政府人大局办党各]|[，。、；])")
_NOT_PLACE_PREFIX = set("全本我各该城市县区外辖社地示园景新")


class PlaceOutlierRule(Rule):
    id = "C003"
    name = "place-name-outlier"
    severity = Severity.INFO
    default_enabled = False
    scope = "document"
    summary = "同级地名只出现一次，与全篇主要地名不同（可能是套用他地材料）"
    explanation = (
        "一篇县局的总结通篇写“青禾县”，却有一处写成“青川县”，往往是套用了其他地方的材料。"
        "地名识别只靠“××县/市/区”的字面形式，难免误报，所以默认关闭，用 --select C003 打开。"
    )
    examples = (
        Example("青禾县委部署。\n青禾县委召开会议。\n青禾县委督导。\n青川县委要求。", True),
        Example("青禾县委部署。\n青禾县委召开会议。\n青禾县委督导。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for summary in ctx.summaries():
            by_level: dict[str, list[tuple[int, int, int, str]]] = {}
            for block in ctx.document.blocks[summary.start - 1 : summary.end]:
                for m in _PLACE.finditer(block.text):
                    name = m.group(1)
                    if name[-1] in _NOT_PLACE_PREFIX or name[0] in _NOT_PLACE_PREFIX:
                        continue
                    by_level.setdefault(m.group(2), []).append((block.index, m.start(), m.end(), m.group(0)))
            for mentions in by_level.values():
                counts = Counter(name for *_, name in mentions)
                if len(counts) < 2:
                    continue
                (dominant, top), *_ = counts.most_common()
                if top < 3:
                    continue
                for block, start, end, name in mentions:
                    if counts[name] == 1:
                        yield ctx.finding(
                            self,
                            block,
                            start,
                            end,
                            f"地名“{name}”只出现一次，全篇主要写的是“{dominant}”（{top}处），请核对。",
                            suggestion=f"如系笔误，改为“{dominant}”",
                        )


RULES = [StalePeriodRule, SelfNameRule, PlaceOutlierRule]
