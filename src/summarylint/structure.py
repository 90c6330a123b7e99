"""Blocks → outline: classify each block, then parse the token string with Lark.

The grammar (``grammars/summary.lark``) is the single source of truth for how sections
nest; this module only decides what each block *is* (title, heading of level 1-4, body,
empty) and turns the parse tree into ``Outline`` records with block ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from summarylint.model import Block, Document

# Leading junk that is not part of a heading's numbering: indentation (ASCII and
# full-width spaces) and ">" marks left by copying text from web pages.
_LEAD = re.compile(r"^[\s\u3000>＞]*")
_CN_DIGITS = "一二三四五六七八九十"

# Typed numbering markers, tried in order.  Each captures the ordinal and the
# punctuation so that format rules can check it.
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (2, re.compile(rf"^(?P<open>[（(])\s*(?P<num>[{_CN_DIGITS}]{{1,3}})\s*(?P<close>[）)])(?P<punct>[、.．，,]*)")),
    (4, re.compile(r"^(?P<open>[（(])\s*(?P<num>\d{1,2})\s*(?P<close>[）)])(?P<punct>[、.．，,]*)")),
    (1, re.compile(rf"^(?P<num>[{_CN_DIGITS}]{{1,3}})\s*(?P<punct>[、.．，,])")),
    # "1,000余名" and "1.5万元" are numbers, not headings: no digit after the mark.
    (3, re.compile(r"^(?P<num>\d{1,2})\s*(?P<punct>[、．，,.])(?!\d)")),
)
_TITLE_END = re.compile(r"(总结|报告|汇报|述职|情况|材料)$")
_SUBTITLE = re.compile(r"^(——|—|--)")
_TITLE_MAX = 60


@dataclass(frozen=True)
class Heading:
    block: int
    level: int
    #: The numbering as written ("一、", "(二)", "1、") or rendered from Word's
    #: automatic numbering; "" for a heading recognised by its style alone.
    marker: str
    #: Ordinal as an int (一 → 1), or None when there is no marker.
    ordinal: int | None
    #: True when the marker is an automatic numbering label (not in the text).
    auto: bool
    #: Offsets of the marker in the block's text (0, 0 when automatic or absent).
    marker_start: int
    marker_end: int
    #: The heading's words without marker ("主要问题").
    title: str


@dataclass
class Section:
    heading: Heading
    start: int  # block index of the heading
    end: int  # last block index inside the section (inclusive)
    children: list[Section] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Summary:
    """One work summary inside a file (a file may hold several)."""

    index: int
    start: int
    end: int
    title: str | None = None
    title_blocks: tuple[int, ...] = ()
    sections: list[Section] = field(default_factory=list)

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    def block_range(self) -> range:
        return range(self.start, self.end + 1)


@dataclass
class Outline:
    summaries: list[Summary]
    #: block index → token character (see the grammar)
    kinds: dict[int, str]
    headings: dict[int, Heading]
    #: block index → length of leading indentation / ">" marks
    lead: dict[int, int]

    def summary_of(self, block: int) -> Summary:
        for summary in self.summaries:
            if summary.start <= block <= summary.end:
                return summary
        raise KeyError(block)

    def heading_path(self, block: int) -> tuple[Heading, ...]:
        """The headings above ``block`` (including its own heading if it is one)."""
        summary = self.summary_of(block)
        path: list[Heading] = []
        sections = summary.sections
        while True:
            for section in sections:
                if section.start <= block <= section.end:
                    path.append(section.heading)
                    sections = section.children
                    break
            else:
                return tuple(path)


def chinese_ordinal(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None if not a small Chinese numeral."""
    values = {c: i + 1 for i, c in enumerate(_CN_DIGITS[:9])}
    if not text or any(c not in _CN_DIGITS for c in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(ones) > 1 or len(tens) > 1 or (ones and ones not in values) or (tens and tens not in values):
            return None
        return (values.get(tens, 1) if tens else 1) * 10 + (values.get(ones, 0) if ones else 0)
    return values[text] if len(text) == 1 else None


def match_marker(text: str) -> tuple[int, re.Match[str]] | None:
    """The numbering marker at the start of ``text`` (already stripped of lead)."""
    for level, pattern in _MARKERS:
        m = pattern.match(text)
        if m:
            return level, m
    return None


def _heading_words(text: str) -> str:
    """A run-in heading ("1.强化责任担当。我们将……") is named by its first sentence."""
    words = text.strip()
    stop = words.find("。")
    return words[:stop] if stop > 0 else words


def _heading(block: Block, lead: int) -> Heading | None:
    text = block.text
    if block.label:
        found = match_marker(block.label.strip())
        if found:
            level, m = found
            num = m.group("num")
            ordinal = int(num) if num.isdigit() else chinese_ordinal(num)
            return Heading(block.index, level, block.label, ordinal, True, 0, 0, _heading_words(text))
    body = text[lead:]
    found = match_marker(body)
    if found:
        level, m = found
        num = m.group("num")
        ordinal = int(num) if num.isdigit() else chinese_ordinal(num)
        if ordinal is not None:
            return Heading(
                block.index, level, m.group(0), ordinal, False, lead, lead + m.end(), _heading_words(body[m.end() :])
            )
    if block.style_level and text.strip():
        return Heading(block.index, min(block.style_level, 4), "", None, False, lead, lead, _heading_words(text))
    return None


def _is_title(block: Block, lead: int) -> bool:
    words = block.text[lead:].strip()
    if not words or len(words) > _TITLE_MAX:
        return False
    if block.style and block.style.lower() in ("title", "标题"):
        return True
    return bool(_TITLE_END.search(words)) and not re.search(r"[。；;：:，,]", words)


def classify(document: Document) -> tuple[str, dict[int, Heading], dict[int, int]]:
    chars: list[str] = []
    headings: dict[int, Heading] = {}
    leads: dict[int, int] = {}
    after_title = False
    for block in document.blocks:
        lead = _LEAD.match(block.text).end()
        leads[block.index] = lead
        if not block.text.strip() and not block.label:
            chars.append("e")
            continue
        heading = _heading(block, lead) if block.container in ("body", "markdown-heading") else None
        if heading:
            headings[block.index] = heading
            chars.append(str(heading.level))
            after_title = False
            continue
        if after_title and _SUBTITLE.match(block.text[lead:]):
            chars.append("S")
            continue
        if _is_title(block, lead):
            chars.append("T")
            after_title = True
            continue
        after_title = False
        chars.append("b")
    # A blank between a title and its subtitle is part of the title.
    text = "".join(chars)
    text = re.sub(r"(?<=[TS])e+(?=S)", lambda m: "t" * len(m.group(0)), text)
    return text, headings, leads


@cache
def _parser():
    from lark import Lark

    from summarylint.resources import cache_dir, data_dir

    grammar = (data_dir("grammars") / "summary.lark").read_text(encoding="utf-8")
    # Building the LALR tables costs ~50 ms per run; Lark can keep them in a cache file
    # (keyed by a hash of the grammar and options; grammar tables only, never any
    # document text).  Without a writable cache directory the tables are built in memory.
    directory = cache_dir()
    cache = str(directory / "summary-grammar.lark-cache") if directory else False
    return Lark(grammar, parser="lalr", lexer="basic", start="start", cache=cache)


def parse(document: Document) -> Outline:
    tokens, headings, leads = classify(document)
    tree = _parser().parse(tokens)
    offset = document.blocks[0].index if document.blocks else 1
    summaries: list[Summary] = []

    def block_of(token) -> int:
        return token.start_pos + offset

    def span(tree) -> tuple[int, int] | None:
        toks = list(tree.scan_values(lambda v: True))
        if not toks:
            return None
        return block_of(toks[0]), block_of(toks[-1])

    def build_section(tree) -> Section:
        start, end = span(tree)
        section = Section(headings[start], start, end)
        section.children = [build_section(c) for c in tree.children if hasattr(c, "data")]
        return section

    def sections_of(content) -> list[Section]:
        return [build_section(c) for c in content.children if hasattr(c, "data")]

    for part in tree.children:
        content = part.children[-1]
        if part.data == "untitled":
            rng = span(content)
            if rng is None:
                continue
            if not tokens[rng[0] - offset : rng[1] - offset + 1].strip("e"):
                continue  # only blank lines before the first title: joined to it below
            summaries.append(Summary(len(summaries) + 1, rng[0], rng[1], sections=sections_of(content)))
        else:
            title_tree = part.children[0]
            start, end = span(part)
            title_blocks = tuple(
                block_of(t) for t in title_tree.children if t.type in ("TITLE", "SUBTITLE")
            )
            title = " ".join(
                document.block(b).text[leads[b] :].strip() for b in title_blocks
            )
            summaries.append(
                Summary(len(summaries) + 1, start, end, title, title_blocks, sections_of(content))
            )
    if not summaries:
        first = offset
        last = offset + len(tokens) - 1
        summaries.append(Summary(1, first, max(first, last)))
    # Blank lines before the first summary belong to it.
    summaries[0].start = offset
    kinds = dict(zip(range(offset, offset + len(tokens)), tokens, strict=True))
    return Outline(summaries, kinds, headings, leads)
