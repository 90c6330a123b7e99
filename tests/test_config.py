"""Configuration files, per-file ignores, baselines, batches and the config/init commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarylint.cli import main
from summarylint.config import STARTER, Config, ConfigError, find_config_file, load_config_file

TYPO = "某局2025年上半年工作总结\n　　全面落实意认形态工作责任制。\n　　1、强化组织领导\n　　组织学习12次。\n"


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args))
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(args))


def rules_of(output: str) -> list[tuple[str, int]]:
    return [(f["rule"], f["paragraph"]) for f in json.loads(output)["findings"]]


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.txt").write_text(TYPO, encoding="utf-8")
    return tmp_path


def test_discovery_closest_wins_and_pyproject_table(project):
    (project / "pyproject.toml").write_text('[tool.summarylint]\nignore = ["F"]\n', encoding="utf-8")
    assert find_config_file(project / "reports" / "a.txt") == (project / "pyproject.toml").resolve()
    (project / "reports" / ".summarylint.toml").write_text('select = ["F001"]\n', encoding="utf-8")
    assert find_config_file(project / "reports" / "a.txt") == (project / "reports" / ".summarylint.toml").resolve()
    out = run("check", str(project / "reports" / "a.txt"), "--format", "json").output
    assert rules_of(out) == [("F001", 3)]
    out = run("check", str(project / "templates" / "t.txt"), "--format", "json").output
    assert [r for r, _ in rules_of(out)] == ["T001"]  # pyproject: F ignored


def test_command_line_overrides_and_isolated(project):
    (project / "summarylint.toml").write_text('select = ["F001"]\n', encoding="utf-8")
    path = str(project / "reports" / "a.txt")
    assert rules_of(run("check", path, "--format", "json", "--select", "T001").output) == [("T001", 2)]
    assert [r for r, _ in rules_of(run("check", path, "--format", "json", "--isolated").output)] == ["T001", "F001", "F003"]
    other = project / "other.toml"
    other.write_text('ignore = ["T", "F"]\n', encoding="utf-8")
    assert rules_of(run("check", path, "--format", "json", "--config", str(other)).output) == []


def test_per_file_ignores_severity_and_fail_on(project):
    (project / "summarylint.toml").write_text(
        '[per-file-ignores]\n"templates/*" = ["T001"]\n[severity]\nF001 = "info"\n', encoding="utf-8"
    )
    out = json.loads(run("check", str(project), "--format", "json").output)
    by_file = {}
    for f in out["findings"]:
        by_file.setdefault(Path(f["path"]).parent.name, []).append((f["rule"], f["severity"]))
    assert by_file["reports"] == [("T001", "error"), ("F001", "info"), ("F003", "info")]
    assert by_file["templates"] == [("F001", "info"), ("F003", "info")]
    (project / "summarylint.toml").write_text('ignore = ["T"]\nfail-on = "error"\n', encoding="utf-8")
    assert run("check", str(project)).exit_code == 0


@pytest.mark.parametrize(("content", "message"), [
    ('selct = ["T"]\n', "summarylint.toml:1: selct: unknown key (did you mean 'select'?)"),
    ('ignore = "T001"\n', "summarylint.toml:1: ignore: must be a list of strings"),
    ('\n\n[severity]\nT001 = "fatal"\n', "summarylint.toml:4: severity: T001: unknown severity 'fatal'"),
    ("select = [\n", "summarylint.toml: invalid TOML"),
    ('period = "2025H3"\n', "summarylint.toml:1: period:"),
])
def test_malformed_config_is_an_error_with_position(tmp_path, content, message):
    path = tmp_path / "summarylint.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=None) as info:
        load_config_file(path)
    assert message in str(info.value)
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith("summarylint: error: ") and message in result.stderr
    assert "Traceback" not in result.output


def test_unknown_rule_in_config_is_reported(tmp_path):
    (tmp_path / "summarylint.toml").write_text('ignore = ["T999"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TYPO, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert "summarylint.toml: no rule matches T999" in result.stderr


def test_user_rule_pack_extends_and_adds_rules(tmp_path):
    (tmp_path / "mine.toml").write_text(
        '[pack]\nrule = "T901"\nkind = "terms"\nname = "house-style"\nsummary = "本单位用语"\n'
        'explanation = "本单位规定的用语规范，例如简称一律写全称，避免读者误解。这里是说明文字。"\n'
        '[[entry]]\nwrong = "交通局"\nright = "交通运输局"\nsafe = true\nfail = ["县交通局"]\npass = ["县交通运输局"]\n',
        encoding="utf-8",
    )
    (tmp_path / "summarylint.toml").write_text('rule-packs = ["mine.toml"]\nselect = ["T901"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("　　县交通局组织学习12次。\n", encoding="utf-8")
    out = json.loads(run("check", str(tmp_path / "a.txt"), "--format", "json").output)
    assert [(f["rule"], f["column"], f["text"], f["fix"]) for f in out["findings"]] == [
        ("T901", 4, "交通局", {"replacement": "交通运输局", "safe": True}),
    ]
    (tmp_path / "mine.toml").write_text('[pack]\nrule = "T901"\nkind = "spelling"\n', encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and "mine.toml: unknown rule kind 'spelling'" in result.stderr


def test_exclude_and_gitignore(project):
    (project / "summarylint.toml").write_text('exclude = ["templates/"]\n', encoding="utf-8")
    out = json.loads(run("check", str(project), "--format", "json").output)
    assert [Path(f["path"]).name for f in out["files"]] == ["a.txt"]


def test_baseline_reports_only_new_findings(project):
    target = project / "reports"
    baseline = project / "baseline.json"
    result = run("check", str(target), "--baseline", str(baseline))
    assert result.exit_code == 0 and "wrote 3 findings" in result.stderr
    stored = baseline.read_text(encoding="utf-8")
    assert "意认形态" not in stored  # hashes only: no document text in the baseline
    (project / "summarylint.toml").write_text('baseline = "baseline.json"\n', encoding="utf-8")
    assert run("check", str(target)).exit_code == 0
    (target / "a.txt").write_text(TYPO + "　　强化意识形态领城管理。\n", encoding="utf-8")
    out = json.loads(run("check", str(target), "--format", "json").output)
    assert [(f["rule"], f["text"]) for f in out["findings"]] == [("T001", "领城")]


def test_jobs_give_the_same_ordered_output(project):
    for i in range(6):
        (project / "reports" / f"b{i}.txt").write_text(TYPO, encoding="utf-8")
    one = run("check", str(project), "--format", "json", "--jobs", "1").output
    two = run("check", str(project), "--format", "json", "--jobs", "2").output
    assert one == two
    names = [Path(f["path"]).relative_to(project).as_posix() for f in json.loads(one)["files"]]
    assert names == ["reports/a.txt", *(f"reports/b{i}.txt" for i in range(6)), "templates/t.txt"]


def test_statistics_and_summary(project):
    out = run("check", str(project), "--statistics", "--isolated").output.splitlines()
    assert [line.split() for line in out[:-1]] == [
        ["2", "F001", "[*]", "heading-number-format"],
        ["2", "F003", "heading-level-skipped"],
        ["2", "T001", "[*]", "misspelled-term"],
    ]
    table = run("check", str(project), "--summary", "--isolated").output.splitlines()
    assert [row.split() for row in table[:3]] == [
        ["文件", "总结", "错误", "警告", "提示"],
        [str(project / "reports" / "a.txt"), "1", "1", "1", "1"],
        [str(project / "templates" / "t.txt"), "1", "1", "1", "1"],
    ]


def test_config_command_and_init(tmp_path):
    result = run("init", str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "summarylint.toml").read_text(encoding="utf-8") == STARTER
    assert load_config_file(tmp_path / "summarylint.toml") == Config(
        source=str(tmp_path / "summarylint.toml"), fail_on=Config().fail_on
    )
    assert run("init", str(tmp_path)).exit_code == 2
    shown = run("config", str(tmp_path), "--ignore", "F003").output
    assert f"# source: {tmp_path / 'summarylint.toml'}" in shown
    assert 'ignore = ["F003"]' in shown and 'profile = "work-summary"' in shown
    assert "F003" not in shown.splitlines()[-1].split(": ", 1)[1].split()


def test_quoted_glob_patterns_are_expanded(project):
    out = json.loads(run("check", str(project / "**" / "*.txt"), "--format", "json", "--isolated").output)
    assert sorted(Path(f["path"]).name for f in out["files"]) == ["a.txt", "t.txt"]
    missing = run("check", str(project / "nothing-*.docx"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_suppression_directives_through_the_cli(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# 某局2025年上半年工作总结\n\n<!-- summarylint: disable-next-line T001 -->\n全面落实意认形态工作责任制。\n"
        "全面落实意认形态工作责任制。\n<!-- summarylint: disable P999 -->\n",
        encoding="utf-8",
    )
    out = json.loads(run("check", str(path), "--format", "json", "--isolated", "--select", "T001,LINT").output)
    assert [(f["rule"], f["paragraph"], f["column"]) for f in out["findings"]] == [("T001", 5, 5), ("LINT002", 6, 1)]
    assert out["findings"][1]["message"] == "“summarylint: disable P999”中的 P999 不是任何规则的编号（见 summarylint rules）。"


def test_rule_pack_errors_name_file_line_and_key(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nrule = "T001"\nkind = "terms"\n\n[[entry]]\nwrong = "布署"\nright = "部署"\n'
        'fail = ["认真布署"]\npass = ["认真部署"]\n\n[[entry]]\nwrong = "交待"\nnot_after = "("\n',
        encoding="utf-8",
    )
    (tmp_path / "summarylint.toml").write_text('rule-packs = ["mine.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"summarylint: error: {pack}:11: entry 2: 'right' is required")
    pack.write_text(pack.read_text(encoding="utf-8").replace('wrong = "交待"', 'wrong = "交待"\nright = "交代"'),
                    encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"))
    assert f"{pack}:11: entry 2: 'not_after' is not a valid regular expression" in result.stderr


def test_a_user_rule_of_a_kind_with_companions(tmp_path):
    from summarylint.engine import RuleSet

    pack = tmp_path / "profile.toml"
    pack.write_text(
        '[pack]\nrule = "S901"\nkind = "sections"\nname = "our-required-parts"\nsummary = "本单位要求的部分"\n'
        'explanation = "本单位的总结还须写明经验体会部分，便于交流推广；缺少时提示。这里是规则说明。"\n'
        '[[entry]]\nprofile = "work-summary"\npart = "lessons"\nname = "经验体会"\nheading = "体会|经验|启示"\n',
        encoding="utf-8",
    )
    ruleset = RuleSet.load([pack], plugins=False)
    assert {"S001", "S002", "S005", "S901"} <= set(ruleset.rules)
    assert ruleset.rules["S002"].parts_rule is ruleset.rules["S001"]
