"""T002: a canonical term written with one error (漏字、多字、字序颠倒、同音字、形近字).

The terms are data (``rules/canonical_terms.toml``).  A variant of a term is a string
one error away from it: a character dropped, a character doubled, two adjacent
characters swapped, or one character replaced by a same-sound or similar-shape
character (``data/similar_chars.tsv``).  ``variants`` enumerates them; the build script
(``scripts/build_char_tables.py``) runs every variant past jieba's dictionary and
records the ones that are correct text of their own (blocked) or only next to certain
characters (``data/nearmiss_filter.tsv``, ``data/nearmiss_words.txt``).

At run time nothing is enumerated: one regex pass per paragraph finds the anchors
(every variant keeps its term's first two or last two characters), and the few
windows there are compared with the term by ``one_error``, which accepts exactly the
strings ``variants`` generates (the tests check both on every variant).  The data
files are read only when a window is one error from a term.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from summarylint.checks.base import Context, RuleKind
from summarylint.model import Finding

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SIMILAR_CHARS = DATA_DIR / "similar_chars.tsv"
NEARMISS_FILTER = DATA_DIR / "nearmiss_filter.tsv"
NEARMISS_WORDS = DATA_DIR / "nearmiss_words.txt"

#: Terms shorter than this have too many legitimate near neighbours.
MIN_LENGTH = 4


def _is_han(char: str) -> bool:
    # A comparison, not a regex: compiling [\u3400-\u9fff] costs ~2 ms at import.
    return "\u3400" <= char <= "\u9fff"


DROPPED, DOUBLED, SWAPPED, SOUND, SHAPE = "漏字", "多字", "字序颠倒", "同音字", "形近字"


def variants(term: str, similar: dict[str, tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(variant, error type) for every string one error away from ``term``.

    A string reachable in several ways is given once, with the first type in the
    order dropped, doubled, swapped, same sound, similar shape."""
    seen = {term}

    def new(v: str) -> bool:
        if v in seen:
            return False
        seen.add(v)
        return True

    n = len(term)
    for i in range(n):
        v = term[:i] + term[i + 1 :]
        if new(v):
            yield v, DROPPED
    for i in range(n):
        v = term[: i + 1] + term[i:]
        if new(v):
            yield v, DOUBLED
    for i in range(n - 1):
        v = term[:i] + term[i + 1] + term[i] + term[i + 2 :]
        if new(v):
            yield v, SWAPPED
    for kind, column in ((SOUND, 0), (SHAPE, 1)):
        for i, char in enumerate(term):
            for sub in similar.get(char, ("", ""))[column]:
                v = term[:i] + sub + term[i + 1 :]
                if new(v):
                    yield v, kind


def terms_digest(terms: Iterable[str]) -> str:
    """Identifies a term list; the filter table records the list it was built for."""
    import hashlib  # only the build script and the staleness check need it

    return hashlib.sha256("\n".join(sorted(set(terms))).encode("utf-8")).hexdigest()[:16]


