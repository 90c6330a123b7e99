"""Discover rules, run them over a document, and collect ordered, de-duplicated findings."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from summarylint.checks import Context, Rule, RuleKind, builtin_rules, rule_kinds
from summarylint.checks.base import RULE_ID
from summarylint.config import Config
from summarylint.model import Document, Finding, Severity
from summarylint.readers import InputError, read_path
from summarylint.structure import Outline, parse


class RulePackError(Exception):
    """A rule pack or plugin that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Suppressed:
    """A finding that a directive or the baseline silenced (reported only by formats
    that can say so, such as SARIF)."""

    finding: Finding
    #: "inSource" (a summarylint: disable directive or Word comment) or "external" (baseline)
    kind: str
    justification: str = ""


@dataclass
class FileResult:
    path: str
    document: Document | None = None
    outline: Outline | None = None
    periods: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    #: InputError.kind when ``error`` is set
    error_kind: str | None = None
    suppressed: list[Suppressed] = field(default_factory=list)


class RuleSet:
    """All known rules: built-ins, rule packs and entry-point plugins."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule, "built-in")

    def add(self, rule: Rule, origin: str) -> None:
        if not RULE_ID.match(rule.id):
            raise RulePackError(
                f"{origin}: rule id {rule.id!r} is not a family letter or 2-4 capital letters and 3 digits"
            )
        if rule.id in self.rules and self.rules[rule.id] is not rule:
            raise RulePackError(f"{origin}: rule id {rule.id} is defined twice")
        self.rules[rule.id] = rule

    @classmethod
    def load(cls, extra_packs: Iterable[str | Path] = (), *, plugins: bool = True) -> RuleSet:
        from summarylint.resources import data_dir

        kinds = dict(rule_kinds())
        ruleset = cls(builtin_rules())
        if plugins:
            ruleset._load_plugins(kinds)
        packs = sorted(data_dir("rules").glob("*.toml")) + [Path(p) for p in extra_packs]
        for pack in packs:
            ruleset.load_pack(pack, kinds)
        return ruleset

    def _load_plugins(self, kinds: dict[str, type[RuleKind]]) -> None:
        if not _plugins_installed():
            return  # importlib.metadata costs ~40 ms of start-up: only when a plugin exists
        from importlib.metadata import entry_points

        for ep in entry_points(group="summarylint.rules"):
            origin = f"plugin {ep.name} ({ep.value})"
            try:
                obj = ep.load()
            except Exception as exc:  # a broken plugin is a configuration error
                raise RulePackError(f"{origin}: cannot load: {exc}") from None
            objs = obj() if callable(obj) and not isinstance(obj, type) else [obj]
            for item in objs if isinstance(objs, (list, tuple)) else [objs]:
                if isinstance(item, type) and issubclass(item, RuleKind):
                    kinds[item.kind] = item
                elif isinstance(item, type) and issubclass(item, Rule):
                    rule = item()
                    if rule.id[:1] in "STNRFPC" and rule.id[1:2].isdigit():
                        raise RulePackError(
                            f"{origin}: plugin rule ids need a prefix of 2-4 capital letters, not {rule.id}"
                        )
                    self.add(rule, origin)
                elif isinstance(item, Rule):
                    self.add(item, origin)
                else:
                    raise RulePackError(f"{origin}: does not provide a Rule or RuleKind")

    def load_pack(self, path: Path, kinds: dict[str, type[RuleKind]]) -> None:
        name = str(path)
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except OSError as exc:
            raise RulePackError(f"{name}: cannot read rule pack ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise RulePackError(f"{name}: rule pack is not UTF-8") from None
        except tomllib.TOMLDecodeError as exc:
            raise RulePackError(f"{name}: invalid TOML: {exc}") from None
        header = data.get("pack")
        if not isinstance(header, dict) or "rule" not in header or "kind" not in header:
            raise RulePackError(f"{name}: missing [pack] table with 'rule' and 'kind'")
        kind = kinds.get(header["kind"])
        if kind is None:
            raise RulePackError(f"{name}: unknown rule kind {header['kind']!r} (known: {', '.join(sorted(kinds))})")
        entries = data.get("entry", [])
        if not isinstance(entries, list):
            raise RulePackError(f"{name}: 'entry' must be an array of tables ([[entry]])")
        lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"(?m)^[ \t]*\[\[[ \t]*entry[ \t]*\]\]", text)]
        try:
            existing = self.rules.get(header["rule"])
            if existing is None:
                rule = kind(header, name)
                rule.add_pack({}, entries, name, lines)
                self.add(rule, name)
                for companion in rule.companions():
                    # A second rule of the same kind (a user's S901 of kind "sections") keeps
                    # the companions of the first: their ids are taken.
                    if companion.id not in self.rules:
                        self.add(companion, name)
            elif isinstance(existing, kind):
                existing.add_pack(header, entries, name, lines)
            else:
                raise RulePackError(f"{name}: rule {header['rule']} exists and is not of kind {header['kind']}")
        except (KeyError, TypeError, ValueError) as exc:
            message = str(exc)
            raise RulePackError(message if message.startswith(name) else f"{name}: {message}") from None

    def data_version(self) -> str:
        versions = sorted({v for r in self.rules.values() for v in getattr(r, "data_versions", [])})
        return versions[-1] if versions else ""

    def select(self, config: Config) -> list[Rule]:
        """The rules a run uses, in id order.

        ``select`` takes ids and prefixes ("T", "T001", "ALL"); a rule that is off by
        default is enabled only when named by its full id (or by ALL)."""

        def matches(rule: Rule, patterns: Iterable[str]) -> bool:
            return any(p == "ALL" or rule.id.startswith(p) for p in patterns)

        chosen = []
        for rule in sorted(self.rules.values(), key=lambda r: r.id):
            patterns = list(config.select) if config.select is not None else []
            patterns += config.extend_select
            if config.select is None and rule.default_enabled:
                wanted = True
            elif rule.default_enabled:
                wanted = matches(rule, patterns)
            else:
                wanted = rule.id in patterns or "ALL" in patterns
            if wanted and not matches(rule, config.ignore):
                chosen.append(rule)
        return chosen

    @staticmethod
    def ignored(rule_id: str, config: Config) -> bool:
        return any(p == "ALL" or rule_id.startswith(p) for p in config.ignore)

    def unknown_selectors(self, selectors: Iterable[str]) -> list[str]:
        return [s for s in selectors if s != "ALL" and not any(r.startswith(s) for r in self.rules)]


def _plugins_installed() -> bool:
    """Whether any installed distribution declares a ``summarylint.rules`` entry point: a
    quick look at the entry_points.txt files on sys.path."""
    import os
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry or ".", name, "entry_points.txt"), encoding="utf-8") as f:
                        if "summarylint.rules" in f.read():
                            return True
                except OSError:
                    continue
    return False


def periods_for(document: Document, outline: Outline, config: Config) -> dict:
    from summarylint.period import find_period, parse_period_option

    if config.period:
        fixed = parse_period_option(config.period)
        return {s.index: fixed for s in outline.summaries}
    fallback_year = None
    created = document.properties.get("created", "")
    if created[:4].isdigit():
        fallback_year = int(created[:4])
    periods = {}
    for summary in outline.summaries:
        opening = [
            document.block(b).text
            for b in summary.block_range()
            if outline.kinds.get(b) == "b"
        ][:3]
        periods[summary.index] = find_period(summary.title, opening, fallback_year=fallback_year)
    return periods


PERIOD_UNKNOWN = "R000"


def check_document(document: Document, config: Config, ruleset: RuleSet) -> FileResult:
    if not document.blocks:  # a package whose body holds no paragraph at all: nothing to judge
        return FileResult(document.path, document, Outline([], {}, {}, {}))
    outline = parse(document)
    rules = ruleset.select(config)
    ctx = Context(document, outline, config, periods_for(document, outline, config), ruleset.rules)
    findings: list[Finding] = []
    failures = []
    for rule in rules:
        try:
            findings.extend(rule.check(ctx))
        except Exception as exc:  # a bug in one rule must not hide the others' findings
            failures.append(f"internal error in rule {rule.id} ({type(exc).__name__}: {exc}); please report it")
    if any(r.needs_period for r in rules) and not ruleset.ignored(PERIOD_UNKNOWN, config):
        findings.extend(_period_unknown(ctx, ruleset))
    suppressed: list[Finding] = []
    if document.directives:
        findings, suppressed, meta = _apply_directives(findings, ctx, ruleset, rules)
        findings.extend(meta)
    result = FileResult(document.path, document, outline, ctx.periods, finish(findings, ctx))
    result.suppressed = [Suppressed(f, "inSource") for f in finish(suppressed, ctx)]
    if failures:
        result.error, result.error_kind = "; ".join(failures), "internal"
    return result


def _apply_directives(findings, ctx: Context, ruleset: RuleSet, rules: list[Rule]):
    """Split off the findings that directives suppress; report unused and invalid ones."""
    from summarylint.suppress import split

    kept, suppressed, unused, invalid = split(findings, ctx.document)
    meta: list[Finding] = []
    selected = {r.id for r in rules}
    unused_rule, invalid_rule = ruleset.rules.get("LINT001"), ruleset.rules.get("LINT002")
    if unused_rule and "LINT001" in selected:
        for region in unused:
            if region.rules and not any(s.startswith(r) for s in selected for r in region.rules):
                continue  # it names only rules that did not run: it may be needed elsewhere
            names = "、".join(region.rules) or "全部规则"
            meta.append(ctx.section_finding(
                unused_rule, region.directive.block,
                f"指令“summarylint: {region.directive.text}”（{names}）在其范围内没有抑制任何问题。",
                suggestion="删去这条指令",
            ))
    if invalid_rule and "LINT002" in selected:
        from summarylint.suppress import regions

        for region in regions(ctx.document)[0]:
            unknown = ruleset.unknown_selectors(region.rules)
            if unknown:
                names = "、".join(unknown)
                invalid.append((region.directive, f"中的 {names} 不是任何规则的编号（见 summarylint rules）"))
        for directive, reason in sorted(invalid, key=lambda item: item[0].block):
            meta.append(ctx.section_finding(
                invalid_rule, directive.block, f"“summarylint: {directive.text}”{reason}。",
                suggestion="改为如“summarylint: disable T001”的形式",
            ))
    return kept, suppressed, meta


def _period_unknown(ctx: Context, ruleset: RuleSet) -> Iterable[Finding]:
    rule = ruleset.rules.get(PERIOD_UNKNOWN)
    if rule is None:
        return
    for summary in ctx.outline.summaries:
        if ctx.periods.get(summary.index) is None:
            first = summary.title_blocks[0] if summary.title_blocks else next(
                (b.index for b in ctx.document.blocks[summary.start - 1 : summary.end] if b.text.strip()),
                summary.start,
            )
            yield ctx.section_finding(
                rule,
                first,
                "未能从标题或开头识别报告期（如“2025年上半年”），与时间有关的检查（过时提法等）未运行。",
                suggestion="在标题中写明报告期，或用 --period 2025H1 指定。",
            )


def finish(findings: Iterable[Finding], ctx: Context) -> list[Finding]:
    """Fill in document and heading, apply severity overrides, drop duplicates, sort."""
    seen = set()
    out = []
    for f in findings:
        key = (f.rule, f.span, f.message)
        if key in seen:
            continue
        seen.add(key)
        summary = ctx.outline.summary_of(f.span.block)
        heading = tuple(h.marker + h.title for h in ctx.outline.heading_path(f.span.block))
        severity = ctx.config.severity.get(f.rule, f.severity)
        out.append(dataclasses.replace(f, document=summary.index, heading=heading, severity=severity))
    out.sort(key=Finding.sort_key)
    return out


def check_path(path: str, config: Config, ruleset: RuleSet) -> FileResult:
    try:
        document = read_path(path, max_file_size=config.max_file_size)
    except InputError as exc:
        return FileResult(path, error=exc.reason, error_kind=exc.kind)
    return check_document(document, config, ruleset)


def check_bytes(data: bytes, path: str, config: Config, ruleset: RuleSet) -> FileResult:
    from summarylint.readers import read_bytes

    try:
        document = read_bytes(data, path, max_file_size=config.max_file_size)
    except InputError as exc:
        return FileResult(path, error=exc.reason, error_kind=exc.kind)
    return check_document(document, config, ruleset)


def worst(findings: Iterable[Finding]) -> Severity | None:
    return max((f.severity for f in findings), default=None)
