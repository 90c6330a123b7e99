"""summarylint: a rule-based checker for Chinese official work summaries (工作总结)."""

__version__ = "0.1.0"
