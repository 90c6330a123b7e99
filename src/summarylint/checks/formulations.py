"""T: canonical political formulations (规范表述) and unambiguous 的/地 misuse.

All three are rule kinds; their data are in rule packs, each entry with the sentences it
must and must not report (``tests/checks/test_formulations.py`` runs them):

* T004 ``formulation-list`` (``rules/formulations.toml``): lists such as “四个意识”、
  社会主义核心价值观、守土有责… compared item by item with the canonical list.
* T005 ``formulation-variant`` (``rules/formulation_variants.toml``): known wrong or dated
  wordings (习总书记, 两个务必), a short form (新时代中国特色社会主义思想) before any full
  mention, verb + label mismatches (坚定“四个意识”).
* T006 ``de-di-usage`` (``rules/de_di.toml``): 的/地 in a few patterns that need no parser
  (一项一项的抓好, 更好的带动, 坚定地阵地意识); the pack gives the word lists.

Each kind compiles its patterns on first use; each paragraph is scanned once per rule.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from summarylint.checks.base import Context, RuleKind
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
# Shared helpers for the pack entries of T005 and T006
# ---------------------------------------------------------------------------


def _check_keys(entry: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"{where}: '{key}' {'is required and ' if required else ''}must be a non-empty string")
    return value


def _words(entry: dict[str, Any], key: str, where: str, *, required: bool = False) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value) or (required and not value):
        raise ValueError(f"{where}: '{key}' must be a {'non-empty ' if required else ''}list of non-empty strings")
    return tuple(value)


def _pattern(entry: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: '{key}' must be a string")
    return _compile(value, key, where)


def _compile(value: str, key: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except re.error as exc:
        raise ValueError(f"{where}: '{key}' is not a valid regular expression: {exc}") from None


def _severity(entry: dict[str, Any], where: str, default: str) -> Severity:
    try:
        return Severity.parse(str(entry.get("severity", default)))
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so that an atomic group or the
    first matching alternative takes the longest word); never matches when empty."""
    words = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "|".join(map(re.escape, words)) if words else "(?!)"


# ---------------------------------------------------------------------------
# T005: wrong or dated wordings of canonical formulations (rules/formulation_variants.toml)
# ---------------------------------------------------------------------------

#: How many characters before a variant, and before a short form, ``not_before`` looks at.
_VARIANT_LOOKBEHIND = 4
_SHORT_LOOKBEHIND = 30


@dataclass(frozen=True)
class VariantEntry:
    """A wrong or dated wording, reported wherever its guards allow."""

    wrong: str
    right: str
    severity: Severity
    safe: bool
    #: Why (the message is “wrong”应为“right”：why。) ...
    why: str
    #: ... or the whole message.
    message: str
    #: re.search on the ``_VARIANT_LOOKBEHIND`` characters before the match
    not_before: re.Pattern[str] | None
    #: Not reported in a paragraph that mentions any of these (history: 七届二中全会, 西柏坡)
    not_in_paragraph: tuple[str, ...]
    note: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.wrong


@dataclass(frozen=True)
class ShortFormEntry:
    """A name that must be written in full at its first mention in a summary."""

    short: str
    full: str
    #: What the message calls it (指导思想)
    name: str
    severity: Severity
    #: re.search on the ``_SHORT_LOOKBEHIND`` characters before / re.match right after the
    #: short form: where the short form is the canonical wording (二十大报告主题句)
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    note: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.short

    @property
    def prefix(self) -> str:
        """What the full name adds before the short one (习近平)."""
        return self.full[: len(self.full) - len(self.short)]


@dataclass(frozen=True)
class CollocationEntry:
    """A label with the verbs it takes, and verbs that belong to other labels."""

    label: str
    #: Accepted verbs; the first one is suggested.
    verbs: tuple[str, ...]
    #: Verbs reported before this label.
    wrong_verbs: tuple[str, ...]
    severity: Severity
    note: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.label


