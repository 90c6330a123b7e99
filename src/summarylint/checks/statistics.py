"""N: numbers and statistics in a work summary.

Facts: GB/T 15835-2011 《出版物上数字用法》 (Arabic numerals for counts, four-digit
years, half-width digits, "同类别同形式"), GB/T 9704-2012 7.3.5.4 (年份应标全称) and
shared REFERENCE.md §2 (achievements should carry figures; the quantity pattern).

The word lists and patterns (counting units, figures that are not results, the headings
of a summary's parts, title words, placeholder, year, share and growth words …) are rule
data in rules/statistics.toml, one list per ``LISTS`` key.  N001 owns the data (rule kind
"statistics"); N002–N006 and N008 are companion rules that read it, so a user's pack that
extends N001 (a unit, a heading word) extends every rule that uses the list.  N007 needs
no data.  The patterns are built from the lists on first use and rebuilt only when a pack
adds entries; the matching logic (numerals, ordinals, guards, algorithms) stays here.

Digits are matched as ASCII ``[0-9]`` (Python's ``\\d`` also matches full-width digits,
which N007 reports on their own), except where a figure is only being *counted* (N001),
where full-width digits count too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from summarylint.checks.base import Context, Example, Rule, RuleKind
from summarylint.model import Block, Finding, Severity
from summarylint.structure import Section, Summary

# --------------------------------------------------------------------------- numerals

_CN_NUM_CHARS = "零〇一二三四五六七八九十百千万两"
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SCALE = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """二十 → 20, 一百二十 → 120, 三万 → 30000; None for approximations (三五, 十几)
    and anything that is not one well-formed number."""
    if not text or any(c not in _CN_NUM_CHARS for c in text):
        return None
    total = 0
    section = 0
    digit: int | None = None
    last_scale = 10**9
    for c in text:
        if c in _CN_DIGIT:
            if digit is not None:
                if digit != 0 and _CN_DIGIT[c] != 0:
                    return None  # 三五 (approximate), 一二
            digit = _CN_DIGIT[c]
        elif c in _CN_SCALE:
            scale = _CN_SCALE[c]
            if scale >= last_scale or (digit is None and (scale > 10 or section or total)):
                return None  # 百十 (about a hundred); only a leading 十 may drop its 一
            last_scale = scale
            section += (1 if digit is None else digit) * scale
            digit = None
        else:  # 万
            section += digit or 0
            if section == 0:
                return None
            total += section * 10000
            section, digit, last_scale = 0, None, 10**9
    return total + section + (digit or 0)


# --------------------------------------------------------------------------- rule data

_DIGITS_ANY = "0-9０-９"


@dataclass(frozen=True)
class DataList:
    """One list of rule data in rules/statistics.toml."""

    #: The rule whose findings an entry's ``fail`` / ``pass`` examples are about.
    rule: str
    #: Items are regular expressions (kept in order); otherwise literal words, which are
    #: tried longest first ("人次" before "人").
    regex: bool
    what: str


LISTS: dict[str, DataList] = {
    # N001 (figures; the units also make N002's "XX次" and N005's quantities)
    "figure-unit": DataList("N001", False, "units after an Arabic numeral that make a result figure (12次, 95%)"),
    "figure-unit-cn": DataList("N001", False, "units after a Chinese numeral that make a figure (三次, 五万元)"),
    "figure-unit-cn-item": DataList(
        "N001", False, "个/项/条…: after a Chinese numeral a figure unless a set-phrase word follows"
    ),
    "set-phrase": DataList("N001", False, "words after 四个/八项… that make a set phrase, not a figure (四个意识)"),
    "not-result": DataList("N001", True, "figures that are not results (24小时值班)"),
    # N001 (which part is the achievements part; N008 too)
    "achievements-heading": DataList("N001", True, "headings of the achievements part (主要做法, 工作成效)"),
    "problems-heading": DataList("N001", True, "headings of the problems part (存在的问题)"),
    "plans-heading": DataList("N001", True, "headings of the plans part (下一步打算)"),
    "experience-heading": DataList("N001", True, "headings of an experience part (体会, 启示)"),
    "measures-heading": DataList("N001", True, "a plans word unless the heading also names results (措施)"),
    "achieved-heading": DataList("N001", True, "words that keep a measures heading in the achievements (措施及成效)"),
    "other-title": DataList("N001", False, "title endings of documents that are not summaries (计划, 通知)"),
    "summary-title": DataList("N001", False, "title words of a summary, which win over other-title (总结)"),
    # N002
    "placeholder-noun": DataList("N002", False, "words after XX/×× that make a placeholder (XX同志, ××单位)"),
    "template-instruction": DataList("N002", True, "template instructions in 【】 or [] (【待补充】)"),
    "template-instruction-paren": DataList("N002", True, "template instructions opening a （） (（此处插入照片）)"),
    # N003
    "year-marker": DataList("N003", True, "what follows a year (24年上半年, 24年度, 24年6月)"),
    "year-lead": DataList("N003", True, "what precedes a year (截至23年); fixed width (a look-behind)"),
    "era": DataList("N003", False, "era names before a two-digit year (民国38年)"),
    # N004
    "count-unit": DataList("N004", False, "units of counts of one kind (同类别): each entry gives 'kind'"),
    "count-set-phrase": DataList("N004", False, "words after a Chinese count that make a set phrase (三次分配)"),
    # N005
    "total-word": DataList("N005", False, "words that introduce a total (共, 合计)"),
    "overlap": DataList("N005", False, "words that make the parts of a total overlap (女党员, 大专以上)"),
    # N006
    "share": DataList("N006", False, "words of shares and rates, which cannot exceed 100% (覆盖率, 占比)"),
    "growth": DataList("N006", False, "words of growth and targets, which can (同比增长, 完成目标)"),
}

_ENTRY_KEYS = frozenset({"list", "items", "kind", "chinese", "note", "fail", "pass", "source"})


@dataclass(frozen=True)
class StatEntry:
    """An entry of rules/statistics.toml: items added to one list, with examples."""

    list: str
    items: tuple[str, ...]
    #: count-unit only: the kind of thing counted, and whether Chinese-numeral counts
    #: in these units are compared with Arabic ones (N004).
    kind: str | None
    chinese: bool
    note: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise ValueError(f"{where}: '{key}' must be a non-empty string or a list of non-empty strings")


def _check_regex(item: str, name: str, where: str) -> None:
    try:
        compiled = re.compile(item)
        if name == "year-lead":
            re.compile(f"(?<={item})")
    except re.error as exc:
        width = " of fixed width (it is used as a look-behind)" if name == "year-lead" else ""
        raise ValueError(f"{where}: {item!r} is not a valid regular expression{width}: {exc}") from None
    if compiled.groupindex:
        raise ValueError(f"{where}: {item!r}: named groups are not allowed in list items")
    if compiled.match(""):
        raise ValueError(f"{where}: {item!r} matches the empty string")


def _alternation(items: Iterable[str], regex: bool) -> str:
    """``a|b|c``.  Literal words are escaped and tried longest first, so that a pack's
    "台次" is read before the built-in "台"; regular expressions keep their order."""
    unique = list(dict.fromkeys(items))
    if not unique:
        return "(?!)"
    if regex:
        return "|".join(unique)
    return "|".join(re.escape(word) for word in sorted(unique, key=len, reverse=True))


class Patterns:
    """Every pattern of the family that depends on the data, compiled together."""

    def __init__(self, lists: dict[str, list[str]], count_kinds: dict[str, str], chinese_counts: list[str]) -> None:
        def alt(name: str) -> str:
            return _alternation(lists[name], LISTS[name].regex)

        units = alt("figure-unit")
        units_cn = alt("figure-unit-cn")
        # N001: an Arabic figure: 12次, 1.5万元, 20余篇, 95%, 300余人次 (full-width digits count here).
        self.figure_ar = re.compile(
            rf"(?<![{_DIGITS_ANY}A-Za-z.．×xX*＊])(?P<num>[{_DIGITS_ANY}]+(?:[.．][{_DIGITS_ANY}]+)?)"
            rf"(?P<mult>[万亿千百]?)(?:余|多)?[万亿]?(?P<unit>{units})"
        )
        self.figure_cn = re.compile(
            rf"(?<![第前后每逐这那哪几头{_CN_NUM_CHARS}])(?P<num>[{_CN_NUM_CHARS}]+)(?:余|多)?(?P<unit>{units_cn})"
        )
        # Chinese numeral + 个/项/条… counts as a figure ("完成三项重点任务") unless it is
        # quoted or names a set phrase ("四个意识", "中央八项规定", "两个维护").
        self.figure_cn_items = re.compile(
            rf"(?<![第前后每逐这那哪几头“「‘{_CN_NUM_CHARS}])(?P<num>[{_CN_NUM_CHARS}]+)(?:余|多)?"
            rf"(?P<unit>{alt('figure-unit-cn-item')})(?!{alt('set-phrase')})"
        )
        self.not_result = re.compile(alt("not-result"))
        self.achievement_heading = re.compile(alt("achievements-heading"))
        self.problem_heading = re.compile(alt("problems-heading"))
        self.plan_heading = re.compile(alt("plans-heading"))
        self.experience_heading = re.compile(alt("experience-heading"))
        self.measures = re.compile(alt("measures-heading"))
        self.achieved = re.compile(alt("achieved-heading"))
        self.not_summary_title = re.compile(rf"(?:{alt('other-title')})$")
        self.summary_title = re.compile(alt("summary-title"))
        # N002
        self.ph_after = re.compile(rf"(?:{units}|[年月日号时]|{alt('placeholder-noun')})")
        square, paren = alt("template-instruction"), alt("template-instruction-paren")
        self.ph_bracket = re.compile(
            rf"【[^】\n]{{0,30}}?(?:{square})[^】\n]{{0,30}}】"
            rf"|[\[［](?:[^\]］\n]{{0,20}}?)(?:{square})[^\]］\n]{{0,30}}[\]］]"
            rf"|[（(〔]\s*(?:{paren})[^）)〕\n]{{0,30}}[）)〕]"
        )
        # N003
        leads = "|".join(f"(?<={lead})" for lead in dict.fromkeys(lists["year-lead"])) or "(?!)"
        self.short_year = re.compile(
            rf"(?<![0-9０-９.．:：/\-A-Za-z第])(?P<num>[0-9]{{2}})年(?=(?:{alt('year-marker')}))"
            rf"|(?:{leads})"
            r"(?P<num2>[0-9]{2})年(?![0-9来里间内多余以之前后的中时左上下半底初末度月，,。；;、）)”])"
        )
        self.era = re.compile(rf"(?:{alt('era')})$")
        # N004: kinds of counted things ("同类别同形式")
        self.kind = dict(count_kinds)
        self.count_ar = re.compile(
            rf"(?<![0-9.A-Za-z第])(?P<num>[0-9]+(?:\.[0-9]+)?)[万亿]?(?:余|多)?"
            rf"(?P<unit>{_alternation(count_kinds, False)})"
        )
        self.count_cn = re.compile(
            rf"(?<![第前后每逐这那哪几头连再{_CN_NUM_CHARS}])(?P<num>[{_CN_NUM_CHARS}]+)"
            rf"(?P<unit>{_alternation(chinese_counts, False)})(?!{alt('count-set-phrase')}|[余多来几])"
        )
        # N005
        qty = rf"(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<mult>[万亿]?)(?P<approx>余|多)?(?P<unit>{units})"
        self.total = re.compile(
            rf"(?:{alt('total-word')})[^，,。；;：:0-9]{{0,12}}?(?<![0-9.第]){qty}[，,：:]?\s*其中[，,：:]?"
        )
        self.part = re.compile(rf"(?<![0-9.第]){qty}")
        self.overlap = re.compile(alt("overlap"))
        self.cn_count_any = re.compile(rf"(?<![0-9.])[零〇一二三四五六七八九十百千两][{_CN_NUM_CHARS}]*(?:{units_cn})")
        # N006
        self.share = re.compile(alt("share"))
        self.growth = re.compile(alt("growth"))

    def is_problem_or_plan(self, title: str) -> bool:
        if self.problem_heading.search(title) or self.plan_heading.search(title):
            return True
        return bool(self.measures.search(title)) and not self.achieved.search(title)

    def is_achievements(self, title: str) -> bool:
        return bool(self.achievement_heading.search(title)) and not self.is_problem_or_plan(title)


@cache
def builtin_data() -> AchievementsWithoutFiguresRule:
    """N001 with the built-in data alone, for callers without a loaded rule set."""
    from summarylint.engine import RuleSet
    from summarylint.resources import data_dir

    kind = AchievementsWithoutFiguresRule
    ruleset = RuleSet([])
    ruleset.load_pack(data_dir("rules") / "statistics.toml", {kind.kind: kind})
    rule = ruleset.rules["N001"]
    assert isinstance(rule, kind)
    return rule


#: A title is at most this long (characters).
_TITLE_MAX = 60
#: A part this short (body characters) is not judged.
_MIN_PART_CHARS = 60


def _heading_text(section: Section) -> str:
    h = section.heading
    return (h.marker.strip() + h.title).strip()


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- figures


def figures_in(text: str, patterns: Patterns | None = None) -> Iterator[re.Match[str]]:
    """Result figures in ``text``: quantity + counting unit, without ordinals, set
    phrases, years and dates, round-the-clock duty hours.  ``patterns`` defaults to the
    built-in data (a loaded N001 passes its own, user packs included)."""
    p = patterns or builtin_data().patterns
    blocked = [m.span() for m in p.not_result.finditer(text)]

    def free(m: re.Match[str]) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in blocked)

    for m in p.figure_ar.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "第" or not free(m):
            continue
        yield m
    for pattern in (p.figure_cn, p.figure_cn_items):
        for m in pattern.finditer(text):
            if chinese_number(m.group("num")) in (None, 0, 1) or not free(m):
                continue  # 一批, 一项 (articles), 三五 (approximate), 万
            yield m


@dataclass
class _Part:
    sections: list[Section]
    #: "heading": sections named as achievements; "themes": themed sections before the
    #: problems/plans part.
    mode: str


def _title_of(summary: Summary, ctx: Context) -> str:
    """The summary's title, or its first line when that looks like a title the outline
    did not recognise ("某局2025年工作计划")."""
    if summary.title:
        return summary.title.strip()
    for index in summary.block_range():
        if not 1 <= index <= len(ctx.document.blocks):
            break  # an empty document still has one (empty) summary
        text = ctx.document.block(index).text.strip()
        if text:
            short = len(text) <= _TITLE_MAX and not re.search(r"[。；;，,：:]", text)
            return text if short and ctx.outline.kinds.get(index) == "b" else ""
    return ""


def achievements_part(summary: Summary, ctx: Context, patterns: Patterns | None = None) -> _Part | None:
    """The achievements part of a summary, or None where it cannot be told."""
    p = patterns or builtin_data().patterns
    title = _title_of(summary, ctx)
    if p.not_summary_title.search(title) and not p.summary_title.search(title):
        return None
    top = summary.sections
    if not top:
        return None
    named = [s for s in top if p.is_achievements(s.heading.title)]
    if named:
        return _Part(named, "heading")
    # Themed level-1 headings (一、加强组织领导 二、注重理论学习 … 四、存在的问题及打算):
    # the sections before the closing problems/plans run, if that run names problems.
    end = len(top)
    has_problems = False
    while end > 0:
        title = top[end - 1].heading.title
        if p.is_problem_or_plan(title) or p.experience_heading.search(title):
            has_problems = has_problems or bool(p.problem_heading.search(title))
            end -= 1
        else:
            break
    themes = top[:end]
    if not has_problems or len(themes) < 2:
        return None
    return _Part(themes, "themes")


def _section_text(ctx: Context, section: Section) -> Iterator[tuple[Block, str]]:
    """(block, text without heading markers) for every paragraph of the section."""
    for index in range(section.start, section.end + 1):
        block = ctx.document.block(index)
        heading = ctx.outline.headings.get(index)
        text = block.text[heading.marker_end :] if heading else block.text
        yield block, text


def _has_figure(ctx: Context, section: Section, patterns: Patterns) -> bool:
    return any(next(figures_in(text, patterns), None) for _, text in _section_text(ctx, section))


def _body_chars(ctx: Context, section: Section) -> int:
    return sum(
        len(block.text.strip())
        for block, _ in _section_text(ctx, section)
        if ctx.outline.kinds.get(block.index) == "b"
    )


_FIGURE_EXAMPLES = "次数、人次、篇数、金额、比例等"


class AchievementsWithoutFiguresRule(RuleKind):
    """N001, and the owner of the family's data: rules/statistics.toml gives its header
    (name, severity, summary, explanation, examples) and the lists in ``LISTS``; the
    companion rules read the lists through ``patterns``."""

    kind = "statistics"
    scope = "document"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.entries: list[StatEntry] = []
        self.lists: dict[str, list[str]] = {name: [] for name in LISTS}
        self.count_kinds: dict[str, str] = {}
        self.chinese_counts: list[str] = []
        #: list name → the small document its one-line examples are checked in
        self.templates: dict[str, str] = {}
        self._patterns: Patterns | None = None
        super().__init__(header, source)

    def add_pack(
        self, header: dict[str, Any], entries: list[dict[str, Any]], source: str, lines: list[int] | None = None
    ) -> None:
        templates = header.get("templates", [])
        if not isinstance(templates, list):
            raise ValueError(f"{source}: 'templates' must be an array of tables ([[pack.templates]])")
        for number, template in enumerate(templates, 1):
            where = f"{source}: template {number}"
            text = template.get("text") if isinstance(template, dict) else None
            names = template.get("lists") if isinstance(template, dict) else None
            if not isinstance(text, str) or "{}" not in text:
                raise ValueError(f"{where}: 'text' must be a string with {{}} where an example goes")
            if not isinstance(names, list) or not names or any(n not in LISTS for n in names):
                raise ValueError(f"{where}: 'lists' must name lists of: {', '.join(LISTS)}")
            self.templates.update(dict.fromkeys(names, text))
        super().add_pack(header, entries, source, lines)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        name = entry.get("list")
        if name not in LISTS:
            raise ValueError(f"{where}: 'list' must be one of: {', '.join(LISTS)}")
        items = _strings(entry.get("items"), where, "items")
        if not items:
            raise ValueError(f"{where}: 'items' is missing")
        if LISTS[name].regex:
            for item in items:
                _check_regex(item, name, where)
        kind, chinese = entry.get("kind"), entry.get("chinese", False)
        if name == "count-unit":
            if not isinstance(kind, str) or not kind:
                raise ValueError(f"{where}: a count-unit entry needs 'kind' (what is counted, as \"events\")")
            if not isinstance(chinese, bool):
                raise ValueError(f"{where}: 'chinese' must be true or false")
        elif "kind" in entry or "chinese" in entry:
            raise ValueError(f"{where}: 'kind' and 'chinese' belong to count-unit entries")
        self.entries.append(StatEntry(
            list=name,
            items=items,
            kind=kind,
            chinese=chinese,
            note=str(entry.get("note", "")),
            fail=_strings(entry.get("fail"), where, "fail"),
            passes=_strings(entry.get("pass"), where, "pass"),
        ))
        self.lists[name].extend(items)
        if name == "count-unit":
            for item in items:
                self.count_kinds[item] = kind
                if chinese:
                    self.chinese_counts.append(item)
        self._patterns = None

    @property
    def patterns(self) -> Patterns:
        if self._patterns is None:
            self._patterns = Patterns(self.lists, self.count_kinds, self.chinese_counts)
        return self._patterns

    def companions(self) -> list[Rule]:
        return [
            PlaceholderRule(self),
            ShortYearRule(self),
            MixedNumeralsRule(self),
            TotalMismatchRule(self),
            ShareOver100Rule(self),
            SubsectionWithoutFiguresRule(self),
        ]

    def example_text(self, entry: StatEntry, example: str) -> str:
        """The document an entry's example is checked as: a one-line example goes into
        its list's template, an example with a line break stands alone."""
        template = self.templates.get(entry.list)
        return template.replace("{}", example) if template and "\n" not in example else example

    def check(self, ctx: Context) -> Iterable[Finding]:
        p = self.patterns
        for summary in ctx.summaries():
            part = achievements_part(summary, ctx, p)
            if part is None:
                continue
            if sum(_body_chars(ctx, s) for s in part.sections) < _MIN_PART_CHARS:
                continue
            if any(_has_figure(ctx, s, p) for s in part.sections):
                continue
            first = part.sections[0]
            if part.mode == "heading" or len(part.sections) == 1:
                names = "、".join(f"“{_short(_heading_text(s))}”" for s in part.sections)
                where = f"{names}部分"
            else:
                where = f"“{_short(_heading_text(first))}”至“{_short(_heading_text(part.sections[-1]))}”各部分"
            yield ctx.section_finding(
                self,
                first.start,
                f"{where}列举了工作，但没有一个数据（{_FIGURE_EXAMPLES}）支撑成效。"
                "总结写成绩应当用数据和事实说话。",
                suggestion="补充反映成效的具体数据，如“组织专题学习12次、参学党员300余人次、发布信息86篇”",
            )


