"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=PATH,line=P,col=C,endColumn=E,title=RULE name::message（建议：…）``

Severities map error → ``error``, warning → ``warning``, info → ``notice``.  Columns are
the JSON report's (1-based code points, ``endColumn`` exclusive).  Findings without
characters of their own carry ``line`` only, so the annotation marks the whole
paragraph: a section- or document-level finding (its heading or first paragraph), and a
finding on an automatic numbering label (column 0 in JSON; the label is not in the
text).  A file that could not be read, or on which a rule failed, gives
``::error file=PATH::reason``.  Suppressed findings are not shown.

Escaping follows the Actions runner: in the message ``%``, CR and LF become ``%25``,
``%0D``, ``%0A``; property values additionally escape ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Iterable

from summarylint.engine import FileResult, RuleSet
from summarylint.model import Finding, Severity

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: list[tuple[str, str | int]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def annotation(path: str, f: Finding) -> str:
    properties: list[tuple[str, str | int]] = [("file", path), ("line", f.paragraph)]
    if not f.span.in_label and not f.section_level:
        properties += [("col", f.column), ("endColumn", f.end_column)]
    properties.append(("title", f"{f.rule} {f.name}" if f.name else f.rule))
    message = f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")
    return command(COMMAND[f.severity], properties, message)


def render(results: Iterable[FileResult], ruleset: RuleSet) -> str:
    """``ruleset`` is unused (the lines carry the rule id and name); it keeps the reporters alike."""
    lines: list[str] = []
    for result in results:
        if result.document is not None:
            lines.extend(annotation(result.path, f) for f in result.findings)
        if result.error:
            lines.append(command("error", [("file", result.path)], result.error))
    return "".join(line + "\n" for line in lines)
