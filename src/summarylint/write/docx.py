"""Findings written back into a copy of a .docx: Word comments and tracked changes.

``annotate`` puts one Word comment (批注) on the characters of each finding; ``apply_fixes``
replaces the spans of fixes, as tracked changes (修订) that the editor accepts or rejects,
or directly.  Both edit only what they must:

- the main document part is parsed with the reader's parser and walked with the reader's
  own piece walker (:func:`summarylint.readers.docx.paragraph_pieces`), so a character
  offset into ``Block.text`` lands on exactly the XML node the reader took it from;
- a run is split where a span starts or ends inside it, each piece keeping a copy of the
  run's properties, so the formatting of every other character stays as it was;
- the output package is the input package with only the parts that change re-written (the
  main document part, the comments part, and when the comments part is new the main
  part's relationships and ``[Content_Types].xml``).  Every other ZIP entry, local header
  and compressed data alike, is copied byte for byte, in the original order (see
  :func:`_rebuild_zip`).
"""

from __future__ import annotations

import copy
import posixpath
import re
import struct
import zipfile
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO

from lxml import etree

from summarylint.model import Block, Document, Finding
from summarylint.ooxml import CT_NS as _CT_NS
from summarylint.ooxml import MC as _MC
from summarylint.ooxml import REL_NS as _REL_NS
from summarylint.ooxml import W_NS as _W_NS
from summarylint.ooxml import W
from summarylint.readers.docx import (
    _STRICT_NAMESPACES,
    Piece,
    _Package,
    _parser,
    paragraph_pieces,
)

__all__ = ["DocxFixResult", "DocxWriteError", "annotate", "apply_fixes", "comment_text", "fix_docx"]


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_RELATIONSHIPS = "{" + _REL_NS + "}Relationships"
_RELATIONSHIP = "{" + _REL_NS + "}Relationship"
_OVERRIDE = "{" + _CT_NS + "}Override"
_RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_RT_COMMENTS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
_CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

_P = W + "p"
_R = W + "r"
_T = W + "t"
_R_PR = W + "rPr"
_P_PR = W + "pPr"
_ID = W + "id"
_DEL = W + "del"
_INS = W + "ins"
_MOVE_FROM = W + "moveFrom"
_MOVE_TO = W + "moveTo"
_TXBX_CONTENT = W + "txbxContent"

#: Elements whose children are runs and range markers, inside a paragraph.
_INLINE_CONTAINERS = frozenset(
    W + name
    for name in ("p", "hyperlink", "ins", "moveTo", "fldSimple", "smartTag", "customXml", "sdtContent", "dir", "bdo",
                 "rubyBase")
)
#: Containers a fix may edit inside (a hyperlink, a field or a tracked change may not be).
_EDITABLE_CONTAINERS = frozenset(W + name for name in ("p", "smartTag", "customXml", "sdtContent", "sdt", "dir", "bdo"))
#: Text nodes of a run that a fix may delete or rewrite.
_TEXT_NODES = frozenset(W + name for name in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))
#: What a run inside a replaced span may hold besides its text (anything else, a
#: picture, a footnote reference, a symbol, makes the fix unsafe).
_RUN_CHILDREN_IN_SPAN = _TEXT_NODES | {_R_PR, W + "softHyphen", W + "lastRenderedPageBreak"}
#: Revision markup that a copied run property must not carry (it has ids of its own).
_RPR_REVISIONS = frozenset(W + name for name in ("rPrChange", "ins", "del", "moveFrom", "moveTo"))

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_MAX_UNPACKED = 1024 * 1024 * 1024


class DocxWriteError(ValueError):
    """The package cannot be written back (it does not match the document, or uses a
    form this writer does not handle); the message is one line."""


@dataclass
class DocxFixResult:
    """What ``fix_docx`` did: the new package, the fixes applied, and the fixes skipped
    with the reason (their span touches a field result, a hyperlink, an existing tracked
    change, or an object such as a picture or a footnote mark that is not plain text)."""

    data: bytes
    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


# ----------------------------------------------------------------------------- API


