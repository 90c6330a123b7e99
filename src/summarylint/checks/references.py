"""R: references that depend on the reporting period.

R000 is emitted by the engine when a date-dependent rule runs on a summary whose period
is unknown.  R001 (kind ``stale``) reports wording that was current once and has been
superseded: a congress's guiding documents, plenum enumerations, the volume list of a
study book, campaigns that have ended, policy periods that are over.  Its data comes
from ``rules/references.toml``; every fact carries its date, so the suggestion follows
the reporting period (a 2024 summary is told “第一卷至第四卷”, a 2026 one “第一卷至第五卷”).
"""

from __future__ import annotations

import calendar
import datetime
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarylint.checks.base import Context, Rule, RuleKind
from summarylint.model import Finding, Severity

if TYPE_CHECKING:
    from summarylint.period import Period


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


# --------------------------------------------------------------------------- dates

#: How sure a fact is (REFERENCE.md tags).  Facts that are not confirmed by a source
#: make a finding "info" at most.
CONFIDENCE = ("std", "src", "kn", "unverified")
_WEAK = {"kn", "unverified"}


@dataclass(frozen=True)
class Day:
    """A dated fact.  Month precision ("2022-07") counts from the month's last day, so a
    fact known only to the month never makes a report stale too early."""

    day: datetime.date
    shown: str  # "2022年7月", "2022年10月22日"


def _day(value: Any, where: str) -> Day:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return Day(value, f"{value.year}年{value.month}月{value.day}日")
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip())
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            try:
                if m.group(3):
                    return _day(datetime.date(year, month, int(m.group(3))), where)
                last = calendar.monthrange(year, month)[1]
                return Day(datetime.date(year, month, last), f"{year}年{month}月")
            except ValueError:
                pass
    raise ValueError(f"{where}: date {value!r} is not YYYY-MM-DD or YYYY-MM")


def period_words(period: Period) -> str:
    """The reporting period in Chinese: 2024年上半年, 2025年, 2025年第三季度, 2025年1—9月."""
    s, e = period.start, period.end
    month_end = calendar.monthrange(e.year, e.month)[1]
    if s.year == e.year and s.day == 1 and e.day == month_end:
        y = f"{s.year}年"
        if (s.month, e.month) == (1, 12):
            return y
        if (s.month, e.month) == (1, 6):
            return y + "上半年"
        if (s.month, e.month) == (7, 12):
            return y + "下半年"
        if s.month % 3 == 1 and e.month == s.month + 2:
            return y + f"第{'一二三四'[s.month // 3]}季度"
        if s.month == e.month:
            return y + f"{s.month}月"
        return y + f"{s.month}—{e.month}月"
    return f"报告期截至{e.year}年{e.month}月{e.day}日"


#: Headings and paragraph openings of the forward-looking part of a summary.
_FORWARD_HEADING = re.compile(
    r"下一?步|今后|下半年|明年|来年|新的一年|努力方向|改进措施|工作(?:打算|计划|思路|安排|重点)|"
    r"\d{4}年.{0,4}(?:思路|打算|计划|安排|重点)"
)
_FORWARD_LEAD = re.compile(r"\s*(?:下一?步|今后|下半年|明年|新的一年)")
#: A year named earlier in the same sentence ("2019年，我局深入开展…"): the sentence tells of
#: that year.  "2019年以来" runs up to the present and does not count.
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!\s*(?:以来|来|至今|起|开始))")
_SENTENCE_END = re.compile(r"[。；！？!?;\n]")


def _earlier_year(text: str, start: int, before: datetime.date) -> bool:
    """Whether the sentence up to ``start`` names a year before ``before``'s year."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    return any(int(m.group(1)) < before.year for m in _YEAR.finditer(text, begin, start))


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class Item:
    """One dated step of an entry's series: the event that superseded the wording."""

    name: str
    date: Day
    #: Text the suggestion uses (the current wording), default ``name``.
    text: str
    #: Chinese clause naming the event with its date, e.g. "党的二十大于2022年10月16日—22日召开".
    event: str
    confidence: str
    #: For volumes/plenums: the ordinal (第三卷 → 3, 三中 → 3).
    ordinal: int = 0