class _Companion(Rule):
    """A rule that reads N001's data (rules/statistics.toml)."""

    def __init__(self, data: AchievementsWithoutFiguresRule) -> None:
        self.data = data


class SubsectionWithoutFiguresRule(_Companion):
    id = "N008"
    name = "subsection-without-figures"
    severity = Severity.INFO
    scope = "document"
    default_enabled = False
    summary = "成效部分中某一小节没有数据，而同级其他小节有"
    explanation = (
        "成效部分整体有数据时，个别小节（如“（三）压实工作责任”）只有做法、没有一个数据，"
        "读者难以判断这部分工作的成效。可补充次数、人次、覆盖面等数据；确实无法量化的工作可不改。"
        "此规则只是提示，默认不启用（用 --select N008 启用）。"
    )
    examples = (
        Example(
            "某局2025年上半年工作总结\n一、主要做法\n（一）加强学习\n组织中心组专题学习12次，开展专题研讨4次，"
            "撰写学习体会文章9篇。\n（二）压实责任\n把意识形态工作列入年度重点工作，班子成员落实“一岗双责”，"
            "对分管领域的意识形态工作负领导责任，党组会议定期听取意识形态工作情况汇报，推动责任层层压实。\n"
            "二、存在的问题\n学习还不够深入。",
            True,
        ),
        Example(
            "某局2025年上半年工作总结\n一、主要做法\n（一）加强学习\n组织中心组专题学习12次。\n"
            "（二）压实责任\n签订意识形态工作责任书18份，开展督导检查3次。\n二、存在的问题\n学习还不够深入。",
            False,
        ),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        p = self.data.patterns
        for summary in ctx.summaries():
            part = achievements_part(summary, ctx, p)
            if part is None:
                continue
            groups = [s.children for s in part.sections]
            if part.mode == "themes":
                groups.append(part.sections)
            for siblings in groups:
                if len(siblings) < 2:
                    continue
                with_figures = [_has_figure(ctx, s, p) for s in siblings]
                if not any(with_figures):
                    continue
                for section, has in zip(siblings, with_figures, strict=True):
                    if has or _body_chars(ctx, section) < _MIN_PART_CHARS:
                        continue
                    yield ctx.section_finding(
                        self,
                        section.start,
                        f"“{_short(_heading_text(section))}”一节没有数据，而同级其他小节有具体数据。",
                        suggestion="如能量化，补充次数、人次、覆盖面等数据",
                    )


# --------------------------------------------------------------------------- N002

_PH = "XxＸｘ×＊*"
_LATIN = "A-Za-zＡ-Ｚａ-ｚ"
#: A run of placeholder marks, possibly with digits ("20XX").
_PH_TOKEN = re.compile(
    rf"(?<![{_LATIN}0-9./@:_\-])(?P<tok>[0-9]*[{_PH}]+(?:[0-9]+[{_PH}]+)*[0-9]*)(?![{_LATIN}/@_])"
)
_PH_DATE_TAIL = re.compile(rf"(?:[0-9{_PH}]{{1,2}}[月日号])+")
_PH_BEFORE = re.compile(r"第$")
_PH_MULTIPLY = re.compile(rf"^[0-9]+[{_PH}][0-9]+$")
# The words after a placeholder ("XX次", "××单位") and the template instructions in
# brackets ("【待补充】") are lists in rules/statistics.toml (``Patterns.ph_after``,
# ``Patterns.ph_bracket``).


_KANA = re.compile(r"[\u3040-\u309f\u30a1-\u30fa]")
#: A document with this many kana is Japanese (full-width digits, "＊" notes are its norm).
_KANA_LIMIT = 20


def chinese_blocks(ctx: Context) -> Iterator[Block]:
    """Blocks with text, or none at all for a Japanese document."""
    kana = 0
    for block in ctx.document.blocks:
        kana += len(_KANA.findall(block.text))
        if kana >= _KANA_LIMIT:
            return
    yield from ctx.text_blocks()


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20]")


