"""summarylint: a rule-based checker for Chinese official work summaries (工作总结).

The Python API::

    import summarylint

    report = summarylint.check_file("report.docx")            # configuration discovered as the CLI does
    for finding in report.findings:
        print(finding.rule, finding.paragraph, finding.column, finding.message)

    report = summarylint.check_text("全面落实意认形态工作责任制。", select=["T"], period="2025H1")

A ``Report`` (``summarylint.engine.FileResult``) has ``path``, ``document`` (the blocks as
read), ``outline`` (summaries and sections), ``periods``, ``findings`` (sorted),
``suppressed`` and ``error`` (the one-line reason when the file could not be read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Config", "Report", "__version__", "check_file", "check_text"]

if TYPE_CHECKING:
    from summarylint.config import Config
    from summarylint.engine import FileResult as Report


def check_file(path: str, config: Config | None = None) -> Report:
    """Check one file.  Without ``config``, configuration files are discovered upward from
    ``path`` exactly as ``summarylint check`` does."""
    from summarylint.runner import Settings, check_files

    if config is None:
        return check_files([str(path)], Settings())[0]
    from summarylint.runner import _check_one

    return _check_one(str(path), config.for_file(str(path)), False)


def check_text(
    text: str,
    *,
    path: str = "<text>",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    period: str | None = None,
    profile: str = "work-summary",
    config: Config | None = None,
) -> Report:
    """Check a string (lines are paragraphs; ``path`` ending in .md reads Markdown)."""
    import dataclasses

    from summarylint.config import Config
    from summarylint.engine import check_document
    from summarylint.readers.text import read_text
    from summarylint.runner import ruleset_for

    base = config or Config()
    changes = {"profile": profile} if config is None else {}
    if select is not None:
        changes["select"] = tuple(s.upper() for s in select)
    if ignore:
        changes["ignore"] = base.ignore + tuple(s.upper() for s in ignore)
    if period is not None:
        changes["period"] = period
    base = dataclasses.replace(base, **changes)
    document = read_text(text.encode("utf-8"), path, markdown=path.endswith(".md"))
    return check_document(document, base, ruleset_for(base.rule_packs))


def __getattr__(name: str):
    if name == "Config":
        from summarylint.config import Config

        return Config
    if name == "Report":
        from summarylint.engine import FileResult

        return FileResult
    raise AttributeError(name)
