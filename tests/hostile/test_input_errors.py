"""Bad input: each hostile file gives exactly one `input` finding naming its line and cause,
and every other file in the run is still checked."""

from __future__ import annotations

import json

import pytest
from hostile_cases import CONFIG, GOOD, INPUT_CASES

from editlint.config.model import find_config, load_config
from editlint.engine.runner import Checker
from editlint.report import RunReport


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "editlint.yaml").write_text(CONFIG)
    for name, (content, *_) in INPUT_CASES.items():
        (root / name).write_bytes(content)
    (root / "good.md").write_text(GOOD)
    return root


@pytest.fixture(scope="module")
def checker(repo):
    return Checker(load_config(find_config(repo), repo))


@pytest.mark.parametrize("name", sorted(INPUT_CASES))
def test_one_input_finding_naming_line_and_cause(repo, checker, name):
    _, code, line, words = INPUT_CASES[name]
    result = checker.check_file(repo / name)
    report = RunReport([result], cwd=repo)
    assert [(item.diagnostic.code, item.line) for item in report.located] == [(code, line)]
    finding = report.located[0].diagnostic
    assert (finding.category.value, finding.severity.value) == ("input", "error")
    for word in words:
        assert word in finding.message
    assert not (repo / "PWNED").exists()


def test_cli_reports_every_bad_file_checks_the_good_one_and_exits_1(repo, cli):
    result = cli("check", "--format", "json", ".", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    found = {}
    for diagnostic in report["diagnostics"]:
        found.setdefault(diagnostic["path"], []).append((diagnostic["code"], diagnostic["line"]))
    expected = {name: [(code, line)] for name, (_, code, line, _) in INPUT_CASES.items()}
    assert found == expected  # good.md has no finding, and was checked:
    assert report["summary"]["files"] == len(INPUT_CASES) + 1
    assert not (repo / "PWNED").exists()


def test_default_limits_refuse_a_line_of_two_million_characters(tmp_path, cli):
    (tmp_path / "wide.md").write_text("Lead [@a].\n\n" + "[^" * 1_000_000 + "\n")
    (tmp_path / "good.md").write_text(GOOD)
    result = cli("check", "--format", "concise", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "wide.md:3:1: INP007 [error] line is 2,000,000 characters long, over the limit of "
        "100,000 (max_line_length); not checked"
    )
    assert "in 1 of 2 file(s)" in result.stdout


def test_text_checks_screen_the_same_way_as_files(checker):
    assert [d.code for d in checker.check_text("").diagnostics] == ["INP004"]
    assert [d.code for d in checker.check_text("a\0b").diagnostics] == ["INP005"]
    result = checker.check_text("x" * 1001)
    assert [(d.code, d.start) for d in result.diagnostics] == [("INP007", 0)]
    assert result.parsed is False
