"""What every rule is, and what it is given."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from summarylint.model import Block, Finding, Fix, Severity, Span

if TYPE_CHECKING:
    from summarylint.config import Config
    from summarylint.model import Document
    from summarylint.period import Period
    from summarylint.structure import Outline, Summary

RULE_ID = re.compile(r"^(?:[STNRFPC]\d{3}|[A-Z]{2,4}\d{3})$")


@dataclass(frozen=True)
class Example:
    """A small document on which a rule must (``fires``) or must not report."""

    text: str
    fires: bool
    #: ``--period`` to check the example with (for date-dependent rules).
    period: str | None = None
    #: Read the text as Markdown (list markers become automatic numbering labels).
    markdown: bool = False
    #: ``--profile`` to check the example with.
    profile: str = "work-summary"
    #: Other rules to run with this one (for rules about other rules' findings).
    also: tuple[str, ...] = ()


class Rule:
    """A check with a stable id.  Subclasses set the class attributes and ``check``."""

    id: str = ""
    name: str = ""
    severity: Severity = Severity.WARNING
    #: One line (Chinese): what the rule reports.
    summary: str = ""
    #: A paragraph (Chinese): why, and what to write instead.
    explanation: str = ""
    examples: tuple[Example, ...] = ()
    #: Off unless selected by its full id (rules that cannot be precise enough).
    default_enabled: bool = True
    #: Needs the reporting period; silent where the period is unknown.
    needs_period: bool = False
    #: "paragraph" rules judge single paragraphs; "document" rules need a whole summary.
    scope: str = "paragraph"

    @property
    def family(self) -> str:
        return self.id.rstrip("0123456789")

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "severity": str(self.severity),
            "summary": self.summary,
            "default_enabled": self.default_enabled,
        }


class RuleKind(Rule):
    """A rule whose data comes from rule packs (``rules/*.toml``)."""

    kind: ClassVar[str] = ""

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.id = header["rule"]
        self.name = header.get("name", "")
        self.severity = Severity.parse(header.get("severity", "warning"))
        self.summary = header.get("summary", "")
        self.explanation = header.get("explanation", "")
        self.default_enabled = bool(header.get("default_enabled", True))
        self.examples = tuple(_examples(header.get("examples", ())))
        self.sources: list[str] = []
        self.data_versions: list[str] = []
        self.add_pack(header, [], source)

    def add_pack(
        self, header: dict[str, Any], entries: list[dict[str, Any]], source: str, lines: list[int] | None = None
    ) -> None:
        """Add a pack's entries (a later pack may extend a rule defined earlier).  ``lines``
        holds the line of each ``[[entry]]`` so that errors point into the file."""
        if source not in self.sources:
            self.sources.append(source)
        if header.get("data_version"):
            self.data_versions.append(str(header["data_version"]))
        for number, entry in enumerate(entries, 1):
            line = f":{lines[number - 1]}" if lines and number <= len(lines) else ""
            if not isinstance(entry, dict):
                raise ValueError(f"{source}{line}: entry {number} is not a table")
            self.add_entry(entry, f"{source}{line}: entry {number}")

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        raise NotImplementedError

    def companions(self) -> list[Rule]:
        """Further rules that work on this rule's data (registered with it)."""
        return []


def _examples(items: Iterable[dict[str, Any]]) -> Iterator[Example]:
    for item in items:
        for key, fires in (("wrong", True), ("right", False)):
            if key in item:
                yield Example(item[key], fires, item.get("period"), bool(item.get("markdown", False)),
                              item.get("profile", "work-summary"))


@dataclass
class Context:
    """Everything a rule may look at for one file."""

    document: Document
    outline: Outline
    config: Config
    #: summary index → reporting period (None where unknown)
    periods: dict[int, Period | None] = field(default_factory=dict)
    #: Every loaded rule, selected or not (a rule may defer to another's data, as T002
    #: and T003 leave T001's phrases to T001).
    rules: dict[str, Rule] = field(default_factory=dict)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.document.blocks

    def text_blocks(self) -> Iterator[Block]:
        """Blocks with text (titles, headings and body), in order."""
        for block in self.document.blocks:
            if block.text.strip():
                yield block

    def period_of(self, block: int) -> Period | None:
        return self.periods.get(self.outline.summary_of(block).index)

    def summaries(self) -> list[Summary]:
        return self.outline.summaries

    def finding(
        self,
        rule: Rule,
        block: int,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        replacement: str | None = None,
        safe: bool = False,
        in_label: bool = False,
        section_level: bool = False,
        severity: Severity | None = None,
    ) -> Finding:
        fix = None
        if replacement is not None:
            b = self.document.block(block)
            safe = safe and not in_label and not b.is_protected(start, end)
            fix = Fix(replacement, safe)
        return Finding(
            rule=rule.id,
            name=rule.name,
            severity=severity or rule.severity,
            span=Span(block, start, end, in_label),
            message=message,
            suggestion=suggestion,
            fix=fix,
            section_level=section_level,
        )

    def section_finding(
        self,
        rule: Rule,
        block: int,
        message: str,
        *,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding about a whole section or summary, pointing at ``block`` (its heading
        or first paragraph) with no characters."""
        return self.finding(rule, block, 0, 0, message, suggestion=suggestion, severity=severity,
                            section_level=True)

    @cached_property
    def segmenter(self):
        """Word segmentation, loaded on first use only (jieba's dictionary is slow)."""
        from summarylint.segment import Segmenter

        return Segmenter()
