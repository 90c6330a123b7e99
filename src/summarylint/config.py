"""Run configuration: which rules, which severities, which period — and where it comes from.

Settings are discovered upward from each checked file: the closest ``summarylint.toml``,
``.summarylint.toml`` or ``pyproject.toml`` with a ``[tool.summarylint]`` table wins (no
merging, as in ruff).  ``--config PATH`` names one file for the whole run; ``--isolated``
ignores all.  Options given on the command line override the file.  A malformed file is
an error naming the file, line and key: a setting that silently does nothing is the worst
failure a linter can have.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from summarylint.model import Severity
from summarylint.readers import DEFAULT_MAX_FILE_SIZE

CONFIG_NAMES = ("summarylint.toml", ".summarylint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` names the file and position."""


@dataclass(frozen=True)
class Config:
    #: Rule ids or prefixes to enable (None: the default set).
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: (glob, rule selectors) pairs: rules ignored for files matching the glob.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: rule id → severity override
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    #: ``--period`` as given ("2025H1", …), applied to every document of the run.
    period: str | None = None
    profile: str = "work-summary"
    #: Extra rule pack files (the user's own TOML packs), as absolute paths.
    rule_packs: tuple[str, ...] = ()
    #: Globs of paths not to check when a directory is searched.
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    #: The unit's official name (consistency rules).
    unit_name: str | None = None
    #: Baseline file: findings recorded there are not reported.
    baseline: str | None = None
    #: The file the settings came from (None: defaults / command line only).
    source: str | None = None

    def for_file(self, path: str) -> Config:
        """This configuration with the per-file ignores that match ``path`` applied."""
        extra = tuple(
            sel for glob, sels in self.per_file_ignores if matches_glob(path, glob, self.root) for sel in sels
        )
        return replace(self, ignore=self.ignore + extra) if extra else self

    @property
    def root(self) -> Path | None:
        """Globs in a configuration file are relative to its directory."""
        return Path(self.source).parent if self.source else None


def matches_glob(path: str, glob: str, root: Path | None) -> bool:
    """ruff-like matching: a glob without "/" matches the file name or any path part;
    otherwise it matches the path relative to ``root`` (or as given)."""
    p = PurePath(path)
    candidates = [p.as_posix()]
    if root is not None:
        try:
            candidates.append(Path(path).resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            pass
    if "/" not in glob.rstrip("/"):
        return any(fnmatch.fnmatch(part, glob.rstrip("/")) for part in p.parts)
    return any(fnmatch.fnmatch(c, glob) or fnmatch.fnmatch(c, glob.rstrip("/") + "/*") for c in candidates)


def find_config_file(start: Path) -> Path | None:
    """The closest configuration file at or above ``start`` (a file or directory)."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory.resolve(), *directory.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "summarylint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


# key → (type description, converter)
_LIST_KEYS = ("select", "extend-select", "ignore", "rule-packs", "exclude")
_KNOWN_KEYS = (
    *_LIST_KEYS, "per-file-ignores", "severity", "fail-on", "profile", "period", "max-file-size", "unit-name",
    "baseline",
)


def _line_of(text: str, key: str, sub: str | None = None) -> int | None:
    """The line where ``key`` (or ``sub`` inside the ``[key]`` table) is set."""
    m = re.search(rf"^\s*(\[\s*(tool\.summarylint\.)?{re.escape(key)}\s*\]|\"?{re.escape(key)}\"?\s*=)",
                  text, re.MULTILINE)
    if m and sub:
        inner = re.compile(rf"^\s*\"?{re.escape(sub)}\"?\s*=", re.MULTILINE | re.IGNORECASE).search(text, m.end())
        m = inner or m
    return text.count("\n", 0, m.start()) + 1 if m else None


def load_config_file(path: Path) -> Config:
    """Read and validate one configuration file."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read the configuration file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: the configuration file is not UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("summarylint", {})
    return settings_to_config(data, path, text)


def settings_to_config(data: dict[str, Any], path: Path, text: str = "") -> Config:
    def fail(key: str, problem: str, sub: str | None = None) -> ConfigError:
        line = _line_of(text, key, sub)
        where = f"{path}:{line}" if line else str(path)
        return ConfigError(f"{where}: {key}: {problem}")

    unknown = [k for k in data if k not in _KNOWN_KEYS]
    if unknown:
        key = unknown[0]
        close = difflib.get_close_matches(key.replace("_", "-"), _KNOWN_KEYS, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(_KNOWN_KEYS)})"
        raise fail(key, f"unknown key{hint}")

    def str_list(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of strings")
        return tuple(value)

    settings: dict[str, Any] = {"source": str(path)}
    if "select" in data:
        settings["select"] = tuple(v.upper() for v in str_list("select"))
    settings["extend_select"] = tuple(v.upper() for v in str_list("extend-select"))
    settings["ignore"] = tuple(v.upper() for v in str_list("ignore"))
    settings["exclude"] = str_list("exclude")
    settings["rule_packs"] = tuple(str((path.parent / p).resolve()) for p in str_list("rule-packs"))
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in pfi.values()
    ):
        raise fail("per-file-ignores", 'must be a table of glob = ["RULE", ...]')
    settings["per_file_ignores"] = tuple((glob, tuple(v.upper() for v in sels)) for glob, sels in pfi.items())
    severities = data.get("severity", {})
    if not isinstance(severities, dict):
        raise fail("severity", 'must be a table of RULE = "error" | "warning" | "info"')
    overrides = {}
    for rule, level in severities.items():
        try:
            overrides[rule.upper()] = Severity.parse(str(level))
        except ValueError as exc:
            raise fail("severity", f"{rule}: {exc}", sub=rule) from None
    settings["severity"] = overrides
    if "fail-on" in data:
        try:
            settings["fail_on"] = Severity.parse(str(data["fail-on"]))
        except ValueError as exc:
            raise fail("fail-on", str(exc)) from None
    for key, attr in (("profile", "profile"), ("period", "period"), ("unit-name", "unit_name")):
        if key in data:
            if not isinstance(data[key], str):
                raise fail(key, "must be a string")
            settings[attr] = data[key]
    if "period" in settings:
        from summarylint.period import parse_period_option

        try:
            parse_period_option(settings["period"])
        except ValueError as exc:
            raise fail("period", str(exc)) from None
    if "baseline" in data:
        if not isinstance(data["baseline"], str):
            raise fail("baseline", "must be a path string")
        settings["baseline"] = str((path.parent / data["baseline"]).resolve())
    if "max-file-size" in data:
        try:
            settings["max_file_size"] = parse_size(data["max-file-size"])
        except ValueError as exc:
            raise fail("max-file-size", str(exc)) from None
    return Config(**settings)


