"""Small .docx fixtures for the reader tests, written in ``tmp_path``.

Two ways to build one:

- ``package(body, ...)`` writes a minimal WordprocessingML package by hand from XML
  snippets (``p()``, ``r()``, ``tbl()``, ``lvl()`` ...), so a test states exactly the markup
  it is about;
- ``python_docx_package(build)`` lets python-docx make a real Word-like package
  (styles.xml with built-in styles, numbering.xml of the default template) and can
  replace parts with raw XML afterwards.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
NSDECLS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)

DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


# ----------------------------------------------------------------------------- snippets


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(text: str = "", inner: str = "") -> str:
    """A run with ``text`` (and extra run content ``inner`` after it)."""
    return f"<w:r>{t(text) if text else ''}{inner}</w:r>"


def p(
    *content: str,
    style: str | None = None,
    num: int | str | None = None,
    ilvl: int | None = None,
    outline: int | None = None,
    ppr: str = "",
) -> str:
    """A paragraph.  Plain strings in ``content`` become runs; strings starting with
    ``<`` are inserted as raw XML."""
    props = ""
    if style is not None:
        props += f"<w:pStyle w:val={quoteattr(style)}/>"
    if num is not None or ilvl is not None:
        props += "<w:numPr>"
        if ilvl is not None:
            props += f'<w:ilvl w:val="{ilvl}"/>'
        if num is not None:
            props += f'<w:numId w:val="{num}"/>'
        props += "</w:numPr>"
    if outline is not None:
        props += f'<w:outlineLvl w:val="{outline}"/>'
    props += ppr
    body = "".join(c if c.startswith("<") else r(c) for c in content)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def tc(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def textbox_run(*paragraphs: str) -> str:
    """A run holding a DrawingML text box with a VML fallback (the same text twice, as Word writes it)."""
    content = "".join(paragraphs)
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def comment_start(comment_id: int | str) -> str:
    return f'<w:commentRangeStart w:id="{comment_id}"/>'


def comment_end(comment_id: int | str) -> str:
    return f'<w:commentRangeEnd w:id="{comment_id}"/>'


def comment_ref(comment_id: int | str) -> str:
    """The run Word puts after a comment's range end (the comment mark in the text)."""
    return f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{comment_id}"/></w:r>'


def commented(comment_id: int | str, *content: str) -> str:
    """``content`` (plain strings become runs) inside comment ``comment_id``'s range, with
    the reference run after the end, as Word writes it."""
    body = "".join(c if c.startswith("<") else r(c) for c in content)
    return comment_start(comment_id) + body + comment_end(comment_id) + comment_ref(comment_id)


def comment(comment_id: int | str, *paragraphs: str, author: str = "审核人") -> str:
    """One ``w:comment`` of comments.xml; plain strings become paragraphs (with Word's
    annotation mark run first in the first one), raw XML is inserted as is."""
    parts = []
    for i, text in enumerate(paragraphs or ("",)):
        if text.startswith("<"):
            parts.append(text)
            continue
        mark = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' if i == 0 else ""
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{mark}{r(text) if text else ""}</w:p>')
    return (
        f'<w:comment w:id="{comment_id}" w:author={quoteattr(author)} w:date="2025-07-01T09:00:00Z" '
        f'w:initials="SH">{"".join(parts)}</w:comment>'
    )


def comments_xml(*comments: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {NSDECLS}>{"".join(comments)}</w:comments>'
    )


def field(code: str, result: str) -> str:
    """A complex field: begin, code, separate, result, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(code)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{r(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def style(
    style_id: str,
    name: str,
    *,
    kind: str = "paragraph",
    based_on: str | None = None,
    ppr: str = "",
    default: bool = False,
) -> str:
    default_attr = ' w:default="1"' if default else ""
    based = f"<w:basedOn w:val={quoteattr(based_on)}/>" if based_on else ""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return (
        f'<w:style w:type="{kind}" w:styleId={quoteattr(style_id)}{default_attr}>'
        f"<w:name w:val={quoteattr(name)}/>{based}{props}</w:style>"
    )


def styles_xml(*styles: str, normal: bool = True) -> str:
    base = style("Normal", "Normal", default=True) if normal else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NSDECLS}>{base}{"".join(styles)}</w:styles>'
    )


def lvl(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int | None = 1,
    is_lgl: bool = False,
    restart: int | None = None,
    pstyle: str | None = None,
) -> str:
    parts = [f'<w:lvl w:ilvl="{ilvl}">']
    if start is not None:
        parts.append(f'<w:start w:val="{start}"/>')
    parts.append(f'<w:numFmt w:val="{fmt}"/>')
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if pstyle:
        parts.append(f"<w:pStyle w:val={quoteattr(pstyle)}/>")
    if is_lgl:
        parts.append("<w:isLgl/>")
    parts.append(f'<w:lvlText w:val={quoteattr(text)}/><w:lvlJc w:val="left"/></w:lvl>')
    return "".join(parts)


def abstract_num(
    abstract_id: int, *levels: str, num_style_link: str | None = None, style_link: str | None = None
) -> str:
    links = ""
    if style_link:
        links += f"<w:styleLink w:val={quoteattr(style_link)}/>"
    if num_style_link:
        links += f"<w:numStyleLink w:val={quoteattr(num_style_link)}/>"
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{links}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, *, start_overrides: Mapping[int, int] | None = None, overrides: str = "") -> str:
    body = f'<w:abstractNumId w:val="{abstract_id}"/>'
    for level, start in (start_overrides or {}).items():
        body += f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    return f'<w:num w:numId="{num_id}">{body}{overrides}</w:num>'


def numbering_xml(*parts: str) -> str:
    """``parts``: abstract_num() definitions first, then num() instances."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NSDECLS}>{"".join(parts)}</w:numbering>'
    )


