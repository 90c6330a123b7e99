"""Writing back: fixes applied to text and .docx files, findings as Word comments.

Input files are never modified unless the user asks for ``--in-place``; everything is
written to a new file, atomically.
"""

from __future__ import annotations

from collections.abc import Iterable

from summarylint.model import Finding


def choose_fixes(findings: Iterable[Finding], *, unsafe: bool = False) -> list[Finding]:
    """The findings whose fixes to apply: safe ones (and unsafe ones when asked), with a
    real span in the paragraph text, never two that overlap (the first in document order
    wins), sorted by position."""
    candidates = [
        f for f in findings
        if f.fix is not None and (f.fix.safe or unsafe) and not f.span.in_label and not f.section_level
    ]
    candidates.sort(key=lambda f: (f.span.block, f.span.start, f.span.end, f.rule))
    chosen: list[Finding] = []
    for f in candidates:
        last = chosen[-1] if chosen else None
        if last and last.span.block == f.span.block and f.span.start < max(last.span.end, last.span.start + 1):
            continue  # overlaps (or touches the same insertion point as) the previous fix
        chosen.append(f)
    return chosen


def apply_to_text(text: str, fixes: list[Finding]) -> str:
    """Apply fixes (all on one paragraph, from ``choose_fixes``) to that paragraph's text."""
    out = []
    position = 0
    for f in fixes:
        out.append(text[position : f.span.start])
        out.append(f.fix.replacement)
        position = f.span.end
    out.append(text[position:])
    return "".join(out)
