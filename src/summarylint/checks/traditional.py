"""T003: traditional characters in simplified text (與→与, 黨→党, 學→学).

The table (``data/t2s_chars.tsv``) is OpenCC's traditional→simplified character table,
reduced by ``scripts/build_char_tables.py`` to the characters that are NOT valid
simplified characters: those outside GB 2312 (which holds simplified forms only) plus
``EXTRA_TRADITIONAL``, minus ``NOT_TRADITIONAL``.  So 著 (著作), 乾 (乾坤), 於 (a
surname), 藉 (慰藉) and 瞭 (瞭望) are never reported.

Phrase fixes come first: where the T001 pack reports a phrase (與论→舆论, 與情→舆情),
T003 leaves its characters alone (character by character 與论 would become the wrong
与论).  A paragraph that is mostly traditional is a quotation or a pasted passage: it
gets one advice finding instead of one finding per character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from summarylint.checks.base import Context, Example, Rule
from summarylint.model import Finding, Severity

T2S_CHARS = Path(__file__).resolve().parents[1] / "data" / "t2s_chars.tsv"

#: Characters that convert to something else but are valid in simplified text
#: (通用规范汉字表 2013): 著作/显著, 乾坤, 於 (surname), 瞭望, 慰藉/狼藉, 神祇, and 甦 昇 陞,
#: kept for personal and place names.  著 乾 於 藉 are in GB 2312 anyway; they are
#: listed so the intent survives a change of test.
NOT_TRADITIONAL = frozenset("著乾於瞭藉祇甦昇陞")

#: Traditional forms that GB 2312 happens to contain although simplified text never
#: uses them (後 sits in GB 2312's level 2).  The other GB 2312 characters that OpenCC
#: converts (吒 夥 徵 捱 摺 榘 甯 菸 薹 醣 麴 麽) are names, rare words or variants.
EXTRA_TRADITIONAL = frozenset("後")

#: A paragraph (or document) whose Han characters are at least this share traditional is
#: a traditional passage: ECSpell odw's official prose converted with OpenCC s2t has a
#: median of 38 % and 95 % of its sentences at 21 % or more.
TRADITIONAL_SHARE = 0.2
#: ... provided it has at least this many traditional characters.
TRADITIONAL_MIN = 4

#: Hiragana and katakana (not the middle dot ・ and the long mark ー, which Chinese uses too).
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
#: A document with at least this many kana (and 5 % of its Han characters and kana) is Japanese.
_KANA_MIN = 10


@cache
def _han() -> re.Pattern[str]:
    # Compiled on first use: the Unicode ranges cost ~2.5 ms to compile.
    return re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


@cache
def load_t2s(path: Path = T2S_CHARS) -> dict[str, tuple[str, ...]]:
    table = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            trad, simp = line.rstrip("\n").split("\t")
            table[trad] = tuple(simp.split())
    return table


def _may_hold_traditional(text: str) -> bool:
    """False for text that GB 2312 can encode without EXTRA_TRADITIONAL: the usual
    simplified paragraph costs one C-level encode and the table is never read."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return any(char in text for char in EXTRA_TRADITIONAL)


