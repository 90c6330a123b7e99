"""S: the parts a work summary must have, by profile (rule pack data in rules/sections.toml).

S001 owns the profile data; S002 (order) and S005 (recommended content) are companion
rules that read the same data, so a user's pack that extends a profile extends all three.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from summarylint.checks.base import Context, Example, Rule, RuleKind
from summarylint.model import Finding, Severity
from summarylint.structure import Section, Summary

#: A summary without level-1 headings is checked only when it is this long (characters).
_MIN_UNSTRUCTURED_CHARS = 1000
_LEAD_WINDOW = 24


@dataclass(frozen=True)
class Part:
    profile: str
    key: str
    name: str
    heading: re.Pattern[str]
    lead: re.Pattern[str] | None
    #: For recommended content (S005): found anywhere in the summary's text.
    mention: re.Pattern[str] | None
    #: "required" parts are S001 findings when missing; "recommended" ones S005 infos.
    need: str
    why: str


def first_paragraph(ctx: Context, summary: Summary) -> int:
    """Where a section-level finding about a whole summary points: its title, else its
    first paragraph with text."""
    if summary.title_blocks:
        return summary.title_blocks[0]
    for block in ctx.document.blocks[summary.start - 1 : summary.end]:
        if block.text.strip():
            return block.index
    return summary.start


_SUMMARY_TITLE = re.compile(r"总结|报告|汇报|述职|情况")
#: A first line naming another kind of document (a plan, a notice …).
_OTHER_TITLE = re.compile(
    r"(方案|计划|要点|安排|意见|通知|办法|规定|细则|预案|讲话|发言|提纲|纪要|请示|决定|公告|通报|函)$"
)


def is_work_summary(ctx: Context, summary: Summary) -> bool:
    """Whether the part rules apply: the title names a summary or report, or, without a
    title, the opening names a reporting period and the first line is not the title of
    another kind of document.  A plan, notice or template that happens to have 一、二、
    headings is not judged against a summary's parts."""
    if summary.title:
        return bool(_SUMMARY_TITLE.search(summary.title))
    first = ctx.document.block(first_paragraph(ctx, summary)).text.strip()
    if len(first) <= 60 and "。" not in first and _OTHER_TITLE.search(first):
        return False
    return ctx.periods.get(summary.index) is not None


def is_structured(ctx: Context, summary: Summary) -> bool | None:
    """True: at least two level-1 parts; False: no headings but long enough to judge by
    lead phrases; None: too little to judge."""
    if sum(1 for s in summary.sections if s.level == 1) >= 2:
        return True
    if any(s.level == 1 for s in summary.walk()):
        return None
    chars = sum(len(ctx.document.block(b).text) for b in summary.block_range())
    return False if chars >= _MIN_UNSTRUCTURED_CHARS else None


