"""The command line: thin wrappers that parse options, call the library, choose the exit code.

Exit codes: 0 no findings at or above the fail level; 1 findings; 2 usage, configuration
or input error (a file that could not be read), whatever else was found.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from summarylint import __version__
from summarylint.model import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _utf8_streams() -> None:
    """Write UTF-8 whatever the console's code page (a GBK console must not crash us)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip().upper() for value in values for v in value.split(",") if v.strip())


def _error(path: str, reason: str) -> None:
    click.echo(f"summarylint: error: {path}: {reason}", err=True)


def _expand(paths: tuple[str, ...]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to check, and (path, reason) for paths that give none."""
    from summarylint.readers import SUPPORTED_SUFFIXES

    files: list[str] = []
    errors: list[tuple[str, str]] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if f.suffix.lower() in SUPPORTED_SUFFIXES
                and f.is_file()
                and not f.name.startswith(("~$", "."))
                and not any(part.startswith(".") for part in f.relative_to(p).parts[:-1])
            )
            if not found:
                errors.append((path, "directory holds no .docx, .txt or .md files"))
            files.extend(found)
        else:
            files.append(path)
    return files, errors


class _Group(click.Group):
    def main(self, *args, **kwargs):
        _utf8_streams()
        return super().main(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="summarylint")
def main() -> None:
    """Check Chinese official work summaries (工作总结) for missing parts, stale references,
    misspelled fixed terms and GB/T format errors."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, help="Rule ids or prefixes to enable (T, T001, ALL); comma-separated.")
@click.option("--extend-select", multiple=True, help="Enable these in addition to the default rules.")
@click.option("--ignore", multiple=True, help="Rule ids or prefixes to disable.")
@click.option("--period", help="Reporting period for every document: 2025H1, 2025, 2025Q3, 2025-03 or YYYY-MM-DD..YYYY-MM-DD.")
@click.option("--profile", default="work-summary", show_default=True, help="Which parts a summary must have.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@click.option("--stdin-filename", help="Name to report for input read from '-'.")
@click.option("--convert", is_flag=True, help="Convert legacy .doc/.wps files with LibreOffice before checking.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when a terminal).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--max-file-size", default="50MB", show_default=True, metavar="SIZE",
              help="Refuse larger files (bytes, or with KB/MB suffix).")
def check(paths, fmt, select, extend_select, ignore, period, profile, fail_on, exit_zero, stdin_filename,
          convert, color, output, max_file_size) -> None:
    """Check PATHS (.docx, .txt, .md files or directories; '-' for standard input)."""
    from summarylint.config import Config
    from summarylint.engine import RulePackError, RuleSet
    from summarylint.period import parse_period_option

    if period:
        try:
            parse_period_option(period)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--period") from None
    try:
        ruleset = RuleSet.load()
    except RulePackError as exc:
        click.echo(f"summarylint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if profile not in _profiles(ruleset):
        raise click.BadParameter(f"unknown profile {profile!r} (known: {', '.join(_profiles(ruleset))})",
                                 param_hint="--profile")
    selectors = _split(select) + _split(extend_select) + _split(ignore)
    unknown = ruleset.unknown_selectors(selectors)
    if unknown:
        raise click.BadParameter(f"no rule matches {', '.join(unknown)} (see `summarylint rules`)",
                                 param_hint="--select/--ignore")
    config = Config(
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_on=Severity.parse(fail_on),
        period=period,
        profile=profile,
        max_file_size=_size(max_file_size),
    )
    files, path_errors = _expand(paths)
    results = []
    for path in files:
        results.append(_check_one(path, config, ruleset, stdin_filename, convert))
    for path, reason in path_errors:
        from summarylint.engine import FileResult

        results.append(FileResult(path, error=reason))
    for result in results:
        if result.error:
            _error(result.path, result.error)

    if fmt == "json":
        from summarylint.report.json import render

        report = render(results, rules_data=ruleset.data_version())
    else:
        from summarylint.report.text import render

        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        report = render(results, color=use_color)
    if output:
        _write_atomic(Path(output), report)
    else:
        click.echo(report, nl=False)

    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    if not exit_zero and any(f.severity >= config.fail_on for r in results for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _size(value: str) -> int:
    text = value.strip().upper().removesuffix("B")
    factor = {"K": 1024, "M": 1024**2, "G": 1024**3}.get(text[-1:], 1)
    try:
        number = float(text[:-1] if factor > 1 else text)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 50MB", param_hint="--max-file-size") from None
    if number <= 0:
        raise click.BadParameter("must be positive", param_hint="--max-file-size")
    return int(number * factor)


def _profiles(ruleset) -> list[str]:
    from summarylint.checks.sections import RequiredPartsRule

    found = {p for r in ruleset.rules.values() if isinstance(r, RequiredPartsRule) for p in r.profiles()}
    return sorted(found) or ["work-summary"]


def _check_one(path, config, ruleset, stdin_filename, convert):
    from summarylint.engine import check_bytes, check_path

    if path == "-":
        name = stdin_filename or "-"
        return check_bytes(sys.stdin.buffer.read(), name, config, ruleset)
    result = check_path(path, config, ruleset)
    if convert and result.error_kind == "legacy-format":
        from summarylint.convert import convert_legacy

        return convert_legacy(path, config, ruleset)
    return result


def _write_atomic(path: Path, text: str) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(fmt) -> None:
    """List every rule with its id, name, default severity and whether it is on by default."""
    import json

    from summarylint.engine import RuleSet

    ruleset = RuleSet.load()
    rules = sorted(ruleset.rules.values(), key=lambda r: r.id)
    if fmt == "json":
        click.echo(json.dumps([r.describe() for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        state = "" if r.default_enabled else "  (off by default)"
        click.echo(f"{r.id}  {r.name:<28} {str(r.severity):<8} {r.summary}{state}")


@main.command()
@click.argument("rule_id")
def explain(rule_id) -> None:
    """Explain one rule: what it reports, why, and examples."""
    from summarylint.engine import RuleSet

    ruleset = RuleSet.load()
    rule = ruleset.rules.get(rule_id.upper())
    if rule is None:
        click.echo(f"summarylint: error: no rule {rule_id} (see `summarylint rules`)", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{rule.id} {rule.name} ({rule.severity}{'' if rule.default_enabled else ', off by default'})")
    click.echo("")
    click.echo(rule.summary)
    click.echo("")
    click.echo(rule.explanation)
    for ex in rule.examples:
        click.echo("")
        click.echo("错误示例：" if ex.fires else "正确示例：")
        for line in ex.text.splitlines():
            click.echo(f"    {line}")
    entries = getattr(rule, "entries", None) or getattr(rule, "parts", None)
    if entries:
        click.echo("")
        click.echo(f"数据：{len(entries)} 条，来自 {', '.join(_short(s) for s in rule.sources)}")


def _short(source: str) -> str:
    p = Path(source)
    return f"rules/{p.name}" if p.parent.name == "rules" else source


if __name__ == "__main__":  # pragma: no cover
    main()
