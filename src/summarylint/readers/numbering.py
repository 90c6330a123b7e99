"""Automatic list numbering of WordprocessingML (``numbering.xml``).

Word does not store the "一、" or "（一）" of an automatically numbered paragraph in the
text: the paragraph names a numbering instance (``w:numPr``: ``w:numId`` + ``w:ilvl``,
directly or through its style) and Word renders the label from the level's template
(``w:lvlText``, e.g. ``"%1、"`` or ``"（%2）"``) and number format (``w:numFmt``), counting
the paragraphs in document order.

``NumberingDefinitions`` parses ``numbering.xml`` once; ``ListCounters`` holds the running
counters of one document and renders each numbered paragraph's label in turn.

Semantics follow ECMA-376 Part 1 §17.9 as Word implements them:

- counters live per abstract numbering definition, so numbering instances (``w:num``)
  sharing an ``w:abstractNum`` continue each other; an instance with a
  ``w:lvlOverride/w:startOverride`` restarts the overridden levels at its start value
  where it is first used, and the lists then go on counting together (Word's behaviour:
  1) 2) 3) in num 1, 10) 11) in num 2 starting at 10, then num 1 continues with 12));
- using a level restarts the deeper levels (or, with ``w:lvlRestart``, only those whose
  restart level is reached; ``w:lvlRestart w:val="0"`` never restarts);
- ``%1``..``%9`` in ``w:lvlText`` stand for the current counter of that level, formatted
  with *that* level's ``w:numFmt`` (all decimal under ``w:isLgl``); a level not yet
  used shows its start value;
- ``w:numStyleLink`` makes an abstract definition borrow the levels of the definition
  whose ``w:styleLink`` names the same numbering style.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from summarylint.ooxml import MC as _MC
from summarylint.ooxml import W

__all__ = ["Level", "ListCounters", "NumberingDefinitions", "format_number"]


_VAL = W + "val"
_ABSTRACT_NUM = W + "abstractNum"
_ABSTRACT_NUM_ID = W + "abstractNumId"
_NUM = W + "num"
_NUM_ID = W + "numId"
_LVL = W + "lvl"
_ILVL = W + "ilvl"
_START = W + "start"
_NUM_FMT = W + "numFmt"
_LVL_TEXT = W + "lvlText"
_IS_LGL = W + "isLgl"
_LVL_RESTART = W + "lvlRestart"
_PSTYLE = W + "pStyle"
_LVL_OVERRIDE = W + "lvlOverride"
_START_OVERRIDE = W + "startOverride"
_NUM_STYLE_LINK = W + "numStyleLink"
_STYLE_LINK = W + "styleLink"
_ALTERNATE = _MC + "AlternateContent"
_FALLBACK = _MC + "Fallback"

MAX_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")


# --------------------------------------------------------------------------- formats


def _roman(n: int) -> str:
    out = []
    for value, glyph in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(glyph * count)
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: A..Z, AA, BB, .., ZZ, AAA (not base 26).
    repeats, index = divmod(n - 1, 26)
    return chr(ord("A") + index) * (repeats + 1)


_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"


def _cjk_group(n: int, digits: str, units: str, *, zero: bool, elide_one: bool) -> str:
    """0 < n < 10000 with the place words ``units`` (十百千)."""
    out: list[str] = []
    pending_zero = False
    for place in (3, 2, 1, 0):
        digit = n // 10**place % 10
        if digit == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero and zero:
            out.append(digits[0])
        pending_zero = False
        unit = units[place - 1] if place else ""
        if not (elide_one and digit == 1 and unit):
            out.append(digits[digit])
        out.append(unit)
    return "".join(out)


def _cjk_counting(
    n: int,
    digits: str = _CN_DIGITS,
    units: str = "十百千",
    myriads: str = "万亿",
    *,
    zero: bool = True,
    elide_one: bool = False,
    short_ten: bool = True,
) -> str:
    """A number with place words: 101 → 一百零一, 110 → 一百一十, 10 → 十 (``short_ten``)."""
    if n == 0:
        return digits[0]
    if n >= 10000 ** (1 + len(myriads)):
        return str(n)
    groups: list[int] = []
    while n:
        n, group = divmod(n, 10000)
        groups.append(group)
    out: list[str] = []
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        group = groups[i]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and zero and (need_zero or group < 1000):
            out.append(digits[0])
        need_zero = False
        out.append(_cjk_group(group, digits, units, zero=zero, elide_one=elide_one))
        if i:
            out.append(myriads[i - 1])
    text = "".join(out)
    if short_ten and text.startswith(digits[1] + units[0]):
        text = text[1:]
    return text


def _chinese_counting(n: int) -> str:
    # Word's chineseCounting: 十-words below 100, digit by digit from 100 (一〇〇).
    if n < 10:
        return _IDEOGRAPH_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _IDEOGRAPH_DIGITS[tens]) + "十" + (_IDEOGRAPH_DIGITS[ones] if ones else "")
    return "".join(_IDEOGRAPH_DIGITS[int(c)] for c in str(n))


def _cycle(symbols: str) -> Callable[[int], str]:
    def render(n: int) -> str:
        return symbols[(n - 1) % len(symbols)] if n > 0 else str(n)

    return render


def _enclosed(first: int, count: int) -> Callable[[int], str]:
    def render(n: int) -> str:
        return chr(first + n - 1) if 1 <= n <= count else str(n)

    return render


_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"0{n}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),  # ⒈
    "decimalEnclosedCircle": _enclosed(0x2460, 20),  # ①
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),  # ㊀
    "upperLetter": lambda n: _letters(n) if 0 < n <= 26 * 50 else str(n),
    "lowerLetter": lambda n: _letters(n).lower() if 0 < n <= 26 * 50 else str(n),
    "upperRoman": lambda n: _roman(n) if 0 < n < 4000 else str(n),
    "lowerRoman": lambda n: _roman(n).lower() if 0 < n < 4000 else str(n),
    "ordinal": lambda n: _ordinal(n) if n >= 0 else str(n),
    "numberInDash": lambda n: f"- {n} -",
    "hex": lambda n: f"{n:X}" if n >= 0 else str(n),
    "chineseCounting": _chinese_counting,
    "taiwaneseCounting": _chinese_counting,
    "chineseCountingThousand": _cjk_counting,
    "taiwaneseCountingThousand": lambda n: _cjk_counting(n, myriads="萬億"),
    "chineseLegalSimplified": lambda n: _cjk_counting(n, _CN_LEGAL_DIGITS, "拾佰仟", short_ten=False),
    "ideographLegalTraditional": lambda n: _cjk_counting(n, _TW_LEGAL_DIGITS, "拾佰仟", "萬億", short_ten=False),
    "japaneseCounting": lambda n: _cjk_counting(n, myriads="万億", zero=False, elide_one=True),
    "ideographDigital": lambda n: "".join(_IDEOGRAPH_DIGITS[int(c)] for c in str(n)),
    "japaneseDigitalTenThousand": lambda n: "".join(_IDEOGRAPH_DIGITS[int(c)] for c in str(n)),
    "taiwaneseDigital": lambda n: "".join(_IDEOGRAPH_DIGITS[int(c)] for c in str(n)),
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "ideographZodiacTraditional": lambda n: _STEMS[(n - 1) % 10] + _BRANCHES[(n - 1) % 12] if n > 0 else str(n),
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in the ``w:numFmt`` format ``fmt`` (unknown formats: decimal)."""
    if n < 0:
        return str(n)
    render = _FORMATS.get(fmt, str)
    return render(n)