class RequiredPartsRule(RuleKind):
    """Each profile lists parts; a part is present when a top-level heading names it, or
    (for summaries written without headings) a paragraph opens with its lead phrase."""

    kind = "sections"
    scope = "document"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.parts: list[Part] = []
        super().__init__(header, source)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        need = entry.get("need", "required")
        if need not in ("required", "recommended"):
            raise ValueError(f"{where}: 'need' must be \"required\" or \"recommended\"")
        try:
            self.parts.append(
                Part(
                    profile=entry["profile"],
                    key=entry["part"],
                    name=entry["name"],
                    heading=re.compile(entry["heading"]),
                    lead=re.compile(entry["lead"]) if entry.get("lead") else None,
                    mention=re.compile(entry["mention"]) if entry.get("mention") else None,
                    need=need,
                    why=entry.get("why", ""),
                )
            )
        except KeyError as exc:
            raise ValueError(f"{where}: missing key {exc}") from None
        except re.error as exc:
            raise ValueError(f"{where}: invalid regular expression: {exc}") from None

    def companions(self) -> list[Rule]:
        return [PartOrderRule(self), RecommendedContentRule(self)]

    def profiles(self) -> list[str]:
        return sorted({p.profile for p in self.parts})

    def parts_for(self, profile: str, need: str) -> list[Part]:
        return [p for p in self.parts if p.profile == profile and p.need == need]

    def part_section(self, summary: Summary, part: Part) -> Section | None:
        # Parts are top-level sections: "关注意识形态问题" under 主要做法 is not a problems part.
        return next((s for s in summary.sections if part.heading.search(s.heading.title)), None)

    def has_part(self, ctx: Context, summary: Summary, part: Part) -> bool:
        if self.part_section(summary, part):
            return True
        if part.lead is None:
            return False
        for block in ctx.document.blocks[summary.start - 1 : summary.end]:
            if ctx.outline.kinds.get(block.index) == "b":
                if part.lead.match(block.text[ctx.outline.lead[block.index] :][:_LEAD_WINDOW]):
                    return True
        return False

    def check(self, ctx: Context) -> Iterable[Finding]:
        parts = self.parts_for(ctx.config.profile, "required")
        for summary in ctx.summaries():
            structured = is_structured(ctx, summary)
            if structured is None or not is_work_summary(ctx, summary):
                continue
            anchor = first_paragraph(ctx, summary)
            for part in parts:
                if not self.has_part(ctx, summary, part):
                    yield ctx.section_finding(
                        self,
                        anchor,
                        f"缺少“{part.name}”部分。{part.why}",
                        suggestion=f"增加一部分，如“{part.name}”",
                    )


class PartOrderRule(Rule):
    id = "S002"
    name = "parts-out-of-order"
    severity = Severity.WARNING
    scope = "document"
    summary = "各部分顺序颠倒（如“下一步打算”写在“存在的问题”之前）"
    explanation = (
        "工作总结按“做法成效—存在问题—下一步打算”的逻辑展开：打算针对问题提出，所以问题在前、"
        "打算在后。顺序颠倒多是拼接旧稿造成的。顺序取自 S001 的部分定义（--profile）。"
    )
    examples = (
        Example("一、主要做法\n组织学习12次。\n二、下一步打算\n完善制度。\n三、存在的问题\n学习不够深入。", True),
        Example("一、主要做法\n组织学习12次。\n二、存在的问题\n学习不够深入。\n三、下一步打算\n完善制度。", False),
    )

    def __init__(self, parts_rule: RequiredPartsRule) -> None:
        self.parts_rule = parts_rule

    def check(self, ctx: Context) -> Iterable[Finding]:
        parts = self.parts_rule.parts_for(ctx.config.profile, "required")
        for summary in ctx.summaries():
            if not is_structured(ctx, summary) or not is_work_summary(ctx, summary):
                continue
            found = [(part, self.parts_rule.part_section(summary, part)) for part in parts]
            found = [(part, section) for part, section in found if section is not None]
            for (early, first), (late, second) in itertools.pairwise(found):
                if second.start < first.start:
                    heading = first.heading
                    yield ctx.section_finding(
                        self,
                        heading.block,
                        f"“{early.name}”部分应在“{late.name}”部分之前，现在顺序颠倒。",
                        suggestion=f"把“{heading.marker}{heading.title}”移到“{second.heading.title}”之前",
                    )


