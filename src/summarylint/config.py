"""Run configuration: which rules, which severities, which period."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarylint.model import Severity
from summarylint.readers import DEFAULT_MAX_FILE_SIZE


@dataclass(frozen=True)
class Config:
    #: Rule ids or prefixes to enable (None: the default set).
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: rule id → severity override
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    #: ``--period`` as given ("2025H1", …), applied to every document of the run.
    period: str | None = None
    profile: str = "work-summary"
    #: Extra rule pack files (the user's own TOML packs).
    rule_packs: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