_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _ordinal(text: str) -> int:
    for ch in text:
        if ch in _CN_NUM:
            return _CN_NUM[ch]
        if ch.isdigit():
            return int(ch)
    return 0


@dataclass(frozen=True)
class Hit:
    """A stale reference found in one paragraph (before overlaps are resolved)."""

    key: str
    start: int
    end: int
    message: str
    suggestion: str
    replacement: str | None
    safe: bool
    severity: Severity | None


_ENTRY_KEYS = {
    "key", "type", "pattern", "stale_since", "event", "what", "verdict", "replacement", "advice",
    "safe", "severity", "confidence", "source", "before", "not_before", "after", "not_after",
    "exclude", "quoted", "reviewable", "series", "fail", "pass", "period", "fresh", "note",
}
_ITEM_KEYS = {"name", "date", "text", "event", "confidence", "source", "shown"}
_TYPES = ("latest", "volumes", "plenums")
_LOOKBEHIND = 20
#: Quotation marks and book-title marks: a reference inside a quotation or title (an
#: event's name or slogan, a quoted speech, a document's title) is not the writer's own
#: current wording.  Patterns that expect quotes (“两学一做”) include them in the match.
_QUOTES = (("“", "”"), ("‘", "’"), ("《", "》"), ("「", "」"))


