"""Helpers for the .docx writer tests: Word's 接受所有修订 / 拒绝所有修订, per-character
formatting, comment anchors stripped, and raw ZIP entry comparison."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from lxml import etree

from summarylint.readers.docx import _Package, paragraph_pieces
from tests.readers.docx_builders import NSDECLS

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "2025年上半年意识形态工作总结.docx"
SHARED = REPO.parent / "shared"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
WHEN_TEXT = "2025-07-09T08:30:00Z"


# ----------------------------------------------------------------------------- parts


def main_part(data: bytes) -> tuple[str, etree._Element]:
    """(entry name, root) of the main document part."""
    package = _Package(data, 1 << 30)
    name, root = package.main_document()
    return package.parts[name.lower()].filename, root


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    """``data`` with one entry's content replaced (the rest copied as they are)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, content if info.filename == name else source.read(info))
    return buffer.getvalue()


def xml(root) -> bytes:
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", standalone=True)


# ----------------------------------------------------------------------------- revisions


def accept_all(data: bytes) -> bytes:
    """What Word's 接受所有修订 does to the main part: insertions kept (unwrapped),
    deletions dropped."""
    name, root = main_part(data)
    for deletion in list(root.iter(W + "del", W + "moveFrom")):
        if deletion.getparent().tag != W + "rPr":
            deletion.getparent().remove(deletion)
    for insertion in list(root.iter(W + "ins", W + "moveTo")):
        if insertion.getparent().tag != W + "rPr":
            _unwrap(insertion)
    return with_part(data, name, xml(root))


def reject_all(data: bytes) -> bytes:
    """What Word's 拒绝所有修订 does: insertions dropped, deletions restored."""
    name, root = main_part(data)
    for insertion in list(root.iter(W + "ins", W + "moveTo")):
        if insertion.getparent().tag != W + "rPr":
            insertion.getparent().remove(insertion)
    for deletion in list(root.iter(W + "del", W + "moveFrom")):
        if deletion.getparent().tag != W + "rPr":
            for text in deletion.iter(W + "delText"):
                text.tag = W + "t"
            _unwrap(deletion)
    return with_part(data, name, xml(root))


def _unwrap(element) -> None:
    parent = element.getparent()
    position = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(position + offset, child)
    parent.remove(element)


# ----------------------------------------------------------------------------- formatting


def canonical(element) -> tuple:
    """An element as a comparable tuple: tag, attributes, children (whitespace-only text ignored)."""
    if element is None:
        return ()
    text = (element.text or "").strip() if element.tag not in (W + "t", W + "delText") else element.text or ""
    return (
        element.tag,
        tuple(sorted(element.attrib.items())),
        text,
        tuple(canonical(child) for child in element if isinstance(child.tag, str)),
    )


def char_formats(p) -> list[tuple[str, tuple]]:
    """(character, canonical rPr of its run) for each character of paragraph ``p``'s text."""
    out = []
    for piece in paragraph_pieces(p):
        run = piece.node.getparent()
        properties = canonical(run.find(W + "rPr")) if run.tag == W + "r" else ("math",)
        out.extend((char, properties) for char in piece.text)
    return out


def paragraphs_by_block(document, root) -> list:
    """The ``w:p`` elements of ``root`` (a fresh parse of the same main part) for each block."""
    out = []
    for block in document.blocks:
        path = []
        element, parent = block.source, block.source.getparent()
        while parent is not None:
            path.append(parent.index(element))
            element, parent = parent, parent.getparent()
        p = root
        for position in reversed(path):
            p = p[position]
        out.append(p)
    return out


def fragment(markup: str) -> tuple:
    """The canonical form of an XML fragment written with the w: prefix."""
    return canonical(etree.fromstring(f"<w:wrapper {NSDECLS}>{markup}</w:wrapper>")[0])


def strip_comments(root, ids: set[str]) -> None:
    """Remove the range markers and reference runs of comments ``ids``."""
    for marker in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd")):
        if marker.get(W + "id") in ids:
            marker.getparent().remove(marker)
    for reference in list(root.iter(W + "commentReference")):
        if reference.get(W + "id") in ids:
            run = reference.getparent()
            run.getparent().remove(run)


# ----------------------------------------------------------------------------- ZIP


def raw_entries(data: bytes) -> dict[str, tuple[zipfile.ZipInfo, bytes]]:
    """Entry name -> (ZipInfo, raw bytes: local header, compressed data and descriptor)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    offsets = sorted({info.header_offset for info in infos} | {archive.start_dir})
    out = {}
    for info in infos:
        end = next(o for o in offsets if o > info.header_offset)
        out[info.filename] = (info, data[info.header_offset : end])
    return out


def assert_untouched_entries_identical(before: bytes, after: bytes, changed: set[str]) -> None:
    """Every entry of ``before`` outside ``changed`` is in ``after`` byte for byte (local
    header and compressed data), with the same compression, and entries keep their order."""
    old, new = raw_entries(before), raw_entries(after)
    assert list(new)[: len(old)] == list(old), "entry order changed"
    assert set(new) - set(old) <= changed
    for name, (info, raw) in old.items():
        new_info, new_raw = new[name]
        assert new_info.compress_type == info.compress_type, name
        if name in changed:
            continue
        assert new_raw == raw, f"{name} is not byte-identical"
        assert (new_info.CRC, new_info.compress_size, new_info.file_size, new_info.date_time) == (
            info.CRC, info.compress_size, info.file_size, info.date_time)
        assert struct.unpack("<H", new_raw[6:8]) == struct.unpack("<H", raw[6:8])  # flag bits
    assert zipfile.ZipFile(io.BytesIO(after)).testzip() is None


def changed_entries(before: bytes, after: bytes) -> set[str]:
    old, new = raw_entries(before), raw_entries(after)
    return {name for name in new if name not in old or old[name][1] != new[name][1]}