def _cjk_beside(text: str, start: int, end: int) -> bool:
    """A bare "XXX" is a placeholder in Chinese prose ("由XXX负责"); in Latin text it is a
    numeral ("pp. xi–xxx")."""
    if start:
        return bool(_CJK.match(text[start - 1]))
    return bool(_CJK.match(text[end : end + 1]))


class PlaceholderRule(_Companion):
    id = "N002"
    name = "template-placeholder"
    severity = Severity.ERROR
    summary = "模板占位符未替换（“XX次”“X月X日”“××同志”“【待补充】”）"
    explanation = (
        "从模板或往年材料改写总结时，“XX次”“X月X日”“XXX同志”“××单位”“【待补充】”“（此处插入…）”等"
        "占位符容易漏改，印发后即成明显差错。请逐一替换为核实后的真实数据、日期和名称。"
        "型号、字母代号中的字母X（如“X光”“X射线”）不报告。"
    )
    examples = (
        Example("2025年1—6月，共开展舆情分析研判XX次，办理群众网上诉求53件。", True),
        Example("于X月X日召开专题会议。", True),
        Example("局机关配备X光安检机2台，严格执行7×24小时值班制度。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in chinese_blocks(ctx):
            text = block.text
            taken: list[tuple[int, int]] = []
            for m in self.data.patterns.ph_bracket.finditer(text):
                taken.append(m.span())
                yield ctx.finding(
                    self, block.index, m.start(), m.end(),
                    f"“{m.group(0)}”是模板中的提示语，未替换为正文内容。",
                    suggestion="补写相应内容后删除提示语",
                )
            for start, end in self._tokens(text):
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                found = text[start:end]
                yield ctx.finding(
                    self, block.index, start, end,
                    f"“{found}”是未填写的占位符，应替换为核实后的实际数据、日期或名称。",
                    suggestion="填入实际内容",
                )

    def _tokens(self, text: str) -> Iterator[tuple[int, int]]:
        ph_after = self.data.patterns.ph_after
        for m in _PH_TOKEN.finditer(text):
            tok = m.group("tok")
            if _PH_MULTIPLY.match(tok):
                continue  # 7×24, 3x3
            marks = [c for c in tok if c in _PH]
            start, end = m.start(), m.end()
            after = ph_after.match(text, end)
            strong = len(marks) >= 3 and not tok[0].isdigit() and len(set(marks)) == 1 and not after
            symbols = len(marks) >= 2 and all(c in "×＊" for c in marks)
            if after:
                word = after.group(0)
                end = after.end()
                if word in "年月日":
                    tail = _PH_DATE_TAIL.match(text, end)
                    if tail:
                        end = tail.end()
                if tok.isdigit():
                    continue
            elif _PH_BEFORE.search(text[:start]) and len(marks) >= 1:
                pass
            elif not (strong or symbols) or not _cjk_beside(text, start, end):
                continue
            # ASCII "**" without a unit or date is markdown emphasis, not a placeholder.
            if not after and all(c == "*" for c in marks):
                continue
            # A lone "＊" or "×" is a note mark or a times sign ("＊日时另行通知"), unless the
            # whole placeholder has more of them ("＊月＊日").
            if len(marks) == 1 and marks[0] in "×＊*" and sum(c in _PH for c in text[start:end]) < 2:
                continue
            yield start, end


# --------------------------------------------------------------------------- N003

_YEAR_NORM = "GB/T 15835—2011；GB/T 9704—2012 第7.3.5.4条“年份应标全称”"
_FULL_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})年")
# What follows and precedes a two-digit year, and era names, are lists in
# rules/statistics.toml (``Patterns.short_year``, ``Patterns.era``).