class RecommendedContentRule(Rule):
    id = "S005"
    name = "recommended-content-missing"
    severity = Severity.INFO
    scope = "document"
    summary = "按文种通常应写到的内容未提及（如党支部总结中的“三会一课”）"
    explanation = (
        "某些文种有约定俗成的内容：党支部工作总结通常写明“三会一课”、主题党日、组织生活会、"
        "民主评议党员等组织生活制度的落实情况（《中国共产党支部工作条例（试行）》）。"
        "本规则只作提示，用 --profile party-branch 选择。"
    )
    examples = (
        Example("2025年上半年党支部工作总结\n一、主要做法\n组织学习12次。\n二、存在的问题\n学习不深入。\n三、下一步打算\n完善制度。",
                True, profile="party-branch"),
        Example("2025年上半年党支部工作总结\n一、主要做法\n严格落实“三会一课”制度，召开组织生活会1次，开展主题党日6次。"
                "\n二、存在的问题\n学习不深入。\n三、下一步打算\n完善制度。", False, profile="party-branch"),
    )

    def __init__(self, parts_rule: RequiredPartsRule) -> None:
        self.parts_rule = parts_rule

    def check(self, ctx: Context) -> Iterable[Finding]:
        profile = ctx.config.profile
        parts = self.parts_rule.parts_for(profile, "recommended")
        if not parts:
            return
        for summary in ctx.summaries():
            if is_structured(ctx, summary) is None or not is_work_summary(ctx, summary):
                continue
            text = "\n".join(ctx.document.block(b).text for b in summary.block_range())
            for part in parts:
                if (part.mention and part.mention.search(text)) or self.parts_rule.part_section(summary, part):
                    continue
                yield ctx.section_finding(
                    self,
                    first_paragraph(ctx, summary),
                    f"未提及“{part.name}”。{part.why}",
                    suggestion=f"如已开展，写明“{part.name}”的落实情况和数据",
                )


class EmptyPartRule(Rule):
    id = "S003"
    name = "empty-part"
    severity = Severity.WARNING
    scope = "document"
    summary = "标题下没有内容"
    explanation = (
        "一个部分只有标题、下面没有正文也没有下级标题，通常是起草时留的提纲没有填写，"
        "或粘贴时丢了内容。补上内容或删去这个标题。"
    )
    examples = (
        Example("一、主要做法\n组织学习12次。\n二、存在的问题\n三、下一步打算\n完善制度。", True),
        Example("一、主要做法\n（一）理论学习\n组织学习12次。\n二、存在的问题\n学习不深入。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for summary in ctx.summaries():
            for section in summary.walk():
                # Parts and sub-parts only: short "1." / "（1）" items are often a plain list.
                if section.children or section.level > 2:
                    continue
                has_body = any(
                    ctx.outline.kinds.get(b) == "b" for b in range(section.start + 1, section.end + 1)
                )
                heading_block = ctx.document.block(section.start)
                # A run-in heading ("1.强化组织领导。组织学习12次。") carries its own text.
                words = heading_block.text[section.heading.marker_end :].strip()
                if has_body or words.endswith(("。", "；", "！")) or len(words) > len(section.heading.title) + 1:
                    continue
                yield ctx.section_finding(
                    self,
                    section.start,
                    f"“{section.heading.marker}{section.heading.title}”下没有内容。",
                    suggestion="补写这一部分，或删去这个标题",
                )


class MissingTitleRule(Rule):
    id = "S004"
    name = "missing-title"
    severity = Severity.INFO
    scope = "document"
    summary = "有分级标题的总结缺少总标题"
    explanation = (
        "总结的标题一般由单位、时限、事由和文种组成（如“××局2025年上半年意识形态工作总结”），"
        "写明了报告期，审核时一眼可见。正文有“一、”“二、”等分级标题却没有总标题，"
        "可能是标题放在了页眉或红头里，也可能是漏了。只作提示。"
    )
    examples = (
        Example("2025年上半年，我局扎实推进各项工作。\n一、主要做法\n组织学习12次。\n"
                "二、存在的问题\n学习不深入。", True),
        Example("某局2025年上半年工作总结\n一、主要做法\n组织学习12次。\n二、存在的问题\n学习不深入。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for summary in ctx.summaries():
            if summary.title_blocks or not is_structured(ctx, summary):
                continue
            yield ctx.section_finding(
                self,
                first_paragraph(ctx, summary),
                "这篇总结有分级标题，但没有总标题（单位 + 时限 + 事由 + 文种）。",
                suggestion="在开头加标题，如“××局2025年上半年××工作总结”",
            )


RULES = [EmptyPartRule, MissingTitleRule]
KINDS = [RequiredPartsRule]
