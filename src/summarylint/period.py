"""The reporting period of a summary: which dates the summary is about.

The period is found in the title first, then in the opening paragraphs, or given with
``--period``.  Recognised expressions (Arabic, full-width or Chinese numerals; the year
also as 二〇二四/二零二四):

===============================================  =======================================
2024年上半年, 2024年度上半年, 2024上半年          01-01..06-30 (下半年: 07-01..12-31)
2024年第三季度, 2024年三季度, 2024年Q3            that quarter
2024年前三季度, 2024年一至三季度                  01-01..09-30 / those quarters
2024年1—6月, 1-6月, 1月至6月, 1至6月, 1月—6月     those months (dashes — – - － ~ ～, 至, 到)
2023年10月至2024年9月, 2024年1月1日至6月30日      that range
2024年前5个月                                     01-01..05-31
2024年1月, 2024年1月份                            that month
2024—2025学年, 2024-2025学年度                    2024-09-01..2025-08-31
2024年度, 2024年全年, 2024年工作…                 the whole year
2021—2025年                                       2021-01-01..2025-12-31
2024年 (bare, title only; see below)              the whole year
===============================================  =======================================

Rules that keep prose from being mistaken for a period:

* A mention preceded by a comparison (较, 比, 同比, 环比, 与, 截至, 截止, 到, 为) or followed
  by 以来, 起, 开始, 至今, 同期, 相比, 以前/之前/以后/之后, 底, 末, 初 is never a period.
* A bare "2024年" (and a single month, and a span of years) counts in the title; in an
  opening paragraph only at its very start followed by a comma or 是 ("2024年，我局…",
  "2024年是…") — a month also when written 月份 or followed by 工作.
* An expression without a year (上半年, 第三季度, 1—6月, 年度, 今年) takes the first year
  mentioned in the title, else in the opening (there "2024年以来" counts, a comparison
  does not), else ``fallback_year``; otherwise it is no period.  In the opening such an
  expression counts only at the start of a paragraph.
* The title wins over the opening; within a text the first expression wins (the longest
  when several start at the same place).  Today's date is never used.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["Period", "find_period", "parse_period_option"]

#: How many opening paragraphs are searched at most.
MAX_OPENING_PARAGRAPHS = 5


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    #: The expression as written, e.g. "2024年上半年" (or the option value).
    label: str
    #: Where it was found: "title" | "opening" | "option" | "properties".
    source: str

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, datetime.date) and self.start <= day <= self.end


# --------------------------------------------------------------------------- numbers

_NORMALIZE = str.maketrans(
    "０１２３４５６７８９ＱｑＯ〜",
    "0123456789QqO~",
)
_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "O": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _number(text: str) -> int:
    """Arabic digits or a Chinese numeral up to 99 (十, 十二, 二十三, 三十一)."""
    if text.isascii():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[text]


def _year(text: str) -> int:
    if text.isascii() and text.isdigit():
        return int(text)
    return int("".join(str(_CN_DIGITS[ch]) for ch in text))


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _quarter(year: int, first: int, last: int | None = None) -> tuple[datetime.date, datetime.date]:
    last = first if last is None else last
    return datetime.date(year, 3 * first - 2, 1), _month_end(year, 3 * last)


# --------------------------------------------------------------------------- patterns

_SP = r"[ \t\u3000]*"
_YEAR_ASCII = r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])"
_YEAR_CN = r"(?<![〇零○O0一二三四五六七八九十百千万])(?:一九|二[〇零○O0一])[〇零○O0一二三四五六七八九]{2}"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_QNUM = r"[一二三四1-4]"
_DASH = rf"{_SP}(?:—{{1,2}}|–|－|-|~|～|至|到){_SP}"
_NIAN = rf"{_SP}年度?{_SP}"  # the 年 after a year, maybe 年度
_NIAN_OPT = rf"(?:{_NIAN}|{_SP})"  # 年 optional: 2024上半年, 2024Q3


def _y(name: str) -> str:
    return rf"(?P<{name}>{_YEAR_ASCII}|{_YEAR_CN})"


#: Mentions that are prose, not a period.
_EXCLUDED_BEFORE = re.compile(rf"(?:较|比|同比|环比|与|截至|截止|到|为){_SP}$")
_EXCLUDED_AFTER = re.compile(rf"{_SP}(?:以来|来|起|开始|至今|同期|相比|以前|之前|以后|之后|底|末|初)")
#: Characters before a mention searched for _EXCLUDED_BEFORE (its words plus spacing).
_LOOK_BACK = 12
_COMPARED_AFTER = re.compile(rf"{_SP}(?:同期|相比)")
_OPENING_YEAR_FOLLOW = re.compile(rf"{_SP}(?:[，,]|是)")
_MONTH_FOLLOW = re.compile(rf"{_SP}(?:的)?工作")


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    #: (year or None, match) -> (start, end); None when the dates are invalid.
    build: Callable[[int, re.Match[str]], tuple[datetime.date, datetime.date] | None]
    #: "strong" anywhere; "bare-year" / "month" / "year-range": limited in the opening.
    kind: str = "strong"


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _half(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date]:
    if m.group("half") == "上":
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 7, 1), datetime.date(year, 12, 31)


def _one_quarter(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date]:
    return _quarter(year, _number(_g(m, "q") or _g(m, "qq") or "1"))


def _first_quarters(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date]:
    return _quarter(year, 1, _number(m.group("qn")))


def _quarter_range(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    first, last = _number(m.group("q1")), _number(m.group("q2"))
    return _quarter(year, first, last) if first <= last else None


def _first_months(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    n = _number(m.group("n"))
    return (datetime.date(year, 1, 1), _month_end(year, n)) if 1 <= n <= 12 else None


def _month(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    month = _number(m.group("m"))
    return (datetime.date(year, month, 1), _month_end(year, month)) if 1 <= month <= 12 else None


def _month_range(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    end_year = _year(m.group("y2")) if _g(m, "y2") else year
    m1, m2 = _number(m.group("m1")), _number(m.group("m2"))
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    try:
        start = datetime.date(year, m1, _number(m.group("d1")) if _g(m, "d1") else 1)
        if _g(m, "d2"):
            end = datetime.date(end_year, m2, _number(m.group("d2")))
        else:
            end = _month_end(end_year, m2)
    except ValueError:
        return None
    return (start, end) if start <= end else None


def _whole_year(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _academic_year(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    if _year(m.group("y2")) != year + 1:
        return None
    return datetime.date(year, 9, 1), datetime.date(year + 1, 8, 31)


def _year_range(year: int, m: re.Match[str]) -> tuple[datetime.date, datetime.date] | None:
    last = _year(m.group("y2"))
    return (datetime.date(year, 1, 1), datetime.date(last, 12, 31)) if year < last else None


#: After 月: not a day of a date (1月5日) and not 月度 (monthly).
_NOT_A_DATE = rf"(?!{_SP}{_DAY}{_SP}[日号]|度)"

#: Expressions with their own year (group "y").
_QUALIFIED: tuple[_Form, ...] = (
    _Form(
        re.compile(
            rf"{_y('y')}{_NIAN}(?P<m1>{_MONTH})(?:{_SP}月份?(?:{_SP}(?P<d1>{_DAY}){_SP}[日号])?)?"
            rf"{_DASH}(?:{_y('y2')}{_NIAN})?(?P<m2>{_MONTH}){_SP}月份?(?:{_SP}(?P<d2>{_DAY}){_SP}[日号])?"
        ),
        _month_range,
    ),
    _Form(re.compile(rf"{_y('y')}{_NIAN_OPT}(?:的)?(?P<half>[上下])半年度?"), _half),
    _Form(re.compile(rf"{_y('y')}{_NIAN_OPT}前(?P<qn>[二三两23])个?季度"), _first_quarters),
    _Form(
        re.compile(rf"{_y('y')}{_NIAN_OPT}第?(?P<q1>{_QNUM})(?:季度)?{_DASH}第?(?P<q2>{_QNUM}){_SP}季度"),
        _quarter_range,
    ),
    _Form(
        re.compile(rf"{_y('y')}{_NIAN_OPT}(?:第?(?P<q>{_QNUM}){_SP}季度|[Qq](?P<qq>[1-4])(?![0-9]))"),
        _one_quarter,
    ),
    _Form(re.compile(rf"{_y('y')}{_NIAN}前(?P<n>{_MONTH}|两){_SP}个?月"), _first_months),
    _Form(re.compile(rf"{_y('y')}{_NIAN}(?P<m>{_MONTH}){_SP}月份?{_NOT_A_DATE}"), _month, "month"),
    _Form(
        re.compile(rf"{_y('y')}{_SP}年?{_DASH}{_y('y2')}{_SP}年?{_SP}学年度?"),
        _academic_year,
    ),
    _Form(re.compile(rf"{_y('y')}{_SP}年?{_DASH}{_y('y2')}{_SP}年度?"), _year_range, "year-range"),
    _Form(
        re.compile(rf"{_y('y')}{_SP}年(?:度|{_SP}全年|(?={_SP}(?:的)?工作))"),
        _whole_year,
    ),
    _Form(
        re.compile(rf"{_y('y')}{_SP}年(?!度)(?!{_SP}(?:[0-9一二三四五六七八九十两上下第前Qq]))"),
        _whole_year,
        "bare-year",
    ),
)

#: Expressions without a year: the year comes from the context.
_YEARLESS: tuple[_Form, ...] = (
    _Form(re.compile(r"(?:今年|本年度?)?(?P<half>[上下])半年度?"), _half),
    _Form(re.compile(r"(?:今年|本年度?)?前(?P<qn>[二三两23])个?季度"), _first_quarters),
    _Form(
        re.compile(rf"(?:今年|本年度?)?第?(?P<q1>{_QNUM})(?:季度)?{_DASH}第?(?P<q2>{_QNUM}){_SP}季度"),
        _quarter_range,
    ),
    _Form(
        re.compile(rf"(?:今年|本年度?)?(?:第?(?P<q>{_QNUM}){_SP}季度|(?<![A-Za-z0-9])[Qq](?P<qq>[1-4])(?![0-9]))"),
        _one_quarter,
    ),
    _Form(
        re.compile(rf"(?:今年|本年度?)?(?<![0-9])(?P<m1>{_MONTH})(?:{_SP}月份?)?{_DASH}(?P<m2>{_MONTH}){_SP}月份?"),
        _month_range,
    ),
    _Form(re.compile(rf"(?:今年|本年度?)?前(?P<n>{_MONTH}|两){_SP}个?月"), _first_months),
    _Form(re.compile(rf"(?<![0-9])(?P<m>{_MONTH}){_SP}月份?{_NOT_A_DATE}"), _month, "month"),
    _Form(
        re.compile(
            r"(?:本|今)年度|(?<![0-9〇零○一二三四五六七八九十学])年度"
            rf"(?={_SP}(?:工作|总结|述职|考核|个人))|全年|今年"
        ),
        _whole_year,
        "bare-year",
    ),
)

_YEAR_MENTION = re.compile(rf"{_y('y')}(?={_SP}年)")


# --------------------------------------------------------------------------- search


@dataclass(frozen=True)
class _Candidate:
    begin: int
    end: int
    form: _Form
    match: re.Match[str]
    year: int | None  # None: needs a year from the context


def _excluded(text: str, begin: int, end: int) -> bool:
    return bool(_EXCLUDED_BEFORE.search(text, max(0, begin - _LOOK_BACK), begin) or _EXCLUDED_AFTER.match(text, end))


def _at_start(text: str, begin: int) -> bool:
    return not text[:begin].strip()


def _opening_allows(form: _Form, text: str, m: re.Match[str]) -> bool:
    """Limits for the weak forms in an opening paragraph."""
    if form.kind == "strong":
        return True
    at_start_with_comma = _at_start(text, m.start()) and bool(_OPENING_YEAR_FOLLOW.match(text, m.end()))
    if form.kind == "month":
        return at_start_with_comma or m.group(0).endswith("份") or bool(_MONTH_FOLLOW.match(text, m.end()))
    return at_start_with_comma


def _candidates(raw: str, where: str) -> list[_Candidate]:
    text = raw.translate(_NORMALIZE)
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for form in _QUALIFIED:
        for m in form.pattern.finditer(text):
            taken.append(m.span())
            if _excluded(text, m.start(), m.end()):
                continue
            if where == "opening" and not _opening_allows(form, text, m):
                continue
            found.append(_Candidate(m.start(), m.end(), form, m, _year(m.group("y"))))
    # In an opening paragraph an expression without a year counts only at its start.
    first = len(text) - len(text.lstrip())
    for form in _YEARLESS:
        matches = form.pattern.finditer(text) if where == "title" else filter(None, [form.pattern.match(text, first)])
        for m in matches:
            b, e = m.span()
            if b == e or any(b < te and tb < e for tb, te in taken):
                continue
            if _excluded(text, b, e):
                continue
            if where == "opening" and not _opening_allows(form, text, m):
                continue
            found.append(_Candidate(b, e, form, m, None))
    found.sort(key=lambda c: (c.begin, c.begin - c.end))
    return found


def _context_year(texts: Sequence[str]) -> int | None:
    for raw in texts:
        text = raw.translate(_NORMALIZE)
        for m in _YEAR_MENTION.finditer(text):
            end = text.index("年", m.end()) + 1
            # "2024年以来" does tell the year; a comparison ("较2023年同期") does not.
            if not (
                _EXCLUDED_BEFORE.search(text, max(0, m.start() - _LOOK_BACK), m.start())
                or _COMPARED_AFTER.match(text, end)
            ):
                return _year(m.group("y"))
    return None


def _resolve(
    candidates: list[_Candidate],
    raw: str,
    source: str,
    year_of_context: Callable[[], int | None],
) -> Period | None:
    for c in candidates:
        year = c.year if c.year is not None else year_of_context()
        if year is None or not 1 <= year <= 9999:
            continue
        try:
            dates = c.form.build(year, c.match)
        except ValueError:
            dates = None
        if dates is not None:
            return Period(dates[0], dates[1], raw[c.begin : c.end], source)
    return None


def find_period(
    title: str | None,
    opening: Sequence[str],
    *,
    fallback_year: int | None = None,
) -> Period | None:
    """The reporting period named in ``title`` or the ``opening`` paragraphs, or None.

    ``fallback_year`` (e.g. the year the .docx was created) gives the year to an
    expression that has none (上半年) when neither the title nor the opening names one.
    """
    paragraphs = [p for p in opening[:MAX_OPENING_PARAGRAPHS] if p]
    context: list[int | None] = []

    def year_of_context() -> int | None:
        if not context:
            year = _context_year([title or "", *paragraphs])
            context.append(year if year is not None else fallback_year)
        return context[0]

    if title:
        period = _resolve(_candidates(title, "title"), title, "title", year_of_context)
        if period is not None:
            return period
    for paragraph in paragraphs:
        period = _resolve(_candidates(paragraph, "opening"), paragraph, "opening", year_of_context)
        if period is not None:
            return period
    return None


# --------------------------------------------------------------------------- --period

_OPTION = re.compile(r"(?P<y>[0-9]{4})(?:(?P<h>[Hh][12])|(?P<q>[Qq][1-4])|-(?P<m>[0-9]{1,2})(?:-(?P<d>[0-9]{1,2}))?)?")
_OPTION_HELP = (
    "use a year (2025), a half (2025H1, 2025H2), a quarter (2025Q3), a month (2025-03) "
    "or a range (2025-01-01..2025-06-30)"
)


def _option_part(part: str, value: str) -> tuple[datetime.date, datetime.date]:
    m = _OPTION.fullmatch(part.strip())
    if m is None:
        raise ValueError(f"invalid period {value!r}: {_OPTION_HELP}")
    try:
        year = int(m.group("y"))
        if m.group("h"):
            half = int(m.group("h")[1])
            return _quarter(year, 2 * half - 1, 2 * half)
        if m.group("q"):
            return _quarter(year, int(m.group("q")[1]))
        if m.group("d"):
            day = datetime.date(year, int(m.group("m")), int(m.group("d")))
            return day, day
        if m.group("m"):
            month = int(m.group("m"))
            if not 1 <= month <= 12:
                raise ValueError(f"month {month}")
            return datetime.date(year, month, 1), _month_end(year, month)
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except ValueError as exc:
        raise ValueError(f"invalid period {value!r}: no such date ({exc})") from None


def parse_period_option(value: str) -> Period:
    """Parse ``--period``: 2025, 2025H1, 2025H2, 2025Q3, 2025-03, 2025-01-01..2025-06-30.

    Either side of ``..`` may be any of the single forms (2025-01..2025-06 is January to
    June).  A Chinese expression such as 2025年上半年 is accepted too.  Raises
    ``ValueError`` with a one-line message.
    """
    label = value.strip()
    if ".." in label:
        first, _, last = label.partition("..")
        start = _option_part(first, value)[0]
        end = _option_part(last, value)[1]
        if start > end:
            raise ValueError(f"invalid period {value!r}: it starts ({start}) after it ends ({end})")
        return Period(start, end, label, "option")
    if _OPTION.fullmatch(label):
        start, end = _option_part(label, value)
        return Period(start, end, label, "option")
    for c in _candidates(label, "title"):
        if c.year is not None and c.begin == 0 and c.end == len(label):
            dates = c.form.build(c.year, c.match)
            if dates is not None:
                return Period(dates[0], dates[1], label, "option")
    raise ValueError(f"invalid period {value!r}: {_OPTION_HELP}")