def _data_lines(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _header(path: Path, key: str) -> str | None:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                return None
            if line.startswith(f"# {key}:"):
                return line.split(":", 1)[1].strip()
    return None


@cache
def load_similar(path: Path = SIMILAR_CHARS) -> dict[str, tuple[str, str]]:
    """char → (same-sound characters, similar-shape characters)."""
    table = {}
    for row in _data_lines(path):
        row += ["", ""]
        table[row[0]] = (row[1], row[2])
    return table


def one_error(window: str, term: str, similar: dict[str, tuple[str, str]]) -> str | None:
    """The error type if ``window`` is one of ``variants(term)``, "" if it is the term.

    Agrees with ``variants`` (same types, same order of preference) without
    enumerating them: the tests check this on every generated variant."""
    n, m = len(term), len(window)
    if abs(n - m) > 1:
        return None
    limit = min(n, m)
    a = 0
    while a < limit and window[a] == term[a]:
        a += 1
    b = 0
    while b < limit - a and window[m - 1 - b] == term[n - 1 - b]:
        b += 1
    if m == n:
        if a == n:
            return ""
        if a + b == n - 1:
            sound, shape = similar.get(term[a], ("", ""))
            char = window[a]
            return SOUND if char in sound else SHAPE if char in shape else None
        if a + b == n - 2 and window[a] == term[a + 1] and window[a + 1] == term[a]:
            return SWAPPED
        return None
    if m == n - 1:
        return DROPPED if a + b == m else None
    if a + b == n:  # one character inserted at some k in [n - b, a]
        for k in range(n - b, a + 1):
            if (k > 0 and window[k] == term[k - 1]) or (k < n and window[k] == term[k]):
                return DOUBLED
    return None


class Filter(NamedTuple):
    """What the build script learnt from jieba's dictionary about the variants.

    ``blocked``: variants that are words or strings of words (correct text).
    ``left`` / ``right``: variants whose first (last) character may belong to a word
    with the preceding (following) character; ``both``: only when both happen.
    The two-character words for those checks are in ``load_words()``."""

    blocked: frozenset[str]
    left: frozenset[str]
    right: frozenset[str]
    both: frozenset[str]
    digest: str | None


@cache
def load_filter(path: Path = NEARMISS_FILTER) -> Filter:
    sets: dict[str, set[str]] = {"block": set(), "L": set(), "R": set(), "LR": set()}
    for variant, flag in _data_lines(path):
        sets[flag].add(variant)
    return Filter(
        frozenset(sets["block"]), frozenset(sets["L"]), frozenset(sets["R"]), frozenset(sets["LR"]),
        _header(path, "terms"),
    )


@cache
def load_words(path: Path = NEARMISS_WORDS) -> frozenset[str]:
    """Two-character words that excuse a flagged variant next to them (一贯|落实)."""
    text = path.read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


@cache
def t001_rule():
    """The T001 misspelling pack (rules/terms.toml), or None where it is absent.

    T002 and T003 leave every span that T001 reports (and every string that contains
    a T001 wrong form) to T001: one typo, one finding, with the pack's phrase fix.
    Loaded only when a candidate is found (parsing the pack costs ~20 ms)."""
    from summarylint.checks.terms import TermsRule
    from summarylint.resources import data_dir

    path = data_dir("rules") / "terms.toml"
    if not path.is_file():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rule = TermsRule(data["pack"], str(path))
    rule.add_pack({}, data.get("entry", []), str(path))
    return rule


def _t001_wrongs() -> re.Pattern[str] | None:
    return _wrong_forms(t001_rule())


_WRONG_FORMS: dict[tuple[int, int], re.Pattern[str]] = {}


def _wrong_forms(rule) -> re.Pattern[str] | None:
    """One pattern of every wrong form of the T001 rule (rebuilt when a pack extends it)."""
    if rule is None or not rule.entries:
        return None
    key = (id(rule), len(rule.entries))
    if key not in _WRONG_FORMS:
        wrongs = sorted({e.wrong for e in rule.entries}, key=len, reverse=True)
        _WRONG_FORMS[key] = re.compile("|".join(map(re.escape, wrongs)))
    return _WRONG_FORMS[key]


class Match(NamedTuple):
    start: int
    end: int
    text: str
    term: str
    kind: str
    #: The term's first or last character is missing and a Chinese character stands in
    #: its place (领导班予): dropped, or written wrong with a character outside the
    #: confusion table.  The span then includes that character and there is no fix.
    unsure: str = ""


class NearMissRule(RuleKind):
    """Canonical terms from rule packs, found with at most one error.

    Every one-error variant of a term of ≥ 4 characters keeps the term's first two
    characters at its start or its last two at its end (a swap in the middle of a
    4-character term keeps t[0]t[2]; that bigram is added).  A single regex finds those
    anchors; windows of length n-1, n, n+1 at each anchor are compared with the term
    (``one_error``).  Nothing is enumerated at run time and the data files are read
    only when there is something to decide."""

    kind = "nearmiss"

    def __init__(self, header: dict[str, Any], source: str) -> None:
        #: term → (exclude contexts, skipped variants, note)
        self.terms: dict[str, tuple[tuple[str, ...], frozenset[str], str]] = {}
        self._anchors: tuple[re.Pattern[str], dict[str, list[str]], dict[str, list[str]]] | None = None
        super().__init__(header, source)

    def add_entry(self, entry: dict[str, Any], where: str) -> None:
        unknown = set(entry) - {"term", "terms", "exclude", "skip", "note", "source"}
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        if ("term" in entry) == ("terms" in entry):
            raise ValueError(f"{where}: give either 'term' or 'terms'")
        terms = [entry["term"]] if "term" in entry else entry["terms"]
        if not isinstance(terms, list) or not terms:
            raise ValueError(f"{where}: 'terms' must be a non-empty list of strings")
        excludes = tuple(entry.get("exclude", ()))
        skip = frozenset(entry.get("skip", ()))
        if "terms" in entry and (excludes or skip):
            raise ValueError(f"{where}: 'exclude' and 'skip' belong to a single 'term'")
        for term in terms:
            if not isinstance(term, str) or len(term) < MIN_LENGTH or not all(map(_is_han, term)):
                raise ValueError(f"{where}: {term!r} is not a term of at least {MIN_LENGTH} Chinese characters")
            if term in self.terms:
                raise ValueError(f"{where}: {term} is listed twice")
            self.terms[term] = (excludes, skip, str(entry.get("note", "")))
        self._anchors = None

    def all_variants(self, similar: dict[str, tuple[str, str]] | None = None) -> dict[str, tuple[str, str]]:
        """variant → (term, error type) for every term (for the build script and tests).

        Left out, as at run time: the terms themselves, variants of two different
        terms (ambiguous) and variants listed in a term's ``skip``."""
        similar = load_similar() if similar is None else similar
        found: dict[str, tuple[str, str]] = {}
        ambiguous: set[str] = set()
        for term, (_, skip, _) in self.terms.items():
            for v, kind in variants(term, similar):
                if v in self.terms or v in skip:
                    continue
                if v in found and found[v][0] != term:
                    ambiguous.add(v)
                found.setdefault(v, (term, kind))
        return {v: tk for v, tk in found.items() if v not in ambiguous}

    @property
    def anchors(self) -> tuple[re.Pattern[str], dict[str, list[str]], dict[str, list[str]]]:
        """(finder of likely anchors, head bigram → terms, tail bigram → terms)."""
        if self._anchors is None:
            heads: dict[str, list[str]] = {}
            tails: dict[str, list[str]] = {}
            for term in self.terms:
                heads.setdefault(term[:2], []).append(term)
                if len(term) == MIN_LENGTH:  # 意形识态 keeps neither end: anchor on 意形
                    heads.setdefault(term[0] + term[2], []).append(term)
                tails.setdefault(term[-2:], []).append(term)
            keys = set(heads) | set(tails)
            firsts = "".join(sorted({k[0] for k in keys}))
            seconds = "".join(sorted({k[1] for k in keys}))
            finder = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])") if keys else re.compile("(?!)")
            self._anchors = (finder, heads, tails)
        return self._anchors

    def stale(self) -> bool:
        """True when data/nearmiss_filter.tsv was built for another term list."""
        return load_filter().digest != terms_digest(self.terms)

    def _windows(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Spans that may hold a term with at most one error (cheap necessary tests)."""
        finder, heads, tails = self.anchors
        size = len(text)
        for m in finder.finditer(text):
            i = m.start()
            key = text[i : i + 2]
            for t in heads.get(key, ()):
                n = len(t)
                if text.startswith(t, i):
                    yield i, i + n, t
                    if text[i + n : i + n + 1] == t[-1]:
                        yield i, i + n + 1, t  # 意识形态态
                    continue
                # the window keeps t[:2] (or t[0]t[2]); its far end must still fit
                if i + n <= size and (text[i + n - 1] == t[-1] or text[i + n - 2] == t[-2]
                                      or text[i + n - 1] == t[-2]):
                    yield i, i + n, t
                if i + n - 1 <= size and text[i + n - 2] in (t[-1], t[-2]):
                    yield i, i + n - 1, t
                if i + n + 1 <= size and text[i + n] == t[-1]:
                    yield i, i + n + 1, t
            for t in tails.get(key, ()):
                n = len(t)
                end = i + 2
                start = end - n
                if start >= 0 and text.startswith(t, start):
                    if start > 0 and text[start - 1] == t[0]:
                        yield start - 1, end, t  # 意意识形态
                    continue  # the exact occurrence itself comes from its head
                if start >= 0 and (text[start] == t[0] or text[start + 1] == t[1] or text[start] == t[1]):
                    yield start, end, t
                if start + 1 >= 0 and text[start + 1] in (t[0], t[1]):
                    yield start + 1, end, t
                if start - 1 >= 0 and text[start - 1] == t[0]:
                    yield start - 1, end, t

    def matches(self, text: str, t001=None) -> list[Match]:
        """Near-misses in ``text``; ``t001`` is the loaded T001 rule (the engine passes it,
        with any user pack extending it), else the built-in pack is read."""
        """Leftmost-longest, non-overlapping near misses that pass the context checks."""
        exact: list[tuple[int, int]] = []
        found: dict[tuple[int, int], dict[str, str]] = {}
        similar = None
        for start, end, term in self._windows(text):
            window = text[start:end]
            if window == term:
                exact.append((start, end))
                continue
            if similar is None:
                similar = load_similar()
            kind = one_error(window, term, similar)
            if kind:
                found.setdefault((start, end), {})[term] = kind
        if not found:
            return []
        flt = load_filter()
        candidates: list[Match] = []
        #: spans that hide what lies inside them: (start, end, term or None for any term)
        covering: list[tuple[int, int, str | None]] = [(s, e, None) for s, e in exact]
        for (start, end), by_term in found.items():
            if len(by_term) != 1:
                covering.append((start, end, None))
                continue  # one error away from two terms: ambiguous
            ((term, kind),) = by_term.items()
            window = text[start:end]
            excludes, skip, _ = self.terms[term]
            left = right = False
            if window in flt.left or window in flt.right or window in flt.both:
                words = load_words()
                left = start > 0 and text[start - 1] + window[0] in words
                right = end < len(text) and window[-1] + text[end] in words
            if (window in flt.blocked or window in skip or window in self.terms
                    or (left and window in flt.left) or (right and window in flt.right)
                    or (left and right and window in flt.both)
                    or (excludes and _inside_any(text, start, end, excludes))):
                covering.append((start, end, term))  # one error away, but correct text here
                continue
            candidates.append(Match(start, end, window, term, kind))
        # Not inside a correct occurrence (意识形 in 意识形态), nor inside a longer
        # string that is one error from the same term and was let pass (五位一 in 五位一题).
        candidates = [
            c for c in candidates
            if not any(a <= c.start and c.end <= b and (a, b) != (c.start, c.end) and t in (None, c.term)
                       for a, b, t in covering)
        ]
        if not candidates:
            return []
        # 久为功 inside 九久为功: the longer string explains the error better, before widening.
        candidates = [
            _widen(text, c) for c in candidates
            if not any(o.start <= c.start and c.end <= o.end and o is not c for o in candidates)
        ]
        if t001 is None:
            t001 = t001_rule()
        owned_strings = _wrong_forms(t001)
        if owned_strings is not None:
            candidates = [c for c in candidates if not owned_strings.search(c.text)]
        if t001 is not None and candidates:
            owned = [(s, e) for s, e, _ in t001.matches(text)]
            candidates = [c for c in candidates if not any(c.start < e and s < c.end for s, e in owned)]
        candidates.sort(key=lambda c: (c.start, c.start - c.end, bool(c.unsure)))
        chosen: list[Match] = []
        last_end = -1
        for c in candidates:
            if c.start >= last_end:
                chosen.append(c)
                last_end = c.end
        return chosen

    def check(self, ctx: Context) -> Iterable[Finding]:
        t001 = ctx.rules.get("T001")
        for block in ctx.text_blocks():
            for m in self.matches(block.text, t001):
                if m.unsure:
                    missing = m.term[-1] if m.text.startswith(m.term[:-1]) else m.term[0]
                    yield ctx.finding(
                        self, block.index, m.start, m.end,
                        f"“{m.text}”疑为“{m.term}”之误（漏“{missing}”字，或“{m.unsure}”为“{missing}”之误）。",
                        suggestion=f"核对后改为“{m.term}”",
                    )
                    continue
                yield ctx.finding(
                    self,
                    block.index,
                    m.start,
                    m.end,
                    f"“{m.text}”疑为“{m.term}”之误（{m.kind}）。",
                    suggestion=f"改为“{m.term}”",
                    replacement=m.term,
                    safe=False,
                )


def _widen(text: str, m: Match) -> Match:
    """Take in the neighbour of a dropped first or last character when it is a Chinese
    character: 领导班予 may be 领导班子 with 子 dropped or with 子 written 予."""
    if m.kind != DROPPED:
        return m
    if m.text == m.term[:-1] and m.end < len(text) and _is_han(text[m.end]):
        return Match(m.start, m.end + 1, text[m.start : m.end + 1], m.term, m.kind, text[m.end])
    if m.text == m.term[1:] and m.start > 0 and _is_han(text[m.start - 1]):
        return Match(m.start - 1, m.end, text[m.start - 1 : m.end], m.term, m.kind, text[m.start - 1])
    return m


def _inside_any(text: str, start: int, end: int, contexts: tuple[str, ...]) -> bool:
    """Whether [start, end) lies inside an occurrence of one of ``contexts``."""
    for context in contexts:
        lo = max(0, end - len(context))
        for s in range(lo, start + 1):
            if text.startswith(context, s):
                return True
    return False


RULES: list = []
KINDS = [NearMissRule]
