"""N: numbers and statistics in a work summary.

Facts: GB/T 15835-2011 《出版物上数字用法》 (Arabic numerals for counts, four-digit
years, half-width digits, "同类别同形式"), GB/T 9704-2012 7.3.5.4 (年份应标全称) and
shared REFERENCE.md §2 (achievements should carry figures; the quantity pattern).

Every pattern here is compiled once.  Digits are matched as ASCII ``[0-9]`` (Python's
``\\d`` also matches full-width digits, which N007 reports on their own), except where a
figure is only being *counted* (N001), where full-width digits count too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from summarylint.checks.base import Context, Example, Rule
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


# --------------------------------------------------------------------------- units

#: Counting units that make a result figure (REFERENCE §2, extended), longest first.
_UNITS_FIGURE = (
    "个百分点|万人次|人次|家次|户次|篇次|条次|个次|课时|学时|小时|平方米|公里|千米|万元|亿元|"
    "元|%|％|‰|次|场|期|批|轮|名|人|个|项|篇|条|件|份|家|户|处|块|部|本|册|套|张|幅|堂|节|门|"
    "起|宗|例|台|辆|座|所|支|位|吨|亩|字|天|届|封|株|棵|米"
)
#: Units after a Chinese numeral that make a figure; 位/部/节/期 are left out because
#: "五位一体", "三部门", "两节", "三期叠加" are set phrases (个/项/条: ``_FIGURE_CN_ITEMS``).
_UNITS_FIGURE_CN = "万人次|人次|万元|亿元|元|个百分点|课时|学时|次|场|批|轮|名|篇|件|份|家|户|处|本|堂|起"

#: Kinds of counted things ("同类别同形式").
_KIND = {
    **dict.fromkeys(("次", "场", "期", "批", "轮", "堂"), "events"),
    **dict.fromkeys(("人次", "名", "人", "位", "家次", "户次"), "people"),
    **dict.fromkeys(
        ("篇", "条", "件", "份", "个", "项", "部", "本", "册", "套", "张", "幅", "起", "宗", "例", "台", "辆",
         "座", "所", "支", "块", "处", "家", "户", "门"),
        "items",
    ),
}
_UNITS_KIND = "|".join(sorted(_KIND, key=len, reverse=True))
_UNITS_KIND_CN = "人次|次|场|批|轮|堂|名|篇|件|份|家|户|本|起|期"

_DIGITS_ANY = "0-9０-９"

#: An Arabic figure: 12次, 1.5万元, 20余篇, 95%, 300余人次 (full-width digits count here).
_FIGURE_AR = re.compile(
    rf"(?<![{_DIGITS_ANY}A-Za-z.．×xX*＊])(?P<num>[{_DIGITS_ANY}]+(?:[.．][{_DIGITS_ANY}]+)?)"
    rf"(?P<mult>[万亿千百]?)(?:余|多)?[万亿]?(?P<unit>{_UNITS_FIGURE})"
)
_FIGURE_CN = re.compile(
    rf"(?<![第前后每逐这那哪几头{_CN_NUM_CHARS}])(?P<num>[{_CN_NUM_CHARS}]+)(?:余|多)?(?P<unit>{_UNITS_FIGURE_CN})"
)
#: Chinese numeral + 个/项/条… counts as a figure ("完成三项重点任务") unless it is quoted
#: or names a set phrase ("四个意识", "中央八项规定", "两个维护").
_FIGURE_CN_ITEMS = re.compile(
    rf"(?<![第前后每逐这那哪几头“「‘{_CN_NUM_CHARS}])(?P<num>[{_CN_NUM_CHARS}]+)(?:余|多)?(?P<unit>[个项条支座所])"
    r"(?!意识|自信|维护|确立|全面|代表|务必|必由之路|明确|坚持|结合|大局|一百年|区分开来|规定|服务|责任|作用|不摘|"
    r"一|以上|以下|方面|层面|环节|注重|统筹|原则|要求|标准|禁止|严禁|不准|纪律)"
)
#: Figures that are not results: round-the-clock duty, the eight-hour day.
_NOT_RESULT = re.compile(r"(?:7\s*[×xX*＊]\s*)?24小时|8小时(?:以外|之外|外)")

# --------------------------------------------------------------------------- headings

#: Headings of the achievements part (REFERENCE §2, part 2).
_ACHIEVEMENT_HEADING = re.compile(
    r"主要做法|主要工作|工作开展情况|开展情况|工作情况|工作成效|主要成效|主要成绩|工作成绩|取得的成[效绩]|成效|成绩|"
    r"亮点|完成情况|推进情况|总体情况|进展情况|工作进展|落实情况|履职情况|执行情况|工作回顾|做法"
)
#: Problems headings; "补齐短板", "缩小差距", "帮扶困难群众" are themes, not problems.
_PROBLEM_HEADING = re.compile(
    r"(?:存在|主要|突出|面临|当前)的?(?:问题|不足|困难)|问题(?:和|与|及|、)|(?:和|与|及|、)问题|"
    r"(?<![补齐找小服视决])(?:不足|短板|差距|弱项)|(?<![帮扶济助决服])困难|教训|^问题$|^存在问题"
)
_PLAN_HEADING = re.compile(
    r"下一?步|今后|打算|计划|展望|思路|努力方向|下半年|明年|来年|[0-9]{4}年.{0,4}(?:安排|重点)|"
    r"意见建议|几点建议|^建议"
)
_EXPERIENCE_HEADING = re.compile(r"体会|经验|启示")
#: 措施 is a plans word unless the heading also speaks of what was achieved.
_MEASURES = re.compile(r"措施")
_ACHIEVED = re.compile(r"做法|成效|成绩|开展情况|完成情况")
#: Documents that are not summaries (plans, notices...) are not judged by N001.
_NOT_SUMMARY_TITLE = re.compile(r"(?:计划|方案|要点|安排|意见|通知|办法|规定|细则|预案|讲话|发言|提纲)$")
_SUMMARY_TITLE = re.compile(r"总结|报告|汇报|述职|情况")
_TITLE_MAX = 60
#: A part this short (body characters) is not judged.
_MIN_PART_CHARS = 60


def _is_problem_or_plan(title: str) -> bool:
    if _PROBLEM_HEADING.search(title) or _PLAN_HEADING.search(title):
        return True
    return bool(_MEASURES.search(title)) and not _ACHIEVED.search(title)


def _is_achievements(title: str) -> bool:
    return bool(_ACHIEVEMENT_HEADING.search(title)) and not _is_problem_or_plan(title)


def _heading_text(section: Section) -> str:
    h = section.heading
    return (h.marker.strip() + h.title).strip()


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- figures


def figures_in(text: str) -> Iterator[re.Match[str]]:
    """Result figures in ``text``: quantity + counting unit, without ordinals, set
    phrases, years and dates, round-the-clock duty hours."""
    blocked = [m.span() for m in _NOT_RESULT.finditer(text)]

    def free(m: re.Match[str]) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in blocked)

    for m in _FIGURE_AR.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "第" or not free(m):
            continue
        yield m
    for pattern in (_FIGURE_CN, _FIGURE_CN_ITEMS):
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


def achievements_part(summary: Summary, ctx: Context) -> _Part | None:
    """The achievements part of a summary, or None where it cannot be told."""
    title = _title_of(summary, ctx)
    if _NOT_SUMMARY_TITLE.search(title) and not _SUMMARY_TITLE.search(title):
        return None
    top = summary.sections
    if not top:
        return None
    named = [s for s in top if _is_achievements(s.heading.title)]
    if named:
        return _Part(named, "heading")
    # Themed level-1 headings (一、加强组织领导 二、注重理论学习 … 四、存在的问题及打算):
    # the sections before the closing problems/plans run, if that run names problems.
    end = len(top)
    has_problems = False
    while end > 0:
        title = top[end - 1].heading.title
        if _is_problem_or_plan(title) or _EXPERIENCE_HEADING.search(title):
            has_problems = has_problems or bool(_PROBLEM_HEADING.search(title))
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


def _has_figure(ctx: Context, section: Section) -> bool:
    return any(next(figures_in(text), None) for _, text in _section_text(ctx, section))


def _body_chars(ctx: Context, section: Section) -> int:
    return sum(
        len(block.text.strip())
        for block, _ in _section_text(ctx, section)
        if ctx.outline.kinds.get(block.index) == "b"
    )


_FIGURE_EXAMPLES = "次数、人次、篇数、金额、比例等"


class AchievementsWithoutFiguresRule(Rule):
    id = "N001"
    name = "achievements-without-figures"
    severity = Severity.WARNING
    scope = "document"
    summary = "“主要做法和成效”部分没有一个数据支撑"
    explanation = (
        "写成绩应当多用数据、多举事实：开展了多少次活动、覆盖多少人次、发布多少篇信息、投入多少资金、"
        "办结率多少，比“高度重视”“成效明显”更有说服力，也是审核总结时最常提的意见之一。"
        "本规则找出每篇总结的成效部分（标题含“主要做法”“工作开展情况”“工作成效”“总体情况”等的一级部分；"
        "一级标题都是主题句时，取“存在的问题”之前的各部分），其中一个带计量单位的数字都没有时报告一次。"
        "“24小时值班”、年份日期、“第三轮”等序数、“三会一课”“四个意识”等固定提法不算数据。"
    )
    examples = (
        Example(
            "某局2025年上半年工作总结\n一、主要做法\n高度重视意识形态工作，认真落实意识形态工作责任制，"
            "加强宣传栏、电子显示屏等阵地管理，严格24小时值班制度，及时回应群众关切，工作取得明显成效。\n"
            "二、存在的问题\n学习还不够深入。",
            True,
        ),
        Example(
            "某局2025年上半年工作总结\n一、主要做法\n组织中心组专题学习12次，开展主题党日6次，"
            "发布信息86篇，严格24小时值班制度。\n二、存在的问题\n学习还不够深入。",
            False,
        ),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for summary in ctx.summaries():
            part = achievements_part(summary, ctx)
            if part is None:
                continue
            if sum(_body_chars(ctx, s) for s in part.sections) < _MIN_PART_CHARS:
                continue
            if any(_has_figure(ctx, s) for s in part.sections):
                continue
            first = part.sections[0]
            if part.mode == "heading" or len(part.sections) == 1:
                names = "、".join(f"“{_short(_heading_text(s))}”" for s in part.sections)
                where = f"{names}部分"
            else:
                where = f"“{_short(_heading_text(first))}”至“{_short(_heading_text(part.sections[-1]))}”各部分"
            yield ctx.finding(
                self,
                first.start,
                0,
                0,
                f"{where}列举了工作，但没有一个数据（{_FIGURE_EXAMPLES}）支撑成效。"
                "总结写成绩应当用数据和事实说话。",
                suggestion="补充反映成效的具体数据，如“组织专题学习12次、参学党员300余人次、发布信息86篇”",
                section_level=True,
            )


class SubsectionWithoutFiguresRule(Rule):
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
        for summary in ctx.summaries():
            part = achievements_part(summary, ctx)
            if part is None:
                continue
            groups = [s.children for s in part.sections]
            if part.mode == "themes":
                groups.append(part.sections)
            for siblings in groups:
                if len(siblings) < 2:
                    continue
                with_figures = [_has_figure(ctx, s) for s in siblings]
                if not any(with_figures):
                    continue
                for section, has in zip(siblings, with_figures, strict=True):
                    if has or _body_chars(ctx, section) < _MIN_PART_CHARS:
                        continue
                    yield ctx.finding(
                        self,
                        section.start,
                        0,
                        0,
                        f"“{_short(_heading_text(section))}”一节没有数据，而同级其他小节有具体数据。",
                        suggestion="如能量化，补充次数、人次、覆盖面等数据",
                        section_level=True,
                    )


# --------------------------------------------------------------------------- N002

_PH = "XxＸｘ×＊*"
_LATIN = "A-Za-zＡ-Ｚａ-ｚ"
#: A run of placeholder marks, possibly with digits ("20XX").
_PH_TOKEN = re.compile(
    rf"(?<![{_LATIN}0-9./@:_\-])(?P<tok>[0-9]*[{_PH}]+(?:[0-9]+[{_PH}]+)*[0-9]*)(?![{_LATIN}/@_])"
)
_PH_AFTER = re.compile(
    rf"(?:{_UNITS_FIGURE}|[年月日号时]|同志|单位|部门|县|市|区|镇|乡|村|局|厅|委|科|股|室|站|队|公司|中心|"
    r"学校|医院|街道|社区|项目|工程|活动|会议|文件|届|省|州|盟|旗)"
)
_PH_DATE_TAIL = re.compile(rf"(?:[0-9{_PH}]{{1,2}}[月日号])+")
_PH_BEFORE = re.compile(r"第$")
_PH_MULTIPLY = re.compile(rf"^[0-9]+[{_PH}][0-9]+$")
#: Bracketed instructions left in from a template.
_PH_BRACKET = re.compile(
    r"【[^】\n]{0,30}?(?:待补充|待完善|待填|待定|待核实|待更新|待确认|此处|请填写|请输入|请补充|填写|插入|TODO)[^】\n]{0,30}】"
    r"|[\[［](?:[^\]］\n]{0,20}?)(?:待补充|待完善|待填|待定|待核实|待更新|待确认|此处|请填写|请输入|请补充|填写|插入|TODO)"
    r"[^\]］\n]{0,30}[\]］]"
    r"|[（(〔]\s*(?:待补充|待完善|待填写?|待核实|待更新|(?:此处|在此处?)(?:插入|填|补充|添加|输入|粘贴|附|增加|写)|"
    r"请填写|请输入|请补充|填写|插入)[^）)〕\n]{0,30}[）)〕]"
)


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


class PlaceholderRule(Rule):
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
            for m in _PH_BRACKET.finditer(text):
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

    @staticmethod
    def _tokens(text: str) -> Iterator[tuple[int, int]]:
        for m in _PH_TOKEN.finditer(text):
            tok = m.group("tok")
            if _PH_MULTIPLY.match(tok):
                continue  # 7×24, 3x3
            marks = [c for c in tok if c in _PH]
            start, end = m.start(), m.end()
            after = _PH_AFTER.match(text, end)
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

_YEAR_FOLLOW = (
    r"(?:上半年|下半年|全年|年度|度(?!过)|底(?![线子气])|初(?![步见心衷])|末|年中|[0-9]{1,2}月|"
    r"第?[1-4一二三四]季度|前[1-3一二三]季度)"
)
_SHORT_YEAR = re.compile(
    rf"(?<![0-9０-９.．:：/\-A-Za-z第])(?P<num>[0-9]{{2}})年(?={_YEAR_FOLLOW})"
    r"|(?:(?<=截至)|(?<=截止)|(?<=截止到)|(?<=(?<![少多低高大小等长短超过优强弱早晚])于)|(?<=(?<![存实现正所好自内外])在))"
    r"(?P<num2>[0-9]{2})年(?![0-9来里间内多余以之前后的中时左上下半底初末度月，,。；;、）)”])"
)
_YEAR_NORM = "GB/T 15835—2011；GB/T 9704—2012 第7.3.5.4条“年份应标全称”"
_FULL_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})年")
_ERA = re.compile(r"(?:民国|昭和|平成|令和|光绪|宣统)$")


class ShortYearRule(Rule):
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
        for block in chinese_blocks(ctx):
            text = block.text
            for m in _SHORT_YEAR.finditer(text):
                group = "num" if m.group("num") else "num2"
                start, end = m.start(group), m.end(group) + 1
                if _ERA.search(text[max(0, start - 3) : start]):
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
_COUNT_AR = re.compile(
    rf"(?<![0-9.A-Za-z第])(?P<num>[0-9]+(?:\.[0-9]+)?)[万亿]?(?:余|多)?(?P<unit>{_UNITS_KIND})"
)
_COUNT_CN = re.compile(
    rf"(?<![第前后每逐这那哪几头连再{_CN_NUM_CHARS}])(?P<num>[{_CN_NUM_CHARS}]+)(?P<unit>{_UNITS_KIND_CN})"
    r"(?!性|党代会|代表大会|全会|全体会议|分配|产业|创业|开发|工程|项目|叠加|[余多来几])"
)


class MixedNumeralsRule(Rule):
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
        arabic_kinds = {_KIND[m.group("unit")] for m in _COUNT_AR.finditer(text, lo, hi)}
        if not arabic_kinds:
            return
        for m in _COUNT_CN.finditer(text, lo, hi):
            unit = m.group("unit")
            if _KIND[unit] not in arabic_kinds:
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

_QTY = rf"(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<mult>[万亿]?)(?P<approx>余|多)?(?P<unit>{_UNITS_FIGURE})"
_TOTAL = re.compile(
    rf"(?:共计|合计|累计|总计|共)[^，,。；;：:0-9]{{0,12}}?(?<![0-9.第]){_QTY}[，,：:]?\s*其中[，,：:]?"
)
_PART = re.compile(rf"(?<![0-9.第]){_QTY}")
_CLAUSE_END = re.compile(r"[。！？!?\n]")
#: Parts that may overlap (attributes of people, statuses): not a breakdown.
_OVERLAP = re.compile(
    r"女|男|以上|以下|岁|学历|本科|大专|研究生|硕士|博士|少数民族|党员|团员|民主党派|退休|在职|预备|正式|"
    r"分别|均|平均|每|共|合计|累计|其中|约|近|超过|不少于|不足|占"
)
_CN_COUNT_ANY = re.compile(rf"(?<![0-9.])[零〇一二三四五六七八九十百千两][{_CN_NUM_CHARS}]*(?:{_UNITS_FIGURE_CN})")


class TotalMismatchRule(Rule):
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
            for m in _TOTAL.finditer(text):
                finding = self._judge(ctx, block, text, m)
                if finding:
                    yield finding

    def _judge(self, ctx: Context, block: Block, text: str, m: re.Match[str]) -> Finding | None:
        if m.group("approx"):
            return None
        unit = m.group("unit")
        end = _CLAUSE_END.search(text, m.end())
        clause = text[m.end() : end.start() if end else len(text)]
        if _OVERLAP.search(clause) or _CN_COUNT_ANY.search(clause):
            return None
        parts = list(_PART.finditer(clause))
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
_SHARE = re.compile(r"率|占比|占|比例|比重|覆盖|参与面|普及面|知晓|满意度")
#: Growth, plans and targets can exceed 100% (“同比增长150%”“完成年度目标的112%”), and so
#: can rates that count arrears or turnover (征收率, 出栏率, 自给率, 产销率).
_GROWTH = re.compile(
    r"增|降|涨|跌|提高|提升|上升|下降|减少|扩大|翻|完成|达成|目标|计划|任务|预算|超|同比|环比|上年|去年|同期|基数|"
    r"回报|收益|利润|负债|杠杆|产出|执行|倍|效率|速率|频率|汇率|利率|税率|费率|容积率|功率|贡献率|弹性|溢价|增值|"
    r"收缴|征收|回收|清收|征缴|到位|出栏|周转|达产|自给|产销|配套|人均|指数|系数"
)
_PCT_WINDOW = 14
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?：:、\n]")


class ShareOver100Rule(Rule):
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
                share = _SHARE.search(window)
                if not share or _GROWTH.search(window):
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


RULES = [
    AchievementsWithoutFiguresRule,
    PlaceholderRule,
    ShortYearRule,
    MixedNumeralsRule,
    TotalMismatchRule,
    ShareOver100Rule,
    FullWidthDigitsRule,
    SubsectionWithoutFiguresRule,
]
