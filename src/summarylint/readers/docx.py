"""WordprocessingML (.docx, .docm, .dotx, .dotm) reader.

The package is read with ``zipfile`` and a hardened lxml parser directly (no
python-docx): it is about ten times faster than python-docx's object API, it reads the
packages python-docx refuses (macro-enabled and template content types, a main part that
is not ``word/document.xml``, Strict Open XML) and it never resolves XML entities.

What becomes a ``Block``: every paragraph of the main document story in reading order:
body paragraphs, table cells (each cell once; nested tables recursively), content
controls, and text boxes (right after the paragraph that anchors them).  Headers,
footers, footnotes, endnotes and comments are not part of it.  The text is what Word
shows with tracked changes accepted: insertions and move destinations are in, deletions
and move sources out, field results in and field codes out.  Automatic numbering labels
are rendered by :mod:`summarylint.readers.numbering` and kept in ``Block.label``.

Suppression directives are Word comments (批注) whose text starts with ``summarylint:``
(see :mod:`summarylint.suppress`).  The comment range markers of the main story are
recorded while its blocks are built (block index, code-point offset into ``Block.text``);
the comments part is read only when the body has markers, and only for their ids.
"""

from __future__ import annotations

import posixpath
import re
import threading
import unicodedata
import zipfile
import zlib
from io import BytesIO
from typing import NamedTuple
from urllib.parse import unquote

from lxml import etree

from summarylint.model import Block, Directive, Document
from summarylint.ooxml import CT as _CT_NS
from summarylint.ooxml import MC as _MC
from summarylint.ooxml import REL as _REL_NS
from summarylint.ooxml import W_NS as _W_NS
from summarylint.ooxml import M as _M
from summarylint.ooxml import W
from summarylint.readers.errors import InputError
from summarylint.readers.numbering import ListCounters, NumberingDefinitions

__all__ = ["Piece", "paragraph_pieces", "read_docx"]

# ----------------------------------------------------------------------------- names


_DOCUMENT = W + "document"
_BODY = W + "body"
_P = W + "p"
_R = W + "r"
_T = W + "t"
_TAB = W + "tab"
_PTAB = W + "ptab"
_BR = W + "br"
_CR = W + "cr"
_NO_BREAK_HYPHEN = W + "noBreakHyphen"
_FLD_CHAR = W + "fldChar"
_FLD_CHAR_TYPE = W + "fldCharType"
_FLD_SIMPLE = W + "fldSimple"
_HYPERLINK = W + "hyperlink"
_INS = W + "ins"
_DEL = W + "del"
_MOVE_TO = W + "moveTo"
_MOVE_FROM = W + "moveFrom"
_SDT = W + "sdt"
_SDT_CONTENT = W + "sdtContent"
_SMART_TAG = W + "smartTag"
_CUSTOM_XML = W + "customXml"
_DIR = W + "dir"
_BDO = W + "bdo"
_RUBY = W + "ruby"
_RUBY_BASE = W + "rubyBase"
_DRAWING = W + "drawing"
_PICT = W + "pict"
_OBJECT = W + "object"
_TXBX_CONTENT = W + "txbxContent"
_TBL = W + "tbl"
_TR = W + "tr"
_TC = W + "tc"
_TR_PR = W + "trPr"
_TC_PR = W + "tcPr"
_V_MERGE = W + "vMerge"
_H_MERGE = W + "hMerge"
_P_PR = W + "pPr"
_R_PR = W + "rPr"
_P_STYLE = W + "pStyle"
_NUM_PR = W + "numPr"
_NUM_ID = W + "numId"
_ILVL = W + "ilvl"
_OUTLINE_LVL = W + "outlineLvl"
_VAL = W + "val"
_STYLE = W + "style"
_STYLE_ID = W + "styleId"
_STYLE_TYPE = W + "type"
_DEFAULT = W + "default"
_NAME = W + "name"
_BASED_ON = W + "basedOn"
_ALTERNATE = _MC + "AlternateContent"
_CHOICE = _MC + "Choice"
_FALLBACK = _MC + "Fallback"
_OMATH = _M + "oMath"
_OMATH_PARA = _M + "oMathPara"
_M_T = _M + "t"
_COMMENTS = W + "comments"
_COMMENT = W + "comment"
_COMMENT_RANGE_START = W + "commentRangeStart"
_COMMENT_RANGE_END = W + "commentRangeEnd"
_COMMENT_REFERENCE = W + "commentReference"
_ID = W + "id"

