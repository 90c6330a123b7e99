"""Whole files against hand-written expectations (golden tests).

``tests/golden/sample_000.tsv`` was written by reading the seed sample (three real 2024
summaries, ../shared), ``tests/golden/example.tsv`` from the bundled example's
EXPECTED.md, both before running the tool.  Every ``required`` row must be found; every
finding at warning level or above must match a row (required or allowed): nothing on the
correct text.  A change to a golden file states its reason in the commit message.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from summarylint.config import Config
from summarylint.engine import check_path
from summarylint.model import Severity
from tests.conftest import shared_path

GOLDEN_DIR = Path(__file__).parent / "golden"
REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "2025年上半年意识形态工作总结"
#: (golden file, input) pairs; the sample lives in ../shared and is skipped without it.
CASES = {
    "sample": ("sample_000.tsv", None),
    "example-txt": ("example.tsv", EXAMPLE.with_suffix(".txt")),
    "example-docx": ("example.tsv", EXAMPLE.with_suffix(".docx")),
}
#: Families whose rules exist so far; rows of other families are checked once they do.
IMPLEMENTED = set("TSFRNP")


def load_rows(name="sample_000.tsv"):
    text = (GOLDEN_DIR / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = []
    for status, family, paragraph, text, nth, note in csv.reader(lines, delimiter="\t"):
        rows.append({"status": status, "family": family, "paragraph": int(paragraph), "text": text,
                     "nth": int(nth), "note": note})
    return rows


@pytest.fixture(scope="module")
def result(ruleset):
    path = shared_path("samples", "000_8e0b853442afd5b5.txt")
    result = check_path(str(path), Config(), ruleset)
    assert result.error is None
    return result


def row_span(result, row):
    text = result.document.block(row["paragraph"]).text
    if not row["text"]:
        return None
    start = -1
    for _ in range(row["nth"]):
        start = text.find(row["text"], start + 1)
        assert start >= 0, f"golden row text {row['text']!r} not in paragraph {row['paragraph']}"
    return start, start + len(row["text"])


def matches(result, finding, row):
    if finding.rule[0] != row["family"] or finding.paragraph != row["paragraph"]:
        return False
    span = row_span(result, row)
    if span is None:
        return finding.section_level or finding.span.start == finding.span.end
    return finding.span.start < span[1] and span[0] < finding.span.end


def test_three_documents(result):
    assert [(s.start, s.end, s.title) for s in result.outline.summaries] == [
        (1, 23, None),
        (24, 40, "意识形态工作 2024年上半年意识形态工作总结"),
        (41, 52, "意识形态工作 2024年上半年意识形态工作总结"),
    ]
    assert [str(p) for p in result.periods.values()] == ["2024-01-01..2024-06-30"] * 3


@pytest.mark.parametrize("case", CASES)
def test_golden_file(case, ruleset):
    golden, path = CASES[case]
    if path is None:
        path = shared_path("samples", "000_8e0b853442afd5b5.txt")
    result = check_path(str(path), Config(), ruleset)
    assert result.error is None
    rows = load_rows(golden)
    missing = [
        (r["family"], r["paragraph"], r["text"], r["note"])
        for r in rows
        if r["status"] == "required" and r["family"] in IMPLEMENTED
        and not any(matches(result, f, r) for f in result.findings)
    ]
    assert missing == []
    assert unexpected_findings(result, rows) == []


def unexpected_findings(result, rows):
    return [
        (f.rule, f.paragraph, f.column, result.document.block(f.paragraph).text[f.span.start : f.span.end], f.message)
        for f in result.findings
        if f.severity >= Severity.WARNING and not any(matches(result, f, row) for row in rows)
    ]
