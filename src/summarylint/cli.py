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
FORMATS = ("text", "json", "sarif", "github", "junit", "html")


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


def _fail(message: str) -> None:
    click.echo(f"summarylint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


class _Group(click.Group):
    def main(self, *args, **kwargs):
        _utf8_streams()
        return super().main(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="summarylint")
def main() -> None:
    """Check Chinese official work summaries (工作总结) for missing parts, stale references,
    misspelled fixed terms and GB/T format errors."""


def _settings(select, extend_select, ignore, period, profile, fail_on, max_file_size, config, isolated, convert=False):
    from summarylint.config import parse_size
    from summarylint.period import parse_period_option
    from summarylint.runner import Overrides, Settings

    if period:
        try:
            parse_period_option(period)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--period") from None
    size = None
    if max_file_size:
        try:
            size = parse_size(max_file_size)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--max-file-size") from None
    overrides = Overrides(
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_on=Severity.parse(fail_on) if fail_on else None,
        period=period,
        profile=profile,
        max_file_size=size,
    )
    return Settings(overrides, config_file=config, isolated=isolated, convert=convert)


def _validate(settings, files: list[str]) -> None:
    """Selectors and profiles must name something: a typo must not silently run nothing."""
    from summarylint.checks.sections import RequiredPartsRule
    from summarylint.runner import ruleset_for

    for path in files or ["."]:
        config = settings.for_path(path)
        ruleset = ruleset_for(config.rule_packs)
        selectors = (config.select or ()) + config.extend_select + config.ignore + tuple(config.severity)
        unknown = ruleset.unknown_selectors(selectors)
        if unknown:
            given = settings.overrides
            from_cli = set((given.select or ()) + given.extend_select + given.ignore)
            if not set(unknown) <= from_cli:
                _fail(f"{config.source}: no rule matches {', '.join(unknown)} (see `summarylint rules`)")
            raise click.BadParameter(f"no rule matches {', '.join(unknown)} (see `summarylint rules`)",
                                     param_hint="--select/--ignore")
        profiles = sorted({p for r in ruleset.rules.values() if isinstance(r, RequiredPartsRule) for p in r.profiles()})
        if config.profile not in profiles:
            raise click.BadParameter(f"unknown profile {config.profile!r} (known: {', '.join(profiles)})",
                                     param_hint="--profile")


_config_options = [
    click.option("--select", multiple=True, help="Rule ids or prefixes to enable (T, T001, ALL); comma-separated."),
    click.option("--extend-select", multiple=True, help="Enable these in addition to the configured rules."),
    click.option("--ignore", multiple=True, help="Rule ids or prefixes to disable."),
    click.option("--period", help="Reporting period for every document: 2025H1, 2025, 2025Q3, 2025-03 or "
                                  "YYYY-MM-DD..YYYY-MM-DD."),
    click.option("--profile", help="Which parts a summary must have: work-summary (default) or party-branch."),
    click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
                 help="Lowest severity that makes the exit code 1 (default: warning)."),
    click.option("--max-file-size", metavar="SIZE", help="Refuse larger files (default 50MB)."),
    click.option("--config", "config_file", type=click.Path(dir_okay=False),
                 help="Use this configuration file instead of discovering one."),
    click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
]


