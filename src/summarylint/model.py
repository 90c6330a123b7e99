"""The data that flows through summarylint: small frozen records, no I/O.

Coordinates: a ``Block`` is one paragraph as the reader saw it.  ``Block.index`` is
1-based over the whole file, in reading order.  Character offsets are 0-based code
points into ``Block.text`` (which never contains the automatic numbering label; that
lives in ``Block.label``).  Users see 1-based columns; the conversion happens in
``Finding.column`` / reporters only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Block:
    """One paragraph: a docx paragraph (body, table cell, text box) or a text line."""

    index: int
    text: str
    #: Automatic numbering label rendered from numbering.xml ("一、", "（一）"), or None.
    label: str | None = None
    #: Style name as the user sees it in Word ("Heading 1", "标题 1"), or None.
    style: str | None = None
    #: Outline level from a heading style (1-9), or None.
    style_level: int | None = None
    #: Where the paragraph sits: "body", "table", "textbox", "markdown-heading", ...
    container: str = "body"
    #: Character ranges of ``text`` that a fix must not touch (field results,
    #: hyperlinks, tracked insertions): tuples (start, end).
    protected: tuple[tuple[int, int], ...] = ()
    #: Reader-specific handle back to the source (docx paragraph element, line number).
    source: Any = field(default=None, compare=False, hash=False, repr=False)

    def is_protected(self, start: int, end: int) -> bool:
        return any(start < p_end and p_start < end for p_start, p_end in self.protected)


@dataclass(frozen=True)
class Directive:
    """An in-document instruction to summarylint, e.g. ``disable T001``.

    In text files it is a line ``<!-- summarylint: disable T001 -->`` (the block itself is
    read as empty).  In .docx files it is a Word comment whose text starts with
    ``summarylint:``; it covers the commented range, from (block, start) to
    (end_block, end)."""

    text: str
    block: int
    start: int = 0
    end_block: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Document:
    """What a reader returns for one input file."""

    path: str
    format: str  # "docx" | "text" | "markdown"
    blocks: tuple[Block, ...]
    #: Text encoding the file was decoded from (text formats), e.g. "utf-8", "gb18030".
    encoding: str | None = None
    #: Selected core properties (docx): "created", "modified", "title" as strings.
    properties: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    #: Suppression directives found in the document, in order.
    directives: tuple[Directive, ...] = ()

    def block(self, index: int) -> Block:
        return self.blocks[index - 1]


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one block's text.  ``in_label`` marks the numbering label."""

    block: int
    start: int
    end: int
    in_label: bool = False


@dataclass(frozen=True)
class Fix:
    replacement: str
    safe: bool


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    span: Span
    message: str
    suggestion: str | None = None
    fix: Fix | None = None
    #: 1-based index of the summary inside the file (a file can hold several).
    document: int = 1
    #: Heading path, e.g. ("二、主要问题", "（一）…").
    heading: tuple[str, ...] = ()
    #: True for findings about a whole section/document (span points at a heading
    #: or the first paragraph, with no characters).
    section_level: bool = False

    @property
    def paragraph(self) -> int:
        return self.span.block

    @property
    def column(self) -> int:
        if self.span.in_label:
            return 0
        if self.section_level:
            return 1
        return self.span.start + 1

    @property
    def end_column(self) -> int:
        if self.span.in_label:
            return 0
        if self.section_level:
            return 1
        return self.span.end + 1

    def sort_key(self) -> tuple:
        return (self.span.block, self.column, self.rule, self.span.end)
