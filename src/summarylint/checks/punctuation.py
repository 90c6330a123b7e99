"""P: punctuation as GB/T 15834-2011 《标点符号用法》 requires in Chinese text.

Every rule here judges one paragraph at a time from its characters alone (no word
segmentation).  Precision comes first: each rule only fires on shapes that are wrong in
any Chinese official text, and stays silent inside numbers, URLs, e-mail addresses,
Latin text and heading numbering (the F family owns ``(一)``, ``1、`` and the like).

Character classes used throughout:

* *ideograph*: a CJK unified ideograph (or 〇);
* *CJK*: an ideograph or a full-width Chinese punctuation mark (，。、；：？！“”‘’（）《》…).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from summarylint.checks.base import Context, Example, Rule
from summarylint.model import Block, Finding, Severity
from summarylint.structure import match_marker

_IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f"
# Full-width Chinese punctuation (the marks that sit in Chinese text; spaces excluded).
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕〖〗「」『』…—―～·"
_IDEO_RE = re.compile(f"[{_IDEO}]")
_CJK_RE = re.compile(f"[{_IDEO}{_CJK_PUNCT}]")
_SPACES = " \u3000\u00a0"

# Spans inside which nothing is judged: URLs and e-mail addresses (ASCII runs only).
_URL = re.compile(
    r"(?:https?|ftp)://[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_HTML_ENTITY = re.compile(r"&#?[A-Za-z0-9]+$")


def _is_ideo(ch: str) -> bool:
    return bool(ch) and _IDEO_RE.match(ch) is not None


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_RE.match(ch) is not None


@dataclass
class _Para:
    """One paragraph with the spans no punctuation rule may judge."""

    block: Block
    lead: int
    skips: list[tuple[int, int]]

    @property
    def text(self) -> str:
        return self.block.text

    def skipped(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.skips)


def _paragraphs(ctx: Context) -> Iterator[_Para]:
    for block in ctx.text_blocks():
        text = block.text
        lead = ctx.outline.lead.get(block.index, 0)
        skips = [m.span() for m in _URL.finditer(text)]
        heading = ctx.outline.headings.get(block.index)
        if heading is not None and not heading.auto and heading.marker_end > heading.marker_start:
            skips.append((heading.marker_start, heading.marker_end))
        else:
            # Numbering at the start of a paragraph that is not parsed as a heading
            # (table cells, text boxes): still the F family's business.
            found = match_marker(text[lead:])
            if found:
                skips.append((lead, lead + found[1].end()))
        yield _Para(block, lead, skips)


# --------------------------------------------------------------------------- P001

_HALF_POINT = re.compile(r"[,;:?!]")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_BRACKETS = re.compile(r"[()（）]")


class HalfWidthPunctuationRule(Rule):
    id = "P001"
    name = "half-width-punctuation"
    severity = Severity.WARNING
    summary = "中文语句中使用了半角标点“, ; : ? ! ( )”"
    explanation = (
        "GB/T 15834-2011 第5章规定，中文文本中的标点符号用全角形式：逗号“，”、分号“；”、冒号“：”、"
        "问号“？”、叹号“！”、括号“（）”各占一个汉字位置。半角的“, ; : ? ! ( )”只用于外文、"
        "数字（如“1,000”“12:30”）、网址和电子邮箱中。标题序号“1.”“(一)”由序号规则另行检查。"
        "请把紧挨汉字的半角标点改为对应的全角标点。"
    )
    examples = (
        Example("一、主要做法\n组织学习12次;开展研讨3次。", True),
        Example("一、主要做法\n召开党委会(扩大)会议2次。", True),
        Example("一、主要做法\n组织学习12次；会议于12:30结束，参会1,000人，利用LED屏和QQ群宣传。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            if not _HALF_POINT.search(para.text) and not _BRACKETS.search(para.text):
                continue
            flagged_brackets: set[int] = set()
            for finding in self._brackets(ctx, para):
                flagged_brackets.add(finding.span.start)
                yield finding
            yield from self._points(ctx, para, flagged_brackets)

    def _points(self, ctx: Context, para: _Para, brackets: set[int]) -> Iterator[Finding]:
        text = para.text
        n = len(text)
        for m in _HALF_POINT.finditer(text):
            i = m.start()
            ch = m.group()
            if para.skipped(i):
                continue
            prev = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < n else ""
            if prev.isascii() and prev.isdigit() and after.isascii() and after.isdigit():
                continue  # 1,000  12:30  3:2
            if ch == ";" and _HTML_ENTITY.search(text, max(0, i - 12), i):
                continue  # &nbsp;
            j = i + 1
            while j < n and text[j] in _SPACES:
                j += 1
            nxt = text[j] if j < n else ""
            prev_cjk = _is_cjk(prev) or (i - 1) in brackets
            next_cjk = _is_cjk(nxt) or j in brackets
            if not (prev_cjk or next_cjk):
                continue
            end = j if next_cjk else i + 1
            full = _FULL[ch]
            safe = prev_cjk and (next_cjk or j == n)
            yield ctx.finding(
                self,
                para.block.index,
                i,
                end,
                f"中文语句中使用了半角“{ch}”，应改为全角“{full}”"
                "（GB/T 15834-2011 第5章：中文文本中的标点符号用全角形式）。",
                suggestion=f"改为“{full}”",
                replacement=full,
                safe=safe,
            )

    def _brackets(self, ctx: Context, para: _Para) -> Iterator[Finding]:
        text = para.text
        stack: list[int] = []
        pairs: list[tuple[int, int]] = []
        for m in _BRACKETS.finditer(text):
            i = m.start()
            if para.skipped(i):
                continue
            if m.group() in "(（":
                stack.append(i)
            elif stack:
                pairs.append((stack.pop(), i))
        found: list[tuple[int, bool]] = []
        for o, c in pairs:
            half_o, half_c = text[o] == "(", text[c] == ")"
            if not (half_o or half_c):
                continue
            content = text[o + 1 : c]
            if half_o and half_c:
                if _IDEO_RE.search(content):
                    found += [(o, True), (c, True)]
                elif _is_ideo(text[o - 1] if o else "") or _is_ideo(text[c + 1] if c + 1 < len(text) else ""):
                    found += [(o, False), (c, False)]
            else:
                # A pair mixing widths: "（市、区)".  The pairing may be wrong: no safe fix.
                found.append((o if half_o else c, False))
        for pos, safe in sorted(found):
            ch = text[pos]
            full = _FULL[ch]
            yield ctx.finding(
                self,
                para.block.index,
                pos,
                pos + 1,
                f"中文语句中的括号用了半角“{ch}”，应改为全角“{full}”"
                "（GB/T 15834-2011 第5章：中文文本中的括号用全角形式“（）”）。",
                suggestion=f"改为“{full}”",
                replacement=full,
                safe=safe,
            )


# --------------------------------------------------------------------------- P002

# A 顿号 directly before a word that can only open a clause.  Deliberately short: 也, 还,
# 而, 并 also begin ordinary phrases in lists ("也门", "还原", "而立", "并网").
_CLAUSE_COMMA = re.compile(
    r"、(?=(?P<conj>但是|但(?!是)|却|然而|可是|因此|所以|从而|进而|否则|并且|而且|而是|同时(?=[，也还又要将更]))"
    r"(?![、等”’》]))"
)


class ClauseEnumerationCommaRule(Rule):
    id = "P002"
    name = "enumeration-comma-between-clauses"
    severity = Severity.WARNING
    summary = "分句之间误用顿号（如“取得了一定效果、但也存在……”）"
    explanation = (
        "GB/T 15834-2011 4.5.3.1：顿号用于并列的词语之间；分句之间的停顿用逗号（4.4）。"
        "“但（是）”“却”“然而”“因此”“所以”“从而”“而且”“而是”等关联词引出的是分句，"
        "它前面的停顿应当用逗号，例如“取得了一定效果，但也存在一些问题”。"
        "并列词语（“同部署、同落实、同检查”）之间的顿号不受影响。"
    )
    examples = (
        Example("四、存在的问题\n取得了一定效果、但也存在一定的困难和问题。", True),
        Example("四、存在的问题\n与业务工作同部署、同落实、同检查，但仍存在短板。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            if "、" not in para.text:
                continue
            for m in _CLAUSE_COMMA.finditer(para.text):
                i = m.start()
                if para.skipped(i) or not _is_cjk(para.text[i - 1] if i else ""):
                    continue
                conj = m.group("conj")
                yield ctx.finding(
                    self,
                    para.block.index,
                    i,
                    i + 1,
                    f"“{conj}”引出的是分句，前面的停顿应用逗号而不是顿号"
                    "（GB/T 15834-2011 4.5.3.1：顿号只用于并列词语之间；分句之间用逗号）。",
                    suggestion="改为“，”",
                    replacement="，",
                    safe=False,
                )


# --------------------------------------------------------------------------- P003

_PAIRED = re.compile(r"[《》（）()【】]")
_BRACKET_KINDS = {"《": ("《", "》"), "》": ("《", "》"), "（": ("（", "）"), "）": ("（", "）"),
                  "(": ("（", "）"), ")": ("（", "）"), "【": ("【", "】"), "】": ("【", "】")}
_OPENERS = set("《（(【")
_CLOSER_OF = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】"}
_SENTENCE_END = re.compile(r"[。！？…”’）》]\s*$")
#: How far a quotation may run over paragraphs without quote marks (4.8.3.4 form).
_QUOTE_REACH = 30
_MAX_QUOTE_EVENTS = 200
_CLAUSE_PUNCT = re.compile(r"[，。；！？]")
#: Costs of readings other than "every quote pairs as its shape says" (see _scan_quotes).
_CLAUSE_COST = 0.25
_LEFT_OPEN_COST = 0.5


@dataclass
class _PairState:
    """One kind of paired mark in one paragraph."""

    #: marks unmatched inside the paragraph: (position, message)
    errors: list[tuple[int, str]]
    #: openers still open at the end of the paragraph
    open_at_end: list[int]
    #: closers met before any opener of their kind (they may close the previous paragraph's)
    leading_close: list[int]


def _quote_events(para: _Para, opener: str, closer: str) -> list[tuple[int, str]]:
    text = para.text
    events = []
    for i, ch in enumerate(text):
        if (ch != opener and ch != closer) or para.skipped(i):
            continue
        if opener == "‘":
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if prev.isascii() and prev.isalnum() and (not nxt or (nxt.isascii() and (nxt.isalnum() or nxt == " "))):
                continue  # an apostrophe in Latin text: China’s
        events.append((i, ch))
    return events


def _offer(step: dict, state: int | None, cost: float, readings: tuple) -> None:
    if state not in step or cost < step[state][0]:
        step[state] = (cost, readings)


def _scan_quotes(text: str, events: list[tuple[int, str]], opener: str, closer: str) -> _PairState:
    """Read the quotes of one shape as the fewest mistakes.

    Quotes of one shape never nest (4.8.3.2), so read correctly they alternate open,
    close, open, ...  Each mark is read as an opener or a closer (reading it against
    its shape is a mistake: “三会一课“ has a closer written as an opener), or as a stray
    mark without partner.  The reading with the lowest cost wins; a pair around a whole
    clause (with ，。 inside) costs a little more than a pair around a short term, which
    decides “三会一课“制度，开展”主题党日” the way a reader would.
    """
    if len(events) > _MAX_QUOTE_EVENTS:
        return _PairState([], [], [])
    # state: None (no quote open) or index into events of the open quote
    # value: (cost, readings) where readings is a tuple of (event index, role)
    best: dict[int | None, tuple[float, tuple[tuple[int, str], ...]]] = {None: (0.0, ())}
    for k, (i, ch) in enumerate(events):
        flip = 0.0 if ch == opener else 1.0
        step: dict[int | None, tuple[float, tuple[tuple[int, str], ...]]] = {}
        offer = partial(_offer, step)
        for state, (cost, readings) in best.items():
            if state is None:
                offer(k, cost + flip, (*readings, (k, "open")))
                offer(None, cost + 1, (*readings, (k, "stray")))
            else:
                inside = _CLAUSE_PUNCT.search(text, events[state][0] + 1, i) is not None
                offer(None, cost + (1.0 - flip) + (_CLAUSE_COST if inside else 0.0), (*readings, (k, "close")))
                offer(k, cost + 1 + flip, (*readings, (state, "stray"), (k, "open")))
                offer(state, cost + 1, (*readings, (k, "stray")))
        best = step
    final = {s: (c + (_LEFT_OPEN_COST if s is not None else 0.0), r) for s, (c, r) in best.items()}
    state = min(final, key=lambda s: (final[s][0], s is not None))
    roles = dict(final[state][1])  # a later reading of an event replaces an earlier one
    readings = sorted(roles.items())
    errors: list[tuple[int, str]] = []
    leading: list[int] = []
    seen_open = False
    for k, role in readings:
        i, ch = events[k]
        if role == "open":
            seen_open = True
            if ch == closer:
                errors.append((i, f"引号方向用错：此处应为前引号“{opener}”"))
        elif role == "close":
            if ch == opener:
                errors.append((i, f"引号方向用错：此处应为后引号“{closer}”"))
        elif ch == closer and not seen_open:
            leading.append(i)
        else:
            other = closer if ch == opener else opener
            errors.append((i, f"“{ch}”在本段没有对应的“{other}”"))
    open_at_end = [events[state][0]] if state is not None else []
    return _PairState(errors, open_at_end, leading)


def _scan_brackets(para: _Para) -> dict[str, _PairState]:
    """《》 （） 【】 nest; half-width () pair with full-width ones but are P001's to report."""
    text = para.text
    states: dict[str, _PairState] = {}
    stacks: dict[str, list[int]] = {}
    seen: set[str] = set()
    for m in _PAIRED.finditer(text):
        i, ch = m.start(), m.group()
        if para.skipped(i):
            continue
        opener = _BRACKET_KINDS[ch][0]
        state = states.setdefault(opener, _PairState([], [], []))
        stack = stacks.setdefault(opener, [])
        if ch in _OPENERS:
            stack.append(i)
            seen.add(opener)
        elif stack:
            stack.pop()
        elif ch != ")":
            if opener in seen:
                state.errors.append((i, f"“{ch}”在本段没有对应的“{opener}”"))
            else:
                state.leading_close.append(i)
    for opener, stack in stacks.items():
        states[opener].open_at_end = [i for i in stack if text[i] != "("]
    return states