def comment_text(finding: Finding) -> str:
    """``[T001] message（建议：suggestion）``: the text of a finding's Word comment."""
    text = f"[{finding.rule}] {finding.message}"
    if finding.suggestion:
        text += f"（建议：{finding.suggestion}）"
    return text


def annotate(
    data: bytes,
    document: Document,
    findings: list[Finding],
    *,
    author: str = "summarylint",
    when: datetime | None = None,
) -> bytes:
    """A copy of package ``data`` with one Word comment per finding, anchored on the
    finding's characters (on the whole paragraph for a numbering-label or section-level
    finding).  ``document`` is what the reader returned for ``data``.  Existing comments
    stay; new ones get fresh ids."""
    editor = _Editor(data, document)
    if not findings:
        return data
    editor.resolve(f.span.block for f in findings)
    date = _w_date(when)
    comments = editor.comments_part()
    next_id = max(editor.max_id(), _max_id(comments)) + 1
    for finding in findings:
        p, block = editor.paragraph(finding.span.block)
        comment_id = str(next_id)
        next_id += 1
        whole = finding.span.in_label or finding.section_level
        start, end = _clamp(block, finding.span.start, finding.span.end)
        _anchor_comment(p, comment_id, None if whole else (start, end))
        comments.append(_comment_element(comments, comment_id, comment_text(finding), author, date))
    editor.replace_comments(comments)
    return editor.write()


def apply_fixes(
    data: bytes,
    document: Document,
    fixes: list[Finding],
    *,
    track: bool = True,
    author: str = "summarylint",
    when: datetime | None = None,
) -> bytes:
    """A copy of package ``data`` with each fix's span replaced by its replacement: as
    tracked changes (``w:del`` + ``w:ins``) by default, or directly with ``track=False``.
    ``fixes`` come from :func:`summarylint.write.choose_fixes`.  A fix whose span touches
    protected text (field result, hyperlink, tracked change) is skipped; see
    :func:`fix_docx` for which."""
    return fix_docx(data, document, fixes, track=track, author=author, when=when).data


def fix_docx(
    data: bytes,
    document: Document,
    fixes: list[Finding],
    *,
    track: bool = True,
    author: str = "summarylint",
    when: datetime | None = None,
) -> DocxFixResult:
    """``apply_fixes``, also telling which fixes were applied and which were skipped (and why)."""
    editor = _Editor(data, document)
    outcome = DocxFixResult(data)
    revision = _Revision(author, _w_date(when), editor.max_id() + 1) if track else None
    editor.resolve(f.span.block for f in fixes)
    by_block: dict[int, list[Finding]] = {}
    for fix in fixes:
        if fix.fix is None:
            continue
        if fix.span.in_label or fix.section_level:
            outcome.skipped.append((fix, "not a span of the paragraph text"))
            continue
        by_block.setdefault(fix.span.block, []).append(fix)
    applied: set[int] = set()
    for block_index, block_fixes in by_block.items():
        p, block = editor.paragraph(block_index)
        mirror = _fallback_twin(p)
        # Last first: offsets before a fix do not move when it is applied.
        for fix in sorted(block_fixes, key=lambda f: (f.span.start, f.span.end), reverse=True):
            start, end = fix.span.start, fix.span.end
            if start < 0 or end > len(block.text) or start > end:
                outcome.skipped.append((fix, "the span is outside the paragraph text"))
                continue
            if _touches_protected(block, start, end):
                outcome.skipped.append((fix, "the span touches a field result, a hyperlink or a tracked change"))
                continue
            reason = _replace(p, start, end, fix.fix.replacement, revision)
            if reason is None:
                applied.add(id(fix))
                if mirror is not None:
                    _replace(mirror, start, end, fix.fix.replacement, revision)
            else:
                outcome.skipped.append((fix, reason))
    outcome.applied = [f for f in fixes if id(f) in applied]
    order = {id(f): i for i, f in enumerate(fixes)}
    outcome.skipped.sort(key=lambda item: order.get(id(item[0]), 0))
    if applied:
        outcome.data = editor.write()
    return outcome


# ----------------------------------------------------------------------------- package


