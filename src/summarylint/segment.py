"""Word segmentation for rules that need it, built on first use.

jieba's full dictionary takes about a second to load, so nothing imports this module
unless a rule asks ``ctx.segmenter`` for words.
"""

from __future__ import annotations


class Segmenter:
    def __init__(self) -> None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        # A private tokenizer that keeps its cache in memory only: summarylint writes
        # nothing derived from documents to disk.
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.tmp_dir = None
        self._cache: dict[str, tuple[tuple[str, int, int], ...]] = {}

    def words(self, text: str) -> tuple[tuple[str, int, int], ...]:
        """(word, start, end) for each word of ``text`` (cached per paragraph, in memory)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = tuple(self._tokenizer.tokenize(text))
        return cached

    def is_word_boundary(self, text: str, start: int, end: int) -> bool:
        """True when [start, end) begins and ends on word boundaries of ``text``."""
        starts = {s for _, s, _ in self.words(text)}
        ends = {e for _, _, e in self.words(text)}
        return start in starts and end in ends