def core_xml(*, title: str | None = None, created: str | None = None, modified: str | None = None) -> str:
    fields = ""
    if title is not None:
        fields += f"<dc:title>{escape(title)}</dc:title>"
    if created is not None:
        fields += f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
    if modified is not None:
        fields += f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{fields}</cp:coreProperties>'
    )


def document_xml(body: str, *, namespace: str = W_NS) -> str:
    decls = NSDECLS.replace(W_NS, namespace)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {decls}><w:body>{body}'
        "<w:sectPr/></w:body></w:document>"
    )


# ----------------------------------------------------------------------------- packages


def package(
    body: str = "",
    *,
    styles: str | None = None,
    numbering: str | None = None,
    core: str | None = None,
    main_part: str = "word/document.xml",
    content_type: str = DOCUMENT_MAIN,
    document: str | None = None,
    extra: Mapping[str, bytes | str] | None = None,
    package_rels: bool = True,
    comments: str | bytes | None = None,
    comments_part: str = "comments.xml",
) -> bytes:
    """A minimal .docx package as bytes.  ``comments``: the comments part (e.g.
    ``comments_xml(...)``), written as ``comments_part`` beside the main part and related
    to it."""
    directory, _, file = main_part.rpartition("/")
    overrides = f'<Override PartName="/{main_part}" ContentType="{content_type}"/>'
    doc_rels = ""
    parts: dict[str, bytes | str] = {main_part: document if document is not None else document_xml(body)}
    if styles is not None:
        parts[f"{directory}/styles.xml"] = styles
        doc_rels += f'<Relationship Id="rIdS" Type="{_RT}/styles" Target="styles.xml"/>'
        overrides += (
            f'<Override PartName="/{directory}/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        )
    if numbering is not None:
        parts[f"{directory}/numbering.xml"] = numbering
        doc_rels += f'<Relationship Id="rIdN" Type="{_RT}/numbering" Target="numbering.xml"/>'
        overrides += (
            f'<Override PartName="/{directory}/numbering.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        )
    if comments is not None:
        parts[f"{directory}/{comments_part}"] = comments
        doc_rels += f'<Relationship Id="rIdC" Type="{_RT}/comments" Target="{comments_part}"/>'
        overrides += (
            f'<Override PartName="/{directory}/{comments_part}" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        )
    rels = f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="{main_part}"/>'
    if core is not None:
        parts["docProps/core.xml"] = core
        rels += f'<Relationship Id="rId2" Type="{_RT_CORE}" Target="docProps/core.xml"/>'
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )
    rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    if package_rels:
        parts["_rels/.rels"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{rels_ns}">{rels}</Relationships>'
        )
    parts[f"{directory}/_rels/{file}.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{rels_ns}">{doc_rels}</Relationships>'
    )
    parts.update(extra or {})
    return zip_bytes(parts)


def zip_bytes(parts: Mapping[str, bytes | str], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def replace_parts(data: bytes, parts: Mapping[str, bytes | str]) -> bytes:
    """A copy of package ``data`` with some parts replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    merged: dict[str, bytes | str] = {name: source.read(name) for name in source.namelist()}
    merged.update(parts)
    return zip_bytes(merged)


def python_docx_package(build: Callable[[object], None], *, parts: Mapping[str, bytes | str] | None = None) -> bytes:
    """A package made by python-docx: ``build(document)`` adds the content; ``parts``
    then replaces parts of the saved package (e.g. ``word/numbering.xml``)."""
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return replace_parts(data, parts) if parts else data


def write(tmp_path: Path, data: bytes, name: str = "fixture.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path
