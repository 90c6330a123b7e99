"""Tests for summarylint.period: finding the reporting period and parsing --period."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarylint.period import Period, find_period, parse_period_option

D = datetime.date


def dates(period: Period | None) -> tuple[datetime.date, datetime.date] | None:
    return None if period is None else (period.start, period.end)


H1_2024 = (D(2024, 1, 1), D(2024, 6, 30))
H2_2024 = (D(2024, 7, 1), D(2024, 12, 31))
Q3_2024 = (D(2024, 7, 1), D(2024, 9, 30))
YEAR_2024 = (D(2024, 1, 1), D(2024, 12, 31))


@pytest.mark.parametrize(
    ("title", "expected", "label"),
    [
        ("2024年上半年工作总结", H1_2024, "2024年上半年"),
        ("2024年度上半年工作总结", H1_2024, "2024年度上半年"),
        ("2024上半年工作总结", H1_2024, "2024上半年"),
        ("2024年下半年工作总结", H2_2024, "2024年下半年"),
        ("2024年度工作总结", YEAR_2024, "2024年度"),
        ("2024年工作总结", YEAR_2024, "2024年"),
        ("2024年全年工作总结", YEAR_2024, "2024年全年"),
        ("2024年意识形态工作总结", YEAR_2024, "2024年"),
        ("2024年第三季度工作总结", Q3_2024, "2024年第三季度"),
        ("2024年三季度工作总结", Q3_2024, "2024年三季度"),
        ("2024年Q3工作总结", Q3_2024, "2024年Q3"),
        ("2024年第3季度工作总结", Q3_2024, "2024年第3季度"),
        ("2024年第一季度", (D(2024, 1, 1), D(2024, 3, 31)), "2024年第一季度"),
        ("2024年四季度", (D(2024, 10, 1), D(2024, 12, 31)), "2024年四季度"),
        ("2024年前三季度工作总结", (D(2024, 1, 1), D(2024, 9, 30)), "2024年前三季度"),
        ("2024年一至三季度工作总结", (D(2024, 1, 1), D(2024, 9, 30)), "2024年一至三季度"),
        ("2024年1—6月工作总结", H1_2024, "2024年1—6月"),
        ("2024年1–6月工作总结", H1_2024, "2024年1–6月"),
        ("2024年1-6月工作总结", H1_2024, "2024年1-6月"),
        ("2024年1－6月工作总结", H1_2024, "2024年1－6月"),
        ("2024年1～6月工作总结", H1_2024, "2024年1～6月"),
        ("2024年1~6月工作总结", H1_2024, "2024年1~6月"),
        ("2024年1月至6月工作总结", H1_2024, "2024年1月至6月"),
        ("2024年1月到6月工作总结", H1_2024, "2024年1月到6月"),
        ("2024年1月—6月工作总结", H1_2024, "2024年1月—6月"),
        ("2024年1至6月工作总结", H1_2024, "2024年1至6月"),
        ("2024年1-6月份工作总结", H1_2024, "2024年1-6月份"),
        ("2024年一至六月工作总结", H1_2024, "2024年一至六月"),
        ("2024年3月—11月", (D(2024, 3, 1), D(2024, 11, 30)), "2024年3月—11月"),
        ("2024年2月", (D(2024, 2, 1), D(2024, 2, 29)), "2024年2月"),
        ("2023年2月份工作总结", (D(2023, 2, 1), D(2023, 2, 28)), "2023年2月份"),
        ("2024年十二月工作总结", (D(2024, 12, 1), D(2024, 12, 31)), "2024年十二月"),
        ("2024年前5个月", (D(2024, 1, 1), D(2024, 5, 31)), "2024年前5个月"),
        ("2023年10月至2024年9月工作总结", (D(2023, 10, 1), D(2024, 9, 30)), "2023年10月至2024年9月"),
        ("2024年1月1日至6月30日", H1_2024, "2024年1月1日至6月30日"),
        ("2024—2025学年工作总结", (D(2024, 9, 1), D(2025, 8, 31)), "2024—2025学年"),
        ("2024-2025学年工作总结", (D(2024, 9, 1), D(2025, 8, 31)), "2024-2025学年"),
        ("2024-2025学年度工作总结", (D(2024, 9, 1), D(2025, 8, 31)), "2024-2025学年度"),
        ("2021—2025年工作总结", (D(2021, 1, 1), D(2025, 12, 31)), "2021—2025年"),
        ("二〇二四年上半年工作总结", H1_2024, "二〇二四年上半年"),
        ("二零二四年度工作总结", YEAR_2024, "二零二四年度"),
        ("二〇二四年第三季度", Q3_2024, "二〇二四年第三季度"),
        ("２０２４年上半年工作总结", H1_2024, "２０２４年上半年"),
        ("2024 年上半年工作总结", H1_2024, "2024 年上半年"),
        ("意识形态工作 2024年上半年意识形态工作总结", H1_2024, "2024年上半年"),
        ("关于2024年上半年意识形态工作情况的报告", H1_2024, "2024年上半年"),
    ],
)
def test_title_forms(title: str, expected: tuple[datetime.date, datetime.date], label: str) -> None:
    period = find_period(title, [])
    assert period is not None
    assert dates(period) == expected
    assert period.label == label
    assert period.source == "title"


def test_str() -> None:
    period = find_period("2024年上半年工作总结", [])
    assert str(period) == "2024-01-01..2024-06-30"


def test_first_full_period_expression_wins() -> None:
    period = find_period("2024年工作总结和2025年上半年工作计划", [])
    assert dates(period) == YEAR_2024
    period = find_period("2024年上半年工作总结及下半年工作打算", [])
    assert dates(period) == H1_2024


def test_title_beats_opening() -> None:
    period = find_period("2024年上半年工作总结", ["2023年，我局…", "2024年度工作…"])
    assert dates(period) == H1_2024
    assert period is not None and period.source == "title"


def test_opening_of_a_sample() -> None:
    opening = [
        " 　　2024年上半年，我局党委根据县委部署要求，全面落实党委意识形态工作主体责任，加强主流意识形态建设。",
        "　>　一、总体情况",
    ]
    period = find_period(None, opening)
    assert dates(period) == H1_2024
    assert period is not None and period.source == "opening" and period.label == "2024年上半年"
    # A title without a period falls through to the opening.
    assert dates(find_period("意识形态工作总结", opening)) == H1_2024


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (["2024年，我局在县委的坚强领导下…"], YEAR_2024),
        (["　　2024年是全面贯彻党的二十大精神的关键之年。"], YEAR_2024),
        (["现将2024年度工作总结如下。"], YEAR_2024),
        (["现将我局2024年工作开展情况报告如下。"], YEAR_2024),
        (["2024年全年，共开展活动12次。"], YEAR_2024),
        (["在县委领导下，2024年第三季度各项工作稳步推进。"], Q3_2024),
        (["按照要求，现将2024年1—6月工作总结如下。"], H1_2024),
        (["2024年3月份，我局…"], (D(2024, 3, 1), D(2024, 3, 31))),
        (["本单位概况。", "2024年上半年，我局…"], H1_2024),
    ],
)
def test_opening_forms(opening: list[str], expected: tuple[datetime.date, datetime.date]) -> None:
    period = find_period(None, opening)
    assert dates(period) == expected
    assert period is not None and period.source == "opening"


@pytest.mark.parametrize(
    "opening",
    [
        ["党的十八大以来，我局始终坚持…"],
        ["2023年以来，我局始终坚持…"],
        ["自2024年1月以来，我局…"],
        ["与2023年上半年相比，案件数量下降。"],
        ["较2023年同期增长15%。"],
        ["截至2024年6月底，共完成投资3亿元。"],
        ["今年我局在2023年的基础上继续努力。"],
        ["2024年1月1日，我局召开全体大会。"],
        ["会议强调，2024年要抓好落实。"],
        ["为2025年工作打下基础。"],
        ["全年共开展活动12次。"],
        ["我局召开了3月份例会。"],
        [],
    ],
)
def test_prose_is_not_a_period(opening: list[str]) -> None:
    assert find_period(None, opening) is None
    assert find_period("工作总结", opening) is None


def test_no_period() -> None:
    assert find_period(None, []) is None
    assert find_period("", [""]) is None
    assert find_period("意识形态工作总结", ["我局认真落实各项部署。"]) is None
    assert find_period("2023年以来工作情况", []) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("上半年工作总结", (D(2025, 1, 1), D(2025, 6, 30))),
        ("下半年工作总结", (D(2025, 7, 1), D(2025, 12, 31))),
        ("第三季度工作总结", (D(2025, 7, 1), D(2025, 9, 30))),
        ("XX局一季度工作总结", (D(2025, 1, 1), D(2025, 3, 31))),
        ("1—6月工作总结", (D(2025, 1, 1), D(2025, 6, 30))),
        ("3月份工作总结", (D(2025, 3, 1), D(2025, 3, 31))),
        ("个人年度工作总结", (D(2025, 1, 1), D(2025, 12, 31))),
    ],
)
def test_yearless_takes_the_fallback_year(title: str, expected: tuple[datetime.date, datetime.date]) -> None:
    assert find_period(title, [], fallback_year=2025) is not None
    assert dates(find_period(title, [], fallback_year=2025)) == expected
    assert find_period(title, []) is None


def test_yearless_takes_the_year_from_the_title_then_the_opening() -> None:
    assert dates(find_period("上半年工作总结（2024年）", [], fallback_year=2030)) == H1_2024
    assert dates(find_period("上半年工作总结", ["2024年以来，我局…"], fallback_year=2030)) == H1_2024
    # A compared year is no context.
    assert dates(find_period("上半年工作总结", ["较2023年同期增长。"], fallback_year=2030)) == (
        D(2030, 1, 1),
        D(2030, 6, 30),
    )


def test_yearless_in_the_opening_only_at_the_start() -> None:
    assert dates(find_period(None, ["今年上半年，我局…"], fallback_year=2024)) == H1_2024
    assert dates(find_period(None, ["上半年，我局…"], fallback_year=2024)) == H1_2024
    assert find_period(None, ["我局上半年共开展活动。"], fallback_year=2024) is None
    assert find_period(None, ["今年上半年，我局…"]) is None


def test_month_is_not_a_date_or_monthly() -> None:
    assert find_period("统一月度考核工作总结", [], fallback_year=2025) is None
    assert find_period("2024年3月15日在会议上的讲话", []) is None


# --------------------------------------------------------------------------- --period


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025H1", (D(2025, 1, 1), D(2025, 6, 30))),
        ("2025h2", (D(2025, 7, 1), D(2025, 12, 31))),
        ("2025", (D(2025, 1, 1), D(2025, 12, 31))),
        ("2025Q1", (D(2025, 1, 1), D(2025, 3, 31))),
        ("2025Q3", (D(2025, 7, 1), D(2025, 9, 30))),
        ("2025q4", (D(2025, 10, 1), D(2025, 12, 31))),
        ("2025-03", (D(2025, 3, 1), D(2025, 3, 31))),
        ("2024-2", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2025-01-01..2025-06-30", (D(2025, 1, 1), D(2025, 6, 30))),
        ("2024-09-01..2025-08-31", (D(2024, 9, 1), D(2025, 8, 31))),
        ("2025-01..2025-06", (D(2025, 1, 1), D(2025, 6, 30))),
        ("2024..2025H1", (D(2024, 1, 1), D(2025, 6, 30))),
        (" 2025H1 ", (D(2025, 1, 1), D(2025, 6, 30))),
        ("2025年上半年", (D(2025, 1, 1), D(2025, 6, 30))),
    ],
)
def test_option(value: str, expected: tuple[datetime.date, datetime.date]) -> None:
    period = parse_period_option(value)
    assert dates(period) == expected
    assert period.source == "option"
    assert period.label == value.strip()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "invalid period ''"),
        ("2025H3", "use a year (2025), a half (2025H1, 2025H2)"),
        ("2025Q5", "invalid period '2025Q5'"),
        ("25H1", "invalid period"),
        ("last year", "invalid period"),
        ("2025-13", "no such date"),
        ("2025-02-30", "no such date"),
        ("2025-06-30..2025-01-01", "starts (2025-06-30) after it ends (2025-01-01)"),
        ("2025-01-01..", "invalid period"),
        ("上半年", "invalid period"),
        ("2025年上半年工作总结", "invalid period"),
    ],
)
def test_option_errors(value: str, message: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_period_option(value)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


# --------------------------------------------------------------------------- properties

YEARS = st.integers(min_value=1990, max_value=2100)


def _inside(period: Period | None, year: int) -> bool:
    return (
        period is not None
        and period.start <= period.end
        and D(year, 1, 1) <= period.start
        and period.end <= D(year, 12, 31)
    )


@given(year=YEARS, half=st.sampled_from(["H1", "H2"]))
def test_option_half_inside_the_year(year: int, half: str) -> None:
    period = parse_period_option(f"{year}{half}")
    assert _inside(period, year)
    assert (period.end - period.start).days >= 180


@given(year=YEARS, quarter=st.integers(1, 4))
def test_option_quarter_inside_the_year(year: int, quarter: int) -> None:
    period = parse_period_option(f"{year}Q{quarter}")
    assert _inside(period, year)
    assert period.start.month == 3 * quarter - 2


@given(
    year=YEARS,
    expression=st.sampled_from(
        ["年上半年", "年下半年", "年度上半年", "年第一季度", "年二季度", "年第3季度", "年Q4", "年前三季度", "年度"]
    ),
    suffix=st.sampled_from(["工作总结", "意识形态工作总结", ""]),
)
def test_title_half_and_quarter_inside_the_year(year: int, expression: str, suffix: str) -> None:
    assert _inside(find_period(f"{year}{expression}{suffix}", []), year)


_CN_DIGITS = "〇一二三四五六七八九"


@given(year=YEARS, half=st.sampled_from(["上", "下"]))
def test_chinese_numeral_year(year: int, half: str) -> None:
    written = "".join(_CN_DIGITS[int(d)] for d in str(year))
    period = find_period(f"{written}年{half}半年工作总结", [])
    assert _inside(period, year)
    assert period is not None and period.start.month == (1 if half == "上" else 7)
