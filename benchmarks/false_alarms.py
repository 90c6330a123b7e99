"""False alarms on correct official prose, and typo recall, on ECSpell's odw split.

    python benchmarks/false_alarms.py [--data ../shared/data/ecspell/odw.train] [--show 20]

The target (corrected) side of odw.train is correct official writing: every finding at
warning level or above there is a false alarm.  Rules that judge a whole document or
depend on a date (scope "document", needs_period) are left out: these are single
undated sentences.  The source side holds real typos: recall is the share of changed
characters that a T finding covers (no rule data was taken from this file).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from summarylint.config import Config
from summarylint.engine import RuleSet, check_document
from summarylint.model import Block, Document, Severity

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecspell" / "odw.train"


def sentence_rules(ruleset: RuleSet) -> tuple[str, ...]:
    return tuple(
        r.id for r in ruleset.select(Config())
        if r.scope == "paragraph" and not r.needs_period
    )


def check_sentence(ruleset: RuleSet, config: Config, text: str):
    document = Document("odw", "text", (Block(1, text),))
    return check_document(document, config, ruleset).findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=15, help="list this many false alarms")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found (it is in ../shared, beside the development checkout)", file=sys.stderr)
        return 2
    rows = [line.rstrip("\n").split("\t") for line in args.data.open(encoding="utf-8") if line.strip()]
    ruleset = RuleSet.load(plugins=False)
    ids = sentence_rules(ruleset)
    config = Config(select=ids)

    chars = 0
    alarms: list[tuple[str, str, str]] = []
    by_rule: Counter[str] = Counter()
    for _, _, target in rows:
        chars += len(target)
        for f in check_sentence(ruleset, config, target):
            if f.severity >= Severity.WARNING:
                by_rule[f.rule] += 1
                alarms.append((f.rule, target[f.span.start : f.span.end], target))

    changed = detected = flagged_spans = flagged_on_errors = 0
    t_config = Config(select=tuple(i for i in ids if i.startswith("T")))
    for _, source, target in rows:
        if len(source) != len(target) or source == target:
            continue
        errors = {i for i, (a, b) in enumerate(zip(source, target, strict=True)) if a != b}
        changed += len(errors)
        covered = set()
        for f in check_sentence(ruleset, t_config, source):
            flagged_spans += 1
            span = set(range(f.span.start, max(f.span.end, f.span.start + 1)))
            if span & errors:
                flagged_on_errors += 1
            covered |= span & errors
        detected += len(covered)

    print(f"rules (sentence scope, default on): {' '.join(ids)}")
    print(f"correct side: {len(rows)} sentences, {chars} characters")
    print(f"false alarms (warning+): {len(alarms)} = {len(alarms) / chars * 10000:.2f} per 10,000 characters")
    for rule, count in by_rule.most_common():
        print(f"  {rule}: {count}")
    for rule, text, sentence in alarms[: args.show]:
        print(f"  {rule} [{text}] {sentence[:70]}")
    print(f"T recall on the typo side: {detected}/{changed} changed characters = {detected / max(changed, 1):.1%}")
    print(f"T precision on the typo side: {flagged_on_errors}/{flagged_spans} findings on a real typo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
