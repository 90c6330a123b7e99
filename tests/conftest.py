"""Shared test helpers: run the whole pipeline on small texts written in the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarylint.config import Config
from summarylint.engine import FileResult, RuleSet, check_document
from summarylint.readers.text import read_text

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return RuleSet.load(plugins=False)


def run_text(ruleset: RuleSet, text: str, *, select=None, period=None, profile="work-summary",
             path="t.txt") -> FileResult:
    """Check ``text`` (lines = paragraphs) and return the file result."""
    config = Config(select=tuple(select) if select else None, period=period, profile=profile)
    document = read_text(text.encode("utf-8"), path, markdown=path.endswith(".md"))
    return check_document(document, config, ruleset)


def located(result: FileResult) -> list[tuple[str, int, int, int, str]]:
    """(rule, paragraph, column, end_column, flagged text) for each finding."""
    out = []
    for f in result.findings:
        block = result.document.block(f.paragraph)
        text = block.label if f.span.in_label else block.text[f.span.start : f.span.end]
        out.append((f.rule, f.paragraph, f.column, f.end_column, text))
    return out


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent (a user's fresh clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is only beside the development checkout)")
    return path