# Bullet characters stored in Symbol/Wingdings private-use code points.
_BULLETS = {
    "\uf0b7": "•",  # Symbol
    "\uf06c": "●",  # Wingdings l
    "\uf06e": "■",  # Wingdings n
    "\uf0a7": "▪",  # Wingdings §
    "\uf0d8": "➢",  # Wingdings Ø
    "\uf076": "❖",  # Wingdings v
    "\uf0fc": "✓",  # Wingdings ü
    "\uf071": "❑",  # Wingdings q
    "\uf02d": "-",  # Symbol -
}


# --------------------------------------------------------------------------- definitions


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl``: how a level counts and what its label looks like."""

    start: int
    fmt: str
    #: ``w:lvlText`` split into literal strings and 0-based level references.
    template: tuple[str | int, ...]
    text: str
    is_legal: bool = False
    #: ``w:lvlRestart`` (1-based level that restarts this one; 0 = never), or None.
    restart: int | None = None
    style_id: str | None = None

    def restarts_after(self, own_level: int, used_level: int) -> bool:
        """Does using ``used_level`` (shallower than ``own_level``) restart this level?"""
        if self.restart is None or self.restart - 1 >= own_level:
            return True
        if self.restart == 0:
            return False
        return used_level < self.restart


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


def _on(el) -> bool:
    if el is None:
        return False
    return el.get(_VAL, "true").strip().lower() not in ("0", "false", "off")


def _find(parent, tag):
    """``parent.find(tag)``, also looking into ``mc:AlternateContent`` (its Fallback:
    Word 2010 wraps custom number formats in a w14 Choice with a plain Fallback)."""
    found = parent.find(tag)
    if found is not None:
        return found
    for alt in parent.iterchildren(_ALTERNATE):
        fallback = alt.find(_FALLBACK)
        if fallback is not None:
            found = fallback.find(tag)
            if found is not None:
                return found
    return None


def _parse_level(lvl) -> Level:
    start_el = _find(lvl, _START)
    start = _int(start_el.get(_VAL), 0) if start_el is not None else 0
    fmt_el = _find(lvl, _NUM_FMT)
    fmt = (fmt_el.get(_VAL) if fmt_el is not None else None) or "decimal"
    text_el = _find(lvl, _LVL_TEXT)
    text = (text_el.get(_VAL) if text_el is not None else None) or ""
    template: list[str | int] = []
    for i, piece in enumerate(_PLACEHOLDER.split(text)):
        if i % 2:
            template.append(int(piece) - 1)
        elif piece:
            template.append(piece)
    restart_el = _find(lvl, _LVL_RESTART)
    style_el = _find(lvl, _PSTYLE)
    return Level(
        start=start,
        fmt=fmt,
        template=tuple(template),
        text=text,
        is_legal=_on(_find(lvl, _IS_LGL)),
        restart=_int(restart_el.get(_VAL)) if restart_el is not None else None,
        style_id=style_el.get(_VAL) if style_el is not None else None,
    )


def _parse_levels(parent) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in parent.iterchildren(_LVL):
        ilvl = _int(lvl.get(_ILVL))
        if ilvl is not None and 0 <= ilvl < MAX_LEVELS and ilvl not in levels:
            levels[ilvl] = _parse_level(lvl)
    return levels


@dataclass(slots=True)
class _Abstract:
    levels: dict[int, Level]
    num_style_link: str | None
    style_link: str | None


@dataclass(slots=True)
class _Num:
    abstract_id: str
    level_overrides: dict[int, Level]
    start_overrides: dict[int, int]


@dataclass(frozen=True, slots=True)
class _Instance:
    """A numbering instance resolved for counting: its counter key, levels and starts."""

    key: str
    levels: tuple[Level | None, ...]
    starts: tuple[int, ...]
    #: Levels with a ``w:startOverride``: restarted where the instance is first used.
    restarted: tuple[int, ...]


class NumberingDefinitions:
    """The parsed ``numbering.xml`` of one document."""

    def __init__(self, root=None, style_num_ids: Mapping[str, str] | None = None) -> None:
        """``root``: the ``w:numbering`` element (or None for a document without one).
        ``style_num_ids``: numbering style id → its ``w:numId`` (for ``w:numStyleLink``)."""
        self._abstracts: dict[str, _Abstract] = {}
        self._nums: dict[str, _Num] = {}
        self._style_num_ids = dict(style_num_ids or {})
        self._instances: dict[str, _Instance | None] = {}
        if root is None:
            return
        for child in root:
            if child.tag == _ABSTRACT_NUM:
                abstract_id = child.get(_ABSTRACT_NUM_ID)
                if abstract_id is None or abstract_id in self._abstracts:
                    continue
                link = child.find(_NUM_STYLE_LINK)
                style_link = child.find(_STYLE_LINK)
                self._abstracts[abstract_id] = _Abstract(
                    levels=_parse_levels(child),
                    num_style_link=link.get(_VAL) if link is not None else None,
                    style_link=style_link.get(_VAL) if style_link is not None else None,
                )
            elif child.tag == _NUM:
                num_id = child.get(_NUM_ID)
                ref = child.find(_ABSTRACT_NUM_ID)
                if num_id is None or ref is None or ref.get(_VAL) is None or num_id in self._nums:
                    continue
                level_overrides: dict[int, Level] = {}
                start_overrides: dict[int, int] = {}
                for override in child.iterchildren(_LVL_OVERRIDE):
                    ilvl = _int(override.get(_ILVL))
                    if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                        continue
                    start = override.find(_START_OVERRIDE)
                    if start is not None:
                        value = _int(start.get(_VAL))
                        if value is not None:
                            start_overrides[ilvl] = value
                    lvl = override.find(_LVL)
                    if lvl is not None:
                        level_overrides[ilvl] = _parse_level(lvl)
                self._nums[num_id] = _Num(ref.get(_VAL), level_overrides, start_overrides)

    def __bool__(self) -> bool:
        return bool(self._nums)

    def _abstract_for(self, abstract_id: str) -> tuple[str, _Abstract] | None:
        """Follow ``w:numStyleLink`` to the definition that carries the levels."""
        seen: set[str] = set()
        while abstract_id not in seen:
            seen.add(abstract_id)
            abstract = self._abstracts.get(abstract_id)
            if abstract is None:
                return None
            if abstract.levels or abstract.num_style_link is None:
                return abstract_id, abstract
            num = self._nums.get(self._style_num_ids.get(abstract.num_style_link, ""))
            if num is None:
                # Fall back to the definition that declares the style link itself.
                for other_id, other in self._abstracts.items():
                    if other.style_link == abstract.num_style_link and other.levels:
                        return other_id, other
                return abstract_id, abstract
            abstract_id = num.abstract_id
        return None

    def instance(self, num_id: str) -> _Instance | None:
        try:
            return self._instances[num_id]
        except KeyError:
            pass
        inst = None
        num = self._nums.get(num_id)
        found = self._abstract_for(num.abstract_id) if num is not None else None
        if num is not None and found is not None:
            abstract_id, abstract = found
            levels = tuple(num.level_overrides.get(i) or abstract.levels.get(i) for i in range(MAX_LEVELS))
            starts = tuple(num.start_overrides.get(i, levels[i].start if levels[i] else 0) for i in range(MAX_LEVELS))
            inst = _Instance(abstract_id, levels, starts, tuple(sorted(num.start_overrides)))
        self._instances[num_id] = inst
        return inst

    def level_of_style(self, num_id: str, style_id: str) -> int | None:
        """The level of instance ``num_id`` linked to paragraph style ``style_id`` (``w:pStyle`` in a ``w:lvl``)."""
        inst = self.instance(num_id)
        if inst is None:
            return None
        for i, level in enumerate(inst.levels):
            if level is not None and level.style_id == style_id:
                return i
        return None


class ListCounters:
    """The running list counters of one document, fed paragraphs in reading order."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self._definitions = definitions
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Count one paragraph numbered with (``num_id``, ``ilvl``) and return its label,
        or None when the numbering does not exist (a dangling ``w:numId``)."""
        inst = self._definitions.instance(num_id)
        if inst is None or not 0 <= ilvl < MAX_LEVELS:
            return None
        level = inst.levels[ilvl]
        if level is None:
            return None
        counters = self._counters.get(inst.key)
        if counters is None:
            counters = self._counters[inst.key] = [None] * MAX_LEVELS
        if num_id not in self._used:
            self._used.add(num_id)
            for restarted in inst.restarted:
                counters[restarted] = None
        current = counters[ilvl]
        counters[ilvl] = inst.starts[ilvl] if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            if counters[deeper] is not None:
                deeper_level = inst.levels[deeper]
                if deeper_level is None or deeper_level.restarts_after(deeper, ilvl):
                    counters[deeper] = None
        return _render(inst, level, counters)


def _render(inst: _Instance, level: Level, counters: list[int | None]) -> str:
    if level.fmt == "bullet":
        return "".join(_BULLETS.get(ch, ch) for ch in level.text)
    out: list[str] = []
    for part in level.template:
        if isinstance(part, str):
            out.append(part)
            continue
        ref = inst.levels[part]
        value = counters[part]
        if value is None:
            value = inst.starts[part]
        fmt = "decimal" if level.is_legal else (ref.fmt if ref is not None else "decimal")
        out.append(format_number(value, fmt))
    return "".join(out)