def parse_size(value: Any) -> int:
    """50MB, 512KB, 1048576 → bytes."""
    if isinstance(value, int) and not isinstance(value, bool):
        number, factor = float(value), 1
    else:
        text = str(value).strip().upper().removesuffix("B")
        factor = {"K": 1024, "M": 1024**2, "G": 1024**3}.get(text[-1:], 1)
        try:
            number = float(text[:-1] if factor > 1 else text)
        except ValueError:
            raise ValueError(f"{value!r} is not a size such as 50MB") from None
    if number <= 0:
        raise ValueError("must be a positive size")
    return int(number * factor)


STARTER = """\
# summarylint configuration (https://pypi.org/project/summarylint/ — see the README).
# Settings apply to the files in this directory and below.  Command-line options win.

# Rules: ids or family prefixes (S R T N F P C); `summarylint rules` lists them.
# select = ["S", "R", "T", "N", "F", "P", "C"]   # replaces the default set
# extend-select = ["C003"]                         # adds rules that are off by default
# ignore = ["F003"]

# Severity per rule: "error", "warning" or "info".
# [severity]
# P007 = "info"

# The lowest severity that makes `summarylint check` exit with code 1.
fail-on = "warning"

# Which parts a summary must have: "work-summary" or "party-branch".
profile = "work-summary"

# Reporting period for every document (otherwise read from each title), e.g. "2025H1".
# period = "2025H1"

# Your own rule packs (TOML; see rules/*.toml in the project for the format).
# rule-packs = ["summarylint-terms.toml"]

# Paths not checked when a directory is searched (globs).
# exclude = ["drafts/", "*.bak.docx"]

# Rules ignored for some files only.
# [per-file-ignores]
# "templates/*.docx" = ["N002"]

# The unit's official name, for the consistency rules.
# unit-name = "××县交通运输局"

# Findings recorded in a baseline file are not reported (see --baseline).
# baseline = "summarylint-baseline.json"

# Larger input files are refused.
max-file-size = "50MB"
"""
