"""Fixes written back into plain-text and Markdown files.

The file is rewritten line by line: a line without an applied fix keeps its exact bytes;
a changed line is re-encoded with the codec the reader used.  The byte-order mark, each
line's own line ending (a file may mix ``\\r\\n``, ``\\n`` and ``\\r``) and the presence or
absence of a final line ending are kept as they were.

Offsets of a finding are code points into ``Block.text``.  For plain text the block text
is the line itself.  For Markdown the reader removes markup, so a fix is applied only
when the block text occurs verbatim (and once) in the raw line, which gives a plain
offset shift (``## 标题``, ``- 条目``); a line whose inline markup was removed
(``**加粗**``, links, escapes) is left alone and the fix is reported as skipped.
Directive lines (``<!-- summarylint: ... -->``) are never touched.
"""

from __future__ import annotations

import codecs
import dataclasses
import difflib
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from summarylint.model import Document, Finding
from summarylint.readers.text import decode_text
from summarylint.write import apply_to_text

__all__ = ["TextFixResult", "fix_text", "unified_diff", "write_atomic"]


@dataclass
class TextFixResult:
    #: The new file content: same encoding, BOM and line endings as the input.
    data: bytes
    applied: list[Finding] = field(default_factory=list)
    #: Fixes not applied, each with a one-line reason.
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


# codec name as the reader reports it → (codec for the body, BOM that goes with it)
_BOMS: dict[str, tuple[str, bytes]] = {
    "utf-8-sig": ("utf-8", codecs.BOM_UTF8),
    "utf-16-le": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16-be": ("utf-16-be", codecs.BOM_UTF16_BE),
}
_UTF16 = ("utf-16-le", "utf-16-be")

_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
#: Characters that Markdown could read as inline markup once inserted into a line.
_MARKDOWN_SPECIAL = set("\\`*_~[]<>&")


@dataclass
class _Line:
    raw: bytes  # the line's bytes without its ending
    ending: bytes  # b"", or the encoded \r\n, \r or \n
    text: str  # the decoded line


def _codec_and_bom(data: bytes, encoding: str | None) -> tuple[str, bytes]:
    if encoding is None:
        encoding = decode_text(data)[1]
    encoding = codecs.lookup(encoding).name  # normalise spelling: "UTF-8" → "utf-8"
    if encoding == "utf-16":  # generic UTF-16: the BOM decides the byte order
        if data.startswith(codecs.BOM_UTF16_BE):
            return "utf-16-be", codecs.BOM_UTF16_BE
        return "utf-16-le", codecs.BOM_UTF16_LE if data.startswith(codecs.BOM_UTF16_LE) else b""
    codec, bom = _BOMS.get(encoding, (encoding, b""))
    return codec, bom if data.startswith(bom) else b""


def _split_lines(body: bytes, codec: str) -> list[_Line]:
    """The lines of ``body`` as the reader counts them (a final line ending does not
    start an extra line), each with its own raw bytes and ending."""
    lines: list[_Line] = []
    if codec in _UTF16:
        # Line breaks are two-byte units here; UTF-16 decoding is one-to-one, so
        # re-encoding a decoded piece gives back exactly its bytes.
        pieces = _LINE_BREAK.split(body.decode(codec))
        for k in range(0, len(pieces), 2):
            ending = pieces[k + 1] if k + 1 < len(pieces) else ""
            lines.append(_Line(pieces[k].encode(codec), ending.encode(codec), pieces[k]))
    else:
        # UTF-8 and GB18030: CR and LF bytes never occur inside a multi-byte character
        # (GB18030 trail bytes are >= 0x30), so the bytes can be split directly.
        position = 0
        for m in _LINE_BREAK_BYTES.finditer(body):
            raw = body[position : m.start()]
            lines.append(_Line(raw, m.group(), raw.decode(codec)))
            position = m.end()
        raw = body[position:]
        lines.append(_Line(raw, b"", raw.decode(codec)))
    if len(lines) > 1 and not lines[-1].raw:
        lines.pop()  # the empty "line" after a final line ending
    return lines


def _markdown_offset(raw: str, text: str) -> int | None:
    """Where the block text sits in the raw Markdown line, or None when it cannot be
    mapped by a shift (markup inside the text, or the text found more than once)."""
    if raw == text:
        return 0
    if not text:
        return None
    first = raw.find(text)
    if first < 0 or raw.find(text, first + 1) >= 0:
        return None
    return first


