"""In-document suppression: ``summarylint: disable T001`` and friends.

One verb family in every format:

- text/Markdown: a line ``<!-- summarylint: disable T001 -->`` starts a region that
  ``<!-- summarylint: enable -->`` (or ``enable T001``) ends; ``disable-next-line T001``
  covers the next paragraph with text.  Without rule ids, all rules.
- .docx: a Word comment whose text starts with ``summarylint: disable T001`` (or
  ``summarylint: disable``) covers the commented characters.

Findings covered by a region become suppressed results; a directive that suppressed
nothing is reported (LINT001, info), and one that cannot be understood is a warning
(LINT002): a suppression that silently does nothing is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarylint.model import Directive, Document, Finding

_VERB = re.compile(r"^(disable-next-line|disable|enable)(?:\s+(.*))?$", re.IGNORECASE)
_SELECTOR = re.compile(r"^[A-Z]{1,4}\d{0,3}$")

#: Positions are (block, column) pairs; a region covers [start, end).
_END = 1 << 30


@dataclass
class Region:
    directive: Directive
    rules: tuple[str, ...]  # empty: every rule
    start: tuple[int, int]
    end: tuple[int, int]
    used: bool = field(default=False)

    def covers(self, finding: Finding) -> bool:
        if self.rules and not any(finding.rule.startswith(r) for r in self.rules):
            return False
        begin = (finding.span.block, finding.span.start)
        finish = (finding.span.block, max(finding.span.end, finding.span.start + 1))
        return begin < self.end and self.start < finish


def parse_selectors(text: str) -> tuple[str, ...] | None:
    """``"T001, F"`` → ("T001", "F"); None when a selector is malformed."""
    parts = [p for p in re.split(r"[\s,，]+", text.strip()) if p]
    if not all(_SELECTOR.match(p.upper()) for p in parts):
        return None
    return tuple(p.upper() for p in parts)


def regions(document: Document) -> tuple[list[Region], list[tuple[Directive, str]]]:
    """The regions the document's directives define, and the directives that are invalid
    (with the reason)."""
    out: list[Region] = []
    invalid: list[tuple[Directive, str]] = []
    open_regions: list[Region] = []
    last = document.blocks[-1].index if document.blocks else 1
    for directive in document.directives:
        m = _VERB.match(directive.text.strip())
        rules = parse_selectors(m.group(2) or "") if m else None
        if m is None or rules is None:
            invalid.append(
                (directive, "不是有效的 summarylint 指令（应为 disable / disable-next-line / enable，后接规则编号）")
            )
            continue
        verb = m.group(1).lower()
        if directive.end_block is not None:  # a Word comment: its range
            if verb != "disable":
                invalid.append((directive, "Word 批注中只能用 disable（作用于批注所标注的文字）"))
                continue
            end = directive.end if directive.end is not None else _END
            out.append(Region(directive, rules, (directive.block, directive.start), (directive.end_block, end)))
        elif verb == "disable-next-line":
            target = next(
                (b.index for b in document.blocks if b.index > directive.block and b.text.strip()), None
            )
            if target is None:
                invalid.append((directive, "disable-next-line 之后没有正文"))
                continue
            out.append(Region(directive, rules, (target, 0), (target, _END)))
        elif verb == "disable":
            region = Region(directive, rules, (directive.block + 1, 0), (last, _END))
            open_regions.append(region)
            out.append(region)
        else:  # enable
            closing = [r for r in open_regions if not rules or set(r.rules) & set(rules) or not r.rules]
            if not closing:
                invalid.append((directive, "enable 之前没有对应的 disable"))
                continue
            for region in closing:
                region.end = (directive.block, 0)
                open_regions.remove(region)
    return out, invalid


def split(findings: Iterable[Finding], document: Document) -> tuple[list[Finding], list[Finding], list[Region], list]:
    """(kept, suppressed, unused regions, invalid directives)."""
    active, invalid = regions(document)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        covering = [r for r in active if r.covers(finding)]
        if covering:
            for region in covering:
                region.used = True
            suppressed.append(finding)
        else:
            kept.append(finding)
    return kept, suppressed, [r for r in active if not r.used], invalid
