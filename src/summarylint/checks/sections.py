"""S: the parts a work summary must have, by profile (rule pack data)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from summarylint.checks.base import Context, RuleKind
from summarylint.model import Finding
from summarylint.structure import Summary

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
    why: str


class RequiredPartsRule(RuleKind):
    """Each profile lists parts; a part is present when a heading names it, or (for
    summaries written without headings) a paragraph opens with its lead phrase."""

    kind = "sections"
    scope = "document"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.parts: list[Part] = []
        super().__init__(header, source)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        try:
            self.parts.append(
                Part(
                    profile=entry["profile"],
                    key=entry["part"],
                    name=entry["name"],
                    heading=re.compile(entry["heading"]),
                    lead=re.compile(entry["lead"]) if entry.get("lead") else None,
                    why=entry.get("why", ""),
                )
            )
        except KeyError as exc:
            raise ValueError(f"{where}: missing key {exc}") from None
        except re.error as exc:
            raise ValueError(f"{where}: invalid regular expression: {exc}") from None

    def profiles(self) -> list[str]:
        return sorted({p.profile for p in self.parts})

    def check(self, ctx: Context) -> Iterable[Finding]:
        parts = [p for p in self.parts if p.profile == ctx.config.profile]
        for summary in ctx.summaries():
            if not self._eligible(ctx, summary):
                continue
            # Parts are top-level sections: "关注意识形态问题" under 主要做法 is not a problems part.
            headings = [s.heading.title for s in summary.sections]
            leads = [
                block.text[ctx.outline.lead[block.index] :][:_LEAD_WINDOW]
                for block in ctx.document.blocks[summary.start - 1 : summary.end]
                if ctx.outline.kinds.get(block.index) == "b"
            ]
            anchor = self._anchor(ctx, summary)
            for part in parts:
                if any(part.heading.search(h) for h in headings):
                    continue
                if part.lead and any(part.lead.match(line) for line in leads):
                    continue
                yield ctx.finding(
                    self,
                    anchor,
                    0,
                    0,
                    f"缺少“{part.name}”部分。{part.why}",
                    suggestion=f"增加一部分，如“{part.name}”",
                    section_level=True,
                )

    @staticmethod
    def _eligible(ctx: Context, summary: Summary) -> bool:
        if sum(1 for s in summary.sections if s.level == 1) >= 2:
            return True
        if any(s.level == 1 for s in summary.walk()):
            return False
        chars = sum(len(ctx.document.block(b).text) for b in summary.block_range())
        return chars >= _MIN_UNSTRUCTURED_CHARS

    @staticmethod
    def _anchor(ctx: Context, summary: Summary) -> int:
        if summary.title_blocks:
            return summary.title_blocks[0]
        for block in ctx.document.blocks[summary.start - 1 : summary.end]:
            if block.text.strip():
                return block.index
        return summary.start


KINDS = [RequiredPartsRule]
