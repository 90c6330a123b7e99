"""A run over many paths: file discovery, per-file configuration, parallel checking.

The CLI and the Python API both go through here.  Results come back in the order of the
sorted file list whatever the number of jobs, so output is deterministic.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from summarylint.config import Config, ConfigError, find_config_file, load_config_file, matches_glob
from summarylint.engine import FileResult, RuleSet, check_bytes, check_path
from summarylint.readers import SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Overrides:
    """Settings given on the command line (None: not given)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: object = None
    period: str | None = None
    profile: str | None = None
    max_file_size: int | None = None

    def apply(self, config: Config) -> Config:
        changes: dict = {}
        if self.select is not None:
            changes["select"] = self.select
        if self.extend_select:
            changes["extend_select"] = config.extend_select + self.extend_select
        if self.ignore:
            changes["ignore"] = config.ignore + self.ignore
        for name in ("fail_on", "period", "profile", "max_file_size"):
            if getattr(self, name) is not None:
                changes[name] = getattr(self, name)
        return dataclasses.replace(config, **changes) if changes else config


@dataclass
class Settings:
    """Where configuration comes from for a run."""

    overrides: Overrides = field(default_factory=Overrides)
    config_file: str | None = None  # --config
    isolated: bool = False  # --isolated
    convert: bool = False  # --convert: legacy .doc/.wps through LibreOffice

    def __post_init__(self) -> None:
        self._cache: dict[Path | None, Config] = {}

    def base(self, path: str) -> Config:
        if self.isolated:
            source = None
        elif self.config_file:
            source = Path(self.config_file)
        else:
            source = find_config_file(Path(path) if path != "-" else Path.cwd())
        if source not in self._cache:
            self._cache[source] = load_config_file(source) if source else Config()
        return self._cache[source]

    def for_path(self, path: str) -> Config:
        return self.overrides.apply(self.base(path)).for_file(path)


def ruleset_for(rule_packs: tuple[str, ...]) -> RuleSet:
    """The rules with these extra packs; reloaded when a pack file changes (long-lived
    processes and tests edit packs between runs)."""
    stamps = []
    for pack in rule_packs:
        try:
            st = os.stat(pack)
            stamps.append((pack, st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((pack, 0, -1))
    return _ruleset(tuple(stamps))


@cache
def _ruleset(stamps: tuple[tuple[str, int, int], ...]) -> RuleSet:
    return RuleSet.load(p for p, _, _ in stamps)


def expand(paths: Iterable[str], settings: Settings) -> tuple[list[str], list[FileResult]]:
    """Files to check (directories searched, excludes and .gitignore honoured), and
    results for paths that give no file."""
    files: list[str] = []
    errors: list[FileResult] = []
    for path in _globbed(paths):
        p = Path(path)
        if path == "-" or not p.is_dir():
            files.append(path)
            continue
        config = settings.for_path(path)
        found = []
        for f in sorted(p.rglob("*")):
            if f.suffix.lower() not in SUPPORTED_SUFFIXES or not f.is_file() or f.name.startswith(("~$", ".")):
                continue
            relative = f.relative_to(p).parts
            if any(part.startswith(".") for part in relative[:-1]):
                continue
            if any(matches_glob(str(f), glob, config.root) for glob in config.exclude):
                continue
            found.append(str(f))
        found = [f for f in found if f not in set(_git_ignored(found, p))]
        if not found:
            errors.append(FileResult(path, error="directory holds no .docx, .txt or .md files to check"))
        files.extend(found)
    return files, errors


def _globbed(paths: Iterable[str]) -> list[str]:
    """Expand glob patterns the shell did not (quoted, or on Windows): "reports/**/*.docx"."""
    import glob

    out: list[str] = []
    for path in paths:
        if path != "-" and any(c in path for c in "*?[") and not Path(path).exists():
            matches = sorted(glob.glob(path, recursive=True))
            out.extend(matches or [path])  # no match: reported as a missing file
        else:
            out.append(path)
    return out


def _git_ignored(files: list[str], directory: Path) -> list[str]:
    """The files git ignores (.gitignore), when the directory is in a git work tree."""
    if not files:
        return []
    try:
        proc = subprocess.run(
            ["git", "-C", str(directory), "check-ignore", "--stdin", "-z"],
            input="\0".join(os.path.abspath(f) for f in files).encode(),
            capture_output=True, timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    if proc.returncode not in (0, 1):  # 128: not a git repository
        return []
    ignored = {Path(x).resolve() for x in proc.stdout.decode(errors="replace").split("\0") if x}
    return [f for f in files if Path(f).resolve() in ignored]


def _strip(result: FileResult) -> FileResult:
    """Drop reader handles (lxml elements) so a result can cross a process boundary."""
    if result.document is not None:
        blocks = tuple(dataclasses.replace(b, source=None) for b in result.document.blocks)
        result.document = dataclasses.replace(result.document, blocks=blocks)
    return result


def _check_one(path: str, config: Config, convert: bool) -> FileResult:
    ruleset = ruleset_for(config.rule_packs)
    result = check_path(path, config, ruleset)
    if convert and result.error_kind == "legacy-format":
        from summarylint.convert import convert_legacy

        result = convert_legacy(path, config, ruleset)
    _apply_baseline(result, config)
    return result


def _apply_baseline(result: FileResult, config: Config) -> None:
    if config.baseline:
        from summarylint.baseline import apply

        apply(result, _baseline(config.baseline), Path(config.baseline).parent)


@cache
def _baseline(path: str):
    from summarylint.baseline import load

    return load(Path(path))


def _worker(args: tuple[str, Config, bool]) -> FileResult:
    return _strip(_check_one(*args))


def check_files(
    files: list[str],
    settings: Settings,
    *,
    jobs: int = 1,
    stdin: Callable[[], bytes] | None = None,
    stdin_filename: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[FileResult]:
    """Check ``files`` in order.  Raises ConfigError, RulePackError or BaselineError for a
    bad configuration, before any file is checked."""
    configs = [settings.for_path(f) for f in files]
    for packs in {c.rule_packs for c in configs}:
        ruleset_for(packs)  # a broken rule pack is reported once, before any work
    for baseline in {c.baseline for c in configs if c.baseline}:
        _baseline(baseline)
    results: list[FileResult | None] = [None] * len(files)
    parallel = [i for i, f in enumerate(files) if f != "-"]
    if jobs > 1 and len(parallel) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(parallel)), mp_context=context) as pool:
            work = [(files[i], configs[i], settings.convert) for i in parallel]
            for i, result in zip(parallel, pool.map(_worker, work), strict=True):
                results[i] = result
                if progress:
                    progress(1)
    for i, path in enumerate(files):
        if results[i] is not None:
            continue
        if path == "-":
            name = stdin_filename or "-"
            config = settings.overrides.apply(settings.base(name)).for_file(name)
            results[i] = check_bytes(stdin() if stdin else b"", name, config, ruleset_for(config.rule_packs))
            _apply_baseline(results[i], config)
        else:
            results[i] = _check_one(path, configs[i], settings.convert)
        if progress:
            progress(1)
    return [r for r in results if r is not None]


__all__ = ["ConfigError", "Overrides", "Settings", "check_files", "expand", "ruleset_for"]