class _Editor:
    """The package being edited: its main document part as a fresh lxml tree, and the
    parts to write back."""

    def __init__(self, data: bytes, document: Document) -> None:
        if document.format != "docx":
            raise DocxWriteError(f"{document.path}: not a .docx document (read as {document.format})")
        self.data = data
        self.document = document
        try:
            self.package = _Package(data, _MAX_UNPACKED)
            self.main, self.root = self.package.main_document()
        except Exception as exc:
            raise DocxWriteError(f"cannot read the .docx package ({exc})") from None
        self.strict = self.package.strict
        self.rels = self.package.relationships(self.main)
        self.replaced: dict[str, bytes] = {}  # part name (lower case) -> new content
        self.added: dict[str, bytes] = {}  # new part name -> content
        self._comments_name: str | None = None
        self._comments_new = False
        self._paragraphs: dict[int, tuple] = {}

    # ------------------------------------------------------------------ paragraphs

    def resolve(self, indices: Iterable[int]) -> None:
        """Find the paragraphs of blocks ``indices`` before anything changes: they are
        found by their position in the tree, which splitting runs can shift (a text box
        paragraph sits inside a run of another paragraph)."""
        for index in sorted(set(indices)):
            self.paragraph(index)

    def paragraph(self, index: int):
        """(``w:p`` in the tree being edited, Block) of block ``index``."""
        try:
            return self._paragraphs[index]
        except KeyError:
            pass
        if not 1 <= index <= len(self.document.blocks):
            raise DocxWriteError(f"paragraph {index} is not in the document (it has {len(self.document.blocks)})")
        block = self.document.block(index)
        source = block.source
        if source is None or not hasattr(source, "getparent"):
            raise DocxWriteError(f"paragraph {index} has no .docx source element")
        path = []
        element, parent = source, source.getparent()
        while parent is not None:
            path.append(parent.index(element))
            element, parent = parent, parent.getparent()
        p = self.root
        try:
            for position in reversed(path):
                p = p[position]
        except IndexError:
            p = None
        if p is None or p.tag != _P or "".join(piece.text for piece in paragraph_pieces(p)) != block.text:
            raise DocxWriteError("the document was not read from these bytes (paragraph text differs)")
        self._paragraphs[index] = (p, block)
        return p, block

    def max_id(self) -> int:
        """The largest numeric ``w:id`` of the main part (comments, revisions, bookmarks), or -1."""
        return _max_id(self.root)

    # ------------------------------------------------------------------ comments

    def comments_part(self):
        """The root of the comments part: the existing one (parsed), or a new empty one."""
        name = next((n for t, n in self.rels if t.endswith("/comments")), None)
        if name is not None and self.package.has(name):
            try:
                root = self.package.read_xml(name)
            except Exception as exc:
                raise DocxWriteError(f"the comments part {name} cannot be read ({exc})") from None
            if root.tag != W + "comments":
                raise DocxWriteError(f"the comments part {name} is not a w:comments part")
            self._comments_name = self._entry_name(name)
            self._comments_new = False
            return root
        if name is None:
            directory = posixpath.dirname(self.main)
            name = posixpath.join(directory, "comments.xml")
            number = 1
            while self.package.has(name):
                number += 1
                name = posixpath.join(directory, f"comments{number}.xml")
            self._add_relationship(posixpath.relpath(name, directory or "."))
        self._add_content_type(name)
        self._comments_name = name
        self._comments_new = True
        return etree.fromstring(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:comments xmlns:w="{_W_NS}" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'.encode()
        )

    def replace_comments(self, root) -> None:
        content = self._serialize(root)
        if self._comments_new:
            self.added[self._comments_name] = content
        else:
            self.replaced[self._comments_name.lower()] = content

    def _entry_name(self, name: str) -> str:
        return self.package.parts[name.lower()].filename

    def _add_relationship(self, target: str) -> None:
        directory, file = posixpath.split(self.main)
        rels_name = posixpath.join(directory, "_rels", file + ".rels")
        rel_type = _RT_COMMENTS_STRICT if self.strict else _RT_COMMENTS
        if self.package.has(rels_name):
            root = etree.fromstring(self.package.read_bytes(rels_name), _parser())
            used = {rel.get("Id") for rel in root}
        else:
            root = etree.Element(_RELATIONSHIPS, nsmap={None: _REL_NS})
            used = set()
        number = len(used) + 1
        while f"rId{number}" in used:
            number += 1
        etree.SubElement(root, _RELATIONSHIP, Id=f"rId{number}", Type=rel_type, Target=target)
        content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.package.has(rels_name):
            self.replaced[rels_name.lower()] = content
        else:
            self.added[rels_name] = content

    def _add_content_type(self, name: str) -> None:
        if not self.package.has("[Content_Types].xml"):
            raise DocxWriteError("the package has no [Content_Types].xml")
        root = etree.fromstring(self.package.read_bytes("[Content_Types].xml"), _parser())
        part_name = "/" + name
        for override in root.iter(_OVERRIDE):
            if (override.get("PartName") or "").lower() == part_name.lower():
                override.set("ContentType", _CT_COMMENTS)
                break
        else:
            etree.SubElement(root, _OVERRIDE, PartName=part_name, ContentType=_CT_COMMENTS)
        self.replaced["[content_types].xml"] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )

    # ------------------------------------------------------------------ output

    def _serialize(self, root) -> bytes:
        tree = root.getroottree()
        standalone = tree.docinfo.standalone
        kwargs = {} if standalone is None else {"standalone": standalone}
        content = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", **kwargs)
        if self.strict:
            content = _to_strict(content)
        return content

    def write(self) -> bytes:
        self.replaced[self.main.lower()] = self._serialize(self.root)
        return _rebuild_zip(self.data, self.replaced, self.added)