class FormulationVariantRule(RuleKind):
    """Wrong or dated wordings: literal variants (习总书记, 两个务必), short forms before
    any full mention (新时代中国特色社会主义思想), verb and label mismatches (坚定“四个意识”).

    A later entry with the same ``wrong``, ``short`` or ``label`` replaces an earlier one
    (a user pack extending T005 may so change a built-in entry)."""

    kind = "formulation-variant"
    scope = "document"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.variants: dict[str, VariantEntry] = {}
        self.short_forms: dict[str, ShortFormEntry] = {}
        self.collocations: dict[str, CollocationEntry] = {}
        self._compiled: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        super().__init__(header, source)

    @property
    def entries(self) -> list[VariantEntry | ShortFormEntry | CollocationEntry]:
        return [*self.variants.values(), *self.short_forms.values(), *self.collocations.values()]

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        shapes = [key for key in ("wrong", "short", "label") if key in entry]
        if len(shapes) != 1:
            raise ValueError(f"{where}: an entry needs exactly one of 'wrong' (variant), 'short' (short form) "
                             "or 'label' (collocation)")
        common = {"severity", "note", "fail", "pass", "source"}
        fail, passes = _words(entry, "fail", where), _words(entry, "pass", where)
        if shapes == ["wrong"]:
            _check_keys(entry, common | {"wrong", "right", "safe", "why", "message", "not_before",
                                         "not_in_paragraph"}, where)
            if not entry.get("why") and not entry.get("message"):
                raise ValueError(f"{where}: a variant needs 'why' or 'message'")
            variant = VariantEntry(
                wrong=_text(entry, "wrong", where, required=True),
                right=_text(entry, "right", where, required=True),
                severity=_severity(entry, where, "warning"),
                safe=bool(entry.get("safe", False)),
                why=_text(entry, "why", where),
                message=_text(entry, "message", where),
                not_before=_pattern(entry, "not_before", where),
                not_in_paragraph=_words(entry, "not_in_paragraph", where),
                note=_text(entry, "note", where),
                fail=fail,
                passes=passes,
            )
            self.variants.pop(variant.wrong, None)
            self.variants[variant.wrong] = variant
        elif shapes == ["short"]:
            _check_keys(entry, common | {"short", "full", "name", "not_before", "not_after"}, where)
            short_form = ShortFormEntry(
                short=_text(entry, "short", where, required=True),
                full=_text(entry, "full", where, required=True),
                name=_text(entry, "name", where, required=True),
                severity=_severity(entry, where, "info"),
                not_before=_pattern(entry, "not_before", where),
                not_after=_pattern(entry, "not_after", where),
                note=_text(entry, "note", where),
                fail=fail,
                passes=passes,
            )
            if short_form.full == short_form.short or not short_form.full.endswith(short_form.short):
                raise ValueError(f"{where}: 'full' must end with 'short' and be longer")
            self.short_forms.pop(short_form.short, None)
            self.short_forms[short_form.short] = short_form
        else:
            _check_keys(entry, common | {"label", "verbs", "wrong_verbs"}, where)
            collocation = CollocationEntry(
                label=_text(entry, "label", where, required=True),
                verbs=_words(entry, "verbs", where, required=True),
                wrong_verbs=_words(entry, "wrong_verbs", where, required=True),
                severity=_severity(entry, where, "info"),
                note=_text(entry, "note", where),
                fail=fail,
                passes=passes,
            )
            both = set(collocation.verbs) & set(collocation.wrong_verbs)
            if both:
                raise ValueError(f"{where}: {', '.join(sorted(both))} both in 'verbs' and 'wrong_verbs'")
            self.collocations.pop(collocation.label, None)
            self.collocations[collocation.label] = collocation
        self._compiled = None

    @property
    def compiled(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(finder, collocation pattern), built on first use."""
        if self._compiled is None:
            wrong_verbs = [v for c in self.collocations.values() for v in c.wrong_verbs]
            # verb, optional opening quote, label; not when the label qualifies a noun (“四个意识”的)
            colloc = f"({_alt(wrong_verbs)})(“|\")?({_alt(self.collocations)})(?![”\"]?的)"
            finder = re.compile(
                f"(?P<variant>{_alt(self.variants)})"
                f"|(?P<short>{_alt(self.short_forms)})"
                f"|(?P<colloc>{colloc})"
            )
            self._compiled = (finder, re.compile(colloc))
        return self._compiled

    def check(self, ctx: Context) -> Iterable[Finding]:
        finder, colloc_re = self.compiled
        #: (summary, short form) → the full name was written before
        full_seen: set[tuple[int, str]] = set()
        for block in ctx.text_blocks():
            summary = ctx.outline.summary_of(block.index).index
            text = block.text
            for m in finder.finditer(text):
                start, end = m.span()
                if m.group("variant"):
                    v = self.variants[m.group("variant")]
                    if v.not_before and v.not_before.search(text, max(0, start - _VARIANT_LOOKBEHIND), start):
                        continue
                    if any(word in text for word in v.not_in_paragraph):
                        continue
                    full_seen.update((summary, s) for s in self.short_forms if s in v.wrong)
                    yield ctx.finding(
                        self, block.index, start, end, v.message or f"“{v.wrong}”应为“{v.right}”：{v.why}。",
                        suggestion=f"改为“{v.right}”", replacement=v.right, safe=v.safe, severity=v.severity,
                    )
                elif m.group("short"):
                    s = self.short_forms[m.group("short")]
                    prefix = s.prefix
                    if start >= len(prefix) and text.startswith(prefix, start - len(prefix)):
                        full_seen.add((summary, s.short))
                        continue
                    if (summary, s.short) in full_seen:
                        continue
                    if (s.not_before and s.not_before.search(text, max(0, start - _SHORT_LOOKBEHIND), start)) or (
                        s.not_after and s.not_after.match(text, end)
                    ):
                        continue
                    yield ctx.finding(
                        self, block.index, start, end,
                        f"本篇首次提到{s.name}时应写全称“{s.full}”，此后才可用简称“{s.short}”。",
                        suggestion=f"改为“{s.full}”", replacement=s.full, safe=False, severity=s.severity,
                    )
                else:
                    c = colloc_re.match(text, start)
                    verb, label = c.group(1), c.group(3)
                    entry = self.collocations[label]
                    if verb not in entry.wrong_verbs:
                        continue
                    usual = "".join(f"“{v}‘{label}’”" for v in entry.verbs)
                    yield ctx.finding(
                        self, block.index, start, start + len(verb),
                        f"“{verb}”与“{label}”搭配不当，规范搭配为{usual}。",
                        suggestion=f"改为“{entry.verbs[0]}”", replacement=entry.verbs[0], safe=False,
                        severity=entry.severity,
                    )
            full_seen.update((summary, s.short) for s in self.short_forms.values() if s.full in text)


# ---------------------------------------------------------------------------
# T006: 的/地 in unambiguous patterns (rules/de_di.toml)
# ---------------------------------------------------------------------------

#: How far before a match the ``nominal-before`` words are looked for.
_NOMINAL_LOOKBEHIND = 4

#: Each entry of rules/de_di.toml gives words in one of these roles.
DE_DI_ROLES = {
    # 一项一项的抓好 / 扎扎实实的推进 → 地
    "reduplicated-adverb": "重叠式状语（扎扎实实）：其后紧跟动词时“的”应为“地”",
    "measure-word": "“一X一X”中的量词 X（一项一项）：其后紧跟动词时“的”应为“地”",
    "verb-with-complement": "动补式动词（抓好、落实到位）：接在重叠式状语后总是动词",
    "verb": "动词（落实、推进）：接在重叠式状语后，除非后面跟着名词中心语",
    "noun-head": "名词中心语（情况、清单、组）：“一项一项的落实情况”是名词短语，不报",
    # 更好的带动 → 更好地
    "better-verb": "“更好”后面的动词（带动、推动）；followed_by：只在其后接这些词时；"
                   "not_followed_by：其后不是这些词时（代替 better-noun）",
    "better-noun": "名词性成分（作用、力、机制）：“更好的带动作用”是名词短语，不报",
    "better-frame": "“更好”后面的格式（正则表达式，如“为……服务”）",
    # 得到更好的落实 / 是一项一项的…… (both 地 patterns)
    "nominal-before": "其后“更好的……”“一项一项的……”作宾语或定语的词（得到、提供、是）",
    # 坚定地阵地意识 → 的
    "adjective": "形容词（坚定、牢固）：其后紧跟名词时“地”应为“的”",
    "adjective-noun": "名词（阵地意识、立场、作风）：接在“形容词+地”后时应为“的”",
}


@dataclass(frozen=True)
class DeDiEntry:
    role: str
    words: tuple[str, ...]
    #: better-verb only: the verb counts only before one of these (服务群众 but 更好的服务)
    followed_by: tuple[str, ...]
    #: better-verb only: the verb counts unless one of these follows (instead of better-noun)
    not_followed_by: tuple[str, ...]
    note: str
    fail: tuple[str, ...]
    passes: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.role}:{self.words[0]}"


class DeDiRule(RuleKind):
    """的/地 where the neighbouring words decide (word lists in rules/de_di.toml)."""

    kind = "de-di-usage"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        self.entries: list[DeDiEntry] = []
        self._compiled: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        super().__init__(header, source)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        _check_keys(entry, {"role", "words", "followed_by", "not_followed_by", "note", "fail", "pass", "source"},
                    where)
        role = entry.get("role")
        if role not in DE_DI_ROLES:
            raise ValueError(f"{where}: 'role' must be one of {', '.join(DE_DI_ROLES)}")
        item = DeDiEntry(
            role=role,
            words=_words(entry, "words", where, required=True),
            followed_by=_words(entry, "followed_by", where),
            not_followed_by=_words(entry, "not_followed_by", where),
            note=_text(entry, "note", where),
            fail=_words(entry, "fail", where),
            passes=_words(entry, "pass", where),
        )
        if (item.followed_by or item.not_followed_by) and role != "better-verb":
            raise ValueError(f"{where}: 'followed_by' and 'not_followed_by' are for role better-verb only")
        if item.followed_by and item.not_followed_by:
            raise ValueError(f"{where}: 'followed_by' and 'not_followed_by' cannot be combined")
        if role == "better-frame":  # its words are regular expressions
            for word in item.words:
                _compile(word, "words", where)
        self.entries.append(item)
        self._compiled = None

    def words(self, role: str) -> list[str]:
        return [w for e in self.entries if e.role == role for w in e.words]

    @property
    def compiled(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(finder, nominal-before pattern), built on first use."""
        if self._compiled is None:
            w = self.words
            plain = [(word, e.followed_by) for e in self.entries if e.role == "better-verb" and not e.not_followed_by
                     for word in e.words]
            plain.sort(key=lambda p: len(p[0]), reverse=True)
            better = "|".join(re.escape(word) + (f"(?={_alt(after)})" if after else "") for word, after in plain)
            branches = [f"(?>{better})(?!{_alt(w('better-noun'))})"] if better else []
            branches += [f"{re.escape(word)}(?!{_alt(e.not_followed_by)})" for e in self.entries
                         if e.role == "better-verb" and e.not_followed_by for word in e.words]
            branches += [f"(?:{frame})" for frame in w("better-frame")]
            finder = re.compile(
                rf"(?P<redup>(?:一(?P<unit>{_alt(w('measure-word'))})一(?P=unit)|{_alt(w('reduplicated-adverb'))})的)"
                rf"(?={_alt(w('verb-with-complement'))}|(?>{_alt(w('verb'))})(?!{_alt(w('noun-head'))}))"
                rf"|(?P<better>更好的)(?={'|'.join(branches) or '(?!)'})"
                rf"|(?P<adj>(?:{_alt(w('adjective'))})地)(?={_alt(w('adjective-noun'))})"
            )
            self._compiled = (finder, re.compile(f"(?:{_alt(w('nominal-before'))})$"))
        return self._compiled

    def check(self, ctx: Context) -> Iterable[Finding]:
        finder, nominal_before = self.compiled
        for block in ctx.text_blocks():
            text = block.text
            for m in finder.finditer(text):
                start, end = m.span()
                if not m.group("adj") and nominal_before.search(text, max(0, start - _NOMINAL_LOOKBEHIND), start):
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


KINDS = [FormulationListRule, FormulationVariantRule, DeDiRule]