_RT_OFFICE_DOCUMENT = "/officeDocument"
_RT_STYLES = "/styles"
_RT_NUMBERING = "/numbering"
_RT_CORE = "/core-properties"
_RT_COMMENTS = "/comments"

_MAIN_CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)

# Strict Open XML (ISO/IEC 29500 Strict) uses other namespace names for the same
# vocabulary; mapping them onto the transitional ones is all the reader needs.
_STRICT_NAMESPACES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": _W_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
    b"http://purl.oclc.org/ooxml/officeDocument/math": b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    b"http://purl.oclc.org/ooxml/drawingml/main": b"http://schemas.openxmlformats.org/drawingml/2006/main",
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": (
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    ),
}
_STRICT_MARK = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_STRICT_PATTERN = re.compile(b"|".join(re.escape(k) for k in _STRICT_NAMESPACES))

# Style names: "heading 1" (Word's built-in name), "标题 1" and a few other localized ones.
_HEADING_NAME = re.compile(r"^(?:heading|标题|標題|見出し|überschrift|titre|título|titolo|kop|заголовок)\s*([1-9])$")
_TITLE_NAMES = frozenset({"title", "标题", "標題"})
# Word stores built-in style names in lowercase; python-docx shows them capitalized.
_UI_NAMES = {f"heading {i}": f"Heading {i}" for i in range(1, 10)} | {
    "caption": "Caption",
    "header": "Header",
    "footer": "Footer",
}

_THREAD = threading.local()


def _parser() -> etree.XMLParser:
    """The hardened parser (no entity expansion, no network, no DTD loading, libxml2's
    size and depth limits on); one per thread, as lxml parsers are not thread-safe."""
    parser = getattr(_THREAD, "parser", None)
    if parser is None:
        parser = _THREAD.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
    return parser


_MB = 1024 * 1024


# ----------------------------------------------------------------------------- entry


def read_docx(data: bytes, path: str, *, max_unpacked: int) -> Document:
    """Read a WordprocessingML package.  Every failure becomes an ``InputError``."""
    try:
        return _Package(data, max_unpacked).read(path)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise InputError("the .docx package is damaged (truncated or corrupt ZIP archive)") from None
    except NotImplementedError:
        raise InputError("the .docx package uses a ZIP compression method that is not supported") from None
    except RecursionError:
        raise InputError("the document is nested too deeply to read") from None
    except MemoryError:
        raise InputError("the document is too large to read") from None
    except Exception as exc:  # never a traceback for bad input
        raise InputError(f"cannot read the .docx package ({_one_line(exc)})") from None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _size(n: int) -> str:
    if n >= _MB:
        return f"{n / _MB:.0f} MB" if n % _MB == 0 or n >= 10 * _MB else f"{n / _MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


# ----------------------------------------------------------------------------- package


