"""The HTML report: one self-contained page for editors who do not use a terminal.

Each checked file is a collapsible card showing its summaries paragraph by paragraph,
with every finding's characters wrapped in ``<mark class="finding sev-…" id="f-N">``;
a side list groups the findings by severity and rule family and links to the marks.

The page is a pure function of the results: nothing is re-read, and nothing is loaded
from anywhere (a Content-Security-Policy forbids it: inline style and script only).
Everything that comes from a document is HTML-escaped.  The small script only adds
severity filters and conveniences; with scripts off, everything is visible.

Invariants the tests rely on:

- the text content of a paragraph's ``span.text`` is exactly ``Block.text``, and of its
  ``span.label`` exactly ``Block.label``;
- each finding has exactly one element ``mark#f-N`` carrying ``data-rule``,
  ``data-paragraph``, ``data-column`` and ``data-end-column`` as in the JSON report, and
  the text the finding flags is the text of that mark together with its continuation
  pieces ``mark[data-of="f-N"]`` (needed only when two spans cross, which nesting alone
  cannot express); label findings mark the label, section-level findings are empty
  badges at the start of the paragraph (their rule id is drawn by CSS).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarylint import __version__
from summarylint.engine import FileResult, RuleSet
from summarylint.model import Block, Finding, Severity
from summarylint.report import counts

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SEVERITY_NAME = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_FAMILY_ORDER = "SRTNFPC"
_FAMILY_NAME = {
    "S": "结构与必备部分",
    "R": "时效与过时提法",
    "T": "用词与术语",
    "N": "数字与统计",
    "F": "标题序号与格式",
    "P": "标点符号",
    "C": "前后一致",
}

#: Reader reasons (English, one line) → what they mean for an editor.
_PLAIN_REASONS: tuple[tuple[str, str], ...] = (
    (r"^file is empty|^the document is empty|is empty$", "文件是空的，没有可检查的内容。"),
    (r"^no such file", "找不到这个文件（路径有误，或文件已被移走、删除）。"),
    (r"^is a directory", "这是一个文件夹，不是文件。"),
    (r"^permission denied", "没有读取这个文件的权限。"),
    (r"over the size limit", "文件太大，超过了允许检查的大小。"),
    (r"password-protected|encrypted", "文件设置了密码（已加密），请在 Word 中取消密码后另存再检查。"),
    (r"^legacy Word/WPS binary", "这是旧版 Word/WPS 格式（.doc/.wps），请另存为 .docx 后再检查。"),
    (r"Excel workbook", "这是 Excel 表格，不是 Word 文档。"),
    (r"PowerPoint presentation", "这是 PowerPoint 演示文稿，不是 Word 文档。"),
    (r"OpenDocument", "这是 OpenDocument（.odt）文档，请另存为 .docx 后再检查。"),
    (r"zip bomb|too large to read|nested too deeply", "文件结构异常（过大或嵌套过深），为安全起见未读取。"),
    (r"damaged|corrupt|not a ZIP archive|not well-formed|no Word main document",
     "文件已损坏或不完整（可能下载或复制时中断），请用 Word 打开后重新保存。"),
    (r"cannot decode the text", "无法识别文字编码，请另存为 UTF-8 编码的文本或 .docx。"),
    (r"not a text file", "不是文本文件，也不是 Word 文档。"),
    (r"^internal error", "检查程序自身出错，部分规则未能运行（请把此报告转给维护人员）。"),
)


def plain_reason(reason: str, kind: str | None = None) -> str:
    """An input error in plain Chinese words (the technical reason is shown beside it)."""
    if kind == "internal":
        return "检查程序自身出错，部分规则未能运行，下面的结果可能不完整（请把此报告转给维护人员）。"
    for pattern, words in _PLAIN_REASONS:
        if re.search(pattern, reason, re.IGNORECASE):
            return words
    return "无法读取这个文件。"


# --------------------------------------------------------------------------- escaping


def _text(value: str) -> str:
    """Escape document text for element content.

    HTML parsing turns CR into LF; a character reference keeps it, so that the DOM text
    equals the paragraph text exactly."""
    return html.escape(value, quote=False).replace("\r", "&#13;")


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class _Numbered:
    n: int
    result: FileResult
    file_index: int
    finding: Finding

    @property
    def anchor(self) -> str:
        return f"f-{self.n}"


def _flagged_text(block: Block, f: Finding) -> str:
    if f.span.in_label:
        return block.label or ""
    if f.section_level:
        return ""
    return block.text[f.span.start : f.span.end]


def _mark_open(item: _Numbered, *, extra_class: str = "") -> str:
    f = item.finding
    title = f.message + (f"\n建议：{f.suggestion}" if f.suggestion else "")
    classes = f"finding sev-{f.severity}{extra_class}"
    return (
        f'<mark class="{classes}" id="{item.anchor}" data-n="{item.n}" data-rule="{_attr(f.rule)}"'
        f' data-paragraph="{f.paragraph}" data-column="{f.column}" data-end-column="{f.end_column}"'
        f' title="{_attr(title)}">'
    )


def _mark_continue(item: _Numbered) -> str:
    return f'<mark class="finding-part sev-{item.finding.severity}" data-of="{item.anchor}">'


def _marked(text: str, spans: list[tuple[int, int, _Numbered | None]]) -> str:
    """``text`` escaped, with each span wrapped in a mark; the output nests properly.

    A span whose item is None is the typed heading marker ("一、"), wrapped in
    ``<b class="marker">`` inside any marks.  Spans that nest (or coincide) become nested
    elements, longer outside.  Where two spans cross, the inner elements open at the
    crossing point are closed and reopened after it as continuation pieces, so each
    finding still has exactly one mark with its ``id``."""
    if not spans:
        return _text(text)
    size = len(text)
    clamped = []
    for start, end, item in spans:
        start = min(max(start, 0), size)
        end = min(max(end, start), size)
        if item is not None or end > start:
            clamped.append((start, end, item))

    def number(span) -> int:
        return span[2].n if span[2] is not None else 0

    def close(span) -> str:
        return "</mark>" if span[2] is not None else "</b>"

    # Longer spans outside; for equal spans the lower number inside (the superscript
    # numbers then read in order), the heading marker innermost.
    def nesting(span) -> tuple[int, int]:
        return (-span[1], -number(span))

    points = sorted({0, size} | {s for s, _, _ in clamped} | {e for _, e, _ in clamped})
    starting: dict[int, list] = {}
    for span in clamped:
        starting.setdefault(span[0], []).append(span)
    out: list[str] = []
    stack: list = []
    pos = 0
    for p in points:
        out.append(_text(text[pos:p]))
        pos = p
        ending = [i for i, span in enumerate(stack) if span[1] == p]
        if ending:
            lowest = ending[0]
            out.extend(close(span) for span in reversed(stack[lowest:]))
            reopen = sorted((span for span in stack[lowest:] if span[1] != p), key=nesting)
            del stack[lowest:]
            for span in reopen:
                out.append(_mark_continue(span[2]) if span[2] is not None else '<b class="marker">')
                stack.append(span)
        for span in sorted(starting.get(p, []), key=nesting):
            if span[2] is None:
                out.append('<b class="marker">')
                stack.append(span)
            elif span[1] == p:
                out.append(_mark_open(span[2], extra_class=" empty") + "</mark>")
            else:
                out.append(_mark_open(span[2]))
                stack.append(span)
    out.extend(close(span) for span in reversed(stack))
    return "".join(out)


# --------------------------------------------------------------------------- documents


def _paragraph(result: FileResult, file_index: int, block: Block, items: list[_Numbered]) -> str:
    outline = result.outline
    kind = outline.kinds.get(block.index, "b") if outline else "b"
    classes = ["para"]
    heading = outline.headings.get(block.index) if outline else None
    if heading:
        classes.append(f"h h{heading.level}")
        rest = block.text[heading.marker_end :].strip()
        if len(rest) > len(heading.title) + 1:
            classes.append("run-in")  # "1.强化责任。我们将……": only the marker stands out
    elif kind in ("T", "S"):
        classes.append("title" if kind == "T" else "subtitle")
    if not block.text.strip() and not block.label:
        classes.append("empty")
    if block.container not in ("body", "markdown-heading"):
        classes.append(f"c-{re.sub(r'[^a-z0-9-]', '', block.container.lower()) or 'other'}")
    badges = [i for i in items if i.finding.section_level and not i.finding.span.in_label]
    label_items = [i for i in items if i.finding.span.in_label]
    text_items = [i for i in items if not i.finding.span.in_label and not i.finding.section_level]
    parts = [
        f'<p class="{" ".join(classes)}" id="p-{file_index}-{block.index}" data-paragraph="{block.index}">'
    ]
    if badges:
        parts.append('<span class="badges">')
        parts.extend(_mark_open(i, extra_class=" badge") + "</mark>" for i in badges)
        parts.append("</span>")
    if block.label is not None:
        label = block.label
        spans = [(0, len(label), i) for i in label_items]
        parts.append(f'<span class="label">{_marked(label, spans)}</span>')
    spans: list[tuple[int, int, _Numbered | None]] = [
        (i.finding.span.start, i.finding.span.end, i) for i in text_items
    ]
    if heading and not heading.auto and heading.marker_end > heading.marker_start:
        spans.append((heading.marker_start, heading.marker_end, None))
    parts.append(f'<span class="text">{_marked(block.text, spans)}</span></p>')
    return "".join(parts)


def _period_words(period) -> str:
    if period is None:
        return "未识别（与时间有关的检查未运行）"
    source = {"title": "取自标题", "opening": "取自开头", "option": "由参数指定", "properties": "取自文件属性"}
    start, end = getattr(period, "start", None), getattr(period, "end", None)
    label = getattr(period, "label", "") or str(period)
    extra = []
    if start and end:
        extra.append(f"{start.isoformat()} 至 {end.isoformat()}")
    if getattr(period, "source", None) in source:
        extra.append(source[period.source])
    return label + (f"（{'，'.join(extra)}）" if extra else "")


def _severity_chips(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    chips = []
    for sev in _SEVERITIES:
        n = sum(1 for f in findings if f.severity == sev)
        if n:
            chips.append(f'<span class="chip sev-{sev}">{_SEVERITY_NAME[sev]} {n}</span>')
    return "".join(chips) or '<span class="chip ok">未发现问题</span>'


def _file_card(result: FileResult, file_index: int, numbered: list[_Numbered]) -> str:
    by_block: dict[int, list[_Numbered]] = {}
    for item in numbered:
        by_block.setdefault(item.finding.paragraph, []).append(item)
    name = os.path.basename(result.path.rstrip("/\\")) or result.path
    status = "unreadable" if result.document is None else ("has-findings" if result.findings else "clean")
    out = [f'<section class="file {status}" id="file-{file_index}">', "<details open>"]
    chips = (
        '<span class="chip unreadable">无法读取</span>' if result.document is None
        else _severity_chips(result.findings)
    )
    out.append(
        f'<summary><span class="file-name">{_text(name)}</span>'
        f'<span class="chips">{chips}</span></summary>'
    )
    out.append(f'<div class="file-meta"><div class="path">文件：<code>{_text(result.path)}</code></div>')
    if result.error:
        out.append(
            f'<div class="input-error" role="alert"><strong>{_text(plain_reason(result.error, result.error_kind))}'
            f'</strong><div class="reason">技术原因：{_text(result.error)}</div></div>'
        )
    if result.outline and result.document is not None:
        out.append('<table class="docs"><thead><tr><th>篇</th><th>标题</th><th>报告期</th><th>问题</th></tr>'
                   "</thead><tbody>")
        for s in result.outline.summaries:
            doc_findings = [f for f in result.findings if f.document == s.index]
            title = s.title or "（无总标题）"
            out.append(
                f'<tr><td><a href="#d-{file_index}-{s.index}">第 {s.index} 篇</a></td>'
                f"<td>{_text(title)}</td><td>{_text(_period_words(result.periods.get(s.index)))}</td>"
                f'<td><span class="chips">{_severity_chips(doc_findings)}</span></td></tr>'
            )
        out.append("</tbody></table>")
    if result.suppressed:
        out.append(
            f'<div class="suppressed">另有 {len(result.suppressed)} 处问题已按文中指令或基线忽略，未列出。</div>'
        )
    out.append("</div>")
    if result.document is not None:
        out.append(_document_body(result, file_index, by_block))
    out.append("</details></section>")
    return "\n".join(out)


def _document_body(result: FileResult, file_index: int, by_block: dict[int, list[_Numbered]]) -> str:
    document = result.document
    summaries = result.outline.summaries if result.outline else []
    groups: list[tuple[object, list[Block]]] = []
    for block in document.blocks:
        owner = next((s for s in summaries if s.start <= block.index <= s.end), None)
        if not groups or groups[-1][0] is not owner:
            groups.append((owner, []))
        groups[-1][1].append(block)
    shown = {id(owner) for owner, _ in groups}
    for s in summaries:
        if id(s) not in shown:
            groups.append((s, []))
    out = []
    several = len(summaries) > 1
    for owner, blocks in groups:
        index = getattr(owner, "index", 0)
        anchor = f' id="d-{file_index}-{index}"' if owner is not None else ""
        out.append(f'<article class="doc"{anchor}>')
        if several or owner is None:
            heading = f"第 {index} 篇" if owner is not None else "其他段落"
            title = getattr(owner, "title", None)
            if title:
                heading += f"：{title}"
            out.append(f'<div class="doc-head">{_text(heading)}</div>')
        if not blocks:
            out.append('<p class="para none">（没有段落）</p>')
        for block in blocks:
            out.append(_paragraph(result, file_index, block, by_block.get(block.index, [])))
        out.append("</article>")
    return "\n".join(out)


# --------------------------------------------------------------------------- side list


def _family(rule_id: str) -> str:
    return rule_id.rstrip("0123456789")


def _family_key(family: str) -> tuple[int, str]:
    index = _FAMILY_ORDER.find(family)
    return (index if index >= 0 else len(_FAMILY_ORDER), family)


def _side_list(numbered: list[_Numbered], several_files: bool) -> str:
    out = ['<aside class="side" aria-label="问题清单"><h2>问题清单</h2>']
    if not numbered:
        out.append('<p class="none">未发现问题。</p>')
    for sev in _SEVERITIES:
        items = [i for i in numbered if i.finding.severity == sev]
        if not items:
            continue
        out.append(f'<section class="sev-group sev-{sev}"><h3>{_SEVERITY_NAME[sev]}（{len(items)}）</h3>')
        families: dict[str, list[_Numbered]] = {}
        for item in items:
            families.setdefault(_family(item.finding.rule), []).append(item)
        for family in sorted(families, key=_family_key):
            group = families[family]
            name = _FAMILY_NAME.get(family, "其他规则")
            out.append(f'<h4>{_text(family)} · {name}（{len(group)}）</h4><ol class="findings">')
            out.extend(_side_item(item, several_files) for item in group)
            out.append("</ol>")
        out.append("</section>")
    out.append("</aside>")
    return "\n".join(out)


def _side_item(item: _Numbered, several_files: bool) -> str:
    f = item.finding
    block = item.result.document.block(f.paragraph)
    where = []
    if f.span.in_label:
        where.append(f"第 {f.paragraph} 段 · 自动编号")
    elif f.section_level:
        where.append(f"第 {f.paragraph} 段 · 整节")
    else:
        where.append(f"第 {f.paragraph} 段第 {f.column} 字")
    flagged = _flagged_text(block, f)
    parts = [f'<li class="item sev-{f.severity}" id="l-{item.n}" value="{item.n}"><a href="#{item.anchor}">']
    if several_files:
        name = os.path.basename(item.result.path.rstrip("/\\")) or item.result.path
        parts.append(
            f'<span class="src-file" title="{_attr(item.result.path)}">{item.file_index}. {_text(name)}</span>'
        )
    parts += [
        f'<span class="where">{_text(" · ".join(where))}</span>',
        f'<span class="rule"><b>{_text(f.rule)}</b> {_text(f.name)}</span>',
    ]
    if flagged:
        parts.append(f'<span class="flagged">原文：<q>{_text(flagged)}</q></span>')
    parts.append(f'<span class="msg">{_text(f.message)}</span>')
    if f.suggestion:
        parts.append(f'<span class="suggestion">建议：{_text(f.suggestion)}</span>')
    if f.fix is not None:
        how = "可自动修正" if f.fix.safe else "需人工确认"
        replacement = f"<q>{_text(f.fix.replacement)}</q>" if f.fix.replacement else "（删除）"
        parts.append(f'<span class="fix">改为：{replacement}<small>{how}</small></span>')
    parts.append("</a></li>")
    return "".join(parts)


# --------------------------------------------------------------------------- page


def render(results: list[FileResult], ruleset: RuleSet) -> str:
    """The whole report as one self-contained UTF-8 HTML page."""
    results = list(results)
    numbered: list[_Numbered] = []
    for file_index, result in enumerate(results, 1):
        if result.document is None:
            continue
        for f in result.findings:
            numbered.append(_Numbered(len(numbered) + 1, result, file_index, f))
    by_file: dict[int, list[_Numbered]] = {}
    for item in numbered:
        by_file.setdefault(item.file_index, []).append(item)

    c = counts(results)
    unreadable = sum(1 for r in results if r.document is None)
    internal = sum(1 for r in results if r.error and r.document is not None)
    stats = [
        ("files", "文件", c["files"]),
        ("documents", "总结", c["documents"]),
        ("sev-error", "错误", c["error"]),
        ("sev-warning", "警告", c["warning"]),
        ("sev-info", "提示", c["info"]),
        ("unreadable", "无法读取的文件", unreadable),
    ]
    if internal:
        stats.append(("unreadable", "检查出错的文件", internal))
    data_version = ruleset.data_version() if ruleset is not None else ""

    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="summarylint {_attr(__version__)}">',
        f"<title>工作总结检查报告（{c['files']} 个文件）</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<header class="top">',
        "<h1>工作总结检查报告</h1>",
        '<ul class="stats">',
    ]
    out.extend(f'<li class="{cls}"><b>{n}</b>{label}</li>' for cls, label, n in stats)
    out.append("</ul>")
    out.append(
        '<div class="tools" id="tools" hidden><span>显示：</span>'
        + "".join(
            f'<button type="button" data-sev="{sev}" aria-pressed="true" class="sev-{sev}">'
            f"{_SEVERITY_NAME[sev]} {c[str(sev)]}</button>"
            for sev in _SEVERITIES
        )
        + '<span class="sep"></span><button type="button" data-all="open">全部展开</button>'
        '<button type="button" data-all="close">全部折叠</button></div>'
    )
    out.append(
        '<p class="help">正文中带底色的文字是发现的问题（<span class="sample sev-error">错误</span>'
        '<span class="sample sev-warning">警告</span><span class="sample sev-info">提示</span>），'
        "鼠标停留可看说明；右侧清单按严重程度和类别列出全部问题，点击可跳到原文位置。"
        "方框标记（如 <span class=\"sample-badge\">S001</span>）表示针对整篇或整节的问题。</p>"
    )
    if len(results) > 1:
        out.append('<details class="overview" open><summary>文件一览</summary><table class="files"><thead><tr>'
                   "<th>#</th><th>文件</th><th>总结</th><th>问题</th></tr></thead><tbody>")
        for file_index, r in enumerate(results, 1):
            docs = len(r.outline.summaries) if r.outline else 0
            chips = '<span class="chip unreadable">无法读取</span>' if r.document is None else _severity_chips(
                r.findings)
            out.append(
                f'<tr><td>{file_index}</td><td><a href="#file-{file_index}">{_text(r.path)}</a></td>'
                f'<td>{docs}</td><td><span class="chips">{chips}</span></td></tr>'
            )
        out.append("</tbody></table></details>")
    out.append("</header>")
    out.append('<div class="layout"><main>')
    if not results:
        out.append('<p class="none">没有检查任何文件。</p>')
    for file_index, result in enumerate(results, 1):
        out.append(_file_card(result, file_index, by_file.get(file_index, [])))
    out.append("</main>")
    out.append(_side_list(numbered, len(results) > 1))
    out.append("</div>")
    version = f"summarylint {__version__}" + (f"，规则数据 {data_version}" if data_version else "")
    out.append(f'<footer class="foot">由 {_text(version)} 生成。本页不联网、不加载任何外部资源。</footer>')
    out.append(f"<script>{_SCRIPT}</script>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


_CSS = """
:root{--error:#c62828;--error-bg:rgba(229,57,53,.20);--warning:#b26a00;--warning-bg:rgba(255,179,0,.30);
--info:#1565c0;--info-bg:rgba(30,136,229,.16);--line:#d9d9d9;--muted:#666;--paper:#fff;--bg:#f4f4f2;
--ui:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",
"Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;
--doc:"FangSong","仿宋","FangSong_GB2312","仿宋_GB2312","STFangsong","Noto Serif CJK SC","Source Han Serif SC",
"SimSun","宋体","Songti SC","Noto Sans CJK SC","WenQuanYi Micro Hei",serif;
--title:"FZXiaoBiaoSong-B05S","方正小标宋简体","STZhongsong","华文中宋","SimHei","黑体","Noto Serif CJK SC",
"Source Han Serif SC","Noto Sans CJK SC","WenQuanYi Micro Hei",serif}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:#1f1f1f;font:15px/1.6 var(--ui)}
header.top{background:var(--paper);border-bottom:1px solid var(--line);padding:16px 24px}
h1{font-size:22px;margin:0 0 8px}
.stats{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.stats li{border:1px solid var(--line);border-radius:6px;padding:4px 12px;background:#fafafa}
.stats li b{font-size:20px;margin-right:6px}
.stats li.sev-error b{color:var(--error)}.stats li.sev-warning b{color:var(--warning)}
.stats li.sev-info b{color:var(--info)}.stats li.unreadable b{color:#6a1b9a}
.tools{margin-top:10px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.tools[hidden]{display:none}
.tools button{font:inherit;border:1px solid var(--line);background:#fff;border-radius:16px;padding:2px 12px;
cursor:pointer}
.tools button[aria-pressed=true].sev-error{background:var(--error-bg);border-color:var(--error)}
.tools button[aria-pressed=true].sev-warning{background:var(--warning-bg);border-color:var(--warning)}
.tools button[aria-pressed=true].sev-info{background:var(--info-bg);border-color:var(--info)}
.tools button[aria-pressed=false]{text-decoration:line-through;color:var(--muted)}
.tools .sep{width:12px}
.help{color:var(--muted);font-size:13px;margin:10px 0 0}
.sample{padding:0 3px;margin:0 2px}.sample.sev-error{background:var(--error-bg)}
.sample.sev-warning{background:var(--warning-bg)}.sample.sev-info{background:var(--info-bg)}
.sample-badge{border:1px solid var(--muted);border-radius:3px;font-size:11px;padding:0 3px}
.overview{margin-top:10px}.overview>summary{cursor:pointer;font-weight:600}
table{border-collapse:collapse;font-size:13px;margin:6px 0}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2;font-weight:600}
.docs td:first-child,.files td:first-child{white-space:nowrap}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:16px;padding:16px 24px;align-items:start}
main{min-width:0}
.file{background:var(--paper);border:1px solid var(--line);border-radius:8px;margin-bottom:16px}
.file>details>summary{padding:10px 16px;cursor:pointer;font-weight:600;display:flex;flex-wrap:wrap;gap:8px;
align-items:center;border-bottom:1px solid var(--line);list-style-position:inside}
.file>details:not([open])>summary{border-bottom:none}
.file-name{font-size:16px;word-break:break-all}
.chips{display:inline-flex;flex-wrap:wrap;gap:4px}
.chip{font-size:12px;font-weight:500;border-radius:10px;padding:0 8px;border:1px solid var(--line)}
.chip.sev-error{color:var(--error);border-color:var(--error)}.chip.sev-warning{color:var(--warning);border-color:var(--warning)}
.chip.sev-info{color:var(--info);border-color:var(--info)}.chip.ok{color:#2e7d32;border-color:#2e7d32}
.chip.unreadable{color:#fff;background:#6a1b9a;border-color:#6a1b9a}
.file-meta{padding:8px 16px;font-size:13px;color:#333}
.file-meta code{word-break:break-all}
.input-error{margin:8px 0;padding:8px 12px;border-left:4px solid #6a1b9a;background:#f6effa}
.input-error .reason{color:var(--muted);font-size:12px;margin-top:2px}
.suppressed{color:var(--muted)}
.doc{padding:8px 24px 20px 56px;border-top:1px dashed var(--line)}
.doc-head{margin:8px 0 4px -32px;font-weight:600;color:var(--muted);font-family:var(--ui)}
.para{position:relative;margin:0;padding:2px 0;font:17px/1.9 var(--doc);white-space:pre-wrap;
overflow-wrap:anywhere;text-indent:0}
.para::before{content:attr(data-paragraph);position:absolute;left:-44px;width:34px;text-align:right;
font:11px/2.9 var(--ui);color:#aaa;white-space:nowrap}
.para.title{font:22px/1.6 var(--title);text-align:center;margin:12px 0}
.para.subtitle{font:18px/1.6 var(--doc);text-align:center}
.para.h{font-weight:700}
.para.h1{font:700 18px/1.9 var(--ui);margin-top:10px}
.para.h2{font-size:17.5px;font-family:var(--ui)}
.para.h3,.para.h4{font-size:17px}
.para.h.run-in{font-weight:400}
.para.h.run-in .label,.para.h.run-in .marker{font-weight:700}
b.marker{font-weight:inherit}
.para.empty{font-size:8px;line-height:1;min-height:8px;padding:0}
.para.empty::before{font-size:8px;line-height:1}
.para.c-table{border-left:3px solid #e0e0e0;padding-left:8px;font-size:15px}
.para.none{color:var(--muted);font-family:var(--ui)}
.label{color:#555;background:#eceff1;border-radius:3px;padding:0 2px;margin-right:2px;font-family:var(--ui);
font-weight:inherit}
mark.finding,mark.finding-part{color:inherit;border-radius:2px;padding:0;-webkit-print-color-adjust:exact;
print-color-adjust:exact}
mark.sev-error{background:var(--error-bg);border-bottom:2px solid var(--error)}
mark.sev-warning{background:var(--warning-bg);border-bottom:2px solid var(--warning)}
mark.sev-info{background:var(--info-bg);border-bottom:2px dotted var(--info)}
mark.finding{cursor:help}
mark.finding:not(.badge)::after{content:attr(data-n);font:10px/1 var(--ui);vertical-align:super;
color:var(--muted);margin-left:1px}
mark.finding.empty::before{content:"‸";color:var(--error);font-weight:700}
mark.badge{display:inline-block;background:none;border:1px solid currentColor;border-radius:3px;
font:11px/1.4 var(--ui);padding:0 4px;margin-right:6px;vertical-align:middle;text-indent:0}
mark.badge::before{content:attr(data-rule) " " attr(data-n)}
mark.badge.sev-error{color:var(--error)}mark.badge.sev-warning{color:var(--warning)}mark.badge.sev-info{color:var(--info)}
mark.finding:target,mark.finding.current{outline:3px solid #222;outline-offset:1px}
.side{position:sticky;top:0;max-height:100vh;overflow:auto;background:var(--paper);border:1px solid var(--line);
border-radius:8px;padding:8px 12px}
.side h2{font-size:17px;margin:4px 0 8px}
.side h3{font-size:15px;margin:12px 0 4px;padding:2px 8px;border-radius:4px}
.sev-group.sev-error h3{background:var(--error-bg)}.sev-group.sev-warning h3{background:var(--warning-bg)}
.sev-group.sev-info h3{background:var(--info-bg)}
.side h4{font-size:13px;margin:8px 0 2px;color:#444}
.findings{margin:0;padding:0 0 0 28px;font-size:13px}
.findings li{margin:0 0 6px;padding:4px 6px;border-radius:4px;border-left:3px solid transparent}
.findings li.sev-error{border-left-color:var(--error)}.findings li.sev-warning{border-left-color:var(--warning)}
.findings li.sev-info{border-left-color:var(--info)}
.findings li:target,.findings li.current{background:#fff8d6}
.findings a{color:inherit;text-decoration:none;display:block}
.findings a:hover .msg{text-decoration:underline}
.findings span{display:block}
.where{color:var(--muted);font-size:12px}
.findings .src-file{color:var(--muted);font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.rule b{font-family:ui-monospace,Consolas,monospace}
.flagged q,.fix q{font-family:var(--doc);font-size:14px;background:#f3f3f3;padding:0 3px}
.flagged q::before,.flagged q::after,.fix q::before,.fix q::after{content:""}
.suggestion{color:#2e5d34}
.fix small{margin-left:6px;color:var(--muted)}
.side .none{color:#2e7d32}
footer.foot{color:var(--muted);font-size:12px;padding:8px 24px 24px}
html.hide-error .findings li.sev-error,html.hide-warning .findings li.sev-warning,
html.hide-info .findings li.sev-info,html.hide-error .sev-group.sev-error,
html.hide-warning .sev-group.sev-warning,html.hide-info .sev-group.sev-info,
html.hide-error mark.badge.sev-error,html.hide-warning mark.badge.sev-warning,
html.hide-info mark.badge.sev-info{display:none}
html.hide-error mark.sev-error:not(.badge),html.hide-warning mark.sev-warning:not(.badge),
html.hide-info mark.sev-info:not(.badge){background:none;border-bottom-color:transparent}
html.hide-error mark.finding.sev-error::after,html.hide-warning mark.finding.sev-warning::after,
html.hide-info mark.finding.sev-info::after{content:none}
@media (max-width:1000px){.layout{grid-template-columns:1fr}.side{position:static;max-height:none}}
@media print{
body{background:#fff;font-size:11pt}
header.top,.layout,footer.foot{padding:0}
.tools,.help{display:none}
.layout{display:block}
.file{border:none;border-radius:0;margin:0 0 12pt;break-before:page}
.file:first-child{break-before:auto}
.file>details>summary{list-style:none;padding:4pt 0}
.doc{padding:4pt 0 8pt 32pt}
.para{font-size:12pt;break-inside:avoid}
.para::before{left:-30pt}
.side{position:static;max-height:none;overflow:visible;border:none;padding:0;break-before:page}
.findings li{break-inside:avoid}
.findings a::after{content:none}
mark.finding:target{outline:none}
}
"""

_SCRIPT = """
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var tools = document.getElementById("tools");
  if (tools) { tools.hidden = false; }
  function openTo(el) {
    for (var d = el && el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
  }
  function flash(el) {
    if (!el) { return; }
    el.classList.add("current");
    setTimeout(function () { el.classList.remove("current"); }, 1600);
  }
  if (tools) {
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      var sev = button.getAttribute("data-sev");
      if (sev) {
        var on = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", on ? "true" : "false");
        root.classList.toggle("hide-" + sev, !on);
        return;
      }
      var all = button.getAttribute("data-all");
      if (all) {
        document.querySelectorAll("section.file > details").forEach(function (d) { d.open = all === "open"; });
      }
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (link) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) { openTo(target); flash(target); }
      return;
    }
    var mark = event.target.closest("mark.finding, mark.finding-part");
    if (mark) {
      var id = mark.id || mark.getAttribute("data-of") || "";
      var item = document.getElementById("l-" + id.slice(2));
      if (item) { item.scrollIntoView({block: "nearest"}); flash(item); }
    }
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el) { openTo(el); el.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", fromHash);
  if (location.hash) { fromHash(); }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
"""