_TRANSITIONAL_TO_STRICT = {v: k for k, v in _STRICT_NAMESPACES.items()}
_TRANSITIONAL_PATTERN = re.compile(b"|".join(re.escape(k) for k in _TRANSITIONAL_TO_STRICT))


def _to_strict(content: bytes) -> bytes:
    """Undo the reader's mapping of Strict namespace names onto transitional ones."""
    return _TRANSITIONAL_PATTERN.sub(lambda m: _TRANSITIONAL_TO_STRICT[m.group(0)], content)


def _max_id(root) -> int:
    """The largest numeric ``w:id`` under ``root``; -1 when there is none."""
    highest = -1
    for element in root.iter():
        value = element.get(_ID) if isinstance(element.tag, str) else None
        if value is not None:
            value = value.strip()
            if value.isdigit():
                highest = max(highest, int(value))
    return highest


def _w_date(when: datetime | None) -> str:
    when = when or datetime.now(UTC)
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _clamp(block: Block, start: int, end: int) -> tuple[int, int]:
    length = len(block.text)
    start = min(max(start, 0), length)
    return start, min(max(end, start), length)


# ----------------------------------------------------------------------------- ZIP


class _Unsupported(Exception):
    pass


_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_END = b"PK\x05\x06"


def _central_directory(data: bytes) -> tuple[list[tuple[bytes, int]], int, bytes]:
    """([(central record bytes, local header offset)], central directory offset, archive
    comment) of a plain (not ZIP64, single-disk, not prefixed) archive."""
    end = data.rfind(_END, max(0, len(data) - 65557))
    if end < 0 or len(data) < end + 22:
        raise _Unsupported
    _, disk, cd_disk, _, count, cd_size, cd_offset, comment_length = struct.unpack("<4s4H2LH", data[end : end + 22])
    if disk or cd_disk or count == 0xFFFF or cd_offset == 0xFFFFFFFF or cd_offset + cd_size > end:
        raise _Unsupported
    records = []
    position = cd_offset
    for _ in range(count):
        if data[position : position + 4] != _CENTRAL:
            raise _Unsupported
        compressed, uncompressed = struct.unpack("<2L", data[position + 20 : position + 28])
        name_length, extra_length, comment_len = struct.unpack("<3H", data[position + 28 : position + 34])
        (offset,) = struct.unpack("<L", data[position + 42 : position + 46])
        if 0xFFFFFFFF in (compressed, uncompressed, offset) or data[offset : offset + 4] != _LOCAL:
            raise _Unsupported
        size = 46 + name_length + extra_length + comment_len
        records.append((data[position : position + size], offset))
        position += size
    return records, cd_offset, data[end + 22 : end + 22 + comment_length]