class TraditionalCharacter(Rule):
    id = "T003"
    name = "traditional-character"
    severity = Severity.WARNING
    summary = "简体文稿中混入繁体字（如“與”“黨”“學”）"
    explanation = (
        "党政机关公文使用规范汉字（《中华人民共和国国家通用语言文字法》、《通用规范汉字表》），"
        "简体文稿中夹杂的繁体字多来自复制粘贴或输入法切换，应改为对应的简化字。"
        "字表取自 OpenCC 的繁简字符对照，只收简体文本中不能使用的字形："
        "“著”“乾”“於”“藉”“瞭”等在规范汉字中另有用法，不报。"
        "一个繁体字对应一个简化字时修正可自动应用；对应多个简化字（如“鍊”→“炼/链”）时需按词义选择。"
        "“與论”“與情”这类词由 T001 整词改为“舆论”“舆情”（逐字转换会得到错误的“与论”），本规则不重复报告。"
        "整段以繁体为主的（如引用的繁体原文）只提示一次，不逐字报告。"
    )
    examples = (
        Example("中心党支部通过网站积极宣传正确的舆论导向，把學习贯彻党的二十大精神作为首要政治任务。", True),
        Example("组织党员参观红色教育基地，显著增强了党员干部的宗旨意识；於某同志获评优秀党员。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        table: dict[str, tuple[str, ...]] | None = None
        paragraphs = []  # (block, runs of traditional characters)
        kana = 0
        for block in ctx.text_blocks():
            text = block.text
            if _KANA.search(text):
                kana += len(_KANA.findall(text))
                continue  # Japanese: its kanji are not traditional Chinese
            if not _may_hold_traditional(text):
                continue
            if table is None:
                table = load_t2s()
            runs = _runs(text, table)
            if runs:
                paragraphs.append((block, runs))
        if not paragraphs:
            return
        han_total = sum(len(_han().findall(block.text)) for block in ctx.text_blocks())
        if kana >= _KANA_MIN and kana >= 0.05 * (kana + han_total):
            return  # a Japanese document
        trad_total = sum(end - start for _, runs in paragraphs for start, end in runs)
        if _mostly_traditional(trad_total, han_total) and len(paragraphs) > 1:
            block = paragraphs[0][0]
            yield ctx.section_finding(
                self, block.index,
                f"全文以繁体字为主（{trad_total} 个繁体字）。如确需使用繁体（如对港澳台文稿），可忽略本规则；"
                "否则应整体转换为简体。",
                suggestion="改为简体", severity=Severity.INFO,
            )
            return
        assert table is not None
        for block, runs in paragraphs:
            text = block.text
            count = sum(end - start for start, end in runs)
            han = len(_han().findall(text))
            if _mostly_traditional(count, han):
                yield ctx.finding(
                    self, block.index, runs[0][0], runs[-1][1],
                    f"本段以繁体字为主（{han} 个汉字中 {count} 个为繁体）。如为引用的繁体原文可保留，"
                    "否则应整段改为简体。",
                    suggestion="改为简体", severity=Severity.INFO,
                )
                continue
            owned = _t001_spans(text, ctx.rules.get("T001"))
            for run_start, run_end in runs:
                for start, end in _split(run_start, run_end, owned):
                    yield self._finding(ctx, block.index, text[start:end], start, end, table)

    def _finding(self, ctx: Context, block: int, trad: str, start: int, end: int,
                 table: dict[str, tuple[str, ...]]) -> Finding:
        forms = [table[c] for c in trad]
        replacement = "".join(f[0] for f in forms)
        ambiguous = [(c, f) for c, f in zip(trad, forms, strict=True) if len(f) > 1]
        if ambiguous:
            choices = "；".join(f"“{c}”按词义写作“{'”或“'.join(f)}”" for c, f in ambiguous)
            message = f"“{trad}”是繁体字，简体文稿应使用规范简化字（{choices}）。"
        else:
            message = f"“{trad}”是繁体字，简体文稿应写作“{replacement}”。"
        return ctx.finding(
            self, block, start, end, message,
            suggestion=f"改为“{replacement}”", replacement=replacement, safe=not ambiguous,
        )


def _runs(text: str, table: dict[str, tuple[str, ...]]) -> list[tuple[int, int]]:
    """Runs of adjacent traditional characters."""
    runs: list[tuple[int, int]] = []
    for i, char in enumerate(text):
        if char in table:
            if runs and runs[-1][1] == i:
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
    return runs


def _mostly_traditional(count: int, han: int) -> bool:
    return count >= TRADITIONAL_MIN and count >= TRADITIONAL_SHARE * han


def _t001_spans(text: str, rule=None) -> list[tuple[int, int]]:
    """The spans T001 reports (with the engine's loaded T001, else the built-in pack)."""
    if rule is None:
        from summarylint.checks.nearmiss import t001_rule

        rule = t001_rule()
    return [(s, e) for s, e, _ in rule.matches(text)] if rule is not None else []


def _split(start: int, end: int, owned: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """The parts of [start, end) outside the spans T001 reports."""
    pos = start
    for s, e in sorted(owned):
        if e <= pos or s >= end:
            continue
        if s > pos:
            yield pos, s
        pos = max(pos, e)
    if pos < end:
        yield pos, end


RULES = [TraditionalCharacter]