def fix_text(data: bytes, document: Document, fixes: list[Finding]) -> TextFixResult:
    """Apply ``fixes`` (normally from :func:`summarylint.write.choose_fixes`) to the
    text file ``data`` that ``document`` was read from; return the new bytes and which
    fixes were applied or skipped.  ``data`` itself is not changed."""
    data = bytes(data)
    codec, bom = _codec_and_bom(data, document.encoding)
    try:
        lines = _split_lines(data[len(bom) :], codec)
    except UnicodeDecodeError as exc:
        raise ValueError(f"the file does not decode as {codec} (was it changed after it was read?)") from exc
    markdown = document.format == "markdown"

    skipped: list[tuple[Finding, str]] = []
    # line index (0-based) → [(original finding, finding shifted to raw-line offsets)]
    per_line: dict[int, list[tuple[Finding, Finding]]] = {}
    ordered = sorted(fixes, key=lambda f: (f.span.block, f.span.start, f.span.end))
    for f in ordered:
        reason, shifted = _check_fix(f, document, lines, codec, markdown)
        if reason is not None:
            skipped.append((f, reason))
            continue
        chosen = per_line.setdefault(f.span.block - 1, [])
        if chosen:
            last = chosen[-1][1].span
            if shifted.span.start < max(last.end, last.start + 1):
                skipped.append((f, "overlaps another fix on the same line"))
                continue
        chosen.append((f, shifted))

    applied: list[Finding] = []
    out = [bom]
    for n, line in enumerate(lines):
        chosen = per_line.get(n)
        if not chosen:
            out += (line.raw, line.ending)
            continue
        new_text = apply_to_text(line.text, [s for _, s in chosen])
        reason = None
        if not new_text and n > 0 and lines[n - 1].ending == "\r".encode(codec) and line.ending == "\n".encode(codec):
            reason = "the line would become empty and its line break would join the previous one"
        else:
            try:
                new_raw = new_text.encode(codec)
            except UnicodeEncodeError:
                reason = f"the changed line cannot be encoded in {codec}"
        if reason is not None:
            skipped.extend((f, reason) for f, _ in chosen)
            out += (line.raw, line.ending)
            continue
        applied.extend(f for f, _ in chosen)
        out += (new_raw, line.ending)

    order = {id(f): k for k, f in enumerate(ordered)}
    skipped.sort(key=lambda item: order[id(item[0])])
    return TextFixResult(b"".join(out), applied, skipped)


def _check_fix(
    f: Finding, document: Document, lines: list[_Line], codec: str, markdown: bool
) -> tuple[str | None, Finding]:
    """(reason to skip, or None; the finding with its span moved to raw-line offsets)."""
    if f.fix is None:
        return "the finding has no fix", f
    if f.span.in_label or f.section_level:
        return "the fix has no position in the line text", f
    index = f.span.block
    if not 1 <= index <= min(len(document.blocks), len(lines)):
        return f"line {index} does not exist in the file", f
    block = document.block(index)
    if block.container == "directive":
        return "directive lines (<!-- summarylint: ... -->) are never changed", f
    start, end = f.span.start, f.span.end
    if not 0 <= start <= end <= len(block.text):
        return f"the span {start}-{end} lies outside line {index}", f
    if block.is_protected(start, end):
        return "the span touches protected text", f
    replacement = f.fix.replacement
    if "\r" in replacement or "\n" in replacement:
        return "the replacement contains a line break", f
    try:
        replacement.encode(codec)
    except UnicodeEncodeError:
        return f"the replacement cannot be encoded in {codec}", f
    raw = lines[index - 1].text
    if markdown:
        offset = _markdown_offset(raw, block.text)
        if offset is None:
            if not block.text:
                return "the Markdown line holds markup, not text", f
            return "Markdown inline markup was removed from this line; its columns do not map to the file", f
        if _MARKDOWN_SPECIAL.intersection(replacement):
            return "the replacement holds characters that Markdown reads as markup", f
    else:
        if raw != block.text:
            return f"line {index} differs from the text that was checked (file changed?)", f
        offset = 0
    if offset:
        f = dataclasses.replace(f, span=dataclasses.replace(f.span, start=start + offset, end=end + offset))
    return None, f


# --------------------------------------------------------------------------- diff


def _diff_lines(data: bytes, encoding: str) -> list[str]:
    codec, bom = _codec_and_bom(data, encoding)
    text = data[len(bom) :].decode(codec)
    pieces = _LINE_BREAK.split(text)
    lines = [pieces[k] + (pieces[k + 1] if k + 1 < len(pieces) else "") for k in range(0, len(pieces), 2)]
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def unified_diff(old: bytes, new: bytes, path: str, encoding: str) -> str:
    """A unified diff (``a/PATH``, ``b/PATH`` headers, three lines of context) of the
    decoded texts; line endings are shown as ``\\n``.  Empty when nothing changed."""
    return "".join(_unified_diff(_diff_lines(old, encoding), _diff_lines(new, encoding), path))


def _unified_diff(old: list[str], new: list[str], path: str) -> Iterator[str]:
    diff = difflib.unified_diff(old, new, f"a/{path}", f"b/{path}", lineterm="")
    for k, line in enumerate(diff):
        if k < 2 or line.startswith("@@"):
            yield line + "\n"
            continue
        content = line.rstrip("\r\n")
        yield content + "\n"
        if content == line:
            yield "\\ No newline at end of file\n"


# --------------------------------------------------------------------------- writing


def _write_temp(directory: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new temporary file in ``directory``; created with mode 0o666
    minus the umask, as any new file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = directory / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(temp, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _replace(temp: Path, target: Path, mode: int | None) -> None:
    try:
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _sync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically (a temporary file in the same directory,
    then ``os.replace``), keeping the file mode of an existing file.  A symbolic link is
    followed: its target is rewritten and the link stays.  With ``backup``, the
    original content is first copied, atomically too, to ``PATH.bak`` (mode and times
    kept); nothing is backed up when ``path`` does not exist yet."""
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    if backup and mode is not None:
        bak = path.with_name(path.name + ".bak")
        temp = _write_temp(bak.parent, bak.name, target.read_bytes())
        try:
            shutil.copystat(target, temp)
        except OSError:
            pass  # times are a courtesy; the mode is set again below
        _replace(temp, bak, mode)
    temp = _write_temp(target.parent, target.name, bytes(data))
    _replace(temp, target, mode)
    _sync_dir(target.parent)