def config_options(function):
    for option in reversed(_config_options):
        function = option(function)
    return function


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@config_options
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@click.option("--stdin-filename", help="Name to report for input read from '-'.")
@click.option("--convert", is_flag=True, help="Convert legacy .doc/.wps files with LibreOffice before checking.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when a terminal).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None, help="Parallel processes (default: all cores).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of each finding.")
@click.option("--summary", "show_summary", is_flag=True,
              help="Print a table per file: documents, errors, warnings, infos.")
@click.option("--baseline", "write_baseline", type=click.Path(dir_okay=False),
              help="Write the current findings to this baseline file (use it with `baseline = FILE` in the config).")
def check(paths, fmt, select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file, isolated,
          exit_zero, stdin_filename, convert, color, output, jobs, statistics, show_summary, write_baseline) -> None:
    """Check PATHS (.docx, .txt, .md files or directories; '-' for standard input)."""
    from summarylint.baseline import BaselineError
    from summarylint.config import ConfigError
    from summarylint.engine import RulePackError
    from summarylint.runner import check_files, expand

    settings = _settings(select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file,
                         isolated, convert)
    try:
        files, path_errors = expand(paths, settings)
        _validate(settings, files)
        progress = _progress(len(files), fmt)
        results = check_files(
            files, settings, jobs=jobs or os.cpu_count() or 1, stdin=lambda: sys.stdin.buffer.read(),
            stdin_filename=stdin_filename, progress=progress.update if progress else None,
        )
        if progress:
            progress.finish()
    except (ConfigError, RulePackError, BaselineError) as exc:
        _fail(str(exc))
    results.extend(path_errors)
    for result in results:
        if result.error:
            click.echo(f"summarylint: error: {result.path}: {result.error}", err=True)

    if write_baseline:
        from summarylint.baseline import write

        count = write(Path(write_baseline), results)
        click.echo(f"summarylint: wrote {count} findings to {write_baseline}", err=True)

    report = _render(fmt, results, settings, color, output, statistics, show_summary)
    if output:
        _write_atomic(Path(output), report)
    else:
        click.echo(report, nl=False)

    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    failing = any(
        f.severity >= settings.for_path(r.path).fail_on for r in results for f in r.findings
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero and not write_baseline else EXIT_OK)


def _render(fmt, results, settings, color, output, statistics, show_summary) -> str:
    from summarylint.runner import ruleset_for

    ruleset = ruleset_for(settings.for_path(results[0].path if results else ".").rule_packs)
    if fmt == "text":
        from summarylint.report import text

        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        if statistics:
            return text.render_statistics(results, ruleset)
        out = text.render(results, color=use_color)
        if show_summary:
            out = text.render_summary(results) + "\n" + out.splitlines()[-1] + "\n"
        return out
    if fmt == "json":
        from summarylint.report.json import render

        return render(results, rules_data=ruleset.data_version())
    module = __import__(f"summarylint.report.{fmt}", fromlist=["render"])
    return module.render(results, ruleset)


class _Progress:
    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def update(self, n: int) -> None:
        self.done += n
        click.echo(f"\r检查中 {self.done}/{self.total} …", err=True, nl=False)

    def finish(self) -> None:
        click.echo("\r" + " " * 30 + "\r", err=True, nl=False)


def _progress(total: int, fmt: str) -> _Progress | None:
    """A progress line on stderr for long batches in a terminal; never for machine formats."""
    if fmt == "text" and total > 5 and sys.stderr.isatty():
        return _Progress(total)
    return None


def _write_atomic(path: Path, text: str) -> None:
    """Reports and starter files: UTF-8, written atomically, with the usual permissions."""
    from summarylint.write.text import write_atomic

    write_atomic(path, text.encode("utf-8"))


def _checked(path: str, settings):
    """Read and check one file for fix/annotate: (bytes, FileResult)."""
    from summarylint.engine import check_bytes
    from summarylint.runner import ruleset_for

    config = settings.for_path(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return None, _error_result(path, f"cannot read the file ({exc.strerror or exc})")
    return data, check_bytes(data, path, config, ruleset_for(config.rule_packs))


def _error_result(path: str, reason: str):
    from summarylint.engine import FileResult

    return FileResult(path, error=reason)


def _target(path: str, output: str | None, suffix: str, many: bool) -> Path:
    """Where to write: -o FILE, -o DIR (several inputs), or NAME.<suffix>.EXT beside the input."""
    source = Path(path)
    default_name = f"{source.stem}.{suffix}{source.suffix}"
    if output is None:
        return source.with_name(default_name)
    out = Path(output)
    target = out / default_name if many or out.is_dir() else out
    if target.exists() and target.resolve() == source.resolve():
        raise click.UsageError(f"{path}: the output would overwrite the input (use --in-place for text files)")
    return target


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@config_options
@click.option("-o", "--output", type=click.Path(), help="Output file (one input) or directory (several).")
@click.option("--in-place", is_flag=True, help="Text files: replace the file atomically, keeping a .bak copy.")
@click.option("--diff", "show_diff", is_flag=True, help="Text files: print a unified diff instead of writing.")
@click.option("--unsafe", is_flag=True, help="Also apply suggestions that are not right in every context.")
@click.option("--no-track", is_flag=True, help=".docx: edit the text directly instead of as tracked changes.")
def fix(paths, select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file, isolated,
        output, in_place, show_diff, unsafe, no_track) -> None:
    """Apply safe fixes. .docx: into a copy, as tracked changes (Word: 审阅 › 接受/拒绝);
    .txt/.md: to -o, --in-place (with a .bak) or as a --diff.  The input is never
    modified without --in-place."""
    from summarylint.config import ConfigError
    from summarylint.engine import RulePackError
    from summarylint.write import choose_fixes

    settings = _settings(select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file,
                         isolated)
    if in_place and output:
        raise click.UsageError("--in-place and -o cannot be used together")
    failed = False
    for path in paths:
        try:
            data, result = _checked(path, settings)
        except (ConfigError, RulePackError) as exc:
            _fail(str(exc))
        if result.error:
            click.echo(f"summarylint: error: {path}: {result.error}", err=True)
            failed = True
            continue
        fixes = choose_fixes(result.findings, unsafe=unsafe)
        if result.document.format == "docx":
            if in_place or show_diff:
                click.echo(f"summarylint: error: {path}: --in-place and --diff are for text files; "
                           "a .docx is fixed into a copy (-o)", err=True)
                failed = True
                continue
            from summarylint.write.docx import fix_docx

            fixed_docx = fix_docx(data, result.document, fixes, track=not no_track)
            _report_skipped(path, fixed_docx.skipped)
            target = _target(path, output, "fixed", len(paths) > 1)
            _write_bytes(target, fixed_docx.data)
            how = "directly" if no_track else "as tracked changes"
            click.echo(f"{path}: {len(fixed_docx.applied)} fixes applied {how} → {target}", err=True)
            continue
        from summarylint.write.text import fix_text, unified_diff, write_atomic

        fixed = fix_text(data, result.document, fixes)
        _report_skipped(path, fixed.skipped)
        if show_diff:
            click.echo(unified_diff(data, fixed.data, path, result.document.encoding or "utf-8"), nl=False)
            continue
        if in_place:
            if fixed.data != data:
                write_atomic(Path(path), fixed.data, backup=True)
            target = Path(path)
        else:
            target = _target(path, output, "fixed", len(paths) > 1)
            write_atomic(target, fixed.data)
        click.echo(f"{path}: {len(fixed.applied)} fixes applied → {target}", err=True)
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@config_options
@click.option("-o", "--output", type=click.Path(), help="Output file (one input) or directory (several).")
def annotate(paths, select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file, isolated,
             output) -> None:
    """Write a copy of each .docx with one Word comment per finding, anchored on the
    offending characters (default name: NAME.reviewed.docx)."""
    from summarylint.config import ConfigError
    from summarylint.engine import RulePackError

    settings = _settings(select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file,
                         isolated)
    failed = False
    for path in paths:
        try:
            data, result = _checked(path, settings)
        except (ConfigError, RulePackError) as exc:
            _fail(str(exc))
        if result.error is None and result.document.format != "docx":
            result.error = "annotate writes Word comments and needs a .docx file (use `check` for text files)"
        if result.error:
            click.echo(f"summarylint: error: {path}: {result.error}", err=True)
            failed = True
            continue
        from summarylint.write.docx import annotate as add_comments

        target = _target(path, output, "reviewed", len(paths) > 1)
        _write_bytes(target, add_comments(data, result.document, result.findings))
        click.echo(f"{path}: {len(result.findings)} comments → {target}", err=True)
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


def _report_skipped(path: str, skipped) -> None:
    for finding, reason in skipped:
        click.echo(f"{path}:{finding.paragraph}:{finding.column}: {finding.rule} not fixed: {reason}", err=True)


def _write_bytes(path: Path, data: bytes) -> None:
    from summarylint.write.text import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(fmt) -> None:
    """List every rule with its id, name, default severity and whether it is on by default."""
    import json

    from summarylint.engine import RuleSet

    rules = sorted(RuleSet.load().rules.values(), key=lambda r: r.id)
    if fmt == "json":
        click.echo(json.dumps([r.describe() for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        state = "" if r.default_enabled else "  (off by default)"
        click.echo(f"{r.id:<8}{r.name:<32} {r.severity!s:<8} {r.summary}{state}")


@main.command()
@click.argument("rule_id")
def explain(rule_id) -> None:
    """Explain one rule: what it reports, why, and examples."""
    from summarylint.engine import RuleSet

    rule = RuleSet.load().rules.get(rule_id.upper())
    if rule is None:
        _fail(f"no rule {rule_id} (see `summarylint rules`)")
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


@main.command("config")
@click.argument("path", default=".")
@config_options
def show_config(path, select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file,
                isolated) -> None:
    """Print the effective configuration for PATH (a file or directory) as TOML."""
    from summarylint.config import ConfigError
    from summarylint.engine import RulePackError
    from summarylint.runner import ruleset_for

    settings = _settings(select, extend_select, ignore, period, profile, fail_on, max_file_size, config_file,
                         isolated)
    try:
        config = settings.for_path(path)
        ruleset = ruleset_for(config.rule_packs)
    except (ConfigError, RulePackError) as exc:
        _fail(str(exc))
    enabled = [r.id for r in ruleset.select(config)]

    def toml_list(values) -> str:
        return "[" + ", ".join(f'"{v}"' for v in values) + "]"

    lines = [
        f"# source: {config.source or '(defaults; no configuration file found)'}",
        f"select = {toml_list(config.select) if config.select is not None else '# default set'}",
        f"extend-select = {toml_list(config.extend_select)}",
        f"ignore = {toml_list(config.ignore)}",
        f'fail-on = "{config.fail_on}"',
        f'profile = "{config.profile}"',
        f'period = "{config.period}"' if config.period else "# period: read from each document",
        f"rule-packs = {toml_list(config.rule_packs)}",
        f"exclude = {toml_list(config.exclude)}",
        f"max-file-size = {config.max_file_size}",
        f'unit-name = "{config.unit_name}"' if config.unit_name else "# unit-name: not set",
        f'baseline = "{config.baseline}"' if config.baseline else "# baseline: not set",
        "",
        "[severity]",
        *(f'{rule} = "{level}"' for rule, level in sorted(config.severity.items())),
        "",
        "[per-file-ignores]",
        *(f'"{glob}" = {toml_list(sels)}' for glob, sels in config.per_file_ignores),
        "",
        f"# enabled rules ({len(enabled)}): {' '.join(enabled)}",
    ]
    click.echo("\n".join(lines))


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing summarylint.toml.")
@click.argument("directory", default=".", type=click.Path(file_okay=False))
def init(force, directory) -> None:
    """Write a commented starter summarylint.toml into DIRECTORY."""
    from summarylint.config import STARTER

    target = Path(directory) / "summarylint.toml"
    if target.exists() and not force:
        _fail(f"{target} exists (use --force to overwrite)")
    Path(directory).mkdir(parents=True, exist_ok=True)
    _write_atomic(target, STARTER)
    click.echo(f"wrote {target}")


if __name__ == "__main__":  # pragma: no cover
    main()