class _Package:
    """The ZIP package: part lookup (case-insensitive, as OPC part names are), bounded
    decompression, relationships."""

    def __init__(self, data: bytes, max_unpacked: int) -> None:
        self.max_unpacked = max_unpacked
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
            raise InputError("the .docx package is damaged (truncated or corrupt ZIP archive)") from None
        total = sum(info.file_size for info in infos)
        if total > max_unpacked:
            raise InputError(f"package parts decompress to more than {_size(max_unpacked)} (possible zip bomb)")
        self.budget = max_unpacked
        self.parts: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if not info.is_dir():
                self.parts.setdefault(info.filename.lower(), info)
        self.strict = False

    def has(self, name: str) -> bool:
        return name.lower() in self.parts

    def read_bytes(self, name: str) -> bytes:
        info = self.parts[name.lower()]
        if info.flag_bits & 0x1:
            raise InputError("the .docx package is encrypted (ZIP password); save it again without a password")
        try:
            with self.zip.open(info) as stream:
                data = stream.read(self.budget + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            raise InputError(
                f"the .docx package is damaged (part {info.filename} is corrupt: CRC or compression error)"
            ) from None
        if len(data) > self.budget:
            raise InputError(f"package parts decompress to more than {_size(self.max_unpacked)} (possible zip bomb)")
        self.budget -= len(data)
        return data

    def read_xml(self, name: str, *, what: str | None = None):
        data = self.read_bytes(name)
        if _STRICT_MARK in data:
            self.strict = True
            data = _STRICT_PATTERN.sub(lambda m: _STRICT_NAMESPACES[m.group(0)], data)
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{what or name} is not well-formed XML ({_one_line(exc)})") from None
        if root is None:
            raise InputError(f"{what or name} is empty")
        return root

    def relationships(self, source: str | None) -> list[tuple[str, str]]:
        """(type, target part name) of the internal relationships of ``source`` (None: the package)."""
        if source is None:
            rels_name = "_rels/.rels"
            base = ""
        else:
            directory, file = posixpath.split(source)
            rels_name = posixpath.join(directory, "_rels", file + ".rels")
            base = directory
        if not self.has(rels_name):
            return []
        try:
            root = self.read_xml(rels_name)
        except InputError:
            return []
        out = []
        for rel in root.iter(_REL_NS + "Relationship"):
            rel_type = rel.get("Type") or ""
            target = rel.get("Target")
            if not target or (rel.get("TargetMode") or "").lower() == "external":
                continue
            target = unquote(target.replace("\\", "/"))
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(base, target))
            out.append((rel_type, name.lstrip("/")))
        return out

    # ------------------------------------------------------------------ main part

    def _main_candidates(self):
        """Where the main document part may be: the package's officeDocument relationship
        (Word Online writes ``word/document22.xml``), ``word/document.xml``, and the part
        [Content_Types].xml declares as a document/template main part."""
        for rel_type, name in self.relationships(None):
            if rel_type.endswith(_RT_OFFICE_DOCUMENT):
                yield name
        yield "word/document.xml"
        if self.has("[Content_Types].xml"):
            try:
                types = self.read_xml("[Content_Types].xml")
            except InputError:
                return
            for override in types.iter(_CT_NS + "Override"):
                content_type = (override.get("ContentType") or "").split(";")[0].strip()
                if content_type in _MAIN_CONTENT_TYPES:
                    yield unquote(override.get("PartName") or "").lstrip("/")

    def main_document(self):
        """(part name, root element) of the main document part."""
        tried: set[str] = set()
        for name in self._main_candidates():
            if name.lower() in tried or not self.has(name):
                continue
            tried.add(name.lower())
            root = self.read_xml(name, what="the main document part")
            if root.tag == _DOCUMENT:
                return name, root
        raise InputError(self._not_word_reason())

    def _not_word_reason(self) -> str:
        if self.has("xl/workbook.xml"):
            return "the ZIP package is an Excel workbook, not a Word document"
        if self.has("ppt/presentation.xml"):
            return "the ZIP package is a PowerPoint presentation, not a Word document"
        if self.has("mimetype") and self.has("content.xml"):
            return "OpenDocument files (.odt) are not supported; save the document as .docx"
        return "the ZIP package has no Word main document part (word/document.xml)"

    # ------------------------------------------------------------------ reading

    def read(self, path: str) -> Document:
        main, root = self.main_document()
        rels = self.relationships(main)
        directory = posixpath.dirname(main)
        styles_root = self._related(rels, _RT_STYLES, posixpath.join(directory, "styles.xml"))
        numbering_root = self._related(rels, _RT_NUMBERING, posixpath.join(directory, "numbering.xml"))
        styles = _Styles(styles_root)
        numbering = NumberingDefinitions(numbering_root, styles.numbering_style_num_ids())
        body = root.find(_BODY)
        blocks: list[Block] = []
        anchors = _Anchors(blocks)
        if body is not None:
            _BodyReader(styles, numbering, blocks, anchors).read_story(body)
        anchors.finish()
        directives: tuple[Directive, ...] = ()
        if anchors:
            directives = anchors.directives(self._comment_directives(rels, directory, anchors.ids()))
        properties = self._properties()
        if self.strict:
            # Block.source elements were read with the namespaces mapped to transitional
            # ones: whoever writes the package back must know.
            properties["conformance"] = "strict"
        return Document(path=path, format="docx", blocks=tuple(blocks), properties=properties, directives=directives)

    def _comment_directives(self, rels: list[tuple[str, str]], directory: str, ids: set[str]) -> dict[str, str]:
        """Comment id -> directive text (``"disable T001"``) of the summarylint comments
        among ``ids``.  The comments part is optional: when it is missing or damaged the
        document is read without directives."""
        try:
            root = self._related(rels, _RT_COMMENTS, posixpath.join(directory, "comments.xml"))
            if root is None or root.tag != _COMMENTS:
                return {}
            out: dict[str, str] = {}
            for comment in root.iter(_COMMENT):
                comment_id = (comment.get(_ID) or "").strip()
                if comment_id in ids and comment_id not in out:
                    text = _directive_text(_story_text(comment))
                    if text is not None:
                        out[comment_id] = text
            return out
        except Exception:  # the comments are the editors' business: never fail the read
            return {}

    def _related(self, rels: list[tuple[str, str]], rel_type: str, fallback: str):
        name = next((n for t, n in rels if t.endswith(rel_type) and self.has(n)), None)
        if name is None and self.has(fallback):
            name = fallback
        if name is None:
            return None
        return self.read_xml(name)

    def _properties(self) -> dict[str, str]:
        name = next((n for t, n in self.relationships(None) if t.endswith(_RT_CORE) and self.has(n)), None)
        if name is None and self.has("docProps/core.xml"):
            name = "docProps/core.xml"
        props: dict[str, str] = {}
        if name is None:
            return props
        try:
            root = self.read_xml(name)
        except InputError:
            return props  # metadata only: a damaged core.xml does not hide the text
        wanted = {
            "{http://purl.org/dc/terms/}created": "created",
            "{http://purl.org/dc/terms/}modified": "modified",
            "{http://purl.org/dc/elements/1.1/}title": "title",
        }
        for child in root:
            key = wanted.get(child.tag)
            if key and key not in props:
                value = " ".join("".join(child.itertext()).split())
                if value:
                    props[key] = value
        return props