class UnbalancedPairedMarksRule(Rule):
    id = "P003"
    name = "unbalanced-paired-marks"
    severity = Severity.WARNING
    summary = "段内成对标点（引号、书名号、括号）不配对"
    explanation = (
        "引号“ ”‘ ’（GB/T 15834-2011 4.8）、书名号《 》（4.15）、括号（ ）【 】（4.9）都是成对使用的标点，"
        "前后两半必须对应：缺少一半、或把前引号写成后引号（“”三会一课””）都会造成误读。"
        "不报告的情形：引文有多段时每段开头仅用前引号、只在最后一段末尾用后引号（4.8.3.4）；"
        "跨行的标题或书名在下一段闭合；文本最后一段在句中被截断。请补全或改正缺失的一半。"
    )
    examples = (
        Example("一、主要做法\n深入学习《中国共产党纪律处分条例，推动学习走深走实。", True),
        Example("一、主要做法\n严格落实“三会一课“制度。", True),
        Example("一、主要做法\n深入学习《习近平谈治国理政》第一卷至第四卷，严格落实“三会一课”制度（见附件）。", False),
        Example("一、主要做法\n他强调：“第一段引文。\n“第二段引文。”", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        paras = list(_paragraphs(ctx))
        states: list[dict[str, _PairState]] = []
        for para in paras:
            per_kind = _scan_brackets(para) if _PAIRED.search(para.text) else {}
            for opener, closer in (("“", "”"), ("‘", "’")):
                if opener in para.text or closer in para.text:
                    events = _quote_events(para, opener, closer)
                    if events:
                        per_kind[opener] = _scan_quotes(para.text, events, opener, closer)
            states.append(per_kind)
        for k, para in enumerate(paras):
            errors: list[tuple[int, str]] = []
            for kind, state in states[k].items():
                closer = _CLOSER_OF[kind]
                errors += state.errors
                if state.open_at_end and not self._continues(paras, states, k, kind):
                    errors += [(i, f"“{para.text[i]}”在本段没有对应的“{closer}”") for i in state.open_at_end]
                if state.leading_close and not self._continued(states, k, kind):
                    errors += [(i, f"“{para.text[i]}”在本段没有对应的“{kind}”") for i in state.leading_close]
            yield from self._report(ctx, para, errors)

    @staticmethod
    def _continues(paras: list[_Para], states: list[dict[str, _PairState]], k: int, kind: str) -> bool:
        """Does the mark left open at the end of paragraph k close (or go on) later?"""
        if k + 1 == len(paras):
            # The text ends inside the quotation or title: it was cut off, not mistyped.
            return not _SENTENCE_END.search(paras[k].text)
        if kind != "“":
            nxt = states[k + 1].get(kind)
            return nxt is not None and len(nxt.leading_close) >= len(states[k][kind].open_at_end)
        for j in range(k + 1, min(len(paras), k + 1 + _QUOTE_REACH)):
            nxt = states[j].get(kind)
            if nxt is not None:
                return paras[j].text[paras[j].lead : paras[j].lead + 1] == "“" or bool(nxt.leading_close)
        return False

    @staticmethod
    def _continued(states: list[dict[str, _PairState]], k: int, kind: str) -> bool:
        """Does a closer at the start of paragraph k close what an earlier paragraph opened?"""
        reach = _QUOTE_REACH if kind == "“" else 1
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            prev = states[j].get(kind)
            if prev is not None:
                return bool(prev.open_at_end)
        return False

    def _report(self, ctx: Context, para: _Para, errors: list[tuple[int, str]]) -> Iterator[Finding]:
        for pos, what in sorted(errors):
            yield ctx.finding(
                self,
                para.block.index,
                pos,
                pos + 1,
                f"{what}。引号、书名号、括号须成对使用（GB/T 15834-2011 4.8、4.9、4.15），请补全或改正。",
                suggestion="补全缺失的一半或改正方向",
            )


# --------------------------------------------------------------------------- P004

_ELLIPSIS = re.compile(
    r"(?P<dots>[.．]{3,}|。{3,}|[·・]{3,})|(?P<run>…+)|(?<=……)(?P<deng>等等|等(?![待候同级于价效量]))"
)


class EllipsisRule(Rule):
    id = "P004"
    name = "ellipsis-form"
    severity = Severity.WARNING
    summary = "省略号写法不规范（“...”“。。。”单个“…”），或省略号后又用“等”"
    explanation = (
        "GB/T 15834-2011 4.11：省略号的形式是“……”，六个小圆点，占两个字的位置；"
        "“...”“......”“。。。”和单个“…”都不是规范写法。附录A.9.2：省略号和“等”“等等”"
        "不能同时使用，用了省略号就删去“等”。"
    )
    examples = (
        Example("一、主要做法\n开展理论学习、主题党日、志愿服务...", True),
        Example("一、主要做法\n开展理论学习、主题党日、志愿服务……等活动。", True),
        Example("一、主要做法\n开展理论学习、主题党日、志愿服务……", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            text = para.text
            if not any(c in text for c in ".．。·・…"):
                continue
            for m in _ELLIPSIS.finditer(text):
                start, end = m.span()
                if para.skipped(start, end):
                    continue
                prev = text[start - 1] if start else ""
                nxt = text[end] if end < len(text) else ""
                if m.group("deng"):
                    yield ctx.finding(
                        self,
                        para.block.index,
                        start,
                        end,
                        f"省略号“……”后又用了“{m.group()}”，两者意思重复"
                        f"（GB/T 15834-2011 附录A.9.2），删去“{m.group()}”。",
                        suggestion=f"删去“{m.group()}”",
                        replacement="",
                        safe=False,
                    )
                    continue
                written = m.group()
                if not (_is_cjk(prev) or _is_cjk(nxt)):
                    continue  # Latin text: "etc..."
                if m.group("run"):
                    if len(written) in (2, 4):
                        continue  # …… and the twelve-dot ………… (4.11.3.5)
                    safe = len(written) == 1
                elif written[0] != "。" and len(written) > 6:
                    continue  # a leader line of dots (目录: 一、总体情况..........1)
                else:
                    safe = True
                yield ctx.finding(
                    self,
                    para.block.index,
                    start,
                    end,
                    f"省略号应写作“……”（六个点，占两个字的位置），不写“{written}”（GB/T 15834-2011 4.11）。",
                    suggestion="改为“……”",
                    replacement="……",
                    safe=safe,
                )


# --------------------------------------------------------------------------- P005

_DASHES = re.compile(r"(?<![-－])(?P<double>--|－－)(?![-－])|(?<![—―])(?P<single>[—―])(?![—―])")
_POINT = "，。、；：？！"


class DashRule(Rule):
    id = "P005"
    name = "dash-form"
    severity = Severity.WARNING
    summary = "破折号写法不规范（“--”、单个“—”）"
    explanation = (
        "GB/T 15834-2011 4.10：破折号的形式是“——”，占两个字的位置，用于解释说明、语意转换、"
        "话题转换、列举分项等。“--”“－－”和单独一个“—”都不是破折号。单个“—”是一字线连接号"
        "（4.13），用于“2024年1—6月”“北京—上海”这类起止，不报告。"
    )
    examples = (
        Example("XX局2024年上半年工作总结\n--坚持市场主导、政府调控。", True),
        Example("一、主要做法\n—坚持市场主导、政府调控。", True),
        Example("一、主要做法\n2024年1—6月，完成“十四五”规划（2021—2025年）中期评估——这是全年重点。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            text = para.text
            if not any(c in text for c in "-－—―"):
                continue
            for m in _DASHES.finditer(text):
                start, end = m.span()
                if para.skipped(start, end):
                    continue
                prev = text[start - 1] if start else ""
                nxt = text[end] if end < len(text) else ""
                written = m.group()
                severity = None
                if m.group("double"):
                    if not (_is_cjk(prev) or _is_cjk(nxt)) or not (prev == "" or prev in _SPACES or _is_cjk(prev)):
                        continue  # --option, a--b
                    if nxt and not (_is_cjk(nxt) or nxt in _SPACES):
                        continue  # 1月--6月 is a range (P006's business), --help is Latin
                    message = f"“{written}”不是破折号，破折号应写作“——”（占两个字的位置，GB/T 15834-2011 4.10）。"
                    safe = True
                elif start == para.lead and _is_ideo(nxt):
                    # "—坚持……" opening a paragraph: an item or subtitle dash, never a connector.
                    message = "段首单个“—”不是破折号，破折号应写作“——”（占两个字的位置，GB/T 15834-2011 4.10）。"
                    safe = True
                elif (_is_ideo(prev) and nxt and nxt in _POINT) or (prev and prev in _POINT and _is_ideo(nxt)):
                    message = (f"单个“{written}”紧挨标点，不是连接号；破折号应写作“——”"
                               "（占两个字的位置，GB/T 15834-2011 4.10）。")
                    safe = False
                elif _is_ideo(prev) and _is_ideo(nxt):
                    # 北京—上海 is a valid connector (4.13): only advise.
                    message = (f"单个“{written}”是一字线连接号（用于“北京—上海”一类起止，GB/T 15834-2011 4.13）；"
                               "若此处表示解释说明或语意转换，应改用破折号“——”（4.10）。")
                    safe = False
                    severity = Severity.INFO
                else:
                    continue  # 1—6月, 2024年1月—6月, — 1 —
                yield ctx.finding(
                    self,
                    para.block.index,
                    start,
                    end,
                    message,
                    suggestion="改为“——”",
                    replacement="——",
                    safe=safe,
                    severity=severity,
                )


# --------------------------------------------------------------------------- P006

_DATE_UNITS = ("年", "月", "日", "时")
_RANGE = re.compile(
    r"(?<![A-Za-z0-9._/:\-－–~～—图表式号版])(?P<a>\d{1,4}(?:\.\d+)?)(?P<ap>[%％])?(?P<sep>[-－–~])"
    r"(?P<b>\d{1,4}(?:\.\d+)?)"
    r"(?P<unit>[%％]|个百分点|人次|小时|分钟|公里|千米|平方米|公顷|季度|学时|课时|年|月|日|时|次|人|名|个|项|元|"
    r"万|亿|场|期|批|天|周|岁|家|户|篇|条|件|份|处|套|台|辆|米|亩|吨|倍|届|页|章|节|轮|部)"
)
# A unit character that starts an ordinary word instead: "表3-5部分", "1-2时间".
_NOT_UNIT = re.compile(
    r"人民|部分|部门|部署|条件|条例|条款|处理|处置|处罚|家庭|节点|节约|时间|时期|时代|期间|期限|件事|项目|名单|名称|"
    r"户籍|批准|批次|页面|元素|天然|场所|章程|周边|次要|届时|台账"
)


_BOOK_TITLE = re.compile(r"《[^《》]*》")


class RangeConnectorRule(Rule):
    id = "P006"
    name = "range-connector"
    severity = Severity.WARNING
    summary = "数值范围用了短横线“-”（如“5-10次”“1-6月”）"
    explanation = (
        "GB/T 15834-2011 4.13：标示数值范围的起止用浪纹线“～”（“5～10次”“15%～30%”），"
        "标示时间的起止也可用一字线“—”（“2024年1—6月”）；短横线“-”只用于连接编号、"
        "化合物名、全数字日期（“2024-06-30”）等，不表示范围。半角“~”应写作全角“～”。"
    )
    examples = (
        Example("一、主要做法\n每季度开展专题学习5-10次。", True),
        Example("一、主要做法\n2024年1-6月共受理信访件12件。", True),
        Example("一、主要做法\n2024年1—6月开展学习5～10次，2024-06-30前完成G4-2标段验收。", False),
        Example("一、主要做法\n联系电话0851-12345678，满意度15%～30%，3-2班。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            text = para.text
            if not any(c in text for c in "-－–~"):
                continue
            titles = [t.span() for t in _BOOK_TITLE.finditer(text)]
            for m in _RANGE.finditer(text):
                start = m.start("sep")
                if para.skipped(m.start(), m.end()) or any(s < start < e for s, e in titles):
                    continue  # a title is cited as published: 《2018－2022年全国干部教育培训规划》
                unit = m.group("unit")
                if _NOT_UNIT.match(text, m.start("unit")):
                    continue
                try:
                    a, b = float(m.group("a")), float(m.group("b"))
                except ValueError:
                    continue
                if a >= b:
                    continue  # 3-2班, 6-1: numbering, not a range
                date = unit in _DATE_UNITS and not (unit == "年" and len(m.group("b")) < 4)
                sep = m.group("sep")
                want = "～" if sep == "~" or not date else "—"
                example = f"{m.group('a')}{m.group('ap') or ''}{want}{m.group('b')}{unit}"
                yield ctx.finding(
                    self,
                    para.block.index,
                    start,
                    start + 1,
                    f"数值范围“{m.group()}”不用“{sep}”，应写作“{example}”"
                    f"（GB/T 15834-2011 4.13：数值范围用浪纹线“～”，时间起止也可用一字线“—”）。",
                    suggestion=f"改为“{want}”",
                    replacement=want,
                    safe=sep == "~",
                )


# --------------------------------------------------------------------------- P007

_SPACE_RUN = re.compile(f"(?<=[{_IDEO}{_CJK_PUNCT}])[ \u3000\u00a0]{{1,3}}(?=[{_IDEO}{_CJK_PUNCT}])")
_PROSE_PUNCT = re.compile(r"[，。；、！？]")
_ORDINAL_BEFORE = re.compile(r"第[一二三四五六七八九十百零〇两\d]+[条章节编款卷篇部分]$")
_ORGAN_END = re.compile(r"(?:中央|国务院|办公厅|办公室|委员会|人民政府|政府|党委|党组|常委会|总局|部|厅|委|署|院|局)$")
_ORGAN_NEXT = re.compile(
    rf"[{_IDEO}]{{0,10}}?(?:中央|国务院|办公厅|办公室|委员会|政府|党委|党组|总局|部|厅|委|署|院|局)"
)
_QUOTED = re.compile(r"“[^“”]*”")
_IDEO_TAIL = re.compile(f"[{_IDEO}]*$")
_IDEO_HEAD = re.compile(f"[{_IDEO}]*")
_NAME_PAD = re.compile(f"(?<![{_IDEO}])[{_IDEO}]\u3000[{_IDEO}](?![{_IDEO}])")


class StraySpaceRule(Rule):
    id = "P007"
    name = "stray-space"
    severity = Severity.WARNING
    summary = "汉字、标点之间多了空格（如“助推 文化产业”“》 第一卷”）"
    explanation = (
        "中文行文中，汉字与汉字、汉字与全角标点之间不留空格；全角标点本身已占一个字的位置"
        "（GB/T 15834-2011 第5章）。正文中间出现的空格多是排版或从网页复制时留下的，应删去。"
        "段首缩进、“第一条　”之类条款序号后的空格、联合发文机关之间的空格"
        "（“中共中央办公厅 国务院办公厅”）以及无标点的标题、名单行不报告。"
    )
    examples = (
        Example("一、主要做法\n坚持社会效益放在首位，助推 文化产业向前发展。", True),
        Example("一、主要做法\n学习《习近平谈治国理政》第一卷至第四卷，学习时长 20 小时。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            text = para.text
            if not any(c in text for c in _SPACES) or not _PROSE_PUNCT.search(text):
                continue
            runs = [m for m in _SPACE_RUN.finditer(text, para.lead) if not para.skipped(m.start() - 1, m.end())]
            if len(runs) >= 3:
                continue  # a space-separated list or layout, not stray spaces
            quoted = [q.span() for q in _QUOTED.finditer(text)] if runs else []
            for m in runs:
                start, end = m.span()
                head = text[:start]
                if _is_ideo(text[start - 1]) and _is_ideo(text[end]):
                    if any(s < start < e for s, e in quoted):
                        continue  # a slogan set with a space: “不忘初心 牢记使命”
                    left = len(_IDEO_TAIL.search(head).group())
                    right = len(_IDEO_HEAD.match(text, end).group())
                    if left == right:
                        continue  # parallel halves or a list of names: 张三 李四
                if _ORDINAL_BEFORE.search(head):
                    continue  # 第一条　……  (B.3.6)
                if _ORGAN_END.search(head) and _ORGAN_NEXT.match(text, end):
                    continue  # 中共中央办公厅 国务院办公厅
                if _NAME_PAD.match(text, start - 1) and end - start == 1:
                    continue  # a two-character name padded to three: 刘　羽
                around = text[start - 1] + text[start:end].replace("\u3000", "□").replace(" ", "□") + text[end]
                # Next to a full-width mark a space is always surplus; between two ideographs it
                # may stand for a missing 顿号 ("张三 李四"), so deleting it is only offered.
                beside_mark = not (_is_ideo(text[start - 1]) and _is_ideo(text[end]))
                yield ctx.finding(
                    self,
                    para.block.index,
                    start,
                    end,
                    f"“{around}”中多了空格（□）：中文汉字、标点之间不留空格，"
                    + ("删去即可。" if beside_mark else "删去；若空格是用来隔开并列词语的，应改用顿号或逗号。"),
                    suggestion="删去空格",
                    replacement="",
                    safe=beside_mark,
                )


# --------------------------------------------------------------------------- P008

_QUOTE_MARKS = re.compile(r"[>＞]+")


class ScrapedQuoteMarkerRule(Rule):
    id = "P008"
    name = "scraped-quote-marker"
    severity = Severity.WARNING
    summary = "段首残留网页引用标记“>”"
    explanation = (
        "段首的“>”（或“＞”）是从网页、论坛或邮件复制正文时带来的引用标记，不是公文内容，"
        "会被当作正文印出，应删去。Markdown 文件中的“>”是引用语法，读取时已去掉，不报告。"
    )
    examples = (
        Example("XX局2024年上半年工作总结\n　>　一、总体情况\n上半年组织学习12次。", True),
        Example("XX局2024年上半年工作总结\n　　一、总体情况\n上半年组织学习12次，满意度>95%。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        if ctx.document.format == "markdown":
            return
        for para in _paragraphs(ctx):
            head = para.text[: para.lead]
            rest = para.text[para.lead : para.lead + 1]
            if para.block.container == "table" or (rest and not _is_cjk(rest)):
                continue  # a table value such as ">95%", not a scraped marker
            for m in _QUOTE_MARKS.finditer(head):
                yield ctx.finding(
                    self,
                    para.block.index,
                    m.start(),
                    m.end(),
                    f"段首的“{m.group()}”是从网页复制时留下的引用标记，不是正文内容，应删去。",
                    suggestion=f"删去“{m.group()}”",
                    replacement="",
                    safe=True,
                )


# --------------------------------------------------------------------------- P009

_REPEATED = re.compile(r"(?P<c>[，；、！：])(?P=c)+|(?<!。)。。(?!。)")


class RepeatedPunctuationRule(Rule):
    id = "P009"
    name = "repeated-punctuation"
    severity = Severity.WARNING
    summary = "同一标点重复输入（如“，，”“。。”“、、”）"
    explanation = (
        "逗号、句号、顿号、分号、冒号、叹号在一处只用一个（GB/T 15834-2011 第4章各条的用法）；"
        "“，，”“。。”“、、”“；；”“！！”多是输入时误按两次，删去多余的一个。"
        "省略号“……”、破折号“——”本身由两个字符组成，不在此列。"
    )
    examples = (
        Example("一、主要做法\n组织学习12次，，开展研讨3次。", True),
        Example("一、主要做法\n组织学习12次，开展研讨3次……成效明显——群众满意。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            for m in _REPEATED.finditer(para.text):
                if para.skipped(m.start(), m.end()):
                    continue
                mark = m.group()[0]
                yield ctx.finding(
                    self,
                    para.block.index,
                    m.start(),
                    m.end(),
                    f"标点“{m.group()}”重复，此处只用一个“{mark}”。",
                    suggestion=f"改为“{mark}”",
                    replacement=mark,
                    safe=True,
                )


# --------------------------------------------------------------------------- P010

_STRAIGHT = re.compile(r"[\"＂']")


class StraightQuotesRule(Rule):
    id = "P010"
    name = "straight-quotes"
    severity = Severity.WARNING
    summary = "中文内容用了直引号“\"”“'”"
    explanation = (
        "GB/T 15834-2011 4.8：中文的引号是弯引号，外层用“ ”，里层用‘ ’。键盘直接输入的直引号"
        "“\"”“'”只用于外文和程序代码，在中文里既不规范，也分不清前后。"
        "修改时注意分辨前引号和后引号，嵌套在双引号里的应改用单引号。"
    )
    examples = (
        Example("一、主要做法\n严格落实\"三会一课\"制度。", True),
        Example("一、主要做法\n严格落实“三会一课”制度，学习“两个确立”的决定性意义。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            text = para.text
            if '"' not in text and "'" not in text and "＂" not in text:
                continue
            doubles = [
                i for i, ch in enumerate(text)
                if ch in '"＂' and not para.skipped(i) and not (i and text[i - 1].isascii() and text[i - 1].isdigit())
            ]  # 55" is an inch mark
            singles = [
                i for i, ch in enumerate(text)
                if ch == "'" and not para.skipped(i)
                and (_is_cjk(text[i - 1] if i else "") or _is_cjk(text[i + 1] if i + 1 < len(text) else ""))
            ]
            yield from self._pairs(ctx, para, doubles, "“", "”", lone=True)
            yield from self._pairs(ctx, para, singles, "‘", "’", lone=False)

    def _pairs(self, ctx: Context, para: _Para, positions: list[int], opener: str, closer: str, *,
               lone: bool) -> Iterator[Finding]:
        text = para.text
        for k in range(0, len(positions) - 1, 2):
            o, c = positions[k], positions[k + 1]
            if not _IDEO_RE.search(text, o + 1, c):
                continue
            for pos, want in ((o, opener), (c, closer)):
                yield ctx.finding(
                    self,
                    para.block.index,
                    pos,
                    pos + 1,
                    f"中文内容用了直引号“{text[pos]}”，应改为弯引号“{want}”"
                    f"（GB/T 15834-2011 4.8：外层用“ ”，里层用‘ ’）。",
                    suggestion=f"改为“{want}”",
                    replacement=want,
                    safe=False,
                )
        if lone and len(positions) % 2:
            pos = positions[-1]
            if _is_ideo(text[pos - 1] if pos else "") or _is_ideo(text[pos + 1] if pos + 1 < len(text) else ""):
                yield ctx.finding(
                    self,
                    para.block.index,
                    pos,
                    pos + 1,
                    f"中文内容用了直引号“{text[pos]}”，且在本段找不到与之配对的另一半；"
                    "应改为弯引号“ ”（GB/T 15834-2011 4.8）。",
                    suggestion="改为“““或“””",
                )


# --------------------------------------------------------------------------- P011

_TITLED_LIST = re.compile(r"》、(?=《)|”、(?=“)")


class TitledItemsCommaRule(Rule):
    id = "P011"
    name = "comma-between-titled-items"
    severity = Severity.INFO
    default_enabled = False
    summary = "并列的书名号或引号之间用了顿号（如“《准则》、《条例》”）"
    explanation = (
        "GB/T 15834-2011 4.5.3.5：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号，"
        "写作“《准则》《条例》”“‘三会一课’‘主题党日’”；若其间插有括注等其他成分，宜用顿号。"
        "标准用的是“通常”，加顿号并不算错，在规范的公文中也很常见，所以本规则只作提示、默认关闭。"
    )
    examples = (
        Example("一、主要做法\n深入学习《准则》、《条例》。", True),
        Example("一、主要做法\n深入学习《准则》《条例》，严格落实“三会一课”“主题党日”等制度。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in _paragraphs(ctx):
            for m in _TITLED_LIST.finditer(para.text):
                i = m.start() + 1
                yield ctx.finding(
                    self,
                    para.block.index,
                    i,
                    i + 1,
                    "标有书名号或引号的并列成分之间通常不用顿号（GB/T 15834-2011 4.5.3.5），可删去此顿号。",
                    suggestion="删去“、”",
                    replacement="",
                    safe=False,
                )


RULES = [
    HalfWidthPunctuationRule,
    ClauseEnumerationCommaRule,
    UnbalancedPairedMarksRule,
    EllipsisRule,
    DashRule,
    RangeConnectorRule,
    StraySpaceRule,
    ScrapedQuoteMarkerRule,
    RepeatedPunctuationRule,
    StraightQuotesRule,
    TitledItemsCommaRule,
]