def _fresh_entry(name: str, content: bytes, template: zipfile.ZipInfo | None) -> tuple[bytes, bytes]:
    """(local header + data, central record) of one entry, written by ``zipfile``."""
    info = zipfile.ZipInfo(name, date_time=template.date_time if template else (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    if template is not None:
        info.external_attr = template.external_attr
        info.create_system = template.create_system
        if template.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            info.compress_type = template.compress_type
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info, content)
    scratch = buffer.getvalue()
    records, cd_offset, _ = _central_directory(scratch)
    return scratch[:cd_offset], records[0][0]


def _rebuild_zip(data: bytes, replaced: dict[str, bytes], added: dict[str, bytes]) -> bytes:
    """The package ``data`` with the entries named in ``replaced`` (lower-case names)
    re-written and ``added`` appended.  Every other entry is copied as raw bytes: its local
    header, compressed data and data descriptor, and its central directory record (only
    the local header offset in it changes)."""
    source = zipfile.ZipFile(BytesIO(data))
    infos = source.infolist()
    template = next((i for i in infos if i.filename.lower() in replaced), infos[0] if infos else None)
    try:
        records, cd_offset, comment = _central_directory(data)
        if len(records) != len(infos) or len(records) + len(added) > 0xFFFF:
            raise _Unsupported
        starts = sorted({offset for _, offset in records} | {cd_offset})
        out = BytesIO()
        central = []
        for info, (record, offset) in zip(infos, records, strict=True):
            new_offset = out.tell()
            content = replaced.get(info.filename.lower())
            if content is None:
                end = starts[bisect_right(starts, offset)]
                out.write(data[offset:end])
                central.append(record[:42] + struct.pack("<L", new_offset) + record[46:])
            else:
                local, fresh = _fresh_entry(info.filename, content, info)
                out.write(local)
                central.append(fresh[:42] + struct.pack("<L", new_offset) + fresh[46:])
        for name, content in added.items():
            new_offset = out.tell()
            local, fresh = _fresh_entry(name, content, template)
            out.write(local)
            central.append(fresh[:42] + struct.pack("<L", new_offset) + fresh[46:])
        cd_start = out.tell()
        for record in central:
            out.write(record)
        cd_size = out.tell() - cd_start
        if out.tell() > 0xFFFFFFFF:
            raise _Unsupported
        count = len(central)
        out.write(struct.pack("<4s4H2LH", _END, 0, 0, count, count, cd_size, cd_start, len(comment)) + comment)
        return out.getvalue()
    except _Unsupported:
        # A ZIP64, multi-disk or prefixed archive: re-write every entry with zipfile (the
        # uncompressed content of untouched entries is still the same bytes).
        out = BytesIO()
        with zipfile.ZipFile(out, "w", allowZip64=True) as archive:
            for info in infos:
                content = replaced.get(info.filename.lower())
                archive.writestr(info, source.read(info) if content is None else content)
            for name, content in added.items():
                archive.writestr(zipfile.ZipInfo(name, date_time=template.date_time if template else
                                                 (1980, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
        return out.getvalue()


# ----------------------------------------------------------------------------- positions


def _piece_at(pieces: list[Piece], offset: int) -> Piece:
    """The piece holding character ``offset``."""
    return pieces[bisect_right([piece.start for piece in pieces], offset) - 1]


def _boundary(piece: Piece, k: int, opening: bool):
    """Make a boundary between sibling elements at character ``k`` of ``piece`` (splitting
    its ``w:t`` and its run when ``k`` falls inside them) and return (left, right): the
    elements on either side, one of them possibly None.  ``opening``: the boundary opens a
    range (it goes before an unsplittable object such as an equation), else it closes one."""
    node = piece.node
    run = node.getparent()
    if run is None or run.tag != _R or node.tag not in _TEXT_NODES:
        # An equation: the whole object goes on one side.
        element = node
        while element.getparent() is not None and element.getparent().tag not in _INLINE_CONTAINERS:
            element = element.getparent()
        return (element.getprevious(), element) if opening else (element, element.getnext())
    if node.tag == _T and len(node):
        k = 0 if opening else len(piece.text)  # a w:t with stray children is not split
    if node.tag == _T and 0 < k < len(piece.text):
        text = node.text
        node.text = text[:k]
        node.set(_XML_SPACE, "preserve")
        tail = node.makeelement(_T, {_XML_SPACE: "preserve"})
        tail.text = text[k:]
        node.addnext(tail)
        return _split_run(run, tail)
    if k == 0:
        return _split_run(run, node)
    following = node.getnext()
    if following is None:
        return run, run.getnext()
    return _split_run(run, following)


def _split_run(run, first):
    """Split ``run`` before its child ``first``: (left run, right run); a run is not split
    where the boundary falls before all its content or after it."""
    if all(child.tag == _R_PR for child in first.itersiblings(preceding=True)):
        return run.getprevious(), run
    tail = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(_R_PR)
    if rpr is not None:
        tail.append(copy.deepcopy(rpr))
    moving = [first, *first.itersiblings()]
    for child in moving:
        tail.append(child)
    run.addnext(tail)
    return run, tail


def _insert_at(boundary, element) -> None:
    left, right = boundary
    if left is not None:
        left.addnext(element)
    else:
        right.addprevious(element)


def _w(tag: str, **attributes):
    return etree.Element(W + tag, {W + key: value for key, value in attributes.items()})


# ----------------------------------------------------------------------------- comments


def _anchor_comment(p, comment_id: str, span: tuple[int, int] | None) -> None:
    """Put comment ``comment_id``'s range markers around characters ``span`` of paragraph
    ``p`` (None: the whole paragraph), and its reference run after the range end."""
    start_marker = _w("commentRangeStart", id=comment_id)
    end_marker = _w("commentRangeEnd", id=comment_id)
    pieces = paragraph_pieces(p)
    if span is None or not pieces:
        first = p[0] if len(p) else None
        if first is not None and first.tag == _P_PR:
            first.addnext(start_marker)
        else:
            p.insert(0, start_marker)
        p.append(end_marker)
    else:
        start, end = span
        length = pieces[-1].end
        if start < length:
            piece = _piece_at(pieces, start)
            _insert_at(_boundary(piece, start - piece.start, True), start_marker)
        else:
            piece = pieces[-1]
            _insert_at(_boundary(piece, len(piece.text), False), start_marker)
        if end == start:
            start_marker.addnext(end_marker)
        else:
            pieces = paragraph_pieces(p)
            piece = _piece_at(pieces, end - 1)
            _insert_at(_boundary(piece, end - piece.start, False), end_marker)
    # The reference run (the comment mark) goes at paragraph level, after whatever holds
    # the range end (a hyperlink, a tracked insertion), so that it is not part of it.
    holder = end_marker
    while holder.getparent() is not p:
        holder = holder.getparent()
    reference = _w("r")
    properties = etree.SubElement(reference, _R_PR)
    etree.SubElement(properties, W + "rStyle", {W + "val": "CommentReference"})
    etree.SubElement(reference, W + "commentReference", {_ID: comment_id})
    holder.addnext(reference)


def _comment_element(comments, comment_id: str, text: str, author: str, date: str):
    comment = comments.makeelement(
        W + "comment", {_ID: comment_id, W + "author": author, W + "date": date, W + "initials": _initials(author)}
    )
    for i, line in enumerate(_XML_INVALID.sub("", text).split("\n")):
        p = etree.SubElement(comment, _P)
        ppr = etree.SubElement(p, _P_PR)
        etree.SubElement(ppr, W + "pStyle", {W + "val": "CommentText"})
        if i == 0:
            mark = etree.SubElement(p, _R)
            etree.SubElement(etree.SubElement(mark, _R_PR), W + "rStyle", {W + "val": "CommentReference"})
            etree.SubElement(mark, W + "annotationRef")
        if line:
            run = etree.SubElement(p, _R)
            t = etree.SubElement(run, _T, {_XML_SPACE: "preserve"})
            t.text = line
    return comment


def _initials(author: str) -> str:
    if author == "summarylint":
        return "SL"
    return "".join(word[0] for word in author.split() if word)[:4].upper() or author[:2]


# ----------------------------------------------------------------------------- fixes


@dataclass
class _Revision:
    author: str
    date: str
    next_id: int

    def element(self, tag: str):
        element = _w(tag, id=str(self.next_id), author=self.author, date=self.date)
        self.next_id += 1
        return element


def _touches_protected(block: Block, start: int, end: int) -> bool:
    if start == end:
        return any(p_start < start < p_end for p_start, p_end in block.protected)
    return block.is_protected(start, end)


def _editable(piece: Piece, p) -> bool:
    """A piece a fix may change: plain text of a run that sits in the paragraph directly
    or through content controls, smart tags and custom XML only."""
    node = piece.node
    if piece.protected or node.tag not in _TEXT_NODES or (node.tag == _T and len(node)):
        return False
    run = node.getparent()
    if run is None or run.tag != _R:
        return False
    container = run.getparent()
    while container is not p:
        if container is None or container.tag not in _EDITABLE_CONTAINERS:
            return False
        container = container.getparent()
    return True


def _obstacle(p, first, last) -> str | None:
    """Why the span from text node ``first`` to text node ``last`` cannot be replaced: a
    tracked change or a field code inside it, or an object that is not text (a picture,
    a footnote mark, a symbol, a field character); None when it holds only text."""
    inside = False
    for element in p.iter():
        if element is first:
            inside = True
        elif inside:
            tag = element.tag
            if tag in _REVISION_OR_CODE:
                return _CROSSES
            parent = element.getparent()
            if parent.tag == _R and tag not in _RUN_CHILDREN_IN_SPAN:
                return _OBJECT
        if element is last:
            return None
    return None


_REVISION_OR_CODE = frozenset(W + name for name in ("del", "ins", "moveFrom", "moveTo", "instrText", "delText"))


_NOT_PLAIN = "the span is not plain text of the paragraph (hyperlink, field, equation, text with stray markup)"
_CROSSES = "a tracked change or a field code lies inside the span"
_OBJECT = "the span holds an object that is not text (picture, footnote mark, symbol)"


def _replace(p, start: int, end: int, replacement: str, revision: _Revision | None) -> str | None:
    """Replace characters [start, end) of paragraph ``p``: None when done, else why not
    (and nothing was changed but perhaps a run split in two)."""
    pieces = paragraph_pieces(p)
    if start == end:
        return _insert(p, pieces, start, replacement, revision)
    affected = [piece for piece in pieces if piece.start < end and start < piece.end]
    if not affected or not all(_editable(piece, p) for piece in affected):
        return _NOT_PLAIN
    obstacle = _obstacle(p, affected[0].node, affected[-1].node)
    if obstacle is not None:
        return obstacle
    if revision is None:
        return _replace_directly(affected, start, end, replacement)
    # Cut the span out into whole runs.
    piece = affected[0]
    _boundary(piece, start - piece.start, True)
    pieces = paragraph_pieces(p)
    piece = _piece_at(pieces, end - 1)
    _boundary(piece, end - piece.start, False)
    pieces = paragraph_pieces(p)
    runs = []
    for piece in pieces:
        if piece.start < end and start < piece.end:
            run = piece.node.getparent()
            if not runs or runs[-1] is not run:
                runs.append(run)
    if any(child.tag not in _RUN_CHILDREN_IN_SPAN for run in runs for child in run):
        return _OBJECT  # a picture or a footnote mark among the characters: left alone
    first_properties = runs[0].find(_R_PR)
    groups: list[list] = []
    for run in runs:
        if groups and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    wrappers = []
    for group in groups:
        deletion = revision.element("del")
        group[0].addprevious(deletion)
        for run in group:
            deletion.append(run)
            for t in list(run.iter(_T)):
                t.tag = W + "delText"
        wrappers.append(deletion)
    if replacement:
        insertion = revision.element("ins")
        insertion.append(_new_run(replacement, first_properties))
        last = [w for w in wrappers if w.getparent() is wrappers[0].getparent()][-1]
        last.addnext(insertion)
    return None


def _replace_directly(affected: list[Piece], start: int, end: int, replacement: str) -> None:
    touched = []
    for i, piece in enumerate(affected):
        node = piece.node
        run = node.getparent()
        if run not in touched:
            touched.append(run)
        a, b = max(start, piece.start) - piece.start, min(end, piece.end) - piece.start
        inserted = replacement if i == 0 else ""
        if node.tag == _T:
            text = node.text[:a] + inserted + node.text[b:]
            if text:
                node.text = text
                node.set(_XML_SPACE, "preserve")
            else:
                run.remove(node)
        else:
            if inserted:
                t = node.makeelement(_T, {_XML_SPACE: "preserve"})
                t.text = inserted
                node.addprevious(t)
            run.remove(node)
    for run in touched:
        if all(child.tag == _R_PR for child in run):
            run.getparent().remove(run)
    return None


def _insert(p, pieces: list[Piece], at: int, text: str, revision: _Revision | None) -> str | None:
    """Insert ``text`` at offset ``at`` (a fix with an empty span), in the formatting of
    the character before it (as typing does), else of the one after it."""
    if not text:
        return None
    before = _piece_at(pieces, at - 1) if pieces and at > 0 else None
    after = _piece_at(pieces, at) if pieces and at < pieces[-1].end else None
    if before is not None and _editable(before, p):
        piece, k, opening = before, at - before.start, False
    elif after is not None and _editable(after, p):
        piece, k, opening = after, at - after.start, True
    elif not pieces:
        piece = None
    else:
        return _NOT_PLAIN
    if revision is None:
        if piece is None:
            p.append(_new_run(text, None))
        elif piece.node.tag == _T:
            node = piece.node
            node.text = node.text[:k] + text + node.text[k:]
            node.set(_XML_SPACE, "preserve")
        else:
            t = piece.node.makeelement(_T, {_XML_SPACE: "preserve"})
            t.text = text
            if opening:
                piece.node.addprevious(t)
            else:
                piece.node.addnext(t)
        return None
    insertion = revision.element("ins")
    if piece is None:
        insertion.append(_new_run(text, None))
        p.append(insertion)
        return None
    properties = piece.node.getparent().find(_R_PR)
    insertion.append(_new_run(text, properties))
    _insert_at(_boundary(piece, k, opening), insertion)
    return None


def _new_run(text: str, properties):
    run = _w("r")
    if properties is not None:
        properties = copy.deepcopy(properties)
        for child in list(properties):
            if child.tag in _RPR_REVISIONS:
                properties.remove(child)
        run.append(properties)
    t = etree.SubElement(run, _T, {_XML_SPACE: "preserve"})
    t.text = _XML_INVALID.sub("", text)
    return run


def _fallback_twin(p):
    """The same paragraph in the VML fallback of a text box whose DrawingML choice holds
    ``p`` (Word writes a text box twice), so that a fix changes both; None elsewhere."""
    content = next(p.iterancestors(_TXBX_CONTENT), None)
    if content is None:
        return None
    choice = next(content.iterancestors(_MC + "Choice"), None)
    if choice is None:
        return None
    fallback = next(choice.itersiblings(_MC + "Fallback"), None)
    if fallback is None:
        return None
    twin_content = next(fallback.iter(_TXBX_CONTENT), None)
    if twin_content is None:
        return None
    path = []
    element = p
    while element is not content:
        parent = element.getparent()
        path.append(parent.index(element))
        element = parent
    twin = twin_content
    try:
        for position in reversed(path):
            twin = twin[position]
    except IndexError:
        return None
    if twin.tag != _P:
        return None
    text = "".join(piece.text for piece in paragraph_pieces(p))
    if "".join(piece.text for piece in paragraph_pieces(twin)) != text:
        return None
    return twin