# ----------------------------------------------------------------------------- styles


class _StyleInfo:
    __slots__ = ("ilvl", "level", "name", "num_id")

    def __init__(self, name: str | None, level: int | None, num_id: str | None, ilvl: int | None) -> None:
        self.name = name
        self.level = level
        self.num_id = num_id
        self.ilvl = ilvl


class _Styles:
    """styles.xml, resolved once: style id → name, heading level, inherited numbering."""

    def __init__(self, root) -> None:
        self._raw: dict[str, tuple[str | None, str | None, object]] = {}  # id -> (name, basedOn, pPr)
        self._num_styles: dict[str, str] = {}
        self._cache: dict[str | None, _StyleInfo] = {}
        self.default_id: str | None = None
        if root is None:
            return
        for style in root.iter(_STYLE):
            style_id = style.get(_STYLE_ID)
            if style_id is None or style_id in self._raw:
                continue
            name_el = style.find(_NAME)
            based_on = style.find(_BASED_ON)
            ppr = style.find(_P_PR)
            name = name_el.get(_VAL) if name_el is not None else None
            self._raw[style_id] = (name, based_on.get(_VAL) if based_on is not None else None, ppr)
            style_type = style.get(_STYLE_TYPE)
            if style_type == "paragraph" and self.default_id is None and _on(style.get(_DEFAULT)):
                self.default_id = style_id
            if style_type == "numbering" and ppr is not None:
                num_id = _child_val(ppr.find(_NUM_PR), _NUM_ID)
                if num_id is not None:
                    self._num_styles[style_id] = num_id

    def numbering_style_num_ids(self) -> dict[str, str]:
        return self._num_styles

    def info(self, style_id: str | None) -> _StyleInfo:
        """Style of a paragraph with ``w:pStyle`` = ``style_id`` (None or unknown: the default style)."""
        try:
            return self._cache[style_id]
        except KeyError:
            pass
        resolved = style_id if style_id in self._raw else self.default_id
        if resolved is None:
            info = _StyleInfo(None, None, None, None)
        else:
            info = self._resolve(resolved)
        self._cache[style_id] = info
        return info

    def _resolve(self, style_id: str) -> _StyleInfo:
        name = self._raw[style_id][0]
        level: int | None = None
        level_known = False
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current in self._raw and current not in seen:
            seen.add(current)
            style_name, based_on, ppr = self._raw[current]
            if not level_known and style_name:
                folded = style_name.strip().casefold()
                match = _HEADING_NAME.match(folded)
                if match:
                    level, level_known = int(match.group(1)), True
                elif folded in _TITLE_NAMES:
                    level, level_known = None, True
            if ppr is not None:
                if not level_known:
                    outline = _child_val(ppr, _OUTLINE_LVL)
                    if outline is not None:
                        level, level_known = _outline_level(outline), True
                num_pr = ppr.find(_NUM_PR)
                if num_pr is not None:
                    if num_id is None:
                        num_id = _child_val(num_pr, _NUM_ID)
                    if ilvl is None:
                        ilvl = _int(_child_val(num_pr, _ILVL))
            current = based_on
        ui_name = _UI_NAMES.get(name, name) if name is not None else style_id
        return _StyleInfo(ui_name, level, num_id, ilvl)


