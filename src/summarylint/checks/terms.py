"""T: fixed terms written wrongly (错别字 in set phrases), from rule packs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from summarylint.checks.base import Context, RuleKind
from summarylint.model import Finding, Severity

_LOOKBEHIND = 20


@dataclass(frozen=True)
class TermEntry:
    wrong: str
    right: str
    safe: bool
    severity: Severity | None
    before: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    note: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]

    def accepts(self, text: str, start: int, end: int) -> bool:
        head = text[max(0, start - _LOOKBEHIND) : start]
        if self.before and not self.before.search(head):
            return False
        if self.not_before and self.not_before.search(head):
            return False
        if self.after and not self.after.match(text, end):
            return False
        if self.not_after and self.not_after.match(text, end):
            return False
        return True


def _regex(entry: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: '{key}' must be a string")
    try:
        return re.compile(value)
    except re.error as exc:
        raise ValueError(f"{where}: '{key}' is not a valid regular expression: {exc}") from None


class TermsRule(RuleKind):
    """Literal wrong forms with context guards; all entries matched in one pass."""

    kind = "terms"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.entries: list[TermEntry] = []
        self._by_first: dict[str, list[TermEntry]] = {}
        self._finder: re.Pattern[str] | None = None
        super().__init__(header, source)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        for key in ("wrong", "right"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise ValueError(f"{where}: '{key}' is required and must be a non-empty string")
        unknown = set(entry) - {
            "wrong", "right", "safe", "severity", "before", "not_before", "after", "not_after",
            "note", "fail", "pass", "source",
        }
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        term = TermEntry(
            wrong=entry["wrong"],
            right=entry["right"],
            safe=bool(entry.get("safe", False)),
            severity=Severity.parse(entry["severity"]) if "severity" in entry else None,
            before=_regex(entry, "before", where),
            not_before=_regex(entry, "not_before", where),
            after=_regex(entry, "after", where),
            not_after=_regex(entry, "not_after", where),
            note=str(entry.get("note", "")),
            fail=tuple(entry.get("fail", ())),
            passes=tuple(entry.get("pass", ())),
        )
        self.entries.append(term)
        self._by_first.setdefault(term.wrong[0], []).append(term)
        self._finder = None

    @property
    def finder(self) -> re.Pattern[str]:
        if self._finder is None:
            firsts = "".join(sorted(self._by_first))
            self._finder = re.compile(f"[{re.escape(firsts)}]") if firsts else re.compile(r"(?!)")
        return self._finder

    def matches(self, text: str) -> list[tuple[int, int, TermEntry]]:
        """Leftmost-longest, non-overlapping accepted matches."""
        candidates = []
        for m in self.finder.finditer(text):
            i = m.start()
            for term in self._by_first[text[i]]:
                if text.startswith(term.wrong, i) and term.accepts(text, i, i + len(term.wrong)):
                    candidates.append((i, i + len(term.wrong), term))
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        chosen = []
        last_end = -1
        for start, end, term in candidates:
            if start >= last_end:
                chosen.append((start, end, term))
                last_end = end
        return chosen

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in ctx.text_blocks():
            for start, end, term in self.matches(block.text):
                # A note reads "reason；which contexts are legitimate": users see the reason.
                reason = term.note.split("；")[0]
                why = f"（{reason}）" if reason else ""
                yield ctx.finding(
                    self,
                    block.index,
                    start,
                    end,
                    f"“{term.wrong}”应为“{term.right}”{why}。",
                    suggestion=f"改为“{term.right}”",
                    replacement=term.right,
                    safe=term.safe,
                    severity=term.severity,
                )


KINDS = [TermsRule]