def _regex(entry: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ValueError(f"{where}: '{key}' must be a non-empty string")
    try:
        return re.compile(value)
    except re.error as exc:
        raise ValueError(f"{where}: '{key}' is not a valid regular expression: {exc}") from None


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: '{key}' must be a string or a list of strings")


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a quotation or a title."""
    for open_, close in _QUOTES:
        opened = text.rfind(open_, 0, start)
        if opened < 0 or text.rfind(close, 0, start) > opened:
            continue
        if close in text[start:end]:
            continue
        closing = text.find(close, end)
        reopened = text.find(open_, end)
        if closing >= 0 and (reopened < 0 or closing < reopened):
            return True
    return False


def _quote(text: str) -> str:
    """``text`` in “”, its own quotation marks turned into ‘’ (GB/T 15834 4.3.3.2); a whole
    book title stays as it is."""
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        return text
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


class _Fields(dict):
    """str.format_map fields: unknown or unmatched names format as ""."""

    def __missing__(self, key: str) -> str:
        return ""


@dataclass(frozen=True)
class StaleEntry:
    key: str
    type: str
    pattern: re.Pattern[str]
    series: tuple[Item, ...]
    what: str
    verdict: str
    replacement: str | None
    advice: str | None
    safe: bool
    severity: Severity | None
    confidence: str
    sources: tuple[str, ...]
    before: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    quoted: bool
    reviewable: bool
    fail: tuple[str, ...]
    passes: tuple[str, ...]
    period: str | None
    fresh: str | None

    # ----------------------------------------------------------------- matching

    def spans(self, text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
        """Accepted matches (the ``hit`` group, else the whole match), before dates."""
        excluded: list[tuple[int, int]] | None = None
        for m in self.pattern.finditer(text):
            has_hit = "hit" in self.pattern.groupindex and m.group("hit") is not None
            start, end = m.span("hit") if has_hit else m.span()
            if start == end:
                continue
            head = text[max(0, start - _LOOKBEHIND) : start]
            if self.before and not self.before.search(head):
                continue
            if self.not_before and self.not_before.search(head):
                continue
            if self.after and not self.after.match(text, end):
                continue
            if self.not_after and self.not_after.match(text, end):
                continue
            if self.exclude:
                if excluded is None:
                    excluded = [x.span() for x in self.exclude.finditer(text)]
                if any(s < end and start < e for s, e in excluded):
                    continue
            if not self.quoted and _enclosed(text, start, end):
                continue
            yield start, end, m

    # ----------------------------------------------------------------- judging

    def judge(self, m: re.Match[str], start: int, end: int, period: Period, forward: bool) -> Hit | None:
        """A Hit when the wording is stale in ``period`` (None when it is still current)."""
        # The day a stale wording is judged at: the period's end; for events a summary
        # may review (campaigns), its start, unless the mention looks forward.
        day = period.start if self.reviewable and not forward else period.end
        fields = _Fields({k: v or "" for k, v in m.groupdict().items()})
        fields["text"] = text = m.string[start:end]
        fields["quoted"] = _quote(text)
        fields["period"] = period_words(period)
        known = [item for item in self.series if item.date.day <= day]
        if self.type == "latest":
            if not known:
                return None
            newer = known
            fields["latest"] = known[-1].text
        elif self.type == "volumes":
            listed = _ordinal(m.group("last"))
            if listed >= len(known):
                return None
            newer = known[listed:]
            fields["first"] = self.series[0].text
            fields["last"] = known[-1].text
        else:  # plenums
            listed = max((_ordinal(ch) for ch in re.findall("[一二三四五六七]", m.group("list"))), default=0)
            newer = [item for item in known if item.ordinal > listed]
            if not newer:
                return None
            fields["list"] = "、".join(item.text for item in known)
        if _earlier_year(m.string, start, newer[0].date.day):
            return None
        fields["event"] = "，".join(item.event for item in newer)
        replacement = self.replacement.format_map(fields) if self.replacement else None
        if replacement is not None:
            fields["replacement"] = replacement
            fields["quoted_replacement"] = _quote(replacement)
        advice = (self.advice or "应写{quoted_replacement}").format_map(fields)
        what = self.what.format_map(fields)
        message = f"{fields['period']}的总结{what}{self.verdict}：{fields['event']}，{advice}。"
        weak = self.confidence in _WEAK or any(item.confidence in _WEAK for item in newer)
        severity = Severity.INFO if weak else self.severity
        suggestion = f"改为{_quote(replacement)}" if replacement is not None else advice
        return Hit(self.key, start, end, message, suggestion, replacement, self.safe, severity)


def _item(raw: Any, where: str, entry_confidence: str) -> Item:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: a series item must be a table")
    unknown = set(raw) - _ITEM_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("name", "date", "event"):
        if key not in raw:
            raise ValueError(f"{where}: '{key}' is required")
    date = _day(raw["date"], where)
    if "shown" in raw:
        date = Day(date.day, str(raw["shown"]))
    confidence = str(raw.get("confidence", entry_confidence))
    if confidence not in CONFIDENCE:
        raise ValueError(f"{where}: confidence must be one of {', '.join(CONFIDENCE)}")
    own_source = _strings(raw.get("source"), where, "source")
    if confidence in ("std", "src") and confidence != entry_confidence and not own_source:
        raise ValueError(f"{where}: a '{confidence}' fact needs a 'source'")
    name = str(raw["name"])
    return Item(name, date, str(raw.get("text", name)), str(raw["event"]).format(date=date.shown), confidence,
                _ordinal(name))


def _entry(raw: dict[str, Any], where: str, default_severity: Severity) -> StaleEntry:
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    key = raw.get("key")
    if not isinstance(key, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", key):
        raise ValueError(f"{where}: 'key' is required (kebab-case, e.g. \"congress-guide\")")
    where = f"{where} ({key})"
    kind = raw.get("type", "latest")
    if kind not in _TYPES:
        raise ValueError(f"{where}: type must be one of {', '.join(_TYPES)}")
    pattern = _regex(raw, "pattern", where)
    if pattern is None:
        raise ValueError(f"{where}: 'pattern' is required")
    if "(?P=" in pattern.pattern or re.search(r"\\\d", pattern.pattern):
        raise ValueError(f"{where}: 'pattern' must not use back-references")
    needed = {"volumes": "last", "plenums": "list"}.get(kind)
    if needed and needed not in pattern.groupindex:
        raise ValueError(f"{where}: a '{kind}' pattern needs a group named '{needed}'")
    confidence = str(raw.get("confidence", "src"))
    if confidence not in CONFIDENCE:
        raise ValueError(f"{where}: confidence must be one of {', '.join(CONFIDENCE)}")
    sources = _strings(raw.get("source"), where, "source")
    if confidence in ("std", "src") and not sources:
        raise ValueError(f"{where}: a '{confidence}' entry needs a 'source'")
    if "series" in raw:
        if "stale_since" in raw or "event" in raw:
            raise ValueError(f"{where}: give either 'series' or 'stale_since' + 'event'")
        if not isinstance(raw["series"], list) or not raw["series"]:
            raise ValueError(f"{where}: 'series' must be a non-empty array of tables")
        series = tuple(_item(r, f"{where}: series item {i}", confidence) for i, r in enumerate(raw["series"], 1))
    elif kind == "latest" and "stale_since" in raw and "event" in raw:
        series = (_item({"name": key, "date": raw["stale_since"], "event": raw["event"]}, where, confidence),)
    else:
        raise ValueError(f"{where}: 'stale_since' and 'event' (or a 'series') are required")
    if any(a.date.day > b.date.day for a, b in itertools.pairwise(series)):
        raise ValueError(f"{where}: series items must be in date order")
    severity = Severity.parse(raw["severity"]) if "severity" in raw else default_severity
    if confidence in _WEAK and severity > Severity.INFO:
        if "severity" in raw:
            raise ValueError(f"{where}: a '{confidence}' fact can only be reported as info")
        severity = Severity.INFO
    entry = StaleEntry(
        key=key,
        type=kind,
        pattern=pattern,
        series=series,
        what=str(raw.get("what", "写{quoted}")),
        verdict=str(raw.get("verdict", "已过时")),
        replacement=raw.get("replacement"),
        advice=raw.get("advice"),
        safe=bool(raw.get("safe", False)),
        severity=severity,
        confidence=confidence,
        sources=sources,
        before=_regex(raw, "before", where),
        not_before=_regex(raw, "not_before", where),
        after=_regex(raw, "after", where),
        not_after=_regex(raw, "not_after", where),
        exclude=_regex(raw, "exclude", where),
        quoted=bool(raw.get("quoted", False)),
        reviewable=bool(raw.get("reviewable", False)),
        fail=_strings(raw.get("fail"), where, "fail"),
        passes=_strings(raw.get("pass"), where, "pass"),
        period=raw.get("period"),
        fresh=raw.get("fresh"),
    )
    if entry.replacement is None and entry.advice is None:
        raise ValueError(f"{where}: give a 'replacement' or an 'advice'")
    return entry


def _ungrouped(pattern: str) -> str:
    """The pattern with its named groups made anonymous (to join patterns in one regex)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


class StaleReferenceRule(RuleKind):
    """Dated wordings, matched per paragraph: a joined regex of all entries finds the
    paragraphs that mention any of them; only those are matched entry by entry."""

    kind = "stale"
    needs_period = True
    scope = "paragraph"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.entries: list[StaleEntry] = []
        self._gate: re.Pattern[str] | None = None
        super().__init__(header, source)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: an entry must be a table")
        new = _entry(entry, where, self.severity)
        if any(e.key == new.key for e in self.entries):
            raise ValueError(f"{where}: key {new.key!r} is used twice")
        self.entries.append(new)
        self._gate = None

    @property
    def gate(self) -> re.Pattern[str]:
        if self._gate is None:
            joined = "|".join(f"(?:{_ungrouped(e.pattern.pattern)})" for e in self.entries)
            self._gate = re.compile(joined or r"(?!)")
        return self._gate

    def hits(self, text: str, period: Period, *, forward: bool = False) -> list[Hit]:
        """Stale references in one paragraph: leftmost, then longest; no overlaps."""
        if not self.gate.search(text):
            return []
        found = []
        for entry in self.entries:
            for start, end, m in entry.spans(text):
                hit = entry.judge(m, start, end, period, forward)
                if hit is not None:
                    found.append(hit)
        found.sort(key=lambda h: (h.start, h.start - h.end))
        chosen: list[Hit] = []
        for hit in found:
            if not chosen or hit.start >= chosen[-1].end:
                chosen.append(hit)
        return chosen

    def entry(self, key: str) -> StaleEntry:
        return next(e for e in self.entries if e.key == key)

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in ctx.text_blocks():
            period = ctx.period_of(block.index)
            if period is None or not self.gate.search(block.text):
                continue
            forward = bool(_FORWARD_LEAD.match(block.text)) or any(
                _FORWARD_HEADING.search(h.title) for h in ctx.outline.heading_path(block.index)
            )
            for hit in self.hits(block.text, period, forward=forward):
                yield ctx.finding(
                    self,
                    block.index,
                    hit.start,
                    hit.end,
                    hit.message,
                    suggestion=hit.suggestion,
                    replacement=hit.replacement,
                    safe=hit.safe,
                    severity=hit.severity,
                )


RULES = [PeriodUnknownRule]
KINDS = [StaleReferenceRule]