def _child_val(parent, tag: str) -> str | None:
    if parent is None:
        return None
    child = parent.find(tag)
    if child is None:
        return None
    return child.get(_VAL)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _on(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true", "on")


def _outline_level(value: str) -> int | None:
    number = _int(value)
    if number is None or not 0 <= number <= 8:
        return None  # 9 is "body text"
    return number + 1


# ----------------------------------------------------------------------------- body


class _Fields:
    """Complex-field state of one story: a stack of fields, each in its code part
    (between begin and separate: hidden) or its result part (shown, protected)."""

    __slots__ = ("hidden", "stack")

    def __init__(self) -> None:
        self.stack: list[bool] = []  # True once the field reached its result
        self.hidden = 0  # fields still in their code part

    def begin(self) -> None:
        self.stack.append(False)
        self.hidden += 1

    def separate(self) -> None:
        if self.stack and not self.stack[-1]:
            self.stack[-1] = True
            self.hidden -= 1

    def end(self) -> None:
        if self.stack and not self.stack.pop():
            self.hidden -= 1

    def end_paragraph(self) -> None:
        # A field code does not span paragraphs; a field whose separator is missing
        # must not hide the rest of the document.  Results (a TOC) do span them.
        while self.stack and not self.stack[-1]:
            self.stack.pop()
            self.hidden -= 1


class _Text:
    """The text of one paragraph as it is walked: its pieces, protected ranges and comment
    markers; with ``record`` also the source node of each piece (see ``paragraph_pieces``)."""

    __slots__ = ("marks", "parts", "pieces", "pos", "ranges")

    def __init__(self, record: bool = False) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.ranges: list[list[int]] = []
        #: Comment markers met on the way: (tag, id, offset).
        self.marks: list[tuple[str, str | None, int]] = []
        self.pieces: list[Piece] | None = [] if record else None

    def add(self, text: str, protected: bool, node=None) -> None:
        end = self.pos + len(text)
        if protected:
            ranges = self.ranges
            if ranges and ranges[-1][1] == self.pos:
                ranges[-1][1] = end
            else:
                ranges.append([self.pos, end])
        if self.pieces is not None:
            self.pieces.append(Piece(self.pos, end, text, node, protected))
        self.parts.append(text)
        self.pos = end


class Piece(NamedTuple):
    """A stretch of a paragraph's text and the XML node it comes from.

    ``node`` is a ``w:t`` (its text, or the character data around stray children), a
    ``w:tab``/``w:ptab`` ("\\t"), ``w:br``/``w:cr`` ("\\n"), ``w:noBreakHyphen`` ("-") or an
    ``m:t`` of an equation; ``protected`` is True inside hyperlinks, tracked insertions,
    simple fields, complex-field results (of fields that begin in this paragraph) and
    equations."""

    start: int
    end: int
    text: str
    node: object
    protected: bool


def paragraph_pieces(p) -> list[Piece]:
    """The pieces of the text of paragraph element ``p`` (a ``w:p`` of a tree this module
    read), in order: ``"".join(piece.text)`` is its ``Block.text``.  This is the very walk
    the reader uses, so offsets into ``Block.text`` map onto the XML through it.

    Walked on its own, the paragraph does not know of a field result that an earlier
    paragraph opened (a table of contents): the text is the same, but for protection
    trust ``Block.protected``."""
    out = _Text(record=True)
    _inline(p, out, _Fields(), False, [])
    return out.pieces


def _choice(alternate):
    """The branch of ``mc:AlternateContent`` to read: the first Choice, else the Fallback."""
    for child in alternate:
        if child.tag == _CHOICE or child.tag == _FALLBACK:
            return child
    return None


def _t_text(t) -> str:
    text = t.text or ""
    if len(t):
        # Unresolved entity references (an XXE probe) and stray children: keep only
        # the character data around them.
        text += "".join(child.tail or "" for child in t)
    return text


class _BodyReader:
    def __init__(
        self, styles: _Styles, numbering: NumberingDefinitions, blocks: list[Block], anchors: _Anchors | None = None
    ) -> None:
        self.styles = styles
        self.counters = ListCounters(numbering) if numbering else None
        self.numbering = numbering
        self.blocks = blocks
        self.anchors = anchors if anchors is not None else _Anchors(blocks)

    def read_story(self, parent, container: str = "body") -> None:
        self._blocks(parent, container, _Fields())

    # ------------------------------------------------------------------ block level

    def _blocks(self, parent, container: str, fields: _Fields) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self._paragraph(child, container, fields)
            elif tag == _TBL:
                self._table(child, fields)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._blocks(content, container, fields)
            elif tag == _CUSTOM_XML or tag == _INS or tag == _MOVE_TO:
                self._blocks(child, container, fields)
            elif tag == _ALTERNATE:
                branch = _choice(child)
                if branch is not None:
                    self._blocks(branch, container, fields)
            elif tag == _COMMENT_RANGE_START or tag == _COMMENT_RANGE_END:
                self.anchors.between_blocks(tag, child.get(_ID))

    def _table(self, table, fields: _Fields) -> None:
        for row in _unwrapped(table, _TR, _COMMENT_MARKERS):
            if row.tag != _TR:
                self.anchors.between_blocks(row.tag, row.get(_ID))
                continue
            row_pr = row.find(_TR_PR)
            if row_pr is not None and (row_pr.find(_DEL) is not None):
                self.anchors.skipped(row)
                continue  # a deleted row
            for cell in _unwrapped(row, _TC, _COMMENT_MARKERS):
                if cell.tag != _TC:
                    self.anchors.between_blocks(cell.tag, cell.get(_ID))
                    continue
                cell_pr = cell.find(_TC_PR)
                if cell_pr is not None:
                    merge = cell_pr.find(_V_MERGE)
                    if merge is not None and merge.get(_VAL, "continue") == "continue":
                        self.anchors.skipped(cell)
                        continue
                    merge = cell_pr.find(_H_MERGE)
                    if merge is not None and merge.get(_VAL, "continue") == "continue":
                        self.anchors.skipped(cell)
                        continue
                self._blocks(cell, "table", fields)

    # ------------------------------------------------------------------ paragraph

    def _paragraph(self, p, container: str, fields: _Fields) -> None:
        style_id = None
        num_id = None
        ilvl = None
        outline = None
        mark_removed = False
        ppr = p.find(_P_PR)
        if ppr is not None:
            for child in ppr:
                tag = child.tag
                if tag == _P_STYLE:
                    style_id = child.get(_VAL)
                elif tag == _NUM_PR:
                    num_id = _child_val(child, _NUM_ID)
                    ilvl = _int(_child_val(child, _ILVL))
                elif tag == _OUTLINE_LVL:
                    outline = child.get(_VAL)
                elif tag == _R_PR:
                    mark_removed = child.find(_DEL) is not None or child.find(_MOVE_FROM) is not None

        text = _Text()
        textboxes: list = []
        _inline(p, text, fields, False, textboxes)
        marks = text.marks
        fields.end_paragraph()
        content = "".join(text.parts)

        if mark_removed and not content:
            for tag, comment_id, _ in marks:  # the paragraph is gone: its markers sit between blocks
                self.anchors.between_blocks(tag, comment_id)
        else:
            # A paragraph whose mark is deleted merges into the next one: it keeps its
            # text but loses its own numbering.  Deleted entirely: not a paragraph.
            style = self.styles.info(style_id)
            level = style.level if outline is None else _outline_level(outline)
            label = None
            if not mark_removed and self.counters is not None:
                label = self._label(num_id, ilvl, style, style_id)
            self.blocks.append(
                Block(
                    index=len(self.blocks) + 1,
                    text=content,
                    label=label,
                    style=style.name,
                    style_level=level,
                    container=container,
                    protected=tuple((start, end) for start, end in text.ranges),
                    source=p,
                )
            )
            self.anchors.in_block(marks)
        for box in textboxes:
            self.read_story(box, "textbox")

    def _label(self, num_id: str | None, ilvl: int | None, style: _StyleInfo, style_id: str | None) -> str | None:
        if num_id is None:
            num_id = style.num_id
            if num_id is None:
                return None
        num_id = num_id.strip()
        if num_id == "0" or not num_id:
            return None
        if ilvl is None:
            ilvl = style.ilvl
            if ilvl is None and style_id is not None:
                ilvl = self.numbering.level_of_style(num_id, style_id)
            if ilvl is None:
                ilvl = 0
        return self.counters.next_label(num_id, ilvl)


# ----------------------------------------------------------------------------- inline


def _inline(parent, out: _Text, fields: _Fields, protected: bool, textboxes: list) -> None:
    for child in parent:
        tag = child.tag
        if tag == _R:
            _run(child, out, fields, protected, textboxes)
        elif tag == _HYPERLINK or tag == _INS or tag == _MOVE_TO or tag == _FLD_SIMPLE:
            _inline(child, out, fields, True, textboxes)
        elif tag == _DEL or tag == _MOVE_FROM:
            for marker in child.iter(_COMMENT_RANGE_START, _COMMENT_RANGE_END, _COMMENT_REFERENCE):
                out.marks.append((marker.tag, marker.get(_ID), out.pos))
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                _inline(content, out, fields, protected, textboxes)
        elif tag == _SMART_TAG or tag == _CUSTOM_XML or tag == _DIR or tag == _BDO:
            _inline(child, out, fields, protected, textboxes)
        elif tag == _ALTERNATE:
            branch = _choice(child)
            if branch is not None:
                _inline(branch, out, fields, protected, textboxes)
        elif tag == _OMATH or tag == _OMATH_PARA:
            if not fields.hidden:
                for t in child.iter(_M_T):
                    value = _t_text(t)
                    if value:
                        out.add(value, True, t)
        elif tag == _COMMENT_RANGE_START or tag == _COMMENT_RANGE_END:
            out.marks.append((tag, child.get(_ID), out.pos))


def _run(run, out: _Text, fields: _Fields, protected: bool, textboxes: list) -> None:
    for child in run:
        tag = child.tag
        if tag == _T:
            if not fields.hidden:
                value = child.text if not len(child) else _t_text(child)
                if value:
                    out.add(value, protected or bool(fields.stack), child)
        elif tag == _TAB or tag == _PTAB:
            if not fields.hidden:
                out.add("\t", protected or bool(fields.stack), child)
        elif tag == _BR or tag == _CR:
            if not fields.hidden:
                out.add("\n", protected or bool(fields.stack), child)
        elif tag == _NO_BREAK_HYPHEN:
            if not fields.hidden:
                out.add("-", protected or bool(fields.stack), child)
        elif tag == _FLD_CHAR:
            kind = child.get(_FLD_CHAR_TYPE)
            if kind == "begin":
                fields.begin()
            elif kind == "separate":
                fields.separate()
            elif kind == "end":
                fields.end()
        elif tag == _DRAWING or tag == _PICT or tag == _ALTERNATE or tag == _OBJECT:
            if next(child.iter(_TXBX_CONTENT), None) is not None:
                _find_textboxes(child, textboxes)
        elif tag == _RUBY:
            base = child.find(_RUBY_BASE)
            if base is not None:
                _inline(base, out, fields, protected, textboxes)
        elif tag == _COMMENT_REFERENCE:
            out.marks.append((tag, child.get(_ID), out.pos))


def _find_textboxes(element, found: list) -> None:
    """Collect the outermost ``w:txbxContent`` under ``element``, reading only one branch
    of each ``mc:AlternateContent`` (Word writes a text box twice: DrawingML and VML)."""
    if element.tag == _ALTERNATE:
        element = _choice(element)
        if element is None:
            return
    for child in element:
        tag = child.tag
        if tag == _TXBX_CONTENT:
            found.append(child)
        elif isinstance(tag, str):
            _find_textboxes(child, found)


def _unwrapped(parent, tag: str, also: frozenset[str] = frozenset()):
    """Children ``tag`` (and ``also``) of ``parent``, looking through content controls and custom XML."""
    for child in parent:
        child_tag = child.tag
        if child_tag == tag or child_tag in also:
            yield child
        elif child_tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrapped(content, tag, also)
        elif child_tag == _CUSTOM_XML:
            yield from _unwrapped(child, tag, also)
        elif child_tag == _ALTERNATE:
            branch = _choice(child)
            if branch is not None:
                yield from _unwrapped(branch, tag, also)


# ----------------------------------------------------------------------------- comments

_COMMENT_MARKERS = frozenset({_COMMENT_RANGE_START, _COMMENT_RANGE_END})

#: A comment that is a summarylint directive: "summarylint: disable T001" (after NFKC,
#: so a full-width colon, full-width letters and ideographic spaces are accepted).
_DIRECTIVE_COMMENT = re.compile(r"^[\s\ufeff\u200b]*summarylint\s*:?(.*)$", re.IGNORECASE | re.DOTALL)


def _directive_text(comment_text: str) -> str | None:
    """``"summarylint：disable T001\n（专有名词）"`` -> ``"disable T001"``: the first
    non-empty line after the prefix (later lines are the author's explanation); None when
    the comment is not a summarylint directive."""
    match = _DIRECTIVE_COMMENT.match(unicodedata.normalize("NFKC", comment_text))
    if match is None:
        return None
    return next((line.strip() for line in match.group(1).splitlines() if line.strip()), "")


def _story_text(element) -> str:
    """The text of a comment (or any story), paragraphs joined by newlines, read as the
    body is (tracked changes accepted, field codes out)."""
    blocks: list[Block] = []
    _BodyReader(_Styles(None), NumberingDefinitions(None), blocks).read_story(element)
    return "\n".join(block.text for block in blocks)


class _Anchors:
    """Where the main story's comment markers sit, recorded as its blocks are built.

    A position is (block index, code-point offset into ``Block.text``).  A marker between
    blocks (at body, table or row level, in a skipped merged cell or deleted row, or in a
    paragraph that tracked changes removed) starts at the next block's beginning, or ends
    at the previous block's end."""

    __slots__ = ("blocks", "ends", "pending", "refs", "starts")

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.starts: dict[str, tuple[int, int]] = {}
        self.ends: dict[str, list[tuple[int, int]]] = {}
        self.refs: dict[str, int] = {}
        #: Markers before the first block that follows them: (tag, id).
        self.pending: list[tuple[str, str | None]] = []

    def __bool__(self) -> bool:
        return bool(self.starts or self.refs)

    def ids(self) -> set[str]:
        return set(self.starts) | set(self.refs)

    def _add(self, tag: str, comment_id: str | None, block: int, offset: int) -> None:
        if comment_id is None:
            return
        comment_id = comment_id.strip()
        if tag == _COMMENT_RANGE_START:
            self.starts.setdefault(comment_id, (block, offset))
        elif tag == _COMMENT_RANGE_END:
            self.ends.setdefault(comment_id, []).append((block, offset))
        else:
            self.refs.setdefault(comment_id, block)

    def in_block(self, marks: list[tuple[str, str, int]]) -> None:
        """The block just appended: place the markers waiting for it, then its own."""
        index = len(self.blocks)
        if self.pending:
            for tag, comment_id in self.pending:
                self._add(tag, comment_id, index, 0)
            self.pending.clear()
        for tag, comment_id, offset in marks:
            self._add(tag, comment_id, index, offset)

    def between_blocks(self, tag: str, comment_id: str | None) -> None:
        if tag == _COMMENT_RANGE_END and self.blocks:
            last = self.blocks[-1]
            self._add(tag, comment_id, last.index, len(last.text))
        else:
            self.pending.append((tag, comment_id))

    def skipped(self, element) -> None:
        """Markers inside content that makes no block (a merged cell, a deleted row)."""
        for marker in element.iter(_COMMENT_RANGE_START, _COMMENT_RANGE_END, _COMMENT_REFERENCE):
            self.between_blocks(marker.tag, marker.get(_ID))

    def finish(self) -> None:
        """Markers after the last block: at its end."""
        if self.pending and self.blocks:
            last = self.blocks[-1]
            for tag, comment_id in self.pending:
                self._add(tag, comment_id, last.index, len(last.text))
        self.pending.clear()

    def directives(self, texts: dict[str, str]) -> tuple[Directive, ...]:
        """The directives of the comments ``texts`` (id -> directive text), by start position.

        A range runs from its start marker to the first end marker after it (none: the end
        of the start's block); a comment with only a reference covers the reference's
        paragraph; an end without a start is ignored."""
        out: list[Directive] = []
        for comment_id, start in self.starts.items():
            text = texts.get(comment_id)
            if text is None:
                continue
            end = min((e for e in self.ends.get(comment_id, ()) if e >= start), default=None)
            if end is None:
                end = (start[0], len(self.blocks[start[0] - 1].text))
            out.append(Directive(text, start[0], start[1], end[0], end[1]))
        for comment_id, block in self.refs.items():
            text = texts.get(comment_id)
            if text is None or comment_id in self.starts:
                continue
            out.append(Directive(text, block, 0, block, len(self.blocks[block - 1].text)))
        out.sort(key=lambda d: (d.block, d.start))
        return tuple(out)
