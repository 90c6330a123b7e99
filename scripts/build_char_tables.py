"""Build the character tables that T002 (near-miss terms) and T003 (traditional characters) read.

    pip install pypinyin==0.55.0 opencc-python-reimplemented==0.1.7 jieba==0.42.1
    pip download --no-deps -d /tmp/pkgs pycorrector==1.1.4
    python scripts/build_char_tables.py --pycorrector /tmp/pkgs/pycorrector-1.1.4-py3-none-any.whl \
        [--odw ../shared/data/ecspell/odw.train]

Writes, under src/summarylint/data/ (package data, read at run time without any of the
packages above):

- ``similar_chars.tsv``: for every character of the terms in rules/canonical_terms.toml,
  its same-sound characters (pypinyin, MIT: toneless reading of the character in the term,
  against the readings of the 3,755 level-1 characters of GB 2312) and its similar-shape
  characters (pycorrector's same_stroke.txt, Apache-2.0, plus the hand-checked pairs in
  ``HAND_SHAPES``), restricted to GB 2312 characters.
- ``nearmiss_filter.tsv``: what jieba's dictionary (MIT) says about each variant T002
  generates: ``block`` (a word, part of a word, or a string of words: correct text),
  ``L`` / ``R`` / ``LR`` (only a word together with the neighbouring character, checked
  at run time); ``nearmiss_words.txt``: the two-character words those checks need.  With
  ``--odw``, variants found on the correct (target) side of ECSpell odw are blocked too
  (the typo side is never read).
- ``t2s_chars.tsv``: OpenCC's traditional→simplified character table
  (opencc-python-reimplemented's TSCharacters.txt, Apache-2.0), only characters that
  are not valid simplified characters (see ``is_traditional``).

Run it again after editing rules/canonical_terms.toml (the tests check that the filter
was built for the current term list).  ``--check`` only reports whether the tables are
current.
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from summarylint.checks.nearmiss import (  # noqa: E402
    NEARMISS_FILTER,
    NEARMISS_WORDS,
    SIMILAR_CHARS,
    NearMissRule,
    terms_digest,
)
from summarylint.checks.traditional import EXTRA_TRADITIONAL, NOT_TRADITIONAL, T2S_CHARS  # noqa: E402

TERMS_PACK = REPO / "rules" / "canonical_terms.toml"

#: Similar-shape pairs missing from pycorrector's same_stroke.txt, checked by eye, for
#: characters of canonical terms (the seed's 意认形态 and 领城 come first).
HAND_SHAPES = """
识认 域城 治冶 责贵 严产 意竟 奋夺 发友 主王 民氏 集焦 制刷 巡迅 察蔡 改攻 实买 规观 社杜 义叉
两雨 踔悼 赓康 武式 享亨 牢宰 局居 任仕 大太 天夫 子了 学觉 工土 年午 明朋 有右 服报 水永 百白
自白 血皿 表衷 初衬 己已 未末 人入 干千 日曰 住往 持特 导异 兴头 尽层 铁钱 进近 动劝 系糸
""".split()

#: Single characters that may stand at the inside of a correct phrase (function words):
#: a variant whose words are separated only by these is still a string of words.
FUNCTION_CHARS = set("的地得之与和及或并而在是了着对把将为以于从向被让给就也都又还")

#: Two-character words rarer than this in jieba's dictionary do not excuse a variant.
PAIR_MIN_FREQ = 10

GB2312_LEVEL1 = range(0xB0, 0xD8)


def gb2312_lead(char: str) -> int | None:
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return None
    return encoded[0] if len(encoded) == 2 else None


def load_rule() -> NearMissRule:
    import tomllib

    data = tomllib.loads(TERMS_PACK.read_text(encoding="utf-8"))
    rule = NearMissRule(data["pack"], str(TERMS_PACK))
    rule.add_pack({}, data.get("entry", []), str(TERMS_PACK))
    return rule


# ---------------------------------------------------------------------------------------
# similar_chars.tsv
# ---------------------------------------------------------------------------------------


def same_sound(terms: list[str]) -> dict[str, set[str]]:
    from pypinyin import Style, lazy_pinyin, pinyin

    level1 = [chr(i) for i in range(0x4E00, 0xA000) if gb2312_lead(chr(i)) in GB2312_LEVEL1]
    by_reading: dict[str, set[str]] = defaultdict(set)
    for char in level1:
        for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0]:
            by_reading[reading].add(char)
    sound: dict[str, set[str]] = defaultdict(set)
    for term in terms:
        for char, reading in zip(term, lazy_pinyin(term), strict=True):
            sound[char] |= by_reading.get(reading, set()) - {char}
    return sound


def similar_shape(chars: set[str], wheel: Path) -> dict[str, set[str]]:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("pycorrector/data/same_stroke.txt").decode("utf-8")
    groups = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    groups += [list(pair) for pair in HAND_SHAPES]
    shape: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        for char in group:
            if char in chars:
                shape[char] |= {c for c in group if c != char and gb2312_lead(c) is not None}
    return shape


def write_similar(rule: NearMissRule, wheel: Path) -> dict[str, tuple[str, str]]:
    terms = list(rule.terms)
    chars = set("".join(terms))
    sound = same_sound(terms)
    shape = similar_shape(chars, wheel)
    table = {}
    for char in sorted(chars):
        same = sound.get(char, set())
        table[char] = ("".join(sorted(same)), "".join(sorted(shape.get(char, set()) - same)))
    lines = [
        "# Confusable characters for the characters of rules/canonical_terms.toml (T002).",
        "# Columns: character, same-sound characters, similar-shape characters.",
        "# Same sound: pypinyin 0.55.0 (MIT): toneless reading of the character in the term vs all",
        "#   readings of the 3,755 GB 2312 level-1 characters.",
        "# Similar shape: pycorrector 1.1.4 data/same_stroke.txt (Apache-2.0) plus hand-checked pairs",
        "#   (scripts/build_char_tables.py HAND_SHAPES), GB 2312 characters only.",
        "# Generated by scripts/build_char_tables.py; do not edit.",
        f"# terms: {terms_digest(terms)}",
    ]
    lines += [f"{c}\t{s}\t{h}" for c, (s, h) in table.items()]
    SIMILAR_CHARS.parent.mkdir(parents=True, exist_ok=True)
    SIMILAR_CHARS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return table


# ---------------------------------------------------------------------------------------
# nearmiss_filter.tsv
# ---------------------------------------------------------------------------------------


def jieba_words() -> dict[str, int]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and len(parts[0]) >= 2:
            words[parts[0]] = int(parts[1])
    return words


def segmentable(v: str, words: set[str], left_open: bool, right_open: bool) -> bool:
    """Whether ``v`` is a string of dictionary words (function characters allowed inside).

    With ``left_open`` the first character may end a word that starts before ``v``; with
    ``right_open`` the last character may start a word that goes on after it."""
    n = len(v)
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        if v[i] in FUNCTION_CHARS and 0 < i < n - 1:
            ok[i + 1] = True
        if (left_open and i == 0) or (right_open and i == n - 1):
            ok[i + 1] = True
        for j in range(i + 2, n + 1):
            if v[i:j] in words:
                ok[j] = True
    return ok[n]


def edited_range(v: str, term: str) -> tuple[int, int]:
    """The characters of ``term`` that the one error in ``v`` touches."""
    n, m = len(term), len(v)
    limit = min(n, m)
    a = 0
    while a < limit and v[a] == term[a]:
        a += 1
    b = 0
    while b < limit - a and v[m - 1 - b] == term[n - 1 - b]:
        b += 1
    lo, hi = a, n - b
    if hi <= lo:  # a doubled character: the one next to the insertion point
        lo, hi = max(0, hi - 1), min(n, lo + 1)
    return lo, hi


def term_words(term: str, words: set[str]) -> list[tuple[int, int]]:
    """The words the term is made of, as fine as the dictionary allows: most dictionary
    words of ≥ 2 characters other than the term itself (马克思列宁主义 → 马克思 列宁 主义),
    a single character only where no word fits."""
    n = len(term)
    # score: (fewest single characters, most pieces)
    best: list[tuple[tuple[int, int], list[tuple[int, int]]] | None] = [None] * (n + 1)
    best[0] = ((0, 0), [])
    for i in range(n):
        if best[i] is None:
            continue
        (singles, pieces), spans = best[i]
        for j in range(i + 1, n + 1):
            piece = term[i:j]
            if j - i > 1 and (piece not in words or piece == term):
                continue
            score = (singles + (j - i == 1), pieces - 1)
            if best[j] is None or score < best[j][0]:
                best[j] = (score, [*spans, (i, j)])
    return best[n][1]


def classify(variants: dict[str, tuple[str, str]], words: set[str], terms: set[str],
             correct: list[str]) -> dict[str, list[str]]:
    """variant → ["block"] or some of "L", "R", "LR" (variants needing no check are left out).

    Blocked: a dictionary word; a proper part of a longer dictionary word (主题教 in
    主题教学); a string of dictionary words where
    - the edit leaves at most two characters of the term's other words intact (主体教育
      for 主题教育: two words side by side can be correct text; 马克思列宁主意 keeps
      马克思 列宁 in order and is not), or
    - the edit puts in or drops a function character (中国是现代化 for 中国式现代化), or
    - it is the term without its first or last character (发展格局 for 新发展格局);
    and a string found in the correct sentences (--odw) outside the term itself."""
    inner: set[str] = set()  # proper substrings (length ≥ 3) of dictionary words
    for word in words:
        if len(word) > 3 and word not in terms:
            for i in range(len(word)):
                for j in range(i + 3, len(word) + 1):
                    if j - i < len(word):
                        inner.add(word[i:j])
    segmentation = {term: term_words(term, words) for term in terms}
    flags: dict[str, list[str]] = {}
    for v, (term, _) in variants.items():
        lo, hi = edited_range(v, term)
        intact = sum(e - s for s, e in segmentation[term] if e <= lo or s >= hi)
        # a function character put in, or one dropped (统筹发展安全 for 统筹发展和安全)
        changed = set(v) - set(term) if len(v) == len(term) else set(term[lo:hi]) if len(v) < len(term) else set()
        function_edit = bool(changed & FUNCTION_CHARS)
        # v in term: the term without its first or last character (发展格局 for 新发展格局)
        phrase = intact <= 2 or function_edit or v in term
        if (v in words or (v in inner and term not in v)
                or (phrase and segmentable(v, words, False, False))
                or any(v in sentence.replace(term, "\0") for sentence in correct)):
            flags[v] = ["block"]
            continue
        left = segmentable(v, words, True, False)
        right = segmentable(v, words, False, True)
        found = (["L"] if left else []) + (["R"] if right else [])
        if not found and segmentable(v, words, True, True):
            found = ["LR"]
        if found:
            flags[v] = found
    return flags


def write_filter(rule: NearMissRule, similar: dict[str, tuple[str, str]], odw: Path | None) -> dict[str, int]:
    dictionary = jieba_words()
    words = set(dictionary)
    variants = rule.all_variants(similar)
    correct = []
    if odw is not None:
        for line in odw.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3:
                correct.append(parts[2])  # the corrected side only
    flags = classify(variants, words, set(rule.terms), correct)
    rows = []
    left_chars, right_chars = set(), set()
    for v, found in sorted(flags.items()):
        for flag in found:
            rows.append(f"{v}\t{flag}")
        if "L" in found or "LR" in found:
            left_chars.add(v[0])
        if "R" in found or "LR" in found:
            right_chars.add(v[-1])
    pairs = sorted(
        w for w, freq in dictionary.items() if len(w) == 2 and freq >= PAIR_MIN_FREQ
        and re.match(r"^[\u4e00-\u9fff]{2}$", w) and (w[1] in left_chars or w[0] in right_chars)
    )
    counts = {flag: sum(1 for f in flags.values() if flag in f) for flag in ("block", "L", "R", "LR")}
    header = [
        "# Generated by scripts/build_char_tables.py; do not edit.",
        f"# terms: {terms_digest(rule.terms)}",
    ]
    lines = [
        "# T002 near-miss variants and what jieba 0.42.1's dictionary (MIT) says about them.",
        "# variant <TAB> block: a word, inside a word, or a string of words: never reported",
        "# variant <TAB> L / R: skipped when its first (last) character forms a two-character word",
        "#   (nearmiss_words.txt) with the character before (after) it;  LR: only when both do.",
        f"# variants generated: {len(variants)}; " + ", ".join(f"{k} {v}" for k, v in counts.items()),
        f"# odw targets used as correct text: {'yes' if correct else 'no'}",
        *header,
    ]
    NEARMISS_FILTER.write_text("\n".join(lines + rows) + "\n", encoding="utf-8")
    lines = [
        f"# Two-character words of jieba 0.42.1's dictionary (MIT), frequency >= {PAIR_MIN_FREQ}, that the",
        "# T002 neighbour checks need (words ending in the first character of an L variant or",
        "# starting with the last character of an R variant).",
        *header,
    ]
    lines += [" ".join(pairs[start : start + 20]) for start in range(0, len(pairs), 20)]
    NEARMISS_WORDS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts["variants"] = len(variants)
    counts["words"] = len(pairs)
    return counts


# ---------------------------------------------------------------------------------------
# t2s_chars.tsv
# ---------------------------------------------------------------------------------------


def is_traditional(char: str, simplified: list[str]) -> bool:
    """A character to flag: converts to something else, and is not a simplified character.

    GB 2312 holds simplified characters only, with a handful of exceptions that
    ``EXTRA_TRADITIONAL`` lists; ``NOT_TRADITIONAL`` keeps characters that the
    通用规范汉字表 (2013) allows in simplified text although GB 2312 lacks them."""
    if char in NOT_TRADITIONAL or simplified[0] == char:
        return False
    return gb2312_lead(char) is None or char in EXTRA_TRADITIONAL


def write_t2s() -> int:
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        candidates = simp.split()
        if len(trad) != 1 or not candidates or not is_traditional(trad, candidates):
            continue
        # Alternatives outside GB 2312 (rare or extension-B forms) are not offered.
        usable = [c for c in candidates if gb2312_lead(c) is not None] or candidates[:1]
        rows.append(f"{trad}\t{' '.join(usable)}")
    lines = [
        "# Traditional characters that are not valid in simplified Chinese, and their simplified forms (T003).",
        "# Source: OpenCC TSCharacters.txt as shipped in opencc-python-reimplemented 0.1.7 (Apache-2.0).",
        "# Kept: single characters whose conversion differs, not encodable in GB 2312 (plus",
        "#   traditional.EXTRA_TRADITIONAL), minus traditional.NOT_TRADITIONAL; of several simplified",
        "#   forms only those in GB 2312.  Several forms left: the word decides (no safe fix).",
        "# Generated by scripts/build_char_tables.py; do not edit.",
    ]
    T2S_CHARS.write_text("\n".join(lines + sorted(rows)) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pycorrector", type=Path, help="pycorrector 1.1.4 wheel (for same_stroke.txt)")
    parser.add_argument("--odw", type=Path, help="ECSpell odw.train: block variants found on its correct side")
    parser.add_argument("--check", action="store_true", help="only report whether the tables are current")
    args = parser.parse_args(argv)
    rule = load_rule()
    if args.check:
        stale = rule.stale()
        print("nearmiss tables are", "STALE: rebuild them" if stale else "current")
        return 1 if stale else 0
    if args.pycorrector is None:
        parser.error("--pycorrector WHEEL is required (pip download --no-deps pycorrector==1.1.4)")
    similar = write_similar(rule, args.pycorrector)
    print(f"{SIMILAR_CHARS.relative_to(REPO)}: {len(similar)} characters, "
          f"{sum(len(s) for s, _ in similar.values())} same-sound and {sum(len(h) for _, h in similar.values())} "
          "similar-shape alternatives")
    counts = write_filter(rule, similar, args.odw)
    print(f"{NEARMISS_FILTER.relative_to(REPO)}, {NEARMISS_WORDS.name}: {counts}")
    print(f"{T2S_CHARS.relative_to(REPO)}: {write_t2s()} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
