"""Human-readable output: one finding per block of lines, clickable ``path:line:col``."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from summarylint.engine import FileResult
from summarylint.model import Block, Finding, Severity
from summarylint.report import counts

_CONTEXT = 18  # characters shown on each side of a span
_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_SEVERITY_NAME = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _visible(text: str) -> str:
    return text.replace("\t", " ").replace("\n", "↵").replace("\r", " ")


def excerpt(block: Block, finding: Finding) -> tuple[str, str | None]:
    """The paragraph around the span (one line) and a caret line under the span."""
    if finding.span.in_label:
        label = block.label or ""
        line = _visible(label + block.text[: _CONTEXT * 2])
        return line + ("…" if len(block.text) > _CONTEXT * 2 else ""), "^" * max(1, width(label))
    text = block.text
    if finding.section_level:
        body = text.strip()
        return _visible(body[: _CONTEXT * 3]) + ("…" if len(body) > _CONTEXT * 3 else ""), None
    start, end = finding.span.start, finding.span.end
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    # Indentation says nothing to a reader looking for the place with 查找: drop it.
    prefix = "…" + _visible(text[left:start]) if left > 0 else _visible(text[:start].lstrip(" \t\u3000"))
    marked = _visible(text[start:end])
    suffix = _visible(text[end:right]) + ("…" if right < len(text) else "")
    carets = " " * width(prefix) + "^" * max(1, width(marked))
    return prefix + marked + suffix, carets


def _style(text: str, color: bool, **kwargs) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kwargs)


def render(results: Iterable[FileResult], *, color: bool = False) -> str:
    results = list(results)
    out: list[str] = []
    for result in results:
        if result.document is None:
            continue
        for f in result.findings:
            block = result.document.block(f.paragraph)
            sev = _style(str(f.severity), color, fg=_SEVERITY_COLOR[f.severity], bold=True)
            where = _style(f"{result.path}:{f.paragraph}:{f.column}:", color, bold=True)
            out.append(f"{where} {_style(f.rule, color, bold=True)} {sev} {f.message}")
            if f.heading:
                out.append(f"    位置：{' › '.join(f.heading)}")
            line, carets = excerpt(block, f)
            if line.strip():
                out.append(f"    | {line}")
                if carets:
                    out.append(f"    | {_style(carets, color, fg=_SEVERITY_COLOR[f.severity])}")
            if f.suggestion:
                out.append(f"    建议：{f.suggestion}")
            out.append("")
    out.append(summary_line(results))
    return "\n".join(out) + "\n"


def summary_line(results: list[FileResult]) -> str:
    c = counts(results)
    total = c["error"] + c["warning"] + c["info"]
    scope = f"{c['files']} 个文件，{c['documents']} 篇总结"
    if c["input_errors"]:
        scope += f"，{c['input_errors']} 个文件无法读取"
    if not total:
        return f"未发现问题（{scope}）。"
    parts = "，".join(
        f"{_SEVERITY_NAME[s]} {c[str(s)]}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if c[str(s)]
    )
    fixable = sum(1 for r in results for f in r.findings if f.fix and f.fix.safe)
    tail = f"；其中 {fixable} 处可自动修正" if fixable else ""
    return f"发现 {total} 个问题（{parts}{tail}；{scope}）。"


def render_statistics(results: list[FileResult], ruleset) -> str:
    """Findings per rule, most frequent first (like ruff --statistics)."""
    from collections import Counter

    counts = Counter(f.rule for r in results for f in r.findings)
    fixable = Counter(f.rule for r in results for f in r.findings if f.fix and f.fix.safe)
    lines = []
    for rule_id, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = ruleset.rules.get(rule_id)
        name = rule.name if rule else ""
        mark = "[*]" if fixable[rule_id] == n else "   "
        lines.append(f"{n:>5}  {rule_id:<8}{mark} {name}")
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


def render_summary(results: list[FileResult]) -> str:
    """One row per file: documents, errors, warnings, infos (what a reviewing office reads first)."""
    header = ("文件", "总结", "错误", "警告", "提示")
    rows = []
    for r in results:
        if r.error:
            rows.append((r.path, "无法读取", "", "", ""))
            continue
        c = counts([r])
        rows.append((r.path, str(c["documents"]), str(c["error"]), str(c["warning"]), str(c["info"])))
    widths = [max(width(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(row) -> str:
        cells = [row[0] + " " * (widths[0] - width(row[0]))]
        cells += [" " * (widths[i] - width(row[i])) + row[i] for i in range(1, len(row))]
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), *(line(row) for row in rows)]) + "\n"
