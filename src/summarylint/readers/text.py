"""Plain text (.txt) and Markdown (.md) input.

Decoding
    A byte-order mark decides first (UTF-8 → ``utf-8-sig``, UTF-16 LE/BE →
    ``utf-16-le``/``utf-16-be``).  Without one, NUL bytes or a high share of control
    characters mean binary content; otherwise strict UTF-8 is tried first (valid UTF-8
    always wins) and then strict GB18030, the superset of GBK/GB2312 used by Chinese
    government systems.  No guessing library is involved.

Lines
    One line is one paragraph: ``Block.index`` is the 1-based line number and
    ``Block.source`` is that same line number (an ``int``, for both formats).  ``\\n``,
    ``\\r\\n`` and ``\\r`` all end a line; the block text has no line ending; a final line
    ending does not produce an extra empty block.  Leading indentation (full-width spaces
    included) stays in the text of plain-text blocks.

Markdown
    Markdown syntax is markup, not text, and is taken out of ``Block.text`` while keeping
    one block per line (so paragraph numbers are line numbers):

    * ATX headings (``## 二、主要问题``) and simple one-line setext headings become
      ``style="Heading N"``, ``style_level=N``, ``container="markdown-heading"``, text
      without the ``#`` marks; the setext underline becomes an empty block.
    * List markers are removed.  An ordered marker followed by a space (``1. ``) goes to
      ``Block.label`` as written (``"1."``), so the structure parser still sees the
      numbering; ``1.加强`` without a space is typed text, not a list, and stays as is.
      Bullets (``-``, ``*``, ``+``) leave ``label`` empty.
    * Block quote markers (``>``) are removed; such blocks have
      ``container="markdown-quote"``.
    * Lines that hold no prose become empty blocks: fenced and indented code
      (``"markdown-code"``), front matter (``"markdown-front-matter"``), HTML comments on
      their own lines (``"markdown-comment"``), thematic breaks, setext underlines, table
      delimiter rows and link reference definitions (``"markdown-markup"``).  Table rows
      keep their text (pipes included) with ``container="table"``.
    * Inline markup characters are deleted: emphasis (``**x**``, ``*x*``, ``__x__``,
      ``_x_``, ``~~x~~``), code span backticks, link syntax (``[text](url)`` keeps only
      ``text``), images, footnote references, inline HTML tags and comments; backslash
      escapes and character references are resolved.  Nothing about the deleted
      characters is recorded: **for Markdown, columns refer to the text without
      markup**, not to the raw line.  Leading indentation of a paragraph line is kept as
      written.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

from summarylint.model import Block, Directive, Document
from summarylint.readers.errors import InputError

__all__ = ["decode_text", "read_text"]

_DECODE_ERROR = "cannot decode the text: it is neither UTF-8, UTF-16 nor GB18030 (save it as UTF-8)"
_BINARY_ERROR = "not a text file (binary content)"
_EMPTY_ERROR = "file is empty"

# C0 controls except TAB, LF, VT, FF, CR; DEL; C1 controls.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
#: Share of control characters above which content counts as binary.
_BINARY_SHARE = 0.05

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_text(data: bytes, path: str, *, markdown: bool) -> Document:
    """Decode ``data`` and split it into one block per line (see the module docstring)."""
    text, encoding = decode_text(data)
    if not text.strip():
        raise InputError(_EMPTY_ERROR)
    lines = _LINE_BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    if markdown:
        blocks = _markdown_blocks(lines)
    else:
        blocks = tuple(Block(index=n, text=line, source=n) for n, line in enumerate(lines, 1))
    blocks, directives = _take_directives(blocks, lines)
    return Document(
        path=path,
        format="markdown" if markdown else "text",
        blocks=blocks,
        encoding=encoding,
        directives=directives,
    )


#: A line that is only ``<!-- summarylint: ... -->``: an instruction, not text.
_DIRECTIVE = re.compile(r"^\s*<!--\s*summarylint:\s*(.*?)\s*-->\s*$")


def _take_directives(blocks: tuple[Block, ...], lines: list[str]) -> tuple[tuple[Block, ...], tuple[Directive, ...]]:
    directives = []
    out = list(blocks)
    for n, line in enumerate(lines, 1):
        m = _DIRECTIVE.match(line)
        if m:
            directives.append(Directive(m.group(1), n))
            out[n - 1] = Block(index=n, text="", container="directive", source=n)
    return (tuple(out), tuple(directives)) if directives else (blocks, ())


#: Characters a Chinese document plausibly holds besides ASCII and CJK: what short GB18030
#: byte strings turn into when they also happen to be valid UTF-8 ("站" = D5 BE = "վ") is
#: mostly U+0080–U+07FF (Latin-1 letters, Armenian, Hebrew, Arabic …).
_PLAUSIBLE_EXTRA = set("·×÷°±§¥©®¢£µ¶")


def _implausible(text: str) -> int:
    """How many characters of ``text`` are unlikely in a Chinese document."""
    return sum(1 for c in text if "\u0080" <= c <= "\u07ff" and c not in _PLAUSIBLE_EXTRA
               and not ("\u0391" <= c <= "\u03c9" or "\u0401" <= c <= "\u0451"))


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, codec name)`` or raise ``InputError``."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # UTF-32 is not supported; without this check it would pass for UTF-16 + NULs.
        raise InputError(_DECODE_ERROR)
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data, "utf-8-sig")
        if text is None:
            raise InputError(_DECODE_ERROR)
        _check_not_binary(text)
        return text, "utf-8-sig"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec)
            if text is None:
                raise InputError(_DECODE_ERROR)
            _check_not_binary(text)
            return text, codec
    if b"\x00" in data:
        raise InputError(_BINARY_ERROR)
    # Control bytes are single bytes in both UTF-8 and GB18030 (trail bytes are >= 0x30),
    # so counting them on the raw bytes is the same as counting them after decoding.
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > len(data) * _BINARY_SHARE:
        raise InputError(_BINARY_ERROR)
    utf8 = _strict(data, "utf-8")
    gb = _strict(data, "gb18030") if utf8 is None or _implausible(utf8) else None
    if utf8 is not None and (gb is None or _implausible(gb) >= _implausible(utf8)):
        _check_not_binary(utf8)
        return utf8, "utf-8"
    if gb is not None:
        _check_not_binary(gb)
        return gb, "gb18030"
    raise InputError(_DECODE_ERROR)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _check_not_binary(text: str) -> None:
    if "\x00" in text:
        raise InputError(_BINARY_ERROR)
    if text:
        controls = len(_CONTROL_CHARS.findall(text))
        if controls > len(text) * _BINARY_SHARE:
            raise InputError(_BINARY_ERROR)


# --------------------------------------------------------------------------- Markdown


@dataclass(slots=True)
class _Line:
    text: str
    label: str | None = None
    style: str | None = None
    style_level: int | None = None
    container: str = "body"


_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})(.*)$")
_ATX_HEADING = re.compile(r"(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"(=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"([-*_])[ \t]*(?:\1[ \t]*){2,}$")
_LIST_ITEM = re.compile(r"(?:([-+*])|(\d{1,9})([.)]))[ \t]+(?=\S)")
#: Lines that start a new block rather than continue a paragraph (ends a list).
_BLOCK_START = re.compile(r"`{3,}|~{3,}|<!--|#{1,6}(?:[ \t]|$)|>|([-*_])[ \t]*(?:\1[ \t]*){2,}$")
_QUOTE_MARKERS = re.compile(r"(?:>[ \t]?)+")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_LINK_DEFINITION = re.compile(r"\[(?!\^)[^\]]+\]:[ \t]*\S+.*$")
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]]+\]:[ \t]*")


def _indent_width(line: str) -> tuple[int, int]:
    """(columns of leading spaces/tabs with tabs to 4, number of those characters)."""
    width = 0
    count = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
        count += 1
    return width, count


def _markdown_blocks(lines: list[str]) -> tuple[Block, ...]:
    out: list[_Line] = []
    n = len(lines)
    i = 0

    # Front matter: "---" on the first line, closed by "---" or "...".
    if lines and lines[0].rstrip() == "---":
        for j in range(1, n):
            if lines[j].rstrip() in ("---", "..."):
                out.extend(_Line("", container="markdown-front-matter") for _ in range(j + 1))
                i = j + 1
                break

    fence: tuple[str, int] | None = None  # (fence character, length) while inside a fence
    in_comment = False
    prev = "blank"  # kind of the previous line: blank | para | code | other
    prev_single_para = False  # previous line is a one-line plain paragraph
    list_indent: int | None = None  # content indent of the current list item
    in_table = False

    while i < n:
        line = lines[i]
        i += 1

        if fence is not None:
            out.append(_Line("", container="markdown-code"))
            rest = line.lstrip(" ").rstrip(" \t")
            closes = len(line) - len(line.lstrip(" ")) < 4 and len(rest) >= fence[1]
            if closes and not rest.strip(fence[0]):
                fence = None
                prev, prev_single_para = "other", False
            continue
        if in_comment:
            out.append(_Line("", container="markdown-comment"))
            if "-->" in line:
                in_comment = False
                prev, prev_single_para = "other", False
            continue

        if not line.strip(" \t"):
            out.append(_Line(line))
            prev, prev_single_para, in_table = "blank", False, False
            continue

        width, count = _indent_width(line)
        rest = line[count:]
        list_match = _LIST_ITEM.match(rest)

        if (
            list_indent is not None
            and list_match is None
            and width < list_indent
            and (prev != "para" or _BLOCK_START.match(rest))
        ):
            list_indent = None
        base = list_indent or 0

        if width - base >= 4:
            if prev == "para":  # lazy continuation: indentation cannot start code here
                out.append(_Line(_strip_inline(line)))
                prev_single_para = False
            else:
                out.append(_Line("", container="markdown-code"))
                prev, prev_single_para = "code", False
            continue

        if in_table and "|" in rest:
            out.append(_Line(_strip_inline(line), container="table"))
            continue
        in_table = False

        m = _FENCE_OPEN.match(rest)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = (m.group(1)[0], len(m.group(1)))
            out.append(_Line("", container="markdown-code"))
            prev, prev_single_para = "other", False
            continue

        if rest.startswith("<!--"):
            out.append(_Line("", container="markdown-comment"))
            if "-->" not in rest[4:]:
                in_comment = True
            prev, prev_single_para = "other", False
            continue

        m = _ATX_HEADING.match(rest)
        if m:
            level = len(m.group(1))
            out.append(
                _Line(
                    _strip_inline(m.group(2) or ""),
                    style=f"Heading {level}",
                    style_level=level,
                    container="markdown-heading",
                )
            )
            list_indent = None
            prev, prev_single_para = "other", False
            continue

        m = _SETEXT_UNDERLINE.match(rest)
        if m and prev == "para":
            if prev_single_para:
                level = 1 if m.group(1)[0] == "=" else 2
                heading = out[-1]
                heading.text = heading.text.strip(" \t")
                heading.style = f"Heading {level}"
                heading.style_level = level
                heading.container = "markdown-heading"
            out.append(_Line("", container="markdown-markup"))
            prev, prev_single_para = "other", False
            continue

        if _THEMATIC_BREAK.match(rest):
            out.append(_Line("", container="markdown-markup"))
            list_indent = None
            prev, prev_single_para = "other", False
            continue

        if list_match and not (
            # An ordered list can interrupt a paragraph only when it starts at 1.
            prev == "para" and list_indent is None and list_match.group(2) and int(list_match.group(2)) != 1
        ):
            label = None
            if list_match.group(2):
                label = list_match.group(2) + list_match.group(3)
            marker_end = list_match.end()
            out.append(_Line(_strip_inline(rest[marker_end:]), label=label))
            list_indent = width + marker_end
            prev, prev_single_para = "para", False
            continue

        if rest.startswith(">"):
            quote = _QUOTE_MARKERS.match(rest)
            inner = rest[quote.end() :] if quote else rest
            label = None
            m = _ATX_HEADING.match(inner)
            if m:
                inner = m.group(2) or ""
            else:
                lm = _LIST_ITEM.match(inner)
                if lm:
                    if lm.group(2):
                        label = lm.group(2) + lm.group(3)
                    inner = inner[lm.end() :]
            out.append(_Line(_strip_inline(inner), label=label, container="markdown-quote"))
            prev, prev_single_para = "para", False
            continue

        if prev != "para" and "|" in rest and i < n and "|" in lines[i] and _TABLE_DELIMITER.match(lines[i].strip()):
            out.append(_Line(_strip_inline(line), container="table"))
            out.append(_Line("", container="markdown-markup"))
            i += 1
            in_table = True
            prev, prev_single_para = "other", False
            continue

        if prev != "para" and _LINK_DEFINITION.match(rest):
            out.append(_Line("", container="markdown-markup"))
            prev, prev_single_para = "other", False
            continue

        m = _FOOTNOTE_DEFINITION.match(rest)
        if m:
            out.append(_Line(_strip_inline(rest[m.end() :])))
            prev, prev_single_para = "para", False
            continue

        # A paragraph line, written as is (indentation kept) minus inline markup.
        out.append(_Line(_strip_inline(line)))
        prev_single_para = prev != "para" and list_indent is None
        prev = "para"

    return tuple(
        Block(
            index=k,
            text=b.text,
            label=b.label,
            style=b.style,
            style_level=b.style_level,
            container=b.container,
            source=k,
        )
        for k, b in enumerate(out, 1)
    )


_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPE_BASE = 0xF0000  # plane-15 private use: placeholders for escaped characters
_PLACEHOLDER = re.compile("[\U000f0000-\U000f007f]")
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # image
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote reference
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline link
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|ftp)://[^>\s]+|[^>\s@]+@[^>\s@]+\.[^>\s@]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tag
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_MARKUP_HINT = re.compile(r"[`\\*_~\[<&]")


def _strip_inline(text: str) -> str:
    """Delete inline Markdown markup characters (see the module docstring)."""
    if not _MARKUP_HINT.search(text):
        return text
    parts: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(text):
        parts.append(_strip_inline_plain(text[pos : m.start()]))
        parts.append(m.group(2))  # code content is literal
        pos = m.end()
    parts.append(_strip_inline_plain(text[pos:]))
    return "".join(parts)


def _strip_inline_plain(text: str) -> str:
    if not text:
        return text
    text = _ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return _PLACEHOLDER.sub(lambda m: chr(ord(m.group(0)) - _ESCAPE_BASE), text)