class ShortYearRule(_Companion):
    id = "N003"
    name = "two-digit-year"
    severity = Severity.WARNING
    summary = "年份简写为两位数字（“24年上半年”应为“2024年上半年”）"
    explanation = (
        "GB/T 15835—2011 规定年份不应简写，“2024年”不能写作“24年”；GB/T 9704—2012 第7.3.5.4条也要求"
        "“年份应标全称”。本规则只在明显指年份的地方报告：“24年上半年”“24年度”“23年底”“24年6月”"
        "“截至23年”等；“改革开放40年来”“连续12年”“工作了24年”“近10年”等表示时长的不报告。"
    )
    examples = (
        Example("在24年度全县意识形态工作责任制考核中，我局被评为优秀等次。", True, "2025H1"),
        Example("改革开放40年来，我县交通面貌发生巨大变化，我局已连续12年被评为文明单位。", False, "2025H1"),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        p = self.data.patterns
        for block in chinese_blocks(ctx):
            text = block.text
            for m in p.short_year.finditer(text):
                group = "num" if m.group("num") else "num2"
                start, end = m.start(group), m.end(group) + 1
                if p.era.search(text[max(0, start - 3) : start]):
                    continue
                written = text[start:end]
                full = self._full_year(ctx, block, text, int(m.group(group)))
                if full:
                    yield ctx.finding(
                        self, block.index, start, end,
                        f"年份“{written}”简写成了两位数字，应写全称“{full}年”（{_YEAR_NORM}）。",
                        suggestion=f"改为“{full}年”",
                        replacement=f"{full}年",
                        safe=False,
                    )
                else:
                    yield ctx.finding(
                        self, block.index, start, end,
                        f"年份“{written}”简写成了两位数字，应写四位全称（{_YEAR_NORM}）。",
                        suggestion="写全四位年份，如“2024年”",
                    )

    @staticmethod
    def _full_year(ctx: Context, block: Block, text: str, two: int) -> int | None:
        """The four-digit year, when the reporting period or a full year nearby makes
        the century obvious."""
        reference = None
        period = ctx.period_of(block.index)
        if period is not None:
            reference = period.end.year
        else:
            m = _FULL_YEAR.search(text)
            if m:
                reference = int(m.group(1))
        if reference is None:
            return None
        century = reference // 100 * 100
        year = century + two
        if year > reference + 1:
            year -= 100
        return year if reference - 30 <= year <= reference + 1 else None


# --------------------------------------------------------------------------- N004

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
# The units of counts and their kinds, and the set phrases after a Chinese count
# ("三次分配"), are lists in rules/statistics.toml (``Patterns.count_ar``, ``count_cn``).


class MixedNumeralsRule(_Companion):
    id = "N004"
    name = "mixed-numeral-forms"
    severity = Severity.WARNING
    summary = "同一句中同类计数混用阿拉伯数字和汉字数字（“会议16次，党小组会五次”）"
    explanation = (
        "GB/T 15835—2011 要求用于计量、计数的数字用阿拉伯数字，并遵循“同类别同形式”：一句话里列举的同类统计数"
        "（会议次数、活动场次、人数、篇数等）应使用同一种数字形式。“召开支部会议16次，党小组会五次”应写作"
        "“党小组会5次”。表示概数的（三五天、十几次）、固定提法（三会一课、两学一做、一岗双责）和序数（第三次）"
        "不在此列。"
    )
    examples = (
        Example("共组织召开支部会议16次，党小组会五次，党员大会4次。", True),
        Example("共组织召开支部会议16次，党小组会5次，严格落实“三会一课”制度。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in chinese_blocks(ctx):
            text = block.text
            for sentence in _SENTENCE.finditer(text):
                yield from self._sentence(ctx, block, text, sentence.start(), sentence.end())

    def _sentence(self, ctx: Context, block: Block, text: str, lo: int, hi: int) -> Iterator[Finding]:
        p = self.data.patterns
        arabic_kinds = {p.kind[m.group("unit")] for m in p.count_ar.finditer(text, lo, hi)}
        if not arabic_kinds:
            return
        for m in p.count_cn.finditer(text, lo, hi):
            unit = m.group("unit")
            if p.kind[unit] not in arabic_kinds:
                continue
            num = m.group("num")
            value = chinese_number(num)
            if value is None or value < 2 or num == "二":
                continue  # 一次 (once / 一次性), 二次 (二次开发), approximations
            start, end = m.start(), m.end()
            right = f"{value}{unit}"
            yield ctx.finding(
                self, block.index, start, end,
                f"同一句中同类计数已用阿拉伯数字，“{text[start:end]}”也应写作“{right}”"
                "（GB/T 15835—2011，同类别同形式）。",
                suggestion=f"改为“{right}”",
                replacement=right,
                safe=False,
            )


# --------------------------------------------------------------------------- N005

_CLAUSE_END = re.compile(r"[。！？!?\n]")
# The words of a total ("共", "合计") and of parts that may overlap (attributes of people,
# statuses: not a breakdown) are lists in rules/statistics.toml (``Patterns.total``,
# ``Patterns.overlap``).


class TotalMismatchRule(_Companion):
    id = "N005"
    name = "total-differs-from-parts"
    severity = Severity.WARNING
    summary = "“共…N，其中…”列出的分项之和与总数不符"
    explanation = (
        "“共开展活动12次，其中专题讲座5次、主题党日4次、志愿服务2次”，分项相加为11次，与总数12次不符，"
        "说明总数或某个分项写错了，或漏列了一项。数据前后矛盾会让人怀疑全篇数据的可靠性。"
        "本规则只核对“共/合计/累计/总计 + 数量 + 其中 + 同单位的分项”这一明确写法；分项以“等”结尾、"
        "分项可能交叉（如“女党员”“大专以上学历”）或数值差距很大（可能只列了部分）时不报告。"
    )
    examples = (
        Example("共开展主题活动12次，其中专题讲座5次、主题党日4次、志愿服务2次。", True),
        Example("共开展主题活动12次，其中专题讲座5次、主题党日4次、志愿服务3次。", False),
        Example("共开展主题活动12次，其中专题讲座5次、主题党日4次等。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in chinese_blocks(ctx):
            text = block.text
            for m in self.data.patterns.total.finditer(text):
                finding = self._judge(ctx, block, text, m)
                if finding:
                    yield finding

    def _judge(self, ctx: Context, block: Block, text: str, m: re.Match[str]) -> Finding | None:
        if m.group("approx"):
            return None
        p = self.data.patterns
        unit = m.group("unit")
        end = _CLAUSE_END.search(text, m.end())
        clause = text[m.end() : end.start() if end else len(text)]
        if p.overlap.search(clause) or p.cn_count_any.search(clause):
            return None
        parts = list(p.part.finditer(clause))
        if len(parts) < 2 or any(p.group("unit") != unit or p.group("approx") for p in parts):
            return None
        if any(p.group("mult") != m.group("mult") for p in parts):
            return None  # 1.2万 against 6000: rounding, not a contradiction
        values = [float(p.group("num")) for p in parts]
        total = float(m.group("num"))
        total_parts = sum(values)
        decimals = max(len(p.group("num").partition(".")[2]) for p in [m, *parts])
        tolerance = 0.5 * 10**-decimals * (len(parts) + 1) if decimals else 1e-9
        if abs(total_parts - total) <= tolerance:
            return None
        if total_parts < total and "等" in clause:
            return None
        if not 0.7 * total <= total_parts <= 1.3 * total:
            return None  # far apart: probably only some parts are listed, or they overlap
        shown = "+".join(p.group("num") + p.group("mult") for p in parts)
        summed = _format(total_parts) + m.group("mult")
        start, stop = m.start("num"), m.end("unit")
        return ctx.finding(
            self, block.index, start, stop,
            f"总数“{text[start:stop]}”与其后“其中”所列分项之和不符：{shown}={summed}{unit}。请核对总数和各分项。",
            suggestion="核对后改正总数或分项",
        )


def _format(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------- N006

_PERCENT = re.compile(r"(?<![0-9.])(?P<num>[0-9]{3,}(?:\.[0-9]+)?)\s*[%％]")
# Share words ("覆盖率", "占比") and growth words are lists in rules/statistics.toml.
# Growth, plans and targets can exceed 100% (“同比增长150%”“完成年度目标的112%”), and so
# can rates that count arrears or turnover (征收率, 出栏率, 自给率, 产销率).
_PCT_WINDOW = 14
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?：:、\n]")


class ShareOver100Rule(_Companion):
    id = "N006"
    name = "share-over-100-percent"
    severity = Severity.WARNING
    summary = "比率、占比超过100%（“覆盖率达120%”）"
    explanation = (
        "覆盖率、参与率、知晓率、占比等表示部分占整体的比例，不可能超过100%；出现“参学率105%”一般是"
        "分子分母取错或数字录入错误。增长率（“同比增长150%”）和完成计划、目标的程度"
        "（“完成年度目标的112%”“超额完成”）可以超过100%，不报告。"
    )
    examples = (
        Example("组织开展网上专题学习，党员干部参学率达105%。", True),
        Example("完成年度目标的112%，网上信息发布量同比增长150%，办结率100%。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        p = self.data.patterns
        for block in chinese_blocks(ctx):
            text = block.text
            for m in _PERCENT.finditer(text):
                if float(m.group("num")) <= 100:
                    continue
                lo = max(0, m.start() - _PCT_WINDOW)
                breaks = list(_CLAUSE_BREAK.finditer(text, lo, m.start()))
                if breaks:
                    lo = breaks[-1].end()
                window = text[lo : m.start()]
                share = p.share.search(window)
                if not share or p.growth.search(window):
                    continue
                yield ctx.finding(
                    self, block.index, m.start(), m.end(),
                    f"“{window[share.start():].strip()}{m.group(0)}”：比率、占比表示部分占整体的比例，不会超过100%，请核对数据。",
                    suggestion="核对分子、分母后改正",
                )


# --------------------------------------------------------------------------- N007

_FULLWIDTH_RUN = re.compile(r"[０-９]+(?:[．.][０-９]+)*")
_TO_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")


class FullWidthDigitsRule(Rule):
    id = "N007"
    name = "full-width-digits"
    severity = Severity.WARNING
    summary = "使用了全角阿拉伯数字（“１６次”应为“16次”）"
    explanation = (
        "GB/T 15835 规定阿拉伯数字使用正体二分字身，即占半个汉字位置的半角数字；全角数字“１６”"
        "多是输入法处于全角状态时录入的，字距过宽，也会妨碍检索和统计。一段中的全角数字合并报告一次，"
        "修正时全部改为半角。"
    )
    examples = (
        Example("上半年召开支部会议１６次，党员大会４次。", True),
        Example("上半年召开支部会议16次，党员大会4次。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in chinese_blocks(ctx):
            text = block.text
            runs = list(_FULLWIDTH_RUN.finditer(text))
            if not runs:
                continue
            start, end = runs[0].start(), runs[-1].end()
            pieces = []
            cursor = start
            for run in runs:
                pieces.append(text[cursor : run.start()])
                pieces.append(run.group(0).translate(_TO_HALF))
                cursor = run.end()
            pieces.append(text[cursor:end])
            fixed = "".join(pieces)
            numbers = "”“".join(r.group(0) for r in runs[:4]) + ("”等" if len(runs) > 4 else "”")
            first_fixed = runs[0].group(0).translate(_TO_HALF)
            yield ctx.finding(
                self, block.index, start, end,
                f"本段有{len(runs)}处全角数字（“{numbers}），阿拉伯数字应使用半角（GB/T 15835）。",
                suggestion=f"改为半角数字，如“{runs[0].group(0)}”改为“{first_fixed}”",
                replacement=fixed,
                safe=True,
            )


#: N001 (and its companions N002–N006, N008) come from rules/statistics.toml.
RULES = [FullWidthDigitsRule]
KINDS = [AchievementsWithoutFiguresRule]
