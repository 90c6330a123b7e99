"""T: canonical political formulations (规范表述) and unambiguous 的/地 misuse.

* T004 ``formulation-list`` (rule kind, data in ``rules/formulations.toml``): lists such as
  “四个意识”、社会主义核心价值观、守土有责… compared item by item with the canonical list.
* T005 ``formulation-variant``: known wrong or dated wordings (习总书记, the short form
  新时代中国特色社会主义思想 before any full mention, 两个务必, verb + “四个意识” mismatches).
* T006 ``de-di-usage``: 的/地 in a few patterns that need no parser (一项一项的抓好,
  更好的带动, 坚定地阵地意识).

All patterns are compiled once at import; each paragraph is scanned once per rule.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from summarylint.checks.base import Context, Example, Rule, RuleKind
from summarylint.model import Finding, Severity

# ---------------------------------------------------------------------------
# T004: count-and-order lists
# ---------------------------------------------------------------------------

#: A clause: the text between punctuation that cannot occur inside a list item.
_CLAUSE = re.compile(r"[^，。；：！？,;:!?（）()【】\[\]《》〈〉\n]+")
_QUOTES = "“”\"‘’'「」『』"
#: Words that introduce a list but belong to no item ("即政治意识、……").
_LEAD = re.compile(r"(?:即|也就是|就是|是指|指的是|分别是|主要是|包括)")
#: Between a label (and its closing quote) and the first item of its list.
_INTRO = re.compile(r"[”\"」』]?\s*(?:[（(：:]|——|[，,]?\s*(?:即|也就是|就是|是指|指的是|分别是|包括))\s*[“\"「]?")
#: Where a clause-separated list (三个务必) ends.
_MARKER_STOP = re.compile(r"[。；;）)”\n]")
#: Where a list clause ends a sentence (no label association across it).
_SENTENCE_END = re.compile(r"[。；！？;!?\n]")
#: Connectors before the last item ("享乐主义和奢靡之风").
_LAST_JOIN = re.compile(r"和|以及|及|与")
_NEAR = 40


@dataclass(frozen=True, eq=False)
class ListEntry:
    name: str
    labels: tuple[str, ...]
    items: tuple[str, ...]
    variants: dict[str, str]
    accept: dict[str, str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    marker: str
    bare: bool
    solid: bool
    note: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]
    #: (form, canonical index, kind) for every written form of an item
    forms: tuple[tuple[str, int, str], ...] = field(default=(), compare=False)

    @property
    def canonical(self) -> str:
        return "、".join(self.items) if not self.marker else "，".join(self.marker + i for i in self.items)


@dataclass
class _Item:
    start: int
    end: int
    text: str
    #: canonical index, how it matched, and the matched core span
    index: int | None = None
    kind: str = ""
    core: tuple[int, int] | None = None


def _common_suffix(items: tuple[str, ...]) -> str:
    suffix = items[0]
    for item in items[1:]:
        while not item.endswith(suffix):
            suffix = suffix[1:]
    # the stems must stay non-empty
    return suffix if len(suffix) >= 2 and all(len(i) > len(suffix) for i in items) else ""


def _forms(entry: ListEntry) -> tuple[tuple[str, int, str], ...]:
    out: list[tuple[str, int, str]] = []
    suffix = _common_suffix(entry.items)
    index = {item: i for i, item in enumerate(entry.items)}
    for i, item in enumerate(entry.items):
        out.append((item, i, "exact"))
        out.extend((item + s, i, "exact") for s in entry.suffixes)
        out.extend((p + item, i, "exact") for p in entry.prefixes)
        if suffix:
            out.append((item[: -len(suffix)], i, "stem"))
    for wrong, right in entry.variants.items():
        out.append((wrong, index[right], "variant"))
    for other, right in entry.accept.items():
        out.append((other, index[right], "exact"))
    return tuple(out)


class FormulationListRule(RuleKind):
    """Count, items and order of canonical lists (四个意识, 核心价值观, 守土有责……)."""

    kind = "formulation-list"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.entries: list[ListEntry] = []
        self._compiled: tuple | None = None
        super().__init__(header, source)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        allowed = {"name", "labels", "items", "variants", "accept", "prefixes", "suffixes", "marker",
                   "bare", "solid", "note", "fail", "pass", "source"}
        unknown = set(entry) - allowed
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        items = entry.get("items")
        if not isinstance(items, list) or len(items) < 2 or not all(isinstance(i, str) and i for i in items):
            raise ValueError(f"{where}: 'items' must list at least two non-empty strings")
        for key in ("variants", "accept"):
            for wrong, right in entry.get(key, {}).items():
                if right not in items:
                    raise ValueError(f"{where}: {key} {wrong!r} maps to {right!r}, which is not an item")
        if entry.get("solid") and entry.get("marker"):
            raise ValueError(f"{where}: 'solid' and 'marker' cannot be combined")
        item = ListEntry(
            name=str(entry.get("name") or items[0]),
            labels=tuple(entry.get("labels", ())),
            items=tuple(items),
            variants=dict(entry.get("variants", {})),
            accept=dict(entry.get("accept", {})),
            prefixes=tuple(entry.get("prefixes", ())),
            suffixes=tuple(entry.get("suffixes", ())),
            marker=str(entry.get("marker", "")),
            bare=bool(entry.get("bare", False)),
            solid=bool(entry.get("solid", False)),
            note=str(entry.get("note", "")),
            fail=tuple(entry.get("fail", ())),
            passes=tuple(entry.get("pass", ())),
        )
        self.entries.append(dataclasses.replace(item, forms=_forms(item)))
        self._compiled = None

    # -- compiled lookup tables ---------------------------------------------------------

    @property
    def compiled(self) -> tuple:
        if self._compiled is None:
            by_tail: dict[str, list[tuple[ListEntry, str, int, str]]] = {}
            by_head: dict[str, list[tuple[ListEntry, str, int, str]]] = {}
            labels: dict[str, ListEntry] = {}
            solids: dict[str, tuple[ListEntry, int, str]] = {}
            for entry in self.entries:
                if entry.marker:
                    for label in entry.labels:
                        labels[label] = entry
                    continue
                for form, index, kind in entry.forms:
                    by_tail.setdefault(form[-2:], []).append((entry, form, index, kind))
                    by_head.setdefault(form[:2], []).append((entry, form, index, kind))
                for label in entry.labels:
                    labels[label] = entry
                if entry.solid:
                    for wrong, right in entry.variants.items():
                        i = entry.items.index(right)
                        text = "".join(entry.items[:i]) + wrong + "".join(entry.items[i + 1 :])
                        solids[text] = (entry, i, wrong)
            label_re = _alternation(labels)
            solid_re = _alternation(solids)
            self._compiled = (by_tail, by_head, labels, label_re, solids, solid_re)
        return self._compiled

    # -- parsing ------------------------------------------------------------------------

    @staticmethod
    def _lists(text: str) -> Iterator[list[_Item]]:
        """The 、-separated runs of each clause, as items."""
        for clause in _CLAUSE.finditer(text):
            if "、" not in clause.group():
                continue
            pos = clause.start()
            items = []
            for part in clause.group().split("、"):
                items.append(_Item(pos, pos + len(part), part))
                pos += len(part) + 1
            yield items

    def _trim(self, text: str, items: list[_Item], labels: list[tuple[int, int, ListEntry]]) -> tuple:
        """Cut labels and their connectors out of the first/last item (in place).

        Returns (entry announced before the list, entry named right after it, whether
        the list ends with 等 and so need not be complete)."""
        before = after = None
        etc = False
        first, last = items[0], items[-1]
        for ls, le, entry in labels:
            if first.start <= ls and le <= first.end:
                m = _INTRO.match(text, le)
                cut = m.end() if m and m.end() <= first.end else None
                if cut is not None and cut < first.end:
                    first.start = cut
                    before = entry
            if last.start <= ls and le <= last.end and ls > last.start:
                head = text[last.start : ls]
                stripped = head.rstrip(_QUOTES + " ")
                for word in ("等的", "这些", "等", "的", "这"):
                    if stripped.endswith(word):
                        etc = etc or word.startswith("等")
                        stripped = stripped[: -len(word)]
                        break
                if stripped:
                    last.end = last.start + len(stripped)
                    after = entry
        # strip quotes and list-introducing words
        for item in items:
            while item.start < item.end and text[item.start] in _QUOTES + " 　":
                item.start += 1
            while item.end > item.start and text[item.end - 1] in _QUOTES + " 　":
                item.end -= 1
        m = _LEAD.match(text, first.start, first.end)
        if m and m.end() < first.end:
            first.start = m.end()
        if last.end > last.start and text[last.end - 1] == "等":
            etc = True
        for item in items:
            item.text = text[item.start : item.end]
        return before, after, etc

    def _split_last(self, items: list[_Item]) -> list[_Item]:
        """"享乐主义和奢靡之风" → two items when both sides are canonical forms."""
        by_tail, by_head = self.compiled[0], self.compiled[1]
        last = items[-1]
        for m in _LAST_JOIN.finditer(last.text):
            left, right = last.text[: m.start()], last.text[m.end() :]
            if not left or not right:
                continue
            if any(left == f for _, f, _, _ in by_tail.get(left[-2:], ())) and any(
                right.startswith(f) for _, f, _, _ in by_head.get(right[:2], ())
            ):
                a = _Item(last.start, last.start + m.start(), left)
                b = _Item(last.start + m.end(), last.end, right)
                return [*items[:-1], a, b]
        return items

    def _match(self, entry: ListEntry, items: list[_Item], leading: bool, trailing: bool) -> list[_Item]:
        """Match the items against the entry's forms (longest form wins).

        The first item may carry words before its form (坚定道路自信), the last one words
        after it (看齐意识不断增强).  ``leading``/``trailing``: drop unmatched items at that
        end, which belong to the rest of the clause (完整、准确、全面贯彻创新、协调……)."""
        by_tail, by_head = self.compiled[0], self.compiled[1]
        cands = []
        for item in items:
            t = item.text
            exact = end = start = None
            for e, form, index, kind in by_tail.get(t[-2:], ()):
                if e is entry and t.endswith(form):
                    c = (len(form), index, kind, (item.end - len(form), item.end))
                    if t == form:
                        exact = max(exact, c) if exact else c
                    else:
                        end = max(end, c) if end else c
            for e, form, index, kind in by_head.get(t[:2], ()):
                if e is entry and kind != "stem" and t != form and t.startswith(form):
                    c = (len(form), index, kind, (item.start, item.start + len(form)))
                    start = max(start, c) if start else c
            cands.append((exact, end, start))
        hits = [k for k, c in enumerate(cands) if any(c)]
        lo = hits[0] if leading and hits else 0
        hi = hits[-1] + 1 if trailing and hits else len(items)
        out = []
        for k in range(lo, hi):
            item = items[k]
            new = _Item(item.start, item.end, item.text)
            exact, end, start = cands[k]
            options = [exact, end if k == lo else None, start if k == hi - 1 else None]
            best = max((o for o in options if o), default=None)
            if best:
                _, new.index, new.kind, new.core = best
            out.append(new)
        # stems only count when the last item carries the shared suffix ("经济、政治……生态文明建设")
        if out and any(i.kind == "stem" for i in out) and out[-1].kind not in ("exact", "variant"):
            for i in out:
                if i.kind == "stem":
                    i.index, i.kind, i.core = None, "", None
        return out

    # -- judging ------------------------------------------------------------------------

    def _judge(self, entry: ListEntry, items: list[_Item], mode: str, etc: bool) -> list[str] | None:
        """Problems with the list, or None when it is fine or not this entry's list.

        ``mode``: "explicit" (the label announces the list), "near" (the label stands a
        little before it) or "bare" (no label)."""
        n = len(entry.items)
        matched = [i for i in items if i.index is not None]
        indices = [i.index for i in matched]
        unknown = [i for i in items if i.index is None]
        variants = [i for i in matched if i.kind == "variant"]
        if len(set(indices)) != len(indices):
            return None  # an item twice: not a list of this kind
        if mode == "explicit":
            if len(matched) < 2 or 2 * len(matched) < len(items):
                return None  # the label is near some other list
        elif len(items) != n:
            return None
        elif mode == "near" and len(matched) < n - 1:
            return None
        elif mode == "bare" and (len(matched) < n or len(variants) > 1):
            return None  # without a label: all items canonical, at most one a known variant
        problems: list[str] = [f"“{i.text}”应为“{entry.items[i.index]}”" for i in variants]
        missing = [entry.items[k] for k in range(n) if k not in indices]
        if len(unknown) == 1 and len(missing) == 1:
            problems.append(f"“{unknown[0].text}”应为“{missing[0]}”")
            missing = []
        elif unknown:
            problems.append("、".join(f"“{i.text}”" for i in unknown) + "不在其中")
        if mode == "explicit" and not etc:
            if len(items) != n:
                problems.append(f"应为{n}项，这里列了{len(items)}项")
            if missing:
                problems.append("缺" + "、".join(f"“{m}”" for m in missing))
        if indices != sorted(indices):
            if len(indices) == n:
                problems.append("顺序有误")
            else:
                problems.append("顺序应为" + "、".join(entry.items[k] for k in sorted(indices)))
        return problems or None

    def _report(self, ctx: Context, block, entry: ListEntry, items: list[_Item], problems: list[str]) -> Finding:
        text = block.text
        first, last = items[0], items[-1]
        start = first.core[0] if first.core else first.start
        end = last.core[1] if last.core else last.end
        longest = max(map(len, entry.items))
        clean = all(i.core is not None or len(i.text) <= longest for i in (first, last))
        joiner = text[items[-2].end : last.start] if len(items) >= 2 else "、"
        # keep the writer's form when every item carries the same prefix or suffix
        # (必须坚持人民至上、必须坚持……; 创新发展、协调发展……)
        words = list(entry.items)
        for affixes, attach in ((entry.prefixes, lambda a, w: a + w), (entry.suffixes, lambda a, w: w + a)):
            for affix in affixes:
                if all(i.core and text[i.core[0] : i.core[1]] == attach(affix, entry.items[i.index])
                       for i in items if i.index is not None and i.kind == "exact"):
                    words = [attach(affix, w) for w in words]
                    break
            else:
                continue
            break
        # a prefix or suffix only the first / last item carries stays outside the span
        if first.core and first.index is not None:
            written, item = text[first.core[0] : first.core[1]], entry.items[first.index]
            if written != words[first.index] and written.endswith(item):
                start = first.core[1] - len(item)
        if last.core and last.index is not None:
            written, item = text[last.core[0] : last.core[1]], entry.items[last.index]
            if written != words[last.index] and written.startswith(item):
                end = last.core[0] + len(item)
        # the writer's own wording of each item, moved to its canonical place
        if not any(i.kind == "stem" for i in items):
            for i in items:
                if i.index is not None and i.kind == "exact":
                    words[i.index] = text[max(i.core[0], start) : min(i.core[1], end)]
        if joiner in ("和", "及", "以及", "与"):
            canonical = "、".join(words[:-1]) + joiner + words[-1]
        else:
            canonical = "、".join(words)
        reason = "；".join(problems)
        return ctx.finding(
            self,
            block.index,
            start,
            end,
            f"{entry.name}的规范表述为“{entry.canonical}”：{reason}。",
            suggestion=f"改为“{canonical}”",
            replacement=canonical if clean else None,
            safe=False,
        )

    def _marker_lists(self, ctx: Context, block, labels) -> Iterator[Finding]:
        """Lists of clauses that each start with a marker word (务必……，务必……)."""
        text = block.text
        for _ls, le, entry in labels:
            if not entry.marker:
                continue
            m = _INTRO.match(text, le)
            if not m or not text.startswith(entry.marker, m.end()):
                continue
            start = m.end()
            stop = _MARKER_STOP.search(text, start)
            body = text[start : stop.start() if stop else len(text)]
            heads = [k for k in range(len(body)) if body.startswith(entry.marker, k)
                     and (k == 0 or body[k - 1] in "，,、；")]
            items = []
            for n, k in enumerate(heads):
                stop_at = heads[n + 1] - 1 if n + 1 < len(heads) else len(body)
                items.append([k + len(entry.marker), stop_at])
            # the last clause may go on after the list ("……指导地位，在思想上……")
            last = body[items[-1][0] : items[-1][1]]
            for item in entry.items:
                if last != item and last.startswith(item) and last[len(item)] in "，,":
                    items[-1][1] = items[-1][0] + len(item)
            written = [body[a:b].rstrip("，,、 ") for a, b in items]
            if written == list(entry.items):
                continue
            problems = []
            if len(written) != len(entry.items):
                problems.append(f"应为{len(entry.items)}项，这里列了{len(written)}项")
            for k, (item, canonical) in enumerate(zip(written, entry.items, strict=False)):
                if item != canonical:
                    problems.append(f"第{k + 1}项应为“{entry.marker}{canonical}”")
            end = start + items[-1][0] + len(written[-1])
            yield ctx.finding(
                self,
                block.index,
                start,
                end,
                f"{entry.name}的规范表述为“{entry.canonical}”：{'；'.join(problems)}。",
                suggestion=f"改为“{entry.canonical}”",
                replacement=entry.canonical,
                safe=False,
            )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in ctx.text_blocks():
            yield from self.check_text(ctx, block)

    def check_text(self, ctx: Context, block) -> Iterator[Finding]:
        text = block.text
        _, _, _, label_re, solids, solid_re = self.compiled
        labels_map = self.compiled[2]
        labels = [(m.start(), m.end(), labels_map[m.group()]) for m in label_re.finditer(text)] if label_re else []
        yield from self._marker_lists(ctx, block, labels)
        if solid_re:
            for m in solid_re.finditer(text):
                entry, i, wrong = solids[m.group()]
                start = m.start() + sum(map(len, entry.items[:i]))
                yield ctx.finding(
                    self, block.index, start, start + len(wrong),
                    f"{entry.name}的规范表述为“{entry.canonical}”：“{wrong}”应为“{entry.items[i]}”。",
                    suggestion=f"改为“{entry.items[i]}”", replacement=entry.items[i], safe=False,
                )
        if "、" not in text:
            return
        by_tail, by_head = self.compiled[0], self.compiled[1]
        for raw in self._lists(text):
            before, after, etc = self._trim(text, raw, labels)
            items = self._split_last(raw)
            if any(i.start >= i.end for i in items):
                continue
            # explicit label (right before or right after the list)
            explicit = None
            announced = False  # the label comes first: the list starts right after it
            if before is not None and not before.marker:
                explicit, announced = before, True
            elif after is not None and not after.marker:
                explicit = after
            else:
                list_start = items[0].start
                for _ls, le, entry in labels:
                    if entry.marker or le > list_start:
                        continue
                    if _INTRO.fullmatch(text, le, list_start):
                        explicit, announced = entry, True
            if explicit is not None:
                matched = self._match(explicit, items, leading=not announced, trailing=False)
                problems = self._judge(explicit, matched, "explicit", etc)
                if problems:
                    yield self._report(ctx, block, explicit, matched, problems)
                continue
            # candidate entries: those whose forms the items match
            candidates: list[ListEntry] = []
            for item in items:
                t = item.text
                for e, form, _, _ in (*by_tail.get(t[-2:], ()), *by_head.get(t[:2], ())):
                    if e not in candidates and (t.endswith(form) or t.startswith(form)):
                        candidates.append(e)
            best = None
            for entry in candidates:
                near = any(
                    le <= items[0].start and items[0].start - le <= _NEAR
                    and not _SENTENCE_END.search(text, le, items[0].start)
                    for _ls, le, e in labels if e is entry
                )
                if not near and not entry.bare:
                    continue
                matched = self._match(entry, items, leading=True, trailing=True)
                problems = self._judge(entry, matched, "near" if near else "bare", etc)
                if problems:
                    score = sum(i.index is not None for i in matched)
                    if best is None or score > best[0]:
                        best = (score, entry, matched, problems)
            if best:
                yield self._report(ctx, block, best[1], best[2], best[3])


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


# ---------------------------------------------------------------------------
# T005: wrong or dated wordings of canonical formulations
# ---------------------------------------------------------------------------

_FULL_THOUGHT = "习近平新时代中国特色社会主义思想"
_SHORT_THOUGHT = "新时代中国特色社会主义思想"


@dataclass(frozen=True)
class _Variant:
    wrong: str
    right: str
    severity: Severity
    safe: bool
    why: str
    not_before: re.Pattern[str] | None = None


_VARIANTS = (
    _Variant("习总书记", "习近平总书记", Severity.WARNING, True,
             "“习总书记”是口语简称，公文应写全称“习近平总书记”"),
    _Variant("习近平总书记新时代中国特色社会主义思想", _FULL_THOUGHT, Severity.WARNING, True,
             "思想的名称是“习近平新时代中国特色社会主义思想”，中间不加“总书记”"),
    _Variant("习近平同志新时代中国特色社会主义思想", _FULL_THOUGHT, Severity.WARNING, True,
             "思想的名称是“习近平新时代中国特色社会主义思想”，中间不加“同志”"),
    _Variant("以习近平为核心的党中央", "以习近平同志为核心的党中央", Severity.WARNING, True,
             "固定表述为“以习近平同志为核心的党中央”"),
    _Variant("八项规定精神", "中央八项规定精神", Severity.INFO, False,
             "规范表述为“中央八项规定精神”（或“中央八项规定及其实施细则精神”）",
             re.compile(r"(中央|政治局|的|省委|市委|县委|区委|和|及|、)$")),
    _Variant("意识形态责任制", "意识形态工作责任制", Severity.INFO, False,
             "规范名称为“意识形态工作责任制”（《党委（党组）意识形态工作责任制实施办法》）"),
)
_VARIANT_BY_WRONG = {v.wrong: v for v in _VARIANTS}

#: label → (accepted verbs, verbs that belong to another label: reported)
_COLLOCATIONS = {
    "四个意识": (("增强", "树牢", "树立", "强化"), ("坚定", "做到", "践行", "领悟", "拥护")),
    "四个自信": (("坚定",), ("增强", "树牢", "树立", "做到", "践行", "领悟", "拥护")),
    "两个维护": (("做到", "践行"), ("增强", "树牢", "树立", "坚定", "领悟", "拥护")),
    "两个确立": (("拥护", "领悟"), ("做到", "践行", "增强", "树牢", "树立", "坚定", "维护")),
}
_COLLOCATION_RE = re.compile(
    "(" + "|".join(sorted({v for _, bad in _COLLOCATIONS.values() for v in bad}, key=len, reverse=True)) + ")"
    r"(“|\")?(" + "|".join(_COLLOCATIONS) + r")(?![”\"]?的)"
)
_TWO_MUSTS_HISTORY = re.compile(r"七届二中全会|西柏坡|毛泽东|1949|三个务必|赶考")
_T005_RE = re.compile(
    "(?P<variant>" + "|".join(re.escape(v.wrong) for v in sorted(_VARIANTS, key=lambda v: -len(v.wrong))) + ")"
    f"|(?P<short>{_SHORT_THOUGHT})"
    r"|(?P<musts>两个务必)"
    f"|(?P<colloc>{_COLLOCATION_RE.pattern})"
)
#: The 二十大 theme sentence uses the short form: "全面贯彻新时代中国特色社会主义思想，弘扬伟大建党精神".
_THEME_BEFORE = re.compile(r"(全面贯彻|高举中国特色社会主义伟大旗帜，全面贯彻)$")
_THEME_AFTER = re.compile(r"[，,]?\s*弘扬伟大建党精神")


class FormulationVariantRule(Rule):
    id = "T005"
    name = "formulation-variant"
    severity = Severity.WARNING
    scope = "document"
    summary = ("规范表述的不当写法（习总书记、未先用全称的“新时代中国特色社会主义思想”、两个务必、"
               "动词与“四个意识”等搭配不当）")
    explanation = (
        "党的重要论述有固定的名称和搭配，以中央文件的表述为准。“习总书记”是口语简称，应写“习近平总书记”；"
        "“以习近平为核心的党中央”应为“以习近平同志为核心的党中央”。一篇总结中第一次提到指导思想应写全称"
        "“习近平新时代中国特色社会主义思想”，此后（以及二十大报告主题句“全面贯彻新时代中国特色社会主义思想”）"
        "才可用简称。“两个务必”是1949年七届二中全会的提法，党的二十大提出“三个务必”，作为当前要求应写"
        "“三个务必”。固定搭配为：深刻领悟（坚决拥护）“两个确立”、增强（树牢）“四个意识”、坚定“四个自信”、"
        "做到（践行）“两个维护”，动词与对象错配（如“坚定‘四个意识’”“做到‘两个确立’”）时提示。"
        "“八项规定精神”宜写“中央八项规定精神”，“意识形态责任制”宜写“意识形态工作责任制”。"
        "简称、搭配、“两个务必”和后两项只作提示（info）。"
    )
    examples = (
        Example("认真学习贯彻习总书记重要讲话精神。", True),
        Example("认真学习贯彻习近平总书记重要讲话精神，深刻领悟“两个确立”的决定性意义，增强“四个意识”、"
                "坚定“四个自信”、做到“两个维护”。", False),
        Example("狠抓新时代中国特色社会主义思想教育。", True),
        Example("坚持以习近平新时代中国特色社会主义思想为指导。\n深入学习新时代中国特色社会主义思想。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        full_seen: dict[int, bool] = {}
        for block in ctx.text_blocks():
            summary = ctx.outline.summary_of(block.index).index
            text = block.text
            for m in _T005_RE.finditer(text):
                start, end = m.span()
                if m.group("variant"):
                    v = _VARIANT_BY_WRONG[m.group("variant")]
                    if v.not_before and v.not_before.search(text, max(0, start - 4), start):
                        continue
                    if _SHORT_THOUGHT in v.wrong:
                        full_seen[summary] = True
                    yield ctx.finding(
                        self, block.index, start, end, f"“{v.wrong}”应为“{v.right}”：{v.why}。",
                        suggestion=f"改为“{v.right}”", replacement=v.right, safe=v.safe, severity=v.severity,
                    )
                elif m.group("short"):
                    if text.startswith("习近平", max(0, start - 3)) and start >= 3:
                        full_seen[summary] = True
                        continue
                    if full_seen.get(summary):
                        continue
                    if _THEME_BEFORE.search(text, max(0, start - 30), start) or _THEME_AFTER.match(text, end):
                        continue
                    yield ctx.finding(
                        self, block.index, start, end,
                        f"本篇首次提到指导思想时应写全称“{_FULL_THOUGHT}”，此后才可用简称"
                        f"“{_SHORT_THOUGHT}”。",
                        suggestion=f"改为“{_FULL_THOUGHT}”", replacement=_FULL_THOUGHT, safe=False,
                        severity=Severity.INFO,
                    )
                elif m.group("musts"):
                    if _TWO_MUSTS_HISTORY.search(text):
                        continue
                    yield ctx.finding(
                        self, block.index, start, end,
                        "“两个务必”是1949年七届二中全会的提法；党的二十大提出“三个务必”（务必不忘初心、牢记使命，"
                        "务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争），作为当前要求应写“三个务必”。",
                        suggestion="改为“三个务必”", replacement="三个务必", safe=False, severity=Severity.INFO,
                    )
                else:
                    c = _COLLOCATION_RE.match(text, start)
                    verb, label = c.group(1), c.group(3)
                    good, bad = _COLLOCATIONS[label]
                    if verb not in bad:
                        continue
                    usual = "".join(f"“{v}‘{label}’”" for v in good)
                    yield ctx.finding(
                        self, block.index, start, start + len(verb),
                        f"“{verb}”与“{label}”搭配不当，规范搭配为{usual}。",
                        suggestion=f"改为“{good[0]}”", replacement=good[0], safe=False, severity=Severity.INFO,
                    )
            if _FULL_THOUGHT in text:
                full_seen[summary] = True


# ---------------------------------------------------------------------------
# T006: 的/地 in unambiguous patterns
# ---------------------------------------------------------------------------

#: Verbs after an adverbial reduplication (一项一项地抓好): verb + complement, never a modifier ...
_ADV_VERBS_FIRM = "抓好|抓实|抓出|抓紧|抓牢|抓细|抓住|落实好|落实到位|解决好|整改到位|做好|做实|干好|办好"
#: ... and verbs that can also modify a noun (一项一项的落实情况): checked with _NOUN_HEADS.
_ADV_VERBS = (
    "抓|落实|推进|推动|解决|整改|完成|办理|处理|化解|排查|核查|核实|梳理|清理|对照|检查|督办|销号|兑现|执行|履行|贯彻"
)
_NOUN_HEADS = (
    "情况|工作|任务|措施|事项|问题|清单|方案|结果|成效|效果|过程|进度|台账|机制|制度|责任|要求|能力|作用|"
    "组|站|员|表|单|点|室|队|人"
)
_REDUP_ADV = "认认真真|扎扎实实|踏踏实实|仔仔细细|老老实实|勤勤恳恳|兢兢业业|切切实实"
#: Verbs after 更好的 (更好地带动); 服务 only with an object (提供更好的服务 is a noun phrase).
_BETTER_VERBS = (
    "带动|推动|促进|满足|适应|融入|助力|惠及|维护|引导|赋能|统筹|激发|凝聚|调动|把握|贯彻|落实|履行|履职|服务于|"
    "服务(?=群众|人民|企业|基层|大局|中心|经济|社会|发展|党员|职工|乡村|居民)"
)
_BETTER_NOUNS = "作用|力|者|性|感|度|效应|效果|机制|模式|情况|工作|措施|方案|空间"
#: 更好的 is attributive after verbs that take a noun (得到更好的落实, 发挥更好的带动作用).
_NOMINAL_BEFORE = re.compile(
    r"(得到|获得|有|取得|实现|提供|带来|迎来|给予|给|受到|进行|寻求|追求|作出|做出|发挥|看到|见到|的|是|予以|以)$"
)
_ADJ_DE = "坚定|坚强|强烈|牢固|鲜明|正确|良好|浓厚|积极|崇高|远大|坚实|清醒|饱满|高昂|昂扬|端正|严谨|务实|优良"
_ADJ_NOUNS = (
    "(?:阵地|政治|大局|核心|看齐|责任|宗旨|担当|忧患|规矩|纪律|法治|服务|创新|安全|风险|底线|表率|奉献|集体)意识|"
    "政治立场|立场|理想信念|信念|意志|信心|态度|作风|氛围|觉悟|品格|品质|精神状态"
)
_T006_RE = re.compile(
    rf"(?P<redup>(?:一(?P<unit>[项件个条步笔])一(?P=unit)|{_REDUP_ADV})的)"
    rf"(?={_ADV_VERBS_FIRM}|(?>{_ADV_VERBS})(?!{_NOUN_HEADS}))"
    rf"|(?P<better>更好的)(?=(?>{_BETTER_VERBS})(?!{_BETTER_NOUNS})|发挥(?!空间|余地|平台|机会)|为[^，。；]{{1,8}}服务)"
    rf"|(?P<adj>(?:{_ADJ_DE})地)(?={_ADJ_NOUNS})"
)


class DeDiRule(Rule):
    id = "T006"
    name = "de-di-usage"
    severity = Severity.WARNING
    summary = "“的”“地”用错的明确情形（“一项一项的抓好”“更好的带动”应为“地”，“坚定地阵地意识”应为“的”）"
    explanation = (
        "状语后用“地”，定语后用“的”（《现代汉语词典》；GB/T 15834 之外的通行用法）。本规则只查不需要分词就能"
        "判断的情形：重叠式状语（一项一项、扎扎实实）或“更好”后紧跟动词（抓好、带动、推动、发挥……）时应为“地”，"
        "如“更好地带动”；形容词（坚定、强烈、牢固……）后紧跟名词（阵地意识、立场、信念、作风……）时应为“的”，"
        "如“坚定的阵地意识”。“提供更好的服务”“得到更好的落实”中“更好的”修饰名词，不报。"
    )
    examples = (
        Example("把每一条措施一项一项的抓好，更好的带动各项工作。", True),
        Example("把每一条措施一项一项地抓好，更好地带动各项工作，为群众提供更好的服务。", False),
        Example("树立坚定地阵地意识。", True),
        Example("树立坚定的阵地意识，坚定地站稳人民立场。", False),
    )

    def check(self, ctx: Context) -> Iterable[Finding]:
        for block in ctx.text_blocks():
            text = block.text
            for m in _T006_RE.finditer(text):
                start, end = m.span()
                if _NOMINAL_BEFORE.search(text, max(0, start - 4), start) and not m.group("adj"):
                    continue
                if m.group("redup"):
                    right = m.group("redup")[:-1] + "地"
                    why = "重叠式状语修饰动词，用“地”"
                elif m.group("better"):
                    right = "更好地"
                    why = "“更好”作状语修饰后面的动词，用“地”"
                else:
                    right = m.group("adj")[:-1] + "的"
                    why = "形容词作定语修饰后面的名词，用“的”"
                yield ctx.finding(
                    self, block.index, start, end, f"“{text[start:end]}”应为“{right}”（{why}）。",
                    suggestion=f"改为“{right}”", replacement=right, safe=False,
                )


KINDS = [FormulationListRule]
RULES: list = [FormulationVariantRule, DeDiRule]
